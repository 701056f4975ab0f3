"""Stage 1, *ingest*: read inputs into :class:`~newsprism.model.Article` objects.

(Interim minimal version: blank-line/line paragraphs; the full cleaner replaces it.)
"""

from __future__ import annotations

import re

from newsprism.model import Article, Paragraph


def from_text(text: str, id: str, **meta) -> Article:
    paragraphs = [
        Paragraph(start=m.start(), end=m.end(), role="body") for m in re.finditer(r"[^\n]+", text)
        if m.group().strip()
    ]
    return Article(id=id, text=text, paragraphs=paragraphs, **meta)
