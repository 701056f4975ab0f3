"""Roles that stand for people ("the minister", "France's finance minister"): which office a
role names, and which person of the story holds it (:func:`resolve_roles`, run by
:func:`newsprism.read.coref.resolve`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.model import Article
from newsprism.read.coref import (
    _POSSESSIVE,
    _WORD,
    DETERMINERS,
    PERSON,
    ROLE,
    ROLE_NOUNS,
    Coref,
    Ref,
    _join,
    is_indefinite,
    is_title_word,
    quoted_offsets,
)

# Words that make another office of the same noun: the vice president is not the president.
RANK_WORDS = {"vice", "deputy", "assistant", "prime", "former", "acting", "under", "junior",
              "associate", "co", "ex", "interim", "lieutenant"}


@dataclass(frozen=True)
class RoleWords:
    """An office as words: its noun ("minister"), rank words ("prime") and the rest ("finance",
    "france"), case-folded, so "Prime Minister" and "the prime minister" are one office."""

    head: str
    rank: frozenset[str]
    words: frozenset[str]
    named: bool = False  # qualified by a name ("Germany's defence minister", "UN envoy")

    def matches(self, other: RoleWords) -> bool:
        """Same office: same noun and rank, one description contained in the other ("the
        minister" is "Transport minister"; "the finance minister" is not "the foreign minister")."""
        return (
            self.head == other.head
            and self.rank == other.rank
            and (self.words <= other.words or other.words <= self.words)
        )


def role_words(text: str, qualifier: str = "") -> RoleWords:
    capitalised = [
        w for w in _WORD.findall(text)
        if w[:1].isupper() and w.rstrip(".").lower() not in ROLE_NOUNS | RANK_WORDS | DETERMINERS
    ]
    words = [
        _POSSESSIVE.sub("", w).casefold()
        for w in _WORD.findall(f"{qualifier} {text}".replace("[", " ").replace("]", " "))
    ]
    words = [w.strip(".-") for w in words if w.casefold() not in DETERMINERS | {"of", "'s"}]
    words = [w for w in words if w]
    heads = [w for w in words if w in ROLE_NOUNS]
    head = heads[-1] if heads else (words[-1] if words else "")
    rest = set(words) - {head}
    named = bool(qualifier) or bool(capitalised)
    return RoleWords(head, frozenset(rest & RANK_WORDS), frozenset(rest - RANK_WORDS), named)


def role_key(article: Article, index: int) -> RoleWords:
    """The office a role mention names, with the name written just before it ("France" +
    "'s finance minister")."""
    role = article.mentions[index]
    for other in article.mentions:
        gap = article.text[other.end : role.start]
        leads = other.label not in {PERSON, ROLE} and other.end <= role.start and len(gap) <= 3
        if leads and not _POSSESSIVE.sub("", gap.strip()):
            return role_words(role.text, other.text)
    return role_words(role.text)


def adjacent_name(article: Article, index: int, names: dict[int, int]) -> int | None:
    """The name a role is written against: "Mayor Ann Clarke", "Clarke, the mayor"."""
    role = article.mentions[index]
    for other in names:  # a title directly before a name, or the name set off after it
        m = article.mentions[other]
        if m.start >= role.end and not article.text[role.end : m.start].strip():
            return other
        if m.start >= role.end and _apposition_after(article.text, role.end, m.start, m.end):
            return other  # "the returning officer, Ann Clarke, said"
    if not role.text.lower().startswith("the "):
        return None
    for other in names:  # an apposition after it: "Ann Clarke, the mayor"
        m = article.mentions[other]
        if m.end <= role.start and article.text[m.end : role.start].strip() == ",":
            return other
    return None


def _is_title_like(word: str) -> bool:
    """ "Representative", "Sen.": a title between a role and the name it renames."""
    return word[:1].isupper() and (is_title_word(word) or word.rstrip(".").lower() in ROLE_NOUNS)


MAX_TITLE_GAP = 40  # characters of comma and titles between a role and the name renaming it


def _apposition_after(text: str, role_end: int, name_start: int, name_end: int) -> bool:
    """A name in commas (or dashes, brackets) right after a role renames it; a name followed by
    anything else may start a list ("the mayor, Ann Clarke and …") and is not taken."""
    if name_start - role_end > MAX_TITLE_GAP:
        return False
    opening = " ".join(w for w in text[role_end:name_start].split() if not _is_title_like(w))
    closing = text[name_end : name_end + 2].strip()[:1]
    return opening in {",", "—", "–", "("} and closing in {",", "—", "–", ")"}


def resolve_roles(articles: Sequence[Article], roles: list[Ref], coref: Coref) -> None:
    """A role written against a name is that person; any other role is the person whom the
    story names with the same office ("Transport minister Lena Varga" … "the minister"). A role
    no name ever holds is the person named nearby with no role of their own only when a name
    qualifies the office ("Germany's defence minister" is one person); "the officer" or "the
    president" stays unresolved: a wrong speaker is worse than an unnamed one."""
    table: list[tuple[RoleWords, int, Ref, bool]] = []  # office, cluster, ref, in quote
    quoted = {i: quoted_offsets(a) for i, a in enumerate(articles)}
    unlinked: list[Ref] = []
    for ref in roles:
        article = articles[ref[0]]
        names = {
            mi: coref.of[(ref[0], mi)]
            for mi, m in enumerate(article.mentions)
            if (ref[0], mi) in coref.of and coref.clusters[coref.of[(ref[0], mi)]].label == PERSON
        }
        other = adjacent_name(article, ref[1], names)
        if other is None:
            unlinked.append(ref)
            continue
        _join(coref, names[other], ref, None)
        in_quote = _in(quoted[ref[0]], article.mentions[ref[1]].start)
        table.append((role_key(article, ref[1]), names[other], ref, in_quote))
    for ref in unlinked:
        mention = articles[ref[0]].mentions[ref[1]]
        if is_indefinite(mention.text):
            continue  # "a government representative": someone unnamed, not a known person
        office = role_key(articles[ref[0]], ref[1])
        candidates = [row for row in table if row[0].matches(office)]
        if candidates:
            best = min(
                candidates,
                key=lambda r: (
                    r[3], r[0].words != office.words, r[2][0] != ref[0], abs(r[2][1] - ref[1])
                ),
            )
            _join(coref, best[1], ref, None)
        elif office.named and not _in(quoted[ref[0]], mention.start):
            roled = {row[1] for row in table}
            target = _nearest_unroled_person(articles[ref[0]], ref, coref, roled)
            if target is not None:
                _join(coref, target, ref, None)


def _in(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)


def _nearest_unroled_person(
    article: Article, ref: Ref, coref: Coref, roled: set[int]
) -> int | None:
    """The person the article names nearest to a role, among those given no role of their own."""
    here = article.mentions[ref[1]].start
    best: tuple[int, int] | None = None
    for mi, m in enumerate(article.mentions):
        cluster = coref.of.get((ref[0], mi))
        if cluster is None or cluster in roled or coref.clusters[cluster].label != PERSON:
            continue
        if m.label == ROLE:
            continue
        distance = abs(m.start - here)
        if best is None or distance < best[0]:
            best = (distance, cluster)
    return None if best is None else best[1]
