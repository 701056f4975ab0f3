"""Integrity of the bundled sample in ``examples/``: the files exist, have the promised shape, and
every finding ``examples/expected.json`` documents can be found, word for word, in its article.

Only the standard library is used, so this test says something about the sample itself and nothing
about newsprism's own readers.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[1] / "examples"
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
EVENTS = EXPECTED["events"]
OUTLETS = EXPECTED["outlets"]

# Tags whose text a browser never shows as part of the page.
INVISIBLE_TAGS = {"head", "script", "style", "noscript", "template"}
# Tags that start a new line of visible text, so paragraphs stay apart as they do on screen.
BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "figure", "figcaption", "nav",
    "header", "footer", "aside", "article", "section", "main", "br", "time",
}
PAGE_PARTS = {"nav", "header", "article", "h1", "p", "figure", "figcaption", "aside", "footer"}


class _PageReader(HTMLParser):
    """Collects the visible text, the <meta> values and the tag names of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.meta: dict[str, str] = {}
        self.tags: set[str] = set()
        self.title = ""
        self._hidden_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key and values.get("content"):
                self.meta[key] = values["content"] or ""
        if tag == "title":
            self._in_title = True
        if tag in INVISIBLE_TAGS:
            self._hidden_depth += 1
        if tag in BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in INVISIBLE_TAGS:
            self._hidden_depth -= 1
        if tag in BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._hidden_depth == 0:
            self.chunks.append(data)

    def visible_text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.chunks).split("\n"))
        return "\n".join(line for line in lines if line)


def _read_page(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def _wire_rows() -> list[dict]:
    lines = (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _article_texts() -> dict[str, str]:
    """Article id -> the text a reader sees: file text, JSONL ``text``, or HTML visible text."""
    texts: dict[str, str] = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        texts[path.stem] = path.read_text(encoding="utf-8")
    for path in sorted(EXAMPLES.glob("*.html")):
        texts[path.stem] = _read_page(path).visible_text()
    for row in _wire_rows():
        assert row["id"] not in texts, f"duplicate article id {row['id']}"
        texts[row["id"]] = row["text"]
    return texts


TEXTS = _article_texts()
FORMAT_OF = {
    **{p.stem: "txt" for p in EXAMPLES.glob("*.txt")},
    **{p.stem: "html" for p in EXAMPLES.glob("*.html")},
    **{row["id"]: "jsonl" for row in _wire_rows()},
}


def _outlet(article_id: str) -> str:
    return article_id.split("_", 1)[1]


def _paragraph_containing(article_id: str, needle: str) -> str:
    matches = [line for line in TEXTS[article_id].split("\n") if needle in line]
    assert len(matches) == 1, f"{needle!r} should sit in exactly one paragraph of {article_id}"
    return matches[0]


def _quotes_left_open(paragraph: str) -> bool:
    curly_open = paragraph.count("“") > paragraph.count("”")
    straight_open = paragraph.count('"') % 2 == 1
    return curly_open or straight_open


def test_nine_articles_three_formats() -> None:
    assert len(TEXTS) == 9
    assert len(list(EXAMPLES.glob("*.txt"))) == 3
    assert len(list(EXAMPLES.glob("*.html"))) == 3
    assert len(list(EXAMPLES.glob("*.jsonl"))) == 1
    assert len(_wire_rows()) == 3


def test_three_events_of_three_outlets_each_in_every_format() -> None:
    assert len(EVENTS) == 3
    listed = [article for event in EVENTS for article in event["articles"]]
    assert sorted(listed) == sorted(TEXTS), "expected.json must list every article exactly once"
    for event in EVENTS:
        assert len(event["articles"]) == 3
        assert {_outlet(a) for a in event["articles"]} == set(OUTLETS)
        assert sorted(FORMAT_OF[a] for a in event["articles"]) == ["html", "jsonl", "txt"]
        assert len({a.split("_", 1)[0] for a in event["articles"]}) == 1, "one id prefix per event"


def test_article_lengths_are_250_to_500_words() -> None:
    for article_id, text in TEXTS.items():
        words = len(text.split())
        assert 250 <= words <= 500, f"{article_id} has {words} words"


def test_wire_rows_have_every_field() -> None:
    fields = {"id", "text", "title", "url", "source", "published", "language"}
    for row in _wire_rows():
        assert set(row) == fields
        assert all(isinstance(row[f], str) and row[f].strip() for f in fields)
        assert row["language"] == "en"
        assert row["source"] == OUTLETS[_outlet(row["id"])]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)", row["published"])


def test_html_pages_look_like_news_pages() -> None:
    for path in sorted(EXAMPLES.glob("*.html")):
        page = _read_page(path)
        assert page.tags >= PAGE_PARTS, f"{path.name} lacks {PAGE_PARTS - page.tags}"
        assert page.title.strip()
        assert page.meta.get("og:site_name") == OUTLETS[_outlet(path.stem)]
        assert page.meta.get("author")
        assert re.match(r"\d{4}-\d\d-\d\dT", page.meta.get("article:published_time", ""))


def test_every_article_carries_scraping_noise() -> None:
    for article_id, text in TEXTS.items():
        assert "Related" in text, f"{article_id}: no related-links line"
        assert re.search(r"Photo\b", text), f"{article_id}: no photo credit"
        assert re.search(r"^By [A-Z]", text, re.M), f"{article_id}: no byline"
        outlet_name = OUTLETS[_outlet(article_id)].removeprefix("The ").removesuffix(" News Agency")
        assert outlet_name in text, f"{article_id}: the outlet's own boilerplate is missing"


def test_expected_strings_occur_in_their_articles() -> None:
    for event in EVENTS:
        members = set(event["articles"])
        for key in ("conflicts", "approximate", "agreed"):
            for finding in event.get(key, []):
                assert len(finding["articles"]) == len(finding["texts"]) >= 2
                assert set(finding["articles"]) <= members
                assert len(set(finding["articles"])) == len(finding["articles"])
                for article_id, wording in zip(finding["articles"], finding["texts"], strict=True):
                    assert wording in TEXTS[article_id], f"{wording!r} not in {article_id}"
        for single in event["single"]:
            assert single["article"] in members
            assert single["text"] in TEXTS[single["article"]]
        for quote in event["quotes"]:
            assert quote["article"] in members
            assert quote["text_contains"] in TEXTS[quote["article"]], quote
            surname = quote["speaker"].split()[-1]
            assert surname in TEXTS[quote["article"]], f"{quote['speaker']} not named"


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e["articles"][0].split("_")[0])
def test_each_event_has_every_kind_of_finding(event: dict) -> None:
    assert event["conflicts"] and event["approximate"] and event["single"] and event["quotes"]
    kinds = Counter(q["kind"] for q in event["quotes"])
    assert kinds["direct"] and kinds["partial"] and kinds["indirect"]


