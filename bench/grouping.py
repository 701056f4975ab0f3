"""Story grouping and cross-lingual pair similarity: fit on train, report held-out, with baselines.

    .venv/bin/python bench/grouping.py [--data ../shared/data] [--skip-semeval] [--semeval-every 3]

Grouping: train = ECB+ topics 1–17 + BASIL events with an even index, held-out = the rest (see
``newsprism.group.datasets``); the two corpora are mixed into one batch per part. The pair model's
weights (strongly regularised logistic regression on the train pairs that pass the candidate
floor) and the story threshold (best train B³ F1) are fitted on train only; held-out figures are
printed once. Names come from the cheap capitalised-run finder (``features.entity_keys`` without
the read stage), not spaCy, so grouping stays fast.
Baseline: word TF-IDF cosine, average link, threshold fitted on train — same run, same timer.

Similarity: SemEval-2022 task 8 pairs, see ``bench/semeval.py`` (also runnable on its own).
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

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
        from semeval import semeval  # bench/semeval.py (bench/ is on sys.path as a script's folder)

        semeval(args.data / "semeval2022-task8" / "training_set.csv", args.semeval_every,
                args.save_language_means)
    print(f"done in {time.perf_counter() - started:.0f} s (2 cores, no GPU)")


if __name__ == "__main__":
    main()
