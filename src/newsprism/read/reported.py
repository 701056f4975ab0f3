"""Reported speech: the clause or object a verb of saying, thinking or stance attributes.

"X said (that) …", "the plan, X said, will …" (both sides), "according to X, …", a verb of
stance or of saying with its object ("X endorsed Y", "X called for …", "X warned of …") and a name
before a colon in a headline.
Also the shared draft of a quote that :mod:`newsprism.read.quotes` turns into ``Quote``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.model import Article, Paragraph, QuoteKind
from newsprism.read.cues import ADJECTIVE_PREPOSITIONS, ATTITUDE_ADJECTIVES
from newsprism.read.phrase_cues import phrase_cue
from newsprism.read.quotemarks import QuoteSegment
from newsprism.read.sourceless import EXPLETIVES, sourceless
from newsprism.read.speakers import (
    OBJECT_DEPS,
    OBJECT_PREPOSITIONS,
    SUBJECT_DEPS,
    according_to,
    is_reporting_verb,
    is_speech_verb,
    is_stance_verb,
    mention_at,
    speaker_token,
    subject_of,
    verb_lemma,
)

TRAILING = " \t\n,;:—–-"
MIN_REPORTED_WORDS = 2  # a reported clause has at least a subject and a verb of its own
MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted words with no cue are named, not quoted (train)
# Verbs of saying whose object is not what was said: the one spoken to ("told reporters"), or,
# measured on PolNeAR train (fewer than 35 in 100 right), mostly something else ("continued
# to campaign", "maintains a lead", "wrote a book", "added to his wins", "answered questions").
OBJECT_NOT_SAID = {
    "tell", "ask", "assure", "remind", "continue", "maintain", "add", "insist", "write", "post",
    "charge", "answer", "assert",
}  # fmt: skip


@dataclass
class Draft:
    start: int
    end: int
    kind: QuoteKind
    cue: Token | None = None
    subject: Token | None = None
    continues: Draft | None = None


def marked_spans(segments: list[QuoteSegment]) -> list[tuple[int, int]]:
    """Quoted stretches including their marks."""
    return [(s.open_mark, (s.close_mark if s.closed else s.end - 1) + 1) for s in segments]


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    while start < end and text[start] in TRAILING:
        start += 1
    return start, end


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
    before = [t for t in doc[sent.start : first] if _wordy(t)]
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


def _before_writers_tail(doc: Doc, first: int, last: int) -> int:
    """ "said all staff sign the pledge, though she did not discuss its terms", "said the law
    works, pointing to …": a clause of contrast or a participle of saying set off by a comma at
    the end of a reported clause is the writer's (the participle reports on its own). The end
    of the reported clause before it."""
    for token in doc[first + 1 : last]:
        if token.dep_ != "advcl" or not _closes(doc, token, last):
            continue
        opener = token.left_edge
        if opener.i <= first + 1 or doc[opener.i - 1].text != ",":
            continue
        contrast = opener.lower_ in CONTRAST_MARKS and opener.dep_ == "mark"
        saying = opener.i == token.i and token.tag_ == "VBG" and is_reporting_verb(token)
        if contrast or saying:
            return opener.i - 1
    return last


def _closes(doc: Doc, token: Token, last: int) -> bool:
    """Whether only punctuation follows the token's phrase up to the end."""
    return all(not _wordy(t) for t in doc[token.right_edge.i + 1 : last])


def _reported_clause(token: Token) -> list[tuple[int, int]]:
    """Token ranges of what is reported by a cue: its clause, or the clause around it."""
    if according_to(token) is not None:
        return _sentence_around(token) or _around(token.head, token)
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is not None:  # "said (that) …": the clause, without its "that"
        first = clause.left_edge.i
        first += clause.doc[first].dep_ == "mark" and clause.doc[first].lower_ == "that"
        last = _second_clause_end(token, clause) + 1
        return [(first, _before_writers_tail(clause.doc, first, last))]
    if token.dep_ == "parataxis":  # "Troops should leave, the minister said, ..."
        return _around(token.head, token)
    said_of = is_speech_verb(token) and verb_lemma(token) not in OBJECT_NOT_SAID
    if is_stance_verb(token) or said_of:
        return _object_range(token)  # "warned of a “ferocious” battle", "stressed the need"
    return []


