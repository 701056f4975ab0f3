"""Dates as written and as ISO values: "by September 11" -> 2021-09-11, "September 2021" -> 2021-09.

Normalisation is dateparser's job; this module decides *what* to parse and *against what*:

- Only expressions that name a point in the calendar are dates: a month, weekday, year, numeric
  date or a deictic word (today, last year). Durations ("a few months", "the weeks ahead") are not.
- A date without a year is the nearest one of that name to the publication date, in the
  direction the tense points ("was convicted March 20", "will vote in November"). The
  publication date is the article's, else the one its dateline states ("POSTED: 05/02/07").
  Without either the date stays year-less (ISO 8601's "--09-11"): a year the article names
  elsewhere is as often the year of another event ("the killing in June 2005 ... convicted
  March 20") as of this one.
- Weekdays and deictic words need the publication date; without it they are skipped, not guessed.
- A line that is only a publication stamp ("Posted on March 09, 2013", "JUNE 6, 2013 11:34PM")
  dates the page, not the news: its dates are not read, wherever the line sits.
- "today", "this year" inside a quotation are the speaker's present ("we can grow our economy
  today"), not a day the reporter dates: deictic words between quotation marks are not read.
  "On Wednesday" is the Wednesday of the publication week in the direction the tense points
  ("will meet on Wednesday" looks forward, "met on Wednesday" back).
- A year-less slash date ("9/11") is the name of a past event, not a date of the article's year,
  so it stays year-less; "the Nth anniversary of <date>" is that date N years on, and when the base
  date has no year, the anniversary is the one that falls in the article's year.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from newsprism.model import Article, DateMention, DatePrecision, Mention
from newsprism.read.date_lines import publication_day, stamp_lines, within
from newsprism.read.date_venue import (
    PronounResolver,
    participants_of,
    pronoun_resolver,
    setting_and_venue,
)
from newsprism.read.figure_context import predicates_of, setting_of
from newsprism.read.quotemarks import quoted_stretches

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"]
CLOCK_WORD = re.compile(r"^(?:[ap]\.?m\.?|o['’]clock)$", re.IGNORECASE)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DEICTIC = re.compile(r"\b(today|tonight|yesterday|tomorrow|(this|last|next) (week|month|year))\b")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|2100)\b")
MONTH_WORD = re.compile(r"\b(" + "|".join(MONTHS) + r")\.?\b", re.IGNORECASE)
SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
ORDINAL_WORDS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "eleventh", "twelfth"], 1)}
HABITUAL = {"every", "each"}
FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo"}
PERIODS: dict[str, DatePrecision] = {"day": "day", "month": "month", "year": "year"}


class Reference:
    """What year-less and relative dates are resolved against."""

    def __init__(self, published: date | None, year: int | None):
        self.published = published
        self.year = published.year if published else year


def annotate(article: Article, doc: Doc) -> None:
    """Append every calendar date of the parse to ``article.dates``, in text order."""
    reference = _reference(article)
    stamps = stamp_lines(article)
    quoted = quoted_stretches(article.text)
    names = [m for m in article.mentions if m.label not in ("DATE", "TIME", "CARDINAL")]
    pronoun = pronoun_resolver(article, doc)
    found: list[DateMention] = []
    covered: set[int] = set()
    for mention, tokens in _anniversaries(doc, reference):
        found.append(mention)
        covered.update(tokens)
    for span in _date_spans(doc):
        if covered.intersection(range(span.start, span.end)):
            continue
        if within(span.start_char, stamps) or (
                within(span.start_char, quoted) and _speakers_present(span)):
            continue
        mention = _normalise(span, reference, names, pronoun)
        if mention is not None:
            found.append(mention)
    article.dates.extend(sorted(found, key=lambda m: m.start))


def _speakers_present(span: Span) -> bool:
    """A quoted "today" that is the speaker's present, "these days" ("we can grow our economy
    today"), not a day: it dates no act. "Today's ruling", "the interview he gave today", "she
    will testify today" and every "yesterday" or "tomorrow" name the day the speaker spoke
    about, as the reporter's own words would."""
    words = re.findall(r"[a-z]+", span.text.lower())
    if words != ["today"]:
        return False
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    possessive = span.root.dep_ == "poss" or (following is not None and following.tag_ == "POS")
    return not possessive and _tense(span.root) is None


def _reference(article: Article) -> Reference:
    published = publication_day(article)
    if published is None and article.published and YEAR.match(article.published):
        return Reference(None, int(article.published[:4]))
    return Reference(published, None)


# --- candidates -------------------------------------------------------------------------------


def _date_spans(doc: Doc) -> list[Span]:
    """DATE entities, the calendar part of TIME entities ("Sunday" of "Sunday night"), and
    numeric slash dates the tagger took for numbers ("9/11")."""
    spans = [_trim(ent) for ent in doc.ents if ent.label_ == "DATE"]
    spans += [part for ent in doc.ents if ent.label_ == "TIME"
              and (part := _calendar_part(ent)) is not None]
    in_ents = {i for span in spans for i in range(span.start, span.end)}
    spans += [doc[t.i : t.i + 1] for t in doc if t.i not in in_ents and _slash_date(t.text)]
    return sorted((s for s in spans if len(s)), key=lambda s: s.start)


