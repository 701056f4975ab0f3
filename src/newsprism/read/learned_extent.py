"""Where a reported clause ends, chosen by a model fitted on PolNeAR train.

The rules (:mod:`newsprism.read.reported_span`) cut the content of "X said …" at the places a
linguist can name: a relative clause, a trailing "according to", an outlet, a second clause.
Each cut is right in some contexts and wrong in others, and many rounds of hand rules left a
fifth of the rules' unmatched predictions overlapping a gold content they miss by being too
short or too long. This stage looks again at every indirect draft with a cue that stands alone
(no continuation, no other draft cutting into it): it builds other stretches from the parse
around the cue (each child's subtree, everything on the cue's right, the clause the cue hangs
on, the draft's own stretch cut before a relative clause, a participle, a conjunct or a comma,
or carried on to the end of the sentence; an object is never carried past where the rules
ended it). The model judges each such stretch beside the rules'
one: P(it is the gold content where the rules' stretch is not). The likeliest takes the rules'
stretch's place when that is at least the model's threshold (fitted out of fold on train
end-to-end F1). Judging the pair, not each stretch alone, matters: the rules' stretch is right
three times in four, and a stretch scored alone cannot say the rules' one looks wrong.

A new stretch never overlaps another draft and keeps inside it every quoted word and every
draft the rules' stretch held, so quoted words stay attributed as they were.
The model (``models/extent.json``) is fitted by ``bench/train_extent_model.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsprism.model import Article, Paragraph
from newsprism.read.claim_filter import chains
from newsprism.read.learned_claims import MAX_WORDS, cue_stretches, length_bucket, opening_class
from newsprism.read.linear_model import SparseLogistic
from newsprism.read.quotemarks import QuoteSegment
from newsprism.read.reported import Draft, clause_drafts, marked_spans

MODEL_PATH = Path(__file__).parent / "models" / "extent.json"
# Words that start a part of the rules' stretch it may have been wrong to keep.
CUT_DEPS = {"relcl", "acl", "advcl", "conj", "appos", "parataxis", "prep", "npadvmod"}
QUOTE_MARKS = {'"', "“", "”", "‘", "«", "»"}  # "’" is mostly an apostrophe


@dataclass
class Stretch:
    """One possible content for a draft's cue: a token range and how it was found."""

    source: str
    first: int
    last: int  # exclusive
    start: int = 0  # characters, as the draft would hold them
    end: int = 0
    features: dict[str, float] | None = None


@cache
def extent_model(path: Path = MODEL_PATH) -> SparseLogistic:
    return SparseLogistic.load(path)


def eligible(drafts: list[Draft]) -> list[Draft]:
    """Indirect drafts with a cue that are an attribution on their own (no continuation)."""
    return [
        group[0]
        for group in chains(drafts)
        if len(group) == 1 and group[0].kind == "indirect" and group[0].cue is not None
    ]


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None or not len(span) else (span.start, span.end)


def _cuts(doc: Doc, first: int, last: int, cue: Token) -> list[tuple[str, int]]:
    """Where the rules' stretch could end sooner: before a clause or phrase hanging inside it,
    or at a comma."""
    found = []
    for token in doc[first + 1 : last]:
        if token.dep_ in CUT_DEPS and token.left_edge.i > first and token.head.i != cue.i:
            found.append((f"cut:{token.dep_}", token.left_edge.i))
        elif token.text in {",", ";", "—", "–"}:
            found.append(("cut:punct", token.i))
    return found


def _widenings(doc: Doc, first: int, last: int, cue: Token) -> list[tuple[str, int, int]]:
    sentence = cue.sent
    found = [("widen:sentence", first, sentence.end)]
    clause = doc[first:last].root
    if clause.head.i != cue.i and clause.head is not clause:
        head = clause.head
        found.append(("widen:head", min(first, head.left_edge.i), max(last, head.right_edge.i + 1)))
    return found


def stretches(doc: Doc, draft: Draft) -> list[Stretch]:
    """The draft's own stretch (first) and the others its cue might attribute."""
    own = _token_range(doc, draft.start, draft.end)
    if own is None:
        return []
    first, last = own
    cue = draft.cue
    found = [Stretch("own", first, last)]
    # An object the rules ended before a circumstance ("criticized the plan in an interview",
    # "… as she left", "described him as “a stranger,” which …") is never carried further:
    # out of fold, widening objects paid 18 matches in 146 changes, too few to overrule the
    # rules' tested reading.
    widen = doc[first:last].root.dep_ != "dobj"
    for source, ranges in cue_stretches(cue):
        if len(ranges) == 1 and (widen or source != "RIGHT"):
            found.append(Stretch(f"child:{source}", *ranges[0]))
    found += [Stretch(source, first, end) for source, end in _cuts(doc, first, last, cue)]
    if widen:
        found += [Stretch(source, a, b) for source, a, b in _widenings(doc, first, last, cue)]
    for stretch in found[1:]:
        stretch.first, stretch.last = _as_rules_bound(doc, cue, stretch.first, stretch.last)
    return [s for s in found if widen or s.last <= last]


