"""Main content of an HTML page: the fast recall run of trafilatura, then the markup rules, none of
which may remove most of what was extracted."""

from __future__ import annotations

import pytest

from newsprism.ingest import html_main
from newsprism.ingest.dom import Placement, read_page
from newsprism.ingest.html import from_html, parse
from newsprism.ingest.html_main import furniture, main_paragraphs, with_embeds

STORY = [
    "The county library will open on Sundays from next month, the council announced on "
    "Monday after a survey found that most readers could not visit during the working week.",
    "Opening hours on Sundays will run from ten in the morning until four in the afternoon, "
    "and the children's reading room will host a storytelling session at noon.",
    "The council said the extra day would be paid for by closing the branch an hour earlier "
    "on Wednesdays, when the survey recorded the fewest visitors of the week.",
    "Library staff, who were consulted on the change, will work the Sunday shifts on a "
    "voluntary rota and receive a day off in lieu for each shift they take on.",
]


def page(body: str) -> str:
    return (
        "<html><head><title>Library to open on Sundays</title></head><body>"
        '<div class="masthead"><h1>Library to open on Sundays</h1></div>'
        f"<article>{body}</article></body></html>"
    )


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_links_promotions_and_headline_block_are_dropped():
    related = (
        '<p>Related: <a href="/s/1">Council budget for libraries and museums rises for the '
        "third year running</a></p>"
    )
    promo = (
        '<div class="promo-unit"><p>Sign up for the weekly library letter with new '
        "arrivals, reading groups and events sent to your inbox every Friday.</p></div>"
    )
    html = page(
        f'<div class="story">{paragraphs(STORY[:2])}{related}{promo}{paragraphs(STORY[2:])}</div>'
    )
    unrepaired = main_paragraphs(parse(html), None, markup=False)
    assert any("budget for libraries" in p for p in unrepaired)  # trafilatura alone keeps them
    assert any("weekly library letter" in p for p in unrepaired)
    assert main_paragraphs(parse(html), None) == STORY


def test_a_rule_never_removes_most_of_the_article():
    # The larger part of the story sits in a wrapper whose class name reads like a paywall box:
    # dropping it would leave a quarter of the article, so the rule stands down on this page.
    html = page(
        f'<div class="story">{paragraphs(STORY[:1])}</div>'
        f'<div class="subscriber-content">{paragraphs(STORY[1:])}</div>'
    )
    assert main_paragraphs(parse(html), None) == STORY
    article = from_html(html, "library")
    body = [article.span_text(p) for p in article.paragraphs if p.role == "body"]
    assert body == STORY


def test_furniture_applies_a_rule_only_below_the_share_limit():
    texts = ["one two three four five six seven eight", "nine ten", "eleven twelve thirteen"]
    body = Placement(found=True, in_container=True)
    boxed = Placement(found=True, in_container=True, cues=frozenset({"promo"}))
    rules = {"promotion box": html_main.RULES["promotion box"]}
    assert furniture(texts, [body, boxed, body], rules) == [False, True, False]
    # 8 of 13 words in boxes: more than half, so none is dropped.
    assert furniture(texts, [boxed, body, body], rules) == [False, False, False]
    # A paragraph not found in the markup is never dropped.
    missing = Placement(found=False)
    assert furniture(texts, [body, missing, body], html_main.RULES) == [False, False, False]


def test_the_fallback_run_is_made_only_when_the_main_run_finds_nothing(monkeypatch):
    calls: list[dict[str, bool]] = []

    def fake_run(tree, url, **setting):
        calls.append(setting)
        return [] if setting == html_main.MAIN_RUN else ["From the fallback run."]

    monkeypatch.setattr(html_main, "run_paragraphs", fake_run)
    assert html_main.candidate_paragraphs(None, None) == ["From the fallback run."]
    assert calls == [html_main.MAIN_RUN, html_main.FALLBACK_RUN]


@pytest.mark.parametrize("markup", [True, False])
def test_an_empty_page_gives_no_paragraphs(markup):
    assert main_paragraphs(parse("<html><body><p></p></body></html>"), None, markup=markup) == []


def test_an_embedded_post_dropped_by_trafilatura_is_put_back_in_place():
    # trafilatura takes a "social" wrapper for share buttons and drops the post with it.
    tweet = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">'
        "Sundays at the library at last! "
        'Bringing the kids to the noon story hour <a href="https://t.co/x">pic.twitter.com/x</a>'
        "</p>&mdash; A Reader (@a_reader) <a href=\"https://twitter.com/x\">May 2, 2024</a>"
        "</blockquote></div>"
    )
    html = page(f'<div class="story">{paragraphs(STORY[:2])}{tweet}{paragraphs(STORY[2:])}</div>')
    unrepaired = main_paragraphs(parse(html), None, markup=False)
    assert not any("noon story hour" in p for p in unrepaired)
    kept = main_paragraphs(parse(html), None)
    assert kept[:2] == STORY[:2] and kept[-2:] == STORY[2:]
    assert kept[2].startswith("Sundays at the library at last!")
    assert kept[3] == "— A Reader (@a_reader) May 2, 2024"


def test_an_embedded_post_outside_the_article_stays_out():
    tweet = (
        '<blockquote class="twitter-tweet"><p>Our opening hours for the holidays are now '
        "online, check before you travel to any branch</p>&mdash; County Libraries</blockquote>"
    )
    html = page(f'<div class="story">{paragraphs(STORY)}</div><aside>{tweet}</aside>')
    assert main_paragraphs(parse(html), None) == STORY


def test_only_the_lines_of_a_post_trafilatura_dropped_are_put_back():
    tweet = (
        '<blockquote class="twitter-tweet"><p>Story hour at noon on Sundays, see you there</p>'
        "&mdash; County Libraries (@libraries) May 2, 2024</blockquote>"
    )
    html = page(f'<div class="story">{paragraphs(STORY[:2])}{tweet}{paragraphs(STORY[2:])}</div>')
    tree = parse(html)
    kept = [*STORY[:2], "Story hour at noon on Sundays, see you there", *STORY[2:]]
    assert with_embeds(tree, read_page(tree), kept) == [
        *kept[:3], "— County Libraries (@libraries) May 2, 2024", *STORY[2:]
    ]
