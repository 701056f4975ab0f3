"""Attribution by a noun of saying: "Ortiz's claim that the port was safe", "her warning that
prices would rise". The clause the noun introduces with "that" is what its possessor said; a
noun with no one named as its owner ("the claim that …") is left out, as nobody can be named.
A noun of stance takes its object with a preposition: "Ortiz's endorsement of Baker", "his
attacks on the council" (its possessor holds it; "Baker voiced concern about …" is left to the
verb).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.model import Article, Paragraph
from newsprism.read.cues import stance_object
from newsprism.read.quotemarks import QuoteSegment
from newsprism.read.reported import Draft, clause_drafts, inside, marked_spans
from newsprism.read.speakers import NON_SPEAKERS, can_speak

SAYING_NOUNS = {
    "claim", "assertion", "suggestion", "allegation", "argument", "warning", "promise", "pledge",
    "insistence", "contention", "charge", "accusation", "statement", "remark", "comment", "view",
    "belief", "prediction", "vow", "threat", "announcement", "admission", "complaint", "boast",
    "hope", "fear", "declaration", "conclusion", "assurance", "insinuation", "denial", "message",
}  # fmt: skip
CLAUSE_DEPS = {"acl", "ccomp", "relcl"}


def noun_claims(
    article: Article, doc: Doc, paragraphs: list[Paragraph], segments: list[QuoteSegment]
) -> list[Draft]:
    """Claims owned by a possessor: "her claim that …" (a noun of saying and its "that" clause)
    and "his attacks on the council" (a noun of stance and its object)."""
    marked = marked_spans(segments)
    claims: list[Draft] = []
    stances: list[Draft] = []
    for token in doc:
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        claim = _claim_clause(article, token, owner)
        stance = _stance_target(token, owner) if claim is None else None
        if claim is None and stance is None:
            continue
        paragraph = next((p for p in paragraphs if p.start <= token.idx < p.end), None)
        if paragraph is None or inside(marked, token.idx):
            continue
        ranges = [claim] if claim is not None else [stance]
        found = clause_drafts(article, doc, paragraph, segments, ranges, token, owner)
        (claims if claim is not None else stances).extend(found)
    return claims + stances


def _claim_clause(article: Article, token: Token, owner: Token) -> tuple[int, int] | None:
    """The token range of the "that" clause of a noun of saying whose owner can speak."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in SAYING_NOUNS:
        return None
    clause = next(
        (
            c
            for c in token.rights
            if c.dep_ in CLAUSE_DEPS and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"
        ),
        None,
    )
    if clause is None:
        return _commitment(article, token, owner)
    if not can_speak(article, owner):
        return None
    return clause.left_edge.i + 1, clause.right_edge.i + 1


# Nouns of a commitment, whose infinitive is what was promised: "his promise to build a wall".
COMMITMENT_NOUNS = {"promise", "pledge", "vow", "threat"}


def _commitment(article: Article, token: Token, owner: Token) -> tuple[int, int] | None:
    """The token range of the infinitive of "Ortiz's pledge to cut fares" (with its "to")."""
    if token.lemma_.lower() not in COMMITMENT_NOUNS:
        return None
    clause = next(
        (c for c in token.rights if c.dep_ in CLAUSE_DEPS and c.left_edge.lower_ == "to"), None
    )
    if clause is None or not can_speak(article, owner):
        return None
    return clause.left_edge.i, clause.right_edge.i + 1


def _stance_target(token: Token, owner: Token) -> tuple[int, int] | None:
    """The token range of a stance noun's object ("attacks on the council")."""
    target = stance_object(token)
    if target is None or owner.lower_ in NON_SPEAKERS:
        return None
    return target.left_edge.i, target.right_edge.i + 1
