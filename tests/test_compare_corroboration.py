"""Corroboration rules that let a changed fact be caught against other outlets' own wording."""

from __future__ import annotations

import re

from attribution_fixtures import person, rival_conflicts, span_of
from newsprism.compare.facts import find_facts
from newsprism.compare.quantity_facts import _periods, same_period
from newsprism.compare.statements import Statement, statements_of
from newsprism.model import (
    Article,
    Entity,
    Fact,
    Mention,
    Quote,
    Sentence,
    Span,
)
from newsprism.read import read
from newsprism.read.canonical import canonicalise

LINE = "We will rebuild every house before the winter comes"
PEOPLE = [Entity(id="person:berg", name="Anna Berg", label="PERSON"),
          Entity(id="person:weller", name="Tomas Weller", label="PERSON")]


def _pronoun_article(text: str, mentions: list[Mention]) -> tuple[Article, Quote]:
    """An outlet naming Tomas Weller in a reported clause, then giving LINE to "he"."""
    said = span_of(text, "said")
    clause = span_of(text, "the town would recover")
    reported = Quote(start=clause.start, end=clause.end, text=text[clause.start:clause.end],
                     kind="indirect", speaker=span_of(text, "Tomas Weller"), cue=said,
                     speaker_entity="person:weller", speaker_name="Tomas Weller")
    he = span_of(text, " he ", span_of(text, LINE).end)
    line_span = span_of(text, LINE)
    line = Quote(start=line_span.start, end=line_span.end, text=LINE, kind="direct",
                 speaker=Span(start=he.start + 1, end=he.end - 1), cue=span_of(text, "added"),
                 speaker_entity="person:weller", speaker_name="Tomas Weller")
    article = _with_sentences(Article.from_paragraphs("o1", text.split("\n\n")))
    assert article.text == text
    return article.model_copy(update={"quotes": [reported, line], "mentions": mentions}), line


def _with_sentences(article: Article) -> Article:
    """Sentences end after ". " here (the reader is not needed for these hand-built articles)."""
    sentences = []
    for index, paragraph in enumerate(article.paragraphs):
        start = paragraph.start
        for match in re.finditer(r"\.\s|$", article.text[paragraph.start:paragraph.end]):
            end = paragraph.start + match.start() + (1 if match.group() else 0)
            if end > start:
                sentences.append(Sentence(start=start, end=end, paragraph=index))
            start = paragraph.start + match.end()
    return article.model_copy(update={"sentences": sentences})


def _conflicts(weller: Article, line: Quote) -> int:
    """Attribution conflicts when outlet o0 names Anna Berg for LINE and ``weller`` gives it,
    as ``line``, to Tomas Weller."""
    return rival_conflicts(weller, line, PEOPLE[0], PEOPLE)


def test_he_said_right_after_naming_the_speaker_credits_the_line():
    text = f"Tomas Weller said the town would recover. “{LINE},” he added."
    article, line = _pronoun_article(text, [person(text, "Tomas Weller", "person:weller")])
    assert _conflicts(article, line) == 1


def test_he_said_with_another_person_named_in_between_credits_nobody():
    # "Tomas Weller said … Anna Berg … '<line>,' he added": the pronoun could be either.
    text = (f"Tomas Weller said the town would recover, as did Anna Berg. “{LINE},” he added.")
    article, line = _pronoun_article(text, [person(text, "Tomas Weller", "person:weller"),
                                            person(text, "Anna Berg", "person:berg")])
    assert _conflicts(article, line) == 0


def test_he_said_after_another_speakers_quote_credits_nobody():
    # The attribution just before the pronoun is someone else's: "he" is the resolver's guess.
    text = (f"Tomas Weller said the town would recover. “Not soon,” a neighbour said. "
            f"“{LINE},” he added.")
    article, line = _pronoun_article(text, [person(text, "Tomas Weller", "person:weller")])
    other = span_of(text, "Not soon")
    neighbour = Quote(start=other.start, end=other.end, text="Not soon", kind="direct",
                      speaker=span_of(text, "a neighbour"))
    article = article.model_copy(update={"quotes": [*article.quotes, neighbour]})
    assert _conflicts(article, line) == 0


def test_a_quote_opening_the_next_paragraph_is_not_the_pronouns():
    # "'…,' he added. ¶ '<line>'": the attribution closes its own paragraph; the next quotation
    # is another voice until the outlet says whose.
    text = f"Tomas Weller said the town would recover, and he added: “Not soon.”\n\n“{LINE}.”"
    said = span_of(text, "said")
    clause = span_of(text, "the town would recover")
    reported = Quote(start=clause.start, end=clause.end, text=text[clause.start:clause.end],
                     kind="indirect", speaker=span_of(text, "Tomas Weller"), cue=said,
                     speaker_entity="person:weller")
    he = span_of(text, "he added")
    pronoun = Span(start=he.start, end=he.start + 2)
    soon = span_of(text, "Not soon")
    first = Quote(start=soon.start, end=soon.end, text="Not soon", kind="direct",
                  speaker=pronoun, speaker_entity="person:weller")
    line_span = span_of(text, LINE)
    line = Quote(start=line_span.start, end=line_span.end, text=LINE, kind="direct",
                 speaker=pronoun, speaker_entity="person:weller")
    article = Article.from_paragraphs("o1", text.split("\n\n")).model_copy(update={
        "quotes": [reported, first, line],
        "mentions": [person(text, "Tomas Weller", "person:weller")]})
    assert _conflicts(article, line) == 0
    # The same line inside the attribution's own paragraph is his.
    joined = text.replace("\n\n", " ")
    same = Article.from_paragraphs("o1", [joined]).model_copy(update={
        "quotes": [reported, first, line],
        "mentions": [person(joined, "Tomas Weller", "person:weller")]})
    assert _conflicts(same, line) == 1


