"""News pegs: the first day two outlets' ledes name for one story, set against each other."""

from __future__ import annotations

from newsprism.compare.facts import find_facts
from newsprism.model import Article, Fact
from newsprism.read import read
from newsprism.read.canonical import canonicalise

SECOND = ("The plan would add two ferry routes to the islands by next spring, officials said.\n\n"
          "Critics said the money would be better spent on the old pier.")


def _date_conflicts(*articles: tuple[str, str]) -> list[Fact]:
    """``(lede, published)`` per outlet; each article gets the same unremarkable second
    paragraph."""
    built = [Article.from_paragraphs(f"outlet{i}", [*lede.split("\n\n"), *SECOND.split("\n\n")],
                                     title="Harbour plan", published=published,
                                     outlet=f"outlet{i}")
             for i, (lede, published) in enumerate(articles)]
    built = read(built)
    facts = find_facts(built, canonicalise(built), encoder=None)
    return [f for f in facts if f.kind == "date" and f.status == "conflict"]


UNVEILED = "Mayor Elena Varga unveiled a rebuilding scheme for Kessling on {day}."
TOLD = "Mayor Elena Varga on {day} told reporters that Kessling would get new cranes."


def test_two_ledes_pegging_one_story_to_different_days_conflict():
    # Other verbs, the same people, the same news day: one outlet misdates the story's event.
    assert _date_conflicts((UNVEILED.format(day="Tuesday"), "2015-03-12"),
                           (TOLD.format(day="Monday"), "2015-03-12"))


def test_a_lede_whose_article_also_names_the_other_day_tells_two_acts():
    # Further down, the first article tells the other's day: two acts, each outlet leading
    # with one.
    first = UNVEILED.format(day="Tuesday") + "\n\nThe council had been briefed on Monday."
    assert not _date_conflicts((first, "2015-03-12"), (TOLD.format(day="Monday"), "2015-03-12"))


def test_an_act_after_the_other_outlet_published_cannot_be_misdated_by_it():
    # The first report appeared on the 9th; the second tells what the mayor said on the 12th.
    assert not _date_conflicts((UNVEILED.format(day="Sunday"), "2015-03-09"),
                               (TOLD.format(day="Thursday"), "2015-03-13"))


def test_a_lede_telling_a_step_of_an_act_under_way_is_no_peg():
    kept_up = "Councillors kept up pressure on Mayor Elena Varga on Sunday over Kessling."
    assert not _date_conflicts((kept_up, "2015-03-16"),
                               (TOLD.format(day="Friday"), "2015-03-16"))


def test_days_further_down_the_articles_are_not_pegs():
    lede = UNVEILED.format(day="Tuesday")
    assert not _date_conflicts(
        (f"{lede}\n\nThe plan was drafted last year.\n\nCouncillor Ruth Amos spoke about it "
         "on Sunday.", "2015-03-12"),
        (f"{lede}\n\nThe plan was drafted last year.\n\nCouncillor Ruth Amos praised the "
         "cranes on Monday.", "2015-03-12"),
    )
