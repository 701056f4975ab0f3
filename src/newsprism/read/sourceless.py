"""Views that nobody is said to hold: "Ortiz seemed to lose patience", "she is expected to win",
"the port, known as the Gate", "Ortiz reportedly met the council". PolNeAR annotates them with
no source; what they attribute is the subject and the complement, as token ranges.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsprism.read.speakers import (
    SUBJECT_DEPS,
    is_reporting_verb,
    is_stance_verb,
    verb_lemma,
)

APPEARANCE_VERBS = {"seem", "appear"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "acomp", "attr", "oprd"}
EXPLETIVES = {"it", "there"}
# "known as / known for" is a PolNeAR cue 41 times in 74 on train; "reportedly" 19 in 29 (other
# hedges, "apparently", "allegedly", "seemingly", are one in ten or less).
REPUTATION_PREPOSITIONS = {"as", "for"}
HEARSAY_ADVERBS = {"reportedly"}

Ranges = list[tuple[int, int]]


def _phrase(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def appearance(token: Token) -> Ranges:
    """ "Mr. Ortiz seemed to lose patience", "she is expected to move swiftly": a view that
    nobody is said to hold. Its content is the subject and the complement, and it has no
    source. A complement that is itself a cue ("seemed to confirm …") is left to that cue."""
    lemma = verb_lemma(token)
    children = list(token.children)
    expected = (
        lemma == "expect"
        and token.tag_ == "VBN"
        and any(c.dep_ == "nsubjpass" for c in children)
        and not any(c.dep_ == "agent" for c in children)
    )
    if not expected and not (token.pos_ == "VERB" and lemma in APPEARANCE_VERBS):
        return []
    complement = next((c for c in children if c.dep_ in COMPLEMENT_DEPS), None)
    if complement is None or is_reporting_verb(complement) or is_stance_verb(complement):
        return []
    ranges = [_phrase(complement)]
    subject = next((c for c in children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.lower_ not in EXPLETIVES:
        ranges.append(_phrase(subject))
    return sorted(ranges)


def reputation(token: Token) -> Ranges:
    """ "Ortiz is known for her temper", "the strike, known as the Long Walk": what something is
    known as or for, by nobody named. The thing (the passive subject, or the noun the participle
    describes, up to the participle) and what it is known as."""
    if token.lemma_.lower() != "know" or token.tag_ != "VBN":
        return []
    children = list(token.children)
    passive = any(c.dep_ == "nsubjpass" for c in children) or token.dep_ == "acl"
    if not passive or any(c.dep_ == "agent" for c in children):
        return []  # "she has known him for years" is her own knowledge
    preposition = next(
        (c for c in children if c.dep_ == "prep" and c.lower_ in REPUTATION_PREPOSITIONS), None
    )
    if preposition is None:
        return []
    objects = [c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}]
    if not objects:
        return []
    ranges = [_phrase(objects[0])]
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ not in EXPLETIVES:
        ranges.append(_phrase(subject))
    elif token.dep_ == "acl" and token.head.i < token.i:
        first = token.head.left_edge.i
        last = token.i  # the described noun, without the participle's own words
        while last > first + 1 and not token.doc[last - 1].is_alpha:
            last -= 1
        while last > first + 1 and token.doc[last - 1].dep_ == "advmod":
            last -= 1  # "also known as"
            while last > first + 1 and not token.doc[last - 1].is_alpha:
                last -= 1
        ranges.append((first, last))
    return sorted(ranges)


def hearsay(token: Token) -> Ranges:
    """ "Ortiz reportedly met the council on Monday": the writer passes on what someone said
    without naming them; the clause around the adverb is the content."""
    if token.lower_ not in HEARSAY_ADVERBS or token.dep_ != "advmod":
        return []
    clause = token.head
    own = {t.i for t in token.subtree}
    rest = [t.i for t in clause.subtree if t.i not in own]
    while rest and clause.doc[rest[-1]].is_punct:
        rest.pop()  # the sentence's full stop
    before = [i for i in rest if i < token.i]
    after = [i for i in rest if i > token.i]
    return [(min(side), max(side) + 1) for side in (before, after) if side]


def sourceless(token: Token) -> Ranges:
    return appearance(token) or reputation(token) or hearsay(token)