def _object_range(verb: Token) -> list[tuple[int, int]]:
    """The object, infinitive or prepositional complement of a verb of stance, with what
    follows it ("accused him of lying", "described the plan as a failure")."""
    parts = [
        c
        for c in verb.rights
        if c.dep_ in OBJECT_DEPS
        or (
            c.dep_ in {"prep", "prt"}
            and c.lower_ in OBJECT_PREPOSITIONS
            and c.i <= verb.i + 3
            and not _circumstance(c)
        )
        or (c.dep_ == "prep" and c.lower_ == "as")  # "referred to the plan as “a farce”"
    ]
    if not parts:
        return []
    first = min(c.left_edge.i for c in parts)
    if first == parts[0].i and parts[0].dep_ in {"prep", "prt"}:
        first += 1  # "called for a recount": the preposition belongs to the cue
    last = _trailing_complements(verb, max(c.right_edge.i for c in parts) + 1)
    if verb_lemma(verb) in FINDING_VERBS:
        last = max(last, _clause_end(verb))
    return [(first, last)] if first < last else []


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


def _trailing_complements(verb: Token, last: int) -> int:
    """ "accused the council of hiding the costs", "credited her with the deal", "backed him by
    20 points": a prepositional phrase the parser hangs on the verb right after its object still
    says what was held against, credited or backed, and belongs to it. The run stops at a
    comma (", in a statement") and at a phrase of time ("on Thursday"), the writer's framing.
    The end of the object with such phrases."""
    for child in sorted(verb.rights, key=lambda c: c.i):
        if child.i < last:
            continue
        if child.dep_ != "prep" or child.left_edge.i != last:
            break
        if not any(c.dep_ in {"pobj", "pcomp"} for c in child.children) or _circumstance(child):
            break
        last = child.right_edge.i + 1
    return last


OBLIGATION_MODALS = {"must", "should", "ought"}


def _obligation(token: Token) -> bool:
    """ "Voters must understand that …", "Greeks should know …": a thought someone is told to
    have, not one its subject holds, so nothing is attributed to that subject."""
    if is_speech_verb(token) or is_stance_verb(token):
        return False
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in token.children)


def _asked_unnamed(token: Token) -> bool:
    """ "Asked whether …, she said" / "He was asked if …": the one asked is not the one asking,
    and nobody names the asker."""
    if token.lemma_.lower() not in {"ask", "tell"} or token.tag_ not in {"VBN", "VBD"}:
        return False  # "…, telling reporters": the participle's speaker is its head's subject
    if token.tag_ == "VBD" and token.dep_ == "conj" and subject_of(token) is not None:
        return False  # "She greeted supporters and told them that …": the joined verb's subject
    return not any(c.dep_ in {"agent", "nsubj"} for c in token.children)


def _agentless(token: Token) -> list[tuple[int, int]]:
    """ "Ortiz was criticized for the delay", "it was reported that …": a passive cue with no
    "by" names nobody; its subject is part of what is attributed (an "it" is not)."""
    if verb_lemma(token) in {"ask", "tell"} or any(c.dep_ == "agent" for c in token.children):
        return []
    patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if patient is None:
        return []
    ranges = _reported_clause(token)
    if ranges and patient.lower_ not in EXPLETIVES:
        ranges.append((patient.left_edge.i, patient.right_edge.i + 1))
    return sorted(ranges)


