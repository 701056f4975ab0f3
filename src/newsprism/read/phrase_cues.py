"""Attribution by a set phrase around a common verb: "Ortiz made clear that …", "Baker took
issue with …", "she spoke about …", "Baker sees the deal as a betrayal". The verb alone ("make",
"take", "see") says nothing of a view, so each counts only with the word that makes it one.
What the phrase attributes, as token ranges; its source is the verb's subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsprism.read.cues import PHRASE_CUES, REGARD_AS_VERBS, SPEECH_VERBS

Ranges = list[tuple[int, int]]
# Words between the phrase and what it attributes: "made clear that …", "took issue with …".
LINKING_WORDS = {
    "that", "with", "at", "for", "against", "about", "of", "on", "to", "from", "behind",
}  # fmt: skip
KEYWORD_DEPS = {"dobj", "ccomp", "oprd", "acomp", "prep", "prt", "xcomp"}
FOLLOWING_DEPS = {"dobj", "prep", "ccomp", "advcl", "xcomp"}
TIME_ENTITIES = {"DATE", "TIME"}


# A view held or shown: "voters have a favorable view of Ortiz", "Baker had strong views on the
# deal", "Ortiz had harsh words for the council", "threw her support behind Baker", "cast doubt
# on the figures" (what follows the noun is the view's object). "raised questions / concerns
# about" was right 6 times in 18 on PolNeAR train (a document or a remark raises them as often
# as a person) and is left out.
OPINION_PHRASES = {
    "have": {"view", "opinion", "impression", "word"}, "hold": {"view", "opinion"},
    "throw": {"support", "weight"}, "cast": {"doubt"}, "level": {"criticism", "charge", "attack"},
}  # fmt: skip


def _keyword(verb: Token) -> Token | None:
    """The word that turns the verb into a cue: "clear" of "made clear", "about" of "spoke
    about"."""
    lemma = verb.lemma_.lower()
    words = PHRASE_CUES.get(lemma) or OPINION_PHRASES.get(lemma)
    if verb.pos_ != "VERB" or not words:
        return None
    return next(
        (c for c in verb.rights if c.dep_ in KEYWORD_DEPS and c.lemma_.lower() in words), None
    )


def _end_after(verb: Token, keyword: Token) -> int:
    """The end of the keyword's phrase with the phrases the parse hangs on the verb right after
    it ("made clear | that she would run"), up to a comma or a phrase of time."""
    last = keyword.right_edge.i + 1
    for child in sorted(verb.rights, key=lambda c: c.i):
        if child.i < last:
            continue
        if child.dep_ not in FOLLOWING_DEPS or child.left_edge.i != last:
            break
        if any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in child.children):
            break
        last = child.right_edge.i + 1
    return last


def set_phrase(verb: Token) -> Ranges:
    """ "Ortiz made clear that she would run", "Baker took issue with the plan", "she spoke
    about the closure": the words after the phrase (and after "that" or its preposition)."""
    keyword = _keyword(verb)
    if keyword is None or _says_itself(keyword):
        return []
    doc = verb.doc
    first, last = keyword.i + 1, _end_after(verb, keyword)
    while first < last and doc[first].lower_ in LINKING_WORDS:
        first += 1
    while last > first and not (doc[last - 1].is_alpha or doc[last - 1].is_digit):
        last -= 1
    return [(first, last)] if first < last else []


def _says_itself(keyword: Token) -> bool:
    """ "had kind words to say about the mayor": the verb of saying the noun carries reports
    its own object, so the phrase adds nothing."""
    return any(
        c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in SPEECH_VERBS for c in keyword.children
    )


def regarded_as(verb: Token) -> Ranges:
    """ "Baker sees the deal as a betrayal", "Ortiz cast herself as the outsider": an object and
    what the subject takes it for. A passive ("the deal is seen as …") names no one."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in REGARD_AS_VERBS:
        return []
    objects = [c for c in verb.rights if c.dep_ == "dobj"]
    as_phrase = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"]
    if not objects or not as_phrase:
        return []
    return [(objects[0].left_edge.i, as_phrase[0].right_edge.i + 1)]


def phrase_cue(verb: Token) -> Ranges:
    lemma = verb.lemma_.lower()  # checked once here: this runs on every token of an article
    if lemma not in PHRASE_CUES and lemma not in REGARD_AS_VERBS and lemma not in OPINION_PHRASES:
        return []
    return set_phrase(verb) or regarded_as(verb)
