"""Markup evidence for HTML extraction: words tied to their elements, the main container, and the
repairs it allows (link lists, promotion boxes and headline blocks dropped; body kept)."""

from __future__ import annotations

import lxml.html

from newsprism.ingest import dom
from newsprism.ingest.html import from_html, parse
from newsprism.ingest.html_main import RULES, main_paragraphs

BODY = [
    "The harbour board approved the new ferry timetable on Thursday after a long public "
    "consultation that drew more than two thousand written responses from residents.",
    "Under the plan, boats will leave every twenty minutes at peak times, and the last "
    "crossing of the night will move from eleven o'clock to a quarter past midnight.",
    "Board members said the change would cost little because two vessels now idle in the "
    "winter months could be brought back into service without new crews.",
    "Residents of the island welcomed the decision, although several asked the board to "
    "keep the cheaper early-morning fare that commuters rely on to reach the mainland.",
]


def news_page() -> str:
    first, second = (
        "".join(f"<p>{sentence}</p>" for sentence in part) for part in (BODY[:2], BODY[2:])
    )
    related = (
        '<p>Related: <a href="/story/1">Ferry operator reports record summer passenger numbers '
        "across the whole network</a></p><ul>"
        + "".join(f'<li><a href="/story/{n}">Island ferry story number {n} of the week</a></li>'
                  for n in range(2, 5))
        + "</ul>"
    )
    promo = (
        '<div class="promo-unit"><h3>The Harbour Briefing</h3><p>Get the morning briefing '
        "delivered to your inbox every weekday before seven, with the day's main stories.</p></div>"
    )
    return (
        "<html><head><title>Harbour board approves late ferries</title></head><body>"
        '<div class="masthead"><h1>Harbour board approves late ferries</h1></div>'
        f'<article><div class="story-body">{first}{related}{promo}{second}'
        "</div></article></body></html>"
    )


def test_words_keep_their_block_and_link_state():
    tree = lxml.html.fromstring(
        "<html><body><div>Intro <p><span>H</span>arbour news <a href='x'>read here</a>.</p>"
        "after<br>break</div></body></html>"
    )
    page = dom.read_page(tree)
    assert page.stream == " intro harbour news read here after break "
    assert [owner.tag for owner in page.owners] == ["div", "p", "p", "p", "p", "div", "div"]
    assert page.in_link == [False, False, False, True, True, False, False]
    assert page.locate("Harbour news read here.") == (1, 5)
    assert page.locate("after") == (5, 6)
    assert page.locate("not on the page") is None


def test_hidden_elements_are_skipped_and_their_tails_kept():
    tree = lxml.html.fromstring(
        "<html><body><div>Intro<script>var x;</script> after <!-- note -->more"
        "<p>a<style>p {}</style>b</p></div></body></html>"
    )
    assert dom.read_page(tree).stream == " intro after more ab "


def test_locate_prefers_the_match_after_the_previous_paragraph():
    tree = lxml.html.fromstring("<html><body><p>same words</p><p>other</p><p>same words</p>")
    page = dom.read_page(tree)
    assert page.locate("same words") == (0, 2)
    assert page.locate("same words", after=3) == (3, 5)


def test_main_container_holds_most_extracted_words():
    tree = parse(news_page())
    placements = dom.place(dom.read_page(tree), ["Harbour board approves late ferries", *BODY])
    assert placements[0].in_container is False  # the masthead headline
    assert all(where.in_container for where in placements[1:])
    assert all(where.link_share == 0 for where in placements)


def test_markup_rules_drop_links_promotions_and_headline_blocks():
    tree = parse(news_page())
    kept = main_paragraphs(tree, None)
    assert kept == BODY  # every body paragraph stays, nothing else does
    unrepaired = main_paragraphs(parse(news_page()), None, markup=False)
    assert any("record summer" in p for p in unrepaired)  # trafilatura alone kept them
    assert any("Island ferry story" in p for p in unrepaired)
    assert any("morning briefing" in p for p in unrepaired)


def keeps(where: dom.Placement) -> bool:
    return not (where.found and any(rule(where) for rule in RULES.values()))


def test_placement_rules():
    assert keeps(dom.Placement(found=False))
    assert keeps(dom.Placement(found=True, link_share=0.2, in_container=True))
    assert keeps(dom.Placement(found=True, in_container=None))  # no container: no evidence
    assert not keeps(dom.Placement(found=True, link_share=1.0, in_container=True))
    assert not keeps(dom.Placement(found=True, in_container=False))
    assert not keeps(dom.Placement(found=True, in_container=True, cues=frozenset({"promo"})))


def test_table_rows_extracted_from_html_stay_body():
    rows = "".join(
        f"<tr><td>{n}</td><td>Crossing {n}</td><td>{20 + n} minutes</td></tr>" for n in range(1, 6)
    )
    html = news_page().replace("</div></article>", f"<table>{rows}</table></div></article>")
    article = from_html(html, "timetable")
    body = [article.span_text(p) for p in article.paragraphs if p.role == "body"]
    assert any("Crossing 3" in line for line in body)
    assert article.title_text == "Harbour board approves late ferries"
    assert not any(line == article.title_text for line in body)


def test_a_page_of_links_only_keeps_its_links():
    links = "".join(
        f'<p><a href="/s/{n}">Harbour story {n}: the ferry timetable changes explained in '
        "full for island commuters</a></p>"
        for n in range(6)
    )
    html = f"<html><body><article>{links}</article></body></html>"
    kept = main_paragraphs(parse(html), None)
    assert kept == main_paragraphs(parse(html), None, markup=False)
    assert kept and all("Harbour story" in p for p in kept)


def test_invisible_characters_do_not_split_words():
    html = "<html><body><p>Die Not\u00adfall\u00addaten sind da.</p></body></html>"
    page = dom.read_page(parse(html))
    assert page.stream == " die notfalldaten sind da "
    assert page.locate("Die Notfalldaten sind da.") == (0, 4)


def test_extraction_leaves_the_parsed_page_as_it_was():
    # main_paragraphs hands trafilatura the tree without copying it first: trafilatura (2.x)
    # works on its own copy, and the markup rules then read the same, unpruned page.
    tree = parse(news_page())
    before = lxml.html.tostring(tree)
    main_paragraphs(tree, None)
    assert lxml.html.tostring(tree) == before
