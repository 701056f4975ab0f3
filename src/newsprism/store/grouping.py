"""Incremental grouping over a store: the assigner's state lives in the store, its index beside it.

Opening a grouping session reads no stored article: document frequencies come from the store's
``group_state``; the nearest-neighbour index and the story table (:mod:`newsprism.store.table`:
which story each article key is in, story day spans) from ``<db>.index``, each rebuilt from the
store only when missing or behind it. A decision then reads from the store just the features of
the few candidate articles, and writes the new article's features and membership.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsprism.group import GroupSettings
from newsprism.group.incremental import (
    ArticleFeatures,
    DocumentFrequencies,
    StoryAssigner,
    compact_vector,
)
from newsprism.group.index import VectorIndex
from newsprism.group.stream_state import ArticleLanguage
from newsprism.store.base import Store, StoredFeatures
from newsprism.store.table import StoryTable

_FREQUENCIES = "document_frequencies"
_STORE_ID = "store_id"
STORE_STAMP = "store_id.txt"  # in the index folder: the store the index was written for


def pack_vector(vector: np.ndarray) -> bytes:
    """A unit vector as int8 (cosine does not change when a vector is scaled)."""
    peak = float(np.abs(vector).max()) or 1.0
    return np.round(vector / peak * 127).astype(np.int8).tobytes()


def unpack_vectors(blobs: Sequence[bytes], dims: int) -> np.ndarray:
    vectors = np.frombuffer(b"".join(blobs), dtype=np.int8).reshape(len(blobs), dims)
    vectors = vectors.astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


@dataclass
class StoreState:
    """:class:`~newsprism.group.incremental.StoryState` backed by a :class:`Store`."""

    store: Store
    width: int
    frequencies: DocumentFrequencies = field(init=False)
    merge_ids: list[int] = field(default_factory=list)  # merges made in this session
    table: StoryTable = field(default_factory=StoryTable)
    _ids: dict[int, str] = field(default_factory=dict)
    _days: dict[int, float | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        saved = self.store.get_state(_FREQUENCIES)
        self.frequencies = (
            DocumentFrequencies.from_bytes(saved) if saved else DocumentFrequencies(self.width)
        )
        if self.frequencies.count != self.store.count_features():
            # An interrupted ingest stored features but not the counts: count them again.
            self.frequencies = DocumentFrequencies(self.width)
            for row in self.store.iter_features():
                self.frequencies.add(self._unpack(row))

    def _unpack(self, row: StoredFeatures) -> ArticleFeatures:
        return ArticleFeatures.from_bytes(row.features, row.day)

    def key_of(self, article_id: str) -> int | None:
        return self.store.article_key(article_id)

    def story_of(self, article_id: str) -> str | None:
        return self.store.story_of(article_id)

    def remember(self, key, article_id, features, vector) -> None:
        self._ids[key], self._days[key] = article_id, features.day
        self.store.put_features(key, features.to_bytes(), pack_vector(vector))

    def features(self, keys):
        blobs = self.store.get_feature_blobs(keys)
        found = list(blobs)
        days = [self._days.get(k, day)
                for k, day in zip(found, self._table_days(found), strict=True)]
        return dict(zip(found, ArticleFeatures.many_from_bytes(list(blobs.values()), days),
                        strict=True))

    def _table_days(self, keys: list[int]) -> list[float | None]:
        """:meth:`StoryTable.day_of` of many keys in one look-up."""
        if not keys:
            return []
        if min(keys) >= 0 and max(keys) < len(self.table.day):  # all in the table (usual)
            days = self.table.day[keys].tolist()
        else:
            days = [float("nan") if day is None else day for day in map(self.table.day_of, keys)]
        return [None if day != day else day for day in days]  # nan: unknown

    def stories_of(self, keys):
        return self.table.stories_of(keys)

    def story_span(self, story_id, recent):
        return self.table.span(story_id, recent)

    def assign(self, key, story_id) -> None:
        self.store.set_story_of(self._ids[key], story_id)
        self.table.assign(key, story_id, self._days[key])

    def merge(self, kept, absorbed, article_id, score) -> bool:
        merge_id = self.store.merge_stories(kept, absorbed, article_id, score)
        if merge_id is not None:
            self.merge_ids.append(merge_id)
            self.table.merge(kept, absorbed)
        return merge_id is not None

    def move(self, keys, source, target, article_id, score) -> bool:
        current = self.table.stories_of(list(keys))
        moved = [k for k in keys if current.get(k) == source]
        ids = self.store.article_ids_of(moved)
        merge_id = self.store.move_articles([ids[k] for k in moved if k in ids], source, target,
                                            article_id, score)
        if merge_id is None:
            return False
        self.merge_ids.append(merge_id)
        moved = [k for k in moved if k in ids and self.store.story_of(ids[k]) == target]
        days = self._table_days(moved)
        for key, day in zip(moved, days, strict=True):
            self.table.assign(key, target, self._days.get(key, day))
        return True

    def stories(self) -> dict[str, list[str]]:
        return {summary.id: summary.articles for summary in self.store.stories()}

    def remember_language(self, key, language, head) -> None:
        self.store.put_language(key, language, head)

    def languages_of(self, keys):
        return {
            key: ArticleLanguage(row.language, row.head, None if row.vector is None
                                 else np.frombuffer(row.vector, dtype=np.float32))
            for key, row in self.store.get_languages(keys).items()
        }

    def set_language_vector(self, key, vector) -> None:
        self.store.put_language_vector(key, np.asarray(vector, dtype=np.float32).tobytes())

    def recent_in_languages(self, languages, limit):
        return self.store.recent_keys_in_languages(languages, limit)

    def known_languages(self) -> list[str]:
        return self.store.languages()

    def save(self) -> None:
        self.store.put_state(_FREQUENCIES, self.frequencies.to_bytes())


class GroupingSession:
    """A :class:`StoryAssigner` that goes on from what the store holds; ``save`` when done."""

    def __init__(self, store: Store, settings: GroupSettings | None = None):
        self.store = store
        settings = settings or GroupSettings()
        self.state = StoreState(store, settings.hash_features)
        self.assigner = StoryAssigner(settings, self.state, self._open_index())
        if not self._open_table():
            self._add_older_articles()  # a store never opened here may predate features
        self.table_stale = False  # set when the store changed behind the table's back

    def note_outside_write(self) -> None:
        """The store was changed while the session is open by a write the story table does not
        follow (a stored article re-dated, a membership set by hand): the table is then saved
        unstamped, so the next session rebuilds it from the store instead of trusting it."""
        self.table_stale = True

    def _open_table(self) -> bool:
        """Load the saved story table, or build it from the store; ``True`` when loaded."""
        path = self.store.index_path()
        table = None if path is None else StoryTable.load(path, self.store.change_counts())
        self.state.table = self._build_table() if table is None else table
        return table is not None

    def _build_table(self) -> StoryTable:
        keys, days, story_ids = [], [], []
        for key, day, story_id in self.store.membership_rows():
            keys.append(key)
            days.append(np.nan if day is None else day)
            story_ids.append(story_id)
        return StoryTable.from_rows(np.array(keys, dtype=np.int64), np.array(days), story_ids)

    def _open_index(self) -> VectorIndex:
        path = self.store.index_path()
        index = VectorIndex()
        if path is not None and (path / "meta.json").is_file():
            saved = VectorIndex.load(path)
            if self._index_is_ours(path, len(saved)):
                index = saved
        if len(index) != self.store.count_features():  # missing, or behind the store
            batch: list[StoredFeatures] = []
            for row in self.store.iter_features():
                if row.key not in index:
                    batch.append(row)
                if len(batch) >= 10_000:
                    self._index_rows(index, batch)
                    batch = []
            self._index_rows(index, batch)
        return index

    def _index_is_ours(self, path: Path, size: int) -> bool:
        """The index folder beside the store was written for this store. A store file deleted
        and created again keeps the old folder, whose vectors (under the same article keys)
        would be the old articles' (otherwise rebuilt from the store). Folders from before the
        stamp are trusted when they hold no more vectors than the store has articles."""
        stamp = path / STORE_STAMP
        if stamp.is_file():
            return stamp.read_text(encoding="utf-8").strip() == self._store_id()
        return size <= self.store.count_features()

    def _store_id(self) -> str:
        """A random id given to the store the first time a session opens it."""
        found = self.store.get_state(_STORE_ID)
        if found is None:
            found = uuid.uuid4().hex.encode()
            self.store.put_state(_STORE_ID, found)
        return found.decode()

    @staticmethod
    def _index_rows(index: VectorIndex, rows: list[StoredFeatures]) -> None:
        if rows:
            vectors = unpack_vectors([r.vector for r in rows], index.dims)
            index.add([r.key for r in rows], vectors, [r.day for r in rows])

    def _add_older_articles(self) -> None:
        """Stores from before features were kept: compute them once for assigned articles."""
        for key, article_id in self.store.keys_without_features():
            article = self.store.get_article(article_id)
            if article is None:
                continue
            features = self.assigner.hashing.features(article)
            self.state.frequencies.add(features)
            vector = compact_vector(features, self.state.frequencies, self.assigner.settings)
            self.state.remember(key, article_id, features, vector)
            self.assigner.index.add([key], vector[None, :], [features.day])

    def save(self) -> None:
        """Persist the counts, the index and the story table (after the store's writes are
        committed: the table is stamped with the store's change counters)."""
        self.state.save()
        path = self.store.index_path()
        if path is not None:
            self.assigner.index.save(path)
            (path / STORE_STAMP).write_text(self._store_id(), encoding="utf-8")
            self.state.table.save(path, {} if self.table_stale else self.store.change_counts())
