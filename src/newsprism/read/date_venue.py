"""Where a dated act is held and who takes part in it: what tells two acts of one kind apart.

A story has many acts of one kind: two hearings, two firings, two signings, two games. The verb
alone ("appear", "fired", "signed", "play") cannot tell them apart; the institution an act is held
at or before can ("appear before Hollowmere Crown Court on 19 August" vs "at the magistrates'
court on Tuesday"), and so can its participants, read here as ``role:name``:

- ``patient``: the named person or body the act is done to (the object, the subject of a passive
  verb, the noun a participle or relative clause describes: "Pike, fired on June 8"),
- ``thing``: what the act is done to when that is a described thing rather than a name ("signed
  an executive order", "a spending bill signed by ..."); a bare "the bill" refers back to
  something named earlier and says nothing of which thing it is, so it is not kept,
- ``agent`` (a person) and ``doer`` (any name): who acts (the subject, also of a clause that
  borrows it: "Smith improved to 5-1 and advances to play Saturday"; the "by" phrase),
- ``party``: the sides a contest or meeting noun lists ("Friday's game between A and B"),
- ``instance``: the ordinal naming which of several acts of a kind ("the second semifinal"),
- ``noun``: a doer or patient written as a common noun, by its lemma ("states that vote on
  March 1" -> state, "voters approved the bond" -> voter). A common noun names no one in
  particular, so it never tells two acts apart; two dates whose acts have one in common show,
  like a shared name, that they may be one act (:func:`newsprism.compare.date_acts.one_act_shown`).

- ``owner``: a name inside a doer's or patient's phrase ("White House officials", "Colorado
  voters"): the body they act for,
- ``clause``: any other name the date's own clause mentions ("... senator since Edward Brooke
  held the seat from 1966"): when the parse misses who acted, the name is still in the clause.

"He" and "she" as a doer are the person they stand for (resolved as a reader would, through
:class:`newsprism.read.salience.Salience`): "as he turns to the contests" is the act of the
senator named before, not an act no one is named in. A "he" in a clause that hangs on another
clause of its sentence is that clause's subject ("the senator must prepare ... as he turns"); a
subject that is a role ("the senator") names no one for sure, so the doer is then left unnamed.

A date that hangs on an event noun ("Friday's semifinal between A and B") dates that noun's act,
not the verb's ("C will play the winner of Friday's semifinal"): its participants are the
noun's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsprism.model import Article, Mention
from newsprism.read.coref import quoted_offsets, resolve
from newsprism.read.cues import POSSESSIVE_PRONOUNS, PRONOUN_GENDER
from newsprism.read.figure_context import setting_of
from newsprism.read.salience import Salience

# Who a "he" or "she" token stands for, as a lower-case name (None when unknown).
PronounResolver = Callable[[Token], "str | None"]

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT",
               "PRODUCT"}
# Prepositions that place an act at an institution, and the entities that can be one.
VENUE_PREPOSITIONS = {"at", "before", "in"}
VENUE_LABELS = {"ORG", "FAC", "GPE", "LOC"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
# Prepositions that list every side of a contest or meeting ("the game between A and B").
PARTY_PREPOSITIONS = {"between"}
# Modifiers that describe a thing ("an executive order", "a spending bill").
DESCRIBING = {"amod", "compound", "nmod"}
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "final", "last", "opening"}
# Nouns that only count or group what follows "of" ("a host of states that vote"): the
# participant is the counted noun.
QUANTIFIER_NOUNS = {"host", "number", "lot", "handful", "majority", "group", "set", "series",
                    "couple", "dozen", "dozens", "hundreds", "thousands", "millions", "pair",
                    "range", "variety", "bunch", "score", "scores", "rest", "most", "all", "some",
                    "many", "few", "several", "half", "each", "both"}
# Relative adverbs: "South Carolina, where voters cast ballots on Feb. 27" places the act; the
# noun they describe takes no part in it.
RELATIVE_ADVERBS = {"where", "when", "whereby"}
# Links through which a clause hangs on another (its "he" is that clause's subject); and the
# ones that start a clause of its own (its names are not the dated clause's).
SUBORDINATE = {"advcl", "ccomp", "xcomp", "conj"}
OTHER_CLAUSES = {"conj", "ccomp", "advcl", "parataxis", "relcl"}
TIME_WORDS = {"day", "week", "month", "year", "time", "season", "night", "morning", "afternoon",
              "evening", "today", "yesterday", "tomorrow"}


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


def pronoun_resolver(article: Article, doc: Doc) -> PronounResolver:
    """Who each "he"/"she" of the article stands for, outside quotations (a quotation's "he"
    is the speaker's). The coreference is built on first use: most dates have no pronoun."""
    built: list[tuple] = []

    def resolve_pronoun(token: Token) -> str | None:
        word = token.lower_
        if PRONOUN_GENDER.get(POSSESSIVE_PRONOUNS.get(word, word)) is None:
            return None
        if not built:
            quoted = quoted_offsets(article)
            coref = resolve([article])
            built.append((coref, Salience(article, doc, coref, quoted), quoted))
        coref, salience, quoted = built[0]
        if any(a <= token.idx < b for a, b in quoted):
            return None
        subject = _governing_subject(token)
        if subject is not None and subject.pos_ == "NOUN" and _name(subject) is None:
            return None  # "the senator ... as he turns": a role, whose name is only a guess
        cluster = salience.resolve(token)
        return coref.clusters[cluster].name.lower() or None if cluster is not None else None

    return resolve_pronoun


def _governing_subject(pronoun: Token) -> Token | None:
    """The subject of the clause a pronoun's clause hangs on, in its own sentence ("the
    senator must prepare ... as he turns" -> senator), when that subject is no pronoun."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    for _ in range(4):
        if clause.dep_ not in SUBORDINATE or clause.head.i == clause.i:
            return None
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject if subject.pos_ in ("NOUN", "PROPN") else None
    return None


def participants_of(date: Span, mentions: list[Mention] | None = None,
                    pronoun: PronounResolver | None = None) -> list[str]:
    """``role:name`` participants of the act the ``date`` phrase dates (see the module).
    ``mentions``: the entity reader's name mentions, which find names the tagger leaves
    untagged (a surname opening a sentence); ``pronoun``: who a "he"/"she" stands for."""
    mentions = mentions or []
    token = date.root
    noun = _event_noun(token)
    found: list[str] = []
    resolver = pronoun or (lambda _token: None)
    if noun is not None:
        _noun_roles(noun, token, mentions, found, resolver)
    else:
        verb = governing_verb(token)
        if verb.pos_ in ("VERB", "AUX"):
            _verb_roles(verb, mentions, found, resolver)
    _clause_names(noun or governing_verb(token), mentions, found)
    # The date itself is no participant, though the parser may take it for an object ("to
    # play Saturday").
    own = {_name(t, mentions) for t in date} | {date.text.lower()}
    return [p for p in found if p.split(":", 1)[1] not in own]


def _clause_names(head: Token, mentions: list[Mention], found: list[str]) -> None:
    """Names in the dated clause (``head``'s subtree, other clauses left out) that no role
    holds yet."""
    held = {p.split(":", 1)[1] for p in found}
    for token in head.subtree:
        if token.i == head.i or not _in_own_clause(token, head):
            continue
        name = _name(token, mentions)
        if name and name not in held and token.ent_type_ not in ("DATE", "TIME", "CARDINAL",
                                                                   "ORDINAL"):
            held.add(name)
            _add(found, "clause", name)


def _in_own_clause(token: Token, head: Token) -> bool:
    node = token
    while node.i != head.i:
        if node.dep_ in OTHER_CLAUSES:
            return False
        node = node.head
    return True


def _event_noun(token: Token) -> Token | None:
    """The common noun the date's phrase attaches to on its way up to a verb ("Friday's game",
    "the vote on Tuesday"), if any."""
    node = token
    for _ in range(8):
        if node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            return None
        node = node.head
        if node.pos_ == "NOUN" and node.ent_type_ not in ("DATE", "TIME") \
                and node.lemma_.lower() not in TIME_WORDS:
            return node
    return None


def _noun_roles(noun: Token, date: Token, mentions: list[Mention], found: list[str],
                resolver: PronounResolver) -> None:
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in ORDINALS:
            _add(found, "instance", child.lower_)
        elif child.dep_ == "prep" and child.lower_ in PARTY_PREPOSITIONS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                for member in _with_conjuncts(pobj):
                    _add(found, "party", _name(member, mentions))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                _add(found, "patient", _name(pobj, mentions))
        elif child.dep_ == "poss" and child.i != date.i and not _within(child, date):
            _add_doer(found, child, mentions, resolver)
        elif child.dep_ == "compound" and child.pos_ == "PROPN" and not _within(child, date):
            # "the New Hampshire primary": the contest's owner, as "New Hampshire's primary"
            _add_doer(found, child, mentions, resolver)


def _verb_roles(verb: Token, mentions: list[Mention], found: list[str],
                resolver: PronounResolver) -> None:
    # A bare participle describing a noun ("Pike, fired on June 8") is passive; the tagger
    # often calls it a past tense.
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD")) or _comma_participle(verb)
    roles: list[tuple[str, Token]] = []
    for child in verb.children:
        if child.ent_type_ in ("DATE", "TIME"):
            continue
        if child.dep_ == "nsubj":
            roles.append(("patient" if passive else "doer", child))
        elif child.dep_ in ("nsubjpass", "dobj"):
            roles.append(("patient", child))
        elif child.dep_ == "agent":
            roles += [("doer", c) for c in child.children if c.dep_ == "pobj"]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "Pike, fired on June 8": the noun a participle describes is its patient (its doer for
        # an active one); "Pike, who was fired": the relative pronoun's role.
        pronoun = next((role for role, t in roles if t.lower_ in RELATIVE_PRONOUNS), None)
        roles = [(role, t) for role, t in roles if t.lower_ not in RELATIVE_PRONOUNS]
        if not any(c.lower_ in RELATIVE_ADVERBS for c in verb.children):
            roles.append((pronoun or ("patient" if passive else "doer"), verb.head))
    elif not any(role == "doer" or (role == "patient" and passive) for role, _ in roles):
        subject = _borrowed_subject(verb)
        if subject is not None:
            roles.append(("patient" if passive else "doer", subject))
    for role, head in roles:
        for member in _with_conjuncts(_counted(head)):
            if role == "doer":
                _add_doer(found, member, mentions, resolver)
            elif role == "patient":
                _add_owners(found, member, mentions)
                name = _name(member, mentions) or resolver(member)
                if name:
                    _add(found, "patient", name)
                else:
                    _add(found, "thing", _thing(member))
                    _add(found, "noun", _common_noun(member))


def _counted(token: Token) -> Token:
    """"a host of states" -> states: a quantifier noun stands for what it counts."""
    if token.lemma_.lower() not in QUANTIFIER_NOUNS:
        return token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return counted if counted is not None else token


def _borrowed_subject(verb: Token) -> Token | None:
    """The subject a verb without one borrows: "X improved and advances to play": play's
    subject is advance's, which is improve's."""
    node = verb
    for _ in range(4):
        participle = node.dep_ == "advcl" and node.tag_ == "VBG" and not any(
            c.dep_ == "mark" for c in node.children)  # "..., warning on Monday that"
        if not (node.dep_ in ("xcomp", "conj") or participle) or node.head.i == node.i:
            return None
        node = node.head
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return None if subject.lower_ in RELATIVE_PRONOUNS else subject
    return None


def _add_owners(found: list[str], token: Token, mentions: list[Mention]) -> None:
    """Names inside a doer's or patient's own phrase ("White House officials", "Colorado
    voters", "the IRS official"): the body the people act for."""
    own = _name(token, mentions)
    # The head's own modifiers, and those of a title before a name ("Eastport Council adviser
    # Tom Reyes"); never a name further inside the phrase ("the senator since Edward Brooke").
    modifiers = [c for c in token.children if c.dep_ in ("compound", "poss", "amod", "nmod")]
    modifiers += [g for c in modifiers if c.pos_ == "NOUN" for g in c.children
                  if g.dep_ in ("compound", "poss", "amod", "nmod")]
    for word in modifiers:
        name = _name(word, mentions)
        if name and name != own:
            _add(found, "owner", name)


def _add_doer(found: list[str], token: Token, mentions: list[Mention],
              resolver: PronounResolver) -> None:
    _add_owners(found, token, mentions)
    name = _name(token, mentions)
    person = name is not None and _label(token, mentions) == "PERSON"
    if name is None:
        name = resolver(token)
        person = name is not None  # only "he" and "she" resolve: a person
    if name is None:
        _add(found, "noun", _common_noun(token))
        return
    _add(found, "doer", name)
    if person:
        _add(found, "agent", name)


def _common_noun(token: Token) -> str | None:
    """The lemma of a common noun outside any name ("states", "the electorate")."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return None
    return token.lemma_.lower()


def _thing(token: Token) -> str | None:
    """A described thing ("an executive order" -> "executive order"), not a bare or pronoun
    reference back ("the bill", "it")."""
    if token.pos_ != "NOUN":
        return None
    described = [c for c in token.children if c.dep_ in DESCRIBING and c.i < token.i
                 and c.pos_ in ("ADJ", "NOUN", "PROPN") and not c.ent_type_
                 and c.lower_ not in ORDINALS]
    if not described:
        return None
    return " ".join([*(c.lemma_.lower() for c in described), token.lemma_.lower()])


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.children if c.dep_ == "conj")]


def _within(token: Token, date: Token) -> bool:
    return any(t.i == date.i for t in token.subtree)


def _add(found: list[str], role: str, name: str | None) -> None:
    if name and f"{role}:{name}" not in found:
        found.append(f"{role}:{name}")


def _comma_participle(verb: Token) -> bool:
    """"Pike, fired on June 8, is seeking …": a comma never parts a subject from its finite
    verb, so an object-less past form right after "<subject>," is a participle describing it
    (the parser often takes it for the sentence's verb)."""
    doc = verb.doc
    return (verb.tag_ in ("VBN", "VBD") and verb.i >= 2 and doc[verb.i - 1].text == ","
            and doc[verb.i - 2].dep_ == "nsubj" and doc[verb.i - 2].head.i == verb.i
            and not any(c.dep_ == "dobj" for c in verb.children))


def _mention_at(token: Token, mentions: list[Mention]) -> Mention | None:
    return next((m for m in mentions if m.start <= token.idx < m.end
                 and m.label in NAME_LABELS), None)


def _label(token: Token, mentions: list[Mention]) -> str:
    """The entity label of the name ``token`` belongs to ("" for none)."""
    mention = _mention_at(token, mentions)
    return mention.label if mention is not None else token.ent_type_


def _name(token: Token, mentions: list[Mention] | None = None) -> str | None:
    """The name ``token`` belongs to, lower-cased, without a leading "the": the reader's name
    mention over it, its named entity, else a proper noun the tagger left without one ("the
    Sixers", with its compounds)."""
    mention = _mention_at(token, mentions or [])
    if mention is not None:
        return re.sub(r"^the\s+", "", mention.text.lower())
    if token.ent_type_ in NAME_LABELS:
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is not None:
            return re.sub(r"^the\s+", "", entity.text.lower())
    capitalised = token.text[:1].isupper() and not token.is_sent_start
    if token.tag_ in ("NNP", "NNPS") or (token.tag_.startswith("NN") and capitalised):
        words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        return " ".join(t.lower_ for t in [*words, token])
    return None
