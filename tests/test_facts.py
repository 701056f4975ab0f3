"""Facts: figures, dates and statements matched across outlets, with a status and exact sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare.facts import attribution_facts, events_meet, find_facts
from newsprism.ingest import from_text
from newsprism.model import (
    Article,
    Entity,
    Fact,
    Quote,
    QuoteGroup,
    QuoteRecord,
    Span,
)
from newsprism.read import read
from newsprism.read.canonical import canonicalise

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
A, B = "000_b62f6c2735a42003", "001_2c9f2130cd1c153b"


def _article(id_: str, body: str, published: str | None) -> Article:
    """Built here, not cleaned, so these tests depend on no cleaner."""
    return Article.from_paragraphs(id_, body.split("\n\n"), title="Harbour town flood",
                                   published=published, outlet=id_)


def _story(*bodies: str, published: str | None = "2021-04-14") -> tuple[list[Article], list[Fact]]:
    articles = [_article(f"outlet{i}", body, published) for i, body in enumerate(bodies)]
    articles = read(articles)
    facts = find_facts(articles, canonicalise(articles), encoder=None)
    by_id = {a.id: a for a in articles}
    for fact in facts:
        for source in fact.sources:
            assert by_id[source.article].text[source.start : source.end] == source.text
    return articles, facts


def _citing(facts: list[Fact], *words: str, kind: str | None = None) -> list[Fact]:
    """Facts citing each of ``words`` in a different source (words[i] in outlet i)."""
    return [
        f for f in facts
        if (kind is None or f.kind == kind)
        and all(any(s.article == f"outlet{i}" and w in s.text for s in f.sources)
                for i, w in enumerate(words) if w)
    ]


def test_same_figure_in_two_outlets_is_agreed():
    _, facts = _story("About 2,500 rescue workers are searching the harbour district.",
                      "Officials said 2,500 rescue workers were deployed to the harbour.")
    fact = _citing(facts, "About 2,500", "2,500")[0]
    assert (fact.status, fact.kind) == ("agreed", "quantity")
    assert {v.article for v in fact.values} == {"outlet0", "outlet1"}


def test_overlapping_rounded_figures_are_approximate():
    _, facts = _story("The town sent a 9,600-strong relief force to the coast.",
                      "Around 10,000 rescuers from the town went to the coast.")
    fact = _citing(facts, "9,600", "10,000")[0]
    assert fact.status == "approximate"
    assert "within rounding" in fact.note


def test_incompatible_figures_for_the_same_thing_conflict():
    _, facts = _story("The flood destroyed 2,500 houses in the harbour district on Monday.",
                      "The flood destroyed 3,000 houses in the harbour district on Monday.")
    fact = _citing(facts, "2,500", "3,000", kind="quantity")[0]
    assert fact.status == "conflict"
    assert "do not meet" in fact.note


def test_different_things_counted_are_separate_single_facts():
    _, facts = _story("The flood destroyed 2,500 houses in the harbour district.",
                      "Insurers expect 40,000 claims from farmers upstream.")
    assert {f.status for f in _citing(facts, "2,500")} == {"single"}
    assert {f.status for f in _citing(facts, "", "40,000")} == {"single"}
    assert not _citing(facts, "2,500", "40,000")


def test_several_figures_in_one_sentence_are_matched_one_by_one():
    _, facts = _story(
        "About 2,500 firefighters joined a 9,600-strong rescue effort in the harbour.",
        "Around 10,000 rescuers – 2,500 firefighters and another 7,000 volunteers – worked "
        "in the harbour.",
    )
    assert [f.status for f in _citing(facts, "About 2,500", "2,500")] == ["agreed"]
    assert [f.status for f in _citing(facts, "9,600", "10,000")] == ["approximate"]
    assert [f.status for f in _citing(facts, "", "7,000")] == ["single"]


def test_same_date_in_two_outlets_is_agreed():
    _, facts = _story("The harbour will reopen by September 11, the mayor said.",
                      "The mayor said the harbour would reopen on September 11.")
    fact = [f for f in facts if f.kind == "date"][0]
    assert fact.status == "agreed"
    assert {v.date for v in fact.values} == {"2021-09-11"}


def test_different_dates_for_the_same_event_conflict():
    _, facts = _story("The mayor said the harbour would reopen to ferries on September 11.",
                      "The mayor said the harbour would reopen to ferries on October 2.")
    fact = [f for f in facts if f.kind == "date"][0]
    assert fact.status == "conflict"
    assert {v.date for v in fact.values} == {"2021-09-11", "2021-10-02"}


def test_start_and_end_of_an_event_do_not_conflict():
    _, facts = _story("Crews will start clearing the harbour roads by May 1, the mayor said.",
                      "The mayor said crews would clear the harbour roads by September 11.")
    dated = [f for f in facts if f.kind == "date"]
    assert [f.status for f in dated] == ["single", "single"]


def test_month_containing_the_day_is_approximate():
    _, facts = _story("The mayor said the harbour would reopen to ferries in September 2021.",
                      "The harbour would reopen to ferries on September 11, the mayor said.")
    fact = [f for f in facts if f.kind == "date"][0]
    assert fact.status == "approximate"


def test_reworded_statement_is_agreed_and_lone_statement_single():
    _, facts = _story(
        "Mayor Anna Berg blamed the broken Linden dam for the flooding of the old town.\n\n"
        "Berg thanked the Red Cross for its help.",
        "The flooding of the old town was blamed on the broken Linden dam by Mayor Anna Berg.",
    )
    agreed = _citing(facts, "Linden dam for", "Linden dam by", kind="statement")
    assert agreed and agreed[0].status == "agreed" and agreed[0].kind == "statement"
    assert [f.status for f in _citing(facts, "Red Cross")] == ["single"]


def test_facts_are_ordered_agreed_conflict_single_with_unique_ids():
    _, facts = _story(
        "The flood destroyed 2,500 houses in the harbour district.\n\n"
        "About 300 boats sank near the Linden pier.\n\nMayor Anna Berg visited the school.",
        "The flood destroyed 3,000 houses in the harbour district.\n\n"
        "Some 300 boats sank near the Linden pier.",
    )
    order = {"agreed": 0, "approximate": 0, "conflict": 1, "single": 2}
    ranks = [order[f.status] for f in facts]
    assert ranks == sorted(ranks) and {0, 1, 2} <= set(ranks)
    assert len({f.id for f in facts}) == len(facts)


# --- precision rules ---------------------------------------------------------------------------


def test_small_counts_in_a_quote_are_no_facts_of_their_own():
    articles, facts = _story(
        "“We sent two engineers, two divers and three boats to the pier,” Mayor Anna Berg said.",
        "Mayor Anna Berg thanked the rescue teams at the harbour on Monday evening.",
    )
    assert not [f for f in facts if f.kind == "quantity"]
    assert [f.status for f in facts if "two divers" in f.statement] == ["single"]  # a statement


def test_small_counts_still_conflict():
    _, facts = _story("Five people were killed when the harbour wall collapsed, police said.",
                      "Seven people were killed when the harbour wall collapsed, police said.")
    assert [f.status for f in facts if f.kind == "quantity"] == ["conflict"]


def test_figures_of_different_verbs_do_not_conflict():
    # Alike enough to be compared (TF-IDF cosine 0.3), but a sum paid is not a sum earned.
    _, facts = _story("The harbour authority paid $44 million in federal taxes from 2010 to 2020.",
                      "The harbour authority also earned $10 million in ferry fees in those years.")
    assert not [f for f in facts if f.status == "conflict"]


def test_figures_from_different_places_do_not_conflict():
    _, facts = _story("The flood destroyed 300 houses in Linden on Monday, officials said.",
                      "The flood destroyed 800 houses in Arnhem on Monday, officials said.")
    assert not [f for f in facts if f.status == "conflict"]


def test_a_figure_repeated_by_one_outlet_is_one_claim():
    _, facts = _story("The flood destroyed 2,500 houses.\n\nIn all, 2,500 houses were destroyed "
                      "by the water in the harbour district.",
                      "Officials counted 2,500 destroyed houses in the harbour district.")
    fact = _citing(facts, "2,500", "2,500", kind="quantity")[0]
    assert fact.status == "agreed"
    assert [s.article for s in fact.sources].count("outlet0") == 2
    assert not [f for f in facts if f.kind == "quantity" and f.status == "single"]


def _dated(published: list[str], *bodies: str) -> list[Fact]:
    articles = read([_article(f"outlet{i}", body, day)
                     for i, (body, day) in enumerate(zip(bodies, published, strict=True))])
    facts = find_facts(articles, canonicalise(articles), encoder=None)
    return [f for f in facts if f.kind == "date"]


def test_one_weekday_read_against_two_publication_dates_is_approximate():
    facts = _dated(["2021-04-14", "2021-04-21"],
                   "The mayor met the ferry operators at the pier on Tuesday.",
                   "The mayor met the ferry operators at the pier on Tuesday, she said.")
    assert [f.status for f in facts] == ["approximate"]


def test_a_weekday_agrees_with_a_date_on_that_weekday_and_not_another():
    same = _dated(["2021-04-14", "2021-04-14"],
                  "The mayor met the ferry operators at the pier on Tuesday.",
                  "The mayor met the ferry operators at the pier on April 13.")
    other = _dated(["2021-04-14", "2021-04-14"],
                   "The mayor met the ferry operators at the pier on Tuesday.",
                   "The mayor met the ferry operators at the pier on April 8.")
    assert [f.status for f in same] == ["agreed"]  # "Tuesday" is read as April 13 itself
    assert [f.status for f in other] == ["conflict"]


def test_dates_of_different_precision_are_two_events():
    facts = _dated(["2021-04-14", "2021-04-14"],
                   "Berg said on Monday that she had misspoken at the harbour meeting.",
                   "Berg said she had misspoken at a 2008 harbour meeting.")
    assert "conflict" not in {f.status for f in facts}


def _quoted(id_: str, text: str, speaker_words: str) -> Article:
    """‘“<text>,” <speaker_words> said.’ with its quote and speaker spans."""
    full = f"“{text},” {speaker_words} said."
    start = full.index(speaker_words)
    quote = Quote(start=1, end=1 + len(text), text=text, kind="direct",
                  speaker=Span(start=start, end=start + len(speaker_words)))
    return Article(id=id_, text=full, quotes=[quote])


def _record(article: str, speaker: str, text: str, entity: str) -> QuoteRecord:
    return QuoteRecord(text=text, speaker=speaker, article=article, start=1, end=1 + len(text),
                       kind="direct", speaker_entity=entity)


LINE = "We will rebuild every house before the winter"


@pytest.mark.parametrize(
    ("speakers", "text", "expected"),
    [
        (("Anna Berg", "Tomas Weller"), LINE, 1),
        (("Gov. Anna Berg", "Anna Berg"), LINE, 0),  # one person, named two ways
        (("Anna Berg", "Tomas Weller"), "Meet the Press", 0),  # a title, not a line
    ],
)
def test_attribution_conflicts_are_checked_again(speakers, text, expected):
    articles = [_quoted(f"o{i}", text, name) for i, name in enumerate(speakers)]
    entities = [Entity(id=f"person:{i}", name=name, label="PERSON")
                for i, name in enumerate(speakers)]
    records = [_record(f"o{i}", name, text, f"person:{i}") for i, name in enumerate(speakers)]
    group = QuoteGroup(id="q", text=text, speakers=list(speakers), status="conflict",
                       quotes=records)
    facts = attribution_facts([group], articles, entities)
    assert len(facts) == expected
    for fact in facts:
        assert (fact.kind, fact.status) == ("attribution", "conflict")
        assert {v.text for v in fact.values} == set(speakers)


def test_a_speaker_resolved_from_a_pronoun_is_no_party_to_an_attribution_conflict():
    articles = [_quoted("o0", LINE, "Anna Berg"), _quoted("o1", LINE, "he")]
    entities = [Entity(id=f"person:{i}", name=n, label="PERSON")
                for i, n in enumerate(("Anna Berg", "Tomas Weller"))]
    group = QuoteGroup(id="q", text=LINE, status="conflict", quotes=[
        _record("o0", "Anna Berg", LINE, "person:0"), _record("o1", "Tomas Weller", LINE,
                                                              "person:1")])
    assert attribution_facts([group], articles, entities) == []


def test_an_organisation_is_no_party_to_an_attribution_conflict():
    articles = [_quoted("o0", LINE, "Anna Berg"), _quoted("o1", LINE, "Harbour Authority")]
    entities = [Entity(id="person:0", name="Anna Berg", label="PERSON"),
                Entity(id="org:0", name="Harbour Authority", label="ORG")]
    group = QuoteGroup(id="q", text=LINE, status="conflict", quotes=[
        _record("o0", "Anna Berg", LINE, "person:0"),
        _record("o1", "Harbour Authority", LINE, "org:0")])
    assert attribution_facts([group], articles, entities) == []


# --- seed acceptance ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_facts() -> list[Fact]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    articles = read([from_text(p.read_text(encoding="utf-8"), p.stem)
                     for p in sorted(SEEDS.glob("*.txt"))])
    return find_facts(articles, canonicalise(articles))


def _seed_citing(facts: list[Fact], *pieces: tuple[str, str]) -> list[Fact]:
    return [f for f in facts
            if all(any(s.article == a and w in s.text for s in f.sources) for a, w in pieces)]


def test_seed_us_troops_agreed(seed_facts):
    facts = _seed_citing(seed_facts, (A, "2,500"), (B, "2,500"))
    assert facts and {f.status for f in facts} == {"agreed"}


def test_seed_eleventh_of_september_agreed(seed_facts):
    facts = _seed_citing(seed_facts, (A, "September 11"), (B, "9/11"))
    assert facts and {f.status for f in facts} == {"agreed"}


def test_seed_nato_total_is_approximate_not_conflict(seed_facts):
    facts = _seed_citing(seed_facts, (A, "9,600"), (B, "10,000"))
    assert facts and {f.status for f in facts} == {"approximate"}
    assert not [f for f in seed_facts if f.status == "conflict"]


@pytest.mark.parametrize(
    ("article", "words"),
    [(B, "May 1"), (B, "2,448"), (B, "20,722"), (A, "UK government representative"),
     (A, "foreign ministers"), (A, "Kramp-Karrenbauer")],
)
def test_seed_single_outlet_facts(seed_facts, article, words):
    singles = [f for f in _seed_citing(seed_facts, (article, words)) if f.status == "single"]
    assert singles
    assert all({s.article for s in f.sources} == {article} for f in singles)


def test_two_weekdays_named_apart_are_two_developments_not_a_conflict():
    facts = _dated(["2021-04-14", "2021-04-14"],
                   "Senators kept up pressure on Mayor Anna Berg on Sunday over the harbour.",
                   "Critics turned on Mayor Anna Berg on Friday over the harbour.")
    assert "conflict" not in {f.status for f in facts}


def test_last_month_and_this_month_are_two_developments_not_a_conflict():
    facts = _dated(["2021-04-14", "2021-04-14"],
                   "Mayor Anna Berg, since opening the harbour last month, has given interviews.",
                   "In an interview this month, Mayor Anna Berg said the harbour had opened.")
    assert "conflict" not in {f.status for f in facts}


def test_event_words_meet_across_derived_forms():
    assert events_meet(["winner", "confirm"], ["win"])
    assert events_meet(["evacuation", "order"], ["sign", "evacuate"])
    assert not events_meet(["say"], ["say"])  # a speech verb fits any event
    assert not events_meet(["earn"], ["pay"])


def test_a_reworded_figure_of_the_same_event_conflicts():
    # The head verbs differ (wait / leave) and the sentences share little wording, but both
    # figures count ships waiting.
    _, facts = _story("Officials said 42 ships were waiting at anchor off the coast.",
                      "The strike shut the docks, leaving 67 ships waiting to berth.")
    assert [f.status for f in facts if f.kind == "quantity"] == ["conflict"]


def test_a_small_figure_contradicting_another_outlet_conflicts():
    _, facts = _story("The mayor won the council seat by seven votes after a recount.",
                      "A recount confirmed the mayor's win of the council seat by nine votes.")
    conflicts = _citing(facts, "seven votes", "nine votes", kind="quantity")
    assert [f.status for f in conflicts] == ["conflict"]


def test_different_days_for_the_same_dated_event_conflict():
    _, facts = _story(
        "Officials ordered the evacuation of the valley on Monday afternoon, April 12.",
        "Officials signed the evacuation order for the valley on the morning of Tuesday, April 13.",
    )
    conflicts = [f for f in facts if f.kind == "date" and f.status == "conflict"]
    assert conflicts and {v.date for v in conflicts[0].values} == {"2021-04-12", "2021-04-13"}


def test_a_date_of_another_event_does_not_conflict():
    _, facts = _story("Officials ordered the evacuation of the valley on Monday, April 12.",
                      "Farmers in the valley began the harvest on Tuesday, April 13.")
    assert not [f for f in facts if f.status == "conflict"]


def test_loosely_worded_figures_of_different_events_do_not_conflict():
    _, facts = _story("Officials said 42 ships were waiting at anchor off the coast.",
                      "The strike shut the docks after 67 ships were unloaded on Monday.")
    assert not [f for f in facts if f.status == "conflict"]


def test_a_reworded_sentence_naming_another_weekday_conflicts():
    # One development told in near the same words, each outlet naming its own weekday: the
    # re-wording shows it is one event, so the two days cannot both be right.
    facts = _dated(["2021-04-14", "2021-04-14"],
                   "Mayor Anna Berg opened the new harbour wall on Tuesday, officials said.",
                   "Mayor Anna Berg opened the new harbour wall on Sunday, officials said.")
    assert [f.status for f in facts] == ["conflict"]
    assert {v.date for v in facts[0].values} == {"2021-04-13", "2021-04-11"}


def test_a_statement_said_on_another_weekday_conflicts_when_one_day_has_two_acts():
    # The parser may hang a second word on one day ("said Sunday on the show" -> say, show):
    # in a re-wording, one shared act (say) still dates the same statement.
    sentence = "“It is destructive to the relationship,” Anna Berg said {} on the radio show."
    articles = read([_article(f"outlet{i}", sentence.format(day), "2015-02-25")
                     for i, day in enumerate(("Tuesday", "Sunday"))])
    assert all(a.dates and "say" in a.dates[0].predicates for a in articles)
    articles[1].dates[0].predicates = ["say", "show"]
    facts = [f for f in find_facts(articles, canonicalise(articles), encoder=None)
             if f.kind == "date"]
    assert [f.status for f in facts] == ["conflict"]


def test_figures_of_different_periods_do_not_conflict():
    _, facts = _story(
        "Last year the Berg family paid an effective tax rate of 35.7 percent, records show.",
        "From 2012 through 2020 the Berg family paid an effective tax rate of 31.5 percent.",
    )
    assert not [f for f in facts if f.status == "conflict"]
    _, same_period = _story(
        "In 2020 the Berg family paid an effective tax rate of 35.7 percent, records show.",
        "In 2020 the Berg family paid an effective tax rate of 31.5 percent, records show.",
    )
    assert [f.status for f in same_period if f.kind == "quantity"] == ["conflict"]


def test_each_outlets_only_figure_of_a_noun_is_one_count():
    # Different verbs (cover / sue), loosely alike sentences: each outlet counts women once,
    # so the two figures are its figure for the same count.
    _, facts = _story(
        "The class action against the retailer covers 1.5 million women, lawyers said.",
        "About 2.8 million women are now eligible to sue the retailer for back pay.",
    )
    assert [f.status for f in _citing(facts, "1.5 million", "2.8 million",
                                      kind="quantity")] == ["conflict"]


def test_an_attribution_borrowed_across_another_quote_is_no_party_to_a_conflict():
    # "Tomas Weller asked Anna Berg, '…?' Her response: '<line>'" credits Weller only by
    # borrowing the attribution of the question.
    question = "Will the harbour reopen"
    borrowed = f"Tomas Weller asked Anna Berg, “{question}?” Her response: “{LINE}.”"
    asked = Quote(start=borrowed.index(question), end=borrowed.index(question) + len(question),
                  text=question, kind="direct", speaker=Span(start=0, end=12),
                  cue=Span(start=13, end=18))
    line = Quote(start=borrowed.index(LINE), end=borrowed.index(LINE) + len(LINE), text=LINE,
                 kind="direct", speaker=Span(start=0, end=12), cue=Span(start=13, end=18))
    assert _attribution_conflicts(Article(id="o1", text=borrowed, quotes=[asked, line]), line) == 0
    entities = [Entity(id=f"person:{i}", name=n, label="PERSON")
                for i, n in enumerate(("Anna Berg", "Tomas Weller"))]
    direct = [_quoted("o0", LINE, "Anna Berg"), _quoted("o1", LINE, "Tomas Weller")]
    plain = QuoteGroup(id="q", text=LINE, status="conflict", quotes=[
        _record("o0", "Anna Berg", LINE, "person:0"), _record("o1", "Tomas Weller", LINE,
                                                              "person:1")])
    assert len(attribution_facts([plain], direct, entities)) == 1


def _attribution_conflicts(weller_article: Article, line: Quote) -> int:
    """Attribution facts when outlet o0 gives LINE to Anna Berg and ``weller_article`` (o1)
    gives it, as ``line``, to Tomas Weller."""
    articles = [_quoted("o0", LINE, "Anna Berg"), weller_article]
    entities = [Entity(id=f"person:{i}", name=n, label="PERSON")
                for i, n in enumerate(("Anna Berg", "Tomas Weller"))]
    record = _record("o1", "Tomas Weller", LINE, "person:1").model_copy(
        update={"start": line.start, "end": line.end})
    group = QuoteGroup(id="q", text=LINE, status="conflict",
                       quotes=[_record("o0", "Anna Berg", LINE, "person:0"), record])
    return len(attribution_facts([group], articles, entities))


def test_a_reported_clause_between_naming_and_quote_borrows_nothing():
    # "Tomas Weller wrote what he thought the council should do: '<line>'" names Weller for the
    # line; the reported clause in between is his attribution's own sentence.
    lead = "Tomas Weller wrote what he thought the council should do: “"
    text = f"{lead}{LINE}.”"
    clause = text.index("what he thought")
    reported = Quote(start=clause, end=text.index(":"), text=text[clause:text.index(":")],
                     kind="indirect", speaker=Span(start=0, end=12), cue=Span(start=13, end=18))
    line = Quote(start=len(lead), end=len(lead) + len(LINE), text=LINE, kind="direct",
                 speaker=Span(start=0, end=12), cue=Span(start=13, end=18))
    assert _attribution_conflicts(Article(id="o1", text=text, quotes=[reported, line]), line) == 1


def test_words_quoted_inside_the_naming_sentence_borrow_nothing():
    # '"…," Tomas Weller said, suggesting they should "act sooner." "<line>"': the quoted words
    # inside his own reported clause are part of the sentence naming him for the next quote.
    text = f"“No,” Tomas Weller said, suggesting they should “act sooner.” “{LINE}.”"
    said, name = Span(start=text.index("said"), end=text.index("said") + 4), Span(
        start=text.index("Tomas"), end=text.index("Tomas") + 12)
    cue = Span(start=text.index("suggesting"), end=text.index("suggesting") + 10)
    clause_start = text.index("they should")
    clause = Quote(start=clause_start, end=text.index(".”") + 1,
                   text=text[clause_start:text.index(".”") + 1], kind="indirect", speaker=name,
                   cue=cue)
    marked = Quote(start=text.index("act sooner"), end=text.index(".”") + 1, text="act sooner.",
                   kind="partial", speaker=name, cue=cue)
    line = Quote(start=text.index(LINE), end=text.index(LINE) + len(LINE), text=LINE,
                 kind="direct", speaker=name, cue=cue)
    no = Quote(start=1, end=3, text="No", kind="direct", speaker=name, cue=said)
    article = Article(id="o1", text=text, quotes=[no, clause, marked, line])
    assert _attribution_conflicts(article, line) == 1


def test_a_reworded_statement_said_on_another_weekday_conflicts():
    # "said" dates the statement itself: in a re-wording of one report, two days for it clash,
    # while two loosely alike sentences saying things on two days are two developments.
    facts = _dated(["2021-04-14", "2021-04-14"],
                   "The harbour will stay shut until May, Mayor Anna Berg said on Tuesday.",
                   "The harbour will stay shut until May, Mayor Anna Berg said on Sunday.")
    assert "conflict" in {f.status for f in facts}
