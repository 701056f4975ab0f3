"""A one-screen terminal summary of compared stories (what ``make run`` prints).

One short block per story rather than a wide table, so it reads the same in an 80-column terminal
and in a CI log.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.text import Text

from newsprism.model import Article, Fact, Report

STATUS_STYLE = {"agreed": "green", "approximate": "cyan", "conflict": "bold red", "single": "dim"}


def _outlet(article: Article | None, article_id: str) -> str:
    return article.outlet if article and article.outlet else article_id


def _conflict_line(fact: Fact, width: int) -> Text:
    versions = " | ".join(dict.fromkeys(value.text for value in fact.values)) or fact.statement
    line = Text("  ≠ ", style="bold red")
    line.append(versions, style="red")
    line.append(f"  ({', '.join(dict.fromkeys(v.article for v in fact.values))})", style="dim")
    line.truncate(width, overflow="ellipsis")
    return line


def print_summary(report: Report, console: Console, conflicts_per_story: int = 3) -> None:
    articles = {article.id: article for article in report.articles}
    quotes = sum(len(story.quotes) for story in report.stories)
    console.print(Text.assemble(
        ("newsprism", "bold"),
        f" — {len(report.stories)} stories from {len(articles)} articles, {quotes} quotes",
    ))
    for story in report.stories:
        counts = Counter(fact.status for fact in story.facts)
        console.print()
        console.print(Text.assemble((story.title, "bold"), "  ", (story.id, "dim")))
        outlets = ", ".join(_outlet(articles.get(a), a) for a in story.articles)
        console.print(Text(f"  {len(story.articles)} articles: {outlets}", overflow="ellipsis"),
                      no_wrap=True)
        tally = Text("  ")
        for status, style in STATUS_STYLE.items():
            tally.append(f"{counts.get(status, 0)} {status}", style=style)
            tally.append("  ")
        tally.append(f"{len(story.quotes)} quotes")
        misattributed = sum(1 for group in story.quote_groups if group.status == "conflict")
        if misattributed:
            tally.append(f", {misattributed} credited to different people", style="bold red")
        console.print(tally)
        for fact in [f for f in story.facts if f.status == "conflict"][:conflicts_per_story]:
            console.print(_conflict_line(fact, console.width), no_wrap=True)
