"""What a figure or date belongs to in its sentence: the events (verbs and event nouns) its phrase
hangs from, and the places that event is set at. Figures and dates of different outlets are set
against each other only when these meet (see :mod:`newsprism.compare`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token


def predicate_of(token: Token) -> str | None:
    """Lemma of the verb a figure's phrase hangs from ("paid nearly $44 million" -> pay), so that
    figures of different events are told apart; None for a verbless phrase (a headline)."""
    node = token
    for _ in range(8):
        if node.pos_ == "VERB":
            return node.lemma_.lower()
        if node.head.i == node.i:
            return node.lemma_.lower() if node.pos_ == "AUX" else None
        node = node.head
    return None


# Nouns of time ("on the morning of Wednesday") locate a figure or date; they are no event.
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "week", "month", "year", "time",
              "hour", "minute", "weekend", "date", "period", "noon", "midnight", "dawn"}
# Clausal links through which a noun is the subject or object of another verb: "leaving 67 ships
# waiting" (xcomp), "ships that were waiting" (relcl), "ships waiting at anchor" (acl).
CLAUSAL = {"xcomp", "ccomp", "acl", "relcl"}
ARGUMENT_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def predicates_of(token: Token) -> list[str]:
    """The events a figure's (or date's) phrase belongs to, as lemmas: the verb it hangs from,
    the noun it attaches to on the way ("a win by nine votes", "the evacuation on Tuesday"), the
    object of that verb when it names the event ("signed the evacuation order"), and the verbs
    the counted noun is itself subject or object of ("leaving 67 ships waiting" -> leave, wait).

    Two figures (or dates) belong to one event when these sets meet; a single head verb is too
    narrow a test, since outlets re-word a clause far more often than they change the event."""
    found: list[Token] = []
    governing = _governing_verb(token, found)
    if governing is not None:
        found.append(governing)
        found.extend(c for c in governing.children
                     if c.dep_ == "dobj" and c.i != token.i and _is_event_noun(c))
        found.extend(c for c in governing.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    found.extend(c for c in token.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    if token.dep_ in ARGUMENT_ROLES and token.head.pos_ == "VERB":
        found.extend(c for c in token.head.children if c.dep_ in CLAUSAL and c.pos_ == "VERB")
    lemmas: list[str] = []
    for node in found:
        for word in [node, *(c for c in node.children if c.dep_ == "compound" and
                             _is_event_noun(c))]:
            if word.lemma_.lower() not in lemmas:
                lemmas.append(word.lemma_.lower())
    return lemmas


def _governing_verb(token: Token, nouns: list[Token]) -> Token | None:
    """Walk up from ``token`` to the first verb; note on ``nouns`` the first common noun passed on
    the way (the nominal event the phrase attaches to)."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ == "VERB":
            return node
        if not nouns and node.pos_ == "NOUN" and _is_event_noun(node):
            nouns.append(node)
    return None


def _is_event_noun(token: Token) -> bool:
    return (token.pos_ == "NOUN" and token.lemma_.lower() not in TIME_NOUNS
            and token.ent_type_ not in ("DATE", "TIME"))


def setting_of(token: Token) -> list[str]:
    """Places the figure's own event is located at ("killed in Homs" -> homs): place names governed,
    through prepositions and nouns only, by the figure's verb, the noun it attaches to or the
    counted noun. Places elsewhere in the sentence (a dateline, "Europe's largest port") are
    not where the figure happened."""
    anchors = {token.i}
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        anchors.add(node.i)
        if node.pos_ in ("VERB", "AUX"):
            break
    places: list[str] = []
    for ent in token.doc.ents:
        if ent.label_ not in PLACE_LABELS or ent.sent != token.sent:
            continue
        if _reaches_through_preposition(ent.root, anchors):
            key = re.sub(r"^the\s+", "", ent.text.lower())
            if key not in places:
                places.append(key)
    return places


