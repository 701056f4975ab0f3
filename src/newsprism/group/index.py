"""Nearest-neighbour search over compact article vectors, for candidate retrieval at scale.

A story assigner cannot score a new article against a million stored ones; it asks this index
for the few nearest (by cosine of compact vectors) and verifies only those precisely.

- :func:`compact_vectors` turns hashed sparse word and name weights into fixed-size dense vectors
  by *signed feature hashing* (each hashed feature is added, with a fixed ±1 sign, into one of
  ``dims`` buckets). Inner products are preserved in expectation, nothing is fitted, so a new
  article is vectorised on its own.
- :class:`VectorIndex` keeps vectors with their publication day. Small sets are searched
  exactly with numpy; past ``exact_limit`` vectors (and when ``faiss`` is installed) they move
  into a faiss inverted-file index with 8-bit scalar quantisation (~270 bytes a vector).
  A search can be limited to a window of days (undated vectors always pass): faiss keys carry
  the publication hour in their high bits, so the window is a key-range selector.
- Once there is a faiss index, vectors added one at a time (a stream) first gather in a small
  exact *delta* beside it, searched with it, and move into it ``delta_limit`` at a time (or on
  saving, past a quarter of that): adding to an inverted list doubles its capacity, so a few
  thousand single adds spread over a read-back index would grow it by up to its own size in
  memory, and a small delta spares rewriting the index file after every session. Faiss runs
  on one thread for single vectors: handing one vector between OpenMP threads costs far more
  than the work.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

try:  # optional: exact search is used when faiss is missing
    import faiss
except ImportError:  # pragma: no cover - exercised only without the dependency
    faiss = None

DIMS = 256
_ID_BITS = 32  # article keys must stay below 2**32
_UNDATED_HOUR = 0
_EPOCH_DAY = 693_596.0  # ordinal of 1900-01-01: hours since then fit in 31 bits for centuries


@lru_cache(maxsize=8)
def _signed_hashing(width: int, dims: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """For each of ``width`` hashed features, its bucket in ``dims`` and its ±1 sign (fixed by
    the seed, so every process projects the same way)."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, dims, size=width), rng.choice(np.array([-1.0, 1.0]), size=width)


def prepare_projection(width: int, dims: int = DIMS) -> None:
    """Make the hashing tables of :func:`compact_vector` now (a few milliseconds), not in the
    first article's decision."""
    for seed in (1, 2):
        _signed_hashing(width, dims, seed)


def _project(rows: csr_matrix, dims: int, seed: int) -> np.ndarray:
    buckets, signs = _signed_hashing(rows.shape[1], dims, seed)
    row_of = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))
    flat = row_of * dims + buckets[rows.indices]
    summed = np.bincount(flat, weights=signs[rows.indices] * rows.data,
                         minlength=rows.shape[0] * dims)
    return summed.reshape(rows.shape[0], dims)


def compact_vector(
    words: tuple[np.ndarray, np.ndarray], names: tuple[np.ndarray, np.ndarray], width: int,
    name_weight: float, dims: int = DIMS,
) -> np.ndarray:
    """:func:`compact_vectors` of one article, given as (indices, values) pairs over ``width``
    hashed features: the same numbers, without building scipy matrices (which cost more than
    the arithmetic for one row)."""
    parts = []
    for (indices, values), seed in ((words, 1), (names, 2)):
        buckets, signs = _signed_hashing(width, dims, seed)
        parts.append(np.bincount(buckets[indices], weights=signs[indices] * values,
                                 minlength=dims))
    mixed = parts[0]
    if len(names[0]):
        mixed = math.sqrt(1 - name_weight) * parts[0] + math.sqrt(name_weight) * parts[1]
    norm = np.linalg.norm(mixed)
    return (mixed / (norm if norm > 0 else 1.0)).astype(np.float32)


