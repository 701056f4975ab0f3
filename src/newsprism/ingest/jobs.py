"""HTML extraction as deferred jobs, run one by one or on every core, with a guard on nesting.

Reading an input is cheap; extracting a page's main text (trafilatura) is not. Readers therefore
yield an :class:`HtmlJob` for each page, and the caller decides how to run them:
:func:`run_jobs` keeps order and turns each failure into that page's :class:`InputError`, using a
process pool when the batch is big enough to repay starting one.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from newsprism.errors import InputError
from newsprism.ingest.html import from_html
from newsprism.model import Article

# libxml2 (under lxml and trafilatura) stops nesting at 256 levels and drops what lies deeper,
# so a page nested deeper cannot be read faithfully: refuse it with a message instead.
MAX_HTML_DEPTH = 256
# Below this many pages a pool costs more to start than it saves (a page takes ~0.1-0.5 s).
MIN_PARALLEL_PAGES = 8
_SCAN_CHUNK = 1 << 16

# Tags that never nest content (void elements) or whose end tag HTML lets authors omit: counting
# them would make ordinary pages look deep.
_NON_NESTING = (
    "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|"
    "p|li|dt|dd|tr|td|th|option|optgroup|tbody|thead|tfoot|colgroup|html|head|body"
)
# An opening or closing tag that nests; self-closing tags (inline SVG's <path/>) do not match.
_NESTING_TAG = re.compile(
    rf"<(/?)(?!(?:{_NON_NESTING})[\s/>])[a-zA-Z][^<>]*+(?<!/)>", re.IGNORECASE
)
# Raw-text elements and comments hold "<" that are not tags.
_NOT_MARKUP = re.compile(
    r"<(script|style|textarea|template)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE
)

Loaded = Article | InputError


def nesting_exceeds(html: str, limit: int = MAX_HTML_DEPTH) -> bool:
    """Whether tags nest more than ``limit`` deep, scanned without building a tree.

    The scan is chunked so a hostile page (thousands of unclosed tags) is refused at once.
    """
    if html.count("<") <= limit:
        return False
    markup = _NOT_MARKUP.sub("", html)
    depth = 0
    start = 0
    while start < len(markup):
        end = markup.find("<", start + _SCAN_CHUNK)
        end = len(markup) if end < 0 else end
        for closing in _NESTING_TAG.findall(markup, start, end):
            if closing:
                depth = depth - 1 if depth else 0
            else:
                depth += 1
                if depth > limit:
                    return True
        start = end
    return False


def check_markup(html: str, where: str) -> None:
    """Raise an :class:`InputError` for markup too deeply nested to parse safely."""
    if nesting_exceeds(html):
        raise InputError(
            where, f"HTML nests tags more than {MAX_HTML_DEPTH} deep; refused as malformed"
        )


@dataclass(frozen=True)
class HtmlJob:
    """A page waiting for extraction: ``from_html(html, id, **meta)``."""

    html: str
    id: str
    meta: dict[str, str | None] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return self.meta.get("source") or self.id

    def run(self) -> Loaded:
        try:
            check_markup(self.html, self.where)
            return from_html(self.html, self.id, **self.meta)
        except InputError as error:
            return error
        except (RecursionError, MemoryError) as error:
            return InputError(self.where, f"page too complex to extract ({type(error).__name__})")
        # One page that breaks the extractor must not stop the batch.
        except Exception as error:  # noqa: BLE001
            problem = f"HTML extraction failed: {type(error).__name__}: {error}"
            return InputError(self.where, problem)


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_jobs(items: Sequence[Loaded | HtmlJob], workers: int | None = None) -> list[Loaded]:
    """Every item with its jobs run, in the same order; a pool for batches of many pages."""
    jobs = [item for item in items if isinstance(item, HtmlJob)]
    workers = usable_cores() if workers is None else workers
    if len(jobs) < MIN_PARALLEL_PAGES or workers < 2 or multiprocessing.current_process().daemon:
        done = [job.run() for job in jobs]
    else:
        done = _run_in_pool(jobs, min(workers, len(jobs)))
    results = iter(done)
    return [next(results) if isinstance(item, HtmlJob) else item for item in items]


def extract_pages(pages: Iterable[dict], workers: int | None = None) -> list[Loaded]:
    """:func:`~newsprism.ingest.html.from_html` over many pages, as :func:`newsprism.load` runs
    it (every core for a big batch), in order; a page that cannot be read gives its
    :class:`InputError` in its place. Each item holds ``html``, ``id`` and optional keywords."""
    jobs = [HtmlJob(page["html"], page["id"],
                    {k: v for k, v in page.items() if k not in ("html", "id")}) for page in pages]
    return run_jobs(jobs, workers)


def _run_job(job: HtmlJob) -> Loaded:
    return job.run()


def _run_in_pool(jobs: Sequence[HtmlJob], workers: int) -> list[Loaded]:
    # fork: workers inherit the loaded modules instead of importing trafilatura (and whatever
    # the caller loaded) again, which costs seconds per worker.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, len(jobs) // (workers * 4))
    done: list[Loaded] = []
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            done.extend(pool.map(_run_job, jobs, chunksize=chunksize))
    except (BrokenProcessPool, OSError):
        # A worker died (killed for memory, most likely) or none could be started: finish the
        # rest here, one by one.
        done.extend(job.run() for job in jobs[len(done) :])
    return done
