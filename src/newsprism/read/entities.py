"""Entity mentions: the names and the roles that stand for people.

:func:`annotate` turns spaCy's entities into cleaned :class:`Mention` spans (no leading "the", no
possessive "'s", no honorific inside the name) and repairs what the small model misses: names
after an honorific ("Ms Ortiz-Lang"), given names left outside a name ("Paul J. Reid III"), a
name written right after a title ("Transport Secretary Ann M. Clarke"). It also adds *role
mentions* (label ``ROLE``): noun phrases that denote one person by office ("UN special envoy",
"the president", "France's finance minister").

Making one entity of the mentions across the articles of a story is
:mod:`newsprism.read.canonical`'s job.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.model import Article, Mention
from newsprism.read.coref import (
    HONORIFIC_GENDER,
    PERSON,
    ROLE,
    ROLE_NOUNS,
    TITLES,
)

NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
}
ID_PREFIX = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
}
ROLE_MODIFIER_DEPS = {"det", "poss", "case", "compound", "amod", "nmod", "punct", "dep"}

Spans = list[tuple[int, int, str]]  # token start, token end (exclusive), label


def is_role_noun(token: Token) -> bool:
    """An office or function noun, singular or plural ("minister", "Secretaries")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    word = token.lower_
    singular = {word, token.lemma_.lower(), word[:-3] + "y" if word.endswith("ies") else word[:-1]}
    return bool(singular & ROLE_NOUNS)


def is_singular(token: Token) -> bool:
    # Sentence-initial plurals are often tagged NNP ("Ministers also addressed …").
    plural_form = token.lower_ not in ROLE_NOUNS and token.lower_.endswith("s")
    return token.tag_ in {"NN", "NNP"} and not plural_form


