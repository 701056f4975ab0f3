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


def test_a_new_sentence_with_its_own_verb_of_saying_starts_a_new_attribution():
    article = read_quotes(
        '"That never happened," Ann Ortiz said. Eyebrows raised, he asked, "I was going to '
        'stay behind by myself?"'
    )
    asked = next(q for q in article.quotes if q.text.startswith("I was going"))
    assert asked.continues is None and article.span_text(asked.cue) == "asked"
    assert asked.speaker_text == "he"


def test_a_quote_in_the_next_sentence_without_a_verb_goes_on_from_the_first():
    article = read_quotes("“We will see,” Ortiz said. “Nobody knows yet.”")
    contents = [p.content for p in predictions(article)]
    assert len(contents) == 1 and len(contents[0]) == 2


def test_an_opening_asked_phrase_is_not_what_the_framing_verb_says():
    article = read_quotes(
        "Asked what he wanted from the deal, Ortiz said, “They have got to be able to win.”"
    )
    said = [q for q in article.quotes if q.cue and article.span_text(q.cue) == "said"]
    assert [q.text for q in said] == ["They have got to be able to win."]


def test_a_reported_clause_never_holds_the_speaker_of_its_quote():
    article = read_quotes(
        "“We have had better weeks than this one,” port delegate Bill Eastland, wearing a cap "
        "and “Ortiz First” pins, said calmly."
    )
    assert [" | ".join(article.text[a:b] for a, b in p.content) for p in predictions(article)] == [
        "We have had better weeks than this one"
    ]


def test_a_quote_after_a_reported_clause_with_a_fragment_goes_on_from_that_clause():
    article = read_quotes(
        "The deal “looks out for the needs of the big funds first and foremost,” Ortiz wrote. "
        "“That is unacceptable.”"
    )
    contents = [[article.text[a:b] for a, b in p.content] for p in predictions(article)]
    assert len(contents) == 1
    assert contents[0][-1] == "That is unacceptable."
    assert contents[0][0].startswith("The deal")
