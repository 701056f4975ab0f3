"""Precision of ``conflict`` flags on real, unperturbed multi-outlet events (issue 6).

    .venv/bin/python bench/conflict_precision.py [--judgments docs/conflict-judgments.jsonl]
        [--size 30] [--seed 6] [--flags FILE] [--show ID ...] [--markdown] [--as-loaded]
        [--no-polnear] [--no-semeval] [--semeval-overall 1.5]

Events: the 60 BASIL triplets (Fox, NYT, HuffPost on one event) and the 70 ECB+ events (topics
1–35, each with an ``ecb`` and an ``ecbplus`` event, every event a set of articles from different
outlets; an article's voice is its document), both from ``../shared/data`` through
:mod:`newsprism.group.datasets`. ECB+ files are pages' raw text (headline, "Posted on …" stamps,
body), so each is cleaned as ``newsprism ingest`` cleans a text file (``--as-loaded`` keeps the
loader's every-line-is-body paragraphs); BASIL records arrive split. Each event is read (spaCy
parses cached on disk under ``/tmp/np/precision/docs``, keyed by model and text) and compared as
one story with
:func:`newsprism.compare.compare_story`, the call ``bench/corroboration.py`` makes, with the
library's default settings (sentence embeddings only if ``NEWSPRISM_EMBEDDINGS=1``).

A third set, ``polnear`` (``--no-polnear`` leaves it out), is news as a user would bring it:
the 924 PolNeAR political articles (2015–2016, ten outlets; metadata from ``metadata.tsv``),
syndicated copies marked as :func:`newsprism.load` marks them, grouped into stories by
:func:`newsprism.group.group` itself, and every story with two or more outlets compared. Its
flags were first read after the sixth session's rules were written, so it was the one set no
rule had been fitted on (see ``docs/conflict-sample.md`` for what was read when).

A fourth set, ``semeval`` (``--no-semeval`` leaves it out), was added after every rule above
and read once, for an out-of-sample figure: the SemEval-2022 task 8 article pairs whose
annotators rated them the same story (``Overall`` ≤ 1.5; ``--semeval-overall 2.5`` adds the
pairs rated "somewhat" alike, as a grouping slip would join them) written in one language
(English, German, Spanish, French, Italian: those a checker here reads), each pair compared as a
two-outlet story. Its texts are scraped heads of pages (title and body run together, about 1,000
characters), so it tests what is flagged in ledes, not whole articles. Only the English pairs are
read for figures, dates and quotes (see :mod:`newsprism.read`); the others check that nothing is
flagged where nothing is read.

Every ``conflict`` is listed: facts (quantity, date, statement, attribution) with status
``conflict``, and, apart, quote groups whose status is ``conflict`` (shown in reports as "outlets
credit different speakers"). Each flag has a stable key and a short id (``conflict_sample``).
A seeded sample of up to ``--size`` fact conflicts, stratified by data set, is drawn, and
precision is computed from the judgments file (one JSON object per line: ``key``, ``verdict``
true/false, ``reason``). Sampled flags without a judgment are printed in full, with their
context, as the ones left to read; they are never counted. ``--show ID`` prints any flag with
its context. ``--markdown`` prints the sample table for ``docs/conflict-sample.md``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import conflict_sample as S  # bench/ is on sys.path as the script's folder
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newsprism.compare import compare_story
from newsprism.group import group
from newsprism.group.datasets import load_basil, load_ecbplus
from newsprism.ingest.dedup import mark_duplicates
from newsprism.ingest.text import from_text
from newsprism.model import Article, Story
from newsprism.read import COMPONENTS
from newsprism.read.nlp import load_nlp, parse_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CACHE = Path("/tmp/np/precision/docs")
JUDGMENTS = ROOT / "docs" / "conflict-judgments.jsonl"
CONTEXT = 300  # characters shown each side of a cited span


def events(shared: Path, clean: bool = True) -> dict[tuple[str, str], list[Article]]:
    """``(data set, event label) -> articles``, BASIL then ECB+ in their loaders' order."""
    out: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for stratum, data in (("basil", load_basil(shared / "basil")),
                          ("ecb+", load_ecbplus(shared / "ecbplus"))):
        for article, label in zip(data.articles, data.labels, strict=True):
            if stratum == "ecb+" and clean:
                article = as_ingested(article)
            out[(stratum, label)].append(article)
    return out