def _is_honorific(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.rstrip(".").lower() in HONORIFIC_GENDER


def _name_like(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not is_role_noun(token)
        and not _is_honorific(token)
    )


def _name_run(doc: Doc, i: int) -> int:
    """End (exclusive) of the run of name tokens from ``i``; hyphenated names stay whole."""
    j = i
    while j < len(doc):
        token = doc[j]
        glued_hyphen = (
            token.text == "-" and j > i and not doc[j - 1].whitespace_ and not token.whitespace_
        )
        if not (_name_like(token) or glued_hyphen):
            break
        j += 1
    while j > i and doc[j - 1].text == "-":
        j -= 1
    return j


def _is_title_object(token: Token) -> bool:
    """ "State" in "Secretary of State": part of a title, not an organisation of its own."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "of" and is_role_noun(token.head.head)


def _is_mark(token: Token) -> bool:
    """A quotation mark, old-style doubled ones ("``", "''") included."""
    return token.is_quote or set(token.text) <= set("`'\"")


def _spacy_names(doc: Doc) -> Spans:
    spans: Spans = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        start, end = ent.start, ent.end
        # The tagger sometimes takes in a quotation mark written before or after the name
        # ("'' The Gazette reported"), which is no part of it.
        while start < end and (
            doc[start].lower_ == "the" or _is_honorific(doc[start]) or _is_mark(doc[start])
        ):
            start += 1
        while end > start and (
            doc[end - 1].tag_ == "POS" or doc[end - 1].is_space or _is_mark(doc[end - 1])
        ):
            end -= 1
        if (
            start == end
            or (is_role_noun(doc[start:end].root) and not _given_name_first(doc, start, end))
            or _is_title_object(doc[start:end].root)
        ):
            continue
        spans.append((start, end, ent.label_))
    return spans


def _given_name_first(doc: Doc, start: int, end: int) -> bool:
    """ "Stephen King", "Billy King": a surname that is also an office noun, after given names."""
    root = doc[start:end].root
    return start < root.i and all(_name_like(t) for t in doc[start : root.i])


NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "poss", "attr"}


def _role_word_surnames(doc: Doc, names: Spans) -> Spans:
    """ "…," King said: an office noun written capitalised and bare (no article, no modifier,
    no name after it) is a surname; news English never uses an office that way ("the king").
    Headline-style lines capitalise every word and are left out."""
    covered = {i for s, e, _ in names for i in range(s, e)}
    candidates = [t for t in doc if t.i not in covered and _bare_office_noun(t)]
    if not candidates:
        return []
    headline_lines, line_of = _title_case_lines(doc), _line_numbers(doc)
    return [(t.i, t.i + 1, PERSON) for t in candidates if line_of[t.i] not in headline_lines]


def _bare_office_noun(token: Token) -> bool:
    if not (token.tag_ == "NNP" and token.text[:1].isupper() and not token.text.isupper()):
        return False
    if not is_role_noun(token) or token.dep_ not in NOMINAL_DEPS:
        return False
    if any(c.dep_ != "case" for c in token.lefts):
        return False  # "the King", "Saudi King"
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    titled = after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()
    in_name = before is not None and before.text[:1].isupper() and before.is_alpha \
        and not before.is_sent_start
    return not titled and not in_name


def _title_case_lines(doc: Doc) -> set[int]:
    """Line numbers of headline-style lines: three or more words, nearly all capitalised."""
    lines: set[int] = set()
    for number, line in enumerate(doc.text.split("\n")):
        words = [w for w in line.split() if w[:1].isalpha()]
        if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
            lines.add(number)
    return lines


def _trim_headline_names(doc: Doc, spans: Spans) -> Spans:
    """Cut the headline words out of a name ("Endorses Rick Perry", "Perry Wins Straw Poll").

    In a title-case line every word is capitalised, so the small model runs a name into the verb
    or preposition beside it, or two names into one. Inside such a line a person's name keeps only
    the runs of words the article also writes capitalised outside headline lines; a name none of
    whose words recur is left alone rather than guessed at.
    """
    headline_lines = _title_case_lines(doc)
    if not headline_lines:
        return spans
    line_of = _line_numbers(doc)
    elsewhere = {t.text for t in doc if t.text[:1].isupper() and line_of[t.i] not in headline_lines}

    def recurs(i: int) -> bool:
        return doc[i].text in elsewhere

    trimmed: Spans = []
    for start, end, label in spans:
        if label != PERSON or line_of[start] not in headline_lines or not any(
            recurs(i) for i in range(start, end)
        ):
            trimmed.append((start, end, label))
            continue
        i = start
        while i < end:
            if not recurs(i):
                i += 1
                continue
            j = i + 1
            while j < end and (recurs(j) or (not doc[j].text[:1].isalpha() and j + 1 < end
                                             and recurs(j + 1))):
                j += 1
            trimmed.append((i, j, label))
            i = j
    return trimmed


def _line_numbers(doc: Doc) -> list[int]:
    numbers, line = [], 0
    for token in doc:
        numbers.append(line)
        line += token.text.count("\n") + token.whitespace_.count("\n")
    return numbers


def _honorific_names(doc: Doc) -> Spans:
    spans: Spans = []
    for token in doc:
        if _is_honorific(token) and token.i + 1 < len(doc):
            end = _name_run(doc, token.i + 1)
            if end > token.i + 1:
                spans.append((token.i + 1, end, PERSON))
    return spans


def _is_title(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_ in TITLES


def _title_names(doc: Doc) -> Spans:
    """ "Justice Ortiz said": a capitalised office title before a name makes it a person, unless
    the tagger read the title as part of an organisation ("Justice Department")."""
    spans: Spans = []
    for token in doc:
        if not _is_title(token) or token.i + 1 >= len(doc) or "\n" in token.whitespace_:
            continue
        if token.ent_type_ and token.ent_type_ != PERSON:
            continue
        end = _name_run(doc, token.i + 1)
        if end > token.i + 1 and not any(
            doc[i].ent_type_ not in {"", PERSON} for i in range(token.i + 1, end)
        ):
            spans.append((token.i + 1, end, PERSON))
    return spans


def _without_overlaps(spans: Spans) -> Spans:
    kept: Spans = []
    taken: set[int] = set()
    # Honorific names first (they are sure to be people), then the longest.
    for span in sorted(spans, key=lambda s: (s[2] != PERSON, -(s[1] - s[0]), s[0])):
        if not taken & set(range(span[0], span[1])):
            kept.append(span)
            taken |= set(range(span[0], span[1]))
    return sorted(kept)


def _repair_people(doc: Doc, spans: Spans) -> Spans:
    """Relabel surnames the tagger took for organisations and pull in stray given names."""
    surnames = {doc[e - 1].text for s, e, label in spans if label == PERSON}
    covered = {i for s, e, _ in spans for i in range(s, e)}
    repaired: Spans = []
    for start, end, label in spans:
        if (
            label == "ORG"
            and doc[end - 1].text in surnames
            and all(_name_like(t) for t in doc[start:end] if t.text != "-")
        ):
            label = PERSON
        if label != PERSON and _relative_who_after(doc, end):
            label = PERSON
        if label == PERSON:  # a given name the tagger left out is a compound of the surname
            while (
                start > 0
                and _name_like(doc[start - 1])
                and start - 1 not in covered
                and doc[start - 1].dep_ == "compound"
                and start <= doc[start - 1].head.i < end
            ):
                start -= 1
        repaired.append((start, end, label))
    return repaired


def _untagged_surnames(doc: Doc, spans: Spans) -> Spans:
    """ "Sanders, meanwhile, said": a capitalised word inside a sentence, standing alone, written
    exactly as the surname of a person the article names in full, is that person's mention even
    where the tagger took it for a common noun ("Sanders" as a plural) or left it out."""
    full = {doc[e - 1].text for s, e, label in spans if label == PERSON and e - s >= 2}
    covered = {i for s, e, _ in spans for i in range(s, e)}
    # A word the article also writes in lower case ("Young", "young") may open a sentence as
    # that word; one it never writes so is the name wherever it stands.
    lowered = {t.lower_ for t in doc if t.text[:1].islower()}
    found: Spans = []
    for token in doc:
        if token.text not in full or token.i in covered:
            continue
        if token.is_sent_start and token.lower_ in lowered:
            continue
        if not token.text[:1].isupper() or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        before = doc[token.i - 1] if token.i else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        # Part of a longer name ("Sanders Institute", "Bernie Sanders") is not a bare surname.
        if before is not None and not token.is_sent_start and before.text[:1].isupper() \
                and before.is_alpha:
            continue
        if after is not None and after.text[:1].isupper() and after.is_alpha:
            continue
        found.append((token.i, token.i + 1, PERSON))
    return found


def _relative_who_after(doc: Doc, end: int) -> bool:
    """ "…, was Rowe, who missed two free throws": "who" is said of people only, so a singular
    name it follows is a person's whatever the tagger thought (teams, "the Chiefs, who", are
    plural and left alone)."""
    return (
        end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in {"who", "whom"}
        and doc[end - 1].tag_ == "NNP"
    )


def _role_prefix(doc: Doc, start: int) -> int | None:
    """Start of a title written before a name ("UN special envoy" Ana Ruiz)."""
    i = start
    while i > 0:
        token = doc[i - 1]
        if "\n" in token.text or "\n" in token.whitespace_ or token.is_sent_end:
            break  # a title never runs across a line
        if token.is_space or token.dep_ in ROLE_MODIFIER_DEPS | {"prep", "pobj"}:
            if token.is_punct and token.text not in "[]" or token.lower_ in {"the", "a", "an"}:
                break
            if token.dep_ == "prep" and token.lower_ != "of":
                break
            i -= 1
            continue
        break
    while i < start and (doc[i].is_space or doc[i].lower_ == "of"):
        i += 1
    return i if i < start and any(is_role_noun(t) for t in doc[i:start]) else None


def _names_after_titles(doc: Doc, spans: Spans) -> Spans:
    covered = {i for s, e, _ in spans for i in range(s, e)}
    found: Spans = []
    for token in doc:
        if not is_role_noun(token) and not (token.lower_ == "state" and token.i > 0):
            continue
        i = token.i + 1
        while i < len(doc) and doc[i].is_space:
            i += 1
        end = _name_run(doc, i) if i < len(doc) else i
        if end - i >= 2 and not covered & set(range(i, end)) and _role_prefix(doc, i) is not None:
            found.append((i, end, PERSON))
    return found


def _role_mentions(doc: Doc, names: Spans) -> Spans:
    roles: Spans = []
    for start, _, label in names:
        if label == PERSON and (prefix := _role_prefix(doc, start)) is not None:
            roles.append((prefix, start, ROLE))
    # Roles may contain other names ("France" in "France's finance minister"), not people.
    covered = {i for s, e, label in names + roles if label in {PERSON, ROLE} for i in range(s, e)}
    for token in doc:
        if token.i in covered or not is_role_noun(token) or not is_singular(token):
            continue
        if token.dep_ == "attr" or any(c.ent_type_ == "ORDINAL" for c in token.children):
            continue  # "the fourth president": a description, not a reference
        if token.dep_ == "compound" and (is_role_noun(token.head) or token.head.i in covered):
            continue  # the head of the title carries it
        start = token.i
        for child in sorted(token.lefts, key=lambda c: -c.i):
            if child.dep_ in ROLE_MODIFIER_DEPS and child.right_edge.i + 1 >= start:
                start = child.left_edge.i
        end = token.i + 1
        for child in token.rights:
            if (
                child.dep_ == "prep"
                and child.lower_ == "of"
                and any(t.dep_ == "pobj" and t.text[:1].isupper() for t in child.children)
            ):
                end = max(end, child.right_edge.i + 1)
        while start < token.i and (doc[start].is_space or doc[start].is_punct):
            start += 1
        if not covered & set(range(start, end)):
            roles.append((start, end, ROLE))
            covered |= set(range(start, end))
    return roles


def _without_qualifier(doc: Doc, role: tuple[int, int, str], names: Spans) -> tuple[int, int, str]:
    """ "France's finance minister" -> "finance minister": the country or organisation leading a
    title is a mention of its own, so the role and the name never overlap."""
    start, end, label = role
    for name_start, name_end, _ in names:
        if name_start == start and name_end < end:
            start = name_end
            while start < end and (doc[start].tag_ == "POS" or doc[start].is_space):
                start += 1
    return start, end, label


def _title_before(doc: Doc, start: int, spans: Spans) -> bool:
    """A title written right before a name that no role mention already holds ("Justice Ortiz";
    in "Foreign Minister Ortiz" the role "Foreign Minister" keeps it)."""
    return _is_title(doc[start - 1]) and not any(e == start for _, e, _ in spans)


def annotate(article: Article, doc: Doc) -> None:
    names = _without_overlaps(_honorific_names(doc) + _title_names(doc) + _spacy_names(doc))
    names = _trim_headline_names(doc, _repair_people(doc, names))
    names = _without_overlaps(names + _names_after_titles(doc, names))
    names = sorted(names + _untagged_surnames(doc, names))
    names = sorted(names + _role_word_surnames(doc, names))
    roles = [_without_qualifier(doc, r, names) for r in _role_mentions(doc, names)]
    spans = sorted(names + roles)
    for start, end, label in spans:
        if (
            label == PERSON
            and start > 0
            and (_is_honorific(doc[start - 1]) or _title_before(doc, start, roles))
        ):
            start -= 1  # the mention covers "Mr"; names drop it again (coref.name_tokens)
        span = doc[start:end]
        article.mentions.append(
            Mention(start=span.start_char, end=span.end_char, text=span.text, label=label)
        )
