"""Which clause goes with which cue when attributions sit in and beside each other (sentences
written for these tests)."""

from __future__ import annotations

from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


def test_a_clause_before_a_colon_is_the_writers_not_what_the_speaker_said():
    article = read_quotes(
        "But last May, the union polled its members online: 812 nurses said they wanted to "
        "back Ortiz."
    )
    assert _reported(article) == [("they wanted to back Ortiz", "812 nurses")]


def test_each_share_of_a_poll_says_the_clause_after_its_own_verb():
    article = read_quotes(
        "Doubt has spread: some 30 percent of voters in a recent poll said they believe the port "
        "is closing; 25 percent (and 40 percent of farmers) said they believe the mayor is lying "
        "about it."
    )
    assert _reported(article) == [
        ("they believe the port is closing", "some 30 percent of voters"),
        ("they believe the mayor is lying about it", "25 percent"),
    ]


def test_according_to_after_a_quote_of_several_sentences_vouches_for_the_whole_quote():
    article = read_quotes(
        "“The port is not for sale. We will keep it open. Nobody will close it,” Ortiz said, "
        "according to a transcript of the show."
    )
    [source] = [q for q in article.quotes if q.kind == "indirect"]
    assert source.speaker_text == "a transcript"
    assert source.text.startswith("“The port is not for sale.")
    assert source.text.endswith("Ortiz said")


def test_a_said_aside_after_a_verb_of_thought_vouches_for_the_whole_sentence():
    article = read_quotes("She hoped, she said, that the paper would stay away from the story now.")
    pieces = [q for q in article.quotes if q.kind == "indirect"]
    assert [q.text.rstrip(".") for q in pieces] == [
        "She hoped",
        "that the paper would stay away from the story now",
    ]
    assert {article.text[q.cue.start : q.cue.end] for q in pieces if q.cue} == {"said"}


def test_a_said_aside_inside_the_reported_clause_keeps_to_that_clause():
    article = read_quotes("Ortiz argued that the plan, Baker said, would fail.")
    assert ("the plan, Baker said, would fail", "Ortiz") in _reported(article)


def test_an_if_question_is_what_was_asked_not_a_thought_of_the_one_asked():
    article = read_quotes(
        "Asked if she believed Baker wanted Ortiz to win the vote, Ward said she was not sure."
    )
    assert _reported(article) == [
        ("if she believed Baker wanted Ortiz to win the vote", None),
        ("she was not sure", "Ward"),
    ]


def test_the_asker_of_an_if_question_speaks_it():
    article = read_quotes("Ortiz asked him if he would vote for the plan.")
    assert _reported(article) == [("if he would vote for the plan", "Ortiz")]


def test_a_closing_source_vouches_for_the_whole_sentence_before_it():
    article = read_quotes(
        "She said at a Gazette-sponsored harbour forum that she was ''very, very comfortable "
        "with all of Baker's plans and promises,'' The Gazette reported."
    )
    [source] = [q for q in article.quotes if q.kind == "indirect"]
    assert article.text[source.cue.start : source.cue.end] == "reported"
    assert source.text.startswith("She said at a Gazette-sponsored harbour forum that")


def test_an_as_clause_of_saying_vouches_for_its_sentence():
    article = read_quotes(
        "As The Gazette reported, Ortiz was also accused of breaking the harbour rules.\n"
        "Ortiz voiced support for the plan in a 2002 interview, as the Gazette first reported."
    )
    assert _reported(article) == [
        ("Ortiz was also accused of breaking the harbour rules", "Gazette"),
        ("Ortiz voiced support for the plan in a 2002 interview", "Gazette"),
    ]


def test_an_as_clause_after_an_opening_but_vouches_for_its_sentence():
    article = read_quotes(
        "But as Ortiz noted, the dock workers will give Baker a second look if he starts winning."
    )
    assert _reported(article) == [
        ("the dock workers will give Baker a second look if he starts winning", "Ortiz"),
    ]


def test_an_as_clause_whose_verb_has_its_own_complement_keeps_it():
    article = read_quotes(
        "The harbour district flipped in 1992, as dock workers responded to the board's plans "
        "to close the port."
    )
    assert _reported(article) == [("the board's plans to close the port", "dock workers")]
