"""Where a reported object or clause ends, and headline labels that name a speaker (sentences
written for these tests)."""

from __future__ import annotations

from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


def test_a_phrase_the_parse_hangs_on_the_verb_after_its_object_is_part_of_it():
    article = read_quotes("The mayor accused the port authority of hiding the costs.")
    assert _reported(article) == [("the port authority of hiding the costs", "The mayor")]


def test_a_phrase_of_time_after_the_object_is_left_out():
    article = read_quotes("Ann Ortiz endorsed Tom Baker on Thursday.")
    assert _reported(article) == [("Tom Baker", "Ann Ortiz")]


def test_a_phrase_after_a_comma_is_left_out():
    article = read_quotes("Ann Ortiz endorsed Tom Baker, in a statement.")
    assert _reported(article) == [("Tom Baker", "Ann Ortiz")]


def test_a_headline_surname_before_a_colon_speaks_when_the_article_names_that_person():
    article = read_quotes("Ortiz: Harbour deal will fail the town.\nAnn Ortiz, the mayor, spoke.")
    assert _reported(article)[0] == ("Harbour deal will fail the town.", "Ortiz")


def test_a_transcript_speaker_in_capitals_speaks_the_line():
    article = read_quotes(
        "TAPPER: Why would you not debate him then?\nJake Tapper asked Ann Ortiz about it."
    )
    assert _reported(article)[0] == ("Why would you not debate him then?", "TAPPER")


def test_a_poll_before_a_colon_is_the_source_of_the_headline():
    article = read_quotes("Poll: Ortiz leads Baker by nine points in the harbour district.")
    assert _reported(article) == [
        ("Ortiz leads Baker by nine points in the harbour district.", "Poll")
    ]


def test_a_label_that_names_no_one_mentioned_is_no_speaker():
    article = read_quotes("Update: The harbour will close on Monday at noon.\nAnn Ortiz spoke.")
    assert _reported(article) == []


def test_what_a_poll_shows_runs_to_the_end_of_its_clause():
    article = read_quotes(
        "One poll shows Ann Ortiz 16 points ahead of Tom Baker in the harbour district."
    )
    assert _reported(article) == [
        ("Ann Ortiz 16 points ahead of Tom Baker in the harbour district", "One poll")
    ]


def test_a_clause_of_contrast_after_a_comma_is_the_writers():
    article = read_quotes(
        "A spokeswoman said all staff sign the pledge, though she did not discuss its terms."
    )
    assert _reported(article)[0] == ("all staff sign the pledge", "A spokeswoman")


def test_a_closing_participle_of_saying_reports_on_its_own():
    article = read_quotes("Ann Ortiz said the harbour deal works, pointing to the new jobs.")
    assert _reported(article) == [
        ("the harbour deal works", "Ann Ortiz"),
        ("the new jobs", "Ann Ortiz"),
    ]


def test_a_participle_that_is_no_saying_stays_in_the_clause():
    article = read_quotes("Ann Ortiz said the port closed early, leaving the ferries idle.")
    assert _reported(article) == [("the port closed early, leaving the ferries idle", "Ann Ortiz")]


def test_a_phrase_of_place_after_the_object_is_left_out():
    article = read_quotes("Ann Ortiz criticized the harbour plan in an interview with the Herald.")
    assert _reported(article) == [("the harbour plan", "Ann Ortiz")]


def test_an_infinitive_the_parse_hangs_on_the_verb_after_its_object_is_part_of_it():
    article = read_quotes("The mayor criticized his 2013 amendments to expand the port.")
    assert _reported(article) == [("his 2013 amendments to expand the port", "The mayor")]


def test_a_second_noun_the_parse_joins_to_the_verb_is_more_of_the_object():
    article = read_quotes("Ann Ortiz criticized the harbour plan and the new ferry fees.")
    assert _reported(article) == [("the harbour plan and the new ferry fees", "Ann Ortiz")]


def test_an_as_clause_without_a_subject_says_what_the_object_was_held_to_be():
    article = read_quotes("Ann Ortiz described the harbour as beset by smugglers.")
    assert _reported(article) == [("the harbour as beset by smugglers", "Ann Ortiz")]


def test_an_as_clause_with_a_subject_of_its_own_says_when():
    article = read_quotes("Ann Ortiz criticized the harbour plan as she left the meeting.")
    assert _reported(article) == [("the harbour plan", "Ann Ortiz")]


def test_what_a_poll_found_goes_on_through_a_while_setting_figures_side_by_side():
    article = read_quotes(
        "The harbour poll found that 52 percent of residents supported Ann Ortiz, while 33"
        " percent supported Tom Baker."
    )
    assert _reported(article) == [
        (
            "52 percent of residents supported Ann Ortiz, while 33 percent supported Tom Baker",
            "The harbour poll",
        )
    ]


def test_a_though_after_what_a_poll_found_is_still_the_writers():
    article = read_quotes(
        "The harbour poll found that 52 percent of residents supported Ann Ortiz, though the"
        " margin narrowed in May."
    )
    assert _reported(article) == [
        ("52 percent of residents supported Ann Ortiz", "The harbour poll")
    ]


def test_the_outlet_the_words_went_out_on_is_left_out():
    article = read_quotes("Ann Ortiz called Tom Baker a coward on her radio show.")
    assert _reported(article) == [("Tom Baker a coward", "Ann Ortiz")]


def test_social_media_after_the_object_is_left_out():
    article = read_quotes("Ann Ortiz shared the harbour plan on social media.")
    assert _reported(article) == [("the harbour plan", "Ann Ortiz")]


def test_the_media_as_what_the_object_is_about_stays_in_it():
    article = read_quotes("Ann Ortiz condemned the attacks on the media.")
    assert _reported(article) == [("the attacks on the media", "Ann Ortiz")]


def test_a_condition_of_anonymity_is_left_out():
    article = read_quotes("A council official confirmed the meeting on the condition of anonymity.")
    assert _reported(article) == [("the meeting", "A council official")]


def test_an_in_phrase_of_taking_sides_after_the_object_is_part_of_it():
    article = read_quotes("Ann Ortiz voiced her stance in support of the harbour workers.")
    assert _reported(article) == [("her stance in support of the harbour workers", "Ann Ortiz")]
