"""Ingest of RSS/Atom feeds and WARC archives: one article per item or HTML response record."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.errors import InputError
from newsprism.ingest import load
from newsprism.ingest.feeds import looks_like_feed, stable_id
from newsprism.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
RSS = FIXTURES / "wire.rss"
ATOM = FIXTURES / "council.atom"
SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

SECOND_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tram line extension opens to passengers</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tram line extension opens to passengers</h1>
<p>The first trams ran on the new four-kilometre extension to the university campus on Saturday,
two months later than planned after delays to the power supply works.</p>
<p>The transport authority said services would run every eight minutes at peak times and that
about nine thousand journeys a day were expected in the first year.</p>
<p>Students who had waited at the new terminus since dawn cheered as the first tram arrived.</p>
</article><footer>Contact us | Privacy</footer></body></html>"""


def body_lines(article: Article) -> list[str]:
    return [article.span_text(p) for p in article.body]


# --- feeds ----------------------------------------------------------------------------------


def test_rss_items_become_articles_with_metadata():
    articles, errors = load([RSS])
    assert [a.title_text for a in articles] == [
        "Ferry service resumes after engine repairs",
        "Library extends weekend opening hours",
    ]
    ferry, library = articles
    assert ferry.url == "https://www.lakesideherald.example/news/2023/05/ferry-service-resumes.html"
    assert ferry.published == "2023-05-09T05:45:00Z"  # +02:00 normalised to UTC
    assert (ferry.author, ferry.outlet) == ("Ines Marlow", "lakesideherald.example")
    assert ferry.source == f"{RSS}:item 1"
    # Content, not the one-line description; markup gone, script dropped, one block per line.
    assert body_lines(ferry) == [
        "The lake ferry returned to service on Tuesday after three weeks of engine repairs, "
        "the operator said.",
        "Crossings will run every forty minutes until the summer timetable starts in June.",
        '"We are grateful for the patience of our passengers," a spokesman said.',
    ]
    assert "trackVisit" not in ferry.text
    # No content: the HTML summary is the text.
    assert body_lines(library)[0].startswith("The central library will open on Sundays")
    # An item with a title and a link only is named in its error.
    assert len(errors) == 1 and errors[0].source == f"{RSS}:item 3"
    assert "no text" in errors[0].problem


def test_feed_ids_are_stable_unique_and_safe():
    first, _ = load([RSS, ATOM])
    again, _ = load([RSS, ATOM])
    ids = [a.id for a in first]
    assert ids == [a.id for a in again] and len(set(ids)) == len(ids)
    assert all(SAFE_ID.match(i) for i in ids)
    assert ids[0].startswith("ferry-service-resumes-")  # readable: the link's slug
    assert ids[2].startswith("northgate-council-example-2023-press-118-")  # a tag: guid


def test_stable_id_from_awkward_urls():
    assert stable_id("https://a.example/news/index.html") == stable_id(
        "https://a.example/news/index.html"
    )
    assert stable_id("https://a.example/story/index.html") != stable_id(
        "https://b.example/story/index.html"
    )
    for url in [
        "https://a.example/",
        "https://a.example/article.php?id=77&lang=en",
        "https://a.example/2023/05/Caf%C3%A9-ouvre/",
        "urn:uuid:0b1c",
        "../weird path/?x=<y>",
    ]:
        assert SAFE_ID.match(stable_id(url)), url
    assert stable_id("https://a.example/article.php?id=77").startswith("77-")
    assert stable_id("https://a.example/2023/05/Caf%C3%A9-ouvre/").startswith("cafe-ouvre-")


def test_atom_entry_without_link_takes_outlet_from_feed():
    articles, errors = load([ATOM])
    assert errors == [] and len(articles) == 1
    entry = articles[0]
    assert entry.url is None and entry.outlet == "press.northgate-council.example"
    assert (entry.published, entry.author) == ("2023-06-01T09:30:00Z", "Press Office")
    assert body_lines(entry)[-1] == "Work will start in September and take about ten weeks."


