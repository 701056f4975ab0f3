"""Whom "he" or "she" stands for when the article shows a person's gender only through the
pronouns of their own clauses (sentences written for the test)."""

from __future__ import annotations

from quote_fixtures import quote_starting as _quote
from quote_fixtures import read_quotes as _read


def test_he_passes_over_a_person_the_article_shows_as_a_woman():
    article = _read(
        "Jane Ellery spoke in Atlanta on Monday, her third visit this month.\n"
        "Tom Rowan is thanking supporters at a victory rally in Vermont.\n"
        "His opponent, Jane Ellery, won Georgia and Virginia.\n"
        "He told the crowd that the result meant a lot to him.\n"
    )
    told = _quote(article, "the result meant a lot")
    assert told.speaker_text == "He" and told.speaker_name == "Tom Rowan"


def test_she_passes_over_a_person_the_article_shows_as_a_man():
    article = _read(
        "Tom Rowan spoke in Atlanta on Monday, his third visit this month.\n"
        "Jane Ellery is thanking supporters at a victory rally in Vermont.\n"
        "Her rival, Tom Rowan, won Georgia.\n"
        "She told the crowd that the fight was not over.\n"
    )
    assert _quote(article, "the fight was not over").speaker_name == "Jane Ellery"


def test_a_pronoun_in_a_reported_clause_or_after_another_name_shows_no_gender():
    # "his" here is the rival's, not Ellery's: neither sentence makes Ellery a man, so "she"
    # still goes to her.
    article = _read(
        "Jane Ellery said his plan would fail.\n"
        "Jane Ellery faulted Tom Rowan over his remarks.\n"
        "She told the crowd that the fight was not over.\n"
    )
    assert _quote(article, "the fight was not over").speaker_name == "Jane Ellery"
