"""Hostile and broken inputs: each gives one clear error, quickly, and the rest of the batch loads.

Every input is generated here at run time (nothing big is committed).
"""

from __future__ import annotations

import gzip
import io
import random
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.errors import InputError
from newsprism.ingest import iter_load, jobs, load
from newsprism.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
GOOD_TEXT = (
    "Council opens new footbridge\n\nThe footbridge over the railway opened on Monday, "
    "a year after the old crossing was closed for safety reasons.\n"
)
MAX_SECONDS = 2.0


def page(title: str, sentences: list[str]) -> str:
    paragraphs = "".join(f"<p>{s}</p>" for s in sentences)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def good_page(n: int) -> str:
    return page(
        f"Report number {n} on the harbour works",
        [
            f"Harbour engineers finished stage {n} of the sea wall repairs on Friday, the port "
            "authority said in a statement released in the afternoon.",
            f"The works on section {n} cost less than expected because the weather stayed calm "
            "for most of the spring, according to the contractor.",
        ],
    )


def problems_by_name(results: list[Article | InputError]) -> dict[str, str]:
    return {
        Path(r.source.split(":")[0]).name: r.problem for r in results if isinstance(r, InputError)
    }


def timed_load(paths: list[Path]) -> tuple[list[Article | InputError], float]:
    """Results of a serial load, and the seconds taken by the slowest *error* among them.

    Good inputs are not timed: the first article read in a process pays one-off model loading.
    """
    results: list[Article | InputError] = []
    slowest = 0.0
    stream = iter_load(paths)
    while True:
        start = time.perf_counter()
        result = next(stream, None)
        if result is None:
            return results, slowest
        if isinstance(result, InputError):
            slowest = max(slowest, time.perf_counter() - start)
        results.append(result)


@pytest.fixture(scope="module", autouse=True)
def warm_up() -> None:
    """Read one article first, so one-off model loading is not charged to the first test."""
    warmed = list(iter_load([FIXTURES / "harbour.txt", FIXTURES / "page.html"]))
    assert all(isinstance(article, Article) for article in warmed)


# --- size -------------------------------------------------------------------------------------