def compact_vectors(
    words: csr_matrix, names: csr_matrix, name_weight: float, dims: int = DIMS
) -> np.ndarray:
    """Unit ``float32`` vectors (one row per input row) whose dot product approximates
    ``(1 - w) · cos(words) + w · cos(names)`` for rows that both have names.

    ``words`` and ``names`` are L2-normalised, IDF-weighted hashed rows. A row without names is
    all words, as the precise score then uses words alone.
    """
    word_part = _project(words.tocsr(), dims, seed=1)
    name_part = _project(names.tocsr(), dims, seed=2)
    has_names = (np.diff(names.tocsr().indptr) > 0)[:, None]
    mixed = np.where(
        has_names,
        math.sqrt(1 - name_weight) * word_part + math.sqrt(name_weight) * name_part,
        word_part,
    )
    norms = np.linalg.norm(mixed, axis=1, keepdims=True)
    return (mixed / np.where(norms > 0, norms, 1.0)).astype(np.float32)


@contextmanager
def _one_thread(rows: int) -> Iterator[None]:
    """Run faiss on one thread for a few rows: for one vector the OpenMP hand-off between
    threads costs ~30x the work itself (0.3 ms add becomes 11 ms on a busy two-core machine)."""
    if faiss is None or rows > _SMALL_BATCH:
        yield
        return
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(threads)


_SMALL_BATCH = 64


def _hour_of(day: float) -> int:
    return max(1, int((day - _EPOCH_DAY) * 24) + 1)  # 0 is reserved for undated


def _faiss_keys(ids: np.ndarray, days: np.ndarray) -> np.ndarray:
    hours = np.where(np.isnan(days), _UNDATED_HOUR, 0).astype(np.int64)
    dated = ~np.isnan(days)
    hours[dated] = np.maximum(1, ((days[dated] - _EPOCH_DAY) * 24).astype(np.int64) + 1)
    return (hours << _ID_BITS) | ids.astype(np.int64)


