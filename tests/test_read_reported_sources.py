"""Reported speech with no verb of saying as such: a participle describing its source, an
adjective of attitude after "be" (sentences written for these tests)."""

from __future__ import annotations

from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


def test_a_participle_describing_a_noun_speaks_for_that_noun():
    article = read_quotes("A new survey showing Ann Ortiz far ahead worried the council.")
    assert _reported(article) == [("Ann Ortiz", "A new survey")]


def test_groups_backing_a_candidate_are_the_source_of_that_support():
    article = read_quotes("The committees supporting Tom Baker spent $2 million in March.")
    assert _reported(article) == [("Tom Baker", "The committees")]


def test_a_past_participle_does_not_make_its_noun_a_source():
    article = read_quotes("The harbour plan backed by the council was shelved in June.")
    assert _reported(article) == []


def test_an_infinitive_after_an_adjective_has_the_subject_of_be():
    article = read_quotes("Dock workers were quick to condemn the harbour deal.")
    assert _reported(article) == [("the harbour deal", "Dock workers")]


def test_critical_of_attributes_its_object_to_the_subject():
    article = read_quotes("Ann Ortiz was sharply critical of the harbour deal on Friday.")
    assert _reported(article) == [("the harbour deal", "Ann Ortiz")]


def test_hopeful_that_attributes_its_clause():
    article = read_quotes("The dock workers remain hopeful that the port will reopen in May.")
    assert _reported(article) == [("that the port will reopen in May", "The dock workers")]


def test_an_adjective_that_is_no_attitude_attributes_nothing():
    article = read_quotes("Ann Ortiz was likely to win the vote in the harbour district.")
    assert _reported(article) == []


def test_known_for_is_a_view_with_no_source():
    article = read_quotes("Ann Ortiz is known for her temper.")
    assert _reported(article) == [("Ann Ortiz", None), ("her temper", None)]
    assert article.quotes[1].continues == 0


def test_also_known_as_keeps_the_noun_without_the_participle():
    article = read_quotes("The strike, also known as the Long Walk, ended in May.")
    assert _reported(article) == [("The strike", None), ("the Long Walk", None)]


def test_reportedly_reports_its_clause_with_no_source():
    article = read_quotes("Ann Ortiz reportedly met the council on Monday.")
    assert _reported(article) == [("Ann Ortiz", None), ("met the council on Monday", None)]


def test_known_by_someone_is_not_a_sourceless_view():
    article = read_quotes("Ann Ortiz has known Tom Baker for twenty years.")
    assert all(q.speaker_text is not None for q in article.quotes)


def test_according_to_at_the_end_vouches_for_the_whole_sentence():
    article = read_quotes(
        "Exports rose by 4 percent, but imports fell, according to a new report by the port."
    )
    assert _reported(article) == [("Exports rose by 4 percent, but imports fell", "a new report")]


def test_according_to_after_an_opening_but_leaves_the_but_out():
    article = read_quotes("But the port lost money, according to Ann Ortiz.")
    assert _reported(article) == [("the port lost money", "Ann Ortiz")]


def test_according_to_inside_a_sentence_reports_both_sides():
    article = read_quotes("The deal, according to Ann Ortiz, will fail.")
    assert [text for text, _ in _reported(article)] == ["The deal", "will fail."]


def test_a_possessed_noun_of_stance_attributes_its_object():
    article = read_quotes("Ann Ortiz's attacks on the harbour council grew sharper in May.")
    assert _reported(article) == [("the harbour council", "Ann Ortiz")]


def test_a_noun_of_stance_with_no_possessor_attributes_nothing():
    article = read_quotes("The attacks on the harbour council grew sharper in May.")
    assert _reported(article) == []


def test_a_verb_of_telling_joined_to_an_earlier_verb_keeps_that_verbs_subject():
    article = read_quotes(
        "Mayor Ann Ortiz greeted supporters on Tuesday and told them that the plant would stay open."
    )
    assert _reported(article) == [("the plant would stay open", "Ann Ortiz")]


def test_the_one_told_in_a_passive_is_still_not_the_speaker():
    article = read_quotes("Ortiz was told that the plant would close.")
    assert _reported(article) == [("the plant would close", None)]


def test_what_a_speaker_warns_against_is_reported():
    article = read_quotes("Senator Tom Baker warned against cutting the school budget again.")
    assert _reported(article) == [("cutting the school budget again", "Tom Baker")]
