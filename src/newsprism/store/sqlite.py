"""The default store: one SQLite file, through the standard library's ``sqlite3``.

This module holds the :class:`SQLiteStore` class (connection, articles, memberships, stories,
incremental-grouping rows, merges); its tables and triggers are in
:mod:`newsprism.store.sqlite_schema`, its one-write and batch transactions in
:mod:`newsprism.store.sqlite_batch`, and the interface it implements in
:mod:`newsprism.store.base`."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from newsprism.group.features import display_title, published_day
from newsprism.model import Article, Story
from newsprism.store.base import (
    MergeRecord,
    PutOutcome,
    StoredFeatures,
    StoredLanguage,
    StorySummary,
)
from newsprism.store.sqlite_batch import BatchedWrites
from newsprism.store.sqlite_schema import _COUNTERS, _QUERY_CHUNK, _SCHEMA, SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "SQLiteStore", "content_hash"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(values: Sequence, size: int = _QUERY_CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _marks(values: Sequence) -> str:
    return ",".join("?" * len(values))


def content_hash(article: Article) -> str:
    """Hash of the article's full JSON: any change to text, metadata or annotations shows."""
    return _json_hash(article.model_dump_json())


def _json_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SQLiteStore(BatchedWrites):
    """:class:`~newsprism.store.base.Store` over one SQLite file (created when missing)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._batching = 0
        self._uncommitted = 0
        self._commits = 0  # commits inside the current batch
        self._db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            # Write-ahead log without an fsync per commit: methods commit on return (or once per
            # batch); a power cut loses at most the last commits.
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            # Assignment reads a few scattered feature rows per article: a larger page cache
            # keeps the B-tree's inner pages. No memory map: mapped pages count as resident
            # memory, and the OS page cache serves the reads as well.
            self._db.execute("PRAGMA cache_size = -32768")
        stored = self._stored_version()
        if stored is not None and stored > SCHEMA_VERSION:
            self._db.close()  # refused before anything in the file is touched
            raise RuntimeError(
                f"{self.path}: store schema {stored} is newer than this newsprism "
                f"({SCHEMA_VERSION}); upgrade newsprism"
            )
        with self._db:
            self._db.executescript(_SCHEMA)
            if self._db.execute("SELECT COUNT(*) FROM counters").fetchone()[0] < len(_COUNTERS):
                # New file, or one from before the counters: count once.
                features = self._db.execute("SELECT COUNT(*) FROM article_features").fetchone()
                self._db.executemany("INSERT OR IGNORE INTO counters VALUES (?, ?)",
                                     [("features", features[0]), ("grouping", 0)])
            row = self._db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                self._db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] < SCHEMA_VERSION:  # the new tables were just created empty
                self._db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    def _stored_version(self) -> int | None:
        exists = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        row = self._db.execute("SELECT version FROM schema_version").fetchone() if exists else None
        return None if row is None else int(row[0])

    # -- articles ---------------------------------------------------------------------------

    def put_article(self, article: Article) -> PutOutcome:
        text = article.model_dump_json()  # once: it is both hashed and stored
        digest = _json_hash(text)
        row = self._db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if row is not None and row[0] == digest:
            return "unchanged"
        values = (
            digest, article.published, published_day(article), display_title(article), text,
            article.id,
        )
        if row is None:
            self._execute_write(
                "INSERT INTO articles (content_hash, published, published_day, title, json, id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                values,
            )
        else:  # keep seq, so the article keeps its place in arrival order
            self._execute_write(
                "UPDATE articles SET content_hash = ?, published = ?, published_day = ?,"
                " title = ?, json = ? WHERE id = ?",
                values,
            )
        return "added" if row is None else "updated"

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.model_validate_json(row[0]) if row else None

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        found = (self.get_article(article_id) for article_id in article_ids)
        return [article for article in found if article is not None]

    def article_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY seq")]

    def iter_articles(self) -> Iterator[Article]:
        for (text,) in self._db.execute("SELECT json FROM articles ORDER BY seq").fetchall():
            yield Article.model_validate_json(text)

    # -- membership -------------------------------------------------------------------------

    def set_story_of(self, article_id: str, story_id: str) -> None:
        self._execute_write(
            "INSERT INTO memberships (article_id, story_id) VALUES (?, ?)"
            " ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id",
            (article_id, story_id),
        )

    def story_of(self, article_id: str) -> str | None:
        row = self._db.execute(
            "SELECT story_id FROM memberships WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def memberships(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT article_id, story_id FROM memberships"))

    # -- stories ----------------------------------------------------------------------------

    def _summaries(self, story_id: str | None = None) -> list[StorySummary]:
        # Publication order: dated articles by time, then undated ones, each in arrival order
        # (the same order as newsprism.group.publication_order).
        query = (
            "SELECT m.story_id, a.id, a.title, a.published FROM memberships m"
            " JOIN articles a ON a.id = m.article_id"
            + (" WHERE m.story_id = ?" if story_id else "")
            + " ORDER BY a.published_day IS NULL, a.published_day, a.seq"
        )
        rows = self._db.execute(query, (story_id,) if story_id else ()).fetchall()
        grouped: dict[str, list[tuple[str, str, str | None]]] = {}
        for sid, article_id, title, published in rows:
            grouped.setdefault(sid, []).append((article_id, title, published))
        summaries = []
        for sid, members in grouped.items():
            dates = sorted(p for _, _, p in members if p)
            summaries.append(
                StorySummary(
                    id=sid,
                    title=members[0][1],
                    articles=[article_id for article_id, _, _ in members],
                    first_published=dates[0] if dates else None,
                    last_published=dates[-1] if dates else None,
                )
            )
        return summaries

    def stories(self) -> list[StorySummary]:
        return self._summaries()

    def story(self, story_id: str) -> Story | None:
        summaries = self._summaries(story_id)
        if not summaries:
            return self.load_story(story_id)
        summary = summaries[0]
        saved = self.load_story(story_id)
        if saved is not None and saved.articles == summary.articles:
            return saved
        # Not compared yet, or articles joined since it was: the membership is the truth.
        return Story(id=summary.id, title=summary.title, articles=summary.articles)

    def save_story(self, story: Story) -> None:
        with self._write():
            self._db.execute(
                "INSERT INTO saved_stories (id, json) VALUES (?, ?)"
                " ON CONFLICT(id) DO UPDATE SET json = excluded.json",
                (story.id, story.model_dump_json()),
            )

    def load_story(self, story_id: str) -> Story | None:
        row = self._db.execute(
            "SELECT json FROM saved_stories WHERE id = ?", (story_id,)
        ).fetchone()
        return Story.model_validate_json(row[0]) if row else None

    # -- incremental grouping ---------------------------------------------------------------

    def article_key(self, article_id: str) -> int | None:
        row = self._db.execute("SELECT seq FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def article_ids_of(self, keys: Sequence[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in _chunks(list(keys)):
            found.update(self._db.execute(
                f"SELECT seq, id FROM articles WHERE seq IN ({_marks(chunk)})", tuple(chunk)))
        return found

    def put_features(self, key: int, features: bytes, vector: bytes) -> None:
        self._execute_write(
            "INSERT INTO article_features (seq, features, vector) VALUES (?, ?, ?)"
            " ON CONFLICT(seq) DO UPDATE SET features = excluded.features,"
            " vector = excluded.vector",
            (key, features, vector),
        )

    _FEATURE_ROWS = (
        "SELECT f.seq, a.published_day, f.features, f.vector FROM article_features f"
        " JOIN articles a ON a.seq = f.seq"
    )

    def iter_features(self) -> Iterator[StoredFeatures]:
        for row in self._db.execute(f"{self._FEATURE_ROWS} ORDER BY f.seq"):
            yield StoredFeatures(*row)

    def count_features(self) -> int:
        return self.change_counts()["features"]

    def change_counts(self) -> dict[str, int]:
        return dict(self._db.execute("SELECT name, value FROM counters"))

    def get_feature_blobs(self, keys: Sequence[int]) -> dict[int, bytes]:
        found: dict[int, bytes] = {}
        for chunk in _chunks(list(keys)):
            found.update(self._db.execute(
                f"SELECT seq, features FROM article_features WHERE seq IN ({_marks(chunk)})",
                chunk))
        return found

    def membership_rows(self) -> Iterator[tuple[int, float | None, str]]:
        yield from self._db.execute(
            "SELECT a.seq, a.published_day, m.story_id FROM memberships m JOIN articles a"
            " ON a.id = m.article_id ORDER BY a.seq")

    def keys_without_features(self) -> list[tuple[int, str]]:
        return list(self._db.execute(
            "SELECT a.seq, a.id FROM articles a JOIN memberships m ON m.article_id = a.id"
            " WHERE a.seq NOT IN (SELECT seq FROM article_features) ORDER BY a.seq"
        ))

    def put_language(self, key: int, language: str, head: str) -> None:
        self._execute_write(
            "INSERT INTO article_languages (seq, language, head) VALUES (?, ?, ?)"
            " ON CONFLICT(seq) DO UPDATE SET language = excluded.language, head = excluded.head,"
            " vector = CASE WHEN head = excluded.head THEN vector END",
            (key, language, head),
        )

    def put_language_vector(self, key: int, vector: bytes) -> None:
        self._execute_write("UPDATE article_languages SET vector = ? WHERE seq = ?",
                            (vector, key))

    def get_languages(self, keys: Sequence[int]) -> dict[int, StoredLanguage]:
        found: dict[int, StoredLanguage] = {}
        for chunk in _chunks(list(keys)):
            for seq, language, head, vector in self._db.execute(
                "SELECT seq, language, head, vector FROM article_languages"
                f" WHERE seq IN ({_marks(chunk)})", chunk,
            ):
                found[seq] = StoredLanguage(language, head, vector)
        return found

    def recent_keys_in_languages(self, languages: Sequence[str], limit: int) -> list[int]:
        keys: list[int] = []
        for language in dict.fromkeys(languages):  # one index range each: newest first
            keys += [row[0] for row in self._db.execute(
                "SELECT seq FROM article_languages WHERE language = ? ORDER BY seq DESC"
                " LIMIT ?", (language, limit))]
        return sorted(keys, reverse=True)[:limit]

    def languages(self) -> list[str]:
        # A skip over the (language, seq) index: one step per language, not per article.
        found, row = [], self._db.execute(
            "SELECT MIN(language) FROM article_languages").fetchone()
        while row is not None and row[0] is not None:
            found.append(row[0])
            row = self._db.execute("SELECT MIN(language) FROM article_languages"
                                   " WHERE language > ?", (row[0],)).fetchone()
        return found

    def get_state(self, name: str) -> bytes | None:
        row = self._db.execute("SELECT value FROM group_state WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def put_state(self, name: str, value: bytes) -> None:
        with self._write():
            self._db.execute(
                "INSERT INTO group_state (name, value) VALUES (?, ?)"
                " ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (name, value),
            )

    def index_path(self) -> Path | None:
        return None if self.path == ":memory:" else Path(self.path + ".index")

    # -- merges -----------------------------------------------------------------------------

    def _refused(self, kept: str, absorbed: str) -> bool:
        """A merge or move between these two stories was undone: respect that decision."""
        return kept == absorbed or self._db.execute(
            "SELECT 1 FROM merges WHERE undone_at IS NOT NULL AND ((kept_story = ? AND"
            " absorbed_story = ?) OR (kept_story = ? AND absorbed_story = ?))",
            (kept, absorbed, absorbed, kept),
        ).fetchone() is not None

    def _log_move(
        self, kept: str, absorbed: str, article_id: str, score: float, moved: list[str]
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO merges (merged_at, kept_story, absorbed_story, article_id, score,"
            " moved) VALUES (?, ?, ?, ?, ?, ?)",
            (_now(), kept, absorbed, article_id, float(score), json.dumps(moved)),
        )
        return int(cursor.lastrowid)

    def merge_stories(
        self, kept: str, absorbed: str, article_id: str, score: float
    ) -> int | None:
        if self._refused(kept, absorbed):
            return None
        with self._write():
            moved = [row[0] for row in self._db.execute(
                "SELECT m.article_id FROM memberships m JOIN articles a ON a.id = m.article_id"
                " WHERE m.story_id = ? ORDER BY a.seq", (absorbed,))]
            self._db.execute(
                "UPDATE memberships SET story_id = ? WHERE story_id = ?", (kept, absorbed)
            )
            return self._log_move(kept, absorbed, article_id, score, moved)

    def move_articles(
        self, articles: Sequence[str], source: str, target: str, article_id: str, score: float
    ) -> int | None:
        if self._refused(target, source):
            return None
        # An article that an undone move or merge put back into ``source`` stays there.
        kept_back = {a for (moved,) in self._db.execute(
            "SELECT moved FROM merges WHERE undone_at IS NOT NULL AND absorbed_story = ?",
            (source,)) for a in json.loads(moved)}
        moved = [a for a in articles if a not in kept_back and self.story_of(a) == source]
        if not moved:
            return None
        with self._write():
            for chunk in _chunks(moved):
                self._db.execute(
                    f"UPDATE memberships SET story_id = ? WHERE article_id IN ({_marks(chunk)})",
                    (target, *chunk),
                )
            return self._log_move(target, source, article_id, score, moved)

    _MERGE_ROWS = (
        "SELECT id, merged_at, kept_story, absorbed_story, article_id, score, moved, undone_at"
        " FROM merges"
    )

    @staticmethod
    def _merge_record(row: tuple) -> MergeRecord:
        return MergeRecord(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]),
                           row[7])

    def merges(self) -> list[MergeRecord]:
        return [self._merge_record(r) for r in self._db.execute(f"{self._MERGE_ROWS} ORDER BY id")]

    def undo_merge(self, merge_id: int) -> MergeRecord:
        row = self._db.execute(f"{self._MERGE_ROWS} WHERE id = ?", (merge_id,)).fetchone()
        if row is None:
            raise ValueError(f"no merge {merge_id}")
        record = self._merge_record(row)
        if record.undone_at is not None:
            raise ValueError(f"merge {merge_id} was already undone at {record.undone_at}")
        moved_on = [a for a in record.moved if self.story_of(a) != record.kept_story]
        if moved_on:
            raise ValueError(
                f"merge {merge_id}: {moved_on[0]} is no longer in {record.kept_story};"
                " undo the later merge that moved it first"
            )
        with self._write():
            for chunk in _chunks(record.moved):
                self._db.execute(
                    f"UPDATE memberships SET story_id = ? WHERE article_id IN ({_marks(chunk)})",
                    (record.absorbed_story, *chunk),
                )
            undone_at = _now()
            self._db.execute("UPDATE merges SET undone_at = ? WHERE id = ?", (undone_at, merge_id))
        return MergeRecord(**{**record.__dict__, "undone_at": undone_at})

    # -- housekeeping -----------------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self._db.execute("SELECT version FROM schema_version").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
