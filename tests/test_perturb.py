"""Perturbations: the generator edits exactly what it says, and compare flags each kind of edit.

The triplet below is written for these tests: one fictional event told by three outlets that agree
on a figure, a date and a quote, so that each perturbation of one outlet has something to break.
"""

from __future__ import annotations

import pytest

from newsprism.compare import compare_story
from newsprism.compare import perturb as P
from newsprism.compare.perturb_cases import facts_citing, judge
from newsprism.model import Article, Fact, SourceSpan, Span, Story
from newsprism.read import read

TITLE = "Dam failure floods Linden valley"
OUTLETS = [
    [
        "The Linden dam failed on Tuesday, flooding 2,448 homes in the valley, officials said.",
        "“We will rebuild every house in this valley before the winter comes,” Mayor Anna Berg "
        "said on Tuesday evening.",
        "Engineer Tomas Weller said the spillway had been blocked by debris for weeks.",
        "The regional council will hold an emergency session on March 14 to fund repairs.",
    ],
    [
        "Officials said 2,448 homes in the valley were flooded when the Linden dam failed.",
        "“We will rebuild every house in this valley before the winter comes,” said Mayor Anna "
        "Berg.",
        "The regional council will hold an emergency session on March 14 to fund repairs, "
        "officials said.",
    ],
    [
        "The failure of the Linden dam flooded 2,448 homes in the valley, according to officials.",
        "Mayor Anna Berg said: “We will rebuild every house in this valley before the winter "
        "comes.”",
        "The regional council will meet in an emergency session on March 14 to fund repairs.",
    ],
]


def article(id_: str, title: str, paragraphs: list[str], published="2021-03-10") -> Article:
    return Article.from_paragraphs(id_, paragraphs, title=title, published=published, outlet=id_)


def fresh(outlets=OUTLETS) -> list[Article]:
    return [article(f"outlet{i}", TITLE, body) for i, body in enumerate(outlets)]


@pytest.fixture(scope="module")
def originals() -> list[Article]:
    return read(fresh())


def compare(articles: list[Article]) -> Story:
    by_id = {a.id: a for a in articles}
    story = compare_story(Story(id="s", title=TITLE, articles=list(by_id)), by_id)
    for fact in story.facts:
        for source in fact.sources:
            assert by_id[source.article].text[source.start : source.end] == source.text
    return story


def with_copy(originals: list[Article], perturbation: P.Perturbation) -> Story:
    copy = read([perturbation.copy])[0]
    return compare([copy if a.id == copy.id else a for a in originals])


def citing(story: Story, article_id: str, span: Span) -> list[Fact]:
    return [f for f in story.facts if any(
        s.article == article_id and s.start < span.end and span.start < s.end for s in f.sources)]


# --- the generator ------------------------------------------------------------------------------


def test_apply_edits_shifts_structure_and_keeps_the_rest():
    original = fresh()[0]
    start = original.text.index("2,448")
    copy, spans = P.apply_edits(original, [P.Edit(start, start + 5, "12,448")])
    assert copy.text == original.text.replace("2,448", "12,448")
    assert copy.text[spans[0].start : spans[0].end] == "12,448"
    assert [copy.span_text(p) for p in copy.paragraphs] == [
        original.span_text(p).replace("2,448", "12,448") for p in original.paragraphs]
    assert not copy.quantities and not copy.sentences  # a copy is read again, like any input


def test_deleting_a_paragraph_drops_it_and_moves_the_next(originals):
    perturbation = P.delete_paragraph(originals[0], 3)
    copy = perturbation.copy
    assert "Tomas Weller" not in copy.text
    assert len(copy.paragraphs) == len(originals[0].paragraphs) - 1
    assert copy.span_text(copy.paragraphs[3]).startswith("The regional council")
    assert perturbation.original[0].text.startswith("Engineer Tomas Weller")


def test_changed_number_leaves_every_range_it_could_be_read_in(originals):
    quantity = next(q for q in originals[0].quantities if "2,448" in q.text)
    perturbation = P.change_number(originals[0], quantity, [(2448, 2448)])
    new = perturbation.changed_text()[0]
    value = float(new.replace(",", ""))
    assert abs(value - 2448) / 2448 >= 0.3 and "," in new
    assert perturbation.copy.text.replace(new, "2,448", 1) == originals[0].text


