"""Speakers the parse leaves unnamed: quoted words inside reported speech, a name in apposition
to a role, a surname the tagger took for a common noun, a name before a long relative clause."""

from __future__ import annotations

from quote_fixtures import quote_starting, read_quotes


def test_a_quote_in_a_statement_someone_issued_is_theirs():
    article = read_quotes(
        "Trying to calm the row, Mayor Ruth Hale issued a statement saying: \"There is no doubt "
        "that the town must rebuild the flood walls before winter.\""
    )
    assert quote_starting(article, "There is no doubt").speaker_name == "Ruth Hale"


def test_marked_words_inside_a_reported_clause_are_its_speakers():
    article = read_quotes(
        "Ruth Hale sent a letter to residents saying she hoped the plan would \"calm every "
        "fear\" about the levy."
    )
    assert quote_starting(article, "calm every fear").speaker_name == "Ruth Hale"


def test_a_name_in_apposition_to_the_speaker_names_it():
    article = read_quotes(
        "Baker's lawyer, William Okonjo, said in a statement that the office \"has disclosed its "
        "intent to file new charges.\""
    )
    quote = quote_starting(article, "has disclosed")
    assert quote.speaker_name == "William Okonjo"
    assert article.span_text(quote.speaker) == "William Okonjo"


def test_a_surname_the_tagger_misses_is_the_person_named_in_full():
    article = read_quotes(
        "Outgoing adviser Paul Banks spoke to reporters on Monday.\n"
        "\"What I said is that it would raise the risk,\" Banks replied."
    )
    assert quote_starting(article, "What I said").speaker_name == "Paul Banks"


def test_the_person_a_long_relative_clause_describes_is_the_speaker():
    article = read_quotes(
        "Pressed on how firm his offer is, Delgado, who would have to step down from the board of "
        "his own bank in order to lead the agency, said, \"I always mean what I say, and I mean "
        "this.\""
    )
    assert quote_starting(article, "I always mean").speaker_name == "Delgado"


def test_a_name_that_only_qualifies_the_speaking_noun_is_not_the_speaker():
    article = read_quotes(
        "Ann Ortiz won the primary on Tuesday.\n"
        "An Ortiz supporter said the result was never in doubt.\n"
        "The Ortiz campaign said it would hold a rally in May.\n"
        "Mayor Ann Ortiz said she was grateful.\n"
    )
    supporter = quote_starting(article, "the result was never")
    assert supporter.speaker_text == "An Ortiz supporter" and supporter.speaker_entity is None
    assert supporter.speaker_name != "Ann Ortiz"
    assert quote_starting(article, "it would hold").speaker_name != "Ann Ortiz"
    assert quote_starting(article, "she was grateful").speaker_name == "Ann Ortiz"
