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
- **attribution**: the same words credited to two different people by two outlets, taken from
  the quote groups of :mod:`newsprism.compare.quotes` and checked again here (see
  :func:`attribution_facts`).

Noise rules, so that the list holds claims rather than every numeral:

- a small count (below ten, unhedged, not money or a share) that no other outlet gives is
  description ("two Republicans, two Democrats", "three children"), not a checkable claim of its
  own: it stays inside its sentence's statement fact instead of becoming a separate figure. It is
  still compared, so "five killed" against "seven killed" is a conflict;
- "the two leaders" (a numeral after a definite determiner) re-mentions a known set and is never
  a figure (see ``read.quantities.is_definite``);
- an article repeating its own figure or date (headline and body) is one claim, cited twice.

A contradiction is a strong claim, so figures and dates conflict only when they describe the same
thing: same counted noun, closely worded sentences, the same phase of the event, compatible verbs
(a figure *paid* is not a figure *earned*), no two different places, and for dates the same
precision ("2008" and "Monday" are two events, not two dates for one).

Each fact cites its sources as exact spans: the figure's phrase for quantities, the sentence for
dates and statements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from newsprism.compare.align import (
    Similarity,
    match_greedily,
    phrase_words,
    same_phase,
    shared_names,
)
from newsprism.compare.statements import Statement, statements_of
from newsprism.model import (
    Article,
    DateMention,
    Entity,
    Fact,
    FactValue,
    Quantity,
    Quote,
    QuoteGroup,
    QuoteRecord,
    SourceSpan,
    Span,
)

# TF-IDF cosine of two sentences, fitted on the story's own sentences. Below LOOSE the sentences
# share no more than the story's common vocabulary; from CLOSE on they share a good part of their
# distinctive words; from SAME on most of them, as a re-worded report of one statement does.
LOOSE = 0.1
CLOSE = 0.3
SAME = 0.5
# Small counts ("two Republicans") coincide by chance; only figures from ten up are matched across
# different counted nouns.
DISTINCTIVE = 10
MAX_RATIO = 3.0
DEICTIC = re.compile(r"\b(today|tonight|yesterday|tomorrow|(this|last|next) (week|month|year))\b")
LEDE_STATEMENTS = 2  # statements 0-2: headline (or standfirst) and the first body sentences
MONEY_AND_SHARES = ("percent", "dollar", "pound", "euro", "yen")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# An attribution conflict rests on a line, not on a phrase: "Today" or "Meet the Press" in quote
# marks is a title, and four-word fragments are too common to pin on one speaker.
MIN_ATTRIBUTED_WORDS = 5
# Share of the shorter quote's word trigrams found in the other: above the quote grouping's own
# bar (0.5), so that a shared stock phrase ("on the wrong side of history") is not one line.
ATTRIBUTED_SHARE = 0.6
# Verbs that go with any event ("was", "said", "took part"): sharing one shows no shared event.
LIGHT_VERBS = {"be", "have", "do", "say", "tell", "add", "report", "state", "note", "write",
               "make", "take", "get", "go", "come", "give", "put", "see", "accord"}
DERIVATIONAL_SUFFIXES = ("ation", "ition", "ment", "ance", "ence", "ing", "ion", "ate", "ers",
                         "er", "al")
PRONOUNS = {"he", "she", "they", "i", "we", "it", "his", "her", "their", "who", "which", "that",
            "this", "the", "a", "an"}
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


def find_facts(
    articles: Sequence[Article],
    entities: list[Entity],
    quote_groups: list[QuoteGroup] | None = None,
) -> list[Fact]:
    """Facts of one story, agreed and approximate first, then conflicts, then single-outlet ones.

    Entity ids already sit on the articles' mentions, which is what statements are compared on;
    ``entities`` tells people from organisations for attribution conflicts. ``quote_groups`` are the
    story's quote groups (:func:`newsprism.compare.quotes.collect`), computed here when not given.
    """
    statements = [s for article in articles for s in statements_of(article)]
    similarity = Similarity(statements)
    quantity_facts, demoted = _quantity_facts(statements, similarity)
    if quote_groups is None:
        from newsprism.compare.quotes import collect

        quote_groups = collect(articles, entities)[1]
    facts = (
        quantity_facts
        + _date_facts(statements, similarity)
        + _statement_facts(statements, similarity, demoted)
        + attribution_facts(quote_groups, articles, entities)
    )
    ordered = sorted(
        enumerate(facts), key=lambda pair: (STATUS_ORDER[pair[1].status], pair[0])
    )
    return [fact.model_copy(update={"id": f"fact-{n}"}) for n, (_, fact) in enumerate(ordered, 1)]


