"""Near-duplicate detection: syndicated copies link to the first publication, distinct pages never.

The benchmark test perturbs the human-marked article bodies of
``../shared/data/article-extraction-benchmark`` at run time: each copy gets a new headline, loses
one paragraph (stories of three or more) and gains two lines of site chrome mixed into its body.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

from newsprism.ingest import DuplicateIndex, load, mark_duplicates
from newsprism.ingest.dedup import DEFAULT_THRESHOLD, publication_order
from newsprism.model import Article, Paragraph

BENCHMARK = Path(__file__).parents[1] / ".." / "shared" / "data" / "article-extraction-benchmark"
GROUND_TRUTH = BENCHMARK / "ground-truth.json"
CHROME = [
    "Advertisement",
    "Share this article on Facebook, Twitter or by email",
    "Copyright 2024 The Wire Service. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "Sign up for our morning newsletter to get the day's top stories in your inbox",
    "Read more: our full coverage of this story and related topics",
    "Follow us on Instagram for photos and videos from our reporters",
    "This article was originally published by a partner news agency",
    "Have a news tip? Contact our newsroom by phone or email at any time",
    "Subscribe for unlimited access to our journalism from just one dollar a week",
]
STORY = [
    "Firefighters brought a blaze at a timber yard on the edge of Millbrook under control early "
    "on Sunday after working through the night, the regional fire service said.",
    "Residents of about forty homes on the nearby Orchard estate were asked to keep their windows "
    "closed because of thick smoke, and a primary school will stay shut on Monday as a precaution.",
    "The fire service said twelve engines and an aerial ladder platform had been sent to the site "
    "at the height of the fire, which started shortly before ten in the evening.",
    "Nobody was hurt. The cause of the fire is not yet known and an investigation has begun, a "
    "spokeswoman for the service said.",
]
OTHER_STORY = [
    "The city council has approved a plan to plant two thousand street trees over the next five "
    "years, with the first saplings going into the ground in the northern districts this autumn.",
    "Councillors said the scheme would be paid for from the parks budget and a grant from a "
    "national forestry fund, and that residents could ask for a tree outside their home.",
    "Opponents on the council argued that the money would be better spent on repairing pavements, "
    "many of which had been damaged by the roots of older trees.",
]


def article(id: str, title: str, paragraphs: list[str], published: str | None = None) -> Article:
    """An article whose every line after the title is body (chrome left in, the hard case)."""
    text, spans = "", []
    for role, line in [("title", title)] + [("body", p) for p in paragraphs]:
        text += "\n\n" if text else ""
        spans.append(Paragraph(start=len(text), end=len(text) + len(line), role=role))
        text += line
    return Article(id=id, text=text, paragraphs=spans, published=published)


def syndicated(paragraphs: list[str], rng: random.Random) -> list[str]:
    """A site's copy: one paragraph cut (when three or more) and two chrome lines mixed in."""
    kept = list(paragraphs)
    if len(kept) >= 3:
        del kept[rng.randrange(1, len(kept))]
    first, last = rng.sample(CHROME, 2)
    return [*kept[:1], first, *kept[1:], last]


def test_copies_link_to_the_earliest_publication():
    rng = random.Random(3)
    wire = article("wire", "Timber yard fire under control", STORY, "2024-03-10T07:05:00Z")
    early = article(
        "early", "Blaze at timber yard", syndicated(STORY, rng), "2024-03-10T08:00+02:00"
    )
    late = article("late", "Millbrook fire: homes told to shut windows", syndicated(STORY, rng))
    other = article("other", "Two thousand street trees", OTHER_STORY, "2024-03-09")
    # Input order is not publication order: "early" (06:00 UTC) came before the wire copy.
    batch = [late, wire, other, early]
    assert [a.id for a in publication_order(batch)] == ["other", "early", "wire", "late"]
    assert mark_duplicates(batch) == 2
    assert (early.duplicate_of, wire.duplicate_of, late.duplicate_of) == (None, "early", "early")
    assert other.duplicate_of is None


def test_incremental_index_and_short_texts():
    index = DuplicateIndex()
    assert index.add(article("a", "Fire", STORY)) is None
    assert index.add(article("b", "Trees", OTHER_STORY)) is None
    assert index.add(article("c", "Fire copy", STORY[:3])) == "a"  # trimmed copy
    assert index.add(article("a", "Fire again", STORY)) is None  # read twice: not its own copy
    assert index.add(article("d", "Short", ["Nobody was hurt."])) is None  # too short to judge
    assert index.add(article("e", "Short", ["Nobody was hurt."])) is None
    assert len(index) == 4


def test_load_marks_duplicates_by_default():
    lines = [
        {"id": "one", "text": "\n\n".join(["Timber yard fire", *STORY]), "published": "2024-03-10"},
        {"id": "two", "text": "\n\n".join(["Fire at Millbrook", *STORY[:3]])},
        {"id": "three", "text": "\n\n".join(["Street trees", *OTHER_STORY])},
    ]
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    articles, errors = load(["-"], stdin=io.BytesIO(data))
    assert errors == [] and [a.duplicate_of for a in articles] == [None, "one", None]
    unmarked, _ = load(["-"], stdin=io.BytesIO(data), dedup=False)
    assert [a.duplicate_of for a in unmarked] == [None, None, None]


@pytest.mark.skipif(not GROUND_TRUTH.is_file(), reason="../shared benchmark not available")
def test_benchmark_copies_found_and_no_false_links():
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    bodies = [truth[key]["articleBody"] for key in sorted(truth)]
    rng = random.Random(11)
    originals, copies = [], []
    for n, body in enumerate(bodies):
        paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
        originals.append(article(f"page{n}", f"Headline {n}", paragraphs))
        copies.append(article(f"copy{n}", f"Rewritten headline {n}", syndicated(paragraphs, rng)))
    batch = originals + copies
    mark_duplicates(batch, DEFAULT_THRESHOLD)
    assert all(a.duplicate_of is None for a in originals), "a distinct page was linked"
    found = sum(c.duplicate_of == f"page{n}" for n, c in enumerate(copies))
    wrong = [c.id for n, c in enumerate(copies) if c.duplicate_of not in (None, f"page{n}")]
    assert wrong == []
    assert found / len(copies) >= 0.95
