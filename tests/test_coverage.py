"""Coverage: publication order, what each outlet alone reports, what it leaves out, outlet metadata."""

from __future__ import annotations

import pytest

from newsprism.compare.coverage import coverage, load_outlet_meta
from newsprism.errors import InputError
from newsprism.model import Article, Fact, SourceSpan, Story
from newsprism.present.coverage import coverage_html, coverage_markdown

TEXT = "The harbour reopened on Monday after the storm, the mayor said."


def _articles() -> dict[str, Article]:
    meta = [("a", "Daily Harbour", "2021-04-14T08:00"), ("b", "Coast News", "2021-04-14T06:30"),
            ("c", "River Post", "2021-04-15"), ("d", "Daily Harbour", None)]
    return {id_: Article(id=id_, text=TEXT, outlet=outlet, published=published,
                         url=f"https://www.{outlet.lower().replace(' ', '')}.example/x")
            for id_, outlet, published in meta}


def _fact(id_: str, status: str, *articles: str) -> Fact:
    return Fact(id=id_, status=status, statement=TEXT, sources=[
        SourceSpan(article=a, start=0, end=11, text=TEXT[:11]) for a in articles])


def _story(ids=("a", "b", "c")) -> Story:
    facts = [
        _fact("f1", "agreed", "a", "b", "c"),
        _fact("f2", "approximate", "b", "c"),  # a leaves it out: both other outlets carry it
        _fact("f3", "single", "a"),
        _fact("f4", "single", "c"),
        _fact("f5", "conflict", "a", "c"),  # b leaves it out as well
    ]
    return Story(id="s", title="Harbour", articles=list(ids), facts=facts)


def test_alone_missing_and_carried_per_article():
    view = coverage(_story(), _articles())
    by_article = {o.article: o for o in view.outlets}
    assert by_article["a"].facts == ["f1", "f3", "f5"]
    assert by_article["a"].alone == ["f3"] and by_article["c"].alone == ["f4"]
    assert by_article["a"].missing == ["f2"]
    assert by_article["b"].missing == ["f5"]
    assert by_article["c"].missing == []
    assert by_article["b"].alone == []


def test_one_other_outlet_is_no_majority_to_leave_out():
    story = Story(id="s", title="t", articles=["a", "b"],
                  facts=[_fact("f1", "single", "b"), _fact("f2", "agreed", "a", "b")])
    view = coverage(story, _articles())
    assert [o.missing for o in view.outlets] == [[], []]
    assert view.outlets[1].alone == ["f1"]


def test_publication_order_and_undated_articles():
    view = coverage(_story(("a", "b", "c", "d")), _articles())
    ranks = {o.article: o.rank for o in view.outlets}
    assert ranks == {"b": 1, "a": 2, "c": 3, "d": None}


def test_same_outlet_twice_is_not_its_own_majority():
    story = Story(id="s", title="t", articles=["a", "b", "c", "d"],
                  facts=[_fact("f1", "agreed", "a", "d")])
    view = coverage(story, _articles())
    assert all(o.missing == [] for o in view.outlets)  # only Daily Harbour carries it


def test_outlet_metadata_csv_gives_distributions(tmp_path):
    path = tmp_path / "outlets.csv"
    path.write_text("outlet,country,lean\nDaily Harbour,NL,centre\ncoastnews.example,BE,left\n",
                    encoding="utf-8")
    meta = load_outlet_meta(path)
    view = coverage(_story(), _articles(), meta)
    by_article = {o.article: o for o in view.outlets}
    assert (by_article["a"].country, by_article["a"].lean) == ("NL", "centre")
    assert by_article["b"].country == "BE"  # matched on the URL's host
    assert view.countries == {"NL": 1, "BE": 1, "unknown": 1}
    assert view.leans == {"centre": 1, "left": 1, "unknown": 1}


def test_without_metadata_there_is_no_distribution():
    view = coverage(_story(), _articles())
    assert view.countries == {} and view.leans == {}


def test_rendered_section_lists_outlets_in_publication_order_and_escapes():
    story = _story()
    articles = _articles()
    articles["b"] = articles["b"].model_copy(update={"outlet": "Coast <News>"})
    story.coverage = coverage(story, articles)
    markdown = coverage_markdown(story)
    assert markdown.startswith("## Coverage")
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "Outlet" not in line]
    assert [row.split("|")[2].strip() for row in rows] == [
        "Coast \\<News\\>", "Daily Harbour", "River Post"]
    html = coverage_html(story)
    assert "Coast &lt;News&gt;" in html and "<News>" not in html
    assert coverage_markdown(Story(id="s", title="t", articles=[])) == ""


def test_outlet_metadata_csv_errors_name_the_file(tmp_path):
    with pytest.raises(InputError, match="missing.csv"):
        load_outlet_meta(tmp_path / "missing.csv")
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("name,country\nValley Times,UK\n", encoding="utf-8")
    with pytest.raises(InputError, match="'outlet' column"):
        load_outlet_meta(wrong)
