"""What each markup rule of ``newsprism.ingest.html_main`` adds, on the extraction fit half.

    nice -n 10 .venv/bin/python bench/html_repair.py [--data DIR] [--held-out]

The rules (drop paragraphs nearly all link text, outside the main container, or inside a promotion
box; none may remove more than ``MAX_RULE_SHARE`` of a page's words) were chosen here, on the fit
half only (``newsprism.ingest.evaluation.split_halves``). Each row scores trafilatura's main run
(repeated headline removed, as ``from_html`` does) with the rule set named. ``--held-out`` scores
the held-out half instead, to report it, never to choose rules by it.
"""

from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsprism.ingest import html_main
from newsprism.ingest.dom import Placement, place, read_page
from newsprism.ingest.evaluation import Page, average, load_benchmark, score_page, split_halves
from newsprism.ingest.html import parse
from newsprism.ingest.metadata import page_metadata
from newsprism.ingest.text import comparison_key

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "article-extraction-benchmark"


def placed(page: Page) -> tuple[list[str], list[Placement]]:
    tree = parse(page.html)
    if tree is None:
        return [], []
    title = comparison_key(page_metadata(tree, page.url).title or "")
    paragraphs = html_main.candidate_paragraphs(tree, page.url)
    paragraphs = [p for p in paragraphs if comparison_key(p) != title]
    return paragraphs, place(read_page(tree), paragraphs)


def score(pages: list[Page], rows: list[tuple[list[str], list[Placement]]], names: list[str],
          share: float) -> str:
    rules = {name: html_main.RULES[name] for name in names}

    def kept(paragraphs: list[str], placements: list[Placement]) -> str:
        html_main.MAX_RULE_SHARE = share
        dropped = html_main.furniture(paragraphs, placements, rules)
        return "\n".join(p for p, drop in zip(paragraphs, dropped, strict=True) if not drop)

    s = average(score_page(kept(*row) or "\n".join(row[0]), page.body)
                for page, row in zip(pages, rows, strict=True))
    return f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--held-out", action="store_true", help="score the held-out half")
    args = parser.parse_args()
    fit_half, held_half = split_halves(load_benchmark(args.data))
    half, name = (held_half, "held-out") if args.held_out else (fit_half, "fit")
    with ProcessPoolExecutor() as pool:
        rows = list(pool.map(placed, half, chunksize=4))
    shipped = html_main.MAX_RULE_SHARE
    print(f"{name} half, {len(half)} pages: {'rules':<58} {'P':>6} {'R':>6} {'F1':>6}")
    for names in ([], *([rule] for rule in html_main.RULES), list(html_main.RULES)):
        label = " + ".join(names) or "none"
        print(f"{'':<26} {label:<58} {score(half, rows, names, shipped)}")
    for share in (0.2, 0.5, 1.0):
        label = f"all, at most {share:.0%} of the words each"
        print(f"{'':<26} {label:<58} {score(half, rows, list(html_main.RULES), share)}")
    html_main.MAX_RULE_SHARE = shipped


if __name__ == "__main__":
    main()
