"""Quotes: direct, partial and reported speech, each with its cue verb and speaker.

Quoted words come from the quotation marks (:mod:`newsprism.read.quotemarks`, any style, unclosed
marks allowed); their attribution from the dependency parse: the nearest verb of saying the quote
hangs on, else an attributed quote just before it in the same paragraph (which it continues), else a
"said:" introducing it. A paragraph whose quote never closes and a next paragraph that re-opens one
form a multi-paragraph quote (``Quote.continues``), and so does a paragraph of quote only after
an attributed one. Quoted words with no verb of saying belong to a name before a colon in their
line (headlines, lists), to a signature in the next paragraph ("— Ann Ortiz"), else to the
subject of their sentence (:mod:`newsprism.read.uncued`).
Reported speech ("X said (that) …", "X endorsed Y", …) is found in
:mod:`newsprism.read.reported`. Speakers are resolved in
:mod:`newsprism.read.speakers`. Captions are never searched: a caption quotes nobody.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.model import Article, Quote, QuoteKind, Span
from newsprism.read.claim_filter import drop_unlikely
from newsprism.read.coref import resolve
from newsprism.read.learned_claims import propose
from newsprism.read.learned_extent import refit_extents
from newsprism.read.noun_cues import noun_claims
from newsprism.read.partial_clause import widen_partials
from newsprism.read.quote_frames import following_verb, introducing_verb
from newsprism.read.quote_layout import introduced_by_source
from newsprism.read.quote_mentions import (
    is_mention,
    loose_fragment,
    named_title,
    short_title,
    titled_work,
)
from newsprism.read.quote_reports import (
    after_reported_speech,
    claimed_by_direct,
    continue_from_clauses,
    end_at_closing_quote,
    inside_reported_speech,
    outer_reports,
    source_over_whole_quote,
)
from newsprism.read.quotemarks import QuoteSegment, find_segments
from newsprism.read.reported import (
    Draft,
    inside,
    marked_spans,
    name_colon,
    reported,
    trim,
)
from newsprism.read.speakers import (
    Salience,
    Speaker,
    according_to,
    describe,
    is_speech_verb,
    speaker_token,
    subject_of,
)
from newsprism.read.uncued import line_of, name_and_colon, signed_below, uncued_subject

SPEECH_ROLES = {"title", "standfirst", "body"}


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
            if segment.start <= ancestor.idx < segment.end or inside(marked, ancestor.idx):
                continue
            if is_speech_verb(ancestor) or (first and _frames(ancestor, whole)):
                found.append(ancestor)
                break
            first = False
    return min(found, key=lambda t: _distance(t, segment), default=None)


def _distance(token: Token, segment: QuoteSegment) -> int:
    return segment.open_mark - token.idx if token.idx < segment.start else token.idx - segment.end


def _nearby_cue(
    text: str, doc: Doc, segment: QuoteSegment, marked: list[tuple[int, int]]
) -> Token | None:
    """A verb of saying elsewhere in the quote's line or in a "said:" just before it."""
    start, end = line_of(text, segment.open_mark)
    before = text[: segment.open_mark].rstrip()
    if before.endswith(":"):  # "A spokesman said:" in this line or the line before
        start = line_of(text, len(before) - 1)[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    candidates = [
        t
        for t in (span or [])
        if (is_speech_verb(t) or according_to(t) is not None)
        and not inside(marked, t.idx)
        and not _quote_between(marked, t.idx, segment)
    ]
    return min(candidates, key=lambda t: abs(_distance(t, segment)), default=None)


def _quote_between(marked: list[tuple[int, int]], offset: int, segment: QuoteSegment) -> bool:
    """Another quote stands between a cue and these words: the cue is that quote's."""
    low, high = sorted((offset, segment.open_mark))
    return any(low < a and b <= high for a, b in marked if a != segment.open_mark)


def _kind(text: str, doc: Doc, segment: QuoteSegment) -> QuoteKind:
    """Direct when the quote is a sentence of its own; partial when it is a fragment of one."""
    line_start = line_of(text, segment.open_mark)[0]
    before = text[line_start : segment.open_mark].rstrip()
    if segment.line_start or before.endswith((":", ".", "!", "?")):
        return "direct"
    quoted = text[segment.start : segment.end].rstrip()
    ends_sentence = quoted.endswith((".", "!", "?"))
    if before.endswith(",") and ends_sentence and quoted[:1].isupper() and segment.closed:
        return "direct"  # "Ortiz shrugged, “We will see.”": a sentence of its own after a comma
    previous = doc.char_span(line_start, segment.open_mark, alignment_mode="contract")
    last = [t for t in previous or [] if not t.is_space]
    after_cue = bool(last) and (
        is_speech_verb(last[-1])
        or (last[-1].text == "," and len(last) > 1 and is_speech_verb(last[-2]))
    )
    return "direct" if ends_sentence and after_cue else "partial"


def _continues(text: str, previous: QuoteSegment, segment: QuoteSegment) -> bool:
    """An unclosed quote re-opened at the start of the next paragraph or line."""
    between = text[previous.end : segment.open_mark]
    return not previous.closed and segment.line_start and not between.strip()


def _own_introduction(text: str, previous: QuoteSegment, segment: QuoteSegment) -> bool:
    """ "X asked Y, “…?” His response: “…”": words and a colon between two quotes introduce the
    second as another's reply, not as more of the first."""
    between = text[previous.end : segment.open_mark].strip(" \t\"”’'")
    return between.endswith(":") and any(c.isalpha() for c in between)


def _same_cue(
    text: str, previous: tuple[QuoteSegment, Draft] | None, segment: QuoteSegment, draft: Draft
) -> bool:
    """Two quotes of one sentence that hang on the same verb of saying are one attribution cut
    in two by it: "“A,” said Ortiz, “and B.”". A quote opening the next sentence ("“A,” she
    said on radio. “B.”") is left to the rules for what follows an attribution."""
    between = text[previous[0].end : segment.open_mark] if previous is not None else ""
    return (
        previous is not None
        and not any(stop in between for stop in ".!?")
        and not is_mention(text, segment.start, segment.end)  # "on the “Charlie Rose” show"
        and draft.cue is not None
        and previous[1].cue is not None
        and draft.cue.i == previous[1].cue.i
        and _same_line(text, previous[0], segment)
        and not _own_introduction(text, previous[0], segment)
    )


def _new_attribution(doc: Doc, previous: QuoteSegment, segment: QuoteSegment) -> bool:
    """ "“A,” Ortiz said. Smiling, he asked, “B?”": a new sentence with its own verb of saying
    between two quotes introduces the second; it does not go on from the first."""
    end_of_first = previous.close_mark + 1 if previous.closed else previous.end
    between = doc.char_span(end_of_first, segment.open_mark, alignment_mode="contract")
    words = [t for t in between or [] if not t.is_space]
    stops = [i for i, t in enumerate(words) if t.text in {".", "!", "?"}]
    return bool(stops) and any(
        is_speech_verb(t) and subject_of(t) is not None for t in words[stops[0] + 1 :]
    )


def _same_line(text: str, previous: QuoteSegment, segment: QuoteSegment) -> bool:
    return "\n" not in text[previous.end : segment.open_mark]


def _attribute(
    article: Article,
    doc: Doc,
    segment: QuoteSegment,
    draft: Draft,
    previous: tuple[QuoteSegment, Draft] | None,
    marked: list[tuple[int, int]],
) -> None:
    """Who says quoted words with no source phrase before them: the cue found, else the quote
    they go on from, else a verb of saying nearby, a signature, a name or subject around them."""
    text = article.text
    if previous and _continues(text, previous[0], segment):
        draft.continues = previous[1]
    elif (
        draft.cue is None
        and previous
        and _same_line(text, previous[0], segment)
        and not _own_introduction(text, previous[0], segment)
        and not _new_attribution(doc, previous[0], segment)
    ):
        draft.continues = previous[1]  # "“A,” she said. “B.”": B goes on from A
    elif _same_cue(text, previous, segment, draft):
        draft.continues = previous[1]  # "“A,” said Ortiz, “and B.”": one cue for both
    if draft.cue is None and draft.continues is None:
        draft.cue = _nearby_cue(text, doc, segment, marked)
    signed = None
    if draft.cue is None and draft.continues is None:
        signed = signed_below(article, doc, segment)
    if (
        signed is None
        and draft.cue is None
        and previous
        and _next_paragraph(text, previous, segment)
    ):
        draft.continues = previous[1]  # a paragraph of quote only: the speaker goes on
    if draft.cue is not None:
        subject = according_to(draft.cue) or subject_of(draft.cue)
        draft.subject = speaker_token(article, doc, draft.cue, subject, marked)
    elif draft.continues is None:
        draft.subject = signed or uncued_subject(article, doc, segment)


def _quoted(article: Article, doc: Doc, segments: list[QuoteSegment]) -> list[Draft]:
    text = article.text
    marked = marked_spans(segments)
    drafts: list[Draft] = []
    previous: tuple[QuoteSegment, Draft] | None = None
    for segment in segments:
        start, end = trim(text, segment.start, segment.end)
        kind = _kind(text, doc, segment)
        whole = kind == "direct" or text[segment.start : segment.end].rstrip().endswith(",")
        cue = _ancestor_cue(doc, segment, marked, whole)
        if kind == "direct" and (cue is None or cue.idx < segment.open_mark):
            cue = introducing_verb(article, doc, segment.open_mark, marked) or cue
        if cue is None:
            cue = following_verb(article, doc, segment.close_mark, marked)
        if cue is not None and not is_speech_verb(cue) and name_and_colon(article, doc, segment):
            cue = None  # "Port strike ends - Ann Ortiz: “…”": the name speaks, not the headline
        source = introduced_by_source(article, doc, segment)
        if source is not None:  # "Poll overhype - HarbourPollster: “…”": the source speaks
            draft = Draft(start, end, kind, subject=source)
        else:
            draft = Draft(start, end, kind, cue=cue)
            _attribute(article, doc, segment, draft, previous, marked)
        if draft.cue is None and draft.continues is None and is_mention(text, start, end):
            continue  # a scare quote, a title, a nickname: words mentioned, not said
        if not segment.line_start and short_title(text[start:end]) and not _answer(text, draft):
            continue  # "on PBS's “Charlie Rose” show": a name, whatever verb is near
        if kind == "partial" and named_title(text, start, end):
            continue  # "on CNN's “State of the Union,” she said": a show, even beside a cue
        if titled_work(text, start, end):
            continue  # "in her memoir, “Tough Choices.”": a book's title, not her words
        drafts.append(draft)
        previous = (segment, draft)
    _attribute_openers(drafts)
    return drafts


def _answer(text: str, draft: Draft) -> bool:
    """ "“Denver,” he answered": a word or two said as a sentence of its own, ended inside the
    marks and framed by its cue, is speech, not a name."""
    return (
        draft.kind == "direct"
        and draft.cue is not None
        and text[draft.start : draft.end + 1].rstrip(" ”\"’'").endswith((",", ".", "!", "?"))
    )


def _attribute_openers(drafts: list[Draft]) -> None:
    """A multi-paragraph quote is attributed once, usually in its last paragraph ("…,” she
    said): the unattributed paragraphs before it take that attribution."""
    for draft in reversed(drafts):
        opener = draft.continues
        if opener is not None and opener.cue is None and opener.subject is None:
            opener.cue, opener.subject = draft.cue, draft.subject


def _next_paragraph(text: str, previous: tuple[QuoteSegment, Draft], segment: QuoteSegment) -> bool:
    """A paragraph that opens with a quote right after a paragraph with an attributed quote
    continues that speaker's words (news style: the attribution is given once)."""
    if not segment.line_start or previous[1].kind == "indirect":
        return False
    line_end = line_of(text, previous[0].open_mark)[1]
    attributed = previous[1].subject is not None or previous[1].continues is not None
    between = text[line_end : segment.open_mark]
    return attributed and line_end < segment.open_mark and not between.strip()


def _without_loose_fragments(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drop scare quotes (:func:`loose_fragment`) and whatever goes on from them."""
    dropped = {id(d) for d in drafts if loose_fragment(doc, d, drafts)}
    for draft in drafts:  # in text order: a piece comes after the one it continues
        if draft.continues is not None and id(draft.continues) in dropped:
            dropped.add(id(draft))
    return [d for d in drafts if id(d) not in dropped]


def _cue_span(token: Token | None) -> Span | None:
    return None if token is None else Span(start=token.idx, end=token.idx + len(token))


def annotate(article: Article, doc: Doc) -> None:
    paragraphs = [p for p in article.paragraphs if p.role in SPEECH_ROLES]
    segments = [s for p in paragraphs for s in find_segments(article.text, p.start, p.end)]
    drafts = sorted(
        _quoted(article, doc, segments)
        + reported(article, doc, paragraphs, segments)
        + name_colon(article, doc, paragraphs, segments)
        + noun_claims(article, doc, paragraphs, segments),
        key=lambda d: (d.start, d.end),
    )
    drafts = sorted(drafts + widen_partials(doc, drafts), key=lambda d: (d.start, d.end))
    drafts = claimed_by_direct(drafts)
    end_at_closing_quote(doc, drafts, segments)
    after_reported_speech(article.text, drafts)
    inside_reported_speech(drafts)
    source_over_whole_quote(drafts, segments)
    drafts = outer_reports(drafts)
    drafts = _without_loose_fragments(doc, drafts)
    continue_from_clauses(drafts)
    drafts = drop_unlikely(article, doc, drafts)
    drafts = refit_extents(article, doc, paragraphs, segments, drafts)
    drafts += propose(article, doc, paragraphs, segments, drafts)
    salience = Salience(article, doc, resolve([article]), marked_spans(segments))
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
                confidence=draft.confidence,
            )
        )
