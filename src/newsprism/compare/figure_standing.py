"""What a figure stands for in its outlet's report, beyond whose it is (:mod:`.bearer`):

- a **claim the outlet disputes** is not the outlet's statement. "Roe said the rate was 30
  percent. It was unclear where Roe got the figure." or "Roe claimed 5,000 came; in fact 3,000
  did": the outlet reports the 30 percent (the 5,000) as someone's claim and doubts it, so
  another outlet's figure is not contradicted by it (the outlet's own figure, if it gives one,
  still is);
- a market's **close** is not its move during the day: "stocks plunged 4.6 percent" (at some
  point of the session) and "stocks closed down 2.8 percent" are two measures of one session;
- figures of **two marked events** are two figures: news tells events of one kind apart by a
  figure that names them, a quake's magnitude, a storm's category, a flight's number. "A
  magnitude-5.2 quake injured three people" and "a 5.6 quake injured five" are two quakes (an
  aftershock, a second tremor), not one injury count misreported;
- a **change** is not a level: "turnout was up 70 percent from 2008" and "won 73 percent of the
  vote" are two measures (a change and a share), and so are a rise and a fall ("a 30% decline"
  in one party's turnout, "up 70 percent" in the other's): a story that sets what rose against
  what fell gives one figure of each, and an outlet misreporting a figure does not also turn
  its direction.
"""

from __future__ import annotations

import re

from newsprism.compare.statements import Statement
from newsprism.model import Quantity

# A verb that reports someone's claim: the figure may be theirs rather than the outlet's.
CLAIM_VERB = re.compile(
    r"\b(?:said|says|say|claimed|claims|claim|argued|argues|asserted|asserts|insisted|insists|"
    r"boasted|boasts|alleged|alleges|contended|contends|told)\b", re.IGNORECASE)
# The outlet doubting or correcting a claim it reports.
DISPUTE_CUE = re.compile(
    r"\b(?:unclear (?:where|how|what)|no evidence|without evidence|falsely|wrongly|incorrectly|"
    r"erroneously|mistakenly|inaccurate(?:ly)?|in fact|in reality|actually|not true|untrue|"
    r"misleading|unsupported|unsubstantiated|could not be verified|did not say where)\b",
    re.IGNORECASE)
# The events that give a market's close ("closed down 2.8 percent", "ended the day lower").
CLOSING_EVENTS = {"close", "finish", "settle", "end"}
# Measures a trading session moves: shares, prices, index points.
SESSION_UNITS = {"percent", "dollar", "pound", "euro", "yen", "point"}
# The figures that name which event of its kind a sentence speaks of.
# A magnitude as written, also with the decimal point some copies of pages space out ("5. 9").
_DECIMAL = r"(\d{1,2}(?:\s?\.\s?\d)?)"
_TENTHS = r"(\d\s?\.\s?\d)"
_NOT_AFTER_DIGITS = r"(?<![\d.])(?<![\d.]\s)"
# A figure given as a change, by the words right before it ("rose 5 percent", "was up 70
# percent", "an increase of 5 percent") or right after it ("a 30% decline", "5 percent higher").
# "Up" and "down" count only after a form of "be", a comma or a dash ("turnout was up 70
# percent", "shares, down 3 percent"), not as a verb's particle ("picked up two delegates").
_BY = r"\s+(?:by\s+)?$"
RISE_BEFORE = re.compile(
    r"(?:\b(?:rose|rise|rises|rising|risen|increased|increases|grew|grows|grown|gained|gains|"
    r"jumped|jumps|climbed|climbs|soared|soars|surged|surges)|(?:\b(?:is|are|was|were|be|been|"
    r"being)|[,—–])\s+up)" + _BY + r"|\b(?:increase|rise|gain|jump|growth|surge)\s+of\s+$",
    re.IGNORECASE)
FALL_BEFORE = re.compile(
    r"(?:\b(?:fell|fall|falls|falling|fallen|dropped|drops|declined|declines|decreased|"
    r"decreases|slid|slides|slipped|slips|plunged|plunges|plummeted|sank|sinks|shrank|shrinks|"
    r"tumbled|tumbles|dipped|dips)|(?:\b(?:is|are|was|were|be|been|being)|[,—–])\s+down)"
    + _BY + r"|\b(?:decrease|decline|drop|fall|reduction|cut|loss)\s+of\s+$", re.IGNORECASE)
RISE_AFTER = re.compile(r"^\s*(?:-\s*)?(?:increases?|rises?|gains?|jumps?|growth|surges?|"
                        r"higher|more than)\b", re.IGNORECASE)
FALL_AFTER = re.compile(r"^\s*(?:-\s*)?(?:decreases?|declines?|drops?|falls?|reductions?|"
                        r"cuts?|lower|less than|fewer than)\b", re.IGNORECASE)
CHANGE_WINDOW = 40  # characters either side of a figure where its change words stand
# The sentences of an article's lead: headline, stamp or dateline, and the first of the copy.
LEAD_SENTENCES = 3
EVENT_MARKS = {
    # "magnitude-5.2", "a 5.6 magnitude", "magnitude of 6", "a 5.6 quake", "measuring 5.6"
    "magnitude": re.compile(
        rf"\bmagnitude\s*-?\s*(?:of\s+)?{_DECIMAL}(?!\s?[\d.]\d)|{_NOT_AFTER_DIGITS}(?:"
        rf"{_DECIMAL}\s*-?\s*magnitude\b|{_TENTHS}\s*-?\s*(?:earth)?quakes?\b|{_TENTHS}\s*-?\s*"
        rf"(?:tremor|temblor|aftershock)s?\b)|\bmeasuring\s+{_TENTHS}", re.IGNORECASE),
    # "a Category 4 hurricane", "category-3 storm"
    "category": re.compile(r"\bcategory\s*-?\s*(\d)\b", re.IGNORECASE),
    # "Flight 93", "flight MH17"
    "flight": re.compile(r"\bflight\s+(?:no\.?\s*)?([A-Z]{0,3}\s?\d{1,5})\b", re.IGNORECASE),
}


