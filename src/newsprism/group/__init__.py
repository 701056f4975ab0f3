"""Stage 3, *group*: put articles that report the same event into one :class:`Story`.

Two entry points over the same similarity (words, names, publication dates; see
:mod:`newsprism.group.similarity`):

- :func:`group` — a whole batch at once: TF-IDF fitted on the batch, average-link agglomerative
  clustering cut at ``GroupSettings.threshold``.
- :class:`StoryAssigner` — a stream, one article at a time, using only what has arrived so far
  (what :func:`newsprism.store.ingest` uses).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.group.cluster import average_link
from newsprism.group.features import display_title, published_day
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


def group(articles: Sequence[Article], settings: GroupSettings | None = None) -> list[Story]:
    """Group a batch into stories; every article is in exactly one story.

    Stories come in order of their first article's publication; each lists its article ids in
    publication order; its id is derived from its earliest article's id (stable across runs),
    and its title is that article's title.
    """
    settings = settings or GroupSettings()
    ordered = publication_order(_unique(articles))
    labels = average_link(batch_similarity(ordered, settings), settings.threshold)
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
