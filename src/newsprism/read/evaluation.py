"""Scoring quotes and speakers against PolNeAR attribution annotations (brat standoff).

PolNeAR marks every attribution as a ``Source``, a ``Cue`` and a ``Content`` span tied by an ``E``
line; a content may be cut in several fragments (``"A," she said, "B."`` is one attribution).
The metric is the one in ``../shared/README.md``:

- a predicted quote matches a gold content when their character overlap is at least half of the
  longer of the two (fragments are counted by their characters, the gaps between them are not);
  matching is one-to-one, best overlap first;
- its speaker is right when the predicted speaker mention overlaps the gold ``Source`` span, or the
  resolved speaker name shares a capitalised word with it (honorifics and determiners do not
  count: "Mr." alone says nothing about who spoke). A gold attribution without a source
  (``Attribution-no-source``) is right end to end only when the prediction names no speaker either;
- *direct* quotes are the gold contents containing a quotation mark, and the predicted quotes whose
  span, widened by one character each side, contains one.

When an article has several annotators' files the alphabetically first one is used (the same rule
for every article; only PolNeAR's annotator-training articles have more than one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.model import Article, Paragraph, Quote

Fragments = list[tuple[int, int]]
QUOTE_MARKS = '"“”«»„'
NOT_NAMES = {"mr", "mrs", "ms", "miss", "dr", "sir", "the", "a", "an", "prof", "rep", "sen", "gov"}
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.MULTILINE)
_EVENT = re.compile(r"^E\d+\t(.*)$", re.MULTILINE)


@dataclass
class GoldAttribution:
    content: Fragments
    source: Fragments = field(default_factory=list)
    cue: Fragments = field(default_factory=list)


@dataclass
class Prediction:
    content: Fragments
    speaker: tuple[int, int] | None = None
    speaker_name: str | None = None


@dataclass
class Example:
    name: str
    text: str
    gold: list[GoldAttribution]


def parse_brat(ann: str) -> list[GoldAttribution]:
    """Attributions of one ``.ann`` file: every ``E`` line that has a content."""
    spans: dict[str, Fragments] = {}
    for match in _TEXT_BOUND.finditer(ann):
        pieces = [p.split() for p in match.group(3).split(";")]
        spans[match.group(1)] = [(int(a), int(b)) for a, b in pieces]
    gold = []
    for match in _EVENT.finditer(ann):
        roles: dict[str, Fragments] = {}
        for argument in match.group(1).split():
            role, _, ref = argument.partition(":")
            role = "Content" if role.startswith("Content") else role  # Content2: a second piece
            roles.setdefault(role, []).extend(spans.get(ref, []))
        if roles.get("Content"):
            gold.append(
                GoldAttribution(
                    content=sorted(roles["Content"]),
                    source=sorted(roles.get("Source", [])),
                    cue=sorted(roles.get("Cue", [])),
                )
            )
    return gold


def annotation_file(folder: Path, name: str) -> Path | None:
    """The annotation of an article: the alphabetically first annotator's file."""
    found = sorted(folder.glob(f"{name}_*.ann"))
    return found[0] if found else None


def load_split(root: Path, split: str) -> list[Example]:
    """Every article of a PolNeAR split with its gold attributions, in file-name order."""
    examples = []
    for path in sorted((root / split / "text").glob("*.txt")):
        ann = annotation_file(root / split / "attributions", path.stem)
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        examples.append(Example(path.stem, text, parse_brat(ann.read_text(encoding="utf-8"))))
    return examples


def article_of(example: Example) -> Article:
    """PolNeAR text as an article: one body paragraph per non-blank line, offsets = the file's."""
    paragraphs = []
    offset = 0
    for line in example.text.split("\n"):
        if line.strip():
            paragraphs.append(Paragraph(start=offset, end=offset + len(line.rstrip())))
        offset += len(line) + 1
    return Article(id=example.name, text=example.text, paragraphs=paragraphs)


def predictions(article: Article) -> list[Prediction]:
    """One prediction per attribution: a quote with the quotes that continue it, and without
    the quoted fragments lying inside a reported clause (both are one attribution in PolNeAR)."""
    quotes = article.quotes
    root = list(range(len(quotes)))
    for i, quote in enumerate(quotes):
        if quote.continues is not None:
            root[i] = root[quote.continues]
    merged: dict[int, Prediction] = {}
    for i, quote in enumerate(quotes):
        if _nested(quote, quotes):
            continue
        head = quotes[root[i]]
        found = merged.setdefault(root[i], Prediction([], *_speaker(head)))
        found.content.append((quote.start, quote.end))
    return list(merged.values())