def test_50mb_page_is_refused_by_size_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with (tmp_path / "big.html").open("wb") as big:  # 50 MB of markup
        big.write(b"<html><body>")
        for _ in range(50):
            big.write(b"<p>" + b"word " * (2**20 // 5 - 1) + b"</p>")
    # 30 MB of markup compressed to a few KB: one compressed megabyte, as 30 gzip members.
    megabyte = gzip.compress(b"<p>" + b"word " * (2**20 // 5) + b"</p>", compresslevel=1)
    (tmp_path / "big.html.gz").write_bytes(megabyte * 30)
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")

    def must_not_parse(*args, **kwargs):
        raise AssertionError("a page over the size limit reached the parser")

    monkeypatch.setattr(jobs, "from_html", must_not_parse)
    results, seconds = timed_load([tmp_path / n for n in ("big.html", "big.html.gz", "good.txt")])
    assert seconds < MAX_SECONDS
    problems = problems_by_name(results)
    assert problems["big.html"].startswith("is 50.0 MB, over the 20.0 MB limit per article")
    assert problems["big.html.gz"].startswith("decompresses to more than 20.0 MB")
    assert isinstance(results[-1], Article) and results[-1].id == "good"


# --- nesting ----------------------------------------------------------------------------------


def test_100k_nested_tags_are_refused_before_lxml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    depth = 100_000
    nested = "<html><body>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + "</body></html>"
    unclosed = "<html><body>" + "<span>text " * depth + "</body></html>"
    (tmp_path / "nested.html").write_text(nested, encoding="utf-8")
    (tmp_path / "unclosed.html").write_text(unclosed, encoding="utf-8")
    (tmp_path / "good.html").write_text(good_page(1), encoding="utf-8")
    parsed: list[str] = []
    real_from_html = jobs.from_html
    monkeypatch.setattr(
        jobs,
        "from_html",
        lambda html, id, **meta: parsed.append(id) or real_from_html(html, id, **meta),
    )
    results, seconds = timed_load(
        [tmp_path / n for n in ("nested.html", "unclosed.html", "good.html")]
    )
    assert seconds < MAX_SECONDS
    assert parsed == ["good"]  # the deep pages never reached lxml/trafilatura
    problems = problems_by_name(results)
    assert problems["nested.html"] == problems["unclosed.html"]
    assert "nests tags more than 256 deep" in problems["nested.html"]
    assert isinstance(results[-1], Article) and results[-1].title_text.startswith("Report number 1")


def test_depth_guard_passes_ordinary_markup():
    ordinary = good_page(2) + "<br><img src=x><ul>" + "<li>item" * 400 + "</ul>"
    script = "<script>" + "if (a<b) {x = '<div>';}" * 400 + "</script>"
    assert not jobs.nesting_exceeds(ordinary)
    assert not jobs.nesting_exceeds(page("t", ["x"]) + script)
    assert jobs.nesting_exceeds("<div>" * 300)


def test_nesting_just_under_the_limit_extracts_in_bounded_time(tmp_path: Path):
    """The markup pass behind HTML repairs walks the tree without recursion, so a page nested
    as deep as the guard allows is read, quickly, like any other."""
    depth = jobs.MAX_HTML_DEPTH - 10
    sentences = good_page(7).split("<article>")[1].split("</article>")[0]
    deep = "<html><body>" + "<div>" * depth + sentences + "</div>" * depth + "</body></html>"
    (tmp_path / "deep.html").write_text(deep, encoding="utf-8")
    start = time.perf_counter()
    results, _ = timed_load([tmp_path / "deep.html"])
    assert time.perf_counter() - start < MAX_SECONDS
    assert isinstance(results[0], Article)
    assert "sea wall repairs" in results[0].text


# --- binary and encodings ---------------------------------------------------------------------


def test_binary_data_named_html_is_refused(tmp_path: Path):
    noise = random.Random(0).randbytes(200_000)
    (tmp_path / "noise.html").write_bytes(noise)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + noise[:5000])
    (tmp_path / "archive.html").write_bytes(gzip.compress(good_page(3).encode()))
    (tmp_path / "good.html").write_text(good_page(3), encoding="utf-8")
    results, seconds = timed_load(
        [tmp_path / n for n in ("noise.html", "image.html", "archive.html", "good.html")]
    )
    assert seconds < MAX_SECONDS
    problems = problems_by_name(results)
    assert set(problems) == {"noise.html", "image.html", "archive.html"}
    assert all(p == "binary data, not text" for p in problems.values())
    assert isinstance(results[-1], Article)


def test_invalid_utf8_is_decoded_with_a_marked_gap(tmp_path: Path):
    sentence = (
        "Le café du port a rouvert mercredi après des mois de travaux, « enfin », a déclaré "
        "la gérante devant une file d'attente de clients fidèles."
    )
    damaged = sentence.encode("utf-8").replace(b"mercredi", b"mer\xffcredi")
    (tmp_path / "damaged.txt").write_bytes(b"Caf\xc3\xa9 rouvert\n\n" + damaged + b"\n")
    html = f'<html><head><meta charset="utf-8"></head><body><p>{sentence}</p></body></html>'
    (tmp_path / "damaged.html").write_bytes(
        html.encode("utf-8").replace(b"travaux", b"trav\xc3aux")
    )
    (tmp_path / "garbage.txt").write_bytes(bytes(range(128, 256)) * 4)
    results, seconds = timed_load(
        [tmp_path / n for n in ("damaged.txt", "damaged.html", "garbage.txt")]
    )
    assert seconds < MAX_SECONDS
    text_article, html_article, garbage = results
    assert "après des mois" in text_article.text and "mer\ufffdcredi" in text_article.text
    assert "la gérante" in html_article.text and "trav\ufffdaux" in html_article.text
    assert isinstance(garbage, InputError) and "cannot decode" in garbage.problem


# --- feeds ------------------------------------------------------------------------------------


def test_empty_and_broken_feeds(tmp_path: Path):
    (tmp_path / "empty.rss").write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title>'
        b"<link>https://quiet.example/</link></channel></rss>"
    )
    (tmp_path / "empty.atom").write_bytes(
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing yet</title></feed>'
    )
    (tmp_path / "zero.rss").write_bytes(b"")
    (tmp_path / "garbage.rss").write_bytes(b"this is not a feed at all, just words")
    results, seconds = timed_load(
        [tmp_path / n for n in ("empty.rss", "empty.atom", "zero.rss", "garbage.rss")]
        + [FIXTURES / "wire.rss"]
    )
    assert seconds < MAX_SECONDS
    problems = problems_by_name(results)
    assert problems["empty.rss"] == problems["empty.atom"] == "feed has no items"
    assert problems["zero.rss"] == "empty file"
    assert problems["garbage.rss"].startswith("not a valid RSS or Atom feed")
    assert sum(isinstance(r, Article) for r in results) == 2  # the good feed still loads


# --- WARC -------------------------------------------------------------------------------------


def warc_of_pages(count: int, compressed: bool) -> tuple[bytes, list[int]]:
    """An archive of ``count`` HTML responses, and the offset where each record starts."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    starts = []
    for n in range(1, count + 1):
        starts.append(buffer.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        payload = io.BytesIO(good_page(n).encode())
        uri = f"https://harbour.example/news/report-{n}"
        writer.write_record(
            writer.create_warc_record(uri, "response", payload, http_headers=headers)
        )
    return buffer.getvalue(), starts


@pytest.mark.parametrize("compressed", [False, True])
@pytest.mark.parametrize("keep", [0.95, 0.8, 0.3, 0.02])
def test_truncated_warc_keeps_earlier_records(tmp_path: Path, compressed: bool, keep: float):
    data, starts = warc_of_pages(3, compressed)
    cut = starts[2] + max(1, int((len(data) - starts[2]) * keep))  # inside the third record
    name = "cut.warc.gz" if compressed else "cut.warc"
    (tmp_path / name).write_bytes(data[:cut])
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    results, seconds = timed_load([tmp_path / name, tmp_path / "good.txt"])
    assert seconds < MAX_SECONDS
    assert [r.url for r in results[:2]] == [
        "https://harbour.example/news/report-1",
        "https://harbour.example/news/report-2",
    ]
    error = results[2]
    assert isinstance(error, InputError) and error.source == str(tmp_path / name)
    assert error.problem.startswith("record 3 is truncated")
    assert isinstance(results[3], Article) and results[3].id == "good"


def test_warc_that_is_not_an_archive(tmp_path: Path):
    (tmp_path / "fake.warc").write_bytes(b"just some text that is not an archive\n" * 10)
    results, _ = timed_load([tmp_path / "fake.warc"])
    assert len(results) == 1 and isinstance(results[0], InputError)
    assert results[0].problem.startswith("record 1 is not a WARC record")


# --- many pages on both cores -----------------------------------------------------------------


def test_pool_keeps_order_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    names = []
    for n in range(1, 7):
        (tmp_path / f"p{n}.html").write_text(good_page(n), encoding="utf-8")
        names.append(f"p{n}.html")
    (tmp_path / "deep.html").write_text("<b>" * 5000, encoding="utf-8")
    (tmp_path / "crash.html").write_text(good_page(99), encoding="utf-8")
    (tmp_path / "note.txt").write_text(GOOD_TEXT, encoding="utf-8")
    names[2:2] = ["deep.html", "note.txt", "crash.html"]
    real_from_html = jobs.from_html
    extracted_here: list[str] = []  # pool workers append to their own copies, not to this one

    def crash_on_one_page(html: str, id: str, **meta):
        extracted_here.append(id)
        if id == "crash":
            raise ValueError("extractor bug")
        return real_from_html(html, id, **meta)

    monkeypatch.setattr(jobs, "from_html", crash_on_one_page)
    monkeypatch.setattr(jobs, "MIN_PARALLEL_PAGES", 4)
    pooled_batches: list[int] = []
    real_pool = jobs._run_in_pool
    monkeypatch.setattr(
        jobs, "_run_in_pool", lambda js, w: pooled_batches.append(len(js)) or real_pool(js, w)
    )
    paths = [tmp_path / n for n in names]
    serial = load(paths, workers=1)
    assert len(extracted_here) == 7 and pooled_batches == []
    pooled = load(paths, workers=2)
    assert pooled_batches == [8] and len(extracted_here) == 7  # all 8 pages went to the workers
    assert [a.model_dump() for a in pooled[0]] == [a.model_dump() for a in serial[0]]
    assert [a.id for a in pooled[0]] == ["p1", "p2", "note", "p3", "p4", "p5", "p6"]
    assert [str(e) for e in pooled[1]] == [str(e) for e in serial[1]]
    assert [Path(e.source).name for e in pooled[1]] == ["deep.html", "crash.html"]
    assert "extractor bug" in pooled[1][1].problem
