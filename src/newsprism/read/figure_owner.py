"""Whose figure: the person or organisation a figure belongs to, read from its clause.

"He ran for 440 yards" and "Doe ran for 176 yards" are two people's figures, not one misreported
figure; to tell them apart the reader records each figure's *bearer*:

- the **possessor** of the counted noun ("Doe's 404 yards", "his first 17 passes");
- else the **subject of the figure's own clause** ("Doe completed 28 passes"), borrowed by a
  participle or a conjoined verb from the verb it hangs on ("…, rushing for 404 yards"), and
  through a relative pronoun from the noun it stands for ("Doe, who caught 52 passes");
- a figure inside the subject itself ("Seven people were hurt") has no bearer: it is the subject.

A name is taken as its canonical form in the article (the fullest name of its coreference
cluster, :mod:`newsprism.read.coref`); "he"/"she" (and "his"/"her") resolve to the nearest earlier
person of agreeing gender seen as a subject (:class:`newsprism.read.speakers.Salience`). Only
people and organisations bear figures; a common noun ("police", "the team") or "they" leaves the
bearer unknown (None), and so does anything inside a quotation (its "I" and "he" are the
speaker's).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsprism.model import Article, Quantity, Span
from newsprism.read.coref import PERSON, Coref, quoted_offsets, resolve
from newsprism.read.cues import POSSESSIVE_PRONOUNS
from newsprism.read.quotemarks import is_quoted
from newsprism.read.speakers import PRONOUN_GENDER, Salience, antecedent, mention_at

SUBJECTS = {"nsubj", "nsubjpass"}
# Clauses whose missing subject is their head verb's: "…, rushing for 404 yards", "and caught".
BORROWING = {"advcl", "xcomp", "conj", "pcomp", "dep"}
BEARER_LABELS = {PERSON, "ORG"}
MAX_HOPS = 10
LEADING_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)  # "a David Doe" as tagged


def annotate_bearers(article: Article, doc: Doc, quantities: list[Quantity]) -> None:
    """Set ``bearer`` and ``bearer_span`` on each figure, in text order (pronouns resolve in
    reading order, as a reader meets them)."""
    if not quantities:
        return
    coref = resolve([article])
    quoted = quoted_offsets(article)
    salience = Salience(article, doc, coref, quoted)
    for quantity in sorted(quantities, key=lambda q: q.start):
        if any(a <= quantity.start < b for a, b in quoted) or is_quoted(article.text,
                                                                        quantity.start):
            continue
        span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if span is None:
            continue
        owner = _named_before_bracket(article, doc, span) or owner_token(span.root)
        if owner is None:
            continue
        name = _name_of(article, coref, salience, owner)
        if name:
            quantity.bearer = LEADING_ARTICLE.sub("", name)
            quantity.bearer_span = Span(start=owner.idx, end=owner.idx + len(owner))


def _named_before_bracket(article: Article, doc: Doc, figure) -> Token | None:
    """"passed Jane Roe (2,110)": a figure in brackets right after a name is that person's."""
    first = figure[0]
    if first.i < 2 or doc[first.i - 1].text != "(":
        return None
    name = doc[first.i - 2]
    found = mention_at(article, name.idx)
    if found is None or article.mentions[found].end != name.idx + len(name):
        return None
    return name


def _spaced_possessor(noun: Token) -> Token | None:
    """"Jane Roe ’ s scoring record": a possessive some copies of pages space out, which the
    parser then misreads; the name right before "’ s" and the noun's modifiers owns the noun."""
    doc = noun.doc
    i = noun.i - 1
    while i >= 0 and noun.i - i <= 3 and doc[i].dep_ in ("compound", "amod", "nummod"):
        i -= 1
    if i >= 2 and doc[i].lower_ == "s" and doc[i - 1].text in ("’", "'"):
        return doc[i - 2] if doc[i - 2].pos_ == "PROPN" else None
    return None


def owner_token(figure: Token) -> Token | None:
    """The token naming the figure's owner: its noun's possessor, else its clause's subject
    (None when the figure is itself in the subject, or the clause has none)."""
    node = figure
    for _ in range(MAX_HOPS):
        possessor = next((c for c in node.children if c.dep_ == "poss"), None)
        if possessor is None and node.pos_ == "NOUN":
            possessor = _spaced_possessor(node)
        if possessor is not None:
            return possessor
        if node.dep_ in SUBJECTS or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return _clause_subject(node)
    return None


def _clause_subject(verb: Token) -> Token | None:
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if len(subjects) > 1:
            return None  # a parse that gives a verb two subjects: no telling whose
        if subjects:
            subject = subjects[0]
            if any(c.dep_ == "conj" for c in subject.children):
                return None  # "Doe and Roe ran for 300 yards": theirs together, no one's
            return antecedent(subject) or subject
        if verb.dep_ not in BORROWING or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _name_of(article: Article, coref: Coref, salience: Salience, token: Token) -> str | None:
    word = token.lower_
    if word in PRONOUN_GENDER or word in POSSESSIVE_PRONOUNS:
        cluster = salience.resolve(token)
        return coref.clusters[cluster].name if cluster is not None else None
    found = mention_at(article, token.idx)
    if found is None or article.mentions[found].label not in BEARER_LABELS:
        return None  # a role ("the president") is tied to a person only by a guess: no bearer
    cluster = coref.of.get((0, found))
    if cluster is not None and coref.clusters[cluster].label in (PERSON, "ORG"):
        return coref.clusters[cluster].name or article.mentions[found].text
    return article.mentions[found].text
