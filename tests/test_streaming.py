"""Incremental, time-aware grouping over a store: duplicates, quiet periods, bridging merges and
their undo, the persisted index, and agreement with batch grouping on small written articles."""

from __future__ import annotations

import itertools
import random
import shutil

import numpy as np
import pytest

from grouping_fixtures import ALL, QUAKE_NORTH_A, QUAKE_NORTH_B, make_article
from newsprism.group import GroupSettings, StoryAssigner, group
from newsprism.group.stream_score import STREAM_THRESHOLD
from newsprism.store import ingest, open_store

FIRE = make_article(
    "fire-warehouses", "Fire destroys three warehouses at Port Edla",
    "A fire destroyed three warehouses at Port Edla overnight, Fire Chief Tomas Reyne said on "
    "Monday.\nReyne said forty firefighters fought the blaze for six hours and that the cause was "
    "not yet known. Stored timber and paint fed the flames, he said, and smoke drifted over the "
    "harbour.",
    published="2024-05-06",
)
DOCKS = make_article(
    "docks-closed", "Shipping halted as smoke drifts over harbour",
    "Harbour Master Ines Calloway halted all shipping at the docks on Monday as thick smoke "
    "drifted across the harbour.\nCalloway said six cargo vessels were waiting offshore and the "
    "port would reopen once the smoke cleared.",
    published="2024-05-06",
)
# Tells both halves: the fire and the closed port. It joins the fire story and bridges the two.
BOTH = make_article(
    "fire-halts-port", "Port Edla warehouse fire halts shipping",
    "Three warehouses burned at Port Edla overnight and Harbour Master Ines Calloway halted "
    "shipping at the docks while smoke covered the harbour.\nFire Chief Tomas Reyne said forty "
    "firefighters fought the fire for six hours; Calloway said six cargo vessels were waiting "
    "offshore.",
    published="2024-05-06",
)


def _snapshot(store) -> tuple:
    features = [(f.key, f.features, f.vector) for f in store.iter_features()]
    return (store.memberships(), features, store.get_state("document_frequencies"),
            store.merges(), [s.articles for s in store.stories()])


