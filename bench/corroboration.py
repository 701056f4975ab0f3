"""Corroboration benchmark: controlled perturbations of real multi-outlet events.

    .venv/bin/python bench/corroboration.py [--events N] [--per-type K] [--conflicts FILE]
        [--parity all|even|odd] [--no-embeddings] [--embed-same COSINE]

Events are the BASIL triplets (one event told by Fox, NYT and HuffPost) in ``../shared/data``.
Every article is read once; each event is compared as it is (every ``conflict`` is listed, for
hand-checking), then, for each perturbation type, up to K copies of one article are made with
:mod:`newsprism.compare.perturb` from facts the outlets *corroborate* in the original comparison.
Each copy is read again like any input and the event compared again, in two set-ups:

- **alongside** (the controlled test): the unperturbed original stays and the copy joins the
  event as a fourth outlet. The original states exactly what the copy changed, so every injected
  conflict is detectable by construction: a miss is the compare stage's, never the data's.
- **in place** (the realistic test): the copy replaces its original, so the change can only be
  caught against what the *other* outlets wrote. Targets are chosen from facts another outlet
  corroborated in the unperturbed comparison (on wording alone, TF-IDF, so that every set-up
  perturbs the same facts), which is what makes detection possible at all;
  when that corroboration was itself a chance match (two "17 percent" of different candidates),
  the miss is counted anyway, so in-place recall is a lower bound.

Measured:

- recall of the injected conflict per type (number_change, date_shift, quote_reassign): a
  ``conflict`` fact cites the changed span of the copy and a span of another article;
- roundings ("about 10,000" for 9,600): share that come out ``approximate`` (and ``conflict``);
- deleted paragraphs: the content of the paragraph must no longer be credited to the copy.
  *Alongside*, every fact resting on the original's deleted paragraph (all of it, not only the
  fact that chose the paragraph) must not cite the copy, unless the original states it again
  outside the paragraph (the copy kept that); it stands with the original alone (``single``) or
  with the original and other outlets that also say it (``elsewhere``); both are right.
  *In place*, each other outlet's span that the deleted paragraph corroborated must be matched
  to nothing of the copy (``single``, or ``elsewhere``: agreed with a third outlet). Paragraphs
  are chosen so that their fact is not stated again elsewhere in the article.

The generator only moves what can be moved: figures it can rewrite (every mention of the figure
in the article), dates resolved to the calendar (every mention of the date), quotes an article
credits to a named person, moved to another person the article names. Every cited span of every
output (facts, brief, timeline, coverage) is checked against the raw text it cites. Default: all
60 events, up to three figures and one copy of each other type per event.

Statements are aligned on TF-IDF wording and, unless ``--no-embeddings``, on sentence embeddings
of the statements that carry a figure, a date or a quote (:mod:`newsprism.compare.embeddings`).
Its one fitted constant, ``EMBED_SAME`` (the cosine from which two sentences are re-wordings),
was chosen on the **even-indexed** events only (``--parity even --embed-same C``, in-place recall
against the conflicts flagged on unperturbed events); results are printed for even (fit) and odd
(held-out) events apart. The embedding time is printed per article read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from newsprism.compare import compare_story
from newsprism.compare import embeddings as E
from newsprism.compare import facts as facts_
from newsprism.compare import perturb as P
from newsprism.compare.coverage import coverage
from newsprism.compare.perturb_cases import (
    date_targets,
    delete_targets,
    facts_citing,
    judge,
    number_targets,
    quote_targets,
)
from newsprism.group.datasets import load_basil
from newsprism.model import Article, Story
from newsprism.present.brief import write_brief
from newsprism.read import read
from newsprism.read.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
INJECTED = ("number_change", "date_shift", "quote_reassign")
KINDS = (*INJECTED, "number_round", "paragraph_delete")
SETUPS = ("alongside", "in place")
HALVES = ("even", "odd")
COPY_SUFFIX = "~perturbed"


def compare(articles: list[Article], label: str) -> Story:
    by_id = {a.id: a for a in articles}
    story = compare_story(Story(id=label, title=label, articles=[a.id for a in articles]), by_id)
    story.brief = write_brief(story, by_id)
    story.coverage = coverage(story, by_id)
    assert_spans(story, by_id)
    return story


def cited(node) -> Iterator[dict]:
    if isinstance(node, dict):
        if {"article", "start", "end", "text"} <= node.keys():
            yield node
        for value in node.values():
            yield from cited(value)
    elif isinstance(node, list):
        for value in node:
            yield from cited(value)


def assert_spans(story: Story, articles: dict[str, Article]) -> int:
    """Every cited span equals the raw text at its offsets."""
    count = 0
    for span in cited(story.model_dump(mode="json")):
        text = articles[span["article"]].text
        assert text[span["start"] : span["end"]] == span["text"], span
        count += 1
    return count


def explain(perturbation: P.Perturbation, story: Story, outcome: str, copy_id: str,
            setup: str) -> str:
    """A missed perturbation, with what it should have been matched to and what it was."""
    lines = [f"MISS [{setup}] {perturbation.kind} {perturbation.article} "
             f"{perturbation.note!r} -> {outcome}"]
    lines += [f"   partner {p.article[-2:]}:{p.start} {p.text[:150]!r}"
              for p in perturbation.partners]
    if perturbation.kind == "paragraph_delete":
        in_place = copy_id == perturbation.article  # then the original's offsets mean nothing
        resting = (sorted({id(f): f for p in perturbation.partners
                           for f in facts_citing(story, p.article, [p])}.values(), key=id)
                   if in_place else facts_citing(story, perturbation.article,
                                                 perturbation.original))
        for fact in resting:
            cites = [f"{s.article[-12:]}:{s.start}" for s in fact.sources]
            lines.append(f"   fact {fact.kind}/{fact.status} {cites}: {fact.statement[:120]!r}")
        return "\n".join(lines)
    for span in perturbation.changed[:1]:
        text = perturbation.copy.text
        lines.append(f"   copy {span.start}: …{text[max(span.start - 100, 0):span.end + 60]!r}")
        for fact in facts_citing(story, copy_id, [span]):
            lines.append(f"   fact {fact.kind}/{fact.status}: {fact.note}")
    return "\n".join(lines)


TARGET = {"number_round": "approximate", "paragraph_delete": "not in copy"}
MET = {"not in copy": {"single", "elsewhere"}}


def setups(perturbation: P.Perturbation, copy: Article, members: list[Article],
           by_id: dict[str, Article]) -> Iterator[tuple[str, list[Article], str]]:
    """The event with the copy beside its original and with the copy in its place, each with the
    id the copy has there."""
    beside = copy.model_copy(update={"id": copy.id + COPY_SUFFIX}, deep=True)
    yield "alongside", [by_id[a.id] for a in members] + [beside], beside.id
    yield "in place", [copy if a.id == copy.id else by_id[a.id] for a in members], copy.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=60, help="first N BASIL events")
    parser.add_argument("--per-type", type=int, default=1, help="copies per type per event")
    parser.add_argument("--verbose", action="store_true", help="print every missed perturbation")
    parser.add_argument("--parity", choices=("all", *HALVES), default="all",
                        help="even-indexed events (where EMBED_SAME was fitted), odd ones, or all")
    parser.add_argument("--no-embeddings", action="store_true", help="align on TF-IDF only")
    parser.add_argument("--embed-same", type=float, default=None,
                        help="try another EMBED_SAME cosine (fitting; even events only)")
    parser.add_argument("--conflicts", type=Path, default=None,
                        help="write the conflicts flagged on unperturbed events here (JSON)")
    args = parser.parse_args()
    if not (SHARED / "basil").is_dir():
        print(f"needs {SHARED / 'basil'}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    load_nlp()
    data = load_basil(SHARED / "basil")
    events: dict[str, list[Article]] = defaultdict(list)
    for article, label in zip(data.articles, data.labels, strict=True):
        events[label].append(article)
    half = {label: HALVES[i % 2] for i, label in enumerate(events)}
    events = {label: members for label, members in list(events.items())[: args.events]
              if args.parity in ("all", half[label])}
    if args.embed_same is not None:
        E.EMBED_SAME = args.embed_same
    timer = TimedEncoder(None if args.no_embeddings or not E.available() else E.MultilingualE5())
    # Every comparison goes through the timer; ``timer.paused`` compares on wording alone.
    facts_.default_encoder = lambda: None if timer.encoder is None or timer.paused else timer
    originals = read([a for members in events.values() for a in members])
    by_id = {a.id: a for a in originals}
    read_seconds = time.perf_counter() - started

    conflicts, statuses, perturbations = [], Counter(), []
    for label, members in events.items():
        story = compare([by_id[a.id] for a in members], label)
        statuses.update((f.kind, f.status) for f in story.facts)
        conflicts += [{"event": label, "half": half[label], **f.model_dump(mode="json")}
                      for f in story.facts if f.status == "conflict"]
        arts = {a.id: by_id[a.id] for a in members}
        if timer.encoder is not None:
            # Targets come from the wording-only comparison, so that runs with and without
            # embeddings perturb the very same facts and their recalls compare one to one.
            timer.paused = True
            story = compare([by_id[a.id] for a in members], label)
            timer.paused = False
        made = {
            "number_change": number_targets(story, arts, rounding=False),
            "number_round": number_targets(story, arts, rounding=True),
            "date_shift": date_targets(story, arts),
            "quote_reassign": quote_targets(story, arts),
            "paragraph_delete": delete_targets(story, arts),
        }
        for kind, kind_made in made.items():
            cap = args.per_type * (3 if kind.startswith("number") else 1)  # figures are scarce
            perturbations += [(label, p) for p in kind_made[:cap]]
    compare_seconds = time.perf_counter() - started - read_seconds

    copies = read([p.copy for _, p in perturbations])
    embed_original = (timer.seconds, timer.texts)
    per_article = max(len(originals), 1)
    outcomes: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for (label, perturbation), copy in zip(perturbations, copies, strict=True):
        for old in perturbation.original:
            assert by_id[old.article].text[old.start : old.end] == old.text
        target = TARGET.get(perturbation.kind, "conflict")
        for setup, members, copy_id in setups(perturbation, copy, events[label], by_id):
            story = compare(members, label)
            outcome = judge(perturbation, story, copy_id)
            outcomes[(perturbation.kind, setup, half[label])][outcome] += 1
            if args.verbose and outcome not in MET.get(target, {target}):
                print(explain(perturbation, story, outcome, copy_id, setup))
        if len(examples[perturbation.kind]) < 3:
            examples[perturbation.kind].append(f"{copy.id} {perturbation.note!r}")
    total = time.perf_counter() - started

    print(f"events: {len(events)}  articles read: {len(originals)} + {len(copies)} copies")
    print(f"time: read {read_seconds:.0f}s, compare originals {compare_seconds:.0f}s, "
          f"total {total:.0f}s")
    print("\nfact statuses on unperturbed events:")
    for (kind, status), n in sorted(statuses.items()):
        print(f"  {kind:12} {status:12} {n}")
    print(f"embeddings: {'off' if timer.encoder is None else 'on'}, EMBED_SAME {E.EMBED_SAME}; "
          f"unperturbed events: {embed_original[1]} statements embedded, "
          f"{embed_original[0]:.1f}s = {embed_original[0] / per_article:.2f}s per article"
          f" ({embed_original[1] / per_article:.0f} statements); all comparisons "
          f"{timer.seconds:.0f}s (cached vectors are not re-embedded)")
    flagged = Counter(c["half"] for c in conflicts)
    print(f"\nconflicts flagged on unperturbed events: {len(conflicts)} "
          f"(even {flagged['even']}, odd {flagged['odd']})")
    print("\nperturbation outcomes (share with the expected status; alongside = the original")
    print("stays as a fourth outlet, in place = the copy replaces it):")
    for part in ("all", *HALVES):
        print_outcomes(outcomes, part, examples if part == "all" else {})
    if args.conflicts:
        args.conflicts.write_text(json.dumps(conflicts, indent=1, ensure_ascii=False))
        print(f"\nconflicts written to {args.conflicts}")
    return 0


class TimedEncoder:
    """The sentence encoder, timed: the bench reports what embeddings add per article."""

    def __init__(self, encoder: E.SentenceEncoder | None):
        self.encoder, self.seconds, self.texts, self.paused = encoder, 0.0, 0, False

    def encode(self, texts):
        started = time.perf_counter()
        vectors = self.encoder.encode(texts)
        self.seconds += time.perf_counter() - started
        self.texts += len(texts)
        return vectors


def print_outcomes(outcomes, part: str, examples: dict[str, list[str]]) -> None:
    if part != "all" and not any(key[2] == part for key in outcomes):
        return
    role = {"even": " (fit)", "odd": " (held out)"}.get(part, "")
    print(f"\n[{part} events{role}]")
    for kind in KINDS:
        target = TARGET.get(kind, "conflict")
        row = [f"  {kind:17}"]
        for setup in SETUPS:
            counts = sum((c for (k, s, h), c in outcomes.items()
                          if k == kind and s == setup and part in ("all", h)), Counter())
            n = sum(counts.values())
            met = sum(counts[o] for o in MET.get(target, {target}))
            share = f"{met / n:.2f}" if n else " -- "
            row.append(f"{setup} {target} {share} (n={n:2}) {dict(counts)}")
        print("   ".join(row))
        for example in examples.get(kind, []):
            print(f"      e.g. {example}")


if __name__ == "__main__":
    raise SystemExit(main())