def _as_rules_bound(doc: Doc, cue: Token, first: int, last: int) -> tuple[int, int]:
    """A content starts after its "that" and after the cue's own preposition ("called for
    …", "warned against …") and ends before its full stop or a dangling "and", as the rules
    bound it: a stretch differing only there is the rules' one."""
    opening = doc[first]
    if first + 1 < last and (
        (opening.lower_ == "that" and opening.dep_ == "mark")
        or (opening.pos_ == "ADP" and opening.head.i == cue.i)
    ):
        first += 1
    while last - 1 > first and (
        (doc[last - 1].is_punct and doc[last - 1].text not in QUOTE_MARKS)
        or doc[last - 1].dep_ == "cc"
        or doc[last - 1].is_space
    ):
        last -= 1
    return first, last


def _words(doc: Doc, first: int, last: int) -> int:
    return sum(t.is_alpha for t in doc[first:last])


def _delta(n: int) -> str:
    sign = "+" if n > 0 else "-" if n < 0 else "="
    size = abs(n)
    return sign + ("0" if size == 0 else "1" if size <= 1 else "2-3" if size <= 3 else
                   "4-8" if size <= 8 else "9+")  # fmt: skip


def features(doc: Doc, draft: Draft, own: Stretch, stretch: Stretch) -> dict[str, float]:
    """Named features: the stretch against the rules' one (same, longer, shorter, by how many
    words at each end), how it was found, how it opens and ends, what it crosses, the cue."""
    cue = draft.cue
    lemma = cue.lemma_.lower()
    tokens = doc[stretch.first : stretch.last]
    words = [t for t in tokens if not t.is_space]
    opening = opening_class(words[0])
    closing = words[-1].pos_ if words[-1].is_alpha else f"p:{words[-1].text}"
    left = _words(doc, min(own.first, stretch.first), max(own.first, stretch.first))
    left = left if stretch.first < own.first else -left
    right = _words(doc, min(own.last, stretch.last), max(own.last, stretch.last))
    right = right if stretch.last > own.last else -right
    same = stretch.first == own.first and stretch.last == own.last
    relation = "same" if same else f"left{_delta(left)}|right{_delta(right)}"
    source = "own" if same else stretch.source
    length = length_bucket(_words(doc, stretch.first, stretch.last))
    own_length = length_bucket(_words(doc, own.first, own.last))
    names = {
        f"source={source}",
        f"rel={relation}",
        f"right={_delta(right)}",
        f"left={_delta(left)}",
        f"source|right={source}|{_delta(right)}",
        f"first={opening}",
        f"last={closing}",
        f"source|first={source}|{opening}",
        f"source|last={source}|{closing}",
        f"len={length}",
        f"ownlen|source={own_length}|{source}",
        f"lemma|source={lemma}|{source}",
        f"lemma|right={lemma}|{_delta(right)}",
        f"pos|source={cue.pos_}|{source}",
        f"side={'before' if stretch.first < cue.i else 'after'}",
        f"root={tokens.root.dep_}",
        f"source|root={source}|{tokens.root.dep_}",
    }
    if any(t.text == "," for t in tokens):
        names.add(f"comma|source={source}")
    if any(t.text in QUOTE_MARKS for t in tokens):
        names.add("quote_mark")
    if stretch.last == cue.sent.end or (words[-1].is_punct and stretch.last == cue.sent.end - 1):
        names.add("to_sentence_end")
    names |= _changed_parts(doc, own, stretch)
    names.add(f"next={_boundary_word(doc, stretch.last)}")
    names.add(f"prev={_boundary_word(doc, stretch.first - 1)}")
    names.add(f"source|next={source}|{_boundary_word(doc, stretch.last)}")
    return dict.fromkeys(sorted(names), 1.0)


def _changed_parts(doc: Doc, own: Stretch, stretch: Stretch) -> set[str]:
    """What a stretch adds to the rules' one or leaves out of it at each end: how that part
    opens and the word it hangs on ("in an interview", "who …", "and …")."""
    names = set()
    parts = (
        ("add_right", own.last, stretch.last),
        ("cut_right", stretch.last, own.last),
        ("add_left", stretch.first, own.first),
        ("cut_left", own.first, stretch.first),
    )
    for name, a, b in parts:
        if a < b and any(not t.is_space for t in doc[a:b]):
            part = doc[a:b]
            opening = opening_class(next(t for t in part if not t.is_space))
            names.add(f"{name}={opening}")
            names.add(f"{name}|head={opening}|{part.root.lemma_.lower()}")
            names.add(f"{name}|dep={part.root.dep_}")
    return names


