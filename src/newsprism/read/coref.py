"""Which mentions denote the same person, organisation or place (names and roles, no parse needed).

General rules only: a person's surname with compatible first names or initials ("Ann Clarke",
"Ann M. Clarke", "Ms Clarke", "Clarke"); organisations and places by case-folded text or acronym
("Unesco" = "UNESCO", "UK" = "United Kingdom"); a role ("the chairman", "France's finance
minister") joins the person it is written next to, anywhere in the story, else the nearest
person in its article who has no role of their own.

The same :func:`resolve` serves one article (speaker names while reading) and a whole story
(canonical entities), so both agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsprism.model import Article, Mention
from newsprism.read.quotemarks import find_segments

PERSON, ROLE = "PERSON", "ROLE"
HONORIFIC_GENDER: dict[str, str | None] = {
    "mr": "m",
    "ms": "f",
    "mrs": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "dr": None,
    "prof": None,
    "mx": None,
    # Military, political and clerical titles written before a name ("Gen. Omar Haddad").
    "gen": None,
    "sen": None,
    "rep": None,
    "gov": None,
    "col": None,
    "lt": None,
    "adm": None,
    "sgt": None,
    "rev": None,
}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Nouns that denote one person by office or function (lexicon, not data about any story).
ROLE_NOUNS = {
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chancellor",
    "ambassador",
    "representative",
    "envoy",
    "governor",
    "senator",
    "mayor",
    "leader",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "commander",
    "general",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "prosecutor",
    "sheriff",
    "diplomat",
    "congressman",
    "congresswoman",
    "lawmaker",
    "mp",
    "negotiator",
    "adviser",
    "advisor",
    "aide",
    "ceo",
    "chairperson",
    "official",
    "officer",
    "deputy",
    "commissioner",
    "mep",
    "coach",
    "captain",
    "manager",
    "founder",
    "executive",
    "economist",
    "analyst",
    "prefect",
    "candidate",
    "inspector",
    "magistrate",
}
# Office titles written before a surname like an honorific ("Justice Ortiz", "Mayor Clarke"):
# the capitalised title and the name after it are one mention of a person.
TITLES = {
    "justice", "judge", "chief", "inspector", "mayor", "minister", "prefect", "president",
    "governor", "senator", "colonel", "general", "captain", "commander", "detective", "sergeant",
    "constable", "superintendent", "commissioner", "chancellor", "premier", "ambassador",
    "bishop", "rabbi", "imam", "professor", "lieutenant", "admiral", "councillor", "magistrate",
    "sheriff", "prosecutor",
}  # fmt: skip
INDEFINITE = {"a", "an", "another", "one"}
DETERMINERS = INDEFINITE | {"the", "this", "that"}
_WORD = re.compile(r"[\w.’'-]+")
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")


def honorific(text: str, start: int) -> str | None:
    """The honorific written just before ``start`` ("Mr", "Ms."), lower-cased without the dot."""
    words = text[max(0, start - 6) : start].split()
    word = words[-1].rstrip(".").lower() if words else ""
    return word if word in HONORIFIC_GENDER and text[start - 1].isspace() else None


def is_title_word(word: str) -> bool:
    """An honorific or a capitalised office title that may lead a name ("Ms", "Justice")."""
    bare = word.rstrip(".").lower()
    return bare in HONORIFIC_GENDER or (word[:1].isupper() and bare in TITLES)


def name_tokens(name: str) -> list[str]:
    return list(_name_tokens(name))


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[str, ...]:
    tokens = [_POSSESSIVE.sub("", t) for t in _WORD.findall(name)]
    while tokens and is_title_word(tokens[0]):
        tokens = tokens[1:]
    return tuple(t for t in tokens if t)


def surname(tokens: list[str]) -> str:
    core = [t for t in tokens if t.rstrip(".").lower() not in NAME_SUFFIXES] or tokens
    return core[-1].casefold() if core else ""


def _given_compatible(a: str, b: str) -> bool:
    a, b = a.rstrip(".").casefold(), b.rstrip(".").casefold()
    if len(a) == 1 or len(b) == 1:  # an initial matches any name with that letter
        return a[0] == b[0]
    return a == b


def same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b or surname(a) != surname(b):
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return _given_compatible(a[0], b[0])


@lru_cache(maxsize=4096)
def org_key(name: str) -> str:
    words = name.replace(".", "").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).casefold()


@lru_cache(maxsize=4096)
def acronym(name: str) -> str:
    words = [w for w in org_key(name).split() if w not in {"of", "and", "for", "the", "&"}]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def fullest(names: Sequence[str]) -> str:
    """The fullest form: most name tokens, then without a title, the most used, the longest."""
    counts = Counter(names)
    return min(counts, key=lambda n: (-len(name_tokens(n)), _titled(n), -counts[n], -len(n), n))


def _titled(name: str) -> bool:
    return bool(name.split()) and is_title_word(name.split()[0])


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def is_indefinite(text: str) -> bool:
    first = text.split()[0].lower() if text.split() else ""
    return first in INDEFINITE


@dataclass
class Cluster:
    label: str
    refs: list[tuple[int, int]] = field(default_factory=list)  # (article index, mention index)
    names: list[str] = field(default_factory=list)
    gender: str | None = None

    @property
    def name(self) -> str:
        """The fullest name, without a title before it ("Dr. Ruth Okafor" -> "Ruth Okafor")."""
        words = fullest(self.names).split()
        while len(words) > 1 and is_title_word(words[0]):
            words = words[1:]
        return " ".join(words)


@dataclass
class Coref:
    clusters: list[Cluster]
    of: dict[tuple[int, int], int]  # (article index, mention index) -> cluster index

    def cluster_of(self, article_index: int, mention_index: int) -> Cluster | None:
        found = self.of.get((article_index, mention_index))
        return None if found is None else self.clusters[found]


Ref = tuple[int, int]


def _is_person_name(m: Mention, person_surnames: set[str]) -> bool:
    if m.label == PERSON:
        return True
    tokens = name_tokens(m.text)
    # A surname the tagger called an organisation, a place or a title ("Clarke reiterated") is
    # the person of that surname named in full.
    return (
        m.label not in {ROLE, "NORP", "LAW", "DATE"}
        and 0 < len(tokens) <= 3
        and all(t[:1].isupper() for t in tokens)
        and surname(tokens) in person_surnames
    )


def _cluster_people(articles: Sequence[Article], refs: list[Ref], coref: Coref) -> None:
    def size(ref: Ref) -> int:
        return len(name_tokens(articles[ref[0]].mentions[ref[1]].text))

    # Full names first, so a bare surname can join the right one.
    for ref in sorted(refs, key=lambda r: (-size(r), r)):
        mention = articles[ref[0]].mentions[ref[1]]
        tokens = name_tokens(mention.text)
        matches = [
            i
            for i, c in enumerate(coref.clusters)
            if c.label == PERSON
            and any(same_person(tokens, name_tokens(n)) for n in dict.fromkeys(c.names))
        ]
        if len(matches) > 1:  # a bare surname shared by several people: prefer this article's
            local = [i for i in matches if any(a == ref[0] for a, _ in coref.clusters[i].refs)]
            matches = local or matches
        if matches:
            target = matches[0]
        else:
            coref.clusters.append(Cluster(PERSON))
            target = len(coref.clusters) - 1
        _join(coref, target, ref, mention.text)
        first = mention.text.split()[0].rstrip(".").lower() if mention.text.split() else ""
        mark = (
            first if first in HONORIFIC_GENDER else honorific(articles[ref[0]].text, mention.start)
        )
        if mark and HONORIFIC_GENDER[mark]:
            coref.clusters[target].gender = HONORIFIC_GENDER[mark]


def _join(coref: Coref, target: int, ref: Ref, name: str | None) -> None:
    coref.clusters[target].refs.append(ref)
    if name:
        coref.clusters[target].names.append(name)
    coref.of[ref] = target


def _cluster_others(articles: Sequence[Article], refs: list[Ref], coref: Coref) -> None:
    by_key: dict[str, int] = {}
    labels: dict[int, Counter] = {}
    for ref in refs:
        mention = articles[ref[0]].mentions[ref[1]]
        key = org_key(mention.text)
        target = by_key.get(key)
        if target is None:
            target = by_key.get(acronym(mention.text)) if acronym(mention.text) else None
        if target is None:
            coref.clusters.append(Cluster(mention.label))
            target = len(coref.clusters) - 1
            labels[target] = Counter()
        by_key.setdefault(key, target)
        if acronym(mention.text):
            by_key.setdefault(acronym(mention.text), target)
        labels[target][mention.label] += 1
        _join(coref, target, ref, mention.text)
    # An acronym seen before its expansion ("US" ... "United States"): merge afterwards.
    expansions: dict[str, list[int]] = {}
    for k, t in by_key.items():
        expansions.setdefault(acronym(k), []).append(t)
    for key, target in list(by_key.items()):
        expansion = next((t for t in expansions.get(key, []) if t != target), None)
        if expansion is not None and coref.clusters[target].refs:
            for ref in coref.clusters[target].refs:
                coref.of[ref] = expansion
            coref.clusters[expansion].refs += coref.clusters[target].refs
            coref.clusters[expansion].names += coref.clusters[target].names
            labels[expansion] += labels[target]
            coref.clusters[target].refs, coref.clusters[target].names = [], []
    for target, counter in labels.items():
        coref.clusters[target].label = counter.most_common(1)[0][0]


def quoted_offsets(article: Article) -> list[tuple[int, int]]:
    return [
        (s.start, s.end)
        for p in article.paragraphs
        for s in find_segments(article.text, p.start, p.end)
    ]


def adjacent_name(article: Article, index: int, names: dict[int, int]) -> int | None:
    """See :func:`newsprism.read.roles.adjacent_name` (kept here for callers of this module)."""
    from newsprism.read.roles import adjacent_name as written_against

    return written_against(article, index, names)


def resolve(articles: Sequence[Article]) -> Coref:
    """Cluster every mention of the given articles (one article, or one story)."""
    coref = Coref(clusters=[], of={})
    refs = [(ai, mi) for ai, a in enumerate(articles) for mi, _ in enumerate(a.mentions)]
    mention = {ref: articles[ref[0]].mentions[ref[1]] for ref in refs}
    names = [r for r in refs if mention[r].label != ROLE]
    person_surnames = {
        surname(name_tokens(mention[r].text)) for r in names if mention[r].label == PERSON
    }
    people = [r for r in names if _is_person_name(mention[r], person_surnames)]
    others = [r for r in names if r not in set(people)]
    _cluster_people(articles, people, coref)
    _cluster_others(articles, others, coref)
    from newsprism.read.roles import resolve_roles  # roles build on this module's clusters

    resolve_roles(articles, [r for r in refs if mention[r].label == ROLE], coref)
    return coref
