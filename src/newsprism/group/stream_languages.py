"""A stream's stories across languages.

The stream compares words and names (:mod:`newsprism.group.stream_score`), which two languages
hardly share: a German article on a story the stream holds in English would open a story of its
own, and a consolidation would split it off again. So, as the batch does for its cross-language
pairs (:func:`newsprism.group.with_cross_lingual`), two articles whose languages are known and
differ are compared by the multilingual model instead
(:func:`~newsprism.group.multilingual.same_story_probability`: e5 vectors of the start of the
text centred by language, shared names and numbers, fitted on SemEval-2022 task 8):

- on arrival (:meth:`LanguageLinks.link`), after the stream has placed an article, it is compared
  with the stories in other languages of its nearest articles in other languages (cosine of the
  embeddings, :class:`VectorShelf`), of its nearest articles in the stream's own index (names and
  numbers are written alike across languages) and of the newest articles in other languages;
  only open stories count. It goes to the story it matches best on average, when that average
  reaches ``GroupSettings.stream_cross_lingual_threshold``: if it had opened a story of its own it
  moves there; if it had joined a story in its language, the two stories merge when average link
  over their cross-language pairs reaches the threshold too (a logged merge, undone as any other);
- a consolidation scores the cross-language pairs of its window the same way
  (:func:`with_cross_language_pairs`), so that it keeps what arrival joined.

An embedding costs about 0.2 s of CPU a text. While the stream holds one language nothing is
embedded; from the first article in a second language on, every arrival in a known language is
embedded once (and the newest :data:`RECENT_OTHERS` earlier ones when the second language
arrives), and vectors are kept in the state, so the search runs over stored vectors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain

import numpy as np

from newsprism.group import multilingual
from newsprism.group.stream_state import ArticleLanguage, StoryState

# An arrival is compared with the stories of its nearest articles in other languages (by
# embedding) and of the newest ones …
NEAREST_OTHERS = 16
RECENT_OTHERS = 64
# … each through at most this many of its members (its newest), which bounds the embeddings one
# arrival can cost.
STORY_SAMPLE = 3
# Newest embedded articles the nearest are searched among (30 MB of vectors).
SHELF_LIMIT = 20_000

__all__ = ["LanguageLinks", "VectorShelf", "with_cross_language_pairs"]


def with_vectors(state: StoryState, keys: Sequence[int]) -> dict[int, ArticleLanguage]:
    """The language rows of ``keys`` (those that have one), each with its vector: the missing
    ones are embedded in one call and kept in the state."""
    rows = state.languages_of(keys)
    missing = [k for k, row in rows.items() if row.vector is None]
    if missing:
        vectors = multilingual.embed([rows[k].head for k in missing])
        for key, vector in zip(missing, vectors, strict=True):
            state.set_language_vector(key, vector)
            rows[key] = ArticleLanguage(rows[key].language, rows[key].head, vector)
    return rows


def cross_probability(a: ArticleLanguage, b: ArticleLanguage) -> float:
    assert a.vector is not None and b.vector is not None  # see with_vectors
    return multilingual.same_story_probability(a.head, b.head, a.vector, b.vector, a.language,
                                               b.language)


def with_cross_language_pairs(
    state: StoryState, keys: Sequence[int], probabilities: np.ndarray
) -> np.ndarray:
    """``probabilities`` over ``keys`` with every pair of articles in two known, different
    languages scored by the multilingual model (a copy; the same array when there is none)."""
    rows = state.languages_of(keys)
    if len({row.language for row in rows.values()}) < 2:
        return probabilities
    rows = with_vectors(state, list(rows))
    probabilities = probabilities.copy()
    placed = [(i, rows[k]) for i, k in enumerate(keys) if k in rows]
    for a, (i, row_i) in enumerate(placed):
        for j, row_j in placed[a + 1:]:
            if row_i.language != row_j.language:
                probabilities[i, j] = probabilities[j, i] = cross_probability(row_i, row_j)
    return probabilities


class VectorShelf:
    """Embedded articles, newest kept, searched by cosine for the nearest in other languages
    (brute force: a product with at most :data:`SHELF_LIMIT` vectors takes about a millisecond)."""

    def __init__(self, limit: int = SHELF_LIMIT):
        self.limit = limit
        self.keys = np.zeros(0, dtype=np.int64)
        self.languages = np.zeros(0, dtype=object)
        self.vectors = np.zeros((0, 0), dtype=np.float32)
        self._new: dict[int, ArticleLanguage] = {}

    def add(self, rows: dict[int, ArticleLanguage]) -> None:
        self._new.update({k: row for k, row in rows.items() if row.vector is not None})

    def nearest(self, vector: np.ndarray, language: str, count: int) -> list[int]:
        """The ``count`` keys in other languages whose vectors are nearest ``vector``."""
        self._flush()
        other = np.flatnonzero(self.languages != language)
        if not len(other) or count <= 0:
            return []
        cosines = self.vectors[other] @ vector
        best = other[np.argsort(-cosines, kind="stable")[:count]]
        return self.keys[best].tolist()

    def _flush(self) -> None:
        if not self._new:
            return
        new_keys = np.fromiter(self._new, dtype=np.int64, count=len(self._new))
        fresh = {int(k): self._new[int(k)] for k in new_keys[~np.isin(new_keys, self.keys)]}
        self._new = {}
        if not fresh:
            return
        vectors = np.stack([row.vector for row in fresh.values()]).astype(np.float32)
        keys = np.concatenate([self.keys, np.fromiter(fresh, dtype=np.int64)])
        languages = np.concatenate([self.languages,
                                    np.array([r.language for r in fresh.values()], dtype=object)])
        vectors = vectors if not len(self.vectors) else np.vstack([self.vectors, vectors])
        keep = np.argsort(keys, kind="stable")[-self.limit:]  # the newest
        self.keys, self.languages, self.vectors = keys[keep], languages[keep], vectors[keep]


class LanguageLinks:
    """Joins an arrival to a story told in other languages (see the module's description)."""

    def __init__(self, state: StoryState, threshold: float,
                 is_open: Callable[[str, float | None], bool]):
        self.state = state
        self.threshold = threshold  # lowest average probability at which stories join
        self.is_open = is_open  # (story id, the arrival's day): the story may still grow
        self.shelf: VectorShelf | None = None  # loaded once the stream meets a second language

    def link(self, key: int, article_id: str, language: str, head: str, day: float | None,
             story_id: str, neighbours: Sequence[int] = ()) -> str:
        """Record the arrival's language; return the story it ends in (``story_id``, where the
        stream put it, unless it joins a story in another language). ``neighbours``: its
        nearest earlier articles, from the stream's index."""
        self.state.remember_language(key, language, head)
        others = [found for found in self.state.known_languages() if found != language]
        if not others:
            return story_id  # one language so far: nothing to compare, nothing embedded
        shelf = self._shelf([language, *others])
        arrival = with_vectors(self.state, [key])
        shelf.add(arrival)
        vector = arrival[key].vector
        assert vector is not None
        near = shelf.nearest(vector, language, NEAREST_OTHERS)
        samples = self._other_language_stories(language, others, story_id, day,
                                               [*near, *neighbours])
        if not samples:
            return story_id
        rows = {**arrival, **with_vectors(self.state, list(chain.from_iterable(samples.values())))}
        shelf.add(rows)
        best: tuple[float, str] | None = None
        for other, members in samples.items():
            score = float(np.mean([cross_probability(rows[key], rows[k])
                                   for k in members]))
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, other)
        if best is None:
            return story_id
        own = self.state.story_span(story_id, STORY_SAMPLE)
        if own is None or own.recent == [key]:  # it had opened a story of its own: move it
            self.state.assign(key, best[1])
            return best[1]
        return self._merge(story_id, own.recent, best[1], samples[best[1]], article_id)

    def _shelf(self, languages: list[str]) -> VectorShelf:
        """The search's vectors, loaded from the state the first time: the newest embedded
        articles, after embedding the newest :data:`RECENT_OTHERS` that have no vector yet
        (the stream had one language until now, and they may be on the arrival's story)."""
        if self.shelf is None:
            self.shelf = VectorShelf()
            keys = self.state.recent_in_languages(languages, SHELF_LIMIT)
            with_vectors(self.state, keys[:RECENT_OTHERS])
            self.shelf.add(self.state.languages_of(keys))
        return self.shelf

    def _other_language_stories(
        self, language: str, others: list[str], story_id: str, day: float | None,
        nearby: Sequence[int],
    ) -> dict[str, list[int]]:
        """Open stories (other than ``story_id``) with members in ``others`` (languages) among
        ``nearby`` and the newest articles in those languages: the newest ``STORY_SAMPLE`` of
        those members of each."""
        near = {k for k, row in self.state.languages_of(nearby).items()
                if row.language != language}
        candidates = sorted(near.union(self.state.recent_in_languages(others, RECENT_OTHERS)),
                            reverse=True)
        story_of = self.state.stories_of(candidates)
        samples: dict[str, list[int]] = {}
        for k in candidates:  # newest first
            other = story_of.get(k)
            if other is not None and other != story_id:
                members = samples.setdefault(other, [])
                if len(members) < STORY_SAMPLE:
                    members.append(k)
        return {other: members for other, members in samples.items()
                if self.is_open(other, day)}

    def _merge(self, joined: str, own: list[int], other: str, members: list[int],
               article_id: str) -> str:
        """Merge the story the arrival joined with the one in another language when average
        link over their cross-language pairs (newest members) reaches the threshold."""
        rows = with_vectors(self.state, [*own, *members])
        scores = [cross_probability(rows[a], rows[b])
                  for a in own if a in rows for b in members
                  if rows[a].language != rows[b].language]
        link = float(np.mean(scores)) if scores else 0.0
        if link < self.threshold:
            return joined
        spans = {s: self.state.story_span(s, 0) for s in (joined, other)}
        kept, absorbed = sorted((joined, other), key=lambda s: (
            spans[s].first_key if spans[s] is not None else 0))
        return kept if self.state.merge(kept, absorbed, article_id, link) else joined
