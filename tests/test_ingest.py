"""Stage 1, ingest: every input kind, every bad input, the text cleaner, and the seeds."""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import from_html, from_text, iter_load, load, sources
from newsprism.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
SEED_000 = SEEDS / "000_b62f6c2735a42003.txt"
SEED_001 = SEEDS / "001_2c9f2130cd1c153b.txt"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not available")

HEADLINE = "Storm closes mountain pass for third day"
STANDFIRST = "Snowdrifts of up to four metres have cut off villages on both sides of the range"
BODY_1 = (
    "Police said on Friday that the pass would stay closed at least until Sunday, "
    "when a thaw is forecast."
)
BODY_2 = '"We are asking people not to travel unless it is essential," a police spokeswoman said.'


def roles(article: Article) -> dict[str, str]:
    """Each line's text -> its role, or ``BP:kind`` for boilerplate."""
    found = {article.span_text(p): p.role for p in article.paragraphs}
    found.update({article.span_text(b): f"BP:{b.kind}" for b in article.boilerplate})
    return found


def assert_spans_valid(article: Article) -> None:
    spans = [*article.paragraphs, *article.boilerplate]
    spans += [s for s in (article.title, article.standfirst) if s is not None]
    for span in spans:
        assert 0 <= span.start < span.end <= len(article.text)
        covered = article.text[span.start : span.end]
        assert covered == covered.strip() and "\n" not in covered and "\r" not in covered
    for paragraph in article.paragraphs:
        for chrome in article.boilerplate:
            assert paragraph.end <= chrome.start or chrome.end <= paragraph.start


# --- the seeds -------------------------------------------------------------------------------


@needs_seeds
def test_seed_000_title_standfirst_banner_and_body():
    text = SEED_000.read_text(encoding="utf-8")
    article = from_text(text, "000")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert article.text == text
    assert article.title_text == lines[0]
    assert article.title_text.startswith("Antony Blinken calls for Nato troops")
    assert article.span_text(article.standfirst).startswith("US Secretary of State says")
    found = roles(article)
    assert found[lines[0]] == "title" and found[lines[1]] == "standfirst"
    assert "automated translation" in lines[2] and found[lines[2]] == "BP:banner"
    assert all(found[line] == "body" for line in lines[3:])
    assert article.published is None
    assert article.language == "en"
    assert_spans_valid(article)


@needs_seeds
def test_seed_000_with_repeated_headline_block():
    lines = SEED_000.read_text(encoding="utf-8").split("\n\n")
    # Scrapes of this page sometimes carry the headline and standfirst twice, after the banner.
    text = "\n\n".join(lines[:3] + lines[:2] + lines[3:])
    article = from_text(text, "000")
    found = roles(article)
    repeats = [b for b in article.boilerplate if b.kind == "repeated_title"]
    assert [article.span_text(b) for b in repeats] == lines[:2]
    assert found[lines[3].strip()] == "body"
    assert article.title.start == 0


@needs_seeds
def test_seed_001_breadcrumb_captions_date():
    text = SEED_001.read_text(encoding="utf-8")
    article = from_text(text, "001")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = roles(article)
    assert lines[0].startswith("Home Americas") and found[lines[0]] == "BP:breadcrumb"
    assert article.title_text == lines[1]
    assert lines[0].endswith(article.title_text)
    assert found[lines[2]] == "caption" and lines[2].endswith("April 14, 2021")
    assert found[lines[3]] == "caption" and lines[3].endswith("Photo: NATO")
    assert all(found[line] == "body" for line in lines[4:])
    assert article.standfirst is None
    assert article.published == "2021-04-14"
    assert article.language == "en"
    assert_spans_valid(article)


@needs_seeds
def test_load_seed_folder():
    articles, errors = load([SEEDS])
    assert errors == []
    assert [a.id for a in articles] == ["000_b62f6c2735a42003", "001_2c9f2130cd1c153b"]
    assert articles[0].source == str(SEED_000)


# --- the text cleaner on our own texts ------------------------------------------------------


