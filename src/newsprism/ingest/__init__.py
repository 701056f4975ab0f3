"""Stage 1, *ingest*: read inputs into :class:`~newsprism.model.Article` objects.

- :func:`from_text` cleans raw scraped text: the text is kept unchanged and every line gets a role
  (title, standfirst, body, caption, byline, dateline) or is marked as boilerplate.
- :func:`from_html` extracts a page's main content with trafilatura; for HTML inputs offsets refer
  to the extracted text layer (see :mod:`newsprism.ingest.html`).
- :func:`iter_load` / :func:`load` read files, folders, ``.gz``, JSONL, RSS/Atom feeds, WARC
  archives and standard input, turning each unreadable input into an
  :class:`~newsprism.errors.InputError` instead of stopping; :func:`load` extracts pages on every
  core and links syndicated copies (``Article.duplicate_of``, see :mod:`.dedup`).
"""

from __future__ import annotations

from newsprism.ingest.dedup import DuplicateIndex, mark_duplicates
from newsprism.ingest.html import from_html
from newsprism.ingest.sources import MAX_ARTICLE_BYTES, iter_load, load
from newsprism.ingest.text import from_text

__all__ = [
    "from_text", "from_html", "iter_load", "load", "MAX_ARTICLE_BYTES", "mark_duplicates",
    "DuplicateIndex",
]
