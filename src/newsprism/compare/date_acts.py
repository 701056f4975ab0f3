"""Whether two different dates can be one act misdated, rather than two acts of one story.

A story has many dated acts: a first partial repair and the full one, a first hearing and the
trial it sets, a campaign and taking office. Two outlets giving different dates contradict each
other only about the **same act** (the dated verbs or event nouns meet) done by the **same
participants** (the sentences name someone in common, or are closely worded), at the same
**extent** ("restored some services" and "fully restored" are two steps), and only when neither
sentence also states the other's date (then it dates two acts itself: "an Emmy in 2005 for
hosting the Tonys in 2004").
A re-worded sentence dates the same act whatever its verbs, and so do two closely worded
sentences naming the same people when each date hangs on a verb of its own ("served from 1967",
"held the seat from 1966": synonyms the word lists do not know).

Participants set acts apart: two acts of one kind (the dated words meet) done to different
people or things, by different people, or between different sides are two acts, whatever their
wording: "Pike, who was fired March 2" and "Marsh, fired on June 8" are two firings; "signed an
executive order" and "a spending bill signed by ..." two signings; "Friday's semifinal between A
and B" and "C advances to play Saturday" two games; "the first round" and "the second round" two
rounds. A role one side leaves unnamed tells nothing (read by
:func:`newsprism.read.date_venue.participants_of`).

One act needs showing, not only two acts of one kind: outlets date many acts of a running story
with the same verbs ("states that vote on March 1", "South Carolina, where voters vote on Feb.
27"), so two dates are set against each other only when something shows they date one act
(:func:`one_act_shown`): the sentences re-word each other, or the dated acts share a
participant - a name in a role (resolved through "he"/"she") that the other act names in a
role, as the body its doers act for ("White House officials") or in its dated clause; a common
noun ("voters approved the bond in 2009" / "voters in 2010 approved"); a named place; a
described thing; or both days are their articles' news, dating acts of one kind (one week's
reports of a story tell its one hearing). Names elsewhere in the sentences (the candidate whose
campaign both stories follow) show nothing.

Places set acts apart: a hearing before the Crown Court and one before the magistrates are two
acts (the venue is read by :mod:`newsprism.read.date_venue`); a name inside the other is
one place ("Hollowmere" / "Hollowmere Crown Court").

Time sets acts apart too: a date that is the day of its article's own news (within a week of its
publication: "fired today", "on Tuesday") and a date more than a month from it are the news and
an act of another time ("O'Brien, fired on June 8" a year before; a rule reversed two months
later), never one act misdated: outlets that misdate an act slip by a day or a few (a weekday
counted from another publication date, a time zone).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsprism.compare.align import (
    CLOSE,
    LIGHT_VERBS,
    SAME,
    event_stems,
    events_meet,
    shared_names,
)
from newsprism.compare.statements import Statement
from newsprism.model import Article, DateMention
from newsprism.read.coref import HONORIFIC_GENDER, TITLES
from newsprism.read.date_lines import publication_day

YEAR = re.compile(r"\b\d{4}\b|['’]\d\d\b")
# Words marking how far an act went: the first, partial step of it and the completed one are
# dated apart by every outlet that reports both.
# "some" only as a part of a whole ("some services"), not as "about" ("some 200 people").
EXTENT = re.compile(r"\b(fully|full|partly|partially|partial|completely|initially|some)\b"
                    r"(?!\s+(?:\d|a\b|an\b|one\b|two\b|three\b|few\b|hundred|thousand|dozen))",
                    re.IGNORECASE)
# Words written before a name that are no part of it ("Mr.", "Gov.", "Mayor").
NAME_TITLES = set(HONORIFIC_GENDER) | TITLES | {"gov", "pres", "secretary"}
# A weekday, "yesterday" or "tomorrow" is named within a week of publication: that is the news.
NEWS_DAYS = 7
# Two dates further apart than a month are two acts when one of them is the news.
APART_DAYS = 31


def may_conflict(
    a: Statement, date_a: DateMention, b: Statement, date_b: DateMention, wording: float,
    news_pegs: bool = False,
) -> bool:
    """Two disagreeing dates may be set against each other (see the module's rules).
    ``news_pegs``: both date their article's news peg, for the same people
    (:func:`newsprism.compare.date_facts.date_score`): one act, whatever the verbs."""
    if _states_other_date(a, date_b) or _states_other_date(b, date_a):
        return False
    if _extent(a) != _extent(b):
        return False
    if _news_and_another_time(a.article, date_a, b.article, date_b):
        return False
    if participants_differ(date_a, date_b):
        return False
    reworded = wording >= SAME
    named = bool(shared_names(a, b))
    same_act = (news_pegs or reworded or events_meet(date_a.predicates, date_b.predicates)
                or bool(set(date_a.predicates) & set(date_b.predicates))
                or (named and wording >= CLOSE and _eventful(date_a) and _eventful(date_b)))
    # Who acted is shown by a re-wording, by the acts' participants (one_act_shown), or (the
    # tagger misses many names: "authorities in X county" / "the prefect of X county") by
    # closely worded sentences dating an act told by a verb and its object alike ("ordered the
    # evacuation" / "signed the evacuation order"); a lone shared verb ("will appear") fits
    # every hearing of a case.
    participants = (news_pegs or reworded or one_act_shown(date_a, date_b)
                    or _one_news_act(a.article, date_a, b.article, date_b)
                    or (wording >= CLOSE and _shared_events(date_a, date_b) >= 2))
    return same_act and participants


def one_act_shown(a: DateMention, b: DateMention) -> bool:
    """The two dated acts share a participant (see the module): a name in a role of one that
    is a name in a role or a name of the dated clause of the other ("after Edward Brooke, who
    served from 1967" / "since Edward Brooke held the seat from 1966", where the parse left
    the doer unread); one body both acts' people act for ("White House officials" / "White
    House adviser Larry Summers"); a common noun; a place; a described thing."""
    named_a, named_b = _named_roles(a), _named_roles(b)
    if named_a and named_b:
        if _names_meet(named_a, named_b):
            return True
    elif named_a or named_b:
        named, other = (named_a, b) if named_a else (named_b, a)
        if _names_meet(named, _role(other, "clause") + other.setting):
            return True
    # The body two groups act for is compared with the body only: "White House officials" /
    # "White House adviser Larry Summers"; a team that arrested nobody is no owner of its player.
    if _names_meet(_role(a, "owner"), _role(b, "owner")):
        return True
    nouns_a, nouns_b = set(_role(a, "noun")), set(_role(b, "noun"))
    things_a = {w for t in _role(a, "thing") for w in t.split()}
    things_b = {w for t in _role(b, "thing") for w in t.split()}
    return bool(nouns_a & nouns_b or things_a & things_b) or _names_meet(a.setting, b.setting)


def _names_meet(names_a: list[str], names_b: list[str]) -> bool:
    return bool(names_a and names_b) and not names_differ(names_a, names_b)


def _one_news_act(
    article_a: Article, date_a: DateMention, article_b: Article, date_b: DateMention
) -> bool:
    """Both days are their articles' news (within a week of publication) and date acts of one
    kind ("argued at the court Sunday" / "Tuesday's arguments"): reports of one running story
    in one week tell its one act of that kind, so one of them misdates it (acts of other
    participants are still told apart by :func:`participants_differ`)."""
    return events_meet(date_a.predicates, date_b.predicates) and _is_news(article_a, date_a) \
        and _is_news(article_b, date_b)


def _named_roles(mention: DateMention) -> list[str]:
    return [name for role in ("doer", "agent", "patient", "party")
            for name in _role(mention, role)]


def participants_differ(a: DateMention, b: DateMention) -> bool:
    """The two dates date acts with different participants (read by
    :func:`newsprism.read.date_venue.participants_of`): two firings of two people, two signings
    of two documents, two games of different sides, the first round and the second. Each role
    is compared only when both dates name it; what one side leaves unnamed tells nothing. Roles
    are compared only for acts of one kind (the dated words meet: "fired" / "fired"): the
    object of "released" and that of "featured" are no two versions of one participant."""
    if not events_meet(a.predicates, b.predicates):
        return False
    if any(names_differ(_role(a, role), _role(b, role)) for role in ("patient", "agent")):
        return True
    if _things_differ(_role(a, "thing"), _role(b, "thing")):
        return True
    instances_a, instances_b = set(_role(a, "instance")), set(_role(b, "instance"))
    if instances_a and instances_b and not instances_a & instances_b:
        return True
    # "The game between A and B" names every side of it: a game C plays is another one.
    parties_a, parties_b = _role(a, "party"), _role(b, "party")
    return names_differ(parties_a, parties_b or _role(b, "doer")) or \
        names_differ(parties_b, parties_a or _role(a, "doer"))


def _role(mention: DateMention, role: str) -> list[str]:
    return [p.split(":", 1)[1] for p in mention.participants if p.startswith(role + ":")]


def _things_differ(things_a: list[str], things_b: list[str]) -> bool:
    """Both sides describe what the act was done to, and the descriptions share no word ("an
    executive order" / "an omnibus spending bill"; "a spending bill" / "the omnibus spending
    bill" share one and may be one bill)."""
    words_a = {w for t in things_a for w in t.split()}
    words_b = {w for t in things_b for w in t.split()}
    return bool(words_a and words_b) and not words_a & words_b


def names_differ(names_a: list[str], names_b: list[str]) -> bool:
    """Both sides name someone (or some place) and no name of one is, or is inside, a name of
    the other."""
    words_a, words_b = [_name_words(n) for n in names_a], [_name_words(n) for n in names_b]
    return bool(words_a and words_b) and not any(
        x <= y or y <= x for x in words_a for y in words_b)


def _name_words(name: str) -> frozenset[str]:
    """The words of a name, without "the", possessive marks and the honorifics and titles an
    outlet may or may not write before it ("Mrs. Calder" is "Ruth Calder")."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"['’]s?\b", "", name.lower()))
    return frozenset(w for w in words if w != "the" and w not in NAME_TITLES)


def _news_and_another_time(
    article_a: Article, date_a: DateMention, article_b: Article, date_b: DateMention
) -> bool:
    """One date is the day of its article's news and the other lies more than a month from it
    (see the module's rules)."""
    span_a, span_b = _days(date_a.value), _days(date_b.value)
    if span_a is None or span_b is None:
        return False
    gap = max(span_a[0] - span_b[1], span_b[0] - span_a[1], timedelta(0))
    if gap <= timedelta(days=APART_DAYS):
        return False
    return _is_news(article_a, date_a) or _is_news(article_b, date_b)


def _is_news(article: Article, mention: DateMention) -> bool:
    published = publication_day(article)
    day = _days(mention.value) if mention.precision == "day" else None
    return published is not None and day is not None and \
        abs(day[0] - published) <= timedelta(days=NEWS_DAYS)


def _days(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO date of any precision covers; None without a year."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            first = date(int(value[:4]), int(value[5:]), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _shared_events(a: DateMention, b: DateMention) -> int:
    """How many event words (derived forms as one, light verbs aside) the two dates share."""
    return len(event_stems(a.predicates) & event_stems(b.predicates))


def _eventful(mention: DateMention) -> bool:
    """The date hangs on a verb or noun of its own ("served from 1967", "held the seat"), not
    only on one that fits any report ("said on May 2"): two such acts of the same people in
    closely worded sentences are one act in two words; a report's date is the report's."""
    return bool(mention.predicates) and all(p not in LIGHT_VERBS for p in mention.predicates)


def _states_other_date(statement: Statement, other: DateMention) -> bool:
    """The sentence names the other outlet's date itself, to the same precision (a year that
    merely contains the other's day does not count: "in 2021 ... on March 12")."""
    return any(mention.value == other.value or same_as_written(mention, other)
               for mention in statement.dates)


def _extent(statement: Statement) -> set[str]:
    """The extent words of a sentence, "full" and "fully" as one."""
    return {m.lower().removesuffix("ly") if m.lower().startswith("full") else m.lower()
            for m in EXTENT.findall(statement.text)}


def same_as_written(a: DateMention, b: DateMention) -> bool:
    """Two outlets wrote the same day or month without a year ("June 20", "end of July") and
    only the year each was resolved to differs: what they wrote agrees, so there is nothing to
    set against each other (the years come from their publication dates, not from them)."""
    if YEAR.search(a.text) or YEAR.search(b.text) or a.precision != b.precision:
        return False
    return a.value[4:] == b.value[4:] and _written(a) == _written(b)


def _written(mention: DateMention) -> str:
    return re.sub(r"[^a-z0-9]+", " ", mention.text.lower()).strip()
