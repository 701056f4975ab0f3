"""Who said it: surnames that are office nouns, offices matched by rank, pronouns resolved in the
nearest sentence naming a person, joint speakers. Sentences written for the test."""

from __future__ import annotations

from newsprism.read.roles import role_words
from quote_fixtures import quote_starting as _quote
from quote_fixtures import read_quotes as _read


def test_a_bare_capitalised_office_noun_is_a_surname_not_a_role():
    article = _read(
        "The club hired Mo Harris as coach on Monday.\n"
        "Owner Tom Reyes praised the choice.\n"
        "“Mo is one of us and always will be,” King said.\n"
        "Stephen King wrote about it too. The king of Norway sent a letter.\n"
    )
    said = _quote(article, "Mo is one of us")
    assert said.speaker_text == "King" and said.speaker_name in {"King", "Stephen King"}
    labels = {m.text: m.label for m in article.mentions}
    assert labels["Stephen King"] == "PERSON"
    assert labels["The king of Norway"] == "ROLE"


def test_an_office_matches_only_the_same_office():
    assert role_words("the prime minister").matches(role_words("Prime Minister"))
    assert role_words("the minister").matches(role_words("Transport minister"))
    assert not role_words("the president").matches(role_words("Vice President"))
    assert not role_words("the finance minister").matches(role_words("the foreign minister"))


def test_a_role_no_name_holds_stays_unresolved():
    article = _read(
        "Vice President Ann Ortiz toured the port on Monday with Karl Berg.\n"
        "“The harbour will stay open all winter,” the president said.\n"
        "“Two ships were turned back at dawn,” the officer said.\n"
    )
    assert _quote(article, "The harbour will stay open").speaker_name is None
    assert _quote(article, "Two ships were turned back").speaker_name is None


def test_pronoun_goes_to_the_person_of_the_sentence_just_before():
    article = _read(
        "Tom Hill scored 31 points in the defeat.\n"
        "The costliest mistakes were made by Ben Rowe, who missed four free throws.\n"
        "“I let the team down tonight, nobody else did,” he said.\n"
    )
    assert _quote(article, "I let the team down").speaker_name == "Ben Rowe"


def test_pronoun_skips_the_object_of_the_previous_sentence_when_a_subject_is_there():
    article = _read(
        "Karl Berg argued that the contract was void.\n"
        "That did not satisfy Judge Tom Reyes.\n"
        "“If the contract is void, nobody signed it,” he said.\n"
        "Mr Baker said Mr Berg would chair the committee from May.\n"
        "“It will be a hard year for all of us,” he said.\n"
    )
    assert _quote(article, "If the contract is void").speaker_name == "Tom Reyes"
    # The main clause's subject, not the subject of the clause it reports.
    assert _quote(article, "It will be a hard year").speaker_name == "Baker"


def test_pronoun_never_resolves_to_the_person_the_verb_addresses():
    article = _read(
        "Mr Tom Baker listened, but he frowned when Mr Karl Berg kept interrupting him.\n"
        "“I know you are under a lot of pressure,” he told Mr Berg.\n"
    )
    assert _quote(article, "I know you are under").speaker_name == "Tom Baker"


def test_joint_speakers_are_kept_together():
    article = _read(
        "“We are thrilled to have her host the gala,” producers Ann Ortiz and Tom Baker said.\n"
        "Ortiz and Baker added: “The gala will be the best one yet.”\n"
    )
    for start in ("We are thrilled", "The gala will be"):
        quote = _quote(article, start)
        assert quote.speaker_name == "Ann Ortiz and Tom Baker"
        assert quote.speaker_entity is None  # nobody alone said it
    assert _quote(article, "We are thrilled").speaker_text == "Ann Ortiz and Tom Baker"


def test_a_reply_introduced_by_a_colon_is_not_the_askers():
    article = _read(
        "Host Ann Ortiz asked Tom Baker, “You have seen all of this yourself?” "
        "His response: “Well, I have people who have been studying it for years.”\n"
    )
    reply = _quote(article, "Well, I have people")
    assert reply.speaker_name != "Ann Ortiz" and reply.continues is None


def test_a_thought_someone_must_have_is_not_attributed_to_them():
    article = _read(
        "Ms Ortiz said the cuts were painful. "
        "But voters must also understand that the budget cannot grow forever.\n"
    )
    assert not [q for q in article.quotes if q.speaker_text == "voters"]
    assert _quote(article, "the cuts were painful").speaker_name == "Ortiz"


def test_a_quote_paragraph_after_reported_speech_goes_on_with_its_speaker():
    article = _read(
        "Defence Secretary Tom Carter said that for years critics had predicted a withdrawal, "
        "but this would not happen.\n\n"
        "“That is because this region remains the most important one for our security.”\n"
    )
    assert _quote(article, "That is because this region").speaker_name == "Tom Carter"


def test_a_share_of_a_group_is_named_with_its_group():
    from quote_fixtures import read_quotes, reported_pairs

    article = read_quotes(
        "Tom Baker has been criticized by some of the fishermen for the fees. "
        "Many of the dock workers said the plan would fail."
    )
    assert reported_pairs(article) == [
        ("Tom Baker", "some of the fishermen"),
        ("the fees", "some of the fishermen"),
        ("the plan would fail", "Many of the dock workers"),
    ]
