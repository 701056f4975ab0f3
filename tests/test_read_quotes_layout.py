"""Quote attribution by layout and idiom: colons in headlines and lists, signatures under a
quote, "as she put it", and a statement that speaks through "it". Sentences written for the test."""

from __future__ import annotations

import pytest

from quote_fixtures import quote_starting as _quote
from quote_fixtures import read_quotes as _read


def test_a_statement_speaks_through_it():
    article = _read(
        "The harbour authority issued a statement on Monday.\n\n"
        "“The cranes will run again by Friday,” it said.\n"
    )
    quote = _quote(article, "The cranes will run")
    assert article.span_text(quote.speaker) == "it"


def test_it_of_a_view_nobody_holds_is_no_speaker():
    article = _read("It seemed that the strike would never end.\n")
    assert all(q.speaker is None for q in article.quotes)


@pytest.mark.parametrize(
    "line",
    [
        "As Helen Ortiz put it: “The harbour belongs to everyone who works in it.”",
        "As Helen Ortiz puts it, “The harbour belongs to everyone who works in it.”",
    ],
)
def test_as_she_put_it_introduces_a_quote(line):
    article = _read(line + "\n")
    quote = _quote(article, "The harbour belongs")
    assert quote.speaker_name == "Helen Ortiz"


def test_put_it_somewhere_is_not_saying():
    article = _read("Helen Ortiz put it on the table before the vote.\n")
    assert article.quotes == []


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Port strike ends - Helen Ortiz: “We held out for a fair deal and we got it.”", "Ortiz"),
        ("Baker: Harbour Deal Is ‘The Fairest We Could Get Today’", "Baker"),
        ("Helen Ortiz on the harbour strike: ‘We Will Not Sign This Deal.’", "Helen Ortiz"),
    ],
)
def test_a_name_before_a_colon_in_the_line_speaks(line, speaker):
    article = _read(line + "\n")
    said = [q for q in article.quotes if q.speaker_name]
    assert said and speaker in said[0].speaker_name


def test_a_plan_before_a_colon_is_no_speaker():
    article = _read("The new harbour plan: “faster cranes and longer shifts for everyone.”\n")
    assert all(q.speaker is None for q in article.quotes)


def test_a_quote_signed_under_it_belongs_to_the_signature():
    article = _read(
        "Readers wrote in about the strike.\n\n"
        "“The harbour has never been this quiet, and the town feels it every day.”\n\n"
        "—Helen Ortiz, Portvale.\n\n"
        "“We need the cranes back before the winter comes and the ships go elsewhere.”\n\n"
        "-Tom Baker, Dunmore.\n"
    )
    first = _quote(article, "The harbour has never")
    second = _quote(article, "We need the cranes")
    assert first.speaker_text == "Helen Ortiz"
    assert "Baker" in second.speaker_text  # the tokenizer may keep "-Tom" as one word


def test_a_verb_of_saying_reports_its_object():
    article = _read("Helen Ortiz warned of a “long and bitter” strike at the harbour.\n")
    quote = _quote(article, "a “long and bitter” strike")
    assert quote.kind == "indirect" and quote.speaker_name == "Helen Ortiz"


def test_the_object_of_told_is_the_one_spoken_to():
    article = _read("Helen Ortiz told the dock workers about the new shifts on Monday.\n")
    assert not any(q.text.startswith("the dock workers") for q in article.quotes)


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Media shares blame for the poll - HarbourPollster: “Pollsters are taking a lot of "
            "heat. Some of it is fair.”",
            "Pollsters are taking",
            "HarbourPollster",
        ),
        (
            "Here is Ortiz in March 2012: “Our new direction must rest on the port. The town "
            "depends on it.”",
            "Our new direction",
            "Ortiz",
        ),
        (
            "Not every panel is equal. From the report: “Samples with longer field periods "
            "did better. The others did not.”",
            "Samples with longer",
            "the report",
        ),
        (
            'Soon after the strike he wrote about it again. Ann Ortiz: "Thanks for the support '
            'on the port deal tonight."',
            "Thanks for the support",
            "Ann Ortiz",
        ),
    ],
)
def test_a_source_alone_before_a_colon_says_the_quote(text, opening, speaker):
    article = _read(text)
    quote = _quote(article, opening)
    assert quote.kind == "direct"
    assert article.span_text(quote.speaker) == speaker


def test_two_sources_in_one_line_each_say_their_own_quote():
    article = _read(
        'Ortiz: "Our goal is to reopen the port by May." Ward: "The port must stay shut '
        'until the audit is done."'
    )
    assert _quote(article, "Our goal").speaker_name == "Ortiz"
    assert _quote(article, "The port must").speaker_name == "Ward"
    assert _quote(article, "The port must").continues is None


def test_a_clause_before_a_colon_is_no_source_phrase():
    article = _read("Ann Ortiz said: “We will win the vote.”")
    quote = _quote(article, "We will win")
    assert article.span_text(quote.cue) == "said" and quote.speaker_name == "Ann Ortiz"


def test_a_phrase_that_cannot_speak_before_a_colon_gives_no_speaker():
    article = _read("The result in May: “a disaster for the whole town,” in the words of a trader.")
    assert all(q.speaker is None or q.speaker_text != "The result" for q in article.quotes)
