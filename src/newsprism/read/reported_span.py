"""Where reported content starts and ends: the clause, object or sentence a cue attributes.

"X said (that) …" gives the clause ("said that A and that B" both parts, up to a closing
"while …" aside of the writer's), "according to X" the sentence around it, a verb of stance or of
saying its object with the phrases the parse hangs on the verb right after it ("accused X | of
hiding …"), up to a comma or a phrase of time; a passive cue with a doer its subject ("Cruz was
endorsed by Fiorina"). :mod:`newsprism.read.reported` decides which tokens are cues and who the
source is.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.read.sourceless import EXPLETIVES
from newsprism.read.speakers import (
    OBJECT_DEPS,
    OBJECT_PREPOSITIONS,
    according_to,
    is_reporting_verb,
    is_speech_verb,
    is_stance_verb,
    passive_agent,
    verb_lemma,
)

# Verbs of saying whose object is not what was said: the one spoken to ("told reporters"), or,
# measured on PolNeAR train (fewer than 35 in 100 right), mostly something else ("continued
# to campaign", "maintains a lead", "wrote a book", "added to his wins", "answered questions").
OBJECT_NOT_SAID = {
    "tell", "ask", "assure", "remind", "continue", "maintain", "add", "insist", "write", "post",
    "charge", "answer", "assert",
}  # fmt: skip


def _wordy(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def _around(head: Token, inner: Token) -> list[tuple[int, int]]:
    """Token ranges of ``head``'s clause on each side of ``inner``'s words: "The plan, she
    said, will fail" reports "The plan" and "will fail"."""
    own = {t.i for t in inner.subtree}
    rest = [t.i for t in head.subtree if t.i not in own]
    before = [i for i in rest if i < inner.left_edge.i]
    after = [i for i in rest if i > inner.right_edge.i]
    words = [side for side in (before, after) if any(_wordy(head.doc[i]) for i in side)]
    return [(min(side), max(side) + 1) for side in words]


def _sentence_around(phrase: Token) -> list[tuple[int, int]]:
    """ "A rose, but B fell, according to the survey" / "According to the survey, A rose and B
    fell": a source phrase opening or closing its sentence vouches for the whole sentence, not
    only for the clause the parse hangs it on. The sentence without the phrase and its
    punctuation (and without an opening "But"/"And"); nothing when the phrase sits inside."""
    doc, sent = phrase.doc, phrase.sent
    first, last = phrase.left_edge.i, phrase.right_edge.i + 1
    before = [t for t in doc[sent.start : first] if _wordy(t) and t.dep_ != "cc"]  # "But as …"
    after = [t for t in doc[last : sent.end] if _wordy(t)]
    if before and after:
        return []
    start, end = (last, sent.end) if not before else (sent.start, first)
    while start < end and (not _wordy(doc[start]) or doc[start].dep_ == "cc"):
        start += 1
    while end > start and not _wordy(doc[end - 1]):
        end -= 1
    return [(start, end)] if start < end else []


def _second_clause_end(verb: Token, clause: Token) -> int:
    """ "said that A, but that B": the parse hangs B on the verb, yet both are what was said.
    The last token of the clause, or of a "that" clause joined to the verb after it."""
    last = clause.right_edge.i
    for joined in verb.rights:
        if joined.dep_ == "conj" and joined.i > last:
            marker = joined.left_edge
            while marker.dep_ == "cc" or marker.is_punct:
                marker = marker.nbor()
            if marker.lower_ == "that" and marker.dep_ == "mark":
                last = joined.right_edge.i
    return last


# Marks of a clause the writer adds after a comma: "…, while others said …", "…, though she did
# not discuss the terms".
CONTRAST_MARKS = {"while", "though", "although", "whereas"}
COMPARING_MARKS = {"while", "whereas"}


