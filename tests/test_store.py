"""The SQLite store: idempotent ingest, incremental story assignment, saved stories, batched
writes, change counters and the story table kept beside the store."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from grouping_fixtures import COUNCIL_VOTE, QUAKE_NORTH_A, QUAKE_NORTH_B, QUAKE_SOUTH_A
from newsprism.group.incremental import StorySpan
from newsprism.model import Entity, Fact, FactValue, SourceSpan, Story
from newsprism.store import GroupingSession, Store, ingest, open_store
from newsprism.store.sqlite import SCHEMA_VERSION
from newsprism.store.table import StoryTable


def test_open_creates_the_file_and_records_the_schema(tmp_path):
    path = tmp_path / "nested" / "news.db"
    with open_store(path) as store:
        assert isinstance(store, Store)
        assert store.schema_version() == SCHEMA_VERSION
        assert store.article_ids() == []
    assert path.is_file()


def test_same_article_twice_is_stored_once(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        first = ingest(store, [QUAKE_NORTH_A])
        again = ingest(store, [QUAKE_NORTH_A])
        assert first.added == ["quake-north-a"] and first.unchanged == []
        assert again.added == [] and again.unchanged == ["quake-north-a"]
        assert again.stories == first.stories
        assert store.article_ids() == ["quake-north-a"]
        assert store.get_article("quake-north-a") == QUAKE_NORTH_A


def test_changed_article_is_updated_and_keeps_its_story(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        story_id = ingest(store, [QUAKE_NORTH_A]).stories["quake-north-a"]
        corrected = QUAKE_NORTH_A.model_copy(update={"outlet": "Daily Courier (corrected)"})
        result = ingest(store, [corrected])
        assert result.updated == ["quake-north-a"] and result.added == []
        assert result.stories["quake-north-a"] == story_id
        assert store.get_article("quake-north-a").outlet == "Daily Courier (corrected)"
        assert store.article_ids() == ["quake-north-a"]


def test_new_article_joins_the_stored_story_across_sessions(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        story_id = ingest(store, [QUAKE_NORTH_A, COUNCIL_VOTE]).stories["quake-north-a"]
    with open_store(path) as store:  # a later run: the assigner is rebuilt from stored articles
        result = ingest(store, [QUAKE_NORTH_B])
        assert result.stories == {"quake-north-b": story_id}
        (summary,) = [s for s in store.stories() if s.id == story_id]
        assert summary.articles == ["quake-north-a", "quake-north-b"]
        assert summary.first_published == summary.last_published == "2024-03-05"
        assert summary.title == QUAKE_NORTH_A.title_text


def test_unrelated_article_opens_a_new_story(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        ingest(store, [QUAKE_NORTH_A, QUAKE_NORTH_B])
        result = ingest(store, [QUAKE_SOUTH_A])
        assert result.added == ["quake-south-a"]
        assert result.stories["quake-south-a"] != store.story_of("quake-north-a")
        assert len(store.stories()) == 2
        assert store.story_of("quake-north-b") == store.story_of("quake-north-a")


def test_quiet_period_opens_a_new_story(tmp_path):
    month_later = QUAKE_NORTH_B.model_copy(update={"id": "north-again", "published": "2024-04-16"})
    with open_store(tmp_path / "s.db") as store:
        first = ingest(store, [QUAKE_NORTH_A]).stories["quake-north-a"]
        later = ingest(store, [month_later]).stories["north-again"]
        assert later != first
        assert [s.articles for s in store.stories()] == [["quake-north-a"], ["north-again"]]


def test_saved_story_round_trips(tmp_path):
    span = SourceSpan(article="quake-north-a", start=0, end=9, text=QUAKE_NORTH_A.text[:9])
    path = tmp_path / "s.db"
    with open_store(path) as store:
        story_id = ingest(store, [QUAKE_NORTH_A]).stories["quake-north-a"]
        bare = store.story(story_id)
        assert bare == Story(id=story_id, title=QUAKE_NORTH_A.title_text,
                             articles=["quake-north-a"])
        compared = bare.model_copy(update={
            "entities": [Entity(id="e1", name="Lidia Marchetti", label="PERSON",
                                mentions=[span])],
            "facts": [Fact(id="f1", status="single", statement="14 killed", kind="quantity",
                           sources=[span], values=[FactValue(article="quake-north-a",
                                                             text="14", low=14, high=14)])],
        })
        store.save_story(compared)
    with open_store(path) as store:
        assert store.load_story(story_id) == compared
        assert store.story(story_id) == compared
        assert store.story("no-such-story") is None


def test_a_batch_commits_once_and_rolls_back_on_error(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store, open_store(path) as reader:
        with store.batch():
            store.put_article(QUAKE_NORTH_A)
            store.set_story_of("quake-north-a", "story-a")
            assert reader.article_ids() == []  # not committed yet
        assert reader.story_of("quake-north-a") == "story-a"
        with pytest.raises(RuntimeError), store.batch():
            store.put_article(QUAKE_SOUTH_A)
            raise RuntimeError("interrupted")
        assert store.article_ids() == reader.article_ids() == ["quake-north-a"]


def test_change_counters_see_every_membership_and_feature_change(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        start = store.change_counts()
        assert start == {"features": 0, "grouping": 0}
        ingest(store, [QUAKE_NORTH_A, QUAKE_NORTH_B])
        counts = store.change_counts()
        assert counts["features"] == 2 and counts["grouping"] >= 2
        store._db.execute("DELETE FROM article_features")  # plain SQL is counted too
        store._db.commit()
        assert store.change_counts()["features"] == 0
        store.set_story_of("quake-north-b", "elsewhere")
        assert store.change_counts()["grouping"] == counts["grouping"] + 1


def test_story_table_built_step_by_step_equals_the_one_built_at_once(tmp_path):
    table = StoryTable()
    table.assign(1, "a", 10.0)
    table.assign(3, "b", None)
    table.assign(4, "a", 12.5)
    table.assign(2, "a", 9.0)  # out of key order
    table.assign(6, "c", 30.0)
    table.merge("b", "c")
    table.assign(6, "a", 30.0)  # moved by hand
    rows = [(1, 10.0, "a"), (2, 9.0, "a"), (3, np.nan, "b"), (4, 12.5, "a"), (6, 30.0, "a")]
    at_once = StoryTable.from_rows(np.array([r[0] for r in rows]), np.array([r[1] for r in rows]),
                                   [r[2] for r in rows])
    for built in (table, at_once):
        assert built.members("a") == [1, 2, 4, 6] and built.members("b") == [3]
        assert built.span("a", 2) == StorySpan(1, 9.0, 30.0, [4, 6])
        assert built.span("b", 5) == StorySpan(3, None, None, [3])
        assert built.span("c", 5) is None and built.stories_of([3, 5, 6]) == {3: "b", 6: "a"}
    table.save(tmp_path, {"grouping": 7})
    assert StoryTable.load(tmp_path, {"grouping": 8}) is None  # the store changed since
    loaded = StoryTable.load(tmp_path, {"grouping": 7})
    assert loaded is not None and loaded.members("a") == [1, 2, 4, 6]
    assert loaded.span("a", 64) == table.span("a", 64)


def test_a_new_session_reads_the_saved_story_table_or_rebuilds_a_stale_one(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        stories = ingest(store, [QUAKE_NORTH_A, QUAKE_SOUTH_A]).stories
        key = store.article_key("quake-north-a")
        assert (tmp_path / "s.db.index" / "stories.stamp.json").is_file()
        session = GroupingSession(store)
        assert session.state.table.story_of_key(key) == stories["quake-north-a"]
        store.set_story_of("quake-north-a", "moved-by-an-editor")  # outside any session
        assert GroupingSession(store).state.table.story_of_key(key) == "moved-by-an-editor"


def test_an_index_left_by_a_deleted_store_is_not_read_as_the_new_one(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        ingest(store, [QUAKE_NORTH_A, QUAKE_SOUTH_A, COUNCIL_VOTE])
    path.unlink()  # the store deleted, its index folder left behind
    with open_store(path) as store:
        ingest(store, [QUAKE_NORTH_B])
        # rebuilt from this store: the old folder's three vectors (under keys the new store
        # reuses) are gone
        assert len(GroupingSession(store).assigner.index) == 1


def test_only_a_new_publication_day_counts_as_a_grouping_change(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.put_article(QUAKE_NORTH_A)
        before = store.change_counts()["grouping"]
        store.put_article(QUAKE_NORTH_A.model_copy(update={"author": "Another Reporter"}))
        assert store.change_counts()["grouping"] == before
        store.put_article(QUAKE_NORTH_A.model_copy(update={"published": "2020-01-02"}))
        assert store.change_counts()["grouping"] == before + 1


def test_an_article_redated_during_a_session_is_not_left_stale_in_the_saved_table(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        ingest(store, [QUAKE_NORTH_A])
        key = store.article_key("quake-north-a")
        old_day = GroupingSession(store).state.table.day_of(key)
        redated = QUAKE_NORTH_A.model_copy(update={"published": "2024-05-07"})
        result = ingest(store, [COUNCIL_VOTE, redated])  # the session opens on the first
        assert result.updated == ["quake-north-a"]
        new_day = GroupingSession(store).state.table.day_of(key)
        assert new_day is not None and old_day is not None and new_day == old_day + 63


def test_a_store_from_a_newer_newsprism_is_refused_untouched(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path):
        pass
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
        db.execute("DROP TABLE counters")
    with pytest.raises(RuntimeError, match="newer than this newsprism"):
        open_store(path)
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "counters" not in tables


def test_a_write_that_fails_inside_a_batch_leaves_none_of_its_rows(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store, store.batch():
        store.put_article(QUAKE_NORTH_A)
        with pytest.raises(ValueError), store._write():  # a write failing half-way
            store._db.execute("INSERT INTO counters VALUES ('half-done', 1)")
            raise ValueError("second statement failed")
        store.put_article(QUAKE_SOUTH_A)
    with open_store(path) as store:
        assert store.article_ids() == ["quake-north-a", "quake-south-a"]
        assert "half-done" not in store.change_counts()


def test_a_one_statement_write_that_fails_inside_a_batch_leaves_nothing_behind(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store, store.batch():
        store.put_article(QUAKE_NORTH_A)
        key = store.article_key(QUAKE_NORTH_A.id)
        with pytest.raises(sqlite3.IntegrityError):  # no features: refused by the schema
            store.put_features(key, None, b"vector")
        store.put_features(key, b"features", b"vector")
        store.set_story_of(QUAKE_NORTH_A.id, "story-one")
    with open_store(path) as store:
        assert store.get_feature_blobs([key]) == {key: b"features"}
        assert store.count_features() == 1  # the refused write counted nothing
        assert store.story_of(QUAKE_NORTH_A.id) == "story-one"


def test_a_read_story_table_has_room_so_new_articles_and_stories_copy_no_array(tmp_path):
    keys = np.arange(1, 5001)
    stories = [f"s{k % 700}" for k in keys.tolist()]
    table = StoryTable.from_rows(keys, np.full(len(keys), 10.0), stories)
    table.save(tmp_path, {"grouping": 1})
    for opened in (table, StoryTable.load(tmp_path, {"grouping": 1})):
        per_key, per_story = opened.story, opened.first
        opened.assign(5001, "s3", 11.0)  # joins a story
        opened.assign(5002, "a-new-story", 12.0)  # opens one
        assert opened.story is per_key and opened.first is per_story  # no array was grown
        assert opened.span("s3", 2).recent == [4903, 5001]
        assert opened.span("a-new-story", 5) == StorySpan(5002, 12.0, 12.0, [5002])
        assert len(opened) == 5002 and opened.story_of_key(5003) is None
    table.save(tmp_path, {"grouping": 2})  # the spare room is not saved
    assert len(np.load(tmp_path / "stories.story.npy")) == 5003
    assert len(np.load(tmp_path / "stories.first.npy")) == 701


def test_a_batch_checkpoints_the_log_when_it_ends_not_inside_a_write(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        database = store._db
        with store.batch():
            # SQLite's own checkpoint would run inside whichever commit crosses its page count
            assert database.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
            store.put_article(QUAKE_NORTH_A)
        assert database.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        # Checkpointed at the end of the batch: the log holds nothing not yet in the file.
        busy, logged, copied = database.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert busy == 0 and logged == copied
        assert store.put_article(QUAKE_NORTH_A) == "unchanged"  # one JSON, hashed and stored
        assert store.get_article("quake-north-a") == QUAKE_NORTH_A
