"""How alike two articles are, as a score in [0, 1].

Two scores live here:

- the *simple* score, for one pair on its own (what the stream assigner uses):
  score = ((1 - w) · cos(TF-IDF words) + w · cos(TF-IDF names)) · date factor
- the *batch* score (:func:`batch_similarity`), the probability that two articles of a batch report
  the same event, from a logistic model over the pair features of :data:`PAIR_FEATURES`. Beside
  the simple score's parts it looks at the lead (title and first paragraphs), numbers, years
  written in the text, and the pair's neighbourhood in the batch: the words two articles share
  once the words their whole topic shares are discounted ("local" IDF), and how many nearest
  neighbours they share. Look-alike events (two quakes on one island, two DUI arrests of one
  team's players) share their topic's vocabulary; what tells them apart is the rest.
  The weights were fitted by ``bench/grouping.py`` on the train part only.

Parts of the simple score:

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
from scipy.sparse import csr_matrix
from scipy.special import expit
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from newsprism.group.cluster import average_link_blocks
from newsprism.group.features import (
    article_text,
    entity_keys,
    lead_text,
    number_keys,
    published_day,
    year_keys,
)
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


def simple_similarity(articles: Sequence[Article], settings: GroupSettings) -> np.ndarray:
    """The simple score for every pair of a batch (the baseline the pair model improves on)."""
    return combine(batch_components(articles), settings)


# -- the batch pair model -------------------------------------------------------------------------

PAIR_FEATURES = (
    "words",  # cosine of word TF-IDF, whole text
    "names",  # cosine of name-word TF-IDF
    "lead",  # cosine of word TF-IDF, lead only
    "lead_names",  # cosine of name-word TF-IDF, lead only
    "numbers",  # cosine of number TF-IDF (years excluded)
    "years_shared",  # 1 when both name years and share one
    "years_disjoint",  # 1 when both name years and share none
    "dates",  # publication-date factor (1 when either date is unknown)
    "local_words",  # word cosine with IDF fitted inside the pair's topic group only
    "local_names",  # the same for name words: the people and places one event has, its twin not
    "shared_neighbours",  # share of near neighbours the two have in common
)


def _counts_cosine(keys: list[Counter[str]] | list[set[str]]) -> np.ndarray:
    """Cosine of sublinear TF-IDF over per-article keys (name words, numbers)."""
    return words_cosine(key_counts([Counter(k) for k in keys]))


def _years(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(both name years and share one, both name years and share none), as 0/1 matrices."""
    years = [year_keys(t) for t in texts]
    vocabulary = {year: i for i, year in enumerate(sorted(set().union(*years)))}
    member = np.zeros((len(texts), max(1, len(vocabulary))))
    for row, found in enumerate(years):
        member[row, [vocabulary[y] for y in found]] = 1.0
    has = member.any(axis=1)
    both = has[:, None] & has[None, :]
    shared = (member @ member.T) > 0
    return (both & shared).astype(float), (both & ~shared).astype(float)


def word_counts(texts: list[str]) -> csr_matrix:
    """Sublinear word counts (1 + log tf), English stop words out: tokenised once per batch."""
    counter = CountVectorizer(stop_words="english", strip_accents="unicode")
    try:
        counts = counter.fit_transform(texts).astype(float).tocsr()
    except ValueError:  # empty vocabulary
        return csr_matrix((len(texts), 1))
    counts.data = 1.0 + np.log(counts.data)
    return counts


def _idf_cosine(counts: csr_matrix, idf: np.ndarray) -> np.ndarray:
    weighted = normalize(counts.multiply(idf[None, :]).tocsr())
    return (weighted @ weighted.T).toarray()


def words_cosine(counts: csr_matrix) -> np.ndarray:
    """Cosine of sublinear TF-IDF (smoothed IDF, as sklearn's TfidfVectorizer) over the batch."""
    n = counts.shape[0]
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    return _idf_cosine(counts, np.log((1 + n) / (1 + frequency)) + 1.0)


