"""Periodic consolidation of the stream: the batch pair model over a recent window, reconciled
with the stories by logged merges and moves that can be undone."""

from __future__ import annotations

from grouping_fixtures import ALL, COUNCIL_VOTE, QUAKE_NORTH_A, QUAKE_NORTH_B, QUAKE_SOUTH_A
from newsprism.group import StoryAssigner, group
from newsprism.group.stream_consolidate import Move, reconcile
from newsprism.store import GroupingSession, ingest, open_store
from test_streaming import BOTH, DOCKS, FIRE


def _partition(stories) -> set[frozenset[str]]:
    return {frozenset(members) for members in stories}


def test_reconcile_merges_stories_whose_members_the_batch_puts_together():
    # Stories a (keys 0, 1) and b (key 2) all in batch cluster 0: b joins the older a.
    plan = reconcile([0, 1, 2], {0: "a", 1: "a", 2: "b"}, [0, 0, 0], {"a": 0, "b": 2},
                     lambda key: f"new-{key}")
    assert plan.merges == [("a", "b")] and plan.moves == []


def test_reconcile_moves_a_member_the_batch_separates_into_a_new_story():
    # Story a holds keys 0-2; the batch puts key 1 apart: it leaves for a story of its own.
    plan = reconcile([0, 1, 2], {0: "a", 1: "a", 2: "a"}, [0, 1, 0], {"a": 0},
                     lambda key: f"new-{key}")
    assert plan.merges == [] and plan.moves == [Move(1, "a", "new-1")]


def test_reconcile_moves_a_member_into_the_story_whose_home_is_its_cluster():
    # a's members mostly in cluster 0, b's in cluster 1; a's key 2 sits with b: it moves to b.
    plan = reconcile([0, 1, 2, 3, 4], {0: "a", 1: "a", 2: "a", 3: "b", 4: "b"},
                     [0, 0, 1, 1, 1], {"a": 0, "b": 3}, lambda key: f"new-{key}")
    assert plan.merges == [] and plan.moves == [Move(2, "a", "b")]


def test_without_new_arrivals_a_consolidation_does_nothing():
    assigner = StoryAssigner()
    assert assigner.consolidate() == (0, 0)
    for article in ALL:
        assigner.add(article)
    assigner.consolidate()
    before = assigner.stories
    assert assigner.pending == 0 and assigner.consolidate() == (0, 0)
    assert assigner.stories == before


def test_a_consolidation_merges_two_stories_the_batch_joins_and_logs_the_merge():
    assigner = StoryAssigner()
    fire, docks = assigner.add(FIRE), assigner.add(DOCKS)
    assert fire != docks  # the stream alone keeps them apart
    assert len(group([FIRE, DOCKS])) == 1  # the batch model joins them
    assert assigner.consolidate() == (1, 0)
    assert assigner.story_of(DOCKS.id) == assigner.story_of(FIRE.id) == fire  # the older kept
    (kept, absorbed, article, score), = assigner.state.merge_log
    assert (kept, absorbed, article) == (fire, docks, DOCKS.id) and score >= 0.35


def test_consolidated_written_articles_match_the_batch():
    assigner = StoryAssigner()
    for article in ALL:
        assigner.add(article)
    assigner.consolidate()
    assert _partition(assigner.stories.values()) == _partition(s.articles for s in group(ALL))


def test_a_consolidation_splits_off_a_wrongly_joined_article_and_the_split_can_be_undone(
    tmp_path,
):
    with open_store(tmp_path / "s.db") as store:
        ingest(store, [QUAKE_NORTH_A, QUAKE_NORTH_B, COUNCIL_VOTE], consolidate_every=0)
        north = store.story_of(QUAKE_NORTH_A.id)
        assert store.story_of(QUAKE_NORTH_B.id) == north
        assert store.story_of(COUNCIL_VOTE.id) != north
        session = GroupingSession(store)
        store.put_article(QUAKE_SOUTH_A)
        session.assigner.add(QUAKE_SOUTH_A, key=store.article_key(QUAKE_SOUTH_A.id))
        south = store.story_of(QUAKE_SOUTH_A.id)
        assert south != north
        # An editor-free way to get a wrong join: put the southern quake into the northern one.
        session.state.assign(store.article_key(QUAKE_SOUTH_A.id), north)
        assert store.story_of(QUAKE_SOUTH_A.id) == north

        merged, moved = session.assigner.consolidate()
        session.save()
        assert (merged, moved) == (0, 1)
        split_story = store.story_of(QUAKE_SOUTH_A.id)
        assert split_story not in (north, south)
        assert store.story_of(QUAKE_NORTH_A.id) == store.story_of(QUAKE_NORTH_B.id) == north
        reopened = GroupingSession(store)  # the saved story table follows the store
        keys = {a: store.article_key(a) for a in store.article_ids()}
        assert reopened.state.table.stories_of(list(keys.values())) == {
            key: store.story_of(a) for a, key in keys.items()}
        (record,) = store.merges()  # logged as a merge that moved only the split article
        assert (record.kept_story, record.absorbed_story) == (split_story, north)
        assert record.moved == [QUAKE_SOUTH_A.id] and record.article == QUAKE_SOUTH_A.id

        store.undo_merge(record.id)
        assert store.story_of(QUAKE_SOUTH_A.id) == north  # back where it was

    with open_store(tmp_path / "s.db") as store:
        # The undone split is an editor's decision: a later consolidation does not redo it.
        result = ingest(store, [QUAKE_SOUTH_A.model_copy(update={"id": "south-again"})],
                        consolidate_every=1)
        assert store.story_of(QUAKE_SOUTH_A.id) == north
        assert all(record.moved != [QUAKE_SOUTH_A.id] for record in store.merges()
                   if record.id in result.merges)