def _before_writers_tail(doc: Doc, first: int, last: int, comparing: bool = False) -> int:
    """ "said all staff sign the pledge, though she did not discuss its terms", "said the law
    works, pointing to …": a clause of contrast or a participle of saying set off by a comma at
    the end of a reported clause is the writer's (the participle reports on its own). What a
    poll finds or shows (``comparing``) goes on through a "while" setting one figure against
    another ("found 52 percent back Ortiz, while 33 percent back Baker"); a "though" there is
    still the writer's. The end of the reported clause before the writer's tail."""
    for token in doc[first + 1 : last]:
        if token.dep_ != "advcl" or not _closes(doc, token, last):
            continue
        opener = token.left_edge
        if opener.i <= first + 1 or doc[opener.i - 1].text != ",":
            continue
        contrast = opener.lower_ in CONTRAST_MARKS - (COMPARING_MARKS if comparing else set())
        contrast = contrast and opener.dep_ == "mark"
        saying = opener.i == token.i and token.tag_ == "VBG" and is_reporting_verb(token)
        if contrast or saying:
            return opener.i - 1
    return last


def _closes(doc: Doc, token: Token, last: int) -> bool:
    """Whether only punctuation follows the token's phrase up to the end."""
    return all(not _wordy(t) for t in doc[token.right_edge.i + 1 : last])


def _question_asked(verb: Token) -> Token | None:
    """ "Asked if she believed Baker would win, Ward said …": the parser makes the question a
    clause of condition; it is what was asked (otherwise a verb inside it, "believed", takes
    the attribution)."""
    if verb_lemma(verb) != "ask":
        return None
    return next(
        (
            c
            for c in verb.rights
            if c.dep_ == "advcl"
            and c.left_edge.lower_ in {"if", "whether"}
            and c.left_edge.dep_ == "mark"
        ),
        None,
    )


def _said_clause(token: Token) -> Token | None:
    """The clause a verb of saying reports. "The union polled its members: 812 nurses said they
    want …" / "…; 25 percent said they believe …": the parser hangs the writer's clause before a
    colon or semicolon on the verb as a second clause; what was said is the one after the verb."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses:
        return _question_asked(token)
    first, after = clauses[0], [c for c in clauses if c.i > token.i]
    set_off = any(
        p.dep_ == "punct" and p.text in CLAUSE_BREAKS and first.right_edge.i < p.i < token.i
        for p in token.children
    )
    if first.i < token.i and set_off:
        return after[0] if after else None
    if first.i < token.i and not after and _own_object(token, first):
        return None
    return first


def _own_object(verb: Token, clause: Token) -> bool:
    """ "As we watched the crowds, Nega defended his decision", "Ortiz owned a ferry company in
    the 1980s — he also offered his assessment of the plan": a clause the parse hangs before a
    verb of stance or thought is the writer's when the verb has an object of its own, whatever
    sets it off (a comma and a subject of its own only: +4 / −1 right on train; any: +10 / −2).
    A verb of saying with an object after such a clause, "The plan will fail, Ortiz said of the
    deal", still reports the clause before it."""
    return not is_speech_verb(verb) and bool(_object_range(verb))


# Marks after which a clause the parse hangs on the next verb is the writer's, not that verb's
# content: "Overall, whites were split: more than half of white women preferred Clinton".
CLAUSE_BREAKS = {":", ";", "—", "–", "--"}


def _as_source(verb: Token) -> bool:
    """ "As The Hill reported, Ortiz was also accused of …": an "as" clause of saying with
    nothing said of its own vouches for its sentence, like "according to"."""
    if verb.dep_ != "advcl" or not is_speech_verb(verb):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    said = any(  # "as voters responded to …", "as advocates called for …": an "as" of time
        c.dep_ in OBJECT_DEPS | {"ccomp", "xcomp"}
        or (c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS - {"on", "as"})
        for c in verb.children
    )
    return marked and not said


