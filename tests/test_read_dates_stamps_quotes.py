"""Dates the reader must not take for dates of the news: stamp lines and quoted "today"."""

from __future__ import annotations

import pytest

from newsprism.ingest.text import from_text
from newsprism.model import Article
from newsprism.read import dates
from newsprism.read.nlp import load_nlp

BODY = ("The city council approved the new harbour budget on Monday after a long debate, the "
        "mayor's office said.\n\n"
        "Work on the northern pier will start in the spring, officials said.\n")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _read(nlp, article: Article) -> list[tuple[str, str]]:
    dates.annotate(article, nlp(article.text))
    return [(d.text, d.value) for d in article.dates]


def test_a_stamp_line_kept_as_text_is_no_dated_event(nlp):
    # At the foot of the page, where the cleaner keeps it as text: still only a stamp.
    text = f"Council approves harbour budget\n\n{BODY}\nPosted on March 16, 2015 10:52PM\n"
    article = from_text(text, "harbour", published="2015-03-17")
    found = _read(nlp, article)
    assert ("Monday", "2015-03-16") in found
    assert not any("March 16" in written for written, _ in found)


def test_a_clock_time_in_a_stamp_is_never_read_as_a_day(nlp):
    text = f"MARCH 16, 2015 10:52PM\nCouncil approves harbour budget\n\n{BODY}"
    article = from_text(text, "harbour")
    found = _read(nlp, article)
    assert article.published.startswith("2015-03-16")
    assert [value for _, value in found] == ["2015-03-16"]  # only "Monday", from the body


def test_today_inside_a_quotation_is_the_speakers_present(nlp):
    text = ('"We can build the harbour and protect the coast today, " the mayor said on '
            "Tuesday.\n\nThe council voted today to fund the pier.")
    article = Article(id="q", text=text, published="2015-03-12")
    found = _read(nlp, article)
    assert found == [("Tuesday", "2015-03-10"), ("today", "2015-03-12")]


def test_a_quote_continued_from_the_paragraph_above_still_counts(nlp):
    text = ('"The harbour is the heart of this city.\n\n'
            'With smart policies we can grow our economy today and keep the coast clean. "\n')
    article = Article(id="q", text=text, published="2015-03-12")
    assert _read(nlp, article) == []


@pytest.mark.parametrize("quoted", [
    "Today's ruling gives married couples certainty",  # a possessive: the ruling's day
    "The interview he gave today shows he changed his mind",  # a past act
    "She will testify today before the committee",  # a future act
    "Today, his neighbours urged him to step aside",
])
def test_today_dating_an_act_inside_a_quotation_is_read(nlp, quoted):
    article = Article(id="q", text=f'"{quoted}," the minister said.', published="2015-03-12")
    assert ("2015-03-12" in [value for _, value in _read(nlp, article)])


def test_yesterday_and_tomorrow_inside_a_quotation_are_always_days(nlp):
    text = ('"As I said yesterday, she must appear at tomorrow\'s hearing," the chairman '
            "said.")
    article = Article(id="q", text=text, published="2015-03-12")
    assert [value for _, value in _read(nlp, article)] == ["2015-03-11", "2015-03-13"]


def test_today_in_the_present_tense_inside_a_quotation_is_not_read(nlp):
    text = '"Our harbour is busier today than it has ever been," the mayor said on Tuesday.'
    article = Article(id="q", text=text, published="2015-03-12")
    assert _read(nlp, article) == [("Tuesday", "2015-03-10")]
