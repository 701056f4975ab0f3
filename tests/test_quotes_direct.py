"""Direct and partial quotes: which quoted words are speech and how far their content runs
(sentences written for these tests)."""

from __future__ import annotations

from newsprism.read.evaluation import predictions
from quote_fixtures import read_quotes


def _texts(article, kind=None):
    return [q.text for q in article.quotes if kind is None or q.kind == kind]


def test_a_scare_quote_in_the_sentence_after_a_cue_is_not_speech():
    article = read_quotes(
        "Ann Ortiz said on Monday that the talks would resume. The “harbour reset” has "
        "stalled for a year."
    )
    assert "harbour reset" not in _texts(article)
    assert _texts(article, "indirect") == ["the talks would resume"]


def test_a_scare_quote_beside_an_unrelated_cue_is_not_speech():
    article = read_quotes("Tom Baker, who said little, runs the “friendly” dock on the coast.")
    assert "friendly" not in _texts(article)


def test_a_fragment_the_verb_of_saying_governs_stays():
    article = read_quotes("Ann Ortiz called the plan “a quiet retreat” from the coast.")
    assert "a quiet retreat" in _texts(article, "partial")
    assert predictions(article)


def test_a_fragment_governed_by_a_verb_joined_to_the_cue_stays():
    article = read_quotes(
        "Ann Ortiz spent the week dismissing the council as a “closed shop” and calling its "
        "leader a coward."
    )
    assert "closed shop" in _texts(article)