def test_ingest_consolidates_and_a_second_ingest_of_the_same_articles_changes_nothing(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        first = ingest(store, [FIRE, DOCKS, BOTH], consolidate_every=1)
        assert len(set(first.stories.values())) == 1
        merges, memberships = store.merges(), store.memberships()
    with open_store(path) as store:
        again = ingest(store, [FIRE, DOCKS, BOTH], consolidate_every=1)
        assert again.added == [] and again.merges == [] and again.stories == first.stories
        assert store.merges() == merges and store.memberships() == memberships


def test_a_window_keeps_every_member_of_a_short_story_and_fewer_when_over_its_limit():
    from scipy.sparse import csr_matrix

    from newsprism.group.stream_consolidate import _window
    from newsprism.group.stream_features import ArticleFeatures
    from newsprism.group.stream_state import MemoryState

    state = MemoryState(8)
    empty = csr_matrix((1, 8))
    for key, story in enumerate(["a", "a", "a", "b", "b", "b", "b", "b"]):
        state.remember(key, f"article-{key}", ArticleFeatures(empty, empty, None), None)
        state.assign(key, story)
    assert _window(state, [2], members=4, limit=100) == {0, 1, 2}  # shorter than 4: all
    assert _window(state, [2, 7], members=4, limit=100) == {0, 1, 2, 4, 5, 6, 7}
    assert _window(state, [2, 7], members=4, limit=5) == {1, 2, 6, 7}  # two of each fit
    assert _window(state, [2, 7], members=4, limit=1) == {2, 7}  # the seeds stay


def test_api_ingest_compares_again_the_stories_a_consolidation_changed(tmp_path):
    from newsprism import api

    with open_store(tmp_path / "s.db") as store:
        api.ingest(store, [FIRE], consolidate_every=0)
        fire_story = store.story_of(FIRE.id)
        result = api.ingest(store, [DOCKS], consolidate_every=1)
        assert result.merges and store.story_of(DOCKS.id) == fire_story
        assert store.load_story(fire_story).articles == [FIRE.id, DOCKS.id]


def test_the_command_line_takes_the_consolidation_period(tmp_path):
    import json

    from newsprism.cli import main

    db, out = str(tmp_path / "s.db"), str(tmp_path / "i.jsonl")
    for article in (FIRE, DOCKS):
        path = tmp_path / f"{article.id}.jsonl"
        path.write_text(json.dumps({"id": article.id, "text": article.text,
                                    "published": article.published}) + "\n", encoding="utf-8")
        assert main(["ingest", str(path), "--db", db, "--out", out,
                     "--consolidate-every", "0"]) == 0
    with open_store(db) as store:
        assert store.merges() == []  # nothing re-checked, nothing merged


def test_a_consolidation_does_not_merge_stories_more_than_the_quiet_period_apart():
    from newsprism.group import GroupSettings

    # Five days on, the batch model still joins the two (its date factor alone does not part them).
    later = DOCKS.model_copy(update={"id": "docks-later", "published": "2024-05-11"})
    stories = {}
    for quiet_days in (3.0, 30.0):
        assigner = StoryAssigner(GroupSettings(quiet_days=quiet_days))
        fire, docks = assigner.add(FIRE), assigner.add(later)
        assert fire != docks
        assigner.consolidate()
        stories[quiet_days] = assigner.story_of(later.id)
    assert stories[3.0] == docks  # the fire story closed two days before it
    assert stories[30.0] == fire  # the same window, the fire story still open: merged
