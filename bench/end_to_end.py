"""End-to-end throughput: BASIL articles from raw input to compared, rendered stories.

    .venv/bin/python bench/end_to_end.py [--limit N]

The 180 BASIL articles (60 events x Fox / NYT / HuffPost) are written as a JSONL input file, then
run through every stage exactly as ``newsprism compare`` runs them. The anchor, timed in the same
run, is the bare spaCy parse of the same texts: the floor any pipeline built on that model pays.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import newsprism
from newsprism.group.datasets import load_basil
from newsprism.group.metrics import b_cubed
from newsprism.read.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def write_input(limit: int | None, folder: Path) -> tuple[Path, dict[str, str]]:
    data = load_basil(SHARED / "basil")
    pairs = list(zip(data.articles, data.labels, strict=True))[:limit]
    path = folder / "basil.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for article, _ in pairs:
            record = {"id": article.id, "text": article.text, "url": article.url,
                      "source": article.outlet, "published": article.published}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, {article.id: label for article, label in pairs}


def timed(stage: str, timings: dict[str, float], function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    timings[stage] = time.perf_counter() - start
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    if not (SHARED / "basil").is_dir():
        print(f"needs {SHARED / 'basil'}", file=sys.stderr)
        return 2

    nlp = load_nlp()  # loaded before timing: a one-off cost, reported apart
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        path, gold = write_input(args.limit, Path(folder))
        articles, errors = timed("ingest", timings, newsprism.load, [path])
        assert not errors, errors
        timed("read", timings, newsprism.read, articles)
        stories = timed("group", timings, newsprism.group, articles)
        report = timed("compare + brief", timings, newsprism.compare, articles, stories)
        timed("render json + html", timings,
              lambda: [newsprism.render(report, fmt) for fmt in ("json", "html")])

        start = time.perf_counter()
        list(nlp.pipe((a.text for a in articles), batch_size=16))
        anchor = time.perf_counter() - start

    n = len(articles)
    total = sum(timings.values())
    predicted = {a: s.id for s in report.stories for a in s.articles}
    grouping = b_cubed([predicted[a] for a in gold], list(gold.values()))
    facts = [f.status for s in report.stories for f in s.facts]
    print(f"BASIL: {n} articles, {len(report.stories)} stories "
          f"(gold {len(set(gold.values()))} events; B3 {grouping}), {len(facts)} facts, "
          f"{sum(len(a.quotes) for a in articles)} quotes")
    print(f"{'stage':<22}{'seconds':>9}{'share':>8}{'articles/s':>12}")
    for stage, seconds in timings.items():
        print(f"{stage:<22}{seconds:9.2f}{seconds / total:8.0%}{n / seconds:12.1f}")
    print(f"{'end to end':<22}{total:9.2f}{1:8.0%}{n / total:12.1f}")
    print(f"{'anchor: spaCy parse':<22}{anchor:9.2f}{'':>8}{n / anchor:12.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
