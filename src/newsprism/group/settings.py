"""The one settings object of the *group* stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroupSettings:
    """How alike two articles must be to tell the same event, and how time counts.

    Fitted values were fitted on the train part only (ECB+ topics 1–17, BASIL events with an even
    index; see :mod:`newsprism.group.datasets`): the batch pair model by ``bench/grouping.py``,
    the simple words-and-names score (``threshold``, ``entity_weight``) by
    ``bench/fit_group_threshold.py``. The stream's own pair weights are in
    :mod:`newsprism.group.stream_score`.
    """

    # Batch grouping: lowest average pair-model probability at which two groups are one story.
    story_threshold: float = 0.35
    # Weights of the pair model, in the order of similarity.PAIR_FEATURES, and its intercept.
    pair_weights: tuple[float, ...] = (
        0.731, 1.133, 0.814, 1.325, 0.655, 0.789, -0.388, 1.088, 0.498, 0.639, 2.358,
    )
    pair_bias: float = -3.92
    # Only pairs scoring at least this on the simple score (words and names, no dates) are judged by
    # the pair model; the rest are different stories. Chosen by cross-validation inside train.
    candidate_floor: float = 0.05
    # Topic groups for the local-IDF feature: average-link on the simple score cut this low.
    topic_threshold: float = 0.08
    # Nearest neighbours compared by the shared-neighbours feature.
    neighbours: int = 10
    # Stream (ingest): lowest average cross-language probability at which an arrival joins a
    # story in another language, or two stories merge across languages. The batch's story
    # threshold. On the even SemEval rows (bench/stream_languages.py) 0.25 joined 2 more of 60
    # same-story pairs but put 34 more articles in stories of three or more; 0.4-0.5 lower.
    stream_cross_lingual_threshold: float = 0.35

    # Simple score alone (the benchmarks' simple-score batch anchor): lowest average similarity at
    # which two groups are one story.
    threshold: float = 0.23
    # Share of the score given to overlap of named entities (the rest is TF-IDF of the words).
    entity_weight: float = 0.7
    # Articles published this close together are not penalised at all …
    date_grace_days: float = 2.0
    # … beyond that, the score decays by a factor e for every further this many days.
    date_scale_days: float = 10.0
    # A story with no new article for this long is closed: a similar event later opens a new one.
    quiet_days: float = 7.0
    # Width of the hashed vocabulary of the incremental assigner (collisions are rare below ~1e5
    # distinct words, which covers news prose).
    hash_features: int = 2**18
