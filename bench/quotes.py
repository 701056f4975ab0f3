"""Quotes and speakers on PolNeAR, beside textacy's ``direct_quotations`` in the same run.

    .venv/bin/python bench/quotes.py [--splits dev,train] [--limit N] [--errors N] [--cache DIR]

Each PolNeAR text is read as an article with one body paragraph per non-blank line (offsets are
the ``.txt`` file's), parsed once, and run through sentences → entities → quotes; speakers get
their article-wide names from ``canonicalise``. Scores follow ``newsprism.read.evaluation`` (the
metric of ``../shared/README.md``). textacy runs on the very same parse. Timings: the spaCy
parse, and the entity and quote stages that reuse it (the machine is shared: timings are noisy).
``--errors N`` prints N errors per kind for the *train* split only (development happens on train).
``--cache DIR`` keeps each split's parse as a DocBin so that later runs skip the parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsprism.model import Article
from newsprism.read import entities, quotes, sentences
from newsprism.read.canonical import canonicalise
from newsprism.read.evaluation import (
    Counts,
    Example,
    Prediction,
    article_of,
    iter_errors,
    load_split,
    predictions,
    score,
)
from newsprism.read.nlp import load_nlp, parse, parse_text

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POLNEAR = DATA / "polnear"
BASIL = DATA / "basil"


def textacy_predictions(doc) -> tuple[list[Prediction], bool]:
    """textacy's direct quotations as predictions; False when it gives up on the document."""
    from textacy.extract.triples import direct_quotations

    found = []
    try:
        for triple in direct_quotations(doc):
            speaker = triple.speaker
            span = (speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None
            name = " ".join(t.text for t in speaker) if speaker else None
            content = (triple.content.start_char, triple.content.end_char)
            found.append(Prediction([content], span, name))
    except (ValueError, IndexError):  # unbalanced quotation marks: it raises
        return [], False
    return found, True


def parsed(articles: list[Article], nlp, cache: Path | None) -> Iterator[tuple[Article, Doc]]:
    """The spaCy parse of every article, or the one saved in ``cache`` by an earlier run (the
    parse is then not timed again: its time is the first run's)."""
    if cache is None or not cache.exists():
        keep = DocBin(store_user_data=True) if cache is not None else None
        for article, doc in parse(articles, nlp):
            if keep is not None:
                keep.add(doc)
            yield article, doc
        if keep is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            keep.to_disk(cache)
        return
    docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    if [d.text for d in docs] != [parse_text(a) for a in articles]:
        raise SystemExit(f"{cache} was made from other texts (--limit?): delete it")
    yield from zip(articles, docs, strict=True)


def run(examples: list[Example], errors: int, cache: Path | None = None) -> dict:
    nlp = load_nlp()
    timing = Counter()
    ours, theirs = [], []
    textacy_failures = 0
    error_log: dict[str, list] = {"speaker": [], "spurious": [], "missed": []}
    articles = [article_of(e) for e in examples]
    start = time.perf_counter()
    for article, doc in parsed(articles, nlp, cache):
        timing["parse"] += time.perf_counter() - start
        for name, stage in (("sentences", sentences), ("entities", entities), ("quotes", quotes)):
            t = time.perf_counter()
            stage.annotate(article, doc)
            timing[name] += time.perf_counter() - t
        t = time.perf_counter()
        canonicalise([article])
        timing["quotes"] += time.perf_counter() - t  # speaker names are part of the quote stage
        t = time.perf_counter()
        found, ok = textacy_predictions(doc)
        timing["textacy"] += time.perf_counter() - t
        textacy_failures += not ok
        theirs.append(found)
        ours.append(predictions(article))
        start = time.perf_counter()
    golds = [(e.gold, e.text) for e in examples]
    if errors:
        for predicted, example in zip(ours, examples, strict=True):
            for kind, said, truth in iter_errors(predicted, example.gold, example.text):
                error_log[kind].append((example.name, said, truth))
    return {
        "ours": score((p, g, t) for p, (g, t) in zip(ours, golds, strict=True)),
        "textacy": score((p, g, t) for p, (g, t) in zip(theirs, golds, strict=True)),
        "textacy_failures": textacy_failures,
        "timing": timing,
        "articles": len(examples),
        "errors": error_log,
    }


def line(label: str, counts: Counts) -> str:
    d = counts.as_dict()
    return (
        f"  {label:<22} content P {d['content_p']:.3f} R {d['content_r']:.3f} "
        f"F1 {d['content_f1']:.3f} | end-to-end P {d['e2e_p']:.3f} R {d['e2e_r']:.3f} "
        f"F1 {d['e2e_f1']:.3f} | pred {d['predicted']} gold {d['gold']}"
    )


def report(split: str, result: dict) -> None:
    n, timing = result["articles"], result["timing"]
    print(f"\n== PolNeAR {split}: {n} articles ==")
    for who in ("ours", "textacy"):
        for subset in ("all", "direct"):
            print(line(f"{who} / {subset}", result[who][subset]))
    print(f"  textacy gave up on {result['textacy_failures']} of {n} articles (unbalanced marks)")
    parse_s = timing["parse"]
    print(
        f"  time: spaCy parse {parse_s:.1f}s ({n / parse_s:.1f} articles/s); "
        f"entities {timing['entities']:.1f}s; quotes {timing['quotes']:.1f}s; "
        f"textacy {timing['textacy']:.1f}s; "
        f"newsprism total {n / (parse_s + timing['sentences'] + timing['entities'] + timing['quotes']):.1f} articles/s"  # noqa: E501
    )


def basil_quote_pairs() -> list[tuple[float, float, bool, bool]]:
    """(similarity, verbatim share, same speaker, shared 5-word run) for every two BASIL quotes
    (annotated ``quote: yes`` with a named speaker) carried by different outlets of one event.
    Similarity uses the story's sentences as background, as ``compare.quotes.collect`` does."""
    import json
    import re

    from newsprism.compare.quotes import similarity, verbatim_share

    by_event: dict[str, list[tuple[str, str, str]]] = {}
    background: dict[str, list[str]] = {}
    for path in sorted((BASIL / "annotations").glob("*/*_ann.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        article = path.name.removesuffix("_ann.json")
        event = article.rsplit("_", 1)[0]  # <triplet>_<1..3>
        body = json.loads(
            (BASIL / "articles" / path.parent.name / f"{article}.json").read_text("utf-8")
        )["body-paragraphs"]
        background.setdefault(event, []).extend(s for p in body for s in p)
        for phrase in data["phrase-level-annotations"]:
            named = phrase["speaker"] and not phrase["speaker"].startswith("other")
            if phrase["quote"] == "yes" and named and len(phrase["txt"].split()) >= 4:
                by_event.setdefault(event, []).append((article, phrase["speaker"], phrase["txt"]))

    def runs(text: str) -> set[tuple[str, ...]]:
        tokens = re.findall(r"\w+", text.lower())
        return {tuple(tokens[i : i + 5]) for i in range(len(tokens) - 4)}

    pairs = []
    for event, carried in by_event.items():
        matrix = similarity([q[2] for q in carried], background[event])
        for i, a in enumerate(carried):
            for j in range(i + 1, len(carried)):
                b = carried[j]
                if a[0] != b[0]:
                    shared = bool(runs(a[2]) & runs(b[2]))
                    pairs.append((matrix[i, j], verbatim_share(a[2], b[2]), a[1] == b[1], shared))
    return pairs


def calibrate() -> None:
    """How SAME_LINE and VERBATIM in ``compare.quotes`` were chosen (see the module).

    Positives: two outlets quoting one speaker with a common run of five words (the same line
    carried). Negatives: quotes of *different* speakers in one event, which must stay apart.
    For each threshold, the share of positives kept and of negatives let through."""
    from newsprism.compare.quotes import SAME_LINE, VERBATIM

    pairs = basil_quote_pairs()
    positives = [p for p in pairs if p[2] and p[3]]
    negatives = [p for p in pairs if not p[2]]
    print(
        f"\n== BASIL cross-outlet quote pairs: {len(positives)} same line, "
        f"{len(negatives)} different speakers =="
    )
    for column, label, current in (
        (0, "SAME_LINE (cosine)", SAME_LINE),
        (1, "VERBATIM (trigram share)", VERBATIM),
    ):
        print(f"  {label}, current {current}:")
        for threshold in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7):
            kept = sum(p[column] >= threshold for p in positives) / max(1, len(positives))
            through = sum(p[column] >= threshold for p in negatives) / max(1, len(negatives))
            print(
                f"    >= {threshold:.2f}: same line kept {kept:.2f}, other speakers {through:.3f}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="dev,train")
    parser.add_argument("--limit", type=int, default=None, help="first N articles per split")
    parser.add_argument("--errors", type=int, default=0, help="print N train errors per kind")
    parser.add_argument("--calibrate", action="store_true", help="only the BASIL calibration")
    parser.add_argument(
        "--cache", type=Path, default=None, help="folder for the splits' parses (DocBin)"
    )
    args = parser.parse_args()
    if args.calibrate or BASIL.is_dir():
        calibrate()
    if args.calibrate:
        return 0
    if not POLNEAR.is_dir():
        print(f"PolNeAR not found at {POLNEAR}", file=sys.stderr)
        return 1
    for split in args.splits.split(","):
        examples = load_split(POLNEAR, split)[: args.limit]
        suffix = f"-{args.limit}" if args.limit else ""
        cache = args.cache / f"{split}{suffix}.spacy" if args.cache else None
        reused = cache is not None and cache.exists()
        result = run(examples, args.errors if split == "train" else 0, cache)
        report(split, result)
        if reused:
            print(f"  (parse read from {cache}: its time above is loading, not parsing)")
        for kind, rows in result["errors"].items():
            for name, said, truth in rows[: args.errors]:
                print(f"  [{kind}] {name[:40]} :: {said[:160]!r} :: {truth[:200]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
