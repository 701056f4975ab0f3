"""Who is speaking: the subject of a cue verb, and what a pronoun or role there refers to.

A speaker is the subject of the attribution verb ("Ms Ortiz said", "the chairman called",
"..., saying" → the subject of the verb it hangs on). When the parse gives a subject that cannot
speak (a parser slip), the name written right before the verb is used instead. Pronouns are
resolved in :mod:`newsprism.read.salience`; the lexicons are in :mod:`newsprism.read.cues`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsprism.model import Article, Span
from newsprism.read.coref import PERSON, ROLE, is_indefinite
from newsprism.read.cues import (  # noqa: F401  (the lexicons, re-exported)
    ATTITUDE_VERBS,
    CUE_VERBS,
    HUMAN_PRONOUNS,
    NON_SPEAKERS,
    OBJECT_DEPS,
    OBJECT_PREPOSITIONS,
    POSSESSIVE_PRONOUNS,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    STANCE_VERBS,
    SUBJECT_DEPS,
)
from newsprism.read.roles import adjacent_name
from newsprism.read.salience import Salience
from newsprism.read.speaker_layout import (
    before_cue,
    can_speak,
    mention_at,
    named_after_quote,
    named_before_apposition,
    named_in_as_clause,
    participle_owner,
    person_close_before,
    quoted_at,
    relative_clause_head,
    relative_opening,
    surname_before,
)
from newsprism.read.speaker_slips import (
    WORDS_OF_SOMEONE,
    author_of,
    can_invert,
    clause_owner,
    controller,
    coordinated_with,
    glued_name,
    is_age,
    issuer_of,
    named_after_cue,
    sender_of,
)

RELATIVE_PRONOUNS = {"who", "that", "which"}


def verb_lemma(token: Token) -> str:
    """The token's lemma, with the silent e the small model strips from some verbs put back
    ("hoped" → "hop" → "hope") when that gives a verb of the lexicons."""
    lemma = token.lemma_.lower()
    if lemma not in CUE_VERBS and lemma + "e" in CUE_VERBS and token.lower_ != lemma:
        return lemma + "e"
    return lemma


def _puts_it(token: Token) -> bool:
    """ "As Ann Ortiz put it, …": the idiom of saying, "put" with "it" and nowhere to put it."""
    children = list(token.children)
    return (
        token.lemma_.lower() == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in children)
        and not any(c.dep_ in {"prep", "prt", "advmod"} for c in children)
    )


def is_speech_verb(token: Token) -> bool:
    so_called = token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "so"
    if token.pos_ not in {"VERB", "AUX"} or so_called:
        return False
    return verb_lemma(token) in SPEECH_VERBS or _puts_it(token)


def is_reporting_verb(token: Token) -> bool:
    """A verb that attributes a clause to its subject: saying, thinking or showing."""
    return is_speech_verb(token) or (
        token.pos_ in {"VERB", "AUX"} and verb_lemma(token) in ATTITUDE_VERBS
    )


def is_stance_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and verb_lemma(token) in STANCE_VERBS


DASHES = {"—", "–", "-"}


def is_dateline(token: Token) -> bool:
    """ "PORTVALE, Romania — Officials said …", "Portvale (AFP) – Ann Ortiz said …": the place
    (and agency) that opens a wire story, which the parser often makes a second subject of the
    first verb."""
    doc = token.doc
    words = doc[token.left_edge.i:token.i + 1]
    upper_place = (
        token.left_edge.i == token.sent.start
        and all(w.is_alpha and w.is_upper and len(w) > 1 for w in words)
        and token.i + 1 < len(doc)
        and token.nbor().text in DASHES | {","}
    )
    return upper_place or token.i < _bracketed_dateline_end(token.sent)


def _bracketed_dateline_end(sentence: SpacySpan) -> int:
    """End of "Portvale (AFP) –" opening a sentence: up to three title-case words, the agency in
    brackets, a dash (a name before a dash with no brackets, "Ann Ortiz – the mayor – said", is
    not one); the sentence's start when there is none."""
    doc, i = sentence.doc, sentence.start
    while i < sentence.end and doc[i].is_title and i - sentence.start < 3:
        i += 1
    if i == sentence.start or i + 2 >= sentence.end or doc[i].text != "(":
        return sentence.start
    closing = next((t.i for t in doc[i:min(i + 6, sentence.end)] if t.text == ")"), None)
    if closing is None or closing + 1 >= len(doc) or doc[closing + 1].text not in DASHES:
        return sentence.start
    return closing + 2


