"""Raw scraped text -> an :class:`Article` whose lines carry roles.

The text is never rewritten: cleaning only decides what each line *is* (title, standfirst, body,
caption, byline, dateline, or boilerplate of some kind) and records that as spans into the input.
Every non-blank line is one unit, because scrapers put one paragraph per line and often drop the
blank lines between them. Spans exclude line breaks (``\\n``, ``\\r\\n``) and surrounding spaces.

The decisions rest on line features any news page shows: length, closing punctuation, repetition
of another line, picture-credit markers, typical chrome phrases, "By Name" bylines and date lines.
On a whole copied page the ``text`` line model then weighs each body line against the page: its
shape, its neighbours, and its place relative to the main block of prose and the title
(:func:`newsprism.ingest.lineroles.page_features`); a second copy of a paragraph is boilerplate.

This module holds the rules and the public entry points (:func:`layout`, :func:`from_text`);
:mod:`newsprism.ingest.text_lines` holds the line and layout data structures, and
:mod:`newsprism.ingest.text_line_model` the line model's pass. Their public names are imported
here too, so callers may keep importing them from this module.
"""

from __future__ import annotations

import re

from newsprism.errors import InputError
from newsprism.ingest import patterns
from newsprism.ingest.metadata import detect_language, find_dates, outlet_from_url
from newsprism.ingest.stamps import is_timestamp
from newsprism.ingest.text_line_model import (
    drop_repeated_paragraphs,
    rule_kinds,
    text_line_features,
    veto_chrome_lines,
)
from newsprism.ingest.text_lines import Layout, Line, comparison_key, split_lines
from newsprism.model import Article, Boilerplate, Paragraph, Span

__all__ = [
    "Layout", "Line", "article_from_layout", "comparison_key", "from_text", "layout", "rule_kinds",
    "spans", "split_lines", "text_line_features",
]

# A headline is a phrase, not a paragraph: a few words and no closing full stop.
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 30
# A standfirst is a sentence-long summary under the headline, usually without a full stop.
MIN_STANDFIRST_WORDS = 5
MAX_STANDFIRST_WORDS = 60
# The title is looked for among the first lines only; deeper short lines are subheads.
TITLE_SEARCH_LINES = 8
# A caption heading ("Talks in Brussels, April 14") is short; a longer line above a credit is body.
MAX_CAPTION_HEADING_WORDS = 20
MAX_CAPTION_WORDS = 60
# Dates of publication are stated near the top; later dates are about the news itself.
DATELINE_SEARCH_LINES = 10
MAX_DATELINE_WORDS = 12
MAX_BREADCRUMB_PREFIX_WORDS = 6


def _is_headline_like(line: Line) -> bool:
    # A line of publication stamps ("Friday, June 7, 2013") has a headline's shape; it is not one.
    return (
        MIN_HEADLINE_WORDS <= line.words <= MAX_HEADLINE_WORDS
        and not patterns.ends_with_full_stop(line.text)
        and patterns.byline_author(line.text) is None
        and not is_timestamp(line.text)
    )


def layout(
    text: str,
    *,
    title_hint: str | None = None,
    standfirst_hint: str | None = None,
    guess: bool = True,
    classify: bool = True,
) -> Layout:
    """Assign a role to every non-blank line of ``text``.

    The hints name the title and standfirst lines when a richer source (HTML metadata) knows them;
    with ``guess=False`` no other line is taken for a title or standfirst. With ``classify`` the
    ``text`` line model (:mod:`newsprism.ingest.lineroles`) then turns body lines it judges to be
    page chrome into boilerplate, and later copies of a long body line become boilerplate too;
    the rules' own decisions are never undone.
    """
    result = Layout(split_lines(text))
    _mark_chrome_and_credits(result)
    _mark_breadcrumbs(result)
    _choose_title(result, title_hint, guess)
    _mark_bylines_and_datelines(result)
    _mark_caption_headings(result)
    _choose_standfirst(result, standfirst_hint, guess)
    _mark_repeats(result)
    for i in range(len(result.lines)):
        if result.free(i):
            result.roles[i] = "body"
    if classify:
        veto_chrome_lines(result)
        drop_repeated_paragraphs(result)
    result.published = _published(result)
    return result


