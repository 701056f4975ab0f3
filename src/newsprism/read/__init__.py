"""Stage 2, *read*: sentences, entity mentions, quotes, numbers and dates, from one parse.

Each component is a plain function ``annotate(article, doc) -> None`` that appends to the article;
:func:`read` parses every article once (batched) and runs the components in order.

Entities, figures, dates and quotes rest on the parse model's tagger, parser and NER and on
English cue words, units and date names. On an article in another language they would read every
German noun as a name, "1.000" as one and "sagte" as nothing, answers a reader would trust; so
they run only on articles in the model's language (:func:`in_model_language`), and an article
in another language records what was not read in ``Article.unread``. Sentences still split, and
cleaning, grouping (multilingual embeddings) and statement alignment work in any language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.model import Article
from newsprism.read import dates, entities, quantities, quotes, sentences
from newsprism.read.nlp import load_nlp, model_reads, parse

Component = Callable[[Article, Doc], None]


def in_model_language(name: str, component: Component) -> Component:
    """``component``, run only when the parse model reads the article's language."""

    @wraps(component)
    def annotate(article: Article, doc: Doc) -> None:
        if model_reads(article, doc):
            component(article, doc)
        else:
            article.unread.append(
                f"{name} (article in {article.language!r}, reading model in {doc.lang_!r})"
            )

    return annotate


COMPONENTS: list[Component] = [
    sentences.annotate,
    in_model_language("entities", entities.annotate),
    in_model_language("quantities", quantities.annotate),
    in_model_language("dates", dates.annotate),
    in_model_language("quotes", quotes.annotate),
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


__all__ = ["read", "load_nlp", "parse", "COMPONENTS", "in_model_language"]
