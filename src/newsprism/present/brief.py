"""The extractive brief: a few source sentences, most corroborated first, every one cited.

Readers must be able to trust the brief, so it never writes prose of its own: each sentence is a
sentence of an article (whitespace and list markers trimmed, nothing else, so it stays one
contiguous span) and cites that span plus the matching sentence of every other outlet that
reports the fact.

Order: facts several outlets agree on (exactly or within rounding), by number of outlets; then
conflicts, each version in its own outlet's words; then facts only one outlet reports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.model import Article, BriefSentence, Fact, SourceSpan, Story

# Agreed and approximate facts are both corroborated: "approximate" only means the outlets round
# differently, which a reader should not see as a weaker claim.
_STATUS_GROUP = {"agreed": 0, "approximate": 0, "conflict": 1, "single": 2}
# Among single-outlet facts, numbers and dates are the concrete, checkable ones.
_KIND_RANK = {"quantity": 0, "date": 0, "attribution": 1, "statement": 2}
# Two sentences sharing this much of their content words say the same thing. Jaccard catches
# paraphrases of similar length; containment catches a short sentence repeated inside a long one.
_SAME_JACCARD = 0.5
_SAME_CONTAINMENT = 0.8
# Numbers, negations and quantifiers decide what a sentence claims ("not", "six", "more than"), so
# they are never ignored as stop words.
_MEANINGFUL = frozenset({
    "one", "two", "three", "four", "five", "six", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "forty", "fifty", "sixty", "hundred", "first", "third", "last",
    "few", "least", "less", "many", "more", "most", "much", "several", "only",
    "never", "no", "none", "nor", "not", "nothing",
})
_STOP_WORDS = ENGLISH_STOP_WORDS - _MEANINGFUL
_TOKEN = re.compile(r"\w+(?:[.,]\d+)*")
_LEADING_MARKER = re.compile(r"^(?:[-–—•*·]\s+)+")


@dataclass(frozen=True)
class _Chosen:
    """A sentence the brief cites, and which brief sentence cites it."""

    span: SourceSpan
    tokens: frozenset[str]
    fact: str | None
    index: int
    printed: bool


def write_brief(
    story: Story, articles: Mapping[str, Article], max_sentences: int = 8
) -> list[BriefSentence]:
    """Pick up to ``max_sentences`` cited source sentences that report ``story.facts``."""
    brief: list[BriefSentence] = []
    chosen: list[_Chosen] = []
    for fact in rank_facts(story.facts, articles):
        room = max_sentences - len(brief)
        if room <= 0:
            break
        versions = _fact_versions(fact, articles)
        if fact.status == "conflict" and len(versions) > room:
            # No room to state each version apart: one sentence citing them all still shows both.
            versions = [[span for version in versions for span in version]]
        for version in versions:
            _add_version(version, fact, brief, chosen)
            if len(brief) >= max_sentences:
                break
    return brief


def rank_facts(facts: Iterable[Fact], articles: Mapping[str, Article]) -> list[Fact]:
    """Facts in brief order: corroborated, then conflicts, then single-outlet facts."""
    facts = list(facts)
    grouped = sorted(
        (f for f in facts if f.status != "single"),
        key=lambda f: (
            _STATUS_GROUP[f.status],
            -_outlet_count(f, articles),
            f.status != "agreed",
            _position(f, articles),
        ),
    )
    singles = sorted(
        (f for f in facts if f.status == "single"),
        key=lambda f: (_KIND_RANK.get(f.kind, 2), _position(f, articles)),
    )
    return grouped + _alternate_articles(singles)


def same_content(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two token sets (from :func:`content_tokens`) say the same thing."""
    if not a or not b:
        return a == b
    shared = len(a & b)
    return shared / len(a | b) >= _SAME_JACCARD or shared / min(len(a), len(b)) >= _SAME_CONTAINMENT


def content_tokens(text: str) -> frozenset[str]:
    """Lower-cased words and numbers without stop words; numbers keep their separators."""
    return frozenset(t for t in _TOKEN.findall(text.lower()) if t not in _STOP_WORDS)


def sentence_around(article: Article, start: int, end: int) -> SourceSpan | None:
    """The sentence (or two) of ``article`` covering ``[start, end)``, trimmed, as a span."""
    bounds = _sentence_bounds(article)
    overlapping = [(s, e) for s, e in bounds if s < max(end, start + 1) and e > start]
    if not overlapping:
        return None
    first = min(s for s, _ in overlapping)
    last = max(e for _, e in overlapping)
    if len(overlapping) > 2 or "\n" in article.text[first:last]:
        # A span over a whole paragraph (or several) would print as a paragraph, not a
        # sentence: the brief then takes the sentence where the cited span begins.
        first, last = min(overlapping)
    first, last = _trim(article.text, first, last)
    if first >= last:
        return None
    return SourceSpan(article=article.id, start=first, end=last, text=article.text[first:last])


