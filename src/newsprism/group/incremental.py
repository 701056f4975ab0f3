"""Assign articles to stories one at a time, in arrival order, using only what has arrived.

Each article is hashed on its own (:mod:`newsprism.group.stream_features`) and gets a compact
vector; a :class:`~newsprism.group.index.VectorIndex` returns its nearest earlier articles
published within ``quiet_days`` of it. Those neighbours and the recent members of their stories
form a small *local batch*, scored by the batch pair model (:mod:`newsprism.group.stream_score`):
its features and form, with document frequencies of everything so far, the local batch as
the article's neighbourhood, and weights refitted for what a stream sees.

- A new article joins the open story whose members it resembles most on average (average link,
  as in the batch path) when that average reaches the stream's threshold, and opens a new story
  otherwise.
- A story is *closed* to an article published more than ``quiet_days`` before its first or after
  its last article, so a similar event next month is a new story. Undated articles never close a
  story (there is no evidence of time passing).
- A *bridging* article that reaches the threshold with two open stories merges them when the two,
  with it, would be merged by average link (their mean cross probability reaches the threshold).
  The older story keeps its id; the merge is logged so a store can undo it.
- An article whose language is known is then compared with open stories in other languages by
  the multilingual model (:mod:`newsprism.group.stream_languages`), since two languages share
  too few words for the stream's features: it may join such a story, or merge the one it joined
  with it (logged like a bridging merge).
- :meth:`StoryAssigner.consolidate`, run apart from single assignments (``ingest`` runs it every
  ``CONSOLIDATE_EVERY`` new articles and after the last), re-runs the batch pair model with every
  feature over the recent arrivals and their stories, and merges stories or moves articles as
  it finds (:mod:`newsprism.group.stream_consolidate`); each change is logged like a merge.

Where articles, memberships and features live is a :class:`StoryState`: in memory
(:class:`MemoryState`), or in the store (:mod:`newsprism.store.grouping`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from newsprism.group import multilingual
from newsprism.group.features import article_text, language_code
from newsprism.group.index import VectorIndex, prepare_projection
from newsprism.group.settings import GroupSettings
from newsprism.group.stream_consolidate import consolidate_window
from newsprism.group.stream_features import (
    ArticleFeatures,
    DocumentFrequencies,
    FeatureHashing,
    SparseRow,
    compact_vector,
)
from newsprism.group.stream_languages import LanguageLinks
from newsprism.group.stream_score import (
    STREAM_THRESHOLD,
    base_scores,
    local_pair_probabilities,
    warm_up,
)
from newsprism.group.stream_state import MemoryState, StorySpan, StoryState
from newsprism.model import Article

NEIGHBOURS = 16  # nearest earlier articles retrieved per new article
# Neighbours whose compact cosine is below this are left out (anti-correlated: nothing in common).
# They are the article's neighbourhood in the local batch even when too far to be judged.
RETRIEVAL_FLOOR = 0.0
STORY_MEMBERS = 12  # most recent members of a candidate story put in the local batch
LOCAL_BATCH = 32  # most earlier articles in one local batch (bounds the work of a decision)
# Consolidation (see StoryAssigner.consolidate): every this many arrivals (ingest), with this
# many recent members of each story in the window. Fitted on train (mean B³ over four arrival
# orders: 50-200 arrivals and 24-48 members score alike, fewer members lower).
CONSOLIDATE_EVERY = 100
CONSOLIDATION_MEMBERS = 24
CONSOLIDATION_WINDOW = 512  # most articles in a consolidation's window

__all__ = [
    "ArticleFeatures", "DocumentFrequencies", "FeatureHashing", "MemoryState", "SparseRow",
    "StoryAssigner", "StorySpan", "StoryState", "compact_vector", "story_id_for",
]


def story_id_for(article_id: str) -> str:
    """Deterministic story id, from the id of the article the story starts from."""
    return "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Candidate:
    story_id: str
    first_key: int  # the story's earliest member: the older story keeps its id in a merge
    rows: list[int]  # its members' rows in the local batch (0 is the new article)
    score: float


class StoryAssigner:
    """Incremental story assignment. ``add`` returns the id of the story joined or opened."""

    def __init__(
        self, settings: GroupSettings | None = None, state: StoryState | None = None,
        index: VectorIndex | None = None, neighbours: int = NEIGHBOURS,
        threshold: float = STREAM_THRESHOLD, consolidation_threshold: float | None = None,
    ):
        self.settings = settings or GroupSettings()
        self.hashing = FeatureHashing(self.settings)
        self.state: StoryState = state or MemoryState(self.settings.hash_features)
        self.index = index or VectorIndex()
        self.neighbours = neighbours
        self.threshold = threshold  # lowest average probability at which an article joins
        # A consolidation's average-link cut (batch model): the batch's own by default.
        self.consolidation_threshold = (self.settings.story_threshold
                                        if consolidation_threshold is None
                                        else consolidation_threshold)
        self._next_key = 0
        # Since the last consolidation: the arrivals (key, id) and the earlier articles their
        # decisions judged, which together choose the next consolidation's window.
        self._arrived: list[tuple[int, str]] = []
        self._judged: set[int] = set()
        self.language_links = LanguageLinks(
            self.state, self.settings.stream_cross_lingual_threshold, self._is_open)
        # One-time set-up the first decision would otherwise pay for, so that its latency is
        # like the others' (an ingest's p99 counts it).
        prepare_projection(self.settings.hash_features)
        warm_up(self.settings)

    # -- public -----------------------------------------------------------------------------

    def add(self, article: Article, key: int | None = None) -> str:
        """Assign ``article`` to the best open story, or open a new one; return the story id.

        ``key`` is the article's integer key in the state (the store's sequence number); in
        memory it defaults to the arrival count.
        """
        known = self.state.story_of(article.id)
        if known is not None:  # checked before hashing: a duplicate costs one lookup
            return known
        features = self.hashing.features(article)
        key, story_id, neighbours = self._assign_new(article.id, features, key)
        language = language_code(article)
        if language is None:
            return story_id
        return self.language_links.link(key, article.id, language, _multilingual_head(article),
                                   features.day, story_id, neighbours)

    def add_features(
        self, article_id: str, features: ArticleFeatures, key: int | None = None
    ) -> str:
        """:meth:`add` for an article already turned into features (benchmarks, other sources)."""
        known = self.state.story_of(article_id)
        if known is not None:  # a duplicate must not be counted, indexed or assigned again
            return known
        return self._assign_new(article_id, features, key)[1]

    def _assign_new(
        self, article_id: str, features: ArticleFeatures, key: int | None
    ) -> tuple[int, str, list[int]]:
        """The article's key, the story the stream put it in, and its nearest earlier
        articles."""
        key, neighbours = self._remember(article_id, features, key)
        self._arrived.append((key, article_id))
        candidates, probabilities = self._qualified(neighbours, features)
        if not candidates:
            story_id = story_id_for(article_id)
            self.state.assign(key, story_id)
            return key, story_id, neighbours
        best = candidates[0]
        self.state.assign(key, best.story_id)
        story_id = self._merge_bridged(best, candidates[1:], probabilities, article_id)
        return key, story_id, neighbours

    def restore(self, article: Article, story_id: str, key: int | None = None) -> None:
        """Record an article whose story is already known (e.g. read back from a store)."""
        if self.state.story_of(article.id) is None:
            key, _ = self._remember(article.id, self.hashing.features(article), key)
            self.state.assign(key, story_id)
            language = language_code(article)
            if language is not None:
                self.state.remember_language(key, language, _multilingual_head(article))

    def story_of(self, article_id: str) -> str | None:
        return self.state.story_of(article_id)

    @property
    def pending(self) -> int:
        """Arrivals since the last consolidation."""
        return len(self._arrived)

    def consolidate(
        self, members: int = CONSOLIDATION_MEMBERS, limit: int = CONSOLIDATION_WINDOW
    ) -> tuple[int, int]:
        """Re-run the batch pair model over a window of what has arrived and reconcile the
        stories with it (:mod:`newsprism.group.stream_consolidate`); return the number of
        merges and of moves (each a logged, reversible change of the state).

        The window: the arrivals since the last consolidation, the earlier articles their
        decisions judged, and the ``members`` most recent members of every story these are in;
        at most ``limit`` articles (newest arrivals first, then the newest judged, then fewer
        members per story).
        """
        if not self._arrived:
            return 0, 0
        arrived, self._arrived = self._arrived, []
        judged, self._judged = self._judged, set()
        ids = dict(arrived)
        newest_first = [k for k, _ in reversed(arrived)]
        seeds = [*newest_first, *sorted(judged - set(newest_first), reverse=True)]
        return consolidate_window(
            self.state, seeds, members, limit, self.settings, self.consolidation_threshold,
            note=arrived[-1][1],
            # Not the article's own story id, which it may still hold (or have been merged
            # from); the same split gets the same id, so an undone one is not made again.
            new_story_id=lambda k: story_id_for(f"{ids.get(k, k)}/split"))

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
        return keys[scores >= RETRIEVAL_FLOOR].tolist()

    def _candidate_stories(
        self, neighbours: list[int], found: dict[int, ArticleFeatures],
        features: ArticleFeatures,
    ) -> list[tuple[str, StorySpan]]:
        """Open stories with a neighbour the pair model would judge (simple score at the
        candidate floor), nearest first: no other story can reach the threshold, bar a member
        the index did not return."""
        scores = base_scores(features, [found[k] for k in neighbours], self.state.frequencies,
                             self.settings)
        judged = [k for k, s in zip(neighbours, scores, strict=True)
                  if s >= self.settings.candidate_floor]
        self._judged.update(judged)
        story_of = self.state.stories_of(judged)
        stories = []
        for story_id in dict.fromkeys(story_of[k] for k in judged if k in story_of):
            span = self.state.story_span(story_id, STORY_MEMBERS)
            if span is not None and not self._closed(span, features.day):
                stories.append((story_id, span))
        return stories

    def _qualified(
        self, neighbours: list[int], features: ArticleFeatures
    ) -> tuple[list[_Candidate], np.ndarray]:
        """Open stories whose average pair-model probability with the new article reaches the
        threshold, best first (ties: the older story); and the local batch's probabilities.

        The local batch is the neighbours (the article's neighbourhood) and the recent members
        of the candidate stories, at most ``LOCAL_BATCH`` earlier articles."""
        found = self.state.features(neighbours[:LOCAL_BATCH])
        keys = [k for k in neighbours[:LOCAL_BATCH] if k in found]
        stories = self._candidate_stories(keys, found, features) if keys else []
        if not stories:
            return [], np.zeros((1, 1))
        extra: list[int] = []
        for _, span in stories:
            room = LOCAL_BATCH - len(keys) - len(extra)
            if room > 0:
                extra += [k for k in span.recent if k not in found and k not in extra][-room:]
        if extra:
            found.update(self.state.features(extra))
        keys += [k for k in extra if k in found]
        row_of = {k: i + 1 for i, k in enumerate(keys)}
        probabilities = local_pair_probabilities(
            [features, *(found[k] for k in keys)], self.state.frequencies, self.settings)
        qualified = []
        for story_id, span in stories:
            rows = [row_of[k] for k in span.recent if k in row_of]
            score = float(probabilities[0, rows].mean()) if rows else 0.0
            if score >= self.threshold:
                qualified.append(_Candidate(story_id, span.first_key, rows, score))
        return sorted(qualified, key=lambda c: (-c.score, c.first_key)), probabilities

    def _is_open(self, story_id: str, day: float | None) -> bool:
        span = self.state.story_span(story_id, 0)
        return span is not None and not self._closed(span, day)

    def _closed(self, span: StorySpan, day: float | None) -> bool:
        if day is None or span.first_day is None or span.last_day is None:
            return False
        gap = max(0.0, span.first_day - day, day - span.last_day)
        return gap > self.settings.quiet_days

    def _merge_bridged(
        self, joined: _Candidate, others: list[_Candidate], probabilities: np.ndarray,
        article_id: str,
    ) -> str:
        """Merge into the joined story every other story the new article also qualified for,
        when average link would merge them now: the mean probability between the joined story
        (with the new article) and the other reaches the threshold, as in the batch clustering.
        Return the story the new article ends in."""
        group = [0, *joined.rows]
        for other in others:
            link = float(probabilities[np.ix_(group, other.rows)].mean())
            if link < self.threshold:
                continue
            kept, absorbed = (joined, other) if joined.first_key <= other.first_key else (
                other, joined)
            if self.state.merge(kept.story_id, absorbed.story_id, article_id, link):
                joined = _Candidate(kept.story_id, kept.first_key, [], link)
                group = [*group, *other.rows]
        return joined.story_id


def _multilingual_head(article: Article) -> str:
    return multilingual.pair_text(article_text(article))
