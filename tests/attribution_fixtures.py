"""Hand-built quotes and mentions for the attribution-conflict tests: one outlet names a rival
speaker for a line outright, another credits the same line to Tomas Weller."""

from __future__ import annotations

from newsprism.compare.attribution import attribution_facts
from newsprism.model import Article, Entity, Mention, Quote, QuoteGroup, QuoteRecord, Span

WELLER = Entity(id="person:weller", name="Tomas Weller", label="PERSON")


def span_of(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start=start, end=start + len(words))


def person(text: str, name: str, entity: str, after: int = 0) -> Mention:
    span = span_of(text, name, after)
    return Mention(start=span.start, end=span.end, text=name, label="PERSON", entity=entity)


def rival_conflicts(weller: Article, line: Quote, rival: Entity, people: list[Entity]) -> int:
    """Attribution conflicts when outlet o0 writes "“<line>,” <rival> said." and ``weller``
    (outlet o1) gives the same ``line`` to Tomas Weller."""
    words = line.text
    text = f"“{words},” {rival.name} said."
    theirs = Quote(start=1, end=1 + len(words), text=words, kind="direct",
                   speaker=span_of(text, rival.name), speaker_entity=rival.id,
                   speaker_name=rival.name)
    first = Article(id="o0", text=text, quotes=[theirs],
                    mentions=[person(text, rival.name, rival.id)])
    records = [QuoteRecord(text=words, speaker=rival.name, article="o0", start=theirs.start,
                           end=theirs.end, kind="direct", speaker_entity=rival.id),
               QuoteRecord(text=words, speaker=WELLER.name, article="o1", start=line.start,
                           end=line.end, kind="direct", speaker_entity=WELLER.id)]
    group = QuoteGroup(id="q", text=words, status="conflict", quotes=records)
    return len(attribution_facts([group], [first, weller], people))
