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
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache

import numpy as np
from threadpoolctl import ThreadpoolController

from newsprism.group.settings import GroupSettings
from newsprism.group.similarity import (
    PAIR_FEATURES,
    date_factors,
    mix,
    pair_probabilities,
    shared_neighbours,
)
from newsprism.group.stream_features import (
    KINDS,
    WEIGHTED,
    ArticleFeatures,
    DocumentFrequencies,
    SparseRow,
)

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
# Lowest average probability at which a new article joins a story (best B³ of the stream on train).
STREAM_THRESHOLD = 0.5


@lru_cache(maxsize=8)
def stream_settings(settings: GroupSettings) -> GroupSettings:
    """``settings`` with the stream's pair weights (in the batch model's feature order)."""
    weights = tuple(STREAM_PAIR_WEIGHTS[name] for name in PAIR_FEATURES)
    return replace(settings, pair_weights=weights, pair_bias=STREAM_PAIR_BIAS)


@lru_cache(maxsize=1)
def _blas_libraries() -> tuple:
    """The BLAS libraries loaded in this process (numpy's among them), found once: finding them
    costs milliseconds, and threadpoolctl's ``limit`` ~70 µs per use (more than a ctypes call)."""
    return tuple(lib for lib in ThreadpoolController().lib_controllers if lib.user_api == "blas")


@contextmanager
def _one_blas_thread() -> Iterator[None]:
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


class _LocalRows:
    """Every hashed row of a local batch, all kinds in one vocabulary (feature + kind × width),
    so a decision sorts its features, looks up their IDF and weighs them once, not per kind.

    Only features that two or more rows share can make two rows alike, and most words are in one
    article only; so the shared ones are laid out densely (small products, no scipy per-matrix
    overhead) and the rest count only towards each row's norm."""

    def __init__(self, batch: Sequence[ArticleFeatures], frequencies: DocumentFrequencies):
        n, width, kinds = len(batch), len(frequencies.words), len(KINDS)
        self.n = n
        rows = [f.row(kind) for kind in KINDS for f in batch]  # kind-major: kind · n + row
        keys, data, segment = _flat(rows, kinds, width)
        lengths = np.bincount(segment, minlength=len(rows))
        vocabulary, columns = np.unique(keys, return_inverse=True)
        kind_of, index_of = np.divmod(vocabulary, width)
        idf = np.ones(len(vocabulary))  # years are compared unweighted
        weighted = kind_of < len(WEIGHTED)
        idf[weighted] = frequencies.idf_of_kinds(kind_of[weighted], index_of[weighted])
        squares = np.bincount(segment, weights=(data * idf[columns]) ** 2,
                              minlength=len(rows)).reshape(kinds, n)
        self.has = lengths.reshape(kinds, n) > 0
        shared = np.flatnonzero(np.bincount(columns, minlength=len(vocabulary)) > 1)
        dense_column = np.full(len(vocabulary), -1)
        dense_column[shared] = np.arange(len(shared))
        self.values = np.zeros((n, len(shared)))  # sublinear tf of the shared features
        keep = dense_column[columns] >= 0
        self.values[segment[keep] % n, dense_column[columns[keep]]] = data[keep]
        shared_kind = kind_of[shared]
        self.bounds = np.searchsorted(shared_kind, np.arange(kinds + 1))
        norms = np.sqrt(squares)
        norms[norms == 0] = 1.0
        unit = self.values * (idf[shared][None, :] / norms[shared_kind].T)
        self.products = [unit[:, part] @ unit[:, part].T for part in map(self._part, KINDS)]

    def _part(self, kind: str) -> slice:
        k = KINDS.index(kind)
        return slice(int(self.bounds[k]), int(self.bounds[k + 1]))

    def cosines(self, kind: str) -> np.ndarray:
        """n × n IDF-weighted cosine of the rows of ``kind``; 1 on the diagonal of a non-empty
        row."""
        k = KINDS.index(kind)
        products = self.products[k].copy()
        np.fill_diagonal(products, self.has[k].astype(float))
        return products

    def years(self) -> tuple[np.ndarray, np.ndarray]:
        """(both name years and share one, both name years and share none), as 0/1 matrices."""
        has = self.has[KINDS.index("years")]
        both = has[:, None] & has[None, :]
        shared = self.products[KINDS.index("years")] > 0
        return (both & shared).astype(float), (both & ~shared).astype(float)

    def local_cosines(self, kind: str, groups: list[list[int]]) -> np.ndarray:
        """:func:`~newsprism.group.similarity.local_idf_cosine`: inside each group of three or
        more, IDF counted in that group only (features in one member only weigh nothing)."""
        local = np.zeros((self.n, self.n))
        values = self.values[:, self._part(kind)]
        for members in groups:
            if len(members) < 3:
                continue
            rows = values[members]
            frequency = (rows > 0).sum(axis=0)
            idf = np.where(frequency > 1, np.log(len(members) / np.maximum(frequency, 1)), 0.0)
            weighted = rows * idf[None, :]
            norms = np.sqrt(np.einsum("ij,ij->i", weighted, weighted))[:, None]
            weighted /= np.where(norms > 0, norms, 1.0)
            local[np.ix_(members, members)] = weighted @ weighted.T
        return local


