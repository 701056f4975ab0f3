"""One written story compared: the facts of its outlets' articles (shared by the compare tests)."""

from __future__ import annotations

from newsprism.compare.facts import find_facts
from newsprism.model import Article, Fact
from newsprism.read import read
from newsprism.read.canonical import canonicalise


def story_facts(*bodies: str, title: str, published: str) -> list[Fact]:
    """Each body (paragraphs split on blank lines) is one outlet's article of the story."""
    articles = [Article.from_paragraphs(f"outlet{i}", body.split("\n\n"), title=title,
                                        published=published, outlet=f"outlet{i}")
                for i, body in enumerate(bodies)]
    articles = read(articles)
    return find_facts(articles, canonicalise(articles), encoder=None)


def conflicts(facts: list[Fact], kind: str = "quantity") -> list[Fact]:
    return [f for f in facts if f.kind == kind and f.status == "conflict"]
