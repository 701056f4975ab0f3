"""Perturbations of figures: ``number_change`` (a figure moved beyond anything its wording
allows) and ``number_round`` (a figure rounded and hedged with "about").

Part of the perturbation kit of :mod:`newsprism.compare.perturb`; the edit machinery they use is
in :mod:`newsprism.compare.perturb_edits`.
"""

from __future__ import annotations

import math
import re

from newsprism.compare.perturb_edits import Edit, Perturbation, apply_edits, source_span
from newsprism.model import Article, Quantity, Span

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
WORD_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS[2:]) + r")\b", re.IGNORECASE)
# A figure changed by less than this share could still be someone's rounding; the changed one must
# be a different figure by any reading.
CHANGE_FACTORS = (1.4, 1.6, 0.6, 2.0, 0.5)
# Rounding to one significant figure is plausible copy-editing only when it moves the figure little.
ONE_FIGURE_TOLERANCE = 0.05


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
                original=[source_span(article, a, b) for a, b in [(start, end)]],
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
        kind="number_round", copy=copy, original=[source_span(article, quantity.start, end)],
        changed=[whole], note=f"{written} -> about {replacement}",
    )


def _about(text: str, at: int) -> str:
    sentence_start = at == 0 or text[:at].rstrip()[-1:] in ".!?\n\"“" or not text[:at].strip()
    return "About " if sentence_start else "about "
