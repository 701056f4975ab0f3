"""Quote provenance across outlets: agreed, conflict, echoed, single, paraphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare.quotes import collect, one_word_changed, verbatim, verbatim_share
from newsprism.ingest import from_text
from newsprism.model import Article, QuoteGroup
from newsprism.read import entities, quotes, read, sentences
from newsprism.read.canonical import canonicalise

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
USED = [sentences.annotate, entities.annotate, quotes.annotate]  # only what is tested here
BACKGROUND = (
    "The council met on Monday to discuss the flood defences of the town.\n\n"
    "Residents gathered outside the town hall in the rain.\n\n"
)


def _story(*bodies: str) -> tuple[list[Article], list[QuoteGroup]]:
    articles = read(
        [from_text(f"Flood meeting\n\n{BACKGROUND}{b}\n", f"o{i}") for i, b in enumerate(bodies)],
        components=USED,
    )
    entities = canonicalise(articles)
    records, groups = collect(articles, entities)
    assert len(records) == sum(len(a.quotes) for a in articles)
    return articles, groups


def _group_of(groups: list[QuoteGroup], words: str) -> QuoteGroup:
    return next(g for g in groups if any(words in r.text for r in g.quotes))


def test_verbatim_allows_a_cut():
    assert verbatim(
        "We will rebuild every wall, brick by brick", "rebuild every wall, brick by brick"
    )
    assert not verbatim("We will rebuild every wall", "The river rose overnight")


def test_a_line_given_to_an_organisation_in_one_outlet_and_a_person_in_another_is_no_conflict():
    # The council and the official it names may be one voice: neither outlet is wrong.
    _, groups = _story(
        "“We will rebuild every flood wall, brick by brick,” the Millbrook Council said.",
        "“We will rebuild every flood wall, brick by brick,” engineer Omar Patel said.",
    )
    group = _group_of(groups, "brick by brick")
    assert group.status != "conflict"
    assert len({r.article for r in group.quotes}) == 2


def test_same_words_same_speaker_is_agreed():
    line = "“We will rebuild every flood wall, brick by brick,” Mayor Ruth Hale said."
    _, groups = _story(line, line.replace("Mayor Ruth Hale", "Ruth Hale"))
    group = _group_of(groups, "brick by brick")
    assert group.status == "agreed" and group.speakers == ["Ruth Hale"]
    assert len(group.quotes) == 2


def test_same_words_different_speakers_is_conflict():
    _, groups = _story(
        "“We will rebuild every flood wall, brick by brick,” Mayor Ruth Hale said.",
        "“We will rebuild every flood wall, brick by brick,” engineer Omar Patel said.",
    )
    group = _group_of(groups, "brick by brick")
    assert group.status == "conflict"
    assert set(group.speakers) == {"Ruth Hale", "Omar Patel"}


def test_an_outlet_that_also_credits_the_other_speaker_is_no_conflict():
    line = "Mayor Ruth Hale called the levy “a slow-motion tax on every flooded household”."
    _, groups = _story(
        line, "Council calls levy “a slow-motion tax on every flooded household”\n\n" + line
    )
    group = _group_of(groups, "slow-motion tax")
    assert group.status == "echoed"
    assert set(group.speakers) == {"Ruth Hale", "Council"}


def test_crediting_the_other_speaker_with_another_line_still_conflicts():
    # The excuse above is per line: the second outlet credits Hale with a different line of the
    # same group, but gives *this* line to Patel alone.
    _, groups = _story(
        "“We will rebuild every flood wall, brick by brick,” Mayor Ruth Hale said.",
        "“We will rebuild every flood wall, brick by brick,” engineer Omar Patel said.\n\n"
        "“Every wall in this town will be rebuilt, brick by brick,” Mayor Ruth Hale said.",
    )
    group = _group_of(groups, "We will rebuild")
    assert any("rebuilt" in r.text for r in group.quotes)  # both lines in one group
    assert group.status == "conflict"


def test_marked_words_inside_reported_speech_can_conflict():
    # The reported clause is the outlet's paraphrase, the words in quote marks are the speaker's:
    # two outlets giving those words to different people contradict each other.
    _, groups = _story(
        "Mayor Ruth Hale said the levy “would double the cost of every flooded home”.",
        "Omar Patel said the levy “would double the cost of every flooded home”.",
        "“The levy would double the cost of every flooded home,” Mayor Ruth Hale said.",
    )
    group = _group_of(groups, "double the cost")
    assert group.status == "conflict"
    assert {r.speaker for r in group.quotes if r.kind == "partial"} == {"Ruth Hale", "Omar Patel"}


def test_a_phrase_under_two_speakers_is_no_conflict():
    # Four words in quote marks ("a slow-motion tax") are a phrase many people use, not a line
    # that one of two outlets misattributed.
    _, groups = _story(
        "Mayor Ruth Hale called the levy “a slow-motion tax”.",
        "Engineer Omar Patel called the levy “a slow-motion tax”.",
    )
    assert _group_of(groups, "slow-motion").status != "conflict"


def test_one_outlet_is_single_and_unrelated_lines_stay_apart():
    _, groups = _story(
        "“The pumps failed at midnight,” Mayor Ruth Hale said.",
        "“Insurance premiums will double for every household,” broker Dan Cole said.",
    )
    pumps = _group_of(groups, "pumps failed")
    assert pumps.status == "single" and len(pumps.quotes) == 1


def test_reported_speech_links_to_the_direct_line_as_paraphrase():
    _, groups = _story(
        "“Nobody in this valley will be left behind,” Mayor Ruth Hale said.",
        "Mayor Ruth Hale said nobody in the valley would be left behind.",
    )
    group = _group_of(groups, "left behind")
    by_kind = {r.kind: r for r in group.quotes}
    assert by_kind["indirect"].paraphrase and not by_kind["direct"].paraphrase
    assert group.status == "paraphrase" and group.speakers == ["Ruth Hale"]


@pytest.fixture(scope="module")
def seed_groups() -> list[QuoteGroup]:
    if not SEEDS.is_dir():
        pytest.skip("seeds not available")
    articles = read(
        [from_text(p.read_text(), p.stem[:3]) for p in sorted(SEEDS.glob("*.txt"))], components=USED
    )
    entities = canonicalise(articles)
    return collect(articles, entities)[1]


def test_seed_together_line(seed_groups):
    group = _group_of(seed_groups, "we'll leave together")
    spoken = {r.speaker for r in group.quotes if not r.paraphrase}
    paraphrased = {r.speaker for r in group.quotes if r.paraphrase}
    assert spoken == {"Antony J. Blinken", "Jens Stoltenberg", "Annegret Kramp-Karrenbauer"}
    assert "Ned Price" in paraphrased and "Ned Price" not in group.speakers
    assert group.status == "echoed"  # three people, their own words: not an attribution error
    assert any("went into Afghanistan together" in r.text for r in group.quotes)


def test_a_joint_statement_credited_to_one_of_its_speakers_is_no_conflict():
    # One outlet names both producers, another only one of them: the groups overlap, nobody is
    # contradicted; a third crediting someone else entirely does contradict.
    _, groups = _story(
        "“We will rebuild every flood wall, brick by brick,” Ruth Hale and Omar Patel said.",
        "“We will rebuild every flood wall, brick by brick,” Omar Patel said.",
    )
    assert _group_of(groups, "brick by brick").status != "conflict"
    _, groups = _story(
        "“We will rebuild every flood wall, brick by brick,” Ruth Hale and Omar Patel said.",
        "“We will rebuild every flood wall, brick by brick,” engineer Lena Varga said.",
    )
    assert _group_of(groups, "brick by brick").status == "conflict"


def test_a_stock_phrase_ending_two_different_lines_is_no_conflict():
    # Two lines that share only "misread the mood of the town" are two lines.
    _, groups = _story(
        "“It proves these people misread the mood of the town,” Ruth Hale said.",
        "“They waste our money on this suit, and they misread the mood of the town,” "
        "engineer Omar Patel said.",
    )
    assert all(g.status != "conflict" for g in groups)


def test_a_line_credited_through_a_pronoun_in_another_paragraph_is_no_conflict():
    # The second outlet's line stands alone after another person's quote: the reader carries
    # that "he" over, but the outlet never wrote whose line it is.
    _, groups = _story(
        "“We will rebuild every flood wall, brick by brick,” engineer Omar Patel said.",
        "Mayor Tom Hale spoke first. “The river is calm tonight,” he said.\n\n"
        "“We will rebuild every flood wall, brick by brick.”",
    )
    assert _group_of(groups, "brick by brick").status != "conflict"


def test_one_word_transcribed_differently_is_still_one_line():
    assert one_word_changed("It is damaging to the heart of the whole agreement",
                            "she said it is damaging for the heart of the whole agreement")
    # Not when the words differ at the start (another line ending on a stock phrase), nor when
    # more than one word in eight is changed.
    assert not one_word_changed("It proves these people misread the mood of the town",
                                "and they misread the mood of the town")
    assert not one_word_changed("It is damaging to the heart of the whole agreement",
                                "It was useful to the heart of the whole agreement")


def test_one_line_transcribed_with_a_word_changed_under_two_speakers_conflicts():
    _, groups = _story(
        "“It is damaging to the heart of our accord,” Mayor Ruth Hale said.",
        "“It is damaging for the heart of our accord,” engineer Omar Patel said.",
    )
    assert verbatim_share("It is damaging to the heart of our accord",
                          "It is damaging for the heart of our accord") < 0.6
    assert _group_of(groups, "heart of our").status == "conflict"


def test_splitting_a_joined_line_between_two_speakers_still_conflicts():
    # Outlet two gives the first sentence of the mayor's statement to her and the second to
    # the engineer: crediting her with other words of the quote does not excuse that.
    _, groups = _story(
        "“The river will rise again this winter. We will rebuild every flood wall, brick by "
        "brick,” Mayor Ruth Hale said.",
        "“The river will rise again this winter,” Mayor Ruth Hale said.\n\n"
        "“We will rebuild every flood wall, brick by brick,” engineer Omar Patel said.",
    )
    assert _group_of(groups, "brick by brick").status == "conflict"


def test_a_speaker_named_by_first_name_only_is_the_person_of_that_name():
    _, groups = _story(
        "“We will rebuild every flood wall, brick by brick,” said Tomas Weller, her brother.",
        "“We will rebuild every flood wall, brick by brick,” the mayor's son, Tomas, said.",
    )
    assert _group_of(groups, "brick by brick").status != "conflict"
