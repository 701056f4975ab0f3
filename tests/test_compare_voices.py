"""A syndicated copy stays in its story but is not a second voice: it cannot corroborate."""

from __future__ import annotations

from newsprism.compare import compare_story, independent_voices
from newsprism.model import Article, Story
from newsprism.read import read

WIRE = ("Storm cuts power to 40,000 homes in Galway",
        ["Storm Ailbhe cut power to 40,000 homes across county Galway on Sunday night, the "
         "electricity network operator said.",
         "Crews expected to restore supply to most homes by Tuesday, the operator added."])
OTHER = ("Thousands without power after Storm Ailbhe",
         ["About 38,000 homes in Galway were without electricity on Monday morning after Storm "
          "Ailbhe brought gusts of 130 km/h, the network operator said."])


def _story():
    wire = Article.from_paragraphs("wire", WIRE[1], title=WIRE[0], published="2025-01-26")
    copy = Article.from_paragraphs("copy", WIRE[1], title=WIRE[0], published="2025-01-26",
                                   duplicate_of="wire")
    other = Article.from_paragraphs("other", OTHER[1], title=OTHER[0], published="2025-01-27")
    articles = read([wire, copy, other])
    story = Story(id="s", title=WIRE[0], articles=[a.id for a in articles])
    return compare_story(story, {a.id: a for a in articles})


def test_copies_are_not_voices():
    wire = Article(id="wire", text="x")
    copy = Article(id="copy", text="x", duplicate_of="wire")
    orphan = Article(id="orphan", text="x", duplicate_of="elsewhere")
    assert [a.id for a in independent_voices([wire, copy, orphan])] == ["wire", "orphan"]


def test_a_copy_does_not_corroborate_the_article_it_copies():
    story = _story()
    assert "copy" in story.articles
    cited = {s.article for f in story.facts for s in f.sources}
    assert "copy" not in cited
    restore = [f for f in story.facts if any("Tuesday" in s.text for s in f.sources)]
    assert restore and all(f.status == "single" for f in restore)
