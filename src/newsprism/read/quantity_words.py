"""The words of figures: number words, scale words, currencies, the hedges ("about", "more
than", "up to") with the interval of true values each allows, and the words around a numeral
that say what it counts (a currency sign, "per cent", "-strong", the counted noun)."""

from __future__ import annotations

import math

from spacy.tokens import Doc, Token

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12,
}
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
CURRENCIES = {"$": "dollar", "us$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
PERCENT_WORDS = ("%", "per cent", "percent", "pct")

NOUNS = ("NOUN", "PROPN")

# Hedges, longest first so "more than" wins over "than". Each maps to how it shapes the range.
MODIFIERS: list[tuple[str, str]] = [
    ("upwards of", "more"), ("more than", "more"), ("greater than", "more"), ("over", "more"),
    ("in excess of", "more"), ("at least", "least"), ("no fewer than", "least"),
    ("no less than", "least"), ("fewer than", "less"), ("less than", "less"), ("under", "less"),
    ("below", "less"), ("up to", "most"), ("at most", "most"), ("no more than", "most"),
    ("as many as", "as_many"), ("nearly", "nearly"), ("almost", "nearly"),
    ("just under", "nearly"), ("close to", "about"), ("about", "about"), ("around", "about"),
    ("roughly", "about"), ("approximately", "about"), ("some", "about"), ("an estimated", "about"),
    ("estimated", "about"), ("circa", "about"), ("just over", "just_over"),
]
MODIFIERS_LONGEST_FIRST = sorted(MODIFIERS, key=lambda pair: -len(pair[0].split()))
ABOUT_SHARE = 0.1  # the least a hedge ("about", "around") admits, as a share of the figure
# "More than N" and "at least N" state a floor, "fewer than N" a ceiling, and nothing on the other
# side. The open side still stops at twice (half) the figure: a count that has since doubled is
# another count, and a floor open to every larger figure would seem to agree with all of a
# story's figures and tie unrelated ones together.
OPEN_BOUND_FACTOR = 2.0


def value_range(value: float, unit_size: float, modifier: str | None) -> tuple[float, float]:
    """The interval of true values that ``modifier value`` allows.

    - no modifier: the figure as stated; an unhedged numeral asserts that value.
    - "-strong": a headcount written in round figures: plus or minus half the rounding unit.
    - about / around / some / roughly: the rounding interval (half a unit each way) and half as
      much again, because a hedged figure is often rounded loosely or taken from an older count;
      and never less than a tenth either way, since "about 90" is fair for 89 and "about 20" for
      21 although their rounding unit is 1 (see :func:`rounding_unit`).
    - nearly / almost: below the figure, by as much as "about" allows in all (the rounding
      interval and half as much again, 1.5 rounding units), all of it on the lower side: the
      rounder the figure, the looser the hedge ("almost 100", read to the ten, admits 85 to
      100, so 89 arrests; "almost 600" 585 to 600; "nearly 2,448" only 2,447 and a half).
    - just over: just above the figure, by one rounding unit at most and a tenth of the figure at
      most ("just over 100,000" is not 190,000, although its rounding unit is 100,000).
    - more than / over, at least: the figure is a floor; "at least 6,000" is not contradicted by
      a later count of 10,000 (a writer who knew it passed 3,000 might not write "more than
      2,000", but counts grow between reports and a floor is all that is said). The open side
      stops at twice the figure (``OPEN_BOUND_FACTOR``).
    - fewer than / under: a ceiling, down to half the figure.
    - up to / at most: anything from zero to the figure.
    - as many as: the figure is a ceiling that is nearly reached (within one leading-digit step).
    """
    kind = dict(MODIFIERS).get(modifier or "", modifier)
    step = 10.0 ** math.floor(math.log10(value)) if value > 0 else 1.0
    if kind is None:
        return value, value
    if kind == "-strong":
        return value - unit_size / 2, value + unit_size / 2
    if kind == "about":
        margin = max(0.75 * unit_size, ABOUT_SHARE * value)
        return value - margin, value + margin
    if kind == "nearly":
        return value - 1.5 * unit_size, value
    if kind == "just_over":
        return value, value + min(unit_size, ABOUT_SHARE * value)
    if kind in ("more", "least"):
        return value, max(value * OPEN_BOUND_FACTOR, value + 1.0)
    if kind == "less":
        return value / OPEN_BOUND_FACTOR, value
    if kind == "most":
        return 0.0, value
    if kind == "as_many":
        return max(value - step, 0.0), value
    return value, value


# --- the words around a numeral ----------------------------------------------------------------


def modifier_before(doc: Doc, index: int) -> tuple[str | None, int]:
    """The hedge ending right before token ``index`` ("more than"), and where it starts; the
    longest hedge that fits wins ("just over", not "over")."""
    for phrase, _kind in MODIFIERS_LONGEST_FIRST:
        words = phrase.split()
        start = index - len(words)
        if start < 0:
            continue
        if [t.lower_ for t in doc[start:index]] == words:
            return phrase, start
    # A currency sign may sit between the hedge and the digits: "about $5m".
    if index > 0 and doc[index - 1].lower_ in CURRENCIES:
        phrase, start = modifier_before(doc, index - 1)
        if phrase:
            return phrase, start
    return None, index


def currency_before(doc: Doc, index: int) -> str | None:
    for j in (index - 1, index):
        if 0 <= j < len(doc) and doc[j].lower_ in CURRENCIES:
            return CURRENCIES[doc[j].lower_]
    return None


def currency_in(core: list[Token]) -> str | None:
    head = core[-1]
    for child in list(head.children) + [head.head]:
        if child.lower_ in CURRENCIES:
            return CURRENCIES[child.lower_]
    return None


def is_strong(doc: Doc, index: int) -> bool:
    texts = [t.lower_ for t in doc[index : index + 2]]
    return texts[:2] == ["-", "strong"] or (texts[:1] == ["-strong"])


def strong_end(doc: Doc, index: int) -> int:
    return index + (1 if doc[index].lower_ == "-strong" else 2)


def strong_noun(doc: Doc, index: int) -> Token | None:
    strong = doc[strong_end(doc, index) - 1]
    return strong.head if strong.head.pos_ in ("NOUN", "PROPN") else None


def percent_after(doc: Doc, index: int) -> tuple[str | None, int]:
    for phrase in PERCENT_WORDS:
        words = phrase.split()
        if [t.lower_ for t in doc[index : index + len(words)]] == words:
            return "percent", index + len(words)
    return None, index


def counted_noun(core: list[Token]) -> Token | None:
    """The noun a numeral counts, from the parse: "2,500 US soldiers" -> soldiers.

    Conjoined numerals share their first conjunct's noun ("2,500 US personnel and another 7,000");
    "billions of dollars" and "a fifth of the troops" count the object of "of".
    """
    root = max(core, key=lambda t: t.head.i not in {c.i for c in core})
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    while root.dep_ == "conj" and root.head.like_num:
        root = root.head
    if root.dep_ == "conj" and any(c.dep_ == "nummod" for c in root.head.children):
        return root.head
    if root.head.like_num:
        return None  # "a 19 - 12 lead" parsed as 19 counting "12": a number counts no number
    if root.dep_ == "nummod" and root.head.i > root.i:
        return root.head  # a numeral modifier counts its head, even one mis-tagged as a verb
    if root.dep_ in ("quantmod", "compound", "amod", "nmod") and root.head.pos_ in NOUNS:
        return root.head
    return None


def lemma(noun: Token) -> str:
    """Lower-case singular: spaCy keeps plural proper nouns ("Republicans") as they are."""
    word = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and word.endswith("s"):
        word = word[:-1]
    return word
