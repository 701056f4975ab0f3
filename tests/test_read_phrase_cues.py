"""Set phrases of attribution around common verbs (sentences written for these tests)."""

from __future__ import annotations

import pytest

from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Ann Ortiz made clear that she would run again.", "she would run again"),
        ("Ann Ortiz has made it clear that the port will stay open.", "the port will stay open"),
        ("Ann Ortiz made the case that the deal was unfair.", "the deal was unfair"),
        ("Ann Ortiz made the case for a new harbour wall.", "a new harbour wall"),
        ("Ann Ortiz took issue with the council plan.", "the council plan"),
        ("Ann Ortiz spoke about the closure of the port on Monday.", "the closure of the port"),
        ("Ann Ortiz had harsh words for the council plan.", "the council plan"),
        ("Ann Ortiz has strong views on the harbour tax.", "the harbour tax"),
        ("Ann Ortiz threw her support behind the harbour plan.", "the harbour plan"),
        ("Ann Ortiz cast doubt on the council figures.", "the council figures"),
    ],
)
def test_a_set_phrase_attributes_what_follows_it(sentence, content):
    assert _reported(read_quotes(sentence)) == [(content, "Ann Ortiz")]


def test_sees_as_attributes_the_object_and_what_it_is_taken_for():
    article = read_quotes("Tom Baker sees the deal as a betrayal of the town.")
    assert _reported(article) == [("the deal as a betrayal of the town", "Tom Baker")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ann Ortiz made a cake for the party.",
        "Ann Ortiz spoke at the rally.",
        "Ann Ortiz saw the harbour from the hill.",
        "Ann Ortiz has a house by the harbour.",
        "The deal is seen as a betrayal.",
    ],
)
def test_the_verb_without_its_phrase_attributes_nothing(sentence):
    assert _reported(read_quotes(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Ann Ortiz railed against the harbour board.", "the harbour board"),
        ("Ann Ortiz laid out her plan for the port.", "her plan for the port"),
        ("Ann Ortiz distanced herself from the harbour board.", "the harbour board"),
        ("Ann Ortiz hinted at a run for governor.", "a run for governor"),
        ("Ann Ortiz played down the risk of a strike.", "the risk of a strike"),
    ],
)
def test_a_verb_with_its_particle_or_preposition_attributes_what_follows(sentence, content):
    assert _reported(read_quotes(sentence)) == [(content, "Ann Ortiz")]


def test_laid_without_out_attributes_nothing():
    assert _reported(read_quotes("Ann Ortiz laid the table for dinner.")) == []
