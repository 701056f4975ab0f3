"""Main-content extraction: the benchmark metric, page text, run merging, line model, metadata."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsprism.errors import InputError
from newsprism.ingest import from_html, from_text, lineroles
from newsprism.ingest.evaluation import (
    Page,
    average,
    in_gold,
    score_page,
    shingle_labels,
    shingles,
    split_halves,
    visible_text,
)
from newsprism.ingest.html import parse
from newsprism.ingest.jobs import extract_pages
from newsprism.ingest.metadata import find_dates, page_metadata

PARAGRAPHS = [
    "The county council voted on Tuesday to close the old swimming baths on Mill Lane after "
    "engineers found cracks in the roof beams that could not be repaired safely.",
    "Councillors said a new leisure centre would open on the same site within three years, "
    "paid for by the sale of land next to the railway station.",
    '"Nobody wanted this outcome, but the safety of swimmers has to come first," the council '
    "leader, Priya Raman, told the meeting, which ran for more than four hours.",
    "Residents who hold annual passes will be offered places at two pools in neighbouring towns "
    "until the new centre opens, with a free bus running twice a day.",
]
HEADLINE = "Council votes to close Victorian swimming baths"


def page_html(extra_head: str = "", after_article: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<html lang="en-GB"><head><title>{HEADLINE} | Millbrook Echo</title>{extra_head}</head>'
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<article><h1>{HEADLINE}</h1>{body}</article>{after_article}"
        "<footer><p>© 2024 Millbrook Echo. All rights reserved.</p></footer></body></html>"
    )


# --- the metric -----------------------------------------------------------------------------


def test_identical_texts_score_one_and_disjoint_texts_zero():
    text = " ".join(PARAGRAPHS)
    same = score_page(text, text)
    assert (same.precision, same.recall) == (1.0, 1.0)
    other = score_page("completely unrelated words about a football match tonight", text)
    assert other.precision == 0.0 and other.recall == 0.0


def test_scores_are_normalised_per_page_and_averaged():
    gold = "a b c d e f"  # shingles: abcd bcde cdef
    half = score_page("a b c d e", gold)  # abcd bcde: 2 true, 0 false, 1 missed
    assert half.tp == pytest.approx(2 / 3) and half.fn == pytest.approx(1 / 3)
    assert half.precision == 1.0 and half.recall == pytest.approx(2 / 3)
    empty = score_page("", gold)
    total = average([half, empty])
    assert total.precision == pytest.approx(0.5) and total.recall == pytest.approx(1 / 3)
    assert total.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))


def test_shingles_count_repeats():
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2
    assert shingles("two words") == {("two", "words"): 1}


def test_split_is_fixed_even_and_odd_positions_of_sorted_ids():
    pages = [Page(id, "", "", None) for id in ["d", "a", "c", "b", "e"]]
    fit, held = split_halves(pages)
    assert [p.id for p in fit] == ["a", "c", "e"] and [p.id for p in held] == ["b", "d"]


def test_in_gold_needs_the_whole_line_in_order():
    gold = "The mayor said the bridge would reopen. Traffic will be light."
    assert in_gold(["the bridge would reopen", "bridge the reopen"], gold) == [True, False]


def test_shingle_labels_count_a_copied_paragraph_once():
    gold = "The mayor said the bridge would reopen in May after repairs to its northern span."
    lines = [
        "Home News Sport",
        "The mayor said the bridge would reopen in May after repairs to its northern span.",
        "The mayor said the bridge would reopen in May after repairs to its northern span.",
    ]
    assert shingle_labels(lines, gold) == [False, True, False]


# --- the page as copied text ----------------------------------------------------------------


def test_visible_text_reads_a_page_without_charset_as_the_text_it_is():
    # No <meta charset>: the decoded page must not be re-read as Latin-1 bytes (mojibake).
    html = "<html><body><p>Сегодня в Москве идёт снег.</p><p>서울은 맑음.</p></body></html>"
    assert visible_text(html).split("\n") == ["Сегодня в Москве идёт снег.", "서울은 맑음."]



def test_visible_text_one_block_per_line_without_scripts():
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body><div>Menu <b>bold</b> item"
        "</div><script>var x = 1;</script><p>First <a href='#'>linked</a> paragraph.</p>"
        "<ul><li>One</li><li>Two</li></ul><noscript>Enable JS</noscript>tail</body></html>"
    )
    assert visible_text(html).split("\n") == [
        "Menu bold item", "First linked paragraph.", "One", "Two", "tail",
    ]


# --- two runs merged, and the line model ----------------------------------------------------


def test_line_features_and_context_have_fixed_widths():
    lines = ["Home", "News", PARAGRAPHS[0], PARAGRAPHS[1], "3 comments", "Great read!"]
    plain = lineroles.line_features(lines)
    assert plain.shape == (6, len(lineroles.FEATURE_NAMES))
    with_rules = lineroles.line_features(lines, ["content"] * 6)
    assert with_rules.shape == (6, len(lineroles.FEATURE_NAMES) + len(lineroles.RULE_FEATURES))
    after_comments = lineroles.FEATURE_NAMES.index("after_comment_heading")
    assert plain[:, after_comments].tolist() == [0, 0, 0, 0, 0, 1]
    context = lineroles.context_features(np.array([1.0, 1.0, 0.0, 0.0]))
    assert context.shape == (4, len(lineroles.CONTEXT_FEATURES))
    assert context[0, 0] == 1.0 and context[3, 0] == 0.0  # the one neighbour either side


def test_shipped_weights_match_the_features():
    width = (len(lineroles.FEATURE_NAMES) + len(lineroles.RULE_FEATURES)
             + len(lineroles.PAGE_FEATURES))
    first, second = lineroles.load_model("text"), lineroles.load_model("text_context")
    assert first is not None and second is not None
    assert len(first.weights) == width
    assert len(second.weights) == width + len(lineroles.CONTEXT_FEATURES)
    assert 0.0 < second.threshold < 1.0


# --- from_html -------------------------------------------------------------------------------


def test_from_html_keeps_the_article_and_drops_the_page_chrome():
    comments = (
        "<section><h3>3 thoughts on this story</h3><p>I used to swim there every Sunday as a "
        "child, such a shame to see it go.</p><p>About time, it has been falling apart.</p>"
        "</section>"
    )
    article = from_html(page_html(after_article=comments), "baths", url="https://millbrook.example/a")
    body = [article.span_text(p) for p in article.body]
    assert body == PARAGRAPHS
    assert article.title_text == HEADLINE
    assert article.outlet == "millbrook.example"
    assert article.language == "en"


def test_extract_pages_matches_from_html_and_keeps_errors_in_place():
    good = {"html": page_html(), "id": "good", "url": "https://millbrook.example/a"}
    bad = {"html": "<html><body><nav><a href='/'>Home</a></nav></body></html>", "id": "bad"}
    results = extract_pages([good, bad, good] * 3, workers=2)  # 9 pages: pooled
    assert isinstance(results[1], InputError) and "no article text" in results[1].problem
    single = from_html(**good)
    assert [r.text for r in results[0::3] + results[2::3]] == [single.text] * 6
    assert all(isinstance(r, InputError) for r in results[1::3])


# --- metadata --------------------------------------------------------------------------------


def test_json_ld_metadata_with_two_authors_and_a_time_zone():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Millbrook Echo"},
            {
                "@type": "NewsArticle", "headline": HEADLINE,
                "datePublished": "2024-03-05T18:40:00+00:00",
                "author": [{"@type": "Person", "name": "Tom Okafor"}, {"name": "Ana Ruiz"}],
                "publisher": {"@type": "Organization", "name": "Millbrook Echo"},
            },
        ],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<link rel="canonical" href="https://www.millbrook.example/news/baths">'
    )
    meta = page_metadata(parse(page_html(extra_head=head)))
    assert meta.title == HEADLINE
    assert meta.authors == ("Tom Okafor", "Ana Ruiz") and meta.author == "Tom Okafor, Ana Ruiz"
    assert meta.published == "2024-03-05" and meta.published_precision == "minute"
    assert meta.published_time == "2024-03-05T18:40:00+00:00"
    assert meta.canonical_url == "https://www.millbrook.example/news/baths"
    assert meta.outlet == "millbrook.example" and meta.site_name == "Millbrook Echo"
    assert meta.language == "en"
    article = from_html(page_html(extra_head=head), "ld")
    assert article.url == meta.canonical_url and article.author == "Tom Okafor, Ana Ruiz"


def test_meta_tag_metadata_and_a_date_without_time():
    head = (
        '<meta name="author" content="By Lena Fischer and Paul Grant">'
        '<meta property="article:published_time" content="2023-11-02T00:00:00">'
        '<meta property="og:site_name" content="Millbrook Echo">'
    )
    meta = page_metadata(parse(page_html(extra_head=head)), "https://m.millbrook.example/x")
    assert meta.title == HEADLINE  # "| Millbrook Echo" cut from <title>
    assert meta.authors == ("Lena Fischer", "Paul Grant")
    assert (meta.published, meta.published_precision) == ("2023-11-02", "day")
    assert meta.outlet == "millbrook.example"


@pytest.mark.parametrize(
    ("written", "iso", "precision"),
    [
        ("Posted Sept. 3rd, 2020 at 5.30 p.m.", "2020-09-03T17:30", "minute"),
        ("14th of February 2019", "2019-02-14", "day"),
        ("Updated 12 June 2022, 12:05 am", "2022-06-12T00:05", "minute"),
        ("May 2020", "2020-05", "month"),
    ],
)
def test_written_dates(written: str, iso: str, precision: str):
    found = find_dates(written)
    assert [(d.iso, d.precision) for d in found] == [(iso, precision)]


def test_impossible_dates_are_not_dates():
    assert find_dates("Feb 30, 2020") == []


# --- from_text on a copied page ---------------------------------------------------------------


def test_copied_page_keeps_the_article_and_drops_menus_and_comments():
    menu = ["Home", "News", "Sport", "Business", "Weather", "Opinion", "Sign in"]
    comments = ["12 comments", "Jo Bloggs", "Shame, I learnt to swim there.", "Reply"]
    related = ["More from News", "Town hall plans new car park", "Library reopens after floods"]
    lines = [*menu, HEADLINE, *PARAGRAPHS, *related, *comments, "© 2024 Millbrook Echo"]
    article = from_text("\n".join(lines) + "\n", "copied")
    body = [article.span_text(p) for p in article.body]
    assert body[: len(PARAGRAPHS)] == PARAGRAPHS or all(p in body for p in PARAGRAPHS)
    assert article.title_text == HEADLINE
    assert not any(line in body for line in menu + comments[:2] + related[:1])


def test_main_block_is_the_run_of_prose_between_menus_and_footer():
    menu = ["Home", "News", "Sport", "Business", "Weather"]
    footer = ["About us", "Contact", "Privacy policy", "Terms of use"]
    lines = [*menu, HEADLINE, *PARAGRAPHS, *footer]
    assert lineroles.main_block(lines) == (6, 5 + len(PARAGRAPHS))
    features = lineroles.page_features(lines, title=5)
    assert features.shape == (len(lines), len(lineroles.PAGE_FEATURES))
    inside = lineroles.PAGE_FEATURES.index("in_main_block")
    before_title = lineroles.PAGE_FEATURES.index("before_title")
    assert features[:, inside].tolist() == [0.0] * 6 + [1.0] * len(PARAGRAPHS) + [0.0] * 4
    assert features[:, before_title].tolist() == [1.0] * 5 + [0.0] * (len(lines) - 5)


def test_line_size_counts_unspaced_scripts():
    assert lineroles.line_size("Three plain words") == 3
    assert lineroles.line_size("東京都は今日雨が降りました") >= 6


def test_a_second_copy_of_a_paragraph_is_boilerplate_and_the_first_stays():
    lines = [HEADLINE, *PARAGRAPHS, *PARAGRAPHS[:2]]
    article = from_text("\n".join(lines), "copies")
    body = [article.span_text(p) for p in article.body]
    assert body == PARAGRAPHS
    assert all(article.span_text(b) in PARAGRAPHS for b in article.boilerplate
               if b.kind == "other")