def attitude_adjective(token: Token) -> list[tuple[int, int]]:
    """ "Ortiz was critical of the deal", "voters are skeptical about the plan", "she is hopeful
    that talks resume", "he was eager to leave": an adjective of attitude after "be" attributes
    its complement to the subject. An infinitive that is itself a cue ("eager to endorse the
    mayor") is left to that verb."""
    if token.pos_ != "ADJ" or token.lemma_.lower() not in ATTITUDE_ADJECTIVES:
        return []
    if token.dep_ != "acomp" or token.head.pos_ not in {"AUX", "VERB"}:
        return []
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ADJECTIVE_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if objects:
                return [(objects[0].left_edge.i, objects[0].right_edge.i + 1)]
        if child.dep_ in {"ccomp", "xcomp"}:
            if is_reporting_verb(child) or is_stance_verb(child):
                return []
            return [(child.left_edge.i, child.right_edge.i + 1)]
    return []


ASIDE_DEPS = {"relcl", "appos"}
ASIDE_BREAKS = {",", "—", "–", "-", "--"}


def _without_asides(doc: Doc, first: int, last: int, marked: list[tuple[int, int]]) -> int:
    """ "said he would scrap the deal, which the council signed in May", "praised Ann Ortiz, the
    mayor": a relative clause or an apposition set off by a comma or dash at the end of a
    reported clause describes a noun for the reader; it is the writer's aside, not part of what
    was said or held. One with quoted words in it ("…, a “victory for the town”") is what was
    said. The end of the clause without the asides."""
    while True:
        aside = next(
            (
                t
                for t in doc[first:last]
                if t.dep_ in ASIDE_DEPS
                and t.right_edge.i == last - 1
                and first < t.left_edge.i - 1
                and doc[t.left_edge.i - 1].text in ASIDE_BREAKS
                and first <= t.head.i < last
                and not any(inside(marked, w.idx) for w in doc[t.left_edge.i : last])
            ),
            None,
        )
        if aside is None:
            return last
        last = aside.left_edge.i - 1


NOUN_HEADS = {"NOUN", "PROPN", "PRON"}


def _described_source(token: Token) -> Token | None:
    """ "a poll showing Ortiz ahead", "the super PACs supporting Ortiz", "a statement defending
    the mayor": a present participle describing a noun tells what that noun says, shows or
    backs, so the noun is its source. (A past participle, "a plan backed by …", tells what was
    done to the noun.)"""
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in NOUN_HEADS:
        return token.head
    return None


def _adjective_subject(token: Token) -> Token | None:
    """ "Readers were quick to condemn the outcome", "she is eager to endorse him": the infinitive
    after an adjective of the verb "be" is its subject's."""
    adjective = token.head
    if token.dep_ != "xcomp" or adjective.pos_ != "ADJ" or adjective.dep_ != "acomp":
        return None
    return next((c for c in adjective.head.children if c.dep_ in SUBJECT_DEPS), None)


def _char_range(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1])


def reported(
    article: Article, doc: Doc, paragraphs: list[Paragraph], segments: list[QuoteSegment]
) -> list[Draft]:
    marked = marked_spans(segments)
    drafts: list[Draft] = []
    for token in doc:
        unsourced = sourceless(token)
        held = attitude_adjective(token)
        phrased = phrase_cue(token)
        if not (
            unsourced
            or held
            or phrased
            or is_reporting_verb(token)
            or is_stance_verb(token)
            or according_to(token) is not None
        ):
            continue
        paragraph = next((p for p in paragraphs if p.start <= token.idx < p.end), None)
        if paragraph is None or inside(marked, token.idx) or _obligation(token):
            continue
        unsourced = unsourced or _agentless(token)
        ranges = unsourced or held or phrased or _reported_clause(token)
        if ranges:
            first, last = ranges[-1]
            ranges[-1] = (first, _without_asides(doc, first, last, marked))
        words = [
            t for a, b in ranges for t in doc[a:b] if t.is_alpha and not inside(marked, t.idx)
        ]
        if len(words) < (1 if is_stance_verb(token) or phrased else MIN_REPORTED_WORDS):
            continue  # the clause is the quoted words themselves: a direct quote, found already
        speaker = None
        if not unsourced and not _asked_unnamed(token):
            subject = (
                (subject_of(token.head) if held else None)
                or according_to(token)
                or subject_of(token)
                or _described_source(token)
                or _adjective_subject(token)
            )
            speaker = speaker_token(article, doc, token, subject, marked)
            if speaker is None:
                continue
        drafts += clause_drafts(article, doc, paragraph, segments, ranges, token, speaker)
    return drafts