def disputed_claim(statement: Statement, quantity: Quantity) -> bool:
    """The figure is a claim its sentence reports ("Roe said …") that the outlet doubts or
    corrects, in the same sentence after the figure ("…; in fact …") or in the next one."""
    article = statement.article
    sentence = statement.sentence
    if not CLAIM_VERB.search(article.text, sentence.start, sentence.end):
        return False
    if DISPUTE_CUE.search(article.text, quantity.end, sentence.end):
        return True
    following = next((s for s in article.sentences if s.start >= sentence.end), None)
    return following is not None and following.paragraph == sentence.paragraph \
        and DISPUTE_CUE.search(article.text, following.start, following.end) is not None


def same_session_measure(qa: Quantity, qb: Quantity) -> bool:
    """Both figures are a session's close, or neither is: a close and a move during the day
    are two measures."""
    if qa.unit not in SESSION_UNITS or qb.unit not in SESSION_UNITS:
        return True
    return _closing(qa) == _closing(qb)


def _closing(quantity: Quantity) -> bool:
    return bool(CLOSING_EVENTS & set(quantity.predicates))


def same_change(a: Statement, qa: Quantity, b: Statement, qb: Quantity) -> bool:
    """Both figures are levels, or both changes in the same direction (see the module): a
    change is never the level it changed, nor a rise the fall of another measure."""
    return change_of(a, qa) == change_of(b, qb)


def change_of(statement: Statement, quantity: Quantity) -> str | None:
    """"rise" or "fall" when the figure is given as a change, None when it is a level, a share
    or a count ("rose to 73 percent" is the level reached: only the words right before or
    right after the figure are read)."""
    text = statement.article.text
    sentence = statement.sentence
    before = text[max(sentence.start, quantity.start - CHANGE_WINDOW):quantity.start]
    after = text[quantity.end:min(sentence.end, quantity.end + CHANGE_WINDOW)]
    if RISE_BEFORE.search(before) or RISE_AFTER.match(after):
        return "rise"
    if FALL_BEFORE.search(before) or FALL_AFTER.match(after):
        return "fall"
    return None


def same_marked_event(a: Statement, b: Statement) -> bool:
    """The two sentences' events are not told apart by their marks: a sentence whose quake is of
    magnitude 5.2 speaks of another quake than one whose quake is of 5.6 when either outlet
    itself names both ("a magnitude-5.2 quake injured three ... Earlier on Sunday a 5.6 quake
    jolted the island"). Outlets that each give one magnitude, differently, may be giving two
    agencies' readings of one quake, which is no reason to part their figures. A mark given to
    fewer digits meets any it rounds to (6 and 6.1). A sentence that gives no mark speaks of
    the event its article's lead marks ("the quake injured five"; see :func:`event_marks`)."""
    marks_a, marks_b = event_marks(a), event_marks(b)
    for kind in marks_a.keys() & marks_b.keys():
        if any(_marks_meet(x, y) for x in marks_a[kind] for y in marks_b[kind]):
            continue
        named_a, named_b = _all_marks(a, kind), _all_marks(b, kind)
        if any(_marks_meet(x, y) for x in named_a for y in marks_b[kind]) \
                or any(_marks_meet(x, y) for x in named_b for y in marks_a[kind]):
            return False
    return True


def _all_marks(statement: Statement, kind: str) -> list[str]:
    return [_mark_value(m) for m in EVENT_MARKS[kind].finditer(statement.article.text)]


def event_marks(statement: Statement) -> dict[str, list[str]]:
    """The event marks of a statement's sentence by kind, else its article's lead's (its
    first sentences: headline, stamp, first line of copy). A mark further down an article
    that gives none in its lead is a background event's ("In February, a quake measuring 6.4
    hit another town"), no name for the story's own."""
    text = statement.article.text
    sentence = statement.sentence
    lead = statement.article.sentences[:LEAD_SENTENCES]
    lead_end = lead[-1].end if lead else 0
    marks: dict[str, list[str]] = {}
    for kind, pattern in EVENT_MARKS.items():
        found = [_mark_value(m) for m in pattern.finditer(text, sentence.start, sentence.end)]
        if not found:
            first = pattern.search(text, 0, lead_end)
            found = [_mark_value(first)] if first is not None else []
        if found:
            marks[kind] = found
    return marks


def _mark_value(match: re.Match) -> str:
    return re.sub(r"\s", "", next(g for g in match.groups() if g)).upper()


def _marks_meet(x: str, y: str) -> bool:
    """Equal marks, or a mark given to fewer decimals that the other rounds to."""
    if x == y:
        return True
    try:
        fx, fy = float(x), float(y)
    except ValueError:
        return False  # flight numbers: equal or not
    places = min(len(x.partition(".")[2]), len(y.partition(".")[2]))
    return round(fx, places) == round(fy, places)