def _mark_chrome_and_credits(result: Layout) -> None:
    for i, line in enumerate(result.lines):
        credit = patterns.credit_in(line.text)
        if credit and patterns.is_credit_only(line.text, credit):
            result.chrome[i] = "credit"
        elif credit and line.words <= MAX_CAPTION_WORDS:
            result.roles[i] = "caption"
        elif kind := patterns.chrome_kind(line.text):
            result.chrome[i] = kind
        elif patterns.is_breadcrumb_trail(line.text):
            result.chrome[i] = "breadcrumb"


def _mark_breadcrumbs(result: Layout) -> None:
    """A line made of a short navigation prefix plus another line (the headline) is a breadcrumb;
    the headline plus a short site-name suffix is a repeated title."""
    lines = result.lines
    # Only lines of headline length can be the repeated part; checking just those keeps this
    # pass fast on copied pages with hundreds of menu lines.
    heads = [(j, o) for j, o in enumerate(lines) if o.words >= MIN_HEADLINE_WORDS]
    for i, line in enumerate(lines):
        if not result.free(i):
            continue
        for j, other in heads:
            if j == i or len(other.text) >= len(line.text):
                continue
            if line.text.endswith(other.text):
                prefix = line.text[: -len(other.text)]
                if prefix.strip() and len(prefix.split()) <= MAX_BREADCRUMB_PREFIX_WORDS and not (
                    patterns.ends_sentence(prefix.strip())
                ):
                    result.chrome[i] = "breadcrumb"
                    break
            if line.text.startswith(other.text) and _is_headline_like(other):
                suffix = line.text[len(other.text) :].strip()
                if re.match(r"^[|\-–—:·•]", suffix) and len(suffix.split()) <= 6:
                    result.chrome[i] = "repeated_title"
                    break


def _choose_title(result: Layout, hint: str | None, guess: bool) -> None:
    candidates = [i for i in range(len(result.lines)) if result.free(i)]
    if hint:
        # A title known from elsewhere (HTML metadata, the caller) wins over any line guess.
        wanted = comparison_key(hint)
        for i, line in enumerate(result.lines):
            if comparison_key(line.text) == wanted:
                result.title = i
                result.chrome.pop(i, None)
                result.roles.pop(i, None)
                break
    if result.title is None and guess:
        # A headline that a breadcrumb repeats is the strongest evidence of the title.
        crumbs = [result.lines[i].text for i, k in result.chrome.items() if k == "breadcrumb"]
        for i in candidates:
            line = result.lines[i]
            if any(c.endswith(line.text) for c in crumbs) and _is_headline_like(line):
                result.title = i
                break
    if result.title is None and guess:
        for i in candidates[:TITLE_SEARCH_LINES]:
            if _is_headline_like(result.lines[i]):
                result.title = i
                break
    if result.title is None:
        return
    result.roles[result.title] = "title"
    # Short labels above the headline (section names, "Live") are navigation, not content.
    for i in candidates:
        if i >= result.title:
            break
        if result.lines[i].words < MIN_HEADLINE_WORDS:
            result.chrome[i] = "navigation"


def _mark_bylines_and_datelines(result: Layout) -> None:
    for i, line in enumerate(result.lines):
        if not result.free(i):
            continue
        author = patterns.byline_author(line.text)
        if author:
            result.roles[i] = "byline"
            result.author = result.author or author
        elif i < DATELINE_SEARCH_LINES + (result.title or 0) and _is_dateline(line):
            result.roles[i] = "dateline"


def _is_dateline(line: Line) -> bool:
    if line.words <= MAX_DATELINE_WORDS and patterns.DATELINE_LEAD.match(line.text):
        return True
    return is_timestamp(line.text)


def _mark_caption_headings(result: Layout) -> None:
    """A caption often comes as a short heading line right above the credited description, and a
    standalone credit line credits the description right above it."""
    lines = result.lines
    spaced = any(line.blank_before for line in lines[1:])
    for i in range(1, len(lines)):
        credited = result.roles.get(i) == "caption" or result.chrome.get(i) == "credit"
        above = i - 1
        if not credited or not result.free(above) or (spaced and lines[i].blank_before):
            continue
        heading = lines[above]
        describes_credited_picture = (
            result.chrome.get(i) == "credit" and heading.words <= MAX_CAPTION_WORDS
        )
        is_caption_heading = heading.words <= MAX_CAPTION_HEADING_WORDS and not (
            patterns.ends_sentence(heading.text)
        )
        if describes_credited_picture or is_caption_heading:
            result.roles[above] = "caption"


