"""The learned filter over the rules' attributions (sentences written for these tests)."""

from __future__ import annotations

import math

from newsprism.read import claim_filter, quotes
from newsprism.read.linear_model import SparseLogistic
from quote_fixtures import read_quotes

PLAIN = "Ann Ortiz said the harbour toll would rise next year."


def _attributions(text: str, monkeypatch) -> list:
    """Each attribution the rules make in ``text``, with its features, nothing dropped."""
    seen = []

    def record(article, doc, drafts, model=None):
        seen.extend(claim_filter.attributions(article, doc, drafts))
        return drafts

    with monkeypatch.context() as patch:
        patch.setattr(quotes, "drop_unlikely", record)
        read_quotes(text)
    return seen


def _flat(probability: float, threshold: float = 0.3) -> SparseLogistic:
    """A model giving every attribution the same probability."""
    return SparseLogistic({}, math.log(probability / (1 - probability)), threshold)


def test_the_shipped_model_loads_with_its_training_record():
    model = claim_filter.shipped()
    assert model.weights and 0 < model.threshold < 0.5
    assert {"command", "data", "date"} <= set(model.about)


def test_a_plain_said_is_kept(monkeypatch):
    ((members, row),) = _attributions(PLAIN, monkeypatch)
    assert claim_filter.shipped().probability(row) > 0.6
    assert [q.text for q in read_quotes(PLAIN).quotes] == ["the harbour toll would rise next year"]


def test_a_quote_in_marks_is_never_dropped(monkeypatch):
    text = "“The toll is a disgrace,” Ann Ortiz said. She said the port would close in May."
    monkeypatch.setattr(claim_filter, "shipped", lambda: _flat(0.01))
    assert [q.kind for q in read_quotes(text).quotes] == ["direct"]


def test_a_short_object_of_a_relative_clause_is_dropped_and_explained(monkeypatch):
    # "that approved the toll": two words of a longer sentence, a relative pronoun for a subject,
    # a cue hanging on a noun: PolNeAR rarely counts these, and never with "that" as the source
    text = "A board that approved the toll is now asking for more."
    attributions = _attributions(text, monkeypatch)
    row = next(r for m, r in attributions if "kind|lemma=indirect|approve" in r)
    model = claim_filter.shipped()
    assert model.probability(row) < model.threshold
    why = dict(model.explain(row, top=8))
    assert why["subject=pronoun:that"] < 0 and why["share=≤2"] < 0
    assert [q.text for q in read_quotes(text).quotes if q.text == "the toll"] == []
