"""Numbers as written and as understood: value, the range the wording allows, and what is counted.

A figure in the news is rarely exact. "Around 5,000 marchers" and "a 4,800-strong crowd" can both
be true, so each :class:`~newsprism.model.Quantity` carries ``low``/``high``: the interval of true
values the wording admits. The interval comes from two things only: how the numeral is rounded (the
place of its last significant digit) and the hedge in front of it (about, more than, up to, …).
The counted noun (``unit``) comes from the dependency parse, so later stages compare like with like.

Years, dates, times, ordinals, list numbers and numbers inside names are not quantities
(:mod:`~newsprism.read.not_counts`); an age ("a 52-year-old") is, although the tagger labels it
a date.

Beside this module: :mod:`~newsprism.read.quantity_words` (number words, hedges and the ranges
they allow), :mod:`~newsprism.read.quantity_spans` (ranges, elided nouns, "the two leaders") and
:mod:`~newsprism.read.figure_context` (the events and places a figure belongs to).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsprism.model import Article, Quantity
from newsprism.read.figure_context import predicate_of, predicates_of, scope_of, setting_of
from newsprism.read.figure_owner import annotate_bearers
from newsprism.read.not_counts import is_not_a_count
from newsprism.read.quantity_spans import (
    borrow_elided_units,
    borrow_partitive_units,
    conversion_of,
    glued_group,
    is_definite,
    is_time_offset,
    join_ranges,
    last_group,
)
from newsprism.read.quantity_words import (
    CURRENCIES,
    FRACTIONS,
    MODIFIERS,
    NUMBER_WORDS,
    SCALES,
    counted_noun,
    currency_before,
    currency_in,
    is_strong,
    lemma,
    modifier_before,
    percent_after,
    strong_end,
    strong_noun,
    value_range,
)

DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(bn|m|mn|k|tn)?$", re.IGNORECASE)
TENS = {20, 30, 40, 50, 60, 70, 80, 90}  # the number words a hyphen joins to a unit: "forty-two"
AGE_UNITS = {"year", "month", "week", "day"}  # "a 52-year-old", "a five-month-old"


def annotate(article: Article, doc: Doc) -> None:
    """Append every quantity of the parse to ``article.quantities``, in text order."""
    found: list[Quantity] = []
    taken: set[int] = set()
    for i, token in enumerate(doc):
        if i in taken:
            continue
        quantity, used = _quantity_at(doc, token)
        if quantity is None:
            continue
        taken.update(used)
        found.append(quantity)
    borrow_elided_units(found, doc)
    borrow_partitive_units(found, doc.text)
    joined = [q for q in join_ranges(found, doc.text) if not is_time_offset(q, doc.text)]
    joined = [q for q in joined if _restated(q, doc.text)]
    annotate_bearers(article, doc, joined)
    article.quantities.extend(joined)


def _restated(quantity: Quantity, text: str) -> bool:
    """Keep a figure, with the hedge of the figure it converts ("about 40km (25 miles)" reads
    as about 25 miles); drop a sum converted into another currency (see ``conversion_of``)."""
    converted, hedge = conversion_of(quantity, text)
    if not converted:
        return True
    if quantity.unit in CURRENCIES.values():
        return False
    if hedge in dict(MODIFIERS) and quantity.modifier is None:
        quantity.modifier = hedge
        quantity.low, quantity.high = value_range(quantity.value, 0.0, hedge)
    return True


def _quantity_at(doc: Doc, token: Token) -> tuple[Quantity | None, set[int]]:
    age = _age_tokens(doc, token)
    if age:
        return _age_quantity(doc, age), {t.i for t in age}
    core = _numeral_tokens(doc, token)
    if core:
        return _numeral_quantity(doc, core), {t.i for t in core}
    fraction = _fraction_tokens(doc, token)
    if fraction:
        return _fraction_quantity(doc, fraction), {t.i for t in fraction}
    vague = _vague_tokens(doc, token)
    if vague:
        return _vague_quantity(doc, vague), {t.i for t in vague}
    return None, set()


# --- numerals -------------------------------------------------------------------------------


def _is_number_token(token: Token) -> bool:
    text = _word(token)
    if text in ("a", "one", "zero"):
        # "a"/"one" are mostly articles and pronouns ("one of them", "one tweet"): a figure only
        # before a scale word ("a million", "one billion"); "zero experience" is no count.
        return text != "zero" and _next_is_scale(token)
    return bool(DIGITS.match(text)) or text in NUMBER_WORDS


def _next_is_scale(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and _word(nxt) in SCALES and len(_word(nxt)) > 2


def _numeral_tokens(doc: Doc, token: Token) -> list[Token]:
    """The numeral starting at ``token`` ("2.5 million", "twenty five"), or [] if it is none."""
    if not _is_number_token(token) or is_not_a_count(token) or _starts_fraction(doc, token):
        return []
    if token.i > 0 and _is_number_token(doc[token.i - 1]) and not is_not_a_count(doc[token.i - 1]):
        return []  # not the first token of the numeral
    if _joins_tens_and_unit(doc, token.i - 1):
        return []  # "five" of "twenty-five"
    core = [token]
    j = token.i + 1
    while j < len(doc):
        if glued_group(doc, j) or _joins_tens_and_unit(doc, j):
            core += [doc[j], doc[j + 1]]
            j += 2
        elif _is_scale(doc[j]) or _is_number_token(doc[j]):
            core.append(doc[j])
            j += 1
        else:
            break
    if core[0].lower_ == "a" and len(core) == 1:
        return []
    return core


def _joins_tens_and_unit(doc: Doc, index: int) -> bool:
    """Token ``index`` is the hyphen of a compound number word: "twenty-five", "ninety-nine"."""
    if not 0 < index < len(doc) - 1 or doc[index].text != "-":
        return False
    tens, unit = _word(doc[index - 1]), _word(doc[index + 1])
    return (tens in NUMBER_WORDS and NUMBER_WORDS[tens] in TENS
            and unit in NUMBER_WORDS and 0 < NUMBER_WORDS[unit] < 10
            and not doc[index - 1].whitespace_ and not doc[index].whitespace_)


def _is_scale(token: Token) -> bool:
    """"million", or an abbreviation ("m", "bn") written against the digits: "£300m", not "5 m"."""
    word = _word(token)
    if word in SCALES and len(word) > 2:
        return True
    return word in SCALES and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _starts_fraction(doc: Doc, token: Token) -> bool:
    """"two" in "two-thirds of": the numerator of a fraction, read with the fraction."""
    following = [t for t in doc[token.i + 1 : token.i + 3] if t.text != "-"]
    return bool(following) and following[0].lemma_.lower() in FRACTIONS and bool(
        _fraction_tokens(doc, following[0])
    )


def _numeral_value(core: list[Token]) -> tuple[float, float]:
    """Value of the numeral and its rounding unit (see :func:`rounding_unit`)."""
    total, current, significant, place = 0.0, 0.0, "", 1.0
    for text in _merged_words(core):
        match = DIGITS.match(text)
        if match:
            integer, decimals, suffix = match.group(1).replace(",", ""), *match.group(2, 3)
            current += float(integer + ("." + decimals if decimals else ""))
            significant, place = _significant(integer, decimals)
            if suffix:
                current, place = current * SCALES[suffix.lower()], place * SCALES[suffix.lower()]
        elif text == "dozen" and current:
            current, place = current * 12, place * 12  # "two dozen" is 24, as "two hundred"
        elif text in NUMBER_WORDS:
            current += NUMBER_WORDS[text]
            significant, place = _significant(str(NUMBER_WORDS[text]), None)
        elif text == "a":
            current, significant, place = 1.0, "1", 1.0
        elif text in SCALES:
            current, place = max(current, 1.0) * SCALES[text], place * SCALES[text]
            if SCALES[text] >= 1e3:
                total, current = total + current, 0.0
    value = total + current
    return value, rounding_unit(value, significant, place)


def _merged_words(core: list[Token]) -> list[str]:
    """The numeral's words, with digits a spaced separator splits joined again ("2, 106" ->
    "2,106", "5. 4" -> "5.4"; see :func:`~newsprism.read.quantity_spans.glued_group`)."""
    words: list[str] = []
    glue = False
    for token in core:
        text = token.text if token.text in (",", ".") else _word(token)
        if glue:
            words[-1] += text
            glue = False
        elif token.text in (",", ".") and words:
            words[-1] += text
            glue = True
        else:
            words.append(text)
    return words


def _word(token: Token) -> str:
    return token.lower_.rstrip(".") if token.lower_ not in (".",) else token.lower_


def _significant(integer: str, decimals: str | None) -> tuple[str, float]:
    """The significant digits as written, and the place value of the last of them."""
    if decimals:
        return (integer + decimals).lstrip("0"), 10.0 ** -len(decimals)
    digits = integer.lstrip("0") or "0"
    trailing = len(digits) - len(digits.rstrip("0"))
    return digits.rstrip("0") or "0", 10.0**trailing


def rounding_unit(value: float, significant: str, place: float) -> float:
    """The place of the last significant digit; one significant figure is read as two.

    "2,448" is given to the unit and "2,500" to the hundred. "10,000" (or "3 million") would
    literally be rounded to its leading digit, but news copy rounds counts to two significant
    figures, so "10,000" is read as ten thousands, rounded to the thousand, as a reader would.
    Single-digit counts ("five") are exact counts and keep the unit 1.
    """
    if len(significant) == 1 and value >= 10 and place > 1:
        return place / 10
    return place


def _numeral_quantity(doc: Doc, core: list[Token]) -> Quantity:
    value, unit_size = _numeral_value(core)
    start, end = core[0], core[-1]
    modifier, mod_start = modifier_before(doc, start.i)
    currency = currency_before(doc, mod_start if modifier else start.i) or currency_in(core)
    noun: Token | None = None
    after = end.i + 1
    if is_strong(doc, after):  # "4,800-strong crowd": a headcount, rounded like any other
        modifier, noun = "-strong", strong_noun(doc, after)
        after = strong_end(doc, after)
    unit_text, after = percent_after(doc, after)
    if unit_text is None and currency is None:
        noun = noun or counted_noun(last_group(core))
        unit_text = lemma(noun) if noun is not None else None
    elif unit_text is None:
        unit_text = currency
    low, high = value_range(value, unit_size, modifier)
    first = doc[mod_start] if modifier and modifier != "-strong" else start
    if currency and first.i > 0 and doc[first.i - 1].lower_ in CURRENCIES:
        first = doc[first.i - 1]
    last = doc[after - 1]
    if noun is not None and noun.i >= last.i and noun.i - last.i <= 4:
        last = noun
    return _make(doc, first, last, value, low, high, unit_text, modifier)


def _make(doc: Doc, first: Token, last: Token, value: float, low: float, high: float,
          unit: str | None, modifier: str | None) -> Quantity:
    span = doc[first.i : last.i + 1]
    end = span.end_char
    if last.text.endswith(".") and _word(last) in SCALES:
        end -= 1  # "£300m." at the end of a sentence: the full stop is not part of the figure
    return Quantity(start=span.start_char, end=end, text=doc.text[span.start_char : end],
                    value=value, low=low, high=high, unit=unit, modifier=modifier,
                    predicate=predicate_of(span.root), predicates=_events_of(span),
                    setting=setting_of(span.root), scope=scope_of(span))


def _events_of(span) -> list[str]:
    """The figure's events; for digits a page spaced out ("closed down 2. 7 percent") the parser
    hangs the first group and the rest on different words, so both chains are read."""
    events = predicates_of(span.root)
    if any(t.text in (",", ".") and t.whitespace_ for t in span[:-1]):
        events += [e for e in predicates_of(span[0]) if e not in events]
    return events


# --- ages ---------------------------------------------------------------------------------------


def _age_tokens(doc: Doc, token: Token) -> list[Token]:
    """"52-year-old", "five-month-old", "52 years old": an age. The tagger labels it a DATE, but
    it is a figure about a person, compared like any count, not a point in the calendar."""
    # "one" is read as a figure only before a scale word, but "a one-year-old" is an age too.
    if not (_is_number_token(token) or _word(token) == "one") \
            or (token.i > 0 and _is_number_token(doc[token.i - 1])) \
            or _joins_tens_and_unit(doc, token.i - 1):
        return []
    j = token.i + 1
    j += 2 if _joins_tens_and_unit(doc, j) else 0  # "twenty-five-year-old"
    j += j < len(doc) and doc[j].text == "-"
    if j >= len(doc) or doc[j].lower_.removesuffix("s") not in AGE_UNITS:
        return []
    j += 1
    j += j < len(doc) and doc[j].text == "-"
    return [*doc[token.i : j + 1]] if j < len(doc) and doc[j].lower_ == "old" else []


def _age_quantity(doc: Doc, tokens: list[Token]) -> Quantity:
    unit_at = next(i for i, t in enumerate(tokens) if t.lower_.removesuffix("s") in AGE_UNITS)
    value, unit_size = _numeral_value(tokens[:unit_at])  # the hyphen of "twenty-five" adds nothing
    unit = tokens[unit_at].lower_.removesuffix("s") + "s old"
    modifier, mod_start = modifier_before(doc, tokens[0].i)
    low, high = value_range(value, unit_size, modifier)
    first = doc[mod_start] if modifier else tokens[0]
    return _make(doc, first, tokens[-1], value, low, high, unit, modifier)


# --- fractions and indefinite plurals ----------------------------------------------------------


def _fraction_tokens(doc: Doc, token: Token) -> list[Token]:
    """"a fifth of", "two-thirds of", "half of": an ordinal read as a fraction only before "of"."""
    word = token.lemma_.lower()
    if word not in FRACTIONS or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "of":
        return []
    if word == "half":
        return [token]
    before = [t for t in doc[max(token.i - 2, 0) : token.i] if t.text != "-"]
    if before and (before[-1].lower_ in ("a", "one") or before[-1].lower_ in NUMBER_WORDS):
        return [*doc[before[-1].i : token.i + 1]]
    return []


def _fraction_quantity(doc: Doc, tokens: list[Token]) -> Quantity:
    numerator_word = tokens[0].lower_ if len(tokens) > 1 else "one"
    numerator = 1 if numerator_word in ("a", "one") else NUMBER_WORDS.get(numerator_word, 1)
    value = numerator / FRACTIONS[tokens[-1].lemma_.lower()]
    modifier, mod_start = modifier_before(doc, tokens[0].i)
    low, high = value_range(value, 0.0, modifier)
    noun = counted_noun([tokens[-1]])
    first = doc[mod_start] if modifier else tokens[0]
    last = noun if noun is not None and 0 < noun.i - tokens[-1].i <= 4 else tokens[-1]
    unit = lemma(noun) if noun is not None else None
    return _make(doc, first, last, value, low, high, unit, modifier)


def _plural_scale(token: Token) -> float | None:
    word = token.lower_
    if not word.endswith("s"):
        return None
    if word == "tens":
        return 10.0
    return SCALES.get(word[:-1]) if len(word) > 3 else None  # not "ms", "ks"


def _vague_tokens(doc: Doc, token: Token) -> list[Token]:
    """"hundreds of", "tens of thousands of", "billions of": plural scale words before "of"."""
    if _plural_scale(token) is None or is_not_a_count(token):
        return []
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "of":
        return []
    if token.i >= 2 and doc[token.i - 1].lower_ == "of" and _plural_scale(doc[token.i - 2]):
        return []  # "thousands" in "tens of thousands": the outer word starts the quantity
    after = doc[token.i + 2 : token.i + 4]
    if len(after) == 2 and _plural_scale(after[0]) and after[1].lower_ == "of":
        return [*doc[token.i : token.i + 3]]
    return [] if token.lower_ == "tens" else [token]


def _vague_quantity(doc: Doc, tokens: list[Token]) -> Quantity:
    """"Billions" means at least two billion and fewer than ten (else "tens of billions")."""
    base = 1.0
    for token in tokens:
        base *= _plural_scale(token) or 1.0
    low, high = 2 * base, 10 * base
    noun = counted_noun([tokens[-1]])
    last = noun if noun is not None and 0 < noun.i - tokens[-1].i <= 4 else tokens[-1]
    unit = lemma(noun) if noun is not None else None
    return _make(doc, tokens[0], last, low, low, high, unit, "indefinite")


# is_definite is re-exported: compare.statements asks this module whether a figure re-mentions.
__all__ = ["annotate", "is_definite", "rounding_unit"]
