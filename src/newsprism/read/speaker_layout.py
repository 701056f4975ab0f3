"""Where a news sentence puts its speaker around the cue when the parse gives no usable subject:
a name before an apposition or a relative clause ("Ann Ortiz, a port official, said"), and the
mentions (names, roles, groups) a speaker can be. Used by :mod:`newsprism.read.speakers`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsprism.model import Article
from newsprism.read.coref import PERSON, ROLE
from newsprism.read.cues import HUMAN_PRONOUNS

MAX_APPOSITION = 12  # tokens searched back for "Name, a title in Place," before a cue


def mention_at(article: Article, offset: int, people_only: bool = False) -> int | None:
    best = None
    for i, m in enumerate(article.mentions):
        fits = m.start <= offset < m.end and (not people_only or m.label in {PERSON, ROLE})
        if fits and (best is None or m.label == PERSON):  # a name beats the role containing it
            best = i
    return best


def can_speak(article: Article, token: Token) -> bool:
    if token.lower_ in HUMAN_PRONOUNS:
        return True
    found = mention_at(article, token.idx)
    return found is not None and article.mentions[found].label in {
        PERSON,
        ROLE,
        "ORG",
        "GPE",
        "NORP",
    }


def quoted_at(spans: Sequence[tuple[int, int]], token: Token) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def named_before_apposition(
    article: Article, doc: Doc, comma: int, quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """ "Col. Ann Ortiz, a military spokeswoman in Kabul, said": the parse gives the cue no
    subject; the closest person or role before it, with no verb in between, is the speaker."""
    start = doc[comma].sent.start
    if (named := relative_clause_head(article, doc, comma, start)) is not None:
        return named
    for i in range(comma - 1, max(start, comma - MAX_APPOSITION) - 1, -1):
        token = doc[i]
        if token.pos_ in {"VERB", "AUX"} or token.is_quote or quoted_at(quoted, token):
            return None
        found = mention_at(article, token.idx, people_only=True)
        if found is not None and article.mentions[found].end == token.idx + len(token):
            if _is_object(token):
                continue  # "wrote to Ann Ortiz on her page, saying": the addressee, not the source
            return token
    return None


def relative_clause_head(article: Article, doc: Doc, comma: int, start: int) -> Token | None:
    """ "Ann Ortiz, who would have to leave the board to run, said": a relative clause, however
    long, closes right before the cue's comma; the person it describes is the speaker."""
    token = doc[comma - 1] if comma > start else None
    while token is not None and token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    if token is None or token.dep_ != "relcl" or token.right_edge.i != comma - 1:
        return None
    head = token.head
    if head.i >= token.i or head.i < start or _is_object(head):
        return None
    found = mention_at(article, head.idx, people_only=True)
    if found is None:  # "One attendee, who spoke on condition of anonymity, said": "who" is human
        return head if head.pos_ in {"NOUN", "PROPN"} and _relative_who(token) else None
    return head if article.mentions[found].end == head.idx + len(head) else None


def _relative_who(clause: Token) -> bool:
    return any(c.lower_ in {"who", "whose"} for c in clause.subtree if c.i < clause.i)


def _is_object(token: Token) -> bool:
    """The object of a verb or preposition, also as a later part of "A and B"."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in {"pobj", "dobj", "dative"}