def _reaches_through_preposition(root: Token, anchors: set[int]) -> bool:
    """The place is the object of a preposition hanging from an anchor, possibly through the
    nouns of a longer phrase ("in an attack in Homs"), never through another verb."""
    node, hops = root, 0
    while node.head.i != node.i and hops < 6:
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i in anchors:
            return True
        node, hops = node.head, hops + 1
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


# --- which figure of its kind: the period or part it is restricted to ------------------------

# Nouns that measure out a stretch of time or play: "in his last two games", "this season".
PERIOD_NOUNS = TIME_NOUNS - {"date", "time"} | {
    "season", "career", "game", "match", "quarter", "half", "round", "term", "decade",
    "stretch", "span", "lifetime", "tenure", "century", "fortnight", "inning", "innings",
}
# Prepositions that put a figure inside a period ("since Week 11", "over the last month").
PERIOD_PREPOSITIONS = {"in", "since", "through", "over", "during", "across", "throughout",
                       "within", "after", "before", "until", "till", "from"}
# Prepositions that carve a part out of a count ("51 wins by knockout", "wins via submission").
PART_PREPOSITIONS = {"by", "via"}
# Prepositions that restrict a figure to one group of people ("61 percent among voters under 40").
GROUP_PREPOSITIONS = {"among", "amongst"}
# Words that narrow a group further ("among voters under 40", "among women aged 18 to 29").
GROUP_NARROWING = {"under", "over", "aged", "between", "with", "without", "from", "in"}
# Modifiers of the counted noun that name a total of a period ("58 career wins").
PERIOD_MODIFIERS = {"career", "season", "lifetime", "all-time", "annual", "weekly", "daily"}
# Modifiers that make a figure the sum of several parts ("a combined 143 games with two
# clubs"): a whole, never one part's figure.
WHOLE_MODIFIERS = {"combined"}
LEFT_OUT = {"det", "poss", "punct", "cc", "case"}


def scope_of(figure: Span) -> str | None:
    """The restriction written with a figure, lower-case, or None: the part of a count it gives
    ("51 wins coming by way of knockout" -> "by way of knockout", "58 career wins" -> "career")
    or the period it covers ("189 yards in his last two games" -> "in last two games", "498 yards
    since Week 11" -> "since week 11", "548 yards this season" -> "this season" is read without
    its determiner, "season"). Read from the counted noun's own modifiers, then the verb's;
    words of the figure itself ("a 15-year-old") are no restriction of it."""
    token = figure.root
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.lower_ in PERIOD_MODIFIERS \
                | WHOLE_MODIFIERS:
            return child.lower_
        if figure.start <= child.i < figure.end:
            continue
        if _is_part(child) \
                and not any(t.like_num for t in token.doc[token.i + 1 : child.i]):
            return _phrase(child)  # not "58 wins, 51 by knockout": that part is the 51's
        if child.dep_ in ("acl", "relcl"):
            part = next((c for c in child.children
                         if _is_part(c)), None)
            if part is not None:
                return _phrase(part)
    verb = _governing_verb(token, [])
    if verb is not None and token.dep_ == "nsubj" and token.head.i == verb.i:
        part = next((c for c in verb.children
                     if _is_part(c)), None)
        if part is not None:  # "51 wins came by knockout"; a passive's agent is no part
            return _phrase(part)
    if verb is not None and (earlier := _another_time(verb)):
        return earlier
    verb = verb or token.sent.root  # a verbless fragment ("112 RBIs last season, including")
    if group := _group_restriction(figure, verb):
        return group
    # The period may hang from any word of the figure's clause ("has 548 yards, 28 receptions
    # and 258 receiving yards this season"); the one nearest the figure is its own.
    periods = [t for t in verb.subtree if _is_period(t) and token not in t.subtree
               and not figure.start <= t.i < figure.end and _in_clause(t, verb, token)]
    if not periods:
        return None
    return _phrase(min(periods, key=lambda t: abs(t.i - token.i)))


# Distances in time that put a clause's event on another occasion than the story's: "came
# weeks after a gunman wounded five people" is an earlier shooting; "hours after" may be the same.
LONG_TIME_NOUNS = {"week", "month", "year", "decade"}
SEQUENCE_MARKS = {"after", "before"}