def polnear_articles(polnear: Path) -> list[Article]:
    """Every PolNeAR text as ``newsprism ingest`` would take it, with its outlet, title and date,
    syndicated copies linked (``duplicate_of``) as :func:`newsprism.load` links them."""
    with (polnear / "metadata.tsv").open(encoding="utf-8") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    articles: dict[str, Article] = {}
    for path in sorted(polnear.glob("*/text/*.txt")):
        row = meta.get(path.stem, {})
        articles.setdefault(path.stem, from_text(
            path.read_text(encoding="utf-8"), path.stem, source=row.get("publisher"),
            outlet=row.get("publisher"), title=row.get("title"),
            published=row.get("publication_date")))
    found = list(articles.values())
    mark_duplicates(found)
    return found


def polnear_stories(articles: list[Article]) -> dict[tuple[str, str], list[Article]]:
    """The stories newsprism itself groups the articles into, those of two or more outlets."""
    by_id = {a.id: a for a in articles}
    return {("polnear", story.id): [by_id[i] for i in story.articles]
            for story in group(articles)
            if len({by_id[i].outlet for i in story.articles}) >= 2}


SEMEVAL_LANGUAGES = ("en", "de", "es", "fr", "it")
SAME_STORY = 1.5  # Overall: 1 = very similar … 4 = very dissimilar


def semeval_stories(path: Path, most: float = SAME_STORY
                    ) -> dict[tuple[str, str], list[Article]]:
    """Each same-language SemEval pair rated ``most`` or closer as a two-outlet story."""
    csv.field_size_limit(1 << 30)  # article texts sit in single fields
    articles: dict[str, Article] = {}
    stories: dict[tuple[str, str], list[Article]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            language = row["lang1"]
            if (row["lang2"] != language or language not in SEMEVAL_LANGUAGES
                    or float(row["Overall"]) > most):
                continue
            members = []
            for id, text in zip(row["pair_id"].split("_"), (row["text1"], row["text2"]),
                                strict=True):
                if not text.strip():
                    break
                if id not in articles:
                    articles[id] = from_text(text.strip(), id, source=f"semeval:{id}",
                                             language=language)
                members.append(articles[id])
            if len(members) == 2:
                stories["semeval", f"{language}:{row['pair_id']}"] = members
    return stories


def as_ingested(article: Article) -> Article:
    """The article as ``newsprism ingest`` makes it from its raw text. ECB+ files are whole
    pages' text, with "Posted on …" stamps and headlines; the loader calls every line body, so
    a user's input would be cleaned where the loaded one is not. The text (so every offset)
    is unchanged. BASIL records come already split into title and body paragraphs."""
    return from_text(article.text, article.id, url=article.url, source=article.source)


def cache_key(nlp: Language, text: str) -> str:
    # The model and its pipes are part of the key: a cached parse of another pipeline is stale.
    model = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{','.join(nlp.pipe_names)}"
    return hashlib.sha1(f"{model}\n{text}".encode()).hexdigest()


def cached_parse(articles: list[Article], nlp: Language) -> Iterator[tuple[Article, Doc]]:
    """Like :func:`newsprism.read.nlp.parse`, with each Doc kept on disk."""
    CACHE.mkdir(parents=True, exist_ok=True)
    texts = [parse_text(a) for a in articles]
    paths = [CACHE / f"{cache_key(nlp, t)}.spacy" for t in texts]
    todo = [i for i, p in enumerate(paths) if not p.exists()]
    for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=16), strict=True):
        store = DocBin(store_user_data=True)
        store.add(doc)
        store.to_disk(paths[i])
    for article, path in zip(articles, paths, strict=True):
        yield article, next(DocBin().from_disk(path).get_docs(nlp.vocab))


def read_cached(articles: list[Article]) -> list[Article]:
    """:func:`newsprism.read.read`, on cached parses."""
    for article, doc in cached_parse(articles, load_nlp()):
        for component in COMPONENTS:
            component(article, doc)
    return articles


