"""Attribution by a noun of saying: "Ortiz's claim that the port was safe", "her warning that
prices would rise". The clause the noun introduces with "that" is what its possessor said.
With no possessor it is still an attribution: its source is the "by / from" phrase or the
subject of the verb that makes it ("Ortiz issued a statement that …"), or nobody, as PolNeAR
then marks none ("complaints that the port was unsafe"); a noun of thought with no owner ("the
belief that …") is left out. A noun of saying that "is" a "that" clause counts too ("Her
argument was that …", "The refrain is that …").
A noun of stance takes its object with a preposition: "Ortiz's endorsement of Baker", "his
attacks on the council" (its possessor holds it; "Baker voiced concern about …" is left to the
verb), and so does a noun naming someone by the side they take: "Ortiz is a critic of the deal".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.model import Article, Paragraph
from newsprism.read.cues import ATTITUDE_VERBS, stance_object
from newsprism.read.quotemarks import QuoteSegment
from newsprism.read.reported import Draft, clause_drafts, inside, marked_spans
from newsprism.read.speakers import NON_SPEAKERS, can_speak, is_reporting_verb, subject_of

SAYING_NOUNS = {
    "claim", "assertion", "suggestion", "allegation", "argument", "warning", "promise", "pledge",
    "insistence", "contention", "charge", "accusation", "statement", "remark", "comment", "view",
    "belief", "prediction", "vow", "threat", "announcement", "admission", "complaint", "boast",
    "hope", "fear", "declaration", "conclusion", "assurance", "insinuation", "denial", "message",
    "report", "rumor", "rumour",
}  # fmt: skip
CLAUSE_DEPS = {"acl", "ccomp", "relcl"}
# Nouns of a thought rather than of something said: with no owner ("the belief that …", "fears
# that …") they are mostly the writer's framing, which PolNeAR rarely annotates (train: 2 right
# in 24).
THOUGHT_NOUNS = {"belief", "hope", "fear", "conclusion"}
# What a noun of saying "is": "Her argument was that …"; also a few nouns that only say so there.
BE_CLAUSE_NOUNS = SAYING_NOUNS | {"point", "refrain", "idea", "response"}
SOURCE_PREPOSITIONS = {"by", "from"}
# Prepositions that put a claim beside the clause's subject, not in its mouth: "despite
# complaints that …", "amid fears that …".
UNCLAIMING_PREPOSITIONS = {"despite", "amid", "including", "after", "over", "against"}
# People named by the side they take, whose "of" or "for" object is the stance of the one they
# name: "Ortiz has been a fierce critic of the deal", "Baker, a supporter of the plan, …". Left
# out on PolNeAR train: "ally", "fan", "champion", "advocate", "surrogate" (1 right in 25).
BACKER_NOUNS = {
    "supporter", "defender", "critic", "proponent", "opponent", "booster", "backer", "detractor",
    "foe", "architect",
}  # fmt: skip


def noun_claims(
    article: Article, doc: Doc, paragraphs: list[Paragraph], segments: list[QuoteSegment]
) -> list[Draft]:
    """Claims of a noun of saying ("her claim that …", "complaints that …") and stances of a
    noun of stance ("his attacks on the council", "Baker, a critic of the plan")."""
    marked = marked_spans(segments)
    claims: list[Draft] = []
    stances: list[Draft] = []
    for token in doc:
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            claim, owner = _unowned_claim(token)
            stance = None
            if claim is None:
                stance, owner = _backer_of(token)
        else:
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
    clause = _that_clause(token)
    if clause is None:
        said = _what_it_is(token)
        if said is not None:
            return said if can_speak(article, owner) else None
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


def _that_clause(token: Token) -> Token | None:
    """The clause a noun of saying introduces with "that": "… the claim | that the port is safe"."""
    return next(
        (
            c
            for c in token.rights
            if c.dep_ in CLAUSE_DEPS and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"
        ),
        None,
    )


def _unowned_claim(token: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """ "complaints that the port was unsafe", "a statement from the council that …", "Ortiz
    issued a statement that …", "The refrain is that …": the token range of the clause and
    its source (None: nobody is named)."""
    if token.pos_ != "NOUN":
        return None, None
    lemma = token.lemma_.lower()
    if lemma in SAYING_NOUNS and lemma not in THOUGHT_NOUNS:
        clause = _that_clause(token)
        if clause is not None:
            return (clause.left_edge.i + 1, clause.right_edge.i + 1), _named_source(token)
    said = _what_it_is(token)
    return (said, _source_by(token)) if said is not None else (None, None)


def _what_it_is(token: Token) -> tuple[int, int] | None:
    """The token range of the "that" clause a noun of saying is: "Her argument was | that …"."""
    if token.lemma_.lower() not in BE_CLAUSE_NOUNS or token.dep_ != "nsubj":
        return None
    be = token.head
    if be.lemma_ != "be" or (be.dep_ == "ccomp" and is_reporting_verb(be.head)):
        return None  # "Ortiz said the message was that …": all of it is what Ortiz said
    clause = next(
        (c for c in be.rights if c.dep_ == "ccomp" and c.left_edge.lower_ == "that"), None
    )
    return None if clause is None else (clause.left_edge.i + 1, clause.right_edge.i + 1)


def _source_by(token: Token) -> Token | None:
    """The source after "by" or "from": "a statement by the council"."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPOSITIONS:
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
    return None


def _named_source(token: Token) -> Token | None:
    """Who a noun of saying with no possessor is from: "by / from X", or the subject of the verb
    that gives or makes it ("Ortiz issued a statement that …", "Ortiz stirred anger with an
    assertion that …"); "despite complaints that …" names no one."""
    if (source := _source_by(token)) is not None:
        return source
    in_phrase = token.dep_ == "pobj" and token.head.dep_ == "prep"
    if in_phrase and token.head.lower_ in UNCLAIMING_PREPOSITIONS:
        return None
    governed = token.head if in_phrase else token
    if governed is token and token.dep_ != "dobj":
        return None
    verb = governed.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in ATTITUDE_VERBS:
        return None  # "voters doubt the claim that …" is someone else's claim
    subject = subject_of(verb)
    # "a report, which drew attention to rumors that …": a relative or "it" makes no claim
    return None if subject is None or subject.lower_ in NON_SPEAKERS else subject


def _backer_of(token: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """ "Ortiz is a critic of the deal", "Baker, a backer of the plan, …": the token range of
    the object and the one the noun names (as the subject of "be" or the noun in apposition)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in BACKER_NOUNS:
        return None, None
    preposition = next(
        (c for c in token.rights if c.dep_ == "prep" and c.lower_ in {"of", "for"}), None
    )
    target = None
    if preposition is not None:
        target = next((c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}), None)
    if target is None:
        return None, None
    named = None
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        named = subject_of(token.head)
    elif token.dep_ == "appos":
        named = token.head
    if named is None or named.lower_ in NON_SPEAKERS:
        return None, None
    return (target.left_edge.i, target.right_edge.i + 1), named
