"""Average-link agglomerative clustering over a similarity matrix, cut at one threshold."""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform


def average_link_tree(scores: np.ndarray) -> np.ndarray:
    """The full UPGMA merge tree (scipy linkage matrix) of a symmetric score matrix.

    Building the tree once and cutting it at many thresholds is what lets the fit script try a
    whole grid cheaply; :func:`cut` does the cutting.
    """
    distances = 1.0 - np.clip(scores, 0.0, 1.0)
    distances = (distances + distances.T) / 2  # guard against float asymmetry
    np.fill_diagonal(distances, 0.0)
    return linkage(squareform(distances, checks=False), method="average")


def cut(tree: np.ndarray, n: int, threshold: float) -> list[int]:
    """Cluster labels 0, 1, … numbered by each cluster's first member, for a score threshold.

    Two groups merge when their average pairwise score is at least ``threshold``.
    """
    if n == 0:
        return []
    if n == 1:
        return [0]
    raw = fcluster(tree, t=1.0 - threshold, criterion="distance")
    renumber: dict[int, int] = {}
    return [renumber.setdefault(int(label), len(renumber)) for label in raw]


def average_link(scores: np.ndarray, threshold: float) -> list[int]:
    n = scores.shape[0]
    if n < 2:
        return [0] * n
    return cut(average_link_tree(scores), n, threshold)


def average_link_blocks(scores: np.ndarray, threshold: float) -> list[int]:
    """Same labels as :func:`average_link`, computed block by block.

    Two groups merge only when their average pairwise score reaches ``threshold``, which needs at
    least one pair at or above it; so every final cluster lies inside one connected component of
    the graph of such pairs, and each component can be clustered on its own (exact, and much
    cheaper than one tree over a large batch made of many small stories).
    """
    n = scores.shape[0]
    if n < 2:
        return [0] * n
    count, component = connected_components(csr_matrix(scores >= threshold), directed=False)
    labels = np.empty(n, dtype=np.int64)
    next_label = 0
    for block in range(count):
        members = np.flatnonzero(component == block)
        local = average_link(scores[np.ix_(members, members)], threshold)
        labels[members] = np.asarray(local) + next_label
        next_label += max(local) + 1
    renumber: dict[int, int] = {}
    return [renumber.setdefault(int(label), len(renumber)) for label in labels]