@pytest.mark.parametrize(("value", "rounded"), [(2448, 2400), (9600, 10000), (20722, 21000),
                                                (2500, None), (12, None)])
def test_rounding_for_about_keeps_two_figures_or_moves_little(value, rounded):
    assert P.rounded_for_about(value) == rounded


def test_rounded_number_is_hedged(originals):
    quantity = next(q for q in originals[0].quantities if "2,448" in q.text)
    perturbation = P.round_number(originals[0], quantity)
    assert perturbation.changed_text() == ["about 2,400"]
    assert "flooding about 2,400 homes" in perturbation.copy.text


def test_date_shift_moves_every_mention_of_the_date(originals):
    mention = next(d for d in originals[0].dates if d.value == "2021-03-14")
    perturbation = P.shift_date(originals[0], mention)
    assert perturbation.changed_text() == ["March 19"]
    assert "March 14" not in perturbation.copy.text
    assert P.shifted_value("2021-12-30") == "2022-01-04"
    tuesday = next(d for d in originals[0].dates if d.text == "Tuesday")
    assert P.shift_date(originals[0], tuesday).changed_text()[0] == "Sunday"  # style is kept
    assert P.shifted_value("2021-11") == "2022-01" and P.shifted_value("2008") == "2006"


def test_reassigned_quote_names_the_other_person(originals):
    quote = next(q for q in originals[0].quotes if q.text.startswith("We will rebuild"))
    perturbation = P.reassign_quote(originals[0], quote, "Tomas Weller")
    copy = perturbation.copy
    moved = perturbation.changed[0]
    assert copy.text[moved.start : moved.end] == quote.text
    assert "Tomas Weller said on Tuesday evening" in copy.text
    assert "Anna Berg" not in copy.text


# --- each kind of perturbation, through read and compare ---------------------------------------


def test_unperturbed_triplet_has_no_conflict(originals):
    story = compare(originals)
    assert not [f for f in story.facts if f.status == "conflict"], [
        (f.kind, f.note) for f in story.facts if f.status == "conflict"]
    agreed = [f for f in story.facts if f.status == "agreed"]
    assert {"quantity", "date"} <= {f.kind for f in agreed}


def test_changed_number_is_a_conflict(originals):
    quantity = next(q for q in originals[0].quantities if "2,448" in q.text)
    perturbation = P.change_number(originals[0], quantity, [(2448, 2448)])
    facts = citing(with_copy(originals, perturbation), "outlet0", perturbation.changed[0])
    quantity_facts = [f for f in facts if f.kind == "quantity"]
    assert [f.status for f in quantity_facts] == ["conflict"]
    assert {s.article for s in quantity_facts[0].sources} == {"outlet0", "outlet1", "outlet2"}


def test_rounded_number_is_approximate_not_conflict(originals):
    quantity = next(q for q in originals[0].quantities if "2,448" in q.text)
    perturbation = P.round_number(originals[0], quantity)
    facts = citing(with_copy(originals, perturbation), "outlet0", perturbation.changed[0])
    assert [f.status for f in facts if f.kind == "quantity"] == ["approximate"]


def test_shifted_date_is_a_conflict(originals):
    mention = next(d for d in originals[0].dates if d.value == "2021-03-14")
    perturbation = P.shift_date(originals[0], mention)
    facts = citing(with_copy(originals, perturbation), "outlet0", perturbation.changed[0])
    dated = [f for f in facts if f.kind == "date"]
    assert [f.status for f in dated] == ["conflict"]
    assert {v.date for v in dated[0].values} == {"2021-03-14", "2021-03-19"}


def test_reassigned_quote_is_an_attribution_conflict(originals):
    quote = next(q for q in originals[0].quotes if q.text.startswith("We will rebuild"))
    perturbation = P.reassign_quote(originals[0], quote, "Tomas Weller")
    facts = citing(with_copy(originals, perturbation), "outlet0", perturbation.changed[0])
    attributions = [f for f in facts if f.kind == "attribution"]
    assert [f.status for f in attributions] == ["conflict"]
    assert {v.text for v in attributions[0].values} >= {"Tomas Weller", "Anna Berg"}


