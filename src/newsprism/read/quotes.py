"""Quotes: direct, partial and reported speech, each with its cue verb and speaker.

Quoted words come from the quotation marks (:mod:`newsprism.read.quotemarks`, any style, unclosed
marks allowed); their attribution from the dependency parse: the nearest verb of saying the quote
hangs on, else an attributed quote just before it in the same paragraph (which it continues), else a
"said:" introducing it. A paragraph whose quote never closes and a next paragraph that re-opens one
form a multi-paragraph quote (``Quote.continues``), and so does a paragraph of quote only after
an attributed one. Quoted words with no verb of saying belong to the subject of their sentence.
Reported speech is a verb of saying or thinking with a clause ("X said (that) …", "the plan, X
said, will …" on both sides, "according to X, …"), a verb of stance with its object ("X endorsed
Y", "X called for …") or a name before a colon in a headline. Speakers are resolved in
:mod:`newsprism.read.speakers`. Captions are never searched: a caption quotes nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.model import Article, Paragraph, Quote, QuoteKind, Span
from newsprism.read.coref import resolve
from newsprism.read.quotemarks import QuoteSegment, find_segments
from newsprism.read.speakers import (
    OBJECT_DEPS,
    OBJECT_PREPOSITIONS,
    Salience,
    Speaker,
    according_to,
    can_speak,
    describe,
    is_reporting_verb,
    is_speech_verb,
    is_stance_verb,
    mention_at,
    speaker_token,
    subject_of,
)

SPEECH_ROLES = {"title", "standfirst", "body"}
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


def _marked(segments: list[QuoteSegment]) -> list[tuple[int, int]]:
    """Quoted stretches including their marks."""
    return [(s.open_mark, (s.close_mark if s.closed else s.end - 1) + 1) for s in segments]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)


def _frames(verb: Token, whole: bool) -> bool:
    """Any verb with a subject introduces a quote that is a sentence of its own and hangs on it
    directly ("He jokes, “…”", "“…,” she continued"): the frame says it, not the lexicon."""
    return whole and verb.pos_ == "VERB" and subject_of(verb) is not None


def _ancestor_cue(
    doc: Doc, segment: QuoteSegment, marked: list[tuple[int, int]], whole: bool = False
) -> Token | None:
    """The closest verb of saying, outside any quote, that the quoted words depend on."""
    span = doc.char_span(segment.start, segment.end, alignment_mode="expand")
    if span is None:
        return None
    found: list[Token] = []
    for token in span:
        first = True
        for ancestor in token.ancestors:
            if segment.start <= ancestor.idx < segment.end or _inside(marked, ancestor.idx):
                continue
            if is_speech_verb(ancestor) or (first and _frames(ancestor, whole)):
                found.append(ancestor)
                break
            first = False
    return min(found, key=lambda t: _distance(t, segment), default=None)


def _distance(token: Token, segment: QuoteSegment) -> int:
    return segment.open_mark - token.idx if token.idx < segment.start else token.idx - segment.end


def _line_of(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _nearby_cue(
    text: str, doc: Doc, segment: QuoteSegment, marked: list[tuple[int, int]]
) -> Token | None:
    """A verb of saying elsewhere in the quote's line or in a "said:" just before it."""
    start, end = _line_of(text, segment.open_mark)
    before = text[: segment.open_mark].rstrip()
    if before.endswith(":"):  # "A spokesman said:" in this line or the line before
        start = _line_of(text, len(before) - 1)[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    candidates = [
        t
        for t in (span or [])
        if (is_speech_verb(t) or according_to(t) is not None) and not _inside(marked, t.idx)
    ]
    return min(candidates, key=lambda t: abs(_distance(t, segment)), default=None)


def _kind(text: str, doc: Doc, segment: QuoteSegment) -> QuoteKind:
    """Direct when the quote is a sentence of its own; partial when it is a fragment of one."""
    line_start = _line_of(text, segment.open_mark)[0]
    before = text[line_start : segment.open_mark].rstrip()
    if segment.line_start or before.endswith((":", ".", "!", "?")):
        return "direct"
    ends_sentence = text[segment.start : segment.end].rstrip().endswith((".", "!", "?"))
    previous = doc.char_span(line_start, segment.open_mark, alignment_mode="contract")
    last = [t for t in previous or [] if not t.is_space]
    after_cue = bool(last) and (
        is_speech_verb(last[-1])
        or (last[-1].text == "," and len(last) > 1 and is_speech_verb(last[-2]))
    )
    return "direct" if ends_sentence and after_cue else "partial"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    while start < end and text[start] in TRAILING:
        start += 1
    return start, end


def _continues(text: str, previous: QuoteSegment, segment: QuoteSegment) -> bool:
    """An unclosed quote re-opened at the start of the next paragraph or line."""
    between = text[previous.end : segment.open_mark]
    return not previous.closed and segment.line_start and not between.strip()


def _same_line(text: str, previous: QuoteSegment, segment: QuoteSegment) -> bool:
    return "\n" not in text[previous.end : segment.open_mark]


def _quoted(article: Article, doc: Doc, segments: list[QuoteSegment]) -> list[Draft]:
    text = article.text
    marked = _marked(segments)
    drafts: list[Draft] = []
    previous: tuple[QuoteSegment, Draft] | None = None
    for segment in segments:
        start, end = _trim(text, segment.start, segment.end)
        kind = _kind(text, doc, segment)
        whole = kind == "direct" or text[segment.start : segment.end].rstrip().endswith(",")
        draft = Draft(start, end, kind, cue=_ancestor_cue(doc, segment, marked, whole))
        if previous and _continues(text, previous[0], segment):
            draft.continues = previous[1]
        elif draft.cue is None and previous and _same_line(text, previous[0], segment):
            draft.continues = previous[1]  # "“A,” she said. “B.”": B goes on from A
        if draft.cue is None and draft.continues is None:
            draft.cue = _nearby_cue(text, doc, segment, marked)
        if draft.cue is None and previous and _next_paragraph(text, previous, segment):
            draft.continues = previous[1]  # a paragraph of quote only: the speaker goes on
        if draft.cue is not None:
            subject = according_to(draft.cue) or subject_of(draft.cue)
            draft.subject = speaker_token(article, doc, draft.cue, subject)
        elif draft.continues is None:
            draft.subject = _named_before_colon(article, doc, segment) or _framing_subject(
                article, doc, segment
            )
        if draft.cue is None and draft.continues is None and _is_mention(text[start:end]):
            continue  # a scare quote, a title, a nickname: words mentioned, not said
        drafts.append(draft)
        previous = (segment, draft)
    _attribute_openers(drafts)
    return drafts


def _attribute_openers(drafts: list[Draft]) -> None:
    """A multi-paragraph quote is attributed once, usually in its last paragraph ("…,” she
    said): the unattributed paragraphs before it take that attribution."""
    for draft in reversed(drafts):
        opener = draft.continues
        if opener is not None and opener.cue is None and opener.subject is None:
            opener.cue, opener.subject = draft.cue, draft.subject


def _next_paragraph(
    text: str, previous: tuple[QuoteSegment, Draft], segment: QuoteSegment
) -> bool:
    """A paragraph that opens with a quote right after a paragraph with an attributed quote
    continues that speaker's words (news style: the attribution is given once)."""
    if not segment.line_start or previous[1].kind == "indirect":
        return False
    line_end = _line_of(text, previous[0].open_mark)[1]
    attributed = previous[1].subject is not None or previous[1].continues is not None
    between = text[line_end : segment.open_mark]
    return attributed and line_end < segment.open_mark and not between.strip()


def _framing_subject(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """Quoted words with no verb of saying belong to whoever the sentence around them is about,
    when that can speak: "She has touted his record — “the longest expansion”", "The board was
    conclusive in its findings: “…”"."""
    text = article.text
    at = segment.open_mark
    if segment.line_start:  # only a quote introduced by a colon in the line before
        before = text[:at].rstrip()
        if not before.endswith(":"):
            return None
        at = len(before) - 1
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return None
    root = span[0].sent.root
    subject = subject_of(root)
    if subject is None or subject.idx >= at or not can_speak(article, subject):
        return None
    return subject


def _named_before_colon(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """Headline and list style, "Ann Ortiz: ‘We will build it’": a name, a colon, the quote."""
    text = article.text
    line_start = _line_of(text, segment.open_mark)[0]
    before = text[line_start : segment.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    span = doc.char_span(line_start, line_start + len(before) - 1, alignment_mode="contract")
    words = [t for t in span or [] if not t.is_space]
    if words and all(t.pos_ == "PROPN" or t.is_punct for t in words):
        return span.root  # nothing but a name before the colon
    return None


def _is_mention(quoted: str) -> bool:
    return len(quoted.split()) < MIN_UNATTRIBUTED_WORDS


def _around(head: Token, inner: Token) -> list[tuple[int, int]]:
    """Token ranges of ``head``'s clause on each side of ``inner``'s words: "The plan, she
    said, will fail" reports "The plan" and "will fail"."""
    own = {t.i for t in inner.subtree}
    rest = [t.i for t in head.subtree if t.i not in own]
    before = [i for i in rest if i < inner.left_edge.i]
    after = [i for i in rest if i > inner.right_edge.i]
    return [(min(side), max(side) + 1) for side in (before, after) if side]


def _reported_clause(token: Token) -> list[tuple[int, int]]:
    """Token ranges of what is reported by a cue: its clause, or the clause around it."""
    if according_to(token) is not None:
        return _around(token.head, token)
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is not None:  # "said (that) …": the clause, without its "that"
        first = clause.left_edge.i
        first += clause.doc[first].dep_ == "mark" and clause.doc[first].lower_ == "that"
        return [(first, clause.right_edge.i + 1)]
    if token.dep_ == "parataxis":  # "Troops should leave, the minister said, ..."
        return _around(token.head, token)
    if is_stance_verb(token):
        return _object_range(token)
    return []


def _object_range(verb: Token) -> list[tuple[int, int]]:
    """The object, infinitive or prepositional complement of a verb of stance, with what
    follows it ("accused him of lying", "described the plan as a failure")."""
    parts = [
        c
        for c in verb.rights
        if c.dep_ in OBJECT_DEPS
        or (c.dep_ in {"prep", "prt"} and c.lower_ in OBJECT_PREPOSITIONS and c.i <= verb.i + 3)
    ]
    if not parts:
        return []
    first = min(c.left_edge.i for c in parts)
    if first == parts[0].i and parts[0].dep_ in {"prep", "prt"}:
        first += 1  # "called for a recount": the preposition belongs to the cue
    last = max(c.right_edge.i for c in parts) + 1
    return [(first, last)] if first < last else []


def _asked_unnamed(token: Token) -> bool:
    """ "Asked whether …, she said" / "He was asked if …": the one asked is not the one asking,
    and nobody names the asker."""
    if token.lemma_.lower() not in {"ask", "tell"} or token.tag_ not in {"VBN", "VBD"}:
        return False  # "…, telling reporters": the participle's speaker is its head's subject
    return not any(c.dep_ in {"agent", "nsubj"} for c in token.children)


def _char_range(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1])


def _reported(
    article: Article, doc: Doc, paragraphs: list[Paragraph], segments: list[QuoteSegment]
) -> list[Draft]:
    marked = _marked(segments)
    drafts: list[Draft] = []
    for token in doc:
        if not (
            is_reporting_verb(token) or is_stance_verb(token) or according_to(token) is not None
        ):
            continue
        paragraph = next((p for p in paragraphs if p.start <= token.idx < p.end), None)
        if paragraph is None or _inside(marked, token.idx):
            continue
        ranges = _reported_clause(token)
        words = [
            t for a, b in ranges for t in doc[a:b] if t.is_alpha and not _inside(marked, t.idx)
        ]
        if len(words) < (1 if is_stance_verb(token) else MIN_REPORTED_WORDS):
            continue  # the clause is the quoted words themselves: a direct quote, found already
        speaker = None
        if not _asked_unnamed(token):
            subject = according_to(token) or subject_of(token)
            speaker = speaker_token(article, doc, token, subject)
            if speaker is None:
                continue
        previous: Draft | None = None
        for first, last in ranges:
            start, end = _char_range(doc, first, last)
            start, end = max(start, paragraph.start), min(end, paragraph.end)
            for segment in segments:  # keep the marks of a quote that the clause cuts in two
                cut = start <= segment.open_mark < end and segment.closed
                if cut and segment.close_mark >= end:
                    end = segment.close_mark + 1
            start, end = _trim(article.text, start, end)
            if end <= start:
                continue
            draft = Draft(start, end, "indirect", cue=token, subject=speaker, continues=previous)
            drafts.append(draft)
            previous = previous or draft
    return drafts


def _name_colon(
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
        if not words or len(words) > 4 or not all(t.pos_ == "PROPN" for t in words):
            continue
        if mention_at(article, words[-1].idx) is None:
            continue
        start, end = _trim(article.text, colon + 1, paragraph.end)
        if any(start <= mark < start + 2 for mark in opened):
            continue
        if len(article.text[start:end].split()) >= MIN_UNATTRIBUTED_WORDS:
            colon_token = doc[words[-1].i + 1]
            drafts.append(Draft(start, end, "indirect", cue=colon_token, subject=name.root))
    return drafts


def _cue_span(token: Token | None) -> Span | None:
    return None if token is None else Span(start=token.idx, end=token.idx + len(token))


def annotate(article: Article, doc: Doc) -> None:
    paragraphs = [p for p in article.paragraphs if p.role in SPEECH_ROLES]
    segments = [s for p in paragraphs for s in find_segments(article.text, p.start, p.end)]
    drafts = sorted(
        _quoted(article, doc, segments)
        + _reported(article, doc, paragraphs, segments)
        + _name_colon(article, doc, paragraphs, segments),
        key=lambda d: (d.start, d.end),
    )
    salience = Salience(article, doc, resolve([article]), _marked(segments))
    base = len(article.quotes)
    position = {id(d): base + i for i, d in enumerate(drafts)}
    speakers: dict[int, Speaker | None] = {}
    for draft in drafts:
        speaker = None
        cue = draft.cue
        if draft.subject is not None:
            speaker = describe(article, doc, draft.subject, salience)
        elif draft.continues is not None:
            speaker, cue = speakers.get(id(draft.continues)), draft.continues.cue
        speakers[id(draft)] = speaker
        article.quotes.append(
            Quote(
                start=draft.start,
                end=draft.end,
                text=article.text[draft.start : draft.end],
                kind=draft.kind,
                cue=_cue_span(cue),
                speaker=speaker.span if speaker else None,
                speaker_text=speaker.text if speaker else None,
                speaker_name=speaker.name if speaker else None,
                continues=position[id(draft.continues)] if draft.continues else None,
            )
        )
