"""How alike two statements of different outlets are: wording, names and the figure's own words.

Wording is TF-IDF over the story's own statements, so the words every outlet of the story repeats
(the country, the organisation at its centre) weigh little and the distinctive ones decide.
Statements are aligned one-to-one per pair of outlets, best pair first, so a sentence is never
claimed by two counterparts.

Shared words miss re-worded reports of one fact (and every pair across languages), so the
statements that can carry a conflict are also embedded when a sentence encoder is available, and
a pair the embedding finds a re-wording is lifted to ``SAME`` (:mod:`newsprism.compare.embeddings`).
Entity, number and date agreement stay with the fact rules that use this score.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from newsprism.compare.embeddings import SentenceEncoder, lifted_wording
from newsprism.compare.statements import Statement

WORD = re.compile(r"[a-z][a-z'’-]*")

# TF-IDF cosine of two sentences, fitted on the story's own sentences. Below LOOSE the sentences
# share no more than the story's common vocabulary; from CLOSE on they share a good part of their
# distinctive words; from SAME on most of them, as a re-worded report of one statement does.
LOOSE = 0.1
CLOSE = 0.3
SAME = 0.5
# Verbs that go with any event ("was", "said", "took part"): sharing one shows no shared event.
LIGHT_VERBS = {"be", "have", "do", "say", "tell", "add", "report", "state", "note", "write",
               "make", "take", "get", "go", "come", "give", "put", "see", "accord"}
DERIVATIONAL_SUFFIXES = ("ation", "ition", "ment", "ance", "ence", "ing", "ion", "ate", "ers",
                         "er", "al")
# Verbs that pick out one phase of an event: "start withdrawing by May" and "withdraw by
# September" are two events, so their dates neither agree nor conflict.
ASPECT_STEMS = ("start", "begin", "began", "commenc", "launch", "complet", "finish", "conclud",
                "end ", "ended", "ending")


class Similarity:
    """Pairwise similarity of every statement of a story: TF-IDF wording, lifted to ``SAME`` for
    the statements that can carry a conflict (a figure, a date, a quotation) when a sentence
    ``encoder`` finds them re-wordings of each other (:mod:`newsprism.compare.embeddings`)."""

    def __init__(self, statements: Sequence[Statement], encoder: SentenceEncoder | None = None):
        self.index = {id(s): i for i, s in enumerate(statements)}
        texts = [s.text for s in statements]
        if not texts:
            self.matrix = np.zeros((0, 0))
            return
        try:
            vectors = TfidfVectorizer(
                stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_]{2,}\b"
            ).fit_transform(texts)
            self.matrix = (vectors @ vectors.T).toarray()
        except ValueError:  # every statement is stop words only
            self.matrix = np.zeros((len(texts), len(texts)))
        if encoder is not None:
            self._lift(statements, encoder)

    def _lift(self, statements: Sequence[Statement], encoder: SentenceEncoder) -> None:
        chosen = [i for i, s in enumerate(statements) if s.has_items or s.quoted]
        if len({statements[i].article.id for i in chosen}) < 2:
            return  # nothing to align across outlets: spare the model call
        vectors = np.asarray(encoder.encode([statements[i].text for i in chosen]))
        lifted = lifted_wording(vectors @ vectors.T, SAME)
        block = np.ix_(chosen, chosen)
        self.matrix[block] = np.maximum(self.matrix[block], lifted)

    def __call__(self, a: Statement, b: Statement) -> float:
        return float(self.matrix[self.index[id(a)], self.index[id(b)]])


def shared_names(a: Statement, b: Statement) -> set[str]:
    return a.names & b.names


def phrase_words(text: str) -> set[str]:
    """Content words of a figure's own phrase ("about 2,500 US soldiers" -> {us, soldiers})."""
    return {w for w in WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS}


def aspects(text: str) -> set[str]:
    lowered = text.lower() + " "
    return {stem.strip() for stem in ASPECT_STEMS if re.search(r"\b" + stem, lowered)}


def same_phase(a: Statement, b: Statement) -> bool:
    """Both sentences speak of the same phase of the event (both "start", or neither)."""
    return aspects(a.text) == aspects(b.text)


