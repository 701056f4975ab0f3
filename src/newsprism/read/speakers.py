"""Who is speaking: the subject of a cue verb, and what a pronoun or role there refers to.

A speaker is the subject of the attribution verb ("Ms Ortiz said", "the chairman called",
"..., saying" → the subject of the verb it hangs on). When the parse gives a subject that cannot
speak (a parser slip), the name written right before the verb is used instead. Pronouns resolve to
the most recent person who was the *subject* of an earlier clause, of agreeing gender (from
"Mr"/"Ms" or from earlier pronouns), so the object of "alongside", "with" or "told" is never picked.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsprism.model import Article, Span
from newsprism.read.coref import PERSON, ROLE, Coref, adjacent_name, is_indefinite

# Verbs of saying (lexicon). "call" covers "called the move 'a new chapter'".
SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "note",
    "warn",
    "claim",
    "insist",
    "argue",
    "explain",
    "state",
    "announce",
    "declare",
    "stress",
    "emphasise",
    "emphasize",
    "confirm",
    "acknowledge",
    "admit",
    "write",
    "tweet",
    "suggest",
    "reply",
    "respond",
    "ask",
    "call",
    "describe",
    "reiterate",
    "urge",
    "predict",
    "promise",
    "vow",
    "pledge",
    "caution",
    "concede",
    "remark",
    "observe",
    "recall",
    "report",
    "testify",
    "allege",
    "assert",
    "maintain",
    "contend",
    "complain",
    "question",
    "point",
    "deny",
    "indicate",
    "reveal",
    "disclose",
    "signal",
    "comment",
    "answer",
    "continue",
    "joke",
    "quip",
    "retort",
    "shout",
    "exclaim",
    "conclude",
    "label",
    "boast",
    "lament",
    "counter",
    "recount",
    "proclaim",
    "demand",
    "assure",
    "plead",
    "scoff",
    "muse",
    "wonder",
    "speculate",
    "elaborate",
    "post",
    "yell",
    "scream",
    "chant",
    "charge",
    "interject",
}
# Verbs of thinking and showing: they attribute a clause too ("voters believe (that) …", "the
# poll shows …"), but only a clause, never quoted words on their own.
ATTITUDE_VERBS = {
    "think", "believe", "hope", "fear", "worry", "know", "agree", "find",
    "show", "estimate", "conclude", "acknowledge", "doubt", "suspect", "predict", "insist",
    "recommend", "indicate", "realize", "realise", "understand", "assume", "guess", "learn",
}  # fmt: skip
# Verbs of stance and intention: what they attribute is their object or infinitive ("endorsed
# Ortiz", "accused him of lying", "called for a recount", "wants to run", "urged him to quit").
# Left out, measured on PolNeAR train (fewer than 3 in 10 found an attribution end to end):
# "support", "back", "favor", "vote", "plan", "intend", "challenge": mostly plain events.
STANCE_VERBS = {
    "endorse", "criticize", "criticise", "accuse", "defend", "praise", "oppose", "reject",
    "dismiss", "blame", "propose", "call", "urge", "want", "announce", "describe", "decline",
    "promise", "pledge", "vow", "threaten", "demand", "ask", "seek", "refuse", "recommend",
    "condemn", "slam", "blast", "attack", "question", "deny", "welcome", "applaud", "hope",
    "credit", "label", "brand", "mock", "hail", "laud", "decry", "denounce", "cite", "insult",
    "show",
    # Verbs of speaking about and regarding, each right at least 35 times in 100 on PolNeAR
    # train (8 uses or more) when taken as a cue: "expressed concern", "talked about jobs",
    # "referred to him as", "touted his record", "likened it to".
    "express", "offer", "talk", "discuss", "refer", "mention", "issue", "highlight",
    "recognize", "recognise", "name", "like", "prefer", "thank", "remind", "order", "echo",
    "compare", "tout", "repeat", "demonstrate", "rule", "congratulate", "reference", "deem",
    "outline", "voice", "publish", "email", "imply", "remember", "invoke", "detail", "love",
    "liken", "cheer", "frame", "paint", "contradict",
}  # fmt: skip
CUE_VERBS = SPEECH_VERBS | ATTITUDE_VERBS | STANCE_VERBS
OBJECT_DEPS = {"dobj", "xcomp", "oprd", "dative", "ccomp"}
OBJECT_PREPOSITIONS = {"for", "of", "as", "about", "to", "on"}
PRONOUN_GENDER = {"he": "m", "she": "f"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NON_SPEAKERS = {"it", "there", "this", "that", "which", "what", "who"}
HUMAN_PRONOUNS = {"he", "she", "they", "i", "we", "you"}
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


def is_dateline(token: Token) -> bool:
    """ "PORTVALE, Romania — Officials said …": the capitalised place that opens a wire story,
    which the parser often makes a second subject of the first verb."""
    words = token.doc[token.left_edge.i:token.i + 1]
    return (
        token.left_edge.i == token.sent.start
        and all(w.is_alpha and w.is_upper and len(w) > 1 for w in words)
        and token.i + 1 < len(token.doc)
        and token.nbor().text in {",", "—", "–", "-"}
    )


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a cue verb; participles ("…, saying") borrow their head's."""
    for _ in range(4):
        subject = next(
            (c for c in verb.children if c.dep_ in SUBJECT_DEPS and not is_dateline(c)), None
        )
        if subject is not None:
            if subject.dep_ == "nsubjpass":
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                objects = [c for c in agent.children if c.dep_ == "pobj"] if agent else []
                return objects[0] if objects else subject
            return subject
        if verb.dep_ in {"advcl", "xcomp", "conj", "pcomp", "prep"} and verb.head is not verb:
            verb = verb.head
            continue
        return None
    return None