def _add_version(
    version: list[SourceSpan], fact: Fact, brief: list[BriefSentence], chosen: list[_Chosen]
) -> None:
    """Add one sentence for ``version`` unless the brief already says it.

    Each outlet's sentence is tried in turn as the one to print. A sentence is new only if it is
    no near-duplicate of any sentence the brief prints *or cites*: an outlet's sentence cited as
    corroboration has been said already, and outlets often restate their lede further down.
    """
    for lead in version:
        tokens = content_tokens(lead.text)
        earlier = _earlier_saying(lead, tokens, fact, chosen)
        if earlier is None:
            others = [s for s in version if s is not lead]
            brief.append(BriefSentence(sentence=lead.text, sources=[lead, *others], fact=fact.id))
            chosen.extend(
                _Chosen(span=s, tokens=content_tokens(s.text), fact=fact.id,
                        index=len(brief) - 1, printed=s is lead)
                for s in (lead, *others)
            )
            return
        if earlier.printed and _same_span(earlier.span, lead):
            # The very sentence is printed already: it states this fact too, so it rests on
            # this fact's spans as well.
            _merge_sources(brief[earlier.index], version)
            return


def _earlier_saying(
    lead: SourceSpan, tokens: frozenset[str], fact: Fact, chosen: list[_Chosen]
) -> _Chosen | None:
    """The sentence already in the brief that says what ``lead`` says, if any."""
    for earlier in chosen:
        if _same_span(earlier.span, lead):
            return earlier
    for earlier in chosen:
        if earlier.fact == fact.id and fact.status == "conflict":
            continue  # versions of one conflict differ on purpose
        if same_content(earlier.tokens, tokens):
            return earlier
    return None


def _fact_versions(fact: Fact, articles: Mapping[str, Article]) -> list[list[SourceSpan]]:
    """Cited sentences per version: one version for most facts, one per outlet for a conflict.

    Each version is a list of sentences, the one to print first; sentences are deduplicated.
    """
    by_article: dict[str, list[SourceSpan]] = {}
    for source in fact.sources:
        article = articles.get(source.article)
        if article is None or source.end > len(article.text) or source.start > source.end:
            continue  # a citation we cannot check is not one the brief may rest on
        sentence = sentence_around(article, source.start, source.end)
        if sentence is None:
            continue
        spans = by_article.setdefault(article.id, [])
        if not any(_same_span(sentence, s) for s in spans):
            spans.append(sentence)
    if fact.status == "conflict":
        return [spans for spans in by_article.values()]
    merged = [span for spans in by_article.values() for span in spans]
    return [merged] if merged else []


def _merge_sources(sentence: BriefSentence, extra: list[SourceSpan]) -> None:
    for span in extra:
        if not any(_same_span(span, s) for s in sentence.sources):
            sentence.sources.append(span)


def _same_span(a: SourceSpan, b: SourceSpan) -> bool:
    return (a.article, a.start, a.end) == (b.article, b.start, b.end)


def _outlet_count(fact: Fact, articles: Mapping[str, Article]) -> int:
    outlets = set()
    for source in fact.sources:
        article = articles.get(source.article)
        if article is not None:
            outlets.add(article.outlet or article.id)
    return len(outlets)


def _position(fact: Fact, articles: Mapping[str, Article]) -> float:
    """How early the fact first appears, as a share of its article: news leads with key facts."""
    positions = [
        s.start / max(len(articles[s.article].text), 1)
        for s in fact.sources
        if s.article in articles
    ]
    return min(positions, default=1.0)


def _alternate_articles(facts: list[Fact]) -> list[Fact]:
    """Take single-outlet facts from each article in turn, so no one outlet fills the brief."""
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_article[fact.sources[0].article if fact.sources else ""].append(fact)
    rounds = zip_longest(*by_article.values())
    return [fact for round_ in rounds for fact in round_ if fact is not None]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace and leading list markers; the result is still one span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    marker = _LEADING_MARKER.match(text, start, end)
    if marker:
        start = marker.end()
    return start, end


def _sentence_bounds(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    return _split_sentences(article)


def _split_sentences(article: Article) -> list[tuple[int, int]]:
    """Sentences for an article the read stage has not annotated: per paragraph (or line)."""
    blocks = [(p.start, p.end) for p in article.paragraphs] or [
        (m.start(), m.end()) for m in re.finditer(r"[^\n]+", article.text)
    ]
    splitter = _sentencizer()
    bounds = []
    for start, end in blocks:
        doc = splitter(article.text[start:end])
        bounds.extend((start + s.start_char, start + s.end_char) for s in doc.sents)
    return bounds


@lru_cache(maxsize=1)
def _sentencizer():
    """spaCy's rule-based splitter: no model to load, and it knows "Mr." ends no sentence."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