def test_deleted_paragraph_leaves_the_other_outlet_alone():
    pair = read(fresh(OUTLETS[:2]))
    council = next(i for i, p in enumerate(pair[1].paragraphs)
                   if pair[1].span_text(p).startswith("The regional council"))
    perturbation = P.delete_paragraph(pair[1], council)
    before = citing(compare(pair), "outlet0", Span(start=pair[0].text.index("March 14"),
                                                   end=pair[0].text.index("March 14") + 8))
    assert "agreed" in {f.status for f in before}
    after_story = with_copy(pair, perturbation)
    after = citing(after_story, "outlet0", Span(start=pair[0].text.index("March 14"),
                                                end=pair[0].text.index("March 14") + 8))
    assert after and {f.status for f in after} == {"single"}


def _paragraph(article: Article, opening: str) -> int:
    return next(i for i, p in enumerate(article.paragraphs)
                if article.span_text(p).startswith(opening))


def test_deleted_paragraph_beside_its_original_is_credited_to_the_original_only(originals):
    # The copy joins the story beside its original: what the deleted paragraph said stays with
    # the original (and the outlets that also say it), never with the copy.
    for opening, expected in (("The regional council", "elsewhere"), ("Engineer", "single")):
        perturbation = P.delete_paragraph(originals[0], _paragraph(originals[0], opening))
        copy = read([perturbation.copy.model_copy(update={"id": "outlet0~copy"})])[0]
        story = compare([*originals, copy])
        assert judge(perturbation, story, copy.id) == expected
    # and the judge does see a copy credited with the deleted content
    fact = facts_citing(story, "outlet0", perturbation.original)[0]
    credited = fact.model_copy(update={"sources": [*fact.sources, SourceSpan(
        article=copy.id, start=0, end=3, text=copy.text[:3])]})
    assert judge(perturbation, story.model_copy(update={"facts": [credited]}), copy.id) \
        == "matched"


# --- what the generator refuses, and what it moves together -------------------------------------


def test_changed_number_changes_every_mention_of_the_figure():
    text = ["The flood reached 2,448 homes in the valley.", "All 2,448 homes will be rebuilt."]
    source = read([article("twice", TITLE, text)])[0]
    quantity = next(q for q in source.quantities if "2,448" in q.text)
    perturbation = P.change_number(source, quantity, [(2448, 2448)])
    assert "2,448" not in perturbation.copy.text
    assert len(perturbation.changed) == 2
    assert len(set(perturbation.changed_text())) == 1


def test_weekday_shift_stays_on_the_publication_side_it_was_on(originals):
    tuesday = next(d for d in originals[0].dates if d.text == "Tuesday")  # the day before
    perturbation = P.shift_date(originals[0], tuesday)
    assert perturbation.note == "2021-03-09 -> 2021-03-07"
    assert read([perturbation.copy])[0].dates[0].value == "2021-03-07"  # read back as moved


def test_a_date_without_a_year_is_not_shifted():
    source = read([article("undated", TITLE, ["The council meets on March 14 to fund repairs."],
                           published=None)])[0]
    assert [d.value for d in source.dates] == ["--03-14"]
    assert P.shift_date(source, source.dates[0]) is None


def test_quotes_move_only_from_and_to_named_people(originals):
    quote = next(q for q in originals[0].quotes if q.text.startswith("We will rebuild"))
    assert P.reassign_quote(originals[0], quote, "Gets") is None  # no person's name
    assert P.reassign_quote(originals[0], quote, "Barack] Obama") is None
    pronoun = read([article("he", TITLE, ["“We will rebuild every house,” he said."])])[0]
    assert pronoun.quotes and P.reassign_quote(pronoun, pronoun.quotes[0], "Tomas Weller") is None
    assert P.is_person_name("Paul D. Ryan") and not P.is_person_name("Mr.")
