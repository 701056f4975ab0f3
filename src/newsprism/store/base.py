"""The small interface every storage back-end implements (SQLite by default; see ``sqlite.py``).

A store keeps articles (as the model's JSON, keyed by id, each with an integer *key* in the order
first stored), which story each article belongs to, compared stories (the full
:class:`~newsprism.model.Story` as JSON) so that a story can be shown again without recomputing
it, and what incremental grouping needs to go on where it stopped: each article's hashed features
and compact vector (opaque bytes here), small named state blobs, and the log of story merges.
Anything that implements this protocol — a PostgreSQL class, say — can stand in for the SQLite
store.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
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


@dataclass(frozen=True)
class MergeRecord:
    """Two stories made one by a late article that bridged them; or some articles of
    ``absorbed_story`` moved into ``kept_story`` by a consolidation (``moved`` is then only
    them; ``kept_story`` may be a story the move opened: a split)."""

    id: int
    merged_at: str  # ISO 8601, UTC
    kept_story: str  # the older story, which kept its id
    absorbed_story: str
    article: str  # the bridging article
    score: float  # average-link score between the two stories (with the bridging article)
    moved: list[str]  # articles moved from the absorbed story into the kept one
    undone_at: str | None = None


@dataclass(frozen=True)
class StoredFeatures:
    key: int
    day: float | None  # published day of the article
    features: bytes
    vector: bytes


@dataclass(frozen=True)
class StoredLanguage:
    """What grouping keeps of an article in a known language to compare it across languages."""

    language: str  # bare lower-case code, e.g. "de"
    head: str  # the start of its text that the multilingual model reads
    vector: bytes | None  # its embedding (float32), once computed


@runtime_checkable
class Store(Protocol):
    """Article, membership and story storage. Methods commit on return, except inside
    ``with store.batch():``, whose writes are committed together."""

    def batch(self) -> AbstractContextManager[None]:
        """Group the writes made inside into few transactions (rolled back on an error)."""
        ...

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

    # incremental grouping (see newsprism.store.grouping)
    def article_key(self, article_id: str) -> int | None:
        """The article's integer key: its place in the order first stored."""
        ...

    def article_ids_of(self, keys: Sequence[int]) -> dict[int, str]:
        """Ids of the stored articles among ``keys`` (by key)."""
        ...

    def put_features(self, key: int, features: bytes, vector: bytes) -> None: ...

    def iter_features(self) -> Iterator[StoredFeatures]:
        """Every stored feature row, by key."""
        ...

    def count_features(self) -> int: ...

    def change_counts(self) -> dict[str, int]:
        """``features``: stored feature rows; ``grouping``: changes to memberships or
        publication days so far. Caches beside the store compare them with their own."""
        ...

    def get_feature_blobs(self, keys: Sequence[int]) -> dict[int, bytes]:
        """Key -> stored features, for those ``keys`` that have some."""
        ...

    def membership_rows(self) -> Iterator[tuple[int, float | None, str]]:
        """(key, published day, story id) of every assigned article, by key."""
        ...

    def keys_without_features(self) -> list[tuple[int, str]]:
        """(key, article id) of assigned articles with no stored features (older stores)."""
        ...

    def put_language(self, key: int, language: str, head: str) -> None: ...

    def put_language_vector(self, key: int, vector: bytes) -> None: ...

    def get_languages(self, keys: Sequence[int]) -> dict[int, StoredLanguage]:
        """Key -> language row, for those ``keys`` that have one."""
        ...

    def recent_keys_in_languages(self, languages: Sequence[str], limit: int) -> list[int]:
        """The ``limit`` most recent keys (newest first) of articles in any of ``languages``."""
        ...

    def languages(self) -> list[str]:
        """Every language some stored article has a row in."""
        ...

    def get_state(self, name: str) -> bytes | None: ...

    def put_state(self, name: str, value: bytes) -> None: ...

    def index_path(self) -> Path | None:
        """Where the nearest-neighbour index is kept beside the store (``None``: in memory)."""
        ...

    # merges
    def merge_stories(
        self, kept: str, absorbed: str, article_id: str, score: float
    ) -> int | None:
        """Move every member of ``absorbed`` into ``kept`` and log it; return the merge id, or
        ``None`` (nothing done) when a merge of these two stories was undone before."""
        ...

    def move_articles(
        self, articles: Sequence[str], source: str, target: str, article_id: str, score: float
    ) -> int | None:
        """Move those of ``articles`` that are in story ``source`` into ``target`` (a new story:
        a split) and log it as a merge that moved only them, so :meth:`undo_merge` puts them
        back; ``None`` (nothing done) when a merge or move between the two was undone before, or
        when none of them is in ``source`` but for those an undone merge or move put back there
        (they stay).
        ``article_id`` is the latest arrival of the consolidation that decided it."""
        ...

    def merges(self) -> list[MergeRecord]:
        """Every merge, oldest first, undone ones included."""
        ...

    def undo_merge(self, merge_id: int) -> MergeRecord:
        """Give the absorbed story back the articles the merge moved.

        Raises :class:`ValueError` for an unknown or already undone merge, or when a later merge
        moved those articles on (undo that one first).
        """
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc_info: object) -> None: ...
