"""Controlled test cases from a compared story, and what the compare stage made of each.

:mod:`newsprism.compare.perturb` makes a copy with one edit; this module picks *what* to edit
(facts the outlets corroborate, so that a changed copy has something to contradict) and judges a
comparison that contains the copy. ``bench/corroboration.py`` runs both over the BASIL events.
"""

from __future__ import annotations

from newsprism.compare import perturb as P
from newsprism.compare.attribution import MIN_ATTRIBUTED_WORDS
from newsprism.compare.quotes import verbatim
from newsprism.model import Article, Fact, SourceSpan, Story

CORROBORATED = ("agreed", "approximate")

# --- choosing targets ---------------------------------------------------------------------------


def corroborated(story: Story, kind: str) -> list[Fact]:
    """Facts two outlets or more carry; for figures, only those counting the same noun, since a
    changed figure can only contradict a figure of the same thing."""
    facts = [f for f in story.facts if f.kind == kind and f.status in CORROBORATED
             and len({s.article for s in f.sources}) >= 2]
    if kind == "quantity":
        facts = [f for f in facts if len({_unit(s) for s in f.sources}) == 1]
    return facts


def _unit(source: SourceSpan) -> str | None:
    """The last word of a cited figure, one plural "s" off ("42 ships" and "a ship" agree)."""
    words = source.text.lower().split()
    return words[-1].removesuffix("s") if words else None


def number_targets(story: Story, arts: dict[str, Article], rounding: bool) -> list[P.Perturbation]:
    made = []
    for fact in corroborated(story, "quantity"):
        for source in fact.sources[::-1]:
            article = arts[source.article]
            quantity = next((q for q in article.quantities
                             if (q.start, q.end) == (source.start, source.end)), None)
            if quantity is None:
                continue
            partners = [s for s in fact.sources if s.article != article.id]
            ranges = [(v.low, v.high) for v in fact.values
                      if v.article != article.id and v.low is not None and v.high is not None]
            made_one = (P.round_number(article, quantity) if rounding
                        else P.change_number(article, quantity, ranges))
            if made_one is not None:
                made_one.partners = partners
                made.append(made_one)
                break
    return made


def date_targets(story: Story, arts: dict[str, Article]) -> list[P.Perturbation]:
    made = []
    for fact in corroborated(story, "date"):
        if fact.status != "agreed":
            continue
        source = fact.sources[-1]
        article = arts[source.article]
        value = next((v.date for v in fact.values if v.article == article.id), None)
        mention = next((d for d in article.dates if d.value == value
                        and source.start <= d.start and d.end <= source.end), None)
        if mention is None:
            continue
        made_one = P.shift_date(article, mention)
        if made_one is not None:
            made_one.partners = [s for s in fact.sources if s.article != article.id]
            made.append(made_one)
    return made


def quote_targets(story: Story, arts: dict[str, Article]) -> list[P.Perturbation]:
    made = []
    people = [e for e in story.entities if e.label == "PERSON"]
    for group in story.quote_groups:
        if group.status != "agreed" or len({q.article for q in group.quotes}) < 2:
            continue
        for record in group.quotes[::-1]:
            partners = [q for q in group.quotes if q.article != record.article
                        and q.kind != "indirect" and verbatim(q.text, record.text)
                        and len(q.text.split()) >= MIN_ATTRIBUTED_WORDS]
            if not partners or len(record.text.split()) < MIN_ATTRIBUTED_WORDS:
                continue  # a one-word partial quote cannot pin a line on anyone
            article = arts[record.article]
            quote = next((q for q in article.quotes if (q.start, q.end) == (record.start,
                                                                            record.end)), None)
            if quote is None or quote.kind == "indirect" or quote.speaker is None:
                continue
            speaker_words = {record.speaker or "", article.span_text(quote.speaker)}
            other = _other_person(people, article, quote.speaker_entity, speaker_words)
            if other is None:
                continue
            made_one = P.reassign_quote(article, quote, other)
            if made_one is not None:
                made_one.partners = [SourceSpan(article=q.article, start=q.start, end=q.end,
                                                text=q.text) for q in group.quotes
                                     if q.article != article.id]
                made.append(made_one)
                break
    return made


def _other_person(people, article: Article, speaker_entity,
                  speaker_words: set[str]) -> str | None:
    """The most mentioned other person of the article, written like a full name, named at least
    twice outside the headline and by another outlet too (a "name" only one headline has is
    often a misread: "Mayor Gets Tough")."""
    taken = {w.lower() for text in speaker_words for w in text.split()}
    title_end = article.title.end if article.title else 0

    def body_mentions(entity) -> int:
        return sum(m.article == article.id and m.start >= title_end for m in entity.mentions)

    for entity in sorted(people, key=lambda e: -body_mentions(e)):
        elsewhere = any(m.article != article.id for m in entity.mentions)
        written = entity.name in article.text[title_end:]  # the full name, as the body has it
        if entity.id != speaker_entity and body_mentions(entity) >= 2 and elsewhere and written \
                and P.is_person_name(entity.name) and entity.name.split()[-1].lower() not in taken:
            return entity.name
    return None


