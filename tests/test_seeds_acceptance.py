"""Acceptance: `newsprism compare ../shared/seeds/*.txt --format json` meets every expectation that
../shared/README.md lists for the two seed articles, through the public command line and contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.cli import main

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
A, B = "000_b62f6c2735a42003", "001_2c9f2130cd1c153b"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


def _run(tmp_path_factory, *args) -> Path:
    out = tmp_path_factory.mktemp("cli") / "out"
    assert main([*args, *sorted(str(p) for p in SEEDS.glob("*.txt")), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def raw() -> dict[str, str]:
    return {p.name.split(".")[0]: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    return json.loads(_run(tmp_path_factory, "compare", "--format", "json").read_text())


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, dict]:
    lines = _run(tmp_path_factory, "extract").read_text().splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


@pytest.fixture(scope="module")
def story(report) -> dict:
    assert len(report["stories"]) == 1, "both seeds report one event: expected one story"
    return report["stories"][0]


def _sources(node):
    """Every {article, start, end, text} object anywhere in the output."""
    if isinstance(node, dict):
        if {"article", "start", "end", "text"} <= node.keys():
            yield node
        for value in node.values():
            yield from _sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from _sources(value)


def test_one_story_with_both_articles(story):
    assert sorted(story["articles"]) == [A, B]


def test_every_cited_span_matches_the_raw_input(report, raw):
    cited = list(_sources(report))
    assert len(cited) > 20
    for source in cited:
        assert raw[source["article"]][source["start"] : source["end"]] == source["text"], source


def test_boilerplate_gone_and_captions_apart(extracted):
    first, second = extracted[A], extracted[B]
    assert first["title"].startswith("Antony Blinken calls for Nato troops")
    assert first["standfirst"].startswith("US Secretary of State says")
    (banner,) = [b["text"] for b in first["boilerplate"] if b["kind"] == "banner"]
    assert "automated translation" in banner
    for record in (first, second):
        kept = " ".join([record["title"], record["standfirst"] or "", *record["body"]])
        assert banner not in kept
        assert "Home Americas" not in kept
        assert not any(p.startswith(record["title"][:40]) for p in record["body"]), "repeated headline"
    assert [c[:30] for c in second["captions"]] == [
        "NATO conference on withdrawal ", "Joint press conference by NATO",
    ]
    assert not any("Photo: NATO" in p for p in second["body"])


EXPECTED_QUOTES = [
    (A, "I am here to work closely", "Blinken"),
    (A, "Together, we went into Afghanistan", "Blinken"),
    (A, "We will work very closely together", "Blinken"),
    (A, "discussed our collective future", "Price"),
    (A, "We are working closely with the US", "UK government representative"),
    (A, "For there to be any chance of a lasting peace", "UK government representative"),
    (A, "Any change to our security presence", "UK government representative"),
    (A, "We always said", "Kramp-Karrenbauer"),
    (A, "for us in Nato to synchronise", "Kramp-Karrenbauer"),
    (B, "end America’s longest war", "Biden"),
    (B, "I’m now the fourth United States president", "Biden"),
    (B, "After consulting closely with our allies", "Biden"),
    (B, "Our drawdown will be orderly", "Stoltenberg"),
    (B, "the start of a new chapter", "Stoltenberg"),
    (B, "allies and partners will continue to stand", "Stoltenberg"),
    (B, "part of a broader pattern of Russian aggressive actions", "Stoltenberg"),
    (B, "we call on Russia to de-escalate immediately", "Stoltenberg"),
]


@pytest.mark.parametrize(("article", "words", "speaker"), EXPECTED_QUOTES)
def test_quote_found_with_its_speaker(story, article, words, speaker):
    found = [q for q in story["quotes"] if q["article"] == article and words in q["text"]]
    assert found, f"no quote containing {words!r} in {article}"
    assert any(speaker in (q["speaker"] or "") for q in found), found


def test_partial_quotes_are_partial(tmp_path_factory):
    lines = _run(tmp_path_factory, "quotes").read_text().splitlines()
    quotes = {r["id"]: r["quotes"] for r in map(json.loads, lines)}
    partial = [q for q in quotes[B] if q["text"].startswith("end America’s longest war")]
    assert partial and partial[0]["kind"] == "partial"
    assert all(q["kind"] in {"direct", "partial", "indirect"} for qs in quotes.values() for q in qs)


def _entity(story, *names) -> dict:
    matches = [e for e in story["entities"]
               if all(any(n in m["text"] for m in e["mentions"]) for n in names)]
    assert len(matches) == 1, f"expected one entity holding {names}, got {[e['name'] for e in matches]}"
    return matches[0]


def test_canonical_entities(story):
    assert _entity(story, "Antony Blinken", "Antony J. Blinken", "Mr Blinken")["name"] == (
        "Antony J. Blinken"
    )
    assert "Stoltenberg" in _entity(story, "Jens Stoltenberg", "Mr Stoltenberg", "Secretary General")[
        "name"]
    assert "Kramp-Karrenbauer" in _entity(
        story, "Annegret Kramp-Karrenbauer", "Ms Kramp-Karrenbauer", "defence minister")["name"]
    assert "Biden" in _entity(story, "Joe Biden", "president")["name"]
    assert _entity(story, "Nato", "NATO")


def _facts_citing(story, *pieces: tuple[str, str]) -> list[dict]:
    """Facts whose sources cover every (article, words) piece."""
    return [
        f for f in story["facts"]
        if all(any(s["article"] == a and w in s["text"] for s in f["sources"]) for a, w in pieces)
    ]


def test_us_troops_agreed(story):
    facts = _facts_citing(story, (A, "2,500"), (B, "2,500"))
    assert facts and {f["status"] for f in facts} == {"agreed"}


def test_eleventh_of_september_agreed(story):
    facts = _facts_citing(story, (A, "September 11"), (B, "9/11"))
    assert facts and {f["status"] for f in facts} == {"agreed"}


def test_nato_total_is_approximate_not_conflict(story):
    facts = _facts_citing(story, (A, "9,600"), (B, "10,000"))
    assert facts and {f["status"] for f in facts} == {"approximate"}
    assert not [f for f in story["facts"] if f["status"] == "conflict"
                and {"9,600", "10,000"} & {w for s in f["sources"] for w in s["text"].split()}]


@pytest.mark.parametrize(
    ("article", "words"),
    [(B, "May 1"), (B, "2,448"), (B, "20,722"),
     (A, "UK government representative"), (A, "foreign ministers"), (A, "Kramp-Karrenbauer")],
)
def test_single_outlet_facts(story, article, words):
    singles = [f for f in _facts_citing(story, (article, words)) if f["status"] == "single"]
    assert singles, f"no single-source fact citing {words!r} in {article}"
    assert all({s["article"] for s in f["sources"]} == {article} for f in singles)


def test_together_line_spoken_by_three_and_paraphrased_by_price(story):
    groups = [g for g in story["quote_groups"]
              if {"Blinken", "Stoltenberg", "Kramp-Karrenbauer"}
              <= {speaker.split()[-1] for speaker in g["speakers"]}]
    assert groups, [g["speakers"] for g in story["quote_groups"]]
    assert any("Price" in (q["speaker"] or "") for q in groups[0]["quotes"])


def test_brief_and_timeline_cite_sources(story):
    assert 1 <= len(story["brief"]) <= 8
    assert all(item["sources"] for item in story["brief"])
    assert any(entry["date"].startswith("2021-09-11") for entry in story["timeline"])
