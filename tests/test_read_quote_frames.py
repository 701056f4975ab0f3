"""A whole quoted sentence after the clause that introduces it with a colon or a comma: that
clause's verb frames it, whatever the parse hangs the quote on (sentences written for these
tests)."""

from __future__ import annotations

from quote_fixtures import quote_starting, read_quotes


def test_a_verb_of_no_saying_before_a_colon_frames_the_quote():
    article = read_quotes(
        "The mayor was asked about the strike on Monday.\n\n"
        "She went on: “It is like a leaking roof. You call the plumber first.”"
    )
    assert quote_starting(article, "It is like").speaker_text == "She"


def test_a_verb_of_no_saying_before_a_comma_frames_the_quote():
    article = read_quotes(
        "After Tom Baker criticized the council during a debate, Ann Ortiz shot back, "
        "“I could have stayed home, but I chose to serve the harbour.”"
    )
    assert quote_starting(article, "I could have").speaker_name == "Ann Ortiz"


def test_the_verb_before_the_colon_beats_the_verb_the_parse_hangs_the_quote_on():
    article = read_quotes(
        "“There is a young man who is having some problems,” Ann Ortiz said as the heckler "
        "yelled: “You are a fraud!”"
    )
    assert quote_starting(article, "You are a fraud").speaker_text == "the heckler"


def test_a_verb_of_saying_after_the_quote_keeps_it():
    article = read_quotes(
        "In her speech, Ann Ortiz praised the harbour crews: “Keep the coast clean and the port "
        "open,” Tom Baker said."
    )
    assert quote_starting(article, "Keep the coast").speaker_text == "Tom Baker"


def test_a_short_clause_after_a_question_frames_the_quote():
    article = read_quotes(
        "“Ortiz said in her speech that fishermen are heroes. What sport is she talking about, "
        "and who? Is Ortiz profiling?” reacted Baker."
    )
    assert quote_starting(article, "Ortiz said in").speaker_text == "Baker"
    article = read_quotes("“Does that not speak to your judgment?” the mayor fumed.")
    assert quote_starting(article, "Does that not").speaker_text == "the mayor"


def test_a_verb_of_saying_read_as_a_noun_after_the_quote_frames_it():
    article = read_quotes(
        "“If she wants to be the next mayor, Ann Ortiz should come to Salem,” the editorial read."
    )
    quote = quote_starting(article, "If she wants")
    assert quote.speaker is not None
    assert "editorial" in article.text[quote.speaker.start : quote.speaker.end]


def test_a_one_word_answer_with_its_cue_is_speech():
    article = read_quotes(
        "Tom Baker, a Portvale fan, gave a one word answer on the question. “Denver,” he "
        "answered."
    )
    assert quote_starting(article, "Denver").speaker_name == "Tom Baker"


def test_a_short_title_beside_a_cue_is_still_a_name():
    article = read_quotes("Ann Ortiz said on PBS's “Charlie Rose” show that the port is safe.")
    assert "Charlie Rose" not in [q.text for q in article.quotes]


def test_a_show_title_after_a_possessive_is_no_quote():
    article = read_quotes(
        "Sunday, on Radio Portvale’s “State of the Harbour,” while commenting on the strike, "
        "Ann Ortiz said the port would stay open."
    )
    assert "State of the Harbour" not in [q.text for q in article.quotes]


def test_a_short_sentence_before_a_quote_in_its_paragraph_gives_the_speaker():
    article = read_quotes(
        "Mainstream voters are running out of time. Portvale University's Ann Ortiz agreed. "
        "“Voters are running out of time to find an alternative to Baker.”"
    )
    assert quote_starting(article, "Voters are").speaker_name == "Ann Ortiz"


def test_a_title_after_the_noun_for_a_work_is_no_quote():
    article = read_quotes(
        "“We kept the harbour open,” Ann Ortiz wrote in her memoir, “Tough Harbour Years.” "
        "She spoke about it on her podcast, “So, That Happened.”"
    )
    texts = [q.text for q in article.quotes]
    assert "Tough Harbour Years." not in texts
    assert "So, That Happened." not in texts
    assert quote_starting(article, "We kept").speaker_name == "Ann Ortiz"


def test_a_sentence_after_the_noun_for_a_work_is_still_speech():
    article = read_quotes(
        "Ann Ortiz spoke about the strike on the show, “We will not close the port this winter.”"
    )
    assert quote_starting(article, "We will not close").speaker_name == "Ann Ortiz"


def test_a_sentence_before_a_quote_gives_the_speaker_however_long():
    article = read_quotes(
        "Ann Ortiz touted her record as a founder of the harbour workers' union in Portvale. "
        "“We need to protect the crews who keep the port open.”"
    )
    assert quote_starting(article, "We need to").speaker_name == "Ann Ortiz"


def test_the_paragraph_before_a_quote_only_paragraph_gives_the_speaker():
    article = read_quotes(
        "The council met on Monday.\n\nAnn Ortiz went on with her remarks about the strike.\n\n"
        "“The port will stay open all winter.”"
    )
    assert quote_starting(article, "The port will").speaker_name == "Ann Ortiz"


def test_a_paragraph_about_a_thing_gives_a_quote_no_speaker():
    article = read_quotes(
        "The storm closed the port for a week.\n\n“The port will stay open all winter.”"
    )
    assert quote_starting(article, "The port will").speaker_text is None


def test_a_quote_the_parse_roots_its_sentence_in_takes_the_subject_before_it():
    article = read_quotes(
        "The council met on Monday. Ann Ortiz also backed longer shifts for the crews -- "
        "\"I think the port is safer when the crews rest.\""
    )
    assert quote_starting(article, "I think the port").speaker_name == "Ann Ortiz"


def test_a_lead_in_paragraph_whose_root_has_no_subject_gives_its_last_speaker():
    article = read_quotes(
        "What the plan means is left to the voters, since Ann Ortiz spoke only in vague "
        "phrases.\n\n“We have to be a lot tougher on the port.”"
    )
    assert quote_starting(article, "We have to be").speaker_name == "Ann Ortiz"
