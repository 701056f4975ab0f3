"""Stage 3, *group*: put articles that report the same event into one :class:`Story`.

Two entry points (see :mod:`newsprism.group.similarity` for the scores):

- :func:`group` — a whole batch at once: a pair model over words, names, lead, numbers, years,
  dates and each pair's neighbourhood in the batch, then average-link agglomerative clustering cut
  at ``GroupSettings.story_threshold``. Pairs of articles in different languages (both
  ``Article.language`` known and different) are scored by multilingual embeddings instead
  (:mod:`newsprism.group.multilingual`), since they share almost no words.
- :class:`StoryAssigner` — a stream, one article at a time, using only what has arrived so far
  (what :func:`newsprism.store.ingest` uses): its nearest earlier articles are judged by the same
  pair model, refitted without the one feature a stream cannot compute
  (:mod:`newsprism.group.stream_score`); articles in two known languages are compared by the
  same multilingual model as in the batch (:mod:`newsprism.group.stream_languages`). Every
  so many arrivals a *consolidation* re-runs the batch model over the recent ones and their
  stories and reconciles the stories with it (:mod:`newsprism.group.stream_consolidate`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.group.cluster import average_link_blocks
from newsprism.group.features import (
    article_text,
    display_title,
    language_code,
    published_day,
)
from newsprism.group.incremental import StoryAssigner, story_id_for
from newsprism.group.settings import GroupSettings
from newsprism.group.similarity import batch_similarity
from newsprism.model import Article, Story


def publication_order(articles: Sequence[Article]) -> list[Article]:
    """Articles by published time; undated ones after dated ones, each in input order."""
    days = [published_day(a) for a in articles]
    keyed = sorted(
        range(len(articles)),
        key=lambda i: (days[i] is None, days[i] if days[i] is not None else 0.0, i),
    )
    return [articles[i] for i in keyed]


def _unique(articles: Sequence[Article]) -> list[Article]:
    """One article per id (the first given), so each id lands in exactly one story."""
    seen: set[str] = set()
    unique = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            unique.append(article)
    return unique


def cross_lingual_pairs(articles: Sequence[Article]) -> np.ndarray:
    """n × n bool: both languages known and different."""
    codes = [language_code(a) for a in articles]
    known = np.array([c is not None for c in codes], dtype=bool)
    values = np.array([c or "" for c in codes], dtype=str)
    return known[:, None] & known[None, :] & (values[:, None] != values[None, :])


def with_cross_lingual(
    scores: np.ndarray, articles: Sequence[Article], settings: GroupSettings
) -> np.ndarray:
    """Replace the scores of cross-language pairs by the multilingual model's probability.

    Only batches that mix languages pay for embeddings (a few texts per second on one core), and
    only the articles in a cross-language pair are embedded.
    """
    crossing = cross_lingual_pairs(articles)
    if not crossing.any():
        return scores
    from newsprism.group import multilingual  # loads the embedding model only when needed

    involved = np.flatnonzero(crossing.any(axis=1))
    texts = [multilingual.pair_text(article_text(articles[i])) for i in involved]
    languages = [language_code(articles[i]) for i in involved]
    vectors = multilingual.embed(texts)
    scores = scores.copy()
    for a, i in enumerate(involved):
        for b in range(a + 1, len(involved)):
            j = involved[b]
            if not crossing[i, j]:
                continue
            scores[i, j] = scores[j, i] = multilingual.same_story_probability(
                texts[a], texts[b], vectors[a], vectors[b], languages[a], languages[b])
    return scores


def group(articles: Sequence[Article], settings: GroupSettings | None = None) -> list[Story]:
    """Group a batch into stories; every article is in exactly one story.

    Stories come in order of their first article's publication; each lists its article ids in
    publication order; its id is derived from its earliest article's id (stable across runs),
    and its title is that article's title.
    """
    settings = settings or GroupSettings()
    ordered = publication_order(_unique(articles))
    scores = with_cross_lingual(batch_similarity(ordered, settings), ordered, settings)
    labels = average_link_blocks(scores, settings.story_threshold)
    members: dict[int, list[Article]] = {}
    for article, label in zip(ordered, labels, strict=True):
        members.setdefault(label, []).append(article)
    return [
        Story(
            id=story_id_for(story_articles[0].id),
            title=display_title(story_articles[0]),
            articles=[a.id for a in story_articles],
        )
        for story_articles in members.values()
    ]


__all__ = ["GroupSettings", "StoryAssigner", "group", "publication_order", "story_id_for"]
