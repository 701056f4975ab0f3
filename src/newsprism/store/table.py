"""What the incremental assigner needs to know about stories, in compact arrays beside the index.

A decision asks, for a handful of candidate articles, which story each belongs to, and for a
candidate story its first member, the span of its publication days and its most recent members.
Reading that from SQLite costs scattered page reads per decision; here it is a few numpy look-ups.

- Per article key: its story number, its publication day, and the previous member (by key) of the
  same story, so a story's members form a chain from its newest member back to its first.
- Per story number: its id, first and last key, earliest and latest dated day, and size.

The table is a cache of the store's memberships: it is saved beside the nearest-neighbour index
with the store's change counters (:meth:`~newsprism.store.sqlite.SQLiteStore.change_counts`) and
rebuilt from the store when they no longer match (a merge undone, an interrupted session, …).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from newsprism.group.stream_state import StorySpan

_NONE = -1
_PER_KEY = ("story", "day", "previous")
_PER_STORY = ("first", "last", "low", "high", "size")


def _grown(array: np.ndarray, size: int, fill: float) -> np.ndarray:
    """``array`` extended to at least ``size`` entries (doubling, so appends stay O(1))."""
    if size <= len(array):
        return array
    grown = np.full(max(size, 2 * len(array), 64), fill, dtype=array.dtype)
    grown[: len(array)] = array
    return grown


class StoryTable:
    """Story membership of article keys, with per-story first/last key and day span."""

    def __init__(self) -> None:
        self.story = np.full(0, _NONE, dtype=np.int32)  # per key: story number
        self.day = np.full(0, np.nan)  # per key: published day (nan: undated or unknown)
        self.previous = np.full(0, _NONE, dtype=np.int64)  # per key: previous member's key
        self.first = np.zeros(0, dtype=np.int64)  # per story: first (smallest) key
        self.last = np.zeros(0, dtype=np.int64)  # per story: newest key, head of the chain
        self.low = np.zeros(0)  # per story: earliest dated day (nan: none dated)
        self.high = np.zeros(0)  # per story: latest dated day
        self.size = np.zeros(0, dtype=np.int64)
        self.names: list[str] = []
        self._number: dict[str, int] = {}

    def __len__(self) -> int:
        return int(self.size[: len(self.names)].sum())

    # -- reading ----------------------------------------------------------------------------

    def story_of_key(self, key: int) -> str | None:
        number = int(self.story[key]) if 0 <= key < len(self.story) else _NONE
        return None if number == _NONE else self.names[number]

    def stories_of(self, keys: Iterable[int]) -> dict[int, str]:
        found = {}
        for key in keys:
            story_id = self.story_of_key(int(key))
            if story_id is not None:
                found[int(key)] = story_id
        return found

    def day_of(self, key: int) -> float | None:
        day = float(self.day[key]) if 0 <= key < len(self.day) else float("nan")
        return None if np.isnan(day) else day

    def span(self, story_id: str, recent: int) -> StorySpan | None:
        number = self._number.get(story_id)
        if number is None or self.size[number] == 0:
            return None
        keys, key = [], int(self.last[number])
        while key != _NONE and len(keys) < recent:
            keys.append(key)
            key = int(self.previous[key])
        low, high = float(self.low[number]), float(self.high[number])
        return StorySpan(int(self.first[number]), None if np.isnan(low) else low,
                         None if np.isnan(high) else high, keys[::-1])

    def members(self, story_id: str) -> list[int]:
        """Every member key of a story, by key."""
        number = self._number.get(story_id)
        return [] if number is None else self._chain(number)

    def _chain(self, number: int) -> list[int]:
        keys, key = [], int(self.last[number]) if self.size[number] else _NONE
        while key != _NONE:
            keys.append(key)
            key = int(self.previous[key])
        return keys[::-1]

    # -- writing ----------------------------------------------------------------------------

    def _story_number(self, story_id: str) -> int:
        number = self._number.get(story_id)
        if number is None:
            number = len(self.names)
            self.names.append(story_id)
            self._number[story_id] = number
            count = number + 1
            self.first = _grown(self.first, count, _NONE)
            self.last = _grown(self.last, count, _NONE)
            self.low = _grown(self.low, count, np.nan)
            self.high = _grown(self.high, count, np.nan)
            self.size = _grown(self.size, count, 0)
        return number

    def assign(self, key: int, story_id: str, day: float | None) -> None:
        """Put article ``key`` (published ``day``) into a story, moving it out of any other."""
        self.story = _grown(self.story, key + 1, _NONE)
        self.day = _grown(self.day, key + 1, np.nan)
        self.previous = _grown(self.previous, key + 1, _NONE)
        number = self._story_number(story_id)
        old = int(self.story[key])
        if old == number:
            return
        self.day[key] = np.nan if day is None else day
        if old != _NONE:  # rare: an article moved by hand
            self.story[key] = _NONE
            self._relink(old, [k for k in self._chain(old) if k != key])
        self.story[key] = number
        if self.size[number] and key < self.last[number]:  # arrived out of key order
            self._relink(number, sorted([*self._chain(number), key]))
            return
        self.previous[key] = self.last[number] if self.size[number] else _NONE
        self.last[number] = key
        if not self.size[number]:
            self.first[number] = key
        self.size[number] += 1
        if day is not None:
            self.low[number] = np.fmin(self.low[number], day)
            self.high[number] = np.fmax(self.high[number], day)

    def merge(self, kept: str, absorbed: str) -> None:
        """Every member of ``absorbed`` joins ``kept``."""
        if absorbed not in self._number or kept == absorbed:
            return
        source, target = self._number[absorbed], self._story_number(kept)
        moved = self._chain(source)
        self._relink(source, [])
        self.story[moved] = target
        self._relink(target, sorted([*self._chain(target), *moved]))

    def _relink(self, number: int, keys: list[int]) -> None:
        """Rebuild one story's chain and summary from its member keys (sorted)."""
        self.size[number] = len(keys)
        self.first[number] = keys[0] if keys else _NONE
        self.last[number] = keys[-1] if keys else _NONE
        self.low[number] = self.high[number] = np.nan
        if not keys:
            return
        members = np.array(keys, dtype=np.int64)
        self.previous[members] = np.concatenate([[_NONE], members[:-1]])
        days = self.day[members]
        if not np.isnan(days).all():
            self.low[number], self.high[number] = np.nanmin(days), np.nanmax(days)

    def reserve(self) -> StoryTable:
        """Room for a session's new articles and stories without growing the arrays: a table
        read or built at its exact size would copy every per-key array (tens of MB at a million
        articles) in the first decision that adds an article, and the per-story ones in the
        first that opens a story."""
        keys, stories = len(self.story), len(self.names)
        for names, size in ((_PER_KEY, keys + max(keys // 8, 4096)),
                            (_PER_STORY, stories + max(stories // 8, 1024))):
            for name in names:
                array = getattr(self, name)
                fill = np.nan if array.dtype.kind == "f" else (0 if name == "size" else _NONE)
                grown = np.full(size, fill, dtype=array.dtype)
                grown[: len(array)] = array
                setattr(self, name, grown)
        return self

    # -- building and persistence -----------------------------------------------------------

    @classmethod
    def from_rows(cls, keys: np.ndarray, days: np.ndarray, story_ids: list[str]) -> StoryTable:
        """A table from every (key, day, story id) membership, all at once (vectorised: a
        million rows take about a second)."""
        table = cls()
        keys = np.asarray(keys, dtype=np.int64)
        if not len(keys):
            return table
        names, numbers = np.unique(np.array(story_ids, dtype=object), return_inverse=True)
        table.names = [str(n) for n in names]
        table._number = {n: i for i, n in enumerate(table.names)}
        top = int(keys.max()) + 1
        table.story = np.full(top, _NONE, dtype=np.int32)
        table.day = np.full(top, np.nan)
        table.previous = np.full(top, _NONE, dtype=np.int64)
        table.story[keys] = numbers
        table.day[keys] = np.asarray(days, dtype=np.float64)
        order = np.lexsort((keys, numbers))
        keys, numbers = keys[order], numbers[order]
        starts = np.flatnonzero(np.r_[True, numbers[1:] != numbers[:-1]])
        same_story = np.r_[False, numbers[1:] == numbers[:-1]]
        table.previous[keys] = np.where(same_story, np.r_[_NONE, keys[:-1]], _NONE)
        ends = np.r_[starts[1:], len(keys)] - 1
        table.first, table.last = keys[starts], keys[ends]
        table.size = ends - starts + 1
        sorted_days = table.day[keys]
        with np.errstate(invalid="ignore"):
            table.low = np.fmin.reduceat(sorted_days, starts)
            table.high = np.fmax.reduceat(sorted_days, starts)
        return table.reserve()

    def save(self, folder: Path, stamp: dict[str, int]) -> None:
        """Write beside the index; ``stamp`` is the store's change counters it matches."""
        folder.mkdir(parents=True, exist_ok=True)
        count = len(self.names)
        assigned = np.flatnonzero(self.story != _NONE)
        top = int(assigned[-1]) + 1 if len(assigned) else 0  # not the spare capacity
        arrays = {name: getattr(self, name)[:top] for name in _PER_KEY}
        arrays |= {name: getattr(self, name)[:count] for name in _PER_STORY}
        for name, array in arrays.items():
            np.save(folder / f"stories.{name}.npy", array)
        (folder / "stories.names.json").write_text(json.dumps(self.names), encoding="utf-8")
        # Written last: a table interrupted while saving has no (or an old) stamp.
        (folder / "stories.stamp.json").write_text(json.dumps(stamp), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, stamp: dict[str, int]) -> StoryTable | None:
        """The table saved in ``folder`` if it matches ``stamp``, else ``None``."""
        try:
            saved = json.loads((folder / "stories.stamp.json").read_text(encoding="utf-8"))
            if saved != stamp:
                return None
            table = cls()
            for name in (*_PER_KEY, *_PER_STORY):
                setattr(table, name, np.load(folder / f"stories.{name}.npy"))
            table.names = json.loads((folder / "stories.names.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        table._number = {name: i for i, name in enumerate(table.names)}
        return table.reserve()
