"""Main-content extraction on the article-extraction benchmark: HTML pages and raw scraped text.

    .venv/bin/python bench/extraction.py [--data ../shared/data/article-extraction-benchmark]
    .venv/bin/python bench/extraction.py --fit     # refit the text line model, then score

Split (fixed, see ``newsprism.ingest.evaluation.split_halves``): pages sorted by id, even
positions = fit half, odd positions = held-out half. ``--fit`` fits the ``text`` line model of
``newsprism.ingest.lineroles`` (weights and thresholds) on the fit half only and writes it to
``src/newsprism/ingest/lineroles.json``; the held-out half is only ever scored. HTML extraction
has no fitted model: its markup rules (``newsprism.ingest.html_main``) are chosen on the fit half
by ``bench/html_repair.py``.

HTML: newsprism's ``from_html`` (body paragraphs) against plain ``trafilatura.extract``.
Text: each page's visible text (``visible_text``) cleaned by ``from_text`` (body lines, what
``articleBody`` holds; also shown with the title and standfirst lines) against keeping every
line. Speed: trafilatura runs in one process, as it is usually called; newsprism's batch call
(``extract_pages``, the path ``newsprism.load`` takes) uses every core.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsprism.errors import InputError
from newsprism.ingest import lineroles
from newsprism.ingest.evaluation import (
    Page,
    Score,
    average,
    body_text,
    content_text,
    load_benchmark,
    score_page,
    shingle_labels,
    split_halves,
    token_key,
    trafilatura_text,
    visible_text,
)
from newsprism.ingest.jobs import extract_pages
from newsprism.ingest.text import from_text, layout, rule_kinds, text_line_features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "article-extraction-benchmark"
WEIGHTS = ROOT / "src" / "newsprism" / "ingest" / lineroles.WEIGHTS_FILE
THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.81, 0.05)]
# Inverse regularisation strength of the logistic models (sklearn's default).
REGULARISATION = 1.0


# --- fitting --------------------------------------------------------------------------------


def text_rows(page: Page) -> tuple[list[str], np.ndarray, list[bool], list[str]]:
    text = visible_text(page.html)
    result = layout(text, classify=False)
    lines = [line.text for line in result.lines]
    labels = shingle_labels(lines, page.body)
    return lines, text_line_features(result), labels, rule_kinds(result)


def fit_stage(rows: list[tuple], extra: list[np.ndarray] | None = None) -> lineroles.LineModel:
    """Logistic regression over the pages' lines; each page weighs 1 in total, its lines by their
    length (the metric averages pages and counts shingles)."""
    used = [i for i, r in enumerate(rows) if len(r[0])]
    parts = [rows[i][1] if extra is None else np.hstack([rows[i][1], extra[i]]) for i in used]
    features = np.vstack(parts)
    labels = np.concatenate([rows[i][2] for i in used]).astype(int)
    weights = np.concatenate([_line_weights(rows[i][0]) for i in used])
    mean, scale = features.mean(axis=0), features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit((features - mean) / scale, labels, sample_weight=weights)
    return lineroles.LineModel(mean, scale, model.coef_[0], float(model.intercept_[0]), 0.5)


def fit_pipeline(rows: list[tuple], pages: list[Page], kind: str):
    """First stage on line features; second stage on those plus the context of first-stage
    probabilities, computed out of fold (two folds) so it learns from honest probabilities.
    The second stage's threshold maximises F1 on the pages it was fitted on."""
    first = fit_stage(rows)
    folds = [list(range(0, len(rows), 2)), list(range(1, len(rows), 2))]
    context: list[np.ndarray] = [np.zeros((0, 0))] * len(rows)
    for train, other in (folds, folds[::-1]):
        fold_model = fit_stage([rows[i] for i in train])
        for i in other:
            context[i] = lineroles.context_features(fold_model.keep_probability(rows[i][1]))
    second = fit_stage(rows, context)

    def score(threshold: float) -> float:
        model = replace_threshold(second, threshold)
        kept = [_kept(r[0], _mask(first, model, r, kind)) for r in rows]
        return average(score_page(k, p.body) for k, p in zip(kept, pages, strict=True)).f1

    return first, replace_threshold(second, max(THRESHOLDS, key=score))


def replace_threshold(model: lineroles.LineModel, threshold: float) -> lineroles.LineModel:
    return lineroles.LineModel(model.mean, model.scale, model.weights, model.bias, threshold)


def _mask(first, second, row: tuple, kind: str) -> np.ndarray:
    if len(row[0]) == 0:
        return np.zeros(0, bool)
    stacked = np.hstack([row[1], lineroles.context_features(first.keep_probability(row[1]))])
    keep = second.keep(stacked)
    return keep & _baseline_mask(row, kind) if kind == "text" else keep


def _baseline_mask(row: tuple, kind: str) -> np.ndarray:
    """Without a model: the rules' content lines (text), the precise run's paragraphs (HTML)."""
    if kind == "text":
        return np.array([r == "content" for r in row[3]], bool)
    precise_column = len(lineroles.FEATURE_NAMES)
    return row[1][:, precise_column] > 0 if len(row[0]) else np.zeros(0, bool)


