"""Is a line article content or page chrome? A small logistic model over line features.

The features are the densities boilerplate removers (jusText, boilerpipe) rest on — length,
closing punctuation, share of short function words, capitalisation, link-like text — plus where
the line sits on the page, what its neighbours look like, and the rule-based cues of
:mod:`newsprism.ingest.patterns`. The ``text`` model reads lines of raw scraped text (a page
copied as text), after the rule-based layout, with the page-level features of
:func:`page_features` (main block of prose, title, repeats). HTML pages do not use it: there the
markup says more (:mod:`newsprism.ingest.html_main`).

The weights live in ``lineroles.json`` beside this module. They are fitted by
``bench/extraction.py --fit`` on the *fit* half of the extraction benchmark only (see
:func:`newsprism.ingest.evaluation.split_halves`); the held-out half is never used to fit them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from newsprism.ingest import patterns

_WORD = re.compile(r"\w+")
_LINK_LIKE = re.compile(r"https?://|www\.|\S@\S|^@\w|\.(com|org|net|co\.uk)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*([-–—•·*▪►»]|\d+[.)])\s")
_TAG = re.compile(r"\[[A-Z ]{3,}\]|\|\s*$")
_LEAD_LABEL = re.compile(r"^[\w’' ]{2,30}:\s")
# A comment section starts with a heading like "12 thoughts on …", "Leave a reply", "3 comments".
COMMENT_HEADING = re.compile(
    r"^(\d+\s+(thoughts?|comments?|responses?|replies|reactions?)\b"
    r"|(leave|post|add|write) a (comment|reply)\b|comments?\s*(\(\d+\))?$"
    r"|(show|view|load|read) (all )?\d*\s*comments\b|join the (conversation|discussion)\b)",
    re.IGNORECASE,
)
# Function words are short in every language written with spaces: their share tells prose
# ("the court said that it was …") from labels and link lists ("Europe World Business").
SHORT_WORD_LETTERS = 3

FEATURE_NAMES = [
    "log_words", "log_chars", "ends_sentence", "ends_full_stop", "short_word_share",
    "capitalised_share", "digit_share", "link_like", "bullet", "tag_or_pipe", "lead_label",
    "question", "chrome_cue", "credit_cue", "byline_cue", "dateline_cue", "comment_heading",
    "after_comment_heading", "repeats_other_line", "relative_position", "log_lines_before",
    "log_lines_after", "prev_log_words", "next_log_words", "prev_ends_sentence",
    "next_ends_sentence", "short_run", "local_prose",
]
RULE_FEATURES = ["rule_content", "rule_chrome", "rule_caption", "rule_meta"]
SHORT_LINE_WORDS = 6
# Lines either side whose prose share describes the neighbourhood of a line.
NEIGHBOURHOOD = 3


def _shape(line: str) -> dict[str, float]:
    words = _WORD.findall(line)
    count = len(words) or 1
    return {
        "log_words": math.log1p(len(words)),
        "log_chars": math.log1p(len(line)),
        "ends_sentence": float(patterns.ends_sentence(line)),
        "ends_full_stop": float(patterns.ends_with_full_stop(line)),
        "short_word_share": sum(len(w) <= SHORT_WORD_LETTERS and w.isalpha() for w in words)
        / count,
        "capitalised_share": sum(w[:1].isupper() for w in words) / count,
        "digit_share": sum(w.isdigit() for w in words) / count,
        "link_like": float(bool(_LINK_LIKE.search(line))),
        "bullet": float(bool(_BULLET.match(line))),
        "tag_or_pipe": float(bool(_TAG.search(line))),
        "lead_label": float(bool(_LEAD_LABEL.match(line)) and len(words) <= 16),
        "question": float(line.rstrip().endswith("?")),
        "chrome_cue": float(patterns.chrome_kind(line) is not None),
        "credit_cue": float(patterns.credit_in(line) is not None),
        "byline_cue": float(patterns.byline_author(line) is not None),
        "dateline_cue": float(bool(patterns.DATELINE_LEAD.match(line)) and len(words) <= 12),
        "comment_heading": float(len(words) <= 16 and bool(COMMENT_HEADING.match(line))),
    }


def is_prose(line: str) -> bool:
    """A long line ending like a sentence: the paragraphs articles are made of."""
    return len(line.split()) >= SHORT_LINE_WORDS * 2 and patterns.ends_sentence(line)


def line_features(
    lines: list[str],
    rules: list[str] | None = None,
) -> np.ndarray:
    """One row of features per line (FEATURE_NAMES, then RULE_FEATURES when ``rules`` —
    "content", "chrome", "caption" or "meta" — are given)."""
    shapes = [_shape(line) for line in lines]
    keys = [" ".join(_WORD.findall(line.casefold())) for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    prose = [is_prose(line) for line in lines]
    short = [len(line.split()) < SHORT_LINE_WORDS for line in lines]
    runs = _run_lengths(short)
    n = len(lines)
    comment_seen = False
    rows: list[list[float]] = []
    for i, shape in enumerate(shapes):
        row = [shape[name] for name in FEATURE_NAMES[:17]]
        row.append(float(comment_seen))
        comment_seen = comment_seen or bool(shape["comment_heading"])
        near = prose[max(0, i - NEIGHBOURHOOD) : i] + prose[i + 1 : i + 1 + NEIGHBOURHOOD]
        row += [
            float(counts[keys[i]] > 1 and len(keys[i].split()) >= 2),
            i / max(n - 1, 1),
            math.log1p(i),
            math.log1p(n - 1 - i),
            shapes[i - 1]["log_words"] if i else 0.0,
            shapes[i + 1]["log_words"] if i + 1 < n else 0.0,
            shapes[i - 1]["ends_sentence"] if i else 0.0,
            shapes[i + 1]["ends_sentence"] if i + 1 < n else 0.0,
            math.log1p(runs[i]),
            sum(near) / len(near) if near else 0.0,
        ]
        if rules:
            row += [float(rules[i] == kind) for kind in ("content", "chrome", "caption", "meta")]
        rows.append(row)
    width = len(FEATURE_NAMES) + (len(RULE_FEATURES) if rules else 0)
    return np.array(rows, dtype=float).reshape(len(rows), width)


def _run_lengths(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of True flags it belongs to (0 when False)."""
    lengths = [0] * len(flags)
    i = 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        lengths[i:j] = [j - i] * (j - i)
        i = j
    return lengths


