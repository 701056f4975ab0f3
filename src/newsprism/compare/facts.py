"""Facts of a story: what the outlets agree on, state approximately alike, contradict, or say alone.

Three kinds of fact, matched across outlets by general rules only:

- **quantity**: figures are matched one by one (not sentence by sentence) on what they count
  (the lemmatised unit), the words of their own phrase and of their sentence, and whether the
  ranges their wording allows (``Quantity.low``/``high``) meet. Equal values agree; overlapping
  ranges are *approximate* ("around 10,000" vs "9,600-strong"); disjoint ranges are a *conflict*
  only when both figures count the same thing in closely worded sentences.
- **date**: full calendar dates, matched on value and sentence; a month containing a day is
  approximate; different dates conflict only for the same phase of the same event.
- **statement**: sentences without figures or dates (quotes included), aligned on wording and
  names; aligned ones agree, the rest are single.

Each fact cites its sources as exact spans: the figure's phrase for quantities, the sentence for
dates and statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.compare.align import (
    Similarity,
    match_greedily,
    phrase_words,
    same_phase,
    shared_names,
)
from newsprism.compare.statements import Statement, statements_of
from newsprism.model import Article, DateMention, Entity, Fact, FactValue, Quantity, SourceSpan

# TF-IDF cosine of two sentences, fitted on the story's own sentences. Below LOOSE the sentences
# share no more than the story's common vocabulary; from CLOSE on they share a good part of their
# distinctive words; from SAME on most of them, as a re-worded report of one statement does.
LOOSE = 0.1
CLOSE = 0.3
SAME = 0.5
# Small counts ("two Republicans") coincide by chance; only figures from ten up are matched across
# different counted nouns.
DISTINCTIVE = 10
STATUS_ORDER = {"agreed": 0, "approximate": 0, "conflict": 1, "single": 2}


@dataclass
class QuantityItem:
    statement: Statement
    quantity: Quantity


@dataclass
class DateItem:
    statement: Statement
    mention: DateMention

    @property
    def value(self) -> str:
        return self.mention.value


def find_facts(articles: Sequence[Article], entities: list[Entity]) -> list[Fact]:
    """Facts of one story, agreed and approximate first, then conflicts, then single-outlet ones.

    ``entities`` is accepted for the shared stage interface; entity ids already sit on the
    articles' mentions, which is what statements are compared on.
    """
    statements = [s for article in articles for s in statements_of(article)]
    similarity = Similarity(statements)
    facts = (
        _quantity_facts(statements, similarity)
        + _date_facts(statements, similarity)
        + _statement_facts(statements, similarity)
    )
    ordered = sorted(
        enumerate(facts), key=lambda pair: (STATUS_ORDER[pair[1].status], pair[0])
    )
    return [fact.model_copy(update={"id": f"fact-{n}"}) for n, (_, fact) in enumerate(ordered, 1)]


# --- quantities -------------------------------------------------------------------------------


def _quantity_facts(statements: list[Statement], similarity: Similarity) -> list[Fact]:
    items = [QuantityItem(s, q) for s in statements for q in s.quantities]

    def score(a: QuantityItem, b: QuantityItem) -> float | None:
        return _quantity_score(a, b, similarity(a.statement, b.statement))

    groups = match_greedily(items, lambda item: item.statement.article.id, score)
    return [_quantity_fact(group) for group in groups]


def _quantity_score(a: QuantityItem, b: QuantityItem, wording: float) -> float | None:
    qa, qb = a.quantity, b.quantity
    if _measure(qa) != _measure(qb):
        return None  # percentages, sums of money and head counts never describe one another
    relation = _relation(qa, qb)
    same_unit = qa.unit == qb.unit
    shared_phrase = bool((phrase_words(qa.text) & phrase_words(qb.text)) - {qa.unit, qb.unit})
    related = shared_phrase or wording >= LOOSE or bool(shared_names(a.statement, b.statement))
    if relation == "disjoint":
        # A contradiction is a strong claim: same counted thing, closely worded sentences.
        if not (same_unit and wording >= CLOSE and same_phase(a.statement, b.statement)):
            return None
    elif not related or (not same_unit and min(qa.value, qb.value) < DISTINCTIVE):
        return None
    bonus = {"equal": 1.0, "overlap": 0.5, "disjoint": 0.0}[relation]
    return wording + bonus + (1.0 if same_unit else 0.0) + (0.5 if shared_phrase else 0.0)


def _measure(quantity: Quantity) -> str:
    unit = quantity.unit or ""
    return unit if unit in ("percent", "dollar", "pound", "euro", "yen") else "count"


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
    if len(group) == 1:
        status, note = "single", f"only {group[0].statement.article.id} gives this figure"
    elif len({q.value for q in quantities}) == 1:
        status, note = "agreed", f"{_fmt(quantities[0].value)} in {len(group)} outlets"
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


# --- dates ------------------------------------------------------------------------------------


def _date_facts(statements: list[Statement], similarity: Similarity) -> list[Fact]:
    items = [DateItem(s, d) for s in statements for d in s.dates]

    def score(a: DateItem, b: DateItem) -> float | None:
        return _date_score(a, b, similarity(a.statement, b.statement))

    def repeated(a: DateItem, b: DateItem) -> bool:
        return a.value == b.value

    groups = match_greedily(items, lambda item: item.statement.article.id, score, repeated)
    return [_date_fact(group) for group in groups]


def _date_score(a: DateItem, b: DateItem, wording: float) -> float | None:
    related = wording >= LOOSE or bool(shared_names(a.statement, b.statement))
    phase = same_phase(a.statement, b.statement)
    if a.value == b.value:
        return 2.0 + wording if related else None  # one date, one event, named by two outlets
    if _contains(a.value, b.value) or _contains(b.value, a.value):
        return 1.0 + wording if wording >= LOOSE and phase else None
    return wording if wording >= CLOSE and phase else None


def _contains(outer: str, inner: str) -> bool:
    """"2021-09" contains "2021-09-11": the coarser date is the finer one, less precisely."""
    return len(outer) < len(inner) and inner.startswith(outer)


def _date_fact(group: list[DateItem]) -> Fact:
    values = [FactValue(article=i.statement.article.id, text=i.mention.text, date=i.value)
              for i in group]
    dates = list(dict.fromkeys(i.value for i in group))
    outlets = len({i.statement.article.id for i in group})
    if outlets == 1:
        status, note = "single", f"only {group[0].statement.article.id} gives {dates[0]}"
    elif len(dates) == 1:
        status, note = "agreed", f"{dates[0]} in {outlets} outlets"
    elif all(_contains(x, y) or _contains(y, x) or x == y for x in dates for y in dates):
        status, note = "approximate", " vs ".join(dates) + ": the same date, less precisely"
    else:
        status, note = "conflict", " vs ".join(dates) + ": different dates for the same event"
    sources: list[SourceSpan] = []
    for item in group:
        source = item.statement.article.source_span(item.statement.sentence)
        if source not in sources:
            sources.append(source)
    return Fact(id="", status=status, statement=group[0].statement.text, kind="date",
                sources=sources, values=values, note=note)


# --- statements -------------------------------------------------------------------------------


def _statement_facts(statements: list[Statement], similarity: Similarity) -> list[Fact]:
    plain = [s for s in statements if not s.has_items]

    def score(a: Statement, b: Statement) -> float | None:
        wording = similarity(a, b)
        names_agree = bool(shared_names(a, b)) or not (a.names or b.names)
        return wording if wording >= SAME and names_agree and _same_speaker(a, b) else None

    groups = match_greedily(plain, lambda s: s.article.id, score)
    return [_statement_fact(group) for group in groups]


def _same_speaker(a: Statement, b: Statement) -> bool:
    """Quotes credited to different people are different statements, however alike."""
    speakers_a, speakers_b = _speakers(a), _speakers(b)
    return not (speakers_a and speakers_b) or bool(speakers_a & speakers_b)


def _speakers(statement: Statement) -> set[str]:
    sentence = statement.sentence
    return {
        q.speaker_entity or (q.speaker_name or "").lower()
        for q in statement.article.quotes
        if q.start < sentence.end and sentence.start < q.end
        and (q.speaker_entity or q.speaker_name)
    }


def _statement_fact(group: list[Statement]) -> Fact:
    status = "single" if len(group) == 1 else "agreed"
    note = (f"only {group[0].article.id} reports this" if status == "single"
            else f"reported alike by {len(group)} outlets")
    return Fact(
        id="",
        status=status,
        statement=group[0].text,
        kind="statement",
        sources=[s.article.source_span(s.sentence) for s in group],
        values=[FactValue(article=s.article.id, text=s.text) for s in group],
        note=note,
    )


def _source(article: Article, span) -> SourceSpan:
    return article.source_span(span)
