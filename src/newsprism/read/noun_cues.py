"""Attribution by a noun of saying: "Ortiz's claim that the port was safe", "her warning that
prices would rise". The clause the noun introduces with "that" is what its possessor said; a
noun with no one named as its owner ("the claim that …") is left out, as nobody can be named.
A noun of stance takes its object with a preposition: "Ortiz's endorsement of Baker", "his
attacks on the council" (its possessor holds it; "Baker voiced concern about …" is left to the
verb).
"""

from __future__ import annotations

from spacy.tokens import Doc

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
    marked = marked_spans(segments)
    drafts: list[Draft] = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in SAYING_NOUNS:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        clause = next(
            (
                c
                for c in token.rights
                if c.dep_ in CLAUSE_DEPS
                and c.left_edge.lower_ == "that"
                and c.left_edge.dep_ == "mark"
            ),
            None,
        )
        if owner is None or clause is None or not can_speak(article, owner):
            continue
        paragraph = next((p for p in paragraphs if p.start <= token.idx < p.end), None)
        if paragraph is None or inside(marked, token.idx):
            continue
        ranges = [(clause.left_edge.i + 1, clause.right_edge.i + 1)]
        drafts += clause_drafts(article, doc, paragraph, segments, ranges, token, owner)
    return drafts + _stance_nouns(article, doc, paragraphs, segments)


def _stance_nouns(
    article: Article, doc: Doc, paragraphs: list[Paragraph], segments: list[QuoteSegment]
) -> list[Draft]:
    marked = marked_spans(segments)
    drafts: list[Draft] = []
    for token in doc:
        target = stance_object(token)
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if target is None or owner is None or owner.lower_ in NON_SPEAKERS:
            continue
        paragraph = next((p for p in paragraphs if p.start <= token.idx < p.end), None)
        if paragraph is None or inside(marked, token.idx):
            continue
        ranges = [(target.left_edge.i, target.right_edge.i + 1)]
        drafts += clause_drafts(article, doc, paragraph, segments, ranges, token, owner)
    return drafts
