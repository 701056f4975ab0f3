"""Which quotes an outlet credits outright: pronouns taken up from the speaker just named."""

from __future__ import annotations

from attribution_fixtures import person, rival_conflicts, span_of
from newsprism.model import Article, Entity, Quote, Span

LINE = "We will reopen every school before the first snow falls"
PEOPLE = [Entity(id="person:berg", name="Anna Berg", label="PERSON"),
          Entity(id="person:weller", name="Tomas Weller", label="PERSON"),
          Entity(id="person:kade", name="Lina Kade", label="PERSON")]


def _weller_article(text: str, clause: str, cue: str, others: list[tuple[str, str]]) -> Article:
    """One paragraph: Tomas Weller named as the speaker of ``clause`` (reported speech after
    ``cue``), then LINE credited to "he" (resolved to Weller); ``others`` are the other people
    the paragraph names, as (name, entity)."""
    reported_span = span_of(text, clause)
    reported = Quote(start=reported_span.start, end=reported_span.end, text=clause,
                     kind="indirect", speaker=span_of(text, "Tomas Weller"), cue=span_of(text, cue),
                     speaker_entity="person:weller", speaker_name="Tomas Weller")
    line_span = span_of(text, LINE)
    he = span_of(text, " he ", line_span.end)
    line = Quote(start=line_span.start, end=line_span.end, text=LINE, kind="direct",
                 speaker=Span(start=he.start + 1, end=he.end - 1), cue=span_of(text, "added"),
                 speaker_entity="person:weller", speaker_name="Tomas Weller")
    mentions = [person(text, "Tomas Weller", "person:weller")]
    mentions += [person(text, name, entity) for name, entity in others]
    article = Article.from_paragraphs("o1", [text])
    assert article.text == text
    return article.model_copy(update={"quotes": [reported, line], "mentions": mentions})


def _conflicts(weller: Article) -> int:
    """Attribution conflicts when outlet o0 names Lina Kade for LINE and ``weller`` gives it
    to Tomas Weller through "he"."""
    line = next(q for q in weller.quotes if q.kind == "direct")
    return rival_conflicts(weller, line, PEOPLE[2], PEOPLE)


def test_a_person_named_inside_the_speakers_reported_words_does_not_compete():
    # "Weller said Berg had saved the town. '…,' he added": Berg is what Weller talked about;
    # the pronoun takes up Weller, the subject doing the saying.
    text = f"Tomas Weller said Anna Berg had saved the town. “{LINE},” he added."
    article = _weller_article(text, "Anna Berg had saved the town", "said",
                              [("Anna Berg", "person:berg")])
    assert _conflicts(article) == 1


def test_a_person_named_after_a_preposition_does_not_compete():
    text = f"Tomas Weller agreed with Anna Berg that the town would recover. “{LINE},” he added."
    article = _weller_article(text, "the town would recover", "agreed",
                              [("Anna Berg", "person:berg")])
    assert _conflicts(article) == 1


def test_a_doer_named_after_by_still_competes():
    # "praised by Anna Berg": Berg did something in the narration and may be the "he".
    text = (f"Tomas Weller, praised by Anna Berg, said the town would recover. “{LINE},” he "
            f"added.")
    article = _weller_article(text, "the town would recover", "said",
                              [("Anna Berg", "person:berg")])
    assert _conflicts(article) == 0


def test_a_subject_in_the_narration_still_competes():
    text = (f"Tomas Weller said the town would recover while Anna Berg nodded. “{LINE},” he "
            f"added.")
    article = _weller_article(text, "the town would recover", "said",
                              [("Anna Berg", "person:berg")])
    assert _conflicts(article) == 0
