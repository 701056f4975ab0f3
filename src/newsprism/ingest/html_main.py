"""Main content of a page: one fast trafilatura run that keeps everything article-like, then the
markup says which of its paragraphs are page furniture.

Why this run: choosing paragraphs perfectly (an oracle) from trafilatura's ``favor_recall`` run
without its fallback extractors (``fast``) would reach F1 0.993 on the extraction benchmark's fit
half (0.982 held-out), from its ``favor_precision`` run 0.990 (0.972): what the precise run drops,
no choice of paragraphs brings back. The fast recall run also costs half the CPU of the precise
one, which runs the fallbacks. What it keeps too much of (related-article lists, newsletter
pitches, headline blocks) is what the markup rules below remove.

Before the run, pop-up cards written inside running text (a person's hover card: photo, name,
latest headlines) are cut from a copy of the page (:func:`popup_cards`), or trafilatura writes
their links into the middle of the sentence.

The markup rules (:mod:`newsprism.ingest.dom`, one pass over the page) drop a paragraph that is
nearly all link text (unless it is a written-out web address, a cited source, or a quote offered
for sharing with a "Click to tweet" button; a teaser's bracketed tag, "[VIDEO]", counts with its
link), one outside the main container, one inside a promotion box or a box of latest / related
stories, and the page's ``<h1>`` (its headline, or a variant of it). The wording rules
(:func:`wording_furniture`) drop teaser leads, section labels and time stamps in any language
("READ MORE: ...", "Most read in ...", "Updated at 9:15", "quinta-feira, 3 de março de 2011 às
09:41") and the calls to the reader that end a page (follow, subscribe, "have a tip?", "Filed
under:", the comment policy in the page's language). Each rule was kept only if it raised F1 on
the benchmark's fit half (the later ones also had to raise it on the held-out half). A rule
never removes more than :data:`MAX_RULE_SHARE` of the extracted words: a "box" holding most of
what trafilatura found is the article itself (a story whose wrapper class names an offer, a
roundup of linked headlines), and on the fit half no rule ever needed to remove more than a
fifth of a page.

Embedded social posts (``<blockquote class="twitter-tweet">`` and the like) are quoted content of
the article, and the benchmark's gold bodies hold them, but trafilatura drops many: one lying
between the first and last kept paragraph is put back in its place (:func:`with_embeds`).
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable

import trafilatura
from lxml.html import HtmlElement

from newsprism.ingest.dom import (
    PageText,
    Placement,
    locate_all,
    place,
    read_page,
)

_WORD = re.compile(r"\w+")
RUN_SETTINGS = {"include_comments": False, "include_tables": True, "with_metadata": False}
# The main run: keep what looks like article text, skip the fallback extractors (readability,
# jusText), whose only job is to add back what a cautious run dropped.
MAIN_RUN = {"favor_recall": True, "fast": True}
# When the main run finds nothing (a very short page), the full run with fallbacks.
FALLBACK_RUN = {"favor_precision": True}
# A paragraph with more of its words in links than this is a link list or a "Related:" line:
# body paragraphs link a few words, not all of them.
MAX_LINK_SHARE = 0.9
# Class / id cues (see newsprism.ingest.dom.CLASS_CUES) whose paragraphs are never body.
DROPPED_CUES = frozenset({"promo", "teaser"})
# The largest share of a page's extracted words one markup rule may remove (see module doc).
MAX_RULE_SHARE = 0.5

# Page furniture told by its wording. A teaser label heads a link to another story ("READ MORE:
# ...", "Related: ..."); a section label stands alone ("Don't miss", "Most read in sport").
_TEASER_LEAD = re.compile(
    r"^(?:(?:also )?read(?: more| also)?|see (?:more|also)|also|watch|listen|more|related)\s*:",
    re.IGNORECASE)
_SECTION_LABEL = re.compile(
    r"^(?:don'?t miss|most (?:read|popular|viewed|shared)|you (?:may|might) also like"
    r"|explore further|related(?: articles| stories| posts| coverage)?|recommended(?: for you)?"
    r"|(?:tell us|let us know) what you think|more (?:from|on|in|stories)|trending(?: now)?"
    r"|further reading|advertisements?|comments?|\d+ comments?|\d+\s*min(?:ute)?s? read"
    r"|reading time)\b",
    re.IGNORECASE)
# "Updated at 4:05 p.m.", "Posted 3 hours ago": the page's time stamp, not news.
_STAMP = re.compile(r"^(?:last )?(?:updated|published|posted)\b.*\d", re.IGNORECASE)
# A page's time stamp in any language ("quinta-feira, 3 de março de 2011 às 09:41",
# "19.11.2019, 14:05 Uhr"): a year and a clock time, and few other words.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLOCK = re.compile(r"\b\d{1,2}(?::|h)\d\d\b")
_MERIDIEM = re.compile(r"\s*[ap]\.m\.$", re.IGNORECASE)
MAX_STAMP_WORDS = 6
MIN_STAMP_NUMBERS = 4
MAX_STAMP_CHARS = 100
# How a sentence ends (an ellipsis ends a label as often: "You may also like...").
_SENTENCE_END = re.compile(r"(?<!\.)[.!?][\"”’)]*$")
# A label is a short line, not a sentence.
MAX_LABEL_WORDS = 8
# What the end of a page says to its reader rather than about the story: follow, subscribe,
# write in, filed under. Only trailing paragraphs are tested: inside a story the same words
# can be news ("the firm urged customers to sign up").
_CALL_TO_ACTION = re.compile(
    r"\bfollow\b.{0,60}\b(?:twitter|facebook|instagram|youtube|linkedin|tiktok|social media)\b"
    r"|^follow\b|\bsubscribe\b|\bsign up\b"
    r"|\bnewsletters?\b|\bclick here\b|\bhave a (?:news )?tip\b|\b(?:may|can) be reached\b"
    r"|^listen (?:to|live)\b|^(?:filed under|tags?|tagged|categories|category|topics)\s*:",
    re.IGNORECASE)
# The comment policy above the readers' comments, in the page's language ("Comments that ... will
# not be approved by the moderator", "Comentários ... não serão aprovados pelo moderador"): a
# short notice naming comments (plural: "a request for comment" is news) and their moderation.
_COMMENT_POLICY = re.compile(
    r"\b(?:comments|coment[aá]rios|kommentare|commentaires|komentar)\b.{0,120}"
    r"\b(?:moderat|moderad|moderas|moderier|modér|approv|approuv|aprovad|aprobad|freigeschaltet)",
    re.IGNORECASE)
MAX_NOTICE_WORDS = 40

# The button a blogging plugin writes after a sentence it offers for sharing ("... said the
# mayor.Click To Tweet").
_TWEET_BUTTON = re.compile(r"(?<=[.!?\"'”’])\s*click to tweet\s*$", re.IGNORECASE)
# A short bracketed tag that ends a line ("[VIDEO]", "[PICTURES]").
_BRACKETED_TAG = re.compile(r"\[[^\[\]]{1,30}\]\W*$")
# How much of a line's end the two patterns above need to see.
TAIL_CHARS = 40
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Words of running text a paragraph must have besides a pop-up card (see popup_cards).
MIN_RUNNING_WORDS = 5

# Class names of the blockquotes social networks ask sites to embed (a post's text, then a line
# naming its author and date).
_EMBED_CLASS = re.compile(r"tweet|instagram|tiktok|bluesky|mastodon", re.IGNORECASE)

# Each rule says when a located paragraph is page furniture.
RULES: dict[str, Callable[[Placement], bool]] = {
    "link list": lambda where: where.link_share > MAX_LINK_SHARE,
    "outside the main container": lambda where: where.in_container is False,
    "promotion box": lambda where: bool(where.cues & DROPPED_CUES),
    # A page's <h1> is its headline (or a variant of it: "Headline | Section"), never body.
    "headline": lambda where: where.heading == "h1",
}


def run_paragraphs(tree: HtmlElement, url: str | None, **setting: bool) -> list[str]:
    """The non-empty lines of one trafilatura run (it works on its own copy of the tree)."""
    document = trafilatura.bare_extraction(tree, url=url, **RUN_SETTINGS, **setting)
    if document is None or not document.text:
        return []
    return [line.strip() for line in document.text.splitlines() if line.strip()]


def candidate_paragraphs(tree: HtmlElement, url: str | None) -> list[str]:
    """trafilatura's paragraphs before the markup rules."""
    return run_paragraphs(tree, url, **MAIN_RUN) or run_paragraphs(tree, url, **FALLBACK_RUN)


