"""A reported clause that quotes someone ends with the quote when a participle or a relative
follows it after a comma (sentences written for these tests)."""

from __future__ import annotations

from quote_fixtures import quote_starting, read_quotes, reported_pairs


def test_a_participle_after_the_quote_is_not_in_the_reported_clause():
    article = read_quotes(
        "Ann Ortiz said on Monday that the council had “lost its way,” citing the vote on the "
        "harbour."
    )
    assert ("the council had “lost its way,”", "Ann Ortiz") in reported_pairs(article)


def test_a_relative_after_the_quote_is_the_writers():
    article = read_quotes(
        "First, Ortiz described the judge as “a stranger,” which is what some people call "
        "anyone from the coast."
    )
    assert ("the judge as “a stranger,”", "Ortiz") in reported_pairs(article)


def test_the_participles_own_quote_keeps_the_speaker_of_the_clause():
    article = read_quotes(
        "Ann Ortiz told reporters that Tom Baker “had a crazy plan which was doomed,” adding, "
        "“He lost all of the fishermen and everybody who works at the port.”"
    )
    assert quote_starting(article, "He lost all").speaker_name == "Ann Ortiz"
