"""Attributions on cues no rule lists, decided by a model fitted on PolNeAR train.

PolNeAR's reporting cues run to hundreds of verbs and nouns ("X backed the bill", "she voted for
the plan", "his criticism of the deal", "the report is that …"), each a handful of times, and
the same word is a cue or not by its context. The rules (:mod:`newsprism.read.reported` and its
neighbours) take the cues a linguist can list, and judge the words of their lexicons; this stage
looks at every other verb, noun or adjective whose lemma the model knows, proposes what it might
attribute (the subtree of each of its children, everything on its right, or the clause it hangs
on when it is an aside) and takes the candidate the model finds most likely, when that is at
least the model's threshold. The speaker is chosen as the rules choose it
(:func:`speakers.speaker_token`), so the proposals are resolved like every other attribution.

The model (``models/claims.json``) is fitted by ``bench/train_claim_model.py`` on the candidates
the rules leave, each labelled by whether it would be a right attribution (content and speaker)
that no rule prediction finds, so it learns what the rules miss; its vocabulary of cue lemmas is
the ``lemma=…`` features it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsprism.model import Article, Paragraph
from newsprism.read.cues import PHRASE_CUES, REGARD_AS_VERBS
from newsprism.read.linear_model import SparseLogistic
from newsprism.read.phrase_cues import OPINION_PHRASES
from newsprism.read.quotemarks import QuoteSegment
from newsprism.read.reported import Draft, clause_drafts, inside, marked_spans
from newsprism.read.speakers import (
    according_to,
    is_reporting_verb,
    is_stance_verb,
    speaker_token,
    subject_of,
)

PHRASE_VERBS = set(PHRASE_CUES) | REGARD_AS_VERBS | set(OPINION_PHRASES)
MODEL_PATH = Path(__file__).parent / "models" / "claims.json"
CUE_POS = {"VERB", "NOUN", "AUX", "ADJ"}
# Children that are grammar, not something said: never a content of their own.
GRAMMAR_DEPS = {"punct", "aux", "auxpass", "neg", "det", "cc", "case", "mark", "prt", "poss"}
# Heads of an aside ("the plan, Ortiz argued, will fail"): the cue hangs on the clause it reports.
ASIDE_DEPS = {"parataxis", "advcl", "ccomp", "relcl", "acl", "conj"}
MAX_WORDS = 80  # longer stretches are paragraphs the parse glued together, not one content
OPENING_WORDS = {"that", "to", "whether", "if", "about", "for", "of", "on", "against", "with"}
SPEAKING_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}
PRONOUN_KINDS = {
    "he": "person", "she": "person", "i": "person", "we": "group", "they": "group",
    "you": "you", "it": "thing", "this": "thing", "that": "thing", "which": "thing",
    "who": "person",
}  # fmt: skip


@dataclass
class Candidate:
    """A stretch of text (token ranges) a cue might attribute; ``source`` says how it was found
    ("dobj", "RIGHT", "HEAD:advcl")."""

    cue: Token
    source: str
    ranges: list[tuple[int, int]]
    features: dict[str, float]


@cache
def claim_model(path: Path = MODEL_PATH) -> SparseLogistic:
    return SparseLogistic.load(path)


def known_lemmas(model: SparseLogistic) -> set[str]:
    return {name[6:] for name in model.weights if name.startswith("lemma=")}


def _cue_lemma(token: Token) -> str:
    return token.lemma_.lower()


def _taken(drafts: list[Draft]) -> tuple[set[int], list[tuple[int, int]]]:
    """Cue tokens and content stretches the rules have claimed."""
    cues = {d.cue.i for d in drafts if d.cue is not None}
    return cues, [(d.start, d.end) for d in drafts]


def _judged_by_rules(token: Token) -> bool:
    """A verb the rules' lexicons hold, alone or in a set phrase ("laid out", "sees … as"), and
    the rules passed over ("Baker described it", "Ortiz laid the table") was judged already."""
    if is_reporting_verb(token) or is_stance_verb(token):
        return True
    return token.pos_ in {"VERB", "AUX"} and _cue_lemma(token) in PHRASE_VERBS


def candidate_cues(
    doc: Doc,
    paragraphs: list[Paragraph],
    segments: list[QuoteSegment],
    drafts: list[Draft],
    lemmas: set[str] | None,
) -> list[Token]:
    """Verbs, nouns, adjectives and "be" the rules took for nothing, outside quotes and outside
    what the rules attribute, not judged by the rules already; only lemmas in ``lemmas`` (all
    when None)."""
    marked = marked_spans(segments)
    cues, contents = _taken(drafts)
    spans = [(p.start, p.end) for p in paragraphs]
    return [
        t
        for t in doc
        if t.pos_ in CUE_POS
        and (lemmas is None or _cue_lemma(t) in lemmas)
        and t.i not in cues
        and not _judged_by_rules(t)
        and inside(spans, t.idx)
        and not inside(marked, t.idx)
        and not inside(contents, t.idx)
    ]


def cue_stretches(cue: Token) -> list[tuple[str, list[tuple[int, int]]]]:
    """What a cue might attribute, as token ranges named by how they hang on it: each child's
    subtree (by its dep), all its right-hand children ("RIGHT"), the clause it is an aside of."""
    found = []
    for child in cue.children:
        if child.dep_ not in GRAMMAR_DEPS:
            found.append((child.dep_, [(child.left_edge.i, child.right_edge.i + 1)]))
    rights = [c for c in cue.rights if c.dep_ not in {"punct", "cc"}]
    if len(rights) > 1:
        found.append(("RIGHT", [(rights[0].left_edge.i, rights[-1].right_edge.i + 1)]))
    head = cue.head
    if cue.dep_ in ASIDE_DEPS and head is not cue:
        first, last = head.left_edge.i, head.right_edge.i + 1
        ranges = [(first, cue.left_edge.i), (cue.right_edge.i + 1, last)]
        found.append((f"HEAD:{cue.dep_}", [(a, b) for a, b in ranges if a < b]))
    return found


def candidates(
    doc: Doc,
    paragraphs: list[Paragraph],
    segments: list[QuoteSegment],
    drafts: list[Draft],
    lemmas: set[str] | None,
) -> list[Candidate]:
    """Every stretch each candidate cue might attribute that overlaps no rule's draft, stays in
    the cue's paragraph and holds a word."""
    _, contents = _taken(drafts)
    found = []
    for cue in candidate_cues(doc, paragraphs, segments, drafts, lemmas):
        paragraph = next(p for p in paragraphs if p.start <= cue.idx < p.end)
        for source, ranges in cue_stretches(cue):
            if not ranges:
                continue
            words = [t for a, b in ranges for t in doc[a:b] if t.is_alpha]
            start, end = doc[ranges[0][0]].idx, doc[ranges[-1][1] - 1].idx
            if not words or len(words) > MAX_WORDS:
                continue
            if start < paragraph.start or end >= paragraph.end:
                continue
            if _overlaps([_chars(doc, x, y) for x, y in ranges], contents):
                continue
            found.append(Candidate(cue, source, ranges, features(doc, cue, source, ranges)))
    return found


