"""Entity mentions, role mentions and canonical entities (own sentences, then the seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import from_text
from newsprism.model import Article
from newsprism.read import entities, quotes, read, sentences
from newsprism.read.canonical import canonicalise
from newsprism.read.coref import acronym, same_person
from newsprism.read.evaluation import Example, article_of

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
USED = [sentences.annotate, entities.annotate, quotes.annotate]  # only what is tested here


def _read(*texts: str) -> list[Article]:
    # One body paragraph per line: these tests are about entities, not about ingest's layout.
    articles = [article_of(Example(f"a{i}", text, [])) for i, text in enumerate(texts)]
    return read(articles, components=USED)


def _entity(entities, name):
    return next(e for e in entities if e.name == name)


def test_name_rules():
    assert same_person(["Antony", "J.", "Blinken"], ["Antony", "Blinken"])
    assert same_person(["A.", "Blinken"], ["Antony", "Blinken"])
    assert same_person(["Blinken"], ["Antony", "Blinken"])
    assert not same_person(["Donald", "Blinken"], ["Antony", "Blinken"])
    assert acronym("World Health Organization") == "who"


def test_honorifics_possessives_and_roles_join_one_person():
    articles = _read(
        "Ministers meet in Lisbon\n\n"
        "Foreign Minister Maria Lopez met the Portuguese delegation on Monday.\n\n"
        "Ms Lopez's plan was welcomed. The foreign minister said talks would continue.\n",
        "Talks continue\n\n"
        "Maria Elena Lopez, the foreign minister, spoke to the WHO "
        "and the World Health Organization.\n",
    )
    entities = canonicalise(articles)
    lopez = _entity(entities, "Maria Elena Lopez")
    assert lopez.id == "person:maria-elena-lopez"
    texts = {m.text for m in lopez.mentions}
    assert {"Maria Lopez", "Ms Lopez", "Foreign Minister", "The foreign minister"} <= texts
    assert "Ms Lopez" in texts and all("'s" not in t for t in texts)  # "Ms" covered, "'s" not
    who = [e for e in entities if e.label == "ORG" and "WHO" in [e.name, *e.aliases]]
    assert len(who) == 1 and "World Health Organization" in [who[0].name, *who[0].aliases]


def test_indefinite_role_is_nobody_in_particular():
    articles = _read(
        "Strike ends\n\nUnion leader Tom Baker signed the deal. "
        "A government official said it was fair.\n"
    )
    canonicalise(articles)
    official = next(m for m in articles[0].mentions if m.text == "A government official")
    assert official.label == "ROLE" and official.entity is None


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    if not SEEDS.is_dir():
        pytest.skip("seeds not available")
    return read(
        [from_text(p.read_text(), p.stem) for p in sorted(SEEDS.glob("*.txt"))], components=USED
    )


def test_seed_people_are_one_entity_each(seeds):
    entities = canonicalise(seeds)
    people = {e.name: e for e in entities if e.label == "PERSON"}
    blinken = people["Antony J. Blinken"]
    assert blinken.id == "person:antony-j-blinken"
    assert {"Antony Blinken", "Mr Blinken", "Secretary of State"} <= set(blinken.aliases)
    stoltenberg = people["Jens Stoltenberg"]
    assert {"Mr Stoltenberg", "Secretary General", "the Secretary General"} <= set(
        stoltenberg.aliases
    )
    akk = people["Annegret Kramp-Karrenbauer"]
    assert {"Ms Kramp-Karrenbauer", "defence minister"} <= set(akk.aliases)
    biden = people["Joe Biden"]
    assert {"Biden", "president", "the president"} <= set(biden.aliases)
    assert "the vice president" not in biden.aliases
    nato = [e for e in entities if e.name.casefold() == "nato"]
    assert len(nato) == 1 and {"NATO", "Nato"} <= {nato[0].name, *nato[0].aliases}


def test_seed_caption_mentions_are_kept(seeds):
    canonicalise(seeds)
    caption_names = {
        m.text for m in seeds[1].mentions for p in seeds[1].captions if p.start <= m.start < p.end
    }
    assert "Antony J. Blinken" in caption_names


def test_roles_join_the_person_of_the_same_title_and_country():
    articles = _read(
        "Summit opens\n\n"
        "French president Marc Duval met Chilean president Ana Soto in Geneva.\n\n"
        "The Chilean president said the talks were useful.\n",
    )
    entities = canonicalise(articles)
    soto = _entity(entities, "Ana Soto")
    assert "The Chilean president" in soto.aliases
    assert "The Chilean president" not in _entity(entities, "Marc Duval").aliases


def test_office_title_before_a_surname_is_a_person_and_joins_the_full_name():
    articles = _read(
        "Court rules\n\n"
        "The case was heard by Justice Mara Ellison of the high court.\n\n"
        "Justice Ellison read the ruling aloud. The Justice Department did not comment.\n"
    )
    entities = canonicalise(articles)
    ellison = _entity(entities, "Mara Ellison")
    assert {"Justice Ellison"} <= {m.text for m in ellison.mentions}
    people = {e.name for e in entities if e.label == "PERSON"}
    assert not any("Department" in name for name in people)


def _people(article: Article) -> list[str]:
    return [m.text for m in article.mentions if m.label == "PERSON"]


def test_headline_words_are_cut_out_of_names():
    (endorsement,) = _read(
        "Sheriff Vargas Endorses Dana Whitfield For Governor\n\n"
        "County sheriff Luis Vargas said on Tuesday he backs Dana Whitfield. Whitfield thanked him."
    )
    headline = _people(endorsement)[:2]
    assert headline == ["Vargas", "Dana Whitfield"]  # two people, not "Vargas Endorses Dana …"
    (poll,) = _read(
        "Whitfield Wins Straw Poll In Capital\n\nThe candidate won easily. Whitfield was grateful."
    )
    assert _people(poll)[0] == "Whitfield"


def test_a_headline_name_with_no_word_seen_elsewhere_is_left_alone():
    # The model reads "Names Ortega-Blaise Harbour" as a person; nothing in the body says which
    # words are the name, so the mention stays as the model gave it rather than being guessed at.
    (article,) = _read("Mayor Names Ortega-Blaise Harbour Chief\n\nThe mayor made the choice on Friday.")
    assert _people(article) == ["Names Ortega-Blaise Harbour"]


def test_a_quotation_mark_the_tagger_takes_in_is_no_part_of_the_name():
    (article,) = _read(
        "``We cannot keep paying for this,'' The Gazette reported, citing a council memo.\n"
        "'' The Gazette reported that the memo was leaked.\n"
    )
    assert article.mentions
    assert all(m.text[:1].isalnum() and m.text[-1:].isalnum() for m in article.mentions)
    speakers = {q.speaker_text for q in article.quotes if q.speaker_text}
    assert speakers and not any("'" in s or "`" in s for s in speakers)
