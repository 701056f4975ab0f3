"""Numbers as written and as understood: value, the range the wording allows, and what is counted.

A figure in the news is rarely exact. "Around 10,000 troops" and "a 9,600-strong mission" can both
be true, so each :class:`~newsprism.model.Quantity` carries ``low``/``high``: the interval of true
values the wording admits. The interval comes from two things only: how the numeral is rounded (the
place of its last significant digit) and the hedge in front of it (about, more than, up to, …).
The counted noun (``unit``) comes from the dependency parse, so later stages compare like with like.

Years, dates, times, ordinals, list numbers and numbers inside names are not quantities.
"""

from __future__ import annotations

import math
import re

from spacy.tokens import Doc, Token

from newsprism.model import Article, Quantity

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
DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(bn|m|mn|k|tn)?$", re.IGNORECASE)
NOT_A_COUNT = re.compile(r"[:/]")  # 10:30 is a time, 9/11 a date
_SMALL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a hundred|hundred|thousand)"
RATIO_AFTER = re.compile(r"^\s*-?\s*(?:in|out of)\s*-?\s*" + _SMALL + r"\b", re.IGNORECASE)
RATIO_BEFORE = re.compile(r"\b" + _SMALL + r"\s*-?\s*(?:in|out of)\s*-?\s*$", re.IGNORECASE)
# Entity types whose numbers are names or labels (Boeing 737, Resolution 1325), not counts.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
               "NORP", "LANGUAGE", "DATE", "TIME"}

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
NOUNS = ("NOUN", "PROPN")
ABOUT_SHARE = 0.1  # the least a hedge ("about", "around") admits, as a share of the figure
RANGE_OPENER = re.compile(r"\bbetween\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
DEFINITE_DETERMINERS = {"the", "these", "those", "its", "their", "our", "his", "her", "both"}
# Roles in which a bare numeral is itself the noun phrase, i.e. its noun is elided.
ELLIPTIC_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "ROOT"}


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
    _borrow_elided_units(found, doc)
    article.quantities.extend(_join_ranges(found, doc.text))


def _quantity_at(doc: Doc, token: Token) -> tuple[Quantity | None, set[int]]:
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
    if not _is_number_token(token) or _excluded(token) or _starts_fraction(doc, token):
        return []
    if token.i > 0 and _is_number_token(doc[token.i - 1]) and not _excluded(doc[token.i - 1]):
        return []  # not the first token of the numeral
    core = [token]
    j = token.i + 1
    while j < len(doc) and (_is_scale(doc[j]) or _is_number_token(doc[j])):
        core.append(doc[j])
        j += 1
    if core[0].lower_ == "a" and len(core) == 1:
        return []
    return core


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


def _excluded(token: Token) -> bool:
    text = token.text
    if NOT_A_COUNT.search(text) or token.ent_type_ in NAME_LABELS or token.ent_type_ == "ORDINAL":
        return True
    if _in_ratio(token):
        return True
    if _is_list_number(token):
        return True
    return _is_year(token)


def _in_ratio(token: Token) -> bool:
    """"a one-in-three chance", "2 in 3 voters", "nine out of ten": odds, not counts."""
    text = token.doc.text
    after = text[token.idx + len(token.text) : token.idx + len(token.text) + 24]
    before = text[max(token.idx - 24, 0) : token.idx]
    return bool(RATIO_AFTER.match(after) or RATIO_BEFORE.search(before))