def _calendar_part(span: Span) -> Span | None:
    """The weekday or month-and-day inside a time of day: "Sunday" of "Sunday night", "June 5"
    of "10 a.m. June 5". The tagger labels such a phrase a time, but it names a day."""
    named = [t.i for t in span if t.lower_.rstrip(".") in WEEKDAYS or t.lower_.rstrip(".") in
             MONTHS]
    if not named:
        return None
    start, end = min(named), max(named) + 1
    doc = span.doc
    if start > span.start and _day_number(doc[start - 1]) and int(doc[start - 1].text) <= 31:
        start -= 1  # "7 October"
    # Only a month takes a day and year after it ("June 5, 2014"); after a weekday, or followed
    # by a clock word, a number is the hour: "Sunday, 10 p.m.", "June 10 p.m.".
    if doc[end - 1].lower_.rstrip(".") in MONTHS:
        while end < span.end and (_day_number(doc[end]) or doc[end].text == ","):
            end += 1
    while end > start and doc[end - 1].text == ",":
        end -= 1
    return doc[start:end]


def _day_number(token: Token) -> bool:
    """ASCII digits (``int`` of "²" fails) that are no hour: not followed by "p.m." and the like."""
    following = token.nbor(1).text if token.i + 1 < len(token.doc) else ""
    return token.text.isascii() and token.text.isdigit() and not CLOCK_WORD.match(following)


def _trim(span: Span) -> Span:
    """Drop a leading article and trailing punctuation: "the 12 May," -> "12 May"."""
    start, end = span.start, span.end
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return span.doc[start:end]


def _slash_date(text: str) -> tuple[int, int, int | None] | None:
    """Month, day and year of a numeric US-order date ("9/11", "9/11/2001")."""
    match = SLASH_DATE.match(text)
    if not match:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    year = match.group(3)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return month, day, (int(year) + (2000 if len(year) == 2 else 0)) if year else None


def _is_calendar_expression(text: str) -> bool:
    lowered = text.lower()
    return bool(MONTH_WORD.search(text) or YEAR.search(text) or DEICTIC.search(lowered)
                or any(day in lowered.split() for day in WEEKDAYS) or _slash_date(text))


def _habitual(span: Span) -> bool:
    """"every Sunday", "each year", "the second Tuesday of each month", "on Sundays": a
    recurrence, not one day."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    words = span.text.lower().split()
    return before in HABITUAL or any(w in HABITUAL for w in words) or any(
        w.rstrip("s") in WEEKDAYS and w.endswith("days") for w in words)


# --- normalisation ----------------------------------------------------------------------------


def _normalise(span: Span, reference: Reference, names: list[Mention],
               pronoun: PronounResolver | None = None) -> DateMention | None:
    text = span.text
    if not _is_calendar_expression(text) or _habitual(span):
        return None  # a duration, a vague period or a recurrence, not a point in the calendar
    value = _value(span, reference)
    if value is None:
        return None
    iso, precision = value
    return DateMention(start=span.start_char, end=span.end_char, text=text, value=iso,
                       precision=precision, predicates=predicates_of(span.root),
                       setting=setting_and_venue(span.root),
                       participants=participants_of(span, names, pronoun))


def _value(span: Span, reference: Reference) -> tuple[str, DatePrecision] | None:
    text = span.text
    slash = _slash_date(text)
    if slash:
        month, day, year = slash
        return (f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"), "day"
    weekday = next((WEEKDAYS.index(w) for w in text.lower().split() if w in WEEKDAYS), None)
    if weekday is not None and not MONTH_WORD.search(text):
        return _weekday(span, weekday, reference)
    if DEICTIC.search(text.lower()) and reference.published is None:
        return None  # "yesterday" means nothing without the day of publication
    has_year = bool(YEAR.search(text))
    if not has_year and reference.year is None:
        return _yearless(text)
    base = reference.published or date(reference.year or 2000, 1, 1)
    parsed = _parse(text, base) or _parse(_month_phrase(text), base)
    if parsed is None:
        return None
    when, precision = parsed
    if not has_year and precision in ("month", "day") and reference.published is not None \
            and MONTH_WORD.search(text):
        when = _year_by_tense(when, span, reference.published)
    return _iso(when, precision), precision


def _year_by_tense(when: datetime, span: Span, published: date) -> datetime:
    """A month without a year is the one the tense points to: "lost in November" in a January
    article is last November, "will vote in November" the coming one; with no tense, the nearer.
    ("last September" and "next May" say so outright.)"""
    lowered = span.text.lower()
    tense = ("past" if re.search(r"\blast\b", lowered) else
             "future" if re.search(r"\bnext\b", lowered) else _finite_tense(span.root))
    month_gap = (when.year - published.year) * 12 + when.month - published.month
    if tense == "past" and month_gap > 0 or tense is None and month_gap > 6:
        return _replace_year(when, when.year - 1)
    if tense == "future" and month_gap < 0 or tense is None and month_gap < -6:
        return _replace_year(when, when.year + 1)
    return when


def _finite_tense(token: Token) -> str | None:
    """Like :func:`_tense`, but a bare participle ("an election set for June") has no tense."""
    tense = _tense(token)
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if tense == "past" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    ):
        return None
    return tense


def _replace_year(when: datetime, year: int) -> datetime:
    try:
        return when.replace(year=year)
    except ValueError:  # 29 February
        return when.replace(year=year, day=28)


def _weekday(span: Span, weekday: int, reference: Reference) -> tuple[str, DatePrecision] | None:
    """The weekday nearest the publication date, in the direction the verb's tense points."""
    if reference.published is None:
        return None
    published = reference.published
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    tense = _tense(span.root)
    if tense == "future" or (tense is None and ahead <= behind):
        day = published + timedelta(days=ahead)
    else:
        day = published - timedelta(days=behind)
    return day.isoformat(), "day"