def test_xml_is_sniffed_and_feed_on_stdin(tmp_path: Path):
    (tmp_path / "a.xml").write_bytes(RSS.read_bytes())
    (tmp_path / "b.xml").write_bytes(b'<?xml version="1.0"?><sitemap><url>x</url></sitemap>')
    articles, errors = load([tmp_path / "a.xml", tmp_path / "b.xml"])
    assert len(articles) == 2 and articles[0].source == f"{tmp_path / 'a.xml'}:item 1"
    assert [e.problem for e in errors[1:]] == ["XML file is not an RSS or Atom feed"]
    from_stdin, stdin_errors = load(["-"], stdin=io.BytesIO(ATOM.read_bytes()))
    assert [a.id for a in from_stdin] == [a.id for a in load([ATOM])[0]] and stdin_errors == []
    assert from_stdin[0].source == "<stdin>:item 1"


def test_feed_sniffing_is_about_the_root_element():
    assert looks_like_feed(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c --><rdf:RDF></rdf:RDF>")
    assert looks_like_feed('<?xml version="1.0"?><feed/>'.encode("utf-16"))
    assert not looks_like_feed(b"<!DOCTYPE html><html><body>rss feed</body></html>")
    assert not looks_like_feed(b"<?xml version='1.0'?><html/>")


# --- WARC -----------------------------------------------------------------------------------


def write_warc(records: list[tuple[str, str, bytes, str, str]], gzip: bool) -> bytes:
    """A WARC of (type, uri, payload, content type, status) records, written with warcio."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for kind, uri, payload, content_type, status in records:
        headers = None
        if kind == "response":
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=headers)
        )
    return buffer.getvalue()


def crawl_records() -> list[tuple[str, str, bytes, str, str]]:
    page = (FIXTURES / "page.html").read_bytes()
    return [
        (
            "request",
            "https://www.valleycourier.example/news/river-bridge-reopens",
            b"GET / HTTP/1.1\r\n\r\n",
            "",
            "",
        ),
        (
            "response",
            "https://www.valleycourier.example/news/river-bridge-reopens",
            page,
            "text/html; charset=utf-8",
            "200 OK",
        ),
        (
            "response",
            "https://www.valleycourier.example/logo.png",
            b"\x89PNG\r\n\x1a\n" * 20,
            "image/png",
            "200 OK",
        ),
        ("response", "https://www.valleycourier.example/gone", page, "text/html", "404 Not Found"),
        (
            "response",
            "https://metro.example/2024/tram-extension-opens",
            SECOND_PAGE.encode(),
            "text/html",
            "200 OK",
        ),
    ]


@pytest.mark.parametrize("compressed", [False, True])
def test_warc_html_responses_become_articles(tmp_path: Path, compressed: bool):
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    (tmp_path / name).write_bytes(write_warc(crawl_records(), gzip=compressed))
    articles, errors = load([tmp_path / name])
    assert errors == []
    bridge_url = "https://www.valleycourier.example/news/river-bridge-reopens"
    assert [a.url for a in articles] == [
        bridge_url,
        "https://metro.example/2024/tram-extension-opens",
    ]
    bridge, tram = articles
    assert bridge.id == stable_id(bridge_url) and bridge.id.startswith("river-bridge-reopens-")
    assert bridge.title_text == "River bridge reopens after repairs" and bridge.html
    assert bridge.source == f"{tmp_path / name}:record 3"  # warcinfo and request come first
    assert tram.outlet == "metro.example" and tram.title_text.startswith("Tram line extension")


def test_warc_on_stdin_is_sniffed():
    for compressed in (False, True):
        data = write_warc(crawl_records(), gzip=compressed)
        articles, errors = load(["-"], stdin=io.BytesIO(data))
        assert errors == [] and len(articles) == 2
        assert articles[0].source == "<stdin>:record 3"


def test_warc_record_over_the_size_limit_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from newsprism.ingest import sources

    monkeypatch.setattr(sources, "MAX_ARTICLE_BYTES", 1500)  # page.html is 1.7 KB
    (tmp_path / "big.warc").write_bytes(write_warc(crawl_records(), gzip=False))
    articles, errors = load([tmp_path / "big.warc"])
    assert [a.url for a in articles] == ["https://metro.example/2024/tram-extension-opens"]
    assert len(errors) == 1 and errors[0].source.endswith("big.warc:record 3")
    assert "limit" in errors[0].problem
    assert isinstance(errors[0], InputError)
