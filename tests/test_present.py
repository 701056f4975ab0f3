"""Present stage: the cited brief and the JSON / Markdown / HTML reports.

Three invented articles about one invented event: all three agree the bridge closes for six weeks,
two agree on the start date, two disagree on the cost, and each has something only it reports.
"""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

import pytest
from markupsafe import escape

from newsprism.model import (
    Article,
    Boilerplate,
    Entity,
    Fact,
    FactValue,
    Paragraph,
    Quote,
    QuoteGroup,
    QuoteRecord,
    Report,
    Sentence,
    SourceSpan,
    Story,
    TimelineEntry,
)
from newsprism.present import render, story_json
from newsprism.present.brief import content_tokens, same_content, write_brief
from newsprism.present.html import _Mark, segment

PLANET = [
    ("title", "Harbour bridge to close for repairs"),
    ("share", "Share this article on social media"),
    ("body", "The city will close the harbour bridge for six weeks from 3 March, officials said."),
    ("body", "Repairs will cost 12 million dollars, according to the transport office."),
    ("body", '"We have no choice," said Mayor Ana Ruiz. "The cables are <script>x()</script>."'),
    ("body", "Ferries will run every ten minutes during the closure."),
    ("caption", "The bridge at dusk. Photo: City Archive"),
]
LEDGER = [
    ("title", "Bridge shuts for six weeks"),
    ("body", "The harbour bridge will shut for six weeks starting 3 March, the city announced."),
    ("body", "The work is expected to cost 15 million dollars."),
    ("body", 'Mayor Ana Ruiz said: "We have no choice."'),
    ("body", "Shop owners on the waterfront fear losing trade while the bridge is closed."),
]
POST = [
    ("title", "Six-week bridge closure confirmed"),
    ("body", "Officials confirmed that the harbour bridge closes for six weeks."),
    ("body", "Officials confirmed the harbour bridge closes for six weeks, the mayor's aide said."),
    ("body", "Cyclists will be allowed to use the lower deck."),
]


def make_article(article_id: str, outlet: str, lines: list[tuple[str, str]]) -> Article:
    text = "\n".join(line for _, line in lines) + "\n"
    article = Article(id=article_id, text=text, outlet=outlet, published="2024-02-12")
    offset = 0
    for role, line in lines:
        start, end = offset, offset + len(line)
        if role == "share":
            article.boilerplate.append(Boilerplate(start=start, end=end, kind="share"))
        else:
            article.paragraphs.append(Paragraph(start=start, end=end, role=role))
            if role == "title":
                article.title = Paragraph(start=start, end=end, role="title")
        offset = end + 1
    return article


def span(article: Article, phrase: str, nth: int = 0) -> SourceSpan:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(phrase, start + 1)
    return article.source_span(Paragraph(start=start, end=start + len(phrase)))


@pytest.fixture
def articles() -> dict[str, Article]:
    made = [
        make_article("planet", "Daily Planet", PLANET),
        make_article("ledger", "Morning Ledger", LEDGER),
        make_article("post", "Evening Post", POST),
    ]
    return {a.id: a for a in made}


