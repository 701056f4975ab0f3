"""The one settings object of the *group* stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroupSettings:
    """How alike two articles must be to tell the same event, and how time counts.

    ``threshold`` and ``entity_weight`` were fitted by ``bench/fit_group_threshold.py`` on the
    train part only (ECB+ topics 1–17, BASIL events with an even index); see docs/benchmarks.md.
    """

    # Lowest average-link similarity at which two groups of articles are one story.
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
