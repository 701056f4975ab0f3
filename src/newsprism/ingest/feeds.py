"""RSS and Atom feeds -> one :class:`Article` per item, read with feedparser.

An item's text is built as its title, a blank line, then the paragraphs of its ``content`` (or,
lacking that, its ``summary``) separated by blank lines, and cleaned like any text input, so
offsets refer to that text. Feeds are never fetched from the network and neither are item links.
"""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from collections.abc import Iterator
from io import BytesIO
from urllib.parse import parse_qsl, unquote, urlsplit

import feedparser
import lxml.html
from lxml import etree

from newsprism.errors import InputError
from newsprism.ingest.jobs import check_markup
from newsprism.ingest.metadata import outlet_from_url
from newsprism.ingest.text import from_text
from newsprism.model import Article

# A feed is parsed whole in memory; feeds with full text run to a few MB, so this is generous.
MAX_FEED_BYTES = 64 * 1024 * 1024
_FEED_ROOTS = {"rss", "feed", "rdf"}
# What may come before the root element of an XML document.
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([\w:.-]+)", re.S)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Path segments that name a kind of page, not the article.
_GENERIC_SEGMENTS = {
    "", "index", "article", "articles", "story", "stories", "news", "amp", "default", "view",
    "content", "post", "posts", "item", "page", "detail", "details", "html", "htm", "php", "aspx",
}
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)
MAX_SLUG_CHARS = 60
# Block elements end a paragraph; <br> ends a line. Paragraph text is joined on this marker.
_BLOCK_TAGS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figcaption",
    "td", "th", "dd", "dt", "tr", "section", "article", "header", "footer", "table", "br", "hr",
)
_BREAK = "\u2029"
_DROPPED_TAGS = ("script", "style", "noscript", "iframe", "template")


def looks_like_feed(data: bytes) -> bool:
    """Whether the document's root element is ``<rss>``, ``<feed>`` (Atom) or ``<rdf:RDF>``."""
    sample = data[:4096]
    if sample.startswith(_UTF16_BOMS):
        sample = sample.decode("utf-16", errors="ignore").encode("utf-8")
    match = _PROLOGUE.match(sample.removeprefix(b"\xef\xbb\xbf"))
    return bool(match) and match.group(1).split(b":")[-1].lower().decode() in _FEED_ROOTS


def stable_id(key: str, readable: str | None = None) -> str:
    """A filesystem-safe id: a slug of the URL (``readable`` or ``key``) and a hash of ``key``.

    The hash keeps ids unique and stable (the same guid or URL always gives the same id); the
    slug keeps them readable: ``https://x.example/2024/01/storm-closes-pass.html`` ->
    ``storm-closes-pass-1a2b3c4d``.
    """
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    slug = _slug(readable or key)
    return f"{slug}-{digest}" if slug else digest


def _slug(url: str) -> str:
    parts = urlsplit(url)
    segments = [_PAGE_EXTENSION.sub("", unquote(s)) for s in parts.path.split("/")]
    words = next((s for s in reversed(segments) if s.lower() not in _GENERIC_SEGMENTS), "")
    if not words and parts.query:
        words = "-".join(value for _, value in parse_qsl(parts.query))
    if not words and not parts.scheme:
        words = url  # a guid that is not a URL: "tag:site,2024:1234"
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_words.lower()).strip("-")
    if len(slug) > MAX_SLUG_CHARS:
        slug = slug[:MAX_SLUG_CHARS].rsplit("-", 1)[0]
    return slug


def iter_feed(data: bytes, where: str) -> Iterator[Article | InputError]:
    """Each item of an RSS/Atom feed as an article, or an error naming the item."""
    if len(data) > MAX_FEED_BYTES:
        yield InputError(where, f"feed is over the {MAX_FEED_BYTES // 2**20} MB limit")
        return
    # A stream, not a string: feedparser would take a string that looks like a URL and fetch it.
    parsed = feedparser.parse(BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        yield InputError(where, f"not a valid RSS or Atom feed{detail}")
        return
    if not parsed.entries:
        yield InputError(where, "feed has no items")
        return
    feed = parsed.feed
    feed_link = feed.get("link") if _is_web_url(feed.get("link")) else None
    feed_outlet = outlet_from_url(feed_link) or _clean(feed.get("title")) or None
    for number, entry in enumerate(parsed.entries, start=1):
        item_where = f"{where}:item {number}"
        try:
            yield _item_article(entry, item_where, feed_outlet)
        except InputError as error:
            yield error


def _item_article(entry: dict, where: str, feed_outlet: str | None) -> Article:
    # feedparser falls back to the guid for a missing link; only a web address is a link.
    link = entry.get("link") if _is_web_url(entry.get("link")) else None
    key = entry.get("id") or link
    title = _clean(entry.get("title"))
    paragraphs = _item_paragraphs(entry, where)
    if not paragraphs:
        raise InputError(where, "feed item has no text, only a link (pages are not fetched)")
    if not key:
        key = f"{title}\n{paragraphs[0]}"  # neither guid nor link: the item's words identify it
    text = "\n\n".join([title, *paragraphs] if title else paragraphs)
    return from_text(
        text,
        stable_id(key, link or key),
        source=where,
        url=link,
        outlet=feed_outlet,
        title=title or None,
        published=_iso_time(entry.get("published_parsed") or entry.get("updated_parsed")),
        author=_clean(entry.get("author")) or None,
    )


def _item_paragraphs(entry: dict, where: str) -> list[str]:
    """Paragraphs of the item's fullest content, else of its summary."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _to_paragraphs(best["value"], best.get("type") or "text/html", where)
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _to_paragraphs(summary, detail.get("type") or "text/html", where)


def _to_paragraphs(value: str, content_type: str, where: str) -> list[str]:
    if "html" not in content_type:
        return [line for line in (_clean(x) for x in value.splitlines()) if line]
    return html_paragraphs(value, where)


def html_paragraphs(fragment: str, where: str) -> list[str]:
    """A light HTML-to-text for feed content: one paragraph per block element or line break.

    Feed content is the article markup alone, without page chrome, so a main-content extractor
    is not needed (and would drop short items).
    """
    if not fragment.strip():
        return []
    check_markup(fragment, where)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError) as error:
        raise InputError(where, f"unreadable HTML in feed item ({error})") from error
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = _BREAK + (element.tail or "")
        if element.tag != "br":
            element.text = _BREAK + (element.text or "")
    return [line for line in (_clean(x) for x in root.text_content().split(_BREAK)) if line]


def _is_web_url(value: object) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


def _iso_time(parsed: time.struct_time | None) -> str | None:
    """feedparser normalises item dates to UTC."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None