def test_fixture_page_chrome_byline_dateline_caption():
    article = from_text((FIXTURES / "harbour.txt").read_text(encoding="utf-8"), "harbour")
    found = roles(article)
    assert article.title_text.startswith("Harbour authority approves")
    assert article.span_text(article.standfirst).startswith("Councillors say")
    assert found["Skip to content"] == "BP:navigation"
    assert found["News"] == "BP:navigation"
    assert found["By Maria Oduya, Transport Correspondent"] == "byline"
    assert article.author == "Maria Oduya"
    assert found["Published: 3 March 2023"] == "dateline"
    assert article.published == "2023-03-03"
    assert found["Share on Facebook | Share on Twitter | Email"] == "BP:share"
    assert found["Ferries queue at the old terminal in Westmere"] == "caption"
    assert found["The existing terminal was built in 1964. Photo: Westmere Harbour Authority"] == (
        "caption"
    )
    assert found["Read more: Westmere council sets new budget"] == "BP:related"
    assert found["© 2023 Westmere Gazette. All rights reserved."] == "BP:footer"
    assert len(article.body) == 4
    assert_spans_valid(article)


def test_crlf_without_blank_lines():
    text = "\r\n".join([
        HEADLINE, STANDFIRST, "By Lena Fischer and Paul Grant", "Jan 6, 2024 10:45 am", BODY_1,
        "A snowplough on the pass road on Thursday.", "Getty Images", BODY_2, "",
    ])
    article = from_text(text, "crlf")
    found = roles(article)
    assert article.title_text == HEADLINE
    assert found[STANDFIRST] == "standfirst"
    assert article.author == "Lena Fischer and Paul Grant"
    assert article.published == "2024-01-06T10:45"
    assert found["A snowplough on the pass road on Thursday."] == "caption"
    assert found["Getty Images"] == "BP:credit"
    assert [article.span_text(p) for p in article.body] == [BODY_1, BODY_2]
    assert_spans_valid(article)


def test_repeated_headline_block_and_share_bars():
    text = (
        f"World › Europe › Alps\n\n{HEADLINE}\n\n{STANDFIRST}\n\nAdvertisement\n\n{HEADLINE}\n\n"
        f"{STANDFIRST}\n\n{BODY_1}\n\nRelated stories\n\nTweet Share Email\n\n{BODY_2}\n\n"
        "12 comments\n"
    )
    article = from_text(text, "x")
    assert article.title.start == text.index(HEADLINE)
    assert article.standfirst.start == text.index(STANDFIRST)
    kinds = [b.kind for b in article.boilerplate]
    assert kinds == [
        "breadcrumb", "banner", "repeated_title", "repeated_title", "related", "share", "comment",
    ]
    assert [article.span_text(p) for p in article.body] == [BODY_1, BODY_2]
    assert_spans_valid(article)


def test_body_only_text_has_no_title_and_given_metadata_wins():
    article = from_text(
        f"{BODY_1}\n{BODY_2}\n", "b", url="https://www.theguardian.com/world/x", outlet="Guardian",
        published="2024-01-05", author="Desk",
    )
    assert article.title is None and article.standfirst is None
    assert len(article.body) == 2
    assert article.outlet == "theguardian.com"
    assert (article.published, article.author) == ("2024-01-05", "Desk")


def test_title_hint_picks_the_line():
    article = from_text(f"Live\n{BODY_1}\n{HEADLINE}\n{BODY_2}\n", "h", title=HEADLINE)
    assert article.title_text == HEADLINE


LINE_POOL = [
    HEADLINE, STANDFIRST, BODY_1, BODY_2, "Advertisement", "Share this article", "By Ann Lee",
    "Published: 2 May 2024", "Home > News > World", "Crowds outside the court. Photo: AP",
    "Getty Images", "Read more: other news", "  indented line with spaces  ", "Live", "12 comments",
]