def cross_validated(rows: list[tuple], pages: list[Page], kind: str) -> tuple[float, float]:
    """F1 of (baseline, fitted pipeline) over the fit half by two-fold cross-validation: each
    fold scored by a pipeline fitted on the other. Decides whether a model is shipped."""
    folds = [list(range(0, len(rows), 2)), list(range(1, len(rows), 2))]
    base, fitted = [], []
    for train, test in (folds, folds[::-1]):
        first, second = fit_pipeline([rows[i] for i in train], [pages[i] for i in train], kind)
        for i in test:
            base.append(score_page(_kept(rows[i][0], _baseline_mask(rows[i], kind)), pages[i].body))
            fitted.append(score_page(_kept(rows[i][0], _mask(first, second, rows[i], kind)),
                                     pages[i].body))
    return average(base).f1, average(fitted).f1


def _line_weights(lines: list[str]) -> np.ndarray:
    sizes = np.array([max(len(token_key(line).split()), 1) for line in lines], dtype=float)
    return sizes / sizes.sum()


def fit(pages: list[Page], kinds: tuple[str, ...] = ("text",)) -> None:
    """Refit the ``kinds`` line models; the weights of the other kind are kept as shipped."""
    makers = {"text": text_rows}
    with ProcessPoolExecutor() as pool:
        rows = {kind: list(pool.map(makers[kind], pages, chunksize=4)) for kind in kinds}
    old = json.loads(WEIGHTS.read_text()) if WEIGHTS.exists() else {}
    shipped = {name: model for name, model in old.items() if name.split("_")[0] not in kinds}
    for kind, kind_rows in rows.items():
        base, fitted = cross_validated(kind_rows, pages, kind)
        verdict = "shipped" if fitted > base else "not shipped (no gain)"
        print(f"{kind} line model, 2-fold CV on the fit half: F1 {base:.3f} without, "
              f"{fitted:.3f} with -> {verdict}")
        if fitted > base:
            first, second = fit_pipeline(kind_rows, pages, kind)
            shipped[kind] = first.to_json()
            shipped[f"{kind}_context"] = second.to_json()
    WEIGHTS.write_text(json.dumps(shipped, indent=1) + "\n")
    lineroles.load_model.cache_clear()


def _kept(lines: list[str], keep) -> str:
    return "\n".join(line for line, k in zip(lines, keep, strict=True) if k) if lines else ""


# --- scoring --------------------------------------------------------------------------------


def newsprism_text(page: Page) -> tuple[str, str]:
    """(body, title + standfirst + body) of the cleaned text; ``articleBody`` holds the body."""
    try:
        article = from_text(visible_text(page.html), page.id, url=page.url)
    except InputError:
        return "", ""
    return body_text(article), content_text(article)


def keep_everything(page: Page) -> str:
    return visible_text(page.html)


def timed(run: Callable[[], list[str]]) -> tuple[list[str], float]:
    start = time.perf_counter()
    outputs = run()
    return outputs, time.perf_counter() - start


def halves(pages: list[Page], outputs: list[str]) -> dict[str, Score]:
    fit_half, held_half = split_halves(pages)
    by_id = {p.id: score_page(o, p.body) for p, o in zip(pages, outputs, strict=True)}
    return {
        "fit": average(by_id[p.id] for p in fit_half),
        "held-out": average(by_id[p.id] for p in held_half),
        "all": average(by_id.values()),
    }


def print_table(rows: list[tuple[str, dict[str, Score], str]]) -> None:
    print(f"{'system':<34} {'half':<9} {'P':>6} {'R':>6} {'F1':>6}  speed")
    for name, scores, speed in rows:
        for half, s in scores.items():
            print(f"{name:<34} {half:<9} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {speed}")
            name, speed = "", ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--fit", nargs="?", const="text", choices=["all", "text"],
                        help="refit the text line model first (HTML has no line model: its "
                        "markup rules, newsprism.ingest.html_main, are chosen by "
                        "bench/html_repair.py)")
    args = parser.parse_args()
    pages = load_benchmark(args.data)
    fit_half, held_half = split_halves(pages)
    print(f"{len(pages)} pages: fit {len(fit_half)}, held-out {len(held_half)}; "
          f"{os.cpu_count()} cores")
    if args.fit:
        fit(fit_half, ("text",))

    plain, plain_time = timed(lambda: [trafilatura_text(p) for p in pages])
    items = [{"html": p.html, "id": p.id, "url": p.url} for p in pages]
    articles, ours_time = timed(lambda: extract_pages(items))
    ours = [body_text(a) if not isinstance(a, InputError) else "" for a in articles]
    with ProcessPoolExecutor() as pool:
        everything = list(pool.map(keep_everything, pages, chunksize=8))
        cleaned, with_heads = zip(*pool.map(newsprism_text, pages, chunksize=8), strict=True)
    n = len(pages)
    print_table([
        ("HTML trafilatura (1 process)", halves(pages, plain), f"{n / plain_time:.1f} pages/s"),
        (f"HTML newsprism ({os.cpu_count()} processes)", halves(pages, ours),
         f"{n / ours_time:.1f} pages/s"),
        ("text keep everything", halves(pages, everything), ""),
        ("text newsprism from_text (body)", halves(pages, list(cleaned)), ""),
        ("  same + title, standfirst", halves(pages, list(with_heads)), ""),
    ])


if __name__ == "__main__":
    main()
