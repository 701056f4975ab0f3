"""Where a dated act is held: what tells two acts of one kind apart.

A story has many acts of one kind: two hearings, two votes. The verb alone ("appear") cannot
tell them apart; the institution an act is held at or before can ("appear before Hollowmere
Crown Court on 19 August" vs "at the magistrates' court on Tuesday"). Reading an act's
participants (agent, patient) was tried and dropped: on real stories it split true pairs.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsprism.read.figure_context import setting_of

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT",
               "PRODUCT"}
# Prepositions that place an act at an institution, and the entities that can be one.
VENUE_PREPOSITIONS = {"at", "before", "in"}
VENUE_LABELS = {"ORG", "FAC", "GPE", "LOC"}


def governing_verb(token: Token) -> Token:
    """The verb the date's phrase hangs from (the root of a verbless sentence)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def setting_and_venue(token: Token) -> list[str]:
    """Where the dated act takes place: the places of
    :func:`~newsprism.read.figure_context.setting_of`, and the institution a hearing, a vote or
    a speech is held at or before ("appear before Hollowmere Crown Court on 19 August")."""
    places = setting_of(token)
    for prep in governing_verb(token).children:
        if prep.dep_ != "prep" or prep.lower_ not in VENUE_PREPOSITIONS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.ent_type_ in VENUE_LABELS:
                name = _name(pobj)
                if name and name not in places:
                    places.append(name)
    return places


def _name(token: Token) -> str | None:
    """The name ``token`` belongs to, lower-cased, without a leading "the": its named entity,
    else a proper noun the tagger left without one ("the Sixers", with its compounds)."""
    if token.ent_type_ in NAME_LABELS:
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is not None:
            return re.sub(r"^the\s+", "", entity.text.lower())
    capitalised = token.text[:1].isupper() and not token.is_sent_start
    if token.tag_ in ("NNP", "NNPS") or (token.tag_.startswith("NN") and capitalised):
        words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        return " ".join(t.lower_ for t in [*words, token])
    return None
