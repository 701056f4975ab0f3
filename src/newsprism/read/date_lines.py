"""What of an article can carry a dated event, and the day it was published.

- A line that is only a publication stamp ("Posted on March 09, 2013", "JUNE 6, 2013 11:34PM")
  dates the page, not the news, wherever the line sits (a dateline, or a stamp the cleaner kept
  as text at the foot of the page).
- Words inside a quotation are the speaker's: "today" there is the speaker's present ("we can
  grow our economy today"), not a day the reporter dates (which words are quoted:
  :func:`newsprism.read.quotemarks.quoted_stretches`).
- The publication day is the article's date, else the one its dateline states (numeric forms the
  cleaner could not read as a date: "POSTED: 05/02/07").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from newsprism.ingest.stamps import is_timestamp, stamp_date
from newsprism.model import Article


def within(offset: int, stretches: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in stretches)


def stamp_lines(article: Article) -> list[tuple[int, int]]:
    """Paragraphs that only stamp the page: datelines, and stamp lines kept as text."""
    return [(p.start, p.end) for p in article.paragraphs
            if p.role == "dateline" or is_timestamp(article.text[p.start:p.end])]


# --- reference --------------------------------------------------------------------------------


def publication_day(article: Article) -> date | None:
    """The day the article was published: its own date, else the one its dateline states."""
    return _published_date(article.published) or _dateline_date(article)


def _dateline_date(article: Article) -> date | None:
    """The day the article's dateline states, when the cleaner could not read it as the
    publication date (numeric forms: "POSTED: 05/02/07")."""
    for paragraph in article.paragraphs:
        if paragraph.role == "dateline":
            day = stamp_date(article.text[paragraph.start:paragraph.end])
            if day is not None:
                return day
    return None


def _published_date(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None  # a year or month is not enough to place "Wednesday"
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        return None
