"""Timeline: dated events once each, merged across outlets, sorted by date."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare import timeline
from newsprism.compare.facts import find_facts
from newsprism.ingest import from_text
from newsprism.model import Article
from newsprism.read import read

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
A, B = "000_b62f6c2735a42003", "001_2c9f2130cd1c153b"


def _article(id_: str, body: str, published: str | None) -> Article:
    """Built here, not cleaned, so these tests depend on no cleaner."""
    return Article.from_paragraphs(id_, body.split("\n\n"), title="Harbour town flood",
                                   published=published, outlet=id_)


def _articles(*bodies: str, published: str | None = "2021-04-14") -> list[Article]:
    return read([_article(f"outlet{i}", body, published) for i, body in enumerate(bodies)])


def test_entries_are_merged_across_outlets_and_sorted():
    articles = _articles(
        "The harbour will reopen by September 11, the mayor said.\n\n"
        "Crews started clearing roads on April 2.",
        "The mayor said the harbour would reopen on September 11.",
    )
    entries = timeline.build(articles, find_facts(articles, [], encoder=None))
    assert [e.date for e in entries] == ["2021-04-02", "2021-09-11"]
    reopening = entries[1]
    assert {s.article for s in reopening.sources} == {"outlet0", "outlet1"}
    assert "reopen" in reopening.statement
    by_id = {a.id: a for a in articles}
    for entry in entries:
        for s in entry.sources:
            assert by_id[s.article].text[s.start : s.end] == s.text


def test_conflicting_dates_stay_visible_as_separate_entries():
    articles = _articles("The mayor said the harbour would reopen to ferries on September 11.",
                         "The mayor said the harbour would reopen to ferries on October 2.")
    entries = timeline.build(articles, find_facts(articles, [], encoder=None))
    assert [(e.date, [s.article for s in e.sources]) for e in entries] == [
        ("2021-09-11", ["outlet0"]), ("2021-10-02", ["outlet1"])]


def test_yearless_dates_are_left_out():
    articles = _articles("Life in the harbour changed after 9/11, the mayor said.", published=None)
    assert timeline.build(articles, find_facts(articles, [], encoder=None)) == []


def test_builds_its_own_date_facts_when_given_none():
    articles = _articles("The harbour will reopen by September 11, the mayor said.")
    assert [e.date for e in timeline.build(articles, [])] == ["2021-09-11"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seed_timeline_has_the_eleventh_of_september_from_both_outlets():
    articles = read([from_text(p.read_text(encoding="utf-8"), p.stem)
                     for p in sorted(SEEDS.glob("*.txt"))])
    entries = timeline.build(articles, find_facts(articles, [], encoder=None))
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    eleventh = [e for e in entries if e.date == "2021-09-11"]
    assert len(eleventh) == 1 and {s.article for s in eleventh[0].sources} == {A, B}
    assert any(e.date == "2021-05-01" for e in entries)
