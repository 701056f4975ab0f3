"""Quotes: direct, partial and reported speech, each with its cue verb and speaker.

Quoted words come from the quotation marks (:mod:`newsprism.read.quotemarks`, any style, unclosed
marks allowed); their attribution from the dependency parse: the nearest verb of saying the quote
hangs on, else an attributed quote just before it in the same paragraph (which it continues), else a
"said:" introducing it. A paragraph whose quote never closes and a next paragraph that re-opens one
form a multi-paragraph quote (``Quote.continues``). Reported speech is a verb of saying with a
clause ("X said (that) …", "…, X said", "according to X, …"). Speakers are resolved in
:mod:`newsprism.read.speakers`. Captions are never searched: a caption quotes nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.model import Article, Paragraph, Quote, QuoteKind, Span
from newsprism.read.coref import resolve
from newsprism.read.quotemarks import QuoteSegment, find_segments
from newsprism.read.speakers import (
    Salience,
    Speaker,
    according_to,
    describe,
    is_reporting_verb,
    is_speech_verb,
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


def _nearby_cue(doc: Doc, segment: QuoteSegment, marked: list[tuple[int, int]]) -> Token | None:
    """A verb of saying elsewhere in the quote's line or in a "said:" just before it."""
    text = doc.text
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


def _kind(doc: Doc, segment: QuoteSegment) -> QuoteKind:
    """Direct when the quote is a sentence of its own; partial when it is a fragment of one."""
    text = doc.text
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
        kind = _kind(doc, segment)
        whole = kind == "direct" or text[segment.start : segment.end].rstrip().endswith(",")
        draft = Draft(start, end, kind, cue=_ancestor_cue(doc, segment, marked, whole))
        if previous and _continues(text, previous[0], segment):
            draft.continues = previous[1]
        elif draft.cue is None and previous and _same_line(text, previous[0], segment):
            draft.continues = previous[1]  # "“A,” she said. “B.”": B goes on from A
        if draft.cue is None and draft.continues is None:
            draft.cue = _nearby_cue(doc, segment, marked)
        if draft.cue is not None:
            subject = according_to(draft.cue) or subject_of(draft.cue)
            draft.subject = speaker_token(article, doc, draft.cue, subject)
        elif draft.continues is None:
            draft.subject = _named_before_colon(article, doc, segment)
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


def _named_before_colon(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """Headline and list style, "Ann Ortiz: ‘We will build it’": a name, a colon, the quote."""
    text = article.text
    line_start = _line_of(text, segment.open_mark)[0]
    before = text[line_start : segment.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    span = doc.char_span(line_start, len(before) - 1, alignment_mode="contract")
    words = [t for t in span or [] if not t.is_space]
    if words and all(t.pos_ == "PROPN" or t.is_punct for t in words):
        return span.root  # nothing but a name before the colon
    return None


def _is_mention(quoted: str) -> bool:
    return len(quoted.split()) < MIN_UNATTRIBUTED_WORDS


def _reported_clause(token: Token) -> tuple[int, int] | None:
    """Token range of what is reported by a cue: its clause, or the clause around it."""
    if according_to(token) is not None:
        head = token.head
        own = {t.i for t in token.subtree}
        rest = [t.i for t in head.subtree if t.i not in own]
        after = [i for i in rest if i > token.i]
        before = [i for i in rest if i < token.i]
        side = after if len(after) >= len(before) else before
        return (min(side), max(side) + 1) if side else None
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        first = clause.left_edge.i
        if clause.doc[first].dep_ == "mark" and clause.doc[first].lower_ == "that":
            first += 1
        return first, clause.right_edge.i + 1
    if token.dep_ == "parataxis":  # "Troops should leave, the minister said, ..."
        head = token.head
        return head.left_edge.i, token.left_edge.i
    return None


def _reported(
    article: Article, doc: Doc, paragraphs: list[Paragraph], segments: list[QuoteSegment]
) -> list[Draft]:
    marked = _marked(segments)
    drafts: list[Draft] = []
    for token in doc:
        if _inside(marked, token.idx) or not any(p.start <= token.idx < p.end for p in paragraphs):
            continue
        if not (is_reporting_verb(token) or according_to(token) is not None):
            continue
        found = _reported_clause(token)
        if found is None:
            continue
        words = [t for t in doc[found[0] : found[1]] if t.is_alpha and not _inside(marked, t.idx)]
        if len(words) < MIN_REPORTED_WORDS:
            continue  # the clause is the quoted words themselves: a direct quote, found already
        start, end = doc[found[0]].idx, doc[found[1] - 1].idx + len(doc[found[1] - 1])
        paragraph = next(p for p in paragraphs if p.start <= token.idx < p.end)
        start, end = max(start, paragraph.start), min(end, paragraph.end)
        for segment in segments:  # keep the marks of a quote that the clause cuts in two
            if start <= segment.open_mark < end and segment.closed and segment.close_mark >= end:
                end = segment.close_mark + 1
        start, end = _trim(article.text, start, end)
        subject = according_to(token) or subject_of(token)
        speaker = speaker_token(article, doc, token, subject)
        if speaker is None or end <= start:
            continue
        drafts.append(Draft(start, end, "indirect", cue=token, subject=speaker))
    return drafts


def _cue_span(token: Token | None) -> Span | None:
    return None if token is None else Span(start=token.idx, end=token.idx + len(token))


def annotate(article: Article, doc: Doc) -> None:
    paragraphs = [p for p in article.paragraphs if p.role in SPEECH_ROLES]
    segments = [s for p in paragraphs for s in find_segments(article.text, p.start, p.end)]
    drafts = sorted(
        _quoted(article, doc, segments) + _reported(article, doc, paragraphs, segments),
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
