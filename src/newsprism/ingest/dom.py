"""Where an extracted paragraph sits in the page's markup: element-level evidence for repairs.

trafilatura's output is plain text; whether a paragraph is article body or a newsletter pitch or a
list of links often shows only in the markup around it: the share of its words inside links, the
class and id names of its ancestors, and whether it lies inside the page's main container.

One pass over the parsed page (:func:`read_page`) lists its visible text as a stream of words,
each word tied to the block element it was written in. Each extracted paragraph is then located in
that stream by its words (:meth:`PageText.locate`), which gives its element and so its
:class:`Placement` (:func:`place`). The main container is found from where the extracted words
lie (:func:`main_container`), not from tag names, so it works on any template.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from lxml.html import HtmlElement

_WORD = re.compile(r"\w+")
# Characters a reader never sees (soft hyphen, zero-width space and joiners, BOM) that split
# words for ``\w+``; trafilatura drops some of them, so they are dropped before words are read.
_UNSEEN_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_UNSEEN = str.maketrans("", "", _UNSEEN_CHARACTERS)
_HAS_UNSEEN = re.compile(f"[{_UNSEEN_CHARACTERS}]")
# Elements whose text a reader never sees.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head",
                        "button", "select", "option", "textarea"})
# Elements that start a new block of text.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "body", "html", "center",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Empty elements that still break a line.
_BREAKS = frozenset({"br", "hr", "img"})
# Class / id vocabulary of page templates, by what the element holds. Matched as substrings of
# the lower-cased attribute values, so "newsletterSignup" and "promo-box" both count. Only the
# cues that paid off on the benchmark's fit half are listed (related/share/comment names did not:
# articles embed share buttons and "related" boxes right beside body paragraphs).
CLASS_CUES: dict[str, re.Pattern[str]] = {
    "promo": re.compile(
        r"promo|advert|\bads?\b|-ad\b|\bad-|sponsor|newsletter|subscri|signup|sign-up|paywall"
        r"|banner|\bcta\b|donat|marketing|offer|register|login"
    ),
    "teaser": re.compile(r"related|latest|more-stories|recommend|trending|popular|most-read"
                         r"|outbrain|taboola|teaser"),
}
# Elements that make up lists and tables.
_LIST_PARTS = frozenset({"ol", "ul", "dl", "li", "dt", "dd", "table", "thead", "tbody", "tfoot",
                         "tr", "td", "th"})
# The main container is the deepest element holding this share of the extracted words.
CONTAINER_SHARE = 0.8


@dataclass
class PageText:
    """The page's visible words in page order, each tied to the element holding it."""

    stream: str = ""  # " word word word " (case-folded)
    starts: list[int] = field(default_factory=list)  # offset of each word in ``stream``
    owners: list[HtmlElement] = field(default_factory=list)  # block element of each word
    in_link: list[bool] = field(default_factory=list)  # whether each word is inside an <a>

    def locate(self, text: str, after: int = 0) -> tuple[int, int] | None:
        """Word range [first, end) of ``text`` in the page, preferring a match at or after word
        ``after`` (extracted paragraphs come in page order); None when the words are not found."""
        key = " " + " ".join(_WORD.findall(text.translate(_UNSEEN).casefold())) + " "
        if key.strip() == "":
            return None
        offset = self.starts[after] - 1 if after < len(self.starts) else len(self.stream)
        found = self.stream.find(key, max(offset, 0))
        if found < 0:
            found = self.stream.find(key)
        if found < 0:
            return None
        first = bisect_right(self.starts, found)  # the word after the leading space
        return first, first + key.count(" ") - 1


def read_page(root: HtmlElement) -> PageText:
    """The visible words of the page (iterative walk: pages may nest a few hundred levels).

    Text pieces of one block are joined as the browser joins them, so a word split by inline
    markup (a drop capital ``<span>H</span>ong``) stays one word, as trafilatura writes it.
    """
    pieces: list[tuple[str, HtmlElement, bool]] = []
    body = root.find("body")
    start = body if body is not None else root
    # Stack items: (element, the block owner of its text, inside a link, whether the item is the
    # element's tail, which belongs to the parent's block and link).
    stack: list[tuple[HtmlElement, HtmlElement, bool, bool]] = [(start, start, False, False)]
    while stack:
        element, owner, linked, is_tail = stack.pop()
        if is_tail:
            if element.tail:
                pieces.append((element.tail, owner, linked))
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _INVISIBLE:
            continue
        own = element if tag in _BLOCKS else owner
        here_linked = linked or tag == "a"
        if tag in _BREAKS:
            pieces.append(("\n", own, here_linked))
        if element.text:
            pieces.append((element.text, own, here_linked))
        for child in reversed(element):
            stack.append((child, own, here_linked, True))
            stack.append((child, own, here_linked, False))
    return _words_of(pieces)


