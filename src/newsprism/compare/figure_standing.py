"""What a figure stands for in its outlet's report, beyond whose it is (:mod:`.bearer`):

- a **claim the outlet disputes** is not the outlet's statement. "Roe said the rate was 30
  percent. It was unclear where Roe got the figure." or "Roe claimed 5,000 came; in fact 3,000
  did": the outlet reports the 30 percent (the 5,000) as someone's claim and doubts it, so
  another outlet's figure is not contradicted by it (the outlet's own figure, if it gives one,
  still is);
- a market's **close** is not its move during the day: "stocks plunged 4.6 percent" (at some
  point of the session) and "stocks closed down 2.8 percent" are two measures of one session.
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
