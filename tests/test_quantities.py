"""Quantities: value, the range the wording allows, and the counted noun."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.model import Article, Quantity
from newsprism.read import quantities
from newsprism.read.nlp import load_nlp

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture
def read(nlp):
    def _read(text: str) -> list[Quantity]:
        article = Article(id="t", text=text)
        quantities.annotate(article, nlp(text))
        for q in article.quantities:
            assert article.text[q.start : q.end] == q.text
        return article.quantities

    return _read


def _one(found: list[Quantity], number: str) -> Quantity:
    matches = [q for q in found if number in q.text]
    assert len(matches) == 1, [q.text for q in found]
    return matches[0]


def test_exact_numeral_is_its_value_and_counts_its_noun(read):
    q = _one(read("He said 2,448 US troops lost their lives."), "2,448")
    assert (q.value, q.low, q.high, q.unit, q.modifier) == (2448, 2448, 2448, "troop", None)
    assert q.text == "2,448 US troops"


@pytest.mark.parametrize(
    ("sentence", "number", "unit"),
    [
        ("About 2,500 US soldiers are in the country.", "2,500", "soldier"),
        ("Officials said 2,500 US personnel would leave.", "2,500", "personnel"),
        ("They are part of a 9,600-strong Nato mission.", "9,600", "mission"),
        ("Around 10,000 troops will be home soon.", "10,000", "troop"),
        ("They have trained forces with billions of dollars in funding.", "billions", "dollar"),
    ],
)
def test_unit_is_the_counted_noun_lemmatised(read, sentence, number, unit):
    assert _one(read(sentence), number).unit == unit


def test_about_and_around_widen_by_rounding_and_a_half_again(read):
    q = _one(read("Around 10,000 troops will be home."), "10,000")
    # "10,000" is read to the thousand: +-500 from rounding, +-750 with the hedge, but a hedge
    # admits at least a tenth either way.
    assert (q.low, q.high, q.modifier) == (9000, 11000, "around")
    q = _one(read("About 2,500 soldiers remain."), "2,500")
    assert (q.low, q.high) == (2250, 2750)
    assert not q.low <= 3000 <= q.high  # "about 2,500" is no way of saying 3,000
    q = _one(read("About 90 people came."), "90")
    assert q.low <= 89 <= q.high and not q.low <= 80 <= q.high


def test_strong_is_a_rounded_headcount(read):
    q = _one(read("They serve in a 9,600-strong mission."), "9,600")
    assert (q.value, q.low, q.high, q.modifier) == (9600, 9550, 9650, "-strong")


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        # A floor or a ceiling, open on the other side as far as twice (half) the figure.
        ("More than 2,000 people", 2000, 4000),
        ("Over 2,000 people", 2000, 4000),
        ("At least 40 people", 40, 80),
        ("Fewer than 40 people", 20, 40),
        ("Nearly 3 million people", 2_850_000, 3_000_000),
        ("Almost 600 people", 585, 600),
        ("Up to 1,200 people", 0, 1200),
        ("Roughly 300 people", 270, 330),
        ("Some 3,000 people", 2700, 3300),
        ("Just over 100,000 people", 100_000, 110_000),  # "just over", not "over"
    ],
)
def test_modifier_ranges(read, phrase, low, high):
    q = read(f"{phrase} were evacuated on the coast.")[0]
    assert (q.low, q.high) == pytest.approx((low, high))
    assert q.low <= q.value <= q.high or q.modifier in ("more than", "over", "at least")


def test_percent_money_fractions_and_indefinite_plurals(read):
    found = read("About 12% voted. It cost $2.5bn and £300m. A fifth of the troops left, "
                 "two-thirds of voters stayed, and tens of thousands of people marched.")
    assert (_one(found, "12%").unit, _one(found, "12%").value) == ("percent", 12)
    assert (_one(found, "2.5bn").value, _one(found, "2.5bn").unit) == (2.5e9, "dollar")
    assert (_one(found, "300m").value, _one(found, "300m").unit) == (3e8, "pound")
    assert (_one(found, "fifth").value, _one(found, "fifth").unit) == (0.2, "troop")
    assert _one(found, "thirds").value == pytest.approx(2 / 3)
    marched = _one(found, "tens of thousands")
    assert (marched.low, marched.high, marched.unit) == (20_000, 100_000, "people")


def test_dozen_multiplies_the_number_before_it(read):
    found = read("Two dozen trucks came, a dozen boats left and more than three dozen homes burned.")
    assert _one(found, "Two dozen").value == 24
    assert _one(found, "dozen boats").value == 12
    homes = _one(found, "three dozen")
    assert (homes.low, homes.modifier) == (36, "more than")


def test_billions_means_two_to_ten_billion(read):
    q = _one(read("They spent billions of dollars."), "billions")
    assert (q.low, q.high) == (2e9, 1e10)


def test_years_dates_times_ordinals_list_numbers_are_not_quantities(read):
    found = read("1. In 2019, at 10:30 on 12 May, the fourth president passed it on to a fifth "
                 "before the 9/11 anniversary.")
    assert found == []


def test_conjoined_numeral_shares_the_noun(read):
    found = read("Around 10,000 troops – 2,500 US personnel and another 7,000 from allies – "
                 "will leave.")
    assert [(q.value, q.unit) for q in found] == [(10000, "troop"), (2500, "personnel"),
                                                  (7000, "personnel")]


def test_elided_noun_is_borrowed_from_the_previous_figure(read):
    found = read("He noted that 2,448 US troops died in the two conflicts. "
                 "Another 20,722 have been wounded.")
    assert _one(found, "20,722").unit == "troop"


def test_definite_numeral_is_a_re_mention(read):
    text = "After talks, the two leaders discussed the plan."
    found = read(text)
    assert quantities.is_definite(_one(found, "two"), text)


def test_rounding_unit_reads_one_significant_figure_as_two():
    assert quantities.rounding_unit(10_000, "1", 10_000) == 1_000
    assert quantities.rounding_unit(2_500, "25", 100) == 100
    assert quantities.rounding_unit(5, "5", 1) == 1


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seed_quantities():
    from newsprism.ingest import from_text
    from newsprism.read import read

    articles = read([from_text(p.read_text(encoding="utf-8"), p.stem)
                     for p in sorted(SEEDS.glob("*.txt"))])
    found = {q.text: q for a in articles for q in a.quantities}
    assert found["about 2,500 US soldiers"].unit == "soldier"
    assert found["9,600-strong Nato mission"].unit == "mission"
    assert found["around 10,000 troops"].low <= 9600 <= found["around 10,000 troops"].high
    assert found["2,500 US personnel"].unit == "personnel"
    assert found["20,722"].unit == "troop"
    assert not [t for t in found if "fourth" in t or "fifth" in t or "9/11" in t]


def test_stated_interval_is_one_figure_with_that_range(read):
    found = read("His net worth is between $19 and $22 million, and 300 to 400 troops left.")
    worth = _one(found, "$19")
    assert (worth.text, worth.low, worth.high, worth.unit) == (
        "between $19 and $22 million", 19e6, 22e6, "dollar")
    troops = _one(found, "300")
    assert (troops.low, troops.high, troops.unit) == (300, 400, "troop")


def test_a_change_from_one_figure_to_another_stays_two_figures(read):
    found = read("The share of renters rose from 5 percent to 10 percent in a year.")
    assert [q.value for q in found] == [5, 10]


def test_odds_are_not_counts(read):
    assert read("There is a one-in-three chance that we lose and a 2 in 3 chance we win.") == []


def test_predicate_is_the_verb_the_figure_depends_on(read):
    found = read("The couple earned roughly $141 million and paid nearly $44 million in taxes.")
    assert (_one(found, "141").predicate, _one(found, "44").predicate) == ("earn", "pay")


def test_predicates_include_verbs_the_counted_noun_is_subject_of(read):
    found = read("The strike closed the harbour, leaving 67 ships waiting to dock.")
    assert {"leave", "wait"} <= set(_one(found, "67").predicates)


def test_predicates_include_the_event_noun_of_the_governing_verb(read):
    found = read("A recount confirmed the mayor's win by nine votes.")
    assert {"confirm", "win"} <= set(_one(found, "nine").predicates)


def test_setting_is_where_the_figure_happened_not_every_place_named(read):
    found = read("In France, officials said 40 people were killed in an attack in Paris.")
    assert _one(found, "40").setting == ["paris"]


def test_an_age_is_a_figure_not_a_date(read):
    # The tagger labels "52-year-old" a DATE; it is an age, compared like any figure.
    found = read("Ms Hale, a 52-year-old engineer, and a five-month-old baby were rescued.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("52-year-old", 52, "years old"), ("five-month-old", 5, "months old")]
    assert [q.unit for q in read("The man, 52 years old, was rescued.")] == ["years old"]
    assert not read("The war lasted 52 years.")  # a duration stays no figure


def test_hyphenated_number_words_are_one_figure(read):
    # "twenty-five" is one numeral: neither 20 nor 5, for a count or an age.
    found = read("Officials said twenty-five people died and a thirty-one-year-old was hurt.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("twenty-five people", 25, "people"), ("thirty-one-year-old", 31, "years old")]
    assert [(q.text, q.value) for q in read("A one-year-old was hurt.")] == [("one-year-old", 1)]


def test_a_floor_is_not_contradicted_by_a_higher_count(read):
    # "At least 6,000" on Saturday and "about 10,000" a day later can both be true.
    floor = _one(read("At least 6,000 websites were hacked by Saturday."), "6,000")
    later = _one(read("About 10,000 websites were hacked."), "10,000")
    assert floor.low <= later.high and later.low <= floor.high
    assert floor.low == 6000  # but fewer than 6,000 would contradict it
    doubled = _one(read("Some 20,000 websites were hacked."), "20,000")
    assert doubled.low > floor.high  # a count that has since tripled is another count


def test_nearly_stays_below_the_figure_by_as_much_as_about_allows(read):
    # "Almost 100" is read to the ten, and hedged: 85 to 100, so a count of 89 meets it.
    q = _one(read("Almost 100 people were arrested."), "100")
    assert (q.low, q.high) == (85, 100)
    # The less round the figure, the tighter the hedge: "nearly 96" is 94.5 to 96.
    assert (_one(read("Nearly 96 people were arrested."), "96").low) == 94.5


@pytest.mark.parametrize("sentence", [
    "The fire was knocked down by 6:40 a.m. and put out by 7 a.m. on Sunday.",
    "The fire was knocked down by 6: 40 a. m. and put out by 7 a. m. on Sunday.",
    "The meeting ended at 9 pm on Friday.",
])
def test_clock_times_are_not_counts(read, sentence):
    assert read(sentence) == []


def test_a_by_compound_names_a_thing_not_two_counts(read):
    assert read("The robbers fled in a black four-by-four.") == []
    assert [q.text for q in read("The robbers fled in a black 4-by-4 towards the port.")] == []
    q = _one(read("Police later found two cars near the port."), "two")
    assert (q.value, q.unit) == (2, "car")


@pytest.mark.parametrize("sentence", [
    "The Bulls won 19-12 on Sunday.",
    "The match ended in a 12-12 draw.",
    "The court issued a 5-4 ruling on Monday.",
    # Some copies of pages space the hyphen out; the noun after the pair names the score.
    "The Hawks won a 65 - 53 victory over the Owls.",
    "A 7 - 0 run gave the Owls a 19 - 12 lead.",
    "Doe broke a 12 - 12 tie with a dunk.",
])
def test_a_score_or_tally_is_not_two_counts(read, sentence):
    assert read(sentence) == []


def test_a_rising_hyphenated_pair_is_still_a_range(read):
    q = _one(read("Some 20-25 people came to the vigil."), "20-25")
    assert (q.low, q.high, q.unit) == (20, 25, "people")


def test_the_part_in_n_of_m_counts_the_wholes_noun(read):
    found = read("Doe completed 23 of 35 passes for 329 yards.")
    assert [(q.value, q.unit) for q in found][:2] == [(23, "pass"), (35, "pass")]


def test_a_spaced_rising_pair_is_still_a_range(read):
    q = _one(read("Some 300 - 400 troops left the base."), "300")
    assert (q.low, q.high, q.unit) == (300, 400, "troop")


def test_a_distance_in_time_told_by_counting_is_no_count(read):
    assert read("But eleven games later the Hawks stood in the playoffs.") == []
    q = _one(read("Three innings earlier, Doe hit 2 home runs."), "2")
    assert (q.value, q.unit) == (2, "run")


def test_a_combined_figure_is_a_whole(read):
    q = _one(read("Playing in a combined 143 games with the Hawks and Owls, Doe hit 33 homers."),
             "143")
    assert q.scope == "combined"


@pytest.mark.parametrize(("sentence", "scope"), [
    ("The attack came just weeks after a gunman wounded five people at a depot.", "weeks after"),
    ("The vote came two years after a gunman killed 12 people at the school.", "years after"),
])
def test_a_figure_of_an_occasion_weeks_apart_is_scoped_to_it(read, sentence, scope):
    assert [q.scope for q in read(sentence)] == [scope]


def test_a_figure_of_the_main_clause_is_not_another_occasion(read):
    q = _one(read("Two weeks after the quake, 5,000 people remain homeless."), "5,000")
    assert not (q.scope or "").endswith(("after", "before"))


def test_a_bracketed_conversion_takes_the_hedge_of_the_figure_it_converts(read):
    q = _one(read("The survey put the epicentre at about 40km (25 miles) from the port."), "25")
    assert (q.unit, q.modifier) == ("mile", "about") and q.low < 24 < q.high
    q = _one(read("The climber fell around 3000ft (914 metres) near the hut."), "914")
    assert q.low < 900 < q.high
    q = _one(read("Some 300 people (including 12 children) were hurt."), "12")
    assert q.low == q.high == 12  # words in brackets, no conversion


def test_a_sum_converted_into_another_currency_is_no_figure_of_its_own(read):
    found = read("Damage was estimated at $US2 million ($2.9 million), officials said.")
    assert [q.text for q in found if "2.9" in q.text] == []
    assert [q.text for q in read("The fund grew to €5m (£4.3m) last year.")] == ["€5m"]


def test_spaced_digits_keep_the_event_of_their_first_group(read):
    # The parser hangs "3" on "closed down" and "9 percent" on "reacted".
    q = _one(read("But markets reacted with alarm as stocks closed down 2. 7 percent."), "2. 7")
    assert "close" in q.predicates
