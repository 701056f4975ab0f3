"""Near-duplicates: one wire story carried by many sites, lightly edited, linked to its first copy.

Each article's body is reduced to the set of its word 4-grams ("shingles", lower-cased, punctuation
ignored, so quote styles and dashes do not matter) and sketched with MinHash; MinHashLSH finds
candidates without comparing every pair. A candidate is a copy when it carries at least
``threshold`` of the *shorter* article's shingles (containment, counted exactly on the candidates
the LSH proposes). Containment, not Jaccard, because syndication trims: a copy that drops two
paragraphs of ten, or adds a newsletter footer, still carries nearly all of what it kept.

Threshold, chosen on the 91 even-numbered pages of ``../shared/data/article-extraction-benchmark``
(human-marked article bodies; each copied with a new headline, one paragraph cut from stories of
three or more, and two lines of site chrome mixed into the body; three random draws): copies
scored containment 0.52-1.0 (the lowest, a three-paragraph story that lost its longest paragraph;
the next 0.66) and distinct pages at most 0.30-0.33 (stock phrases, and the same chrome line in two
short copies). ``0.5`` reads as "at least half of the shorter text's four-word runs appear in the
other"; it sits in that gap, nearer the copies because a false link hides an article from the
comparison while a missed copy only counts one outlet twice. On the held-out odd pages: 90/90
copies found in every draw, no false links (distinct at most 0.23). LSH only has to propose
candidates, so it runs at a lower Jaccard (0.3).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.model import Article

DEFAULT_THRESHOLD = 0.5
SHINGLE_WORDS = 4
NUM_PERM = 128
MINHASH_SCHEME = "affine32"
CANDIDATE_JACCARD = 0.3
# Fewer shingles than this (about a dozen words) is too little text to call anything a copy.
MIN_SHINGLES = 10
_WORD = re.compile(r"\w+")
_PARTIAL_ISO = {4: "-01-01", 7: "-01"}
_MULTIPLIER = np.uint64(0x100000001B3)  # the 64-bit FNV prime: odd, so no bits are lost
_LOW_32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class Signature:
    minhash: MinHash
    hashes: np.ndarray  # the shingles' 64-bit hashes, sorted and unique: exact overlap checks

    @property
    def size(self) -> int:
        return int(self.hashes.size)


@dataclass(frozen=True)
class _Entry:
    id: str
    signature: Signature
    original: str = ""  # the id of the earliest copy this one links to (its own id if none)


def body_text(article: Article) -> str:
    """The words that travel with a syndicated story: body paragraphs, else the whole text."""
    body = [article.span_text(p) for p in article.paragraphs if p.role == "body"]
    return "\n".join(body) if body else article.text


def shingle_hashes(text: str) -> np.ndarray:
    """Sorted unique 64-bit hashes of the text's word 4-grams (lower-cased, punctuation ignored).

    Each word is hashed once (blake2b, stable across runs) and a 4-gram's hash is a polynomial of
    its words' hashes, computed for all 4-grams at once.
    """
    words = _WORD.findall(text.lower())
    count = len(words) - SHINGLE_WORDS + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    word_hashes = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):
        hashes = hashes * _MULTIPLIER + word_hashes[offset : offset + count]  # wraps mod 2**64
    return np.unique(hashes)


def signature(article: Article) -> Signature | None:
    """The MinHash and hashed shingles of the article's body, or None when it is too short."""
    hashes = shingle_hashes(body_text(article))
    if hashes.size < MIN_SHINGLES:
        return None
    minhash = MinHash(NUM_PERM, hashfunc=int, permutations=_permutations(), scheme=MINHASH_SCHEME)
    # MinHash permutes 32-bit values; the low half of a blake2b-based hash is as uniform.
    minhash.update_batch((hashes & _LOW_32).tolist())
    return Signature(minhash, hashes)


def containment(a: Signature, b: Signature) -> float:
    """Share of the smaller shingle set found in the other, counted exactly.

    Not estimated from the MinHash Jaccard: when one article is much shorter, a single chance
    collision in the sketch would make it look contained.
    """
    shared = np.intersect1d(a.hashes, b.hashes, assume_unique=True).size
    return shared / min(a.size, b.size)


@functools.lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@functools.cache
def _permutations() -> np.ndarray:
    """One set of MinHash permutations for every signature (making them costs more than using)."""
    return MinHash(NUM_PERM, scheme=MINHASH_SCHEME).permutations


class DuplicateIndex:
    """Articles seen so far; :meth:`add` says which earlier article a new one copies.

    Incremental: a copy links to the earliest *added* copy, so add articles in publication order
    (as :func:`mark_duplicates` does) for the link to point at the first publication.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(CANDIDATE_JACCARD, threshold), num_perm=NUM_PERM)
        self._entries: list[_Entry] = []

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, article: Article) -> str | None:
        """Index the article; return the id of the earliest indexed article it copies, if any."""
        found = signature(article)
        if found is None:
            return None
        original = self._original_of(article.id, found)
        key = len(self._entries)  # ids need not be unique across inputs; positions are
        self._lsh.insert(key, found.minhash)
        self._entries.append(_Entry(article.id, found, original or article.id))
        return original

    def _original_of(self, article_id: str, found: Signature) -> str | None:
        copies = [
            self._entries[key]
            for key in sorted(self._lsh.query(found.minhash))
            if containment(found, self._entries[key].signature) >= self.threshold
        ]
        # The earliest-added copy first; an article read twice does not copy itself.
        originals = [entry.original for entry in copies if entry.original != article_id]
        return originals[0] if originals else None


def mark_duplicates(articles: Sequence[Article], threshold: float = DEFAULT_THRESHOLD) -> int:
    """Set ``duplicate_of`` on every copy to the earliest copy (by published, then input order).

    Returns how many articles were marked. Articles already marked are left as they are.
    """
    index = DuplicateIndex(threshold)
    marked = 0
    for article in publication_order(articles):
        original = index.add(article)
        if original is not None and article.duplicate_of is None:
            article.duplicate_of = original
            marked += 1
    return marked


def publication_order(articles: Iterable[Article]) -> list[Article]:
    """Dated articles by time (UTC), then undated ones; input order breaks ties."""
    keyed = [(_moment(a.published), position, a) for position, a in enumerate(articles)]
    keyed.sort(key=lambda item: (item[0] is None, item[0] or 0.0, item[1]))
    return [article for _, _, article in keyed]


def _moment(published: str | None) -> float | None:
    """POSIX seconds of an ISO 8601 date or time; times without a zone are taken as UTC."""
    value = (published or "").strip().replace("Z", "+00:00")
    value += _PARTIAL_ISO.get(len(value), "")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()
