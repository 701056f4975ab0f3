"""Assign articles to stories one at a time, in arrival order, using only what has arrived.

The batch path fits TF-IDF on all articles at once; a stream cannot. Here words are hashed
(:class:`~sklearn.feature_extraction.text.HashingVectorizer`, so the vocabulary needs no fitting)
and IDF is recomputed from the document frequencies of the articles seen so far, so early
articles are compared with the same weighting as late ones. A new article joins the open story
whose members it resembles most on average (average link, as in the batch path) when that
average reaches the threshold, and opens a new story otherwise.

A story is *closed* to an article published more than ``quiet_days`` before its first or after
its last article: a similar event next month is a new story. Articles without a usable published
date never close a story (there is no evidence of time passing).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix, vstack
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from newsprism.group.features import article_text, entity_keys, published_day
from newsprism.group.settings import GroupSettings
from newsprism.group.similarity import date_factor, mix
from newsprism.model import Article


def story_id_for(article_id: str) -> str:
    """Deterministic story id, from the id of the article the story starts from."""
    return "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class _OpenStory:
    id: str
    members: list[int] = field(default_factory=list)  # indices into the assigner's arrays
    first_day: float | None = None
    last_day: float | None = None

    def note_day(self, day: float | None) -> None:
        if day is None:
            return
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)

    def gap_to(self, day: float | None) -> float:
        """Days between ``day`` and this story's published span (0 inside it or when unknown)."""
        if day is None or self.first_day is None or self.last_day is None:
            return 0.0
        return max(0.0, self.first_day - day, day - self.last_day)


class _GrowingTfidf:
    """Rows of hashed sublinear term frequencies, one per arrival; IDF is applied when comparing,
    from the document frequencies of everything seen so far."""

    def __init__(self, width: int):
        self.document_frequency = np.zeros(width, dtype=np.int64)
        self._matrix = csr_matrix((0, width))
        self._pending: list[csr_matrix] = []

    def append(self, counts: csr_matrix) -> None:
        counts = counts.tocsr()
        counts.data = 1.0 + np.log(counts.data)  # sublinear tf, as in the batch vectorizer
        self.document_frequency[counts.indices] += 1
        self._pending.append(counts)

    def _rows(self) -> csr_matrix:
        if self._pending:  # stack lazily: one copy per comparison, not one per row
            self._matrix = vstack([self._matrix, *self._pending], format="csr")
            self._pending = []
        return self._matrix

    def is_empty(self, index: int) -> bool:
        rows = self._rows()
        return rows.indptr[index + 1] == rows.indptr[index]

    def cosines(self, index: int, others: list[int]) -> np.ndarray:
        """Cosine of row ``index`` against each row of ``others``, with smoothed IDF."""
        rows = self._rows()
        picked = rows[[index, *others]]
        df = self.document_frequency[picked.indices]
        picked.data = picked.data * (np.log((1 + rows.shape[0]) / (1 + df)) + 1.0)
        weighted = normalize(picked, norm="l2", copy=False)  # zero rows stay zero
        return weighted[1:] @ weighted[0].toarray().ravel()


class StoryAssigner:
    """Incremental story assignment. ``add`` returns the id of the story joined or opened."""

    def __init__(self, settings: GroupSettings | None = None):
        self.settings = settings or GroupSettings()
        self._hasher = HashingVectorizer(
            n_features=self.settings.hash_features,
            stop_words="english",
            strip_accents="unicode",
            alternate_sign=False,
            norm=None,
        )
        self._words = _GrowingTfidf(self.settings.hash_features)
        # Names are hashed too, so both parts share one sparse TF-IDF path.
        self._name_hasher = FeatureHasher(
            n_features=self.settings.hash_features, input_type="dict", alternate_sign=False
        )
        self._names = _GrowingTfidf(self.settings.hash_features)
        self._days: list[float | None] = []
        self._article_ids: list[str] = []
        self._stories: dict[str, _OpenStory] = {}
        self._story_of: dict[str, str] = {}

    # -- public -----------------------------------------------------------------------------

    def add(self, article: Article) -> str:
        """Assign ``article`` to the best open story, or open a new one; return the story id."""
        if article.id in self._story_of:
            return self._story_of[article.id]
        index = self._remember(article)
        story = self._best_story(index)
        if story is None:
            story = self._open(story_id_for(article.id))
        self._join(story, index)
        return story.id

    def restore(self, article: Article, story_id: str) -> None:
        """Record an article whose story is already known (e.g. read back from a store)."""
        if article.id in self._story_of:
            return
        index = self._remember(article)
        story = self._stories.get(story_id) or self._open(story_id)
        self._join(story, index)

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    @property
    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids, in arrival order."""
        return {
            sid: [self._article_ids[i] for i in story.members]
            for sid, story in self._stories.items()
        }

    # -- internals --------------------------------------------------------------------------

    def _remember(self, article: Article) -> int:
        self._words.append(self._hasher.transform([article_text(article)]))
        self._names.append(self._name_hasher.transform([entity_keys(article)]))
        self._days.append(published_day(article))
        self._article_ids.append(article.id)
        return len(self._article_ids) - 1

    def _open(self, story_id: str) -> _OpenStory:
        story = _OpenStory(story_id)
        self._stories[story_id] = story
        return story

    def _join(self, story: _OpenStory, index: int) -> None:
        story.members.append(index)
        story.note_day(self._days[index])
        self._story_of[self._article_ids[index]] = story.id

    def _candidates(self, index: int) -> list[_OpenStory]:
        day = self._days[index]
        return [
            s for s in self._stories.values() if s.gap_to(day) <= self.settings.quiet_days
        ]

    def _best_story(self, index: int) -> _OpenStory | None:
        candidates = self._candidates(index)
        if not candidates:
            return None
        members = [m for story in candidates for m in story.members]
        scores = self._scores(index, members)
        best, best_score = None, self.settings.threshold
        position = 0
        for story in candidates:  # dict order = opening order, so ties go to the older story
            share = scores[position : position + len(story.members)]
            position += len(story.members)
            average = float(share.mean())
            if average >= best_score and (best is None or average > best_score):
                best, best_score = story, average
        return best

    def _scores(self, index: int, members: list[int]) -> np.ndarray:
        """Combined score of article ``index`` against each of ``members``."""
        text = self._words.cosines(index, members)
        names = self._names.cosines(index, members)
        own_named = not self._names.is_empty(index)
        both_named = np.array([own_named and not self._names.is_empty(m) for m in members])
        scores = mix(text, names, both_named, self.settings.entity_weight)
        day = self._days[index]
        factors = np.array([date_factor(day, self._days[m], self.settings) for m in members])
        return np.clip(scores * factors, 0.0, 1.0)
