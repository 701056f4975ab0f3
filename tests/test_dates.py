"""Dates: ISO values with precision, resolved against the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.model import Article, DateMention
from newsprism.read import dates
from newsprism.read.nlp import load_nlp

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture
def read(nlp):
    def _read(text: str, published: str | None = None) -> list[DateMention]:
        article = Article(id="t", text=text, published=published)
        dates.annotate(article, nlp(text))
        for d in article.dates:
            assert article.text[d.start : d.end] == d.text
        return article.dates

    return _read


def _values(found: list[DateMention]) -> list[tuple[str, str, str]]:
    return [(d.text, d.value, d.precision) for d in found]


def test_day_without_year_takes_the_publication_year(read):
    found = read("Soldiers will leave the country by September 11.", published="2021-04-14")
    assert _values(found) == [("September 11", "2021-09-11", "day")]


def test_day_without_year_or_publication_date_stays_yearless_whatever_year_is_stated(read):
    # The year named elsewhere may be another event's: without a publication date there is no
    # telling which year "September 11" falls in, so it is not guessed.
    found = read("The pullout ends by September 2021. Troops leave by September 11.")
    assert _values(found) == [("September 2021", "2021-09", "month"),
                              ("September 11", "--09-11", "day")]


def test_day_without_any_year_stays_yearless(read):
    assert _values(read("Troops leave by September 11.")) == [("September 11", "--09-11", "day")]


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("The conference on April 14, 2021 was short.", "2021-04-14", "day"),
        ("He arrived on 12 May, 2019 in the capital.", "2019-05-12", "day"),
        ("It was signed in September 2021 in Doha.", "2021-09", "month"),
        ("The vote took place in 2019 in Kabul.", "2019", "year"),
        ("It happened in early September 2020 in Kabul.", "2020-09", "month"),
    ],
)
def test_explicit_dates(read, sentence, value, precision):
    found = read(sentence)
    assert [(d.value, d.precision) for d in found] == [(value, precision)]


def test_may_first_resolved_against_the_publication_date_not_a_stated_year(read):
    text = "Officials met on April 14, 2019. Troops start leaving by May 1."
    assert [d.value for d in read(text)] == ["2019-04-14", "--05-01"]
    assert [d.value for d in read(text, published="2021-04-20")] == ["2019-04-14", "2021-05-01"]


def test_weekday_follows_the_tense_from_publication(read):
    # 2021-04-12 is a Monday.
    found = read("The ministers will hold talks on Wednesday.", published="2021-04-12")
    assert [d.value for d in found] == ["2021-04-14"]
    found = read("The ministers held talks on Friday.", published="2021-04-12")
    assert [d.value for d in found] == ["2021-04-09"]


def test_weekday_and_deictic_words_need_a_publication_date(read):
    assert read("The ministers will hold talks on Wednesday and meet again tomorrow.") == []
    found = read("We will agree to that today.", published="2021-04-14")
    assert [d.value for d in found] == ["2021-04-14"]


def test_durations_are_not_dates(read):
    assert read("We will work together in the weeks and months ahead, within a few months, "
                "a day after the talks.") == []


def test_slash_date_is_a_yearless_reference(read):
    assert _values(read("Life changed after 9/11 for many.")) == [("9/11", "--09-11", "day")]


def test_anniversary_of_yearless_date_falls_in_the_article_year(read):
    found = read("On April 14, 2021 he said troops would be home before the 20th anniversary "
                 "of 9/11.", published="2021-04-15")
    assert _values(found)[-1] == ("20th anniversary of 9/11", "2021-09-11", "day")


def test_anniversary_of_the_attacks_phrase(read):
    found = read("They will pull back by the 20th anniversary of the 9/11 attacks.",
                 published="2021-04-14")
    assert _values(found) == [("20th anniversary of the 9/11 attacks", "2021-09-11", "day")]


def test_anniversary_of_a_dated_event_adds_the_years(read):
    found = read("It marks the 10th anniversary of 11 September 2001 in New York.")
    assert [d.value for d in found] == ["2011-09-11"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seed_dates():
    from newsprism.ingest import from_text
    from newsprism.read import read

    a, b = read([from_text(p.read_text(encoding="utf-8"), p.stem)
                 for p in sorted(SEEDS.glob("*.txt"))])
    # The first seed states no publication date: its year-less dates stay year-less (the
    # comparison still finds them agreeing with the second seed's 2021-09-11).
    assert a.published is None
    assert {(d.text, d.value) for d in a.dates} >= {
        ("September 11", "--09-11"), ("September 2021", "2021-09"),
        ("20th anniversary of the 9/11 attacks", "--09-11")}
    assert {(d.text, d.value) for d in b.dates} >= {
        ("May 1", "2021-05-01"), ("20th anniversary of 9/11", "2021-09-11")}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Brown lost his re-election bid in November to Elizabeth Warren.", "2012-11"),
        ("She defended her handling of last September's attack.", "2012-09"),
        ("Voters will choose a successor in a special election set for June 25.", "2013-06-25"),
        ("The council will vote in March on the budget.", "2013-03"),
        ("The budget was passed on January 3 by the council.", "2013-01-03"),
    ],
)
def test_month_without_year_follows_the_tense(read, sentence, value):
    # Published at the end of January: a past November is last year's, a coming June this year's.
    assert [d.value for d in read(sentence, published="2013-01-30")] == [value]


def test_a_recurring_day_is_no_date(read):
    found = read("You need not sit in the pew every Sunday, or on Sundays, to know it. "
                 "They met on Tuesday.", published="2021-03-10")
    assert _values(found) == [("Tuesday", "2021-03-09", "day")]


def test_the_day_of_a_time_of_day_is_a_date(read):
    # The tagger labels "Sunday night" a time; its weekday still names a day of the calendar.
    found = read("The mayor was defeated Sunday night by a newcomer.", published="2014-06-11")
    assert _values(found) == [("Sunday", "2014-06-08", "day")]
    assert not read("The polls close at 10 p.m. local time.", published="2014-06-11")


@pytest.mark.parametrize(("text", "time", "day"), [
    ("Polls closed Sunday, 10 p.m. local time.", "Sunday, 10 p.m.", "Sunday"),
    ("Polls closed June 10 p.m. local time.", "June 10 p.m.", "June"),
    ("Polls closed at 10 p.m. June 5, 2014, officials said.", "10 p.m. June 5, 2014",
     "June 5, 2014"),
    ("Polls closed ² June 10 p.m.", "² June 10 p.m.", "June"),  # no int() of "²"
])
def test_the_day_of_a_time_is_not_followed_into_the_hour(nlp, text, time, day):
    # Called on the time span itself: the tagger does not always label such a phrase a time.
    doc = nlp(text)
    start = text.index(time)
    span = doc.char_span(start, start + len(time), label="TIME")
    part = dates._calendar_part(span)
    assert part is not None and part.text == day
