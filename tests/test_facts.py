"""Facts: figures, dates and statements matched across outlets, with a status and exact sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare.facts import find_facts
from newsprism.ingest import from_text
from newsprism.model import Article, Fact
from newsprism.read import read
from newsprism.read.entities import canonicalise

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
A, B = "000_b62f6c2735a42003", "001_2c9f2130cd1c153b"


def _story(*bodies: str, published: str | None = "2021-04-14") -> tuple[list[Article], list[Fact]]:
    articles = [from_text(f"Harbour town flood\n\n{body}\n", f"outlet{i}", published=published)
                for i, body in enumerate(bodies)]
    articles = read(articles)
    facts = find_facts(articles, canonicalise(articles))
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
