"""HTML pages -> an :class:`Article`, main content found by trafilatura.

For HTML inputs **all offsets refer to the extracted text layer**, not to the markup:
``Article.text`` is built as the title line, a blank line, the description (when it is a real
standfirst rather than the start of the first paragraph) and a blank line, then the extracted
paragraphs separated by blank lines. The markup itself is kept in ``Article.html``.

Extraction settings were chosen on ``../shared/data/article-extraction-benchmark`` (181 pages,
4-gram shingle F1 against the human-marked article body): ``favor_precision`` scored 0.964, the
default 0.960, ``favor_recall`` 0.959. Comments are never article content, so they are left out.
"""

from __future__ import annotations

import re

import trafilatura

from newsprism.errors import InputError
from newsprism.ingest.metadata import outlet_from_url
from newsprism.ingest.text import article_from_layout, comparison_key, layout
from newsprism.model import Article

EXTRACTION_SETTINGS = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "with_metadata": True,
}
# Sites cut their descriptions short with an ellipsis; what is left is compared with the lead.
_ELLIPSIS = re.compile(r"\s*(\.\.\.|…)\s*$")


def extract(html: str, url: str | None = None):
    """trafilatura's extraction result (a ``Document``) or None when the page has no main text.

    When the precise setting finds nothing (short pages), the default setting is tried, since a
    thin article is better than none.
    """
    document = trafilatura.bare_extraction(html, url=url, **EXTRACTION_SETTINGS)
    if document is None or not (document.text or "").strip():
        settings = {**EXTRACTION_SETTINGS, "favor_precision": False}
        document = trafilatura.bare_extraction(html, url=url, **settings)
    if document is None or not (document.text or "").strip():
        return None
    return document


def _is_real_standfirst(description: str | None, title: str, paragraphs: list[str]) -> bool:
    """A page description is a standfirst unless it only repeats the title or a paragraph."""
    if not description or not description.strip():
        return False
    wanted = comparison_key(_ELLIPSIS.sub("", description))
    if not wanted or wanted == comparison_key(title):
        return False
    return not any(wanted in comparison_key(p) for p in paragraphs)


def text_layer(title: str, standfirst: str | None, paragraphs: list[str]) -> str:
    head = [part for part in (title, standfirst) if part]
    return "\n\n".join(head + paragraphs)


def from_html(
    html: str,
    id: str,
    *,
    source: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: str | None = None,
    author: str | None = None,
    language: str | None = None,
) -> Article:
    """Extract the main content of a page; see the module docstring for what offsets refer to."""
    where = source or id
    if not html.strip():
        raise InputError(where, "empty HTML")
    document = extract(html, url)
    if document is None:
        raise InputError(where, "no article text found in the HTML")
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    title = " ".join((title or document.title or "").split())
    if title and paragraphs and comparison_key(paragraphs[0]) == comparison_key(title):
        paragraphs = paragraphs[1:]  # the page repeats its headline as the first block
    if not paragraphs:
        raise InputError(where, "no article text found in the HTML")
    description = " ".join((document.description or "").split())
    standfirst = description if _is_real_standfirst(description, title, paragraphs) else None
    text = text_layer(title, standfirst, paragraphs)
    result = layout(text, title_hint=title or None, standfirst_hint=standfirst, guess=False)
    if "body" not in result.roles.values():
        raise InputError(where, "no article text found in the HTML (only page chrome)")
    page_url = url or document.url
    return article_from_layout(
        text,
        id,
        result,
        source=source,
        html=html,
        url=page_url,
        outlet=outlet_from_url(page_url) or outlet or document.sitename or document.hostname,
        published=published or document.date,
        author=author or document.author,
        language=language or document.language,
    )