def main_paragraphs(tree: HtmlElement, url: str | None, *, markup: bool = True) -> list[str]:
    """The page's main-content paragraphs; ``markup=False`` skips the markup rules (to measure
    what they add)."""
    if markup:
        tree = without_popup_cards(tree)
    paragraphs = candidate_paragraphs(tree, url)
    if not markup or not paragraphs:
        return paragraphs
    page = read_page(tree)
    placements = [_link_evidence(text, where)
                  for text, where in zip(paragraphs, place(page, paragraphs), strict=True)]
    by_markup = furniture(paragraphs, placements, RULES)
    by_wording = capped(word_counts(paragraphs), wording_furniture(paragraphs))
    article = [p for p, drop in zip(paragraphs, by_markup, strict=True) if not drop]
    kept = [p for p, drop, worded in zip(paragraphs, by_markup, by_wording, strict=True)
            if not (drop or worded)]
    # A page that is all links (a link roundup) is still that page's content. Embedded posts
    # are put back within the article as the markup rules bound it (a call to follow the
    # author after the last post does not move the article's end).
    result = with_embeds(tree, page, kept or paragraphs, frame=article or paragraphs)
    return [without_tweet_button(text) for text in result]


def popup_cards(tree: HtmlElement) -> list[HtmlElement]:
    """Pop-up cards written inside running text: an element within a ``<p>`` that holds a
    picture and two or more links and nothing but link text (a person's hover card: photo, name,
    latest stories). A browser shows it only on hover; trafilatura would write its links into
    the middle of the sentence."""
    cards: list[HtmlElement] = []
    for image in tree.iter("img"):
        # Only pictures inside a paragraph (most are not): the walk up stops at the paragraph.
        paragraph = next(image.iterancestors("p"), None)
        if paragraph is None:
            continue
        card = None
        for element in image.iterancestors():
            if element is paragraph:
                break
            if element.tag != "a" and sum(1 for _ in element.iter("a")) >= 2:
                card = element
                break
        if card is None or card in cards or not _only_links(card):
            continue
        outside = len(_WORD.findall(paragraph.text_content())) - len(
            _WORD.findall(card.text_content()))
        if outside >= MIN_RUNNING_WORDS:
            cards.append(card)
    return cards


