"""Where articles come from: files, folders, gzip, JSONL, RSS/Atom feeds, WARC and standard input.

Every problem with one input becomes an :class:`InputError` that is yielded, not raised, so one bad
file never stops a batch. Inputs are size-bounded before they are decoded or parsed. HTML pages
are read first and extracted after, as :class:`~newsprism.ingest.jobs.HtmlJob` values, so that
:func:`load` can extract a batch on every core; :func:`iter_load` extracts them as it goes.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from newsprism.errors import InputError
from newsprism.ingest.dedup import mark_duplicates
from newsprism.ingest.feeds import MAX_FEED_BYTES, iter_feed, looks_like_feed
from newsprism.ingest.jobs import HtmlJob, run_jobs
from newsprism.ingest.text import from_text
from newsprism.ingest.warc import iter_warc
from newsprism.model import Article

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# A JSONL file holds many articles; each line is bounded by MAX_ARTICLE_BYTES, the stream by this.
MAX_STREAM_BYTES = 1024 * 1024 * 1024
KINDS = {
    ".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "xml", ".warc": "warc",
}
STDIN_ID = "stdin"
STDIN_SOURCE = "<stdin>"
# Bytes that never occur in text (NUL aside, which alone is enough): C0 controls but tab/newlines.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"
MAX_CONTROL_SHARE = 0.05
WEB_DEFAULT_MARGIN = 0.05
# Valid non-ASCII characters needed per corrupt byte to read a text as damaged UTF-8: text in a
# legacy code page (é = one byte) forms valid multi-byte UTF-8 sequences only by rare accident.
MIN_VALID_PER_INVALID_UTF8 = 3
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]

_GZIP_MAGIC = b"\x1f\x8b"
_WARC_START = b"WARC/"

Loaded = Article | InputError
Item = Loaded | HtmlJob


def iter_load(paths: Iterable[str | Path], stdin: BinaryIO | None = None) -> Iterator[Loaded]:
    """Articles from files, folders (recursive, sorted) and ``-`` (standard input), in order.

    Pages are extracted one at a time in this process; :func:`load` uses every core.
    """
    for item in _iter_items(paths, stdin):
        yield item.run() if isinstance(item, HtmlJob) else item


def load(
    paths: Iterable[str | Path],
    stdin: BinaryIO | None = None,
    *,
    dedup: bool = True,
    workers: int | None = None,
) -> tuple[list[Article], list[InputError]]:
    """Every article that could be read, and one error per input (or JSONL line) that could not.

    Pages are extracted in a process pool when there are many (``workers``: default one per
    core). With ``dedup``, syndicated copies get ``duplicate_of`` (see :mod:`.dedup`).
    """
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in run_jobs(list(_iter_items(paths, stdin)), workers):
        (errors if isinstance(item, InputError) else articles).append(item)
    if dedup:
        mark_duplicates(articles)
    return articles, errors


def _iter_items(paths: Iterable[str | Path], stdin: BinaryIO | None) -> Iterator[Item]:
    for raw in paths:
        if str(raw) == "-":
            yield from _load_stdin(stdin if stdin is not None else sys.stdin.buffer)
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(str(path), "no such file or folder")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p))
            if not files:
                yield InputError(str(path), f"folder holds no {_known_types()} files")
            for file in files:
                yield from _load_file(file)
        elif kind_of(path) is None:
            yield InputError(str(path), f"unknown file type; expected {_known_types()}")
        else:
            yield from _load_file(path)


def kind_of(path: Path) -> str | None:
    """``text``, ``html``, ``jsonl``, ``feed``, ``xml`` or ``warc`` from the file name (``.gz``
    allowed on top), else None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return KINDS.get(suffixes[-1]) if suffixes else None


def article_id(path: Path) -> str:
    """The file name without its type extensions: ``a.html.gz`` -> ``a``."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, suffix = name.rpartition(".")
    return stem if dot and f".{suffix.lower()}" in KINDS else name


def _known_types() -> str:
    return ", ".join(KINDS) + " (optionally .gz)"


def _load_file(path: Path) -> Iterator[Item]:
    where = str(path)
    kind = kind_of(path)
    compressed = path.name.lower().endswith(".gz")
    try:
        if kind == "jsonl":
            with _open(path, compressed) as stream:
                yield from _load_jsonl(stream, where)
            return
        if kind == "warc":
            # warcio reads both plain and record-gzipped archives itself, record by record.
            with path.open("rb") as stream:
                yield from iter_warc(stream, where, _decode, MAX_ARTICLE_BYTES)
            return
        if kind in ("feed", "xml"):
            yield from _load_feed(_read_bounded(path, compressed, MAX_FEED_BYTES), kind, where)
            return
        data = _read_bounded(path, compressed)
        yield _article(_decode(data, where), kind or "text", article_id(path), where)
    except InputError as error:
        yield error
    except (OSError, EOFError, zlib.error) as error:
        yield InputError(where, f"cannot read: {error}")


def _open(path: Path, compressed: bool) -> BinaryIO:
    return gzip.open(path, "rb") if compressed else path.open("rb")  # type: ignore[return-value]


def _read_bounded(path: Path, compressed: bool, limit: int | None = None) -> bytes:
    """The file's bytes, refused before reading (by size on disk) or after ``limit`` + 1 bytes."""
    limit = limit or MAX_ARTICLE_BYTES
    if not compressed and path.stat().st_size > limit:
        raise InputError(str(path), _too_big(path.stat().st_size, limit=limit))
    try:
        with _open(path, compressed) as stream:
            data = stream.read(limit + 1)
    except gzip.BadGzipFile as error:
        raise InputError(str(path), f"not a valid gzip file ({error})") from error
    if len(data) > limit:
        raise InputError(str(path), _too_big(len(data), "decompresses to more than", limit))
    return data