def _chars(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1])


def length_bucket(n: int) -> str:
    for limit, name in ((1, "1"), (2, "2"), (5, "3-5"), (10, "6-10"), (20, "11-20")):
        if n <= limit:
            return name
    return "21+"


def opening_class(word: Token) -> str:
    lower = word.lower_
    if lower in OPENING_WORDS:
        return lower
    if word.tag_ in {"WDT", "WP", "WP$", "WRB"}:
        return "wh"
    if word.pos_ == "ADP":
        return f"prep:{lower}"
    if word.pos_ in {"DET", "PRON", "PROPN", "NUM", "NOUN", "ADJ", "ADV"}:
        return word.pos_.lower()
    return f"{word.pos_}:{word.tag_}"


def subject(cue: Token) -> Token | None:
    owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    return owner or according_to(cue) or subject_of(cue)


def _subject_kind(subject: Token | None) -> str:
    if subject is None:
        return "none"
    if subject.ent_type_ in SPEAKING_ENTITIES:
        return f"ent:{subject.ent_type_}"
    if subject.pos_ == "PRON":
        return f"pron:{PRONOUN_KINDS.get(subject.lower_, 'other')}"
    return subject.pos_.lower()


def features(doc: Doc, cue: Token, source: str, ranges: list[tuple[int, int]]) -> dict[str, float]:
    """Named features of one candidate: the cue word and its grammar, how the stretch hangs on
    it, how the stretch opens and what it holds, and who would be its speaker."""
    lemma = _cue_lemma(cue)
    words = [t for a, b in ranges for t in doc[a:b]]
    first = opening_class(words[0])
    kind = _subject_kind(subject(cue))
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in cue.children)
    root = doc[ranges[0][0] : ranges[-1][1]].root
    clause = any(t.dep_ in {"nsubj", "nsubjpass"} for t in words)
    names = {
        f"lemma={lemma}",
        f"pos={cue.pos_}",
        f"tag={cue.tag_}",
        f"cuedep={cue.dep_}",
        f"cand={source}",
        f"lemma|cand={lemma}|{source}",
        f"lemma|first={lemma}|{first}",
        f"cand|first={source}|{first}",
        f"pos|cand={cue.pos_}|{source}",
        f"len={length_bucket(sum(t.is_alpha for t in words))}",
        f"first={first}",
        f"subj={kind}",
        f"lemma|subj={lemma}|{kind}",
        f"side={'before' if ranges[0][0] < cue.i else 'after'}",
        f"candroot={root.pos_}",
        f"candhead={root.lemma_.lower()}",
        f"lemma|dep={lemma}|{cue.dep_}",
        f"lemma|tag={lemma}|{cue.tag_}",
    }
    if passive:
        names.add("passive")
        names.add(f"lemma|passive={lemma}")
    if clause:
        names.add("clause")
    if any(c.dep_ == "neg" for c in cue.children):
        names.add("negated")
    if any(t.text in {'"', "“", "”", "‘"} for t in words):  # "’" is mostly an apostrophe
        names.add("quote_mark")
    if any(t.ent_type_ in SPEAKING_ENTITIES for t in words):
        names.add("holds_name")
    if source.startswith("HEAD:"):
        names.add(f"headlemma={_cue_lemma(cue.head)}")
    return dict.fromkeys(sorted(names), 1.0)