@pytest.mark.parametrize("seed", range(25))
def test_every_line_gets_exactly_one_valid_span(seed: int):
    rng = random.Random(seed)
    lines = [rng.choice(LINE_POOL) for _ in range(rng.randint(1, 14))]
    gaps = [rng.choice(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n"]) for _ in lines]
    text = "".join(line + gap for line, gap in zip(lines, gaps, strict=True))
    article = from_text(text, f"random-{seed}")
    assert_spans_valid(article)
    covered = sorted((s.start, s.end) for s in [*article.paragraphs, *article.boilerplate])
    assert [text[a:b] for a, b in covered] == [line.strip() for line in lines]


def test_empty_text_is_an_input_error():
    with pytest.raises(InputError, match="empty"):
        from_text("  \n\n ", "e")


# --- HTML -----------------------------------------------------------------------------------


def test_from_html_text_layer_and_metadata():
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    article = from_html(html, "page")
    assert article.html == html
    assert article.text.startswith("River bridge reopens after repairs\n\nDrivers can use")
    assert article.title_text == "River bridge reopens after repairs"
    assert article.span_text(article.standfirst).startswith("Drivers can use the crossing")
    assert article.paragraphs[0].role == "title" and article.paragraphs[1].role == "standfirst"
    body = [article.span_text(p) for p in article.body]
    assert body[0].startswith("The Old Mill bridge") and body[-1].startswith("A weight limit")
    assert not any("Privacy policy" in p or "Great news" in p for p in body)
    assert article.author == "Samir Patel"
    assert article.published == "2022-11-07"
    assert article.outlet == "valleycourier.example"
    assert article.language == "en"
    assert_spans_valid(article)


def test_html_figure_captions_are_kept_apart_from_the_body():
    paragraphs = "".join(
        f"<p>The council confirmed on Tuesday that the library will reopen in {month}, after a "
        f"refit that replaced the roof and the heating system of the listed building.</p>"
        for month in ("May", "June", "July")
    )
    html = (
        "<html><head><title>Library to reopen after refit</title></head><body><article>"
        "<h1>Library to reopen after refit</h1>"
        f"<figure><img src='a.jpg'><figcaption>Scaffolding on the library roof in March. "
        f"Photo: Ana Ruiz</figcaption></figure>{paragraphs}</article></body></html>"
    )
    article = from_html(html, "library")
    (caption,) = article.captions
    assert article.span_text(caption).startswith("Scaffolding on the library roof")
    assert not any("Scaffolding" in article.span_text(p) for p in article.body)
    assert len(article.body) == 3


def test_html_without_content_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", "nav")


# --- input kinds ----------------------------------------------------------------------------


def test_every_input_kind(tmp_path: Path):
    text = (FIXTURES / "harbour.txt").read_bytes()
    html = (FIXTURES / "page.html").read_bytes()
    (tmp_path / "a.txt").write_bytes(text)
    (tmp_path / "b.htm").write_bytes(html)
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(html))
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(text))
    (tmp_path / "e.jsonl.gz").write_bytes(gzip.compress(b'{"id": "e1", "text": "%s"}\n' % (
        BODY_1.encode()
    )))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.report.v2.txt").write_bytes(text)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # unknown types inside folders are skipped
    articles, errors = load([tmp_path])
    assert errors == []
    assert [a.id for a in articles] == ["a", "b", "c", "d", "e1", "f.report.v2"]
    by_id = {a.id: a for a in articles}
    assert by_id["b"].html is not None and by_id["c"].title_text == by_id["b"].title_text
    assert by_id["d"].text == by_id["a"].text
    assert by_id["a"].source == str(tmp_path / "a.txt")
    for article in articles:
        assert_spans_valid(article)


def test_jsonl_bad_lines_are_errors_and_the_rest_loads():
    articles, errors = load([FIXTURES / "articles.jsonl"])
    assert [a.id for a in articles] == ["j1", "j4"]
    j1, j4 = articles
    assert j1.title_text == "Library extends opening hours"
    assert (j1.published, j1.outlet) == ("2024-01-16", "dunmorenews.example")
    assert j4.html is not None and j4.title_text == "Cycle lane plan approved"
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"{FIXTURES / 'articles.jsonl'}:2: invalid JSON")
    assert messages[1] == f"{FIXTURES / 'articles.jsonl'}:3: missing 'id'"


@pytest.mark.parametrize(
    ("data", "expected_id", "kind"),
    [
        (f"{HEADLINE}\n\n{BODY_1}\n".encode(), "stdin", "text"),
        ((FIXTURES / "page.html").read_bytes(), "stdin", "html"),
        (json.dumps({"id": "s1", "text": BODY_1}).encode() + b"\n", "s1", "jsonl"),
    ],
)
def test_stdin_is_sniffed(data: bytes, expected_id: str, kind: str):
    articles, errors = load(["-"], stdin=io.BytesIO(data))
    assert errors == [] and [a.id for a in articles] == [expected_id]
    assert (articles[0].html is not None) == (kind == "html")


# --- bad inputs -----------------------------------------------------------------------------


