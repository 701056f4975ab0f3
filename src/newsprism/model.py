"""The one typed data model every stage reads and enriches.

An :class:`Article` owns its input text; everything derived from it (paragraphs, sentences, entity
mentions, quotes, numbers, dates, captions, removed boilerplate) is a :class:`Span` of character
offsets into ``Article.text``, so any output can be traced back to the exact input characters.
Cross-article things (canonical entities, facts, stories, briefs) cite :class:`SourceSpan` values,
which name the article as well.

Stages only add to these objects; none keeps a private copy of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ParagraphRole = Literal["title", "standfirst", "body", "caption", "byline", "dateline"]
BoilerplateKind = Literal[
    "banner", "breadcrumb", "repeated_title", "credit", "share", "related", "navigation",
    "footer", "comment", "other",
]
QuoteKind = Literal["direct", "partial", "indirect"]
FactStatus = Literal["agreed", "approximate", "conflict", "single"]
DatePrecision = Literal["year", "month", "day", "minute"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """Half-open character range ``[start, end)`` into the owning article's ``text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def of(self, text: str) -> str:
        return text[self.start : self.end]


class SourceSpan(_Model):
    """A span of a named article, with its text copied for readers of exported JSON.

    Invariant (tested): ``article.text[start:end] == text``.
    """

    article: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Paragraph(Span):
    role: ParagraphRole = "body"


class Boilerplate(Span):
    kind: BoilerplateKind = "other"


class Sentence(Span):
    paragraph: int = Field(description="Index into Article.paragraphs")


class Mention(Span):
    """A named-entity mention; ``entity`` is filled once entities are made canonical."""

    text: str
    label: str = Field(description="spaCy label: PERSON, ORG, GPE, NORP, …")
    entity: str | None = Field(default=None, description="Canonical Entity.id")


class Quote(Span):
    """Quoted or reported speech. The span covers the content only, without quote marks."""

    text: str
    kind: QuoteKind
    cue: Span | None = Field(default=None, description="The verb or phrase of attribution")
    speaker: Span | None = Field(default=None, description="The mention the attribution rests on")
    speaker_text: str | None = None
    speaker_name: str | None = Field(default=None, description="Canonical name, when resolved")
    speaker_entity: str | None = Field(default=None, description="Canonical Entity.id")
    continues: int | None = Field(
        default=None, description="Index of the quote this one continues (multi-paragraph quotes)"
    )
    confidence: float | None = Field(
        default=None,
        description="A learned model's estimate that content and speaker are right, for reported "
        "speech (fitted on PolNeAR train); None for words in quotation marks, never judged",
    )


class Quantity(Span):
    """A number as written ("about 2,500 US soldiers") and as understood."""

    text: str
    value: float
    low: float = Field(description="Lowest value the wording allows")
    high: float = Field(description="Highest value the wording allows")
    unit: str | None = Field(default=None, description="Counted noun or unit, lemmatised")
    modifier: str | None = Field(default=None, description="about, around, more than, …")
    predicate: str | None = Field(
        default=None, description="Lemma of the verb the figure's phrase depends on (pay, kill)"
    )
    predicates: list[str] = Field(
        default_factory=list,
        description="Lemmas of the events the figure belongs to: its verb, the noun it attaches "
        "to, verbs its counted noun is subject or object of (leave, wait)",
    )
    setting: list[str] = Field(
        default_factory=list, description="Places the figure's own event is located at (homs)"
    )
    bearer: str | None = Field(
        default=None,
        description="Whose figure it is: the canonical name of the person or organisation that "
        "owns it (its possessor, or the subject of its clause, a he/she resolved), if known",
    )
    bearer_span: Span | None = Field(
        default=None, description="The words the bearer was read from (a name, or a pronoun)"
    )
    scope: str | None = Field(
        default=None,
        description="Which figure of its kind: the period or restriction written with it "
        "(since week 9, this season, career, by knockout), lower-case, if any",
    )


class DateMention(Span):
    text: str
    value: str = Field(description="ISO 8601 to the precision known: 2021, 2021-09, 2021-09-11")
    precision: DatePrecision
    predicates: list[str] = Field(
        default_factory=list,
        description="Lemmas of the events the date attaches to (order, evacuation)",
    )
    setting: list[str] = Field(
        default_factory=list, description="Places the dated event is located at"
    )
    participants: list[str] = Field(
        default_factory=list,
        description="Who or what takes part in the dated act, as role:name (agent:, patient:, "
        "party:, thing:, instance:), lower-case",
    )


