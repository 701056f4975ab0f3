"""The coverage chart: one bar per article, segments sized by how many facts have each status."""

import xml.etree.ElementTree as ET

from newsprism.model import Article, Coverage, Fact, OutletCoverage, Report, SourceSpan, Story
from newsprism.present.chart import BAR_WIDTH, COLOURS, coverage_chart_svg, fact_counts
from newsprism.present.html import render_html

SVG = "{http://www.w3.org/2000/svg}"


def _fact(number: int, status: str, *articles: str) -> Fact:
    return Fact(
        id=f"f{number}",
        status=status,
        statement=f"statement {number}",
        sources=[SourceSpan(article=a, start=0, end=4, text="Text") for a in articles],
    )


def _story() -> tuple[Story, list[Article]]:
    articles = [
        Article(id="a", text="Text of a", outlet="First <Outlet> & Co", published="2024-05-01"),
        Article(id="b", text="Text of b", outlet="second.example"),
    ]
    facts = [
        _fact(1, "agreed", "a", "b"),
        _fact(2, "agreed", "a", "b"),
        _fact(3, "conflict", "a", "b"),
        _fact(4, "single", "a"),
        _fact(5, "single", "a"),
        _fact(6, "approximate", "b"),
    ]
    coverage = Coverage(outlets=[
        OutletCoverage(article="a", facts=[], missing=[]),
        OutletCoverage(article="b", facts=[], missing=["f4"]),
    ])
    story = Story(id="s", title="t", articles=["a", "b"], facts=facts, coverage=coverage)
    return story, articles


def _bars(svg: str) -> dict[str, list[tuple[str, float]]]:
    """Per outlet label, its bar segments as (fill, width), read back from the markup."""
    root = ET.fromstring(svg)
    bars: dict[str, list[tuple[str, float]]] = {}
    for rect in root.iter(f"{SVG}rect"):
        tip = rect.find(f"{SVG}title").text
        if ":" not in tip:  # legend boxes have no outlet in their tooltip
            continue
        outlet = tip.split(":")[0]
        bars.setdefault(outlet, []).append((rect.get("fill"), float(rect.get("width"))))
    return bars


def test_counts_per_status_include_what_an_outlet_leaves_out():
    story, _ = _story()
    assert fact_counts(story, "a") == {
        "agreed": 2, "approximate": 0, "conflict": 1, "single": 2, "missing": 0,
    }
    assert fact_counts(story, "b")["missing"] == 1
    assert fact_counts(story, "b")["approximate"] == 1


def test_segments_are_proportional_and_the_longest_bar_fills_the_width():
    story, articles = _story()
    bars = _bars(coverage_chart_svg(story, articles))
    first = bars["First <Outlet> & Co"]
    assert [fill for fill, _ in first] == [
        COLOURS["agreed"], COLOURS["conflict"], COLOURS["single"],
    ]
    assert sum(width for _, width in first) == BAR_WIDTH  # a has 5 facts, the most
    widths = dict(first)
    assert widths[COLOURS["agreed"]] == 2 * widths[COLOURS["conflict"]]
    second = bars["second.example"]
    assert second[-1][0] == "none"  # the left-out fact is drawn as an empty, dashed box
    assert len(second) == 4


def test_outlet_names_from_the_input_are_escaped():
    story, articles = _story()
    svg = coverage_chart_svg(story, articles)
    assert "<Outlet>" not in svg
    assert "First &lt;Outlet&gt; &amp; Co" in svg
    ET.fromstring(svg)  # well-formed


def test_no_facts_no_chart():
    _, articles = _story()
    assert coverage_chart_svg(Story(id="s", title="t", articles=["a", "b"]), articles) == ""


def test_the_html_report_embeds_the_chart():
    story, articles = _story()
    page = render_html(Report(stories=[story], articles=articles))
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="coverage-chart"') == 1
