"""Facts of a story: what the outlets agree on, state approximately alike, contradict, or say alone.

Three kinds of fact, matched across outlets by general rules only:

- **quantity**: figures are matched one by one (not sentence by sentence) on what they count
  (the lemmatised unit), the words of their own phrase and of their sentence, and whether the
  ranges their wording allows (``Quantity.low``/``high``) meet. Equal values agree; overlapping
  ranges are *approximate* ("around 5,000" vs "4,800-strong"); disjoint ranges are a *conflict*
  only when both figures count the same thing in closely worded sentences.
- **date**: full calendar dates, matched on value and sentence; a month containing a day is
  approximate; different dates conflict only for the same phase of the same event.
- **statement**: sentences without figures or dates (quotes included), aligned on wording and
  names; aligned ones agree, the rest are single.
- **attribution**: the same words credited to two different people by two outlets, taken from
  the quote groups of :mod:`newsprism.compare.quotes` and checked again here (see
  :func:`attribution_facts`).

Noise rules, so that the list holds claims rather than every numeral:

- a small count (below ten, unhedged, not money or a share) that no other outlet gives is
  description ("two Republicans, two Democrats", "three children"), not a checkable claim of its
  own: it stays inside its sentence's statement fact instead of becoming a separate figure. It is
  still compared, so "five killed" against "seven killed" is a conflict;
- "the two leaders" (a numeral after a definite determiner) re-mentions a known set and is never
  a figure (see ``read.quantity_spans.is_definite``);
- an article repeating its own figure or date (headline and body) is one claim, cited twice.

A contradiction is a strong claim, so figures and dates conflict only when they describe the same
thing: same counted noun, closely worded sentences, the same phase of the event, compatible verbs
(a figure *paid* is not a figure *earned*), no two different places, and for dates the same
precision ("2008" and "Monday" are two events, not two dates for one).

Each fact cites its sources as exact spans: the figure's phrase for quantities, the sentence for
dates and statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from newsprism.compare.align import SAME, Similarity, events_meet, match_greedily, shared_names
from newsprism.compare.attribution import MIN_ATTRIBUTED_WORDS, attribution_facts
from newsprism.compare.date_facts import date_facts
from newsprism.compare.embeddings import SentenceEncoder, default_encoder
from newsprism.compare.quantity_facts import quantity_facts
from newsprism.compare.statements import Statement, statements_of
from newsprism.model import Article, Entity, Fact, FactValue, QuoteGroup

STATUS_ORDER = {"agreed": 0, "approximate": 0, "conflict": 1, "single": 2}


def find_facts(
    articles: Sequence[Article],
    entities: list[Entity],
    quote_groups: list[QuoteGroup] | None = None,
    encoder: SentenceEncoder | None | Literal["default"] = "default",
) -> list[Fact]:
    """Facts of one story, agreed and approximate first, then conflicts, then single-outlet ones.

    Entity ids already sit on the articles' mentions, which is what statements are compared on;
    ``entities`` tells people from organisations for attribution conflicts. ``quote_groups`` are the
    story's quote groups (:func:`newsprism.compare.quotes.collect`), computed here when not given.
    ``encoder`` embeds the statements that can conflict, to align re-wordings TF-IDF misses
    (:mod:`newsprism.compare.embeddings`); the packaged one by default, None for wording alone.
    """
    statements = [s for article in articles for s in statements_of(article)]
    similarity = Similarity(statements, default_encoder() if encoder == "default" else encoder)
    figures, demoted = quantity_facts(statements, similarity)
    if quote_groups is None:
        from newsprism.compare.quotes import collect

        quote_groups = collect(articles, entities)[1]
    facts = (
        figures
        + date_facts(statements, similarity)
        + _statement_facts(statements, similarity, demoted)
        + attribution_facts(quote_groups, articles, entities)
    )
    ordered = sorted(
        enumerate(facts), key=lambda pair: (STATUS_ORDER[pair[1].status], pair[0])
    )
    return [fact.model_copy(update={"id": f"fact-{n}"}) for n, (_, fact) in enumerate(ordered, 1)]



# --- statements -------------------------------------------------------------------------------


def _statement_facts(
    statements: list[Statement], similarity: Similarity, demoted: set[int]
) -> list[Fact]:
    plain = [s for s in statements
             if not s.has_items or (not s.dates and id(s) in demoted)]

    def score(a: Statement, b: Statement) -> float | None:
        wording = similarity(a, b)
        names_agree = bool(shared_names(a, b)) or not (a.names or b.names)
        return wording if wording >= SAME and names_agree and _same_speaker(a, b) else None

    groups = match_greedily(plain, lambda s: s.article.id, score)
    return [_statement_fact(group) for group in groups]


def _same_speaker(a: Statement, b: Statement) -> bool:
    """Quotes credited to different people are different statements, however alike."""
    speakers_a, speakers_b = _speakers(a), _speakers(b)
    return not (speakers_a and speakers_b) or bool(speakers_a & speakers_b)


def _speakers(statement: Statement) -> set[str]:
    sentence = statement.sentence
    return {
        q.speaker_entity or (q.speaker_name or "").lower()
        for q in statement.article.quotes
        if q.start < sentence.end and sentence.start < q.end
        and (q.speaker_entity or q.speaker_name)
    }


def _statement_fact(group: list[Statement]) -> Fact:
    status = "single" if len(group) == 1 else "agreed"
    note = (f"only {group[0].article.id} reports this" if status == "single"
            else f"reported alike by {len(group)} outlets")
    return Fact(
        id="",
        status=status,
        statement=group[0].text,
        kind="statement",
        sources=[s.article.source_span(s.sentence) for s in group],
        values=[FactValue(article=s.article.id, text=s.text) for s in group],
        note=note,
    )




__all__ = ["MIN_ATTRIBUTED_WORDS", "attribution_facts", "events_meet", "find_facts"]
