"""Repairs of trafilatura's output on written pages: a page's time stamp in any language, a teaser
link with a bracketed tag, a quote with a "Click to tweet" button, the comment policy at the
end of a page."""

from __future__ import annotations

from newsprism.ingest.html import parse
from newsprism.ingest.html_main import is_time_stamp, main_paragraphs

STORY = [
    "The harbour ferry will run every twenty minutes from the first of June, the transport "
    "board said on Tuesday after a winter of complaints about crowded morning crossings.",
    "Two boats that were held in reserve during the refit will return to the route, and the "
    "last crossing of the evening will leave the pier half an hour later than it does now.",
    "The board said the extra sailings would be paid for from the fares of the summer season, "
    "when the ferry carries more than twice as many passengers as it does in January.",
    "Crews were consulted on the new timetable, which will be reviewed at the end of the "
    "summer once the board has counted how many passengers use the later crossings.",
]


def page(article: str, head: str = "") -> str:
    return (
        f"<html><head><title>Harbour ferry to run more often</title>{head}</head><body>"
        '<div class="menu"><a href="/">Home</a> <a href="/city">City</a></div>'
        f"<article>{article}</article>"
        '<div class="footer"><p>Contact the newsroom</p></div></body></html>'
    )


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_a_time_stamp_in_any_language_is_not_body():
    assert is_time_stamp("quinta-feira, 3 de março de 2011 às 09:41")
    assert is_time_stamp("Dienstag, 19.11.2019, 14:05 Uhr")
    assert is_time_stamp("Nov. 19, 2019 at 9:02 a.m.")
    # A sentence or a heading with a time and a year is news, not a stamp.
    assert not is_time_stamp("The polls close at 20:00 on 5 May 2024.")
    assert not is_time_stamp("Temperatures hit 30C by 14:00 in 2019 records")
    stamp = "sábado, 14 de março de 2020 às 09:41"
    html = page(paragraphs(STORY[:2] + [stamp] + STORY[2:]))
    assert main_paragraphs(parse(html), None) == STORY


def test_a_teaser_link_with_a_bracketed_tag_is_a_link_list():
    teaser = '<p><a href="/city/bridge">Bridge repairs delayed until the autumn</a> [VIDEO]</p>'
    html = page(paragraphs(STORY[:2]) + teaser + paragraphs(STORY[2:]))
    assert any("Bridge repairs" in p for p in main_paragraphs(parse(html), None, markup=False))
    assert main_paragraphs(parse(html), None) == STORY


def test_a_quote_with_a_tweet_button_is_kept_without_the_button():
    quote = "A ferry that runs on time is worth more than a faster one that does not."
    # As a sharing plugin writes it: a link around the quote and its button, between paragraphs.
    box = (
        '<a class="share-quote" href="https://twitter.com/share?text=x">'
        f"<span>{quote}</span><span>Click To Tweet</span></a>"
    )
    html = page(f'<div class="entry">{paragraphs(STORY[:2])}{box}{paragraphs(STORY[2:])}</div>')
    assert any("Click To Tweet" in p for p in main_paragraphs(parse(html), None, markup=False))
    kept = main_paragraphs(parse(html), None)
    assert quote in kept
    assert not any("Click To Tweet" in p for p in kept)


def test_the_comment_policy_that_ends_a_page_is_not_body():
    for notice in [
        "Aviso: comentários com insultos não serão aprovados pelo moderador do site.",
        "Please note: comments are moderated and may take a day to appear.",
    ]:
        html = page(paragraphs(STORY + [notice]))
        assert main_paragraphs(parse(html), None) == STORY


def test_a_closing_sentence_about_comment_and_approval_is_news():
    closing = (
        "The board did not respond to a request for comment, and the timetable must still be "
        "approved by the city council."
    )
    html = page(paragraphs(STORY + [closing]))
    assert main_paragraphs(parse(html), None) == STORY + [closing]


def test_the_comment_policy_is_read_in_other_languages():
    for notice in [
        "Les commentaires sont modérés avant publication.",
        "Kommentare werden erst nach Prüfung freigeschaltet.",
        "Los comentarios ofensivos no serán aprobados.",
    ]:
        html = page(paragraphs(STORY + [notice]))
        assert main_paragraphs(parse(html), None) == STORY
