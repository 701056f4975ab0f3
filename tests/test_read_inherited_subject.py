"""A cue verb with no subject of its own borrows the speaker of the words it hangs on
(sentences written for these tests)."""

from __future__ import annotations

from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


def test_a_gerund_after_by_is_done_by_the_subject_of_its_verb():
    article = read_quotes("Ortiz won over the dock workers by praising their union.")
    assert _reported(article) == [("their union", "Ortiz")]


def test_a_gerund_after_a_noun_of_habit_is_done_by_the_one_who_has_it():
    article = read_quotes("Tom Baker has a long history of blaming the council for his defeats.")
    assert _reported(article) == [("the council for his defeats", "Tom Baker")]


def test_a_gerund_after_a_possessed_noun_is_the_owners():
    article = read_quotes("The two mayors dropped their strategy of attacking the harbour board.")
    assert _reported(article) == [("the harbour board", "their")]


def test_a_gerund_after_an_adjective_is_the_subject_of_be():
    article = read_quotes("Ortiz has been aggressive in pushing the council to reopen the port.")
    assert _reported(article) == [("the council to reopen the port", "Ortiz")]


def test_the_first_to_endorse_is_the_one_be_names():
    article = read_quotes("Ortiz was the first mayor in the region to endorse Tom Baker.")
    assert _reported(article) == [("Tom Baker", "Ortiz")]


def test_the_first_to_endorse_as_a_subject_is_the_one_named_after_be():
    article = read_quotes("The first member of the council to endorse him was Ann Ortiz.")
    assert _reported(article) == [("him", "Ann Ortiz")]


def test_an_infinitive_after_a_noun_of_chance_reports_nothing():
    article = read_quotes("Ortiz had an opportunity to praise the harbour board on Friday.")
    assert _reported(article) == []


def test_a_gerund_that_is_not_done_reports_nothing():
    article = read_quotes("Ortiz broke briefly from his policy of not attacking Tom Baker.")
    assert _reported(article) == []


def test_an_infinitive_after_a_campaign_is_done_by_who_mounts_it():
    article = read_quotes("Ann Ortiz has mounted a public campaign to condemn the harbour board.")
    assert _reported(article) == [("the harbour board", "Ann Ortiz")]


def test_an_infinitive_after_no_effort_reports_nothing():
    article = read_quotes("Ortiz made no effort to condemn the harbour board.")
    assert _reported(article) == []


def test_what_someone_has_to_say_is_theirs():
    article = read_quotes("Many of the dock workers had kind words to say about the new mayor.")
    assert _reported(article) == [("the new mayor", "Many of the dock workers")]


def test_a_participle_after_a_dateline_speaks_for_the_name_after_it():
    article = read_quotes(
        "New York (AFP) – Vice President Joe Biden on Monday hit the campaign trail with Tom "
        "Baker for the first time, trashing the board as unfit for the job and accusing it of "
        "neglecting the docks."
    )
    assert ("it of neglecting the docks", "Joe Biden") in _reported(article)
