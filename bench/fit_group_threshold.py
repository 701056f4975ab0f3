"""Fit the *simple* score's threshold and weights (stream assigner) on TRAIN; print B³.

The batch pair model is fitted and reported by ``bench/grouping.py``; this script fits the simple
score (words + names + dates) that :class:`StoryAssigner` uses.

    .venv/bin/python bench/fit_group_threshold.py [--data ../shared/data]

Train: ECB+ topics 1–17 + BASIL events with an even index; held-out: the rest (see
``newsprism.group.datasets``). The two corpora are mixed into one set, as a real stream would mix
them. Only the train part is used to choose; held-out figures are printed once, for the choice.
Also prints the incremental assigner (``StoryAssigner``) on held-out, in a fixed shuffled order.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from newsprism.group import GroupSettings, StoryAssigner
from newsprism.group.cluster import average_link, average_link_tree, cut
from newsprism.group.datasets import LabelledSet, load_mixed
from newsprism.group.metrics import BCubed, b_cubed
from newsprism.group.similarity import batch_components, combine, simple_similarity

THRESHOLDS = [round(t, 2) for t in np.arange(0.05, 0.71, 0.01)]
ENTITY_WEIGHTS = [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
DATE_SCALES = [3.0, 5.0, 10.0, 20.0]


def batch_score(data: LabelledSet, settings: GroupSettings) -> BCubed:
    labels = average_link(simple_similarity(data.articles, settings), settings.threshold)
    return b_cubed(labels, data.labels)


def stream_score(data: LabelledSet, settings: GroupSettings, seed: int = 0) -> BCubed:
    order = list(range(len(data)))
    random.Random(seed).shuffle(order)
    assigner = StoryAssigner(settings)
    predicted = {}
    for index in order:
        predicted[index] = assigner.add(data.articles[index])
    return b_cubed([predicted[i] for i in range(len(data))], data.labels)


def fit(
    train: LabelledSet, weights: list[float] = ENTITY_WEIGHTS
) -> tuple[GroupSettings, BCubed]:
    components = batch_components(train.articles)
    best: tuple[float, GroupSettings, BCubed] | None = None
    for scale in DATE_SCALES:
        for weight in weights:
            settings = GroupSettings(entity_weight=weight, date_scale_days=scale)
            tree = average_link_tree(combine(components, settings))
            for threshold in THRESHOLDS:
                score = b_cubed(cut(tree, len(train), threshold), train.labels)
                # Strictly better only, so ties keep the earlier (smaller) setting.
                if best is None or score.f1 > best[0] + 1e-9:
                    best = (score.f1, replace(settings, threshold=threshold), score)
    assert best is not None
    return best[1], best[2]


def split(data: LabelledSet, corpus: str) -> LabelledSet:
    """The part of a mixed set from one corpus (ECB+ ids end in 'ecb'/'ecbplus')."""
    keep = [i for i, a in enumerate(data.articles)
            if a.id.endswith(("ecb", "ecbplus")) == (corpus == "ecb")]
    return LabelledSet([data.articles[i] for i in keep], [data.labels[i] for i in keep])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default_data)
    args = parser.parse_args()

    started = time.perf_counter()
    train, heldout = load_mixed(args.data, "train"), load_mixed(args.data, "heldout")
    print(f"train {len(train)} articles / {len(set(train.labels))} events; "
          f"held-out {len(heldout)} / {len(set(heldout.labels))}")
    chosen, fitted = fit(train)
    print(f"chosen: threshold={chosen.threshold} entity_weight={chosen.entity_weight} "
          f"date_scale_days={chosen.date_scale_days} (grace {chosen.date_grace_days} d)")
    print(f"  train    (mixed, fitted) B³ {fitted}")
    for offset in (-0.1, -0.05, 0.05, 0.1):  # how flat the optimum is
        nearby = replace(chosen, threshold=round(chosen.threshold + offset, 2))
        print(f"    train at threshold {nearby.threshold:.2f}: B³ {batch_score(train, nearby)}")
    print(f"  held-out (mixed, batch)  B³ {batch_score(heldout, chosen)}")
    for corpus, name in (("ecb", "ECB+"), ("basil", "BASIL")):
        print(f"  held-out {name:<6} alone     B³ {batch_score(split(heldout, corpus), chosen)}")
    print(f"  held-out (mixed, stream) B³ {stream_score(heldout, chosen)}")
    words_only, _ = fit(train, weights=[0.0])
    print(f"baseline, words only (threshold {words_only.threshold} fitted on train): "
          f"held-out B³ {batch_score(heldout, words_only)}")
    print(f"  defaults in GroupSettings: {GroupSettings()}")
    print(f"done in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
