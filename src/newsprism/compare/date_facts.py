"""Date facts: dates of different outlets matched on value, sentence and the event they date.

A month containing a day is *approximate*; two different dates *conflict* only for the same
phase of the same event (see :func:`date_score`), at the same precision ("2008" and "Monday"
are two events, not two dates for one). An article repeating its own date is one claim.

A date without a year (an article without a publication date: "--09-11") agrees with another
outlet's date of the same month and day, and never conflicts: which year it means is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from newsprism.compare.align import (
    CLOSE,
    LOOSE,
    SAME,
    Similarity,
    events_meet,
    match_greedily,
    same_phase,
    same_places,
    shared_names,
)
from newsprism.compare.date_acts import may_conflict, names_differ, same_as_written
from newsprism.compare.statements import Statement
from newsprism.model import Article, DateMention, Fact, FactValue, SourceSpan
from newsprism.read.date_lines import publication_day
from newsprism.read.dates import WEEKDAYS

DEICTIC = re.compile(r"\b(today|tonight|yesterday|tomorrow|(this|last|next) (week|month|year))\b")
# Words telling one more step of an act already under way.
CONTINUING = re.compile(r"\b(kept|keeps|keep|keeping|continu\w*|again|stepped up|renew\w*)\b",
                        re.IGNORECASE)
LEDE_STATEMENTS = 2  # statements 0-2: headline (or standfirst) and the first body sentences
PEG_NAMES = 2  # names two ledes must share for their pegs to be set against each other
# Relations of two dates that name one day, or one within the other: no conflict between them.
AGREEING = ("equal", "as_written", "contains", "same_weekday")


@dataclass
class DateItem:
    statement: Statement
    mention: DateMention

    @property
    def value(self) -> str:
        return self.mention.value


def date_facts(statements: list[Statement], similarity: Similarity) -> list[Fact]:
    items = [DateItem(s, d) for s in statements for d in [*s.dates, *_yearless(s)]]

    def score(a: DateItem, b: DateItem) -> float | None:
        return date_score(a, b, similarity(a.statement, b.statement))

    def repeated(a: DateItem, b: DateItem) -> bool:
        return a.value == b.value

    def reworded(a: DateItem, b: DateItem) -> bool:
        return similarity(a.statement, b.statement) >= SAME

    groups = match_greedily(items, lambda item: item.statement.article.id, score, repeated,
                            agree=dates_agree, decisive=reworded)
    # A year-less date no other outlet matched says nothing checkable on its own.
    return [_date_fact(group) for group in groups
            if not all(i.value.startswith("--") for i in group) or _outlets(group) > 1]


def _outlets(group: list[DateItem]) -> int:
    return len({i.statement.article.id for i in group})


def _yearless(statement: Statement) -> list[DateMention]:
    """The sentence's dates that have no year ("--09-11"): statements leave them out, since
    they cannot be placed, but they can agree with another outlet's date."""
    sentence = statement.sentence
    return [d for d in statement.article.dates if d.value.startswith("--")
            and sentence.start <= d.start and d.end <= sentence.end]


def _same_yearless(a: str, b: str) -> bool:
    """One date has no year and the other's month (and day) are the same ("--09-11" and
    "2021-09-11")."""
    yearless, dated = (a, b) if a.startswith("--") else (b, a)
    return yearless.startswith("--") and not dated.startswith("--") and \
        dated[4:] == yearless[1:]


def dates_agree(a: DateItem, b: DateItem) -> bool:
    """The two dates name one day (or one nests in the other): grouping them makes no
    conflict."""
    return _mentions_agree(a.mention, b.mention)


def _mentions_agree(a: DateMention, b: DateMention) -> bool:
    return _date_relation(a, b) in AGREEING


