"""Quotation marks: where quoted words start and end, in any of the usual typographic styles.

Works line by line on raw text, so it needs no parse and never gives up on a mark left open: an
unclosed quote simply runs to the end of its line (news style for a quote that continues in the
next paragraph, which then re-opens with a fresh mark).

:func:`find_segments` reads marks by the words they touch. :func:`quoted_stretches` adds what
that cannot read, for callers that only ask *whether* words are quoted (dates, figures): marks
a copy of a page spaced off on both sides, and a quote closed on a line below the one that
opened it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DOUBLE_MARKS = '"“”„«»‟'
OPENING_ONLY = "„«‟"
CLOSING_ONLY = "»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
APOSTROPHES = "''"  # two apostrophes for a double mark, as old wire copy writes them
BACKTICKS = "``"  # two backticks open such a mark in typewriter-style copy: ``…''
OPENING_CONTEXT = " \t([{—–-:/"  # characters after which a mark usually opens a quote
_CANDIDATE = re.compile("[" + re.escape(DOUBLE_MARKS) + "'`]")  # where a mark may be (fast scan)


@dataclass(frozen=True, order=True)
class QuoteSegment:
    """Quoted content ``[start, end)`` (marks excluded) within one line of text."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    line_start: bool  # the opening mark is the first visible character of its line

    @property
    def closed(self) -> bool:
        return self.close_mark is not None


def _mark_length(text: str, i: int) -> int:
    """1 for a quotation mark at ``i``, 2 for a doubled apostrophe or backtick (old wire style
    ''…'' or ``…''), 0 for anything else."""
    if text[i] in DOUBLE_MARKS:
        return 1
    if text.startswith(BACKTICKS, i):
        return 2
    if text.startswith(APOSTROPHES, i):  # of three apostrophes the last two are the mark
        return 2 if i + 2 >= len(text) or text[i + 2] != "'" else 0
    return 0


def _opens(text: str, i: int, line_start: int, length: int = 1) -> bool:
    mark = text[i]
    if mark in OPENING_ONLY or text.startswith(BACKTICKS, i):
        return True
    if mark in CLOSING_ONLY:
        return False
    before = text[i - 1] if i > line_start else " "
    after = text[i + length] if i + length < len(text) else " "
    return (before in OPENING_CONTEXT or before.isspace()) and not after.isspace()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _segment(
    text: str, open_at: int, close_at: int | None, end: int, line_start: int
) -> QuoteSegment:
    after_mark = open_at + max(1, _mark_length(text, open_at))
    start, stop = _trimmed(text, after_mark, close_at if close_at is not None else end)
    first_visible = _trimmed(text, line_start, end)[0]
    return QuoteSegment(start, stop, open_at, close_at, first_visible == open_at)


def _line_segments(text: str, line_start: int, line_end: int) -> list[QuoteSegment]:
    segments: list[QuoteSegment] = []
    open_at: int | None = None
    i = line_start
    for candidate in _CANDIDATE.finditer(text, line_start, line_end):
        if candidate.start() < i:
            continue  # the second apostrophe of a doubled mark
        i = candidate.start()
        length = _mark_length(text, i)
        if not length or i + length > line_end:
            continue
        if open_at is None:
            if _opens(text, i, line_start, length):
                open_at = i
        # Inside a quote: a mark glued to the preceding word closes it; a mark that starts a
        # new word means the earlier quote was never closed, so end it there and open anew.
        elif (
            text[i - 1].isspace()
            and _opens(text, i, line_start, length)
            and text[i] not in CLOSING_ONLY
        ):
            segments.append(_segment(text, open_at, None, i, line_start))
            open_at = i
        else:
            segments.append(_segment(text, open_at, i, line_end, line_start))
            open_at = None
        i += length
    if open_at is not None:
        segments.append(_segment(text, open_at, None, line_end, line_start))
    return segments + _single_quoted(text, line_start, line_end, segments)


# "in ‘08", "the ‘90s": a year cut short, written with an opening single mark by some pages
_ELIDED_YEAR = re.compile(r"‘\d\d(?:s|’s)?(?![\w’])")


