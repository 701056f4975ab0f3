"""Speakers found by where news writing puts them around the cue, when the small parser hangs
them elsewhere (sentences written for the test; each reproduces the parse slip the rule is
for)."""

from __future__ import annotations

from quote_fixtures import parsed_by_hand
from quote_fixtures import quote_starting as _quote
from quote_fixtures import read_quotes as _read


def test_the_noun_phrase_right_after_a_closing_quote_is_the_speaker():
    article = _read(
        "The hearing ran late into the night.\n"
        "“What if the mayor had singing lessons?” the 43-year-old asked in the clip’s "
        "description.\n"
    )
    asked = _quote(article, "What if the mayor")
    assert asked.speaker_text == "the 43-year-old"  # not the quote, not nobody


def test_a_participle_before_the_inverted_speakers_name_belongs_to_the_name():
    article = _read(
        "The claims came up again.\n"
        "“I'm not going to say it is a mistake, so forget about it,” said retired dentist Tom "
        "Baker, asked about his claims that he had been offered a seat.\n"
    )
    said = _quote(article, "I'm not going to say")
    assert said.speaker_name == "Tom Baker"


def test_a_participle_introducing_a_quote_speaks_for_the_main_clause():
    article = _read(
        "Ortiz seemed to be ready to joke about the delay in Portvale, telling the crowd, “Some "
        "people get a little carried away, have you noticed that?”\n"
    )
    telling = _quote(article, "Some people get")
    assert telling.speaker_name == "Ortiz"


def test_a_party_and_state_parenthesis_between_name_and_cue_is_skipped():
    article = _read(
        "Asked about a cartoon of the mayor, a pile of cash and a six-pointed star likened to a "
        "sheriff's badge, Speaker of the House Rep. Tom Baker (R-Ore.) said “cartoons like that "
        "have no place in a campaign.”\n"
    )
    said = _quote(article, "cartoons like that")
    assert said.speaker_name == "Tom Baker"


def test_the_one_asked_by_a_named_host_is_not_the_speaker():
    article = _read(
        "During an appearance on “Harbour Hour,” Ortiz was asked by host Tom Baker whether the "
        "port would close.\n"
    )
    asked = _quote(article, "whether the port")
    assert asked.speaker_name == "Tom Baker"


def test_after_a_verb_of_causing_its_object_speaks():
    article = _read(
        "The timing of the vote led Republicans to say that the mayor was hiding.\n"
        "The mayor left office early, leaving some to question whether the port would survive.\n"
    )
    assert _quote(article, "the mayor was hiding").speaker_text == "Republicans"
    assert _quote(article, "whether the port would").speaker_text == "some"


def test_a_video_or_piece_someone_puts_out_speaks_for_them():
    article = _read(
        "Ann Ortiz has released a video that accuses Tom Baker of hiding the accounts.\n"
        "The Harbour Gazette ran a piece that noted the port \"would lose money for years.\"\n"
        "The clerk kept a letter that said the port was closing.\n"
    )
    assert _quote(article, "Tom Baker of hiding").speaker_name == "Ann Ortiz"
    assert _quote(article, "would lose money").speaker_name == "Harbour Gazette"
    assert _quote(article, "the port was closing").speaker_text == "that"  # kept, not sent out


def test_a_subject_set_off_by_a_whose_clause_before_the_cue_speaks():
    article = _read(
        "Mr. Baker, whose latest start-up, Harbourdata, uses big data to help ferries find crews, "
        "said Ms. Ortiz was a candidate very much in the spirit of the port.\n"
    )
    said = [q for q in article.quotes if q.cue and article.span_text(q.cue) == "said"]
    assert said and all(q.speaker_name == "Baker" for q in said)


def test_the_person_named_before_the_cue_with_only_a_time_phrase_between():
    article = _read(
        "Most of Lund’s anger was also aimed at Marsh, who Lund on Friday called “a lazy, useless "
        "human being.”\n"
    )
    called = _quote(article, "a lazy, useless")
    assert called.speaker_text == "Lund"


def test_an_untagged_surname_before_the_cue_beats_the_cues_object():
    article = _read(
        "Ann Ortiz ran the port for years. The council hired Michael Skelly in May.\n"
        "And Skelly called Ortiz “a real smart boss.”\n"
    )
    called = _quote(article, "a real smart boss")
    assert called.speaker_name == "Michael Skelly"