def _too_big(size: int, wording: str = "is", limit: int | None = None) -> str:
    per = "per article" if limit in (None, MAX_ARTICLE_BYTES) else "per file"
    return f"{wording} {_size(size)}, over the {_size(limit or MAX_ARTICLE_BYTES)} limit {per}"


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 2**10:.1f} KB"


def _decode(data: bytes, where: str) -> str:
    """Bytes -> text: a BOM decides, else UTF-8 when valid, else charset-normalizer's best guess."""
    if not data.strip():
        raise InputError(where, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if _looks_binary(data):
        raise InputError(where, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        return declared
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(where, "cannot decode: not UTF-8 and no known character encoding fits")
    # Short Western texts fit several single-byte code pages about equally well; windows-1252 is
    # the web's default legacy encoding (WHATWG), so it wins a near tie.
    web_default = next((m for m in matches if m.encoding == "cp1252"), None)
    if web_default is not None and web_default.chaos <= best.chaos + WEB_DEFAULT_MARGIN:
        return str(web_default)
    return str(best)


def _declared_charset(data: bytes) -> str | None:
    """The text decoded with the charset an HTML page declares, when it decodes cleanly."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few corrupt bytes, decoded with U+FFFD in their place.

    Guessing a legacy code page instead would garble every accented letter to save a few; text
    in a legacy code page, though, almost never holds valid multi-byte UTF-8 sequences.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    return text if valid >= MIN_VALID_PER_INVALID_UTF8 * invalid else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    return controls > MAX_CONTROL_SHARE * len(sample)


def _article(text: str, kind: str, id: str, where: str) -> Article | HtmlJob:
    if not text.strip():
        raise InputError(where, "empty file")
    if kind == "html":
        return HtmlJob(text, id, {"source": where})
    return from_text(text, id, source=where)


def _load_feed(data: bytes, kind: str, where: str) -> Iterator[Loaded]:
    if not data.strip():
        raise InputError(where, "empty file")
    if kind == "xml" and not looks_like_feed(data):
        raise InputError(where, "XML file is not an RSS or Atom feed")
    yield from iter_feed(data, where)


def _load_jsonl(stream: BinaryIO, where: str) -> Iterator[Item]:
    count = 0
    total = 0
    for number, line in enumerate(_bounded_lines(stream), start=1):
        line_where = f"{where}:{number}"
        if line is None:
            yield InputError(line_where, _too_big(MAX_ARTICLE_BYTES + 1, "line is over"))
            continue
        total += len(line)
        if total > MAX_STREAM_BYTES:
            yield InputError(where, "JSONL stream is over the size limit; the rest is skipped")
            return
        if not line.strip():
            continue
        count += 1
        try:
            yield _from_record(_decode(line, line_where), line_where)
        except InputError as error:
            yield error
    if count == 0:
        yield InputError(where, "empty file")


def _bounded_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Lines of a binary stream; None stands for a line over the per-article limit (skipped)."""
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_ARTICLE_BYTES:
            while line and not line.endswith(b"\n"):
                line = stream.readline(MAX_ARTICLE_BYTES)
            yield None
        else:
            yield line


def _from_record(line: str, where: str) -> Article | HtmlJob:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON: {error.msg} (character {error.pos + 1})") from error
    if not isinstance(record, dict):
        raise InputError(where, "expected a JSON object, one article per line")
    article_id = _field(record, "id")
    if not article_id:
        raise InputError(where, "missing 'id'")
    text, html = _field(record, "text"), _field(record, "html")
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(where, "missing 'text' or 'html'")
    meta = {
        "source": where,
        "url": _field(record, "url"),
        "outlet": _field(record, "source") or _field(record, "outlet"),
        "title": _field(record, "title"),
        "published": _field(record, "published"),
        "author": _field(record, "author"),
        "language": _field(record, "language"),
    }
    if text and text.strip():
        return from_text(text, article_id, **meta)
    return HtmlJob(html or "", article_id, meta)


def _field(record: dict, name: str) -> str | None:
    value = record.get(name)
    if isinstance(value, bool) or value is None:
        return None
    return str(value) if isinstance(value, str | int | float) else None


def _load_stdin(stream: BinaryIO) -> Iterator[Item]:
    """Standard input, sniffed: JSONL if it starts with ``{``, a WARC archive, an RSS/Atom feed,
    HTML if it starts with ``<``, else text."""
    data = stream.read(MAX_STREAM_BYTES + 1)
    start = data.lstrip()[:1]
    if start == b"{":
        yield from _load_jsonl(BytesIO(data[:MAX_STREAM_BYTES]), STDIN_SOURCE)
        return
    if _is_warc(data):
        yield from iter_warc(BytesIO(data[:MAX_STREAM_BYTES]), STDIN_SOURCE, _decode,
                             MAX_ARTICLE_BYTES)
        return
    try:
        if looks_like_feed(data):
            yield from _load_feed(data, "feed", STDIN_SOURCE)
            return
        if len(data) > MAX_ARTICLE_BYTES:
            raise InputError(STDIN_SOURCE, _too_big(len(data)))
        kind = "html" if start == b"<" else "text"
        yield _article(_decode(data, STDIN_SOURCE), kind, STDIN_ID, STDIN_SOURCE)
    except InputError as error:
        yield error


def _is_warc(data: bytes) -> bool:
    """A WARC archive, plain or record-gzipped (its first member then starts ``WARC/``)."""
    if data.startswith(_GZIP_MAGIC):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 16).startswith(
                _WARC_START
            )
        except zlib.error:
            return False
    return data.startswith(_WARC_START)
