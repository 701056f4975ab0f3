"""The Python API: the same few functions the command line, REST API and web page call.

>>> import newsprism
>>> articles, errors = newsprism.load(["../shared/seeds"])      # doctest: +SKIP
>>> report = newsprism.compare(newsprism.read(articles))          # doctest: +SKIP
>>> print(newsprism.render(report, "md"))                         # doctest: +SKIP

Every function returns the typed model (:mod:`newsprism.model`); nothing here re-implements a stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newsprism.compare import compare_story
from newsprism.compare.coverage import OutletMeta
from newsprism.errors import InputError
from newsprism.group import GroupSettings
from newsprism.group import group as _group
from newsprism.group.incremental import CONSOLIDATE_EVERY
from newsprism.ingest import load as _load
from newsprism.model import Article, Report, Story
from newsprism.present import render
from newsprism.present.brief import write_brief
from newsprism.read import read as _read
from newsprism.read.canonical import canonicalise
from newsprism.store import IngestResult
from newsprism.store import ingest as _store_ingest
from newsprism.store.base import MergeRecord, Store

Progress = Callable[[Article], None]


def load(paths: Iterable[str | Path]) -> tuple[list[Article], list[InputError]]:
    """Read files, folders, ``.gz``, ``.jsonl`` or ``-`` into articles, and list the failures."""
    return _load(paths)


def read(articles: Iterable[Article], progress: Progress | None = None) -> list[Article]:
    """Annotate articles with sentences, entities, quotes, numbers and dates (one parse each)."""
    return _read(articles, progress=progress)


def group(articles: Sequence[Article], settings: GroupSettings | None = None) -> list[Story]:
    """Group read articles into stories of the same event."""
    return _group(articles, settings)


def compare(
    articles: Sequence[Article],
    stories: Sequence[Story] | None = None,
    brief_sentences: int = 8,
    settings: GroupSettings | None = None,
    outlet_meta: OutletMeta | None = None,
) -> Report:
    """Compare the outlets inside each story (grouping first when no stories are given).

    ``outlet_meta`` (outlet -> {"country": …, "lean": …}, e.g. from
    :func:`newsprism.compare.coverage.load_outlet_meta`) adds distributions to each coverage view.
    """
    by_id = {article.id: article for article in articles}
    compared = []
    for story in stories if stories is not None else group(articles, settings):
        story = compare_story(story, by_id, outlet_meta)
        story.brief = write_brief(story, by_id, max_sentences=brief_sentences)
        compared.append(story)
    return Report(stories=compared, articles=list(articles))


def ingest(
    store: Store, articles: Sequence[Article], brief_sentences: int = 8,
    consolidate_every: int = CONSOLIDATE_EVERY, settings: GroupSettings | None = None,
) -> IngestResult:
    """Add read articles to a store; each joins a stored story or opens one (and every
    ``consolidate_every`` new articles, and after the last, the stories around them are
    consolidated: see :func:`newsprism.store.ingest`). ``settings`` sets, among others, the
    quiet period after which a story takes no more articles (``quiet_days``).

    Every story that gained or changed an article (or was never compared) is compared again over
    all its stored articles and saved, so ``newsprism show`` needs no recomputation.
    """
    result = _store_ingest(store, articles, settings, consolidate_every=consolidate_every)
    changed = {result.stories[a] for a in [*result.added, *result.updated]}
    made = set(result.merges)  # a consolidation may also change stories with no new article
    for record in store.merges() if made else []:
        if record.id in made:
            changed |= {record.kept_story, record.absorbed_story}
    _recompare(store, changed, brief_sentences)
    return result


def undo_merge(store: Store, merge_id: int, brief_sentences: int = 8) -> MergeRecord:
    """Split a merged story back into the two it was made of, and compare both again.

    Raises ``ValueError`` for an unknown or already undone merge, or one a later merge built on.
    """
    record = store.undo_merge(merge_id)
    _recompare(store, {record.kept_story, record.absorbed_story}, brief_sentences)
    return record


def _recompare(store: Store, story_ids: set[str], brief_sentences: int) -> None:
    """Compare again the given stories, and any stored story never compared, and save them."""
    for summary in store.stories():
        if summary.id not in story_ids and store.load_story(summary.id) is not None:
            continue
        bare = Story(id=summary.id, title=summary.title, articles=summary.articles)
        members = store.get_articles(summary.articles)
        for story in compare(members, stories=[bare], brief_sentences=brief_sentences).stories:
            store.save_story(story)


def resolve_speakers(articles: Sequence[Article]) -> None:
    """Give each quote of each article its canonical speaker, article by article."""
    for article in articles:
        canonicalise([article])


def analyse(paths: Iterable[str | Path]) -> tuple[Report, list[InputError]]:
    """Everything from raw inputs to compared stories, and the inputs that failed."""
    articles, errors = load(paths)
    return compare(read(articles)), errors


__all__ = [
    "load", "read", "group", "compare", "ingest", "undo_merge", "analyse", "render",
    "resolve_speakers",
]
