"""The lines of a raw text and the layout that gives each a role.

:class:`Line` is one non-blank line with its stripped span; :class:`Layout` records what each line
is (a paragraph role or a boilerplate kind) plus the metadata the lines state. The rules that fill
a layout are in :mod:`newsprism.ingest.text`; the fitted line model's pass over it is in
:mod:`newsprism.ingest.text_line_model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.model import BoilerplateKind, ParagraphRole


@dataclass
class Line:
    start: int
    end: int
    text: str
    blank_before: bool  # a blank line (or the start of the text) separates it from the line above

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Layout:
    """What each line of a text is, plus the metadata the lines state."""

    lines: list[Line]
    roles: dict[int, ParagraphRole] = field(default_factory=dict)
    chrome: dict[int, BoilerplateKind] = field(default_factory=dict)
    title: int | None = None
    standfirst: int | None = None
    author: str | None = None
    published: str | None = None

    def free(self, i: int) -> bool:
        return i not in self.roles and i not in self.chrome


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their stripped spans; ``\\n``, ``\\r\\n`` or ``\\r`` ends a line."""
    lines: list[Line] = []
    previous_end = 0
    for match in re.finditer(r"[^\r\n]+", text):
        content = match.group()
        stripped = content.strip()
        if not stripped:
            continue
        start = match.start() + (len(content) - len(content.lstrip()))
        gap = text[previous_end : match.start()]
        breaks = len(re.findall(r"\r\n|\r|\n", gap))
        lines.append(Line(start, start + len(stripped), stripped, not lines or breaks >= 2))
        previous_end = match.end()
    return lines


def comparison_key(text: str) -> str:
    """Comparison form of a line: case, spacing and edge punctuation do not make it different."""
    return re.sub(r"\s+", " ", re.sub(r"^\W+|\W+$", "", text.casefold()))
