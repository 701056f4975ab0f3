"""Quote provenance: the same line across outlets, and whom each outlet credits with it.

Quotes are compared by wording alone (no model): open-class word stems weighted by tf-idf, the idf
taken from every sentence of the story, so words the whole story uses ("troops") count little and a
line's own words (a word said three times) count a lot. Quotes are grouped by average-linkage
clustering, which needs a quote to resemble a group as a whole rather than one member of it.

Within a group: the same words credited to one speaker by several outlets are *agreed*, to different
speakers a *conflict* (an attribution error somewhere); one line said by several people in their own
words is *echoed*; reported speech carrying the line ("X said the leaders would stand firm") is
a *paraphrase* of it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from sklearn.cluster import AgglomerativeClustering

from newsprism.model import Article, Entity, Quote, QuoteGroup, QuoteRecord

# Closed-class words (lexicon): they carry grammar, not the wording of a particular line.
CLOSED_CLASS = frozenset(
    """a an the this that these those some any each every no all both either neither i me my mine
    we us our ours you your yours he him his she her hers it its they them their theirs who whom
    whose which what there here in on at to of for from by with about into onto over under after
    before between through during without within against among and or but nor so yet if because
    as than then while although though whether be am is are was were been being have has had do
    does did will would shall should can could may might must ll s re ve m d not t""".split()  # noqa: SIM905
)
# Calibrated on BASIL, not on the seeds (`bench/quotes.py --calibrate`): 40 pairs of outlets
# quoting one speaker with a shared five-word run (the same line carried) against 80 pairs of
# different speakers' quotes in one event. Every SAME_LINE from 0.15 to 0.5 keeps all 40 and
# lets 2-4% of the 80 through; 0.2 is kept at the low end of that plateau because reported
# speech, which BASIL does not label, rewords a line and needs the room. VERBATIM from 0.4 to
# 0.5 keeps all 40 and lets 1 of the 80 through; 0.5 is the stricter end, since a false
# "conflict" accuses an outlet of misattribution.
SAME_LINE = 0.2  # mean cosine between a group's quotes; unrelated quotes of a story stay below
VERBATIM = 0.5  # share of the shorter quote's word trigrams found in the other: the same words
SUFFIXES = ("ing", "ed", "es", "s", "e")


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match "leave", "leaving" and "leaves"."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in CLOSED_CLASS]


def _vectors(texts: list[str], background: list[str]) -> np.ndarray:
    documents = [Counter(stem(w) for w in words(t)) for t in background + texts]
    df = Counter(w for d in documents for w in d)
    vocabulary = {w: i for i, w in enumerate(sorted(df))}
    matrix = np.zeros((len(texts), len(vocabulary)))
    for row, text in enumerate(texts):
        for word, count in Counter(stem(w) for w in words(text)).items():
            matrix[row, vocabulary[word]] = count * math.log((len(documents) + 1) / (df[word] + 1))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def chunks(text: str) -> list[str]:
    """A quote's sentences and colon-separated parts: a line is often one part of a longer quote
    ("I came to say one thing: we stand firm, we stay firm")."""
    parts = [p for p in re.split(r"(?<=[.!?:;])\s+", text) if len(words(p)) >= 2]
    return parts or [text]


def similarity(texts: list[str], background: list[str]) -> np.ndarray:
    """Cosine similarity of the best-matching parts of every two quotes."""
    parts = [chunks(t) for t in texts]
    owner = [i for i, p in enumerate(parts) for _ in p]
    vectors = _vectors([c for p in parts for c in p], background)
    by_part = np.clip(vectors @ vectors.T, 0, 1)
    result = np.zeros((len(texts), len(texts)))
    for a, i in enumerate(owner):
        for b, j in enumerate(owner):
            result[i, j] = max(result[i, j], by_part[a, b])
    np.fill_diagonal(result, 1.0)
    return result


def _clusters(similarity: np.ndarray) -> list[int]:
    if len(similarity) < 2:
        return [0] * len(similarity)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1 - SAME_LINE,
    )
    return [int(label) for label in model.fit_predict(1 - similarity)]


def _trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = [stem(w) for w in re.findall(r"[^\W_]+", text.lower())]
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)} or {tuple(tokens)}


def verbatim_share(a: str, b: str) -> float:
    """Share of the shorter quote's word trigrams found in the other."""
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) / min(len(ta), len(tb))