def according_to(token: Token) -> Token | None:
    """The source named in "according to X"."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def mention_at(article: Article, offset: int, people_only: bool = False) -> int | None:
    best = None
    for i, m in enumerate(article.mentions):
        fits = m.start <= offset < m.end and (not people_only or m.label in {PERSON, ROLE})
        if fits and (best is None or m.label == PERSON):  # a name beats the role containing it
            best = i
    return best


def can_speak(article: Article, token: Token) -> bool:
    if token.lower_ in HUMAN_PRONOUNS:
        return True
    found = mention_at(article, token.idx)
    return found is not None and article.mentions[found].label in {
        PERSON,
        ROLE,
        "ORG",
        "GPE",
        "NORP",
    }


def antecedent(pronoun: Token) -> Token | None:
    """What a relative pronoun stands for: "Ann Ortiz" in "Ann Ortiz, who said …"."""
    if pronoun.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = pronoun.head
    while clause.dep_ in {"conj", "xcomp", "advcl"} and clause.head is not clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" and clause.head is not clause else None


MAX_APPOSITION = 12  # tokens searched back for "Name, a title in Place," before a cue
INVERTED_DEPS = {"dobj", "attr", "npadvmod", "dative", "oprd", "appos", "nsubj"}


def _quoted(spans: Sequence[tuple[int, int]], token: Token) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def _inverted_subject(
    article: Article, cue: Token, quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """ "“…,” added a party official" / "said Ann Ortiz": the small model often takes the speaker
    after the verb for its object. The phrase right after the cue, when it can speak."""
    for child in cue.rights:
        if child.left_edge.i != cue.i + 1 or _quoted(quoted, child):
            continue
        if child.dep_ in INVERTED_DEPS and can_speak(article, child):
            return child
    return None


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
    if subject is not None and _quoted(quoted, subject):
        others = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and not _quoted(quoted, c)]
        subject = others[0] if others else None
    if subject is None and (after := _inverted_subject(article, cue, quoted)) is not None:
        return after
    if subject is not None and (found := antecedent(subject)) is not None:
        return subject if found.pos_ in {"NOUN", "PROPN", "PRON"} else None
    if subject is not None and subject.lower_ in NON_SPEAKERS and not _text_speaking(subject):
        return None
    if subject is not None and can_speak(article, subject):
        return subject
    i = cue.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].pos_ in {"ADV", "AUX", "PART"}):
        i -= 1  # "Tom Baker also said", "Baker has said"
    if i >= 0 and (found := mention_at(article, doc[i].idx, people_only=True)) is not None:
        return doc[i] if article.mentions[found].end == doc[i].idx + len(doc[i]) else subject
    if subject is None and i >= 0 and doc[i].text == ",":
        return _named_before_apposition(article, doc, i, quoted)
    return subject


def _text_speaking(subject: Token) -> bool:
    """ "It said", "it reads", "it continued": a statement, letter or report named before
    speaks through "it", the active subject of the cue (an expletive "it" is never that)."""
    return subject.lower_ == "it" and subject.dep_ == "nsubj"


def _named_before_apposition(
    article: Article, doc: Doc, comma: int, quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """ "Col. Ann Ortiz, a military spokeswoman in Kabul, said": the parse gives the cue no
    subject; the closest person or role before it, with no verb in between, is the speaker."""
    start = doc[comma].sent.start
    for i in range(comma - 1, max(start, comma - MAX_APPOSITION) - 1, -1):
        token = doc[i]
        if token.pos_ in {"VERB", "AUX"} or token.is_quote or _quoted(quoted, token):
            return None
        found = mention_at(article, token.idx, people_only=True)
        if found is not None and article.mentions[found].end == token.idx + len(token):
            if _is_object(token):
                continue  # "wrote to Ann Ortiz on her page, saying": the addressee, not the source
            return token
    return None


def _is_object(token: Token) -> bool:
    """The object of a verb or preposition, also as a later part of "A and B"."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in {"pobj", "dobj", "dative"}


@dataclass
class Speaker:
    span: Span
    text: str
    name: str | None
    cluster: int | None = None