def _boundary_word(doc: Doc, i: int) -> str:
    """The word just outside a stretch: a function word or mark as itself, else its class."""
    if i < 0 or i >= len(doc) or doc[i].is_space:
        return "none"
    word = doc[i]
    if word.is_punct or word.pos_ in {"ADP", "SCONJ", "CCONJ", "DET", "PRON", "PART", "AUX"}:
        return word.lower_
    return word.pos_


def pair_features(own: dict[str, float], stretch: dict[str, float]) -> dict[str, float]:
    """What the model judges: a stretch, with the rules' one it would replace."""
    return {**stretch, **{f"own:{name}": v for name, v in own.items()}}


def _inside(a: int, b: int, x: int, y: int) -> bool:
    return a <= x and y <= b


def _allowed(draft: Draft, start: int, end: int, others: list[Draft], marked: list) -> bool:
    """Keeps every draft and quoted words the rules' stretch held, and overlaps no other."""
    for other in others:
        held = _inside(draft.start, draft.end, other.start, other.end)
        if held and not _inside(start, end, other.start, other.end):
            return False
        if not held and other.start < end and start < other.end:
            return False
    for a, b in marked:
        words = (a + 1, b - 1)  # without the marks
        held = words[0] < draft.end and draft.start < words[1]
        if held and not _inside(start, end, *words):
            return False
        if not held and words[0] < end and start < words[1]:
            return False
    return True


def _crossed(draft: Draft, others: list[Draft]) -> bool:
    """Another draft cuts into this one: neither holds the other."""
    return any(
        o.start < draft.end
        and draft.start < o.end
        and not _inside(draft.start, draft.end, o.start, o.end)
        and not _inside(o.start, o.end, draft.start, draft.end)
        for o in others
    )


def scored_stretches(
    article: Article,
    doc: Doc,
    paragraphs: list[Paragraph],
    segments: list[QuoteSegment],
    drafts: list[Draft],
) -> list[tuple[Draft, list[Stretch]]]:
    """Each eligible draft with its allowed stretches (its own first), characters and features
    set; stretches leaving the cue's paragraph or too long are left out."""
    marked = marked_spans(segments)
    found = []
    for draft in eligible(drafts):
        cue = draft.cue
        paragraph = next((p for p in paragraphs if p.start <= cue.idx < p.end), None)
        if paragraph is None:
            continue
        others = [d for d in drafts if d is not draft]
        if _crossed(draft, others):
            continue
        kept: list[Stretch] = []
        seen: set[tuple[int, int]] = set()
        for stretch in stretches(doc, draft):
            if _words(doc, stretch.first, stretch.last) == 0:
                continue
            if stretch.source == "own":
                stretch.start, stretch.end = draft.start, draft.end
            else:
                pieces = clause_drafts(article, doc, paragraph, segments,
                                       [(stretch.first, stretch.last)], cue, None)  # fmt: skip
                if len(pieces) != 1 or _words(doc, stretch.first, stretch.last) > MAX_WORDS:
                    continue
                stretch.start, stretch.end = pieces[0].start, pieces[0].end
                if not _allowed(draft, stretch.start, stretch.end, others, marked):
                    continue
            if (stretch.start, stretch.end) in seen:
                continue
            seen.add((stretch.start, stretch.end))
            kept.append(stretch)
        if len(kept) < 2 or kept[0].source != "own":
            continue
        for stretch in kept:
            stretch.features = features(doc, draft, kept[0], stretch)
        found.append((draft, kept))
    return found


def choose(found: list[Stretch], model: SparseLogistic) -> Stretch | None:
    """The other stretch most likely to be right where the rules' one (first) is wrong, when
    that is at least the model's threshold."""
    own = found[0].features or {}
    scored = [(model.probability(pair_features(own, s.features or {})), s) for s in found[1:]]
    probability, best = max(scored, key=lambda ps: ps[0])
    return best if probability >= model.threshold else None


def refit_extents(
    article: Article,
    doc: Doc,
    paragraphs: list[Paragraph],
    segments: list[QuoteSegment],
    drafts: list[Draft],
    model: SparseLogistic | None = None,
) -> list[Draft]:
    """The drafts, with the stretches the model prefers in place of the rules' ones; a choice
    never overlaps a draft changed before it."""
    model = model or extent_model()
    for draft, found in scored_stretches(article, doc, paragraphs, segments, drafts):
        best = choose(found, model)
        others = [d for d in drafts if d is not draft]
        if best is not None and _allowed(draft, best.start, best.end, others, []):
            draft.start, draft.end = best.start, best.end
    return drafts