# --- quantities -------------------------------------------------------------------------------


def _quantity_facts(
    statements: list[Statement], similarity: Similarity
) -> tuple[list[Fact], set[int]]:
    """Quantity facts, and the statements (by id) whose every figure was noise, so that they are
    compared as plain statements instead."""
    items = [QuantityItem(s, q) for s in statements for q in s.quantities]

    def score(a: QuantityItem, b: QuantityItem) -> float | None:
        return _quantity_score(a, b, similarity(a.statement, b.statement))

    def repeated(a: QuantityItem, b: QuantityItem) -> bool:
        """An article restating its own figure (headline, then body) makes one claim."""
        qa, qb = a.quantity, b.quantity
        return (qa.value, qa.low, qa.high, qa.unit) == (qb.value, qb.low, qb.high, qb.unit)

    groups = match_greedily(items, lambda item: item.statement.article.id, score, repeated)
    facts, kept = [], set()
    for group in groups:
        fact = _quantity_fact(group)
        if fact.status == "single" and all(_minor(i.quantity) for i in group):
            continue
        facts.append(fact)
        kept.update(id(i.statement) for i in group)
    demoted = {id(s) for s in statements if s.quantities and id(s) not in kept}
    return facts, demoted


def _minor(quantity: Quantity) -> bool:
    """A small unhedged count: description rather than a figure worth its own line."""
    return (quantity.value < DISTINCTIVE and quantity.modifier is None
            and quantity.unit not in MONEY_AND_SHARES)


def _quantity_score(a: QuantityItem, b: QuantityItem, wording: float) -> float | None:
    qa, qb = a.quantity, b.quantity
    if _measure(qa) != _measure(qb):
        return None  # percentages, sums of money and head counts never describe one another
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
        one_event = _measure(qa) == "count" and events_meet(qa.predicates, qb.predicates)
        if not (same_unit and wording >= (LOOSE if one_event else CLOSE)
                and same_phase(a.statement, b.statement)
                and max(qa.value, qb.value) <= MAX_RATIO * max(min(qa.value, qb.value), 1e-9)
                and _same_predicate(qa, qb, wording) and _same_setting(a, b, one_event)):
            return None
    elif not related or (not same_unit and (min(qa.value, qb.value) < DISTINCTIVE
                                             or not (_narrow(qa) and _narrow(qb)))):
        # Different counted nouns ("troops", "mission") meet only on close, tight figures:
        # "up to 1,000 officers" overlaps any smaller count without describing it.
        return None
    bonus = {"equal": 1.0, "overlap": 0.5, "disjoint": 0.0}[relation]
    return wording + bonus + (1.0 if same_unit else 0.0) + (0.5 if shared_phrase else 0.0)


def _narrow(quantity: Quantity) -> bool:
    """A figure pinned to within a quarter of its value, not an open bound ("up to", "over")."""
    return quantity.high - quantity.low <= 0.25 * max(quantity.value, 1e-9)


def _same_predicate(a: Quantity, b: Quantity, wording: float) -> bool:
    """Figures of different events are different figures ("earned $141m" vs "paid $44m"), unless
    the sentences are near rewordings of each other, where a synonym is the likelier reading.
    A figure's events are a small set (see ``read.quantities.predicates_of``); the figures are
    of one event when the sets meet."""
    events_a = a.predicates or ([a.predicate] if a.predicate else [])
    events_b = b.predicates or ([b.predicate] if b.predicate else [])
    if not events_a or not events_b:
        return True
    return events_meet(events_a, events_b) or wording >= SAME


