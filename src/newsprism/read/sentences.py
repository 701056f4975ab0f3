"""Sentences of the kept paragraphs, each tied to its paragraph."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from newsprism.model import Article, Sentence


def paragraph_index(article: Article, offset: int) -> int | None:
    """Index of the paragraph holding ``offset``, or None if it lies outside every paragraph."""
    starts = [p.start for p in article.paragraphs]
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < article.paragraphs[i].end:
        return i
    return None


def annotate(article: Article, doc: Doc) -> None:
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = start + len(stripped)
        paragraph = paragraph_index(article, start)
        if paragraph is None:
            continue
        end = min(end, article.paragraphs[paragraph].end)
        article.sentences.append(Sentence(start=start, end=end, paragraph=paragraph))
