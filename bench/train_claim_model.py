"""Fit the model of :mod:`newsprism.read.learned_claims` on PolNeAR *train* and write
``src/newsprism/read/models/claims.json``.

    .venv/bin/python bench/train_claim_model.py [--data ../shared/data] [--parses train.spacy]
        [--rows rows.pkl] [--out path]

Every train article is read by the rule stages (sentences → entities → quotes, with the
proposer replaced by a probe), so the candidates are those the rules leave. A candidate's
end-to-end worth is whether it would be a right attribution that no rule prediction already
matches, with the speaker the rules would give its cue: the model is fitted on it
(``LABEL_WORTH``; the alternative label, content matching a gold whose cue overlaps the
candidate's cue, scored lower out of fold).
C and the threshold are chosen on out-of-fold scores (folds by article) to maximise train
end-to-end F1 of rules + proposals; the model is then fitted on all of train.
Cue lemmas: those of gold cues seen at least ``MIN_CUES`` times in train. Features seen fewer
than ``MIN_FEATURE`` times are dropped. ``--parses`` reuses a DocBin of the train parse (in
file-name order, as ``bench/quotes.py --cache`` writes it); ``--rows`` caches the candidates.
"""

from __future__ import annotations

import argparse
import datetime
import pickle
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from polnear_train import train_parses

from newsprism.read import entities, quotes, sentences
from newsprism.read.canonical import canonicalise
from newsprism.read.evaluation import (
    Prediction,
    _speaker,
    content_matches,
    load_split,
    match,
    overlap,
    predictions,
    speaker_right,
)
from newsprism.read.learned_claims import MODEL_PATH, candidates, subject
from newsprism.read.linear_model import fit, out_of_fold
from newsprism.read.reported import Draft, clause_drafts, marked_spans
from newsprism.read.speakers import speaker_token

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MIN_CUES = 3
MIN_FEATURE = 20  # out of fold: 3, 10 and 20 score alike; 20 keeps the model small
LABEL_WORTH = True  # fit on end-to-end worth (out of fold: .6865 vs .6833 on content+cue)
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = [t / 100 for t in range(10, 91, 2)]
FOLDS = 5


def cue_lemmas(examples, docs) -> set[str]:
    """Lemmas of the gold cues' head words seen at least MIN_CUES times."""
    counts: Counter[str] = Counter()
    for example, doc in zip(examples, docs, strict=True):
        for gold in example.gold:
            if gold.cue:
                span = doc.char_span(*gold.cue[0], alignment_mode="expand")
                if span is not None and len(span):
                    counts[span.root.lemma_.lower()] += 1
    return {lemma for lemma, n in counts.items() if n >= MIN_CUES}


class Probe:
    """Stands in for the proposer: records the candidates and gives each candidate cue a
    one-word draft, so that the pipeline resolves its speaker as it would a proposal's."""

    def __init__(self, lemmas: set[str]):
        self.lemmas = lemmas
        self.found: list = []
        self.rule_drafts = 0
        self.cues: list[int] = []

    def __call__(self, article, doc, paragraphs, segments, drafts):
        marked = marked_spans(segments)
        self.rule_drafts = len(drafts)
        self.found = []
        for c in candidates(doc, paragraphs, segments, drafts, self.lemmas):
            paragraph = next(p for p in paragraphs if p.start <= c.cue.idx < p.end)
            pieces = clause_drafts(article, doc, paragraph, segments, c.ranges, c.cue, None)
            if pieces:
                self.found.append((c, [(d.start, d.end) for d in pieces]))
        self.cues = sorted({c.cue.i for c, _ in self.found})
        by_index = {c.cue.i: c.cue for c, _ in self.found}
        probes = []
        for cue in (by_index[i] for i in self.cues):
            speaker = speaker_token(article, doc, cue, subject(cue), marked)
            probes.append(Draft(cue.idx, cue.idx + len(cue), "indirect", cue=cue, subject=speaker))
        return probes


