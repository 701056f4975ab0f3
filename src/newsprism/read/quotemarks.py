"""Quotation marks: where quoted words start and end, in any of the usual typographic styles.

Works line by line on raw text, so it needs no parse and never gives up on a mark left open: an
unclosed quote simply runs to the end of its line (news style for a quote that continues in the
next paragraph, which then re-opens with a fresh mark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = '"“”„«»‟'
OPENING_ONLY = "„«‟"
CLOSING_ONLY = "»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
APOSTROPHES = "''"  # two apostrophes for a double mark, as old wire copy writes them
OPENING_CONTEXT = " \t([{—–-:/"  # characters after which a mark usually opens a quote
_CANDIDATE = re.compile("[" + re.escape(DOUBLE_MARKS) + "']")  # where a mark may be (fast scan)


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
    """1 for a quotation mark at ``i``, 2 for a doubled apostrophe (old wire style ''…''),
    0 for anything else."""
    if text[i] in DOUBLE_MARKS:
        return 1
    if text.startswith(APOSTROPHES, i):  # of three apostrophes the last two are the mark
        return 2 if i + 2 >= len(text) or text[i + 2] != "'" else 0
    return 0


def _opens(text: str, i: int, line_start: int, length: int = 1) -> bool:
    mark = text[i]
    if mark in OPENING_ONLY:
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
        if any(a <= opener <= b for a, b in inside_double) or not _opens(text, opener, line_start):
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
