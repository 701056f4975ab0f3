"""Where a reported object or clause ends, and headline labels that name a speaker (sentences
written for these tests)."""

from __future__ import annotations

from newsprism.model import Article
from quote_fixtures import read_quotes


def _reported(article: Article) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_text) for q in article.quotes if q.kind == "indirect"]


def test_a_phrase_the_parse_hangs_on_the_verb_after_its_object_is_part_of_it():
    article = read_quotes("The mayor accused the port authority of hiding the costs.")
    assert _reported(article) == [("the port authority of hiding the costs", "The mayor")]


def test_a_phrase_of_time_after_the_object_is_left_out():
    article = read_quotes("Ann Ortiz endorsed Tom Baker on Thursday.")
    assert _reported(article) == [("Tom Baker", "Ann Ortiz")]


def test_a_phrase_after_a_comma_is_left_out():
    article = read_quotes("Ann Ortiz endorsed Tom Baker, in a statement.")
    assert _reported(article) == [("Tom Baker", "Ann Ortiz")]
