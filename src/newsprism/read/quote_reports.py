"""Where quoted words and reported clauses meet.

Quoted words often sit inside or right after what an outlet reports someone saying ("she said
she hoped it would “clear the air”", "Ortiz said the port would stay open. ¶ “We owe it to the
town.”"): they take that speaker. And a reported clause inside a longer one is part of it. These
steps run on the drafts of :mod:`newsprism.read.quotes` once every kind has been found.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.read.quotemarks import QuoteSegment
from newsprism.read.reported import Draft
from newsprism.read.reported_span import clause_opened_by
from newsprism.read.speakers import according_to
from newsprism.read.uncued import line_of

QUOTE_EDGE = " \t\"“”‘’'«».,;:!?"


def after_reported_speech(text: str, drafts: list[Draft]) -> None:
    """ "Ortiz said the port would stay open. ¶ “We owe it to the town.”": a paragraph that is
    nothing but a quote, right after a paragraph reporting someone's words, goes on with that
    speaker (news style gives the attribution once)."""
    for index, draft in enumerate(drafts):
        if draft.kind != "direct" or draft.cue or draft.subject or draft.continues:
            continue
        line_start, line_end = line_of(text, draft.start)
        alone = not text[line_start : draft.start].strip(QUOTE_EDGE) and not text[
            draft.end : line_end
        ].strip(QUOTE_EDGE)
        previous_end = line_start
        while previous_end > 0 and text[previous_end - 1].isspace():
            previous_end -= 1  # over blank lines to the paragraph before
        before = text.rfind("\n", 0, previous_end) + 1
        if not alone or previous_end == 0:
            continue
        reported_before = [
            d
            for d in drafts[:index]
            if d.kind == "indirect" and d.subject is not None and before <= d.start < line_start
        ]
        outer = [  # "Ortiz said critics predicted …": Ortiz's words, not the critics'
            d for d in reported_before if not any(within(d, o) for o in reported_before)
        ]
        if outer:
            draft.cue, draft.subject = outer[-1].cue, outer[-1].subject


def inside_reported_speech(drafts: list[Draft]) -> None:
    """ "Ortiz issued a statement saying: “…”", "she said she hoped it would “clear the air”":
    quoted words inside what the outlet reports someone saying are that person's words, when
    nothing else gives them a speaker (the cue there, a participle or a noun's "saying", often
    has no subject of its own). The innermost reported clause with a speaker is taken."""
    reported_with_speaker = [d for d in drafts if d.kind == "indirect" and d.subject is not None]
    for draft in drafts:
        if draft.kind == "indirect" or draft.subject is not None or draft.continues is not None:
            continue
        around = [d for d in reported_with_speaker if within(draft, d)]
        if around:
            innermost = min(around, key=lambda d: d.end - d.start)
            draft.cue, draft.subject = innermost.cue, innermost.subject


def within(inner: Draft, outer: Draft) -> bool:
    return inner is not outer and outer.start <= inner.start and inner.end <= outer.end


def source_over_whole_quote(drafts: list[Draft], segments: list[QuoteSegment]) -> None:
    """ "“We lost. We will be back,” Ortiz said, according to a transcript.": a source phrase
    closing its sentence vouches for the whole quote and its "said", but the parser ends the
    quote's first sentences early, so the phrase's clause starts inside the quote. It starts at
    the opening mark instead."""
    for draft in drafts:
        if draft.kind != "indirect" or draft.cue is None or according_to(draft.cue) is None:
            continue
        for segment in segments:
            if segment.closed and segment.start < draft.start <= segment.close_mark < draft.end:
                draft.start = segment.open_mark
                break


def outer_reports(drafts: list[Draft]) -> list[Draft]:
    """ "Ortiz said voters believe the deal is fair": the clause inside what Ortiz is reported
    to have said is her claim about the voters, part of her attribution, not a second one (on
    PolNeAR train such an inner clause is annotated on its own fewer than 15 times in 100). A
    reported clause lying inside a longer one is dropped, with the pieces that go on from it;
    quoted words are kept (they take their speaker before this step)."""
    reports = [d for d in drafts if d.kind == "indirect"]
    dropped = {
        id(d)
        for d in reports
        if any(within(d, o) and o.end - o.start > d.end - d.start for o in reports)
    }
    dropped |= _inside_split_reports(reports)
    return [
        d
        for d in drafts
        if id(d) not in dropped and (d.continues is None or id(d.continues) not in dropped)
    ]


def _inside_split_reports(reports: list[Draft]) -> set[int]:
    """ "She hoped, she said, that the paper would stay away": "she said" reports the sentence
    in two pieces around itself, and the "hoped" clause, which the parse runs over the aside,
    lies inside the two together though inside neither. The clause of the verb such an aside
    vouches for (:func:`clause_opened_by`) is dropped like any reported clause inside a longer
    one."""
    dropped = set()
    for aside in reports:
        cue = aside.cue
        if cue is None or cue.dep_ != "parataxis" or aside.continues is not None:
            continue
        vouched = clause_opened_by(cue)
        if vouched.i == cue.head.i:
            continue
        pieces = [aside] + [d for d in reports if d.continues is aside]
        start, end = min(d.start for d in pieces), max(d.end for d in pieces)
        for draft in reports:
            inside = start <= draft.start and draft.end <= end
            vouched_for = draft.cue is not None and draft.cue.i == vouched.i
            if vouched_for and inside and draft not in pieces:
                dropped.add(id(draft))
    return dropped


def claimed_by_direct(drafts: list[Draft]) -> list[Draft]:
    """ "Asked what he wanted, Ortiz said, “They have to win.”": a verb of saying that frames a
    whole quoted sentence says that sentence. Another clause the parser hangs on the same verb
    before it and apart from the quote (the opening "Asked …" phrase), or one that holds the
    speaker ("“…,” port delegate Ann Ortiz, wearing a cap, said"), is not what was said; it is
    dropped with the pieces that go on from it. Words after the cue ("said of the plan", "she
    said, meaning that …") may still be reported."""
    framed: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.kind == "direct" and draft.cue is not None and draft.continues is None:
            framed.setdefault(draft.cue.i, []).append(draft)
    dropped: set[int] = set()
    for draft in drafts:  # in text order: a piece comes after the one it continues
        went_on = draft.continues is not None and id(draft.continues) in dropped
        if went_on or (
            draft.kind == "indirect"
            and draft.cue is not None
            and draft.cue.i in framed
            and _misparsed(draft, framed[draft.cue.i])
        ):
            dropped.add(id(draft))
    return [d for d in drafts if id(d) not in dropped]


def _misparsed(draft: Draft, quotes: list[Draft]) -> bool:
    """A clause of a framing cue that is an opener apart from its quotes or holds the speaker."""
    assert draft.cue is not None
    apart = not any(q.start < draft.end and draft.start < q.end for q in quotes)
    opener = apart and draft.end <= draft.cue.idx
    speaker = draft.subject is not None and draft.start <= draft.subject.idx < draft.end
    return opener or speaker


def continue_from_clauses(drafts: list[Draft]) -> None:
    """ "The deal “looks out for the funds first,” Ortiz wrote. “That is unacceptable.”": a quote
    that goes on from a quoted fragment goes on from the reported clause the fragment is part
    of (the fragment's own cue reports that clause), so the two make one attribution."""
    reports = [d for d in drafts if d.kind == "indirect" and d.cue is not None]
    for draft in drafts:
        fragment = draft.continues
        if fragment is None or fragment.kind != "partial" or fragment.cue is None:
            continue
        cue = fragment.cue.i
        around = [
            d for d in reports if within(fragment, d) and d.cue is not None and d.cue.i == cue
        ]
        if around:
            draft.continues = min(around, key=lambda d: d.end - d.start)


# After a closing quote and a comma, a relative opens the writer's words, not the speaker's
# ("as “Spanish,” which is what …"). Tried and left out (PolNeAR train, gold runs on about as
# often as it stops): a conjoined verb ("called it “shameful” and urged …"), a clause of time
# or contrast ("“…” while trying to …", "as he faces …"), a participle with no comma.
RELATIVES_AFTER_QUOTE = {"which", "who"}


def end_at_closing_quote(doc: Doc, drafts: list[Draft], segments: list[QuoteSegment]) -> None:
    """ "Ortiz called the plan “a retreat,” citing the vote": a reported clause that quotes
    someone's words ends with the quote when a participle or a relative clause follows it after
    a comma; PolNeAR leaves those out of the content. The parser hangs them inside the reported
    clause, so the participle's own words ("…,” adding, “…”") also take the speaker of that
    clause, not a subject inside it."""
    for draft in drafts:
        if draft.kind != "indirect" or draft.cue is None:
            continue
        for segment in segments:
            close = segment.close_mark
            if close is None or not (draft.start < close and close + 1 < draft.end):
                continue
            comma_inside = doc.text[:close].rstrip().endswith(",")
            unit = _new_unit_after(doc, close + 1, draft.end, comma_inside)
            if unit is None:
                continue
            draft.end = close + 1
            for other in drafts:
                if other.cue is not None and other.cue.i == unit.i and unit.tag_ == "VBG":
                    other.subject = draft.subject
            break


def _new_unit_after(doc: Doc, start: int, end: int, comma: bool) -> Token | None:
    """The participle or relative pronoun opening what follows a closing quote after a comma."""
    span = doc.char_span(start, end, alignment_mode="contract")
    words = [t for t in span or [] if not t.is_space]
    if words and words[0].text == ",":
        comma, words = True, words[1:]
    if len(words) < 2 or not comma:
        return None
    first = words[0]
    return first if first.tag_ == "VBG" or first.lower_ in RELATIVES_AFTER_QUOTE else None