class VectorIndex:
    """``add(ids, vectors, days)``, ``search(vector, k, window)``, ``save``/``load``.

    Ids are non-negative integers below 2**32 (the store's article sequence numbers); vectors
    are unit rows of ``dims`` floats; days are :func:`~newsprism.group.features.published_day`
    values (``nan`` or ``None`` when unknown).
    """

    def __init__(
        self, dims: int = DIMS, exact_limit: int = 10_000, nprobe: int = 24,
        lists: int | None = None, delta_limit: int = 8192,
    ):
        """``lists``: inverted lists of the faiss index, fixed when it is trained (default
        4·√n for the n vectors present then; give the expected final size's when bulk loading).
        ``delta_limit``: vectors held exactly beside the faiss index before moving into it.
        """
        self.dims = dims
        self.exact_limit = exact_limit
        self.nprobe = nprobe
        self.lists = lists
        self.delta_limit = delta_limit
        # Vectors searched exactly: all of them before the faiss index exists, the delta after.
        self._ids = np.zeros(0, dtype=np.int64)
        self._days = np.zeros(0, dtype=np.float64)
        self._vectors = np.zeros((0, dims), dtype=np.float32)
        self._held = 0  # rows in use in those arrays
        self._ann = None  # the faiss index once past exact_limit
        self._ann_saved: Path | None = None  # the folder whose ivf.faiss is this index
        self._seen = np.zeros(0, dtype=bool)  # indexed ids, as a bitmap over id values
        self._count = 0
        self._parameters: tuple | None = None  # see _search_parameters

    def __len__(self) -> int:
        return self._count

    def __contains__(self, article_id: int) -> bool:
        return 0 <= article_id < len(self._seen) and bool(self._seen[article_id])

    @property
    def kind(self) -> str:
        return "exact" if self._ann is None else "faiss-ivf-sq8"

    # -- adding -----------------------------------------------------------------------------

    def add(self, ids, vectors, days=None) -> None:
        """Add vectors; ids already in the index are skipped, so re-adding is harmless."""
        ids = np.asarray(ids, dtype=np.int64).ravel()
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), self.dims)
        days = _as_days(days, len(ids))
        if len(ids) and (ids.min() < 0 or ids.max() >= 2**_ID_BITS):
            raise ValueError("VectorIndex ids must be in [0, 2**32)")
        known = np.zeros(len(ids), dtype=bool)
        in_bitmap = ids < len(self._seen)
        known[in_bitmap] = self._seen[ids[in_bitmap]]
        first = np.zeros(len(ids), dtype=bool)
        first[np.unique(ids, return_index=True)[1]] = True  # a repeated id in one call: once
        fresh = ~known & first
        self._add_fresh(ids[fresh], vectors[fresh], days[fresh])

    def _add_fresh(self, ids: np.ndarray, vectors: np.ndarray, days: np.ndarray) -> None:
        """Add vectors whose ids are new to the index (and to each other)."""
        if not len(ids):
            return
        self._mark_seen(ids)
        self._count += len(ids)
        self._append_exact(ids, vectors, days)
        if self._ann is not None and self._held > self.delta_limit:
            self._move_delta_to_ann()
        elif self._ann is None and faiss is not None and self._count > self.exact_limit:
            self._move_to_ann()

    def _append_exact(self, ids: np.ndarray, vectors: np.ndarray, days: np.ndarray) -> None:
        """Append into arrays grown by doubling: one add costs O(1), not a copy of them all."""
        used, needed = self._held, self._held + len(ids)
        self._held = needed
        if needed > len(self._ids):
            capacity = max(needed, 2 * len(self._ids), 64)
            self._ids = np.resize(self._ids, capacity)
            self._days = np.resize(self._days, capacity)
            grown = np.zeros((capacity, self.dims), dtype=np.float32)
            grown[:used] = self._vectors[:used]
            self._vectors = grown
        self._ids[used:needed], self._days[used:needed] = ids, days
        self._vectors[used:needed] = vectors

    def _mark_seen(self, ids: np.ndarray) -> None:
        top = int(ids.max()) + 1
        if top > len(self._seen):
            grown = np.zeros(max(top, 2 * len(self._seen)), dtype=bool)
            grown[: len(self._seen)] = self._seen
            self._seen = grown
        self._seen[ids] = True

    def _move_to_ann(self) -> None:
        """Train an inverted-file index on what is here and move every vector into it."""
        lists = self.lists or max(16, min(8192, int(4 * math.sqrt(self._count))))
        lists = min(lists, self._count // 39)  # faiss wants ~39 training points per list
        quantizer = faiss.IndexFlatIP(self.dims)
        ann = faiss.IndexIVFScalarQuantizer(
            quantizer, self.dims, lists, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        ann.by_residual = False
        sample = np.random.default_rng(0).permutation(self._count)[: lists * 64]
        ann.train(self._vectors[sample])
        self._ann = ann
        self._move_delta_to_ann()

    def _move_delta_to_ann(self) -> None:
        held = self._held
        with _one_thread(held):
            self._ann.add_with_ids(self._vectors[:held],
                                   _faiss_keys(self._ids[:held], self._days[:held]))
        self._ann_saved = None
        self._ids = np.zeros(0, dtype=np.int64)
        self._days = np.zeros(0, dtype=np.float64)
        self._vectors = np.zeros((0, self.dims), dtype=np.float32)
        self._held = 0

    # -- searching --------------------------------------------------------------------------

    def search(
        self, vector, k: int, window: tuple[float, float] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Ids and cosine scores of the ``k`` nearest vectors, best first.

        With ``window=(first_day, last_day)`` only vectors published in it, or undated, count.
        """
        vector = np.asarray(vector, dtype=np.float32).reshape(1, self.dims)
        if self._count == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        exact = self._exact(vector[0], k, window)
        if self._ann is None:
            return exact
        params = self._search_parameters(window)
        with _one_thread(1):
            scores, keys = self._ann.search(vector, k, params=params)
        found = keys[0] >= 0
        ids = np.concatenate([keys[0][found] & ((1 << _ID_BITS) - 1), exact[0]])
        scores = np.concatenate([scores[0][found], exact[1]])
        best = np.argsort(-scores, kind="stable")[:k]
        return ids[best], scores[best]

    def _search_parameters(self, window: tuple[float, float] | None):
        """faiss search parameters (``nprobe``; with a window, a selector of undated keys or
        keys in its hours). Made once and reused, the window's range moved for each search:
        making them costs a stream decision more than moving two numbers."""
        made = self._parameters
        if made is None or made[0] != self.nprobe:
            undated = faiss.IDSelectorRange(0, 1 << _ID_BITS)
            in_window = faiss.IDSelectorRange(0, 0)
            either = faiss.IDSelectorOr(undated, in_window)
            made = self._parameters = (
                self.nprobe, faiss.SearchParametersIVF(nprobe=self.nprobe),
                faiss.SearchParametersIVF(nprobe=self.nprobe, sel=either), in_window,
                (undated, either),  # kept alive here: faiss holds bare pointers to them
            )
        if window is None:
            return made[1]
        in_window = made[3]
        in_window.imin = _hour_of(window[0]) << _ID_BITS
        in_window.imax = (_hour_of(window[1]) + 1) << _ID_BITS
        return made[2]

    def search_then_add(
        self, article_id: int, vector, day: float | None, k: int,
        window: tuple[float, float] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`search`, then :meth:`add` the vector: what a stream does with each article."""
        found = self.search(vector, k, window)
        if not 0 <= article_id < 2**_ID_BITS:
            raise ValueError("VectorIndex ids must be in [0, 2**32)")
        if article_id not in self:  # one id: :meth:`add` without its checks for many
            self._add_fresh(np.array([article_id], dtype=np.int64),
                            np.asarray(vector, dtype=np.float32).reshape(1, self.dims),
                            np.array([np.nan if day is None else day]))
        return found

    def _exact(self, vector: np.ndarray, k: int, window) -> tuple[np.ndarray, np.ndarray]:
        count = self._held
        rows = np.arange(count)
        if window is not None:  # only rows in the window are scored
            days = self._days[:count]
            rows = rows[np.isnan(days) | ((days >= window[0]) & (days <= window[1]))]
        if not len(rows):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        vectors = self._vectors[rows] if len(rows) < count else self._vectors[:count]
        scores = vectors @ vector
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return self._ids[rows[top]], scores[top]

    # -- persistence ------------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write the index to ``path`` (a folder), replacing what was there. The faiss index is
        rewritten only when vectors moved into it since it was read from or written there."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"dims": self.dims, "exact_limit": self.exact_limit, "nprobe": self.nprobe,
                "lists": self.lists, "delta_limit": self.delta_limit, "kind": self.kind,
                "count": self._count}
        if self._ann is not None and self._held > self.delta_limit // 4:
            self._move_delta_to_ann()  # a fresh process then starts with little to scan
        if self._ann is not None and self._ann_saved != folder.resolve():
            faiss.write_index(self._ann, str(folder / "ivf.tmp.faiss"))
            (folder / "ivf.tmp.faiss").replace(folder / "ivf.faiss")
            self._ann_saved = folder.resolve()
        held = self._held
        with open(folder / "exact.tmp.npz", "wb") as file:  # a name np.savez keeps as given
            np.savez(file, ids=self._ids[:held], days=self._days[:held],
                     vectors=self._vectors[:held])
        (folder / "exact.tmp.npz").replace(folder / "exact.npz")
        np.save(folder / "seen.npy", np.flatnonzero(self._seen))
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> VectorIndex:
        folder = Path(path)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        index = cls(meta["dims"], meta["exact_limit"], meta["nprobe"], meta.get("lists"),
                    meta.get("delta_limit", 8192))
        if meta["kind"] != "exact":
            if faiss is None:
                raise RuntimeError(f"{folder}: this index needs faiss-cpu installed")
            index._ann = faiss.read_index(str(folder / "ivf.faiss"))
            index._ann_saved = folder.resolve()
        if (folder / "exact.npz").is_file():  # everything, or the delta beside faiss
            with np.load(folder / "exact.npz") as saved:
                index._ids, index._days = saved["ids"], saved["days"]
                index._vectors = saved["vectors"]
            index._held = len(index._ids)
        seen = np.load(folder / "seen.npy")
        if len(seen):
            index._mark_seen(seen)
        index._count = meta["count"]
        return index


def _as_days(days, count: int) -> np.ndarray:
    if days is None:
        return np.full(count, np.nan)
    return np.array([np.nan if d is None else d for d in days], dtype=np.float64)