def _closing_source(verb: Token) -> bool:
    """ "He said that he was “very comfortable” with it, The Post reported.": a verb of saying
    set off after the sentence it vouches for, with nothing said of its own, which the parser
    hangs on the sentence's verb as a second clause instead of as an aside."""
    if verb.dep_ != "ccomp" or verb.head.i > verb.i or not is_speech_verb(verb):
        return False
    opening = verb.left_edge.i
    if opening == 0 or not verb.doc[opening - 1].is_punct:
        return False
    return not any(c.dep_ in OBJECT_DEPS | {"ccomp", "xcomp"} for c in verb.children)


# One-word answers a verb of saying reports: "72 percent said yes", "half of them said so".
ANSWER_WORDS = {"yes", "no", "so"}


def answer_word(verb: Token) -> Token | None:
    """The "yes", "no" or "so" right after a verb of saying that is all it reports (not "said
    no to the war", whose object says what was refused)."""
    if not is_speech_verb(verb) or verb.i + 2 >= len(verb.doc):
        return None
    word = verb.nbor()
    answers = word.lower_ in ANSWER_WORDS and word.head.i == verb.i and word.nbor().lower_ != "to"
    return word if answers and word.dep_ in {"intj", "advmod", "dobj"} else None


def clause_opened_by(aside: Token) -> Token:
    """ "She hoped, she said, that the paper would stay away": the parser hangs a parenthetical
    "she said" on the clause it opens, but it vouches for the sentence around that clause (the
    hope is hers too, and PolNeAR reports both parts). The verb whose words end right before
    the aside and whose complement clause the aside opens; else the aside's own head."""
    clause = aside.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.i == clause.i or verb.i > aside.i:
        return clause
    opening = [t for t in clause.subtree if t.i < aside.left_edge.i]
    before = aside.doc[aside.left_edge.i - 1] if aside.left_edge.i > 0 else None
    if any(_wordy(t) and t.dep_ != "mark" for t in opening) or before is None:
        return clause
    ends_verb = before.i == verb.i or (
        before.head.i == verb.i and before.i not in {t.i for t in clause.subtree}
    )
    return verb if ends_verb else clause


def reported_clause(token: Token) -> list[tuple[int, int]]:
    """Token ranges of what is reported by a cue: its clause, or the clause around it."""
    if according_to(token) is not None:
        return _sentence_around(token) or _around(token.head, token)
    if _as_source(token) and _sentence_around(token):
        return _sentence_around(token)
    clause = _said_clause(token)
    if clause is not None:  # "said (that) …": the clause, without its "that"
        first = clause.left_edge.i
        first += clause.doc[first].dep_ == "mark" and clause.doc[first].lower_ == "that"
        last = _second_clause_end(token, clause) + 1
        comparing = verb_lemma(token) in FINDING_VERBS or _finding(token)
        return [(first, _before_writers_tail(clause.doc, first, last, comparing))]
    if (answer := answer_word(token)) is not None:  # "72 percent said yes", "half said so"
        return [(answer.i, answer.i + 1)]
    if token.dep_ == "parataxis" or _closing_source(token):  # "…, the minister said, …"
        return _around(clause_opened_by(token), token)
    if (patient := patient_of(token)) is not None:  # "Cruz was endorsed by Fiorina"
        return sorted([(patient.left_edge.i, patient.right_edge.i + 1), *_object_range(token)])
    said_of = is_speech_verb(token) and verb_lemma(token) not in OBJECT_NOT_SAID
    told = _told_to(token) or _tells_story(token)
    if is_stance_verb(token) or said_of or _holds_object(token) or told:
        return _object_range(token) or _relative_object(token)  # "warned of a “ferocious” battle"
    return []


RELATIVE_TAGS = {"WDT", "WP"}


def _relative_object(verb: Token) -> list[tuple[int, int]]:
    """ "the plan, which Cruz proposed", "a deal that she supported": a relative clause whose
    verb has a subject of its own and the relative pronoun as its object held, backed or
    proposed what the pronoun stands for; PolNeAR takes the pronoun as the content. (The noun
    before a clause without a pronoun, "something they aren't proposing", was right 14 times in
    50 on train: left out.)"""
    if verb.dep_ != "relcl" or verb.head.i > verb.i:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in RELATIVE_TAGS:
        return []  # "who believe in …": the clause says who holds it, not what
    pronoun = next((c for c in verb.lefts if c.dep_ == "dobj" and c.tag_ in RELATIVE_TAGS), None)
    return [] if pronoun is None else [(pronoun.i, pronoun.i + 1)]