def test_bad_inputs_each_give_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)))
    (tmp_path / "nul.txt").write_bytes(b"text\x00with\x00nuls")
    (tmp_path / "big.txt").write_bytes(b"word " * 400)
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"word " * 400))
    (tmp_path / "broken.txt.gz").write_bytes(b"not gzip at all")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "good.txt").write_text(f"{HEADLINE}\n\n{BODY_1}\n", encoding="utf-8")
    monkeypatch.setattr(sources, "MAX_ARTICLE_BYTES", 1000)
    names = [
        "missing.txt", "empty.txt", "binary.html", "nul.txt", "big.txt", "big.txt.gz",
        "broken.txt.gz", "notes.pdf", "good.txt",
    ]
    results = list(iter_load([tmp_path / name for name in names]))
    assert isinstance(results[-1], Article) and results[-1].id == "good"
    problems = {Path(e.source).name: e.problem for e in results[:-1]}
    assert all(isinstance(e, InputError) for e in results[:-1]) and len(problems) == 8
    assert "no such file" in problems["missing.txt"]
    assert problems["empty.txt"] == "empty file"
    assert "binary" in problems["binary.html"] and "binary" in problems["nul.txt"]
    assert "limit per article" in problems["big.txt"]
    assert "limit per article" in problems["big.txt.gz"]
    assert "gzip" in problems["broken.txt.gz"]
    assert "unknown file type" in problems["notes.pdf"]


def test_legacy_encodings_are_detected_not_assumed(tmp_path: Path):
    text = (
        "Café owners protest new terrace fees\n\nLes propriétaires de cafés du quartier ont "
        "manifesté mercredi contre la hausse des redevances. « Nous avons déjà payé très cher "
        "l'été dernier », a déclaré une gérante. Le maître d'hôtel était là, à côté du préfet.\n"
    )
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    html = f'<html><head><meta charset="iso-8859-15"></head><body><p>{text}</p></body></html>'
    (tmp_path / "declared.html").write_bytes(html.encode("iso-8859-15"))
    names = ["latin.txt", "utf16.txt", "declared.html"]
    articles, errors = load([tmp_path / name for name in names])
    assert errors == []
    assert [a.text for a in articles[:2]] == [text, text]
    assert "Le maître d'hôtel était là" in articles[2].text


def test_undecodable_bytes_are_an_error():
    articles, errors = load(["-"], stdin=io.BytesIO(bytes(range(128, 256)) * 3))
    assert articles == [] and len(errors) == 1
    assert errors[0].source == "<stdin>" and "cannot decode" in errors[0].problem


def test_cookie_consent_notice_is_a_banner_not_the_title():
    text = (
        "We use cookies to improve your experience and to show you relevant adverts on this site. "
        "Accept all cookies | Manage preferences\n"
        "Ferry operator halts crossings after engine fire on the Solent\n\n"
        "All crossings were cancelled on Sunday after a fire broke out in the engine room of a ferry.\n\n"
        "About 300 passengers were taken back to Southampton, the coastguard said.\n"
    )
    article = from_text(text, "ferry")
    assert len(article.body) == 2
    assert article.title_text.startswith("Ferry operator halts crossings")
    assert [b.kind for b in article.boilerplate] == ["banner"]


@pytest.mark.parametrize("stamp", [
    "March 10, 2025 11:24 AM UTC · Updated 3 hours ago",
    "Monday 10 March 2025 18:42 GMT",
    "April 16, 2025 at 7:15 a.m. EDT",
])
def test_timestamp_lines_are_datelines_not_standfirst(stamp):
    text = (f"Ferry operator halts crossings after engine fire\n{stamp}\n\n"
            "All crossings were cancelled on Sunday after a fire broke out in the engine room of "
            "the Isle of Wight ferry, the operator said.\n\n"
            "About 300 passengers were taken back to Southampton, where the coastguard said two "
            "crew members were treated for smoke inhalation.\n")
    article = from_text(text, "ferry")
    assert article.standfirst is None
    assert [p.role for p in article.paragraphs] == ["title", "dateline", "body", "body"]
    assert article.published.startswith("2025-0")


@pytest.mark.parametrize("text", [
    '"We will not give up," said union leader Pieter Claes on Monday.\n',
    "The prime minister, Jane Smith, said the plan was fair.\nShe added: \"We have listened.\"\n",
])
def test_a_short_text_keeps_all_its_prose(text):
    article = from_text(text, "short")
    assert article.boilerplate == []
    assert "".join(article.span_text(p) for p in article.body) == text.replace("\n", "")