def date_score(a: DateItem, b: DateItem, wording: float) -> float | None:
    related = wording >= LOOSE or bool(shared_names(a.statement, b.statement))
    phase = same_phase(a.statement, b.statement)
    relation = _date_relation(a.mention, b.mention)
    days = a.mention.precision == "day"
    relative_pair = relation == "relative_differ"
    # Pegs are set against each other only for ledes naming two of the same people, places or
    # bodies: one name in common ("Mayor Berg urged the board …", "Mayor Berg visited …") is
    # the story's protagonist, whose every act a lede may tell.
    pegs = relative_pair and days and phase and _news_pegs_differ(a, b) \
        and len(shared_names(a.statement, b.statement)) >= PEG_NAMES
    if relation not in AGREEING and not may_conflict(
            a.statement, a.mention, b.statement, b.mention, wording, pegs):
        return None
    # The event a date attaches to ("ordered the evacuation on Tuesday", "signed the evacuation
    # order on Tuesday") says what is dated better than the sentence's wording does. Pairs dating
    # one event are grouped first, so that a date an outlet gets wrong is set against the others'
    # date for that event rather than agreeing with an unrelated event of its own day.
    one_event = events_meet(a.mention.predicates, b.mention.predicates)
    bonus = 2.0 if one_event else 0.0
    # Two days each named against its publication date ("Friday", "Sunday") are most often two
    # developments; they are set against each other only for one event, in a re-worded sentence
    # or in both ledes naming the same actors. Months and years named so ("last month", "this
    # month") are steps of a story, never.
    # In a re-wording, dates of the same act, even a light one ("said Tuesday" / "said
    # Sunday"), date the same statement. The parser may hang a second word on one of them
    # ("said Sunday on the show" -> say, show), so one shared act is enough.
    same_act = bool(set(a.mention.predicates) & set(b.mention.predicates))
    if (one_event or same_act) and wording >= SAME and phase and relation != "incomparable" \
            and (days or not relative_pair):
        return _restated_score(a, b, relation, wording)
    if relative_pair and days and one_event and phase and _in_lede(a) and _in_lede(b) \
            and wording >= CLOSE and shared_names(a.statement, b.statement):
        return None if _set_apart(a, b) else 3.0 + wording
    if relative_pair and days and phase and _same_news_day(a, b) and _same_dated_act(a, b) \
            and shared_names(a.statement, b.statement) and not _set_apart(a, b):
        # Outlets writing on the same day name the day of one act against the same "today":
        # "Tuesday's arguments" in one and "argued at the court Sunday" in the other is one
        # hearing dated twice. Only the act the day itself dates counts (not a verb further
        # up the sentence), and the sentences must name the same people.
        return 3.0 + wording
    if pegs:
        return None if _set_apart(a, b) else 3.0 + wording
    if relation == "equal":
        # one date, one event, named by two outlets
        return 2.0 + bonus + wording if related else None
    if relation in ("as_written", "contains", "same_weekday"):
        return 1.0 + bonus + wording if wording >= LOOSE and phase else None
    if relation in ("incomparable", "relative_differ") or not phase:
        return None
    if one_event:
        # Of one event, the places the event is set at decide (the sentences may name others).
        if _set_apart(a, b):
            return None
        if a.mention.precision == "day" and related:
            return 3.0 + wording  # two days for one event, in related sentences
    if not same_places(a.statement, b.statement):
        return None
    # Days are what reports pin events to; two months or years in alike sentences are more often
    # two steps of a story ("introduced last month", "said this month"): unless the sentences
    # name the same actors, they need near-rewording.
    named = bool(shared_names(a.statement, b.statement))
    if a.mention.precision == "day" and _in_lede(a) and _in_lede(b) and (named or wording >= LOOSE):
        return wording  # both ledes date the story's main event, and date it differently
    needed = CLOSE if a.mention.precision == "day" or named else SAME
    return wording if wording >= needed else None


def _restated_score(a: DateItem, b: DateItem, relation: str, wording: float) -> float | None:
    """Dates of one event in two re-wordings of one sentence ("X met Y on Tuesday at the White
    House" / "X and Y met at the White House on Thursday") fill the same slot of the same report:
    they are set against each other before anything else, whatever the day each names, since
    the outlets plainly tell the same development (one weekday each is then a conflict, not
    two developments). The same date in the pair ranks above a different one, so a sentence
    with two dates pairs them right."""
    if _set_apart(a, b):
        return None
    closeness = {"equal": 2.0, "contains": 1.0, "same_weekday": 1.0}.get(relation, 0.0)
    return 4.0 + closeness + wording


def _set_apart(a: DateItem, b: DateItem) -> bool:
    """The dated events are set in different places ("in Homs" / "in Aleppo", "before Hollowmere
    Crown Court" / "at Hollowmere Magistrates' Court"). One name inside the other is one place
    ("Hollowmere" / "Hollowmere Crown Court", "the Crown Court" / "Hollowmere Crown Court")."""
    return names_differ(a.mention.setting, b.mention.setting)



def _news_pegs_differ(a: DateItem, b: DateItem) -> bool:
    """Each date is its article's news peg - the first day its lede names against the
    publication date ("Berg met the union leaders on Sunday") - and neither article names the
    other's day anywhere. Two reports of one story, naming the same people, peg it to the day
    its news happened: an outlet leading with a later development still tells the earlier one
    ("a day after …", "on Tuesday"), so two pegs that never meet in either article are one day
    misdated."""
    return _is_peg(a) and _is_peg(b) and not _names_day(a.statement.article, b) \
        and not _names_day(b.statement.article, a) and _knowable(a, b) and _knowable(b, a)