# A cue with no subject of its own borrows the subject of the verb it hangs on through these;
# "dep" is the parser's unlabelled link ("Ortiz, exasperated, responded: …").
CLIMBED_DEPS = {"advcl", "xcomp", "conj", "pcomp", "prep", "dep"}


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a cue verb; participles ("…, saying") borrow their head's, or
    that of the main clause when the parse hangs them inside a reported clause."""
    if (owner := clause_owner(verb)) is not None:
        verb = owner
    for climbed in range(4):
        subject = _nearest_subject(verb) or glued_name(verb)
        if subject is not None and subject.ent_type_ in {"DATE", "TIME"} and not is_age(subject):
            return _of_object(subject)  # "Nine months of Ortiz talking about …": Ortiz, or nobody
        if climbed == 0 and (agent := passive_agent(verb)) is not None:
            # "was told by Ortiz", "Asked by a reporter, …"; not the verb a participle hangs on
            # ("Ortiz was booed by hecklers after telling them …": Ortiz tells)
            return agent
        if subject is not None:
            return subject
        if (doer := controller(verb)) is not None:
            return doer
        if (partner := coordinated_with(verb)) is not None:
            verb = partner
            continue
        if verb.dep_ in CLIMBED_DEPS and verb.head is not verb:
            verb = verb.head
            continue
        if (sender := sender_of(verb)) is not None:
            verb = sender
            continue
        return None
    return None


AGENT_PATH_DEPS = {"oprd", "dobj", "attr", "prep", "pobj"}


def passive_agent(verb: Token) -> Token | None:
    """Who does a passive verb's action: "by Ortiz" in "was criticized by Ortiz". The small
    model often hangs that "by" on the words between ("has been called “a sham” by Ortiz", "was
    attacked on the plan by Ortiz", "labeled as a hoax by Democrats"); a name there is the doer
    still (a day, "by Friday", or a thing, "by a vote of 5 to 4", is not)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None)
        # "had been reported by Wednesday morning": the parse's agent is a deadline
        return None if doer is not None and doer.ent_type_ in {"DATE", "TIME"} else doer
    if verb.tag_ != "VBN":
        return None
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "by" or token.dep_ != "prep":
            continue
        if not all(t.dep_ in AGENT_PATH_DEPS for t in _path_up(token, verb)):
            continue
        doer = next((c for c in token.children if c.dep_ == "pobj"), None)
        if doer is not None and doer.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
            return doer
    return None