def match_greedily(
    items: Sequence,
    article_of: Callable[[object], str],
    score: Callable[[object, object], float | None],
    may_share: Callable[[object, object], bool] | None = None,
    agree: Callable[[object, object], bool] | None = None,
    decisive: Callable[[object, object], bool] | None = None,
) -> list[list]:
    """Group items of different articles, best-scoring pair first. ``score`` returns None for
    pairs that must not be grouped. A group holds one item per article, unless ``may_share`` says
    two items of one article are the same thing said twice (an article repeating a date).

    ``agree`` tells whether two items' values are compatible. Grouping is single-link, so
    without it one loosely matched pair could carry an item into a group of ten whose sentences
    are unlike its own, and its different value would make the whole group a conflict. With it,
    a group is joined across disagreeing values only when most of the disagreeing pairs are
    matched directly (see :func:`_disagreement_is_direct`), or one of them is ``decisive`` (its
    two sentences re-word each other, so the disagreement needs no support from the rest);
    otherwise each side stays its own fact."""
    pairs, direct = [], set()
    for a, b in combinations(range(len(items)), 2):
        if article_of(items[a]) == article_of(items[b]):
            continue
        value = score(items[a], items[b])
        if value is not None:
            pairs.append((value, a, b))
            direct.update(((a, b), (b, a)))
    group_of = {i: {i} for i in range(len(items))}
    for _value, a, b in sorted(pairs, key=lambda p: -p[0]):
        if group_of[a] is group_of[b]:
            continue
        merged = group_of[a] | group_of[b]
        if not _one_per_article(sorted(merged), items, article_of, may_share):
            continue
        if agree is not None and not _disagreement_is_direct(
            group_of[a], group_of[b], items, article_of, agree, direct, decisive
        ):
            continue
        for i in merged:
            group_of[i] = merged
    groups, seen = [], set()
    for i in range(len(items)):
        if id(group_of[i]) not in seen:
            seen.add(id(group_of[i]))
            groups.append([items[j] for j in sorted(group_of[i])])
    return groups


def _disagreement_is_direct(
    left: set[int], right: set[int], items: Sequence, article_of, agree, direct: set,
    decisive=None,
) -> bool:
    """Two groups may merge into one whose values disagree only if at least half of the
    disagreeing pairs across them (of different articles) passed ``score`` themselves. A
    conflict is a claim a fact-checker acts on: the items that disagree must be shown to speak
    of one thing, not linked through a chain of looser matches with third items."""
    disagreeing = [(x, y) for x in left for y in right
                   if article_of(items[x]) != article_of(items[y])
                   and not agree(items[x], items[y])]
    matched = [(x, y) for x, y in disagreeing if (x, y) in direct]
    if decisive is not None and any(decisive(items[x], items[y]) for x, y in matched):
        return True
    return 2 * len(matched) >= len(disagreeing)


def _one_per_article(members, items, article_of, may_share) -> bool:
    for x, y in combinations(members, 2):
        if article_of(items[x]) == article_of(items[y]) and not (
            may_share and may_share(items[x], items[y])
        ):
            return False
    return True


def events_meet(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two event sets share an event, counting derived forms as one (win/winner,
    evacuate/evacuation) and ignoring verbs that fit any event (be, have, say)."""
    return bool(event_stems(a) & event_stems(b))


def event_stems(words: Sequence[str]) -> set[str]:
    """The events of a word list as derivational stems, verbs that fit any event left out."""
    return {event_stem(w) for w in words if w not in LIGHT_VERBS}


def event_stem(word: str) -> str:
    """A crude derivational stem: the noun and verb of one event share it ("evacuation" and
    "evacuate" -> evacu, "winner" and "win" -> win, "ordered"/"order" -> order)."""
    for suffix in DERIVATIONAL_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # "winn" -> "win", "planning" -> "plan"
    return word.rstrip("e") if len(word) > 3 else word




def same_places(a: Statement, b: Statement) -> bool:
    """Two sentences set in different places ("in Homs" / "in Aleppo") report two events."""
    return not (a.places and b.places) or bool(a.places & b.places)

