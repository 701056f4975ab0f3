"""Checkable statements of an article: its sentences, with the figures, dates and names they carry.

A statement is a sentence of the title, standfirst or body (captions and boilerplate are not
reporting) that a reader could check: it names someone or something, states a figure or a date, or
reports speech. Its quantities and dates are the *items* that facts are matched on one by one,
because one sentence often packs several figures ("around 6,000 marchers – 1,500 from the unions and
another 4,000 from student groups").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.model import Article, DateMention, Quantity, Sentence
from newsprism.read.quantities import is_definite

REPORTING_ROLES = {"title", "standfirst", "body"}
MIN_WORDS = 4
WORD = re.compile(r"[A-Za-z][\w'’-]*")
NUMERAL = re.compile(r"(?<![\w.,])\d[\d,.]*(?![\w])")
# A capitalised word that does not open the sentence or a quotation: a crude name finder used only
# when the entity component has not annotated the article.
NAME = re.compile(r"(?<![.!?\"“‘'(]\s)\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
POSSESSIVE = re.compile(r"['’]s$")
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class Statement:
    article: Article
    sentence: Sentence
    position: int
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    quoted: bool = False

    @property
    def text(self) -> str:
        return self.article.span_text(self.sentence)

    @property
    def has_items(self) -> bool:
        return bool(self.quantities or self.dates)


def statements_of(article: Article) -> list[Statement]:
    """The checkable statements of one article, in reading order."""
    found = []
    for sentence in article.sentences:
        if article.paragraphs[sentence.paragraph].role not in REPORTING_ROLES:
            continue
        statement = _statement(article, sentence, len(found))
        if statement is not None:
            found.append(statement)
    return found


def _statement(article: Article, sentence: Sentence, position: int) -> Statement | None:
    text = article.span_text(sentence)
    # Numerals are words of the claim: "Turnout was 41 percent." is a statement of four words.
    if len(WORD.findall(text)) + len(NUMERAL.findall(text)) < MIN_WORDS:
        return None
    statement = Statement(
        article=article,
        sentence=sentence,
        position=position,
        quantities=[
            q for q in article.quantities if _inside(q, sentence) and _checkable(q, article)
        ],
        dates=[d for d in article.dates if _inside(d, sentence) and not d.value.startswith("--")],
        names=_names(article, sentence),
        places=_places(article, sentence),
        quoted=any(_overlaps(q, sentence) for q in article.quotes) or bool(
            re.search(r"[\"“”]", text)
        ),
    )
    if statement.has_items or statement.names or statement.quoted:
        return statement
    return None


def _checkable(quantity: Quantity, article: Article) -> bool:
    """A figure worth checking counts something and is not a re-mention ("the two leaders")."""
    return quantity.unit is not None and not is_definite(quantity, article.text)


def _inside(span, sentence: Sentence) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


def _overlaps(span, sentence: Sentence) -> bool:
    return span.start < sentence.end and sentence.start < span.end


def _names(article: Article, sentence: Sentence) -> set[str]:
    """Canonical entity ids (or mention texts) named in the sentence; capitalised words as a
    fallback when no entity mentions were annotated."""
    if article.mentions:
        return {
            m.entity or _key(m.text)
            for m in article.mentions
            if _inside(m, sentence) and m.label not in ("CARDINAL", "ORDINAL", "DATE")
        }
    text = article.span_text(sentence)
    return {_key(m.group(1)) for m in NAME.finditer(text) if m.start() > 0}


def _places(article: Article, sentence: Sentence) -> set[str]:
    """Where the sentence is set: its place names (countries, cities, regions, buildings)."""
    return {m.entity or _key(m.text) for m in article.mentions
            if _inside(m, sentence) and m.label in PLACE_LABELS}


def _key(name: str) -> str:
    return POSSESSIVE.sub("", name.strip()).lower()