@pytest.fixture
def story(articles: dict[str, Article]) -> Story:
    planet, ledger, post = articles["planet"], articles["ledger"], articles["post"]
    quote_planet = span(planet, "We have no choice,")
    quote_ledger = span(ledger, "We have no choice.")
    speaker = span(planet, "Mayor Ana Ruiz")
    planet.quotes.append(
        Quote(start=quote_planet.start, end=quote_planet.end, text=quote_planet.text,
              kind="direct", speaker_name="Ana Ruiz")
    )
    records = [
        QuoteRecord(text=s.text, speaker="Ana Ruiz", article=s.article, start=s.start,
                    end=s.end, kind="direct")
        for s in (quote_planet, quote_ledger)
    ]
    facts = [
        Fact(id="single-planet", status="single", statement="Ferries every ten minutes",
             sources=[span(planet, "Ferries will run every ten minutes")]),
        Fact(id="cost", status="conflict", kind="quantity", statement="Repair cost",
             sources=[span(planet, "12 million dollars"), span(ledger, "15 million dollars")],
             values=[FactValue(article="planet", text="12 million dollars", low=12e6, high=12e6),
                     FactValue(article="ledger", text="15 million dollars", low=15e6, high=15e6)],
             note="12 million vs 15 million: outside rounding"),
        Fact(id="start", status="approximate", kind="date", statement="Closure starts 3 March",
             sources=[span(planet, "from 3 March"), span(ledger, "starting 3 March")]),
        Fact(id="weeks", status="agreed", kind="quantity", statement="Closed for six weeks",
             sources=[span(planet, "six weeks"), span(ledger, "shut for six weeks"),
                      span(post, "six weeks")]),
        # The Post repeats itself; a brief must not print both near-identical sentences.
        Fact(id="repeat-post", status="single", statement="Closure confirmed",
             sources=[span(post, "six weeks", nth=1)]),
        Fact(id="single-ledger", status="single", statement="Shops fear losing trade",
             sources=[span(ledger, "Shop owners on the waterfront fear losing trade")]),
        Fact(id="single-post", status="single", statement="Cyclists may use lower deck",
             sources=[span(post, "Cyclists will be allowed")]),
    ]
    mentions = [speaker, span(ledger, "Mayor Ana Ruiz")]
    return Story(
        id="s1", title="Harbour bridge closure", articles=["planet", "ledger", "post"],
        entities=[Entity(id="e1", name="Ana Ruiz", label="PERSON", mentions=mentions)],
        quotes=records,
        quote_groups=[QuoteGroup(id="q1", text="We have no choice", speakers=["Ana Ruiz"],
                                 status="agreed", quotes=records)],
        facts=facts,
        timeline=[TimelineEntry(date="2024-03-03", statement="Bridge closes",
                                sources=[span(planet, "from 3 March")])],
    )


@pytest.fixture
def report(story: Story, articles: dict[str, Article]) -> Report:
    story.brief = write_brief(story, articles)
    return Report(stories=[story], articles=list(articles.values()))


RANK = {"agreed": 0, "approximate": 0, "conflict": 1, "single": 2}


