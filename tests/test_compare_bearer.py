"""Compare: figures of different people, periods or parts of a count are never in conflict; one
person's figure given differently still is."""

from __future__ import annotations

from newsprism.compare.bearer import (
    bearers_may_match,
    is_window,
    same_name,
    scopes_may_match,
)
from newsprism.model import Fact, Quantity
from story_fixtures import conflicts as _conflicts
from story_fixtures import story_facts


def _story(*bodies: str) -> list[Fact]:
    return story_facts(*bodies, title="Hawks win", published="2021-04-14")


def _figure(value: float, bearer: str | None = None, scope: str | None = None) -> Quantity:
    return Quantity(start=0, end=1, text=str(value), value=value, low=value, high=value,
                    unit="yard", bearer=bearer, scope=scope)


def test_names_of_one_bearer_match():
    assert same_name("Jane Roe", "Roe")
    assert same_name("the Hawks", "Hawks")
    assert same_name("RB Jane Roe", "Jane Roe")  # a position the tagger kept in the name
    assert same_name("Plus Jane Roe", "Jane Roe")  # a stray word in a tagged name
    assert not same_name("Jane Roe", "Ann Doe")
    assert same_name("the Roes", "Jane Roe")  # a family by its plural surname


def test_two_known_bearers_must_be_one():
    assert not bearers_may_match(_figure(612, "Mark Doyle"), _figure(233, "Sam Okoro"))
    assert bearers_may_match(_figure(612, "Mark Doyle"), _figure(233, "Doyle"))
    assert bearers_may_match(_figure(612, "Mark Doyle"), _figure(233))


def test_scopes_of_one_measure_must_be_one():
    assert not scopes_may_match(_figure(147, scope="in last two games"),
                                _figure(371, scope="since week 9"))
    assert scopes_may_match(_figure(147, scope="season"), _figure(371, scope="season"))
    # A part of a count is not the count; a period left unsaid may be the same period.
    assert not scopes_may_match(_figure(51, scope="by knockout"), _figure(58))
    assert scopes_may_match(_figure(9, scope="season"), _figure(10))


def test_figures_of_a_person_named_by_he_do_not_conflict_with_anothers():
    facts = _story(
        "Mark Doyle starred for the Hawks on Sunday. He caught 52 passes for 612 yards in the "
        "season, the team said.",
        "Sam Okoro starred for the Hawks on Sunday. He caught 52 passes for 233 yards in the "
        "season, the team said.",
    )
    assert not _conflicts(facts)


def test_one_persons_figure_given_differently_still_conflicts():
    facts = _story(
        "Mark Doyle starred for the Hawks on Sunday. He caught 52 passes for 612 yards in the "
        "season, the team said.",
        "Mark Doyle starred for the Hawks on Sunday. He caught 52 passes for 233 yards in the "
        "season, the team said.",
    )
    assert _conflicts(facts)


def test_figures_of_two_periods_do_not_conflict():
    facts = _story(
        "Mark Doyle has 147 rushing yards in his last two games for the Hawks.",
        "Since Week 9, Mark Doyle has 371 rushing yards for the Hawks.",
    )
    assert not _conflicts(facts)


def test_a_bearer_less_figure_in_a_round_up_is_nobodys():
    # The first outlet gives points for two players; its "18 points" has no owner the reader
    # can name, so it is not set against the second outlet's 24.
    facts = _story(
        "The Hawks beat the Owls on Sunday. Sam Okoro scored 31 points for the Hawks. Mark "
        "Doyle added 12 points for the Owls. Ann Poe had 9 points. The home side led by 18 "
        "points at halftime.",
        "The Hawks beat the Owls on Sunday. The home side led by 24 points at halftime.",
    )
    assert not _conflicts(facts)


def test_a_bearer_less_figure_still_conflicts_where_two_owners_are_named():
    facts = _story(
        "The Hawks beat the Owls on Sunday. Sam Okoro scored 31 points for the Hawks. Mark "
        "Doyle added 12 points for the Owls. The home side led by 18 points at halftime.",
        "The Hawks beat the Owls on Sunday. The home side led by 24 points at halftime.",
    )
    assert _conflicts(facts)


def test_a_figure_of_someone_the_other_outlet_never_names_is_not_its_figure():
    facts = _story(
        "The comedian will host the awards in March. The actor has presented the awards three "
        "times.",
        "Tom Reyes will host the awards in March. Ray Milton is still the model host. He "
        "presented the awards five times.",
    )
    assert not _conflicts(facts)
    # The same figure, where the first outlet names him too, is still his figure misreported.
    facts = _story(
        "The comedian will host the awards in March, as Ray Milton did. The actor has presented "
        "the awards three times.",
        "Tom Reyes will host the awards in March. Ray Milton is still the model host. He "
        "presented the awards five times.",
    )
    assert _conflicts(facts)


