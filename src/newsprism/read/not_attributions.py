"""Cues that attribute nothing: the verb of saying or stance is asked about, prescribed or
supposed, not reported, or what it would report is only a pronoun.

"Do you support Ortiz?", "Ortiz must explain the delay", "asked whether she would endorse the
mayor", "he asked me": a reader learns nothing that anyone said or holds from them; PolNeAR
leaves most of them out. :func:`not_an_attribution` is asked once a cue has its content.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsprism.read.speakers import SUBJECT_DEPS, is_speech_verb

AUX_DEPS = {"aux", "auxpass"}
PRESCRIBING_MODALS = {"should", "must", "ought"}
SUPPOSING_MODALS = {"would", "could", "might"}
QUESTION_MARKS = {"whether", "if"}
WH_TAGS = {"WDT", "WP", "WP$", "WRB"}
CLOSING = "\"'”’ \n\t"
PERSONAL_PRONOUNS = {
    "it", "him", "her", "them", "me", "us", "you", "himself", "herself", "themselves", "itself",
}  # fmt: skip

Ranges = list[tuple[int, int]]


def _auxiliaries(cue: Token) -> list[Token]:
    return [c for c in cue.children if c.dep_ in AUX_DEPS]


def asked_about(cue: Token) -> bool:
    """ "Do you support Ortiz?", "Will voters still want a change?": the verb of a yes-or-no
    question, its auxiliary before its subject, asks whether someone holds the view; nobody is
    said to. ("Why did Ortiz back the plan?" takes it as done, and stays.)"""
    if not cue.sent.text.rstrip(CLOSING).endswith("?"):
        return False
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return False
    inverted = [a for a in _auxiliaries(cue) if a.i < subject.i]
    if not inverted:
        return False
    opening = cue.doc[cue.sent.start : inverted[0].i]
    return not any(t.tag_ in WH_TAGS for t in opening)


def prescribed(cue: Token) -> bool:
    """ "Ortiz must explain the delay", "the board should endorse the plan": what someone ought
    to say or back, in the writer's view; the subject has not said or backed it. ("She must have
    told them" guesses at something said, and stays.)"""
    auxiliaries = _auxiliaries(cue)
    if any(a.lemma_ == "have" for a in auxiliaries):
        return False
    ought = cue.dep_ == "xcomp" and cue.head.lower_ == "ought"  # the parse's root, "to" its aux
    return ought or any(a.lower_ in PRESCRIBING_MODALS for a in auxiliaries)


def wondered(cue: Token) -> bool:
    """ "asked whether she would endorse the mayor", "unclear if he would back the deal": the
    open question of what someone would say or back; whoever asks it, the subject has not."""
    auxiliaries = _auxiliaries(cue)
    return any(a.lower_ in SUPPOSING_MODALS for a in auxiliaries) and any(
        c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in cue.children
    )


def addressee_only(cue: Token, ranges: Ranges) -> bool:
    """ "he asked me", "Democrats urging him", "described it in print": a verb of saying whose
    only object is a pronoun names whom it was said to or what was spoken of, not what was
    said. (Its object after "to" is no such thing: "responded to a request for comment" is
    how PolNeAR, and a reader, take a refusal to answer.)"""
    if len(ranges) != 1 or ranges[0][1] - ranges[0][0] != 1 or not is_speech_verb(cue):
        return False
    return cue.doc[ranges[0][0]].lower_ in PERSONAL_PRONOUNS


def not_an_attribution(cue: Token, ranges: Ranges) -> bool:
    return asked_about(cue) or prescribed(cue) or wondered(cue) or addressee_only(cue, ranges)

