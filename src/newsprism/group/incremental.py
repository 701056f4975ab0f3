"""Assign articles to stories one at a time, in arrival order, using only what has arrived.

The batch path fits TF-IDF on all articles at once; a stream cannot. Here words and names are
hashed (no vocabulary to fit) and IDF comes from the document frequencies of the articles seen so
far. Each article gets a compact vector (:func:`newsprism.group.index.compact_vectors`); a
:class:`~newsprism.group.index.VectorIndex` returns its nearest earlier articles published within
``quiet_days`` of it, and only the stories of those neighbours are scored precisely, with the
batch pair score (:func:`newsprism.group.similarity.mix` and ``date_factors``).

- A new article joins the open story whose members it resembles most on average (average link,
  as in the batch path) when that average reaches the threshold, and opens a new story otherwise.
- A story is *closed* to an article published more than ``quiet_days`` before its first or after
  its last article, so a similar event next month is a new story. Undated articles never close a
  story (there is no evidence of time passing).
- A *bridging* article that reaches the threshold with two open stories merges them when the two,
  with it, would be merged by average link (their mean cross score reaches the threshold). The
  older story keeps its id; the merge is logged so a store can undo it.

Where articles, memberships and features live is a :class:`StoryState`: in memory here
(:class:`MemoryState`), or in the store (:mod:`newsprism.store.grouping`).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

from newsprism.group.features import article_text, entity_keys, published_day
from newsprism.group.index import VectorIndex
from newsprism.group.index import compact_vector as compact_row
from newsprism.group.settings import GroupSettings
from newsprism.group.similarity import date_factors, mix
from newsprism.model import Article

NEIGHBOURS = 16  # nearest earlier articles retrieved per new article
# A neighbour's story is verified only when the neighbour's compact cosine reaches this share of
# the threshold: a story's average cannot exceed its best member's score, and the margin covers
# the compact vectors' hashing noise (about ±0.06 at 256 dimensions).
CANDIDATE_FLOOR = 0.5
VERIFY_MEMBERS = 64  # most recent members of a story that a new article is scored against


def story_id_for(article_id: str) -> str:
    """Deterministic story id, from the id of the article the story starts from."""
    return "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


# -- features -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SparseRow:
    """One hashed row: sorted feature indices and their values. Plain arrays rather than a
    scipy matrix, since a decision reads dozens of rows and scipy's per-matrix checks cost more
    than the arithmetic."""

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


@dataclass
class ArticleFeatures:
    """Hashed sublinear term frequencies of one article's words and names (not IDF-weighted:
    IDF changes as articles arrive, so it is applied when comparing)."""

    words: SparseRow
    names: SparseRow
    day: float | None

    def __post_init__(self) -> None:
        if not isinstance(self.words, SparseRow):
            self.words = SparseRow.of(self.words)
        if not isinstance(self.names, SparseRow):
            self.names = SparseRow.of(self.names)

    def to_bytes(self) -> bytes:
        parts = [np.array([self.words.nnz, self.names.nnz], dtype=np.int32)]
        for row in (self.words, self.names):
            parts += [row.indices.astype(np.int32), row.data.astype(np.float32)]
        return b"".join(p.tobytes() for p in parts)

    @classmethod
    def from_bytes(cls, data: bytes, day: float | None) -> ArticleFeatures:
        word_count, name_count = np.frombuffer(data, dtype=np.int32, count=2)
        offset, rows = 8, []
        for count in (int(word_count), int(name_count)):
            indices = np.frombuffer(data, dtype=np.int32, count=count, offset=offset)
            values = np.frombuffer(data, dtype=np.float32, count=count, offset=offset + 4 * count)
            offset += 8 * count
            rows.append(SparseRow(indices, values))
        return cls(rows[0], rows[1], day)

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
            words, names = whole[start : start + 2].tolist()
            at = start + 2
            word_row = SparseRow(whole[at : at + words], reals[at + words : at + 2 * words])
            at += 2 * words
            name_row = SparseRow(whole[at : at + names], reals[at + names : at + 2 * names])
            found.append(cls(word_row, name_row, day))
            start += len(blob) // 4
        return found


class FeatureHashing:
    """Vectorises one article on its own: nothing is fitted."""

    def __init__(self, settings: GroupSettings):
        self.width = settings.hash_features
        self._words = HashingVectorizer(
            n_features=self.width, stop_words="english", strip_accents="unicode",
            alternate_sign=False, norm=None,
        )
        self._names = FeatureHasher(n_features=self.width, input_type="dict",
                                    alternate_sign=False)

    def features(self, article: Article) -> ArticleFeatures:
        rows = []
        for counts in (self._words.transform([article_text(article)]),
                       self._names.transform([entity_keys(article)])):
            counts = counts.tocsr().astype(np.float32)
            counts.data = 1.0 + np.log(counts.data)  # sublinear tf, as in the batch vectorizer
            rows.append(SparseRow.of(counts))
        return ArticleFeatures(rows[0], rows[1], published_day(article))


class DocumentFrequencies:
    """How many articles seen so far contain each hashed word and name, for smoothed IDF."""

    def __init__(self, width: int):
        self.words = np.zeros(width, dtype=np.int64)
        self.names = np.zeros(width, dtype=np.int64)
        self.count = 0

    def add(self, features: ArticleFeatures) -> None:
        self.words[features.words.indices] += 1
        self.names[features.names.indices] += 1
        self.count += 1

    def idf(self, indices: np.ndarray, names: bool) -> np.ndarray:
        frequencies = (self.names if names else self.words)[indices]
        return np.log((1 + self.count) / (1 + frequencies)) + 1.0

    def cosines(self, left: Sequence[SparseRow], right: Sequence[SparseRow],
                names: bool) -> np.ndarray:
        """TF-IDF cosine of each left row with each right row.

        Only the left rows are laid out densely, over just the features these rows use; each
        right entry then looks its feature up there. Far cheaper than scipy products over the
        full hashed width for the few dozen rows one decision needs.
        """
        rows = [*left, *right]
        counts = np.array([r.nnz for r in rows])
        indices = np.concatenate([r.indices for r in rows])
        values = np.concatenate([r.data for r in rows]).astype(np.float64)
        values *= self.idf(indices, names)
        row_of = np.repeat(np.arange(len(rows)), counts)
        norms = np.sqrt(np.bincount(row_of, weights=values**2, minlength=len(rows)))
        values /= np.where(norms > 0, norms, 1.0)[row_of]
        split = int(counts[: len(left)].sum())
        if len(left) == 1:  # one new article, the common case: no vocabulary to sort
            return self._one_left(indices, values, row_of, split, len(right))
        vocabulary, column = np.unique(indices, return_inverse=True)
        left_dense = np.zeros((len(left), len(vocabulary)))
        left_dense[row_of[:split], column[:split]] = values[:split]
        products = left_dense[:, column[split:]] * values[split:]
        right_row = row_of[split:] - len(left)
        return np.array([np.bincount(right_row, weights=p, minlength=len(right))
                         for p in products]).reshape(len(left), len(right))

    @staticmethod
    def _one_left(indices: np.ndarray, values: np.ndarray, row_of: np.ndarray, split: int,
                  right: int) -> np.ndarray:
        """:meth:`cosines` for one left row: each right entry finds its feature in the left
        row's sorted indices (the same products and sums, so the same numbers)."""
        left_indices, left_values = indices[:split], values[:split]
        others = indices[split:]
        if not split:
            return np.zeros((1, right))
        if np.any(left_indices[1:] <= left_indices[:-1]):  # stored rows are sorted; others:
            order = np.argsort(left_indices, kind="stable")
            left_indices, left_values = left_indices[order], left_values[order]
        place = np.minimum(np.searchsorted(left_indices, others), split - 1)
        matched = left_indices[place] == others
        products = np.where(matched, left_values[place], 0.0) * values[split:]
        return np.bincount(row_of[split:] - 1, weights=products, minlength=right)[None, :]

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(buffer, words=self.words, names=self.names, count=self.count)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> DocumentFrequencies:
        with np.load(io.BytesIO(data)) as saved:
            frequencies = cls(len(saved["words"]))
            frequencies.words, frequencies.names = saved["words"], saved["names"]
            frequencies.count = int(saved["count"])
        return frequencies