def story_flags(stratum: str, label: str, members: list[Article]) -> list[S.Flag]:
    """Every conflict of one event compared as one story, spans checked against the text."""
    by_id = {a.id: a for a in members}
    story = compare_story(Story(id=label, title=label, articles=list(by_id)), by_id)
    flags = [
        {"stratum": stratum, "event": label, "kind": f.kind, "note": f.note,
         "sources": [s.model_dump() for s in f.sources],
         "values": [{"article": v.article, "text": v.text} for v in f.values]}
        for f in story.facts if f.status == "conflict"
    ]
    flags += [
        {"stratum": stratum, "event": label, "kind": "quote_group", "note": group.text[:120],
         "sources": [{"article": r.article, "start": r.start, "end": r.end, "text": r.text}
                     for r in group.quotes],
         "values": [{"article": r.article, "text": r.speaker or ""} for r in group.quotes]}
        for group in story.quote_groups if group.status == "conflict"
    ]
    for flag in flags:
        for span in flag["sources"]:
            assert by_id[span["article"]].text[span["start"]:span["end"]] == span["text"], span
        flag["key"] = S.flag_key(flag)
        flag["id"] = S.short_id(flag["key"])
    return flags


def collect(shared: Path, clean: bool, polnear: bool = True, semeval: float | None = SAME_STORY
            ) -> tuple[list[S.Flag], dict[str, Article], Counter]:
    grouped = events(shared, clean)
    articles = read_cached([a for members in grouped.values() for a in members])
    by_id = {a.id: a for a in articles}
    if polnear:
        political = read_cached(polnear_articles(shared / "polnear"))
        by_id.update((a.id, a) for a in political)
        grouped.update(polnear_stories(political))
    if semeval is not None:
        pairs = semeval_stories(shared / "semeval2022-task8" / "training_set.csv", semeval)
        unique = {a.id: a for members in pairs.values() for a in members}
        by_id.update((a.id, a) for a in read_cached(list(unique.values())))
        grouped.update(pairs)
    flags, sizes = [], Counter()
    for (stratum, label), members in grouped.items():
        sizes[stratum, "events"] += 1
        sizes[stratum, "articles"] += len(members)
        flags += story_flags(stratum, label, [by_id[a.id] for a in members])
    return flags, by_id, sizes


def describe(flag: S.Flag) -> str:
    values = " / ".join(f"{v['article']}={v['text']!r}" for v in flag["values"])
    lines = [f"[{flag['id']}] {flag['stratum']} {flag['event']} {flag['kind']}: {values}"]
    lines += [f"    {s['article']}[{s['start']}:{s['end']}] {s['text']!r}" for s in flag["sources"]]
    return "\n".join(lines)


def with_context(flag: S.Flag, articles: dict[str, Article]) -> str:
    lines = [describe(flag), f"    note: {flag['note']}", f"    key: {flag['key']}"]
    for span in flag["sources"]:
        text = articles[span["article"]].text
        before = text[max(span["start"] - CONTEXT, 0):span["start"]]
        after = text[span["end"]:span["end"] + CONTEXT]
        lines.append(f"  -- {span['article']} …{before}⟦{span['text']}⟧{after}…")
    return "\n".join(lines)


def markdown(flags: Iterable[S.Flag], judgments: S.Judgments) -> str:
    rows = ["| id | set | kind | sources (article [start:end]) | values | verdict | reason |",
            "|---|---|---|---|---|---|---|"]
    for flag in flags:
        judged = judgments.get(flag["key"])
        spans = "<br>".join(f"`{s['article']}` [{s['start']}:{s['end']}]"
                            for s in flag["sources"])
        values = "<br>".join(f"{v['article']}: “{v['text']}”" for v in flag["values"])
        verdict = "unjudged" if judged is None else ("**true**" if judged["verdict"] else "false")
        reason = "" if judged is None else judged.get("reason", "")
        rows.append(f"| {flag['id']} | {flag['stratum']} | {flag['kind']} | {spans} | "
                    f"{values.replace('|', '/')} | {verdict} | {reason.replace('|', '/')} |")
    return "\n".join(rows)


