"""The PolNeAR train articles and their spaCy parses, for the scripts that fit the read stage's
learned models (``bench/train_*.py``): parsed here, or read from a DocBin that ``bench/quotes.py
--cache`` wrote, checked to be of the same texts in the same order."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import DocBin

from newsprism.read.evaluation import Example, article_of
from newsprism.read.nlp import load_nlp, parse, parse_text


def train_parses(examples: list[Example], parses: Path | None) -> tuple[list, list]:
    nlp = load_nlp()
    articles = [article_of(e) for e in examples]
    if parses is None:
        return articles, [doc for _, doc in parse(articles, nlp)]
    docs = list(DocBin().from_disk(parses).get_docs(nlp.vocab))
    if [d.text for d in docs] != [parse_text(a) for a in articles]:
        raise SystemExit(f"{parses} was not made from the train texts in file-name order")
    return articles, docs
