"""A one-screen terminal summary of compared stories (what ``make run`` prints)."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from newsprism.model import Report

STATUS_STYLE = {"agreed": "green", "approximate": "cyan", "conflict": "bold red", "single": "dim"}


def _outlet(report: Report, article_id: str) -> str:
    article = next((a for a in report.articles if a.id == article_id), None)
    return (article.outlet if article and article.outlet else article_id)


def print_summary(report: Report, console: Console, conflicts_per_story: int = 2) -> None:
    table = Table(title="newsprism — stories", expand=True, show_lines=True)
    table.add_column("story", no_wrap=True)
    table.add_column("title / first conflicts", ratio=3)
    table.add_column("outlets", ratio=1)
    for status, style in STATUS_STYLE.items():
        table.add_column(status, justify="right", style=style)
    for story in report.stories:
        counts = Counter(fact.status for fact in story.facts)
        conflicts = [f for f in story.facts if f.status == "conflict"][:conflicts_per_story]
        lines = [f"[bold]{story.title}[/]"] + [
            f"[red]≠[/] {fact.note or fact.statement}"[:160] for fact in conflicts
        ]
        table.add_row(
            story.id, "\n".join(lines), ", ".join(_outlet(report, a) for a in story.articles),
            *(str(counts.get(status, 0)) for status in STATUS_STYLE),
        )
    console.print(table)