def test_sample_covers_each_kind_of_disagreement() -> None:
    kinds = {c["kind"] for event in EVENTS for c in event["conflicts"]}
    assert kinds == {"quantity", "date", "attribution"}


def test_attribution_conflict_is_one_quote_with_two_speakers() -> None:
    for event in EVENTS:
        for conflict in (c for c in event["conflicts"] if c["kind"] == "attribution"):
            first, second = conflict["articles"]
            speakers_by_words: dict[str, set[str]] = {}
            for quote in event["quotes"]:
                if quote["article"] in (first, second):
                    speakers_by_words.setdefault(quote["text_contains"], set()).add(
                        quote["speaker"]
                    )
            assert any(len(speakers) == 2 for speakers in speakers_by_words.values())


def test_multi_paragraph_quotes_leave_their_first_paragraph_open() -> None:
    openers = [q for e in EVENTS for q in e["quotes"] if q.get("continues_next_paragraph")]
    assert openers, "the sample must show a quote running over two paragraphs"
    for quote in openers:
        paragraph = _paragraph_containing(quote["article"], quote["text_contains"])
        assert _quotes_left_open(paragraph), f"{quote['text_contains']!r} closes its paragraph"


def test_speakers_belong_to_one_event_only() -> None:
    for event in EVENTS:
        surnames = {q["speaker"].split()[-1] for q in event["quotes"]}
        others = [a for e in EVENTS if e is not event for a in e["articles"]]
        for surname in surnames:
            leaks = [a for a in others if re.search(rf"\b{re.escape(surname)}\b", TEXTS[a])]
            assert not leaks, f"{surname} appears in other events: {leaks}"
