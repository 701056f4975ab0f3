"""The bundled sample, end to end: each event is one story, and the findings its README
documents (examples/expected.json) come out — deliberate conflicts flagged, roundings approximate,
single-outlet facts single, quotes with their speakers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsprism

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="module")
def report():
    articles, errors = newsprism.load([EXAMPLES])
    assert not errors
    return newsprism.compare(newsprism.read(articles))


def _story(report, event):
    (story,) = [s for s in report.stories if set(event["articles"]) & set(s.articles)]
    return story


def _facts_citing(story, pieces):
    return [f for f in story.facts
            if all(any(s.article == a and w in s.text for s in f.sources) for a, w in pieces)]


@pytest.mark.parametrize("event", EXPECTED, ids=[e["articles"][0].split("_")[0] for e in EXPECTED])
def test_each_event_is_one_story(report, event):
    assert sorted(_story(report, event).articles) == sorted(event["articles"])


def _cases(kind):
    return [(e, case) for e in EXPECTED for case in e[kind]]


@pytest.mark.parametrize(("event", "case"), _cases("conflicts"),
                         ids=[" vs ".join(c["texts"])[:50] for _, c in _cases("conflicts")])
def test_deliberate_conflicts_are_flagged(report, event, case):
    story = _story(report, event)
    (a, b), (text_a, text_b) = case["articles"], case["texts"]
    conflicts = [f for f in story.facts if f.status == "conflict"]
    assert any(
        any(s.article == a and (text_a in s.text or s.text in text_a) for s in f.sources)
        and any(s.article == b and (text_b in s.text or s.text in text_b) for s in f.sources)
        for f in conflicts
    ), [(f.note, [(s.article, s.text[:60]) for s in f.sources]) for f in conflicts]


@pytest.mark.parametrize(("event", "case"), _cases("approximate"),
                         ids=[" ~ ".join(c["texts"]) for _, c in _cases("approximate")])
def test_roundings_are_approximate_not_conflict(report, event, case):
    story = _story(report, event)
    facts = _facts_citing(story, list(zip(case["articles"], case["texts"], strict=True)))
    facts = facts or [f for f in story.facts if all(
        any(s.article == a and s.text in t for s in f.sources)
        for a, t in zip(case["articles"], case["texts"], strict=True))]
    assert facts, "the rounded figures were not aligned"
    assert {f.status for f in facts} <= {"approximate", "agreed"}


def _single_cases():
    for event in EXPECTED:
        for case in event["single"]:
            yield pytest.param(event, case, id=case["text"][:40])


@pytest.mark.parametrize(("event", "case"), list(_single_cases()))
def test_single_outlet_facts(report, event, case):
    story = _story(report, event)
    facts = [f for f in story.facts if any(
        s.article == case["article"] and (case["text"] in s.text or s.text in case["text"])
        for s in f.sources)]
    assert facts, "not reported as a fact"
    assert any(f.status == "single" for f in facts)


@pytest.mark.parametrize(("event", "case"), [(e, q) for e in EXPECTED for q in e["quotes"]],
                         ids=[q["text_contains"][:40] for e in EXPECTED for q in e["quotes"]])
def test_quotes_and_speakers(report, event, case):
    story = _story(report, event)
    found = [q for q in story.quotes
             if q.article == case["article"] and case["text_contains"] in q.text]
    assert found, "quote not found"
    surname = case["speaker"].split()[-1]
    assert any(surname in (q.speaker or "") for q in found), [q.speaker for q in found]