def _words_of(pieces: list[tuple[str, HtmlElement, bool]]) -> PageText:
    """Join the pieces of each block (blocks never share a word), then tie each word to its
    block and to whether its piece is link text."""
    page = PageText()
    words: list[str] = []
    i = 0
    while i < len(pieces):
        owner = pieces[i][1]
        j = i + 1
        while j < len(pieces) and pieces[j][1] is owner:
            j += 1
        run = pieces[i:j]
        text = "".join(text for text, _, _ in run)
        if _HAS_UNSEEN.search(text):
            run = [(piece.translate(_UNSEEN), block, linked) for piece, block, linked in run]
            text = text.translate(_UNSEEN)
        if all(linked == run[0][2] for _, _, linked in run):
            found = _WORD.findall(text.casefold())
            page.in_link.extend([run[0][2]] * len(found))
        else:
            found = _words_with_links(run, page.in_link)
        words.extend(found)
        page.owners.extend([owner] * len(found))
        i = j
    if words:
        page.starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=1))
    page.stream = " " + " ".join(words) + " "
    return page


def _words_with_links(run: list[tuple[str, HtmlElement, bool]], in_link: list[bool]) -> list[str]:
    """The words of one block whose pieces are partly link text; a word takes its first
    letter's piece (case-folded word by word: folding may change lengths)."""
    starts = list(accumulate((len(text) for text, _, _ in run[:-1]), initial=0))
    words = []
    for match in _WORD.finditer("".join(text for text, _, _ in run)):
        words.append(match.group().casefold())
        in_link.append(run[bisect_right(starts, match.start()) - 1][2])
    return words


def _ancestors(element: HtmlElement) -> list[HtmlElement]:
    """The element and its ancestors, innermost first."""
    chain = [element]
    parent = element.getparent()
    while parent is not None:
        chain.append(parent)
        parent = parent.getparent()
    return chain


def common_owner(owners: list[HtmlElement]) -> HtmlElement:
    """The innermost element holding all of ``owners``."""
    distinct = list(dict.fromkeys(owners))
    chain = _ancestors(distinct[0])
    for other in distinct[1:]:
        above = set(_ancestors(other))
        chain = [element for element in chain if element in above]
    return chain[0]


def main_container(page: PageText, ranges: list[tuple[int, int]]) -> HtmlElement | None:
    """The deepest element holding :data:`CONTAINER_SHARE` of the words in ``ranges`` (the
    extracted paragraphs): the page's article container, found from where the words are."""
    counts: dict[HtmlElement, int] = {}
    for first, end in ranges:
        for owner in page.owners[first:end]:
            counts[owner] = counts.get(owner, 0) + 1
    total = sum(counts.values())
    if not total:
        return None
    held: dict[HtmlElement, int] = {}
    depth: dict[HtmlElement, int] = {}
    for owner, count in counts.items():
        chain = _ancestors(owner)
        for level, element in enumerate(chain):
            held[element] = held.get(element, 0) + count
            depth[element] = len(chain) - level
    enough = [element for element, count in held.items() if count >= CONTAINER_SHARE * total]
    container = max(enough, key=lambda element: depth[element])
    # A list or a table is a part of an article (a list of points, a table of results), not the
    # article itself: the text around it (its introduction, its sign-off) is in the container.
    while container.tag in _LIST_PARTS and container.getparent() is not None:
        container = container.getparent()
    return container


def _cue_text(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".casefold()


@dataclass(frozen=True)
class Placement:
    """Where one extracted paragraph sits in the markup."""

    found: bool  # its words were found in the page
    link_share: float = 0.0  # share of its words inside links
    in_container: bool | None = None  # inside the main container (None: no container found)
    cues: frozenset[str] = frozenset()  # CLASS_CUES named by its element or ancestors below
    # the container (outside it: below the first ancestor it shares with the container)
    heading: str | None = None  # the heading element (h1 ... h6) it is written in, if any


def locate_all(page: PageText, paragraphs: list[str]) -> list[tuple[int, int] | None]:
    """The word range of each paragraph (None when not found), found in page order."""
    spans: list[tuple[int, int] | None] = []
    after = 0
    for text in paragraphs:
        span = page.locate(text, after)
        spans.append(span)
        after = max(after, span[1]) if span else after  # a fallback match never rewinds
    return spans


def place(page: PageText, paragraphs: list[str]) -> list[Placement]:
    """The placement of each paragraph, found in page order."""
    spans = locate_all(page, paragraphs)
    container = main_container(page, [span for span in spans if span])
    return [_placement(page, span, container) for span in spans]


def _placement(
    page: PageText, span: tuple[int, int] | None, container: HtmlElement | None
) -> Placement:
    if span is None or span[1] <= span[0]:
        return Placement(found=False)
    first, end = span
    chain = _ancestors(common_owner(page.owners[first:end]))
    if container is None:
        own = chain
    else:
        # Above the first ancestor shared with the container every paragraph has the same
        # surroundings, so only the part below it describes this paragraph.
        shared = set(_ancestors(container))
        own = chain[: next((i for i, e in enumerate(chain) if e in shared), len(chain))]
    cue_text = " ".join(_cue_text(element) for element in own)
    heading = next((e.tag for e in chain if isinstance(e.tag, str) and e.tag in _HEADINGS), None)
    return Placement(
        found=True,
        link_share=sum(page.in_link[first:end]) / (end - first),
        in_container=None if container is None else container in chain,
        cues=frozenset(name for name, cue in CLASS_CUES.items() if cue.search(cue_text)),
        heading=heading,
    )
