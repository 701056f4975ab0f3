"""Readers bound to the parse model's language leave other languages unread, and say so."""

from __future__ import annotations

import pytest

from newsprism.cli import _tell_unread
from newsprism.ingest.text import from_text
from newsprism.read import read
from newsprism.read.nlp import primary_language

GERMAN = (
    "Stadtrat beschließt neuen Haushalt\n\n"
    "Der Stadtrat von Lindenau hat am Dienstag mit 31 zu 12 Stimmen einen Haushalt von "
    "1.250 Millionen Euro beschlossen. „Wir investieren in Schulen und Brücken“, sagte "
    "Bürgermeisterin Karla Wendt nach der Sitzung. Die Opposition kritisierte die "
    "Neuverschuldung von 2,5 Prozent scharf und kündigte eine Klage beim Verwaltungsgericht an.\n"
)
ENGLISH = (
    "Council passes new budget\n\n"
    "The Lindenau city council approved a budget of 1.25 billion euros on Tuesday by 31 votes "
    "to 12. \"We are investing in schools and bridges,\" Mayor Karla Wendt said after the "
    "meeting. The opposition sharply criticised new borrowing of 2.5 percent.\n"
)


@pytest.fixture(scope="module")
def german():
    return read([from_text(GERMAN, "de-1")])[0]


def test_german_article_keeps_sentences_but_no_english_readings(german):
    assert german.language == "de"
    assert german.sentences
    assert not german.mentions and not german.quantities
    assert not german.dates and not german.quotes


def test_german_article_says_what_was_not_read(german):
    assert [entry.split()[0] for entry in german.unread] == [
        "entities", "quantities", "dates", "quotes"]
    assert all("'de'" in entry and "'en'" in entry for entry in german.unread)


def test_english_and_unknown_languages_are_read():
    unknown = from_text(ENGLISH, "xx-1")
    unknown.language = None  # as for a text too short to identify
    english, unknown = read([from_text(ENGLISH, "en-1", language="en-GB"), unknown])
    for article in (english, unknown):
        assert not article.unread
        assert article.quotes and article.quantities
        assert any(q.speaker_text and "Wendt" in q.speaker_text for q in article.quotes)


def test_cli_names_the_unread_article(german, capsys):
    _tell_unread([german])
    assert "de-1: not read: entities (article in 'de'" in capsys.readouterr().err


@pytest.mark.parametrize("code, expected", [
    ("en", "en"), ("en-GB", "en"), ("EN_us", "en"), ("de", "de"), (None, None), ("", None)])
def test_primary_language(code, expected):
    assert primary_language(code) == expected