# Verbs of thought whose object is what is held ("agreed to pay", "agreed with the analysis",
# "believes the popularity …", "learned how to …"), each right at least 35 times in 100 on
# PolNeAR train (8 uses or more) when taken with its object. Left out, below that: "know" (9 in
# 35), "understand" (5 in 20), "find" (15 in 80, but see FINDERS), "fear", "worry", "assume".
OBJECT_THOUGHT_VERBS = {"agree", "think", "believe", "learn"}
# What "finds" something the way a poll "shows" it: "a CNN survey found 90 percent support for
# …", "the inquiry found virtually nothing …" (a person "finds a job", "finds herself in …").
FINDERS = {
    "survey", "poll", "study", "report", "analysis", "review", "inquiry", "investigation",
    "paper", "research", "audit", "article", "probe", "researcher", "panel", "committee",
}  # fmt: skip


# Prepositions of one verb's object only: "agreed with the analysis" (5 of 7 right on PolNeAR
# train; "with" after other verbs says who with, "met with", "spoke with"), "believe in the
# American dream" (4 of 6; "in" after other verbs mostly says where or when).
OWN_PREPOSITIONS = {"agree": {"with"}, "believe": {"in"}}


def _holds_object(verb: Token) -> bool:
    """Whether a verb of thought attributes its object, not only a clause."""
    if not is_reporting_verb(verb):
        return False
    return verb_lemma(verb) in OBJECT_THOUGHT_VERBS or _finding(verb) or _question_held(verb)


WH_WORDS = {"how", "what", "which", "whether", "who", "whom", "when", "why", "where", "if"}


def _question_held(verb: Token) -> bool:
    """ "she knows how to use it", "nobody knows which nominee that helps": a question after a
    verb of thought is what is held, whatever verb ("know" with a plain object, "knows the
    harbour", mostly is not an attribution)."""
    return any(
        c.dep_ in {"xcomp", "dobj", "ccomp"}
        and c.left_edge.lower_ in WH_WORDS
        and c.left_edge.i > verb.i
        for c in verb.children
    )


