"""The default store: one SQLite file, through the standard library's ``sqlite3``."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsprism.group.features import display_title, published_day
from newsprism.model import Article, Story
from newsprism.store.base import PutOutcome, StorySummary

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,      -- order first stored: the assigner's arrival order
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    published TEXT,
    published_day REAL,                         -- for publication order without reparsing
    title TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS memberships (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS memberships_by_story ON memberships(story_id);
CREATE TABLE IF NOT EXISTS saved_stories (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
"""


def content_hash(article: Article) -> str:
    """Hash of the article's full JSON: any change to text, metadata or annotations shows."""
    return hashlib.sha256(article.model_dump_json().encode("utf-8")).hexdigest()


class SQLiteStore:
    """:class:`~newsprism.store.base.Store` over one SQLite file (created when missing)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA foreign_keys = ON")
        with self._db:
            self._db.executescript(_SCHEMA)
            row = self._db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                self._db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path}: store schema {row[0]} is newer than this newsprism "
                    f"({SCHEMA_VERSION}); upgrade newsprism"
                )

    # -- articles ---------------------------------------------------------------------------

    def put_article(self, article: Article) -> PutOutcome:
        digest = content_hash(article)
        row = self._db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if row is not None and row[0] == digest:
            return "unchanged"
        values = (
            digest, article.published, published_day(article), display_title(article),
            article.model_dump_json(), article.id,
        )
        with self._db:
            if row is None:
                self._db.execute(
                    "INSERT INTO articles (content_hash, published, published_day, title, json, id)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    values,
                )
            else:  # keep seq, so the article keeps its place in arrival order
                self._db.execute(
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
        with self._db:
            self._db.execute(
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
        with self._db:
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

    # -- housekeeping -----------------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self._db.execute("SELECT version FROM schema_version").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
