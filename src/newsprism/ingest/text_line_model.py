"""The fitted ``text`` line model's pass over a rule-made layout.

After the rules of :mod:`newsprism.ingest.text` have given every line a role, the line model
(:mod:`newsprism.ingest.lineroles`) weighs each body line against the page and turns the ones it
judges to be page chrome into boilerplate; a later copy of a long body line becomes boilerplate
too. The layout data structures are in :mod:`newsprism.ingest.text_lines`.
"""

from __future__ import annotations

import numpy as np

from newsprism.ingest import lineroles
from newsprism.ingest.text_lines import Layout, comparison_key

MIN_LINES_FOR_LINE_MODEL = 12
SHORT_PAGE_LINES = 50
# A repeated line this long (in words) is a copy of a paragraph, not a recurring short label.
MIN_REPEAT_SIZE = lineroles.MIN_REPEAT_SIZE


def rule_kinds(result: Layout) -> list[str]:
    """What the rules made of each line: ``content`` (title, standfirst, body), ``chrome``,
    ``caption`` or ``meta`` (byline, dateline) — the rule features of the line model."""
    kinds: list[str] = []
    for i in range(len(result.lines)):
        role = result.roles.get(i)
        if i in result.chrome:
            kinds.append("chrome")
        elif role in ("title", "standfirst", "body"):
            kinds.append("content")
        else:
            kinds.append("caption" if role == "caption" else "meta")
    return kinds


def text_line_features(result: Layout) -> np.ndarray:
    """The ``text`` line model's features: line shape and rule verdicts, then the line's place
    on the page (main block, title)."""
    lines = [line.text for line in result.lines]
    return np.hstack([
        lineroles.line_features(lines, rules=rule_kinds(result)),
        lineroles.page_features(lines, result.title),
    ])


def drop_repeated_paragraphs(result: Layout) -> None:
    """A long body line that repeats an earlier body line is a second copy of the paragraph
    (copied pages carry teasers, print and mobile versions of the same text): the first copy
    stays body, later ones become boilerplate. Short repeats (recurring interview questions,
    "Advertisement") are left to the other rules."""
    seen: set[str] = set()
    for i, line in enumerate(result.lines):
        if result.roles.get(i) != "body" or lineroles.line_size(line.text) < MIN_REPEAT_SIZE:
            continue
        key = comparison_key(line.text)
        if key in seen:
            del result.roles[i]
            result.chrome[i] = "other"
        seen.add(key)


def veto_chrome_lines(result: Layout) -> None:
    """Body lines the fitted line model judges to be page chrome become boilerplate (a menu, a
    link list, a comment thread); lines after a comment-section heading are comments."""
    lines = [line.text for line in result.lines]
    if len(lines) < MIN_LINES_FOR_LINE_MODEL:
        # The model learnt chrome from whole copied pages; a short text (a pasted article, a
        # feed item, a quote) is outside what it has seen, and its lines are all the user gave.
        return
    keep = lineroles.keep_lines("text", text_line_features(result))
    body = [i for i, role in result.roles.items() if role == "body"]
    if keep is None or not any(keep[i] for i in body):
        return  # a verdict that leaves no body at all is the model failing, not the page
    comments_from = next(
        (i for i, line in enumerate(lines) if lineroles.COMMENT_HEADING.match(line)), len(lines)
    )
    if len(lines) < SHORT_PAGE_LINES:
        # Whole copied pages run to hundreds of lines; on a short text the model extrapolates,
        # so there the sentence-like lines of the main block stay whatever it says.
        first, last = lineroles.main_block(lines)
        for i in range(first, last + 1):
            keep[i] = keep[i] or lineroles.is_prose(lines[i])
    for i, kept in enumerate(keep):
        if not kept and result.roles.get(i) == "body":
            del result.roles[i]
            result.chrome[i] = "comment" if i > comments_from else "other"
