"""A surname the tagger misses is still the person the article names in full (sentences
written for the test)."""

from __future__ import annotations

from quote_fixtures import quote_starting as _quote
from quote_fixtures import read_quotes as _read


def test_a_bare_surname_opening_a_sentence_is_the_person_named_in_full():
    article = _read(
        "Tom Rogers spoke first.\n"
        "Rita Mendes has eight endorsements in the council. Rogers, meanwhile, who has none, "
        "said that fact speaks volumes about the party.\n"
    )
    assert "Rogers" in [m.text for m in article.mentions if m.label == "PERSON"]
    assert _quote(article, "fact speaks volumes").speaker_name == "Tom Rogers"


def test_a_capitalised_word_the_article_also_writes_in_lower_case_is_left_alone():
    article = _read(
        "Ann Young chaired the meeting.\n"
        "Young voters stayed away, and the young candidates lost.\n"
    )
    starts = [m.start for m in article.mentions if m.text == "Young"]
    assert article.text.index("Young voters") not in starts
