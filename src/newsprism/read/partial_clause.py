"""The reported clause around a partial quote.

A quoted fragment is seldom all that was said: "Kasich predicted that Republicans would take
“every state” if Sanders won" reports the whole "that" clause, "he called her “weak”" reports
"her “weak”". When the verb of saying that governs the fragment has no reported clause around it
(the parser hung the clause somewhere odd, or the verb's object was taken alone), the clause is
rebuilt here from that verb: its complement that holds the fragment, from the verb's object
before it when there is one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.read.reported import Draft, trim

# Children of the cue that start what is reported ("called *her* “weak”").
LEADING_OBJECT_DEPS = {"dobj", "dative"}
# Children of the cue that never open what is reported.
NOT_REPORTED_DEPS = {"punct", "cc", "conj", "advmod", "npadvmod", "nsubj", "nsubjpass", "aux",
                     "auxpass", "neg", "mark", "advcl", "prt"}  # fmt: skip
REACH = 3  # "warned *against* …", "spoke *out* against …": part of the cue


def _path_child(cue: Token, fragment_root: Token) -> Token | None:
    """The child of ``cue`` whose subtree holds the fragment, when the cue governs it."""
    token = fragment_root
    while token.head.i != token.i:  # spaCy tokens are compared by index, never by identity
        if token.head.i == cue.i:
            return token
        token = token.head
    return None


def clause_range(doc: Doc, cue: Token, start: int, end: int) -> tuple[int, int] | None:
    """Characters of what ``cue`` reports around the fragment ``[start, end)``, or None when the
    cue does not govern it from its right."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    child = _path_child(cue, span.root)
    if child is None or child.i < cue.i or child.dep_ in NOT_REPORTED_DEPS:
        return None
    first = child.left_edge.i
    for other in cue.rights:
        if other.dep_ in LEADING_OBJECT_DEPS and other.i < child.i:
            first = min(first, other.left_edge.i)
    opener = doc[first]
    if opener.dep_ == "mark" and opener.lower_ == "that":
        first += 1  # "said that …": the clause without its "that"
    elif opener.dep_ == "prep" and opener.head.i == cue.i <= opener.i - 1 < cue.i + REACH:
        first += 1  # "warned against the “fevered dreams”": the preposition is the cue's
    last = child.right_edge.i
    sentence_end = span.root.sent.end - 1
    last = min(last, sentence_end)
    if first > last:
        return None
    return doc[first].idx, max(doc[last].idx + len(doc[last]), _closing_mark_end(doc.text, end))


def widen_partials(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Reported clauses for governed partial quotes that no reported clause holds: a draft of
    the same cue next to the fragment grows over it ("calling *him*" + "“a failed candidate”"),
    else a new one is added. The fragment stays as quoted words inside it."""
    text = doc.text
    added: list[Draft] = []
    for draft in drafts:
        if draft.kind != "partial" or draft.cue is None or draft.continues is not None:
            continue
        if any(
            d.kind == "indirect" and d.start <= draft.start and draft.end <= d.end
            for d in drafts + added
        ):
            continue
        # "dismissing them as a “closed shop” and calling him a liar": a verb joined to the cue
        # shares its speaker and may be the one that governs the fragment
        heads = [draft.cue, *draft.cue.conjuncts]
        found, cue = next(
            ((r, h) for h in heads if (r := clause_range(doc, h, draft.start, draft.end))),
            (None, draft.cue),
        )
        if found is None:
            continue
        start, end = trim(text, *found)
        if not (start <= draft.start and draft.end <= end) or (start, end) == (
            draft.start,
            draft.end,
        ):
            continue
        same_cue = [
            d
            for d in drafts
            if d.kind == "indirect"
            and d.cue is not None
            and d.cue.i == cue.i
            and d.start < end
            and start < d.end
        ]
        if same_cue:
            grown = same_cue[0]
            grown.start, grown.end = min(grown.start, start), max(grown.end, end)
        else:
            added.append(Draft(start, end, "indirect", cue=cue, subject=draft.subject))
    return added


def _closing_mark_end(text: str, end: int) -> int:
    """Past the closing mark (and the full stop or comma inside it) of a fragment that ends a
    clause: "called her “weak.”" reports up to the mark."""
    at = end
    while at < len(text) and text[at] in ".,!?”\"’'»":
        at += 1
    return at if at > end and text[at - 1] in "”\"’'»" else end
