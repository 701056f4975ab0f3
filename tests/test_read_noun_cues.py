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


def test_a_noun_of_saying_with_no_owner_names_no_source():
    article = read_quotes("Despite complaints that the ferry was always late, the council kept it.")
    assert _reported(article) == [("the ferry was always late", None)]


def test_a_noun_of_saying_from_someone_is_theirs():
    article = read_quotes("Voters ignored the claim by Ann Ortiz that fares would fall.")
    assert _reported(article) == [("fares would fall", "Ann Ortiz")]
    article = read_quotes("The message from Ann Ortiz was that the harbour would close.")
    assert _reported(article) == [("the harbour would close", "Ann Ortiz")]


def test_a_noun_of_saying_a_subject_makes_is_the_subjects():
    article = read_quotes("Ann Ortiz angered the council with an assertion that fees were illegal.")
    assert _reported(article) == [("fees were illegal", "Ann Ortiz")]


def test_a_noun_of_thought_with_no_owner_is_the_writers_framing():
    assert _reported(read_quotes("The belief that the ferry is safe is widespread.")) == []


def test_what_a_noun_of_saying_is_is_attributed():
    article = read_quotes("Ann Ortiz's argument was that the ferry should be free.")
    assert _reported(article) == [("the ferry should be free", "Ann Ortiz")]
    article = read_quotes("The common refrain is that the harbour will never reopen.")
    assert _reported(article) == [("the harbour will never reopen", None)]


def test_a_report_or_rumour_with_no_owner_names_no_source():
    article = read_quotes("Rumours that the harbour would close spread quickly among the crews.")
    assert _reported(article) == [("the harbour would close", None)]


def test_what_a_noun_of_saying_is_inside_a_reported_clause_is_the_reporters():
    article = read_quotes("Ann Ortiz said the message was that the harbour would reopen soon.")
    assert _reported(article) == [
        ("the message was that the harbour would reopen soon", "Ann Ortiz")
    ]


def test_a_noun_of_saying_given_by_a_relative_pronoun_names_no_source():
    article = read_quotes("The paper, which spread rumours that the harbour would close, was sold.")
    assert _reported(article) == [("the harbour would close", None)]


def test_one_named_as_a_backer_or_critic_holds_that_stance():
    article = read_quotes("Ann Ortiz has long been a fierce critic of the harbour tax.")
    assert _reported(article) == [("the harbour tax", "Ann Ortiz")]
    article = read_quotes("Tom Baker, a supporter of the new ferry, spoke first.")
    assert _reported(article) == [("the new ferry", "Tom Baker")]


def test_an_ally_or_fan_of_someone_holds_no_stance_to_report():
    assert _reported(read_quotes("Ann Ortiz is a close ally of the mayor.")) == []