def _tense(token: Token) -> str | None:
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if any(child.lower_ in FUTURE_AUXILIARIES for child in verb.children):
        return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return None


def _yearless(text: str) -> tuple[str, DatePrecision] | None:
    """"September 11" with no year anywhere: keep month and day only ("--09-11")."""
    parsed = _parse(text, date(2000, 1, 1)) or _parse(_month_phrase(text), date(2000, 1, 1))
    if parsed is None:
        return None
    when, precision = parsed
    if precision == "day":
        return f"--{when.month:02d}-{when.day:02d}", "day"
    if precision == "month":
        return f"--{when.month:02d}", "month"
    return None


def _month_phrase(text: str) -> str:
    """The month and year inside a vaguer phrase: "early September 2021" -> "September 2021"."""
    month = MONTH_WORD.search(text)
    year = YEAR.search(text)
    return " ".join(m.group(0) for m in (month, year) if m)


@lru_cache(maxsize=64)
def _parser(base: date) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "current_period",
    })


@lru_cache(maxsize=4096)
def _parse(text: str, base: date) -> tuple[datetime, DatePrecision] | None:
    """dateparser's reading of ``text`` (cached: news repeats "Monday" and "last year")."""
    if not text:
        return None
    data = _parser(base).get_date_data(text)
    if data.date_obj is None or data.period not in PERIODS:
        return None
    precision = PERIODS[data.period]
    if precision == "day" and not re.search(r"\d|today|yesterday|tomorrow|tonight", text.lower()):
        precision = "month"  # dateparser fills a day the text never gave
    return data.date_obj, precision


def _iso(when: datetime | date, precision: DatePrecision) -> str:
    if precision == "year":
        return f"{when.year:04d}"
    if precision == "month":
        return f"{when.year:04d}-{when.month:02d}"
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"


# --- "the 20th anniversary of 9/11" -----------------------------------------------------------


def _anniversaries(doc: Doc, reference: Reference) -> list[tuple[DateMention, set[int]]]:
    found = []
    for token in doc:
        if token.lemma_.lower() != "anniversary":
            continue
        years = _ordinal_before(token)
        of = next((c for c in token.children if c.lower_ == "of"), None)
        objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
        if years is None or not objects:
            continue
        subtree = list(objects[0].subtree)
        base = _base_date(doc[subtree[0].i : subtree[-1].i + 1], reference)
        if base is None:
            continue
        start = token.i - 1 if token.i > 0 and _ordinal_value(doc[token.i - 1]) else token.i
        span = doc[start : subtree[-1].i + 1]
        found.append((DateMention(start=span.start_char, end=span.end_char, text=span.text,
                                  value=_shift(base, years, reference), precision="day",
                                  predicates=predicates_of(span.root),
                                  setting=setting_of(span.root)),
                      set(range(span.start, span.end))))
    return found


def _ordinal_before(token: Token) -> int | None:
    for child in token.children:
        if child.dep_ in ("amod", "nummod") and _ordinal_value(child):
            return _ordinal_value(child)
    return None


def _ordinal_value(token: Token) -> int | None:
    match = ORDINAL.match(token.lower_)
    return int(match.group(1)) if match else ORDINAL_WORDS.get(token.lower_)


def _base_date(span: Span, reference: Reference) -> str | None:
    """The full-day date inside the object of "anniversary of" (ISO, possibly year-less)."""
    for token in span:
        slash = _slash_date(token.text)
        if slash:
            month, day, year = slash
            return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    dated = [ent for ent in span.doc.ents if ent.label_ == "DATE"
             and span.start <= ent.start and ent.end <= span.end]
    for ent in dated:
        value = _value(_trim(ent), Reference(None, None) if not YEAR.search(ent.text) else
                       reference)
        if value and value[1] == "day":
            return value[0]
    return None


def _shift(base: str, years: int, reference: Reference) -> str:
    if base.startswith("--"):
        if reference.year is None:
            return base
        return f"{reference.year:04d}{base[1:]}"
    return f"{int(base[:4]) + years:04d}{base[4:]}"
