"""Where a news sentence puts its speaker around the cue when the parse gives no usable subject:
a name before an apposition or a "who" clause ("Ann Ortiz, a port official, said"), the phrase
right after a closing quote ("“…,” the 43-year-old asked"), a party-and-state parenthesis
before the cue, a participle that introduces a quote, a person named just before the cue; and
the mentions (names, roles, groups) a speaker can be. Used by :mod:`newsprism.read.speakers`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsprism.model import Article
from newsprism.read.coref import PERSON, ROLE
from newsprism.read.cues import HUMAN_PRONOUNS

MAX_APPOSITION = 12  # tokens searched back for "Name, a title in Place," before a cue


def mention_at(article: Article, offset: int, people_only: bool = False) -> int | None:
    best = None
    for i, m in enumerate(article.mentions):
        fits = m.start <= offset < m.end and (not people_only or m.label in {PERSON, ROLE})
        if fits and (best is None or m.label == PERSON):  # a name beats the role containing it
            best = i
    return best


def can_speak(article: Article, token: Token) -> bool:
    if token.lower_ in HUMAN_PRONOUNS:
        return True
    found = mention_at(article, token.idx)
    return found is not None and article.mentions[found].label in {
        PERSON,
        ROLE,
        "ORG",
        "GPE",
        "NORP",
    }


def quoted_at(spans: Sequence[tuple[int, int]], token: Token) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def named_before_apposition(
    article: Article, doc: Doc, comma: int, quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """ "Col. Ann Ortiz, a military spokeswoman in Kabul, said": the parse gives the cue no
    subject; the closest person or role before it, with no verb in between, is the speaker."""
    start = doc[comma].sent.start
    if (named := relative_clause_head(article, doc, comma, start)) is not None:
        return named
    for i in range(comma - 1, max(start, comma - MAX_APPOSITION) - 1, -1):
        token = doc[i]
        if token.pos_ in {"VERB", "AUX"} or token.is_quote or quoted_at(quoted, token):
            return None
        found = mention_at(article, token.idx, people_only=True)
        if found is not None and article.mentions[found].end == token.idx + len(token):
            if _is_object(token):
                continue  # "wrote to Ann Ortiz on her page, saying": the addressee, not the source
            return token
    return None


def relative_clause_head(article: Article, doc: Doc, comma: int, start: int) -> Token | None:
    """ "Ann Ortiz, who would have to leave the board to run, said": a relative clause, however
    long, closes right before the cue's comma; the person it describes is the speaker."""
    token = doc[comma - 1] if comma > start else None
    while token is not None and token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    if token is None or token.dep_ != "relcl" or token.right_edge.i != comma - 1:
        return None
    head = token.head
    if head.i >= token.i or head.i < start or _is_object(head):
        return None
    found = mention_at(article, head.idx, people_only=True)
    if found is None:  # "One attendee, who spoke on condition of anonymity, said": "who" is human
        return head if head.pos_ in {"NOUN", "PROPN"} and _relative_who(token) else None
    return head if article.mentions[found].end == head.idx + len(head) else None


def _relative_who(clause: Token) -> bool:
    return any(c.lower_ in {"who", "whose"} for c in clause.subtree if c.i < clause.i)


def _is_object(token: Token) -> bool:
    """The object of a verb or preposition, also as a later part of "A and B"."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in {"pobj", "dobj", "dative"}


NAME_PHRASE_POS = {"DET", "ADJ", "PROPN", "NOUN", "NUM"}
WORD_JOINERS = {"-", "–", "."}  # "43-year-old", "St. Louis" written inside one noun phrase


def named_after_quote(cue: Token, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """ "“…?” the 43-year-old asked", "“…,” Ann Ortiz, a delegate wearing a red cap, said",
    "“…,” a source, who was not allowed to speak, told the paper": the noun phrase that opens
    the words right after a closing quote and is ended by the cue or by a comma (an apposition
    follows) is the cue's speaker. The small parser often hangs it on the quoted clause, or
    takes the cue's object for an inverted subject. The head of that phrase, or ``None``."""
    doc = cue.doc
    closes = [b for _, b in quoted if b <= cue.idx]
    if not closes:
        return None
    first = next((t for t in doc[cue.sent.start:cue.i] if t.idx >= max(closes)
                  and not t.is_punct and not t.is_space), None)
    if first is None or doc.text[max(closes):first.idx].strip(" ,.?!—–-\"'”’"):
        return None  # other words, or a new line, between the quote and the phrase
    head = None
    i = first.i
    while i < cue.i:
        token = doc[i]
        joined = token.text in WORD_JOINERS and not token.whitespace_ and i > first.i
        if token.pos_ not in NAME_PHRASE_POS and not joined:
            break
        if token.pos_ in {"NOUN", "PROPN", "ADJ"}:
            head = token
        i += 1
    if head is None or head.pos_ == "ADJ" and head.i != i - 1:
        return None
    ends = doc[i]
    while ends.i < cue.i and ends.pos_ in {"ADV", "AUX", "PART"}:
        ends = doc[ends.i + 1]  # "Ortiz also said", "Ortiz has said"
    if ends.i != cue.i and ends.text != ",":
        return None
    timed = head.ent_type_ in {"DATE", "TIME"} and head.lower_ != "old"  # "Tuesday, she said"
    return None if timed else head


