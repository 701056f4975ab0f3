"""The core of :mod:`newsprism.compare.perturb`: what a perturbation is and how edits apply.

:class:`Edit` replaces a range of an article's text; :func:`apply_edits` makes a fresh,
unannotated copy with every structure span shifted; :class:`Perturbation` records what changed
where, in both texts. The kinds of perturbation are in :mod:`newsprism.compare.perturb` (dates,
quotes, paragraphs) and :mod:`newsprism.compare.perturb_numbers` (figures).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from newsprism.model import Article, SourceSpan, Span

PerturbationKind = Literal[
    "number_change", "number_round", "date_shift", "quote_reassign", "paragraph_delete"
]


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` of the text with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass
class Perturbation:
    kind: PerturbationKind
    copy: Article
    original: list[SourceSpan]  # what was changed, in the original text
    changed: list[Span]  # where the new text sits in the copy (empty span for a deletion)
    note: str = ""
    partners: list[SourceSpan] = field(default_factory=list)  # other outlets' corroborating spans

    @property
    def article(self) -> str:
        return self.copy.id

    def changed_text(self) -> list[str]:
        return [self.copy.text[s.start : s.end] for s in self.changed]


def apply_edits(article: Article, edits: list[Edit]) -> tuple[Article, list[Span]]:
    """A fresh, unannotated copy of ``article`` with ``edits`` applied (they must not overlap), and
    the span each edit's replacement occupies in the copy. Structure spans are shifted; a paragraph
    (or boilerplate block) inside a deleted range is dropped."""
    ordered = sorted(edits, key=lambda e: e.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start < a.end:
            raise ValueError("edits overlap")
    pieces, cursor, new_spans, shift = [], 0, [], 0
    for edit in ordered:
        pieces.append(article.text[cursor : edit.start])
        new_start = edit.start + shift
        pieces.append(edit.replacement)
        new_spans.append(Span(start=new_start, end=new_start + len(edit.replacement)))
        shift += len(edit.replacement) - (edit.end - edit.start)
        cursor = edit.end
    pieces.append(article.text[cursor:])
    text = "".join(pieces)

    def moved(span: Span) -> Span | None:
        start, end = _moved(span.start, ordered, True), _moved(span.end, ordered, False)
        if end <= start:
            return None
        return span.model_copy(update={"start": start, "end": end})

    paragraphs = [p for p in (moved(p) for p in article.paragraphs) if p is not None]
    boilerplate = [b for b in (moved(b) for b in article.boilerplate) if b is not None]
    copy = Article(
        id=article.id, text=text, source=article.source, url=article.url, outlet=article.outlet,
        author=article.author, published=article.published, language=article.language,
        title=moved(article.title) if article.title else None,
        standfirst=moved(article.standfirst) if article.standfirst else None,
        paragraphs=paragraphs, boilerplate=boilerplate,
    )
    return copy, new_spans


def _moved(offset: int, edits: list[Edit], is_start: bool) -> int:
    """Where an offset of the original lands in the edited text."""
    shift = 0
    for edit in edits:
        if offset < edit.start or (offset == edit.start and not is_start):
            break
        if offset < edit.end or (offset == edit.end and edit.start == edit.end and not is_start):
            # Inside a replaced range: starts snap to the end of the replacement, ends to its start
            # when the range was deleted, so a fully deleted paragraph collapses to nothing.
            base = edit.start + shift
            return base + len(edit.replacement) if (is_start or not edit.replacement) else base
        shift += len(edit.replacement) - (edit.end - edit.start)
    return offset + shift


def source_span(article: Article, start: int, end: int) -> SourceSpan:
    return SourceSpan(article=article.id, start=start, end=end, text=article.text[start:end])
