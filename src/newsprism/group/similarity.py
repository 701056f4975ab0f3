"""How alike two articles are: words, names and publication dates in one score in [0, 1].

score = ((1 - w) · cos(TF-IDF words) + w · cos(TF-IDF names)) · date factor

- Words: TF-IDF of title and body, sublinear tf, English stop words, fitted on the batch.
- Names: the same weighting over entity name words (see :func:`features.entity_keys`). When either
  article has no names at all, the pair is scored on words alone instead of being penalised.
- Dates: 1 when both articles appeared within ``date_grace_days``, decaying exponentially beyond;
  1 when either date is unknown, since an absent date is no evidence of a different event.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsprism.group.features import article_text, entity_keys, published_day
from newsprism.group.settings import GroupSettings
from newsprism.model import Article


@dataclass
class Components:
    """The parts of the pairwise score, kept apart so weights can be tried without refitting."""

    text: np.ndarray  # cosine of word TF-IDF, n × n
    names: np.ndarray  # cosine of name TF-IDF, n × n
    has_names: np.ndarray  # bool, n
    days: list[float | None]


def word_vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(sublinear_tf=True, stop_words="english", strip_accents="unicode")


def _cosine(vectorizer: TfidfVectorizer, documents: list, n: int) -> np.ndarray:
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # empty vocabulary: nothing to compare on
        return np.zeros((n, n))
    return np.asarray((matrix @ matrix.T).todense())


def _expand(keys: Counter[str]) -> list[str]:
    return [key for key, count in sorted(keys.items()) for _ in range(count)]


def batch_components(articles: Sequence[Article]) -> Components:
    """Pairwise word and name similarity of a batch, with IDF fitted on that batch."""
    n = len(articles)
    texts = [article_text(a) for a in articles]
    keys = [entity_keys(a) for a in articles]
    text = _cosine(word_vectorizer(), texts, n)
    names_vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=_expand)
    names = _cosine(names_vectorizer, keys, n)
    has_names = np.array([bool(k) for k in keys], dtype=bool)
    return Components(text, names, has_names, [published_day(a) for a in articles])


def date_factor(day_a: float | None, day_b: float | None, settings: GroupSettings) -> float:
    if day_a is None or day_b is None:
        return 1.0
    beyond_grace = abs(day_a - day_b) - settings.date_grace_days
    if beyond_grace <= 0:
        return 1.0
    return math.exp(-beyond_grace / settings.date_scale_days)


def date_factors(days: list[float | None], settings: GroupSettings) -> np.ndarray:
    known = np.array([d is not None for d in days], dtype=bool)
    values = np.array([d if d is not None else 0.0 for d in days], dtype=float)
    beyond = np.abs(values[:, None] - values[None, :]) - settings.date_grace_days
    factors = np.exp(-np.clip(beyond, 0.0, None) / settings.date_scale_days)
    both_known = known[:, None] & known[None, :]
    return np.where(both_known, factors, 1.0)


def mix(text: np.ndarray, names: np.ndarray, both_named: np.ndarray, weight: float) -> np.ndarray:
    """Blend word and name similarity; pairs where a side has no names use words alone."""
    return np.where(both_named, (1 - weight) * text + weight * names, text)


def combine(components: Components, settings: GroupSettings) -> np.ndarray:
    """The final pairwise score matrix, symmetric, 1 on the diagonal."""
    both_named = components.has_names[:, None] & components.has_names[None, :]
    scores = mix(components.text, components.names, both_named, settings.entity_weight)
    scores = scores * date_factors(components.days, settings)
    scores = np.clip(scores, 0.0, 1.0)
    np.fill_diagonal(scores, 1.0)
    return scores


def batch_similarity(articles: Sequence[Article], settings: GroupSettings) -> np.ndarray:
    return combine(batch_components(articles), settings)
