"""Figures read together: a range written as two numerals ("300 to 400 troops"), a numeral whose
noun is elided ("Another 20,722 have been wounded"), a part and its whole ("23 of 35 passes"),
digits a page spaced out ("3, 215"), and a numeral that re-mentions a known set ("the two
leaders")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsprism.model import Quantity
from newsprism.read.quantity_words import MODIFIERS, SCALES

RANGE_OPENER = re.compile(r"\bbetween\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
PARTITIVE_GAP = re.compile(r"\s+of\s+", re.IGNORECASE)
DEFINITE_DETERMINERS = {"the", "these", "those", "its", "their", "our", "his", "her", "both"}
# Roles in which a bare numeral is itself the noun phrase, i.e. its noun is elided.
ELLIPTIC_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "ROOT"}


# "eleven games later", "three laps earlier", "two innings ago": a distance in time.
TIME_OFFSET_AFTER = re.compile(r"\s*(?:later|earlier|ago)\b", re.IGNORECASE)


# A figure in brackets right after another figure restates it in other units: "about 40km (25
# miles)", "$US2 million ($2.9 million)". The figure before may be glued to its unit or carry a
# currency code the reader does not take for a numeral, so it is found in the text.
HEDGES = {phrase for phrase, _kind in MODIFIERS}
CONVERSION_BEFORE = re.compile(
    r"(?:\b(?P<hedge>[A-Za-z]+(?:\s[a-z]+)?)\s+)?(?:[$£€¥]\s?)?(?:[A-Z]{1,3})?\d[\d,.]*"
    r"(?:\s?[A-Za-z]+\.?)?\s*\(\s*$")


def conversion_of(quantity: Quantity, text: str) -> tuple[bool, str | None]:
    """Whether the figure is a bracketed conversion of the figure before it, and that figure's
    hedge ("about" in "about 40km (25 miles)"): the conversion says what the original says,
    no more exactly, so it takes the hedge; a sum converted into another currency is the
    same sum, and is no figure of its own."""
    found = CONVERSION_BEFORE.search(text, max(quantity.start - 40, 0), quantity.start)
    if found is None or found.end() != quantity.start:
        return False, None
    words = (found.group("hedge") or "").lower()
    # The words before the figure: "more than", or "at about" whose hedge is its last word.
    return True, words if len(words.split()) < 2 or words in HEDGES else words.split()[-1]


def is_time_offset(quantity: Quantity, text: str) -> bool:
    """"But eleven games later the team stood at 10-5": the figure measures how far on the
    story has moved, a point in time told by counting, not a count the outlets report (when
    the tagger reads it as a date, it is no figure in the first place)."""
    return TIME_OFFSET_AFTER.match(text, quantity.end) is not None


def is_definite(quantity: Quantity, text: str) -> bool:
    """"the two leaders": a numeral after a definite determiner re-mentions a known set rather than
    stating a figure, so it is neither a checkable count nor an antecedent for an elided noun."""
    before = text[max(quantity.start - 12, 0) : quantity.start].lower().split()
    return bool(before) and before[-1] in DEFINITE_DETERMINERS


# --- ranges ---------------------------------------------------------------------------------


def join_ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """"between $19 and $22 million", "300 to 400 troops", "20-25 people": one figure whose range
    is the stated interval, not two figures (the first often shorn of its scale word). "From 300
    to 400" is a change, not a range, and stays two figures; "won 19-12" is a score, no figure."""
    joined: list[Quantity] = []
    i = 0
    while i < len(found):
        first = found[i]
        second = found[i + 1] if i + 1 < len(found) else None
        if second is None or not _is_range(text, first, second):
            joined.append(first)
            i += 1
            continue
        opener = RANGE_OPENER.search(text[max(first.start - 10, 0) : first.start])
        start = first.start - (len(opener.group(0)) if opener else 0)
        low = first.value
        if _scale_of(first) == 1.0 and first.unit in (None, second.unit):
            low *= _scale_of(second)  # "$19 and $22 million": both in millions
        if low >= second.value and _hyphenated(text, first, second):
            i += 2  # "won 19-12", "a 12-12 draw", "a 5-4 ruling": a score or tally, not counts
            continue
        if low >= second.value:  # "outraised him $5.4 million to $200,000": a score, no range
            joined.append(first)
            i += 1
            continue
        joined.append(Quantity(
            start=start, end=max(first.end, second.end), value=low,
            text=text[start : max(first.end, second.end)],
            low=min(low, second.low), high=max(second.high, low), unit=second.unit or first.unit,
            modifier="between", predicate=second.predicate or first.predicate,
            predicates=second.predicates or first.predicates,
            setting=second.setting or first.setting,
        ))
        i += 2
    return joined


