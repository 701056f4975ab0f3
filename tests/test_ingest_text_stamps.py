"""Publication stamps above or under the headline are datelines, never the title or body."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.ingest.stamps import is_timestamp, stamp_date
from newsprism.ingest.text import from_text

BODY = ("Ferry crossings were cancelled on Sunday after a fire broke out in the engine room of "
        "the island ferry, the operator said.\n\n"
        "About 300 passengers were taken back to the harbour, where two crew members were "
        "treated for smoke inhalation.\n")


@pytest.mark.parametrize("stamp", [
    "Thursday, April 9, 2015",
    "updated 9:15 p.m. EST, Wed April 8, 2015",
    "Last Updated: Wednesday, 8 April 2015, 21:15 GMT",
    "APRIL 8, 2015 10:52PM",
    "10:52 P.M. APR. 8, 2015",
    "Posted: Apr 8, 2015 8:20 AM ET Last Updated: Apr 8, 2015 9:10 PM ET",
    "Edited time: April 8, 2015 22:15",
    "April 8th, 2015, 21:15 GMT",
])
def test_a_stamp_above_the_headline_is_a_dateline_and_dates_the_article(stamp):
    text = f"{stamp}\nFerry operator halts crossings after engine fire\n\n{BODY}"
    article = from_text(text, "ferry")
    assert article.title_text == "Ferry operator halts crossings after engine fire"
    roles = [p.role for p in article.paragraphs]
    assert roles == ["dateline", "title", "body", "body"]
    assert article.published.startswith("2015-04-0")


def test_a_stamp_under_the_headline_is_no_standfirst():
    text = f"Ferry operator halts crossings after engine fire\n8: 41 p. m. APR. 8, 2015\n\n{BODY}"
    article = from_text(text, "ferry")
    assert article.standfirst is None
    assert [p.role for p in article.paragraphs] == ["title", "dateline", "body", "body"]
    assert article.published == "2015-04-08"


@pytest.mark.parametrize("line", [
    "Ferry service fully restored: 4 November 2011",
    "The ferry sank on April 8, 2015 at 9:15 p.m.",
    "Talks resume on March 3, 2009 in Geneva",
])
def test_a_line_saying_something_besides_the_date_is_no_stamp(line):
    assert not is_timestamp(line)


@pytest.mark.parametrize(("stamp", "day"), [
    ("POSTED: 11/04/09, 7:15 PM PST |", "2009-11-04"),
    ("Originally published 05 / 03 / 2013 at 10: 20 AM EDT", "2013-05-03"),
    ("Article posted on 08. 07. 2012", "2012-07-08"),
    ("2013 - 09 - 26", "2013-09-26"),
    ("Edited on Tue Oct - 17 - 06 02: 31 PM", "2006-10-17"),
    ("WASHINGTON, April 8, 2015", "2015-04-08"),
    ("Reuters Apr 8, 2015, 02. 16PM IST", "2015-04-08"),
    ("Sunday, April 12 - 2015 at 16: 12", "2015-04-12"),
])
def test_numeric_and_place_stamps_are_stamps_with_their_day(stamp, day):
    assert is_timestamp(stamp)
    assert stamp_date(stamp) == date.fromisoformat(day)


@pytest.mark.parametrize("line", ["Jul. 7 5: 59 PM EDT", "Mumbai, Nov 11 -"])
def test_a_stamp_without_a_year_is_a_stamp_without_a_day(line):
    assert is_timestamp(line)
    assert stamp_date(line) is None


@pytest.mark.parametrize("line", [
    "In May 2011",
    "Ferry operator Fred Olsen, July 24",
    "End of service: Friday, April 10, 2015",
])
def test_prose_or_a_label_of_its_own_with_a_date_is_no_stamp(line):
    assert not is_timestamp(line)


def test_a_numeric_stamp_above_the_headline_is_a_dateline_not_the_title():
    text = f"04 / 08 / 15 07: 35 PM ET\nFerry operator halts crossings after engine fire\n\n{BODY}"
    article = from_text(text, "ferry")
    assert article.title_text == "Ferry operator halts crossings after engine fire"
    assert [p.role for p in article.paragraphs][:2] == ["dateline", "title"]
