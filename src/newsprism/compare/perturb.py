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
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from newsprism.model import Article, DateMention, Quantity, Quote, SourceSpan, Span
from newsprism.read.dates import WEEKDAYS

PerturbationKind = Literal[
    "number_change", "number_round", "date_shift", "quote_reassign", "paragraph_delete"
]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
WORD_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS[2:]) + r")\b", re.IGNORECASE)
# A figure changed by less than this share could still be someone's rounding; the changed one must
# be a different figure by any reading.
CHANGE_FACTORS = (1.4, 1.6, 0.6, 2.0, 0.5)
# Rounding to one significant figure is plausible copy-editing only when it moves the figure little.
ONE_FIGURE_TOLERANCE = 0.05
NAME_WORD = re.compile(r"(?:[A-Z][a-z]*(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+)")
INITIAL = re.compile(r"[A-Z]\.")
DATE_SHIFT_DAYS = 5  # not a multiple of 7, so the weekday changes as well
WEEKDAY_SHIFT_DAYS = 2  # a weekday moved within the week around publication stays resolvable


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` of the text with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass
class Perturbation:
    kind: PerturbationKind
    copy: Article
    original: list[SourceSpan]  # what was changed, in the original text
    changed: list[Span]  # where the new text sits in the copy (empty span for a deletion)
    note: str = ""
    partners: list[SourceSpan] = field(default_factory=list)  # other outlets' corroborating spans

    @property
    def article(self) -> str:
        return self.copy.id

    def changed_text(self) -> list[str]:
        return [self.copy.text[s.start : s.end] for s in self.changed]


# --- applying edits -----------------------------------------------------------------------------


def apply_edits(article: Article, edits: list[Edit]) -> tuple[Article, list[Span]]:
    """A fresh, unannotated copy of ``article`` with ``edits`` applied (they must not overlap), and
    the span each edit's replacement occupies in the copy. Structure spans are shifted; a paragraph
    (or boilerplate block) inside a deleted range is dropped."""
    ordered = sorted(edits, key=lambda e: e.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start < a.end:
            raise ValueError("edits overlap")
    pieces, cursor, new_spans, shift = [], 0, [], 0
    for edit in ordered:
        pieces.append(article.text[cursor : edit.start])
        new_start = edit.start + shift
        pieces.append(edit.replacement)
        new_spans.append(Span(start=new_start, end=new_start + len(edit.replacement)))
        shift += len(edit.replacement) - (edit.end - edit.start)
        cursor = edit.end
    pieces.append(article.text[cursor:])
    text = "".join(pieces)

    def moved(span: Span) -> Span | None:
        start, end = _moved(span.start, ordered, True), _moved(span.end, ordered, False)
        if end <= start:
            return None
        return span.model_copy(update={"start": start, "end": end})

    paragraphs = [p for p in (moved(p) for p in article.paragraphs) if p is not None]
    boilerplate = [b for b in (moved(b) for b in article.boilerplate) if b is not None]
    copy = Article(
        id=article.id, text=text, source=article.source, url=article.url, outlet=article.outlet,
        author=article.author, published=article.published, language=article.language,
        title=moved(article.title) if article.title else None,
        standfirst=moved(article.standfirst) if article.standfirst else None,
        paragraphs=paragraphs, boilerplate=boilerplate,
    )
    return copy, new_spans


def _moved(offset: int, edits: list[Edit], is_start: bool) -> int:
    """Where an offset of the original lands in the edited text."""
    shift = 0
    for edit in edits:
        if offset < edit.start or (offset == edit.start and not is_start):
            break
        if offset < edit.end or (offset == edit.end and edit.start == edit.end and not is_start):
            # Inside a replaced range: starts snap to the end of the replacement, ends to its start
            # when the range was deleted, so a fully deleted paragraph collapses to nothing.
            base = edit.start + shift
            return base + len(edit.replacement) if (is_start or not edit.replacement) else base
        shift += len(edit.replacement) - (edit.end - edit.start)
    return offset + shift


# --- numbers ------------------------------------------------------------------------------------


def numeral_in(quantity: Quantity) -> tuple[int, int, float] | None:
    """Offsets (in the article) and value of the written numeral inside a quantity's span: the
    digits of "$2.5 million" (2.5) or the word of "five soldiers" (5)."""
    match = DIGITS.search(quantity.text)
    if match:
        value = float(match.group(0).replace(",", ""))
    else:
        match = WORD_NUMBER.search(quantity.text)
        if match is None:
            return None
        value = float(NUMBER_WORDS.index(match.group(1).lower()))
    return quantity.start + match.start(), quantity.start + match.end(), value


def write_like(value: float, written: str) -> str:
    """``value`` written in the style of ``written``: digit grouping, decimals, or a number word."""
    if written.isalpha():
        whole = int(round(value))
        word = NUMBER_WORDS[whole] if whole < len(NUMBER_WORDS) else f"{whole:,}"
        return word.capitalize() if written[0].isupper() else word
    decimals = len(written.split(".")[1]) if "." in written else 0
    return f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"


def _place(written: str) -> float:
    """Place value of the last significant digit as written: "2,500" -> 100, "2.5" -> 0.1."""
    if "." in written:
        return 10.0 ** -len(written.split(".")[1])
    digits = written.replace(",", "").lstrip("0") or "0"
    return 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits != "0" else 1.0


def change_number(article: Article, quantity: Quantity,
                  partner_ranges: list[tuple[float, float]] = ()) -> Perturbation | None:
    """Move a figure beyond its own rounding and beyond every partner's range, in every mention of
    it in the article (a copy that still states the old figure elsewhere would contradict itself,
    and the other outlets would agree with its unchanged mention)."""
    found = numeral_in(quantity)
    if found is None or quantity.value <= 0:
        return None
    start, end, written_value = found
    written = article.text[start:end]
    scale = quantity.value / written_value if written_value else 1.0
    if scale < 1:
        return None  # a fraction ("three-fifths of"): its numeral is no count to change
    place = _place(written) if not written.isalpha() else 1.0
    for factor in CHANGE_FACTORS:
        new_written = _round_to(written_value * factor, place)
        if new_written <= 0 or new_written == written_value or (scale > 1 and new_written >= 1000):
            continue  # "$1000 billion" is no way to write a figure
        low = quantity.low / quantity.value * new_written * scale
        high = quantity.high / quantity.value * new_written * scale
        own = (quantity.low, quantity.high)
        if all(high < lo or low > hi for lo, hi in [own, *partner_ranges]):
            replacement = write_like(new_written, written)
            numerals = [(start, end)] + _same_figure(article, quantity, written)
            edits = [Edit(a, b, replacement) for a, b in sorted(numerals)]
            copy, spans = apply_edits(article, edits)
            first = sorted(numerals).index((start, end))
            return Perturbation(
                kind="number_change", copy=copy,
                original=[_source(article, a, b) for a, b in [(start, end)]],
                changed=[spans[first]] + spans[:first] + spans[first + 1:],
                note=f"{written} -> {replacement}",
            )
    return None


def _same_figure(article: Article, quantity: Quantity, written: str) -> list[tuple[int, int]]:
    """The numerals of the article's other mentions of the same figure: same value, same counted
    noun, the numeral written the same way."""
    found = []
    for other in article.quantities:
        if other is quantity or (other.start, other.end) == (quantity.start, quantity.end):
            continue
        numeral = numeral_in(other)
        if numeral is None or (other.value, other.unit) != (quantity.value, quantity.unit):
            continue
        if article.text[numeral[0] : numeral[1]] == written:
            found.append((numeral[0], numeral[1]))
    return found


def _round_to(value: float, place: float) -> float:
    return round(value / place) * place if place >= 1 else round(value, -int(math.log10(place)))


def rounded_for_about(value: float) -> float | None:
    """The round figure a writer hedging with "about" would give for ``value``: two significant
    figures, or one when that moves the figure by at most 5 %; None if nothing changes."""
    if value < 20:
        return None
    magnitude = 10.0 ** math.floor(math.log10(value))
    two = round(value / (magnitude / 10)) * (magnitude / 10)
    if two != value:
        return two
    one = round(value / magnitude) * magnitude
    if one != value and abs(one - value) / value <= ONE_FIGURE_TOLERANCE:
        return one
    return None


def round_number(article: Article, quantity: Quantity) -> Perturbation | None:
    """Hedge an exact figure with "about" and round it: "2,448 troops" -> "about 2,400 troops"."""
    found = numeral_in(quantity)
    if found is None or quantity.modifier is not None:
        return None
    start, end, written_value = found
    written = article.text[start:end]
    if written.isalpha() or "." in written or written_value != quantity.value:
        return None  # scaled figures ("2.5 million") keep their own rounding
    rounded = rounded_for_about(quantity.value)
    if rounded is None:
        return None
    replacement = write_like(rounded, written)
    edits = [Edit(quantity.start, quantity.start, _about(article.text, quantity.start)),
             Edit(start, end, replacement)]
    if start == quantity.start:
        edits = [Edit(start, end, _about(article.text, start) + replacement)]
    copy, spans = apply_edits(article, edits)
    whole = Span(start=spans[0].start, end=spans[-1].end)
    return Perturbation(
        kind="number_round", copy=copy, original=[_source(article, quantity.start, end)],
        changed=[whole], note=f"{written} -> about {replacement}",
    )


def _about(text: str, at: int) -> str:
    sentence_start = at == 0 or text[:at].rstrip()[-1:] in ".!?\n\"“" or not text[:at].strip()
    return "About " if sentence_start else "about "


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
        original=[_source(article, d.start, d.end) for d in same], changed=spans,
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
        original=[_source(article, quote.start, quote.end)],
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
        original=[_source(article, paragraph.start, paragraph.end)], changed=spans,
        note=f"paragraph {index} removed",
    )


def _source(article: Article, start: int, end: int) -> SourceSpan:
    return SourceSpan(article=article.id, start=start, end=end, text=article.text[start:end])
