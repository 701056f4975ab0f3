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
- deleted paragraphs (in place only: with the original present nothing is left out): the share
  where the other outlet's span, corroborated only by the deleted paragraph, is no longer
  matched to anything of the copy: ``single``, or (shown apart, as ``elsewhere``) agreed with a
  third outlet that carries it too. A figure or date the copy still states outside the deleted
  paragraph is no target: matching it there is right.

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
from newsprism.compare.facts import MIN_ATTRIBUTED_WORDS
from newsprism.compare.quotes import verbatim
from newsprism.group.datasets import load_basil
from newsprism.model import Article, Fact, SourceSpan, Story
from newsprism.present.brief import write_brief
from newsprism.read import read
from newsprism.read.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
INJECTED = ("number_change", "date_shift", "quote_reassign")
KINDS = (*INJECTED, "number_round", "paragraph_delete")
CORROBORATED = ("agreed", "approximate")
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


# --- choosing targets ---------------------------------------------------------------------------


def corroborated(story: Story, kind: str) -> list[Fact]:
    """Facts two outlets or more carry; for figures, only those counting the same noun, since a
    changed figure can only contradict a figure of the same thing."""
    facts = [f for f in story.facts if f.kind == kind and f.status in CORROBORATED
             and len({s.article for s in f.sources}) >= 2]
    if kind == "quantity":
        facts = [f for f in facts if len({_unit(f, s) for s in f.sources}) == 1]
    return facts


def _unit(fact: Fact, source: SourceSpan) -> str | None:
    text = source.text.lower().rstrip("s")
    return text.split()[-1] if text.split() else None


def number_targets(story: Story, arts: dict[str, Article], rounding: bool) -> list[P.Perturbation]:
    made = []
    for fact in corroborated(story, "quantity"):
        for source in fact.sources[::-1]:
            article = arts[source.article]
            quantity = next((q for q in article.quantities
                             if (q.start, q.end) == (source.start, source.end)), None)
            if quantity is None:
                continue
            partners = [s for s in fact.sources if s.article != article.id]
            ranges = [(v.low, v.high) for v in fact.values
                      if v.article != article.id and v.low is not None and v.high is not None]
            made_one = (P.round_number(article, quantity) if rounding
                        else P.change_number(article, quantity, ranges))
            if made_one is not None:
                made_one.partners = partners
                made.append(made_one)
                break
    return made


def date_targets(story: Story, arts: dict[str, Article]) -> list[P.Perturbation]:
    made = []
    for fact in corroborated(story, "date"):
        if fact.status != "agreed":
            continue
        source = fact.sources[-1]
        article = arts[source.article]
        value = next((v.date for v in fact.values if v.article == article.id), None)
        mention = next((d for d in article.dates if d.value == value
                        and source.start <= d.start and d.end <= source.end), None)
        if mention is None:
            continue
        made_one = P.shift_date(article, mention)
        if made_one is not None:
            made_one.partners = [s for s in fact.sources if s.article != article.id]
            made.append(made_one)
    return made


def quote_targets(story: Story, arts: dict[str, Article]) -> list[P.Perturbation]:
    made = []
    people = [e for e in story.entities if e.label == "PERSON"]
    for group in story.quote_groups:
        if group.status != "agreed" or len({q.article for q in group.quotes}) < 2:
            continue
        for record in group.quotes[::-1]:
            partners = [q for q in group.quotes if q.article != record.article
                        and q.kind != "indirect" and verbatim(q.text, record.text)
                        and len(q.text.split()) >= MIN_ATTRIBUTED_WORDS]
            if not partners or len(record.text.split()) < MIN_ATTRIBUTED_WORDS:
                continue  # a one-word partial quote cannot pin a line on anyone
            article = arts[record.article]
            quote = next((q for q in article.quotes if (q.start, q.end) == (record.start,
                                                                            record.end)), None)
            if quote is None or quote.kind == "indirect" or quote.speaker is None:
                continue
            speaker_words = {record.speaker or "", article.span_text(quote.speaker)}
            other = _other_person(people, article, quote.speaker_entity, speaker_words)
            if other is None:
                continue
            made_one = P.reassign_quote(article, quote, other)
            if made_one is not None:
                made_one.partners = [SourceSpan(article=q.article, start=q.start, end=q.end,
                                                text=q.text) for q in group.quotes
                                     if q.article != article.id]
                made.append(made_one)
                break
    return made


