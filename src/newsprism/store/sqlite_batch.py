"""Transactions of the SQLite store: each write committed on return, or many at once inside a
:meth:`~BatchedWrites.batch`, with the write-ahead log checkpointed on the store's own schedule.

:class:`BatchedWrites` is the base of :class:`~newsprism.store.sqlite.SQLiteStore`, which opens
the connection and sets the attributes it uses; the schema is in
:mod:`newsprism.store.sqlite_schema`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

# Writes per commit inside a batch: bounds the work a crash loses (about 1,300 articles of an
# ingest, each three writes; stored again by the next run), while a commit, which costs a write
# 5-10 ms, falls on fewer than one article in a thousand.
_COMMIT_EVERY = 4000
# Inside a batch the write-ahead log is copied back into the database file every this many
# commits (and when the batch ends), not by SQLite's automatic checkpoint: that one runs inside
# whichever commit crosses its page count, and costs that write ~100 ms.
_CHECKPOINT_EVERY = 2
_AUTOCHECKPOINT_PAGES = 1000  # SQLite's default, restored after a batch


class BatchedWrites:
    """The write and batch methods of :class:`~newsprism.store.sqlite.SQLiteStore`."""

    path: str
    _db: sqlite3.Connection
    _batching: int  # depth of nested batches
    _uncommitted: int  # writes since the last commit inside a batch
    _commits: int  # commits inside the current batch

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write: committed on return, or with the batch it belongs to."""
        if not self._batching:
            with self._db:
                yield
            return
        # Inside a batch each write is still all or nothing: a write that fails half-way (and
        # whose error the caller handles) must not leave half its rows for the batch's commit.
        if not self._db.in_transaction:
            self._db.execute("BEGIN")  # so that releasing the savepoint does not commit
        self._db.execute("SAVEPOINT one_write")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK TO one_write")
            self._db.execute("RELEASE one_write")
            raise
        self._db.execute("RELEASE one_write")
        self._count_write()

    def _execute_write(self, sql: str, parameters: tuple) -> sqlite3.Cursor:
        """A write of one statement: as :meth:`_write`, but inside a batch without a savepoint
        around it (SQLite undoes a failed statement whole by itself; a stream decision makes
        three such writes, and the savepoint's two extra statements cost about as much as
        them)."""
        if not self._batching:
            with self._db:
                return self._db.execute(sql, parameters)
        cursor = self._db.execute(sql, parameters)  # in the batch's transaction
        self._count_write()
        return cursor

    def _count_write(self) -> None:
        """Commit every ``_COMMIT_EVERY`` writes of a batch (checkpointing now and then)."""
        self._uncommitted += 1
        if self._uncommitted >= _COMMIT_EVERY:
            self._db.commit()
            self._uncommitted = 0
            self._commits += 1
            if self._commits % _CHECKPOINT_EVERY == 0:
                self._checkpoint()

    def _checkpoint(self) -> None:
        """Copy the write-ahead log into the database file as far as readers allow (no wait)."""
        if self.path != ":memory:":
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Commit the writes made inside once (every ``_COMMIT_EVERY`` writes, and at the end)
        rather than each on return: a commit costs more than a decision. On an error the writes
        since the last commit are rolled back."""
        if not self._batching and self.path != ":memory:":
            self._db.execute("PRAGMA wal_autocheckpoint = 0")  # see _CHECKPOINT_EVERY
        self._batching += 1
        try:
            yield
        except BaseException:
            self._batching -= 1
            if not self._batching:
                self._db.rollback()
                self._end_batch()
            raise
        self._batching -= 1
        if not self._batching:
            self._db.commit()
            self._end_batch()

    def _end_batch(self) -> None:
        self._uncommitted = self._commits = 0
        if self.path != ":memory:":
            self._checkpoint()
            self._db.execute(f"PRAGMA wal_autocheckpoint = {_AUTOCHECKPOINT_PAGES}")
