"""Main content of an HTML page: the fast recall run of trafilatura, then the markup rules, none of
which may remove most of what was extracted."""

from __future__ import annotations

import lxml.html
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


def test_a_hover_card_inside_a_sentence_is_not_written_into_it():
    # A person's pop-up card (photo, name, latest stories) sits inside the running text; the
    # browser shows it on hover only, trafilatura would write its links into the sentence.
    card = (
        '<span class="person"><a href="/people/ann-lee">Ann Lee</a><span class="card">'
        '<span><img src="/ann.jpg"><a href="/people/ann-lee">Ann Lee</a>'
        '<a href="/s/2">Council votes on the harbour budget</a> '
        '<a href="/s/3">Ferry fares to rise in spring</a></span></span></span>'
    )
    first = (f"<p>The library board, chaired by councillor {card} (Independent), approved the "
             "Sunday opening on Monday.</p>")
    html = page(f'<div class="story">{first}{paragraphs(STORY[1:])}</div>')
    tree = parse(html)
    before = lxml.html.tostring(tree)
    kept = main_paragraphs(tree, None)
    assert kept[0] == ("The library board, chaired by councillor Ann Lee (Independent), approved "
                       "the Sunday opening on Monday.")
    assert kept[1:] == STORY[1:]
    assert lxml.html.tostring(tree) == before  # the cards are dropped from a copy


def test_an_image_with_links_that_is_the_whole_paragraph_is_no_hover_card():
    # A photo paragraph with its credit links has no running text around it: not a card.
    tree = parse(
        '<html><body><p><span><img src="/a.jpg"><a href="/p">Photo</a> '
        '<a href="/c">Agency</a></span></p></body></html>'
    )
    assert html_main.popup_cards(tree) == []


def test_the_h1_headline_variant_is_not_body():
    # "Headline | Section": not the <title>, so only its <h1> says it is the headline.
    html = (
        "<html><head><title>Library to open on Sundays</title></head><body><article>"
        f"<h1>Library to open on Sundays | Local news</h1>{paragraphs(STORY)}"
        "</article></body></html>"
    )
    assert main_paragraphs(parse(html), None) == STORY


@pytest.mark.parametrize("label", [
    "READ MORE: Council budget for libraries rises again",
    "Related: Museums to open late on Fridays",
    "DON'T MISS",
    "Most read in local news",
    "You may also like...",
    "Updated at 4:05 p.m.",
    "3 min read",
    "Also: Museum hours for the holidays",
    "Advertisement",
])
def test_teaser_and_section_labels_are_furniture(label):
    assert html_main.is_label(label)


@pytest.mark.parametrize("sentence", [
    "Related costs rose by a fifth, the council said.",
    "More than 2,000 readers answered the survey.",
    "Updated figures will be published next week, the library said.",
    "Watch the video for the full speech.",  # a sentence, not a "WATCH:" teaser lead
])
def test_sentences_that_start_like_labels_are_body(sentence):
    assert not html_main.is_label(sentence)


def test_calls_to_the_reader_are_dropped_only_at_the_end():
    inside = ("Readers can sign up for the Sunday story hour at any branch desk, the council "
              "said, and places will be given in the order people ask.")
    story = [*STORY[:2], inside, *STORY[2:]]
    tail = [
        "Have a tip? Jo Park may be reached at jpark@example.com. Follow her on Twitter @jopark.",
        "Get the latest local news in your inbox. Subscribe to our newsletters.",
        "Filed under: Libraries |",
    ]
    dropped = html_main.wording_furniture(story + tail)
    assert dropped == [False] * len(story) + [True] * len(tail)


def test_the_introduction_and_sign_off_of_a_list_article_are_in_its_container():
    # Most words are in the list, yet the list is part of the article, not the article.
    points = [f"Point {n}: the branch at {town} will open on Sundays from ten until four, with "
              "a story hour for children at noon and a study room for students."
              for n, town in enumerate(["Ashby", "Bexley", "Colby", "Dunham", "Easton"], 1)]
    intro = "Good morning! These are the library changes you need to know this week."
    outro = "Have a question about opening hours? Ask at any branch desk or call the council."
    items = "".join(f"<li>{point}</li>" for point in points)
    html = page(f'<div class="story"><p>{intro}</p><ol>{items}</ol><p>{outro}</p></div>')
    kept = main_paragraphs(parse(html), None)
    assert kept[0] == intro and kept[-1] == outro


def test_a_box_of_latest_stories_with_teasers_is_dropped():
    # Each item is a linked headline and an unlinked teaser: under the link-share limit, but
    # its box's class names it.
    items = "".join(
        f'<li><div class="latest-box-item"><a href="/s/{n}">{headline}</a> {teaser}</div></li>'
        for n, (headline, teaser) in enumerate([
            ("Museum night draws record crowd", "Over four thousand visitors came after dark "
             "to see the new galleries and the rooftop show."),
            ("Bridge repairs to finish early", "Engineers say the last lane will reopen a "
             "week before the date the council first gave."),
            ("School meals get more local food", "Farms within thirty miles will supply "
             "vegetables to every primary school from spring."),
        ])
    )
    html = page(f'<div class="story">{paragraphs(STORY)}<ul class="latest-news-box">{items}'
                "</ul></div>")
    assert any("rooftop show" in p for p in main_paragraphs(parse(html), None, markup=False))
    assert main_paragraphs(parse(html), None) == STORY


def test_a_web_address_written_out_as_a_source_is_body():
    source = "https://www.example.org/reports/library-survey-2024.pdf"
    html = page(f'<div class="story">{paragraphs(STORY[:2])}<p><a href="{source}">{source}</a>'
                f"</p>{paragraphs(STORY[2:])}</div>")
    unrepaired = main_paragraphs(parse(html), None, markup=False)
    assert source in unrepaired  # trafilatura keeps it; the link-list rule must too
    assert main_paragraphs(parse(html), None) == [*STORY[:2], source, *STORY[2:]]
    assert html_main.is_web_address(source) and not html_main.is_web_address(STORY[0])


def test_follow_through_is_no_call_to_follow():
    closing = "Officials said they would follow through on the plan to open on Sundays."
    assert html_main.wording_furniture([*STORY, closing]) == [False] * (len(STORY) + 1)
