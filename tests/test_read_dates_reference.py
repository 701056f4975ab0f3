"""What a year-less date is resolved against: a year stated with a month, not a bare year."""

from __future__ import annotations

import pytest

from newsprism.model import Article, DateMention
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


def test_a_year_written_with_a_month_still_dates_the_others(nlp):
    found = _read(nlp, "The frigate reached the gulf on September 15, 2008, and sank a pirate "
                       "ship on November 19. Piracy has grown since 1991.")
    by_text = {d.text: d.value for d in found}
    assert by_text["November 19"] == "2008-11-19"


def test_a_day_recurring_each_month_is_no_date(nlp):
    found = _read(nlp, "The company releases its patches on the second Tuesday of each month.",
                  published="2015-04-08")
    assert found == []