def _components(linked: np.ndarray) -> np.ndarray:
    """Connected-component label (its smallest row) of each row of a boolean adjacency matrix:
    each row takes the smallest label among itself and its neighbours until none changes."""
    labels = np.arange(len(linked))
    while True:
        spread = np.minimum(np.where(linked, labels[None, :], len(linked)).min(axis=1), labels)
        if np.array_equal(spread, labels):
            return labels
        labels = spread


def _average_link(scores: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link clustering, merging the closest two clusters while their average score
    reaches ``threshold`` (the Lance-Williams update of UPGMA, which has no inversions, so this
    is the tree cut at ``threshold``)."""
    linked = scores.astype(float)
    np.fill_diagonal(linked, -np.inf)
    members = [[i] for i in range(len(scores))]
    while len(members) and linked.size:
        left, right = np.unravel_index(int(np.argmax(linked)), linked.shape)
        if linked[left, right] < threshold:
            break
        sizes = len(members[left]), len(members[right])
        merged = (linked[left] * sizes[0] + linked[right] * sizes[1]) / sum(sizes)
        linked[left], linked[:, left] = merged, merged
        linked[right], linked[:, right] = -np.inf, -np.inf
        linked[left, left] = -np.inf
        members[left] += members[right]
        members[right] = []
    return [sorted(group) for group in members if group]


def average_link_groups(scores: np.ndarray, threshold: float) -> list[list[int]]:
    """:func:`~newsprism.group.similarity.topic_groups` for a local batch, in plain numpy (for
    a few dozen rows ~10x faster than scipy's linkage with its checks).

    Average link never joins rows with no pair at ``threshold`` between them, so it runs per
    connected component of the pairs at ``threshold``; and a component whose every pair reaches
    it is one group without running it (any two of its clusters average at least
    ``threshold``) — in a local batch, usually the new article's topic."""
    above = scores >= threshold
    labels = _components(above)
    sizes = np.bincount(labels, minlength=len(labels))
    groups = [[int(row)] for row in np.flatnonzero(sizes[labels] == 1)]
    for label in np.flatnonzero(sizes > 1):
        members = np.flatnonzero(labels == label)
        block = np.ix_(members, members)
        if len(members) == 2 or above[block].all():
            groups.append(members.tolist())
        else:
            groups += [members[part].tolist() for part in _average_link(scores[block], threshold)]
    return groups


def _flat(
    rows: Sequence[SparseRow], kinds: int, width: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows given kind-major (kind · rows per kind + row): their features as one vocabulary
    (feature + kind × width), their values, and the position of the row each came from."""
    indices = [r.indices for r in rows]
    lengths = np.fromiter(map(len, indices), dtype=np.int64, count=len(rows))
    segment = np.repeat(np.arange(len(rows)), lengths)
    keys = np.concatenate(indices).astype(np.int64)
    keys += (segment // (len(rows) // kinds)) * width
    return keys, np.concatenate([r.data for r in rows]).astype(float), segment


def base_scores(
    article: ArticleFeatures, others: Sequence[ArticleFeatures],
    frequencies: DocumentFrequencies, settings: GroupSettings,
) -> np.ndarray:
    """The simple words-and-names score of ``article`` with each of ``others``: the pair model
    judges only pairs where it reaches ``candidate_floor``, so it tells which stories can
    qualify before the (costlier) local batch is scored.

    One row against many needs no shared vocabulary: the others' features are looked up among
    the article's (sorted, words then names)."""
    m, width, pair = len(others), len(frequencies.words), ("words", "names")
    if not m:
        return np.zeros(0)
    mine, mine_values, mine_kind = _flat([article.row(kind) for kind in pair], 2, width)
    keys, values, segment = _flat([f.row(kind) for kind in pair for f in others], 2, width)
    kinds, indices = np.divmod(np.concatenate([mine, keys]), width)
    idf = frequencies.idf_of_kinds(kinds, indices)  # the article's, then the others'
    mine_values = mine_values * idf[: len(mine)]
    mine_norms = np.sqrt(np.bincount(mine_kind, weights=mine_values**2, minlength=2))
    mine_values /= np.where(mine_norms > 0, mine_norms, 1.0)[mine_kind]
    values *= idf[len(mine) :]
    norms = np.sqrt(np.bincount(segment, weights=values**2, minlength=2 * m))
    at = np.minimum(np.searchsorted(mine, keys), max(len(mine) - 1, 0))
    hit = mine[at] == keys if len(mine) else np.zeros(len(keys), dtype=bool)
    dots = np.bincount(segment[hit], weights=values[hit] * mine_values[at[hit]],
                       minlength=2 * m)
    words, names = (dots / np.where(norms > 0, norms, 1.0)).reshape(2, m)
    named = np.array([f.names.nnz > 0 for f in others], dtype=bool)
    both_named = named & (article.names.nnz > 0)
    return mix(words, names, both_named, settings.entity_weight)


def local_pair_features(
    batch: Sequence[ArticleFeatures], frequencies: DocumentFrequencies, settings: GroupSettings,
    every_group: bool = False,
) -> dict[str, np.ndarray]:
    """Every pair feature of the batch model over ``batch`` (n × n each), plus ``"base"``.

    The topic-local cosines are computed inside the first article's (the new one's) topic group
    only, unless ``every_group``: a decision reads that article's pairs, and the pairs between
    candidate stories' members that a bridging merge averages, which are in its group as long
    as both stories qualify (pairs outside it then score as if in different groups)."""
    rows = _LocalRows(batch, frequencies)
    cosine = {kind: rows.cosines(kind) for kind in WEIGHTED}
    words, names = cosine["words"], cosine["names"]
    has_names = rows.has[KINDS.index("names")]
    base = mix(words, names, has_names[:, None] & has_names[None, :], settings.entity_weight)
    np.fill_diagonal(base, 1.0)
    years_shared, years_disjoint = rows.years()
    groups = average_link_groups(base, settings.topic_threshold) if len(batch) >= 3 else []
    if not every_group:
        groups = [group for group in groups if group[0] == 0]  # members are sorted
    features = {
        "words": words,
        "names": names,
        "lead": cosine["lead"],
        "lead_names": cosine["lead_names"],
        "numbers": cosine["numbers"],
        "years_shared": years_shared,
        "years_disjoint": years_disjoint,
        "dates": date_factors([f.day for f in batch], settings),
        "local_words": rows.local_cosines("words", groups),
        "local_names": rows.local_cosines("names", groups),
        # Left out of the stream's model (weight 0, see above): not worth computing then.
        "shared_neighbours": shared_neighbours(base, settings.neighbours, settings.topic_threshold)
        if STREAM_PAIR_WEIGHTS["shared_neighbours"] else np.zeros_like(base),
        "base": base,
    }
    unknown = (set(PAIR_FEATURES) - set(features)) | (set(PAIR_FEATURES) - set(STREAM_PAIR_WEIGHTS))
    if unknown:  # the batch model gained a feature this module does not compute yet
        raise NotImplementedError(f"stream pair features missing: {sorted(unknown)}")
    return features


def local_pair_probabilities(
    batch: Sequence[ArticleFeatures], frequencies: DocumentFrequencies, settings: GroupSettings
) -> np.ndarray:
    """P(same event) of every pair of ``batch`` (symmetric), by the pair model with the stream's
    weights (:func:`stream_settings`)."""
    if not batch:
        return np.zeros((0, 0))
    with _one_blas_thread():
        features = local_pair_features(batch, frequencies, settings)
    return pair_probabilities(features, stream_settings(settings))