def named_in_as_clause(cue: Token, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """ "As Ann Ortiz, a historian at Portvale, put it, “…”": the small model reads "as" as a
    preposition of the speaker's name, leaving the cue with no subject of its own."""
    marker = next((c for c in cue.lefts if c.dep_ == "mark" and c.lower_ == "as"), None)
    if marker is None:
        return None
    named = next((c for c in marker.children if c.dep_ == "pobj"), None)
    return named if named is not None and not quoted_at(quoted, named) else None


def before_cue(doc: Doc, cue: Token) -> int:
    """Index of the word the cue follows, over adverbs and auxiliaries ("Tom Baker also said",
    "Baker has said") and a party-and-state parenthesis ("Sen. Ann Ortiz (D-Ore.) said")."""
    i = cue.i - 1
    while i >= 0:
        token = doc[i]
        if token.is_space or token.pos_ in {"ADV", "AUX", "PART"}:
            i -= 1
        elif token.text == ")" and (opening := _opening_bracket(doc, i)) is not None:
            i = opening - 1
        else:
            break
    return i


MAX_PARENTHESIS = 8  # tokens: "(R-Wis.)", "(D-N.Y.)", "(I-Vt.)"


def _opening_bracket(doc: Doc, closing: int) -> int | None:
    for i in range(closing - 1, max(-1, closing - MAX_PARENTHESIS), -1):
        if doc[i].text == "(":
            return i
        if doc[i].text == ")":
            return None
    return None


def participle_owner(cue: Token, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """ "Clinton seemed ready to riff on it, telling the crowd, “Some people get carried away”":
    a participle after a comma that introduces a quote belongs to the main clause before it,
    though the parser may hang it on a verb inside the quote. The main verb's subject."""
    previous = cue.doc[cue.i - 1] if cue.i > 0 else None
    if cue.tag_ != "VBG" or previous is None or previous.text != ",":
        return None
    if not (quoted_at(quoted, cue.head) or cue.head.i > cue.i):
        return None
    root = cue.sent.root
    if root.i >= cue.i or quoted_at(quoted, root) or root.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in root.children if c.dep_ == "nsubj" and not quoted_at(quoted, c)),
                None)


def relative_opening(article: Article, doc: Doc, comma: int) -> Token | None:
    """ "Mr. Slinker, whose latest start-up uses big data, said", "One attendee, who like others
    spoke on condition of anonymity, said": a sentence whose subject is set off by a "who"
    clause before the cue's comma, when the parser hangs the subject inside that clause. The
    noun right before the first ", who" of the sentence."""
    start = doc[comma].sent.start
    for i in range(start + 1, comma - 1):
        if doc[i].text == "," and doc[i + 1].lower_ in {"who", "whose"}:
            head = doc[i - 1]
            if head.pos_ not in {"PROPN", "NOUN"} or _is_object(head):
                return None
            if any(t.is_quote for t in doc[i:comma]):
                return None
            found = mention_at(article, head.idx, people_only=True)
            return head if found is None or article.mentions[found].label in {PERSON, ROLE} \
                else None
    return None


CLAUSE_BREAKS = {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"}


def person_close_before(article: Article, doc: Doc, cue: Token) -> Token | None:
    """ "Bannon, who Beck on Wednesday called “a disgrace”": the person named closest before the
    cue, with only a time or place phrase between (no verb, no punctuation), is its subject when
    the parse gives it none."""
    for i in range(cue.i - 1, cue.sent.start - 1, -1):
        token = doc[i]
        found = mention_at(article, token.idx, people_only=True)
        if found is not None and article.mentions[found].label == PERSON:
            if article.mentions[found].end != token.idx + len(token):
                return None
            owner = token.head  # "Ann Ortiz's allies on Friday called": the allies speak
            qualifies = token.i < owner.i < cue.i and owner.pos_ == "NOUN" and (
                token.dep_ == "compound" or token.dep_ == "poss" and _is_role(article, owner)
            )  # but "Ortiz's failure to disavow" is hers
            return owner if qualifies else token
        if token.pos_ in CLAUSE_BREAKS or token.is_quote:
            return None
    return None


def surname_before(article: Article, doc: Doc, cue: Token) -> Token | None:
    """ "Sean Skelly worked with her. And Skelly called Ortiz “a smart boss.”": a capitalised
    word right before the cue that the tagger took for an adverb or left untagged, written as
    the last word of a person the article names in full, is that person (not the cue's object,
    which an inversion would take)."""
    token = doc[cue.i - 1] if cue.i > 0 else None  # not over adverbs: the tagger's "adverb"
    if token is None or not token.is_alpha or not token.text[:1].isupper() \
            or token.i == token.sent.start or mention_at(article, token.idx) is not None:
        return None
    known = any(
        m.label == PERSON and len(m.text.split()) >= 2 and m.text.split()[-1] == token.text
        for m in article.mentions
    )
    return token if known else None


def _is_role(article: Article, token: Token) -> bool:
    found = mention_at(article, token.idx, people_only=True)
    return found is not None and article.mentions[found].label == ROLE
