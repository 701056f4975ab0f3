"""What the stream keeps of each article, and the document frequencies of what has arrived so far.

The batch pair model (:mod:`newsprism.group.similarity`) fits its vocabularies on the whole batch;
a stream cannot. Here every part the pair model reads — words, name words, the lead's words and
names, numbers, years — is hashed (no vocabulary to fit) into sublinear term frequencies, and IDF
comes from the document frequencies of the articles seen so far. A stored article is these rows
and its publication day, so a later decision can score it again without the article's text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

from newsprism.group.features import (
    article_text,
    entity_keys,
    lead_text,
    number_keys,
    published_day,
    year_keys,
)
from newsprism.group.index import compact_vector as compact_row
from newsprism.group.settings import GroupSettings
from newsprism.model import Article

# The hashed rows of an article, in stored order. The first two are what the compact index
# vector is made of; every one but "years" is IDF-weighted when compared.
KINDS = ("words", "names", "lead", "lead_names", "numbers", "years")
WEIGHTED = KINDS[:-1]
# In an article's flat rows (:meth:`ArticleFeatures.flat`) a feature of kind k (its position in
# KINDS) has the key ``k << KIND_SHIFT | index``: every kind in one sorted vocabulary.
KIND_SHIFT = 32
_INDEX_MASK = (1 << KIND_SHIFT) - 1


class SparseRow(NamedTuple):
    """One hashed row: sorted feature indices and their values. Plain arrays rather than a
    scipy matrix, since a decision reads dozens of rows and scipy's per-matrix checks cost more
    than the arithmetic (and a named tuple: made a few hundred times per decision, it is ~3x
    cheaper to build than a frozen dataclass)."""

    indices: np.ndarray  # int32
    data: np.ndarray  # float32

    @property
    def nnz(self) -> int:
        return len(self.indices)

    @classmethod
    def of(cls, row: csr_matrix) -> SparseRow:
        row = row.tocsr()
        row.sum_duplicates()
        return cls(row.indices.astype(np.int32), row.data.astype(np.float32))


EMPTY = SparseRow(np.zeros(0, np.int32), np.zeros(0, np.float32))


class FlatRows(NamedTuple):
    """Every row of one article in one sorted array: keys (kind and feature, see
    :data:`KIND_SHIFT`), their values, and the length of each kind's row. What a decision
    compares, made once per article object rather than once per comparison."""

    keys: np.ndarray  # int64, sorted (kind-major)
    data: np.ndarray  # float64
    lengths: tuple[int, ...]  # one per kind


def _flat_rows(rows: Sequence[SparseRow]) -> FlatRows:
    lengths = tuple(len(r.indices) for r in rows)
    keys = np.concatenate([r.indices for r in rows]).astype(np.int64)
    keys |= np.repeat(np.arange(len(rows), dtype=np.int64) << KIND_SHIFT, lengths)
    return FlatRows(keys, np.concatenate([r.data for r in rows]).astype(np.float64), lengths)


def _row(value: SparseRow | csr_matrix) -> SparseRow:
    return value if isinstance(value, SparseRow) else SparseRow.of(value)


@dataclass
class ArticleFeatures:
    """Hashed sublinear term frequencies of one article (not IDF-weighted: IDF changes as
    articles arrive, so it is applied when comparing). Rows missing from older stores are empty."""

    words: SparseRow
    names: SparseRow
    day: float | None
    lead: SparseRow = field(default=EMPTY)
    lead_names: SparseRow = field(default=EMPTY)
    numbers: SparseRow = field(default=EMPTY)
    years: SparseRow = field(default=EMPTY)

    def __post_init__(self) -> None:
        for kind in KINDS:
            setattr(self, kind, _row(getattr(self, kind)))

    def row(self, kind: str) -> SparseRow:
        return getattr(self, kind)

    def flat(self) -> FlatRows:
        """All rows as :class:`FlatRows`, made on first use and kept (rows do not change)."""
        found = self.__dict__.get("_flat")
        if found is None:
            found = self.__dict__["_flat"] = _flat_rows([self.row(kind) for kind in KINDS])
        return found

    def to_bytes(self) -> bytes:
        """``-len(KINDS)``, each row's length, then each row's indices and values. (Stores from
        before the lead, number and year rows start with the two lengths of words and names.)"""
        rows = [self.row(kind) for kind in KINDS]
        parts = [np.array([-len(KINDS), *(r.nnz for r in rows)], dtype=np.int32)]
        for row in rows:
            parts += [np.asarray(row.indices, np.int32), np.asarray(row.data, np.float32)]
        return b"".join(p.tobytes() for p in parts)

    @classmethod
    def from_bytes(cls, data: bytes, day: float | None) -> ArticleFeatures:
        return cls.many_from_bytes([data], [day])[0]

    @classmethod
    def many_from_bytes(
        cls, blobs: Sequence[bytes], days: Sequence[float | None]
    ) -> list[ArticleFeatures]:
        """:meth:`from_bytes` of many rows. A decision reads dozens of stored articles and
        compares only their :meth:`flat` rows: those are made for all of them at once, as
        slices of one array, and each kind's row only when asked for."""
        joined = b"".join(blobs)
        whole = np.frombuffer(joined, dtype=np.int32)
        reals = whole.view(np.float32)
        indices, values, kinds, lengths_of = [], [], [], []  # every stored row, in order
        start = 0
        for blob in blobs:
            head = whole[start : start + 1 + len(KINDS)].tolist()
            if head[0] < 0:
                lengths, at = head[1 : 1 - head[0]][: len(KINDS)], start + 1 - head[0]
            else:  # the older two-row format: no header
                lengths, at = head[:2], start + 2
            for length in lengths:
                indices.append(whole[at : at + length])
                values.append(reals[at + length : at + 2 * length])
                at += 2 * length
            kinds += _KIND_NUMBERS[: len(lengths)]
            lengths_of.append((*lengths, *_NO_ROWS[len(lengths) :]))
            start += len(blob) // 4
        if not blobs:
            return []
        keys = np.concatenate(indices).astype(np.int64)
        keys |= np.repeat(np.array(kinds, dtype=np.int64) << KIND_SHIFT, list(map(len, indices)))
        data = np.concatenate(values).astype(np.float64)
        found, low = [], 0
        for day, lengths in zip(days, lengths_of, strict=True):
            high = low + sum(lengths)
            features = _StoredFeatures.__new__(_StoredFeatures)
            features.__dict__.update(day=day, _flat=FlatRows(keys[low:high], data[low:high],
                                                             lengths))
            found.append(features)
            low = high
        return found