def _path_up(token: Token, top: Token) -> list[Token]:
    """The tokens from ``token`` up to ``top``'s child, inclusive."""
    path = []
    while token.i != top.i and token.head is not token:
        path.append(token)
        token = token.head
    return path


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; when the parse gives it two, the one nearest before the verb, and a
    person the parse set in apposition to a place ("Speaking in Salem, New Hampshire, Ortiz went
    after Lee": the place of the opening phrase is not the subject)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not is_dateline(c)]
    before = [c for c in subjects if c.i < verb.i]
    subject = before[-1] if len(before) > 1 else (subjects[0] if subjects else None)
    if subject is not None and subject.ent_type_ in {"GPE", "LOC"}:
        # "…, New Hampshire, Ortiz went": a place has no person in apposition; that is the subject.
        person = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        return person[0] if person else subject
    return subject


def _of_object(head: Token) -> Token | None:
    preposition = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    objects = [c for c in preposition.children if c.dep_ == "pobj"] if preposition else []
    return objects[0] if objects else None


def according_to(token: Token) -> Token | None:
    """The source named in "according to X"."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return (author_of(objects[0]) or objects[0]) if objects else None
    return None


def antecedent(pronoun: Token) -> Token | None:
    """What a relative pronoun stands for: "Ann Ortiz" in "Ann Ortiz, who said …"."""
    if pronoun.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = pronoun.head
    while clause.dep_ in {"conj", "xcomp", "advcl"} and clause.head is not clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" and clause.head is not clause else None


INVERTED_DEPS = {"dobj", "attr", "npadvmod", "dative", "oprd", "appos", "nsubj"}


def _inverted_subject(
    article: Article, cue: Token, quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """ "“…,” added a party official" / "said Ann Ortiz": the small model often takes the speaker
    after the verb for its object. The phrase right after the cue, when it can speak. Only a
    finite verb standing alone inverts: "calling Ortiz a liar", "to endorse Ortiz" name the
    target."""
    if not can_invert(cue):
        return None
    for child in cue.rights:
        if child.left_edge.i != cue.i + 1 or quoted_at(quoted, child):
            continue
        if child.dep_ in INVERTED_DEPS and can_speak(article, child):
            return child
    return named_after_cue(cue, quoted)


def speaker_token(
    article: Article,
    doc: Doc,
    cue: Token,
    subject: Token | None,
    quoted: Sequence[tuple[int, int]] = (),
) -> Token | None:
    """The subject, or the person named just before the cue when the parse got the subject wrong.
    A subject inside the quoted words is a parser slip (the quote's own subject): the speaker is
    then another subject of the cue, the phrase after an inverted cue, or the name before it."""
    if subject is not None and _asked_one(cue, subject):
        return None
    if subject is not None and subject.pos_ == "ADP":  # "Of Lee, Ortiz said": the parse's
        subject = next((c for c in subject.children if c.dep_ == "pobj"), None)  # "Of" subject
    if subject is not None and quoted_at(quoted, subject):
        others = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and not quoted_at(quoted, c)]
        subject = others[0] if others else None
    if subject is None or subject.i > cue.i and subject.head.i == cue.i:  # not "asked by X"
        subject = named_after_quote(cue, quoted) or participle_owner(cue, quoted) or subject
    if subject is None:
        subject = named_in_as_clause(cue, quoted)
    if subject is None and (named := surname_before(article, doc, cue)) is not None:
        return named
    if subject is None and (after := _inverted_subject(article, cue, quoted)) is not None:
        return after
    if subject is not None and (found := antecedent(subject)) is not None:
        if (issuer := issuer_of(found)) is not None and (maker := subject_of(issuer)) is not None:
            return maker
        return subject if found.pos_ in {"NOUN", "PROPN", "PRON"} else None
    if subject is not None and subject.lower_ in NON_SPEAKERS and not _text_speaking(subject):
        return None
    if subject is not None and can_speak(article, subject):
        return subject
    # Only words that are themselves the cue's subject ("Ortiz's statement said") or that the
    # cue describes ("in her statement condemning the vote"); a participle borrowing a clause's
    # subject ("Lee's comments came as Ortiz refused, saying …") is not the comments speaking.
    described = cue.dep_ == "acl" and subject is not None and cue.head.i == subject.i
    if subject is not None and (subject.head.i == cue.i or described) \
            and (owner := _owner(article, subject)) is not None:
        return owner
    i = before_cue(doc, cue)
    if i >= 0 and (found := mention_at(article, doc[i].idx, people_only=True)) is not None:
        return doc[i] if article.mentions[found].end == doc[i].idx + len(doc[i]) else subject
    if subject is None and i >= 0 and doc[i].text == ",":
        return named_before_apposition(article, doc, i, quoted) \
            or relative_opening(article, doc, i)
    if subject is None and i >= 0:  # "a city official who spoke anonymously said"
        return relative_clause_head(article, doc, i + 1, doc[i].sent.start) \
            or person_close_before(article, doc, cue)
    if subject is not None and (doer := _people_before_participle(article, cue, subject, quoted)):
        return doer
    return subject


# Plural nouns of people doing something ("voters", "researchers", "protesters", "residents",
# "analysts", "participants"): things ("signs", "petitions", "photos") do not end so.
PEOPLE_ENDINGS = ("ers", "ors", "ists", "ents", "ants", "ians")


def _people_before_participle(
    article: Article, cue: Token, subject: Token, quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """ "The poll found 62 percent of voters saying …", "The company has 170 researchers
    compiling …": a participle the parse hangs on the main verb, whose subject cannot speak, is
    said by the people named right before it."""
    if cue.tag_ != "VBG" or cue.i == 0:
        return None
    noun = cue.doc[cue.i - 1]
    share = subject.lemma_ == "percent" or subject.like_num  # "47 percent (of voters) saying"
    if noun.i == subject.i or share or quoted_at(quoted, noun) or noun.ent_type_:
        return None
    people = noun.tag_ == "NNS" and noun.lower_.endswith(PEOPLE_ENDINGS)
    return noun if people or mention_at(article, noun.idx, people_only=True) is not None else None


def speaker_after_quote(cue: Token) -> bool:
    """ "“…,” a source, who was not allowed to speak, told the paper": a quote closes before the
    cue in its sentence, so the words between may name the speaker the parse did not attach."""
    return any(t.is_quote for t in cue.doc[cue.sent.start:cue.i])


# Verbs whose passive subject is the one questioned: "Ortiz was asked whether …", "Baker,
# pressed about the accounts, …".
QUESTIONING_VERBS = {"ask", "press", "question", "quiz", "grill"}


def _asked_one(cue: Token, subject: Token) -> bool:
    """ "Ortiz was asked, “Would you run again?”": the one asked does not say the question, and
    nobody named asks it (with "by X", X does, found as the passive's agent)."""
    return (
        cue.lemma_.lower() in QUESTIONING_VERBS
        and subject.dep_ == "nsubjpass"
        and subject.head.i == cue.i
    )


def _owner(article: Article, subject: Token) -> Token | None:
    """ "Ortiz's statement said …", "his letter accused …": words, a post or a statement speak
    for the person or group they belong to (PolNeAR marks that owner as the source); a person
    ("Ortiz's lawyer said") speaks for themself."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in WORDS_OF_SOMEONE:
        return None
    for child in subject.children:
        speaks = child.lower_ in POSSESSIVE_PRONOUNS or can_speak(article, child)
        if child.dep_ == "poss" and speaks:
            return child
    return None


def _text_speaking(subject: Token) -> bool:
    """ "It said", "it reads", "it continued": a statement, letter or report named before
    speaks through "it", the active subject of the cue (an expletive "it" is never that)."""
    return subject.lower_ == "it" and subject.dep_ == "nsubj"


def _named_apposition(article: Article, token: Token) -> Token | None:
    """The person named in apposition to an unnamed speaker: "Ortiz's lawyer, Tom Baker, said"
    names the lawyer outright."""
    for child in token.children:
        if child.dep_ != "appos":
            continue
        found = mention_at(article, child.idx)
        if found is not None and article.mentions[found].label == PERSON:
            return child
    return None


def _surname_of(token: Token, coref) -> int | None:
    """A person's surname the tagger did not take for a name ("Okafor replied", "Rice said"):
    a capitalised word inside a sentence, written exactly as the last word of exactly one person
    the article names in full."""
    if token.i == token.sent.start or not token.text[:1].isupper() or token.pos_ == "PRON" \
            or len(token.text) < 3:
        return None
    matches = [i for i, c in enumerate(coref.clusters)
               if c.label == PERSON and len(c.name.split()) >= 2
               and c.name.split()[-1] == token.text]
    return matches[0] if len(matches) == 1 else None


def _left_phrase(token: Token) -> list[Token]:
    """The words written right before a noun that belong to it, up to a quote or a comma: a
    head the parse made the root ("“…?” the 43-year-old asked") must not take in the quote."""
    words = [token]
    for i in range(token.i - 1, token.sent.start - 1, -1):
        word = token.doc[i]
        if word.is_quote or word.text in {",", ";", ":", "(", ")"} or not token.is_ancestor(word):
            break
        words.append(word)
    return words


@dataclass
class Speaker:
    span: Span
    text: str
    name: str | None
    cluster: int | None = None


def describe(article: Article, doc: Doc, token: Token, salience: Salience) -> Speaker:
    """Speaker span, text and name (fullest name in the article) for a subject token; "Ann
    Ortiz and Tom Baker said" is one joint speaker (see :func:`joint`)."""
    first = _describe_one(article, doc, token, salience)
    partners = [
        c for c in token.conjuncts if c.pos_ in {"PROPN", "NOUN"} and can_speak(article, c)
    ]
    if not partners or token.pos_ == "PRON":
        return first
    parts = [first] + [_describe_one(article, doc, c, salience) for c in partners]
    return joint(sorted(parts, key=lambda p: p.span.start), article)


def joint(parts: list[Speaker], article: Article) -> Speaker:
    """Several people speaking together ("Ann Ortiz and Tom Baker said in a statement"): one
    speaker written from the first to the last, named by all their names; no single person's
    cluster, since crediting the words to one of them would drop the others."""
    span = Span(start=parts[0].span.start, end=max(p.span.end for p in parts))
    names = [p.name for p in parts if p.name]
    name = " and ".join(dict.fromkeys(names)) if names else None
    return Speaker(span=span, text=article.span_text(span), name=name, cluster=None)


# Words for a share of a group: "some of the fishermen said", "62 percent of voters say".
SHARE_WORDS = {
    "some", "many", "most", "several", "few", "all", "none", "both", "each", "any", "half",
    "majority", "minority", "percent", "one", "dozens", "hundreds", "thousands", "millions",
}  # fmt: skip


def _group_of(token: Token) -> Token | None:
    """The "of" phrase naming the group a share of it speaks for, if the token is a share."""
    if token.lower_ not in SHARE_WORDS and not token.like_num:
        return None
    return next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)


def _describe_one(article: Article, doc: Doc, token: Token, salience: Salience) -> Speaker:
    coref = salience.coref
    if (referent := antecedent(token)) is not None:  # the pronoun is the mention, named for it
        named = describe(article, doc, referent, salience)
        span = Span(start=token.idx, end=token.idx + len(token))
        return Speaker(span=span, text=token.text, name=named.name, cluster=named.cluster)
    found = mention_at(article, token.idx)
    if found is None and (named := _named_apposition(article, token)) is not None:
        return _describe_one(article, doc, named, salience)  # "Ortiz's lawyer, Tom Baker, said"
    if found is None and (cluster := _surname_of(token, coref)) is not None:
        span = Span(start=token.idx, end=token.idx + len(token))
        salience.saw(span.start, cluster)
        return Speaker(span=span, text=token.text, name=coref.clusters[cluster].name,
                       cluster=cluster)
    if found is None and (group := _group_of(token)) is not None:
        # "some of the fishermen", "62 percent of voters": the share is said with its group
        start = min(t.idx for t in _left_phrase(token))  # "more than half", "some 30 percent"
        span = Span(start=start, end=group.right_edge.idx + len(group.right_edge))
        cluster = None
    elif found is None:
        if token.pos_ == "PRON":
            span = Span(start=token.idx, end=token.idx + len(token))
            cluster = salience.resolve(token)
        else:  # an unnamed source ("officials"): say who, name nobody
            start = min(
                t.idx
                for t in _left_phrase(token)
                if t.dep_ in {"det", "amod", "compound", "nummod"} or t is token
            )
            while not article.text[start].isalnum() and start < token.idx:
                start += 1  # "-President Ortiz" tokenised as one word after a signature dash
            span = Span(start=start, end=token.idx + len(token))
            cluster = None
            if token.pos_ == "PROPN":  # a name the tagger missed ("Ana Ruiz, who said")
                written = article.span_text(span)
                return Speaker(span=span, text=written, name=written)
    else:
        mention = article.mentions[found]
        names = {
            mi: c
            for (_, mi), c in coref.of.items()
            if coref.clusters[c].label == PERSON and article.mentions[mi].label != ROLE
        }
        if mention.label == ROLE and (other := adjacent_name(article, found, names)) is not None:
            found, mention = other, article.mentions[other]  # "Mayor Ann Clarke": the name
        start = mention.start
        before = doc.char_span(start, mention.end, alignment_mode="expand")
        if (
            before is not None
            and before.start > 0
            and doc[before.start - 1].text.rstrip(".")
            in {"Mr", "Ms", "Mrs", "Miss", "Dr", "Sir", "Dame", "Prof"}
        ):
            start = doc[before.start - 1].idx
        span = Span(start=start, end=mention.end)
        cluster = coref.of.get((0, found))
    text = article.span_text(span)
    if cluster is not None:
        name: str | None = coref.clusters[cluster].name
    elif found is not None and article.mentions[found].label == ROLE and is_indefinite(text):
        name = text  # "A Treasury spokeswoman": unnamed, said as written
    elif found is not None and article.mentions[found].label not in {PERSON, ROLE}:
        name = article.mentions[found].text  # an organisation or country speaking
    else:
        name = None
    salience.saw(span.start, cluster)
    return Speaker(span=span, text=text, name=name, cluster=cluster)
