"""Whose figure: the person or thing a figure describes, for telling two figures apart.

Two outlets giving different ages are in conflict only about one person's age: "40-year-old Jane
Roe, a passer-by" and "15-year-old John Doe" are two people, not a misreported age. A figure's
*bearer* is read from the words around it, without re-parsing:

- a **name it modifies** ("40-year-old Jane Roe", "an unarmed 23-year-old woman, Jane Roe",
  "the 240-pound Doe") or a **name it is attributed to** ("Doe's 62-yard run", "the Hawks 35-yard
  line");
- the **noun it measures** when the figure is a compound modifier ("a 12-yard line" vs "a
  five-yard touchdown", "a 75-yard run" vs "a 55-yard drive"): a hyphenated or singular unit
  after a number above one ("80 yard pass") always qualifies the noun that follows.

The reader also records on each figure whose it is (``Quantity.bearer``: the possessor or the
subject of its clause, "he"/"she" resolved, see :mod:`newsprism.read.figure_owner`) and which
figure of its kind it is (``Quantity.scope``: "since week 9", "season", "by knockout", see
:func:`newsprism.read.figure_context.scope_of`). Figures of two different bearers, or of two
different scopes, are two figures; a part of a count ("by knockout") is never the count itself,
nor is a window of a record ("since October", "in his last two games") the unbounded record.
The length a compound measures ("an 11-game win streak") is neither share nor set of an "N of M"
partitive ("won 18 of its next 23 games"). A partitive over a window ("won seven of the past eight
contests") gives a share of a run the writer chose and the run's length: a share of the past eight
and one of the past nine are two quantities, and neither is the length of a run.

Only disagreeing figures are checked (:func:`same_bearer`): equal figures of two people are
still two equal figures, and that is no claim against anyone.
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.compare.align import event_stem
from newsprism.compare.statements import Statement
from newsprism.model import Mention, Quantity
from newsprism.read.coref import name_tokens, org_key, surname

# A figure modifies a name ("40-year-old Jane Roe"; the tagger may call a rare name a facility
# or an organisation, so any name counts); a place, nationality or number before its noun
# modifies that noun ("a 16-year-old Brooklyn resident"), and is not its bearer.
NOT_BEARERS = {"GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY",
               "PERCENT"}
# A figure is attributed to a person or team ("Doe's 62-yard run", "the Hawks 35-yard line"); to
# a place or nationality only in the possessive ("Greece's 11 million people").
ATTRIBUTED_NAMES = {"PERSON", "ORG"}
POSSESSIVE_NAMES = {"PERSON", "ORG", "GPE", "NORP"}
# Between a figure and the name it modifies: at most two common nouns or adjectives and a comma
# ("31-year-old woman, Jane Roe"; "240-pound Doe").
GAP_BEFORE_NAME = re.compile(r"[\s,]*(?:[a-z][\w’'-]*[\s,]+){0,2}")
# Between a name and a figure attributed to it: a possessive, or nothing ("the Hawks 35-yard").
GAP_AFTER_NAME = re.compile(r"(?:['’]s?)?\s*")
HYPHENATED_UNIT = re.compile(r"\d\s*-\s*[a-z]+(?:\s*-\s*[a-z]+)*\s*$|[a-z]\s*-\s*[a-z]+\s*$",
                             re.IGNORECASE)
PART_WORDS = {"by", "via", "among", "amongst"}
WHOLE_WORDS = {"combined"}  # "a combined 143 games": the sum of parts, none of them
# "in his last two games", "over the past month", "during the first half": a window of a
# longer stretch (the determiner is not part of a read scope: "in last two games").
WINDOW_PREPOSITIONS = {"in", "over", "during", "within", "across", "through"}
WINDOW_WORDS = {"last", "past", "previous", "recent", "first", "opening", "final", "next"}
# A figure's events that make it a rate rather than a total: "averaged 90 RBIs a season".
RATE_EVENTS = {"average"}
ROUND_UP_OWNERS = 3  # owners of one measure in one article that make it a round-up
# Between the part and the whole of a partitive: "of", and a determiner or adjectives ("18 of
# its next 23 games").
PARTITIVE_OF = re.compile(r"\s+of\s+(?:[^\W\d][\w’'-]*\s+){0,3}")
NEXT_WORD = re.compile(r"\s*([A-Za-z][\w’'-]*)")


def same_bearer(a: Statement, qa: Quantity, b: Statement, qb: Quantity) -> bool:
    """Whether two figures may be one figure misreported: their sentences name no two
    different sets of people, neither sentence also gives the other's figure, the figures
    describe no two different named bearers, a named bearer is one the other outlet's sentence
    speaks of, and as compound modifiers they measure the same noun."""
    if states_other_figure(a, qa, qb) or states_other_figure(b, qb, qa):
        return False
    if not bearers_may_match(qa, qb) or not scopes_may_match(qa, qb):
        return False
    if window_apart(a, qa, b, qb) or partitive_windows_apart(a, qa, b, qb):
        return False
    if not (owner_is_known(a, qa) and owner_is_known(b, qb)):
        return False
    if not (bearer_named_in(qa, b) and bearer_named_in(qb, a)):
        return False
    if _people(a) and _people(b) and not _people(a) & _people(b):
        return False  # "Doe has 310 yards" / "Roe has 150 yards": two people's figures
    owner_a, owner_b = figure_owner(a, qa), figure_owner(b, qb)
    if owner_a and owner_b and owner_a != owner_b:
        return False
    if owner_a and not owner_b and owner_a not in _named(b):
        return False
    if owner_b and not owner_a and owner_b not in _named(a):
        return False
    head_a, head_b = measured_noun(a, qa), measured_noun(b, qb)
    if head_a and head_b and event_stem(head_a) != event_stem(head_b):
        return False
    # "an 11-game win streak" measures the streak; "won 18 of its next 23 games" counts a share
    # of a set (18) and the set (23): the length of a thing is neither.
    return not ((head_a and not head_b and in_partitive(b, qb))
                or (head_b and not head_a and in_partitive(a, qa)))


def in_partitive(statement: Statement, quantity: Quantity) -> bool:
    """The figure is the part or the whole of an "N of M" partitive of two figures ("won 18 of
    its next 23 games", "23 of 35 passes"): a share of a set, or the set."""
    text = statement.article.text
    sentence = statement.sentence
    for other in statement.article.quantities:
        if not sentence.start <= other.start < sentence.end:
            continue
        first, second = (quantity, other) if quantity.end <= other.start else (other, quantity)
        if second.start > first.end and PARTITIVE_OF.fullmatch(text[first.end:second.start]):
            return True
    return False


def partitive_windows_apart(a: Statement, qa: Quantity, b: Statement, qb: Quantity) -> bool:
    """Two figures are shares of, or lengths of, runs of different lengths, or only one of them
    is a share or a length of a run at all. "Won seven of the past eight contests" and "won
    eight of the past nine" count wins over two runs, each chosen by its writer: neither
    outlet's figure is the other's misreported, nor is a share (seven) the run's length (nine),
    nor either of them a count given for no run ("has won eight contests"). Shares of one run
    ("18 of its next 23 games" / "16 of its next 23 games") are one figure given twice."""
    share_a, share_b = window_share(a, qa), window_share(b, qb)
    return share_a != share_b


def window_share(statement: Statement, quantity: Quantity) -> tuple[str, float] | None:
    """``("part", M)`` for the N of "N of the past M", ``("whole", M)`` for the M, or None
    when the figure is no part of a partitive over a window ("the past", "the last", "their
    next", "the first" M)."""
    text = statement.article.text
    sentence = statement.sentence
    for other in statement.article.quantities:
        if not sentence.start <= other.start < sentence.end \
                or (other.start, other.end) == (quantity.start, quantity.end):
            continue
        first, second = (quantity, other) if quantity.end <= other.start else (other, quantity)
        gap = text[first.end:second.start]
        if second.start > first.end and PARTITIVE_OF.fullmatch(gap) \
                and WINDOW_WORDS & set(gap.lower().split()):
            return ("part" if first is quantity else "whole"), second.value
    return None


def bearers_may_match(qa: Quantity, qb: Quantity) -> bool:
    """Two figures the reader gave different owners ("He [Doe] ran for 440 yards" / "Roe ran
    for 176 yards") are two people's figures."""
    if qa.bearer and qb.bearer:
        return same_name(qa.bearer, qb.bearer)
    # One figure with an owner and one without may be one figure: blocking them (measured)
    # also lost a judged-true conflict, one player's missed games, where one outlet's
    # sentence names him and another's subject is a common noun.
    return True


def owner_is_known(statement: Statement, quantity: Quantity) -> bool:
    """A figure of a measure its article gives for many people or teams ("Doe scored 18
    points", "Roe added 22", "Poe had 12", a round-up of games) is set against another outlet's
    only when the reader knows whose it is: a bearer-less "18 points" in such an article could
    be anyone's. Two owners are not yet a round-up: a story about a couple's taxes gives sums
    of the couple's and of a rival's, and its bearer-less "the couple paid" is still theirs."""
    if quantity.bearer:
        return True
    owners: list[str] = []
    for other in statement.article.quantities:
        if other.unit == quantity.unit and other.bearer \
                and not any(same_name(other.bearer, seen) for seen in owners):
            owners.append(other.bearer)
    return len(owners) < ROUND_UP_OWNERS


def bearer_named_in(quantity: Quantity, other: Statement) -> bool:
    """An outlet that never names a figure's owner is not giving that owner's figure: "He
    hosted the show five times" (read as Carson's) is no version of an article's count that
    never mentions Carson."""
    if not quantity.bearer:
        return True
    tokens = name_tokens(quantity.bearer)
    if not tokens:
        return True
    word = re.escape(surname(tokens))
    return re.search(rf"\b{word}\b", other.article.text, re.IGNORECASE) is not None


def scopes_may_match(qa: Quantity, qb: Quantity) -> bool:
    """Figures of two periods or parts of one measure are two figures: "147 yards in his last
    two games" / "371 yards since Week 9"; "40 wins by knockout" / "47 wins" (a part of a
    count is not the count, nor is a sum of parts, "a combined 143 games"); an average is not a
    total ("averaged 90 RBIs" / "112 RBIs last season"). A figure with a period and one
    without may be one figure, the other outlet leaving the period unsaid."""
    if _is_rate(qa) != _is_rate(qb):
        return False  # "averaged 90 RBIs in six seasons" / "112 RBIs last season"
    if qa.scope and qb.scope:
        return qa.scope == qb.scope
    one = qa.scope or qb.scope
    # "weeks after" (read.figure_context): a figure of another occasion than the story's.
    return not (one and (one.split()[0] in PART_WORDS | WHOLE_WORDS
                         or one.split()[-1] in ("after", "before")))


def window_apart(a: Statement, qa: Quantity, b: Statement, qb: Quantity) -> bool:
    """One figure is given for a window ("arrested three times since October"), the other for
    no period at all ("arrested four times"): a part of a record and the record. When the
    other sentence names a period of its own ("from 2007 through 2014" against "since 2007"),
    the periods are compared as periods (``quantity_facts.same_period``), not parted here."""
    if bool(qa.scope) == bool(qb.scope):
        return False
    window, other = (qa, b) if qa.scope else (qb, a)
    return is_window(window.scope or "") and not any(
        d.precision in ("year", "month") for d in other.dates)


def is_window(scope: str) -> bool:
    """A period that cuts a stretch out of a longer record: one counted from a point ("since
    October", "since week 11") or back from the latest ("in last two games", "over the past
    month"). "Arrested three times since October" is a part of "arrested four times", and
    "498 yards since Week 11" of a season's yards: a window is never the unbounded figure.
    A period that only names the span ("this season", "over three seasons", "career") may be
    what the other outlet leaves unsaid."""
    words = scope.split()
    return words[0] == "since" or (words[0] in WINDOW_PREPOSITIONS
                                   and bool(WINDOW_WORDS & set(words[1:3])))


def _is_rate(quantity: Quantity) -> bool:
    return bool(RATE_EVENTS & set(quantity.predicates))


def same_name(a: str, b: str) -> bool:
    """One person or organisation, by surname as the rest of this module keys names: "Jane
    Roe" / "Roe", "the Hawks" / "Hawks", "Jane Roe" / "Sgt Jane Roe". Given names are not
    compared: a tagger's fullest name for a person may carry a stray word ("Plus Roe" for a
    sentence opening "Plus Roe said"), and two bearers of one surname in one story are rarer
    than that."""
    if org_key(a) == org_key(b):
        return True
    tokens_a, tokens_b = name_tokens(a), name_tokens(b)
    if not (tokens_a and tokens_b):
        return False
    key_a, key_b = surname(tokens_a), surname(tokens_b)
    # "the Does" is the family of "Jane Doe": a plural surname names its bearers together.
    return key_a == key_b or key_a == key_b + "s" or key_b == key_a + "s"


def _people(statement: Statement) -> set[str]:
    """The people a sentence names, by surname: "Progressive Conservative Jane Roe" (a tagger
    keeping the title) and "Jane Roe" are one person."""
    return {_key(m) for m in _mentions_in(statement) if m.label == "PERSON"}


def _named(statement: Statement) -> set[str]:
    """Every name in the sentence, by its last word."""
    return {_key(m) for m in _mentions_in(statement) if m.label not in NOT_BEARERS
            or m.label in ("GPE", "NORP")}


def _mentions_in(statement: Statement) -> list[Mention]:
    sentence = statement.sentence
    return [m for m in statement.article.mentions
            if sentence.start <= m.start and m.end <= sentence.end]


def states_other_figure(a: Statement, qa: Quantity, qb: Quantity) -> bool:
    """Sentence ``a`` also gives a figure of ``qb``'s unit that ``qb``'s range admits, beside
    ``qa``: it speaks of two quantities ("30 feet away ... dragged her 14 feet", "about 10
    feet"), and ``qa`` is not its version of ``qb``."""
    # Every figure of the sentence counts, also one the statement leaves out as a re-mention
    # ("dragging her 14 feet", where "her" reads like a determiner).
    sentence = a.sentence
    return any(q is not qa and q.unit == qb.unit and q.low <= qb.high and qb.low <= q.high
               and sentence.start <= q.start and q.end <= sentence.end
               and (q.start, q.end) != (qa.start, qa.end)
               for q in a.article.quantities)


def figure_owner(statement: Statement, quantity: Quantity) -> str | None:
    """The name the figure describes: one it modifies, else one it is attributed to."""
    article = statement.article
    text = article.text
    inside = _mentions_in(statement)
    following = [m for m in inside if m.label not in NOT_BEARERS and m.start >= quantity.end
                 and GAP_BEFORE_NAME.fullmatch(text[quantity.end:m.start])
                 and not _has_stop_word(text[quantity.end:m.start])]
    if following:
        return _key(min(following, key=lambda m: m.start))
    preceding = [m for m in inside if m.end <= quantity.start and _attributed(
        m, text[m.end:quantity.start])]
    return _key(preceding[-1]) if preceding else None


def _attributed(mention: Mention, gap: str) -> bool:
    """The name stands right before the figure, as its owner ("Doe's", "the Hawks")."""
    if not GAP_AFTER_NAME.fullmatch(gap):
        return False
    possessive = bool(re.match(r"['’]", gap)) or mention.text.endswith(("'s", "’s"))
    return mention.label in (POSSESSIVE_NAMES if possessive else ATTRIBUTED_NAMES)


def measured_noun(statement: Statement, quantity: Quantity) -> str | None:
    """The common noun a compound-modifier figure measures ("12-yard line" -> line)."""
    if not _attributive(quantity):
        return None
    following = NEXT_WORD.match(statement.article.text, quantity.end, statement.sentence.end)
    if following is None:
        return None
    word = following.group(1)
    if not word.islower() or word in ENGLISH_STOP_WORDS:
        return None
    return word


def _attributive(quantity: Quantity) -> bool:
    """"seven-yard", "12-year-old", "80 yard" (a singular unit after a number above one)."""
    if HYPHENATED_UNIT.search(quantity.text):
        return True
    last = quantity.text.split()[-1].lower() if quantity.text.split() else ""
    return quantity.value > 1 and last == (quantity.unit or "") and not last.endswith("s") \
        and last.isalpha() and last not in ("percent", "per")


def _has_stop_word(gap: str) -> bool:
    return any(word in ENGLISH_STOP_WORDS for word in re.findall(r"[a-z]+", gap))


def _key(mention: Mention) -> str:
    """A name by its last word ("Jane Roe's" -> roe), so that variants of one name meet."""
    words = re.sub(r"['’]s?$", "", mention.text.strip()).lower().split()
    return words[-1] if words else ""
