"""Main content of a page: two trafilatura runs, then a vote on each paragraph.

trafilatura run with ``favor_precision`` is the best single setting on the extraction benchmark,
but it still keeps related-article lists, newsletter pitches and comment threads at the end of
some pages, and drops lead paragraphs on others; ``favor_recall`` keeps more of both. Both runs are
made on one parsed page; their paragraphs are merged in page order, each paragraph is described
by :func:`newsprism.ingest.lineroles.line_features` plus which runs kept it, and the ``html`` line
model decides (weights fitted on the benchmark's fit half only; see ``bench/extraction.py``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement

from newsprism.ingest.lineroles import keep_lines, line_features, load_model

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
    """The paragraphs of both runs in page order, each with the runs that kept it.

    trafilatura cleans the tree it is given in place, so the first run works on a copy.
    """
    precise = _paragraphs(copy.deepcopy(tree), url, favor_precision=True)
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


def main_paragraphs(tree: HtmlElement, url: str | None) -> list[str]:
    """The page's main-content paragraphs. Without a shipped ``html`` model (none beat the precise
    run in cross-validation) the recall run is only made when the precise run finds nothing."""
    if load_model("html") is None:
        precise = _paragraphs(copy.deepcopy(tree), url, favor_precision=True)
        return precise or _paragraphs(tree, url, favor_recall=True)
    return vote(extraction_runs(tree, url))
