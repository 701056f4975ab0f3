"""The SQLite store's schema: the tables, the triggers that keep change counters, and the query
chunk size. The class that uses them is :mod:`newsprism.store.sqlite` (its batched commits in
:mod:`newsprism.store.sqlite_batch`); the interface it implements is :mod:`newsprism.store.base`."""

from __future__ import annotations

# 2: article_features, group_state and merges; 3: change counters; 4: article_languages (older
# files are upgraded: their articles have no language row and are not compared across languages)
SCHEMA_VERSION = 4
_QUERY_CHUNK = 500  # ids per "IN (…)" query, well below SQLite's variable limit

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
CREATE TABLE IF NOT EXISTS article_features (  -- what the incremental assigner compares
    seq INTEGER PRIMARY KEY REFERENCES articles(seq),
    features BLOB NOT NULL,
    vector BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS article_languages (  -- what grouping compares across languages
    seq INTEGER PRIMARY KEY REFERENCES articles(seq),
    language TEXT NOT NULL,
    head TEXT NOT NULL,                         -- the text start the multilingual model reads
    vector BLOB                                 -- its embedding, once computed (float32)
);
CREATE INDEX IF NOT EXISTS article_languages_by_language ON article_languages(language, seq);
CREATE TABLE IF NOT EXISTS group_state (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS merges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    merged_at TEXT NOT NULL,
    kept_story TEXT NOT NULL,
    absorbed_story TEXT NOT NULL,
    article_id TEXT NOT NULL,
    score REAL NOT NULL,
    moved TEXT NOT NULL,                        -- JSON list of the article ids moved
    undone_at TEXT
);
-- Counters kept by triggers, so that any change, through this class or plain SQL, shows: caches
-- beside the store (the index, the story table) compare them with the values they were saved at.
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS features_added AFTER INSERT ON article_features
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'features'; END;
CREATE TRIGGER IF NOT EXISTS features_removed AFTER DELETE ON article_features
BEGIN UPDATE counters SET value = value - 1 WHERE name = 'features'; END;
CREATE TRIGGER IF NOT EXISTS membership_added AFTER INSERT ON memberships
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'grouping'; END;
CREATE TRIGGER IF NOT EXISTS membership_changed AFTER UPDATE ON memberships
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'grouping'; END;
CREATE TRIGGER IF NOT EXISTS membership_removed AFTER DELETE ON memberships
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'grouping'; END;
CREATE TRIGGER IF NOT EXISTS article_redated AFTER UPDATE OF published_day ON articles
WHEN OLD.published_day IS NOT NEW.published_day
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'grouping'; END;
CREATE TRIGGER IF NOT EXISTS article_removed AFTER DELETE ON articles
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'grouping'; END;
"""
_COUNTERS = ("features", "grouping")