_KIND_NUMBERS = list(range(len(KINDS)))
_NO_ROWS = (0,) * len(KINDS)


class _StoredFeatures(ArticleFeatures):
    """Features read back from bytes: their :meth:`flat` rows; each kind's row is made from
    them when first asked for (a decision compares only the flat rows)."""

    def _stored_row(self, kind: int) -> SparseRow:
        made = self.__dict__.setdefault("_rows", {})
        if kind not in made:
            flat = self.__dict__["_flat"]
            low = sum(flat.lengths[:kind])
            high = low + flat.lengths[kind]
            made[kind] = SparseRow((flat.keys[low:high] & _INDEX_MASK).astype(np.int32),
                                   flat.data[low:high].astype(np.float32))
        return made[kind]


for _number, _kind in enumerate(KINDS):
    setattr(_StoredFeatures, _kind, property(lambda self, k=_number: self._stored_row(k)))


def _sublinear(counts: csr_matrix) -> SparseRow:
    counts = counts.tocsr().astype(np.float32)
    counts.data = 1.0 + np.log(counts.data)  # sublinear tf, as in the batch vectorizers
    return SparseRow.of(counts)


class FeatureHashing:
    """Vectorises one article on its own: nothing is fitted."""

    def __init__(self, settings: GroupSettings):
        self.width = settings.hash_features
        # The batch's word counter: English stop words, accents stripped, default tokens.
        self._words = HashingVectorizer(
            n_features=self.width, stop_words="english", strip_accents="unicode",
            alternate_sign=False, norm=None,
        )
        self._keys = FeatureHasher(n_features=self.width, input_type="dict",
                                   alternate_sign=False)

    def features(self, article: Article) -> ArticleFeatures:
        text = article_text(article)
        words, lead = self._words.transform([text, lead_text(article)])
        keys = [entity_keys(article), entity_keys(article, lead_only=True), number_keys(text),
                dict.fromkeys(year_keys(text), 1)]
        names, lead_names, numbers, years = self._keys.transform(keys)
        return ArticleFeatures(
            _sublinear(words), _sublinear(names), published_day(article),
            lead=_sublinear(lead), lead_names=_sublinear(lead_names),
            numbers=_sublinear(numbers), years=_sublinear(years),
        )