def _choose_standfirst(result: Layout, hint: str | None, guess: bool) -> None:
    if result.title is None:
        return
    if hint:
        wanted = comparison_key(hint)
        for i, line in enumerate(result.lines):
            if i != result.title and comparison_key(line.text) == wanted:
                result.chrome.pop(i, None)
                result.standfirst = i
                result.roles[i] = "standfirst"
                return
    if not guess:
        return
    title_key = comparison_key(result.lines[result.title].text)
    for i in range(result.title + 1, len(result.lines)):
        line = result.lines[i]
        if comparison_key(line.text) == title_key:
            continue  # a repeated headline, dealt with as a repeat
        if not result.free(i):
            continue  # skip banners, captions, bylines between headline and standfirst
        if (
            MIN_STANDFIRST_WORDS <= line.words <= MAX_STANDFIRST_WORDS
            and not patterns.ends_with_full_stop(line.text)
        ):
            result.standfirst = i
            result.roles[i] = "standfirst"
        return


def _mark_repeats(result: Layout) -> None:
    """Lines repeating the headline or standfirst (a repeated headline block) are boilerplate.

    Other repeated lines stay: on the extraction benchmark they were mostly real content (recurring
    interview questions), and hiding content is worse for a fact-checker than showing it twice.
    """
    heads = [i for i in (result.title, result.standfirst) if i is not None]
    head_keys = {comparison_key(result.lines[i].text) for i in heads}
    for i, line in enumerate(result.lines):
        if i in heads or i in result.chrome:
            continue
        if comparison_key(line.text) in head_keys:
            result.roles.pop(i, None)
            result.chrome[i] = "repeated_title"


def _published(result: Layout) -> str | None:
    """The date stated by a dateline; failing that, the one full date the captions give."""
    for i, line in enumerate(result.lines):
        if result.roles.get(i) == "dateline" and (dates := find_dates(line.text)):
            return dates[0].iso
    caption_dates = {
        d.iso
        for i, line in enumerate(result.lines)
        if result.roles.get(i) == "caption"
        for d in find_dates(line.text)
        if d.precision == "day"
    }
    return caption_dates.pop() if len(caption_dates) == 1 else None


def spans(result: Layout) -> tuple[list[Paragraph], list[Boilerplate]]:
    paragraphs = [
        Paragraph(start=line.start, end=line.end, role=result.roles[i])
        for i, line in enumerate(result.lines)
        if i in result.roles
    ]
    boilerplate = [
        Boilerplate(start=line.start, end=line.end, kind=result.chrome[i])
        for i, line in enumerate(result.lines)
        if i in result.chrome
    ]
    return paragraphs, boilerplate


def article_from_layout(text: str, id: str, result: Layout, **meta: str | None) -> Article:
    """Build the Article: spans from the layout, metadata from the caller, else from the text."""
    paragraphs, boilerplate = spans(result)
    line_span = {i: Span(start=line.start, end=line.end) for i, line in enumerate(result.lines)}
    body_text = "\n".join(text[p.start : p.end] for p in paragraphs if p.role == "body")
    url = meta.get("url")
    return Article(
        id=id,
        text=text,
        source=meta.get("source"),
        html=meta.get("html"),
        url=url,
        outlet=outlet_from_url(url) or meta.get("outlet"),
        author=meta.get("author") or result.author,
        published=meta.get("published") or result.published,
        language=meta.get("language") or detect_language(body_text or text),
        title=line_span.get(result.title) if result.title is not None else None,
        standfirst=line_span.get(result.standfirst) if result.standfirst is not None else None,
        paragraphs=paragraphs,
        boilerplate=boilerplate,
    )


def from_text(
    text: str,
    id: str,
    *,
    source: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: str | None = None,
    author: str | None = None,
    language: str | None = None,
) -> Article:
    """Clean raw scraped text: ``Article.text`` is ``text`` unchanged, lines get roles.

    ``title``, when given, names the headline line to pick; the other keywords are metadata that
    take precedence over what the text states (``outlet`` yields to the host of ``url``).
    """
    if not text.strip():
        raise InputError(source or id, "empty text")
    result = layout(text, title_hint=title)
    return article_from_layout(
        text, id, result, source=source, url=url, outlet=outlet, published=published,
        author=author, language=language,
    )
