"""Controlled copies of a real article, for measuring what the compare stage catches.

Each perturbation edits one article's raw text in one way a careless or partisan outlet might:

- ``number_change``: a figure moved beyond anything its wording allows (2,500 -> 3,500);
- ``number_round``: a figure rounded and hedged ("4,800" -> "about 5,000"), which must read as
  *approximate*, not as a contradiction;
- ``date_shift``: a date moved by days, months or years (every mention of it in the article);
- ``quote_reassign``: a quote credited to another person named in the same article;
- ``paragraph_delete``: a paragraph left out.

The copy keeps the original's id and structure (title, paragraphs, boilerplate), with every span
shifted by the edit, and carries no annotations: it is read again like any input. Each
:class:`Perturbation` records what changed where, in both texts, so a benchmark can check what the
compare stage made of it.

This module holds the date, quote and paragraph perturbations; the figure ones are in
:mod:`newsprism.compare.perturb_numbers`, and the edit machinery with :class:`Perturbation` in
:mod:`newsprism.compare.perturb_edits`. All their public names are importable from here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsprism.compare.perturb_edits import (
    Edit,
    Perturbation,
    PerturbationKind,
    apply_edits,
    source_span,
)
from newsprism.compare.perturb_numbers import (
    change_number,
    numeral_in,
    round_number,
    rounded_for_about,
    write_like,
)
from newsprism.model import Article, DateMention, Quote, Span
from newsprism.read.dates import WEEKDAYS

__all__ = [
    "Edit", "Perturbation", "PerturbationKind", "apply_edits", "change_number", "delete_paragraph",
    "is_absolute", "is_person_name", "names_a_person", "numeral_in", "reassign_quote",
    "round_number", "rounded_for_about", "shift_date", "shifted_value", "write_date", "write_like",
]

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
NAME_WORD = re.compile(r"(?:[A-Z][a-z]*(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+)")
INITIAL = re.compile(r"[A-Z]\.")
DATE_SHIFT_DAYS = 5  # not a multiple of 7, so the weekday changes as well
WEEKDAY_SHIFT_DAYS = 2  # a weekday moved within the week around publication stays resolvable


# --- dates --------------------------------------------------------------------------------------


def shifted_value(value: str) -> str | None:
    """A clearly different date of the same precision: days +5, months +2, years -2."""
    parts = value.split("-")
    if value.startswith("--") or not parts[0].isdigit():
        return None
    if len(parts) == 3:
        moved = date(int(parts[0]), int(parts[1]), int(parts[2])) + timedelta(days=DATE_SHIFT_DAYS)
        return moved.isoformat()
    if len(parts) == 2:
        month = int(parts[1]) + 2
        year = int(parts[0]) + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    return f"{int(parts[0]) - 2:04d}"


def write_date(value: str, with_year: bool) -> str:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        written = f"{MONTH_NAMES[parts[1] - 1]} {parts[2]}"
        return f"{written}, {parts[0]}" if with_year else written
    if len(parts) == 2:
        return f"{MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _written_like(mention: DateMention, value: str) -> str:
    """The new date in the style of the old mention: a weekday for a weekday ("on Tuesday" ->
    "on Sunday"), a calendar date otherwise, with the year if the old one had it."""
    words = mention.text.lower().split()
    if len(value) == 10 and any(w in WEEKDAYS for w in words) and not re.search(
            r"\d", mention.text):
        return WEEKDAYS[date.fromisoformat(value).weekday()].capitalize()
    return write_date(value, bool(re.search(r"\d{4}", mention.text)) or len(value) < 10)


def shift_date(article: Article, target: DateMention) -> Perturbation | None:
    """Move ``target``'s date, in every mention of it in the article, to a clearly other date.

    Only a resolved, absolute date is moved: a year-less one ("--09-11") has no calendar place to
    move from. A weekday written as a weekday ("on Tuesday") is moved by two days towards the
    publication date's side it lies on, so that a reader resolving the new weekday against the
    publication date (the nearest one in the verb's direction) lands on the shifted day."""
    if not is_absolute(target):
        return None
    new_value = _shifted_weekday(article, target) or shifted_value(target.value)
    if new_value is None:
        return None
    same = [d for d in article.dates if d.value == target.value]
    edits = [Edit(d.start, d.end, _written_like(d, new_value)) for d in same]
    copy, spans = apply_edits(article, edits)
    return Perturbation(
        kind="date_shift", copy=copy,
        original=[source_span(article, d.start, d.end) for d in same], changed=spans,
        note=f"{target.value} -> {new_value}",
    )


def is_absolute(mention: DateMention) -> bool:
    """A date resolved to a place in the calendar: a year at least ("2008", "2021-09-11")."""
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", mention.value))


def _shifted_weekday(article: Article, mention: DateMention) -> str | None:
    """For a bare weekday with a known publication date: two days further from publication on
    the same side, or two days nearer when that would leave the week around publication."""
    words = mention.text.lower().split()
    if mention.precision != "day" or not any(w in WEEKDAYS for w in words) or re.search(
            r"\d", mention.text) or not article.published or len(article.published) < 10:
        return None
    try:
        published = date.fromisoformat(article.published[:10])
        day = date.fromisoformat(mention.value)
    except ValueError:
        return None
    offset = (day - published).days
    if abs(offset) > 6:
        return None
    away = -WEEKDAY_SHIFT_DAYS if offset <= 0 else WEEKDAY_SHIFT_DAYS
    step = away if abs(offset + away) <= 6 else -away
    return (day + timedelta(days=step)).isoformat()


# --- quotes -------------------------------------------------------------------------------------


def reassign_quote(article: Article, quote: Quote, new_speaker: str) -> Perturbation | None:
    """Credit ``quote`` to ``new_speaker`` by rewriting the speaker mention its attribution rests
    on ("…, Mr. Reid said" -> "…, John Boehner said").

    Only a line the article credits to a named person moves, and only to another person's name:
    rewriting "he said" or "the report said" would change what kind of source is cited, not
    whom, and a misread "name" ("Gets Rough") would make nonsense of the sentence."""
    if quote.speaker is None or not names_a_person(article, quote.speaker) \
            or not is_person_name(new_speaker):
        return None
    old = article.span_text(quote.speaker)
    replacement = new_speaker
    copy, spans = apply_edits(article, [Edit(quote.speaker.start, quote.speaker.end, replacement)])
    shift = len(replacement) - (quote.speaker.end - quote.speaker.start)
    moved_quote = quote.start + (shift if quote.start >= quote.speaker.end else 0)
    return Perturbation(
        kind="quote_reassign", copy=copy,
        original=[source_span(article, quote.start, quote.end)],
        changed=[Span(start=moved_quote, end=moved_quote + (quote.end - quote.start)), *spans],
        note=f"{old} -> {replacement}",
    )


def is_person_name(name: str) -> bool:
    """Written like a person's full name: two to four capitalised words, initials allowed
    ("Paul D. Ryan"), no brackets or digits, not ending in an initial."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(NAME_WORD.fullmatch(w) for w in words) \
        and not INITIAL.fullmatch(words[-1])


def names_a_person(article: Article, span: Span) -> bool:
    """The span is a name the reader tagged as a person ("Mr. Reid", "Harry Reid"), not a pronoun,
    a role ("the senator") or a document ("the report")."""
    text = article.span_text(span)
    if not text[:1].isupper() or text.split()[0].lower() in {"he", "she", "they", "i", "we", "it"}:
        return False
    return any(m.label == "PERSON" and m.start < span.end and span.start < m.end
               for m in article.mentions)


# --- paragraphs ---------------------------------------------------------------------------------


def delete_paragraph(article: Article, index: int) -> Perturbation:
    """Leave out paragraph ``index`` and the line break(s) that separate it from the next."""
    paragraph = article.paragraphs[index]
    end = paragraph.end
    while end < len(article.text) and article.text[end] in "\r\n":
        end += 1
    copy, spans = apply_edits(article, [Edit(paragraph.start, end, "")])
    return Perturbation(
        kind="paragraph_delete", copy=copy,
        original=[source_span(article, paragraph.start, paragraph.end)], changed=spans,
        note=f"paragraph {index} removed",
    )

