"""Persistent articles and stories; new articles join the stories already stored.

>>> with open_store("newsprism.db") as store:                    # doctest: +SKIP
...     result = ingest(store, articles)
...     result.stories["article-id"]                              # the story it joined or opened

:func:`open_store` gives the embedded SQLite back-end; any class implementing
:class:`~newsprism.store.base.Store` can be used with :func:`ingest` instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.group import GroupSettings, StoryAssigner
from newsprism.model import Article
from newsprism.store.base import Store, StorySummary
from newsprism.store.sqlite import SQLiteStore


def open_store(path: str | Path) -> Store:
    """Open (creating when missing) the SQLite store at ``path``; use it as a context manager."""
    return SQLiteStore(path)


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    stories: dict[str, str] = field(default_factory=dict)  # article id -> story id
    # Already stored under the same id but with other content: replaced, story kept.
    updated: list[str] = field(default_factory=list)


def rebuild_assigner(store: Store, settings: GroupSettings | None = None) -> StoryAssigner:
    """A :class:`StoryAssigner` holding every stored article in its stored story.

    Rebuilt from the stored articles on every call rather than persisting the assigner's vectors
    and document frequencies. The trade-off: ingest costs a pass over every stored article
    (feature extraction only — no spaCy, a few ms per article, fine for tens of thousands) but
    the store holds no derived state that could drift from the articles or break when the
    features change; stored memberships are kept as they are, never re-decided.
    """
    assigner = StoryAssigner(settings)
    memberships = store.memberships()
    for article in store.iter_articles():
        story_id = memberships.get(article.id)
        if story_id is not None:
            assigner.restore(article, story_id)
    return assigner


def ingest(
    store: Store, articles: Iterable[Article], settings: GroupSettings | None = None
) -> IngestResult:
    """Store articles and assign each new one to a story, in the order given.

    Re-ingesting an identical article changes nothing; a changed article with a stored id is
    replaced but keeps its story. A new article joins the stored story it resembles (only stories
    active within ``quiet_days`` of its publication) or opens a new one.
    """
    result = IngestResult()
    assigner: StoryAssigner | None = None
    for article in articles:
        outcome = store.put_article(article)
        getattr(result, outcome).append(article.id)
        story_id = store.story_of(article.id)
        if story_id is None:
            assigner = assigner or rebuild_assigner(store, settings)
            story_id = assigner.add(article)
            store.set_story_of(article.id, story_id)
        result.stories[article.id] = story_id
    return result


__all__ = ["IngestResult", "SQLiteStore", "Store", "StorySummary", "ingest", "open_store"]