def score_matrix(
    left: Sequence[ArticleFeatures], right: Sequence[ArticleFeatures],
    frequencies: DocumentFrequencies, settings: GroupSettings,
) -> np.ndarray:
    """The batch pair score (words, names, dates) of every left article with every right one."""
    text = frequencies.cosines([r.words for r in left], [r.words for r in right], names=False)
    names = frequencies.cosines([r.names for r in left], [r.names for r in right], names=True)
    named = np.array([r.names.nnz > 0 for r in [*left, *right]], dtype=bool)
    n = len(left)
    scores = mix(text, names, named[:n, None] & named[None, n:], settings.entity_weight)
    factors = date_factors([r.day for r in [*left, *right]], settings)[:n, n:]
    return np.clip(scores * factors, 0.0, 1.0)


def compact_vector(
    features: ArticleFeatures, frequencies: DocumentFrequencies, settings: GroupSettings
) -> np.ndarray:
    rows = []
    for row, names in ((features.words, False), (features.names, True)):
        values = row.data * frequencies.idf(row.indices, names)
        norm = float(np.sqrt((values**2).sum()))
        rows.append((row.indices, values / (norm or 1.0)))
    return compact_row(rows[0], rows[1], len(frequencies.words), settings.entity_weight)


# -- where the stream's state lives -----------------------------------------------------------


