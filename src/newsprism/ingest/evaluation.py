"""Scoring main-content extraction, and reading the extraction benchmark.

The metric is the one published for the article-extraction benchmark (``../shared/README.md``):
texts are split into ``\\w+`` tokens, 4-token shingles are counted, and per page true positives,
false positives and false negatives are normalised to sum to 1; precision and recall are averaged
over pages and F1 is the harmonic mean of the two averages.

Over-fitting control: the pages are split once and for all by their sorted ids — even positions
are the *fit* half (anything tuned may look at them), odd positions the *held-out* half (only ever
scored). :func:`split_halves` is the one place that split is made.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Counted ``size``-token shingles; a text shorter than ``size`` tokens is one shingle."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def score_page(predicted: str, expected: str) -> PageScore:
    """tp/fp/fn of one page, normalised to sum to 1 (an empty pair counts as perfect)."""
    got, want = shingles(predicted), shingles(expected)
    tp = sum((got & want).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(1.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def average(pages: Iterable[PageScore]) -> Score:
    """Precision and recall averaged over pages (a page with nothing predicted has P = 0)."""
    scored = list(pages)
    if not scored:
        return Score(0.0, 0.0, 0)
    precision = sum(p.precision for p in scored) / len(scored)
    recall = sum(p.recall for p in scored) / len(scored)
    return Score(precision, recall, len(scored))


# --- the benchmark --------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    id: str
    html: str
    body: str
    url: str | None


def load_benchmark(folder: str | Path) -> list[Page]:
    """The pages of the article-extraction benchmark, sorted by id."""
    root = Path(folder)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    for page_id in sorted(truth):
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, _decode_page(raw), truth[page_id]["articleBody"],
                          truth[page_id].get("url")))
    return pages


def _decode_page(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        import charset_normalizer

        best = charset_normalizer.from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def split_halves(pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """(fit, held-out): even and odd positions of the pages sorted by id; fixed, never shuffled."""
    ordered = sorted(pages, key=lambda page: page.id)
    return ordered[0::2], ordered[1::2]


# --- the page as copied text ----------------------------------------------------------------

# Elements whose text a reader never sees.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "head")
# Elements that start a new line when a page is copied as text.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "option", "select",
    "button", "label",
})


def visible_text(html: str) -> str:
    """The page's visible text as a copy-paste of it would give: all of ``<body>``, one block per
    line. This is what "raw scraped text" inputs look like, so it is what the text cleaner is
    measured on."""
    import lxml.html
    from lxml import etree

    try:
        # The page is already decoded: say so, or lxml reads the bytes of a page that declares
        # no charset as Latin-1 and every non-ASCII letter turns to mojibake.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_INVISIBLE, etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    body = root.find("body")
    parts: list[str] = []
    _walk(body if body is not None else root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS
    if block:
        parts.append("\n")
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")


# --- what each system outputs on a page (top-level functions, so worker processes can run them)


def token_key(text: str) -> str:
    """Lower-cased ``\\w+`` tokens between spaces: a line is in the gold text when its key is."""
    return " " + " ".join(_TOKEN.findall(text.casefold())) + " "


def in_gold(lines: list[str], gold: str) -> list[bool]:
    """Whether each line's tokens occur, in order and contiguous, in the gold article body."""
    gold_key = token_key(gold)
    return [token_key(line) in gold_key for line in lines]


def shingle_labels(lines: list[str], gold: str, share: float = 0.5) -> list[bool]:
    """Whether each line belongs to the gold body, the way the metric counts it: at least
    ``share`` of the line's shingles are gold shingles not already matched by an earlier line.
    A second copy of a paragraph therefore earns nothing (the metric counts it as noise), and a
    line mixing body text with a little chrome still counts as body."""
    remaining = shingles(gold)
    labels: list[bool] = []
    for line in lines:
        own = shingles(line)
        matched = own & remaining
        total = sum(own.values())
        is_body = bool(total) and sum(matched.values()) >= share * total
        if is_body:
            remaining -= matched
        labels.append(is_body)
    return labels


def trafilatura_text(page: Page) -> str:
    """Plain trafilatura with its default settings: the baseline."""
    import trafilatura

    return trafilatura.extract(page.html, url=page.url) or ""


def content_text(article) -> str:
    """What newsprism counts as an article's content: title, standfirst and body paragraphs."""
    roles = {"title", "standfirst", "body"}
    return "\n".join(article.span_text(p) for p in article.paragraphs if p.role in roles)


def body_text(article) -> str:
    """Body paragraphs: what an ``articleBody`` covers. For HTML inputs the standfirst comes from
    the page's description, which ``articleBody`` leaves out as it leaves out the headline."""
    roles = {"body"}
    return "\n".join(article.span_text(p) for p in article.paragraphs if p.role in roles)