def _other_person(people, article: Article, speaker_entity,
                  speaker_words: set[str]) -> str | None:
    """The most mentioned other person of the article, written like a full name, named at least
    twice outside the headline and by another outlet too (a "name" only one headline has is
    often a misread: "Etheridge Gets Rough")."""
    taken = {w.lower() for text in speaker_words for w in text.split()}
    title_end = article.title.end if article.title else 0

    def body_mentions(entity) -> int:
        return sum(m.article == article.id and m.start >= title_end for m in entity.mentions)

    for entity in sorted(people, key=lambda e: -body_mentions(e)):
        elsewhere = any(m.article != article.id for m in entity.mentions)
        written = entity.name in article.text[title_end:]  # the full name, as the body has it
        if entity.id != speaker_entity and body_mentions(entity) >= 2 and elsewhere and written \
                and P.is_person_name(entity.name) and entity.name.split()[-1].lower() not in taken:
            return entity.name
    return None


def delete_targets(story: Story, arts: dict[str, Article]) -> list[P.Perturbation]:
    """Paragraphs holding one outlet's side of a fact two outlets share. A figure or date the
    article states again outside the paragraph is still in the copy, so the other outlet's
    side can rightly match it there: such facts are not targets."""
    made = []
    for fact in story.facts:
        if fact.status not in CORROBORATED or len({s.article for s in fact.sources}) != 2:
            continue
        target = fact.sources[-1].article
        article = arts[target]
        mine = [s for s in fact.sources if s.article == target]
        index = next((i for i, p in enumerate(article.paragraphs) if p.role == "body"
                      and all(p.start <= s.start and s.end <= p.end for s in mine)), None)
        if index is None or _stated_elsewhere(fact, article, article.paragraphs[index]):
            continue
        made_one = P.delete_paragraph(article, index)
        made_one.partners = [s for s in fact.sources if s.article != target]
        made.append(made_one)
    return made


def _stated_elsewhere(fact: Fact, article: Article, paragraph) -> bool:
    """The article gives the fact's figure or date again outside ``paragraph``."""

    def outside(span) -> bool:
        return span.end <= paragraph.start or span.start >= paragraph.end

    values = [v for v in fact.values if v.article == article.id]
    if fact.kind == "quantity":
        mine = {(q.value, q.unit) for q in article.quantities if not outside(q)
                and any(v.text == q.text for v in values)}
        return any((q.value, q.unit) in mine for q in article.quantities if outside(q))
    if fact.kind == "date":
        dates = {v.date for v in values}
        return any(d.value in dates for d in article.dates if outside(d))
    return False


# --- judging ------------------------------------------------------------------------------------


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end or (a.start == a.end == b.start)


def facts_citing(story: Story, article: str, spans) -> list[Fact]:
    return [f for f in story.facts
            if any(s.article == article and any(_overlaps(s, c) for c in spans)
                   for s in f.sources)]


def judge(perturbation: P.Perturbation, story: Story, copy_id: str) -> str:
    """What the compare stage made of one perturbation (its copy compared as ``copy_id``): a
    short outcome label."""
    kind = perturbation.kind
    if kind == "paragraph_delete":
        # The deleted content must no longer be credited to the copy: each other outlet's span
        # it corroborated is matched to nothing of the copy ("single", or agreed with a third
        # outlet that carries it too, which is right: "alone" only where no one else has it).
        outcomes = []
        for partner in perturbation.partners:
            facts = facts_citing(story, partner.article, [partner])
            if any(s.article == copy_id for f in facts for s in f.sources):
                outcomes.append("matched")
            else:
                outcomes.append("single" if all(f.status == "single" for f in facts)
                                else "elsewhere")
        for outcome in ("matched", "elsewhere"):
            if outcome in outcomes:
                return outcome
        return "single"
    spans = perturbation.changed[:1] if kind == "quote_reassign" else perturbation.changed
    fact_kind = {"quote_reassign": "attribution", "date_shift": "date"}.get(kind, "quantity")
    facts = [f for f in facts_citing(story, copy_id, spans) if f.kind == fact_kind]
    shared = [f for f in facts if any(s.article != copy_id for s in f.sources)]
    statuses = {f.status for f in shared}
    for status in ("conflict", "approximate", "agreed"):
        if status in statuses:
            return status
    return "single" if facts else "missing"


def explain(perturbation: P.Perturbation, story: Story, outcome: str, copy_id: str,
            setup: str) -> str:
    """A missed perturbation, with what it should have been matched to and what it was."""
    lines = [f"MISS [{setup}] {perturbation.kind} {perturbation.article} "
             f"{perturbation.note!r} -> {outcome}"]
    lines += [f"   partner {p.article[-2:]}:{p.start} {p.text[:150]!r}"
              for p in perturbation.partners]
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
    """The event with the copy beside its original (not for deletions: with the original there,
    nothing is left out) and with the copy in its place, each with the id the copy has there."""
    if perturbation.kind != "paragraph_delete":
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