def report(flags: list[S.Flag], chosen: list[S.Flag], judgments: S.Judgments,
           articles: dict[str, Article]) -> None:
    facts = [f for f in flags if f["kind"] != "quote_group"]
    groups = [f for f in flags if f["kind"] == "quote_group"]
    print(f"\nconflict facts flagged: {len(facts)} "
          f"{dict(Counter((f['stratum'], f['kind']) for f in facts))}")
    for flag in facts:
        print(describe(flag))
    print(f"\nquote groups flagged conflict (speakers differ): {len(groups)} "
          f"{dict(Counter(f['stratum'] for f in groups))}")
    for flag in groups:
        print(describe(flag))
    print(f"\nsample: {len(chosen)} of {len(facts)} conflict facts "
          f"{dict(Counter(f['stratum'] for f in chosen))}")
    print(f"PRECISION (sample): {S.precision(chosen, judgments)}")
    for stratum in sorted({f["stratum"] for f in chosen}):
        part = [f for f in chosen if f["stratum"] == stratum]
        print(f"  {stratum:6} {S.precision(part, judgments)}")
    for kind in sorted({f["kind"] for f in chosen}):
        part = [f for f in chosen if f["kind"] == kind]
        print(f"  {kind:12} {S.precision(part, judgments)}")
    print(f"all judged conflict facts: {S.precision(facts, judgments)}")
    for stratum in sorted({f["stratum"] for f in facts}):
        part = [f for f in facts if f["stratum"] == stratum]
        print(f"  all {stratum:6} {S.precision(part, judgments)}")
    if groups:
        print(f"quote groups (all): {S.precision(groups, judgments)}")
    unjudged = [f for f in chosen if f["key"] not in judgments]
    if unjudged:
        print(f"\nUNJUDGED in the sample ({len(unjudged)}): add a line per flag to the judgments "
              f"file, {{\"key\": …, \"verdict\": true|false, \"reason\": …}}")
        for flag in unjudged:
            print(with_context(flag, articles))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--size", type=int, default=30, help="flags in the sample")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--flags", type=Path, help="write every flag here (JSON)")
    parser.add_argument("--show", nargs="*", default=[], help="print these flag ids in context")
    parser.add_argument("--markdown", action="store_true", help="print the sample table")
    parser.add_argument("--no-polnear", action="store_true",
                        help="leave out the PolNeAR stories newsprism groups itself")
    parser.add_argument("--no-semeval", action="store_true",
                        help="leave out the same-story SemEval-2022 task 8 pairs")
    parser.add_argument("--semeval-overall", type=float, default=SAME_STORY,
                        help="take SemEval pairs rated this close or closer (1 = same story, "
                        "2 = somewhat, 4 = unrelated); 2.5 adds pairs a grouping slip would join")
    parser.add_argument("--as-loaded", action="store_true",
                        help="ECB+ articles as the loader builds them (every line body), "
                        "not cleaned by newsprism.ingest")
    args = parser.parse_args()
    if not (args.data / "basil").is_dir() or not (args.data / "ecbplus").is_dir():
        print(f"needs {args.data}/basil and {args.data}/ecbplus", file=sys.stderr)
        return 2
    started, cpu = time.perf_counter(), time.process_time()
    flags, articles, sizes = collect(args.data, not args.as_loaded, not args.no_polnear,
                                     None if args.no_semeval else args.semeval_overall)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    judgments = S.load_judgments(args.judgments)
    facts = [f for f in flags if f["kind"] != "quote_group"]
    chosen = S.sample(facts, args.size, args.seed)
    print(f"events: {dict(sizes)}; read + compare {seconds:.0f}s wall, {cpu:.0f}s CPU "
          f"(spaCy parses cached in {CACHE})")
    report(flags, chosen, judgments, articles)
    for flag in flags:
        if flag["id"] in args.show:
            print(with_context(flag, articles))
    if args.markdown:
        print(markdown(chosen, judgments))
    if args.flags:
        args.flags.write_text(json.dumps(flags, indent=1, ensure_ascii=False))
        print(f"flags written to {args.flags}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
