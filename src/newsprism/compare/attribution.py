"""Attribution conflicts: one line, word for word, credited to different people by two outlets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from newsprism.compare.naming import named_attributions
from newsprism.compare.quotes import (
    MIN_LINE_WORDS,
    attributed_verbatim,
    same_speaker,
    word_count,
)
from newsprism.model import (
    Article,
    Entity,
    Fact,
    FactValue,
    Quote,
    QuoteGroup,
    QuoteRecord,
    SourceSpan,
    Span,
)

# An attribution conflict rests on a line, not on a phrase (see MIN_LINE_WORDS).
MIN_ATTRIBUTED_WORDS = MIN_LINE_WORDS



def attribution_facts(
    groups: Sequence[QuoteGroup], articles: Sequence[Article], entities: Sequence[Entity]
) -> list[Fact]:
    """Conflicts of attribution: one line, word for word, credited to different people.

    The quote groups' own ``conflict`` status is checked again, pair by pair, because a name
    written two ways ("Gov. Rick Perry", "Rick Perry") is one person: a pair counts only when
    both quotes are direct (or partial) and at least five words long, are the same words, are
    credited to people (not organisations) with different surnames (joint speakers sharing
    a member are one voice), and each outlet names its
    speaker outright rather than by a pronoun or role.
    """
    texts = {a.id: a.text for a in articles}
    by_id = {a.id: a for a in articles}
    quotes_at = {(a.id, q.start, q.end): q for a in articles for q in a.quotes}
    named = named_attributions(articles)
    people = {e.id for e in entities if e.label == "PERSON"}
    facts = []
    for group in groups:
        if group.status != "conflict":
            continue
        records = [r for r in group.quotes if r.article in texts and _attributable(r, people)
                   and (r.article, r.start, r.end) in named]
        pairs = [(a, b) for a, b in combinations(records, 2)
                 if a.article != b.article and not same_speaker(a.speaker, b.speaker)
                 and attributed_verbatim(a.text, b.text)]
        if not pairs:
            continue
        involved = list({id(r): r for pair in pairs for r in pair}.values())
        sources = [span for r in involved for span in _attribution_sources(r, by_id, quotes_at)]
        credits = " vs ".join(f"{r.speaker} ({r.article})" for r in involved)
        facts.append(Fact(
            id="", status="conflict", statement=sources[0].text, kind="attribution",
            sources=sources,
            values=[FactValue(article=r.article, text=r.speaker or "") for r in involved],
            note=f"the same words credited to different people: {credits}",
        ))
    return facts


def _attribution_sources(record: QuoteRecord, articles: Mapping[str, Article],
                         quotes_at: Mapping[tuple[str, int, int], Quote]) -> list[SourceSpan]:
    """The quoted words and, beside them, the words naming whom this outlet credits: an
    attribution conflict is about the speaker, so the reader must see both."""
    article = articles[record.article]
    spans = [article.source_span(Span(start=record.start, end=record.end))]
    quote = quotes_at.get((record.article, record.start, record.end))
    if quote is not None and quote.speaker is not None:
        spans.append(article.source_span(quote.speaker))
    return spans


def _attributable(record: QuoteRecord, people: set[str]) -> bool:
    if record.kind == "indirect" or not record.speaker:
        return False
    if word_count(record.text) < MIN_ATTRIBUTED_WORDS:
        return False
    return record.speaker_entity in people if people else len(record.speaker.split()) >= 2
