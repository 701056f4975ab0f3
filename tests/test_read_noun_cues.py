"""Nouns of saying, stance and commitment with their owner (sentences written for these
tests)."""

from __future__ import annotations

from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


def test_a_promise_with_its_owner_attributes_its_infinitive():
    article = read_quotes("Ann Ortiz's promise to cut ferry fares by half won her the vote.")
    assert _reported(article) == [("to cut ferry fares by half", "Ann Ortiz")]


def test_a_promise_with_no_owner_names_no_one():
    assert _reported(read_quotes("The promise to cut ferry fares was broken.")) == []


def test_a_plan_to_do_something_is_no_commitment_noun():
    article = read_quotes("Ann Ortiz's trip to see the harbour was cut short.")
    assert _reported(article) == []


def test_a_campaign_against_something_is_its_owners_stance():
    article = read_quotes("Ann Ortiz's campaign against the harbour tax ended in May.")
    assert _reported(article) == [("the harbour tax", "Ann Ortiz")]
