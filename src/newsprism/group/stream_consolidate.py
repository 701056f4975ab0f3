"""Periodic consolidation of a stream: the batch pair model over a recent window, reconciled.

A stream decision sees one article and a small local batch, and the batch model's strongest
feature (shared neighbours) is left out of it (:mod:`newsprism.group.stream_score`). Every so
many arrivals, :func:`consolidate` re-runs the *batch* model, shared neighbours included, over a
window of what has arrived: the recent arrivals, the earlier articles their decisions judged, and
the recent members of every story those are in; document frequencies of everything so far, batch
weights and batch threshold (average link); pairs in two known languages scored by the
multilingual model, as in the batch. It still uses only what has arrived.

Reconciling the window's batch clusters with the stories (:func:`reconcile`):

- each story touched has a *home* cluster, the one holding most of its window members (ties:
  the cluster of its latest member);
- stories with the same home are merged (the older keeps its id; a logged merge, as a bridging
  merge);
- a window member whose cluster is not its story's home moves to the story whose home that
  cluster is, or, when no story has it as home, to a new story (a logged split).

Members of a story outside the window follow their story. As for the stream's own decisions, two
stories more than the quiet period apart are not merged, nor is an article moved into a story
closed to it. A consolidation is not part of a single assignment (its cost is amortised over the
arrivals between two).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.group.cluster import average_link_blocks
from newsprism.group.settings import GroupSettings
from newsprism.group.similarity import pair_probabilities
from newsprism.group.stream_features import ArticleFeatures, DocumentFrequencies
from newsprism.group.stream_languages import with_cross_language_pairs
from newsprism.group.stream_score import local_pair_features, one_blas_thread
from newsprism.group.stream_state import StoryState

__all__ = ["Move", "Reconciliation", "consolidate_window", "reconcile", "window_probabilities"]


@dataclass(frozen=True)
class Move:
    """One window member put into another story by a consolidation (a split when ``to`` is
    new): undone by putting ``key`` back into ``from_story``."""

    key: int
    from_story: str
    to_story: str


@dataclass
class Reconciliation:
    merges: list[tuple[str, str]]  # (kept, absorbed), in the order to apply
    moves: list[Move]


def window_probabilities(
    batch: Sequence[ArticleFeatures], frequencies: DocumentFrequencies, settings: GroupSettings
) -> np.ndarray:
    """The batch pair model's P(same event) over a window (batch weights, every feature)."""
    if not batch:
        return np.zeros((0, 0))
    with one_blas_thread():
        features = local_pair_features(batch, frequencies, settings, every_group=True,
                                       with_shared_neighbours=True)
    return pair_probabilities(features, settings)


def reconcile(
    keys: Sequence[int], story_of: dict[int, str], labels: Sequence[int],
    first_key: dict[str, int], new_story_id: Callable[[int], str],
) -> Reconciliation:
    """What to change so that the window's stories follow its batch clusters (see above).

    ``keys`` are the window's articles in key order, ``story_of`` their stories, ``labels``
    their batch clusters, ``first_key`` each story's earliest member (the older story keeps its
    id), ``new_story_id(key)`` the id of a story opened by a split from its first member."""
    counts: dict[str, Counter[int]] = {}
    latest: dict[str, int] = {}
    for key, label in zip(keys, labels, strict=True):
        story = story_of[key]
        counts.setdefault(story, Counter())[label] += 1
        latest[story] = label  # keys ascend: the cluster of its latest member
    home = {story: max(found, key=lambda c: (found[c], c == latest[story]))
            for story, found in counts.items()}
    by_home: dict[int, list[str]] = {}
    for story in sorted(home, key=lambda s: first_key[s]):
        by_home.setdefault(home[story], []).append(story)
    merges = [(stories[0], other) for stories in by_home.values() for other in stories[1:]]
    target = {label: stories[0] for label, stories in by_home.items()}
    moves = []
    for key, label in zip(keys, labels, strict=True):
        story = story_of[key]
        after = target[home[story]]  # where the story itself ends (it may be merged)
        if label not in target:
            target[label] = new_story_id(key)  # the cluster's first member opens it
        if target[label] != after:
            moves.append(Move(key, after, target[label]))
    return Reconciliation(merges, moves)


