"""B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin 1998).

For each item: precision = share of its predicted cluster that shares its gold label; recall =
share of its gold class that landed in its predicted cluster. Both are averaged over items, and F1
is the harmonic mean of the two averages. An unassigned item should be given its own cluster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


def b_cubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> BCubed:
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold labels must have the same length")
    if not gold:
        return BCubed(0.0, 0.0, 0.0)
    cluster_sizes = Counter(predicted)
    class_sizes = Counter(gold)
    pairs = list(zip(predicted, gold, strict=True))
    overlap = Counter(pairs)
    precision = sum(overlap[(p, g)] / cluster_sizes[p] for p, g in pairs)
    recall = sum(overlap[(p, g)] / class_sizes[g] for p, g in pairs)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1)
