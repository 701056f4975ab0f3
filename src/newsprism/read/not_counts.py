"""Numbers that count nothing: clock times, dates, odds, list numbers, years, ordinals, and the
digits of names ("Boeing 737", "Resolution 1325", "a four-by-four").

Each test looks at the token and a few characters around it, because page copies split and space
these forms in ways the tokenizer does not join ("6: 40 a. m.", "2 - by - 4").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

NOT_A_COUNT = re.compile(r"[:/]")  # 10:30 is a time, 9/11 a date
# A clock time the tokenizer split: the hour before ":40 a.m.", "a.m.", "pm" or "o'clock", and
# the minutes after "6:" (some copies of pages space them: "6: 40 a. m.").
CLOCK_AFTER = re.compile(r"^\s?(?:[:.]\s?\d{2}\b)?\s?(?:[ap]\.?\s?m\b|o['’]clock\b)",
                         re.IGNORECASE)
CLOCK_MINUTES_BEFORE = re.compile(r"\b\d{1,2}\s?:\s?$")
# "four-by-four", "2-by-4": a name for a vehicle or a timber size, not two counts of four.
BY_COMPOUND_AFTER = re.compile(r"^\s?-\s?by\s?-\s?\w", re.IGNORECASE)
BY_COMPOUND_BEFORE = re.compile(r"\w\s?-\s?by\s?-\s?$", re.IGNORECASE)
_SMALL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a hundred|hundred|thousand)"
RATIO_AFTER = re.compile(r"^\s*-?\s*(?:in|out of)\s*-?\s*" + _SMALL + r"\b", re.IGNORECASE)
RATIO_BEFORE = re.compile(r"\b" + _SMALL + r"\s*-?\s*(?:in|out of)\s*-?\s*$", re.IGNORECASE)
# Entity types whose numbers are names or labels (Boeing 737, Resolution 1325), not counts.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
               "NORP", "LANGUAGE", "DATE", "TIME"}


def is_not_a_count(token: Token) -> bool:
    """A time, date, ratio, list number, year, ordinal or a number inside a name."""
    text = token.text
    if NOT_A_COUNT.search(text) or token.ent_type_ in NAME_LABELS or token.ent_type_ == "ORDINAL":
        return True
    if _in_ratio(token) or _in_clock_time(token) or _in_by_compound(token):
        return True
    if _is_list_number(token):
        return True
    return _is_year(token)


def _in_ratio(token: Token) -> bool:
    """"a one-in-three chance", "2 in 3 voters", "nine out of ten": odds, not counts."""
    after, before = _text_around(token)
    return bool(RATIO_AFTER.match(after) or RATIO_BEFORE.search(before))


def _in_clock_time(token: Token) -> bool:
    """"by 7 a.m.", "at 6:40 pm", "10 o'clock": a time of day, not a count of anything."""
    after, before = _text_around(token)
    return bool(CLOCK_AFTER.match(after) or CLOCK_MINUTES_BEFORE.search(before))


def _in_by_compound(token: Token) -> bool:
    """"a four-by-four", "2-by-4 planks": a compound naming a thing by its dimensions."""
    after, before = _text_around(token)
    return bool(BY_COMPOUND_AFTER.match(after) or BY_COMPOUND_BEFORE.search(before))


def _text_around(token: Token, width: int = 24) -> tuple[str, str]:
    text = token.doc.text
    end = token.idx + len(token.text)
    return text[end : end + width], text[max(token.idx - width, 0) : token.idx]


def _is_list_number(token: Token) -> bool:
    """"1." or "2)" opening a sentence numbers an item of a list."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_sent_start and nxt is not None and nxt.text in {".", ")"}


def _is_year(token: Token) -> bool:
    """A bare four-digit number from 1000 to 2100 that counts no noun is a year, not an amount."""
    if not re.fullmatch(r"1\d{3}|20\d{2}|2100", token.text):
        return False
    return not (token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.i > token.i)