@dataclass(frozen=True)
class StorySpan:
    """What a decision needs to know of one story without reading all its members."""

    first_key: int  # its earliest member: the older story keeps its id in a merge
    first_day: float | None  # earliest and latest publication day of its dated members
    last_day: float | None
    recent: list[int]  # keys of its most recent members (at most the number asked), by key


class StoryState(Protocol):
    """Articles (by integer key), their features, and story memberships."""

    frequencies: DocumentFrequencies

    def key_of(self, article_id: str) -> int | None: ...
    def story_of(self, article_id: str) -> str | None: ...
    def remember(self, key: int, article_id: str, features: ArticleFeatures,
                 vector: np.ndarray) -> None: ...
    def features(self, keys: Sequence[int]) -> dict[int, ArticleFeatures]:
        """Features of those ``keys`` that have some."""
        ...
    def stories_of(self, keys: Sequence[int]) -> dict[int, str]: ...
    def story_span(self, story_id: str, recent: int) -> StorySpan | None:
        """The story's first key, day span and ``recent`` newest members; ``None`` if empty."""
        ...
    def assign(self, key: int, story_id: str) -> None: ...
    def merge(self, kept: str, absorbed: str, article_id: str, score: float) -> bool:
        """Move every member of ``absorbed`` into ``kept`` and log it; ``False`` when refused
        (e.g. the same merge was undone before)."""
        ...
    def stories(self) -> dict[str, list[str]]: ...


