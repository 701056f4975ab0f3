"""One canonical id per person and organisation across the articles of a story (issue 4, item 3),
on articles written for the test: full name with and without a middle initial, honorific,
bare surname, the office before the name and alone, and an organisation in two spellings."""

from __future__ import annotations

import pytest

from newsprism.model import Article
from newsprism.read import entities, quotes, read, sentences
from newsprism.read.canonical import canonicalise
from newsprism.read.evaluation import Example, article_of

USED = [sentences.annotate, entities.annotate, quotes.annotate]


def _story(*texts: str) -> list[Article]:
    return read([article_of(Example(f"a{i}", t, [])) for i, t in enumerate(texts)], components=USED)


@pytest.fixture(scope="module")
def story() -> tuple[list[Article], list]:
    articles = _story(
        "Ministers meet in Oslo\n\n"
        "Secretary of State Maria J. Lopez arrived in Oslo for talks with Nato on Monday.\n\n"
        "Ms Lopez said the alliance would stay united.\n",
        "Alliance talks\n\n"
        "Maria Lopez met NATO officials. The Secretary of State said the talks were frank.\n\n"
        "Carlos Lopez, a trade envoy, said the tariffs would stay.\n",
    )
    return articles, canonicalise(articles)


def test_every_form_of_one_persons_name_and_office_is_one_entity(story):
    articles, found = story
    lopez = next(e for e in found if e.name == "Maria J. Lopez")
    assert {"Maria Lopez", "Ms Lopez", "Secretary of State", "The Secretary of State"} <= set(
        lopez.aliases
    )
    assert {m.article for m in lopez.mentions} == {a.id for a in articles}


def test_both_articles_quote_the_same_canonical_speaker(story):
    articles, _ = story
    first = next(q for q in articles[0].quotes if "stay united" in q.text)
    second = next(q for q in articles[1].quotes if "talks were frank" in q.text)
    assert first.speaker_entity == second.speaker_entity == "person:maria-j-lopez"


def test_another_person_of_the_same_surname_stays_apart(story):
    articles, found = story
    carlos = next(e for e in found if e.name == "Carlos Lopez")
    assert carlos.id != "person:maria-j-lopez"
    tariffs = next(q for q in articles[1].quotes if "tariffs" in q.text)
    assert tariffs.speaker_entity == carlos.id


def test_an_organisation_in_two_spellings_is_one_entity(story):
    _, found = story
    nato = [e for e in found if e.name.casefold() == "nato"]
    assert len(nato) == 1 and {"NATO", "Nato"} <= {nato[0].name, *nato[0].aliases}


def test_an_office_named_only_in_another_article_of_the_story_is_that_person():
    articles = _story(
        "Ministers meet in Oslo\n\n"
        "Secretary of State Maria J. Lopez arrived in Oslo for talks on Monday.\n",
        "Alliance talks\n\n"
        "The talks opened in Oslo. The Secretary of State said the talks were frank.\n\n"
        "Germany's defence minister, who arrived late, said the budget would grow.\n",
        "Budget row\n\nDefence Minister Ute Brandt said on Tuesday that Germany would spend more.\n",
    )
    found = canonicalise(articles)
    frank = next(q for q in articles[1].quotes if "talks were frank" in q.text)
    grow = next(q for q in articles[1].quotes if "budget would grow" in q.text)
    assert frank.speaker_entity == "person:maria-j-lopez"
    brandt = next(e for e in found if e.name == "Ute Brandt")
    assert grow.speaker_entity == brandt.id
