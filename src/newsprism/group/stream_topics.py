"""Topic groups of a stream decision's local batch, in plain numpy.

A stream decision computes the topic-local cosines of the batch pair model inside the new
article's topic group (:func:`first_topic_group`), or inside every group
(:func:`average_link_groups`); both give the groups of
:func:`~newsprism.group.similarity.topic_groups` (average link cut at a threshold) on a few dozen
rows, faster than scipy's linkage. The scoring that uses them is in
:mod:`newsprism.group.stream_score`.
"""

from __future__ import annotations

import numpy as np


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
    n = len(scores)
    members = [[i] for i in range(n)]
    while n and linked.size:
        # The array's own argmax and divmod rather than np.argmax and np.unravel_index: the
        # same pair without two Python-level wrappers per merge (up to 32 in a local batch).
        left, right = divmod(int(linked.argmax()), n)
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


def first_topic_group(scores: np.ndarray, threshold: float) -> list[int]:
    """The group of :func:`average_link_groups` that holds row 0 (the new article's topic),
    without grouping the rest: the rows linked to it at ``threshold``, split by average link
    only when some pair among them is below it."""
    above = scores >= threshold
    reached = above[0].copy()
    reached[0] = True
    while True:
        grown = above[reached].any(axis=0) | reached
        if np.array_equal(grown, reached):
            break
        reached = grown
    members = np.flatnonzero(reached)
    if len(members) <= 2:
        return members.tolist()
    block = (slice(None), slice(None)) if len(members) == len(scores) else np.ix_(members, members)
    if above[block].all():
        return members.tolist()
    parts = _average_link(scores[block], threshold)
    return members[next(part for part in parts if part[0] == 0)].tolist()  # parts are sorted