@dataclass(frozen=True)
class LineModel:
    """A fitted logistic model: standardise the features, then a linear score and a threshold."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    def keep_probability(self, features: np.ndarray) -> np.ndarray:
        if len(features) == 0:
            return np.zeros(0)
        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def keep(self, features: np.ndarray) -> np.ndarray:
        return self.keep_probability(features) >= self.threshold

    def to_json(self) -> dict:
        return {
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        return cls(
            np.array(data["mean"]), np.array(data["scale"]), np.array(data["weights"]),
            float(data["bias"]), float(data["threshold"]),
        )


# --- page-level features of copied text: where the article's main block of prose lies ------

PAGE_FEATURES = [
    "in_main_block", "log_distance_to_block", "before_block", "after_block", "position_in_block",
    "log_block_size", "block_share", "log_window_size", "inner_sentence_ends", "comma_rate",
    "log_size", "before_title", "stamps_nearby", "repeats_earlier", "repeats_later",
]
# Letters of scripts written without spaces count as half a word each, so that "how long is this
# line" means the same in Japanese or Chinese as in English.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’»)\]]*\s*$")
_INNER_SENTENCE_END = re.compile(r"[.!?。！？]['\"”’»)]?\s+\S|[。！？]\S")
# Comment threads and link lists interleave short time stamps ("5:12 pm", "2019", "3 hours ago").
_STAMP = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b(19|20)\d{2}\b|\b\d+\s*(min|h|hours?|days?|weeks?|months?)\b",
    re.IGNORECASE,
)
MIN_PROSE_SIZE = 10
MIN_REPEAT_SIZE = 8
SHORT_STAMP_SIZE = 8
# A non-prose line costs the main block this many words at most (and at least the minimum):
# one menu line does not split an article, a long run of them does.
NON_PROSE_COST = (3, 15)


def line_size(line: str) -> int:
    """Words, with the letters of unspaced scripts counted two to a word."""
    return len(_WORD.findall(line)) + len(_UNSPACED.findall(line)) // 2


def main_block(lines: list[str]) -> tuple[int, int]:
    """(first, last) line of the page's main block: the run of lines whose prose outweighs the
    non-prose lines inside it most (a maximum-sum run, as in Kadane's algorithm). Articles are
    one dense stretch of sentence-like lines; menus, link lists and footers sit around it."""
    low, high = NON_PROSE_COST
    best, first, last = -math.inf, 0, -1
    running, start = 0.0, 0
    for i, line in enumerate(lines):
        size = line_size(line)
        prose = size >= MIN_PROSE_SIZE and bool(_SENTENCE_END.search(line))
        gain = size if prose else -min(max(size, low), high)
        running, start = (gain, i) if running <= 0 else (running + gain, start)
        if running > best:
            best, first, last = running, start, i
    return first, last


def page_features(lines: list[str], title: int | None = None) -> np.ndarray:
    """One row of PAGE_FEATURES per line: its place relative to the main block and the title,
    the density of text around it, time stamps nearby, and whether it repeats a long line."""
    n = len(lines)
    first, last = main_block(lines)
    sizes = np.array([line_size(line) for line in lines], dtype=float)
    cumulative = np.concatenate([[0.0], np.cumsum(sizes)])
    block_size = cumulative[last + 1] - cumulative[first] if last >= first else 0.0
    keys = [" ".join(_WORD.findall(line.casefold())) for line in lines]
    first_seen: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        first_seen.setdefault(key, i)
        last_seen[key] = i
    stamp = [size <= SHORT_STAMP_SIZE and bool(_STAMP.search(line))
             for size, line in zip(sizes, lines, strict=True)]
    rows: list[list[float]] = []
    for i, line in enumerate(lines):
        inside = first <= i <= last
        distance = 0 if inside else (first - i if i < first else i - last)
        window = (cumulative[min(n, i + 3)] - cumulative[max(0, i - 2)]) / 5
        long_line = sizes[i] >= MIN_REPEAT_SIZE
        rows.append([
            float(inside), math.log1p(distance), float(i < first), float(i > last),
            (i - first) / max(last - first, 1) if inside else 0.0,
            math.log1p(block_size), block_size / max(cumulative[-1], 1.0),
            math.log1p(window), float(len(_INNER_SENTENCE_END.findall(line))),
            line.count(",") / max(sizes[i], 1.0), math.log1p(sizes[i]),
            float(title is not None and i < title),
            float(sum(stamp[max(0, i - 2) : i]) + sum(stamp[i + 1 : i + 3])),
            float(long_line and first_seen[keys[i]] < i),
            float(long_line and last_seen[keys[i]] > i),
        ])
    return np.array(rows, dtype=float).reshape(n, len(PAGE_FEATURES))


WEIGHTS_FILE = "lineroles.json"
# Content comes in runs: the second stage sees the first stage's verdicts on lines around each
# line (windows of these many lines either side), as jusText's context pass does.
CONTEXT_WINDOWS = (1, 3, 8)
CONTEXT_FEATURES = [f"context_{w}" for w in CONTEXT_WINDOWS] + ["context_before", "context_after"]


def context_features(probabilities: np.ndarray) -> np.ndarray:
    """Mean first-stage keep probability around each line, and of everything before / after."""
    n = len(probabilities)
    padded = np.concatenate([[0.0], np.cumsum(probabilities)])
    columns = []
    for window in CONTEXT_WINDOWS:
        low = np.clip(np.arange(n) - window, 0, n)
        high = np.clip(np.arange(n) + window + 1, 0, n)
        columns.append((padded[high] - padded[low] - probabilities) / np.maximum(high - low - 1, 1))
    before = padded[:-1] / np.maximum(np.arange(n), 1)
    after = (padded[-1] - padded[1:]) / np.maximum(n - 1 - np.arange(n), 1)
    columns += [before, after]
    return np.column_stack(columns) if n else np.zeros((0, len(CONTEXT_FEATURES)))


def keep_lines(name: str, features: np.ndarray) -> np.ndarray | None:
    """Which lines the ``name`` model keeps (its context stage ``name + "_context"`` on top when
    fitted); None when no weights are shipped."""
    first = load_model(name)
    if first is None or len(first.weights) != features.shape[1]:
        return None  # no weights, or weights fitted for other features: no verdict
    second = load_model(f"{name}_context")
    if second is None:
        return first.keep(features)
    stacked = np.hstack([features, context_features(first.keep_probability(features))])
    return second.keep(stacked)


@cache
def load_model(name: str) -> LineModel | None:
    """The shipped model ``text`` (or ``text_context``); None when no weights are fitted yet."""
    try:
        raw = resources.files("newsprism.ingest").joinpath(WEIGHTS_FILE).read_text("utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(raw).get(name)
    return LineModel.from_json(data) if data else None
