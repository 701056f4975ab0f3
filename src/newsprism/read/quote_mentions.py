"""Quoted words that are mentioned, not said: titles, names, scare quotes.

News writers put quotation marks around a show's or a book's title ("on PBS's “Charlie Rose”
show"), a slogan or a term they hold at arm's length ("the so-called “reset”"). Such words are
nobody's speech. :mod:`newsprism.read.quotes` asks here before keeping quoted words.
"""

from __future__ import annotations

import re

from newsprism.read.reported import MIN_UNATTRIBUTED_WORDS
from newsprism.read.uncued import line_of

TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by"}


def is_mention(text: str, start: int, end: int) -> bool:
    """Quoted words with no cue that are too short to be said, or that are a title: every word
    capitalised ("How the Harbour Was Won", "Person of the Year") in a line written in
    sentence case (a headline capitalises everything)."""
    if len(text[start:end].split()) < MIN_UNATTRIBUTED_WORDS:
        return True
    line_start, line_end = line_of(text, start)
    if text[line_start:start].rstrip(" \t\"“”‘’'«»").endswith(":"):
        return False  # "Ortiz on the strike: ‘We Will Not Sign’": a headline's quote
    return title_case(text[start:end]) and not title_case(
        text[line_start:start] + " " + text[end:line_end]
    )


def short_title(quoted: str) -> bool:
    return len(quoted.split()) < MIN_UNATTRIBUTED_WORDS and title_case(quoted)


def title_case(words: str) -> bool:
    found = re.findall(r"[^\W\d_][\w'’-]*", words)
    return bool(found) and found[0][0].isupper() and all(
        w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in found
    )
