"""Article metadata read from the text itself: publication date, language and outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_TIME = r"(?:,?\s+(?:at\s+)?(?P<time>\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?))?"
# Dates written out in full: the forms news pages use for publication lines and captions.
_DATE_FORMS: list[tuple[str, str]] = [
    (r"\b(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}))?", "day"),
    (rf"\b(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}){_TIME}", "day"),
    (rf"\b(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}){_TIME}", "day"),
    (rf"\b(?P<date>{_MONTH}\s+\d{{4}})\b", "month"),
]
_DATE_PATTERNS = [(re.compile(form, re.IGNORECASE), precision) for form, precision in _DATE_FORMS]

# Below this many letters language identification is a guess, so it is not attempted.
MIN_LANGUAGE_LETTERS = 40


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str
    precision: str


def find_dates(line: str) -> list[FoundDate]:
    """Fully written calendar dates in a line (day or month precision, with time if given)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern, precision in _DATE_PATTERNS:
        for match in pattern.finditer(line):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            iso = _to_iso(match.group("date"), match.groupdict().get("time"), precision)
            if iso:
                found.append(FoundDate(match.start(), match.end(), iso, precision))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _to_iso(date_text: str, time_text: str | None, precision: str) -> str | None:
    import dateparser  # imported here: it is slow to import and only dated lines need it

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    written = f"{date_text} {time_text.replace('.', ':', 1)}" if time_text else date_text
    parsed = dateparser.parse(written, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if precision == "month":
        return parsed.strftime("%Y-%m")
    return parsed.strftime("%Y-%m-%dT%H:%M" if time_text else "%Y-%m-%d")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None when there is too little text."""
    if sum(ch.isalpha() for ch in text) < MIN_LANGUAGE_LETTERS:
        return None
    import py3langid  # loads its model on first use; keep that cost off imports

    language, _ = py3langid.classify(text)
    return language


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's domain, without the ``www.``/``m.`` prefixes sites add: ``theguardian.com``."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return re.sub(r"^(www\d*|m|amp|mobile)\.", "", host.lower())