def _is_list_number(token: Token) -> bool:
    """"1." or "2)" opening a sentence numbers an item of a list."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_sent_start and nxt is not None and nxt.text in {".", ")"}


def _is_year(token: Token) -> bool:
    """A bare four-digit number from 1000 to 2100 that counts no noun is a year, not an amount."""
    if not re.fullmatch(r"1\d{3}|20\d{2}|2100", token.text):
        return False
    return not (token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.i > token.i)


def _numeral_value(core: list[Token]) -> tuple[float, float]:
    """Value of the numeral and its rounding unit (see :func:`rounding_unit`)."""
    total, current, significant, place = 0.0, 0.0, "", 1.0
    for token in core:
        text = _word(token)
        match = DIGITS.match(text)
        if match:
            integer, decimals, suffix = match.group(1).replace(",", ""), *match.group(2, 3)
            current += float(integer + ("." + decimals if decimals else ""))
            significant, place = _significant(integer, decimals)
            if suffix:
                current, place = current * SCALES[suffix.lower()], place * SCALES[suffix.lower()]
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
    modifier, mod_start = _modifier_before(doc, start.i)
    currency = _currency_before(doc, mod_start if modifier else start.i) or _currency_in(core)
    noun: Token | None = None
    after = end.i + 1
    if _is_strong(doc, after):  # "9,600-strong mission": a headcount, rounded like any other
        modifier, noun = "-strong", _strong_noun(doc, after)
        after = _strong_end(doc, after)
    unit_text, after = _percent_after(doc, after)
    if unit_text is None and currency is None:
        noun = noun or _counted_noun(core)
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
                    predicate=predicate_of(span.root), predicates=predicates_of(span.root),
                    setting=setting_of(span.root))


def predicate_of(token: Token) -> str | None:
    """Lemma of the verb a figure's phrase hangs from ("paid nearly $44 million" -> pay), so that
    figures of different events are told apart; None for a verbless phrase (a headline)."""
    node = token
    for _ in range(8):
        if node.pos_ == "VERB":
            return node.lemma_.lower()
        if node.head.i == node.i:
            return node.lemma_.lower() if node.pos_ == "AUX" else None
        node = node.head
    return None


# Nouns of time ("on the morning of Wednesday") locate a figure or date; they are no event.
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "week", "month", "year", "time",
              "hour", "minute", "weekend", "date", "period", "noon", "midnight", "dawn"}
# Clausal links through which a noun is the subject or object of another verb: "leaving 67 ships
# waiting" (xcomp), "ships that were waiting" (relcl), "ships waiting at anchor" (acl).
CLAUSAL = {"xcomp", "ccomp", "acl", "relcl"}
ARGUMENT_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def predicates_of(token: Token) -> list[str]:
    """The events a figure's (or date's) phrase belongs to, as lemmas: the verb it hangs from,
    the noun it attaches to on the way ("a win by nine votes", "the evacuation on Tuesday"), the
    object of that verb when it names the event ("signed the evacuation order"), and the verbs
    the counted noun is itself subject or object of ("leaving 67 ships waiting" -> leave, wait).

    Two figures (or dates) belong to one event when these sets meet; a single head verb is too
    narrow a test, since outlets re-word a clause far more often than they change the event."""
    found: list[Token] = []
    governing = _governing_verb(token, found)
    if governing is not None:
        found.append(governing)
        found.extend(c for c in governing.children
                     if c.dep_ == "dobj" and c.i != token.i and _is_event_noun(c))
        found.extend(c for c in governing.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    found.extend(c for c in token.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    if token.dep_ in ARGUMENT_ROLES and token.head.pos_ == "VERB":
        found.extend(c for c in token.head.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    lemmas: list[str] = []
    for node in found:
        for word in [node, *(c for c in node.children if c.dep_ == "compound" and
                             _is_event_noun(c))]:
            if word.lemma_.lower() not in lemmas:
                lemmas.append(word.lemma_.lower())
    return lemmas


def _governing_verb(token: Token, nouns: list[Token]) -> Token | None:
    """Walk up from ``token`` to the first verb; note on ``nouns`` the first common noun passed on
    the way (the nominal event the phrase attaches to)."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ == "VERB":
            return node
        if not nouns and node.pos_ == "NOUN" and _is_event_noun(node):
            nouns.append(node)
    return None


def _is_event_noun(token: Token) -> bool:
    return (token.pos_ == "NOUN" and token.lemma_.lower() not in TIME_NOUNS
            and token.ent_type_ not in ("DATE", "TIME"))


def setting_of(token: Token) -> list[str]:
    """Places the figure's own event is located at ("killed in Homs" -> homs): place names governed,
    through prepositions and nouns only, by the figure's verb, the noun it attaches to or the
    counted noun. Places elsewhere in the sentence (a dateline, "Europe's largest port") are
    not where the figure happened."""
    anchors = {token.i}
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        anchors.add(node.i)
        if node.pos_ in ("VERB", "AUX"):
            break
    places: list[str] = []
    for ent in token.doc.ents:
        if ent.label_ not in PLACE_LABELS or ent.sent != token.sent:
            continue
        if _reaches_through_preposition(ent.root, anchors):
            key = re.sub(r"^the\s+", "", ent.text.lower())
            if key not in places:
                places.append(key)
    return places


def _reaches_through_preposition(root: Token, anchors: set[int]) -> bool:
    """The place is the object of a preposition hanging from an anchor, possibly through the
    nouns of a longer phrase ("in an attack in Homs"), never through another verb."""
    node, hops = root, 0
    while node.head.i != node.i and hops < 6:
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i in anchors:
            return True
        node, hops = node.head, hops + 1
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


# --- ranges ---------------------------------------------------------------------------------


