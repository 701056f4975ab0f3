"""Coverage of a story: who published when, what each outlet alone reports, what it leaves out.

Computed from the story's facts only (no re-reading):

- an article *carries* a fact when the fact cites a span of it;
- it reports a fact *alone* when the fact is ``single`` and cites only this article;
- it *leaves out* a fact that is carried by more than half of the other outlets and by at least two
  of them: one other outlet reporting something is that outlet's addition, not this one's gap, so
  in a two-outlet story "alone" says it all.

Outlet metadata (country, political lean) is optional and supplied by the user as a CSV with the
columns ``outlet,country,lean``; outlets are matched on their name, case-insensitively, or on the
host of the article's URL. The story then carries a count of its articles per country and per lean.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlparse

from newsprism.errors import InputError
from newsprism.model import Article, Coverage, Fact, OutletCoverage, Story

CORROBORATED = ("agreed", "approximate", "conflict")
UNKNOWN = "unknown"

OutletMeta = Mapping[str, Mapping[str, str]]


def load_outlet_meta(path: str | Path) -> dict[str, dict[str, str]]:
    """``outlet,country,lean`` rows keyed by lower-cased outlet name (extra columns are kept)."""
    try:
        handle = Path(path).open(encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        raise InputError(str(path), error.strerror or "cannot open") from error
    with handle:
        rows = csv.DictReader(handle)
        if "outlet" not in (rows.fieldnames or []):
            raise InputError(str(path), "outlet metadata CSV needs an 'outlet' column")
        return {
            row["outlet"].strip().lower(): {k: (v or "").strip() for k, v in row.items() if k}
            for row in rows
            if row.get("outlet")
        }


def coverage(
    story: Story, articles: Mapping[str, Article], outlet_meta: OutletMeta | None = None
) -> Coverage:
    """The coverage view of ``story`` (see the module docstring)."""
    members = [articles[a] for a in story.articles if a in articles]
    carried = {a.id: _carried(story.facts, a.id) for a in members}
    ranks = _ranks(members)
    outlets = []
    for article in members:
        meta = _meta_for(article, outlet_meta or {})
        outlets.append(OutletCoverage(
            article=article.id,
            outlet=article.outlet,
            published=article.published,
            rank=ranks.get(article.id),
            facts=[f.id for f in story.facts if f.id in carried[article.id]],
            alone=[f.id for f in story.facts
                   if f.status == "single" and {s.article for s in f.sources} == {article.id}],
            missing=_missing(story.facts, article, members, carried),
            country=meta.get("country") or None,
            lean=meta.get("lean") or None,
        ))
    return Coverage(
        outlets=outlets,
        countries=_distribution(o.country for o in outlets) if outlet_meta else {},
        leans=_distribution(o.lean for o in outlets) if outlet_meta else {},
    )


def _carried(facts: list[Fact], article_id: str) -> set[str]:
    return {f.id for f in facts if any(s.article == article_id for s in f.sources)}


def _missing(
    facts: list[Fact], article: Article, members: list[Article], carried: dict[str, set[str]]
) -> list[str]:
    others = [m for m in members if _outlet(m) != _outlet(article)]
    missing = []
    for fact in facts:
        if fact.status not in CORROBORATED or fact.id in carried[article.id]:
            continue
        carrying = {_outlet(m) for m in others if fact.id in carried[m.id]}
        if len(carrying) >= 2 and len(carrying) > len({_outlet(m) for m in others}) / 2:
            missing.append(fact.id)
    return missing


def _outlet(article: Article) -> str:
    return (article.outlet or article.id).lower()


def _ranks(members: list[Article]) -> dict[str, int]:
    """1 for the earliest publication; equal timestamps share a rank; undated articles get none."""
    dated = sorted({a.published for a in members if a.published})
    return {a.id: dated.index(a.published) + 1 for a in members if a.published}


def _meta_for(article: Article, outlet_meta: OutletMeta) -> Mapping[str, str]:
    keys = [(article.outlet or "").lower()]
    if article.url:
        host = urlparse(article.url).hostname or ""
        keys += [host, host.removeprefix("www.")]
    for key in keys:
        if key and key in outlet_meta:
            return outlet_meta[key]
    return {}


def _distribution(values) -> dict[str, int]:
    return dict(Counter(value or UNKNOWN for value in values).most_common())
