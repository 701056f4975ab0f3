"""Dates of different acts are not set against each other: another venue or another time. The
participants of a dated act are read (for rules that need them)."""

from __future__ import annotations

import pytest

from newsprism.compare.facts import find_facts
from newsprism.model import Article, Fact
from newsprism.read import read
from newsprism.read.entities import canonicalise
from newsprism.read.nlp import load_nlp


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


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Coach Mia Lund fired Harlan Pike on Monday.", {"agent:mia lund", "patient:harlan pike"}),
    ("The Hawks fired Harlan Pike on Monday.", {"patient:harlan pike"}),
    ("Harlan Pike was fired on Monday by Mia Lund.", {"agent:mia lund", "patient:harlan pike"}),
    ("Harlan Pike, who was fired on Monday, is suing.", {"patient:harlan pike"}),
    ("Harlan Pike, fired on June 8, is suing the university.", {"patient:harlan pike"}),
])
def test_the_dated_acts_agent_and_patient_are_read(nlp, sentence, expected):
    article = Article(id="p", text=sentence, published="2015-06-10")
    from newsprism.read import dates
    dates.annotate(article, nlp(sentence))
    assert {p for d in article.dates for p in d.participants} == expected
