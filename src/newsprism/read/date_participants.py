"""Who takes part in a dated act, and where it is held: what tells two acts of one kind apart.

A story has many acts of one kind: two firings, two hearings, two signings. The verb alone
("fired", "appear") cannot tell them apart, its participants can: "Cheeks, who was fired March 2"
and "O'Brien, fired on June 8" are two firings. So a date keeps the names of its act's
**patient** (who or what the act is done to: the object, the subject of a passive verb, the noun
a participle describes), of its **agent** when a person (who acts: the subject of an active
verb, the "by" phrase of a passive one; a body and the official acting for it, "authorities in
Bucharest" / "the prefect", are one agent under two names, so only people are compared), and
the institution the act is held at or before ("appear before Taunton Crown Court").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsprism.read.figure_context import setting_of

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT",
               "PRODUCT"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
# Prepositions that place an act at an institution, and the entities that can be one.
VENUE_PREPOSITIONS = {"at", "before", "in"}
VENUE_LABELS = {"ORG", "FAC", "GPE", "LOC"}


def governing_verb(token: Token) -> Token:
    """The verb the date's phrase hangs from (the root of a verbless sentence)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


Names = list[tuple[int, int, str, str]]  # the article's name mentions: start, end, text, label


def participants_of(token: Token, names: Names = ()) -> list[str]:
    """``agent:<name>`` and ``patient:<name>`` of the act the date at ``token`` dates, for the
    participants the text names (``names``: the entity reader's mentions, which find names the
    tagger misses, as "Cheeks" opening a sentence)."""
    verb = governing_verb(token)
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    # A bare participle describing a noun ("O'Brien, fired on June 8") is passive; the tagger
    # often calls it a past tense.
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD")) or _comma_participle(verb)
    roles: list[tuple[str, Token]] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            roles.append(("patient" if passive else "agent", child))
        elif child.dep_ in ("nsubjpass", "dobj"):
            roles.append(("patient", child))
        elif child.dep_ == "agent":
            roles += [("agent", c) for c in child.children if c.dep_ == "pobj"]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "O'Brien, fired on June 8": the noun a participle describes is its patient (its
        # agent for an active one); "Brooke, who served": the relative pronoun's role.
        described = verb.head
        pronoun = next((role for role, t in roles if t.lower_ in RELATIVE_PRONOUNS), None)
        roles = [(role, t) for role, t in roles if t.lower_ not in RELATIVE_PRONOUNS]
        roles.append((pronoun or ("patient" if passive else "agent"), described))
    found: list[str] = []
    for role, head in roles:
        for member in [head, *(c for c in head.children if c.dep_ == "conj")]:
            # An act's agent is named as a person, or as the body a person acts for ("the
            # prefect" / "authorities in Bucharest"): only two people tell two agents apart.
            if role == "agent" and _label(member, names) != "PERSON":
                continue
            name = _name(member, names)
            if name and f"{role}:{name}" not in found:
                found.append(f"{role}:{name}")
    return found


def _comma_participle(verb: Token) -> bool:
    """"O'Brien, fired on June 8, is seeking …": a comma never parts a subject from its finite
    verb, so an object-less past form right after "<subject>," is a participle describing it
    (the parser often takes it for the sentence's verb)."""
    doc = verb.doc
    return (verb.tag_ in ("VBN", "VBD") and verb.i >= 2 and doc[verb.i - 1].text == ","
            and doc[verb.i - 2].dep_ == "nsubj" and doc[verb.i - 2].head.i == verb.i
            and not any(c.dep_ == "dobj" for c in verb.children))


def setting_and_venue(token: Token) -> list[str]:
    """Where the dated act takes place: the places of
    :func:`~newsprism.read.figure_context.setting_of`, and the institution a hearing, a vote or
    a speech is held at or before ("appear before Taunton Crown Court on 19 August")."""
    places = setting_of(token)
    for prep in governing_verb(token).children:
        if prep.dep_ != "prep" or prep.lower_ not in VENUE_PREPOSITIONS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.ent_type_ in VENUE_LABELS:
                name = _name(pobj, ())
                if name and name not in places:
                    places.append(name)
    return places


def _label(token: Token, names: Names) -> str:
    """The entity label of the name ``token`` belongs to ("" for none)."""
    label = next((lab for start, end, _, lab in names if start <= token.idx < end), None)
    return label or token.ent_type_


def _name(token: Token, names: Names) -> str | None:
    """The name ``token`` belongs to, lower-cased, without a leading "the": the name mention
    over it, its named entity, else a proper noun the tagger left without one ("the Sixers",
    with its compounds)."""
    mention = next((text for start, end, text, _ in names if start <= token.idx < end), None)
    if mention is not None:
        return re.sub(r"^the\s+", "", mention.lower())
    if token.ent_type_ in NAME_LABELS:
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is not None:
            return re.sub(r"^the\s+", "", entity.text.lower())
    capitalised = token.text[:1].isupper() and not token.is_sent_start
    if token.tag_ in ("NNP", "NNPS") or (token.tag_.startswith("NN") and capitalised):
        words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        return " ".join(t.lower_ for t in [*words, token])
    return None
