"""Two acts of one kind on two days are not one act misdated: who or what takes part tells them
apart (two firings of two people, two signings of two documents, two games of different sides,
the first round and the second). The same act given two days still conflicts."""

from __future__ import annotations

import pytest

from newsprism.compare.facts import find_facts
from newsprism.model import Article, Fact
from newsprism.read import read
from newsprism.read.canonical import canonicalise

PUBLISHED = "2015-05-23"  # every date below is weeks before: none of them is the day's news


def _date_conflicts(*bodies: str) -> list[Fact]:
    built = [Article.from_paragraphs(f"outlet{i}", body.split("\n\n"), title="Coaching news",
                                     published=PUBLISHED, outlet=f"outlet{i}")
             for i, body in enumerate(bodies)]
    built = read(built)
    facts = find_facts(built, canonicalise(built), encoder=None)
    return [f for f in facts if f.kind == "date" and f.status == "conflict"]


def test_two_people_fired_on_two_days_are_two_firings():
    # A relative clause and a participle each date the firing of the man they describe.
    assert not _date_conflicts(
        "Harlan Pike, who was fired by the Rivertown Hawks on March 2, will coach the Owls.",
        "Owen Marsh, fired by the Rivertown Hawks on March 9, is suing the club.",
    )


def test_one_person_fired_on_two_days_conflicts():
    assert _date_conflicts(
        "Harlan Pike, who was fired by the Rivertown Hawks on March 2, will coach the Owls.",
        "Harlan Pike, fired by the Rivertown Hawks on March 9, will coach the Owls.",
    )


def test_one_person_named_with_a_title_is_the_same_person():
    assert _date_conflicts(
        "Harlan Pike, who was fired by the Rivertown Hawks on March 2, will coach the Owls.",
        "Mr. Pike, fired by the Rivertown Hawks on March 9, will coach the Owls.",
    )


def test_two_documents_signed_on_two_days_are_two_signings():
    assert not _date_conflicts(
        "On April 14, Governor Ruth Calder signed an executive order on water use.",
        "A clause in a highway funding bill signed by Governor Ruth Calder on April 2 lets "
        "counties raise tolls.",
    )


def test_one_document_signed_on_two_days_conflicts():
    assert _date_conflicts(
        "On April 14, Governor Ruth Calder signed a highway funding bill that lets counties "
        "raise tolls.",
        "A clause in a highway funding bill signed by Governor Ruth Calder on April 2 lets "
        "counties raise tolls.",
    )


def test_a_game_between_two_other_sides_is_another_game():
    # The first outlet dates the semifinal between two other teams; the second the game the
    # Owls play against its winner.
    assert not _date_conflicts(
        "The Dockside Owls will play the winner of the May 8 semifinal between the Rivertown "
        "Hawks and the Eastport Gulls.",
        "The Dockside Owls advanced and will play on May 9 against the winner of the other "
        "semifinal.",
    )


def test_one_game_between_the_same_sides_on_two_days_conflicts():
    assert _date_conflicts(
        "The Dockside Owls will face the winner of the May 8 semifinal between the Rivertown "
        "Hawks and the Eastport Gulls.",
        "The Rivertown Hawks will play the Eastport Gulls in the May 9 semifinal, with the "
        "Dockside Owls facing the winner.",
    )


def test_the_first_and_the_second_round_are_two_rounds():
    assert not _date_conflicts(
        "Voters in Eastport elected Mayor Ada Flint in the first round of voting on March 1.",
        "Voters in Eastport elected Mayor Ada Flint in the second round of voting on March 15.",
    )


def test_one_round_on_two_days_conflicts():
    assert _date_conflicts(
        "Voters in Eastport elected Mayor Ada Flint in the second round of voting on March 1.",
        "Voters in Eastport elected Mayor Ada Flint in the second round of voting on March 15.",
    )


@pytest.mark.parametrize("sentence, date, expected", [
    ("Harlan Pike, fired on March 2, is suing the club.", "March 2", {"patient:harlan pike"}),
    ("Harlan Pike, who was fired on March 2, is suing the club.", "March 2",
     {"patient:harlan pike"}),
    ("The club fired Harlan Pike on March 2.", "March 2",
     {"patient:harlan pike", "noun:club"}),  # a common-noun doer is kept as a noun
    ("On April 14, Ruth Calder signed an executive order.", "April 14",
     {"doer:ruth calder", "agent:ruth calder", "thing:executive order", "noun:order"}),
    ("Ruth Calder signed the bill on April 14.", "April 14",
     {"doer:ruth calder", "agent:ruth calder", "noun:bill"}),  # not which bill: no thing
    ("Eastport State improved to 25-7 and advances to play Saturday in the semifinal.",
     "Saturday", {"doer:eastport state"}),  # the subject "play" borrows; not "Saturday"
    ("The Owls will face the winner of Friday's second semifinal between the Hawks and the "
     "Gulls.", "Friday", {"instance:second", "party:hawks", "party:gulls"}),
])
def test_the_dated_acts_participants_are_read(sentence, date, expected):
    article = read([Article.from_paragraphs("a", [sentence], published=PUBLISHED)])[0]
    mention = next(d for d in article.dates if d.text == date)
    assert set(mention.participants) == expected
