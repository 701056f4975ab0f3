"""Placeholder until the entities component lands: adds nothing yet."""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism.model import Article


def annotate(article: Article, doc: Doc) -> None:
    return None
