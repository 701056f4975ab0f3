"""Which words are quoted: the marks find_segments reads and those it cannot (quoted_stretches)."""

from __future__ import annotations

from newsprism.read.quotemarks import is_quoted, quoted_stretches


def _quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in quoted_stretches(text)]


def test_marks_against_the_words_are_read_as_usual():
    text = 'The mayor said "the pier opens today" and left.'
    assert _quoted(text) == ["the pier opens today"]


def test_marks_spaced_off_on_both_sides_pair_up_in_order():
    text = 'Ann Ruiz saw it. " She slid under the van a good 14 feet, " Ruiz said.'
    assert _quoted(text) == ["She slid under the van a good 14 feet,"]
    assert not is_quoted(text, text.index("Ann"))
    assert not is_quoted(text, text.index("Ruiz said"))


def test_a_spaced_mark_opening_a_line_opens_a_quote():
    text = '" We will rebuild the pier , " she said on Monday.'
    assert _quoted(text) == ["We will rebuild the pier ,"]


def test_an_unpaired_spaced_mark_runs_to_the_end_of_its_line():
    text = 'The mayor said " we will rebuild the pier\nThe council met on Monday.'
    assert _quoted(text) == ["we will rebuild the pier"]


def test_a_quote_closed_a_paragraph_below_its_opening_covers_the_words_before_the_mark():
    text = ('"The harbour is the heart of this city.\n\n'
            'With smart policies we can grow our economy today. " she said.\n')
    assert _quoted(text) == ["The harbour is the heart of this city.",
                             "With smart policies we can grow our economy today."]
    assert not is_quoted(text, text.index("she said"))


def test_a_line_with_a_closing_mark_under_an_unquoted_line_is_not_a_continuation():
    # Nothing above was left open: the lone mark opens (a quote running on), it closes nothing.
    text = 'The council met on Monday.\n\nThe mayor said " the pier will open in May'
    assert not is_quoted(text, text.index("The mayor"))
    assert is_quoted(text, text.index("pier"))


def test_a_year_cut_short_with_an_opening_single_mark_opens_no_quote():
    text = "Ortiz said in ‘08 that the pier would open, and in the ‘90s it was the ‘blame game’ again."
    assert _quoted(text) == ["blame game"]


def test_typewriter_style_backticks_open_a_quote_that_two_apostrophes_close():
    text = "``We cannot keep paying,'' Ortiz said, and ``no one will,'' she added."
    assert _quoted(text) == ["We cannot keep paying,", "no one will,"]