def _finding(verb: Token) -> bool:
    """ "the survey found …", "a study finds …": "find" with a poll or study as its subject."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb_lemma(verb) == "find" and subject is not None and subject.lemma_.lower() in FINDERS


def _told_to(verb: Token) -> bool:
    """ "officials told residents not to drink the water", "reminded voters to register": told
    to do something, the one told and the infinitive are what was said."""
    return verb_lemma(verb) in {"tell", "remind"} and any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in verb.rights
    )


# What is told as an account: "told a slightly different tale", "tells the story of how he …".
NARRATIVES = {"story", "tale", "joke", "anecdote", "version", "account", "lie"}


def _tells_story(verb: Token) -> bool:
    """ "Exit polls told a tale of two parties", "she often tells the story of how …": the
    story told is what was said (the one told, "told reporters", is not)."""
    return verb_lemma(verb) == "tell" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in NARRATIVES for c in verb.rights
    )


def patient_of(verb: Token) -> Token | None:
    """ "Cruz was also endorsed by Carly Fiorina", "The ban was first reported by BuzzFeed",
    "Yellen has been criticized by traders for …": a passive cue with a doer names the source
    there; its subject is what was endorsed, reported or criticized. Not the one told or asked
    ("was told by aides that …"), an "it" or a relative pronoun."""
    if verb_lemma(verb) in {"ask", "tell"} or not any(c.dep_ == "agent" for c in verb.children):
        return None
    if passive_agent(verb) is None:  # "was criticized by saying …": the subject is the doer
        return None
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is None or patient.lower_ in EXPLETIVES or patient.tag_ in RELATIVE_TAGS:
        return None
    return patient


def _object_range(verb: Token) -> list[tuple[int, int]]:
    """The object, infinitive or prepositional complement of a verb of stance, with what
    follows it ("accused him of lying", "described the plan as a failure")."""
    # "was criticized by traders for …": the phrase comes after the doer
    near = max([verb.i] + [c.right_edge.i for c in verb.rights if c.dep_ == "agent"])
    parts = [
        c
        for c in verb.rights
        if c.dep_ in OBJECT_DEPS
        or (
            c.dep_ in {"prep", "prt"}
            and c.lower_ in OBJECT_PREPOSITIONS | OWN_PREPOSITIONS.get(verb_lemma(verb), set())
            and c.i <= near + 3
            and not _circumstance(c)
        )
        or (c.dep_ == "prep" and c.lower_ == "as")  # "referred to the plan as “a farce”"
        or _for_clause(c)
    ]
    if not parts:
        return []
    first = min(c.left_edge.i for c in parts)
    if (first == parts[0].i and parts[0].dep_ in {"prep", "prt"}) or _for_clause(parts[0]):
        first += 1  # "called for a recount": the preposition belongs to the cue
    last = _before_outlet(verb, first, max(c.right_edge.i for c in parts) + 1)
    last = _trailing_complements(verb, last)
    if verb_lemma(verb) in FINDING_VERBS or _finding(verb):
        last = max(last, _clause_end(verb))
    return [(first, last)] if first < last else []


# Where words were posted or aired: "mocked Trump on Twitter", "called her a clown on his radio
# show" (the parse often hangs the phrase on the object noun, not on the verb).
OUTLET_NOUNS = {
    "twitter", "facebook", "instagram", "youtube", "media", "radio", "television", "tv", "show",
    "page", "feed", "website", "blog", "podcast", "broadcast",
}  # fmt: skip
# When words were said: "confirmed the meeting in an interview", "claimed victory in a tweet".
# "at" and "during" left out: "protest at the conference", "vague responses … during an
# interview" are what PolNeAR marks as held (train, 2 of 5 right lost with them).
OCCASIONS_OF_SAYING = {
    "interview", "statement", "speech", "tweet", "letter", "email", "op-ed", "post", "remarks",
    "conference", "call", "appearance", "hearing", "rally", "debate", "anonymity",
}  # fmt: skip


def _before_outlet(verb: Token, first: int, last: int) -> int:
    """The end of an object before a closing "on Twitter", "on his radio show", "in an
    interview", "on condition of anonymity": where or when the words went out is the writer's
    framing, not what was said or held, whether the parse hangs it on the object noun or on
    the verb."""
    for token in verb.doc[first + 1 : last]:
        if (
            token.dep_ == "prep"
            and token.right_edge.i == last - 1
            and any(_outlet(token, c) for c in token.children if c.dep_ == "pobj")
        ):
            return token.i
    return last


def _outlet(preposition: Token, noun: Token) -> bool:
    """Whether "<preposition> <noun>" names where or when words went out."""
    if preposition.lower_ in {"in", "on"} and noun.lower_ in OCCASIONS_OF_SAYING:
        return True
    if preposition.lower_ != "on":
        return False
    if noun.lower_ == "condition":  # "on (the) condition of anonymity"
        return True
    if noun.lower_ == "media":  # "on social media", not "condemned the attacks on the media"
        return any(c.lower_ == "social" for c in noun.children)
    return noun.lower_ in OUTLET_NOUNS


def _for_clause(clause: Token) -> bool:
    """ "called for the wage to be raised", "pushing for Ortiz to own the issue": the parser
    makes what is called for a clause of its own opened by "for", not the preposition's object."""
    opener = clause.left_edge
    return (
        clause.dep_ in {"advcl", "ccomp"}
        and clause.i > clause.head.i
        and opener.lower_ == "for"
        and opener.dep_ == "mark"
        and opener.i == clause.head.i + 1
    )


# Verbs whose object is a finding: "the poll shows Ortiz 16 points ahead of Baker, with …".
FINDING_VERBS = {"show"}