def _knowable(item: DateItem, other: DateItem) -> bool:
    """The other outlet could have reported the act ``item`` dates: the act was past (or
    already announced) when it published. A meeting on Thursday cannot be misdated by a report
    of Sunday's meeting printed before it."""
    published, other_published = (publication_day(i.statement.article) for i in (item, other))
    if published is None or other_published is None:
        return False
    day = date.fromisoformat(item.value)
    return day > published or day <= other_published


def _is_peg(item: DateItem) -> bool:
    """The item's day is the first its article's lede names against the publication date, and
    the lede tells a new act, not one more step of an act under way ("kept up pressure on
    Sunday", "continued to", "again"): such a lede dates the latest turn of a running story,
    which another outlet may rightly peg to an earlier one."""
    if not _in_lede(item) or CONTINUING.search(item.statement.text):
        return False
    first = next((d for d in item.statement.article.dates
                  if d.precision == "day" and _relative(d)), None)
    return first is not None and first.value == item.value


def _names_day(article: Article, item: DateItem) -> bool:
    """The article names the item's day: the same date, or the same weekday however it was
    resolved ("to be shown on Tuesday" is a Tuesday whichever week a reader placed it in)."""
    weekday = _weekday_named(item.mention)
    return any(d.value == item.value or (weekday is not None and _weekday_named(d) == weekday)
               for d in article.dates)


def _same_dated_act(a: DateItem, b: DateItem) -> bool:
    """The acts the two days attach to directly (the first of their events: "argued … Sunday",
    "Tuesday's arguments") are one act, and not one that fits any event ("said")."""
    first_a, first_b = a.mention.predicates[:1], b.mention.predicates[:1]
    return bool(first_a and first_b) and events_meet(first_a, first_b)


def _same_news_day(a: DateItem, b: DateItem) -> bool:
    """Both articles were published on the same calendar day."""
    day_a, day_b = a.statement.article.published, b.statement.article.published
    return bool(day_a and day_b) and day_a[:10] == day_b[:10] and len(day_a) >= 10


def _in_lede(item: DateItem) -> bool:
    """The date sits in the headline, standfirst or first body sentences: where news states when
    its main event happened."""
    return item.statement.position <= LEDE_STATEMENTS


def _date_relation(a: DateMention, b: DateMention) -> str:
    """equal, contains (a month and a day in it), same_weekday ("Tuesday" resolved against two
    publication dates, or "Tuesday" and a date that is a Tuesday), differ, relative_differ (two
    days each named against its publication date: "Friday" and "Sunday"), or incomparable
    (different precisions that do not nest: "2008" and "Monday" name two events)."""
    if a.value == b.value or _same_yearless(a.value, b.value):
        return "equal"
    if same_as_written(a, b):
        return "as_written"
    if _contains(a.value, b.value) or _contains(b.value, a.value):
        return "contains"
    if a.precision != b.precision or a.value.startswith("--") or b.value.startswith("--"):
        return "incomparable"
    same_weekday_named = _weekday_named(a) is not None and _weekday_named(a) == _weekday_named(b)
    if _relative(a) and _relative(b) and not same_weekday_named:
        # "on Friday" and "on Sunday", "last month" and "this month": a reporter naming another
        # day is marking another development of the story far more often than misdating one;
        # only a re-wording of one sentence sets them against each other (see date_score).
        return "relative_differ"
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
    dated = list(dict.fromkeys(i.value for i in group))
    # A year-less date the group also names with its year is that date, not another one.
    dates = [d for d in dated if not any(_same_yearless(d, other) for other in dated
                                         if not other.startswith("--"))] or dated
    outlets = len({i.statement.article.id for i in group})
    relations = {_date_relation(x.mention, y.mention) for x, y in combinations(group, 2)
                 if _date_relation(x.mention, y.mention) != "equal"}
    if outlets == 1:
        status, note = "single", f"only {group[0].statement.article.id} gives {dates[0]}"
    elif len(dates) == 1:
        status, note = "agreed", f"{dates[0]} in {outlets} outlets"
    elif relations <= {"as_written", "contains", "same_weekday"}:
        why = ("the same date, less precisely" if relations == {"contains"}
               else "the same words, read against different publication dates"
               if relations == {"as_written"}
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