def test_a_person_named_in_the_namings_sentence_competes_for_the_pronoun():
    # "Anna Berg smiled while Tomas Weller said the town would recover. '<line>,' he added":
    # "he" could take up either person of that sentence, whoever the reader resolved it to.
    text = (f"Anna Berg smiled while Tomas Weller said the town would recover. “{LINE},” he "
            f"added.")
    article, line = _pronoun_article(text, [person(text, "Anna Berg", "person:berg"),
                                            person(text, "Tomas Weller", "person:weller")])
    assert _conflicts(article, line) == 0


# --- the period a figure covers ---------------------------------------------------------------


def _figures(*bodies: str) -> list[Fact]:
    articles = read([Article.from_paragraphs(f"outlet{i}", body.split("\n\n"),
                                             title="Harbour accounts", published="2015-07-31",
                                             outlet=f"outlet{i}")
                     for i, body in enumerate(bodies)])
    facts = find_facts(articles, canonicalise(articles), encoder=None)
    return [f for f in facts if f.kind == "quantity" and len(f.sources) > 1]


def test_a_period_whose_end_year_is_only_written_is_still_one_period():
    # The reader may take "2014" after "from 2007 to" for no date; the period is 2007-2014 all
    # the same, so the two sums of one period are set against each other.
    statement = _statement("The port earned $195 million in fees from 2007 to 2014.")
    assert ("2007", "2014") in _periods(statement)


def test_since_a_year_is_a_period_open_to_the_present():
    since = _statement("The port has paid $60 million in harbour dues since 2007.")
    span = _statement("The port paid nearly $44 million in harbour dues from 2007 through 2014.")
    later = _statement("The port paid nearly $44 million in harbour dues from 2009 through 2014.")
    assert same_period(since, span)
    assert not same_period(since, later)  # another first year: another period


def test_the_same_sum_over_one_period_told_two_ways_conflicts():
    facts = _figures(
        "The port has paid $60 million in harbour dues since 2007, its accounts show.",
        "The port paid nearly $44 million in harbour dues from 2007 through 2014, its "
        "accounts show.")
    assert [f.status for f in facts] == ["conflict"]


def _statement(text: str) -> Statement:
    [article] = read([Article.from_paragraphs("o", [text], title="Harbour accounts",
                                              published="2015-07-31", outlet="o")])
    return next(s for s in statements_of(article) if s.quantities)


# --- the day of the story's main event --------------------------------------------------------


def _date_facts(*bodies: str, published: tuple[str, ...] = ()) -> list[Fact]:
    days = published or ("2021-04-16",) * len(bodies)
    articles = read([Article.from_paragraphs(f"outlet{i}", body.split("\n\n"),
                                             title="Harbour town", published=day,
                                             outlet=f"outlet{i}")
                     for i, (body, day) in enumerate(zip(bodies, days, strict=True))])
    return [f for f in find_facts(articles, canonicalise(articles), encoder=None)
            if f.kind == "date" and len({s.article for s in f.sources}) > 1]


def test_loosely_alike_ledes_on_two_days_stay_two_developments():
    facts = _date_facts(
        "Mayor Anna Berg on Tuesday urged the harbour board to reopen the northern ferry pier.",
        "Mayor Anna Berg visited flooded streets in the old town on Thursday with rescue crews.")
    assert [f.status for f in facts] == []


HEARING = ("The Harbour Commission heard Tomas Weller in a tense hearing on Wednesday.",
           "Several members doubted Tomas Weller's flood plan at Monday's hearing.")


def test_one_event_dated_two_days_by_outlets_writing_the_same_day_conflicts():
    # Both outlets write on Friday; "the hearing" is one event of the story, dated twice.
    facts = _date_facts(*HEARING)
    assert [f.status for f in facts] == ["conflict"]


def test_one_event_dated_two_days_by_outlets_writing_days_apart_is_two_events():
    # Written four days apart, each outlet's "hearing" can be the latest of a series.
    facts = _date_facts(*HEARING, published=("2021-04-16", "2021-04-20"))
    assert "conflict" not in {f.status for f in facts}


def test_each_outlets_only_percentage_is_not_one_figure_by_default():
    # An outlet's only share and another's only share, in loosely related sentences, measure
    # whatever their sentences say: "27 percent" of the vote is not "35 percent" of a district.
    facts = _figures(
        "The mayor's district is 35 percent Latino, the census shows.",
        "Among Latino voters in the town, the mayor won 27 percent last year.")
    assert "conflict" not in {f.status for f in facts}


def test_days_of_two_acts_sharing_a_verb_further_up_stay_two_developments():
    # "suggested Monday that he wants …" / "indicated on Tuesday that she wanted …": the days
    # date the suggesting and the indicating; "want" further up the sentence is not the act.
    facts = _date_facts(
        "Tomas Weller suggested Monday that he wants separate talks with Anna Berg on the pier.",
        "But Anna Berg indicated on Tuesday that she wanted talks with Tomas Weller in public.")
    assert "conflict" not in {f.status for f in facts}
