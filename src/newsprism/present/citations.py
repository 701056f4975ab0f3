"""Small helpers every renderer shares: citation labels, span anchors, status names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.model import Article, Fact, QuoteGroup, QuoteRecord, SourceSpan, Story

# Display order of fact groups: a conflict is what a fact-checker must see first.
STATUS_ORDER = ("conflict", "agreed", "approximate", "single")
STATUS_TITLE = {
    "conflict": "outlets disagree",
    "agreed": "Agreed",
    "approximate": "Agreed within rounding",
    "single": "Reported by one outlet only",
}
UNATTRIBUTED = "Unattributed"
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")


def cite_label(span: SourceSpan) -> str:
    """The citation marker readers see: ``article:start-end``."""
    return f"{span.article}:{span.start}-{span.end}"


def anchor_id(article: str, start: int, end: int) -> str:
    """HTML id of a cited span; article ids are made safe for an id and a CSS selector."""
    return f"a-{_UNSAFE_ID.sub('_', article)}-{start}-{end}"


def span_anchor(span: SourceSpan) -> str:
    return anchor_id(span.article, span.start, span.end)


def facts_by_status(facts: list[Fact]) -> list[tuple[str, list[Fact]]]:
    """Non-empty fact groups in display order."""
    groups = [(status, [f for f in facts if f.status == status]) for status in STATUS_ORDER]
    return [(status, group) for status, group in groups if group]


def outlet_name(article: Article | None, article_id: str) -> str:
    if article is None:
        return article_id
    return article.outlet or article.id


@dataclass
class QuoteLine:
    """One quote under one speaker, with every article that carries it."""

    text: str
    records: list[QuoteRecord] = field(default_factory=list)
    group_status: str | None = None


def quotes_by_speaker(story: Story) -> list[tuple[str, list[QuoteLine]]]:
    """Quotes grouped by speaker, busiest speaker first.

    Records of one :class:`QuoteGroup` (the same words in several outlets) become one line listing
    each outlet; a group whose outlets credit different speakers appears under each of them.
    """
    group_of: dict[tuple[str, int, int], QuoteGroup] = {}
    records = list(story.quotes)
    seen = {_quote_key(r) for r in records}
    for group in story.quote_groups:
        for record in group.quotes:
            group_of[_quote_key(record)] = group
            if _quote_key(record) not in seen:
                seen.add(_quote_key(record))
                records.append(record)
    speakers: dict[str, dict[str, QuoteLine]] = {}
    for record in records:
        group = group_of.get(_quote_key(record))
        line_key = group.id if group else " ".join(record.text.lower().split())
        lines = speakers.setdefault(record.speaker or UNATTRIBUTED, {})
        line = lines.setdefault(
            line_key, QuoteLine(text=record.text, group_status=group.status if group else None)
        )
        line.records.append(record)
    ordered = sorted(speakers.items(), key=lambda kv: (kv[0] == UNATTRIBUTED, -len(kv[1])))
    return [(speaker, list(lines.values())) for speaker, lines in ordered]


def _quote_key(record: QuoteRecord) -> tuple[str, int, int]:
    return (record.article, record.start, record.end)