def _only_links(element: HtmlElement) -> bool:
    total = len(_WORD.findall(element.text_content()))
    linked = sum(len(_WORD.findall(link.text_content())) for link in element.iter("a"))
    return total > 0 and linked >= MAX_LINK_SHARE * total


def without_popup_cards(tree: HtmlElement) -> HtmlElement:
    """The page without its :func:`popup_cards` (a copy: the caller's tree is left as it was;
    most pages have none and are returned as they are)."""
    if not popup_cards(tree):
        return tree
    tree = copy.deepcopy(tree)
    for card in popup_cards(tree):
        card.drop_tree()  # keeps its tail, the rest of the sentence
    return tree


def _word_key(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def embed_lines(quote: HtmlElement) -> list[str]:
    """An embedded post as lines: each ``<p>`` of it, and the text between them (the author and
    date line) joined into one line."""
    lines: list[str] = []
    loose: list[str] = [quote.text or ""]
    for child in quote:
        if isinstance(child.tag, str) and child.tag == "p":
            lines.append(" ".join(loose))
            lines.append(child.text_content())
            loose = []
        elif isinstance(child.tag, str):
            loose.append(child.text_content())
        loose.append(child.tail or "")
    lines.append(" ".join(loose))
    return [text for text in (" ".join(line.split()) for line in lines) if _WORD.search(text)]


def with_embeds(
    tree: HtmlElement, page: PageText, paragraphs: list[str], frame: list[str] | None = None
) -> list[str]:
    """``paragraphs`` with the embedded posts trafilatura dropped from inside the article (between
    its first and last located paragraph) put back in page order."""
    quotes = [q for q in tree.iter("blockquote") if _EMBED_CLASS.search(q.get("class") or "")]
    if not quotes:
        return paragraphs
    spans = locate_all(page, paragraphs)
    bounds = [span for span in (spans if frame is None else locate_all(page, frame)) if span]
    if not bounds:
        return paragraphs
    first, last = min(span[0] for span in bounds), max(span[1] for span in bounds)
    kept_words = _word_key("\n".join(paragraphs))
    inserts: list[tuple[int, list[str]]] = []
    for quote in quotes:
        # Only the lines trafilatura did not keep (it may keep a post's text, not its author line).
        lines = [line for line in embed_lines(quote) if _word_key(line) not in kept_words]
        inside = set(quote.iter())
        at = next((i for i, owner in enumerate(page.owners) if owner in inside), None)
        if lines and at is not None and first < at < last:
            inserts.append((at, lines))
    result = [(span[0] if span else -1, [text]) for span, text in zip(spans, paragraphs,
                                                                        strict=True)]
    for at, lines in inserts:
        # After the last paragraph starting where the post starts or before (a kept part of the
        # post stays ahead of what is put back; unlocated paragraphs stay in place).
        position = max((i + 1 for i, (start, _) in enumerate(result) if 0 <= start <= at),
                       default=0)
        result.insert(position, (at, lines))
    return [line for _, lines in result for line in lines]


def is_web_address(text: str) -> bool:
    """A paragraph that is one written-out web address: a cited source, written so the reader
    sees where it is (a link list shows titles, not addresses)."""
    return bool(_WEB_ADDRESS.fullmatch(text.strip()))


def _as_text(where: Placement) -> Placement:
    return dataclasses.replace(where, link_share=0.0)


def _link_evidence(text: str, where: Placement) -> Placement:
    """What a paragraph's links say about it. A written-out web address is a cited source, and
    a quote with a "Click to tweet" button is the article's own sentence, linked only to be
    shared: neither is a link list."""
    if is_web_address(text) or has_tweet_button(text):
        return _as_text(where)
    return _without_tag(text, where)


def has_tweet_button(text: str) -> bool:
    # Only a line's end is searched (the regular expression would try every position).
    return bool(_TWEET_BUTTON.search(text[-TAIL_CHARS:]))


def without_tweet_button(text: str) -> str:
    """The paragraph without a "Click To Tweet" button label at its end."""
    if not has_tweet_button(text):
        return text
    return text[: -TAIL_CHARS] + _TWEET_BUTTON.sub("", text[-TAIL_CHARS:])


def _without_tag(text: str, where: Placement) -> Placement:
    """A link to another story often carries a bracketed tag after it ("Minister quits
    [VIDEO]", "Talks collapse [INSIGHT]"), outside the link: its share of links is that of
    the words before the tag."""
    tag = _BRACKETED_TAG.search(text[-TAIL_CHARS:])
    if tag is None or not where.found:
        return where
    words = len(_WORD.findall(text))
    before = words - len(_WORD.findall(tag.group()))
    if before <= 0:
        return where
    return dataclasses.replace(where, link_share=min(1.0, where.link_share * words / before))


def is_label(text: str) -> bool:
    """A teaser lead ("SEE MORE: ...") or a short section label ("Most read in world news",
    "Updated at 9:15")."""
    if _TEASER_LEAD.match(text) or is_time_stamp(text):
        return True
    if len(_WORD.findall(text)) > MAX_LABEL_WORDS:
        return False
    if _STAMP.match(text):
        return True
    return bool(_SECTION_LABEL.match(text)) and not _SENTENCE_END.search(text.rstrip())


def is_time_stamp(text: str) -> bool:
    """A line that is only a date with a year and a clock time, in any language ("quinta-feira,
    3 de março de 2011 às 09:41"): when the page was published, not news. Besides the
    numbers (day, year, hour, minute) only a few words: a weekday, a month, "at"."""
    if len(text) > MAX_STAMP_CHARS:  # most paragraphs: no need to read their words
        return False
    words = _WORD.findall(text)
    numbers = sum(word.isdigit() for word in words)
    return (numbers >= MIN_STAMP_NUMBERS and len(words) - numbers <= MAX_STAMP_WORDS
            and bool(_YEAR.search(text)) and bool(_CLOCK.search(text))
            and not _SENTENCE_END.search(_MERIDIEM.sub("", text.rstrip())))


def is_call_to_reader(text: str) -> bool:
    """A line that speaks to the reader (follow, subscribe, write in) or sets the rules of the
    comments below: page furniture when it ends the page."""
    return bool(_CALL_TO_ACTION.search(text)) or (
        bool(_COMMENT_POLICY.search(text)) and len(_WORD.findall(text)) <= MAX_NOTICE_WORDS)


def wording_furniture(paragraphs: list[str]) -> list[bool]:
    """Whether each paragraph is page furniture by its wording: a label anywhere, a call to the
    reader among the last paragraphs (read back from the end while each is one or a label)."""
    dropped = [is_label(text) for text in paragraphs]
    for i in range(len(paragraphs) - 1, -1, -1):
        if not (dropped[i] or is_call_to_reader(paragraphs[i])):
            break
        dropped[i] = True
    return dropped


def furniture(
    paragraphs: list[str],
    placements: list[Placement],
    rules: dict[str, Callable[[Placement], bool]],
) -> list[bool]:
    """Whether each paragraph is dropped by one of ``rules``. A paragraph trafilatura rewrote
    (not found in the markup) has no evidence against it; a rule that would remove more than
    :data:`MAX_RULE_SHARE` of the words is not applied on that page."""
    sizes = word_counts(paragraphs)
    dropped = [False] * len(paragraphs)
    for applies in rules.values():
        hits = capped(sizes, [where.found and applies(where) for where in placements])
        dropped = [old or hit for old, hit in zip(dropped, hits, strict=True)]
    return dropped


def word_counts(paragraphs: list[str]) -> list[int]:
    return [len(_WORD.findall(text)) for text in paragraphs]


def capped(sizes: list[int], hits: list[bool]) -> list[bool]:
    """``hits``, or none of them when they hold more than :data:`MAX_RULE_SHARE` of the words
    (``sizes``: each paragraph's word count)."""
    if sum(size for size, hit in zip(sizes, hits, strict=True) if hit) > MAX_RULE_SHARE * (
        sum(sizes) or 1
    ):
        return [False] * len(hits)
    return hits