def _another_time(verb: Token) -> str | None:
    """"weeks after" when the figure's clause is subordinated by "after"/"before" with a
    distance of weeks or more ("came just weeks after a gunman wounded five people"): the
    figure is of that other occasion, not of the event the story reports."""
    mark = next((c for c in verb.children
                 if c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS), None)
    if mark is None:
        return None
    distance = next((t for t in (*mark.children, *verb.children)
                     if t.dep_ == "npadvmod" and t.lemma_.lower() in LONG_TIME_NOUNS), None)
    return f"{distance.lemma_.lower()}s {mark.lower_}" if distance is not None else None


def _group_restriction(figure: Span, verb: Token) -> str | None:
    """"among voters under 40": a share or count taken within one group of people is that
    group's figure, a part of the whole ("61 percent among voters under 40", "led among
    renters by four points", "the margin of error among that group"). Polls give one figure per
    group, so a figure of one group is never the same figure as another group's or the whole's.
    The nearest such phrase of the figure's clause is its own."""
    token = figure.root
    groups = [t for t in verb.subtree
              if t.dep_ == "prep" and t.lower_ in GROUP_PREPOSITIONS and token not in t.subtree
              and not figure.start <= t.i < figure.end and _in_clause(t, verb, token)
              and any(c.dep_ == "pobj" for c in t.children)]
    if not groups:
        return None
    return _group_phrase(min(groups, key=lambda t: abs(t.i - token.i)))


def _group_phrase(preposition: Token) -> str:
    """The group with the words that narrow it right after it, which the parser often hangs
    elsewhere ("among voters under 40" with "under 40" on the verb): "among voters under 40"
    and "among voters over 65" are two groups."""
    words = [t for t in preposition.subtree if t.dep_ not in LEFT_OUT]
    end = max(t.i for t in preposition.subtree) + 1
    doc = preposition.doc
    while end < len(doc) and doc[end].dep_ == "prep" and doc[end].lower_ in GROUP_NARROWING:
        narrowing = list(doc[end].subtree)
        words += [t for t in narrowing if t.dep_ not in LEFT_OUT]
        end = max(t.i for t in narrowing) + 1
    return " ".join(t.lower_ for t in words)


def _is_part(token: Token) -> bool:
    """"by knockout", "via submission": a part of a count; "by the afternoon", "by Friday" is a
    deadline, no part."""
    if token.dep_ != "prep" or token.lower_ not in PART_PREPOSITIONS:
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return not any(o.lemma_.lower() in PERIOD_NOUNS | TIME_NOUNS or o.ent_type_ in ("DATE", "TIME")
                   for o in objects)


def _is_period(token: Token) -> bool:
    if token.dep_ == "prep":
        return token.lower_ in PERIOD_PREPOSITIONS and _names_period(token)
    return token.dep_ == "npadvmod" and token.lemma_.lower() in PERIOD_NOUNS


def _in_clause(token: Token, verb: Token, figure: Token) -> bool:
    """``token`` hangs from ``verb`` without passing through another clause ("who …", "after
    he …", "said that …"), nor through an infinitive or participle clause of a word other than
    the figure's own noun ("with 4:43 left to play in the first half" dates the play, not the
    record broken; "the 30 goals scored this season" is the goals' own)."""
    node = token
    while node.i != verb.i:
        if node is not token and node.dep_ in ("ccomp", "advcl", "relcl", "csubj", "parataxis"):
            return False
        if node is not token and node.dep_ in ("acl", "xcomp") and node.head.i != figure.i:
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True


def _names_period(preposition: Token) -> bool:
    """"in his last two games", "since Week 11", "since March": a stretch of time or play; a
    date opens a period only after "since" ("in March" is when, not how long)."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return bool(objects) and (objects[0].lemma_.lower() in PERIOD_NOUNS or (
        preposition.lower_ == "since" and objects[0].ent_type_ == "DATE"))


def _phrase(head: Token) -> str:
    return " ".join(t.lower_ for t in head.subtree if t.dep_ not in LEFT_OUT)
