"""Attributions proposed by the learned model on cues no rule lists (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from newsprism.read import learned_claims
from newsprism.read.learned_claims import MODEL_PATH, claim_model, known_lemmas
from newsprism.read.linear_model import SparseLogistic
from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


def _cues(article) -> list[str]:
    return [article.text[q.cue.start : q.cue.end] for q in article.quotes if q.cue]


@pytest.fixture
def eager_model(monkeypatch):
    """A model that takes every candidate of "back" and "vote": what the proposer may take is
    then decided by its own limits, not by the weights."""
    model = SparseLogistic({"lemma=back": 4.0, "lemma=vote": 4.0}, bias=0.0, threshold=0.5)
    monkeypatch.setattr(learned_claims, "claim_model", lambda: model)
    return model


def test_a_cue_inside_what_a_rule_attributes_is_left_to_that_rule(eager_model):
    article = read_quotes("Ann Ortiz said the council backed the harbour plan in May.")
    assert "backed" not in _cues(article)
    assert [words for words, _ in _reported(article)] == [
        "the council backed the harbour plan in May"
    ]


def test_one_proposal_per_cue_and_none_overlapping(eager_model):
    article = read_quotes("The council backed the harbour plan in May after a long debate.")
    proposed = [
        q for q in article.quotes if q.cue and article.text[q.cue.start : q.cue.end] == "backed"
    ]
    assert len(proposed) == 1
    spans = sorted((q.start, q.end) for q in article.quotes)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


def test_the_speaker_of_a_proposal_is_the_cue_subject(eager_model):
    article = read_quotes("Senator Ann Ortiz voted against the harbour bill on Tuesday.")
    pairs = _reported(article)
    assert len(pairs) == 1
    assert pairs[0][1] == "Ann Ortiz"


def test_the_shipped_model_takes_a_released_report_not_released_fish():
    taken = read_quotes("The mayor released a report on the harbour tax.")
    assert _reported(taken) == [("a report on the harbour tax", "The mayor")]
    assert _reported(read_quotes("The mayor released the fish into the harbour.")) == []


def test_the_shipped_model_takes_what_someone_looks_to_do_not_what_they_look_at():
    taken = read_quotes("Ann Ortiz is looking to cut the harbour tax.")
    assert _reported(taken) == [("to cut the harbour tax", "Ann Ortiz")]
    assert _reported(read_quotes("Ann Ortiz is looking at the boats in the harbour.")) == []


def test_the_shipped_model_takes_an_embraced_plan_not_an_embraced_daughter():
    taken = read_quotes("Ann Ortiz embraced the harbour plan.")
    assert _reported(taken) == [("the harbour plan", "Ann Ortiz")]
    assert _reported(read_quotes("Ann Ortiz embraced her daughter at the harbour.")) == []


def test_the_shipped_model_takes_a_signed_bill_not_a_signed_name():
    taken = read_quotes("Ann Ortiz signed the harbour bill into law.")
    assert _reported(taken) == [("the harbour bill", "Ann Ortiz")]
    assert _reported(read_quotes("Ann Ortiz signed her name in the book at the harbour.")) == []


def test_the_shipped_model_loads_and_knows_its_cues():
    model = claim_model()
    assert {"vote", "embrace", "release"} <= known_lemmas(model)
    assert model.about["data"] == "PolNeAR train"
    assert 0.0 < model.threshold < 1.0


def test_a_broken_model_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "claims.json"
    path.write_text('{"weights": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match="claims.json"):
        claim_model(path)
    assert MODEL_PATH.name == "claims.json"


def test_every_reported_attribution_carries_the_models_confidence_and_marked_quotes_none(
    eager_model,
):
    article = read_quotes(
        'Ann Ortiz said the ferry would run again. "We will be ready," she added. '
        "The council voted for the harbour plan in May."
    )
    by_cue = {article.text[q.cue.start : q.cue.end]: q for q in article.quotes if q.cue}
    assert 0.0 < by_cue["said"].confidence < 1.0  # judged by the claim filter
    assert by_cue["voted"].confidence == pytest.approx(eager_model.probability({"lemma=vote": 1}))
    assert by_cue["added"].confidence is None  # words in marks are never judged
