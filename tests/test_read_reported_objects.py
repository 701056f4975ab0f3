"""What a cue verb with a subject of its own attributes when it has no clause: the object of a
verb of thought, what a study finds (sentences written for these tests)."""

from __future__ import annotations

from quote_fixtures import parsed_by_hand, read_quotes
from quote_fixtures import reported_pairs as _reported


def test_what_someone_agreed_to_do_is_attributed_to_them():
    article = read_quotes("The harbour board agreed to pay the fishermen $2 million.")
    assert _reported(article) == [("to pay the fishermen $2 million", "The harbour board")]


def test_what_someone_agrees_on_is_attributed_to_them():
    article = read_quotes("The three candidates broadly agreed on a duty to rebuild the harbour.")
    assert _reported(article) == [("a duty to rebuild the harbour", "The three candidates")]


def test_what_someone_learned_is_attributed_to_them():
    article = read_quotes("Ann Ortiz learned how to read a budget in her first year.")
    assert _reported(article)[0][1] == "Ann Ortiz"
    assert _reported(article)[0][0].startswith("how to read a budget")


def test_what_a_survey_found_runs_to_the_end_of_its_clause():
    article = read_quotes("A recent harbour survey found 90 percent support for the new ferry.")
    assert _reported(article) == [
        ("90 percent support for the new ferry", "A recent harbour survey")
    ]


def test_a_person_finding_something_is_not_a_finding():
    article = read_quotes("Young sailors find jobs that pay very well in the harbour.")
    assert _reported(article) == []


def test_what_someone_knows_as_an_object_is_not_attributed():
    article = read_quotes("Ann Ortiz knows the harbour well.")
    assert _reported(article) == []


def test_who_is_called_on_to_act_and_the_act_are_what_is_called_for():
    article = read_quotes("Ann Ortiz has called for the harbour fees to be cut by half.")
    assert _reported(article) == [("the harbour fees to be cut by half", "Ann Ortiz")]


def test_a_push_for_someone_to_act_is_attributed():
    article = read_quotes("A lawmaker in Portvale is pushing for Tom Baker to resign.")
    assert _reported(article) == [("Tom Baker to resign", "A lawmaker")]


def test_a_passive_cue_with_a_doer_attributes_its_subject_to_the_doer():
    article = read_quotes("Tom Baker was also endorsed on Monday by Ann Ortiz.")
    assert _reported(article) == [("Tom Baker", "Ann Ortiz")]


def test_a_deadline_after_by_is_no_doer_of_a_passive_cue():
    article = read_quotes("No injuries had been reported by Wednesday morning.")
    assert all(speaker != "Wednesday morning" for _, speaker in _reported(article))


def test_what_a_passive_cue_holds_against_its_subject_goes_with_it():
    article = read_quotes(
        "The harbour board has been criticized by local fishermen for raising the fees."
    )
    assert _reported(article) == [
        ("The harbour board", "local fishermen"),
        ("raising the fees", "local fishermen"),
    ]


def test_what_a_passive_cue_judged_is_never_its_own_source():
    article = read_quotes("Tom Baker has been criticized by some of the fishermen for the fees.")
    assert _reported(article) == [
        ("Tom Baker", "some of the fishermen"),
        ("the fees", "some of the fishermen"),
    ]


def test_one_told_by_someone_is_not_what_was_told():
    article = read_quotes("Tom Baker was told by Ann Ortiz about the new fees.")
    assert _reported(article) == []


def test_the_writers_clause_before_a_colon_is_not_what_the_next_verb_reports():
    article = read_quotes(
        "The harbour towns were split: more than half of the fishermen preferred Ann Ortiz."
    )
    assert _reported(article) == [("Ann Ortiz", "more than half of the fishermen")]


def test_the_writers_clause_before_a_semicolon_is_not_what_the_next_verb_reports():
    article = read_quotes(
        "Tom Baker calls for a new ferry; Ann Ortiz aims to rebuild the old harbour wall."
    )
    assert _reported(article) == [
        ("a new ferry", "Tom Baker"),
        ("to rebuild the old harbour wall", "Ann Ortiz"),
    ]


