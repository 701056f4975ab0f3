"""Story grouping and cross-lingual pair similarity: fit on train, report held-out, with baselines.

    .venv/bin/python bench/grouping.py [--data ../shared/data] [--skip-semeval] [--semeval-every 3]

Grouping: train = ECB+ topics 1–17 + BASIL events with an even index, held-out = the rest (see
``newsprism.group.datasets``); the two corpora are mixed into one batch per part. The pair model's
weights (strongly regularised logistic regression on the train pairs that pass the candidate
floor) and the story threshold (best train B³ F1) are fitted on train only; held-out figures are
printed once. Names come from the cheap capitalised-run finder (``features.entity_keys`` without
the read stage), not spaCy, so grouping stays fast.
Baseline: word TF-IDF cosine, average link, threshold fitted on train — same run, same timer.

Similarity: SemEval-2022 task 8 pairs, every ``--semeval-every``-th row (a fixed sample, to stay
within ~10 minutes of embedding on 2 cores). The curve (and the head model's weights) are fitted on
the sample's even rows and reported on its odd rows and on all; Pearson with -Overall, beside a
word TF-IDF cosine and the plain e5 head cosine. All sampled pairs are scored as one batch, as
``newsprism similarity`` scores a file: the per-language means are estimated from the batch's
texts (no labels), shrunk toward the stored means, which ``--save-language-means`` computes from
the even rows' texts only. Embeddings are cached in $NEWSPRISM_EMBED_CACHE (default: a folder in
the system temp dir).
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LinearRegression, LogisticRegression

from newsprism.group import GroupSettings, group
from newsprism.group.cluster import average_link, average_link_tree, cut
from newsprism.group.datasets import LabelledSet, load_mixed
from newsprism.group.metrics import BCubed, b_cubed
from newsprism.group.similarity import (
    PAIR_FEATURES,
    batch_components,
    candidate_pairs,
    feature_stack,
    pair_features,
    pair_probabilities,
)

THRESHOLDS = [round(t, 3) for t in np.arange(0.02, 0.98, 0.01)]


def best_cut(scores: np.ndarray, labels: list[str]) -> tuple[float, BCubed]:
    """The threshold with the best B³ F1 (ties keep the lowest)."""
    tree = average_link_tree(scores)
    best: tuple[float, BCubed] | None = None
    for threshold in THRESHOLDS:
        score = b_cubed(cut(tree, len(labels), threshold), labels)
        if best is None or score.f1 > best[1].f1 + 1e-9:
            best = (threshold, score)
    assert best is not None
    return best


def is_ecb(article_id: str) -> bool:
    return article_id.endswith(("ecb", "ecbplus"))


def parts(data: LabelledSet, predicted: list) -> dict[str, BCubed]:
    """B³ of the mixed clustering, and of its ECB+ and BASIL articles (clustered in the mix)."""
    out = {"mix": b_cubed(predicted, data.labels)}
    for name, keep in (("ECB+", True), ("BASIL", False)):
        rows = [i for i, a in enumerate(data.articles) if is_ecb(a.id) == keep]
        out[name] = b_cubed([predicted[i] for i in rows], [data.labels[i] for i in rows])
    return out


def words_only(data: LabelledSet) -> np.ndarray:
    scores = batch_components(data.articles).text.copy()
    np.fill_diagonal(scores, 1.0)
    return scores


# Inverse regularisation strength of the pair model: the features overlap heavily and the hard
# pairs are few, so a strong prior toward small weights generalises better (chosen by
# cross-validation over train topics/events: 0.01 against sklearn's default 1.0).
PAIR_MODEL_C = 0.01


def fit_pair_model(train: LabelledSet, settings: GroupSettings) -> GroupSettings:
    """Logistic regression on the train batch's candidate pairs, then the best train cut."""
    features = pair_features(train.articles, settings)
    stack = feature_stack(features)
    upper = np.triu_indices(len(train), 1)
    candidates = candidate_pairs(features, settings)[upper]
    labels = np.array(train.labels)
    same = (labels[:, None] == labels[None, :])[upper]
    model = LogisticRegression(C=PAIR_MODEL_C, max_iter=5000).fit(
        stack[upper][candidates], same[candidates]
    )
    fitted = replace(settings, pair_weights=tuple(round(float(w), 3) for w in model.coef_[0]),
                     pair_bias=round(float(model.intercept_[0]), 3))
    threshold, _ = best_cut(pair_probabilities(features, fitted), train.labels)
    return replace(fitted, story_threshold=threshold)


