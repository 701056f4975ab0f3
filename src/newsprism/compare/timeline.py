"""The story's timeline: each dated event once, with every outlet's sentence that dates it.

Entries come from the story's date facts, which already merge the outlets that name the same date
for the same event. Agreeing and approximate facts give one entry at their most precise date;
a conflict gives one entry per date, each with the outlets that state it, so the disagreement stays
visible on the timeline. Year-less dates ("--09-11") cannot be placed and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.compare.facts import find_facts
from newsprism.model import Article, Fact, SourceSpan, TimelineEntry


def build(articles: Sequence[Article], facts: list[Fact]) -> list[TimelineEntry]:
    """Timeline entries sorted by date (then by first mention)."""
    dated = [f for f in facts if f.kind == "date"]
    if not dated and not facts:
        dated = [f for f in find_facts(articles, []) if f.kind == "date"]
    by_id = {a.id: a for a in articles}
    entries: list[TimelineEntry] = []
    for fact in dated:
        entries.extend(_entries(fact, by_id))
    return sorted(entries, key=lambda e: e.date)


def _entries(fact: Fact, articles: dict[str, Article]) -> list[TimelineEntry]:
    stated = [v.date for v in fact.values if v.date and not v.date.startswith("--")]
    # Most precise first; among equally precise readings (one weekday read against two
    # publication dates), the one most outlets give.
    values = sorted(set(stated), key=lambda d: (-len(d), -stated.count(d), stated.index(d)))
    if not values:
        return []
    if fact.status != "conflict":
        return [TimelineEntry(date=values[0], statement=fact.statement, sources=fact.sources)]
    entries = []
    for value in values:
        sources = [s for s in fact.sources if _dates(s, articles.get(s.article)) & {value}]
        if sources:
            entries.append(TimelineEntry(date=value, statement=sources[0].text, sources=sources))
    return entries


def _dates(source: SourceSpan, article: Article | None) -> set[str]:
    """Date values mentioned inside one cited sentence."""
    if article is None:
        return set()
    return {d.value for d in article.dates if source.start <= d.start and d.end <= source.end}