def best_per_cue(scored: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """One decision per cue: its most likely candidate."""
    best: dict[int, tuple[float, Candidate]] = {}
    for probability, candidate in scored:
        i = candidate.cue.i
        if i not in best or probability > best[i][0]:
            best[i] = (probability, candidate)
    return sorted(best.values(), key=lambda pc: -pc[0])


def _overlaps(ranges: list[tuple[int, int]], taken: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for a, b in ranges for x, y in taken)


def propose(
    article: Article,
    doc: Doc,
    paragraphs: list[Paragraph],
    segments: list[QuoteSegment],
    drafts: list[Draft],
    model: SparseLogistic | None = None,
) -> list[Draft]:
    """Drafts for the cues the rules left, each the model's best candidate for its cue, taken
    when likely enough and overlapping no draft and no other taken candidate."""
    model = model or claim_model()
    found = candidates(doc, paragraphs, segments, drafts, known_lemmas(model))
    scored = [(model.probability(c.features), c) for c in found]
    marked = marked_spans(segments)
    taken: list[tuple[int, int]] = []
    proposals: list[Draft] = []
    for probability, candidate in best_per_cue(scored):
        if probability < model.threshold or _overlaps(candidate.ranges, taken):
            continue
        cue = candidate.cue
        taken += candidate.ranges
        taken.append((cue.i, cue.i + 1))
        speaker = speaker_token(article, doc, cue, subject(cue), marked)
        paragraph = next(p for p in paragraphs if p.start <= cue.idx < p.end)
        pieces = clause_drafts(article, doc, paragraph, segments, candidate.ranges, cue, speaker)
        for piece in pieces:
            piece.confidence = probability
        proposals += pieces
    return proposals
