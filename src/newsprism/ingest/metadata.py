"""Article metadata read from the text itself: publication date, language and outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
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
                stated = "minute" if "T" in iso else precision
                found.append(FoundDate(match.start(), match.end(), iso, stated))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


_MONTHS = {
    name: number
    for number, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"],
        start=1,
    )
    for name in names.split()
}


def _to_iso(date_text: str, time_text: str | None, precision: str) -> str | None:
    """ISO form of a date the patterns above matched. The forms are fixed (ISO, "April 14, 2021",
    "14 April 2021", "April 2021"), so the words are read directly; a general date parser would
    cost seconds to load for this."""
    text = date_text.casefold().replace(",", " ").replace(".", " ")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_text):
        year, month, day = (int(part) for part in date_text.split("-"))
    else:
        words = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace(" of ", " ").split()
        month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
        numbers = [int(w) for w in words if w.isdigit()]
        years = [n for n in numbers if n >= 1000]
        days = [n for n in numbers if n < 1000]
        if month is None or not years:
            return None
        year, day = years[0], (days[0] if days else 1)
    try:
        found = datetime(year, month, day)
    except ValueError:
        return None
    if precision == "month":
        return found.strftime("%Y-%m")
    clock = _clock(time_text) if time_text else None
    return f"{found:%Y-%m-%d}T{clock}" if clock else found.strftime("%Y-%m-%d")


def _clock(time_text: str) -> str | None:
    """"10:45 am", "5.30 p.m.", "17:05" -> 24-hour "HH:MM"."""
    match = re.match(r"(\d{1,2})[:.](\d{2})\s*(a\.?m\.?|p\.?m\.?)?", time_text.casefold())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(3) or "").replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


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


# --- metadata a page states in its markup -----------------------------------------------------

# Schema.org types whose JSON-LD object describes the article itself.
_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "blogposting", "webpage", "liveblogposting", "report", "scholarlyarticle", "techarticle",
    "socialmediaposting", "backgroundnewsarticle", "reviewnewsarticle",
}
_TITLE_META = ["og:title", "twitter:title", "dc.title", "dcterms.title", "sailthru.title"]
_DATE_META = [
    "article:published_time", "datepublished", "og:published_time", "dc.date.issued", "dc.date",
    "dcterms.date", "pubdate", "publish-date", "pub_date", "sailthru.date", "date",
    "article_date_original",
]
_AUTHOR_META = [
    "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "byl",
    "parsely-author",
]
_SITE_META = ["og:site_name", "application-name", "publisher", "dc.publisher"]
# Headlines in <title> often end with the site's name after a separator.
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{2,40}$")
_ISO_DATE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself.

    ``published`` is the publication day as the page states it (``2021-04-14``): the day in the
    publisher's own time zone, which is what its readers saw. ``published_time`` keeps the full
    stated timestamp with its zone (``2021-04-14T09:30:00+02:00``) when the page gives one.
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_time: str | None = None
    outlet: str | None = None
    site_name: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    description: str | None = None

    @property
    def author(self) -> str | None:
        return ", ".join(self.authors) or None

    @property
    def published_precision(self) -> str | None:
        """``minute`` when a time of publication is stated, else ``day`` (or None)."""
        if not self.published:
            return None
        return "minute" if self.published_time else "day"


def page_metadata(tree, url: str | None = None) -> PageMetadata:
    """Title, authors, publication date, outlet, language and canonical URL of a parsed page:
    JSON-LD first (the publisher's structured statement), then ``<meta>`` tags, then markup."""
    meta = _meta_tags(tree)
    article = _json_ld_article(tree)
    canonical = _first(tree.xpath('//link[@rel="canonical"]/@href')) or meta.get("og:url")
    canonical = canonical if canonical and canonical.startswith("http") else None
    title = _text(article.get("headline")) or _first_meta(meta, _TITLE_META) or _title_tag(tree)
    authors = _authors(article.get("author")) or _meta_authors(meta)
    stated = _text(article.get("datePublished")) or _first_meta(meta, _DATE_META)
    published, published_time = _iso(stated)
    if published is None:
        published = _htmldate(tree, url)
    publisher = article.get("publisher")
    site_name = _first_meta(meta, _SITE_META) or (
        _text(publisher.get("name")) if isinstance(publisher, dict) else None
    )
    language = _language_code(
        _first(tree.xpath("/html/@lang")) or _text(article.get("inLanguage"))
        or meta.get("language") or meta.get("dc.language") or meta.get("og:locale")
    )
    description = meta.get("og:description") or meta.get("description")
    return PageMetadata(
        title=_clean(title),
        authors=authors,
        published=published,
        published_time=published_time,
        outlet=outlet_from_url(url or canonical),
        site_name=_clean(site_name),
        language=language,
        canonical_url=canonical,
        description=_clean(description),
    )


def _meta_tags(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        name = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if name and content and content.strip():
            found.setdefault(name.strip().lower(), content.strip())
    return found


def _json_ld_article(tree) -> dict:
    """The first JSON-LD object of an article type (looking inside ``@graph`` and lists)."""
    import json

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for item in _walk_json_ld(data):
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names) and (
                item.get("headline") or item.get("datePublished") or item.get("author")
            ):
                return item
    return {}


def _walk_json_ld(data):
    if isinstance(data, list):
        for item in data:
            yield from _walk_json_ld(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_json_ld(data["@graph"])


def _authors(value) -> tuple[str, ...]:
    """Names from a JSON-LD ``author``: a string, a Person, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        name = _clean(name)
        if name and not name.startswith("http") and name not in names:
            names.append(name)
    return tuple(names)


def _meta_authors(meta: dict[str, str]) -> tuple[str, ...]:
    for key in _AUTHOR_META:
        value = meta.get(key)
        if value and not value.startswith("http"):
            parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", re.sub(r"^By\s+", "", value, flags=re.I))
            return tuple(p for p in (_clean(part) for part in parts) if p)
    return ()


def _iso(value: str | None) -> tuple[str | None, str | None]:
    """(day, full timestamp) from a stated date. Midnight with no time zone is how many sites
    write a date alone, so it states no time."""
    if not value:
        return None, None
    match = _ISO_DATE.match(value.strip())
    if not match:
        found = find_dates(value.strip()) if len(value) < 60 else []
        return (found[0].iso[:10] if found else None), None
    time = match.group("time")
    if time and not (time == "00:00" and not match.group("zone")):
        return match.group("date"), value.strip()
    return match.group("date"), None


def _htmldate(tree, url: str | None) -> str | None:
    import htmldate  # trafilatura's own date finder; only needed when no tag states the date

    try:
        found = htmldate.find_date(tree, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return found


def _title_tag(tree) -> str | None:
    title = _first(tree.xpath("//head/title/text()"))
    return _TITLE_SUFFIX.sub("", title.strip()) if title else None


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _first_meta(meta: dict[str, str], keys: list[str]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _first(values: list) -> str | None:
    return str(values[0]).strip() if values else None


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _clean(value: str | None) -> str | None:
    import html

    if not value:
        return None
    cleaned = " ".join(html.unescape(value).split())
    return cleaned or None
