"""Cross-lingual article-pair similarity: SemEval-2022 task 8, fit on even rows, report odd rows.

    .venv/bin/python bench/semeval.py [--every 3] [--offsets 0,1] [--save-language-means NPZ]

(``bench/grouping.py`` runs it too, unless ``--skip-semeval``.) The rows of ``training_set.csv``
whose index modulo ``--every`` is in ``--offsets`` (a fixed sample, to bound embedding time on a
shared machine; ``--every 1`` is the whole file). Rows with an even index fit the curve (and the
head model's weights), rows with an odd index are only scored: the halves of every sample are
parts of the same two fixed halves of the file. Pearson with -Overall
(1 = same story), beside a word TF-IDF cosine and the plain e5 head cosine. All sampled pairs are
scored as one batch, as ``newsprism similarity`` scores a file: the per-language means are
estimated from the batch's texts (no labels), shrunk toward the stored means, which
``--save-language-means`` computes from the fit rows' texts only. Embeddings are cached in
$NEWSPRISM_EMBED_CACHE (default: a folder in the system temp dir).
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression


def read_semeval(path: Path, every: int, offsets: tuple[int, ...] = (0,)) -> list[dict]:
    """The sampled rows, each with its index in the file under ``"row"``."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [{**row, "row": index} for index, row in enumerate(rows) if index % every in offsets]


def tfidf_cosines(rows: list[dict]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [t for r in rows for t in (r["text1"], r["text2"])]
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    return np.asarray(matrix[0::2].multiply(matrix[1::2]).sum(axis=1)).ravel()


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1]) if len(x) > 2 else float("nan")


