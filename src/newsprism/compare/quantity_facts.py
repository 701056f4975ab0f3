"""Quantity facts: figures of different outlets matched one by one, and judged by their ranges.

Figures are matched on what they count (the lemmatised unit), the words of their own phrase and of
their sentence, and whether the ranges their wording allows (``Quantity.low``/``high``) meet. Equal
values agree; overlapping ranges are *approximate* ("around 5,000" vs "4,800-strong"); disjoint
ranges are a *conflict* only when both figures count the same thing in closely worded sentences
(see :func:`quantity_score`). A small count no other outlet gives ("two Republicans") is
description, not a claim: it is left to its sentence's statement fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.compare.align import (
    CLOSE,
    LIGHT_VERBS,
    LOOSE,
    SAME,
    Similarity,
    events_meet,
    match_greedily,
    phrase_words,
    same_phase,
    same_places,
    shared_names,
)
from newsprism.compare.bearer import same_bearer
from newsprism.compare.figure_standing import (
    disputed_claim,
    same_change,
    same_marked_event,
    same_session_measure,
)
from newsprism.compare.statements import Statement
from newsprism.model import Article, Fact, FactValue, Quantity, SourceSpan

# Small counts ("two Republicans") coincide by chance; only figures from ten up are matched across
# different counted nouns.
DISTINCTIVE = 10
MAX_RATIO = 3.0
MONEY_AND_SHARES = ("percent", "dollar", "pound", "euro", "yen")
# "2007 to 2014", "2007-2014", "between 2007 and 2014": one period, from its first to its last.
PERIOD_LINK = re.compile(r"\s*(?:to|through|thru|until|till|-|–|—)\s*", re.IGNORECASE)
PAIR_LINK = re.compile(r"\s*and\s*", re.IGNORECASE)
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# The end of a period written right after its first year ("from 2007 to 2014"), for when the
# reader took only the first year for a date.
PERIOD_END = re.compile(r"\s*(?:to|through|thru|until|till|-|–|—)\s*((?:1[89]|20)\d\d)\b",
                        re.IGNORECASE)
# "since 2007": a period from that year up to the time of writing, its end left open.
SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
OPEN = ""


@dataclass
class QuantityItem:
    statement: Statement
    quantity: Quantity
    sole: bool = False  # the only figure its article gives of its counted noun


def quantity_facts(
    statements: list[Statement], similarity: Similarity
) -> tuple[list[Fact], set[int]]:
    """Quantity facts, and the statements (by id) whose every figure was noise, so that they are
    compared as plain statements instead."""
    items = [QuantityItem(s, q) for s in statements for q in s.quantities]
    _mark_sole(items)

    def score(a: QuantityItem, b: QuantityItem) -> float | None:
        return quantity_score(a, b, similarity(a.statement, b.statement))

    def repeated(a: QuantityItem, b: QuantityItem) -> bool:
        """An article restating its own figure (headline, then body) makes one claim."""
        qa, qb = a.quantity, b.quantity
        return (qa.value, qa.low, qa.high, qa.unit) == (qb.value, qb.low, qb.high, qb.unit)

    def reworded(a: QuantityItem, b: QuantityItem) -> bool:
        return similarity(a.statement, b.statement) >= SAME

    groups = match_greedily(items, lambda item: item.statement.article.id, score, repeated,
                            agree=figures_agree, decisive=reworded)
    facts, kept = [], set()
    for group in groups:
        fact = _quantity_fact(group)
        if fact.status == "single" and all(_minor(i.quantity) for i in group):
            continue
        facts.append(fact)
        kept.update(id(i.statement) for i in group)
    demoted = {id(s) for s in statements if s.quantities and id(s) not in kept}
    return facts, demoted


def _mark_sole(items: list[QuantityItem]) -> None:
    """Mark figures that are their article's only figure of their counted noun (repeats of the
    same value aside): "1.5 million women" in an article that counts women nowhere else."""
    values: dict[tuple[str, str | None], set[float]] = {}
    for item in items:
        values.setdefault((item.statement.article.id, item.quantity.unit), set()).add(
            item.quantity.value)
    for item in items:
        item.sole = len(values[(item.statement.article.id, item.quantity.unit)]) == 1


def figures_agree(a: QuantityItem, b: QuantityItem) -> bool:
    """The two figures' ranges meet: grouping them makes no conflict."""
    return _relation(a.quantity, b.quantity) != "disjoint"


