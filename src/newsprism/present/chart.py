"""A picture of a story's coverage: one bar per article, its facts split by status.

Reading the facts table tells you *what* each outlet said; this chart tells you at a glance *how
much* of it the others back up: a long green bar is an outlet in step with the rest, a red segment
is where it disagrees, grey is what it alone reports, and a dashed box is what most others carry
and it leaves out. The SVG is built with ElementTree so outlet names, which come from the input,
are escaped like any other text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newsprism.model import Article, Story
from newsprism.present.citations import outlet_name

# Drawing order along a bar: corroborated first, so bars line up on what outlets share.
BAR_STATUSES = ("agreed", "approximate", "conflict", "single")
COLOURS = {
    "agreed": "#1a7f37",
    "approximate": "#0b7285",
    "conflict": "#c92a2a",
    "single": "#adb5bd",
}
LABELS = {
    "agreed": "agreed",
    "approximate": "agreed within rounding",
    "conflict": "in conflict",
    "single": "this outlet only",
}
LABEL_WIDTH = 190
BAR_WIDTH = 440
DATE_WIDTH = 170
ROW_HEIGHT = 24
BAR_HEIGHT = 14
LEGEND_HEIGHT = 26


def fact_counts(story: Story, article_id: str) -> dict[str, int]:
    """How many of the story's facts cite ``article_id``, per status, plus those it leaves out."""
    counts = dict.fromkeys(BAR_STATUSES, 0)
    for fact in story.facts:
        if any(source.article == article_id for source in fact.sources):
            counts[fact.status] = counts.get(fact.status, 0) + 1
    missing = 0
    if story.coverage is not None:
        for outlet in story.coverage.outlets:
            if outlet.article == article_id:
                missing = len(outlet.missing)
    counts["missing"] = missing
    return counts


def coverage_chart_svg(story: Story, articles: list[Article]) -> str:
    """Inline SVG markup for the story's articles, or "" when there is nothing to draw."""
    rows = [(article, fact_counts(story, article.id)) for article in articles]
    widest = max((sum(counts.values()) for _, counts in rows), default=0)
    if widest == 0:
        return ""
    scale = BAR_WIDTH / widest
    width = LABEL_WIDTH + BAR_WIDTH + DATE_WIDTH
    height = LEGEND_HEIGHT + ROW_HEIGHT * len(rows) + 4
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg",
        "class": "coverage-chart",
        "viewBox": f"0 0 {width} {height}",
        "width": str(width),
        "height": str(height),
        "role": "img",
        "font-family": "system-ui, sans-serif",
        "font-size": "12",
    })
    ET.SubElement(svg, "title").text = "Facts per article, by status"
    _legend(svg)
    for number, (article, counts) in enumerate(rows):
        top = LEGEND_HEIGHT + number * ROW_HEIGHT
        _row(svg, top, outlet_name(article, article.id), article.published, counts, scale)
    return ET.tostring(svg, encoding="unicode")


def _legend(svg: ET.Element) -> None:
    x = 8
    for status in (*BAR_STATUSES, "missing"):
        box = ET.SubElement(svg, "rect", _box(x, 6, 12, 12, status))
        ET.SubElement(box, "title").text = _label(status)
        text = ET.SubElement(svg, "text", {"x": str(x + 16), "y": "16", "fill": "#5f6873"})
        text.text = _label(status)
        x += 24 + 7 * len(_label(status))


def _row(
    svg: ET.Element,
    top: int,
    name: str,
    published: str | None,
    counts: dict[str, int],
    scale: float,
) -> None:
    middle = top + ROW_HEIGHT / 2
    label = ET.SubElement(svg, "text", {
        "x": str(LABEL_WIDTH - 8), "y": f"{middle + 4:.1f}", "text-anchor": "end",
    })
    label.text = name if len(name) <= 28 else name[:27] + "…"
    ET.SubElement(label, "title").text = name
    x = float(LABEL_WIDTH)
    bar_top = middle - BAR_HEIGHT / 2
    for status in (*BAR_STATUSES, "missing"):
        count = counts.get(status, 0)
        if not count:
            continue
        segment = ET.SubElement(svg, "rect", _box(x, bar_top, count * scale, BAR_HEIGHT, status))
        ET.SubElement(segment, "title").text = f"{name}: {count} {_label(status)}"
        x += count * scale
    when = ET.SubElement(svg, "text", {
        "x": str(LABEL_WIDTH + BAR_WIDTH + 10), "y": f"{middle + 4:.1f}", "fill": "#5f6873",
    })
    when.text = published or "undated"


def _box(x: float, y: float, width: float, height: float, status: str) -> dict[str, str]:
    attributes = {
        "x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{width:.1f}", "height": f"{height:.1f}",
    }
    if status == "missing":
        attributes.update(fill="none", stroke="#868e96", **{"stroke-dasharray": "3 2"})
    else:
        attributes.update(fill=COLOURS[status])
    return attributes


def _label(status: str) -> str:
    return LABELS.get(status, "left out (most others carry it)")
