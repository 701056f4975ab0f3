"""The verb that introduces a whole quoted sentence right before it, whatever the parse made of it.

"She went on: “…”", "Hillary shot back, “…”", "Ortiz issued a statement, “…”": the clause
before the colon or comma frames the quote even though its verb is no verb of saying. The small
parser often makes that clause hang *under* the quote's own verb (as it would "…, she said"), so
the quote depends on no verb outside it and kept no speaker. And when a verb of saying governs
the whole sentence ("Ortiz said as the heckler yelled: “You suck!”"), the verb right before the
colon says the quote, not the one the parse hangs it on.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsprism.model import Article
from newsprism.read.cues import SUBJECT_DEPS
from newsprism.read.quote_layout import DOCUMENT_NOUNS
from newsprism.read.speaker_layout import can_speak, quoted_at
from newsprism.read.speakers import is_speech_verb, subject_of
from newsprism.read.uncued import line_of

INTRODUCING_MARKS = {":", ","}


def introducing_verb(
    article: Article, doc: Doc, open_mark: int, quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """The verb of the clause that ends with the colon or comma right before a quote (or a verb
    of saying right before its opening mark, "a man yelled “Stay there!”"): the innermost verb
    above the clause's last word that is a verb of saying, or that has a subject who can speak.
    ``None`` when the quote follows anything else."""
    line_start = line_of(article.text, open_mark)[0]
    span = doc.char_span(line_start, open_mark, alignment_mode="contract")
    words = [t for t in span or [] if not t.is_space]
    if not words:
        return None
    last = words[-1]
    if last.text in INTRODUCING_MARKS and len(words) > 1:
        start = words[-2]
    elif is_speech_verb(last):
        start = last
    else:
        return None
    token = start
    while token.idx < open_mark and not quoted_at(quoted, token):
        if token.pos_ == "VERB" and _frames_quote(article, token, quoted):
            return token
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _frames_quote(article: Article, verb: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    if is_speech_verb(verb):
        subject = subject_of(verb)
        return subject is not None and not quoted_at(quoted, subject)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    return any(not quoted_at(quoted, s) and _speaks(article, s) for s in subjects)


def _speaks(article: Article, subject: Token) -> bool:
    """A subject that can frame a quote: someone who can speak, or a document ("the report")."""
    return can_speak(article, subject) or subject.lemma_.lower() in DOCUMENT_NOUNS


MAX_FOLLOWING_WORDS = 6  # "” reacted the former governor of Ohio." and no longer
QUOTE_ENDS_OPEN = (",", "?", "!", "—", "–")  # a quote that hands over to its attribution
# Verbs of saying the tagger reads as plural nouns when they end the clause after a quote
# ("“…,” the editorial read.", "“…,” the release states.").
MISREAD_VERB_FORMS = {"read", "reads", "states", "says", "writes"}


def following_verb(
    article: Article, doc: Doc, close_mark: int | None, quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """ "“…Is Ortiz profiling?” reacted Tom Baker.", "“…,” the harbour board replied.": a quote
    ending on a comma, question or exclamation mark is handed to the short clause after it
    when that clause has a verb and a subject who can speak. The parser often starts a new
    sentence at the closing mark, so the quote hangs on no verb of the clause."""
    text = article.text
    if close_mark is None or not text[:close_mark].rstrip().endswith(QUOTE_ENDS_OPEN):
        return None
    line_end = line_of(text, close_mark)[1]
    span = doc.char_span(close_mark + 1, line_end, alignment_mode="contract")
    words: list[Token] = []
    for token in span or []:
        if token.is_punct or token.is_quote:
            break
        if not token.is_space:
            words.append(token)
    if not words or len(words) > MAX_FOLLOWING_WORDS:
        return None
    for verb in words:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c in words]
        if verb.pos_ == "VERB" and any(_speaks(article, s) for s in subjects):
            return verb
    last = words[-1]
    if len(words) > 1 and last.pos_ == "NOUN" and last.lower_ in MISREAD_VERB_FORMS:
        return last  # its speaker is the phrase before it (speaker_layout.named_after_quote)
    return None
