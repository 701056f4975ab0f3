"""Small articles written for the group and store tests: two look-alike earthquakes, each told by
two outlets, and an unrelated council vote; in German, the northern quake (once naming what the
English reports name, once a short report with few of their names) and a mayor's election."""

from __future__ import annotations

from newsprism.model import Article


def make_article(article_id: str, title: str, body: str, published: str | None = None,
                 outlet: str | None = None) -> Article:
    return Article.from_paragraphs(article_id, body.split("\n"), title=title,
                                   published=published, outlet=outlet)


QUAKE_NORTH_A = make_article(
    "quake-north-a",
    "Magnitude 6.1 earthquake strikes Velmora province, killing at least 14",
    "A magnitude 6.1 earthquake struck Velmora province early on Tuesday, killing at least 14 "
    "people and flattening dozens of stone houses in the hill town of Ostrava Nueva.\n"
    "Governor Lidia Marchetti said rescue teams were still searching the rubble in Ostrava Nueva "
    "and two neighbouring villages.\n"
    "\"We are digging with our hands,\" Marchetti told reporters at the Velmora civil protection "
    "office. The Halden Seismic Institute put the epicentre 9 km north of Ostrava Nueva.",
    published="2024-03-05", outlet="Daily Courier",
)
QUAKE_NORTH_B = make_article(
    "quake-north-b",
    "Rescuers dig through rubble after deadly Velmora quake",
    "Rescuers in Velmora province dug through collapsed houses on Tuesday after a strong "
    "earthquake killed 14 people around Ostrava Nueva, Governor Lidia Marchetti said.\n"
    "The Halden Seismic Institute measured the quake at magnitude 6.1, with its epicentre north "
    "of Ostrava Nueva. Marchetti said the death toll could rise as teams reach outlying villages.",
    published="2024-03-05", outlet="Morning Ledger",
)
QUAKE_SOUTH_A = make_article(
    "quake-south-a",
    "Earthquake of magnitude 5.8 hits coastal Tarsenne, three dead",
    "An earthquake of magnitude 5.8 hit the coastal region of Tarsenne on Saturday, killing "
    "three people in the port city of Belcastro, Mayor Jonas Okafor said.\n"
    "Okafor said a hotel and a school were damaged in Belcastro. The Southern Geophysical "
    "Observatory located the epicentre offshore, 20 km west of Belcastro.",
    published="2024-04-20", outlet="Daily Courier",
)
QUAKE_SOUTH_B = make_article(
    "quake-south-b",
    "Three killed as quake shakes Belcastro",
    "Three people died when a 5.8-magnitude earthquake shook Belcastro in Tarsenne on Saturday, "
    "according to Mayor Jonas Okafor.\n"
    "The Southern Geophysical Observatory said the quake was centred offshore west of Belcastro; "
    "Okafor said a hotel and a school had cracks and would stay shut.",
    published="2024-04-20", outlet="Morning Ledger",
)
COUNCIL_VOTE = make_article(
    "council-vote",
    "Dunmore council approves new tram line after long debate",
    "Dunmore city council voted 31 to 12 on Thursday to build a tram line linking the harbour to "
    "the university district, ending two years of debate over the cost.\n"
    "Councillor Priya Raman, who chairs the transport committee, said construction would begin "
    "next spring and the line would carry 40,000 passengers a day.",
    published="2024-03-07", outlet="Morning Ledger",
)

ALL = [QUAKE_NORTH_A, QUAKE_SOUTH_A, COUNCIL_VOTE, QUAKE_NORTH_B, QUAKE_SOUTH_B]

QUAKE_NORTH_DE = make_article(
    "quake-north-de",
    "Erdbeben der Stärke 6,1 erschüttert die Provinz Velmora: mindestens 14 Tote",
    "Ein Erdbeben der Stärke 6,1 hat am Dienstagmorgen die Provinz Velmora erschüttert und "
    "mindestens 14 Menschen getötet. In der Bergstadt Ostrava Nueva stürzten Dutzende "
    "Steinhäuser ein.\n"
    "Gouverneurin Lidia Marchetti sagte, Rettungsteams suchten in Ostrava Nueva und zwei "
    "Nachbardörfern weiter in den Trümmern. Das Halden Seismic Institute ortete das Epizentrum "
    "neun Kilometer nördlich der Stadt.",
    published="2024-03-05", outlet="Tagesblatt",
)
ELECTION_DE = make_article(
    "election-de",
    "Stadtrat von Brenning wählt neuen Bürgermeister",
    "Der Stadtrat von Brenning hat am Donnerstag Tobias Hallberg mit 27 von 41 Stimmen zum "
    "neuen Bürgermeister gewählt.\n"
    "Hallberg versprach, den Bau des Hallenbads noch in diesem Jahr zu beginnen und die "
    "Gebühren für Kindergärten zu senken.",
    published="2024-03-06", outlet="Tagesblatt",
)
# Shares too few words and names with the English reports for the stream's word features to join
# it to their story; the multilingual model does.
QUAKE_NORTH_DE_SHORT = make_article(
    "quake-north-de-short",
    "Vierzehn Tote bei Erdbeben in Velmora",
    "Bei einem Erdbeben der Stärke 6,1 sind in der Provinz Velmora am Dienstag mindestens 14 "
    "Menschen ums Leben gekommen. Dutzende Steinhäuser in einer Bergstadt stürzten ein.\n"
    "Gouverneurin Marchetti sagte, die Helfer gruben mit bloßen Händen in den Trümmern.",
    published="2024-03-05", outlet="Tagesblatt",
)
