"""Precision of conflicts: whose figure it is, direct links, and dates of different acts."""

from __future__ import annotations

from newsprism.compare.align import match_greedily
from newsprism.compare.bearer import same_bearer, states_other_figure
from newsprism.compare.date_acts import may_conflict
from newsprism.compare.facts import find_facts
from newsprism.compare.statements import statements_of
from newsprism.model import Article, Fact
from newsprism.read import read
from newsprism.read.canonical import canonicalise
from story_fixtures import conflicts as _conflicts
from story_fixtures import story_facts


def _story(*bodies: str, published: str = "2021-04-14") -> list[Fact]:
    return story_facts(*bodies, title="Harbour riot", published=published)


def test_ages_of_two_named_people_do_not_conflict():
    facts = _story(
        "Protests spread after the police shooting of 15-year-old Peter Marlowe in the harbour.",
        "\"I feel sorry for the young,\" said 40-year-old Anna Whitcombe, a shop worker in the "
        "harbour district, after the police shooting.",
    )
    assert not _conflicts(facts, "quantity")


def test_one_persons_age_given_differently_conflicts():
    facts = _story(
        "Protests spread after the police shooting of 15-year-old Peter Marlowe in the harbour.",
        "Protests spread after the police shooting of 17-year-old Peter Marlowe in the harbour.",
    )
    conflict = _conflicts(facts, "quantity")
    assert conflict and {v.text for v in conflict[0].values} >= {"15-year-old", "17-year-old"}


def test_figures_measuring_different_nouns_do_not_conflict():
    facts = _story(
        "The Hawks won after a 90-yard run by Mark Doyle late in the fourth quarter.",
        "The Hawks won after a 68-yard drive by Mark Doyle late in the fourth quarter.",
    )
    assert not _conflicts(facts, "quantity")


def test_one_noun_measured_differently_conflicts():
    facts = _story(
        "The Hawks won after a 90-yard run by Mark Doyle late in the fourth quarter.",
        "The Hawks won after a 60-yard run by Mark Doyle late in the fourth quarter.",
    )
    assert _conflicts(facts, "quantity")


def test_one_outlier_chained_through_one_loose_pair_is_no_conflict():
    # a, b, c agree; x differs and is matched to a alone.
    items = [("a", 5), ("b", 5), ("c", 5), ("x", 9)]
    direct = {frozenset("ab"), frozenset("ac"), frozenset("bc"), frozenset("ax")}

    def score(p, q):
        return 1.0 if frozenset((p[0], q[0])) in direct else None

    groups = match_greedily(items, lambda item: item[0], score,
                            agree=lambda p, q: p[1] == q[1])
    assert sorted(map(len, groups)) == [1, 3]
    # Without the check, single-link grouping carries x into the agreeing group.
    assert [len(g) for g in match_greedily(items, lambda item: item[0], score)] == [4]


def test_an_outlier_matched_directly_by_most_members_stays_a_conflict():
    items = [("a", 5), ("b", 5), ("x", 9)]

    def score(p, q):
        return 1.0

    groups = match_greedily(items, lambda item: item[0], score,
                            agree=lambda p, q: p[1] == q[1])
    assert [len(g) for g in groups] == [3]


def test_figures_of_two_named_people_do_not_conflict():
    facts = _story(
        "Running back Mark Doyle finished the season with 404 rushing yards for the Hawks.",
        "Running back Sam Okoro finished the season with 176 rushing yards for the Hawks.",
    )
    assert not _conflicts(facts, "quantity")


def test_a_sentence_giving_both_figures_speaks_of_two_quantities():
    articles = read([
        Article.from_paragraphs("outlet0", ["A witness 20 feet away saw the car drag the woman "
                                            "10 feet across the harbour car park."], title="Crash"),
        Article.from_paragraphs("outlet1", ["The car dragged the woman 10 feet across the "
                                            "harbour car park, a witness said."], title="Crash"),
    ])
    first, second = (next(s for s in statements_of(a) if s.quantities) for a in articles)
    twenty = next(q for q in first.quantities if q.value == 20)
    ten = next(q for q in second.quantities if q.value == 10)
    assert states_other_figure(first, twenty, ten)
    assert not same_bearer(first, twenty, second, ten)
    assert not states_other_figure(second, ten, twenty)