def print_grouping_table(rows: list[tuple[str, str, dict[str, BCubed]]]) -> None:
    print(f"{'method':<22}{'part':<9}" + "".join(f"{c:>22}" for c in ("ECB+ (P/R/F1)",
          "BASIL (P/R/F1)", "mix (P/R/F1)")))
    for method, part, scores in rows:
        cells = "".join(f"{s.precision:>8.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                        for s in (scores["ECB+"], scores["BASIL"], scores["mix"]))
        print(f"{method:<22}{part:<9}{cells}")


def grouping(data_dir: Path) -> None:
    train, heldout = load_mixed(data_dir, "train"), load_mixed(data_dir, "heldout")
    print(f"grouping: train {len(train)} articles / {len(set(train.labels))} events; "
          f"held-out {len(heldout)} / {len(set(heldout.labels))}")
    rows = []
    base_threshold, _ = best_cut(words_only(train), train.labels)
    started, cpu_started = time.perf_counter(), time.process_time()
    base_labels = average_link(words_only(heldout), base_threshold)
    base_seconds, base_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    rows.append((f"TF-IDF words t={base_threshold:.2f}", "train",
                 parts(train, average_link(words_only(train), base_threshold))))
    rows.append(("", "held-out", parts(heldout, base_labels)))

    fitted = fit_pair_model(train, GroupSettings())
    for name, data in (("train", train), ("held-out", heldout)):
        started, cpu_started = time.perf_counter(), time.process_time()
        stories = group(data.articles, fitted)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        story_of = {a: s.id for s in stories for a in s.articles}
        method = f"pair model t={fitted.story_threshold:.2f}" if name == "train" else ""
        rows.append((method, name, parts(data, [story_of[a.id] for a in data.articles])))
    print_grouping_table(rows)
    # CPU time as well as wall time: on a shared machine the wall clock also counts other jobs.
    print(f"speed, held-out batch of {len(heldout)} articles (after loading): pair model "
          f"{len(heldout) / cpu:.0f} articles/CPU-s, {len(heldout) / seconds:.0f}/wall-s; "
          f"TF-IDF baseline {len(heldout) / base_cpu:.0f} articles/CPU-s, "
          f"{len(heldout) / base_seconds:.0f}/wall-s")
    weights = ", ".join(f"{n}={w:+.2f}" for n, w in zip(PAIR_FEATURES, fitted.pair_weights,
                                                         strict=True))
    print(f"fitted on train: story_threshold={fitted.story_threshold} bias={fitted.pair_bias}\n"
          f"  pair_weights={fitted.pair_weights}\n  ({weights})")
    if fitted.pair_weights != GroupSettings().pair_weights:
        print("  NOTE: differs from the defaults in GroupSettings")


# -- SemEval-2022 task 8 -------------------------------------------------------------------------

def read_semeval(path: Path, every: int) -> list[dict]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row for index, row in enumerate(rows) if index % every == 0]


def tfidf_cosines(rows: list[dict]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [t for r in rows for t in (r["text1"], r["text2"])]
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    return np.asarray(matrix[0::2].multiply(matrix[1::2]).sum(axis=1)).ravel()


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1]) if len(x) > 2 else float("nan")


def fit_to_unit(features: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, float]:
    """Least squares of -Overall (in [-4, -1]) on the features, rescaled to a [0, 1] score."""
    regression = LinearRegression().fit(features, target)
    return regression.coef_ / 3.0, float((regression.intercept_ + 4.0) / 3.0)


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


