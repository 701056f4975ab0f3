"""Story grouping: batch clustering, the incremental assigner, features, B³, dataset loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from grouping_fixtures import (
    ALL,
    COUNCIL_VOTE,
    QUAKE_NORTH_A,
    QUAKE_NORTH_B,
    QUAKE_SOUTH_A,
    QUAKE_SOUTH_B,
    make_article,
)
from newsprism.group import GroupSettings, StoryAssigner, group, story_id_for
from newsprism.group.features import entity_keys, published_day
from newsprism.group.metrics import b_cubed
from newsprism.model import Mention

SHARED = Path(__file__).parents[1] / ".." / "shared"
EXPECTED = {
    frozenset({"quake-north-a", "quake-north-b"}),
    frozenset({"quake-south-a", "quake-south-b"}),
    frozenset({"council-vote"}),
}


def _partition(stories) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def _undated(articles):
    return [a.model_copy(update={"published": None}) for a in articles]


def test_one_event_told_twice_merges_and_look_alike_events_stay_apart():
    stories = group(ALL)
    assert _partition(stories) == EXPECTED
    assert sorted(a for s in stories for a in s.articles) == sorted(a.id for a in ALL)


def test_grouping_without_dates_still_separates_the_two_earthquakes():
    assert _partition(group(_undated(ALL))) == EXPECTED


def test_same_place_a_month_later_is_another_story():
    later = QUAKE_NORTH_B.model_copy(update={"id": "quake-north-later", "published": "2024-04-09"})
    stories = group([QUAKE_NORTH_A, later])
    assert len(stories) == 2


def test_story_ids_are_deterministic_and_articles_in_publication_order():
    late = QUAKE_NORTH_A.model_copy(update={"published": "2024-03-05T18:00:00"})
    early = QUAKE_NORTH_B.model_copy(update={"published": "2024-03-05T07:30:00"})
    first = group([late, early])
    assert first == group([early, late])
    (story,) = first
    assert story.articles == ["quake-north-b", "quake-north-a"]
    assert story.id == story_id_for("quake-north-b")
    assert story.title == "Rescuers dig through rubble after deadly Velmora quake"


def test_edge_cases_empty_single_and_repeated_ids():
    assert group([]) == []
    (alone,) = group([COUNCIL_VOTE])
    assert alone.articles == ["council-vote"]
    (story,) = group([COUNCIL_VOTE, COUNCIL_VOTE])
    assert story.articles == ["council-vote"]


def test_assigner_matches_batch_and_reuses_stories():
    assigner = StoryAssigner()
    assigned = {a.id: assigner.add(a) for a in ALL}
    assert assigned["quake-north-a"] == assigned["quake-north-b"]
    assert assigned["quake-south-a"] == assigned["quake-south-b"]
    assert len(set(assigned.values())) == 3
    assert assigner.add(QUAKE_NORTH_A) == assigned["quake-north-a"]  # already seen: same answer
    assert assigner.stories[assigned["quake-south-a"]] == ["quake-south-a", "quake-south-b"]


def test_assigner_closes_a_story_after_the_quiet_period():
    assigner = StoryAssigner(GroupSettings(quiet_days=7))
    first = assigner.add(QUAKE_NORTH_A)
    week_later = QUAKE_NORTH_B.model_copy(update={"id": "n-week", "published": "2024-03-10"})
    month_later = QUAKE_NORTH_B.model_copy(update={"id": "n-month", "published": "2024-04-25"})
    assert assigner.add(week_later) == first
    assert assigner.add(month_later) != first


def test_restore_keeps_known_membership():
    assigner = StoryAssigner()
    assigner.restore(QUAKE_SOUTH_A, "story-known")
    assert assigner.add(QUAKE_SOUTH_B) == "story-known"
    assert assigner.add(COUNCIL_VOTE) != "story-known"


def test_seed_articles_form_one_story():
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if len(seeds) < 2:
        pytest.skip("seed articles not available")
    from newsprism.ingest import from_text

    articles = [from_text(p.read_text(encoding="utf-8"), id=p.stem) for p in seeds]
    (story,) = group(articles)
    assert set(story.articles) == {p.stem for p in seeds}
    assigner = StoryAssigner()
    assert len({assigner.add(a) for a in articles}) == 1


def test_entity_keys_prefer_mentions_and_fall_back_to_capitalised_runs():
    article = make_article("m", "Talks resume", "Mr Ansel Brook met the Quorra Union in Kestrel.")
    fallback = entity_keys(article)
    assert {"ansel", "brook", "quorra", "union", "kestrel"} <= set(fallback)
    assert "mr" not in fallback and "talks" not in fallback  # honorific; sentence-initial word
    start = article.text.index("Ansel")
    article.mentions = [
        Mention(start=start, end=start + 11, text="Ansel Brook", label="PERSON"),
        Mention(start=0, end=5, text="Talks", label="DATE"),  # not a name label: ignored
    ]
    assert set(entity_keys(article)) == {"ansel", "brook"}


def test_name_cosine_counted_once_equals_sklearn_tfidf():
    # pair_features vectorises names once (key_counts) for the global and the local cosine; the
    # global one must stay exactly what a sublinear TfidfVectorizer over the same keys gives.
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsprism.group.similarity import key_counts, words_cosine

    keys = [entity_keys(a) for a in ALL]
    expanded = [[k for k, c in sorted(row.items()) for _ in range(c)] for row in keys]
    matrix = TfidfVectorizer(sublinear_tf=True, analyzer=lambda row: row).fit_transform(expanded)
    expected = (matrix @ matrix.T).toarray()
    assert np.allclose(words_cosine(key_counts(keys)), expected)
    assert expected[0, 3] > 0  # one quake told twice shares names: the check is not vacuous


def test_published_day_precision():
    assert published_day(make_article("a", "t", "b", published="2024-03-05")) == 738950.0
    assert published_day(make_article("a", "t", "b", published="2024-03-05T12:00:00Z")) == 738950.5
    assert published_day(make_article("a", "t", "b", published="2024-03")) is None
    assert published_day(make_article("a", "t", "b")) is None


def test_b_cubed_known_values():
    perfect = b_cubed(["x", "x", "y"], ["a", "a", "b"])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    lumped = b_cubed(["x", "x", "x", "x"], ["a", "a", "b", "b"])
    assert lumped.precision == pytest.approx(0.5) and lumped.recall == 1.0
    split = b_cubed(["w", "x", "y", "z"], ["a", "a", "b", "b"])
    assert split.precision == 1.0 and split.recall == pytest.approx(0.5)
    assert split.f1 == pytest.approx(2 / 3)


def test_dataset_loaders_and_split():
    data = SHARED / "data"
    if not (data / "ecbplus").is_dir() or not (data / "basil").is_dir():
        pytest.skip("benchmark data not available")
    from newsprism.group.datasets import ecbplus_label, load_basil, read_ecbplus_file

    path = next((data / "ecbplus" / "topics" / "3").glob("3_*ecbplus.xml"))
    article = read_ecbplus_file(path)
    assert ecbplus_label(path) == "3-ecbplus"
    assert article.url and not article.text.lower().startswith("http")
    assert " ." not in article.text and " ," not in article.text  # tokens rejoined
    assert all(article.text[p.start : p.end].strip() for p in article.paragraphs)
    train = load_basil(data / "basil", "train")
    heldout = load_basil(data / "basil", "heldout")
    assert not set(train.labels) & set(heldout.labels)
    everything = load_basil(data / "basil")
    assert len(set(train.labels)) + len(set(heldout.labels)) == len(set(everything.labels))
    assert train.articles[0].published and train.articles[0].title