def _sources(node):
    """Every ``sources`` item anywhere in a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources":
                yield from value
            else:
                yield from _sources(value)
    elif isinstance(node, list):
        for item in node:
            yield from _sources(item)


def test_json_contract_has_the_public_fields(report: Report):
    data = json.loads(render(report, "json"))
    story = data["stories"][0]
    assert {"id", "title", "articles", "entities", "quotes", "facts", "brief", "timeline"} <= set(
        story
    )
    assert story["articles"] == ["planet", "ledger", "post"]
    assert {"name", "mentions"} <= set(story["entities"][0])
    assert {"text", "speaker", "article", "start", "end"} <= set(story["quotes"][0])
    assert {"status", "statement", "sources"} <= set(story["facts"][0])
    assert {"sentence", "sources"} <= set(story["brief"][0])
    assert {"date", "statement", "sources"} <= set(story["timeline"][0])
    assert [a["outlet"] for a in data["articles"]] == ["Daily Planet", "Morning Ledger",
                                                       "Evening Post"]
    assert story == story_json(report.stories[0])


def test_json_sources_are_exact_article_text(report: Report, articles: dict[str, Article]):
    data = json.loads(render(report, "json"))
    mentions = [m for e in data["stories"][0]["entities"] for m in e["mentions"]]
    spans = list(_sources(data)) + mentions
    assert len(spans) > 10
    for item in spans:
        assert set(item) == {"article", "start", "end", "text"}
        assert articles[item["article"]].text[item["start"] : item["end"]] == item["text"]
    for quote in data["stories"][0]["quotes"]:
        assert articles[quote["article"]].text[quote["start"] : quote["end"]] == quote["text"]


def test_json_keeps_non_ascii_readable(report: Report, articles: dict[str, Article]):
    report.stories[0].title = "Pont fermé — six semaines"
    assert "Pont fermé — six semaines" in render(report, "json")


def test_brief_orders_corroborated_then_conflict_then_single(report: Report):
    facts = {f.id: f for f in report.stories[0].facts}
    brief = report.stories[0].brief
    ranks = [RANK[facts[s.fact].status] for s in brief]
    assert ranks == sorted(ranks)
    assert brief[0].fact == "weeks"  # three outlets beat two
    # The start date is stated in the very sentences already cited: no second sentence for it.
    assert "start" not in {s.fact for s in brief}
    assert {"conflict", "single"} <= {facts[s.fact].status for s in brief}


def test_brief_cites_every_outlet_of_a_corroborated_fact(report: Report):
    lead = report.stories[0].brief[0]
    assert [s.article for s in lead.sources] == ["planet", "ledger", "post"]
    assert lead.sentence == lead.sources[0].text


def test_brief_states_both_versions_of_a_conflict(report: Report):
    versions = [s for s in report.stories[0].brief if s.fact == "cost"]
    assert {s.sources[0].article for s in versions} == {"planet", "ledger"}
    assert any("12 million" in s.sentence for s in versions)
    assert any("15 million" in s.sentence for s in versions)


def test_brief_sentences_are_exact_source_spans(report: Report, articles: dict[str, Article]):
    for sentence in report.stories[0].brief:
        first = sentence.sources[0]
        assert sentence.sentence == first.text
        for source in sentence.sources:
            assert articles[source.article].text[source.start : source.end] == source.text
            assert "\n" not in source.text  # one sentence, never run across paragraphs


def test_brief_splits_sentences_without_read_stage(report: Report):
    # The quote paragraph holds two sentences; the fallback splitter must not cite both.
    planet_sentences = [s.sentence for s in report.stories[0].brief
                        if s.sources[0].article == "planet"]
    assert "The city will close the harbour bridge for six weeks from 3 March, officials said." \
        in planet_sentences


def test_brief_drops_near_duplicates(report: Report):
    brief = report.stories[0].brief
    assert "repeat-post" not in {s.fact for s in brief}
    for a, b in combinations(brief, 2):
        if a.fact == b.fact == "cost":
            continue  # two versions of one conflict differ on purpose
        assert not same_content(content_tokens(a.sentence), content_tokens(b.sentence)), (a, b)
    sentences = [s.sentence for s in brief]
    assert len(sentences) == len(set(sentences))


def test_near_duplicate_check_keeps_different_numbers_apart():
    a = content_tokens("The repairs will cost 12 million dollars.")
    b = content_tokens("The repairs will cost 12 million dollars, officials said.")
    c = content_tokens("Cyclists will be allowed to use the lower deck.")
    assert same_content(a, b)
    assert not same_content(a, c)


def test_brief_respects_max_sentences(story: Story, articles: dict[str, Article]):
    assert len(write_brief(story, articles, max_sentences=2)) == 2
    assert len(write_brief(story, articles)) <= 8
    topics = ["rail", "tax", "school", "river", "park", "hospital", "museum", "airport",
              "library", "harbour", "stadium", "market"]
    many = make_article("many", "Wire", [("body", f"The {w} budget grew by {i + 2}%.")
                                         for i, w in enumerate(topics)])
    facts = [Fact(id=w, status="single", sources=[span(many, f"The {w}")], statement=w)
             for w in topics]
    wire = Story(id="w", title="w", articles=["many"], facts=facts)
    assert len(write_brief(wire, {"many": many})) == 8


def test_brief_uses_read_stage_sentences(story: Story, articles: dict[str, Article]):
    planet = articles["planet"]
    clause = span(planet, "Repairs will cost 12 million dollars")
    planet.sentences = [Sentence(start=clause.start, end=clause.end, paragraph=2)]
    brief = write_brief(story, articles)
    assert "Repairs will cost 12 million dollars" in [s.sentence for s in brief]


def test_brief_conflict_with_one_slot_left_cites_both(story: Story, articles: dict[str, Article]):
    story.facts = [f for f in story.facts if f.id in ("weeks", "cost")]
    brief = write_brief(story, articles, max_sentences=2)
    assert brief[1].fact == "cost"
    assert {s.article for s in brief[1].sources} == {"planet", "ledger"}


def test_markdown_marks_conflicts_first(report: Report):
    md = render(report, "md")
    assert md.startswith("# Harbour bridge closure")
    facts = md[md.index("## Facts") :]
    assert facts.index("CONFLICT") < facts.index("### Agreed")
    conflict_line = next(line for line in md.splitlines() if "Repair cost" in line)
    assert "CONFLICT" in conflict_line
    assert re.search(r"\[planet:\d+-\d+\] \[ledger:\d+-\d+\]", conflict_line)
    brief = md[md.index("## Brief") : md.index("## Facts")]
    assert "**⚠ CONFLICT:** Repairs will cost 12 million dollars" in brief
    assert "| planet | Daily Planet | 2024-02-12 | Harbour bridge to close for repairs |" in md
    assert "### Ana Ruiz" in md


def test_markdown_escapes_markup(report: Report):
    report.stories[0].quotes[0].text = "<script>x()</script> *bold*"
    md = render(report, "md")
    assert "<script>" not in md
    assert r"\<script\>" in md and r"\*bold\*" in md


def test_html_is_one_self_contained_document(report: Report):
    page = render(report, "html")
    assert page.count("<html") == 1 and page.count("</html>") == 1
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert "<link" not in page and "@import" not in page


def test_html_has_every_article_column_and_marked_spans(report: Report):
    page = render(report, "html")
    for article_id in ("planet", "ledger", "post"):
        assert f'data-article="{article_id}"' in page
    for sentence in report.stories[0].brief:
        for s in sentence.sources:
            assert f'<mark id="a-{s.article}-{s.start}-{s.end}"' in page
            assert f'data-target="a-{s.article}-{s.start}-{s.end}"' in page
    assert 'class="badge conflict"' in page
    assert 'class="caption"' in page
    assert "<details" in page and "Share this article on social media" in page


def test_html_escapes_article_text(report: Report):
    page = render(report, "html")
    assert "<script>x()</script>" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # only the page's own script


def test_segment_handles_nested_and_overlapping_marks():
    text = "abcdefghij"
    marks = [_Mark(1, 6, "k1", {"q"}), _Mark(3, 8, "k2", {"cite"}), _Mark(3, 5, "k3", {"cite"})]
    anchored: set[str] = set()
    pieces = segment(text, 0, 10, marks, anchored)
    assert "".join(p.text for p in pieces) == text
    by_text = {p.text: p for p in pieces}
    assert by_text["de"].spans.split() == ["k1", "k2", "k3"]
    assert by_text["de"].classes == "cite q"
    assert by_text["de"].anchors == ("k2", "k3")
    assert by_text["bc"].anchors == ("k1",)
    assert by_text["gh"].spans == "k2" and by_text["gh"].anchors == ()
    assert by_text["ij"].classes == ""
    assert anchored == {"k1", "k2", "k3"}


def test_render_rejects_unknown_format(report: Report):
    with pytest.raises(ValueError, match="pdf"):
        render(report, "pdf")  # type: ignore[arg-type]


def test_brief_fallback_splitter_keeps_abbreviations():
    article = make_article("dam", "Valley News", [
        ("body", "Mr. Okafor said the new dam will open in May. Work on the road begins soon."),
    ])
    fact = Fact(id="may", status="single", statement="Dam opens in May",
                sources=[span(article, "open in May")])
    brief = write_brief(Story(id="d", title="d", articles=["dam"], facts=[fact]), {"dam": article})
    assert [s.sentence for s in brief] == ["Mr. Okafor said the new dam will open in May."]


def test_brief_skips_citations_it_cannot_check(story: Story, articles: dict[str, Article]):
    story.facts = [Fact(id="ghost", status="agreed", statement="x",
                        sources=[SourceSpan(article="missing", start=0, end=4, text="abcd")])]
    assert write_brief(story, articles) == []


SHARED = Path(__file__).parents[1] / ".." / "shared"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not available")
def test_html_shows_every_kept_paragraph_of_the_seeds():
    from newsprism import ingest

    seeds, errors = ingest.load([SHARED / "seeds"])
    assert not errors and len(seeds) == 2
    story = Story(id="seeds", title="seeds", articles=[a.id for a in seeds])
    page = render(Report(stories=[story], articles=seeds), "html")
    for article in seeds:
        assert f'data-article="{article.id}"' in page
        for paragraph in article.paragraphs:
            if paragraph.role != "title":
                assert str(escape(article.span_text(paragraph))) in page


def test_brief_prints_a_sentence_not_a_whole_paragraph(articles: dict[str, Article]):
    planet = articles["planet"]
    whole = span(planet, "The city will close")
    end = planet.text.index("Ferries")  # three paragraphs
    fact = Fact(id="long", status="single", statement="x",
                sources=[planet.source_span(Paragraph(start=whole.start, end=end))])
    story = Story(id="l", title="l", articles=["planet"], facts=[fact])
    [sentence] = write_brief(story, articles)
    assert sentence.sentence == PLANET[2][1]


def test_html_ids_stay_unique_when_an_article_is_in_two_stories(report: Report):
    first = report.stories[0]
    report.stories.append(first.model_copy(update={"id": "s2", "title": "Second look"}))
    page = render(report, "html")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    targets = set(re.findall(r'data-target="([^"]+)"', page))
    assert targets <= set(ids)  # every chip leads somewhere
    assert any(t.startswith("s2-a-planet-") for t in targets)


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_render_an_empty_report(fmt: str):
    out = render(Report(stories=[]), fmt)  # type: ignore[arg-type]
    assert ("stories" in out) if fmt == "json" else ("No stories" in out)
