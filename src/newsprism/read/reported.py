"""Reported speech: the clause or object a verb of saying, thinking or stance attributes.

"X said (that) …", "the plan, X said, will …" (both sides), "according to X, …", a verb of
stance or of saying with its object ("X endorsed Y", "X called for …", "X warned of …") and a name
before a colon in a headline.
Also the shared draft of a quote that :mod:`newsprism.read.quotes` turns into ``Quote``. Where
each cue's content starts and ends is :mod:`newsprism.read.reported_span`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.model import Article, Paragraph, QuoteKind
from newsprism.read.cues import ADJECTIVE_PREPOSITIONS, ATTITUDE_ADJECTIVES
from newsprism.read.inherited_subject import inherited_subject
from newsprism.read.not_attributions import not_an_attribution
from newsprism.read.phrase_cues import phrase_cue
from newsprism.read.quotemarks import QuoteSegment
from newsprism.read.reported_span import (
    OWN_PREPOSITIONS,
    answer_word,
    patient_of,
    reported_clause,
)
from newsprism.read.sourceless import EXPLETIVES, sourceless
from newsprism.read.speakers import (
    SUBJECT_DEPS,
    according_to,
    is_reporting_verb,
    is_speech_verb,
    is_stance_verb,
    mention_at,
    passive_agent,
    speaker_after_quote,
    speaker_token,
    subject_of,
    verb_lemma,
)

TRAILING = " \t\n,;:—–-"
MIN_REPORTED_WORDS = 2  # a reported clause has at least a subject and a verb of its own
MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted words with no cue are named, not quoted (train)


@dataclass
class Draft:
    start: int
    end: int
    kind: QuoteKind
    cue: Token | None = None
    subject: Token | None = None
    continues: Draft | None = None
    confidence: float | None = None  # a learned model's P(content and speaker right)


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
    if token.tag_ == "VBD" and token.dep_ == "ROOT" and speaker_after_quote(token):
        return False  # "“…,” a source, who …, told the paper": a finite verb lost its subject
    return not any(c.dep_ in {"agent", "nsubj"} for c in token.children)


def _agentless(token: Token) -> list[tuple[int, int]]:
    """ "Ortiz was criticized for the delay", "it was reported that …": a passive cue with no
    "by" names nobody; its subject is part of what is attributed (an "it" is not)."""
    if verb_lemma(token) in {"ask", "tell"} or any(c.dep_ == "agent" for c in token.children):
        return []
    patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if patient is None or (patient.lower_ not in EXPLETIVES and _has_said(token)):
        return []  # (but "it's reported that …" is a passive)
    ranges = reported_clause(token)
    if ranges and patient.lower_ not in EXPLETIVES:
        ranges.append((patient.left_edge.i, patient.right_edge.i + 1))
    return sorted(ranges)


def _has_said(token: Token) -> bool:
    """ "He's said he gets his ideas from …": "'s" is "has" here, not "is", since a passive
    "is said" takes no clause with a subject of its own ("is said to be")."""
    contracted = any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in token.children)
    return contracted and any(
        c.dep_ == "ccomp" and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in token.children
    )


def _expletive_frame(cue: Token, speaker: Token) -> bool:
    """ "It is hard to know whether …", "it's important to note that …": the "it" only holds the
    place of the infinitive; nobody is said to know or note anything."""
    be = speaker.head
    adjectives = [c for c in be.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    return (
        speaker.lower_ == "it"
        and speaker.dep_ == "nsubj"
        and be.lemma_ == "be"
        and bool(adjectives)
        and infinitive
        and (cue.head.i == be.i or cue.head.i in {a.i for a in adjectives})
    )


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


# Pronouns of persons: "believe me", "told him" name who is addressed, not what is held.
PERSON_PRONOUNS = {"me", "you", "him", "her", "us", "them"}


def _named_object(cue: Token, words: list[Token]) -> bool:
    """ "Ortiz claimed victory", "he did not concede defeat", "few politicians admit this",
    "Ortiz agrees with Dean": a single word the verb takes as its object (or as the object of
    its own preposition) is what was claimed, conceded or held, not a quote cut short. Not in an
    aside of time or manner ("as Vulture put it", "as he said so")."""
    if len(words) != 1 or cue.dep_ == "advcl":
        return False
    word = words[0]
    if word == answer_word(cue):  # "72 percent said yes"
        return True
    if word.dep_ == "pobj":  # "agrees with Dean": the verb's own preposition
        preposition = word.head
        own = OWN_PREPOSITIONS.get(verb_lemma(cue), set())
        return preposition.head.i == cue.i and preposition.lower_ in own
    named = word.pos_ in {"NOUN", "PROPN"} or (
        word.pos_ == "PRON" and word.lower_ not in PERSON_PRONOUNS
    )
    return word.dep_ == "dobj" and word.head.i == cue.i and named


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
        passive = [] if unsourced else _agentless(token)
        unsourced = unsourced or passive
        ranges = unsourced or held or phrased or reported_clause(token)
        if ranges:
            first, last = ranges[-1]
            ranges[-1] = (first, _without_asides(doc, first, last, marked))
        words = [
            t for a, b in ranges for t in doc[a:b] if t.is_alpha and not inside(marked, t.idx)
        ]
        if len(words) < (1 if is_stance_verb(token) or phrased else MIN_REPORTED_WORDS) and not (
            _named_object(token, words)
        ):
            continue  # the clause is the quoted words themselves: a direct quote, found already
        if not_an_attribution(token, ranges):
            continue
        # "has been called “a sham” by Ortiz": the parse hung the doer on the words between
        speaker = passive_agent(token) if passive else None
        if not unsourced and not _asked_unnamed(token):
            subject = (
                (subject_of(token.head) if held else None)
                or according_to(token)
                or subject_of(token)
                or _described_source(token)
                or _adjective_subject(token)
                or inherited_subject(token)
            )
            speaker = speaker_token(article, doc, token, subject, marked)
            if speaker is None:
                continue
            if _speaks_of_itself(token, speaker):
                speaker = subject  # the doer, when the checks above passed it over for a name
            if _expletive_frame(token, speaker):
                speaker = None  # kept with no source, as PolNeAR keeps it
        drafts += clause_drafts(article, doc, paragraph, segments, ranges, token, speaker)
    return drafts


def _speaks_of_itself(cue: Token, speaker: Token) -> bool:
    """ "Trump has been criticized by some of his rivals": what a passive cue's doer judged is
    never its own source, however the doer is phrased."""
    patient = patient_of(cue)
    return patient is not None and patient.left_edge.i <= speaker.i <= patient.right_edge.i


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
    it; a poll or report ("Poll: …").

    Kept apart from :func:`newsprism.read.quote_layout.introduced_by_source`, which judges the
    phrase before a colon that opens a quotation mark: there a role, a group or any document
    ("From the analysis: “…”") speaks, while before a headline's colon "Analysis:", "Opinion:" or
    "Breaking:" label the kind of story, so only names and findings count."""
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
