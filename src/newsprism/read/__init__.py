"""Stage 2, *read*: sentences, entity mentions, quotes, numbers and dates, from one parse.

Each component is a plain function ``annotate(article, doc) -> None`` that appends to the article;
:func:`read` parses every article once (batched) and runs the components in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.model import Article
from newsprism.read import dates, entities, quantities, quotes, sentences
from newsprism.read.nlp import load_nlp, parse

Component = Callable[[Article, Doc], None]

COMPONENTS: list[Component] = [
    sentences.annotate,
    entities.annotate,
    quantities.annotate,
    dates.annotate,
    quotes.annotate,
]


def read(
    articles: Iterable[Article],
    nlp: Language | None = None,
    components: list[Component] | None = None,
    progress: Callable[[Article], None] | None = None,
) -> list[Article]:
    """Annotate articles in place and return them, parsing each exactly once."""
    done = []
    for article, doc in parse(articles, nlp or load_nlp()):
        for component in components or COMPONENTS:
            component(article, doc)
        done.append(article)
        if progress:
            progress(article)
    return done


__all__ = ["read", "load_nlp", "parse", "COMPONENTS"]