def test_dates_written_alike_without_a_year_do_not_conflict():
    facts = _story(
        "The harbour board voted at the end of July to close the old quay to traffic.",
        "The harbour board voted at the end of July to close the old quay to traffic.",
    )
    # Two publication dates a year apart resolve the same words to two years.
    articles = [Article.from_paragraphs(f"outlet{i}", [body], title="Harbour quay",
                                        published=published, outlet=f"outlet{i}")
                for i, (body, published) in enumerate([
                    ("The harbour board voted at the end of July to close the old quay.",
                     "2021-09-01"),
                    ("The harbour board voted at the end of July to close the old quay.",
                     "2022-09-01")])]
    articles = read(articles)
    facts += find_facts(articles, canonicalise(articles), encoder=None)
    assert not _conflicts(facts, "date")


def test_dates_of_a_partial_and_a_full_step_do_not_conflict():
    facts = _story(
        "The cable operator said it had restored some services on October 8, 2011.",
        "The cable operator said it had fully restored services on November 4, 2011.",
    )
    assert not _conflicts(facts, "date")


def test_a_sentence_giving_both_dates_dates_two_acts():
    facts = _story(
        "The singer won an award in 2005 for hosting the harbour festival in 2004.",
        "The singer won an award in 2004 for his role in the harbour musical.",
    )
    assert not _conflicts(facts, "date")


def test_one_act_dated_differently_still_conflicts():
    facts = _story(
        "The harbour board ratified the sea wall contract on March 12, 2021, in the town hall.",
        "The harbour board ratified the sea wall contract on March 19, 2021, in the town hall.",
    )
    assert _conflicts(facts, "date")


def test_one_act_in_two_words_of_the_same_person_still_conflicts():
    # "served" and "held the seat" are one act; the dated verbs are the outlets' own.
    facts = _story(
        "Ellen Harwood will become the second mayor from the harbour ward, after Tom Baines, "
        "who served from 1967 to 1979.",
        "Ellen Harwood is the first harbour ward mayor since Tom Baines, a Liberal, held the "
        "seat from 1966 to 1978.",
    )
    assert _conflicts(facts, "date")


def test_a_reports_date_is_not_the_date_of_the_act_it_reports():
    facts = _story(
        "Lawyer Tom Baines said on May 2 that the harbour board had not yet approved the plan.",
        "A spokesman for the harbour board said a judge signed the order on June 12, 2021.",
    )
    assert not _conflicts(facts, "date")


def test_a_year_containing_the_other_day_does_not_excuse_a_misdated_act():
    articles = read([
        Article.from_paragraphs("outlet0", ["In 2021, the harbour board ratified the sea wall "
                                            "contract on March 12 in the town hall."],
                                title="Sea wall", published="2021-04-14"),
        Article.from_paragraphs("outlet1", ["The harbour board ratified the sea wall contract "
                                            "on March 19, 2021, in the town hall."],
                                title="Sea wall", published="2021-04-14"),
    ])
    first, second = (next(s for s in statements_of(a) if s.dates) for a in articles)
    twelfth = next(d for d in first.dates if d.value == "2021-03-12")
    nineteenth = next(d for d in second.dates if d.value == "2021-03-19")
    assert may_conflict(first, twelfth, second, nineteenth, wording=0.9)


def test_an_outlier_rewording_one_member_stays_a_conflict():
    # x re-words a's sentence (decisive) though b and c, worded otherwise, are not matched to it.
    items = [("a", 5), ("b", 5), ("c", 5), ("x", 9)]
    direct = {frozenset("ab"), frozenset("ac"), frozenset("bc"), frozenset("ax")}

    def score(p, q):
        return 1.0 if frozenset((p[0], q[0])) in direct else None

    groups = match_greedily(items, lambda item: item[0], score, agree=lambda p, q: p[1] == q[1],
                            decisive=lambda p, q: {p[0], q[0]} == {"a", "x"})
    assert [len(g) for g in groups] == [4]
