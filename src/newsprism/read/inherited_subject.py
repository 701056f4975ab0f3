"""The speaker of a cue verb with no subject of its own, borrowed from the words it hangs on.

"Grijalva was the first Democrat to endorse Sanders", "Deacon had nothing bad to say about
Sanders", "Khan has mounted a campaign to condemn Trump", "he scored endorsements by citing his
Iowa results", "Trump has a long history of blaming others": an infinitive describing a noun, or
a gerund after a preposition, is done by whoever does or holds what it hangs on. Used by
:func:`newsprism.read.reported.reported` where the verb's own subject, a controller and a
shared subject are all missing.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsprism.read.speakers import SUBJECT_DEPS, is_dateline

# How far up a subjectless verb looks for a subject ("in addition to stating …, Clinton has
# vowed": stating → to → addition → in → vowed is four steps).
MAX_STEPS = 5
# Links a nonfinite verb, and the noun or preposition it hangs on, share a doer across.
VERB_LINKS = {"xcomp", "advcl", "conj", "pcomp", "acomp"}
NOUN_LINKS = {"dobj", "attr", "pobj", "prep", "oprd"}
COPULAS = {"be"}


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# "the first Democrat to endorse", "the only contender to have pledged": an infinitive after
# one of these tells an act that happened; after other nouns it is mostly one still to come
# ("had an opportunity to show", "no plans to endorse", "under pressure to offer": train).
RANKING_WORDS = {"first", "only", "last", "latest", "second", "third"}
# Nouns of a drive someone is on: "mounted a campaign to condemn", "in a bid to persuade",
# "Turkey's refusal to acknowledge" (train: 5 of 8 such infinitives annotated).
ACT_NOUNS = {"campaign", "bid", "effort", "attempt", "refusal"}


def _has_to_say(verb: Token, noun: Token) -> bool:
    """ "Deacon had nothing bad to say about Sanders", "he will have more to say": what someone
    has to say is theirs to say."""
    return verb.lemma_.lower() == "say" and noun.dep_ == "dobj" and noun.head.lemma_ == "have"


def _describes_noun(verb: Token) -> bool:
    """ "the first Democrat to endorse Sanders", "one of the first to cheer", "a campaign to
    condemn Trump", "nothing to say": an infinitive the parse hangs on a ranked noun, a noun of
    a drive or the thing someone has to say, with no relative word of its own."""
    if verb.dep_ not in {"acl", "relcl"} or not _infinitive(verb):
        return False
    noun = verb.head
    if any(c.lower_ == "no" for c in noun.children):
        return False  # "made no effort to introduce a tax": an act not done reports nothing
    ranked = noun.lower_ in RANKING_WORDS or any(c.lower_ in RANKING_WORDS for c in noun.children)
    return ranked or noun.lemma_.lower() in ACT_NOUNS or _has_to_say(verb, noun)


def _subject(token: Token) -> Token | None:
    """The nearest subject before the verb, not the place of a dateline ("Philadelphia (AFP) –
    Obama will spearhead an effort …")."""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    named = [_past_dateline(c) for c in subjects]
    subjects = [c for c in named if c is not None]
    before = [c for c in subjects if c.i < token.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _past_dateline(subject: Token) -> Token | None:
    """ "New York (AFP) – Vice President Joe Biden on Monday hit …": the parse makes the place
    the subject and the name its apposition; the name is who acts."""
    if not is_dateline(subject):
        return subject
    people = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return people[0] if people else None


def _named_by_copula(noun: Token) -> Token | None:
    """ "The first member of Congress to endorse him was Chris Collins": the noun is the subject
    of "be" and the one named after it is who did it."""
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_.lower() not in COPULAS:
        return None
    return next((c for c in be.children if c.dep_ == "attr"), None)


def inherited_subject(verb: Token) -> Token | None:
    """Who speaks for a subjectless infinitive or gerund, climbing through the noun, preposition
    or verb it hangs on to the nearest subject or owner; ``None`` when none is in reach."""
    if not (_describes_noun(verb) or verb.dep_ in VERB_LINKS):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "his policy of not attacking Trump": an act not done reports nothing
    node = verb.head
    for _ in range(MAX_STEPS):
        if node.pos_ in {"NOUN", "PROPN", "PRON"}:
            owner = next((c for c in node.children if c.dep_ == "poss"), None)
            if owner is not None:  # "their strategy of attacking him", "his bid to persuade"
                return owner
            if (named := _named_by_copula(node)) is not None:
                return named
        elif (subject := _subject(node)) is not None:
            return subject
        if node.dep_ not in VERB_LINKS | NOUN_LINKS or node.head is node:
            return None
        node = node.head
    return None
