"""A reported object of a single word: a noun claimed or conceded is reported, a pronoun in an
aside is not (sentences written for these tests)."""

from __future__ import annotations

from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


def test_a_single_noun_claimed_is_what_was_claimed():
    article = read_quotes("Devine did not concede defeat, either.\nOrtiz claimed victory.")
    assert _reported(article) == [("defeat", "Devine"), ("victory", "Ortiz")]


def test_a_pronoun_object_of_an_as_aside_is_not_reported():
    article = read_quotes("The harbour, as Ortiz put it, was a mess.")
    assert ("it", "Ortiz") not in _reported(article)


def test_a_single_pronoun_admitted_is_what_was_admitted():
    article = read_quotes("The fees keep rising. Few harbour officials admit this.")
    assert ("this", "Few harbour officials") in _reported(article)


def test_the_one_someone_agrees_with_is_what_they_hold():
    article = read_quotes("The harbour board agrees with Ortiz.")
    assert _reported(article) == [("Ortiz", "The harbour board")]


def test_a_person_believed_is_not_what_is_believed():
    article = read_quotes("Please believe me.")
    assert _reported(article) == []


def test_a_yes_said_in_answer_is_what_was_said():
    article = read_quotes("Asked whether the ferry should run, 72 percent of fishermen said yes.")
    assert ("yes", "72 percent of fishermen") in _reported(article)


def test_saying_no_to_something_reports_what_was_refused():
    article = read_quotes("Ortiz said no to the harbour tax.")
    assert all(content != "no" for content, _ in _reported(article))