class Article(_Model):
    id: str
    text: str = Field(
        description="The input text every offset refers to: the raw text for text inputs, "
        "the extracted text layer for HTML inputs"
    )
    source: str | None = Field(default=None, description="Where the article was read from")
    html: str | None = Field(default=None, description="Original markup, for HTML inputs")
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = Field(default=None, description="ISO 8601, to the precision known")
    language: str | None = None
    duplicate_of: str | None = None

    title: Span | None = None
    standfirst: Span | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    boilerplate: list[Boilerplate] = Field(default_factory=list)

    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    unread: list[str] = Field(
        default_factory=list,
        description="What the read stage left out for this article and why (a language its "
        "models were not trained on)",
    )

    @classmethod
    def from_paragraphs(
        cls, id: str, paragraphs: Sequence[str], title: str | None = None, **fields
    ) -> Article:
        """An article that arrives already split (a dataset record, a database row, a test):
        its text is the title and the paragraphs separated by blank lines, spans set to match."""
        lines = ([title] if title else []) + [p for p in paragraphs if p.strip()]
        spans, offset = [], 0
        for index, line in enumerate(lines):
            role = "title" if title and index == 0 else "body"
            spans.append(Paragraph(start=offset, end=offset + len(line), role=role))
            offset += len(line) + 2
        title_span = Span(start=0, end=len(title)) if title else None
        return cls(id=id, text="\n\n".join(lines), paragraphs=spans, title=title_span, **fields)

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def source_span(self, span: Span) -> SourceSpan:
        text = self.span_text(span)
        return SourceSpan(article=self.id, start=span.start, end=span.end, text=text)

    @property
    def title_text(self) -> str:
        return self.span_text(self.title) if self.title else ""

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role == "body"]

    @property
    def captions(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role == "caption"]


class Entity(_Model):
    """One real-world person, organisation or place, with every mention of it in a story."""

    id: str
    name: str = Field(description="Canonical name: the fullest form used")
    label: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[SourceSpan] = Field(default_factory=list)


class FactValue(_Model):
    """A value as one outlet states it."""

    article: str
    text: str
    low: float | None = None
    high: float | None = None
    date: str | None = None


class Fact(_Model):
    id: str
    status: FactStatus
    statement: str = Field(description="The statement, in the words of its first source")
    kind: Literal["quantity", "date", "statement", "attribution"] = "statement"
    sources: list[SourceSpan] = Field(default_factory=list)
    values: list[FactValue] = Field(default_factory=list)
    note: str | None = Field(default=None, description="Why this status, in one line")


class QuoteRecord(_Model):
    """A quote as one article carries it, for story-level listings."""

    text: str
    speaker: str | None
    article: str
    start: int
    end: int
    kind: QuoteKind
    speaker_entity: str | None = None
    paraphrase: bool = Field(
        default=False, description="Reports, in other words, a line its group quotes directly"
    )


class QuoteGroup(_Model):
    """The same words across outlets: who carried them and whom each outlet credits."""

    id: str
    text: str
    speakers: list[str] = Field(default_factory=list)
    status: Literal["agreed", "single", "conflict", "paraphrase", "echoed"] = Field(
        description="agreed: same words, same speaker across outlets; conflict: same words "
        "credited to different speakers; echoed: one line said by several people in their own "
        "words; paraphrase: quoted by one outlet, only reported by others; single: one outlet only"
    )
    quotes: list[QuoteRecord] = Field(default_factory=list)


class BriefSentence(_Model):
    sentence: str
    sources: list[SourceSpan]
    fact: str | None = Field(default=None, description="Fact.id this sentence reports")


class TimelineEntry(_Model):
    date: str
    statement: str
    sources: list[SourceSpan]


class OutletCoverage(_Model):
    """What one article of a story carries, against the other outlets."""

    article: str
    outlet: str | None = None
    published: str | None = None
    rank: int | None = Field(default=None, description="1 = published first; None if undated")
    facts: list[str] = Field(default_factory=list, description="Fact ids this article cites")
    alone: list[str] = Field(default_factory=list, description="Fact ids only this article has")
    missing: list[str] = Field(
        default_factory=list, description="Corroborated fact ids most other outlets carry, not it"
    )
    country: str | None = None
    lean: str | None = None


class Coverage(_Model):
    """Who reported the story, when, and what each outlet alone carries or leaves out."""

    outlets: list[OutletCoverage] = Field(default_factory=list)
    countries: dict[str, int] = Field(default_factory=dict, description="Articles per country")
    leans: dict[str, int] = Field(default_factory=dict, description="Articles per stated lean")


class Story(_Model):
    id: str
    title: str
    articles: list[str] = Field(description="Article ids, in publication order")
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[QuoteRecord] = Field(default_factory=list)
    quote_groups: list[QuoteGroup] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    brief: list[BriefSentence] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    coverage: Coverage | None = None


class Report(_Model):
    """What ``newsprism compare`` returns: stories, and the articles they cite."""

    stories: list[Story]
    articles: list[Article] = Field(default_factory=list, exclude=True)


def json_schema() -> dict:
    """JSON Schema of the exported model (``newsprism schema``)."""
    from pydantic.json_schema import models_json_schema

    _, schema = models_json_schema(
        [(Article, "serialization"), (Story, "serialization")], title="newsprism"
    )
    return schema
