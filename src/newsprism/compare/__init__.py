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
from newsprism.read import entities as entities_


def compare_story(
    story: Story, articles: Mapping[str, Article], outlet_meta: OutletMeta | None = None
) -> Story:
    """Return ``story`` with entities, quotes, facts, timeline and coverage filled in."""
    members = [articles[article_id] for article_id in story.articles]
    entities = entities_.canonicalise(members)
    quote_records, quote_groups = quotes_.collect(members, entities)
    facts = facts_.find_facts(members, entities, quote_groups)
    compared = story.model_copy(
        update={
            "entities": entities,
            "quotes": quote_records,
            "quote_groups": quote_groups,
            "facts": facts,
            "timeline": timeline_.build(members, facts),
        }
    )
    compared.coverage = coverage_.coverage(compared, articles, outlet_meta)
    return compared


__all__ = ["compare_story"]
