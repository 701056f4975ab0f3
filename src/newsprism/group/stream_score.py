"""The batch pair model, applied by the stream to a new article and its nearest earlier ones.

The batch computes every feature of :data:`~newsprism.group.similarity.PAIR_FEATURES` over the
whole batch. A stream decision sees only a *local batch*: the new article, its nearest earlier
articles and the recent members of their stories (for a look-alike event, its twin is among
them). Here each feature is computed on that local batch from stored hashed rows
(:mod:`newsprism.group.stream_features`):

- IDF-weighted cosines (words, names, lead, lead names, numbers) use the document frequencies
  of everything that has arrived so far, as the batch uses those of the whole batch;
- years, publication dates: per pair, as in the batch;
- the neighbourhood features (topic groups for local IDF, shared near neighbours) use the local
  batch, which is the new article's neighbourhood.

The probabilities come from :func:`~newsprism.group.similarity.pair_probabilities` (the batch
model's form and candidate floor) with the stream's own weights, :data:`STREAM_PAIR_WEIGHTS`.
Why its own: *shared neighbours*, the batch model's strongest feature, counts near neighbours in
the whole batch, later articles included. Computed on what has arrived so far it is close to 1
for every pair of a young topic (each article's ten nearest are then all its topic), and look-alike
events merge: on train, the stream scored B³ 0.84 with it, 0.94 with the whole batch's value
(which a stream cannot have). So the stream's model leaves it out and is refitted on the pairs
a stream decision sees.

This module holds the stream's weights and the local batch's features and probabilities; the
local batch's topic groups (average link in plain numpy) are in
:mod:`newsprism.group.stream_topics`, the stored hashed rows in
:mod:`newsprism.group.stream_features`, and the decisions that use these scores in
:mod:`newsprism.group.incremental`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from newsprism.group.settings import GroupSettings
from newsprism.group.similarity import (
    PAIR_FEATURES,
    mix,
    pair_probabilities,
    shared_neighbours,
)
from newsprism.group.stream_features import (
    KIND_SHIFT,
    KINDS,
    WEIGHTED,
    ArticleFeatures,
    DocumentFrequencies,
)
from newsprism.group.stream_topics import average_link_groups, first_topic_group

__all__ = [
    "STREAM_PAIR_BIAS", "STREAM_PAIR_WEIGHTS", "STREAM_THRESHOLD", "average_link_groups",
    "base_scores", "first_topic_group", "local_pair_features", "local_pair_probabilities",
    "one_blas_thread", "stream_settings", "warm_up",
]

_INDEX_MASK = (1 << KIND_SHIFT) - 1  # a flat key's feature index, without its kind

# The batch pair model's features, weighted for the stream: logistic regression (C = 0.01, as the
# batch model) on the pairs (new article, earlier article of its local batch) that pass the
# candidate floor, collected while streaming the train part (ECB+ topics 1-17, BASIL events with
# an even index) in two shuffled orders and by date with the batch model's weights and threshold;
# shared neighbours left out (see above).
# These pairs came from a wider local batch than now (64 articles, 24 recent members of every
# neighbour's story); ``bench/group_scale.py --fit-stream`` collects them on the current, cheaper
# path and gives weights that score lower on train (stream B³ 0.902 / 0.900 against 0.911 / 0.907),
# so these are kept.
STREAM_PAIR_WEIGHTS = {
    "words": 1.208, "names": 2.169, "lead": 1.383, "lead_names": 2.272, "numbers": 1.082,
    "years_shared": 1.2, "years_disjoint": -0.545, "dates": 0.398, "local_words": 0.944,
    "local_names": 1.376, "shared_neighbours": 0.0,
}
STREAM_PAIR_BIAS = -2.892
if set(PAIR_FEATURES) != set(STREAM_PAIR_WEIGHTS):  # the batch model changed its features
    raise NotImplementedError("stream pair weights do not match the batch model's features: "
                              f"{sorted(set(PAIR_FEATURES) ^ set(STREAM_PAIR_WEIGHTS))}")
# Lowest average probability at which a new article joins a story (best B³ of the stream on train).
STREAM_THRESHOLD = 0.5


@lru_cache(maxsize=8)
def stream_settings(settings: GroupSettings) -> GroupSettings:
    """``settings`` with the stream's pair weights (in the batch model's feature order)."""
    weights = tuple(STREAM_PAIR_WEIGHTS[name] for name in PAIR_FEATURES)
    return replace(settings, pair_weights=weights, pair_bias=STREAM_PAIR_BIAS)


@lru_cache(maxsize=1)
def _blas_libraries() -> tuple:
    """The BLAS library numpy's products run in, found once (finding it costs milliseconds, and
    threadpoolctl's ``limit`` ~70 µs per use, more than a ctypes call). Other BLAS libraries
    loaded in the process (scipy's, faiss's) do not run numpy's products, and switching each
    costs a decision as much again; all of them when numpy's cannot be told apart."""
    blas = [lib for lib in ThreadpoolController().lib_controllers if lib.user_api == "blas"]
    numpy_folder = str(Path(np.__file__).parent)  # a wheel's own copy: numpy.libs, numpy/.dylibs
    own = [lib for lib in blas if str(lib.filepath).startswith(numpy_folder)]
    return tuple(own or blas)


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Products of a few dozen rows on one BLAS thread: handing them between threads costs more
    than the work (about 30x on a busy two-core machine)."""
    libraries = _blas_libraries()
    before = [lib.get_num_threads() for lib in libraries]
    for lib, threads in zip(libraries, before, strict=True):
        if threads != 1:
            lib.set_num_threads(1)
    try:
        yield
    finally:
        for lib, threads in zip(libraries, before, strict=True):
            if threads != 1:
                lib.set_num_threads(threads)


def warm_up(settings: GroupSettings) -> None:
    """Do once, before the first decision, what the first decision would otherwise pay for
    (finding the BLAS libraries, the stream's settings), so its latency is like the others'."""
    _blas_libraries()
    stream_settings(settings)


_YEARS = KINDS.index("years")


class _LocalRows:
    """Every hashed row of a local batch, all kinds in one vocabulary (see
    :meth:`~newsprism.group.stream_features.ArticleFeatures.flat`), so a decision looks up the IDF
    of its features and weighs them once, not per kind.

    Only features that two or more rows share can make two rows alike, and most words are in one
    article only; so the shared ones are laid out densely (small products, no scipy per-matrix
    overhead) and the rest count only towards each row's norm. A decision's arrays are a few
    dozen rows wide, so what it costs is mostly the number of array operations: kinds are kept
    together (one kinds × n × n array of products) and empty kinds are skipped."""

    def __init__(self, batch: Sequence[ArticleFeatures], frequencies: DocumentFrequencies):
        n, kinds = len(batch), len(KINDS)
        self.n = n
        flats = [f.flat() for f in batch]
        keys = np.concatenate([f.keys for f in flats])
        data = np.concatenate([f.data for f in flats])
        kind_of = keys >> KIND_SHIFT
        segment = kind_of * n + np.repeat(np.arange(n), [len(f.keys) for f in flats])
        idf = _idf(kind_of, keys, frequencies)
        squares = np.bincount(segment, weights=(data * idf) ** 2, minlength=kinds * n)
        # segment: kind · n + row; a row has features of a kind iff some key falls there
        self.has = (np.bincount(segment, minlength=kinds * n) > 0).reshape(kinds, n)
        shared = _repeated(keys)  # sorted, so the dense columns are kind after kind
        column = np.minimum(np.searchsorted(shared, keys), max(len(shared) - 1, 0))
        keep = shared[column] == keys if len(shared) else np.zeros(len(keys), dtype=bool)
        column = column[keep]
        self.values = np.zeros((n, len(shared)))  # sublinear tf of the shared features
        self.values[segment[keep] % n, column] = data[keep]
        shared_idf = np.empty(len(shared))
        shared_idf[column] = idf[keep]
        shared_kind = shared >> KIND_SHIFT
        self.bounds = np.searchsorted(shared_kind, np.arange(kinds + 1)).tolist()
        norms = np.sqrt(squares).reshape(kinds, n)
        norms[norms == 0] = 1.0
        unit = self.values * (shared_idf[None, :] / norms[shared_kind].T)
        self.products = np.zeros((kinds, n, n))  # kind × n × n dot products of unit rows
        for k in range(kinds):
            low, high = self.bounds[k], self.bounds[k + 1]
            if high > low:
                part = unit[:, low:high]
                self.products[k] = part @ part.T

    def cosines(self) -> np.ndarray:
        """Weighted kinds × n × n IDF-weighted cosines (kinds in :data:`WEIGHTED` order); 1 on
        the diagonal of a non-empty row."""
        cosines = self.products[: len(WEIGHTED)].copy()
        diagonal = np.arange(self.n)
        cosines[:, diagonal, diagonal] = self.has[: len(WEIGHTED)]
        return cosines

    def years(self) -> tuple[np.ndarray, np.ndarray]:
        """(both name years and share one, both name years and share none), as 0/1 matrices."""
        has = self.has[_YEARS]
        if not has.any():
            return np.zeros((self.n, self.n)), np.zeros((self.n, self.n))
        both = has[:, None] & has[None, :]
        shared = self.products[_YEARS] > 0
        return (both & shared).astype(float), (both & ~shared).astype(float)

    def local_cosines(self, groups: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """:func:`~newsprism.group.similarity.local_idf_cosine` of words and of names: inside
        each group of three or more, IDF counted in that group only (features in one member
        only weigh nothing)."""
        local = np.zeros((2, self.n, self.n))
        words, names, end = self.bounds[:3]  # words' columns, then names'
        for members in groups:
            if len(members) < 3:
                continue
            whole = len(members) == self.n  # often: the new article's topic is the batch
            rows = self.values[:, words:end] if whole else self.values[members, words:end]
            frequency = (rows > 0).sum(axis=0)
            idf = np.where(frequency > 1, np.log(len(members) / np.maximum(frequency, 1)), 0.0)
            weighted = rows * idf[None, :]
            index = np.asarray(members)
            for k, part in enumerate((weighted[:, : names - words], weighted[:, names - words :])):
                norms = np.sqrt(np.einsum("ij,ij->i", part, part))[:, None]
                part /= np.where(norms > 0, norms, 1.0)
                if whole:
                    local[k] = part @ part.T
                else:
                    local[k][index[:, None], index] = part @ part.T
        return local[0], local[1]


def _idf(kind_of: np.ndarray, keys: np.ndarray, frequencies: DocumentFrequencies) -> np.ndarray:
    """IDF of each flat key (years, which are compared unweighted: 1)."""
    idf = np.ones(len(keys))
    weighted = kind_of < len(WEIGHTED)
    idf[weighted] = frequencies.idf_of_kinds(kind_of[weighted], keys[weighted] & _INDEX_MASK)
    return idf


def _repeated(keys: np.ndarray) -> np.ndarray:
    """The keys that occur more than once (in two or more rows: a row has each key once),
    sorted."""
    ordered = np.sort(keys)
    again = ordered[1:] == ordered[:-1]
    first_again = again.copy()
    first_again[1:] &= ~again[:-1]  # one entry per repeated key
    return ordered[1:][first_again]


def base_scores(
    article: ArticleFeatures, others: Sequence[ArticleFeatures],
    frequencies: DocumentFrequencies, settings: GroupSettings,
) -> np.ndarray:
    """The simple words-and-names score of ``article`` with each of ``others``: the pair model
    judges only pairs where it reaches ``candidate_floor``, so it tells which stories can
    qualify before the (costlier) local batch is scored.

    One row against many needs no shared vocabulary: the others' features are looked up among
    the article's (sorted, words then names)."""
    m = len(others)
    if not m:
        return np.zeros(0)
    mine_flat = article.flat()
    pair = int(mine_flat.lengths[0] + mine_flat.lengths[1])  # words and names come first
    mine = mine_flat.keys[:pair]
    mine_kind = mine >> KIND_SHIFT
    flats = [f.flat() for f in others]
    pairs = [f.lengths[0] + f.lengths[1] for f in flats]
    keys = np.concatenate([f.keys for f in flats])
    in_pair = keys < (2 << KIND_SHIFT)
    keys = keys[in_pair]
    values = np.concatenate([f.data for f in flats])[in_pair]
    kind_of = keys >> KIND_SHIFT
    segment = kind_of * m + np.repeat(np.arange(m), pairs)
    idf = frequencies.idf_of_kinds(np.concatenate([mine_kind, kind_of]),
                                   np.concatenate([mine, keys]) & _INDEX_MASK)
    mine_values = mine_flat.data[:pair] * idf[:pair]
    mine_norms = np.sqrt(np.bincount(mine_kind, weights=mine_values**2, minlength=2))
    mine_values /= np.where(mine_norms > 0, mine_norms, 1.0)[mine_kind]
    values *= idf[pair:]
    norms = np.sqrt(np.bincount(segment, weights=values**2, minlength=2 * m))
    at = np.minimum(np.searchsorted(mine, keys), max(pair - 1, 0))
    hit = mine[at] == keys if pair else np.zeros(len(keys), dtype=bool)
    dots = np.bincount(segment[hit], weights=values[hit] * mine_values[at[hit]],
                       minlength=2 * m)
    words, names = (dots / np.where(norms > 0, norms, 1.0)).reshape(2, m)
    both_named = np.array([f.lengths[1] > 0 for f in flats]) & (mine_flat.lengths[1] > 0)
    return mix(words, names, both_named, settings.entity_weight)


def local_pair_features(
    batch: Sequence[ArticleFeatures], frequencies: DocumentFrequencies, settings: GroupSettings,
    every_group: bool = False, with_shared_neighbours: bool = False,
) -> dict[str, np.ndarray]:
    """Every pair feature of the batch model over ``batch`` (n × n each), plus ``"base"``.

    The topic-local cosines are computed inside the first article's (the new one's) topic group
    only, unless ``every_group``: a decision reads that article's pairs, and the pairs between
    candidate stories' members that a bridging merge averages, which are in its group as long
    as both stories qualify (pairs outside it then score as if in different groups).
    Shared neighbours are computed only ``with_shared_neighbours`` (or when the stream's model
    weighs them): a consolidation's window uses the batch model, which does."""
    rows = _LocalRows(batch, frequencies)
    cosine = dict(zip(WEIGHTED, rows.cosines(), strict=True))
    words, names = cosine["words"], cosine["names"]
    has_names = rows.has[KINDS.index("names")]
    base = mix(words, names, has_names[:, None] & has_names[None, :], settings.entity_weight)
    np.fill_diagonal(base, 1.0)
    years_shared, years_disjoint = rows.years()
    if len(batch) < 3:  # local IDF needs a group of three or more
        groups = []
    elif every_group:
        groups = average_link_groups(base, settings.topic_threshold)
    else:
        groups = [first_topic_group(base, settings.topic_threshold)]
    local_words, local_names = rows.local_cosines(groups)
    return {
        "words": words,
        "names": names,
        "lead": cosine["lead"],
        "lead_names": cosine["lead_names"],
        "numbers": cosine["numbers"],
        "years_shared": years_shared,
        "years_disjoint": years_disjoint,
        "dates": _date_factors([f.day for f in batch], settings),
        "local_words": local_words,
        "local_names": local_names,
        # Left out of the stream's model (weight 0, see above): not worth computing then.
        "shared_neighbours": shared_neighbours(base, settings.neighbours, settings.topic_threshold)
        if with_shared_neighbours or STREAM_PAIR_WEIGHTS["shared_neighbours"]
        else np.zeros_like(base),
        "base": base,
    }


def _date_factors(days: list[float | None], settings: GroupSettings) -> np.ndarray:
    """:func:`~newsprism.group.similarity.date_factors` (the same numbers), in fewer steps
    when every day is known."""
    values = np.array(days, dtype=float)  # None: nan
    known = ~np.isnan(values)
    every_known = known.all()
    if not every_known:
        values[~known] = 0.0
    beyond = np.abs(values[:, None] - values[None, :]) - settings.date_grace_days
    factors = np.exp(-np.maximum(beyond, 0.0) / settings.date_scale_days)
    return factors if every_known else np.where(known[:, None] & known[None, :], factors, 1.0)


def local_pair_probabilities(
    batch: Sequence[ArticleFeatures], frequencies: DocumentFrequencies, settings: GroupSettings
) -> np.ndarray:
    """P(same event) of every pair of ``batch`` (symmetric), by the pair model with the stream's
    weights (:func:`stream_settings`)."""
    if not batch:
        return np.zeros((0, 0))
    with one_blas_thread():
        features = local_pair_features(batch, frequencies, settings)
    return pair_probabilities(features, stream_settings(settings))
