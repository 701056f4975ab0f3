"""Cues that attribute nothing: asked about, prescribed, supposed, or with only a pronoun for
content (sentences written for these tests)."""

from __future__ import annotations

import pytest

from quote_fixtures import read_quotes
from quote_fixtures import reported_pairs as _reported


def _contents(text: str) -> list[str]:
    return [words for words, _ in _reported(read_quotes(text))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Do you support Ann Ortiz?",
        "Does the harbour board back the new toll?",
        "Will the fishermen still endorse the mayor next year?",
    ],
)
def test_a_yes_or_no_question_attributes_nothing(sentence):
    assert _reported(read_quotes(sentence)) == []


def test_a_why_question_takes_the_view_as_held():
    assert _contents("Why does the harbour board oppose the new toll?") == ["the new toll"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour board must explain the delay to the fishermen.",
        "Ann Ortiz should endorse the new toll before the vote.",
        "The council ought to acknowledge the damage done to the port.",
    ],
)
def test_what_someone_ought_to_say_or_back_is_not_theirs(sentence):
    assert _reported(read_quotes(sentence)) == []


def test_must_have_said_is_still_something_said():
    text = "Ann Ortiz must have told the board that the port would close."
    assert any("the port would close" in c for c in _contents(text))


def test_whether_someone_would_back_a_plan_is_an_open_question():
    text = "Reporters asked Ann Ortiz whether she would endorse the new toll."
    assert "the new toll" not in _contents(text)


def test_a_stated_conditional_stance_stays():
    text = "Ann Ortiz said she would endorse the new toll if the council cut the fees."
    assert any(c.startswith("she would endorse") for c in _contents(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "After the vote, Ann Ortiz asked him again.",
        "The fishermen urged them again and again.",
        "Tom Baker described it in his column on Sunday.",
        "The harbour board describes itself in its annual report.",
    ],
)
def test_a_verb_of_saying_with_only_a_pronoun_says_nothing(sentence):
    assert _reported(read_quotes(sentence)) == []


def test_a_stance_on_a_pronoun_is_still_a_stance():
    assert _reported(read_quotes("The harbour board endorsed her on Monday.")) == [
        ("her", "The harbour board")
    ]
