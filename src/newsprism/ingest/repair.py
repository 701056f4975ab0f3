"""Main content of a page: two trafilatura runs, then a vote on each paragraph.

trafilatura run with ``favor_precision`` is the best single setting on the extraction benchmark,
but it still keeps related-article lists, newsletter pitches and comment threads at the end of
some pages, and drops lead paragraphs on others; ``favor_recall`` keeps more of both. Both runs are
made on one parsed page; their paragraphs are merged in page order, each paragraph is described
by :func:`newsprism.ingest.lineroles.line_features` plus which runs kept it, and the ``html`` line
model decides (weights fitted on the benchmark's fit half only; see ``bench/extraction.py``).
Without a shipped model only the precise run is made (the recall run when it finds nothing).

Then the markup has its say (:mod:`newsprism.ingest.dom`, one pass over the page):
trafilatura still keeps paragraphs that its text alone cannot tell from the article, but their
place in the page can — a paragraph nearly all link text (a "Related:" line, a list of
headlines), one outside the main container (the headline block, a promo rail), one inside a
newsletter or promotion box. Each rule was kept only if it raised F1 on the benchmark's fit half
(``bench/html_repair.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement

from newsprism.ingest.dom import Placement, place, read_page
from newsprism.ingest.lineroles import keep_lines, line_features, load_model

# A paragraph with more of its words in links than this is a link list or a "Related:" line:
# body paragraphs link a few words, not all of them.
MAX_LINK_SHARE = 0.9
# Class / id cues (see newsprism.ingest.dom.CLASS_CUES) whose paragraphs are never body.
DROPPED_CUES = frozenset({"promo"})
RUN_SETTINGS = {"include_comments": False, "include_tables": True, "with_metadata": False}


@dataclass(frozen=True)
class Voted:
    text: str
    precise: bool  # kept by the favor_precision run
    recall: bool  # kept by the favor_recall run


def _paragraphs(tree: HtmlElement, url: str | None, **setting: bool) -> list[str]:
    document = trafilatura.bare_extraction(tree, url=url, **RUN_SETTINGS, **setting)
    if document is None or not document.text:
        return []
    return [line.strip() for line in document.text.splitlines() if line.strip()]


def extraction_runs(tree: HtmlElement, url: str | None) -> list[Voted]:
    """The paragraphs of both runs in page order, each with the runs that kept it (trafilatura
    works on its own copy of the tree, so both runs read the same parse)."""
    precise = _paragraphs(tree, url, favor_precision=True)
    recall = _paragraphs(tree, url, favor_recall=True)
    if not precise:
        # The precise run found nothing (very short pages): the other run is all there is.
        return [Voted(text, True, True) for text in recall]
    return merge_runs(precise, recall)


def merge_runs(precise: list[str], recall: list[str]) -> list[Voted]:
    """Recall's order, with each paragraph only the precise run has placed after the paragraph
    that precedes it in the precise run."""
    kept_precisely = set(precise)
    merged = list(recall)
    in_recall = set(recall)
    for i, text in enumerate(precise):
        if text in in_recall:
            continue
        before = precise[i - 1] if i else None
        position = merged.index(before) + 1 if before in merged else (0 if i == 0 else len(merged))
        merged.insert(position, text)
    return [Voted(text, text in kept_precisely, text in in_recall) for text in merged]


def vote(paragraphs: list[Voted]) -> list[str]:
    """The paragraphs the ``html`` line model keeps; the precise run's when no model is fitted."""
    if not paragraphs:
        return []
    votes = [(p.precise, p.recall) for p in paragraphs]
    keep = keep_lines("html", line_features([p.text for p in paragraphs], votes))
    if keep is None:
        return [p.text for p in paragraphs if p.precise]
    return [p.text for p, kept in zip(paragraphs, keep, strict=True) if kept]


def main_paragraphs(tree: HtmlElement, url: str | None, *, markup: bool = True) -> list[str]:
    """The page's main-content paragraphs. Without a shipped ``html`` model (none beat the precise
    run in cross-validation) the recall run is only made when the precise run finds nothing.
    ``markup=False`` skips the markup rules (to measure what they add)."""
    page = read_page(tree) if markup else None
    if load_model("html") is None:
        # trafilatura works on its own copy of a tree it is given: one parse serves every run.
        precise = _paragraphs(tree, url, favor_precision=True)
        paragraphs = precise or _paragraphs(tree, url, favor_recall=True)
    else:
        paragraphs = vote(extraction_runs(tree, url))
    if page is None:
        return paragraphs
    placements = place(page, paragraphs)
    kept = [p for p, where in zip(paragraphs, placements, strict=True) if keeps(where)]
    # A page that is all links (a link roundup) is still that page's content.
    return kept or paragraphs


def keeps(where: Placement) -> bool:
    """Whether the markup around a paragraph allows it to be article body."""
    if not where.found:
        return True  # trafilatura rewrote the text (joined inline widgets): no evidence
    return (
        where.link_share <= MAX_LINK_SHARE
        and where.in_container is not False
        and not where.cues & DROPPED_CUES
    )
