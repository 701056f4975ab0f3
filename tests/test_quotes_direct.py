"""Direct and partial quotes: which quoted words are speech and how far their content runs
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from newsprism.read.evaluation import predictions
from newsprism.read.nlp import load_nlp
from newsprism.read.partial_clause import clause_range
from quote_fixtures import read_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _texts(article, kind=None):
    return [q.text for q in article.quotes if kind is None or q.kind == kind]


def test_a_scare_quote_in_the_sentence_after_a_cue_is_not_speech():
    article = read_quotes(
        "Ann Ortiz said on Monday that the talks would resume. The “harbour reset” has "
        "stalled for a year."
    )
    assert "harbour reset" not in _texts(article)
    assert _texts(article, "indirect") == ["the talks would resume"]


def test_a_scare_quote_beside_an_unrelated_cue_is_not_speech():
    article = read_quotes("Tom Baker, who said little, runs the “friendly” dock on the coast.")
    assert "friendly" not in _texts(article)


def test_a_fragment_the_verb_of_saying_governs_stays():
    article = read_quotes("Ann Ortiz called the plan “a quiet retreat” from the coast.")
    assert "a quiet retreat" in _texts(article, "partial")
    assert predictions(article)


def test_a_fragment_governed_by_a_verb_joined_to_the_cue_stays():
    article = read_quotes(
        "Ann Ortiz spent the week dismissing the council as a “closed shop” and calling its "
        "leader a coward."
    )
    assert "closed shop" in _texts(article)


def test_a_fragment_after_a_verb_and_its_preposition_reports_the_phrase():
    article = read_quotes("Ortiz cautioned against “reckless spending” by the new council.")
    assert [p.content for p in predictions(article)] == [
        [(article.text.index("“reckless"), article.text.index("."))]
    ]
    reported = next(q for q in article.quotes if q.kind == "indirect")
    assert reported.speaker_text == "Ortiz"


def test_clause_range_takes_the_object_before_the_fragment(nlp):
    doc = nlp("Baker called her “weak” after the vote.")
    start = doc.text.index("weak")
    found = clause_range(doc, doc[1], start, start + 4)
    assert found is not None and doc.text[found[0] : found[1]] == "her “weak”"


def test_a_verb_that_does_not_govern_the_fragment_gives_no_clause(nlp):
    doc = nlp("Baker, who spoke first, runs the “friendly” dock.")
    start = doc.text.index("friendly")
    spoke = next(t for t in doc if t.text == "spoke")
    assert clause_range(doc, spoke, start, start + 8) is None


def test_a_word_or_two_in_quotes_outside_reported_speech_is_a_term():
    article = read_quotes("The mayor, Ortiz noted with a smile, has “momentum” this spring.")
    loose = [q for q in article.quotes if q.kind == "partial" and not _inside_reported(article, q)]
    assert not loose


def _inside_reported(article, quote):
    return any(
        other.kind == "indirect" and other.start <= quote.start and quote.end <= other.end
        for other in article.quotes
    )


@pytest.mark.parametrize(
    "text",
    [
        "In a “frank” talk, Ortiz told workers to go home.",
        "Ortiz, speaking “frankly,” said nothing more about it.",
    ],
)
def test_a_word_in_quotes_before_the_cue_is_a_term_not_a_quote(text):
    article = read_quotes(text)
    assert not any(q.text.startswith("frank") for q in article.quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ann Ortiz shrugged, “We will see what the council does next.”", "Ann Ortiz"),
        ("The mayor was blunt, “This port is not for sale to anyone.”", "The mayor"),
    ],
)
def test_a_whole_sentence_quoted_after_a_comma_is_a_direct_quote(text, speaker):
    article = read_quotes(text)
    (quote,) = article.quotes
    assert quote.kind == "direct"
    assert quote.speaker_text == speaker
