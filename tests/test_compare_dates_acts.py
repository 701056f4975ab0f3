"""Dates of different acts are not set against each other: another venue or another time."""

from __future__ import annotations

from newsprism.compare.facts import find_facts
from newsprism.model import Article, Fact
from newsprism.read import read
from newsprism.read.canonical import canonicalise


def _story(*articles: tuple[str, str]) -> list[Fact]:
    """``(body, published)`` per outlet."""
    built = [Article.from_paragraphs(f"outlet{i}", body.split("\n\n"), title="Coach dismissed",
                                     published=published, outlet=f"outlet{i}")
             for i, (body, published) in enumerate(articles)]
    built = read(built)
    return find_facts(built, canonicalise(built), encoder=None)


def _date_conflicts(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.kind == "date" and f.status == "conflict"]


def test_hearings_before_two_courts_are_two_hearings():
    facts = _story(
        ("Mr Pike denied the charge and was remanded to appear before Kingsbridge Crown Court "
         "on 19 August.", "2015-07-23"),
        ("Mr Pike is due to appear before Kingsbridge Magistrates' Court on 23 July.",
         "2015-07-22"),
    )
    assert not _date_conflicts(facts)


def test_the_news_of_the_day_and_an_act_months_away_are_two_acts():
    # The first outlet reports today's firing; the second recalls an older one of the same man.
    facts = _story(
        ("The Rivertown Hawks fired coach Harlan Pike today after one season.", "2015-05-23"),
        ("The Rivertown Hawks fired coach Harlan Pike on June 8, 2014 after one season.",
         "2015-05-16"),
    )
    assert not _date_conflicts(facts)


def test_a_day_misdated_by_a_few_days_still_conflicts():
    facts = _story(
        ("The Rivertown Hawks fired coach Harlan Pike today after one season.", "2015-05-23"),
        ("The Rivertown Hawks fired coach Harlan Pike on May 20, 2015 after one season.",
         "2015-05-23"),
    )
    assert _date_conflicts(facts)
