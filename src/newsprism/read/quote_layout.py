"""Quotes introduced by a source and a colon, with no verb of saying.

News copy, newsletters and round-ups introduce a quotation with the name of its source alone:
"Pollsters misread the vote - Portvale Polling: “…”", "Here is Ortiz in March 2012: “…”", "From
the report: “…”", "Ortiz: “…” Ward: “…”". The phrase between the last break (line start, end
of sentence, a dash) and the colon names who or what speaks; no verb is needed and none may be
there ("Ortiz said: “…”" is the parse's business). The phrase's head is the speaker when it can
speak: a person, role or group, or a document that speaks for its authors ("the report").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.model import Article
from newsprism.read.quotemarks import QuoteSegment
from newsprism.read.speaker_layout import can_speak
from newsprism.read.uncued import line_of

# Words that present the source rather than name it: "From the report:", "Here's Ortiz:".
PRESENTING_WORDS = {"from", "more", "here", "here's", "'s", "’s", "is", "again", "and", "but"}
# Documents and posts that speak for whoever wrote them (PolNeAR annotates them as sources).
DOCUMENT_NOUNS = {
    "report", "statement", "study", "survey", "poll", "post", "tweet", "letter", "memo",
    "release", "transcript", "filing", "complaint", "lawsuit", "ruling", "analysis", "email",
    "e-mail", "website", "editorial", "op-ed", "column", "blog", "platform", "ad", "advert",
}  # fmt: skip
BREAKS = (" - ", " — ", " – ", "—", "–")
MAX_SOURCE_WORDS = 10  # "The chief economist of the Portvale harbour board in 2012" and no more


def introduced_by_source(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """The head of a source phrase alone before a colon right before the quote, if it speaks.
    (A headline's "Ortiz: …" without a quote is judged by ``reported._speaker_label``, stricter
    because labels such as "Analysis:" stand there too.)"""
    text = article.text
    before = text[: segment.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    start = _phrase_start(text, colon)
    span = doc.char_span(start, colon, alignment_mode="contract")
    words = [t for t in span or [] if not t.is_space]
    while words and (words[0].lower_ in PRESENTING_WORDS or words[0].is_punct):
        words = words[1:]
    if not words or len(words) > MAX_SOURCE_WORDS:
        return None
    if any(t.pos_ in {"VERB", "AUX"} or t.is_quote for t in words):
        return None  # "Ortiz said:", "Her answer was:": a clause, not a source's name
    head = _head(words)
    if head is None:
        return None
    named = all(t.pos_ == "PROPN" or t.is_punct for t in words[words.index(head) - 1 :])
    if can_speak(article, head) or head.lemma_.lower() in DOCUMENT_NOUNS or named:
        return head
    return None


def _phrase_start(text: str, colon: int) -> int:
    """Where the phrase before the colon begins: after the line start, the last sentence end
    or the last dash before it."""
    start = line_of(text, colon)[0]
    window = text[start:colon]
    for stop in (". ", "? ", "! ", ".” ", '." ', "?” ", "!” "):
        at = window.rfind(stop)
        if at >= 0:
            start = max(start, line_of(text, colon)[0] + at + len(stop))
    window = text[start:colon]
    for dash in BREAKS:
        at = window.rfind(dash)
        if at >= 0:
            return start + at + len(dash)
    return start


def _head(words: list[Token]) -> Token | None:
    """The noun the phrase is about: its first noun group's last word ("the Portvale report in
    May" -> report), or the whole of a name."""
    first = next((t for t in words if t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    if first is None:
        return None
    head = first
    for token in words[words.index(first) + 1 :]:
        if token.pos_ not in {"NOUN", "PROPN"} or token.head.i == head.i and token.dep_ == "prep":
            break
        head = token
    return head
