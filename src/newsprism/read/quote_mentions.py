"""Quoted words that are mentioned, not said: titles, names, scare quotes.

News writers put quotation marks around a show's or a book's title ("on PBS's “Charlie Rose”
show"), a slogan or a term they hold at arm's length ("the so-called “reset”"). Such words are
nobody's speech. :mod:`newsprism.read.quotes` asks here before keeping quoted words.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsprism.read.reported import MIN_UNATTRIBUTED_WORDS, Draft
from newsprism.read.uncued import line_of

TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by"}


def is_mention(text: str, start: int, end: int) -> bool:
    """Quoted words with no cue that are too short to be said, or that are a title: every word
    capitalised ("How the Harbour Was Won", "Person of the Year") in a line written in
    sentence case (a headline capitalises everything)."""
    if len(text[start:end].split()) < MIN_UNATTRIBUTED_WORDS:
        return True
    line_start, line_end = line_of(text, start)
    if text[line_start:start].rstrip(" \t\"“”‘’'«»").endswith(":"):
        return False  # "Ortiz on the strike: ‘We Will Not Sign’": a headline's quote
    return title_case(text[start:end]) and not title_case(
        text[line_start:start] + " " + text[end:line_end]
    )


# Words right before a quoted title of a show, book or film ("on CNN's “State of the Union”",
# "in his book “Tough Choices”").
BEFORE_TITLE = ("'s", "’s", " on", " in")


def named_title(text: str, start: int, end: int) -> bool:
    """ "on CNN's “State of the Union”", "on “Meet the Press”": quoted words in title case right
    after a possessive or "on" / "in" name a show or a book, whatever verb governs them."""
    before = text[:start].rstrip(" \t\"“”‘’'«»")
    return title_case(text[start:end]) and before.endswith(BEFORE_TITLE)


# Nouns for a work that a title in quotation marks names when it follows them, with or without
# a comma: "her memoir, “Tough Choices.”", "the reality show “The Apprentice.”". Not "called",
# "titled" or "dubbed": on PolNeAR train what those introduce is annotated as said as often as not.
WORK_NOUNS = (
    "album", "book", "documentary", "episode", "film", "memoir", "movie", "musical", "novel",
    "play", "podcast", "program", "programme", "series", "show", "song",
)
_AFTER_WORK_NOUN = re.compile(r"\b(?:" + "|".join(WORK_NOUNS) + r")\s*,?$", re.IGNORECASE)


def titled_work(text: str, start: int, end: int) -> bool:
    """ "on the latest episode of its podcast, “So, That Happened.”": quoted words in title case
    right after the noun for a work are its title, even as a sentence of their own."""
    before = text[:start].rstrip(" \t\"“”‘’'«»")
    return title_case(text[start:end]) and _AFTER_WORK_NOUN.search(before) is not None


def short_title(quoted: str) -> bool:
    return len(quoted.split()) < MIN_UNATTRIBUTED_WORDS and title_case(quoted)


def title_case(words: str) -> bool:
    found = re.findall(r"[^\W\d_][\w'’-]*", words)
    return bool(found) and found[0][0].isupper() and all(
        w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in found
    )


MAX_LOOSE_FRAGMENT_WORDS = 8  # PolNeAR train: 22 in 100 shorter ones are quotes, 75 longer ones
# A fragment this short that no reported clause holds is a term even when a verb governs it
# (PolNeAR train: 2 in 44 are attributions): "lost “momentum”", "said “supermax” jails".
MAX_TERM_WORDS = 3


def loose_fragment(doc: Doc, draft: Draft, drafts: list[Draft]) -> bool:
    """A few quoted words inside a sentence that no verb of saying governs, outside anything
    reported: a term the writer holds at arm's length ("the “reset” has stalled", "runs the
    “friendly” dock"). A verb of saying elsewhere in the paragraph does not make them speech;
    one that governs them does ("called the plan “a retreat”")."""
    if draft.kind != "partial" or draft.continues is not None:
        return False
    if len(doc.text[draft.start : draft.end].split()) > MAX_LOOSE_FRAGMENT_WORDS:
        return False
    if any(d.kind == "indirect" and d.start <= draft.start and draft.end <= d.end for d in drafts):
        return False  # quoted words inside reported speech: the clause's speaker says them
    if len(doc.text[draft.start : draft.end].split()) <= MAX_TERM_WORDS:
        return True  # a governed fragment was given its clause before (read.partial_clause)
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if draft.cue is None or span is None:
        return True
    # "dismissing them as a “closed shop” and calling him a liar": a verb joined to the cue
    # shares its speaker, so words it governs are said too
    verbs = {draft.cue, *draft.cue.conjuncts}
    return not any(verb in t.ancestors for t in span for verb in verbs)