@dataclass
class MemoryState:
    """A :class:`StoryState` in plain dicts, for one session or a benchmark."""

    width: int
    frequencies: DocumentFrequencies = field(init=False)
    merge_log: list[tuple[str, str, str, float]] = field(default_factory=list)
    _keys: dict[str, int] = field(default_factory=dict)
    _ids: dict[int, str] = field(default_factory=dict)
    _features: dict[int, ArticleFeatures] = field(default_factory=dict)
    _story_of: dict[int, str] = field(default_factory=dict)
    _members: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.frequencies = DocumentFrequencies(self.width)

    def key_of(self, article_id: str) -> int | None:
        return self._keys.get(article_id)

    def story_of(self, article_id: str) -> str | None:
        key = self._keys.get(article_id)
        return None if key is None else self._story_of.get(key)

    def remember(self, key, article_id, features, vector) -> None:
        self._keys[article_id], self._ids[key], self._features[key] = key, article_id, features

    def features(self, keys):
        return {k: self._features[k] for k in keys if k in self._features}

    def stories_of(self, keys):
        return {k: self._story_of[k] for k in keys if k in self._story_of}

    def story_span(self, story_id, recent):
        keys = self._members.get(story_id)
        if not keys:
            return None
        days = [d for d in (self._features[k].day for k in keys) if d is not None]
        return StorySpan(keys[0], min(days, default=None), max(days, default=None),
                         keys[-recent:])

    def assign(self, key, story_id) -> None:
        self._story_of[key] = story_id
        self._members.setdefault(story_id, []).append(key)

    def merge(self, kept, absorbed, article_id, score) -> bool:
        moved = self._members.pop(absorbed, [])
        for key in moved:
            self._story_of[key] = kept
        self._members[kept] = sorted([*self._members.get(kept, []), *moved])
        self.merge_log.append((kept, absorbed, article_id, score))
        return True

    def stories(self) -> dict[str, list[str]]:
        return {sid: [self._ids[k] for k in keys] for sid, keys in self._members.items()}


# -- the assigner ---------------------------------------------------------------------------


@dataclass
class _Candidate:
    story_id: str
    first_key: int  # the story's earliest member: the older story keeps its id in a merge
    members: list[ArticleFeatures]
    score: float


