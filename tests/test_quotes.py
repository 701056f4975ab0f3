"""Quotes and speakers: each kind on sentences written for the test, then the seed checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import from_text
from newsprism.model import Article, Quote
from newsprism.read import entities, quotes, read, sentences
from newsprism.read.canonical import canonicalise
from newsprism.read.evaluation import Example, article_of
from newsprism.read.quotemarks import find_segments

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
USED = [sentences.annotate, entities.annotate, quotes.annotate]  # only what is tested here


def _read(text: str) -> Article:
    # One body paragraph per line, as PolNeAR is read: these tests are about quotes, not about
    # how ingest decides what is body text.
    article = read([article_of(Example("own", text, []))], components=USED)[0]
    canonicalise([article])
    return article


def _quote(article: Article, start_of_text: str, kind: str | None = None) -> Quote:
    found = [
        q
        for q in article.quotes
        if q.text.startswith(start_of_text) and (kind is None or q.kind == kind)
    ]
    assert found, f"no quote starting {start_of_text!r}: {[q.text[:30] for q in article.quotes]}"
    return found[0]


def test_marks_of_every_style_and_unclosed_ones():
    text = 'He said «non» and „ja“ and “yes” and "maybe.\n‘Fine’, don’t.'
    quoted = [text[s.start : s.end] for s in find_segments(text, 0, len(text))]
    assert quoted == ["non", "ja", "yes", "maybe.", "Fine"]


def test_direct_partial_and_pronoun_speakers():
    article = _read(
        "Port strike ends\n\n"
        "Mayor Helen Ortiz met union leader Tom Baker on Friday.\n\n"
        "“The harbour is open again,” Ms Ortiz said alongside Mr Baker.\n\n"
        "She called the deal “a fair day’s pay for a fair day’s work” and praised the workers.\n\n"
        "“We held out and it worked,” he said. “Nobody will forget it.”\n"
    )
    direct = _quote(article, "The harbour is open again")
    assert direct.kind == "direct" and direct.speaker_name == "Helen Ortiz"
    assert article.span_text(direct.cue) == "said"
    assert direct.text.endswith("again")  # marks and the trailing comma stay out
    partial = _quote(article, "a fair day")
    assert partial.kind == "partial" and partial.speaker_name == "Helen Ortiz"
    held = _quote(article, "We held out")
    assert held.speaker_name == "Tom Baker" and held.speaker_text == "he"
    nobody = _quote(article, "Nobody will forget")
    assert nobody.speaker_name == "Tom Baker"
    assert nobody.continues == article.quotes.index(held)


def test_multi_paragraph_quote_and_unnamed_speaker():
    article = _read(
        "Budget row\n\n"
        "A Treasury spokeswoman said: “The figures are clear.\n\n"
        "“Spending will rise by two percent next year.\n\n"
        "“That is our final word.”\n"
    )
    first = _quote(article, "The figures are clear")
    second = _quote(article, "Spending will rise")
    third = _quote(article, "That is our final word")
    assert second.continues == article.quotes.index(first)
    assert third.continues == article.quotes.index(second)
    for quote in (first, second, third):
        assert quote.kind == "direct"
        assert quote.speaker_name == "A Treasury spokeswoman"
        assert quote.speaker_entity is None


def test_indirect_speech_and_object_is_not_speaker():
    article = _read(
        "Rail plans\n\n"
        "Transport Secretary Ann Clarke met rail chief Paul Reid on Tuesday.\n\n"
        "Ms Clarke told Mr Reid that the new line would open in 2026.\n\n"
        "New trains will be ordered next spring, she said.\n\n"
        "According to Mr Reid, the tunnels are already finished.\n"
    )
    told = _quote(article, "the new line would open", "indirect")
    assert told.speaker_name == "Ann Clarke" and article.span_text(told.cue) == "told"
    reported = _quote(article, "New trains will be ordered", "indirect")
    assert reported.speaker_name == "Ann Clarke"
    according = _quote(article, "the tunnels are already finished", "indirect")
    assert according.speaker_name == "Paul Reid"


def test_captions_are_not_searched_for_quotes():
    article = read(
        [article_of(Example("c", "Storm hits\n\nWaves hit the coast, officials said.\n", []))],
        components=USED,
    )[0]
    article.paragraphs[-1].role = "caption"
    article.quotes.clear()
    from newsprism.read.nlp import parse

    for parsed, doc in parse([article]):
        quotes.annotate(parsed, doc)
    assert article.quotes == []


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    if not SEEDS.is_dir():
        pytest.skip("seeds not available")
    articles = read(
        [from_text(p.read_text(), p.stem[:3]) for p in sorted(SEEDS.glob("*.txt"))], components=USED
    )
    canonicalise(articles)
    return {a.id: a for a in articles}


@pytest.mark.parametrize(
    ("article", "start", "kind", "speaker"),
    [
        ("000", "I am here to work closely", "direct", "Antony J. Blinken"),
        ("000", "Together, we went into", "direct", "Antony J. Blinken"),
        ("000", "We will work very closely", "direct", "Antony J. Blinken"),
        ("000", "discussed our collective future", "partial", "Ned Price"),
        ("000", "We always said: we'll go in together", "direct", "Annegret Kramp-Karrenbauer"),
        ("000", "for us in Nato to synchronise", "partial", "Annegret Kramp-Karrenbauer"),
        ("000", "Nato is likely to follow the US", "indirect", "Annegret Kramp-Karrenbauer"),
        ("001", "end America’s longest war", "partial", "Joe Biden"),
        ("001", "I’m now the fourth", "direct", "Joe Biden"),
        ("001", "After consulting", "direct", "Joe Biden"),
        ("001", "Diplomacy and counter-terrorism", "indirect", "Joe Biden"),
        ("001", "Our drawdown will be orderly", "direct", "Jens Stoltenberg"),
        ("001", "the start of a new chapter", "partial", "Jens Stoltenberg"),
        ("001", "allies and partners will continue", None, "Jens Stoltenberg"),
        ("001", "part of a broader pattern", "partial", "Jens Stoltenberg"),
        ("001", "we call on Russia to de-escalate immediately", None, "Jens Stoltenberg"),
    ],
)
def test_seed_quotes(seeds, article, start, kind, speaker):
    quote = _quote(seeds[article], start, kind)
    assert quote.speaker_name == speaker
    assert seeds[article].text[quote.start : quote.end] == quote.text


def test_seed_two_paragraph_quote_and_pronoun(seeds):
    article = seeds["000"]
    together = _quote(article, "Together, we have achieved")
    work = _quote(article, "We will work very closely")
    assert not article.text[together.end :].lstrip().startswith(("”", '"'))  # never closed
    assert work.continues == article.quotes.index(together)
    assert work.speaker_text == "he"  # "he said alongside … Stoltenberg": not Stoltenberg


def test_seed_uk_representative_three_paragraphs(seeds):
    article = seeds["000"]
    parts = [
        _quote(article, s) for s in ("We are working closely", "For there to be", "Any change")
    ]
    assert [q.speaker_name for q in parts] == ["A UK government representative"] * 3
    assert parts[1].continues == article.quotes.index(parts[0])
    assert parts[2].continues == article.quotes.index(parts[1])


def test_seed_speaker_is_not_the_object_of_told(seeds):
    quote = _quote(seeds["000"], "We always said")
    assert seeds["000"].span_text(quote.speaker) == "Ms Kramp-Karrenbauer"
    she = _quote(seeds["000"], "for us in Nato", "partial")
    assert she.speaker_text == "She"


def test_wire_style_double_apostrophes_are_quotation_marks():
    text = "He said ''Yes sir!'' twice. ''I loved it,'' she said. It's Bob's."
    quoted = [text[s.start : s.end] for s in find_segments(text, 0, len(text))]
    assert quoted == ["Yes sir!", "I loved it,"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“The bridge will reopen in May,” Dr. Ruth Okafor said.", "Ruth Okafor"),
        ("“The bridge will reopen in May,” Gen. Omar Haddad said.", "Omar Haddad"),
        ("“The bridge will reopen in May,” President Lena Varga said.", "Lena Varga"),
        ("“The bridge will reopen in May,” said Mr. Paul Dunne.", "Paul Dunne"),
        ("Lena Varga, the city engineer, said: “The bridge will reopen in May.”", "Lena Varga"),
    ],
)
def test_titles_honorifics_and_appositions_name_the_speaker(sentence, speaker):
    article = _read(f"Bridge works\n\n{sentence}\n")
    quote = _quote(article, "The bridge will reopen")
    assert quote.kind == "direct" and quote.speaker_name == speaker


def test_role_noun_speaker_resolves_to_the_person_across_the_story():
    article = _read(
        "Bridge works\n\n"
        "Transport minister Lena Varga inspected the bridge with Mayor Tom Reyes on Monday.\n\n"
        "“The steel is sound,” the minister said.\n\n"
        "The mayor said the road would reopen in May.\n"
    )
    steel = _quote(article, "The steel is sound")
    assert steel.speaker_text == "the minister" and steel.speaker_name == "Lena Varga"
    road = _quote(article, "the road would reopen", "indirect")
    assert road.speaker_name == "Tom Reyes"


def test_pronoun_agrees_in_gender_and_skips_the_object_of_told():
    article = _read(
        "Harbour deal\n\n"
        "Ms Ana Ruiz told Mr Karl Berg that the harbour deal was signed.\n\n"
        "“It took two years,” she said.\n\n"
        "Mr Berg thanked the unions. “They carried it,” he said.\n"
    )
    told = _quote(article, "the harbour deal was signed", "indirect")
    assert told.speaker_name == "Ana Ruiz"
    took = _quote(article, "It took two years")
    assert took.speaker_text == "she" and took.speaker_name == "Ana Ruiz"
    carried = _quote(article, "They carried it")
    assert carried.speaker_text == "he" and carried.speaker_name == "Karl Berg"


def test_relative_pronoun_speaker_is_named_for_its_antecedent():
    article = _read(
        "Harbour deal\n\n"
        "The deal was welcomed by Ana Ruiz, who said the unions had been patient.\n"
    )
    quote = _quote(article, "the unions had been patient", "indirect")
    assert quote.speaker_text == "who" and quote.speaker_name == "Ana Ruiz"


def test_verb_outside_the_lexicon_frames_a_whole_quote_and_they_stays_unresolved():
    article = _read(
        "Harbour deal\n\n"
        "Karl Berg grinned. “Nobody expected us to win this fight,” he beamed.\n\n"
        "“We will be back next year,” they said.\n"
    )
    beamed = _quote(article, "Nobody expected us")
    assert article.span_text(beamed.cue) == "beamed" and beamed.speaker_name == "Karl Berg"
    back = _quote(article, "We will be back")
    assert back.speaker_text == "they" and back.speaker_name is None  # unresolved, not guessed


def test_headline_colon_attribution_and_scare_quotes_are_not_quotes():
    article = _read(
        "Ana Ruiz: “The harbour deal is done and dusted”\n\n"
        "The so-called “historic deal” was signed on Monday.\n"
    )
    done = _quote(article, "The harbour deal is done")
    assert done.speaker_name == "Ana Ruiz"
    assert not [q for q in article.quotes if q.text.startswith("historic deal")]


def test_thinking_verbs_attribute_a_clause():
    article = _read(
        "Harbour deal\n\nUnion leader Karl Berg believes the harbour will hire again by spring.\n"
    )
    quote = _quote(article, "the harbour will hire again", "indirect")
    assert quote.speaker_name == "Karl Berg" and article.span_text(quote.cue) == "believes"


def test_unattributed_opening_paragraph_takes_the_continuation_speaker():
    article = _read(
        "Ferry service\n\n"
        "“We will run the ferry every hour from June. The timetable is final.\n\n"
        "“Nobody will wait more than sixty minutes again,” Ms Irena Kovac said.\n"
    )
    first = _quote(article, "We will run the ferry")
    second = _quote(article, "Nobody will wait")
    assert second.continues == article.quotes.index(first)
    assert first.speaker_name == second.speaker_name == "Irena Kovac"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“The bridge will reopen in May,” Justice Varga said.", "Varga"),
        ("“The bridge will reopen in May,” Inspector Dunne told reporters.", "Dunne"),
        ("“The bridge will reopen in May,” the city official, Lena Varga, said.", "Lena Varga"),
        ("A spokesman, Paul Dunne, said the bridge would reopen in May.", "Paul Dunne"),
    ],
)
def test_title_before_a_surname_and_a_name_after_a_role_name_the_speaker(sentence, speaker):
    article = _read(f"Bridge works\n\n{sentence}\n")
    quote = _quote(article, "The bridge will reopen") if "“" in sentence else _quote(
        article, "the bridge would reopen", "indirect")
    assert quote.speaker_name == speaker
    assert quote.speaker_entity is not None  # a person of the story, not words left unnamed


def test_role_with_a_qualifier_resolves_to_the_person_it_was_written_against():
    article = _read(
        "Bridge works\n\n"
        "“The bridge will reopen in May,” said Lena Varga, the prefect of the northern county.\n\n"
        "Paul Dunne, a local farmer, waited at the barrier.\n\n"
        "The prefect called the closure “a necessary inconvenience.”\n\n"
        "The Green candidate, Tom Reyes, visited the site. Mr Reyes said he was satisfied.\n\n"
        "The Green candidate said the work was overdue.\n"
    )
    assert _quote(article, "a necessary inconvenience").speaker_name == "Lena Varga"
    assert _quote(article, "the work was overdue", "indirect").speaker_name == "Tom Reyes"


def test_parenthetical_attribution_reports_the_clause_on_both_sides():
    article = _read(
        "Harbour deal\n\n"
        "The new cranes, Karl Berg said, will double the harbour's capacity by spring.\n"
    )
    before = _quote(article, "The new cranes", "indirect")
    after = _quote(article, "will double the harbour", "indirect")
    assert after.continues == article.quotes.index(before)
    assert before.speaker_name == after.speaker_name == "Karl Berg"
    assert "Berg" not in before.text + after.text  # the attribution is not part of the content


def test_quote_only_paragraph_after_an_attributed_one_keeps_the_speaker():
    article = _read(
        "Ferry service\n\n"
        "“The ferry will run every hour from June,” Ms Irena Kovac said.\n\n"
        "“Nobody will wait more than sixty minutes again for a crossing.”\n"
    )
    first = _quote(article, "The ferry will run")
    second = _quote(article, "Nobody will wait")
    assert second.continues == article.quotes.index(first)
    assert second.speaker_name == "Irena Kovac"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Senator Lena Varga endorsed Tom Reyes on Monday.", "Tom Reyes"),
        ("Senator Lena Varga accused the mayor of hiding the costs.", "the mayor of hiding"),
        ("Senator Lena Varga called for a public inquiry into the costs.", "a public inquiry"),
        ("Senator Lena Varga urged the council to publish the costs.", "the council to publish"),
    ],
)
def test_stance_verbs_attribute_their_object(sentence, content):
    article = _read(f"Bridge costs\n\n{sentence}\n")
    quote = _quote(article, content, "indirect")
    assert quote.speaker_name == "Lena Varga"


def test_quote_without_a_verb_of_saying_belongs_to_the_subject_of_its_sentence():
    article = _read(
        "Bridge costs\n\n"
        "Mayor Tom Reyes has defended the budget — “the cheapest bridge this city ever built.”\n"
    )
    quote = _quote(article, "the cheapest bridge")
    assert quote.speaker_name == "Tom Reyes" and quote.cue is None


def test_the_one_asked_is_not_the_speaker_of_the_question():
    article = _read(
        "Bridge costs\n\n"
        "Asked whether the bridge would open on time, Mayor Tom Reyes said it would.\n"
    )
    question = _quote(article, "whether the bridge would open", "indirect")
    assert question.speaker is None and question.speaker_name is None  # nobody named asks


def test_a_name_and_colon_before_a_quote_later_in_the_text_gives_one_quote_with_its_speaker():
    article = _read(
        "The council met on Monday to discuss the harbour.\n"
        "Mayor Ann Ortiz: “We will build the new sea wall before the winter storms arrive.”\n"
    )
    found = [q for q in article.quotes if "sea wall" in q.text]
    assert len(found) == 1
    assert found[0].kind == "direct" and found[0].speaker_name == "Ann Ortiz"


def test_a_view_nobody_holds_has_no_speaker():
    article = _read("Ann Ortiz seemed to lose patience with the harbour committee on Monday.")
    subject, complement = _quote(article, "Ann Ortiz"), _quote(article, "to lose patience")
    assert subject.kind == "indirect" and subject.speaker is None and complement.speaker is None
    assert article.quotes[complement.continues] is subject  # one view, in two pieces


def test_an_agentless_passive_names_nobody():
    article = _read("The harbour board was criticized for the long delay in the bridge project.")
    quote = _quote(article, "the long delay")
    assert quote.speaker is None and article.span_text(quote.cue) == "criticized"


def test_the_speaker_after_an_inverted_cue():
    article = _read("“We will build the bridge this year,” added a city council member.")
    quote = _quote(article, "We will build")
    assert quote.speaker_text is not None and "member" in quote.speaker_text


def test_a_subject_inside_the_quote_is_not_the_speaker():
    article = _read(
        "Tom Baker spoke to reporters on Monday.\n"
        "''That, unfortunately,'' he said, ''is part of the reality of life in a port town.''"
    )
    quote = _quote(article, "That, unfortunately")
    assert quote.speaker_text == "he" and quote.speaker_name == "Tom Baker"


def test_the_name_before_an_apposition_speaks():
    article = _read(
        "In a call with reporters on Monday, Col. Ann Ortiz, a military spokeswoman in Kabul, "
        "said, “A raid is a combat operation. There is no way around that.”"
    )
    quote = _quote(article, "A raid is")
    assert quote.speaker_text is not None and quote.speaker_name is not None


def test_a_block_quote_after_by_saying():
    article = _read(
        "Tom Baker explained the delay by saying:\n"
        "“The steel did not arrive on time. We are waiting for the next ship.”"
    )
    assert _quote(article, "The steel").speaker_name == "Tom Baker"


def test_verbs_of_regard_and_a_lemma_the_model_cuts():
    article = _read(
        "Ann Ortiz expressed concern about the cost of the bridge.\n"
        "Tom Baker hoped the bridge would open next year."
    )
    assert _quote(article, "concern about").speaker_name == "Ann Ortiz"
    assert _quote(article, "the bridge would open").speaker_name == "Tom Baker"


def test_the_addressee_of_a_letter_is_not_the_speaker_of_its_words():
    # The parse gives "wrote" no subject here (it is swallowed by the long relative clause), so
    # the speaker is searched for before the comma: the people the letter went to do not count,
    # and a person in a preposition's object does not stand in for the writer either.
    article = _read(
        "On Monday, the adviser, Dana Holt, 29, who has more than 8,000 followers on Instagram "
        "and at the time was an aide to a little-known senator from Ohio, wrote an open letter to "
        "Rui and Ana Costa on her blog, saying they should “learn some basic manners” and “act "
        "like grown adults.”"
    )
    speakers = {
        article.text[q.speaker.start:q.speaker.end] for q in article.quotes if q.speaker
    }
    assert not speakers & {"Rui", "Ana Costa", "a little-known senator"}
    assert _quote(article, "learn some basic manners").kind == "partial"


def test_a_dateline_is_not_the_speaker():
    # The parser makes the dateline a second subject of the first verb.
    article = _read(
        "PORTVALE, Romania — Authorities ordered the evacuation of four hamlets below the old "
        "quarry dam on Monday, after engineers found cracks in its wall."
    )
    quote = _quote(article, "the evacuation of four hamlets")
    assert article.text[quote.speaker.start:quote.speaker.end] == "Authorities"
