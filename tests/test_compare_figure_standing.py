"""Compare: a claim the outlet itself disputes, and a market's move during the day against its
close, are not the outlet's version of another outlet's figure."""

from __future__ import annotations

from newsprism.compare.facts import find_facts
from newsprism.model import Article, Fact
from newsprism.read import read
from newsprism.read.canonical import canonicalise


def _conflicts(*bodies: str) -> list[Fact]:
    articles = [Article.from_paragraphs(f"outlet{i}", body.split("\n\n"), title="Tax returns",
                                        published="2021-04-14", outlet=f"outlet{i}")
                for i, body in enumerate(bodies)]
    articles = read(articles)
    facts = find_facts(articles, canonicalise(articles), encoder=None)
    return [f for f in facts if f.kind == "quantity" and f.status == "conflict"]


OWN = "The returns show that the couple's 2019 federal tax rate was 35.7 percent of income."


def test_a_claim_the_outlet_doubts_in_the_next_sentence_is_not_its_figure():
    doubted = ("Tom Reyes said the couple's 2019 federal tax rate was 30 percent of income. It "
               "was unclear where Reyes got the figure.")
    assert not _conflicts(OWN, doubted)


def test_a_claim_corrected_in_its_own_sentence_is_not_its_figure():
    corrected = ("Tom Reyes claimed the couple's 2019 federal tax rate was 30 percent of income, "
                 "but in fact the returns show more.")
    assert not _conflicts(OWN, corrected)


def test_a_claim_the_outlet_reports_without_doubt_still_conflicts():
    reported = ("Tom Reyes said the couple's 2019 federal tax rate was 30 percent of income. He "
                "spoke in Ohio on Monday.")
    assert _conflicts(OWN, reported)


def test_a_fall_during_the_day_is_not_the_close():
    assert not _conflicts(
        "Markets reacted with alarm as city shares plunged 4.6 percent on the Lisbon exchange.",
        "Markets reacted with alarm as city shares closed down 2.8 percent on the Lisbon "
        "exchange.",
    )
    assert _conflicts(
        "Markets reacted with alarm as city shares closed down 4.6 percent on the Lisbon "
        "exchange.",
        "Markets reacted with alarm as city shares closed down 2.8 percent on the Lisbon "
        "exchange.",
    )


def test_counts_of_two_quakes_told_apart_by_magnitude_do_not_conflict():
    # The second outlet names both quakes: its 5.2 quake is another one than the 5.6 quake.
    assert not _conflicts(
        "A 5.6-magnitude earthquake struck the island, injuring five people, officials said.",
        "A magnitude-5.2 earthquake struck the island, injuring three people, officials said. "
        "It came a day after a 5.6 quake shook the coast.",
    )


def test_a_sentence_without_a_magnitude_speaks_of_its_leads_quake():
    assert not _conflicts(
        "A magnitude-5.6 earthquake struck the island, damaging homes.\n\nOfficials said the "
        "quake injured five people.",
        "A magnitude-5.2 earthquake struck the island, damaging homes.\n\nOfficials said the "
        "quake injured three people.\n\nA 5.6 quake had hit the coast on Sunday.",
    )


def test_counts_of_one_quake_given_differently_still_conflict():
    assert _conflicts(
        "A magnitude-5.6 earthquake struck the island, injuring five people, officials said.",
        "A 5.6-magnitude earthquake struck the island, injuring three people, officials said.",
    )
    # A magnitude given to fewer digits is the same quake: "magnitude 6" and 6.1.
    assert _conflicts(
        "A magnitude-6 earthquake struck the island, injuring five people, officials said.",
        "A 6.1-magnitude earthquake struck the island, injuring three people, officials said.",
    )
    # Two outlets each giving one magnitude, differently, may give two agencies' readings of
    # one quake: their counts are still set against each other.
    assert _conflicts(
        "A magnitude-5.9 earthquake struck the island, injuring 40 people, officials said.",
        "A 6.1-magnitude earthquake struck the island, injuring 25 people, officials said.",
    )


def test_counts_of_two_flights_do_not_conflict_but_one_flights_do():
    assert not _conflicts(
        "Flight 212 landed safely in Denver with 148 passengers on board, the airline said.",
        "Flight 809 landed safely in Denver with 96 passengers on board, the airline said. "
        "Flight 212 had landed an hour earlier.",
    )
    assert _conflicts(
        "Flight 212 landed safely in Denver with 148 passengers on board, the airline said.",
        "Flight 212 landed safely in Denver with 96 passengers on board, the airline said.",
    )


def test_a_background_quake_further_down_does_not_mark_the_storys():
    # The second outlet gives no magnitude in its lead; its 6.4 quake is an earlier one, named
    # at the end, and the first outlet names it too: the counts are still of one quake.
    assert _conflicts(
        "A magnitude-5.6 earthquake struck the island, injuring five people, officials said."
        "\n\nA 6.4 quake hit another town in February.",
        "An earthquake struck the island, injuring three people, officials said.\n\nResidents "
        "fled their homes.\n\nThe region is prone to quakes.\n\nIn February, a quake measuring "
        "6.4 hit another town, killing 600 people.",
    )


def test_a_change_is_not_a_level_nor_a_rise_a_fall():
    # "Up 45 percent" is a change from an earlier vote, "62 percent" the level turnout reached,
    # "a 30 percent decline" another party's change.
    rise = "Turnout in the Hollowmere primary was up 45 percent from 2008, officials said."
    level = "Turnout in the Hollowmere primary reached 62 percent, up from 2008, officials said."
    fall = ("Turnout in the Hollowmere primary showed a 30 percent decline from 2008, officials "
            "said.")
    assert not _conflicts(rise, level)
    assert not _conflicts(rise, fall)


def test_one_change_given_differently_still_conflicts():
    assert _conflicts(
        "Turnout in the Hollowmere primary was up more than 70 percent from 2008, officials said.",
        "Turnout in the Hollowmere primary rose 30 percent from 2008, officials said.",
    )
    assert _conflicts(
        "Ada Flint won 73 percent of the vote in the Hollowmere primary, officials said.",
        "Ada Flint won 30 percent of the vote in the Hollowmere primary, officials said.",
    )