def _is_range(text: str, first: Quantity, second: Quantity) -> bool:
    gap = _gap(text, first, second)
    before = text[max(first.start - 10, 0) : first.start]
    if RANGE_OPENER.search(before):
        return gap == "and"
    return gap in ("-", "–", "to") and not FROM_BEFORE.search(before)


def _hyphenated(text: str, first: Quantity, second: Quantity) -> bool:
    """Numerals joined by a hyphen or dash, one of them bare: "19-12", "a 5-4 ruling", "a 19 -
    12 lead", "a 7 - 0 run" (the noun after both names the score, lead or run, and the parser
    may hang it on either numeral), not "$5.4 million to $200,000"."""
    return _gap(text, first, second) in ("-", "–") and (
        second.unit is None or first.unit is None or first.unit == second.unit)


def _gap(text: str, first: Quantity, second: Quantity) -> str:
    # The first figure's span may already run to the shared noun ("300 and 400 troops"): the gap
    # is what follows its numeral.
    numeral = re.search(r"\d[\d,.]*(?:\s*(?:hundred|thousand|million|billion))?", first.text)
    gap_start = first.start + numeral.end() if numeral else first.end
    return text[gap_start : second.start].strip().lower()


def _scale_of(quantity: Quantity) -> float:
    words = quantity.text.lower().split()
    return next((SCALES[w] for w in reversed(words) if w in SCALES and len(w) > 2), 1.0)


# --- ellipsis ---------------------------------------------------------------------------------


def borrow_elided_units(found: list[Quantity], doc: Doc) -> None:
    """"2,448 US troops were killed. Another 20,722 have been wounded": a numeral that stands alone
    as a noun phrase has an elided noun, the one counted by the figure just before it (same or
    previous sentence)."""
    for i, quantity in enumerate(found):
        numeral = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if quantity.unit is not None or numeral is None or numeral.root.dep_ not in ELLIPTIC_ROLES:
            continue
        counted = [q for q in found[:i]
                   if q.unit and q.unit != "percent" and not is_definite(q, doc.text)]
        if not counted:
            continue
        earlier = doc.char_span(counted[-1].start, counted[-1].end, alignment_mode="expand")
        sentence = numeral.sent
        previous_start = doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
        if earlier is not None and earlier.start >= previous_start:
            quantity.unit = counted[-1].unit


def borrow_partitive_units(found: list[Quantity], text: str) -> None:
    """"completed 23 of 35 passes": the part counts what the whole counts (23 passes), so a
    sentence giving both is seen to give two figures of one noun."""
    for part, whole in zip(found, found[1:], strict=False):
        if part.unit is None and whole.unit is not None \
                and PARTITIVE_GAP.fullmatch(text[part.end : whole.start]):
            part.unit = whole.unit


# --- digits a page spaced out ------------------------------------------------------------------


def glued_group(doc: Doc, index: int) -> bool:
    """Token ``index`` is the separator of digits some copies of pages space out: "3, 215"
    (three thousand two hundred and fifteen) and "6. 2 per cent" (six point two). The digits after
    it are no figure of their own. A comma joins only a group of exactly three digits to one to
    three digits before it, as a thousands separator does ("scored 7, 12 and 9" is a list); a
    full stop joins digits written against it, since news style spells out a number that opens
    a sentence, so "6. 2" is not a sentence ending in 6 and another starting with 2."""
    if not 0 < index < len(doc) - 1 or doc[index].text not in (",", "."):
        return False
    before, separator, after = doc[index - 1], doc[index], doc[index + 1]
    if before.whitespace_ or not separator.whitespace_ or not after.text.isdigit():
        return False
    if not before.text.replace(",", "").replace(".", "").isdigit():
        return False
    if separator.text == ",":
        return len(after.text) == 3 and len(before.text.split(",")[-1]) <= 3 \
            and "." not in before.text
    return before.text.isdigit()


def last_group(core: list[Token]) -> list[Token]:
    """The numeral from its last spaced separator on: the parser hangs "215" of "3, 215 points"
    on the noun and "3" elsewhere."""
    cut = max((i + 1 for i, t in enumerate(core) if t.text in (",", ".")), default=0)
    return core[cut:] or core
