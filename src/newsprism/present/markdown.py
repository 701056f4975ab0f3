"""The report as Markdown: readable as plain text, with every claim followed by its citations.

Citations are written ``[article:start-end]`` so a reader can find the exact characters by hand.
"""

from __future__ import annotations

import re

from newsprism.model import Article, Fact, Report, SourceSpan, Story
from newsprism.present.citations import (
    STATUS_TITLE,
    cite_label,
    facts_by_status,
    outlet_name,
    quotes_by_speaker,
)
from newsprism.present.coverage import coverage_markdown

# Characters that would turn source text into Markdown or raw HTML (article text is untrusted).
# An underscore inside a word ("001_2c9f") emphasises nothing, so it is left readable.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|#]|(?<!\w)_|_(?!\w))")
_CONFLICT_MARK = "⚠ CONFLICT"


def render_markdown(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    parts = [_story(story, articles) for story in report.stories]
    if not parts:
        return "_No stories._\n"
    return "\n\n---\n\n".join(parts).rstrip() + "\n"


def escape(text: str) -> str:
    """Source text made inert: one line, Markdown and HTML characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def citations(sources: list[SourceSpan]) -> str:
    return " ".join(f"[{cite_label(s)}]" for s in sources)


def _story(story: Story, articles: dict[str, Article]) -> str:
    facts = {f.id: f for f in story.facts}
    sections = [
        f"# {escape(story.title)}",
        _counts(story),
        _articles(story, articles),
        _brief(story, facts),
        _facts(story, articles),
        coverage_markdown(story),
        _quotes(story, articles),
        _timeline(story),
    ]
    return "\n\n".join(s for s in sections if s)


def _counts(story: Story) -> str:
    conflicts = sum(f.status == "conflict" for f in story.facts)
    parts = [
        f"{len(story.articles)} articles",
        f"{len(story.facts)} facts ({conflicts} in conflict)",
        f"{len(story.quotes)} quotes",
        f"{len(story.entities)} entities",
    ]
    return "_" + " · ".join(parts) + "_"


def _articles(story: Story, articles: dict[str, Article]) -> str:
    rows = ["## Articles", "", "| id | outlet | published | title |", "|---|---|---|---|"]
    for article_id in story.articles:
        article = articles.get(article_id)
        title = article.title_text if article else ""
        published = article.published if article and article.published else ""
        outlet = article.outlet if article and article.outlet else ""
        cells = [article_id, outlet, published, title]
        rows.append("| " + " | ".join(escape(c) for c in cells) + " |")
    return "\n".join(rows)


def _brief(story: Story, facts: dict[str, Fact]) -> str:
    if not story.brief:
        return ""
    lines = ["## Brief", ""]
    for i, sentence in enumerate(story.brief, 1):
        fact = facts.get(sentence.fact or "")
        mark = f"**{_CONFLICT_MARK}:** " if fact and fact.status == "conflict" else ""
        lines.append(f"{i}. {mark}{escape(sentence.sentence)} {citations(sentence.sources)}")
    return "\n".join(lines)


def _facts(story: Story, articles: dict[str, Article]) -> str:
    if not story.facts:
        return ""
    lines = ["## Facts"]
    for status, group in facts_by_status(story.facts):
        heading = f"### {_CONFLICT_MARK} — {STATUS_TITLE[status]}"
        if status != "conflict":
            heading = f"### {STATUS_TITLE[status]}"
        lines += ["", heading, ""]
        lines += [_fact_line(fact, articles) for fact in group]
    return "\n".join(lines)


def _fact_line(fact: Fact, articles: dict[str, Article]) -> str:
    mark = f"**{_CONFLICT_MARK}** " if fact.status == "conflict" else ""
    line = f"- {mark}{escape(fact.statement)} {citations(fact.sources)}"
    if fact.values:
        values = "; ".join(f"{_who(v.article, articles)}: “{escape(v.text)}”" for v in fact.values)
        line += f"\n  - values: {values}"
    if fact.note:
        line += f"\n  - note: {escape(fact.note)}"
    return line


def _who(article_id: str, articles: dict[str, Article]) -> str:
    """The outlet, with the article id when several articles could share it."""
    outlet = outlet_name(articles.get(article_id), article_id)
    return escape(outlet if outlet == article_id else f"{outlet} ({article_id})")


def _quotes(story: Story, articles: dict[str, Article]) -> str:
    grouped = quotes_by_speaker(story)
    if not grouped:
        return ""
    lines = ["## Quotes"]
    for speaker, quote_lines in grouped:
        lines += ["", f"### {escape(speaker)}", ""]
        for quote in quote_lines:
            carriers = ", ".join(
                f"{escape(outlet_name(articles.get(r.article), r.article))} "
                f"[{r.article}:{r.start}-{r.end}]"
                for r in quote.records
            )
            disputed = quote.group_status == "conflict"
            flag = " _(outlets credit different speakers)_" if disputed else ""
            lines.append(f"- “{escape(quote.text)}” — {carriers}{flag}")
    return "\n".join(lines)


def _timeline(story: Story) -> str:
    if not story.timeline:
        return ""
    lines = ["## Timeline", ""]
    for entry in story.timeline:
        lines.append(
            f"- **{escape(entry.date)}** {escape(entry.statement)} {citations(entry.sources)}"
        )
    return "\n".join(lines)
