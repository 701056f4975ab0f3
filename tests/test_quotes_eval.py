"""The PolNeAR scorer on a tiny hand-made brat example, and the article adapter."""

from __future__ import annotations

from pathlib import Path

from newsprism.model import Quote, Span
from newsprism.read.evaluation import (
    Example,
    Prediction,
    annotation_file,
    article_of,
    capitalised_words,
    load_split,
    parse_brat,
    predictions,
    score,
)

TEXT = (
    "Council vote\n"
    "\n"
    "“We will build it,” Mayor Ann Ortiz said. “Soon.”\n"
    "The council said that rents would rise.\n"
    "Taxes fell, the report found.\n"
)
# Offsets into TEXT, counted by hand: Ortiz's quote in two fragments, an indirect attribution,
# and one with no source.
ANN = (
    "T1\tContent 14 33;56 63\t“We will build it,” “Soon.”\n"
    "T2\tSource 34 49\tMayor Ann Ortiz\n"
    "T3\tCue 50 54\tsaid\n"
    "T4\tAttribution 50 54\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 64 75\tThe council\n"
    "T6\tCue 76 80\tsaid\n"
    "T7\tContent 81 102\tthat rents would rise\n"
    "T8\tAttribution 76 80\tsaid\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    "T9\tContent 104 115\tTaxes fell,\n"
    "T10\tCue 127 132\tfound\n"
    "T11\tAttribution-no-source 127 132\tfound\n"
    "E3\tAttribution-no-source:T11 Content:T9 Cue:T10\n"
)


def test_hand_offsets_are_right():
    gold = parse_brat(ANN)
    assert len(gold) == 3
    assert [TEXT[a:b] for a, b in gold[0].content] == ["“We will build it,”", "“Soon.”"]
    assert [TEXT[a:b] for a, b in gold[0].source] == ["Mayor Ann Ortiz"]
    assert TEXT[slice(*gold[1].content[0])] == "that rents would rise"
    assert gold[2].source == [] and TEXT[slice(*gold[2].cue[0])] == "found"


def test_scorer_counts_content_and_speaker():
    gold = parse_brat(ANN)
    predicted = [
        # both fragments without marks, speaker by overlapping mention
        Prediction([(15, 31), (57, 62)], (44, 49), "Ortiz"),
        # "rents would rise": 16 of 21 characters, more than half; wrong speaker, no shared name
        Prediction([(86, 102)], (0, 7), "Someone Else"),
        # spurious: nothing gold there
        Prediction([(0, 12)], None, None),
        # sourceless gold: right end to end only when no speaker is claimed
        Prediction([(104, 114)], None, None),
    ]
    counts = score([(predicted, gold, TEXT)])
    everything = counts["all"]
    assert (everything.predicted, everything.gold) == (4, 3)
    assert everything.content == 3 and everything.end_to_end == 2
    direct = counts["direct"]
    assert (direct.predicted, direct.gold, direct.content, direct.end_to_end) == (1, 1, 1, 1)
    p, r, f1 = everything.prf(everything.end_to_end)
    assert (round(p, 3), round(r, 3)) == (0.5, 0.667)
    assert abs(f1 - 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3)) < 1e-9


def test_too_small_overlap_does_not_match_and_names_match_by_capitalised_word():
    gold = parse_brat(ANN)
    short = Prediction([(81, 87)], None, None)  # "that r": 6 of 21 characters
    # "the Council" and "The council" share no capitalised word ("The" does not count)
    named = Prediction([(81, 102)], None, "the Council")
    counts = score([([short], gold, TEXT)])["all"]
    assert counts.content == 0
    assert score([([named], gold, TEXT)])["all"].end_to_end == 0
    assert capitalised_words("Mr. Harold Vantreese’s") == {"Harold", "Vantreese"}
    by_name = Prediction([(14, 63)], None, "Ann Ortiz")
    assert score([([by_name], gold, TEXT)])["all"].end_to_end == 1


def test_article_adapter_keeps_offsets_and_merges_continuations():
    article = article_of(Example("x", TEXT, []))
    assert [article.span_text(p) for p in article.paragraphs][0] == "Council vote"
    assert article.text == TEXT
    speaker = Span(start=44, end=49)
    article.quotes = [
        Quote(start=15, end=31, text=TEXT[15:31], kind="direct", speaker=speaker),
        Quote(start=57, end=62, text=TEXT[57:62], kind="direct", continues=0),
        Quote(start=81, end=102, text=TEXT[81:102], kind="indirect"),
        Quote(start=86, end=91, text=TEXT[86:91], kind="partial"),  # inside the reported clause
    ]
    merged = predictions(article)
    assert [p.content for p in merged] == [[(15, 31), (57, 62)], [(81, 102)]]
    assert merged[0].speaker == (44, 49)


def test_first_annotator_rule(tmp_path: Path):
    folder = tmp_path / "train"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "attributions" / "a_ff00.ann").write_text("", encoding="utf-8")
    (folder / "attributions" / "a_0b00.ann").write_text(ANN, encoding="utf-8")
    assert annotation_file(folder / "attributions", "a").name == "a_0b00.ann"
    [example] = load_split(tmp_path, "train")
    assert len(example.gold) == 3


def test_a_reported_clause_inside_another_is_an_attribution_of_its_own():
    text = "Ann Ortiz said voters believe the plan will fail.\n"
    outer = Quote(start=15, end=49, text=text[15:49], kind="indirect")
    inner = Quote(start=29, end=49, text=text[29:49], kind="indirect")
    partial = Quote(start=29, end=37, text=text[29:37], kind="partial")
    article = article_of(Example("x", text, []))
    article.quotes = [outer, inner, partial]
    found = predictions(article)
    assert [p.content for p in found] == [[(15, 49)], [(29, 49)]]  # the partial one is folded
