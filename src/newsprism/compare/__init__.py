"""Stage 4, *compare*: what the outlets of one story agree on, disagree on, and report alone.

:func:`compare_story` fills a story's canonical entities, quotes (with cross-outlet provenance),
facts (agreed / approximate / conflict / single) and timeline. It reads the annotated articles and
never re-parses them.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsprism.compare import coverage as coverage_
from newsprism.compare import facts as facts_
from newsprism.compare import quotes as quotes_
from newsprism.compare import timeline as timeline_
from newsprism.compare.coverage import OutletMeta
from newsprism.model import Article, Story
from newsprism.read.canonical import canonicalise


def compare_story(
    story: Story, articles: Mapping[str, Article], outlet_meta: OutletMeta | None = None
) -> Story:
    """Return ``story`` with entities, quotes, facts, timeline and coverage filled in."""
    members = [articles[article_id] for article_id in story.articles]
    entities = canonicalise(members)
    voices = independent_voices(members)
    quote_records, quote_groups = quotes_.collect(voices, entities)
    facts = facts_.find_facts(voices, entities, quote_groups)
    compared = story.model_copy(
        update={
            "entities": entities,
            "quotes": quote_records,
            "quote_groups": quote_groups,
            "facts": facts,
            "timeline": timeline_.build(voices, facts),
        }
    )
    compared.coverage = coverage_.coverage(compared, articles, outlet_meta)
    return compared


def independent_voices(members: list[Article]) -> list[Article]:
    """The members that speak for themselves: a syndicated copy of another member (its
    ``duplicate_of``) repeats that outlet's words, so counting it would fake corroboration."""
    ids = {article.id for article in members}
    return [article for article in members if article.duplicate_of not in ids]


__all__ = ["compare_story", "independent_voices"]
