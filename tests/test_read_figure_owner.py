"""Whose figure and which figure: the bearer and scope the reader records on each quantity, and
numerals whose digits a page spaced out ("3, 215")."""

from __future__ import annotations

import pytest

from newsprism.model import Article, Quantity
from newsprism.read import entities, quantities, sentences
from newsprism.read.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture
def read(nlp):
    def _read(text: str) -> list[Quantity]:
        article = Article.from_paragraphs("t", [text])
        doc = nlp(article.text)
        sentences.annotate(article, doc)
        entities.annotate(article, doc)
        quantities.annotate(article, doc)
        for q in article.quantities:
            assert article.text[q.start : q.end] == q.text
            if q.bearer_span is not None:
                assert q.bearer_span.end <= q.start or q.bearer_span.start >= q.end \
                    or q.bearer_span.start >= q.start
        return article.quantities

    return _read


def _one(found: list[Quantity], number: str) -> Quantity:
    matches = [q for q in found if q.text.startswith(number)]
    assert len(matches) == 1, [q.text for q in found]
    return matches[0]


# --- bearer -------------------------------------------------------------------------------------


def test_the_subject_of_the_clause_bears_the_figure(read):
    found = read("Mark Doyle completed 28 passes for 329 yards on Sunday.")
    assert _one(found, "28").bearer == "Mark Doyle"
    assert _one(found, "329").bearer == "Mark Doyle"


def test_he_resolves_to_the_person_named_as_an_earlier_subject(read):
    found = read("Sam Okoro ran for 120 yards in the opener. He also caught five passes for "
                 "44 yards.")
    assert _one(found, "44").bearer == "Sam Okoro"
    assert _one(found, "44").bearer_span is not None


def test_a_possessor_bears_the_figure(read):
    found = read("Ann Ruiz spoke after the game. Her 31 points led the team.")
    assert _one(found, "31").bearer == "Ann Ruiz"


def test_a_participle_borrows_the_subject_of_its_verb(read):
    found = read("Mark Doyle played in ten games, rushing for 404 yards.")
    assert _one(found, "404").bearer == "Mark Doyle"


def test_a_figure_inside_the_subject_has_no_bearer(read):
    found = read("Police said 46 people were arrested near the harbour.")
    assert _one(found, "46").bearer is None


def test_a_common_noun_subject_names_no_bearer(read):
    found = read("The team scored 31 points in the second half.")
    assert _one(found, "31").bearer is None


def test_joint_subjects_name_no_single_bearer(read):
    found = read("Mark Doyle and Sam Okoro combined for 300 yards.")
    assert _one(found, "300").bearer is None


def test_a_pronoun_in_a_quotation_is_the_speakers_not_resolved(read):
    found = read('Sam Okoro scored twice. "He ran for 90 yards," a coach said of another '
                 'player.')
    assert _one(found, "90").bearer is None


# --- scope --------------------------------------------------------------------------------------


def test_a_period_after_the_figure_is_its_scope(read):
    found = read("Sam Okoro has 147 rushing yards in his last two games.")
    assert _one(found, "147").scope == "in last two games"


def test_a_since_phrase_opening_the_sentence_is_its_scope(read):
    found = read("Since Week 9, Sam Okoro has 371 rushing yards.")
    assert _one(found, "371").scope == "since week 9"


def test_a_part_of_a_count_is_its_scope(read):
    found = read("The champion is unbeaten, with 51 wins coming by way of knockout.")
    assert _one(found, "51").scope == "by way of knockout"
    assert _one(read("Ann Ruiz has 51 wins by knockout."), "51").scope == "by knockout"


def test_the_agent_of_a_passive_is_no_part(read):
    assert _one(read("Twelve people were killed by the storm."), "Twelve").scope is None


def test_career_totals_are_scoped(read):
    assert _one(read("Ann Ruiz has 58 career wins."), "58").scope == "career"


def test_a_part_phrase_after_another_figure_is_not_the_first_figures(read):
    found = read("Ann Ruiz has 58 wins, 51 by knockout.")
    assert _one(found, "58").scope is None


def test_a_date_gives_no_scope_except_after_since(read):
    found = read("Officials counted 40 boats in March. They have counted 70 boats since March.")
    assert _one(found, "40").scope is None
    assert _one(found, "70").scope == "since march"


def test_a_period_of_an_infinitive_clause_is_not_the_figures(read):
    found = read("Ann Ruiz broke the record of 2,116 points with 4:43 left to play in the "
                 "first half.")
    assert _one(found, "2,116").scope is None
    # The figure's own infinitive keeps its period.
    found = read("Ann Ruiz managed to score 30 goals in her last four games.")
    assert _one(found, "30").scope == "in last four games"


def test_a_plain_figure_has_no_scope(read):
    assert _one(read("Police arrested 46 people near the harbour."), "46").scope is None


# --- spaced digits --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "value"),
    [
        ("He finished his career with 3, 215 points.", "3, 215", 3215),
        ("The act protects 1, 482 other species.", "1, 482", 1482),
        ("He had 1, 234, 567 followers.", "1, 234, 567", 1234567),
        ("The index fell 6. 2 per cent on Monday.", "6. 2", 6.2),
        ("The bill costs $2. 5 million.", "$2. 5 million", 2.5e6),
    ],
)
def test_digits_spaced_after_a_separator_are_one_numeral(read, sentence, number, value):
    found = read(sentence)
    assert _one(found, number).value == value
    assert all(q.text.startswith(number) for q in found)  # the later group is no figure itself


def test_a_comma_list_of_small_numbers_stays_a_list(read):
    found = read("The three boats carried 7, 12 and 9 passengers.")
    assert 7 in {q.value for q in found}
    assert 712 not in {q.value for q in found}


def test_a_possessive_spaced_out_by_the_page_still_names_the_owner(read):
    found = read("Sam Okoro came in needing 11 points to break Ann Ruiz ’ s scoring record "
                 "of 3, 215.")
    assert _one(found, "3, 215").bearer == "Ann Ruiz"


def test_a_figure_in_brackets_after_a_name_is_that_persons(read):
    found = read("With five points, Sam Okoro passed Ann Ruiz (2,140) on the scoring chart.")
    assert _one(found, "2,140").bearer == "Ann Ruiz"


def test_a_pronoun_in_a_spaced_out_quotation_is_not_resolved(read):
    found = read('Ann Ruiz saw it. " She slid under his van a good 14 feet, " Ruiz said.')
    assert _one(found, "14").bearer is None


def test_a_period_closing_a_list_of_figures_scopes_each(read):
    found = read("Sam Okoro has 612 rushing yards, 28 receptions and 231 receiving yards this "
                 "season.")
    assert _one(found, "612").scope == "season"


def test_by_a_time_is_a_deadline_not_a_part(read):
    found = read("By the afternoon 42 ships were waiting at anchor.")
    assert _one(found, "42").scope is None
    assert _one(read("Some 42 ships were waiting by Friday."), "Some 42").scope is None


def test_a_role_subject_names_no_bearer(read):
    found = read("Ann Ruiz spoke first. The president then proposed a 10-round limit.")
    assert _one(found, "10").bearer is None
