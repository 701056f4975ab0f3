"""Reading written sentences for the quote and speaker tests: sentences, entities and quotes
only, with canonical entities, and finding a quote by how it starts."""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism.model import Article, Quote
from newsprism.read import entities, quotes, read, sentences
from newsprism.read.canonical import canonicalise
from newsprism.read.evaluation import Example, article_of
from newsprism.read.nlp import load_nlp

USED = [sentences.annotate, entities.annotate, quotes.annotate]


def read_quotes(text: str) -> Article:
    article = read([article_of(Example("own", text, []))], components=USED)[0]
    canonicalise([article])
    return article


def quote_starting(article: Article, start_of_text: str) -> Quote:
    found = [q for q in article.quotes if q.text.startswith(start_of_text)]
    assert found, f"no quote starting {start_of_text!r}: {[q.text[:30] for q in article.quotes]}"
    return found[0]


def reported_pairs(article: Article) -> list[tuple[str, str | None]]:
    """(words, speaker as written) of every indirect attribution, in text order."""
    return [(q.text, q.speaker_text) for q in article.quotes if q.kind == "indirect"]


def parsed_by_hand(**annotations) -> Doc:
    """A parse written out word by word (``words``, ``heads``, ``deps``, ``pos``, …), for the
    small model's slips that no written sentence reproduces reliably."""
    return Doc(load_nlp().vocab, **annotations)