def value_range(value: float, unit_size: float, modifier: str | None) -> tuple[float, float]:
    """The interval of true values that ``modifier value`` allows.

    - no modifier: the figure as stated; an unhedged numeral asserts that value.
    - "-strong": a headcount written in round figures: plus or minus half the rounding unit.
    - about / around / some / roughly: the rounding interval (half a unit each way) and half as
      much again, because a hedged figure is often rounded loosely or taken from an older count;
      and never less than a tenth either way, since "about 90" is fair for 89 and "about 20" for
      21 although their rounding unit is 1 (see :func:`rounding_unit`).
    - nearly / almost: just below the figure, by at most one rounding unit.
    - just over: just above the figure, by one rounding unit at most and a tenth of the figure at
      most ("just over 100,000" is not 190,000, although its rounding unit is 100,000).
    - more than / over, at least: above the figure, but below the next step of its leading digit
      (a writer who knew it passed 3,000 would not write "more than 2,000").
    - fewer than / under: below the figure, above the previous step of the leading digit.
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
        return value - unit_size, value
    if kind == "just_over":
        return value, value + min(unit_size, ABOUT_SHARE * value)
    if kind in ("more", "least"):
        return value, value + step
    if kind == "less":
        return max(value - step, 0.0), value
    if kind == "most":
        return 0.0, value
    if kind == "as_many":
        return max(value - step, 0.0), value
    return value, value


def _modifier_before(doc: Doc, index: int) -> tuple[str | None, int]:
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
        phrase, start = _modifier_before(doc, index - 1)
        if phrase:
            return phrase, start
    return None, index


def _currency_before(doc: Doc, index: int) -> str | None:
    for j in (index - 1, index):
        if 0 <= j < len(doc) and doc[j].lower_ in CURRENCIES:
            return CURRENCIES[doc[j].lower_]
    return None


def _currency_in(core: list[Token]) -> str | None:
    head = core[-1]
    for child in list(head.children) + [head.head]:
        if child.lower_ in CURRENCIES:
            return CURRENCIES[child.lower_]
    return None


def _is_strong(doc: Doc, index: int) -> bool:
    texts = [t.lower_ for t in doc[index : index + 2]]
    return texts[:2] == ["-", "strong"] or (texts[:1] == ["-strong"])


def _strong_end(doc: Doc, index: int) -> int:
    return index + (1 if doc[index].lower_ == "-strong" else 2)


def _strong_noun(doc: Doc, index: int) -> Token | None:
    strong = doc[_strong_end(doc, index) - 1]
    return strong.head if strong.head.pos_ in ("NOUN", "PROPN") else None


def _percent_after(doc: Doc, index: int) -> tuple[str | None, int]:
    for phrase in PERCENT_WORDS:
        words = phrase.split()
        if [t.lower_ for t in doc[index : index + len(words)]] == words:
            return "percent", index + len(words)
    return None, index


def _counted_noun(core: list[Token]) -> Token | None:
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
    modifier, mod_start = _modifier_before(doc, tokens[0].i)
    low, high = value_range(value, 0.0, modifier)
    noun = _counted_noun([tokens[-1]])
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
    if _plural_scale(token) is None or _excluded(token):
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
    noun = _counted_noun([tokens[-1]])
    last = noun if noun is not None and 0 < noun.i - tokens[-1].i <= 4 else tokens[-1]
    unit = lemma(noun) if noun is not None else None
    return _make(doc, tokens[0], last, low, low, high, unit, "indefinite")


def is_definite(quantity: Quantity, text: str) -> bool:
    """"the two leaders": a numeral after a definite determiner re-mentions a known set rather than
    stating a figure, so it is neither a checkable count nor an antecedent for an elided noun."""
    before = text[max(quantity.start - 12, 0) : quantity.start].lower().split()
    return bool(before) and before[-1] in DEFINITE_DETERMINERS


# --- ranges ---------------------------------------------------------------------------------


def _join_ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """"between $19 and $22 million", "300 to 400 troops", "20-25 people": one figure whose range
    is the stated interval, not two figures (the first often shorn of its scale word). "From 300
    to 400" is a change, not a range, and stays two figures."""
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
    # The first figure's span may already run to the shared noun ("300 and 400 troops"): the gap
    # is what follows its numeral.
    numeral = re.search(r"\d[\d,.]*(?:\s*(?:hundred|thousand|million|billion))?", first.text)
    gap_start = first.start + numeral.end() if numeral else first.end
    gap = text[gap_start : second.start].strip().lower()
    before = text[max(first.start - 10, 0) : first.start]
    if RANGE_OPENER.search(before):
        return gap == "and"
    return gap in ("-", "–", "to") and not FROM_BEFORE.search(before)


def _scale_of(quantity: Quantity) -> float:
    words = quantity.text.lower().split()
    return next((SCALES[w] for w in reversed(words) if w in SCALES and len(w) > 2), 1.0)


# --- ellipsis ---------------------------------------------------------------------------------


def _borrow_elided_units(found: list[Quantity], doc: Doc) -> None:
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