def events_meet(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two event sets share an event, counting derived forms as one (win/winner,
    evacuate/evacuation) and ignoring verbs that fit any event (be, have, say)."""
    stems_a = {_stem(w) for w in a if w not in LIGHT_VERBS}
    stems_b = {_stem(w) for w in b if w not in LIGHT_VERBS}
    return bool(stems_a & stems_b)


def _stem(word: str) -> str:
    """A crude derivational stem: the noun and verb of one event share it ("evacuation" and
    "evacuate" -> evacu, "winner" and "win" -> win, "ordered"/"order" -> order)."""
    for suffix in DERIVATIONAL_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # "winn" -> "win", "planning" -> "plan"
    return word.rstrip("e") if len(word) > 3 else word


def _same_setting(a: QuantityItem, b: QuantityItem, one_event: bool) -> bool:
    """Figures of one event set in different places ("killed in Homs" / "in Aleppo") are two
    events. The figure's own setting decides when both outlets give one; otherwise, for figures
    not shown to be of one event, any two different places named in the sentences do."""
    setting_a, setting_b = set(a.quantity.setting), set(b.quantity.setting)
    if setting_a and setting_b:
        return bool(setting_a & setting_b)
    return one_event or _same_places(a.statement, b.statement)


def _same_places(a: Statement, b: Statement) -> bool:
    """Two sentences set in different places ("in Homs" / "in Aleppo") report two events."""
    return not (a.places and b.places) or bool(a.places & b.places)


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
    relation = _date_relation(a.mention, b.mention)
    # The event a date attaches to ("ordered the evacuation on Tuesday", "signed the evacuation
    # order on Tuesday") says what is dated better than the sentence's wording does. Pairs dating
    # one event are grouped first, so that a date an outlet gets wrong is set against the others'
    # date for that event rather than agreeing with an unrelated event of its own day.
    one_event = events_meet(a.mention.predicates, b.mention.predicates)
    bonus = 2.0 if one_event else 0.0
    if relation == "equal":
        # one date, one event, named by two outlets
        return 2.0 + bonus + wording if related else None
    if relation in ("contains", "same_weekday"):
        return 1.0 + bonus + wording if wording >= LOOSE and phase else None
    if relation == "incomparable" or not phase:
        return None
    if one_event:
        # Of one event, the places the event is set at decide (the sentences may name others).
        setting_a, setting_b = set(a.mention.setting), set(b.mention.setting)
        if setting_a and setting_b and not setting_a & setting_b:
            return None
        if a.mention.precision == "day" and related:
            return 3.0 + wording  # two days for one event, in related sentences
    if not _same_places(a.statement, b.statement):
        return None
    # Days are what reports pin events to; two months or years in alike sentences are more often
    # two steps of a story ("introduced last month", "said this month"): unless the sentences
    # name the same actors, they need near-rewording.
    named = bool(shared_names(a.statement, b.statement))
    if a.mention.precision == "day" and _in_lede(a) and _in_lede(b) and (named or wording >= LOOSE):
        return wording  # both ledes date the story's main event, and date it differently
    needed = CLOSE if a.mention.precision == "day" or named else SAME
    return wording if wording >= needed else None


def _in_lede(item: DateItem) -> bool:
    """The date sits in the headline, standfirst or first body sentences: where news states when
    its main event happened."""
    return item.statement.position <= LEDE_STATEMENTS


def _date_relation(a: DateMention, b: DateMention) -> str:
    """equal, contains (a month and a day in it), same_weekday ("Tuesday" resolved against two
    publication dates, or "Tuesday" and a date that is a Tuesday), differ, or incomparable
    (different precisions that do not nest: "2008" and "Monday" name two events)."""
    if a.value == b.value:
        return "equal"
    if _contains(a.value, b.value) or _contains(b.value, a.value):
        return "contains"
    if a.precision != b.precision or a.value.startswith("--") or b.value.startswith("--"):
        return "incomparable"
    same_weekday_named = _weekday_named(a) is not None and _weekday_named(a) == _weekday_named(b)
    if _relative(a) and _relative(b) and not same_weekday_named:
        # "on Friday" and "on Sunday", "last month" and "this month": a reporter naming another
        # day is marking another development of the story far more often than misdating one.
        return "incomparable"
    named_a, named_b = _weekday_named(a), _weekday_named(b)
    if named_a is not None or named_b is not None:
        day_a, day_b = _weekday_of(a), _weekday_of(b)
        if (named_a or day_a) == (named_b or day_b):
            return "same_weekday"
    return "differ"


def _weekday_named(mention: DateMention) -> str | None:
    """The weekday a relative mention names ("on Tuesday"), when it names no month."""
    words = re.findall(r"[a-z]+", mention.text.lower())
    named = [w for w in words if w in WEEKDAYS]
    return named[0] if named and len(words) <= 3 and not re.search(r"\d", mention.text) else None


def _relative(mention: DateMention) -> bool:
    """Named against the publication date ("Tuesday", "last month"), not on the calendar."""
    return _weekday_named(mention) is not None or bool(DEICTIC.search(mention.text.lower()))


def _weekday_of(mention: DateMention) -> str | None:
    try:
        return WEEKDAYS[date.fromisoformat(mention.value).weekday()]
    except ValueError:
        return None


def _contains(outer: str, inner: str) -> bool:
    """"2021-09" contains "2021-09-11": the coarser date is the finer one, less precisely."""
    return len(outer) < len(inner) and inner.startswith(outer)


def _date_fact(group: list[DateItem]) -> Fact:
    values = [FactValue(article=i.statement.article.id, text=i.mention.text, date=i.value)
              for i in group]
    dates = list(dict.fromkeys(i.value for i in group))
    outlets = len({i.statement.article.id for i in group})
    relations = {_date_relation(x.mention, y.mention) for x, y in combinations(group, 2)
                 if x.value != y.value}
    if outlets == 1:
        status, note = "single", f"only {group[0].statement.article.id} gives {dates[0]}"
    elif len(dates) == 1:
        status, note = "agreed", f"{dates[0]} in {outlets} outlets"
    elif relations <= {"contains", "same_weekday"}:
        why = ("the same date, less precisely" if relations == {"contains"}
               else "the same weekday, read against different publication dates")
        status, note = "approximate", " vs ".join(dates) + ": " + why
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


def _statement_facts(
    statements: list[Statement], similarity: Similarity, demoted: set[int]
) -> list[Fact]:
    plain = [s for s in statements
             if not s.has_items or (not s.dates and id(s) in demoted)]

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


# --- attributions -----------------------------------------------------------------------------


def attribution_facts(
    groups: Sequence[QuoteGroup], articles: Sequence[Article], entities: Sequence[Entity]
) -> list[Fact]:
    """Conflicts of attribution: one line, word for word, credited to different people.

    The quote groups' own ``conflict`` status is checked again, pair by pair, because a name
    written two ways ("Gov. Rick Perry", "Rick Perry") is one person: a pair counts only when
    both quotes are direct (or partial) and at least five words long, are the same words, are
    credited to people (not organisations) with different surnames, and each outlet names its
    speaker outright rather than by a pronoun or role.
    """
    from newsprism.compare.quotes import verbatim_share

    texts = {a.id: a.text for a in articles}
    by_id = {a.id: a for a in articles}
    quotes_at = {(a.id, q.start, q.end): q for a in articles for q in a.quotes}
    named = _named_attributions(articles)
    people = {e.id for e in entities if e.label == "PERSON"}
    facts = []
    for group in groups:
        if group.status != "conflict":
            continue
        records = [r for r in group.quotes if r.article in texts and _attributable(r, people)
                   and (r.article, r.start, r.end) in named]
        pairs = [(a, b) for a, b in combinations(records, 2)
                 if a.article != b.article and _surname(a.speaker) != _surname(b.speaker)
                 and verbatim_share(a.text, b.text) >= ATTRIBUTED_SHARE]
        if not pairs:
            continue
        involved = list({id(r): r for pair in pairs for r in pair}.values())
        sources = [span for r in involved for span in _attribution_sources(r, by_id, quotes_at)]
        credits = " vs ".join(f"{r.speaker} ({r.article})" for r in involved)
        facts.append(Fact(
            id="", status="conflict", statement=sources[0].text, kind="attribution",
            sources=sources,
            values=[FactValue(article=r.article, text=r.speaker or "") for r in involved],
            note=f"the same words credited to different people: {credits}",
        ))
    return facts


def _attribution_sources(record: QuoteRecord, articles: Mapping[str, Article],
                         quotes_at: Mapping[tuple[str, int, int], Quote]) -> list[SourceSpan]:
    """The quoted words and, beside them, the words naming whom this outlet credits: an
    attribution conflict is about the speaker, so the reader must see both."""
    article = articles[record.article]
    spans = [article.source_span(Span(start=record.start, end=record.end))]
    quote = quotes_at.get((record.article, record.start, record.end))
    if quote is not None and quote.speaker is not None:
        spans.append(article.source_span(quote.speaker))
    return spans


def _named_attributions(articles: Sequence[Article]) -> set[tuple[str, int, int]]:
    """Quotes whose attribution names the speaker in so many words ("…," Reid said), as opposed
    to a pronoun or role ("he said", "said the president") that had to be resolved: a resolved
    speaker can be the resolver's mistake, and a conflict must rest on what the outlets wrote."""
    found = set()
    for article in articles:
        for quote in article.quotes:
            words = article.span_text(quote.speaker).split() if quote.speaker else []
            if words and words[0].lower() not in PRONOUNS and any(w[:1].isupper() for w in words) \
                    and not words[0][:1].islower():
                found.add((article.id, quote.start, quote.end))
    return found


def _attributable(record: QuoteRecord, people: set[str]) -> bool:
    if record.kind == "indirect" or not record.speaker:
        return False
    if len(re.findall(r"[^\W\d_]+", record.text)) < MIN_ATTRIBUTED_WORDS:
        return False
    return record.speaker_entity in people if people else len(record.speaker.split()) >= 2


def _surname(name: str | None) -> str:
    """The last capitalised word of a name, without a possessive: "Gov. Rick Perry" -> perry."""
    words = [w for w in re.findall(r"[A-Z][\w'’-]*", name or "") if not w.endswith(".")]
    return re.sub(r"['’]s$", "", words[-1]).lower() if words else (name or "").lower()
