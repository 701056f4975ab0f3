"""Where the stream's state lives: articles by integer key, their features, story memberships.

:class:`StoryState` is what :class:`~newsprism.group.incremental.StoryAssigner` needs; it lives in
memory here (:class:`MemoryState`), or in a store (:mod:`newsprism.store.grouping`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from newsprism.group.stream_features import ArticleFeatures, DocumentFrequencies


@dataclass(frozen=True)
class StorySpan:
    """What a decision needs to know of one story without reading all its members."""

    first_key: int  # its earliest member: the older story keeps its id in a merge
    first_day: float | None  # earliest and latest publication day of its dated members
    last_day: float | None
    recent: list[int]  # keys of its most recent members (at most the number asked), by key


@dataclass(frozen=True)
class ArticleLanguage:
    """What the stream keeps of an article in a known language, to compare it across languages
    (:mod:`newsprism.group.stream_languages`)."""

    language: str  # bare lower-case code, e.g. "de"
    head: str  # the start of its text that the multilingual model reads
    vector: np.ndarray | None = None  # its embedding, computed when first needed


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
    def move(self, keys: Sequence[int], source: str, target: str, article_id: str,
             score: float) -> bool:
        """Move those of ``keys`` that are in ``source`` into ``target`` (which may be new) and
        log it like a merge that moved only them; ``False`` when refused (a merge or move
        between the two was undone before)."""
        ...
    def stories(self) -> dict[str, list[str]]: ...
    # articles in a known language (compared across languages)
    def remember_language(self, key: int, language: str, head: str) -> None: ...
    def languages_of(self, keys: Sequence[int]) -> dict[int, ArticleLanguage]: ...
    def set_language_vector(self, key: int, vector: np.ndarray) -> None: ...
    def recent_in_languages(self, languages: Sequence[str], limit: int) -> list[int]:
        """The ``limit`` newest keys (newest first) of articles in any of ``languages``."""
        ...
    def known_languages(self) -> list[str]: ...


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
    _languages: dict[int, ArticleLanguage] = field(default_factory=dict)
    _by_language: dict[str, list[int]] = field(default_factory=dict)

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
                         keys[max(0, len(keys) - recent):] if recent > 0 else [])

    def assign(self, key, story_id) -> None:
        """As the store's table: members kept by key (keys may arrive out of order), and an
        article moved out of any other story."""
        old = self._story_of.get(key)
        if old == story_id:
            return
        if old is not None:
            self._members[old].remove(key)
            if not self._members[old]:
                del self._members[old]
        self._story_of[key] = story_id
        bisect.insort(self._members.setdefault(story_id, []), key)

    def merge(self, kept, absorbed, article_id, score) -> bool:
        moved = self._members.pop(absorbed, [])
        for key in moved:
            self._story_of[key] = kept
        self._members[kept] = sorted([*self._members.get(kept, []), *moved])
        self.merge_log.append((kept, absorbed, article_id, score))
        return True

    def move(self, keys, source, target, article_id, score) -> bool:
        moved = [k for k in keys if self._story_of.get(k) == source]
        for key in moved:
            self.assign(key, target)
        self.merge_log.append((target, source, article_id, score))
        return True

    def stories(self) -> dict[str, list[str]]:
        return {sid: [self._ids[k] for k in keys] for sid, keys in self._members.items()}

    def remember_language(self, key, language, head) -> None:
        old = self._languages.get(key)
        if old is not None:
            self._by_language[old.language].remove(key)
        self._languages[key] = ArticleLanguage(language, head)
        bisect.insort(self._by_language.setdefault(language, []), key)

    def languages_of(self, keys):
        return {k: self._languages[k] for k in keys if k in self._languages}

    def set_language_vector(self, key, vector) -> None:
        found = self._languages[key]
        self._languages[key] = ArticleLanguage(found.language, found.head, vector)

    def recent_in_languages(self, languages, limit):
        if limit <= 0:
            return []
        keys = [k for language in set(languages)
                for k in self._by_language.get(language, [])[-limit:]]
        return sorted(keys, reverse=True)[:limit]

    def known_languages(self) -> list[str]:
        return [language for language, keys in self._by_language.items() if keys]