def _minor(quantity: Quantity) -> bool:
    """A small unhedged count: description rather than a figure worth its own line."""
    return (quantity.value < DISTINCTIVE and quantity.modifier is None
            and quantity.unit not in MONEY_AND_SHARES)


def quantity_score(a: QuantityItem, b: QuantityItem, wording: float) -> float | None:
    qa, qb = a.quantity, b.quantity
    if _measure(qa) != _measure(qb):
        return None  # percentages, sums of money and head counts never describe one another
    if not same_change(a.statement, qa, b.statement, qb):
        return None  # a change is not a level, nor a rise a fall (figure_standing)
    relation = _relation(qa, qb)
    same_unit = qa.unit == qb.unit
    shared_phrase = bool((phrase_words(qa.text) & phrase_words(qb.text)) - {qa.unit, qb.unit})
    related = shared_phrase or wording >= LOOSE or bool(shared_names(a.statement, b.statement))
    if relation == "disjoint":
        # A contradiction is a strong claim: same counted thing, the same phase, compatible
        # verbs and places, and figures of one size (a misreported figure is off by a part, not
        # a multiple: $141 million and $10 million are two sums). The sentences must be closely
        # worded, or loosely worded with the figures tied to one event ("42 ships were waiting"
        # / "leaving 67 ships waiting"), which outlets describe in their own words.
        # Only for head counts: a story's sums of money and shares are many (fees, taxes,
        # prices of several items, several years) and "paid"/"earned" fits all of them.
        # Two outlets that each give one figure of a noun, and no other, in related sentences
        # are giving their figure for the same count ("1.5 million women" / "2.1 million
        # women"), whatever verb each hangs it from.
        # A percentage or a sum names no counted noun: an outlet's only share ("27 percent" of
        # votes) and another's ("35 percent" of a district) can be of anything.
        sole = a.sole and b.sole and min(qa.value, qb.value) >= DISTINCTIVE \
            and _measure(qa) == "count"
        one_event = sole or (_measure(qa) == "count" and events_meet(qa.predicates, qb.predicates))
        if not (same_unit and wording >= (LOOSE if one_event else CLOSE)
                and same_phase(a.statement, b.statement)
                and max(qa.value, qb.value) <= MAX_RATIO * max(min(qa.value, qb.value), 1e-9)
                and (sole or _same_predicate(qa, qb, wording)) and _same_setting(a, b, one_event)
                and same_period(a.statement, b.statement)
                and same_session_measure(qa, qb)
                and same_marked_event(a.statement, b.statement)
                and not disputed_claim(a.statement, qa)
                and not disputed_claim(b.statement, qb)
                and same_bearer(a.statement, qa, b.statement, qb)):
            return None
    elif not related or (not same_unit and (min(qa.value, qb.value) < DISTINCTIVE
                                             or not (_narrow(qa) and _narrow(qb)))):
        # Different counted nouns ("troops", "mission") meet only on close, tight figures:
        # "up to 1,000 officers" overlaps any smaller count without describing it.
        return None
    bonus = {"equal": 1.0, "overlap": 0.5, "disjoint": 0.0}[relation]
    return wording + bonus + (1.0 if same_unit else 0.0) + (0.5 if shared_phrase else 0.0)


def same_period(a: Statement, b: Statement) -> bool:
    """Figures of two periods are two figures: a rate "for 2014" and one "from 2007 through
    2014" are not one rate misreported. Only years and months mark a figure's period (days are
    when it was announced); sentences without one are not told apart."""
    periods_a, periods_b = _periods(a), _periods(b)
    return not (periods_a and periods_b) or any(
        _periods_meet(x, y) for x in periods_a for y in periods_b)