def _apart(a: tuple[float | None, float | None], b: tuple[float | None, float | None],
           quiet_days: float) -> bool:
    """Two day spans (first, last) more than ``quiet_days`` apart; an unknown one never is."""
    if None in a or None in b:
        return False
    return max(0.0, b[0] - a[1], a[0] - b[1]) > quiet_days


def _window(state: StoryState, seeds: Sequence[int], members: int, limit: int) -> set[int]:
    """``seeds`` and the most recent members of their stories, as many per story (at most
    ``members``) as keep the whole within ``limit``."""
    spans = [state.story_span(s, members) for s in set(state.stories_of(seeds).values())]
    recent = [span.recent for span in spans if span is not None]
    for count in range(members, -1, -1):
        window = set(seeds).union(*(keys[max(0, len(keys) - count):] for keys in recent))
        if len(window) <= limit:
            return window
    return set(seeds)


def consolidate_window(
    state: StoryState, seeds: Sequence[int], members: int, limit: int,
    settings: GroupSettings, threshold: float, note: str, new_story_id: Callable[[int], str],
) -> tuple[int, int]:
    """Consolidate the window of ``seeds`` (arrivals and the articles their decisions judged,
    the ones to keep first first) and the ``members`` most recent members of their stories;
    apply the merges and moves to ``state`` (logged with ``note``, the latest arrival's id);
    return how many of each.

    At most ``limit`` articles (the cost grows with its square): the first ``limit`` seeds,
    and fewer members of each story when all would not fit."""
    window = _window(state, seeds[:limit], members, limit)
    found = state.features(sorted(window))
    story_of = state.stories_of(sorted(found))
    keys = sorted(story_of)
    if len(keys) < 2:
        return 0, 0
    first_key = {}
    for story_id in set(story_of.values()):
        span = state.story_span(story_id, 0)
        first_key[story_id] = span.first_key if span is not None else keys[0]
    probabilities = window_probabilities([found[k] for k in keys], state.frequencies, settings)
    probabilities = with_cross_language_pairs(state, keys, probabilities)
    labels = average_link_blocks(probabilities, threshold)
    plan = reconcile(keys, story_of, labels, first_key, new_story_id)
    row_of = {k: i for i, k in enumerate(keys)}

    def link(these: Sequence[int], those: Sequence[int]) -> float:
        """Mean probability between two sets of window articles (0 when one is empty)."""
        if not these or not those:
            return 0.0
        return float(probabilities[np.ix_([row_of[k] for k in these],
                                           [row_of[k] for k in those])].mean())

    def days(story_id: str) -> tuple[float | None, float | None]:
        span = state.story_span(story_id, 0)
        return (None, None) if span is None else (span.first_day, span.last_day)

    merged = 0
    for kept, absorbed in plan.merges:
        if _apart(days(kept), days(absorbed), settings.quiet_days):
            continue  # the stream keeps a story closed to what comes after its quiet period
        score = link([k for k in keys if story_of[k] == kept],
                     [k for k in keys if story_of[k] == absorbed])
        merged += bool(state.merge(kept, absorbed, note, score))
    now = state.stories_of([m.key for m in plan.moves])
    groups: dict[tuple[str, str], list[int]] = {}
    for move in plan.moves:
        groups.setdefault((now.get(move.key, move.from_story), move.to_story), []).append(
            move.key)
    cluster_of = dict(zip(keys, labels, strict=True))
    moved = 0
    for (source, target), group in groups.items():
        known = [d for d in (found[k].day for k in group) if d is not None]
        if known and _apart((min(known), max(known)), days(target), settings.quiet_days):
            continue
        stay = [k for k in keys if cluster_of[k] == cluster_of[group[0]] and k not in group]
        if state.move(group, source, target, note, link(group, stay)):
            moved += len(group)
    return merged, moved
