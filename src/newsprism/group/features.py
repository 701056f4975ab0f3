"""What grouping looks at in one article: its words, the names it mentions, and when it appeared.

Everything here reads only the :class:`~newsprism.model.Article`; nothing needs spaCy, so grouping
stays fast and also works on articles that were never run through the *read* stage (benchmarks,
or a quick ``group`` before reading).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.model import Article, Span

# Labels that name a participant, place or thing an event is about. Dates and numbers are left to
# the date-proximity factor: "Tuesday" or "two" shared by two articles says nothing about the event.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)

# Titles and honorifics carry no identity: "Mr Smith" and "John Smith" should share only "smith".
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "st", "gen", "col",
     "capt", "sgt", "lt", "rev", "jr", "sr"}
)

_TEXT_ROLES = frozenset({"title", "standfirst", "body", "caption"})
LEAD_LINES = 3

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A run of digits with inner separators ("2,500", "6.1", "6. 1" in tokenised text); the run is
# normalised and checked afterwards, which is much faster than one exact pattern.
_NUMBER = re.compile(r"\d(?:[\d,]|\.\s?(?=\d))*")
_LOWER_WORD = re.compile(r"[a-z]+")
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate((
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty",
    ))
}

# A run of capitalised words, joined by spaces or hyphens (e.g. "Saint-Denis", "New York").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)$")
_NAME_WORD = re.compile(r"[^\W\d_][\w-]*")


def _blank(text: str, spans: list[Span]) -> str:
    """Replace the given spans by spaces, keeping every other offset where it was."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def article_text(article: Article) -> str:
    """Title, standfirst, body and captions, without boilerplate (banners, share lines, …).

    Falls back to the whole text with boilerplate blanked when the article has no paragraphs.
    """
    if not article.paragraphs:
        return _blank(article.text, list(article.boilerplate))
    parts = [article.span_text(p) for p in article.paragraphs if p.role in _TEXT_ROLES]
    has_title_paragraph = any(p.role == "title" for p in article.paragraphs)
    if article.title and not has_title_paragraph:
        parts.insert(0, article.title_text)
    return "\n".join(parts)


def _name_words(name: str) -> list[str]:
    """Case-folded words of a name, without honorifics, possessive 's or stop words."""
    words = []
    for word in _NAME_WORD.findall(name):  # the word pattern stops at apostrophes
        folded = word.casefold().strip("-")
        if len(folded) > 1 and folded not in _HONORIFICS and folded not in ENGLISH_STOP_WORDS:
            words.append(folded)
    return words


def _capitalised_names(text: str) -> list[str]:
    """Fallback entity finder: runs of capitalised words.

    A single capitalised word at the start of a sentence is usually just a sentence start
    ("Troops left…"), so it is kept only if the same word also appears capitalised mid-sentence.
    """
    runs: list[tuple[str, bool]] = []
    for match in _CAPITALISED_RUN.finditer(text):
        at_start = bool(_SENTENCE_START.search(text[max(0, match.start() - 4) : match.start()]))
        runs.append((match.group().rstrip(".-"), at_start))
    seen_mid_sentence = {run for run, at_start in runs if not at_start}
    names = []
    for run, at_start in runs:
        if at_start and " " not in run:
            if run in seen_mid_sentence:
                names.append(run)
        elif at_start:
            # Drop the sentence-initial word of a run when it is a function word ("The Pentagon").
            first, rest = run.split(" ", 1)
            names.append(rest if first.casefold() in ENGLISH_STOP_WORDS else run)
        else:
            names.append(run)
    return names


def entity_keys(article: Article, lead_only: bool = False) -> Counter[str]:
    """Case-folded name words the article mentions, with counts.

    Uses ``article.mentions`` when the *read* stage has filled them; otherwise a capitalised-run
    regex over the article text. Words rather than whole names, so that "Maria Lopez",
    "Ms Lopez" and "Lopez" overlap. ``lead_only`` keeps the names of the lead (see
    :func:`lead_text`): who and where the story is about, before background names pile up.
    """
    if article.mentions:
        end = _lead_end(article) if lead_only else len(article.text)
        names = [m.text for m in article.mentions if m.label in NAME_LABELS and m.start < end]
    else:
        names = _capitalised_names(lead_text(article) if lead_only else article_text(article))
    keys: Counter[str] = Counter()
    for name in names:
        keys.update(_name_words(name))
    return keys


def lead_text(article: Article, lines: int = LEAD_LINES) -> str:
    """The first few non-empty lines of :func:`article_text` (title and opening paragraphs).

    News puts the event's who, where and when first; later paragraphs drift into background that
    look-alike events share (earlier quakes, the team's season, the company's history).
    """
    kept = [line for line in article_text(article).split("\n") if line.strip()]
    return "\n".join(kept[:lines])


def _lead_end(article: Article) -> int:
    """Character offset in ``article.text`` where the lead ends (for mention filtering)."""
    text_paragraphs = [p for p in article.paragraphs if p.role in _TEXT_ROLES]
    if len(text_paragraphs) <= LEAD_LINES:
        return len(article.text)
    return text_paragraphs[LEAD_LINES - 1].end


def year_keys(text: str) -> set[str]:
    """Four-digit years (1800–2099) written in the text."""
    return set(_YEAR.findall(text))


def number_keys(text: str) -> Counter[str]:
    """Numbers other than years, normalised ("2,500" -> "2500", "five" -> "5"), with counts.

    Death tolls, magnitudes, ages and scores are what tell two look-alike events apart.
    """
    keys: Counter[str] = Counter()
    for run in _NUMBER.findall(text):
        value = run.rstrip(",").replace(",", "").replace(" ", "")
        if not _YEAR.fullmatch(value):
            keys["#" + value] += 1
    for word in _LOWER_WORD.findall(text.casefold()):
        if word in _NUMBER_WORDS:
            keys["#" + str(_NUMBER_WORDS[word])] += 1
    return keys


def published_day(article: Article) -> float | None:
    """Publication time in days (proleptic ordinal, with a fraction for the time of day).

    ``None`` when unknown or known only to the month or year: too coarse to tell two events apart.
    """
    value = (article.published or "").strip()
    if len(value) < 10:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return float(date.fromisoformat(value[:10]).toordinal())
        except ValueError:
            return None
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    return moment.date().toordinal() + seconds / 86400


def language_code(article: Article) -> str | None:
    """The article's language as a bare lower-case code ("en-GB" -> "en"); ``None`` if unknown."""
    return (article.language or "").split("-")[0].casefold() or None


def display_title(article: Article, limit: int = 120) -> str:
    """The article's title, or its first line of text when it has none."""
    title = article.title_text.strip()
    if not title:
        text = article_text(article).strip()
        title = text.split("\n", 1)[0].strip() if text else article.id
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