def verbatim(a: str, b: str) -> bool:
    """Whether two quotes are the same words (one may be a cut of the other)."""
    return verbatim_share(a, b) >= VERBATIM


def _record(article: Article, quote: Quote) -> QuoteRecord:
    return QuoteRecord(
        text=quote.text,
        speaker=quote.speaker_name,
        article=article.id,
        start=quote.start,
        end=quote.end,
        kind=quote.kind,
        speaker_entity=quote.speaker_entity,
    )


def _reported(records: list[QuoteRecord]) -> set[int]:
    """Indirect quotes, and the quoted fragments inside them ("said the leaders 'would go'")."""
    indirect = [i for i, r in enumerate(records) if r.kind == "indirect"]
    inside = {
        i
        for i, r in enumerate(records)
        if r.kind == "partial"
        and any(
            records[j].article == r.article
            and records[j].start <= r.start
            and r.end <= records[j].end
            for j in indirect
        )
    }
    return set(indirect) | inside


def _status(members: list[QuoteRecord], core: list[QuoteRecord]) -> str:
    if len({r.article for r in members}) < 2:
        return "single"
    speakers = {r.speaker for r in core if r.speaker}
    if len({r.article for r in core}) < 2:
        return "paraphrase" if core and len(speakers) <= 1 else "echoed"
    credited: dict[str, set[str]] = {}
    for record in core:
        if record.speaker:
            credited.setdefault(record.article, set()).add(record.speaker)
    for i, a in enumerate(core):
        for b in core[i + 1 :]:
            # An outlet that also gives the line to the other outlet's speaker (a headline's
            # "Union calls …" above "union leader X called …") does not contradict it.
            credited_apart = a.article != b.article and not (
                credited.get(a.article, set()) & credited.get(b.article, set())
            )
            if credited_apart and a.speaker and b.speaker and verbatim(a.text, b.text):
                return "conflict"
    return "agreed" if len(speakers) <= 1 else "echoed"


def _group(
    index: int, members: list[QuoteRecord], reported: set[int], ids: dict[int, int]
) -> QuoteGroup:
    direct = [r for r in members if ids[id(r)] not in reported]
    for record in members:  # reported speech is a paraphrase only of a line quoted in the group
        record.paraphrase = bool(direct) and ids[id(record)] in reported
    core = direct or members
    speakers = list(dict.fromkeys(r.speaker for r in core if r.speaker))
    return QuoteGroup(
        id=f"quote-{index + 1}",
        text=core[0].text,
        speakers=speakers,
        status=_status(members, core),
        quotes=members,
    )


def collect(
    articles: Sequence[Article], entities: list[Entity]
) -> tuple[list[QuoteRecord], list[QuoteGroup]]:
    """Every quote of the story as a record, and the records grouped by the line they carry.

    ``entities`` is accepted for the API's sake; speakers are already canonical on the quotes.
    """
    records = [_record(a, q) for a in articles for q in a.quotes]
    if not records:
        return [], []
    background = [a.span_text(s) for a in articles for s in a.sentences]
    labels = _clusters(similarity([r.text for r in records], background))
    reported = _reported(records)
    ids = {id(r): i for i, r in enumerate(records)}
    order: dict[int, list[QuoteRecord]] = {}
    for record, label in zip(records, labels, strict=True):
        order.setdefault(label, []).append(record)
    groups = [_group(i, members, reported, ids) for i, members in enumerate(order.values())]
    return records, groups
