"""Publication stamps: lines that say when a page was published or updated, nothing else.

"Posted: Apr 8, 2015 8:20 AM ET", "Last Updated: Wednesday, 8 April 2015, 21:15 GMT",
"Thursday, April 9, 2015". Such a line has a headline's shape and a date a reader would compare,
so the text cleaner must tell it from the headline and the body (it is the page's dateline).
"""

from __future__ import annotations

import re

from newsprism.ingest import patterns
from newsprism.ingest.metadata import find_dates

# A line of stamps alone may string two together ("Posted: … | Updated: …"); longer is prose.
MAX_STAMP_WORDS = 24
# A clock time as pages print it: "5:03pm", "11:34PM", "8:41 p.m.", "20:09", "5:55p". Copies of
# pages that were tokenised put spaces after the colon and inside "p. m." ("8: 41 p. m."); the
# pattern tolerates them, since a stamp line is told by having nothing else in it.
_CLOCK = re.compile(r"\b\d{1,2}\s?[:.]\s?\d{2}(?:\s?[ap]\.?\s?m\b\.?|[ap]\b|\s?hrs\b)?"
                    r"|\b[ap]\.\s?m\.", re.IGNORECASE)
# Time zones are written in capitals: "ET", "EDT", "AKDT", "GMT", "IST", "UK" (for UK time).
_ZONE = re.compile(r"\b(?:[A-Z]{0,3}[SD]?T|UTC|UK)\b")
# Words stamps are labelled with: "Story created:", "Edited time:", "First posted", "Date:".
_STAMP_LABEL = re.compile(
    r"\b(?:published|updated|posted|edited|created|modified|first|last|story|time|date|at|on)"
    r"\b|[@|]", re.IGNORECASE,
)


def is_timestamp(text: str) -> bool:
    """A line that is nothing but publication stamps: dates, clock times, time zones, separators
    and the labels stamps carry ("Posted on", "Last updated at", "Edited time:"). Such a line
    says when the page was published, not when anything in the story happened, however many
    stamps it strings together ("Posted: … Last Updated: …")."""
    if len(text.split()) > MAX_STAMP_WORDS:
        return False
    dates = find_dates(text)
    if not dates:
        return False
    rest = text
    for date in sorted(dates, key=lambda d: d.start, reverse=True):
        rest = rest[: date.start] + " " + rest[date.end :]
    rest = _ZONE.sub(" ", _CLOCK.sub(" ", rest))
    return not patterns.TIMESTAMP_RESIDUE.sub("", _STAMP_LABEL.sub(" ", rest)).strip()
