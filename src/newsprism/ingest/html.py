"""HTML pages -> an :class:`Article`, main content found by trafilatura.

For HTML inputs **all offsets refer to the extracted text layer**, not to the markup:
``Article.text`` is built as the title line, a blank line, the description (when it is a real
standfirst rather than the start of the first paragraph) and a blank line, then the extracted
paragraphs separated by blank lines, then the page's ``<figcaption>`` texts (role ``caption``;
trafilatura drops most of them, yet a reader checking a photo's claim needs them, kept apart from
the body). The markup itself is kept in ``Article.html``.

The main content comes from :mod:`newsprism.ingest.html_main` (trafilatura's fast
``favor_recall`` run, then markup and wording rules: link lists, promotion and related-story
boxes, blocks outside the main container, headline variants, teaser labels, time stamps and
closing calls to the reader dropped) and the metadata from
:func:`newsprism.ingest.metadata.page_metadata` (JSON-LD, ``<meta>`` tags, htmldate).
Figures on ``../shared/data/article-extraction-benchmark``: ``bench/extraction.py``.
"""

from __future__ import annotations

import re

import trafilatura
from lxml.html import HtmlElement

from newsprism.errors import InputError
from newsprism.ingest.html_main import main_paragraphs
from newsprism.ingest.metadata import outlet_from_url, page_metadata
from newsprism.ingest.text import Layout, article_from_layout, comparison_key, layout
from newsprism.model import Article

# trafilatura writes a table row as "| cell | cell |".
_TABLE_ROW = re.compile(r"^\|.*\|$")
# Sites cut their descriptions short with an ellipsis; what is left is compared with the lead.
_ELLIPSIS = re.compile(r"\s*(\.\.\.|…)\s*$")


def parse(html: str) -> HtmlElement | None:
    """The page as an lxml tree (trafilatura's tolerant loader), or None when it is not HTML."""
    return trafilatura.load_html(html)


def _is_real_standfirst(description: str | None, title: str, paragraphs: list[str]) -> bool:
    """A page description is a standfirst unless it only repeats the title or a paragraph."""
    if not description or not description.strip():
        return False
    wanted = comparison_key(_ELLIPSIS.sub("", description))
    if not wanted or wanted == comparison_key(title):
        return False
    return not any(wanted in comparison_key(p) for p in paragraphs)


def figure_captions(tree: HtmlElement) -> list[str]:
    """The text of each ``<figcaption>`` on the page, whitespace collapsed, in page order."""
    captions = (" ".join(node.text_content().split()) for node in tree.iter("figcaption"))
    return list(dict.fromkeys(caption for caption in captions if caption))


def text_layer(title: str, standfirst: str | None, paragraphs: list[str]) -> str:
    head = [part for part in (title, standfirst) if part]
    return "\n\n".join(head + paragraphs)


def roles_of(text: str, title: str, standfirst: str | None, captions: list[str]) -> Layout:
    """Roles of the text layer's lines: the raw-text layout rules (bylines, datelines, credits,
    banners), then each ``<figcaption>`` text as a caption, and table rows (which trafilatura
    writes as ``| a | b |``, like a breadcrumb trail) back as body."""
    result = layout(
        text, title_hint=title or None, standfirst_hint=standfirst, guess=False, classify=False
    )
    caption_keys = {comparison_key(caption) for caption in captions}
    for i, line in enumerate(result.lines):
        if comparison_key(line.text) in caption_keys and result.roles.get(i) != "title":
            result.chrome.pop(i, None)
            result.roles[i] = "caption"
        elif i in result.chrome and _TABLE_ROW.match(line.text):
            result.chrome.pop(i)
            result.roles[i] = "body"
    return result


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
    tree = parse(html)
    if tree is None:
        raise InputError(where, "no article text found in the HTML")
    page = page_metadata(tree, url)
    captions = figure_captions(tree)
    paragraphs = main_paragraphs(tree, url or page.canonical_url)
    title = " ".join((title or page.title or "").split())
    # Pages repeat their headline (the <h1> above the text, a gallery overlay): never body.
    title_key = comparison_key(title) if title else None
    paragraphs = [p for p in paragraphs if comparison_key(p) != title_key]
    if not paragraphs:
        raise InputError(where, "no article text found in the HTML")
    description = " ".join((page.description or "").split())
    standfirst = description if _is_real_standfirst(description, title, paragraphs) else None
    kept = {comparison_key(p) for p in paragraphs}
    extra = [caption for caption in captions if comparison_key(caption) not in kept]
    text = text_layer(title, standfirst, paragraphs + extra)
    result = roles_of(text, title, standfirst, captions)
    if "body" not in result.roles.values():
        raise InputError(where, "no article text found in the HTML (only page chrome)")
    page_url = url or page.canonical_url
    return article_from_layout(
        text,
        id,
        result,
        source=source,
        html=html,
        url=page_url,
        outlet=outlet_from_url(page_url) or outlet or page.site_name,
        published=published or page.published,
        author=author or page.author,
        language=language or page.language,
    )