def fit_curve(cosines: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """(midpoint, width) of the logistic curve of -Overall on the cosine, by least squares."""
    from scipy.optimize import curve_fit

    def curve(x, low, high, midpoint, width):
        return low + (high - low) / (1.0 + np.exp(-(x - midpoint) / width))

    start = [-4.0, -1.0, float(np.median(cosines)), float(np.std(cosines))]
    (_, _, midpoint, width), _ = curve_fit(curve, cosines, target, p0=start, maxfev=20000)
    return float(midpoint), float(width)


def save_language_means(path: Path, texts: list[str], languages: list[str],
                        keep: np.ndarray) -> None:
    """Per-language mean article and head vectors of the ``keep`` texts (the fit rows' only)."""
    from newsprism.group import multilingual

    sums, heads = multilingual.article_vectors(texts)
    codes = np.array(languages)
    stored: dict[str, np.ndarray] = {"chunks": np.array(multilingual.ARTICLE_CHUNKS)}
    for language in sorted(set(codes[keep].tolist())):
        rows = keep & (codes == language)
        if rows.sum() >= 10:  # fewer texts make a noisy mean; the batch fallback does better
            stored[f"article_{language}"] = sums[rows].mean(axis=0).astype(np.float32)
            stored[f"head_{language}"] = heads[rows].mean(axis=0).astype(np.float32)
    np.savez(path, **stored)
    multilingual.reference_means.cache_clear()  # scoring below reads the means just written
    print(f"saved language means of {int(keep.sum())} fit texts to {path}")


def cross_language_model(rows: list[dict], fit_rows: np.ndarray) -> np.ndarray:
    """Grouping's cross-language probability (``multilingual.same_story_probability``): its
    logistic model refitted on the cross-language pairs of the fit rows (same story = Overall
    <= 2), the constants printed, and the shipped model's probability of every pair returned.
    Texts and vectors as grouping makes them (the start of each text, one vector)."""
    from newsprism.group import multilingual

    texts = [(multilingual.pair_text(r["text1"]), multilingual.pair_text(r["text2"]))
             for r in rows]
    heads = multilingual.embed([t for pair in texts for t in pair])
    signals = np.array([
        multilingual.signals(t1, t2, heads[2 * i], heads[2 * i + 1], r["lang1"], r["lang2"])
        for i, ((t1, t2), r) in enumerate(zip(texts, rows, strict=True))])
    fit = fit_rows & np.array([r["lang1"] != r["lang2"] for r in rows])
    same = np.array([float(r["Overall"]) <= 2.0 for r in rows])
    model = LogisticRegression().fit(signals[fit], same[fit])
    print(f"  cross-language model, fitted on {int(fit.sum())} cross-language fit pairs: "
          f"CROSS_LANGUAGE_WEIGHTS={tuple(round(float(w), 3) for w in model.coef_[0])} "
          f"CROSS_LANGUAGE_BIAS={model.intercept_[0]:.3f} (library: "
          f"{multilingual.CROSS_LANGUAGE_WEIGHTS} / {multilingual.CROSS_LANGUAGE_BIAS})")
    return np.array([multilingual.same_story_probability(t1, t2, heads[2 * i], heads[2 * i + 1],
                                                         r["lang1"], r["lang2"])
                     for i, ((t1, t2), r) in enumerate(zip(texts, rows, strict=True))])


def semeval(path: Path, every: int, save_means: Path | None = None,
            offsets: tuple[int, ...] = (0, 1)) -> None:
    from newsprism.group import multilingual

    os.environ.setdefault("NEWSPRISM_EMBED_CACHE",
                          str(Path(tempfile.gettempdir()) / "newsprism-embeddings"))
    rows = read_semeval(path, every, offsets)
    target = -np.array([float(r["Overall"]) for r in rows])
    pairs = [(r["text1"], r["text2"]) for r in rows]
    texts = [t for pair in pairs for t in pair]
    fit_rows = np.array([r["row"] % 2 == 0 for r in rows])
    started = time.perf_counter()
    languages = [multilingual.text_language(t) for t in texts]
    _, heads = multilingual.article_vectors(texts)
    embed_seconds = time.perf_counter() - started
    if save_means is not None:
        save_language_means(save_means, texts, languages, np.repeat(fit_rows, 2))
    started = time.perf_counter()
    features = multilingual.similarity_features(pairs, languages)
    score_seconds = time.perf_counter() - started
    midpoint, width = fit_curve(features[fit_rows, 0], target[fit_rows])
    scores = multilingual.similarity_curve(features[:, 0], midpoint, width)
    shipped = multilingual.similarity_curve(features[:, 0])  # the constants in the library

    cross = np.array([r["lang1"] != r["lang2"] for r in rows])
    english = np.array([r["lang1"] == r["lang2"] == "en" for r in rows])
    print(f"\nsimilarity: SemEval-2022 task 8, rows = {offsets} mod {every}: {len(rows)} pairs "
          f"({int(cross.sum())} cross-lingual); embedded {len(texts)} texts as title + up to "
          f"{multilingual.ARTICLE_CHUNKS} chunks of {multilingual.HEAD_CHARS} characters in "
          f"{embed_seconds:.0f} s (cached), scored in {score_seconds:.1f} s")
    print(f"fitted on the fit half: SIMILARITY_MIDPOINT={midpoint:.3f} "
          f"SIMILARITY_WIDTH={width:.3f} (library: {multilingual.SIMILARITY_MIDPOINT} / "
          f"{multilingual.SIMILARITY_WIDTH})")
    columns = {"TF-IDF": tfidf_cosines(rows),
               "e5 cos": np.einsum("ij,ij->i", heads[0::2], heads[1::2]),
               "x-lang P": cross_language_model(rows, fit_rows),
               "c. head": features[:, 1], "c. art.": features[:, 0],
               "newsprism": scores, "shipped": shipped}
    print(f"{'subset':<22}{'pairs':>6}" + "".join(f"{c:>10}" for c in columns))
    report = ~fit_rows
    subsets = {"fit half (even rows)": fit_rows, "report half (odd)": report,
               "all": np.ones(len(rows), bool), "en-en (all)": english,
               "en-en (odd)": english & report, "cross-lingual (all)": cross,
               "cross-lingual (odd)": cross & report}
    for name, keep in subsets.items():
        print(f"{name:<22}{int(keep.sum()):>6}" + "".join(
            f"{pearson(values[keep], target[keep]):>10.3f}" for values in columns.values()))
    print("columns: e5 cos = raw head cosine; x-lang P = grouping's cross-language probability "
          "(shipped constants); c. head / c. art. = language-centred head / article cosine; "
          "newsprism = logistic curve of c. art. fitted here; shipped = with the library's "
          "constants")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--every", type=int, default=3, help="score every N-th row")
    parser.add_argument("--offsets", default="0,1",
                        help="comma-separated row indices modulo --every to keep (default 0,1)")
    parser.add_argument("--save-language-means", type=Path, metavar="NPZ",
                        help="write the fit rows' per-language mean vectors here (the library "
                        "reads src/newsprism/group/language_means.npz)")
    args = parser.parse_args()
    started = time.perf_counter()
    offsets = tuple(int(o) for o in args.offsets.split(","))
    semeval(args.data / "semeval2022-task8" / "training_set.csv", args.every,
            args.save_language_means, offsets)
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
