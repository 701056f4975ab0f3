"""The ``newsprism`` command line: a thin shell over :mod:`newsprism.api` and the store.

Every command reads files, folders or ``-`` and writes JSON Lines / JSON to stdout or ``--out``.
Inputs that cannot be read are reported on stderr, one line each naming the input and the problem;
the others are still processed and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism import api
from newsprism.errors import InputError, NewsprismError
from newsprism.group.incremental import CONSOLIDATE_EVERY
from newsprism.group.settings import GroupSettings
from newsprism.model import Article, Report, json_schema
from newsprism.present import render, story_json
from newsprism.present.summary import print_summary

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2
DEFAULT_DB = "newsprism.db"

stderr = Console(stderr=True)


# --- output -----------------------------------------------------------------------------------


@contextmanager
def _output(path: str | None):
    if path is None or path == "-":
        yield sys.stdout
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        yield handle


def _write_lines(records: Iterable[dict], out: str | None) -> None:
    with _output(out) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_text(text: str, out: str | None) -> None:
    with _output(out) as handle:
        handle.write(text if text.endswith("\n") else text + "\n")


# --- shared steps -----------------------------------------------------------------------------


def _report_errors(errors: Sequence[InputError]) -> int:
    for error in errors:
        # Plain lines, never wrapped or styled: scripts grep them.
        print(f"newsprism: {error}", file=sys.stderr)
    return EXIT_INPUT_ERRORS if errors else EXIT_OK


@contextmanager
def _progress(total: int, label: str):
    """A progress bar on stderr for long runs; silent when stderr is not a terminal."""
    bar = Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, transient=True, disable=total < 20 or not stderr.is_terminal,
    )
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda _article: bar.advance(task)


def _load_and_read(paths: Sequence[str]) -> tuple[list[Article], list[InputError]]:
    articles, errors = api.load(paths)
    with _progress(len(articles), "reading") as advance:
        articles = api.read(articles, progress=advance)
    _tell_unread(articles)
    return articles, errors


def _tell_unread(articles: Sequence[Article]) -> None:
    """Say which articles the reading models could not read, so an empty quote list is not
    mistaken for an article without quotes."""
    for article in articles:
        if article.unread:
            print(f"newsprism: {article.source or article.id}: not read: "
                  f"{'; '.join(article.unread)}", file=sys.stderr)


# --- commands ---------------------------------------------------------------------------------


def _paragraph_record(article: Article, paragraph) -> dict:
    return {"role": paragraph.role, "start": paragraph.start, "end": paragraph.end,
            "text": article.span_text(paragraph)}


def extract_record(article: Article) -> dict:
    """The public ``newsprism extract`` record of one article."""
    return {
        "id": article.id,
        "title": article.title_text or None,
        "standfirst": article.span_text(article.standfirst) if article.standfirst else None,
        "body": [article.span_text(p) for p in article.body],
        "captions": [article.span_text(p) for p in article.captions],
        "published": article.published,
        "author": article.author,
        "outlet": article.outlet,
        "language": article.language,
        "url": article.url,
        "boilerplate": [
            {"kind": b.kind, "start": b.start, "end": b.end, "text": article.span_text(b)}
            for b in article.boilerplate
        ],
        "paragraphs": [_paragraph_record(article, p) for p in article.paragraphs],
    }


def quotes_record(article: Article) -> dict:
    """The public ``newsprism quotes`` record of one article."""
    return {
        "id": article.id,
        "quotes": [
            {
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "speaker": quote.speaker_name,
                "speaker_start": quote.speaker.start if quote.speaker else None,
                "speaker_end": quote.speaker.end if quote.speaker else None,
                "speaker_text": quote.speaker_text,
                "kind": quote.kind,
                "cue": article.span_text(quote.cue) if quote.cue else None,
                "confidence": quote.confidence,
            }
            for quote in article.quotes
        ],
    }


def cmd_extract(args) -> int:
    articles, errors = api.load(args.paths)
    _write_lines((extract_record(a) for a in articles), args.out)
    return _report_errors(errors)


def cmd_quotes(args) -> int:
    articles, errors = _load_and_read(args.paths)
    api.resolve_speakers(articles)
    _write_lines((quotes_record(a) for a in articles), args.out)
    return _report_errors(errors)


def cmd_group(args) -> int:
    articles, errors = _load_and_read(args.paths)
    stories = api.group(articles)
    _write_lines(
        ({"id": member, "story": story.id} for story in stories for member in story.articles),
        args.out,
    )
    return _report_errors(errors)


def cmd_compare(args) -> int:
    from newsprism.compare.coverage import load_outlet_meta

    outlet_meta = load_outlet_meta(args.outlets) if args.outlets else None
    articles, errors = _load_and_read(args.paths)
    report = api.compare(articles, brief_sentences=args.brief, outlet_meta=outlet_meta)
    _write_text(render(report, args.format), args.out)
    return _report_errors(errors)


def _days(value: str) -> float:
    try:
        days = float(value)
    except ValueError:
        days = float("nan")
    if not days >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days (0 or more)")
    return days


def cmd_ingest(args) -> int:
    from newsprism.store import open_store

    articles, errors = _load_and_read(args.paths)
    with open_store(args.db) as store:
        result = api.ingest(store, articles, brief_sentences=args.brief,
                            consolidate_every=args.consolidate_every,
                            settings=GroupSettings(quiet_days=args.quiet_days))
    _write_lines(
        ({"id": a, "story": result.stories[a], "status": status}
         for status, ids in (("added", result.added), ("updated", result.updated),
                             ("unchanged", result.unchanged)) for a in ids),
        args.out,
    )
    updated = f"{len(result.updated)} updated, " if result.updated else ""
    stderr.print(
        f"{len(result.added)} added, {updated}{len(result.unchanged)} already stored, "
        f"{len(set(result.stories.values()))} stories touched -> {args.db}",
        highlight=False,
    )
    return _report_errors(errors)


def cmd_merges(args) -> int:
    from dataclasses import asdict

    from newsprism.store import open_store

    with open_store(args.db) as store:
        _write_lines((asdict(record) for record in store.merges()), args.out)
    return EXIT_OK


def cmd_unmerge(args) -> int:
    from dataclasses import asdict

    from newsprism.store import open_store

    with open_store(args.db) as store:
        try:
            record = api.undo_merge(store, args.merge)
        except ValueError as error:
            raise NewsprismError(f"{args.db}: merge {args.merge}: {error}") from error
    _write_lines([asdict(record)], args.out)
    return EXIT_OK


def cmd_stories(args) -> int:
    from newsprism.store import open_store

    with open_store(args.db) as store:
        stories = [store.story(summary.id) for summary in store.stories()]
        articles = {a.id: a for a in store.get_articles(store.article_ids())}
    stories = [s for s in stories if s is not None]
    if args.json:
        _write_lines(
            ({"id": s.id, "title": s.title, "articles": s.articles} for s in stories), args.out
        )
    else:
        print_summary(Report(stories=stories, articles=list(articles.values())), Console())
    return EXIT_OK


def _stored_report(db: str, story_ids: Sequence[str] | None) -> Report:
    from newsprism.store import open_store

    with open_store(db) as store:
        ids = story_ids or [summary.id for summary in store.stories()]
        stories = []
        for story_id in ids:
            story = store.story(story_id)
            if story is None:
                raise NewsprismError(f"{db}: no story {story_id!r} (see `newsprism stories`)")
            stories.append(story)
        articles = store.get_articles([a for s in stories for a in s.articles])
    return Report(stories=stories, articles=articles)


def cmd_show(args) -> int:
    report = _stored_report(args.db, [args.story])
    if args.format == "json":
        _write_text(json.dumps(story_json(report.stories[0]), ensure_ascii=False, indent=2),
                    args.out)
    else:
        _write_text(render(report, args.format), args.out)
    return EXIT_OK


def cmd_report(args) -> int:
    _write_text(render(_stored_report(args.db, None), args.format), args.out)
    return EXIT_OK


def _pair_records(paths: Sequence[str], errors: list[InputError]) -> Iterable[dict]:
    """``{"pair_id","text1","text2"}`` lines from JSONL files or ``-``; bad lines become errors."""
    for path in paths:
        try:
            handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            errors.append(InputError(path, error.strerror or "cannot open"))
            continue
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    errors.append(InputError(f"{path}:{number}", f"invalid JSON: {error.msg}"))
                    continue
                if not isinstance(record, dict) or not {"text1", "text2"} <= record.keys():
                    errors.append(InputError(f"{path}:{number}", "needs text1 and text2"))
                    continue
                yield record


def cmd_similarity(args) -> int:
    from newsprism.group.multilingual import score_pairs

    errors: list[InputError] = []
    _write_lines(score_pairs(_pair_records(args.paths, errors)), args.out)
    return _report_errors(errors)


def cmd_serve(args) -> int:
    from newsprism.web import serve

    serve(args.db, host=args.host, port=args.port)
    return EXIT_OK


def cmd_schema(args) -> int:
    _write_text(json.dumps(json_schema(), indent=2), args.out)
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsprism", description="One story, every outlet: clean, read, group, compare news."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Callable, help: str, paths: bool = True):
        sub = commands.add_parser(name, help=help, description=help)
        if paths:
            sub.add_argument("paths", nargs="+", metavar="PATH",
                             help="files (.txt .html .htm .jsonl, optionally .gz), folders, or -")
        sub.add_argument("--out", "-o", help="write here instead of stdout")
        sub.set_defaults(handler=handler)
        return sub

    command("extract", cmd_extract, "clean articles: title, standfirst, body, captions, metadata")
    command("quotes", cmd_quotes, "quotes with their speakers, as offsets into each input")
    command("group", cmd_group, "the story each article belongs to")
    command("similarity", cmd_similarity,
            "how alike two articles are, in any languages: JSONL {pair_id,text1,text2} -> "
            "{pair_id,score} (higher = more alike)")
    compare = command("compare", cmd_compare, "compare the outlets inside each story")
    compare.add_argument("--format", "-f", choices=["json", "md", "html"], default="json")
    compare.add_argument("--brief", type=int, default=8, help="sentences in each brief")
    compare.add_argument("--outlets", metavar="CSV",
                         help="outlet metadata (columns outlet,country,lean) for coverage views")
    ingest = command("ingest", cmd_ingest, "add articles to a store; new ones join stories")
    ingest.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    ingest.add_argument("--brief", type=int, default=8, help="sentences in each brief")
    ingest.add_argument(
        "--consolidate-every", type=int, default=CONSOLIDATE_EVERY, metavar="N",
        help="re-check the stories around every N new articles (and after the last) with the"
             f" batch model; merges and moves are listed by `merges` (default {CONSOLIDATE_EVERY};"
             " 0: never)")
    ingest.add_argument(
        "--quiet-days", type=_days, default=GroupSettings().quiet_days, metavar="DAYS",
        help="a story with no article for this long takes no more: a similar event later opens a"
             f" new one (default {GroupSettings().quiet_days:g})")
    stories = command("stories", cmd_stories, "list the stories in a store", paths=False)
    stories.add_argument("--db", default=DEFAULT_DB)
    stories.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    merges = command("merges", cmd_merges, "stories merged or split by ingest, with undo ids",
                     paths=False)
    merges.add_argument("--db", default=DEFAULT_DB)
    unmerge = command("unmerge", cmd_unmerge, "undo a merge and compare both stories again",
                      paths=False)
    unmerge.add_argument("merge", type=int, metavar="MERGE_ID")
    unmerge.add_argument("--db", default=DEFAULT_DB)
    show = command("show", cmd_show, "one stored story", paths=False)
    show.add_argument("story", metavar="STORY")
    show.add_argument("--db", default=DEFAULT_DB)
    show.add_argument("--format", "-f", choices=["json", "md", "html"], default="json")
    report = command("report", cmd_report, "every stored story as one report", paths=False)
    report.add_argument("--db", default=DEFAULT_DB)
    report.add_argument("--format", "-f", choices=["json", "md", "html"], default="html")
    serve = command("serve", cmd_serve, "REST API and web page over a store", paths=False)
    serve.add_argument("--db", default=DEFAULT_DB)
    serve.add_argument("--host", default="127.0.0.1", help="loopback unless you mean otherwise")
    serve.add_argument("--port", type=int, default=8000)
    command("schema", cmd_schema, "JSON Schema of the data model", paths=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except NewsprismError as error:
        print(f"newsprism: {error}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