def _single_quoted(
    text: str, line_start: int, line_end: int, doubles: list[QuoteSegment]
) -> list[QuoteSegment]:
    """Top-level ‘single quotes’ (headline style); apostrophes are told apart by needing a ‘."""
    inside_double = [(s.open_mark, s.close_mark or s.end) for s in doubles]
    found: list[QuoteSegment] = []
    i = line_start
    while i < line_end:
        opener = text.find(SINGLE_OPEN, i, line_end)
        if opener < 0:
            break
        if (
            any(a <= opener <= b for a, b in inside_double)
            or not _opens(text, opener, line_start)
            or _ELIDED_YEAR.match(text, opener)
        ):
            i = opener + 1
            continue
        closer = opener + 1
        while True:
            closer = text.find(SINGLE_CLOSE, closer, line_end)
            after = text[closer + 1] if 0 <= closer < len(text) - 1 else " "
            if closer < 0 or not after.isalnum():
                break
            closer += 1  # an apostrophe inside a word (“don’t”), keep looking
        if closer < 0:
            break
        found.append(_segment(text, opener, closer, line_end, line_start))
        i = closer + 1
    return found


def find_segments(text: str, start: int, end: int) -> list[QuoteSegment]:
    """Every quoted stretch in ``text[start:end]``, in order, one line at a time."""
    segments: list[QuoteSegment] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        segments.extend(_line_segments(text, line_start, line_end))
        line_start = line_end + 1
    return sorted(s for s in segments if s.end > s.start)


def inside(segments: list[QuoteSegment], offset: int) -> bool:
    return any(s.start <= offset < s.end for s in segments)


# --- quoted or not ------------------------------------------------------------------------------

STRAIGHT_AND_CURLY = '"“”'


@lru_cache(maxsize=16)
def quoted_stretches(text: str) -> tuple[tuple[int, int], ...]:
    """Every stretch of ``text`` between quotation marks, ``(start, end)`` with marks excluded
    from the segments :func:`find_segments` reads, line by line. Besides those:

    - Marks :func:`find_segments` left unread (spaced off on both sides by a copy of a page:
      ``Ruiz saw it. " She slid 14 feet, " Ruiz said``) pair up in order, each opening at one
      and closing at the next; the last unpaired one runs to the end of its line.
    - A line whose first unread mark follows words, under a line that left a quote open, closes
      that quote: the line is quoted up to the mark (a paragraph split inside a quotation:
      ``… keep the coast clean. "``).
    """
    stretches: list[tuple[int, int]] = []
    open_above = False  # the last line with words left a quotation open
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            found, open_above = _line_stretches(text, line_start, line_end, open_above)
            stretches += found
        line_start = line_end + 1
    return tuple(sorted(stretches))


def _line_stretches(
    text: str, line_start: int, line_end: int, open_above: bool
) -> tuple[list[tuple[int, int]], bool]:
    """One line's quoted stretches, and whether it leaves a quotation open."""
    segments = _line_segments(text, line_start, line_end)
    read_marks = {s.open_mark for s in segments} | {s.close_mark for s in segments}
    unread = [i for i in range(line_start, line_end)
              if text[i] in STRAIGHT_AND_CURLY and i not in read_marks]
    found = [(s.start, s.end) for s in segments if s.end > s.start]
    first_read = min(read_marks - {None}, default=line_end)
    if open_above and unread and unread[0] < first_read and text[line_start:unread[0]].strip():
        found.append(_trimmed(text, line_start, unread[0]))
        unread = unread[1:]
    for opening, closing in zip(unread[::2], [*unread[1::2], None], strict=False):
        found.append(_trimmed(text, opening + 1, closing if closing is not None else line_end))
    left_open = len(unread) % 2 == 1 or any(not s.closed for s in segments)
    return [(a, b) for a, b in found if b > a], left_open


def is_quoted(text: str, offset: int) -> bool:
    """Whether ``offset`` lies between quotation marks (see :func:`quoted_stretches`)."""
    return any(start <= offset < end for start, end in quoted_stretches(text))
