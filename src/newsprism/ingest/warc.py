"""Web archives (``.warc``, ``.warc.gz``) -> one HTML page per ``response`` record, with warcio.

Each successful (2xx) ``response`` or ``resource`` record whose payload is HTML becomes an
:class:`~newsprism.ingest.jobs.HtmlJob` with ``url`` = ``WARC-Target-URI`` and an id from that URL;
other records (requests, metadata, images, redirects) are skipped. warcio returns whatever bytes a
cut-off archive still holds, so truncation is checked here: a record shorter than its
``Content-Length`` (or a gzip member cut short), or bytes left after the last readable record,
give an :class:`InputError` naming the archive and the record number; earlier records are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsprism.errors import InputError
from newsprism.ingest.feeds import stable_id
from newsprism.ingest.jobs import HtmlJob

PAGE_RECORD_TYPES = {"response", "resource"}
# Headers the WARC standard makes mandatory: one missing means a cut or damaged header block.
_REQUIRED_HEADERS = ("WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTML_STARTS = (b"<!doctype html", b"<html")

Decoder = Callable[[bytes, str], str]
WarcItem = HtmlJob | InputError


def iter_warc(
    stream: BinaryIO, where: str, decode: Decoder, max_record_bytes: int
) -> Iterator[WarcItem]:
    """HTML pages of a WARC archive (plain or record-gzipped), in archive order."""
    iterator = _QuietArchiveIterator(stream)
    number = 0
    end = 0
    while True:
        try:
            record = next(iterator, None)
        except Exception as error:  # noqa: BLE001 - warcio raises many kinds on corrupt bytes
            yield _broken(where, number + 1, f"is truncated or corrupt ({_reason(error)})")
            return
        if record is None:
            break
        number += 1
        problem = _header_problem(record)
        try:
            item = None if problem else _page(record, number, where, decode, max_record_bytes)
            iterator.read_to_end()  # so the raw stream shows whether the record was whole
        except Exception as error:  # noqa: BLE001 - as above
            problem = f"is truncated or corrupt ({_reason(error)})"
        problem = problem or _length_problem(record, iterator)
        if problem:
            yield _broken(where, number, problem)
            return
        end = iterator.get_record_offset() + iterator.get_record_length()
        if item is not None:
            yield item
    if _bytes_left(stream, end):
        yield _broken(where, number + 1, "is truncated or corrupt (its header cannot be read)")


class _QuietArchiveIterator(ArchiveIterator):
    """warcio prints a warning for a record with a wrong length; it is reported as an error."""

    INC_RECORD = ""


def _header_problem(record) -> str | None:
    if record.format != "warc":
        return "is not a WARC record (not an archive, or a legacy ARC file)"
    missing = [name for name in _REQUIRED_HEADERS if not record.rec_headers.get_header(name)]
    if missing:
        return f"is truncated or corrupt (no {', '.join(missing)} header)"
    return None


def _page(record, number: int, where: str, decode: Decoder, limit: int) -> WarcItem | None:
    if record.rec_type not in PAGE_RECORD_TYPES or not _is_success(record):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    payload = record.content_stream().read(limit + 1)
    record_where = f"{where}:record {number}"
    if len(payload) > limit:
        return InputError(record_where, f"page is over the {limit // 2**20} MB limit per article")
    if not _is_html(record, payload):
        return None
    try:
        html = decode(payload, record_where)
    except InputError as error:
        return error
    page_id = stable_id(url) if url else f"record-{number}"
    return HtmlJob(html, page_id, {"source": record_where, "url": url or None})


def _is_success(record) -> bool:
    if record.http_headers is None or record.rec_type != "response":
        return True
    code = record.http_headers.get_statuscode() or ""
    return code.startswith("2")


def _is_html(record, payload: bytes) -> bool:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    content_type = (headers.get_header("Content-Type") or "").lower()
    if content_type:
        return content_type.startswith(_HTML_TYPES)
    return payload.lstrip()[:14].lower().startswith(_HTML_STARTS)


def _length_problem(record, iterator: ArchiveIterator) -> str | None:
    """A record that ended before its declared length (or inside its gzip member), or whose
    Content-Length does not reach the next record."""
    decompressor = iterator.reader.decompressor if iterator.reader is not None else None
    if getattr(record.raw_stream, "limit", 0) > 0 or (
        decompressor is not None and not getattr(decompressor, "eof", True)
    ):
        return "is truncated (shorter than its Content-Length)"
    if iterator.err_count:
        return "is corrupt (its Content-Length is wrong)"
    return None


def _reason(error: Exception) -> str:
    """The exception in one line: warcio's messages run to several."""
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def _bytes_left(stream: BinaryIO, end: int) -> bool:
    """Whether anything but blank lines follows the last record that could be read."""
    try:
        stream.seek(end)
    except (OSError, ValueError):
        return False  # an unseekable stream: nothing more can be checked
    return bool(stream.read(64).strip())


def _broken(where: str, number: int, problem: str) -> InputError:
    return InputError(where, f"record {number} {problem}; the rest of the archive is skipped")
