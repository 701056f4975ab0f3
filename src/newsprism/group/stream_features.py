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

    def to_bytes(self) -> bytes:
        """``-len(KINDS)``, each row's length, then each row's indices and values. (Stores from
        before the lead, number and year rows start with the two lengths of words and names.)"""
        rows = [self.row(kind) for kind in KINDS]
        parts = [np.array([-len(KINDS), *(r.nnz for r in rows)], dtype=np.int32)]
        for row in rows:
            parts += [row.indices.astype(np.int32), row.data.astype(np.float32)]
        return b"".join(p.tobytes() for p in parts)

    @classmethod
    def from_bytes(cls, data: bytes, day: float | None) -> ArticleFeatures:
        return cls.many_from_bytes([data], [day])[0]

    @classmethod
    def many_from_bytes(
        cls, blobs: Sequence[bytes], days: Sequence[float | None]
    ) -> list[ArticleFeatures]:
        """:meth:`from_bytes` of many rows: one buffer, then views into it (a decision reads
        dozens of rows, and each ``frombuffer`` call costs more than its bytes)."""
        joined = b"".join(blobs)
        whole = np.frombuffer(joined, dtype=np.int32)
        reals = whole.view(np.float32)
        found, start = [], 0
        for blob, day in zip(blobs, days, strict=True):
            head = whole[start : start + 1 + len(KINDS)].tolist()
            if head[0] < 0:
                lengths, at = head[1 : 1 - head[0]], start + 1 - head[0]
            else:  # the older two-row format: no header
                lengths, at = head[:2], start + 2
            rows = dict.fromkeys(KINDS, EMPTY)
            for kind, length in zip(KINDS, lengths, strict=False):
                values = reals[at + length : at + 2 * length]
                rows[kind] = SparseRow(whole[at : at + length], values)
                at += 2 * length
            # The rows are SparseRows already: skip __post_init__'s checks (a decision reads
            # dozens of articles, and they cost as much as the parsing).
            features = cls.__new__(cls)
            features.__dict__.update(rows, day=day)
            found.append(features)
            start += len(blob) // 4
        return found


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
        for kind, counts in self.counts.items():
            counts[features.row(kind).indices] += 1
        self.count += 1

    def idf(self, indices: np.ndarray, kind: str) -> np.ndarray:
        return np.log((1 + self.count) / (1 + self.counts[kind][indices])) + 1.0

    def idf_of_kinds(self, kinds: np.ndarray, indices: np.ndarray) -> np.ndarray:
        """:meth:`idf` of features of several kinds (positions in ``WEIGHTED``) at once."""
        return np.log((1 + self.count) / (1 + self.table[kinds, indices])) + 1.0

    def weighted(self, row: SparseRow, kind: str) -> np.ndarray:
        """The row's values times IDF, L2-normalised."""
        values = row.data * self.idf(row.indices, kind)
        norm = float(np.sqrt((values**2).sum()))
        return values / (norm or 1.0)

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
    """The article's unit vector for the nearest-neighbour index (words and names)."""
    rows = [(features.row(kind).indices, frequencies.weighted(features.row(kind), kind))
            for kind in ("words", "names")]
    return compact_row(rows[0], rows[1], len(frequencies.words), settings.entity_weight)
