"""Line-level cues that scraped news pages share across outlets.

Each cue is a general convention of web news layout (share bars, photo credits, bylines, cookie and
subscription banners, breadcrumbs), never a phrase of one particular article. The phrase cues only
apply to short lines (see :data:`MAX_CHROME_WORDS`) so a body paragraph that merely mentions a
newsletter or a photograph is never taken for page chrome.
"""

from __future__ import annotations

import re

from newsprism.model import BoilerplateKind

# Page chrome is a label or a button, not prose: longer lines are always article content.
MAX_CHROME_WORDS = 16

_PHRASES: list[tuple[BoilerplateKind, re.Pattern[str]]] = [
    (
        "banner",
        re.compile(
            r"\bpowered by\b|\bautomated translation\b|\bmachine[- ]translat|^beta\b"
            r"|^advert(isement|ising)?$|^sponsored\b|^(paid|partner) content\b"
            r"|^(subscribe|sign up|sign in|log ?in|register)\b|\bsubscribe (now|today|to)\b"
            r"|\bour newsletters?\b|\bnewsletter sign|\bcookies?\b|\benable javascript\b"
            r"|\byour browser\b|\bfree trial\b|\blisten to (this|the) (article|story)\b"
            r"|^\d+\s+min(ute)?s?\s+read$|^(reading time|min read)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "related",
        re.compile(
            r"^(related( articles?| stories| content| coverage| topics| news)?|read more|"
            r"read also|also read|read next|see also|more on this( story| topic)?|more from|"
            r"recommended( for you)?|most (read|popular|viewed)|you (may|might) also like|"
            r"trending( now)?|latest (news|stories)|top stories|what to read next|"
            r"further reading)\b\s*(:|$|[-–—|»>])",
            re.IGNORECASE,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^(skip to (main )?content|skip navigation|(main )?menu|home|back to top|search|"
            r"sections|navigation|open menu|close( menu)?|toggle navigation|next( article)?|"
            r"previous( article)?|jump to)$",
            re.IGNORECASE,
        ),
    ),
    (
        "footer",
        re.compile(
            r"^©|\bcopyright\s+(©|\(c\)|\d{4})|\ball rights reserved\b"
            r"|\bterms (of|and) (use|service|conditions)\b|\bprivacy (policy|notice)\b"
            r"|^contact us$|\bcorrections policy\b",
            re.IGNORECASE,
        ),
    ),
    (
        "comment",
        re.compile(
            r"^(\d+\s+)?comments?$|^comments?\s*\(\d+\)$"
            r"|^(leave|post|add|write) a (comment|reply)\b|^join the (conversation|discussion)\b"
            r"|^(show|view|hide|load) (all |more )?comments\b",
            re.IGNORECASE,
        ),
    ),
    (
        "credit",
        re.compile(r"^((additional )?reporting|editing|writing) by\b", re.IGNORECASE),
    ),
]

# Words a share bar is made of; a short line of nothing else is a share bar.
_SHARE_WORDS = {
    "share", "shares", "tweet", "email", "e-mail", "print", "copy", "link", "facebook", "twitter",
    "x", "whatsapp", "linkedin", "reddit", "pinterest", "telegram", "messenger", "this", "article",
    "story", "page", "on", "via", "save", "comment", "comments", "gift", "flipboard",
}
_SHARE_TRIGGERS = {"share", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "email"}

# Agencies whose name in brackets or after a slash closes a picture caption.
_AGENCIES = r"Reuters|AP|AFP|EPA|AAP|PA|Bloomberg|Getty|ANI|Xinhua|Anadolu|dpa|Shutterstock"
CREDIT_MARKER = re.compile(
    r"\b(?:Photo(?:graph)?s?|Pictures?|Images?|Credit|Illustration|Foto)\s*(?:credit)?\s*:\s*\S.*$"
    r"|\b(?:Photo(?:graph)?|Picture|Image)\s+(?:by|courtesy(?: of)?|copyright)\s+\S.*$"
    r"|\(?\b(?:\w+\s+)?(?:via\s+)?Getty Images\b.*$|\bShutterstock\b.*$"
    rf"|[(\[](?:{_AGENCIES})(?:\s+Photo)?(?:\s*/[^)\]]*)?[)\]]\s*$"
    rf"|/\s*(?:{_AGENCIES})(?:\s+Images)?\s*$",
)

# A credit line is only a credit when little is left once the credit itself is removed.
MAX_CREDIT_ONLY_WORDS = 3

_NAME_WORD = r"[A-Z][\w'’.-]*"
BYLINE = re.compile(
    rf"^(?:By|Written by|Words by)\s+(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|van|von|da|"
    rf"al|bin|la|le|and|&)){{0,6}})(?P<rest>\s*(?:[,|\-–—].*)?)$"
)

BREADCRUMB_SEPARATOR = re.compile(r"\s+[>›»/|]\s+|\s*[>›»]\s*")

DATELINE_LEAD = re.compile(
    r"^(published|updated|last updated|posted|first published|last modified|modified)\b",
    re.IGNORECASE,
)


TIMESTAMP_RESIDUE = re.compile(
    r"\b(utc|gmt|bst|cet|cest|[ecmp][sd]t|a\.?m\.?|p\.?m\.?|at|on|updated|published|posted"
    r"|last|ago|just now|(a|an|\d+)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?)"
    r"|(mon|tues|wednes|thurs|fri|satur|sun)day|(mon|tue|wed|thu|fri|sat|sun)\.?)\b"
    r"|[\d:.,·|•/()\-–—+]",
    re.IGNORECASE,
)

# A cookie-consent notice runs longer than other chrome but is never article text: it names
# cookies together with the consent controls around it.
COOKIE_CONSENT = re.compile(
    r"\bcookies?\b.*\b(accept|consent|manage (preferences|settings|options)|reject|"
    r"cookie (policy|settings|preferences))\b",
    re.IGNORECASE,
)
MAX_CONSENT_WORDS = 60


def chrome_kind(line: str) -> BoilerplateKind | None:
    """The kind of page chrome a short line is (banner, share bar, …), or None for content."""
    words = len(line.split())
    if words <= MAX_CONSENT_WORDS and COOKIE_CONSENT.search(line):
        return "banner"
    if words > MAX_CHROME_WORDS:
        return None
    if is_share_bar(line):
        return "share"
    for kind, pattern in _PHRASES:
        if pattern.search(line):
            return kind
    return None


def is_share_bar(line: str) -> bool:
    words = re.sub(r"[|/•·,:;\-–—()\[\]]+", " ", line.casefold()).split()
    return bool(words) and set(words) <= _SHARE_WORDS and bool(set(words) & _SHARE_TRIGGERS)


def credit_in(line: str) -> re.Match[str] | None:
    """Where a picture credit (``Photo: X``, ``(Reuters)``, ``Getty Images``…) sits in a line."""
    return CREDIT_MARKER.search(line)


def is_credit_only(line: str, credit: re.Match[str]) -> bool:
    rest = line[: credit.start()] + line[credit.end() :]
    return len(re.findall(r"\w+", rest)) <= MAX_CREDIT_ONLY_WORDS


def byline_author(line: str) -> str | None:
    """The author's name when the line is a byline ("By Jane Smith, Political Editor")."""
    if len(line.split()) > 14 or ends_sentence(line):
        return None
    match = BYLINE.match(line)
    if not match:
        return None
    name = re.sub(r"\s+(and|&)$", "", match.group("name").strip())
    return name or None


def is_breadcrumb_trail(line: str) -> bool:
    """"Home > World > Europe": three or more short segments joined by path separators."""
    segments = [s for s in BREADCRUMB_SEPARATOR.split(line) if s.strip()]
    return len(segments) >= 3 and all(len(s.split()) <= 4 for s in segments)


def ends_sentence(line: str) -> bool:
    """Whether a line ends like prose (full stop, ?, !, …), looking past closing quotes."""
    stripped = line.rstrip(" \"'”’»)]")
    return stripped.endswith((".", "!", "?", "…", ":", ";"))


def ends_with_full_stop(line: str) -> bool:
    stripped = line.rstrip(" \"'”’»)]")
    return stripped.endswith((".", "…", ":", ";"))