class StoryAssigner:
    """Incremental story assignment. ``add`` returns the id of the story joined or opened."""

    def __init__(
        self, settings: GroupSettings | None = None, state: StoryState | None = None,
        index: VectorIndex | None = None, neighbours: int = NEIGHBOURS,
    ):
        self.settings = settings or GroupSettings()
        self.hashing = FeatureHashing(self.settings)
        self.state: StoryState = state or MemoryState(self.settings.hash_features)
        self.index = index or VectorIndex()
        self.neighbours = neighbours
        self._next_key = 0

    # -- public -----------------------------------------------------------------------------

    def add(self, article: Article, key: int | None = None) -> str:
        """Assign ``article`` to the best open story, or open a new one; return the story id.

        ``key`` is the article's integer key in the state (the store's sequence number); in
        memory it defaults to the arrival count.
        """
        known = self.state.story_of(article.id)
        if known is not None:
            return known
        return self.add_features(article.id, self.hashing.features(article), key)

    def add_features(
        self, article_id: str, features: ArticleFeatures, key: int | None = None
    ) -> str:
        """:meth:`add` for an article already turned into features (benchmarks, other sources)."""
        key, neighbours = self._remember(article_id, features, key)
        candidates = self._qualified(neighbours, features)
        if not candidates:
            story_id = story_id_for(article_id)
            self.state.assign(key, story_id)
            return story_id
        best = candidates[0]
        self.state.assign(key, best.story_id)
        return self._merge_bridged(best, candidates[1:], features, article_id)

    def restore(self, article: Article, story_id: str, key: int | None = None) -> None:
        """Record an article whose story is already known (e.g. read back from a store)."""
        if self.state.story_of(article.id) is None:
            key, _ = self._remember(article.id, self.hashing.features(article), key)
            self.state.assign(key, story_id)

    def story_of(self, article_id: str) -> str | None:
        return self.state.story_of(article_id)

    @property
    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids, in arrival order."""
        return self.state.stories()

    # -- internals --------------------------------------------------------------------------

    def _remember(
        self, article_id: str, features: ArticleFeatures, key: int | None
    ) -> tuple[int, list[int]]:
        """Count, store and index the article; return its key and its earlier neighbours."""
        if key is None:
            key, self._next_key = self._next_key, self._next_key + 1
        self.state.frequencies.add(features)
        vector = compact_vector(features, self.state.frequencies, self.settings)
        self.state.remember(key, article_id, features, vector)
        return key, self._search_then_add(key, vector, features.day)

    def _search_then_add(self, key: int, vector: np.ndarray, day: float | None) -> list[int]:
        """The article's earlier neighbours within the quiet period; then index it."""
        quiet = self.settings.quiet_days
        window = None if day is None else (day - quiet, day + quiet)
        keys, scores = self.index.search_then_add(key, vector, day, self.neighbours, window)
        floor = CANDIDATE_FLOOR * self.settings.threshold
        return [int(k) for k, score in zip(keys, scores, strict=True) if score >= floor]

    def _qualified(self, neighbours: list[int], features: ArticleFeatures) -> list[_Candidate]:
        """Open stories of the neighbours whose average score reaches the threshold, best first
        (ties: the older story).

        Two passes keep this cheap when many stories look alike: the new article is first scored
        against the retrieved neighbours alone, and only a story with some neighbour at the
        threshold (its average cannot reach it otherwise, bar a better member the index did not
        return) is scored against those of its recent members not already scored.
        """
        if not neighbours:
            return []
        found = self.state.features(neighbours)
        neighbours = [k for k in neighbours if k in found]
        scored = self._scores(features, found, neighbours)
        story_of = self.state.stories_of(neighbours)
        best_of: dict[str, float] = {}
        for key in neighbours:
            story_id = story_of.get(key)
            if story_id is not None:
                best_of[story_id] = max(best_of.get(story_id, 0.0), scored[key])
        open_stories = []
        for story_id, best in best_of.items():
            if best < self.settings.threshold:
                continue
            span = self.state.story_span(story_id, VERIFY_MEMBERS)
            if span is not None and not self._closed(span, features.day):
                open_stories.append((story_id, span))
        if not open_stories:
            return []
        # Recent members are mostly among the neighbours already scored: read only the others.
        missing = list(dict.fromkeys(
            k for _, span in open_stories for k in span.recent if k not in found))
        if missing:
            found.update(self.state.features(missing))
            scored.update(self._scores(features, found, [k for k in missing if k in found]))
        qualified = []
        for story_id, span in open_stories:
            recent = [k for k in span.recent if k in scored]
            score = float(np.mean([scored[k] for k in recent])) if recent else 0.0
            if score >= self.settings.threshold:
                members = [found[k] for k in recent]
                qualified.append(_Candidate(story_id, span.first_key, members, score))
        return sorted(qualified, key=lambda c: (-c.score, c.first_key))

    def _scores(self, features: ArticleFeatures, found: dict[int, ArticleFeatures],
                keys: list[int]) -> dict[int, float]:
        """The new article's pair score with each of ``keys`` (a pure function of the two
        articles and the document frequencies, so a score computed once is reused)."""
        if not keys:
            return {}
        scores = score_matrix([features], [found[k] for k in keys], self.state.frequencies,
                              self.settings)[0]
        return {k: float(s) for k, s in zip(keys, scores, strict=True)}

    def _closed(self, span: StorySpan, day: float | None) -> bool:
        if day is None or span.first_day is None or span.last_day is None:
            return False
        gap = max(0.0, span.first_day - day, day - span.last_day)
        return gap > self.settings.quiet_days

    def _merge_bridged(
        self, joined: _Candidate, others: list[_Candidate], features: ArticleFeatures,
        article_id: str,
    ) -> str:
        """Merge into the joined story every other story the new article also qualified for,
        when average link would merge them now: the mean score between the joined story (with
        the new article) and the other reaches the threshold, as in the batch clustering.
        Return the story the new article ends in."""
        group = [*joined.members, features]
        for other in others:
            link = float(score_matrix(group, other.members, self.state.frequencies,
                                      self.settings).mean())
            if link < self.settings.threshold:
                continue
            kept, absorbed = (joined, other) if joined.first_key <= other.first_key else (
                other, joined)
            if self.state.merge(kept.story_id, absorbed.story_id, article_id, link):
                joined = _Candidate(kept.story_id, kept.first_key, [], link)
                group = [*group, *other.members]
        return joined.story_id
