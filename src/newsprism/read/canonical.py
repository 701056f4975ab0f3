"""One canonical :class:`Entity` per real person, organisation or place across the articles of a
story (the matching rules are :mod:`newsprism.read.coref`'s), and the canonical speaker of every
quote. Runs on articles whose mentions :mod:`newsprism.read.entities` has found."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Article, Entity, Mention, Span
from newsprism.read.coref import PERSON, ROLE, Coref, fullest, name_tokens, resolve, slug
from newsprism.read.entities import ID_PREFIX


def _entity_id(label: str, name: str, taken: set[str]) -> str:
    base = f"{ID_PREFIX.get(label, label.lower())}:{slug(name)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def canonicalise(articles: Sequence[Article]) -> list[Entity]:
    """One entity per person, organisation or place of the story; fills Mention.entity and the
    canonical speaker of every quote. Safe to call again on a larger set of articles."""
    coref = resolve(articles)
    entities: list[Entity] = []
    ids: list[str | None] = []
    taken: set[str] = set()
    for cluster in coref.clusters:
        if not cluster.refs or not cluster.names:
            ids.append(None)
            continue
        name = cluster.name
        entity = Entity(id=_entity_id(cluster.label, name, taken), name=name, label=cluster.label)
        texts = [articles[a].mentions[m].text for a, m in cluster.refs]
        entity.aliases = sorted({t for t in texts if t != name})
        entity.mentions = [
            articles[a].source_span(articles[a].mentions[m]) for a, m in sorted(cluster.refs)
        ]
        entities.append(entity)
        ids.append(entity.id)
    for ai, article in enumerate(articles):
        for mi, mention in enumerate(article.mentions):
            found = coref.of.get((ai, mi))
            mention.entity = ids[found] if found is not None else None
        _canonical_speakers(article, ai, coref, ids)
    return entities


def _speaker_mention(article: Article, speaker: Span) -> int | None:
    """The mention a speaker span rests on: the person or role it names, not a place inside it
    ("France" in "France's finance minister")."""
    overlapping = [
        i
        for i, m in enumerate(article.mentions)
        if m.start < speaker.end and speaker.start < m.end and not _modifier(article, m, speaker)
    ]
    rank = {PERSON: 0, ROLE: 1}
    return min(
        overlapping,
        key=lambda i: (
            rank.get(article.mentions[i].label, 2),
            -(article.mentions[i].end - article.mentions[i].start),
        ),
        default=None,
    )


def _modifier(article: Article, mention: Mention, speaker: Span) -> bool:
    """ "a Mendes supporter", "the Ortiz campaign", "Baker's lawyer": a name that only qualifies
    the noun that speaks (a common noun after it in the speaker's words) is not the speaker."""
    after = article.text[mention.end : speaker.end]
    return any(word[:1].islower() for word in after.split())


def _people_in(article: Article, ai: int, speaker: Span, coref: Coref) -> list[int]:
    """The distinct people named together in a speaker span ("Ann Ortiz and Tom Baker"), in
    order; none unless the span joins names ("and", "&", a comma)."""
    written = article.span_text(speaker)
    if not any(joiner in f" {written} " for joiner in (" and ", " & ", ",")):
        return []
    found: list[int] = []
    for mi, mention in enumerate(article.mentions):
        cluster = coref.of.get((ai, mi))
        inside = speaker.start <= mention.start and mention.end <= speaker.end
        if inside and mention.label != ROLE and cluster is not None and cluster not in found \
                and coref.clusters[cluster].label == PERSON:
            found.append(cluster)
    return found


def _canonical_speakers(article: Article, ai: int, coref: Coref, ids: list[str | None]) -> None:
    """Give each quote the story-wide name of its speaker, found through the speaker's mention or,
    for pronouns, through the name the read stage resolved them to."""
    local: dict[str, int] = {}  # any name or role written in this article -> cluster
    for mi, mention in enumerate(article.mentions):
        if (found := coref.of.get((ai, mi))) is not None and ids[found]:
            local.setdefault(mention.text, found)
            local.setdefault(fullest([mention.text]), found)
    for quote in article.quotes:
        cluster = None
        people = _people_in(article, ai, quote.speaker, coref) if quote.speaker else []
        if len(people) > 1:
            quote.speaker_name = " and ".join(coref.clusters[c].name for c in people)
            quote.speaker_entity = None  # a joint speaker is nobody alone
            continue
        if (
            quote.speaker is not None
            and (best := _speaker_mention(article, quote.speaker)) is not None
        ):
            cluster = coref.of.get((ai, best))
        if cluster is None and quote.speaker_name:
            cluster = local.get(quote.speaker_name)
            if cluster is None:
                tokens = name_tokens(quote.speaker_name)
                cluster = next((c for n, c in local.items() if name_tokens(n) == tokens), None)
        if cluster is not None and ids[cluster]:
            quote.speaker_name = coref.clusters[cluster].name
            quote.speaker_entity = ids[cluster]
