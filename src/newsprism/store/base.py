"""The small interface every storage back-end implements (SQLite by default; see ``sqlite.py``).

A store keeps three things: articles (as the model's JSON, keyed by id), which story each article
belongs to, and compared stories (the full :class:`~newsprism.model.Story` as JSON) so that a
story can be shown again without recomputing it. Anything that implements this protocol — a
PostgreSQL class, say — can stand in for the SQLite store.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from newsprism.model import Article, Story

PutOutcome = Literal["added", "updated", "unchanged"]


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str
    articles: list[str]  # in publication order
    first_published: str | None
    last_published: str | None


@runtime_checkable
class Store(Protocol):
    """Article, membership and story storage. Methods commit on return."""

    # articles
    def put_article(self, article: Article) -> PutOutcome:
        """Store an article; identical content is a no-op, changed content replaces it."""
        ...

    def get_article(self, article_id: str) -> Article | None: ...

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        """The stored articles among ``article_ids``, in the order asked."""
        ...

    def article_ids(self) -> list[str]:
        """Every stored article id, in the order first stored."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, in the order first stored."""
        ...

    # story membership
    def set_story_of(self, article_id: str, story_id: str) -> None: ...

    def story_of(self, article_id: str) -> str | None: ...

    def memberships(self) -> dict[str, str]:
        """Article id -> story id, for every assigned article."""
        ...

    # stories
    def stories(self) -> list[StorySummary]:
        """One summary per story, earliest first."""
        ...

    def story(self, story_id: str) -> Story | None:
        """The saved compared story, or a bare one (id, title, articles) when none was saved."""
        ...

    def save_story(self, story: Story) -> None: ...

    def load_story(self, story_id: str) -> Story | None:
        """The compared story exactly as saved, or ``None``."""
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc_info: object) -> None: ...