def test_a_name_qualifying_the_noun_before_the_cue_is_not_the_speaker():
    article = _read(
        "Most of the port’s anger was also aimed at Marsh, who Ann Ortiz's allies on Friday "
        "called “a lazy, useless human being.”\n"
    )
    called = _quote(article, "a lazy, useless")
    assert called.speaker_name != "Ann Ortiz"


def test_a_cue_the_parser_leaves_unlabelled_borrows_its_heads_subject():
    from newsprism.read.speakers import subject_of

    # "Ortiz, exasperated, responded:" parsed with "exasperated" as the root and "responded"
    # hanging on it by the unlabelled "dep" link, as the small model does.
    words = ["Ortiz", ",", "exasperated", ",", "responded", ":"]
    doc = parsed_by_hand(
        words=words,
        spaces=[False, True, False, True, False, False],
        pos=["PROPN", "PUNCT", "VERB", "PUNCT", "VERB", "PUNCT"],
        heads=[2, 0, 2, 2, 2, 4],
        deps=["nsubj", "punct", "ROOT", "punct", "dep", "punct"],
    )
    assert subject_of(doc[4]).text == "Ortiz"


def test_a_name_the_parser_makes_the_object_of_as_speaks_for_put_it():
    from newsprism.read.speaker_layout import named_in_as_clause

    # "As Ann Ortiz put it, …" parsed with "Ortiz" as the object of "As", which marks "put",
    # as the small model does after a long apposition.
    words = ["As", "Ann", "Ortiz", "put", "it", ","]
    doc = parsed_by_hand(
        words=words,
        spaces=[True, True, True, True, False, False],
        pos=["SCONJ", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
        heads=[3, 2, 0, 3, 3, 3],
        deps=["mark", "compound", "pobj", "ROOT", "dobj", "punct"],
    )
    assert named_in_as_clause(doc[3], []).text == "Ortiz"
    assert named_in_as_clause(doc[3], [(doc[1].idx, doc[2].idx + 5)]) is None  # quoted words


def test_a_finite_tell_that_lost_its_subject_after_a_quote_is_not_an_unnamed_asker():
    from newsprism.read.reported import _asked_unnamed

    # "“Busy,” a source told the paper." parsed with "a source" hung on the quoted words, as
    # the small model does after a long quote: "told" is the root with no subject, but someone
    # named after the quote told, unlike "Asked whether …, she said", where nobody asks aloud.
    words = ["“", "Busy", ",", "”", "a", "source", "told", "the", "paper", "."]
    doc = parsed_by_hand(
        words=words,
        spaces=[False, False, False, True, True, True, True, True, False, False],
        pos=["PUNCT", "ADJ", "PUNCT", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["``", "JJ", ",", "''", "DT", "NN", "VBD", "DT", "NN", "."],
        lemmas=["“", "busy", ",", "”", "a", "source", "tell", "the", "paper", "."],
        heads=[6, 6, 6, 6, 5, 1, 6, 8, 6, 6],
        deps=["punct", "ccomp", "punct", "punct", "det", "attr", "ROOT", "det", "dobj", "punct"],
    )
    assert not _asked_unnamed(doc[6])
    headline = parsed_by_hand(
        words=["Asked", "about", "it", ",", "Ortiz", "said", "no", "."],
        pos=["VERB", "ADP", "PRON", "PUNCT", "PROPN", "VERB", "INTJ", "PUNCT"],
        tags=["VBD", "IN", "PRP", ",", "NNP", "VBD", "UH", "."],
        lemmas=["ask", "about", "it", ",", "Ortiz", "say", "no", "."],
        heads=[5, 0, 1, 5, 5, 5, 5, 5],
        deps=["advcl", "prep", "pobj", "punct", "nsubj", "ROOT", "intj", "punct"],
    )
    assert _asked_unnamed(headline[0])


def test_a_preposition_the_parser_makes_the_subject_gives_way_to_its_object():
    from newsprism.model import Article, Paragraph
    from newsprism.read.speakers import speaker_token

    # "Of Lee, Ortiz said, …" parsed with "Of" as the subject of "said" and "Ortiz" as its
    # object, as the small model does when a "who" clause follows the name.
    words = ["Of", "Lee", ",", "Ortiz", "said", ","]
    doc = parsed_by_hand(
        words=words,
        spaces=[True, False, True, True, False, False],
        pos=["ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"],
        heads=[4, 3, 3, 0, 4, 4],
        deps=["nsubj", "nmod", "punct", "pobj", "ROOT", "punct"],
    )
    article = Article(id="a", text=doc.text, paragraphs=[Paragraph(start=0, end=len(doc.text))])
    assert speaker_token(article, doc, doc[4], doc[0]).text == "Ortiz"