def test_a_sentence_giving_both_figures_speaks_of_two_quantities():
    facts = _story(
        "The car dragged Jane Roe 14 feet as it sped away, said a witness who was 30 feet "
        "away from the crossing.",
        "The car dragged Jane Roe a good 14 feet as it sped away from the crossing, said a "
        "witness.",
    )
    assert not _conflicts(facts)


def test_a_sum_of_parts_or_an_average_is_not_a_total():
    assert not scopes_may_match(_figure(143, scope="combined"), _figure(54))
    average = _figure(90).model_copy(update={"predicates": ["run", "average"]})
    total = _figure(112).model_copy(update={"predicates": ["run", "hit"]})
    assert not scopes_may_match(average, total)
    assert scopes_may_match(total, _figure(115).model_copy(update={"predicates": ["hit"]}))


def test_a_season_average_does_not_conflict_with_a_seasons_total():
    facts = _story(
        "Mark Doyle, who signed for the Hawks, has averaged 90 RBIs in his six big-league "
        "seasons.",
        "Mark Doyle, who signed for the Hawks, hit 112 RBIs in his six big-league seasons.",
    )
    assert not _conflicts(facts)


def test_a_figure_of_an_earlier_occasion_does_not_conflict():
    facts = _story(
        "A worker shot three people at the Hawks bakery on Thursday, police said.",
        "The bakery shooting came just weeks after a driver fatally shot eight people at a "
        "depot in the same city, police said.",
    )
    assert not _conflicts(facts)
    assert not scopes_may_match(_figure(8, scope="weeks after"), _figure(3))


def test_a_window_of_a_record_is_not_the_record():
    assert is_window("since october") and is_window("in last two games")
    assert is_window("in past 24 hours") and is_window("over past month")
    assert not is_window("season") and not is_window("over three seasons")
    assert not is_window("career")
    # One window on both sides is one figure; a span that only names the period may be the
    # one the other outlet leaves unsaid.
    assert scopes_may_match(_figure(3, scope="since october"), _figure(5, scope="since october"))
    assert scopes_may_match(_figure(9, scope="over three seasons"), _figure(10))


def test_arrests_since_a_month_do_not_conflict_with_all_arrests():
    facts = _story(
        "Police said Mark Doyle, 19, had been arrested four times on charges of theft.",
        "Mark Doyle had been arrested three times since October on charges of theft, police "
        "said.",
    )
    assert not _conflicts(facts)


def test_arrests_since_one_month_given_differently_still_conflict():
    facts = _story(
        "Mark Doyle had been arrested five times since October on charges of theft, police "
        "said.",
        "Mark Doyle had been arrested three times since October on charges of theft, police "
        "said.",
    )
    assert _conflicts(facts)


def test_a_toll_since_a_day_does_not_conflict_with_the_toll():
    facts = _story(
        "Floods in the region have killed 25 people, officials said on Monday.",
        "Floods in the region have killed 17 people since Sunday, officials said on Monday.",
    )
    assert not _conflicts(facts)
    facts = _story(
        "Floods in the region have killed 25 people since Sunday, officials said on Monday.",
        "Floods in the region have killed 17 people since Sunday, officials said on Monday.",
    )
    assert _conflicts(facts)


def test_a_share_of_a_run_of_games_is_not_a_streaks_length():
    games = _story(
        "After coach Sam Okoro returned, the Hawks won 18 of their next 23 games and reached "
        "the playoffs.",
        "After coach Sam Okoro returned, the Hawks won 16 of their next 23 games and reached "
        "the playoffs.",
        "After coach Sam Okoro returned, the Hawks had an 11-game win streak and reached the "
        "playoffs.",
        "After coach Sam Okoro returned, the Hawks had a nine-game win streak and reached the "
        "playoffs.",
    )
    # The shares conflict with each other, the streaks with each other, never across.
    assert sorted(sorted(v.text for v in f.values) for f in _conflicts(games)) == [
        ["11-game", "nine-game"], ["16", "18"]]


def test_a_compound_measure_still_conflicts_with_a_plain_count():
    # "a 10-game suspension" is the suspension's length, and so is "suspended for 12 games".
    facts = _story(
        "The league gave Sam Okoro a 10-game suspension on Monday for the hit.",
        "The league suspended Sam Okoro for 12 games on Monday for the hit.",
    )
    assert _conflicts(facts)


def test_shares_of_runs_of_different_lengths_do_not_conflict():
    # Each writer picks the run: seven of the past eight and eight of the past nine are both
    # true of one record, and neither share is the other's run length.
    facts = _story(
        "Mayor Ada Flint has won seven of the past eight votes in the council, aides said.",
        "Mayor Ada Flint has won eight of the past nine votes in the council, aides said.",
    )
    assert not _conflicts(facts)


def test_shares_of_one_run_given_differently_still_conflict():
    facts = _story(
        "Mayor Ada Flint has won seven of the past nine votes in the council, aides said.",
        "Mayor Ada Flint has won four of the past nine votes in the council, aides said.",
    )
    assert [sorted(v.text for v in f.values) for f in _conflicts(facts)] == [["four", "seven"]]