def semeval(path: Path, every: int, save_means: Path | None = None) -> None:
    from newsprism.group import multilingual

    os.environ.setdefault("NEWSPRISM_EMBED_CACHE",
                          str(Path(tempfile.gettempdir()) / "newsprism-embeddings"))
    rows = read_semeval(path, every)
    target = -np.array([float(r["Overall"]) for r in rows])
    pairs = [(r["text1"], r["text2"]) for r in rows]
    texts = [t for pair in pairs for t in pair]
    fit_rows = np.arange(len(rows)) % 2 == 0
    started = time.perf_counter()
    languages = [multilingual.text_language(t) for t in texts]
    sums, heads = multilingual.article_vectors(texts)
    embed_seconds = time.perf_counter() - started
    if save_means is not None:
        save_language_means(save_means, texts, languages, np.repeat(fit_rows, 2))
    started = time.perf_counter()
    features = multilingual.similarity_features(pairs, languages)
    score_seconds = time.perf_counter() - started
    midpoint, width = fit_curve(features[fit_rows, 0], target[fit_rows])
    scores = multilingual.similarity_curve(features[:, 0], midpoint, width)

    # The previous head-only model (raw cosine, names, numbers): still what batch grouping uses for
    # cross-language pairs, so its weights and calibration are refitted and printed here too.
    signals = np.array([multilingual.signals(t1, t2, heads[2 * i], heads[2 * i + 1])
                        for i, (t1, t2) in enumerate(pairs)])
    head_weights, head_bias = fit_to_unit(signals[fit_rows], target[fit_rows])
    multilingual.PAIR_WEIGHTS = tuple(float(w) for w in head_weights)
    multilingual.PAIR_BIAS = head_bias
    head_scores = np.array([multilingual.combine(s) for s in signals])
    same_story = target >= -2.0
    calibration = LogisticRegression().fit(head_scores[fit_rows, None], same_story[fit_rows])

    baseline = tfidf_cosines(rows)
    cosine_only = np.einsum("ij,ij->i", heads[0::2], heads[1::2])
    cross = np.array([r["lang1"] != r["lang2"] for r in rows])
    english = np.array([r["lang1"] == r["lang2"] == "en" for r in rows])
    print(f"\nsimilarity: SemEval-2022 task 8, every {every}th pair: {len(rows)} pairs "
          f"({int(cross.sum())} cross-lingual); embedded {len(texts)} texts as title + up to "
          f"{multilingual.ARTICLE_CHUNKS} chunks of {multilingual.HEAD_CHARS} characters in "
          f"{embed_seconds:.0f} s (cached), scored in {score_seconds:.1f} s")
    columns = {"TF-IDF": baseline, "e5 cos": cosine_only, "head mdl": head_scores,
               "c. head": features[:, 1], "c. art.": features[:, 0], "newsprism": scores}
    print(f"{'subset':<22}{'pairs':>6}" + "".join(f"{c:>10}" for c in columns))
    subsets = {"fit half (even rows)": fit_rows, "report half (odd)": ~fit_rows,
               "all": np.ones(len(rows), bool), "en-en (all)": english,
               "cross-lingual (all)": cross, "cross-lingual (odd)": cross & ~fit_rows,
               "en-en (odd)": english & ~fit_rows}
    for name, keep in subsets.items():
        print(f"{name:<22}{int(keep.sum()):>6}" + "".join(
            f"{pearson(values[keep], target[keep]):>10.3f}" for values in columns.values()))
    print("columns: e5 cos = raw head cosine; head mdl = previous head model; c. head / c. art. = "
          "language-centred head / article cosine; newsprism = logistic curve of c. art.")
    print(f"fitted on even rows: SIMILARITY_MIDPOINT={midpoint:.3f} SIMILARITY_WIDTH={width:.3f}\n"
          f"  head model: PAIR_WEIGHTS={tuple(round(float(w), 3) for w in head_weights)} "
          f"PAIR_BIAS={head_bias:.3f}; cross_lingual_slope={calibration.coef_[0][0]:.2f} "
          f"cross_lingual_bias={calibration.intercept_[0]:.2f} (P(Overall <= 2))")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--skip-semeval", action="store_true")
    parser.add_argument("--skip-grouping", action="store_true")
    parser.add_argument("--semeval-every", type=int, default=3)
    parser.add_argument("--save-language-means", type=Path, metavar="NPZ",
                        help="write the fit rows' per-language mean vectors here (the library "
                        "reads src/newsprism/group/language_means.npz)")
    args = parser.parse_args()
    started = time.perf_counter()
    if not args.skip_grouping:
        grouping(args.data)
    if not args.skip_semeval:
        semeval(args.data / "semeval2022-task8" / "training_set.csv", args.semeval_every,
                args.save_language_means)
    print(f"done in {time.perf_counter() - started:.0f} s (2 cores, no GPU)")


if __name__ == "__main__":
    main()
