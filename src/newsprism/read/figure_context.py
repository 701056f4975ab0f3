"""What a figure or date belongs to in its sentence: the events (verbs and event nouns) its phrase
hangs from, and the places that event is set at. Figures and dates of different outlets are set
against each other only when these meet (see :mod:`newsprism.compare`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token


def predicate_of(token: Token) -> str | None:
    """Lemma of the verb a figure's phrase hangs from ("paid nearly $44 million" -> pay), so that
    figures of different events are told apart; None for a verbless phrase (a headline)."""
    node = token
    for _ in range(8):
        if node.pos_ == "VERB":
            return node.lemma_.lower()
        if node.head.i == node.i:
            return node.lemma_.lower() if node.pos_ == "AUX" else None
        node = node.head
    return None


# Nouns of time ("on the morning of Wednesday") locate a figure or date; they are no event.
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "week", "month", "year", "time",
              "hour", "minute", "weekend", "date", "period", "noon", "midnight", "dawn"}
# Clausal links through which a noun is the subject or object of another verb: "leaving 67 ships
# waiting" (xcomp), "ships that were waiting" (relcl), "ships waiting at anchor" (acl).
CLAUSAL = {"xcomp", "ccomp", "acl", "relcl"}
ARGUMENT_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def predicates_of(token: Token) -> list[str]:
    """The events a figure's (or date's) phrase belongs to, as lemmas: the verb it hangs from,
    the noun it attaches to on the way ("a win by nine votes", "the evacuation on Tuesday"), the
    object of that verb when it names the event ("signed the evacuation order"), and the verbs
    the counted noun is itself subject or object of ("leaving 67 ships waiting" -> leave, wait).

    Two figures (or dates) belong to one event when these sets meet; a single head verb is too
    narrow a test, since outlets re-word a clause far more often than they change the event."""
    found: list[Token] = []
    governing = _governing_verb(token, found)
    if governing is not None:
        found.append(governing)
        found.extend(c for c in governing.children
                     if c.dep_ == "dobj" and c.i != token.i and _is_event_noun(c))
        found.extend(c for c in governing.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    found.extend(c for c in token.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    if token.dep_ in ARGUMENT_ROLES and token.head.pos_ == "VERB":
        found.extend(c for c in token.head.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    lemmas: list[str] = []
    for node in found:
        for word in [node, *(c for c in node.children if c.dep_ == "compound" and
                             _is_event_noun(c))]:
            if word.lemma_.lower() not in lemmas:
                lemmas.append(word.lemma_.lower())
    return lemmas


def _governing_verb(token: Token, nouns: list[Token]) -> Token | None:
    """Walk up from ``token`` to the first verb; note on ``nouns`` the first common noun passed on
    the way (the nominal event the phrase attaches to)."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ == "VERB":
            return node
        if not nouns and node.pos_ == "NOUN" and _is_event_noun(node):
            nouns.append(node)
    return None


def _is_event_noun(token: Token) -> bool:
    return (token.pos_ == "NOUN" and token.lemma_.lower() not in TIME_NOUNS
            and token.ent_type_ not in ("DATE", "TIME"))


def setting_of(token: Token) -> list[str]:
    """Places the figure's own event is located at ("killed in Homs" -> homs): place names governed,
    through prepositions and nouns only, by the figure's verb, the noun it attaches to or the
    counted noun. Places elsewhere in the sentence (a dateline, "Europe's largest port") are
    not where the figure happened."""
    anchors = {token.i}
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        anchors.add(node.i)
        if node.pos_ in ("VERB", "AUX"):
            break
    places: list[str] = []
    for ent in token.doc.ents:
        if ent.label_ not in PLACE_LABELS or ent.sent != token.sent:
            continue
        if _reaches_through_preposition(ent.root, anchors):
            key = re.sub(r"^the\s+", "", ent.text.lower())
            if key not in places:
                places.append(key)
    return places


def _reaches_through_preposition(root: Token, anchors: set[int]) -> bool:
    """The place is the object of a preposition hanging from an anchor, possibly through the
    nouns of a longer phrase ("in an attack in Homs"), never through another verb."""
    node, hops = root, 0
    while node.head.i != node.i and hops < 6:
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i in anchors:
            return True
        node, hops = node.head, hops + 1
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False
