"""Main content of a page: one fast trafilatura run that keeps everything article-like, then the
markup says which of its paragraphs are page furniture.

Why this run: choosing paragraphs perfectly (an oracle) from trafilatura's ``favor_recall`` run
without its fallback extractors (``fast``) would reach F1 0.993 on the extraction benchmark's fit
half (0.982 held-out), from its ``favor_precision`` run 0.990 (0.972): what the precise run drops,
no choice of paragraphs brings back. The fast recall run also costs half the CPU of the precise
one, which runs the fallbacks. What it keeps too much of (related-article lists, newsletter
pitches, headline blocks) is what the markup rules below remove.

The rules (:mod:`newsprism.ingest.dom`, one pass over the page) drop a paragraph that is nearly all
link text, one outside the main container, one inside a promotion box. Each rule was kept only if
it raised F1 on the benchmark's fit half (``bench/html_repair.py``). A rule never removes more
than :data:`MAX_RULE_SHARE` of the extracted words: a "box" holding most of what trafilatura
found is the article itself (a story whose wrapper class names an offer, a roundup of linked
headlines), and on the fit half no rule ever needed to remove more than a fifth of a page.

Embedded social posts (``<blockquote class="twitter-tweet">`` and the like) are quoted content of
the article, and the benchmark's gold bodies hold them, but trafilatura drops many: one lying
between the first and last kept paragraph is put back in its place (:func:`with_embeds`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import trafilatura
from lxml.html import HtmlElement

from newsprism.ingest.dom import PageText, Placement, locate_all, place, read_page

_WORD = re.compile(r"\w+")
RUN_SETTINGS = {"include_comments": False, "include_tables": True, "with_metadata": False}
# The main run: keep what looks like article text, skip the fallback extractors (readability,
# jusText), whose only job is to add back what a cautious run dropped.
MAIN_RUN = {"favor_recall": True, "fast": True}
# When the main run finds nothing (a very short page), the full run with fallbacks.
FALLBACK_RUN = {"favor_precision": True}
# A paragraph with more of its words in links than this is a link list or a "Related:" line:
# body paragraphs link a few words, not all of them.
MAX_LINK_SHARE = 0.9
# Class / id cues (see newsprism.ingest.dom.CLASS_CUES) whose paragraphs are never body.
DROPPED_CUES = frozenset({"promo"})
# The largest share of a page's extracted words one markup rule may remove (see module doc).
MAX_RULE_SHARE = 0.5

# Class names of the blockquotes social networks ask sites to embed (a post's text, then a line
# naming its author and date).
_EMBED_CLASS = re.compile(r"tweet|instagram|tiktok|bluesky|mastodon", re.IGNORECASE)

# Each rule says when a located paragraph is page furniture.
RULES: dict[str, Callable[[Placement], bool]] = {
    "link list": lambda where: where.link_share > MAX_LINK_SHARE,
    "outside the main container": lambda where: where.in_container is False,
    "promotion box": lambda where: bool(where.cues & DROPPED_CUES),
}


def run_paragraphs(tree: HtmlElement, url: str | None, **setting: bool) -> list[str]:
    """The non-empty lines of one trafilatura run (it works on its own copy of the tree)."""
    document = trafilatura.bare_extraction(tree, url=url, **RUN_SETTINGS, **setting)
    if document is None or not document.text:
        return []
    return [line.strip() for line in document.text.splitlines() if line.strip()]


def candidate_paragraphs(tree: HtmlElement, url: str | None) -> list[str]:
    """trafilatura's paragraphs before the markup rules."""
    return run_paragraphs(tree, url, **MAIN_RUN) or run_paragraphs(tree, url, **FALLBACK_RUN)


def main_paragraphs(tree: HtmlElement, url: str | None, *, markup: bool = True) -> list[str]:
    """The page's main-content paragraphs; ``markup=False`` skips the markup rules (to measure
    what they add)."""
    paragraphs = candidate_paragraphs(tree, url)
    if not markup or not paragraphs:
        return paragraphs
    page = read_page(tree)
    dropped = furniture(paragraphs, place(page, paragraphs), RULES)
    kept = [p for p, drop in zip(paragraphs, dropped, strict=True) if not drop]
    # A page that is all links (a link roundup) is still that page's content.
    return with_embeds(tree, page, kept or paragraphs)


def _word_key(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def embed_lines(quote: HtmlElement) -> list[str]:
    """An embedded post as lines: each ``<p>`` of it, and the text between them (the author and
    date line) joined into one line."""
    lines: list[str] = []
    loose: list[str] = [quote.text or ""]
    for child in quote:
        if isinstance(child.tag, str) and child.tag == "p":
            lines.append(" ".join(loose))
            lines.append(child.text_content())
            loose = []
        elif isinstance(child.tag, str):
            loose.append(child.text_content())
        loose.append(child.tail or "")
    lines.append(" ".join(loose))
    return [text for text in (" ".join(line.split()) for line in lines) if _WORD.search(text)]


def with_embeds(tree: HtmlElement, page: PageText, paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with the embedded posts trafilatura dropped from inside the article (between
    its first and last located paragraph) put back in page order."""
    quotes = [q for q in tree.iter("blockquote") if _EMBED_CLASS.search(q.get("class") or "")]
    if not quotes:
        return paragraphs
    spans = locate_all(page, paragraphs)
    starts = [span[0] for span in spans if span]
    if not starts:
        return paragraphs
    first, last = min(starts), max(span[1] for span in spans if span)
    kept_words = _word_key("\n".join(paragraphs))
    inserts: list[tuple[int, list[str]]] = []
    for quote in quotes:
        # Only the lines trafilatura did not keep (it may keep a post's text, not its author line).
        lines = [line for line in embed_lines(quote) if _word_key(line) not in kept_words]
        inside = set(quote.iter())
        at = next((i for i, owner in enumerate(page.owners) if owner in inside), None)
        if lines and at is not None and first < at < last:
            inserts.append((at, lines))
    result = [(span[0] if span else -1, [text]) for span, text in zip(spans, paragraphs,
                                                                        strict=True)]
    for at, lines in inserts:
        # After the last paragraph starting where the post starts or before (a kept part of the
        # post stays ahead of what is put back; unlocated paragraphs stay in place).
        position = max((i + 1 for i, (start, _) in enumerate(result) if 0 <= start <= at),
                       default=0)
        result.insert(position, (at, lines))
    return [line for _, lines in result for line in lines]


def furniture(
    paragraphs: list[str],
    placements: list[Placement],
    rules: dict[str, Callable[[Placement], bool]],
) -> list[bool]:
    """Whether each paragraph is dropped by one of ``rules``. A paragraph trafilatura rewrote
    (not found in the markup) has no evidence against it; a rule that would remove more than
    :data:`MAX_RULE_SHARE` of the words is not applied on that page."""
    sizes = [len(_WORD.findall(text)) for text in paragraphs]
    total = sum(sizes) or 1
    dropped = [False] * len(paragraphs)
    for applies in rules.values():
        hits = [where.found and applies(where) for where in placements]
        if sum(size for size, hit in zip(sizes, hits, strict=True) if hit) > MAX_RULE_SHARE * total:
            continue
        dropped = [old or hit for old, hit in zip(dropped, hits, strict=True)]
    return dropped
