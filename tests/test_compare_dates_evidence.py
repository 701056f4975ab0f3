"""Two dates conflict only when something shows they date one act: a re-wording, or a participant
the dated acts share (a name, resolved through "he"/"she"; a common noun; a place; a described
thing). Acts of one kind in a running story ("states that vote on March 1", "Westbrook, where
members vote on Feb. 27") are not set against each other because both sentences name the
candidate the story follows."""

from __future__ import annotations

from newsprism.model import Article, Fact
from newsprism.read import read
from story_fixtures import conflicts, story_facts

PUBLISHED = "2016-02-11"


def _date_conflicts(*bodies: str) -> list[Fact]:
    return conflicts(story_facts(*bodies, title="Campaign trail", published=PUBLISHED), "date")


def test_two_contests_voted_by_different_electorates_are_two_acts():
    assert not _date_conflicts(
        "Ada Flint turned to the contests in Eastport and a host of states that will vote "
        "March 1.",
        "Ada Flint will campaign hard in Eastport, where a largely rural electorate will vote "
        "on Feb. 27.",
    )


def test_one_electorate_voting_on_two_days_conflicts():
    assert _date_conflicts(
        "Party members in Eastport will vote on March 1, Mayor Ruth Calder said.",
        "Mayor Ruth Calder said that party members in Eastport, courted all week, will vote on "
        "Feb. 27.",
    )


def test_a_pronoun_doer_is_the_subject_it_stands_for():
    # "he" is Tom Reyes, the subject of the clause his clause hangs on: his trip and Ada
    # Flint's are two acts.
    assert not _date_conflicts(
        "After beating Ada Flint in Eastport, Tom Reyes must prepare to face new voters as he "
        "travels to Westbrook on Feb. 20.",
        "On Monday, Ada Flint traveled to Westbrook to meet voters, aides said.",
    )


def test_a_pronoun_doer_resolved_to_the_same_person_still_conflicts():
    assert _date_conflicts(
        "Mayor Ruth Calder met union leaders in Eastport. She will travel to Westbrook on Feb. 20 to "
        "meet teachers, her office said.",
        "Mayor Ruth Calder will travel to Westbrook on Feb. 24 to meet teachers, her office said.",
    )


def test_a_name_the_parse_leaves_roleless_still_shows_one_act():
    # The second sentence's parse takes "senator" for the subject of "held"; the name the
    # first gives as the doer stands in its dated clause.
    assert _date_conflicts(
        "Cowan will become the second black senator from the state, after Ruth Calder, who "
        "served from 1967 to 1979.",
        "Cowan will become the state's first black senator since Ruth Calder, a Republican, "
        "held the seat from 1966 to 1978.",
    )


def test_the_dated_acts_pronoun_doer_is_read():
    body = ("Mayor Ruth Calder met union leaders in Eastport.\n\nShe will travel to Westbrook on "
            "Feb. 20.")
    article = read([Article.from_paragraphs("a", body.split("\n\n"), published=PUBLISHED)])[0]
    mention = next(d for d in article.dates if d.text == "Feb. 20")
    assert "doer:ruth calder" in mention.participants


def test_a_quantifier_stands_for_what_it_counts_and_a_where_clause_places_the_act():
    body = ("Ada Flint turned to a host of states that will vote March 1.\n\nAda Flint will "
            "campaign in Eastport, where a rural electorate will vote on Feb. 27.")
    article = read([Article.from_paragraphs("a", body.split("\n\n"), published=PUBLISHED)])[0]
    by_text = {d.text: d.participants for d in article.dates}
    assert by_text["March 1"] == ["noun:state"]  # the states vote, not "a host"
    assert by_text["Feb. 27"] == ["noun:electorate"]  # Eastport is where, not who


def test_the_body_a_group_acts_for_is_a_shared_participant():
    # "Eastport Council officials" and "Eastport Council adviser Tom Reyes" act for one body;
    # the participle "warning" borrows its clause's subject.
    assert _date_conflicts(
        "Senior Eastport Council officials raised the stakes for the mayor, warning on March 3 "
        "that the budget would fail.",
        "Eastport Council adviser Tom Reyes warned on March 5 that a failed budget would close "
        "schools.",
    )
    body = ("Senior Eastport Council officials raised the stakes for the mayor, warning on "
            "March 3 that the budget would fail.")
    article = read([Article.from_paragraphs("a", [body], published=PUBLISHED)])[0]
    assert set(article.dates[0].participants) >= {"owner:eastport council", "noun:official"}


def test_one_weeks_reports_date_the_storys_one_act_of_a_kind():
    # Both days are the news of their articles (published the same day): the arguments heard
    # at the court are one act, though neither dated act names who argued (the company is
    # named outside them).
    assert _date_conflicts(
        "The ten-year-old lawsuit, argued in lively exchanges at the court Sunday, claims that "
        "Hollowmere Mills underpays women.",
        "The issue before the judges at Tuesday's arguments was not whether Hollowmere Mills "
        "underpays women.",
    )
