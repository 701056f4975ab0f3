"""Where the small parser loses the speaker, and the news-writing conventions that find it again.

Each function takes the cue (a verb of saying) and returns the token the attribution rests on,
or ``None`` when the convention does not apply; :func:`newsprism.read.speakers.speaker_token`
tries them when the dependency parse gives no usable subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from newsprism.read.coref import ROLE_NOUNS
from newsprism.read.cues import SUBJECT_DEPS

TIME_ENTITIES = {"DATE", "TIME"}
NAME_PHRASE_POS = {"DET", "ADJ", "PROPN", "NOUN", "NUM"}
# Words that stand for a speaker on their own after an inverted cue ("…,” tweeted another").
STANDING_FOR_SPEAKER = {"another", "one", "others", "both"}
QUOTE_CHARACTERS = "\"'“”‘’«»„"
# What someone says or writes, which speaks for them: "Ortiz's statement said …"
WORDS_OF_SOMEONE = {
    "statement", "comment", "remark", "letter", "post", "tweet", "message", "email", "e-mail",
    "reply", "response", "speech", "remarks", "words", "memo", "release", "website", "ad",
    "advertisement", "editorial", "column", "op-ed", "book", "video", "note", "testimony",
    "announcement", "complaint", "lawsuit", "filing", "plan", "proposal", "platform",
}


def _previous(token: Token) -> Token | None:
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def _closes_quote(token: Token | None) -> bool:
    return token is not None and (token.is_quote or token.text in QUOTE_CHARACTERS)


def follows_quote(cue: Token) -> bool:
    """ "“…,” said Ann Ortiz": the cue comes right after the quoted words it attributes."""
    before = _previous(cue)
    if _closes_quote(before):
        return True
    return before is not None and before.text == "," and _closes_quote(_previous(before))


FINITE_TAGS = {"VBD", "VBZ", "VBP", "VBN"}


def can_invert(cue: Token) -> bool:
    """Speaker after the verb ("…,” said Ann Ortiz", "…, added a party official") is an inversion
    only a finite verb with no auxiliary allows; a participle or an infinitive ("calling Ortiz a
    liar", "to endorse Ortiz") is followed by its object."""
    return cue.tag_ in FINITE_TAGS and not any(c.dep_ in {"aux", "auxpass"} for c in cue.children)


def _inside(spans: Sequence[tuple[int, int]], token: Token) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def named_after_cue(cue: Token, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """ "“The risk,” said Ed Lamar, an economist who …, “is …”": after a quote, an inverted cue is
    followed by its speaker, whatever the parse made of it (often the subject of the next quoted
    clause). The head of the noun phrase written right after the cue; a day ("said Tuesday")
    or anything but a noun phrase is not a speaker. A phrase with no noun ends on its head
    ("said the 46-year-old", "tweeted another")."""
    if not follows_quote(cue):
        return None
    head = last = None
    i = cue.i + 1
    while i < len(cue.doc):
        token = cue.doc[i]
        if token.is_space:
            i += 1
            continue
        capitalised = token.is_alpha and token.text[:1].isupper()
        if (token.ent_type_ in TIME_ENTITIES and not is_age(token)) or _inside(quoted, token):
            break
        modifies = token.dep_ in {"amod", "compound"} and token.head.i > token.i
        joined = token.text == "-" and not token.whitespace_ and last is not None
        goes_on = capitalised or modifies or joined or token.lower_ in STANDING_FOR_SPEAKER
        if token.pos_ not in NAME_PHRASE_POS and not goes_on:
            break  # "said retired dentist Tom Baker": a participle modifying the name goes on
        if token.pos_ in {"PROPN", "NOUN"} or capitalised:
            head = token
        last = token
        i += 1
    if head is None and last is not None and last.pos_ in {"ADJ", "PRON"}:
        return last  # "the 46-year-old", "another"
    return head


_AGE = re.compile(r"\b\w+[-–](?:year|month|week)[-–]old\b")


def is_age(token: Token) -> bool:
    """A word of "the 46-year-old", which the tagger labels a date: a person named by age."""
    doc = token.doc
    window = doc[max(0, token.i - 4) : token.i + 5]
    start = window.start_char
    return any(
        start + m.start() <= token.idx < start + m.end() for m in _AGE.finditer(window.text)
    )


AUTHOR_PREPOSITIONS = {"by", "from"}


def author_of(work: Token) -> Token | None:
    """ "according to a tally by the Harbour Board", "… to calculations by Ann Ortiz", "… to audio
    provided by Radio Portvale": a count, report or recording speaks for whoever made it, when
    that is named (a proper noun)."""
    if work.pos_ != "NOUN":
        return None
    for child in work.children:
        if child.dep_ == "acl":  # "provided by", "released by"
            child = next((c for c in child.children if c.dep_ == "agent"), child)
        if child.dep_ in {"prep", "agent"} and child.lower_ in AUTHOR_PREPOSITIONS:
            named = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if named:
                return named[0]
    return None


CLAUSE_LINKS = {"advcl", "xcomp", "conj"}
SUBJECTS = {"nsubj", "nsubjpass"}


def clause_owner(participle: Token) -> Token | None:
    """ "Ortiz denied that the port would close, saying …", "Baker rejected the idea that the
    mayor would resign, pointing to …": a participle after a comma closes the sentence and
    speaks for the subject of its main clause, though the parser often hangs it on the last verb
    of the clause reported before it. The main verb whose complement that verb is, or ``None``
    when the participle hangs on a main clause already."""
    before = _previous(participle)
    if participle.tag_ != "VBG" or before is None or before.text not in {",", "—", "–", "-"}:
        return None
    if any(c.dep_ in SUBJECTS for c in participle.children) or participle.dep_ not in CLAUSE_LINKS:
        return None
    clause = participle.head
    while clause.dep_ in CLAUSE_LINKS and clause.head is not clause:
        clause = clause.head
    if clause.dep_ == "ccomp":
        owner = clause.head
    elif clause.dep_ == "acl" and any(c.dep_ == "mark" for c in clause.children):
        owner = clause.head.head  # "the idea that …": the verb the noun is the object of
    else:
        return None
    return owner if owner.pos_ in {"VERB", "AUX"} and owner.i < participle.i else None


def glued_name(verb: Token) -> Token | None:
    """ "“Go home,” Ortiz barked": the parser sometimes hangs the name before a verb it does not
    know as a compound of that verb; a verb has no compounds, so the name is its subject."""
    if verb.pos_ != "VERB":
        return None
    names = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1] if names else None


# Nouns that say or show things themselves, as PolNeAR reads them ("a poll showing …", "an
# outside group backing …"), and verbs whose subject only passes on or receives what their
# object says ("cited polls showing …", "was handed paperwork ordering …").
SPEAKING_THINGS = {
    "poll", "survey", "group", "member", "staff", "people", "one", "supporter", "voter",
}
PASSING_ON_VERBS = {
    "cite", "point", "receive", "hand", "get", "see", "read", "reference", "mention",
}
# Prepositions by which someone speaks through a thing: "in an article", "during a speech".
THROUGH_PREPOSITIONS = {"in", "on", "during", "with", "through", "via", "at"}


def sender_of(participle: Token) -> Token | None:
    """ "Her campaign sent out an email saying …", "the group issued a statement calling …",
    "Forbes shot back in an article stating …", "the paper has run a string of editorials
    pushing …": what a participle describes, when it is a thing someone puts out or speaks
    through (no name, no person, no poll, no owner of its own), is theirs; the verb that thing
    is the object of, whose subject then speaks."""
    noun = participle.head
    if participle.dep_ != "acl" or participle.tag_ != "VBG" or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if noun.ent_type_ or lemma in ROLE_NOUNS or lemma in SPEAKING_THINGS:
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None  # "in her statement condemning …": its owner speaks (speakers._owner)
    verb = _governing_verb(noun)
    return None if verb is None or verb.lemma_.lower() in PASSING_ON_VERBS else verb


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of: "issued a statement", "shot back in an article", "ran
    a string of editorials", "spent much of his speech"."""
    for _ in range(2):
        if noun.dep_ == "dobj" and noun.head.pos_ in {"VERB", "AUX"}:
            return noun.head
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        preposition, head = noun.head, noun.head.head
        if head.pos_ in {"VERB", "AUX"} and preposition.lower_ in THROUGH_PREPOSITIONS:
            return head
        if head.pos_ not in {"NOUN", "PRON", "ADJ"} or preposition.lower_ != "of":
            return None
        noun = head  # "a string of editorials": the string is the object
    return None


# Verbs that put words out ("released a video that accuses …"); the object's maker speaks.
ISSUING_VERBS = {
    "release", "issue", "run", "post", "publish", "air", "send", "launch", "unveil", "file",
    "tweet", "circulate", "distribute", "blast",
}


def issuer_of(antecedent: Token) -> Token | None:
    """ "Ortiz released a video that accuses Baker of …", "the paper ran a piece that noted …":
    a relative clause's words are said by what it describes, and a video, ad or piece that
    someone puts out speaks for them. The verb that put it out, when the noun is its object."""
    verb = antecedent.head
    if antecedent.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    return verb if verb.lemma_.lower() in ISSUING_VERBS else None


# Verbs whose object does what follows ("led voters to say", "left many wondering").
CAUSING_VERBS = {"lead", "leave", "prompt", "cause", "spur", "drive", "force", "push", "inspire"}
CONTROLLED_DEPS = {"xcomp", "ccomp", "oprd"}


def controller(verb: Token) -> Token | None:
    """ "The timing led Republicans to say …", "…, leaving some to question whether …": after a
    verb of causing, the one who speaks is its object, not its subject. That object, or
    ``None``."""
    head = verb.head
    if verb.dep_ not in CONTROLLED_DEPS or head.lemma_.lower() not in CAUSING_VERBS:
        return None
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
    return objects[0] if objects and objects[0].lower_ not in {"it", "this", "that"} else None


FINITE_TAGS = {"VBD", "VBZ", "VBP"}
SUBORDINATE_DEPS = {"ccomp", "advcl", "relcl", "acl"}


def _finite(verb: Token) -> bool:
    """A verb in a tense of its own ("said", "has said", "was told"), not one under a modal
    ("would close") or a bare participle or infinitive."""
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in verb.children
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def coordinated_with(verb: Token) -> Token | None:
    """The verb a subjectless conjunct shares its subject with when the parse hung it too low.
    "Hastily leaving, Ortiz cast the blame on them, and stressed …": every conjunct hangs on the
    opening participle, so "stressed" goes with the nearest conjunct before it that has a
    subject. "Ortiz backed off his claim that the port would close, and blamed …": a finite verb
    is not joined to the modal or participle clause it was hung on but to the verb governing
    that clause."""
    if verb.dep_ != "conj" or verb.head is verb:
        return None
    head = verb.head
    if not _has_subject(head):
        earlier = [
            c for c in head.children
            if c.dep_ == "conj" and c.i < verb.i and c.pos_ in {"VERB", "AUX"} and _has_subject(c)
        ]
        return earlier[-1] if earlier else None
    lower = not _finite(head) and head.dep_ in SUBORDINATE_DEPS
    if verb.tag_ in FINITE_TAGS and lower and head.head is not head:
        return head.head
    return None