def _periods_meet(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One period, or an open one ("since 2007") and a period from the same year on ("from 2007
    to 2014"): written up to different points of the present, they cover one span."""
    return a == b or (a[0] == b[0] and OPEN in (a[1], b[1]))


def _periods(statement: Statement) -> set[tuple[str, str]]:
    """The periods a sentence names, as (first, last) years: "from 2007 through 2014" is one
    period, (2007, 2014), not two years, whether it was read as one date or two."""
    coarse = [d for d in statement.dates if d.precision in ("year", "month")]
    text = statement.article.text
    periods, skip = set(), set()
    for i, (first, second) in enumerate(zip(coarse, coarse[1:], strict=False)):
        between = text[first.end : second.start]
        before = text[max(first.start - 9, 0) : first.start]
        if PERIOD_LINK.fullmatch(between) or (PAIR_LINK.fullmatch(between)
                                               and BETWEEN.search(before)):
            periods.add((first.value[:4], second.value[:4]))
            skip.update((i, i + 1))
    for i, mention in enumerate(coarse):
        if i not in skip:
            years = YEAR.findall(mention.text) or [mention.value[:4]]
            end = PERIOD_END.match(text, mention.end)
            if len(years) == 1 and end:
                years.append(end.group(1))
            elif len(years) == 1 and SINCE.search(text[max(mention.start - 7, 0) : mention.start]):
                years.append(OPEN)
            periods.add((years[0], years[-1]))
    return periods


def _narrow(quantity: Quantity) -> bool:
    """A figure pinned to within a quarter of its value, not an open bound ("up to", "over")."""
    return quantity.high - quantity.low <= 0.25 * max(quantity.value, 1e-9)


def _same_predicate(a: Quantity, b: Quantity, wording: float) -> bool:
    """Figures of different events are different figures ("earned $141m" vs "paid $44m"), unless
    the sentences are near rewordings of each other, where a synonym is the likelier reading.
    A figure's events are a small set (see ``read.figure_context.predicates_of``); the figures are
    of one event when the sets meet."""
    events_a = a.predicates or ([a.predicate] if a.predicate else [])
    events_b = b.predicates or ([b.predicate] if b.predicate else [])
    if not _eventful(events_a) or not _eventful(events_b):
        return True  # "the district is 35 percent Latino": a copula names no event to compare
    return events_meet(events_a, events_b) or wording >= SAME



def _eventful(events: list[str]) -> bool:
    return any(event not in LIGHT_VERBS for event in events)


def _same_setting(a: QuantityItem, b: QuantityItem, one_event: bool) -> bool:
    """Figures of one event set in different places ("killed in Homs" / "in Aleppo") are two
    events. The figure's own setting decides when both outlets give one; otherwise, for figures
    not shown to be of one event, any two different places named in the sentences do."""
    setting_a, setting_b = set(a.quantity.setting), set(b.quantity.setting)
    if setting_a and setting_b:
        return bool(setting_a & setting_b)
    return one_event or same_places(a.statement, b.statement)



def _measure(quantity: Quantity) -> str:
    unit = quantity.unit or ""
    return unit if unit in MONEY_AND_SHARES else "count"


def _relation(a: Quantity, b: Quantity) -> str:
    if a.value == b.value:
        return "equal"
    if a.low <= b.high and b.low <= a.high:
        return "overlap"
    return "disjoint"


def _quantity_fact(group: list[QuantityItem]) -> Fact:
    values = [
        FactValue(article=i.statement.article.id, text=i.quantity.text, low=i.quantity.low,
                  high=i.quantity.high)
        for i in group
    ]
    quantities = [i.quantity for i in group]
    if len({i.statement.article.id for i in group}) == 1:
        status, note = "single", f"only {group[0].statement.article.id} gives this figure"
    elif len({q.value for q in quantities}) == 1:
        outlets = len({i.statement.article.id for i in group})
        status, note = "agreed", f"{_fmt(quantities[0].value)} in {outlets} outlets"
    elif max(q.low for q in quantities) <= min(q.high for q in quantities):
        status, note = "approximate", " vs ".join(map(_describe, quantities)) + ": within rounding"
    else:
        status, note = "conflict", " vs ".join(map(_describe, quantities)) + ": ranges do not meet"
    return Fact(
        id="",
        status=status,
        statement=group[0].statement.text,
        kind="quantity",
        sources=[_source(i.statement.article, i.quantity) for i in group],
        values=values,
        note=note,
    )


def _describe(quantity: Quantity) -> str:
    if quantity.low == quantity.high:
        return f"{quantity.text} ({_fmt(quantity.value)})"
    return f"{quantity.text} ({_fmt(quantity.low)}–{_fmt(quantity.high)})"


def _fmt(number: float) -> str:
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"




def _source(article: Article, span) -> SourceSpan:
    return article.source_span(span)
