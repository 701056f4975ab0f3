"""Who says quoted words that hang on no verb of saying: a name before a colon in their line
(headlines, lists: "Ann Ortiz: “…”"), a signature in the next paragraph ("— Ann Ortiz"), else the
subject of the sentence around them, when that can speak.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.model import Article
from newsprism.read.quotemarks import QuoteSegment, is_quoted
from newsprism.read.speakers import can_speak, mention_at, subject_of

SPEAKING_LABELS = {"PERSON", "ROLE", "ORG"}


def line_of(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def uncued_subject(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """Who says quoted words that hang on no verb of saying: a name before a colon, else the
    subject of the sentence around them."""
    return _named_before_colon(article, doc, segment) or _framing_subject(article, doc, segment)


SIGNATURE_DASHES = ("-", "—", "–", "―")


def signed_below(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """A quote standing alone in its paragraph, signed in the next one as in a letter or a
    list of quotes: "“…”" then "— Ann Ortiz, Portvale." The name after the dash speaks."""
    text = article.text
    line_start, line_end = line_of(text, segment.open_mark)
    if not segment.line_start or text[segment.end : line_end].strip(" \t\"”’'.,") != "":
        return None
    following = line_end
    while following < len(text) and text[following].isspace():
        following += 1
    if not text.startswith(SIGNATURE_DASHES, following):
        return None
    span = doc.char_span(following, line_of(text, following)[1], alignment_mode="expand")
    words = [t for t in span or [] if not t.is_punct and not t.is_space]
    first = words[0] if words else None
    signed = first is not None and first.text.lstrip("".join(SIGNATURE_DASHES))[:1].isupper()
    if first is None or not (first.pos_ == "PROPN" or signed):
        return None  # "-Tom": the tokenizer may keep the dash on the name
    name = first
    while name.i + 1 < span.end and doc[name.i + 1].pos_ == "PROPN":
        name = doc[name.i + 1]
    return name


def _framing_subject(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """Quoted words with no verb of saying belong to whoever the sentence around them is about,
    when that can speak: "She has touted his record — “the longest expansion”", "The board was
    conclusive in its findings: “…”"."""
    text = article.text
    at = segment.open_mark
    if segment.line_start:  # a colon ending the line before, else the paragraph before
        before = text[:at].rstrip()
        if not before.endswith(":"):
            return _lead_in_paragraph(article, doc, segment)
        at = len(before) - 1
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return None
    sentence = span[0].sent
    if sentence.start_char >= at and not segment.line_start:
        sentence = _sentence_before(article, doc, sentence)  # "Ortiz agreed. “…”"
        if sentence is None:
            return None
    subject = subject_of(sentence.root)
    if subject is not None and subject.idx < at and can_speak(article, subject):
        return subject
    return _clause_before(article, sentence, at)


def _clause_before(article: Article, sentence: Span, at: int) -> Token | None:
    """ "Trump also embraced harsher methods -- “I think …”": when the parse roots the sentence
    inside the quote, the subject of the last verb before the opening mark says it."""
    verbs = [t for t in sentence if t.idx < at and t.pos_ in {"VERB", "AUX"}]
    for verb in reversed(verbs):
        subject = subject_of(verb)
        if subject is not None and subject.idx < at:
            return subject if can_speak(article, subject) else None
    return None


def _sentence_before(article: Article, doc: Doc, sentence: Span) -> Span | None:
    """The sentence right before a quote that opens a sentence in the same paragraph: "Ortiz
    agreed. “…”", "Ortiz touted her record as a founder of the union. “…”" (news style lets it
    introduce the quote; on PolNeAR train, longer lead-ins than eight words speak as well)."""
    if sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    words = [t for t in before if not t.is_punct and not t.is_space]
    same_line = "\n" not in article.text[before.start_char : sentence.start_char]
    return before if same_line and words else None


def _lead_in_paragraph(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """A paragraph of quote only, with no cue, after a paragraph ending on a full stop: the
    subject of that last sentence says it ("Howard went on with his remarks." then "“…”"), when
    it can speak and is not itself quoted."""
    before = article.text[: segment.open_mark].rstrip()
    if not before.endswith((".", "!", "?")):
        return None
    span = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if span is None:
        return None
    sentence = span[0].sent
    subject = subject_of(sentence.root)
    if subject is None:  # "What it means is left open, since Ortiz spoke only vaguely."
        subject = _clause_before(article, sentence, len(before))
    if subject is None or is_quoted(article.text, subject.idx) or not can_speak(article, subject):
        return None
    return subject


def _named_before_colon(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """Headline and list style: a name, a colon, then the quote in that line. "Ann Ortiz: ‘We
    will build it’", "Ortiz: Harbour Deal Is ‘Fair’", "Port deal - Ann Ortiz: “…”", "Ortiz on
    the port deal: ‘…’". The name is all that comes before the colon, the person or group
    named right before it, or a person opening the line with "on" the topic after it."""
    text = article.text
    line_start = line_of(text, segment.open_mark)[0]
    colon = text.find(":", line_start, segment.open_mark)
    if colon < 0:
        return None
    span = doc.char_span(line_start, colon, alignment_mode="contract")
    words = [t for t in span or [] if not t.is_space]
    if not words:
        return None
    if (named := _mention_ending(article, words[-1])) is not None:
        return named
    if all(t.pos_ == "PROPN" or t.is_punct for t in words):
        return span.root  # nothing but a name before the colon
    opener = _mention_ending(article, words[0], from_start=True)
    if opener is not None and opener.i + 1 < len(doc) and doc[opener.i + 1].lower_ == "on":
        return opener
    return None


def name_and_colon(article: Article, doc: Doc, segment: QuoteSegment) -> Token | None:
    """The person or group named right before a colon right before the quote."""
    before = article.text[: segment.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    span = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    return _mention_ending(article, doc[span.start - 1])


def _mention_ending(article: Article, token: Token, from_start: bool = False) -> Token | None:
    """The last token of a person, role or group named at ``token`` (which ends the name, or
    with ``from_start``, begins it)."""
    found = mention_at(article, token.idx)
    if found is None:
        return None
    mention = article.mentions[found]
    if mention.label not in SPEAKING_LABELS:
        return None
    if from_start:
        if mention.start != token.idx:
            return None
        span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span[-1] if span is not None else None
    return token if mention.end == token.idx + len(token) else None