def delete_targets(story: Story, arts: dict[str, Article]) -> list[P.Perturbation]:
    """Paragraphs holding one outlet's side of a fact two outlets share. A figure or date the
    article states again outside the paragraph is still in the copy, so the other outlet's
    side can rightly match it there: such facts are not targets."""
    made = []
    for fact in story.facts:
        if fact.status not in CORROBORATED or len({s.article for s in fact.sources}) != 2:
            continue
        target = fact.sources[-1].article
        article = arts[target]
        mine = [s for s in fact.sources if s.article == target]
        index = next((i for i, p in enumerate(article.paragraphs) if p.role == "body"
                      and all(p.start <= s.start and s.end <= p.end for s in mine)), None)
        if index is None or _stated_elsewhere(fact, article, article.paragraphs[index]):
            continue
        made_one = P.delete_paragraph(article, index)
        made_one.partners = [s for s in fact.sources if s.article != target]
        made.append(made_one)
    return made


def _stated_elsewhere(fact: Fact, article: Article, paragraph) -> bool:
    """The article gives the fact's figure or date again outside ``paragraph``."""

    def outside(span) -> bool:
        return span.end <= paragraph.start or span.start >= paragraph.end

    values = [v for v in fact.values if v.article == article.id]
    if fact.kind == "quantity":
        mine = {(q.value, q.unit) for q in article.quantities if not outside(q)
                and any(v.text == q.text for v in values)}
        return any((q.value, q.unit) in mine for q in article.quantities if outside(q))
    if fact.kind == "date":
        dates = {v.date for v in values}
        return any(d.value in dates for d in article.dates if outside(d))
    return False


# --- judging ------------------------------------------------------------------------------------


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end or (a.start == a.end == b.start)


def facts_citing(story: Story, article: str, spans) -> list[Fact]:
    return [f for f in story.facts
            if any(s.article == article and any(_overlaps(s, c) for c in spans)
                   for s in f.sources)]


def judge(perturbation: P.Perturbation, story: Story, copy_id: str) -> str:
    """What the compare stage made of one perturbation (its copy compared as ``copy_id``): a
    short outcome label."""
    kind = perturbation.kind
    if kind == "paragraph_delete":
        if copy_id == perturbation.article:
            return _judge_deletion_in_place(perturbation, story)
        return _judge_deletion_alongside(perturbation, story, copy_id)
    spans = perturbation.changed[:1] if kind == "quote_reassign" else perturbation.changed
    fact_kind = {"quote_reassign": "attribution", "date_shift": "date"}.get(kind, "quantity")
    facts = [f for f in facts_citing(story, copy_id, spans) if f.kind == fact_kind]
    shared = [f for f in facts if any(s.article != copy_id for s in f.sources)]
    statuses = {f.status for f in shared}
    for status in ("conflict", "approximate", "agreed"):
        if status in statuses:
            return status
    return "single" if facts else "missing"


def _judge_deletion_in_place(perturbation: P.Perturbation, story: Story) -> str:
    """The copy replaced its original: each other outlet's span that the deleted paragraph
    corroborated must be matched to nothing of the copy ("single", or "elsewhere" when agreed
    with a third outlet that carries it too, which is right: alone only where no one has it)."""
    copy_id = perturbation.article
    outcomes = []
    for partner in perturbation.partners:
        facts = facts_citing(story, partner.article, [partner])
        if any(s.article == copy_id for f in facts for s in f.sources):
            outcomes.append("matched")
        else:
            outcomes.append("single" if all(f.status == "single" for f in facts)
                            else "elsewhere")
    return _worst(outcomes)


def _judge_deletion_alongside(perturbation: P.Perturbation, story: Story, copy_id: str) -> str:
    """The original stays beside the copy: every fact resting on the original's deleted paragraph
    (all of its content, not only the fact that chose the paragraph) must not credit the copy,
    unless the original states that fact again outside the paragraph (then the copy kept it).
    "single": the original alone carries the content; "elsewhere": real outlets carry it too."""
    [paragraph] = perturbation.original
    original = paragraph.article
    outcomes = []
    for fact in facts_citing(story, original, [paragraph]):
        mine = [s for s in fact.sources if s.article == original]
        kept = any(not _overlaps(s, paragraph) for s in mine)
        if any(s.article == copy_id for s in fact.sources) and not kept:
            outcomes.append("matched")
        elif any(s.article not in (original, copy_id) for s in fact.sources):
            outcomes.append("elsewhere")
        else:
            outcomes.append("single")
    return _worst(outcomes)


def _worst(outcomes: list[str]) -> str:
    for outcome in ("matched", "elsewhere"):
        if outcome in outcomes:
            return outcome
    return "single"
