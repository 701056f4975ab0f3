"""Shares in polls and results: a group's share is not the whole's."""

from __future__ import annotations

from newsprism.model import Article, Fact
from newsprism.read import read
from story_fixtures import conflicts as _conflicts
from story_fixtures import story_facts


def _facts(*bodies: str) -> list[Fact]:
    return story_facts(*bodies, title="County poll", published="2024-05-02")


def _scopes(text: str) -> dict[str, str | None]:
    [article] = read([Article.from_paragraphs("a", [text], title="Poll")])
    return {q.text: q.scope for q in article.quantities}


def test_a_figure_among_a_group_is_scoped_to_that_group():
    scopes = _scopes("Rivera leads Lee 61 percent to 30 percent among voters under 40, "
                     "the Harlow poll found.")
    assert scopes["61 percent"] == "among voters under 40"
    scopes = _scopes("The margin of sampling error among that group was plus or minus four "
                     "percentage points.")
    assert scopes["four percentage points"] == "among group"  # determiners left out


def test_a_figure_without_a_group_has_no_group_scope():
    scopes = _scopes("Rivera leads Lee 52 percent to 38 percent, the Harlow poll found.")
    assert scopes["52 percent"] is None


def test_a_groups_share_does_not_conflict_with_the_whole_electorates():
    facts = _facts(
        "Rivera leads Lee 61 percent to 30 percent among voters under 40, the Harlow poll "
        "of the county found on Tuesday.",
        "Rivera leads Lee 52 percent to 38 percent, the Harlow poll of the county found on "
        "Tuesday.",
    )
    assert not _conflicts(facts)


def test_one_groups_share_given_differently_conflicts():
    facts = _facts(
        "Rivera leads Lee 61 percent to 30 percent among voters under 40, the Harlow poll "
        "of the county found on Tuesday.",
        "Rivera leads Lee 45 percent to 30 percent among voters under 40, the Harlow poll "
        "of the county found on Tuesday.",
    )
    conflicts = _conflicts(facts)
    assert conflicts and {v.text for v in conflicts[0].values} >= {"61 percent", "45 percent"}