def clause_drafts(
    article: Article,
    doc: Doc,
    paragraph: Paragraph,
    segments: list[QuoteSegment],
    ranges: list[tuple[int, int]],
    cue: Token,
    speaker: Token | None,
) -> list[Draft]:
    """One draft per token range of a reported clause, the later ones going on from the first;
    kept inside the paragraph, with the marks of a quote the clause cuts in two."""
    drafts: list[Draft] = []
    previous: Draft | None = None
    for first, last in ranges:
        start, end = _char_range(doc, first, last)
        start, end = max(start, paragraph.start), min(end, paragraph.end)
        for segment in segments:
            cut = start <= segment.open_mark < end and segment.closed
            if cut and segment.close_mark >= end:
                end = segment.close_mark + 1
        start, end = trim(article.text, start, end)
        if end <= start:
            continue
        draft = Draft(start, end, "indirect", cue=cue, subject=speaker, continues=previous)
        drafts.append(draft)
        previous = previous or draft
    return drafts


def name_colon(
    article: Article, doc: Doc, paragraphs: list[Paragraph], segments: list[QuoteSegment]
) -> list[Draft]:
    """Headline style, "Ortiz: Harbour Deal Is ‘A Fair Day’s Pay’": a name alone before a
    colon says the rest of the line. A line that goes on with a quotation mark is left to the
    quote it opens (:func:`_named_before_colon`), so the words are not reported twice."""
    opened = [s.open_mark for s in segments]
    drafts = []
    for paragraph in paragraphs:
        colon = article.text.find(":", paragraph.start, paragraph.end)
        if colon < 0:
            continue
        name = doc.char_span(paragraph.start, colon, alignment_mode="contract")
        words = [t for t in name or [] if not t.is_space]
        if not words or len(words) > 4 or not _speaker_label(article, words):
            continue
        start, end = trim(article.text, colon + 1, paragraph.end)
        if any(start <= mark < start + 2 for mark in opened):
            continue
        if len(article.text[start:end].split()) >= MIN_UNATTRIBUTED_WORDS:
            colon_token = doc[words[-1].i + 1]
            drafts.append(Draft(start, end, "indirect", cue=colon_token, subject=name.root))
    return drafts


# A finding's maker labels a headline as a person does: "Poll: Ortiz leads by 9 points".
REPORTING_LABELS = {"poll", "survey", "report", "study"}


def _speaker_label(article: Article, words: list[Token]) -> bool:
    """Words before a line's colon that name who says the rest: a name the parse tags and the
    entities hold ("Ann Ortiz: …"); a surname or a transcript's capitalised speaker ("ORTIZ: …")
    that names a person mentioned elsewhere in the article, whatever the headline parse made of
    it; a poll or report ("Poll: …")."""
    if all(t.pos_ == "PROPN" for t in words) and mention_at(article, words[-1].idx) is not None:
        return True
    if len(words) == 1 and words[0].lower_ in REPORTING_LABELS:
        return True
    if not all(t.is_alpha and t.text[0].isupper() for t in words):
        return False
    surname = words[-1].lower_
    return any(
        m.label == "PERSON"
        and not m.start <= words[-1].idx < m.end
        and surname in m.text.lower().split()
        for m in article.mentions
    )
