"""The learned content extent of the rules' reported clauses (read/learned_extent.py).

The shipped model is fitted on PolNeAR train; these tests pin what it may never do (cut quoted
words out, move a plain "X said that Y"), and show the stage acting on its choice with models
written by hand, sure of one kind of stretch.
"""

import pytest

from newsprism.read import learned_extent
from newsprism.read.linear_model import SparseLogistic
from quote_fixtures import read_quotes


def _indirect(article):
    return [q.text for q in article.quotes if q.kind == "indirect"]


@pytest.fixture
def sure_of(monkeypatch):
    """Replace the shipped model by one sure of every stretch found one way."""

    def install(source: str) -> None:
        model = SparseLogistic({f"source={source}": 20.0}, bias=-10.0, threshold=0.5)
        monkeypatch.setattr(learned_extent, "extent_model", lambda: model)

    return install


def test_a_plain_said_that_is_left_as_the_rules_made_it():
    article = read_quotes("Ann Ortiz said that the port will reopen in May.")
    assert _indirect(article) == ["the port will reopen in May"]


def test_a_too_long_stretch_is_cut_where_the_model_is_sure(sure_of):
    sure_of("cut:conj")
    article = read_quotes("Ann Ortiz said the port will reopen in May and the mayor agreed with her.")
    assert _indirect(article) == ["the port will reopen in May"]


def test_a_too_short_stretch_is_widened_where_the_model_is_sure(sure_of):
    sure_of("child:ccomp")  # the whole clause the verb of saying governs
    article = read_quotes("Tom Baker said he would scrap the harbour deal, which the council signed.")
    assert _indirect(article) == ["he would scrap the harbour deal, which the council signed"]


def test_quoted_words_are_never_cut_out(sure_of):
    sure_of("cut:punct")
    article = read_quotes(
        "Ann Ortiz said the deal was “fair, and long overdue” and the unions agreed."
    )
    (reported,) = _indirect(article)
    assert "fair, and long overdue" in reported


def test_a_model_unsure_of_every_stretch_changes_nothing(monkeypatch):
    model = SparseLogistic({}, bias=-10.0, threshold=0.5)
    monkeypatch.setattr(learned_extent, "extent_model", lambda: model)
    text = "Tom Baker said he would scrap the harbour deal, which the council signed in May."
    assert _indirect(read_quotes(text)) == ["he would scrap the harbour deal"]


def test_stretches_start_and_end_where_the_rules_would():
    from newsprism.read.nlp import load_nlp

    doc = load_nlp()("Ann Ortiz called for an inquiry and more money.")
    cue = doc[2]
    first, last = learned_extent._as_rules_bound(doc, cue, 3, len(doc))
    assert doc[first:last].text == "an inquiry and more money"
