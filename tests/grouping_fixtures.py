"""Small articles written for the group and store tests: two look-alike earthquakes, each told by
two outlets, and an unrelated council vote."""

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