def _nested(quote: Quote, quotes: list[Quote]) -> bool:
    """Quoted words inside a longer quote or reported clause belong to it; a reported clause
    inside another ("she said voters believe …") is an attribution of its own."""
    return quote.kind != "indirect" and any(
        other is not quote
        and other.start <= quote.start
        and quote.end <= other.end
        and (other.end - other.start) > (quote.end - quote.start)
        for other in quotes
    )


def _speaker(quote: Quote) -> tuple[tuple[int, int] | None, str | None]:
    span = (quote.speaker.start, quote.speaker.end) if quote.speaker else None
    return span, quote.speaker_name or quote.speaker_text


def _length(fragments: Fragments) -> int:
    return sum(b - a for a, b in fragments)


def overlap(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(x2, y2) - max(x1, y1)) for x1, x2 in a for y1, y2 in b)


def content_matches(predicted: Fragments, gold: Fragments) -> bool:
    shared = overlap(predicted, gold)
    return shared > 0 and 2 * shared >= max(_length(predicted), _length(gold))


def capitalised_words(text: str) -> set[str]:
    words = (w.strip(".,’'s") for w in re.findall(r"[\w.’'-]+", text))
    return {w for w in words if w[:1].isupper() and w.lower() not in NOT_NAMES and len(w) > 1}


def speaker_right(prediction: Prediction, gold: GoldAttribution, text: str) -> bool:
    if not gold.source:
        return prediction.speaker is None and prediction.speaker_name is None
    if prediction.speaker and overlap([prediction.speaker], gold.source):
        return True
    source_words = capitalised_words(" ".join(text[a:b] for a, b in gold.source))
    return bool(capitalised_words(prediction.speaker_name or "") & source_words)


def is_direct_gold(gold: GoldAttribution, text: str) -> bool:
    return any(mark in text[a:b] for a, b in gold.content for mark in QUOTE_MARKS)


def is_direct_prediction(prediction: Prediction, text: str) -> bool:
    return any(
        mark in text[max(0, a - 1) : b + 1] for a, b in prediction.content for mark in QUOTE_MARKS
    )


def match(
    predicted: list[Prediction], gold: list[GoldAttribution]
) -> list[tuple[Prediction, GoldAttribution]]:
    """One-to-one pairs of matching contents, the best overlaps first."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if content_matches(p.content, g.content):
                ratio = overlap(p.content, g.content) / max(_length(p.content), _length(g.content))
                candidates.append((-ratio, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    content: int = 0  # matched contents
    end_to_end: int = 0  # matched contents whose speaker is right

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.content += other.content
        self.end_to_end += other.end_to_end

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict[str, float]:
        cp, cr, cf = self.prf(self.content)
        ep, er, ef = self.prf(self.end_to_end)
        return {
            "content_p": cp, "content_r": cr, "content_f1": cf,
            "e2e_p": ep, "e2e_r": er, "e2e_f1": ef,
            "predicted": self.predicted, "gold": self.gold,
        }  # fmt: skip


def score_article(
    predicted: list[Prediction], gold: list[GoldAttribution], text: str, direct_only: bool = False
) -> Counts:
    if direct_only:
        predicted = [p for p in predicted if is_direct_prediction(p, text)]
        gold = [g for g in gold if is_direct_gold(g, text)]
    pairs = match(predicted, gold)
    return Counts(
        predicted=len(predicted),
        gold=len(gold),
        content=len(pairs),
        end_to_end=sum(speaker_right(p, g, text) for p, g in pairs),
    )


def score(
    runs: Iterable[tuple[list[Prediction], list[GoldAttribution], str]],
) -> dict[str, Counts]:
    """Counts over all attributions and over direct quotes only, summed over articles."""
    totals = {"all": Counts(), "direct": Counts()}
    for predicted, gold, text in runs:
        totals["all"].add(score_article(predicted, gold, text))
        totals["direct"].add(score_article(predicted, gold, text, direct_only=True))
    return totals


def iter_errors(
    predicted: list[Prediction], gold: list[GoldAttribution], text: str
) -> Iterator[tuple[str, str, str]]:
    """(kind, predicted, gold) for misses, spurious quotes and wrong speakers: for study."""
    pairs = match(predicted, gold)
    seen_p = {id(p) for p, _ in pairs}
    seen_g = {id(g) for _, g in pairs}

    def show(fragments: Fragments) -> str:
        return " | ".join(text[a:b] for a, b in fragments)

    for p, g in pairs:
        if not speaker_right(p, g, text):
            said = f"{show([p.speaker]) if p.speaker else None} = {p.speaker_name}"
            yield "speaker", f"{said} :: {show(p.content)[:80]}", show(g.source)
    for p in predicted:
        if id(p) not in seen_p:
            yield "spurious", show(p.content), ""
    for g in gold:
        if id(g) not in seen_g:
            yield "missed", "", f"{show(g.source)} / {show(g.cue)} / {show(g.content)}"
