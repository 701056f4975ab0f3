"""Which quotes an outlet credits in so many words: the ground an attribution conflict may rest on.

A speaker the reader had to resolve (a pronoun, a role, an attribution carried over from another
paragraph) can be the reader's mistake; a conflict between outlets must rest on what they wrote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.model import Article, Mention, Quote, Span

# First words of a speaker mention that name nobody (pronouns, determiners: "he", "the
# spokesman"): an attribution resting on such a mention cannot accuse another outlet.
PRONOUNS = {"he", "she", "they", "i", "we", "it", "his", "her", "their", "who", "which", "that",
            "this", "the", "a", "an"}
# A bare pronoun can stand for a speaker just named (see _continuing_pronouns).
SPEAKER_PRONOUNS = {"he", "she"}
# A preposition, then only titles ("with Ms.", "to Sen.", "about President") up to a name.
PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|for|about|against|from|of|at|on|toward|towards|beside|alongside)\s+"
    r"(?:[A-Z][\w.]*\s+)*$"
)


def named_attributions(articles: Sequence[Article]) -> set[tuple[str, int, int]]:
    """Quotes whose attribution names the speaker in so many words ("…," Reid said), as opposed
    to a pronoun or role ("he said", "said the president") that had to be resolved: a resolved
    speaker can be the resolver's mistake, and a conflict must rest on what the outlets wrote.
    The naming must also be the quote's own: an attribution with another quote between it and
    this one ("X asked Y, '…?' His response: '…'") was borrowed from that quote."""
    found = set()
    for article in articles:
        named = [q for q in article.quotes if _named_outright(article, q)]
        named += _continuing_pronouns(article, named)
        found.update((article.id, quote.start, quote.end) for quote in named)
    return found


def _named_outright(article: Article, quote: Quote) -> bool:
    words = article.span_text(quote.speaker).split() if quote.speaker else []
    return bool(words) and words[0].lower() not in PRONOUNS \
        and any(w[:1].isupper() for w in words) and not words[0][:1].islower() \
        and not _borrowed(article, quote)


def _continuing_pronouns(article: Article, named: list[Quote]) -> list[Quote]:
    """Quotes credited with "he said" / "she said" right after the outlet named that speaker:
    "Mr. Ryan said he welcomed the debate. 'We are the ones …,' he said." A reader takes the
    pronoun for the person just named, so the outlet has credited the line as plainly as with a
    name. Only when nothing could compete for the pronoun: the attribution just before (the
    nearest earlier quote with another attribution) names the same person, and no other person
    is named from the start of that naming's sentence to the pronoun (names inside quoted words
    are the speakers' words, not the reporter's, and so are names inside what the outlet reports
    this same speaker saying: "Ortiz said Baker would chair the board. '…,' she added" keeps
    Ortiz, the subject of the reporting, as the pronoun's person; nor does a person named after a
    preposition compete, see :func:`_object_of_preposition`). The pronoun must sit in the quote's
    own paragraph: a quotation opening the next paragraph is another voice until the outlet says
    whose ("'…,' he added. ¶ 'His conduct is unbecoming …'")."""
    accepted = {id(q) for q in named}
    quoted = [q for q in article.quotes if q.kind != "indirect"]
    found = []
    ordered = sorted(article.quotes, key=lambda q: q.start)
    for index, quote in enumerate(ordered):
        if id(quote) in accepted or not _pronoun_attributed(article, quote) \
                or not _one_paragraph(article, quote, quote.speaker):
            continue
        anchor = next((q for q in reversed(ordered[:index])
                       if q.speaker is not None and q.speaker != quote.speaker), None)
        if anchor is None or id(anchor) not in accepted or anchor.speaker_entity is None \
                or anchor.speaker_entity != quote.speaker_entity:
            continue
        start = _sentence_start(article, anchor.speaker.start)
        own_reports = [q for q in article.quotes if q.kind == "indirect"
                       and q.speaker_entity == quote.speaker_entity]
        rivals = [m for m in article.mentions
                  if m.label == "PERSON" and start <= m.start and m.end <= quote.speaker.start
                  and m.entity != quote.speaker_entity
                  and not _object_of_preposition(article, m)
                  and not any(q.start <= m.start and m.end <= q.end
                              for q in quoted + own_reports)]
        if anchor.speaker.end <= quote.speaker.start and not rivals:
            accepted.add(id(quote))
            found.append(quote)
    return found


def _object_of_preposition(article: Article, mention: Mention) -> bool:
    """ "… agreed with Ms. Baker that …": a person named after a preposition (titles between
    allowed) is an object, which a subject pronoun starting a later clause does not take up over
    the subject that has been speaking (subject preference). "By" is left out: "criticised by
    Baker" makes Baker the doer."""
    return PREPOSITION_BEFORE.search(article.text[max(0, mention.start - 60):mention.start]) \
        is not None


def _sentence_start(article: Article, offset: int) -> int:
    return next((s.start for s in article.sentences if s.start <= offset < s.end), offset)


def _one_paragraph(article: Article, a: Span, b: Span) -> bool:
    return any(p.start <= min(a.start, b.start) and max(a.end, b.end) <= p.end
               for p in article.paragraphs)


def _pronoun_attributed(article: Article, quote: Quote) -> bool:
    """Credited with a bare personal pronoun ("he said"), resolved to a named person."""
    if quote.speaker is None or quote.speaker_entity is None:
        return False
    return article.span_text(quote.speaker).strip().lower() in SPEAKER_PRONOUNS


def _borrowed(article: Article, quote: Quote) -> bool:
    """Other quoted words sit between this quote and the words attributing it. A reported clause
    there, with any words it quotes, is the attribution's own sentence ("Ms. X wrote what she
    thought they should do: '…'"; "X said, suggesting they 'steward it.' '…'"), not another
    quotation whose naming this quote borrowed."""
    anchors = [s for s in (quote.speaker, quote.cue) if s is not None]
    if not anchors:
        return False
    low = min(min(s.start for s in anchors), quote.start)
    high = max(max(s.end for s in anchors), quote.end)
    clauses = [q for q in article.quotes if q.kind == "indirect" and q.speaker == quote.speaker]
    return any(other is not quote and other.kind != "indirect"
               and low <= other.start and other.end <= high
               and not (other.start >= quote.start and other.end <= quote.end)
               and (other.end <= quote.start or other.start >= quote.end)
               and not any(c.start <= other.start and other.end <= c.end for c in clauses)
               for other in article.quotes)