def test_a_clause_before_a_comma_is_the_writers_when_a_verb_of_stance_has_its_own_object():
    article = read_quotes(
        "As the crowds walked down the avenue, Ann Ortiz defended her decision to close the port."
    )
    assert _reported(article) == [("her decision to close the port", "Ann Ortiz")]


def test_a_clause_before_a_comma_is_what_a_verb_of_saying_reports_even_with_an_object():
    article = read_quotes("The ferry will be late again, Ann Ortiz said of the new schedule.")
    assert _reported(article) == [("The ferry will be late again", "Ann Ortiz")]


def test_the_one_told_to_act_and_the_act_are_what_was_told():
    article = read_quotes("Harbour officials have told residents not to drink the tap water.")
    assert _reported(article) == [("residents not to drink the tap water", "Harbour officials")]


def test_the_one_told_alone_is_not_what_was_told():
    article = read_quotes("Ann Ortiz told reporters about the new ferry on Monday.")
    assert _reported(article) == []


def test_the_view_someone_agrees_with_is_attributed_to_them():
    article = read_quotes("Former mayor Tom Baker agreed with the analysis.")
    assert _reported(article) == [("the analysis", "Tom Baker")]


def test_a_question_after_a_verb_of_thought_is_what_is_held():
    article = read_quotes("Ann Ortiz does her research, and she knows how to use it.")
    assert _reported(article) == [("how to use it", "she")]


def test_verbs_of_rebuttal_and_disavowal_attribute_their_object():
    pairs = [
        pair
        for text in (
            "Ann Ortiz rebutted the claim that the harbour was losing money.",
            "The mayor downplayed the risk of a strike at the port.",
            "Tom Baker disavowed the letter his campaign sent to dock workers.",
        )
        for pair in _reported(read_quotes(text))
    ]
    assert pairs == [
        ("the claim that the harbour was losing money", "Ann Ortiz"),
        ("the risk of a strike at the port", "The mayor"),
        ("the letter his campaign sent to dock workers", "Tom Baker"),
    ]


def test_the_relative_pronoun_a_clause_backs_is_what_was_backed():
    article = read_quotes("The council passed the ferry plan, which Ann Ortiz strongly opposed.")
    assert ("which", "Ann Ortiz") in _reported(article)


def test_who_a_relative_clause_says_holds_a_view_is_not_what_is_held():
    article = read_quotes("Fishermen who oppose the ferry plan met in Portvale on Monday.")
    assert all(content != "who" for content, _ in _reported(article))


def test_the_story_someone_tells_is_what_they_said():
    article = read_quotes("The harbour master told a very different tale on Monday.")
    assert _reported(article) == [("a very different tale", "The harbour master")]


def test_the_one_told_is_still_not_what_was_told():
    article = read_quotes("The harbour master told reporters on Monday.")
    assert _reported(article) == []


def test_what_someone_believes_in_is_what_they_hold():
    article = read_quotes("Most young fishermen still believe in the harbour cooperative.")
    assert _reported(article) == [("the harbour cooperative", "Most young fishermen")]


def test_a_clause_hung_before_a_verb_with_its_own_object_is_the_writers_even_with_no_comma():
    from newsprism.read.reported_span import reported_clause

    # "The boats differ Boat C showed less damage.": the parse hangs the writer's first sentence
    # on "showed" as its clause, with nothing between to set it off, as the small model does
    # after a missing full stop.
    doc = parsed_by_hand(
        words=["The", "boats", "differ", "Boat", "C", "showed", "less", "damage", "."],
        spaces=[True, True, True, True, True, True, True, False, False],
        tags=["DT", "NNS", "VBP", "NNP", "NNP", "VBD", "JJR", "NN", "."],
        pos=["DET", "NOUN", "VERB", "PROPN", "PROPN", "VERB", "ADJ", "NOUN", "PUNCT"],
        lemmas=["the", "boat", "differ", "boat", "c", "show", "less", "damage", "."],
        heads=[1, 2, 5, 4, 5, 5, 7, 5, 5],
        deps=["det", "nsubj", "ccomp", "compound", "nsubj", "ROOT", "amod", "dobj", "punct"],
    )
    assert reported_clause(doc[5]) == [(6, 8)]