def _clause_end(verb: Token) -> int:
    """The end of the verb's clause, without its closing punctuation: what a poll or a record
    shows runs to the end of the clause, whatever the parse hangs the figures on."""
    last = verb.right_edge.i + 1
    while last > verb.i + 1 and not _wordy(verb.doc[last - 1]):
        last -= 1
    return last


CIRCUMSTANCE_ENTITIES = {"DATE", "TIME"}


def _circumstance(preposition: Token) -> bool:
    """ "on Thursday", "in the morning": a phrase of time says when, not what."""
    return any(
        c.dep_ == "pobj" and c.ent_type_ in CIRCUMSTANCE_ENTITIES for c in preposition.children
    )


# Prepositions that say where or when the act took place ("shared the news on social media",
# "criticized the plan in interviews", "endorsed him during the debate"), not what was held.
SETTING_PREPOSITIONS = {
    "in", "on", "at", "during", "after", "before", "since", "amid", "throughout", "across",
}  # fmt: skip


def _trailing_complements(verb: Token, last: int) -> int:
    """ "accused the council of hiding the costs", "credited her with the deal", "backed him by
    20 points", "criticized his amendments to expand the port": a prepositional phrase or an
    infinitive the parser hangs on the verb right after its object still says what was held
    against, credited, backed or criticized, and belongs to it, as does a second noun the
    parse joins to the verb instead of to the object ("criticized the plan and the fees"). The
    run stops at a comma (", in a statement") and at a phrase of time or place ("on Thursday",
    "in an interview"), the writer's framing. The end of the object with such phrases."""
    for child in sorted(verb.rights, key=lambda c: c.i):
        if child.i < last or child.dep_ in {"cc", "punct"}:
            continue
        if child.left_edge.i == last and (_infinitive(child) or _as_description(child)):
            last = child.right_edge.i + 1
            continue
        if _joined_object(child, last):
            last = child.right_edge.i + 1
            continue
        if child.dep_ != "prep" or child.left_edge.i != last:
            break
        if not any(c.dep_ in {"pobj", "pcomp"} for c in child.children) or _circumstance(child):
            break
        if child.lower_ in SETTING_PREPOSITIONS and not _stance_phrase(child):
            break
        last = child.right_edge.i + 1
    return last


# "in support of", "in favor of": a phrase opened by "in" that says which side was taken.
STANCE_NOUNS = {"support", "favor", "favour", "defense", "defence", "opposition"}


def _stance_phrase(preposition: Token) -> bool:
    """ "announced a concert in support of Ortiz", "spoke in favor of the plan": "in" before a
    noun of taking sides opens more of what was held, not the place of the act."""
    return preposition.lower_ == "in" and any(
        c.dep_ == "pobj" and c.lower_ in STANCE_NOUNS for c in preposition.children
    )


def _infinitive(clause: Token) -> bool:
    """Whether a clause is an infinitive ("to expand the port")."""
    opener = clause.left_edge
    return (
        clause.dep_ in {"xcomp", "advcl", "ccomp"}
        and opener.lower_ == "to"
        and opener.dep_ == "aux"
    )


def _as_description(clause: Token) -> bool:
    """ "described the country as beset by crime", "considered the emails as classified": an
    "as" the parse makes the mark of a clause with no subject of its own says what the object
    was held to be ("as she left", with a subject, says when)."""
    opener = clause.left_edge
    return (
        clause.dep_ == "advcl"
        and opener.lower_ == "as"
        and opener.dep_ == "mark"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)
    )


def _joined_object(child: Token, last: int) -> bool:
    """ "criticized the plan and the fees": a second noun the parse joins to the verb instead of
    to its object is more of the object."""
    if child.dep_ != "conj" or child.pos_ not in {"NOUN", "PROPN"}:
        return False
    between = [t for t in child.doc[last : child.left_edge.i + 1] if not t.is_punct]
    return bool(between) and between[0].dep_ == "cc" and between[0].lower_ in {"and", "or"}