@dataclass
class Salience:
    """Persons seen so far outside quotes, in text order, for resolving "he said"."""

    article: Article
    doc: Doc
    coref: Coref
    quoted: list[tuple[int, int]]
    events: list[tuple[int, int]] = field(default_factory=list)  # subjects: (offset, cluster)
    others: list[tuple[int, int]] = field(default_factory=list)  # people seen as non-subjects
    genders: dict[int, str] = field(default_factory=dict)
    main: set[int] = field(default_factory=set)  # offsets of main-clause subjects

    def __post_init__(self) -> None:
        self.starts = [sentence.start_char for sentence in self.doc.sents]
        for mi, mention in enumerate(self.article.mentions):
            cluster = self.coref.of.get((0, mi))
            if cluster is None or self.coref.clusters[cluster].label != PERSON:
                continue
            if any(a <= mention.start < b for a, b in self.quoted):
                continue
            subject = self._subject_token(mention.start, mention.end)
            if subject is not None:
                self.events.append((mention.start, cluster))
                if _main_clause(subject):
                    self.main.add(mention.start)
            else:
                self.others.append((mention.start, cluster))
        for i, cluster in enumerate(self.coref.clusters):
            if cluster.gender:
                self.genders[i] = cluster.gender

    def _subject_token(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        for _ in range(3):  # "Ann Clarke" is an apposition of the subject "minister"
            if token.dep_ in SUBJECT_DEPS:
                return token
            if token.dep_ not in {"compound", "appos", "nmod"} or token.head is token:
                return None
            token = token.head
        return None

    def _is_subject(self, start: int, end: int) -> bool:
        return self._subject_token(start, end) is not None

    def _sentence(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def resolve(self, pronoun: Token) -> int | None:
        """The person "he" or "she" stands for: in the nearest sentence before it that names a
        person of agreeing gender, the subject of the main clause, else the last subject, else
        the one person it names ("That did not satisfy Justice Ortiz. “…,” he said."); never
        the person the same verb addresses ("he told the mayor"). A sentence naming several
        people, none as subject, is passed over."""
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        if gender is None:
            return None
        addressed = self._addressed(pronoun)
        own = self._sentence(pronoun.idx)
        by_sentence: dict[int, list[tuple[int, int, bool]]] = {}
        for offset, cluster, subject in [(o, c, True) for o, c in self.events] + [
            (o, c, False) for o, c in self.others
        ]:
            if offset >= pronoun.idx or cluster in addressed:
                continue
            if self.genders.get(cluster, gender) != gender:
                continue
            sentence = self._sentence(offset)
            if sentence == own and not subject:
                continue  # "After meeting Ortiz, he said": the pronoun is not that object
            by_sentence.setdefault(sentence, []).append((offset, cluster, subject))
        for sentence in sorted(by_sentence, reverse=True):
            found = _salient(by_sentence[sentence], self.main)
            if found is not None:
                self.genders[found] = gender
                return found
        return None

    def _addressed(self, pronoun: Token) -> set[int]:
        """People the pronoun's own verb speaks to or about: "he told the vice president",
        "she said of Ortiz"."""
        found: set[int] = set()
        if pronoun.dep_ not in SUBJECT_DEPS:
            return found
        for child in pronoun.head.children:
            addressed = child.dep_ in {"dobj", "dative"} or (
                child.dep_ == "prep" and child.lower_ in {"to", "of", "about", "with"}
            )
            if not addressed:
                continue
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            for mi, mention in enumerate(self.article.mentions):
                if start <= mention.start < end and (cluster := self.coref.of.get((0, mi))):
                    found.add(cluster)
        return found

    def saw(self, offset: int, cluster: int | None) -> None:
        if cluster is not None and self.coref.clusters[cluster].label == PERSON:
            self.events.append((offset, cluster))
            token = _token_at(self.doc, offset)
            if token is not None and token.dep_ in SUBJECT_DEPS and _main_clause(token):
                self.main.add(offset)


def _salient(seen: list[tuple[int, int, bool]], main: set[int]) -> int | None:
    subjects = sorted((o, c) for o, c, subject in seen if subject)
    if subjects:
        in_main = [c for o, c in subjects if o in main]
        return in_main[-1] if in_main else subjects[-1][1]
    people = {c for _, c, _ in seen}
    return people.pop() if len(people) == 1 else None


def _main_clause(subject: Token) -> bool:
    """Whether a subject's verb is the sentence's main verb (or joined to it by "and", "but")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


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


def _describe_one(article: Article, doc: Doc, token: Token, salience: Salience) -> Speaker:
    coref = salience.coref
    if (referent := antecedent(token)) is not None:  # the pronoun is the mention, named for it
        named = describe(article, doc, referent, salience)
        span = Span(start=token.idx, end=token.idx + len(token))
        return Speaker(span=span, text=token.text, name=named.name, cluster=named.cluster)
    found = mention_at(article, token.idx)
    if found is None:
        if token.pos_ == "PRON":
            span = Span(start=token.idx, end=token.idx + len(token))
            cluster = salience.resolve(token)
        else:  # an unnamed source ("officials"): say who, name nobody
            start = min(
                t.idx
                for t in token.subtree
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
