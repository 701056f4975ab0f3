"""What is attributed: where reported content starts and ends, and which attributions are one
(sentences written for these tests)."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.read import entities, quotes, read, sentences
from newsprism.read.canonical import canonicalise
from newsprism.read.evaluation import Example, article_of, predictions

USED = [sentences.annotate, entities.annotate, quotes.annotate]


def _read(text: str) -> Article:
    article = read([article_of(Example("own", text, []))], components=USED)[0]
    canonicalise([article])
    return article


def _texts(article: Article, kind: str | None = None) -> list[str]:
    return [q.text for q in article.quotes if kind is None or q.kind == kind]


def test_a_clause_reported_inside_another_is_part_of_it():
    article = _read("Ann Ortiz said dock workers believe the harbour deal is fair.")
    assert _texts(article, "indirect") == ["dock workers believe the harbour deal is fair"]
    assert article.quotes[0].speaker_name == "Ann Ortiz"


def test_quoted_words_inside_a_nested_clause_keep_the_inner_speaker():
    article = _read("Ann Ortiz said union leaders called the deal “a fair day’s pay” on Friday.")
    quoted = next(q for q in article.quotes if q.kind == "partial")
    assert quoted.text == "a fair day’s pay"
    assert quoted.speaker_text == "union leaders"
    assert len(_texts(article, "indirect")) == 1


def test_two_quotes_around_one_cue_are_one_attribution():
    article = _read("“The port is open,” said Ann Ortiz, “and it will stay open all winter.”")
    first, second = article.quotes
    assert second.continues == 0
    assert len(predictions(article)) == 1


def test_a_relative_clause_at_the_end_of_reported_speech_is_left_out():
    article = _read("Tom Baker said he would scrap the harbour deal, which the council signed in May.")
    assert _texts(article, "indirect") == ["he would scrap the harbour deal"]


def test_an_apposition_at_the_end_of_a_stance_object_is_left_out():
    article = _read("On Friday, Ann Ortiz praised Tom Baker, the leader of the dock workers union.")
    assert _texts(article, "indirect") == ["Tom Baker"]


def test_a_relative_clause_inside_the_reported_clause_stays():
    article = _read("Tom Baker said the ships that left in May would return next week.")
    assert _texts(article, "indirect") == ["the ships that left in May would return next week"]


def test_an_apposition_with_quoted_words_is_what_was_said():
    article = _read("Ann Ortiz said the council had approved the plan, a “victory for the town.”")
    assert _texts(article, "indirect") == ["the council had approved the plan, a “victory for the town.”"]


def test_the_as_phrase_of_a_verb_of_regard_is_reported_with_its_object():
    article = _read("Ann Ortiz referred to the harbour plan drawn up last year as “a costly farce.”")
    assert _texts(article, "indirect") == ["the harbour plan drawn up last year as “a costly farce.”"]


def test_verbs_of_intention_and_regard_attribute_their_complement():
    expected = _read("Harbour traders expect prices to fall after the strike.")
    assert _texts(expected) == ["prices to fall after the strike"]
    assert expected.quotes[0].speaker_text == "Harbour traders"
    planned = _read("Ann Ortiz plans to run for governor next year.")
    assert _texts(planned) == ["to run for governor next year"]
    assert planned.quotes[0].speaker_name == "Ann Ortiz"
    viewed = _read("Many dock workers view the deal as a giveaway to the owners.")
    assert _texts(viewed) == ["the deal as a giveaway to the owners"]


def test_a_noun_of_saying_attributes_its_that_clause_to_its_owner():
    owned = _read("Ann Ortiz's claim that the harbour was safe for ships drew criticism.")
    claim = next(q for q in owned.quotes if owned.span_text(q.cue) == "claim")
    assert claim.text.startswith("the harbour was safe") and claim.speaker_name == "Ann Ortiz"
    # someone else's claim: its source is not the one who doubts it
    nobody = _read("Dock workers doubt the old claim that the harbour was unsafe.")
    claims = [q for q in nobody.quotes if q.cue and nobody.span_text(q.cue) == "claim"]
    assert all(q.speaker is None for q in claims)


def test_a_title_in_quotation_marks_is_not_a_quote():
    article = _read("Ann Ortiz once acted in the film “How the Harbour Was Won” in Portvale.")
    assert article.quotes == []
    headline = _read("Ortiz: “We Will Rebuild the Harbour”")
    assert _texts(headline) == ["We Will Rebuild the Harbour"]


def test_a_short_quoted_name_near_a_cue_is_not_a_quote():
    article = _read(
        "“The strike hurt everyone,” Ann Ortiz said on the “Harbour Hour” show. “It is over now.”"
    )
    assert "Harbour Hour" not in _texts(article)
    assert _texts(article) == ["The strike hurt everyone", "It is over now."]
