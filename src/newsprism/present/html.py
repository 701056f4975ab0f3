"""The report as one self-contained HTML page: brief, facts, quotes, timeline, articles in columns.

Python prepares plain view objects (the article text cut into marked segments, citation chips);
the Jinja2 template only lays them out, with autoescaping on, so article text can never become
markup. The page loads nothing: CSS and the little script are inline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import jinja2

from newsprism.model import Article, Fact, Paragraph, Report, SourceSpan, Story
from newsprism.present.chart import coverage_chart_svg
from newsprism.present.citations import (
    STATUS_ORDER,
    anchor_id,
    cite_label,
    outlet_name,
    quotes_by_speaker,
)
from newsprism.present.coverage import coverage_html

_TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Chip:
    """A citation link: label shown, target span id, and the cited words as a tooltip."""

    target: str
    label: str
    tip: str


@dataclass
class _Mark:
    start: int
    end: int
    key: str
    classes: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Segment:
    text: str
    classes: str = ""
    anchors: tuple[str, ...] = ()
    spans: str = ""
    title: str = ""


@dataclass(frozen=True)
class Block:
    role: str
    segments: list[Segment]


@dataclass
class Column:
    article: Article
    title: list[Segment]
    blocks: list[Block]
    boilerplate: list[tuple[str, str]]


@dataclass
class _Anchors:
    """Span ids for one story's section of the page.

    Ids are ``a-<article>-<start>-<end>``; an article shown again in a later story gets its ids
    prefixed with that story's number, so every id on the page stays unique.
    """

    articles: dict[str, Article]
    repeated: set[str] = field(default_factory=set)
    prefix: str = ""

    def key(self, article: str, start: int, end: int) -> str:
        plain = anchor_id(article, start, end)
        return self.prefix + plain if article in self.repeated else plain

    def chips(self, sources: Iterable[SourceSpan]) -> list[Chip]:
        return [
            Chip(
                target=self.key(s.article, s.start, s.end),
                label=outlet_name(self.articles.get(s.article), s.article),
                tip=f"{cite_label(s)} — {s.text}",
            )
            for s in sources
        ]


def render_html(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    shown: set[str] = set()
    stories = []
    for number, story in enumerate(report.stories, 1):
        anchors = _Anchors(articles, repeated=shown & set(story.articles), prefix=f"s{number}-")
        stories.append(story_view(story, anchors))
        shown.update(story.articles)
    return _template().render(stories=stories)


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,  # every {{ }} is escaped: article text is untrusted input
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2")


def story_view(story: Story, anchors: _Anchors) -> dict:
    """Everything the template shows for one story."""
    present = [anchors.articles[a] for a in story.articles if a in anchors.articles]
    facts = {f.id: f for f in story.facts}
    marks = _story_marks(story, present, anchors)
    return {
        "story": story,
        "counts": _counts(story, present),
        "chart": coverage_chart_svg(story, present),
        "brief": [
            {
                "sentence": s.sentence,
                "status": facts[s.fact].status if s.fact in facts else "",
                "chips": anchors.chips(s.sources),
            }
            for s in story.brief
        ],
        "outlets": [(a.id, outlet_name(a, a.id)) for a in present],
        "facts": [_fact_row(f, present, anchors) for f in _display_order(story.facts)],
        "coverage_html": coverage_html(story),
        "quotes": _quote_view(story, anchors),
        "timeline": [
            {"date": t.date, "statement": t.statement, "chips": anchors.chips(t.sources)}
            for t in story.timeline
        ],
        "entities": sorted(story.entities, key=lambda e: -len(e.mentions)),
        "columns": [_column(a, marks.get(a.id, [])) for a in present],
    }


def _counts(story: Story, present: list[Article]) -> dict[str, int]:
    counts = {status: sum(f.status == status for f in story.facts) for status in STATUS_ORDER}
    counts.update(
        articles=len(story.articles),
        outlets=len({a.outlet or a.id for a in present}),
        quotes=len(story.quotes),
        entities=len(story.entities),
    )
    return counts


def _display_order(facts: list[Fact]) -> list[Fact]:
    return sorted(facts, key=lambda f: STATUS_ORDER.index(f.status))


def _fact_row(fact: Fact, present: list[Article], anchors: _Anchors) -> dict:
    """A fact with, per article column, what that outlet says and where."""
    cells = []
    for article in present:
        sources = [s for s in fact.sources if s.article == article.id]
        values = [v.text for v in fact.values if v.article == article.id]
        words = values or [s.text for s in sources]
        words = " · ".join(dict.fromkeys(words))  # one outlet may repeat a value; show it once
        cells.append({"words": words, "chips": anchors.chips(sources)})
    return {
        "fact": fact,
        "target": anchors.chips(fact.sources[:1])[0].target if fact.sources else "",
        "cells": cells,
    }


def _quote_view(story: Story, anchors: _Anchors) -> list[dict]:
    view = []
    for speaker, lines in quotes_by_speaker(story):
        entries = []
        for line in lines:
            spans = [
                SourceSpan(article=r.article, start=r.start, end=r.end, text=r.text)
                for r in line.records
            ]
            entries.append(
                {"text": line.text, "status": line.group_status, "chips": anchors.chips(spans)}
            )
        view.append({"speaker": speaker, "quotes": entries})
    return view


def _story_marks(
    story: Story, present: list[Article], anchors: _Anchors
) -> dict[str, list[_Mark]]:
    """Spans to mark in each article: everything the story cites, and every quote."""
    marks: dict[str, dict[tuple[int, int], _Mark]] = {a.id: {} for a in present}

    def add(article: str, start: int, end: int, css: str, title: str = "") -> None:
        if article not in marks or end <= start:
            return
        mark = marks[article].setdefault(
            (start, end), _Mark(start, end, anchors.key(article, start, end))
        )
        mark.classes.add(css)
        if title and title not in mark.titles:
            mark.titles.append(title)

    for article in present:
        for quote in article.quotes:
            speaker = quote.speaker_name or quote.speaker_text
            add(article.id, quote.start, quote.end, "q", _quote_title(speaker))
    for record in story.quotes:
        add(record.article, record.start, record.end, "q", _quote_title(record.speaker))
    for fact in story.facts:
        for s in fact.sources:
            add(s.article, s.start, s.end, f"st-{fact.status}", f"{fact.status}: {fact.statement}")
    for sentence in story.brief:
        for s in sentence.sources:
            add(s.article, s.start, s.end, "cite", "in the brief")
    for entry in story.timeline:
        for s in entry.sources:
            add(s.article, s.start, s.end, "cite", f"timeline: {entry.date}")
    return {article: list(by_span.values()) for article, by_span in marks.items()}


def _quote_title(speaker: str | None) -> str:
    return f"quote — {speaker}" if speaker else "quote — speaker unknown"


def _column(article: Article, marks: list[_Mark]) -> Column:
    anchored: set[str] = set()
    paragraphs = sorted(article.paragraphs, key=lambda p: p.start) or _lines(article)
    title: list[Segment] = []
    blocks: list[Block] = []
    for paragraph in paragraphs:
        segments = segment(article.text, paragraph.start, paragraph.end, marks, anchored)
        if paragraph.role == "title" and not title:
            title = segments
        else:
            blocks.append(Block(role=paragraph.role, segments=segments))
    if not title and article.title:
        title = segment(article.text, article.title.start, article.title.end, marks, anchored)
    boilerplate = [(b.kind, article.text[b.start : b.end].strip()) for b in article.boilerplate]
    return Column(article=article, title=title, blocks=blocks, boilerplate=boilerplate)


def segment(
    text: str, start: int, end: int, marks: list[_Mark], anchored: set[str]
) -> list[Segment]:
    """Cut ``text[start:end]`` at every mark boundary; each piece carries the marks covering it.

    Marks may nest or overlap, so no mark can be one element; instead each piece lists the spans
    covering it (``spans``, for flashing them all) and the first piece of a span carries its id.
    """
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = {start, end}
    for mark in inside:
        cuts.update((max(start, mark.start), min(end, mark.end)))
    segments = []
    for a, b in pairwise(sorted(cuts)):
        covering = [m for m in inside if m.start <= a and m.end >= b]
        anchors = tuple(m.key for m in covering if m.key not in anchored)
        anchored.update(anchors)
        segments.append(
            Segment(
                text=text[a:b],
                classes=" ".join(sorted({c for m in covering for c in m.classes})),
                anchors=anchors,
                spans=" ".join(m.key for m in covering),
                title=" | ".join(t for m in covering for t in m.titles),
            )
        )
    return segments


def _lines(article: Article) -> list[Paragraph]:
    """Body paragraphs for an article the ingest stage did not split: its non-boilerplate lines."""
    removed = [(b.start, b.end) for b in article.boilerplate]
    lines = []
    for match in re.finditer(r"[^\n]*\S[^\n]*", article.text):
        if not any(s <= match.start() and match.end() <= e for s, e in removed):
            lines.append(Paragraph(start=match.start(), end=match.end(), role="body"))
    return lines