def topic_groups(base: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link clusters of ``base`` cut at a low ``threshold``: articles on one topic."""
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(average_link_blocks(base, threshold)):
        groups.setdefault(label, []).append(index)
    return list(groups.values())


def local_idf_cosine(counts: csr_matrix, groups: list[list[int]]) -> np.ndarray:
    """Cosine inside each group, with IDF counted in that group only (see below); 0 across."""
    n = counts.shape[0]
    local = np.zeros((n, n))
    for members in groups:
        if len(members) < 3:  # IDF over two documents says nothing
            continue
        rows = counts[members]
        frequency = np.bincount(rows.indices, minlength=rows.shape[1])
        idf = np.where(frequency > 1, np.log(len(members) / np.maximum(frequency, 1)), 0.0)
        local[np.ix_(members, members)] = _idf_cosine(rows, idf)
    return local


def key_counts(keys: list[Counter[str]]) -> csr_matrix:
    """Sublinear counts (1 + log tf) of per-article keys (name words, numbers), one row each."""
    try:
        counts = CountVectorizer(analyzer=_expand).fit_transform(keys).astype(float).tocsr()
    except ValueError:  # no keys at all
        return csr_matrix((len(keys), 1))
    counts.data = 1.0 + np.log(counts.data)
    return counts


def shared_neighbours(base: np.ndarray, k: int, floor: float) -> np.ndarray:
    """How many near neighbours two articles have in common, over the smaller neighbourhood.

    An article's neighbourhood is itself plus its ``k`` most similar articles among those scoring
    at least ``floor`` with it (so an article on nothing else in the batch has none, and a small
    batch does not make everything everyone's neighbour). Scores are relative, so this holds where
    absolute similarity varies by topic: articles on one event are each other's nearest
    neighbours even when their words overlap little.
    """
    n = base.shape[0]
    member = np.eye(n)
    if n > 1:
        others = np.where(base >= floor, base, -np.inf)
        np.fill_diagonal(others, -np.inf)
        nearest = np.argsort(-others, axis=1, kind="stable")[:, : min(k, n - 1)]
        rows = np.repeat(np.arange(n), nearest.shape[1])
        keep = np.isfinite(others[rows, nearest.ravel()])
        member[rows[keep], nearest.ravel()[keep]] = 1.0
    sizes = member.sum(axis=1)
    return (member @ member.T) / np.minimum(sizes[:, None], sizes[None, :])


def pair_features(articles: Sequence[Article], settings: GroupSettings) -> dict[str, np.ndarray]:
    """Every feature of :data:`PAIR_FEATURES` as an n × n matrix, fitted on this batch.

    Also ``"base"``, the simple word-and-name score that picks the candidate pairs
    (see :func:`pair_probabilities`).
    """
    texts = [article_text(a) for a in articles]
    leads = [lead_text(a) for a in articles]
    names = [entity_keys(a) for a in articles]
    has_names = np.array([bool(k) for k in names], dtype=bool)
    counts = word_counts(texts)
    words = words_cosine(counts)
    name_counts = key_counts(names)  # counted once: global and local name cosines share it
    name_cosine = words_cosine(name_counts)
    both_named = has_names[:, None] & has_names[None, :]
    base = mix(words, name_cosine, both_named, settings.entity_weight)
    np.fill_diagonal(base, 1.0)
    years_shared, years_disjoint = _years(texts)
    groups = topic_groups(base, settings.topic_threshold) if len(articles) >= 3 else []
    return {
        "words": words,
        "names": name_cosine,
        "lead": words_cosine(word_counts(leads)),
        "lead_names": _counts_cosine([entity_keys(a, lead_only=True) for a in articles]),
        "numbers": _counts_cosine([number_keys(t) for t in texts]),
        "years_shared": years_shared,
        "years_disjoint": years_disjoint,
        "dates": date_factors([published_day(a) for a in articles], settings),
        "local_words": local_idf_cosine(counts, groups),
        "local_names": local_idf_cosine(name_counts, groups),
        "shared_neighbours": shared_neighbours(base, settings.neighbours, settings.topic_threshold),
        "base": base,
    }


def feature_stack(features: dict[str, np.ndarray]) -> np.ndarray:
    """n × n × len(PAIR_FEATURES), in :data:`PAIR_FEATURES` order."""
    return np.stack([features[name] for name in PAIR_FEATURES], axis=-1)


def candidate_pairs(features: dict[str, np.ndarray], settings: GroupSettings) -> np.ndarray:
    """n × n bool: pairs alike enough on the simple score for the pair model to judge them.

    The model is fitted on these pairs only, so its weights learn what tells apart articles that
    already look alike (look-alike events), not what tells a quake from a budget; every other
    pair is a different story.
    """
    return features["base"] >= settings.candidate_floor


def pair_probabilities(features: dict[str, np.ndarray], settings: GroupSettings) -> np.ndarray:
    """P(same event) for every pair, symmetric, 1 on the diagonal; 0 outside the candidates."""
    logits = feature_stack(features) @ np.asarray(settings.pair_weights) + settings.pair_bias
    scores = expit(logits) * features["dates"]  # far-apart publication is strong evidence
    scores = scores * candidate_pairs(features, settings)
    scores = (scores + scores.T) / 2
    np.fill_diagonal(scores, 1.0)
    return scores


def batch_similarity(articles: Sequence[Article], settings: GroupSettings) -> np.ndarray:
    """The batch score (pair-model probability) of every pair; compare with ``story_threshold``."""
    if not articles:
        return np.zeros((0, 0))
    return pair_probabilities(pair_features(articles, settings), settings)


def pair_scores(
    article: Article, candidates: Sequence[Article], settings: GroupSettings
) -> np.ndarray:
    """The pair model's P(same event) of ``article`` against each candidate, for verification.

    Meant for a stream: a cheap index retrieves a few candidates, and these are scored as one
    small batch (the article and its candidates), so the neighbourhood features see exactly the
    articles that compete for it.
    """
    if not candidates:
        return np.zeros(0)
    return batch_similarity([article, *candidates], settings)[0, 1:]
