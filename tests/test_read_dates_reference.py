"""What a year-less date is resolved against: the publication date (the article's or its
dateline's), never a year the text names."""

from __future__ import annotations

import pytest

from newsprism.model import Article, DateMention, Paragraph
from newsprism.read import dates
from newsprism.read.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _read(nlp, text: str, published: str | None = None) -> list[DateMention]:
    article = Article(id="t", text=text, published=published)
    dates.annotate(article, nlp(text))
    return article.dates


def test_a_bare_background_year_does_not_date_the_news(nlp):
    found = _read(nlp, "The navy said in November it had sunk a pirate ship. It was the worst "
                       "attack on shipping in the gulf since 1991.")
    by_text = {d.text: d.value for d in found}
    assert by_text["November"] == "--11"
    assert by_text["1991"] == "1991"


def test_a_year_written_with_a_month_is_no_reference_either(nlp):
    # "sentenced April 9 for the robbery in July 2004": the stated year is another event's.
    found = _read(nlp, "The driver was sentenced April 9 for the robbery in July 2004 of a "
                       "bank.")
    by_text = {d.text: d.value for d in found}
    assert by_text["April 9"] == "--04-09"
    assert by_text["July 2004"] == "2004-07"


def test_a_past_yearless_date_is_the_last_one_before_publication(nlp):
    found = _read(nlp, "The driver was sentenced April 9 for the robbery in July 2004 of a "
                       "bank.", published="2006-05-12")
    assert {d.text: d.value for d in found}["April 9"] == "2006-04-09"


def test_a_numeric_dateline_is_the_reference_when_the_page_gave_no_date(nlp):
    text = "POSTED: 11/04/09, 7:15 PM PST\n\nThe driver was sentenced April 9 for robbery."
    article = Article(id="t", text=text, paragraphs=[
        Paragraph(start=0, end=29, role="dateline"), Paragraph(start=31, end=len(text))])
    dates.annotate(article, load_nlp()(text))
    assert [(d.text, d.value) for d in article.dates] == [("April 9", "2009-04-09")]


def test_a_day_recurring_each_month_is_no_date(nlp):
    found = _read(nlp, "The company releases its patches on the second Tuesday of each month.",
                  published="2015-04-08")
    assert found == []
