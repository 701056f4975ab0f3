"""Publication stamps: lines that say when a page was published or updated, nothing else.

"Posted: Apr 8, 2015 8:20 AM ET", "Last Updated: Wednesday, 8 April 2015, 21:15 GMT",
"Thursday, April 9, 2015", "04/08/15 8:20 PM ET", "WASHINGTON, April 8, 2015". Such a line has a
headline's shape and a date a reader would compare, so the text cleaner must tell it from the
headline and the body (it is the page's dateline), and the date reader must not take its date for
a date of the news.

A stamp is a line that is only dates, clock times, time zones and separators, with at most a
short label: the words stamps are labelled with ("Posted on", "Last updated at", "Article
posted"), a place or agency in capitals ("WASHINGTON", "TNN") and one capitalised name
("Mumbai, Nov 11 -", "Reuters Sep 18, 2013"). A line that says anything more is prose.
"""

from __future__ import annotations

import re
from datetime import date

from newsprism.ingest import patterns
from newsprism.ingest.metadata import find_dates

# A line of stamps alone may string two together ("Posted: … | Updated: …"); longer is prose.
MAX_STAMP_WORDS = 24
# A clock time as pages print it: "5:03pm", "10:52PM", "8:41 p.m.", "20:09", "5:55p",
# "23:37:00". Copies of pages that were tokenised put spaces after the colon and inside "p. m."
# ("8: 41 p. m."); the pattern tolerates them, since a stamp line is told by having nothing
# else in it.
_CLOCK = re.compile(r"\b\d{1,2}\s?[:.]\s?\d{2}(?:\s?:\s?\d{2})?"
                    r"(?:\s?[ap]\.?\s?m\b\.?|[ap]\b|\s?hrs\b)?"
                    r"|\b[ap]\.\s?m\.", re.IGNORECASE)
# Time zones are written in capitals: "ET", "EDT", "AKDT", "GMT", "IST", "UK" (for UK time).
_ZONE = re.compile(r"\b(?:[A-Z]{0,3}[SD]?T|UTC|UK)\b")
# Words stamps are labelled with: "Story created:", "Edited time:", "First posted", "Date:",
# "Originally published", "Article posted on".
_STAMP_LABEL = re.compile(
    r"\b(?:published|updated|posted|edited|created|modified|first|last|story|article"
    r"|originally|time|date|at|on)\b|[@|]", re.IGNORECASE,
)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# Numeric dates, spaced as tokenised copies print them: "11/04/09", "8 / 2 / 2013",
# "08. 07. 2012", "2013 - 09 - 26"; and "Dec-19-05".
_NUMERIC = re.compile(r"\b(\d{1,4})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{2,4})\b(?!\s?[:.]\s?\d)")
_NAMED_NUMERIC = re.compile(rf"\b({_MONTH})\s?-\s?(\d{{1,2}})\s?-\s?(\d{{2,4}})\b", re.IGNORECASE)
# A month and day without the year ("Jul. 7 5:59 PM EDT", "Nov 11 -"): a date only in a stamp.
# With a year after a dash it is a full date ("Sunday, November 27 - 2005").
_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s?-\s?(\d{{4}})\b)?"
                        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?![a-z])", re.IGNORECASE)
# Of a stamp's label, words in capitals (a dateline's place, an agency: "WASHINGTON", "TNN")
# are allowed freely, a capitalised name once ("Mumbai", "Reuters"), not a function word ("In May
# 2011" is a phrase of prose); nothing else.
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")
_NAME = re.compile(r"\b[A-Z][a-z]+\b")
FUNCTION_WORDS = {"in", "on", "at", "by", "since", "from", "until", "till", "before", "after",
                  "during", "through", "for", "to", "of", "the", "a", "an", "and", "or", "this",
                  "that", "next", "early", "late", "mid", "about", "around"}
MAX_CAPITAL_WORDS = 3


def is_timestamp(text: str) -> bool:
    """A line that is nothing but publication stamps: dates, clock times, time zones, separators
    and the labels stamps carry ("Posted on", "Last updated at", "Edited time:"). Such a line
    says when the page was published, not when anything in the story happened, however many
    stamps it strings together ("Posted: … Last Updated: …")."""
    if len(text.split()) > MAX_STAMP_WORDS:
        return False
    rest, found = _without_dates(text)
    if not found:
        return False
    rest = _STAMP_LABEL.sub(" ", _ZONE.sub(" ", _CLOCK.sub(" ", rest)))
    rest = patterns.TIMESTAMP_RESIDUE.sub(" ", rest)
    capitals = _CAPITALS.findall(rest)
    rest = _CAPITALS.sub(" ", rest)
    names = _NAME.findall(rest)
    rest = _NAME.sub(" ", rest, count=1)
    return (not rest.strip() and len(capitals) <= MAX_CAPITAL_WORDS and len(names) <= 1
            and not any(name.lower() in FUNCTION_WORDS for name in names))


def _without_dates(text: str) -> tuple[str, bool]:
    """The line with every date blanked, and whether it had any."""
    rest, found = text, False
    for start, end in sorted(((d.start, d.end) for d in find_dates(text)), reverse=True):
        rest, found = rest[:start] + " " * (end - start) + rest[end:], True
    for pattern in (_NAMED_NUMERIC, _NUMERIC, _MONTH_DAY):
        rest, count = pattern.subn(lambda m: " " * len(m.group()), rest)
        found = found or count > 0
    return rest, found


def stamp_date(text: str) -> date | None:
    """The day a stamp line gives ("POSTED: 11/04/09" -> 2009-11-04). Numeric dates are read
    month first when written with slashes (as US sites do, unless the first number cannot be a
    month) and day first when written with dots (as European sites do)."""
    written = find_dates(text)
    if written and written[0].precision != "month":
        return date.fromisoformat(written[0].iso[:10])
    named = _NAMED_NUMERIC.search(text)
    if named:
        month = _MONTHS.index(named.group(1).lower()[:3]) + 1
        return _day(_year(named.group(3)), month, int(named.group(2)))
    spelled = _MONTH_DAY.search(text)
    if spelled and spelled.group(3):
        month = _MONTHS.index(spelled.group(1).lower()[:3]) + 1
        return _day(int(spelled.group(3)), month, int(spelled.group(2)))
    numeric = _NUMERIC.search(text)
    if not numeric:
        return None
    first, separator, second, last = numeric.groups()
    if len(first) == 4:
        return _day(int(first), int(second), int(last))
    a, b = int(first), int(second)
    month_first = separator != "." if a <= 12 and b <= 12 else a <= 12
    month, day = (a, b) if month_first else (b, a)
    return _day(_year(last), month, day)


def _year(written: str) -> int:
    return int(written) + 2000 if len(written) == 2 else int(written)


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
