"""Stage 5, *present*: the cited brief and the JSON, Markdown and HTML reports.

JSON is the public contract users script against; its field names are kept stable (see
:func:`story_json`). Markdown and HTML are for reading; both show the same story, brief first.
"""

from __future__ import annotations

import json
from typing import Literal

from newsprism.model import Article, Report, Story

Format = Literal["json", "md", "html"]

# Article fields exported beside the stories, so a script can name outlets without the input.
_ARTICLE_FIELDS = ("id", "outlet", "title", "published", "url", "author", "language", "source")


def story_json(story: Story) -> dict:
    """One story as the public JSON contract.

    Always present: ``id``, ``title``, ``articles`` (ids), ``entities[].name/mentions``,
    ``quotes[].text/speaker/article/start/end``, ``facts[].status/statement/sources``,
    ``brief[].sentence/sources`` and ``timeline[].date/statement/sources``; every ``sources`` item
    is ``{article, start, end, text}`` with ``text == article.text[start:end]``.
    """
    return story.model_dump(mode="json")


def report_json(report: Report) -> dict:
    """The whole report: stories plus the metadata of every article they cite."""
    return {
        "stories": [story_json(story) for story in report.stories],
        "articles": [article_summary(article) for article in report.articles],
    }


def article_summary(article: Article) -> dict:
    """Who published what and when, without the text or annotations."""
    data = {field: getattr(article, field, None) for field in _ARTICLE_FIELDS if field != "title"}
    data["title"] = article.title_text or None
    return {field: data[field] for field in _ARTICLE_FIELDS}


def render(report: Report, fmt: Format) -> str:
    """The report as ``json``, ``md`` (Markdown) or ``html`` (one self-contained page)."""
    if fmt == "json":
        return json.dumps(report_json(report), indent=2, ensure_ascii=False)
    if fmt == "md":
        from newsprism.present.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from newsprism.present.html import render_html

        return render_html(report)
    raise ValueError(f"unknown format {fmt!r}: expected 'json', 'md' or 'html'")


__all__ = ["render", "story_json", "report_json", "article_summary", "Format"]