def test_a_duplicate_ingest_changes_nothing(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        first = ingest(store, ALL)
        before = _snapshot(store)
    with open_store(path) as store:
        again = ingest(store, [*ALL, *ALL])
        assert again.added == [] and sorted(set(again.unchanged)) == sorted(a.id for a in ALL)
        assert again.stories == first.stories and again.merges == []
        assert _snapshot(store) == before


def test_a_bridging_article_merges_two_stories_and_the_merge_can_be_undone(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        # Consolidation off: it would join the two as the batch does (see test_consolidation).
        placed = ingest(store, [FIRE, DOCKS], consolidate_every=0).stories
        fire_story, docks_story = placed["fire-warehouses"], placed["docks-closed"]
        assert fire_story != docks_story  # too little in common on their own

        result = ingest(store, [BOTH], consolidate_every=0)
        (merge_id,) = result.merges
        (record,) = store.merges()
        assert record.id == merge_id and record.undone_at is None
        assert (record.kept_story, record.absorbed_story) == (fire_story, docks_story)
        assert record.article == "fire-halts-port" and record.moved == ["docks-closed"]
        assert record.score >= STREAM_THRESHOLD and record.merged_at
        assert result.stories == {"fire-halts-port": fire_story}
        assert {store.story_of(a.id) for a in (FIRE, DOCKS, BOTH)} == {fire_story}

        undone = store.undo_merge(merge_id)
        assert undone.undone_at is not None and store.merges()[0].undone_at is not None
        assert store.story_of("docks-closed") == docks_story
        assert store.story_of("fire-warehouses") == store.story_of("fire-halts-port") == fire_story
        with pytest.raises(ValueError):
            store.undo_merge(merge_id)
        with pytest.raises(ValueError):
            store.undo_merge(999)

        # An undone merge is an editor's decision: another bridging article does not redo it.
        again = BOTH.model_copy(update={"id": "fire-halts-port-2"})
        assert ingest(store, [again]).merges == []
        assert store.story_of("docks-closed") == docks_story


def test_the_quiet_period_opens_a_new_story_and_the_new_one_stays_open(tmp_path):
    month_later = QUAKE_NORTH_B.model_copy(update={"id": "north-again", "published": "2024-04-16"})
    follow_up = QUAKE_NORTH_A.model_copy(update={"id": "north-again-2", "published": "2024-04-18"})
    with open_store(tmp_path / "s.db") as store:
        first = ingest(store, [QUAKE_NORTH_A]).stories["quake-north-a"]
        later = ingest(store, [month_later, follow_up]).stories
        assert later["north-again"] != first
        assert later["north-again-2"] == later["north-again"]


def test_the_index_is_kept_beside_the_store_and_rebuilt_when_lost(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        story = ingest(store, [QUAKE_NORTH_A, ALL[2]]).stories["quake-north-a"]
    index_folder = tmp_path / "s.db.index"
    assert (index_folder / "meta.json").is_file()
    shutil.rmtree(index_folder)
    with open_store(path) as store:  # rebuilt from the stored compact vectors
        assert ingest(store, [QUAKE_NORTH_B]).stories == {"quake-north-b": story}
    assert (index_folder / "meta.json").is_file()


def test_a_store_without_features_gets_them_once(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        story = ingest(store, [QUAKE_NORTH_A]).stories["quake-north-a"]
        # What a store written before features were kept looks like.
        store._db.execute("DELETE FROM article_features")
        store._db.execute("DELETE FROM group_state")
        store._db.commit()
    shutil.rmtree(tmp_path / "s.db.index")
    with open_store(path) as store:
        assert ingest(store, [QUAKE_NORTH_B]).stories == {"quake-north-b": story}
        assert store.count_features() == 2


def _partition(stories) -> set[frozenset[str]]:
    return {frozenset(members) for members in stories}


def test_streaming_in_any_arrival_order_matches_batch():
    batch = _partition(s.articles for s in group(ALL))
    orders = list(itertools.permutations(ALL))
    for order in random.Random(0).sample(orders, 12):
        assigner = StoryAssigner()
        for article in order:
            assigner.add(article)
        assert _partition(assigner.stories.values()) == batch


def test_sessions_over_a_store_decide_as_one_assigner_in_memory(tmp_path):
    order = random.Random(1).sample(ALL, len(ALL))
    assigner = StoryAssigner()
    for article in order:
        assigner.add(article)
    path = tmp_path / "s.db"
    halfway = len(order) // 2
    for part in (order[:halfway], order[halfway:]):  # a fresh session goes on from the saved one
        with open_store(path) as store:
            ingest(store, part)
    with open_store(path) as store:
        stored = _partition(s.articles for s in store.stories())
    assert stored == _partition(assigner.stories.values())


def _hashed_with_frequencies(settings):
    """Every fixture article's hashed features, and document frequencies counted over all."""
    from newsprism.group.stream_features import DocumentFrequencies, FeatureHashing

    hashed = [FeatureHashing(settings).features(a) for a in ALL]
    frequencies = DocumentFrequencies(settings.hash_features)
    for features in hashed:
        frequencies.add(features)
    return hashed, frequencies


def test_stream_features_over_a_whole_batch_are_the_batch_pair_features():
    from newsprism.group.similarity import PAIR_FEATURES, pair_features
    from newsprism.group.stream_score import local_pair_features

    settings = GroupSettings()
    hashed, frequencies = _hashed_with_frequencies(settings)
    stream = local_pair_features(hashed, frequencies, settings, every_group=True)
    batch = pair_features(ALL, settings)
    off_diagonal = ~np.eye(len(ALL), dtype=bool)
    for name in [*PAIR_FEATURES, "base"]:
        if name != "shared_neighbours":  # not computed: the stream's model leaves it out
            assert np.allclose(stream[name][off_diagonal], batch[name][off_diagonal],
                               atol=1e-6), name


def test_stored_features_round_trip_and_older_rows_still_read():
    from newsprism.group.stream_features import ArticleFeatures, FeatureHashing

    features = FeatureHashing(GroupSettings()).features(QUAKE_NORTH_A)
    assert features.numbers.nnz and features.years.nnz == 0 and features.lead_names.nnz
    again = ArticleFeatures.from_bytes(features.to_bytes(), features.day)
    for kind in ("words", "names", "lead", "lead_names", "numbers", "years"):
        assert np.array_equal(again.row(kind).indices, features.row(kind).indices)
        assert np.allclose(again.row(kind).data, features.row(kind).data)
    # Before lead, number and year rows: two lengths, then words and names.
    old = b"".join(a.tobytes() for a in (
        np.array([features.words.nnz, features.names.nnz], np.int32),
        features.words.indices, features.words.data, features.names.indices, features.names.data))
    (read,) = ArticleFeatures.many_from_bytes([old], [None])
    assert np.array_equal(read.names.indices, features.names.indices) and read.lead.nnz == 0


def test_features_read_together_keep_each_articles_flat_rows_and_day():
    from newsprism.group.stream_features import ArticleFeatures, FeatureHashing

    hashing = FeatureHashing(GroupSettings())
    written = [hashing.features(article) for article in (QUAKE_NORTH_A, FIRE, DOCKS)]
    read = ArticleFeatures.many_from_bytes([f.to_bytes() for f in written], [1.0, None, 3.5])
    assert [f.day for f in read] == [1.0, None, 3.5]
    for original, again in zip(written, read, strict=True):
        assert np.array_equal(again.flat().keys, original.flat().keys)
        assert np.array_equal(again.flat().data, original.flat().data)
        assert again.flat().lengths == original.flat().lengths
        assert again.to_bytes() == original.to_bytes()  # rows made back from the flat ones


def test_local_topic_groups_are_the_batch_average_link_groups():
    from newsprism.group.similarity import topic_groups
    from newsprism.group.stream_score import average_link_groups

    rng = np.random.default_rng(0)
    for _ in range(20):
        scores = rng.random((12, 12)) ** 3
        scores = (scores + scores.T) / 2
        np.fill_diagonal(scores, 1.0)
        assert sorted(average_link_groups(scores, 0.2)) == sorted(topic_groups(scores, 0.2))


def test_the_new_articles_topic_group_is_its_average_link_group():
    from newsprism.group.stream_score import average_link_groups, first_topic_group

    rng = np.random.default_rng(1)
    for size in (3, 5, 12, 20):
        for _ in range(20):
            scores = rng.random((size, size)) ** 3
            scores = (scores + scores.T) / 2
            np.fill_diagonal(scores, 1.0)
            (holding_first,) = [g for g in average_link_groups(scores, 0.2) if g[0] == 0]
            assert first_topic_group(scores, 0.2) == holding_first


def test_date_factors_of_a_local_batch_are_the_batch_ones():
    from newsprism.group.similarity import date_factors
    from newsprism.group.stream_score import _date_factors

    settings = GroupSettings()
    for days in ([10.0, 11.5, 30.0, 12.0], [10.0, None, 40.0, None], [None, None]):
        assert np.array_equal(_date_factors(days, settings), date_factors(days, settings))


def test_a_duplicate_given_as_features_changes_nothing():
    from newsprism.group.stream_features import FeatureHashing

    assigner = StoryAssigner()
    features = FeatureHashing(assigner.settings).features(QUAKE_NORTH_A)
    story = assigner.add_features(QUAKE_NORTH_A.id, features)
    count, indexed = assigner.state.frequencies.count, len(assigner.index)
    assert assigner.add_features(QUAKE_NORTH_A.id, features) == story
    assert (assigner.state.frequencies.count, len(assigner.index)) == (count, indexed)
    assert assigner.stories == {story: [QUAKE_NORTH_A.id]}


def test_simple_scores_against_no_earlier_article_are_empty():
    from newsprism.group.stream_features import DocumentFrequencies, FeatureHashing
    from newsprism.group.stream_score import base_scores

    settings = GroupSettings()
    features = FeatureHashing(settings).features(QUAKE_NORTH_A)
    frequencies = DocumentFrequencies(settings.hash_features)
    frequencies.add(features)
    assert base_scores(features, [], frequencies, settings).shape == (0,)


def test_memory_spans_follow_keys_as_the_store_table_does():
    from newsprism.group.stream_state import MemoryState
    from newsprism.store.table import StoryTable

    memory, table = MemoryState(GroupSettings().hash_features), StoryTable()
    for key in (5, 3, 7):  # keys may arrive out of order
        memory._features[key] = StoryAssigner().hashing.features(QUAKE_NORTH_A)
        memory.assign(key, "story-a")
        table.assign(key, "story-a", memory._features[key].day)
    memory.assign(7, "story-b")  # moved by hand
    table.assign(7, "story-b", memory._features[7].day)
    for recent in (0, 1, 2, 3, 12):
        assert memory.story_span("story-a", recent) == table.span("story-a", recent)
    # asking for a few more members than a story has gives all of them, not the last few
    assert memory.story_span("story-a", 3).recent == [3, 5]
    assert memory.story_span("story-a", 12).first_key == 3
    assert memory.stories_of([3, 5, 7]) == {3: "story-a", 5: "story-a", 7: "story-b"}


def test_local_topic_groups_with_whole_components_and_singletons():
    from newsprism.group.similarity import topic_groups
    from newsprism.group.stream_score import average_link_groups

    # A component whose every pair reaches the threshold (one group without clustering), a pair,
    # a single row, and a chain whose ends are far apart (clustered as usual).
    scores = np.full((9, 9), 0.01)
    scores[np.ix_([0, 1, 2, 3], [0, 1, 2, 3])] = 0.6
    scores[4, 5] = scores[5, 4] = 0.5
    scores[7, 8] = scores[8, 7] = 0.35
    scores[6, 7] = scores[7, 6] = 0.3
    np.fill_diagonal(scores, 1.0)
    groups = sorted(average_link_groups(scores, 0.2))
    assert groups == [[0, 1, 2, 3], [4, 5], [6], [7, 8]]
    assert groups == sorted(sorted(g) for g in topic_groups(scores, 0.2))


def test_simple_scores_and_first_row_features_match_the_whole_local_batch():
    from newsprism.group.stream_score import base_scores, local_pair_features

    settings = GroupSettings()
    hashed, frequencies = _hashed_with_frequencies(settings)
    everything = local_pair_features(hashed, frequencies, settings, every_group=True)
    focused = local_pair_features(hashed, frequencies, settings)
    # The new article's pairs are the same when only its topic group is computed.
    for name, values in everything.items():
        assert np.allclose(focused[name][0], values[0]), name
    assert np.allclose(base_scores(hashed[0], hashed[1:], frequencies, settings),
                       everything["base"][0, 1:])


def test_products_run_on_one_blas_thread_and_the_count_is_restored():
    from pathlib import Path

    from threadpoolctl import threadpool_info

    from newsprism.group.stream_score import _blas_libraries, one_blas_thread

    libraries = _blas_libraries()
    numpy_folder = str(Path(np.__file__).parent)
    numpy_own = [lib for lib in threadpool_info()
                 if lib["user_api"] == "blas" and lib["filepath"].startswith(numpy_folder)]
    # numpy's own BLAS when it ships one (a wheel), else every BLAS library loaded
    assert libraries and (not numpy_own or all(
        str(lib.filepath).startswith(numpy_folder) for lib in libraries))
    before = [lib.get_num_threads() for lib in libraries]
    with one_blas_thread():
        assert {lib.get_num_threads() for lib in libraries} == {1}
    assert [lib.get_num_threads() for lib in libraries] == before


def test_an_assigner_makes_its_one_time_tables_when_created_not_in_a_decision():
    from newsprism.group import index, stream_score

    index._signed_hashing.cache_clear()
    stream_score._blas_libraries.cache_clear()
    assigner = StoryAssigner(GroupSettings())
    assert index._signed_hashing.cache_info().currsize == 2  # words' and names' tables
    assert stream_score._blas_libraries.cache_info().currsize == 1
    assigner.add(QUAKE_NORTH_A)
    assert index._signed_hashing.cache_info().misses == 2  # the decision made none
