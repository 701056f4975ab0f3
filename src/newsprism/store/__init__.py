"""Persistent articles and stories; new articles join the stories already stored.

>>> with open_store("newsprism.db") as store:                    # doctest: +SKIP
...     result = ingest(store, articles)
...     result.stories["article-id"]                              # the story it joined or opened

:func:`open_store` gives the embedded SQLite back-end; any class implementing
:class:`~newsprism.store.base.Store` can be used with :func:`ingest` instead. The SQLite store
keeps its nearest-neighbour index in a folder beside it (``<db>.index``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.group import GroupSettings
from newsprism.group.incremental import CONSOLIDATE_EVERY
from newsprism.model import Article
from newsprism.store.base import MergeRecord, Store, StorySummary
from newsprism.store.grouping import GroupingSession
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
    merges: list[int] = field(default_factory=list)  # ids of the merges this call made


def ingest(
    store: Store, articles: Iterable[Article], settings: GroupSettings | None = None,
    consolidate_every: int = CONSOLIDATE_EVERY,
) -> IngestResult:
    """Store articles and assign each new one to a story, in the order given.

    Re-ingesting an identical article changes nothing; a changed article with a stored id is
    replaced but keeps its story. A new article joins the stored story it resembles (only stories
    active within ``quiet_days`` of its publication; candidates come from the nearest-neighbour
    index beside the store) or opens a new one; one that bridges two stories may merge them
    (logged in ``store.merges()``, undone by ``store.undo_merge``).

    Every ``consolidate_every`` new articles, and once after the last, the stories around
    the recent ones are *consolidated* (:meth:`StoryAssigner.consolidate`): the batch pair
    model over them and their stories' recent members may merge stories or move articles to
    another (or a new) story, each change logged in ``store.merges()`` and undone the same
    way. ``0`` never consolidates (each article's first assignment stays).
    """
    result = IngestResult()
    session: GroupingSession | None = None
    with store.batch():  # a commit per write would cost more than the decisions
        for article in articles:
            outcome = store.put_article(article)
            getattr(result, outcome).append(article.id)
            if outcome == "updated" and session is not None:
                session.note_outside_write()  # its date may have moved under the story table
            story_id = store.story_of(article.id)
            if story_id is None:
                session = session or GroupingSession(store, settings)
                story_id = session.assigner.add(article, key=store.article_key(article.id))
                if consolidate_every and session.assigner.pending >= consolidate_every:
                    session.assigner.consolidate()
            result.stories[article.id] = story_id
        if session is not None and consolidate_every:
            session.assigner.consolidate()
    if session is not None:  # after the commit: what is saved beside the store matches it
        session.save()
        result.merges = list(session.state.merge_ids)
        # A merge or a consolidation may have moved an article of this call since it was placed.
        result.stories = {a: store.story_of(a) or s for a, s in result.stories.items()}
    return result


__all__ = [
    "GroupingSession", "IngestResult", "MergeRecord", "SQLiteStore", "Store", "StorySummary",
    "ingest", "open_store",
]