class DocumentFrequencies:
    """How many articles seen so far contain each hashed feature of each weighted kind, for
    smoothed IDF (``ln((1 + n) / (1 + df)) + 1``, as the batch's TF-IDF vectorizers)."""

    def __init__(self, width: int):
        # One row per weighted kind, so a decision looks up the IDF of every kind at once;
        # ``counts`` are views of those rows (write into them, do not replace them).
        self.table = np.zeros((len(WEIGHTED), width), dtype=np.int64)
        self.counts = {kind: self.table[k] for k, kind in enumerate(WEIGHTED)}
        self.count = 0

    @property
    def words(self) -> np.ndarray:
        return self.counts["words"]

    @property
    def names(self) -> np.ndarray:
        return self.counts["names"]

    def add(self, features: ArticleFeatures) -> None:
        flat = features.flat()
        keys = flat.keys[: len(flat.keys) - sum(flat.lengths[len(WEIGHTED) :])]  # not years
        width = self.table.shape[1]
        # One increment over the table (a row has each feature once, so none is lost).
        self.table.reshape(-1)[(keys >> KIND_SHIFT) * width + (keys & _INDEX_MASK)] += 1
        self.count += 1

    def idf(self, indices: np.ndarray, kind: str) -> np.ndarray:
        return np.log((1 + self.count) / (1 + self.counts[kind][indices])) + 1.0

    def idf_of_kinds(self, kinds: np.ndarray, indices: np.ndarray) -> np.ndarray:
        """:meth:`idf` of features of several kinds (positions in ``WEIGHTED``) at once."""
        return np.log((1 + self.count) / (1 + self.table[kinds, indices])) + 1.0

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(buffer, count=self.count, **self.counts)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> DocumentFrequencies:
        with np.load(io.BytesIO(data)) as saved:
            frequencies = cls(len(saved["words"]))
            for kind in WEIGHTED:
                if kind in saved:  # older stores counted words and names only
                    frequencies.counts[kind][:] = saved[kind]
            frequencies.count = int(saved["count"])
        return frequencies


def compact_vector(
    features: ArticleFeatures, frequencies: DocumentFrequencies, settings: GroupSettings
) -> np.ndarray:
    """The article's unit vector for the nearest-neighbour index: its words and names rows,
    each times IDF and L2-normalised (both looked up at once in the flat rows)."""
    flat = features.flat()
    words, both = flat.lengths[0], flat.lengths[0] + flat.lengths[1]  # words, then names
    keys = flat.keys[:both]
    indices = keys & _INDEX_MASK
    values = flat.data[:both] * frequencies.idf_of_kinds(keys >> KIND_SHIFT, indices)
    rows = []
    for low, high in ((0, words), (words, both)):
        norm = float(np.sqrt((values[low:high] ** 2).sum()))
        rows.append((indices[low:high], values[low:high] / (norm or 1.0)))
    return compact_row(rows[0], rows[1], len(frequencies.words), settings.entity_weight)