def collect(examples, articles, docs, lemmas):
    """Rows (features, label, worth, article, cue, token ranges) and the rules' own counts."""
    probe = Probe(lemmas)
    quotes.propose = probe
    rows = []
    rule_counts = Counter()
    for example, article, doc in zip(examples, articles, docs, strict=True):
        for stage in (sentences, entities, quotes):
            stage.annotate(article, doc)
        canonicalise([article])
        every = article.quotes
        article.quotes = every[: probe.rule_drafts]
        ruled = predictions(article)
        article.quotes = every
        pairs = match(ruled, example.gold)
        matched = {id(g) for _, g in pairs}
        rule_counts["pred"] += len(ruled)
        rule_counts["gold"] += len(example.gold)
        rule_counts["right"] += sum(speaker_right(p, g, example.text) for p, g in pairs)
        speakers = dict(zip(probe.cues, every[probe.rule_drafts :], strict=True))
        for candidate, fragments in probe.found:
            cue = candidate.cue
            cue_chars = [(cue.idx, cue.idx + len(cue))]
            said = Prediction(fragments, *_speaker(speakers[cue.i]))
            label, worth = False, None
            for j, gold in enumerate(example.gold):
                if not content_matches(fragments, gold.content):
                    continue
                label = label or overlap(cue_chars, gold.cue) > 0
                if id(gold) not in matched and speaker_right(said, gold, example.text):
                    worth = j
            rows.append((candidate.features, label, worth, example.name, cue.i,
                         candidate.ranges))  # fmt: skip
    return rows, rule_counts


def _kept(rows):
    counts = Counter(name for r in rows for name in r[0])
    return [{n: v for n, v in r[0].items() if counts[n] >= MIN_FEATURE} for r in rows]


def end_to_end(rows, probabilities, threshold, rule_counts):
    """Train end-to-end F1 of the rules plus the proposals taken at this threshold: one
    candidate per cue, none overlapping another taken one, each gold counted once."""
    by_article = defaultdict(list)
    for row, p in zip(rows, probabilities, strict=True):
        by_article[row[3]].append((p, row))
    taken_n, right = 0, set()
    for name, scored in by_article.items():
        best: dict[int, tuple[float, tuple]] = {}
        for p, row in scored:
            if row[4] not in best or p > best[row[4]][0]:
                best[row[4]] = (p, row)
        taken: list[tuple[int, int]] = []
        for p, row in sorted(best.values(), key=lambda pr: -pr[0]):
            if p < threshold:
                break
            ranges = row[5] + [(row[4], row[4] + 1)]
            if any(a < y and x < b for a, b in ranges for x, y in taken):
                continue
            taken += ranges
            taken_n += 1
            if row[2] is not None:
                right.add((name, row[2]))
    tp = rule_counts["right"] + len(right)
    precision = tp / (rule_counts["pred"] + taken_n)
    recall = tp / rule_counts["gold"]
    return 2 * precision * recall / (precision + recall), taken_n, len(right)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--parses", type=Path, default=None)
    ap.add_argument("--rows", type=Path, default=None, help="cache of the candidates (pickle)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    started = time.time()
    if args.rows is not None and args.rows.exists():
        rows, rule_counts, lemmas = pickle.loads(args.rows.read_bytes())
    else:
        examples = load_split(args.data / "polnear", "train")
        articles, docs = train_parses(examples, args.parses)
        lemmas = cue_lemmas(examples, docs)
        rows, rule_counts = collect(examples, articles, docs, lemmas)
        if args.rows is not None:
            args.rows.write_bytes(pickle.dumps((rows, rule_counts, lemmas)))
    print(f"{len(rows)} candidates, {sum(r[1] for r in rows)} positive, "
          f"{sum(r[2] is not None for r in rows)} worth; rules {dict(rule_counts)}; "
          f"{len(lemmas)} cue lemmas; {time.time() - started:.0f}s")  # fmt: skip
    features = _kept(rows)
    labels = [(r[2] is not None) if LABEL_WORTH else r[1] for r in rows]
    groups = [r[3] for r in rows]
    base = end_to_end(rows, [0.0] * len(rows), 1.0, rule_counts)[0]
    print(f"rules alone: train e2e F1 {base:.4f}")
    best = (base, None, None)
    for c in C_GRID:
        scores = out_of_fold(features, labels, groups, c=c, folds=FOLDS)
        for threshold in THRESHOLDS:
            f1, taken, right = end_to_end(rows, scores, threshold, rule_counts)
            if f1 > best[0]:
                best = (f1, c, threshold)
        f1, c_, t_ = best
        print(f"C {c}: best so far F1 {f1:.4f} (C {c_}, threshold {t_}); "
              f"{time.time() - started:.0f}s")  # fmt: skip
    f1, c, threshold = best
    if c is None:
        raise SystemExit("no threshold pays out of fold: model not written")
    model = fit(features, labels, c=c, threshold=threshold)
    about = {
        "command": "bench/train_claim_model.py",
        "data": "PolNeAR train",
        "date": datetime.date.today().isoformat(),
        "out_of_fold": f"train e2e F1 {base:.4f} -> {f1:.4f} (C {c}, threshold {threshold})",
    }
    model = replace(model, about=about)
    model.save(args.out)
    print(f"wrote {args.out}: {len(model.weights)} weights; {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
