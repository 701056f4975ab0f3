"""The SQLite store: idempotent ingest, incremental story assignment, saved stories."""

from __future__ import annotations

from grouping_fixtures import COUNCIL_VOTE, QUAKE_NORTH_A, QUAKE_NORTH_B, QUAKE_SOUTH_A
from newsprism.model import Entity, Fact, FactValue, SourceSpan, Story
from newsprism.store import Store, ingest, open_store
from newsprism.store.sqlite import SCHEMA_VERSION


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
