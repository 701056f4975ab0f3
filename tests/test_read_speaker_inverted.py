"""Speakers after an inverted cue that are no name: an age, "another" (sentences written for
these tests)."""

from __future__ import annotations

from quote_fixtures import quote_starting, read_quotes


def test_a_speaker_described_by_age_after_the_cue_speaks():
    article = read_quotes(
        "“Donald is an amazing leader,” said the 46-year-old. “Now, he will go to work for you.”"
    )
    assert quote_starting(article, "Donald is").speaker_text == "the 46-year-old"


def test_a_speaker_described_by_age_before_the_cue_speaks():
    article = read_quotes("“We will win,” the 43-year-old said.")
    assert quote_starting(article, "We will win").speaker_text == "the 43-year-old"


def test_another_after_the_cue_speaks():
    article = read_quotes("“Better watch out for illegal conduct by Ortiz,” tweeted another.")
    assert quote_starting(article, "Better watch").speaker_text == "another"
