"""Sparse logistic models for decisions the read stage learns from annotated text.

Rules name what a linguist can see ("said", "according to"); PolNeAR's attributions also hang on
hundreds of verbs and nouns that each occur a handful of times, where only the context says
whether someone is being reported. Those decisions are learned: features are named strings
("lemma=warn", "child=ccomp"), weights are fitted with scikit-learn on PolNeAR *train* only, and
the model ships as a small JSON file read without scikit-learn at run time, so a weight can be
looked up and explained ("why was this taken for a quote?").
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Features = Mapping[str, float]


@dataclass(frozen=True)
class SparseLogistic:
    """P(yes | features) = logistic(bias + Σ weight[name] · value); unknown names weigh 0."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    about: dict[str, str] = field(default_factory=dict)  # how it was trained, to reproduce it

    def score(self, features: Features) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * v for name, v in features.items())

    def probability(self, features: Features) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features)))

    def accepts(self, features: Features) -> bool:
        return self.probability(features) >= self.threshold

    def explain(self, features: Features, top: int = 5) -> list[tuple[str, float]]:
        """The features that moved the score most, with their contribution."""
        parts = [(n, self.weights.get(n, 0.0) * v) for n, v in features.items()]
        return sorted((p for p in parts if p[1]), key=lambda p: -abs(p[1]))[:top]

    def save(self, path: Path) -> None:
        weights = {n: round(w, 5) for n, w in sorted(self.weights.items()) if abs(w) >= 1e-5}
        body = {"about": self.about, "bias": round(self.bias, 5), "threshold": self.threshold}
        path.write_text(json.dumps({**body, "weights": weights}, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> SparseLogistic:
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
            return cls(body["weights"], body["bias"], body["threshold"], body.get("about", {}))
        except (OSError, ValueError, KeyError) as error:
            raise ValueError(f"{path}: not a newsprism linear model ({error})") from error


def fit(
    rows: Sequence[Features], labels: Sequence[bool], c: float = 1.0, threshold: float = 0.5
) -> SparseLogistic:
    """Fit an L2 logistic regression on named features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(matrix, [bool(y) for y in labels])
    weights = dict(zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True))
    return SparseLogistic({str(n): float(w) for n, w in weights.items()},
                          float(model.intercept_[0]), threshold)  # fmt: skip


def out_of_fold(
    rows: Sequence[Features],
    labels: Sequence[bool],
    groups: Sequence[str],
    c: float = 1.0,
    folds: int = 5,
) -> list[float]:
    """Each row's probability from a model fitted without its group (its article): the honest
    scores to choose a threshold on, inside the training split."""
    from sklearn.model_selection import GroupKFold

    probabilities = [0.0] * len(rows)
    for train, held in GroupKFold(n_splits=folds).split(rows, labels, groups):
        model = fit([rows[i] for i in train], [labels[i] for i in train], c)
        for i in held:
            probabilities[i] = model.probability(rows[i])
    return probabilities
