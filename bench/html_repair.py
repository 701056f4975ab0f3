"""What each markup rule of ``newsprism.ingest.repair`` adds, on the extraction fit half.

    nice -n 10 .venv/bin/python bench/html_repair.py [--data DIR]

The rules (drop paragraphs nearly all link text, outside the main container, or inside a promotion
box) were chosen here, on the fit half only (``newsprism.ingest.evaluation.split_halves``); the
held-out half is scored by ``bench/extraction.py``. Each row scores trafilatura's precise run
(repeated headline removed, as ``from_html`` does) with the rule set named.
"""

from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsprism.ingest import repair
from newsprism.ingest.dom import Placement, place, read_page
from newsprism.ingest.evaluation import Page, average, load_benchmark, score_page, split_halves
from newsprism.ingest.html import parse
from newsprism.ingest.metadata import page_metadata
from newsprism.ingest.text import comparison_key

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "article-extraction-benchmark"

RULES = {
    "links": lambda w: w.link_share <= repair.MAX_LINK_SHARE,
    "container": lambda w: w.in_container is not False,
    "promo": lambda w: not w.cues & repair.DROPPED_CUES,
}


def placed(page: Page) -> list[tuple[str, Placement]]:
    tree = parse(page.html)
    if tree is None:
        return []
    title = comparison_key(page_metadata(tree, page.url).title or "")
    words = read_page(tree)
    paragraphs = repair._paragraphs(tree, page.url, favor_precision=True)
    paragraphs = [p for p in paragraphs if comparison_key(p) != title]
    return list(zip(paragraphs, place(words, paragraphs), strict=True))


def score(pages: list[Page], rows: list[list[tuple[str, Placement]]], rules: list[str]) -> str:
    def kept(row: list[tuple[str, Placement]]) -> str:
        return "\n".join(
            text for text, where in row
            if not where.found or all(RULES[name](where) for name in rules)
        )

    s = average(score_page(kept(row), page.body) for page, row in zip(pages, rows, strict=True))
    return f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    fit_half, _ = split_halves(load_benchmark(args.data))
    with ProcessPoolExecutor() as pool:
        rows = list(pool.map(placed, fit_half, chunksize=4))
    print(f"fit half, {len(fit_half)} pages: {'rules':<26} {'P':>6} {'R':>6} {'F1':>6}")
    for rules in ([], *([name] for name in RULES), list(RULES)):
        print(f"{'':<26} {' + '.join(rules) or 'none':<26} {score(fit_half, rows, rules)}")


if __name__ == "__main__":
    main()
