"""Incremental grouping at scale, and streaming against batch on the labelled benchmark.

    .venv/bin/python bench/group_scale.py [--n 1000000] [--new 2000] [--db PATH]
    .venv/bin/python bench/group_scale.py --quality [--data ../shared/data]
    .venv/bin/python bench/group_scale.py --fit-stream [--data ../shared/data]

Scale: a SQLite store is bulk-loaded with ``--n`` synthetic, already grouped articles (hashed
word and name features drawn from per-story vocabularies, dates over two years), their compact
vectors are indexed (faiss IVF-SQ8 beside the store), then a *fresh process* opens the store the
way ``newsprism ingest`` does and assigns ``--new`` further articles one at a time (half from
existing stories, half from new ones), timing each: storing the article row + candidate retrieval
+ verification + membership write (writes batched as ``ingest`` batches them); every
``--consolidate-every`` arrivals and after the last it consolidates as ``ingest`` does, timed
apart (not part of an assignment's latency). This runs twice:
*cold*, after the store and index files are dropped from the OS page cache
(``posix_fadvise(DONTNEED)``), then *warm*. Resident memory of each process is read from
/proc/self/status (VmRSS, VmHWM). Text feature extraction is timed separately on real articles.

Quality: B³ of batch ``group()``, of batch average-link on the simple score, and of the stream
(fixed shuffled order, and by publication date), plain and consolidated every
``CONSOLIDATE_EVERY`` arrivals and after the last (as ``ingest`` does; CPU per article of the
consolidations), on the train and held-out parts. ``--fit-stream``
refits the stream's pair weights on train (see :mod:`newsprism.group.stream_score`).

The synthetic articles have word and name rows only (stored in the older two-row format, which
the store still reads); real articles also carry lead, number and year rows.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from newsprism.group import GroupSettings, StoryAssigner, group
from newsprism.group.features import published_day
from newsprism.group.incremental import CONSOLIDATE_EVERY, ArticleFeatures, DocumentFrequencies
from newsprism.group.index import VectorIndex, compact_vectors
from newsprism.model import Article
from newsprism.store import open_store
from newsprism.store.grouping import GroupingSession, pack_vector
from newsprism.store.table import StoryTable

WIDTH = GroupSettings().hash_features
STORY_WORDS, ARTICLE_STORY_WORDS, BACKGROUND_WORDS = 40, 25, 40
STORY_NAMES, ARTICLE_NAMES = 4, 3
FIRST_DAY = 738_000.0  # an ordinal day in 2021
SPAN_DAYS = 730


def _memory() -> dict[str, float]:
    status = Path("/proc/self/status").read_text().splitlines()
    values = {line.split(":")[0]: line.split()[1] for line in status if line.startswith("Vm")}
    return {"rss_mb": int(values["VmRSS"]) / 1024, "peak_rss_mb": int(values["VmHWM"]) / 1024}


class Corpus:
    """Synthetic stories: each has word and name vocabularies and a start day."""

    def __init__(self, stories: int, seed: int = 0):
        rng = np.random.default_rng(seed)
        # Story words from the lower half of the hashed space, background from the upper half,
        # so an article never repeats a feature.
        self.words = _distinct(rng, stories, STORY_WORDS, 0, WIDTH // 2)
        self.names = _distinct(rng, stories, STORY_NAMES, 0, WIDTH)
        self.start = FIRST_DAY + rng.random(stories) * SPAN_DAYS
        self.rng = rng

    def articles(self, story_of: np.ndarray) -> tuple[csr_matrix, csr_matrix, np.ndarray]:
        """Word rows, name rows (sublinear tf = 1) and days of articles of the given stories."""
        rng, n = self.rng, len(story_of)
        pick = rng.permuted(np.tile(np.arange(STORY_WORDS), (n, 1)), axis=1)
        story_words = np.take_along_axis(self.words[story_of], pick[:, :ARTICLE_STORY_WORDS], 1)
        background = _distinct(rng, n, BACKGROUND_WORDS, WIDTH // 2, WIDTH)
        words = np.sort(np.hstack([story_words, background]), axis=1)
        pick = rng.permuted(np.tile(np.arange(STORY_NAMES), (n, 1)), axis=1)
        names = np.sort(np.take_along_axis(self.names[story_of], pick[:, :ARTICLE_NAMES], 1), 1)
        days = self.start[story_of] + rng.random(n) * 3.0  # a story runs over three days
        return _rows(words), _rows(names), days


def _distinct(rng: np.random.Generator, n: int, count: int, low: int, high: int) -> np.ndarray:
    """``count`` distinct increasing features in [low, high) per row (random gaps, summed)."""
    gaps = rng.integers(1, (high - low) // count, size=(n, count))
    return low + np.cumsum(gaps, axis=1) - 1


def _rows(columns: np.ndarray) -> csr_matrix:
    n, per_row = columns.shape
    indptr = np.arange(0, n * per_row + 1, per_row)
    return csr_matrix((np.ones(n * per_row, np.float32), columns.ravel(), indptr),
                      shape=(n, WIDTH))


def _idf_weighted(rows: csr_matrix, frequencies: np.ndarray, count: int) -> csr_matrix:
    weighted = rows.astype(np.float64)
    weighted.data *= np.log((1 + count) / (1 + frequencies[weighted.indices])) + 1.0
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    return csr_matrix(weighted.multiply(1 / np.where(norms > 0, norms, 1.0)[:, None]))


def _feature_blobs(words: csr_matrix, names: csr_matrix) -> np.ndarray:
    """Every row's ``ArticleFeatures.to_bytes()`` at once (rows have fixed lengths here)."""
    n = words.shape[0]
    word_count, name_count = words.nnz // n, names.nnz // n
    parts = [np.tile(np.array([word_count, name_count], np.int32), (n, 1)).view(np.uint8)]
    for rows, count in ((words, word_count), (names, name_count)):
        parts.append(rows.indices.astype(np.int32).reshape(n, count).view(np.uint8))
        parts.append(rows.data.astype(np.float32).reshape(n, count).view(np.uint8))
    return np.hstack(parts)


def load(db: Path, n: int, chunk: int = 100_000) -> dict:
    """Bulk-load n grouped articles into the store and build the index beside it."""
    stories = max(1, n // 8)
    corpus = Corpus(stories)
    story_of = np.sort(corpus.rng.integers(0, stories, n))
    settings = GroupSettings()
    timings: dict[str, float] = {}

    started = time.perf_counter()
    word_df, name_df = np.zeros(WIDTH, np.int64), np.zeros(WIDTH, np.int64)
    parts = []
    for low in range(0, n, chunk):
        words, names, days = corpus.articles(story_of[low : low + chunk])
        word_df += np.bincount(words.indices, minlength=WIDTH)
        name_df += np.bincount(names.indices, minlength=WIDTH)
        parts.append((low, words, names, days))
    timings["generate_s"] = time.perf_counter() - started

    prototype = Article(id="ID", text="synthetic article").model_dump_json()
    index = VectorIndex(exact_limit=chunk - 1, lists=int(2 * np.sqrt(n)) if n > chunk else None)
    index_seconds = store_seconds = 0.0
    with open_store(db) as store:
        database = store._db  # bulk load: the public API stores one article at a time
        for low, words, names, days in parts:
            t0 = time.perf_counter()
            vectors = compact_vectors(_idf_weighted(words, word_df, n),
                                      _idf_weighted(names, name_df, n), settings.entity_weight)
            keys = np.arange(low + 1, low + len(days) + 1)  # SQLite seq starts at 1
            index.add(keys, vectors, days)
            t1 = time.perf_counter()
            blobs = _feature_blobs(words, names)
            rows, members, features = [], [], []
            for i, key in enumerate(keys.tolist()):
                article_id = f"syn-{key}"
                body = prototype.replace('"ID"', f'"{article_id}"')
                rows.append((key, article_id, article_id, None, float(days[i]), article_id, body))
                members.append((article_id, f"story-syn-{story_of[low + i]}"))
                features.append((key, blobs[i].tobytes(), pack_vector(vectors[i])))
            with database:
                database.executemany("INSERT INTO articles (seq, id, content_hash, published,"
                                     " published_day, title, json) VALUES (?,?,?,?,?,?,?)", rows)
                database.executemany("INSERT INTO memberships VALUES (?, ?)", members)
                database.executemany("INSERT INTO article_features VALUES (?, ?, ?)", features)
            index_seconds += t1 - t0
            store_seconds += time.perf_counter() - t1
            print(f"  loaded {low + len(days):,}", file=sys.stderr, flush=True)
        saved = DocumentFrequencies(WIDTH)
        saved.counts["words"][:], saved.counts["names"][:], saved.count = word_df, name_df, n
        store.put_state("document_frequencies", saved.to_bytes())
        t0 = time.perf_counter()
        index.save(store.index_path())
        t1 = time.perf_counter()
        all_days = np.concatenate([days for _, _, _, days in parts])
        table = StoryTable.from_rows(np.arange(1, n + 1), all_days,
                                     [f"story-syn-{s}" for s in story_of.tolist()])
        table.save(store.index_path(), store.change_counts())
        index_seconds += t1 - t0
        timings["story_table_s"] = time.perf_counter() - t1
    timings["index_build_s"] = index_seconds
    timings["store_load_s"] = store_seconds
    np.save(db.with_suffix(".stories.npy"), story_of[-50_000:])  # for the assignment phase
    return {"n": n, "stories": stories, "index": index.kind, "lists": index.lists, **timings,
            "load_process": _memory()}


def _new_articles(db: Path, n: int, new: int, tag: str) -> list[tuple[Article, ArticleFeatures,
                                                                       str | None]]:
    """``new`` articles to assign: half from loaded stories, half from new ones; each with its
    features (as text would give them; timed apart) and the loaded story it belongs to, if any."""
    stories = max(1, n // 8)
    corpus = Corpus(stories, seed=1)
    recent = np.load(db.with_suffix(".stories.npy"))
    known = corpus.rng.choice(np.unique(recent), new // 2)
    corpus_ids = np.concatenate([known, corpus.rng.integers(0, stories, new - new // 2)])
    base = Corpus(stories)  # the loaded stories' vocabularies (same seed as the load)
    base.rng = corpus.rng
    words, names, days = base.articles(corpus_ids[: new // 2])
    fresh = Corpus(stories, seed=2)  # new stories: vocabularies never seen
    fresh.rng = corpus.rng
    fresh_words, fresh_names, fresh_days = fresh.articles(corpus_ids[new // 2 :])
    made = []
    for i in range(new):
        old = i < new // 2
        row = i if old else i - new // 2
        w, nm = (words, names) if old else (fresh_words, fresh_names)
        day = float(days[row] if old else fresh_days[row])
        article = Article(id=f"new-{tag}-{i}", text="synthetic new article",
                          published=_timestamp(day))
        # The day the store keeps for the article, so that a later process sees the same.
        features = ArticleFeatures(w[row], nm[row], published_day(article))
        made.append((article, features, f"story-syn-{corpus_ids[i]}" if old else None))
    return made


def assign(db: Path, n: int, new: int, every: int = CONSOLIDATE_EVERY) -> dict:
    """Open the store as ingest does, then assign ``new`` articles one at a time; consolidate
    every ``every`` arrivals and after the last (as ingest does), timed apart from them."""
    started = time.perf_counter()
    articles = _new_articles(db, n, new, f"{started:.0f}")
    gc.collect()  # the generator's vocabularies are gone: memory below is the assigner's
    rss_before = _memory()["rss_mb"]
    started = time.perf_counter()
    with open_store(db) as store:
        session = GroupingSession(store)
        opened = time.perf_counter() - started
        latencies, cpu_times, right = [], [], 0
        consolidations: list[tuple[float, float, int, int]] = []  # wall, CPU, merges, moves
        with store.batch():
            for article, features, expected in articles:
                t0, c0 = time.perf_counter(), time.thread_time()
                store.put_article(article)
                story = session.assigner.add_features(article.id, features,
                                                      key=store.article_key(article.id))
                latencies.append(time.perf_counter() - t0)
                cpu_times.append(time.thread_time() - c0)
                # Right: an article of a loaded story joins it; one of a new story opens or joins
                # a new story rather than a loaded one.
                right += story == expected if expected else not story.startswith("story-syn-")
                if every and session.assigner.pending >= every:
                    consolidations.append(_timed_consolidation(session.assigner))
            if every and session.assigner.pending:
                consolidations.append(_timed_consolidation(session.assigner))
        assigned_rss = _memory()["rss_mb"]
        right_after = sum(
            story == expected if expected else not story.startswith("story-syn-")
            for story, (_, _, expected) in zip(
                (store.story_of(a.id) for a, _, _ in articles), articles, strict=True))
        session.save()
    latencies_ms = np.array(latencies) * 1000
    # CPU time of the assigning thread: what the wall time would be on an idle machine, bar
    # waits for the disk; on a shared, busy machine the wall time mostly measures the others.
    cpu_ms = np.array(cpu_times) * 1000
    return {
        "open_store_and_index_s": opened,
        "assign_p50_ms": float(np.percentile(latencies_ms, 50)),
        "assign_p99_ms": float(np.percentile(latencies_ms, 99)),
        "assign_mean_ms": float(latencies_ms.mean()),
        "assign_cpu_p50_ms": float(np.percentile(cpu_ms, 50)),
        "assign_cpu_p99_ms": float(np.percentile(cpu_ms, 99)),
        "load_average": os.getloadavg()[0],
        "correct_share": right / new,
        "consolidations": len(consolidations),
        "consolidate_mean_ms": float(np.mean([c[0] for c in consolidations]) * 1000)
        if consolidations else 0.0,
        "consolidate_max_ms": float(max((c[0] for c in consolidations), default=0.0) * 1000),
        "consolidate_cpu_per_article_ms": sum(c[1] for c in consolidations) * 1000 / new,
        "consolidation_merges_moves": [sum(c[2] for c in consolidations),
                                       sum(c[3] for c in consolidations)],
        "correct_share_after_consolidation": right_after / new,
        "rss_before_open_mb": rss_before,
        "rss_after_assigning_mb": assigned_rss,
        **_memory(),
        "index_kind": session.assigner.index.kind,
    }


def _timed_consolidation(assigner: StoryAssigner) -> tuple[float, float, int, int]:
    t0, c0 = time.perf_counter(), time.thread_time()
    merges, moves = assigner.consolidate()
    return time.perf_counter() - t0, time.thread_time() - c0, merges, moves


def _timestamp(day: float) -> str:
    """An ISO timestamp (to the second) of an ordinal day with a fraction."""
    seconds = min(round((day - int(day)) * 86_400), 86_399)
    midnight = datetime.combine(date.fromordinal(int(day)), time_of_day())
    return (midnight + timedelta(seconds=seconds)).isoformat()


def _drop_from_page_cache(paths: list[Path]) -> None:
    """Evict files from the OS page cache (no root needed), so the next reads go to the disk."""
    for path in paths:
        if path.is_file():
            descriptor = os.open(path, os.O_RDONLY)
            try:
                os.fsync(descriptor)
                os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(descriptor)


def text_features_latency(data: Path) -> dict:
    """Feature extraction of real articles (hashing words and names), which synthetic skip."""
    from newsprism.group.datasets import load_basil
    from newsprism.group.incremental import FeatureHashing

    articles = load_basil(data / "basil").articles[:300]
    hashing = FeatureHashing(GroupSettings())
    times = []
    for article in articles:
        t0 = time.perf_counter()
        hashing.features(article)
        times.append(time.perf_counter() - t0)
    ms = np.array(times) * 1000
    return {"text_features_p50_ms": float(np.percentile(ms, 50)),
            "text_features_p99_ms": float(np.percentile(ms, 99))}


def quality(data: Path) -> None:
    from newsprism.group.cluster import average_link
    from newsprism.group.datasets import load_mixed
    from newsprism.group.metrics import b_cubed
    from newsprism.group.similarity import simple_similarity

    settings = GroupSettings()
    for part in ("train", "heldout"):
        labelled = load_mixed(data, part)
        articles, labels = labelled.articles, labelled.labels
        story_of = {a: s.id for s in group(articles, settings) for a in s.articles}
        batch = b_cubed([story_of[a.id] for a in articles], labels)
        print(f"{part:8} batch group()                 B³ {batch}")
        simple = average_link(simple_similarity(articles, settings), settings.threshold)
        print(f"{part:8} batch, simple score           B³ {b_cubed(simple, labels)}")
        orders = _orders(articles, 1)
        features = [StoryAssigner(settings).hashing.features(a) for a in articles]
        for name, order in (("shuffled", orders["shuffled 0"]), ("by date", orders["by date"])):
            for every in (0, CONSOLIDATE_EVERY):
                assigner = StoryAssigner(settings)
                consolidating = 0.0
                for n, i in enumerate(order, 1):
                    assigner.add_features(articles[i].id, features[i])
                    if every and (n % every == 0 or n == len(order)):  # as ingest does
                        started = time.process_time()
                        assigner.consolidate()
                        consolidating += time.process_time() - started
                changes = len(assigner.state.merge_log)
                predicted = [assigner.story_of(a.id) for a in articles]
                label = f"+ consolidated /{every}" if every else "stream"
                cost = (f" merges or moves, {1000 * consolidating / len(order):.1f} ms CPU per"
                        " article" if every else " merges")
                print(f"{part:8} {label + ',':20} {name:8} B³ {b_cubed(predicted, labels)}"
                      f"  ({changes}{cost})")


def _orders(articles: list[Article], seeds: int) -> dict[str, list[int]]:
    """Arrival orders: shuffled with seeds 0.., and by publication date (undated last)."""
    orders = {}
    for seed in range(seeds):
        shuffled = list(range(len(articles)))
        random.Random(seed).shuffle(shuffled)
        orders[f"shuffled {seed}"] = shuffled
    days = [published_day(a) for a in articles]
    orders["by date"] = sorted(orders["shuffled 0"],
                               key=lambda i: (days[i] is None, days[i] or 0.0))
    return orders


def fit_stream(data: Path) -> None:
    """Refit the stream's pair weights (``stream_score.STREAM_PAIR_WEIGHTS``) on train only:
    stream train in two shuffled orders and by date, deciding with the batch model's weights and
    threshold; collect every (new article, earlier article of its local batch) pair past the
    candidate floor; fit the batch model's logistic form without shared neighbours."""
    from sklearn.linear_model import LogisticRegression

    from newsprism.group import incremental, stream_score
    from newsprism.group.datasets import load_mixed
    from newsprism.group.similarity import PAIR_FEATURES, pair_probabilities

    settings = GroupSettings()
    train = load_mixed(data, "train")
    labels = np.array(train.labels)
    hashing = StoryAssigner(settings).hashing
    features = [hashing.features(a) for a in train.articles]
    label_of = {id(f): label for f, label in zip(features, labels, strict=True)}
    rows, same = [], []
    scored = stream_score.local_pair_probabilities

    def recording(batch, frequencies, stream_settings):
        found = stream_score.local_pair_features(batch, frequencies, stream_settings)
        candidates = found["base"][0, 1:] >= stream_settings.candidate_floor
        rows.append(np.stack([found[n][0, 1:] for n in PAIR_FEATURES], -1)[candidates])
        batch_labels = np.array([label_of[id(f)] for f in batch[1:]])
        same.append(batch_labels[candidates] == label_of[id(batch[0])])
        return pair_probabilities(found, stream_settings)  # the batch model decides here

    incremental.local_pair_probabilities = recording
    try:
        for order in _orders(train.articles, 2).values():
            assigner = StoryAssigner(settings, threshold=settings.story_threshold)
            for i in order:
                assigner.add_features(train.articles[i].id, features[i])
    finally:
        incremental.local_pair_probabilities = scored
    stack, target = np.vstack(rows), np.concatenate(same)
    stack[:, PAIR_FEATURES.index("shared_neighbours")] = 0.0  # see stream_score's docstring
    model = LogisticRegression(C=0.01, max_iter=5000).fit(stack, target)
    weights = {n: round(float(w), 3) for n, w in zip(PAIR_FEATURES, model.coef_[0], strict=True)}
    print(f"{len(target)} pairs, {target.mean():.2f} same event")
    print("STREAM_PAIR_WEIGHTS =", json.dumps(weights))
    print("STREAM_PAIR_BIAS =", round(float(model.intercept_[0]), 3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=2_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--quality", action="store_true")
    parser.add_argument("--fit-stream", action="store_true")
    parser.add_argument("--phase", choices=["all", "assign"], default="all")
    parser.add_argument("--consolidate-every", type=int, default=CONSOLIDATE_EVERY,
                        help="assign phase: consolidate every N arrivals (0: never)")
    default_data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default_data)
    args = parser.parse_args()
    if args.quality:
        quality(args.data)
        return
    if args.fit_stream:
        fit_stream(args.data)
        return
    if args.phase == "assign":
        print(json.dumps(assign(args.db, args.n, args.new, args.consolidate_every)))
        return
    folder = Path(tempfile.mkdtemp(prefix="newsprism-scale-"))
    db = args.db or folder / "scale.db"
    started = time.perf_counter()
    report = load(db, args.n)
    # Fresh processes, so their memory is what serving ingest costs, not what loading cost.
    index_folder = Path(str(db) + ".index")
    for run in ("cold", "warm"):
        if run == "cold":
            _drop_from_page_cache([*db.parent.glob(db.name + "*"), *index_folder.glob("*")])
        done = subprocess.run(
            [sys.executable, __file__, "--phase", "assign", "--db", str(db), "--n", str(args.n),
             "--new", str(args.new), "--consolidate-every", str(args.consolidate_every)],
            capture_output=True, text=True, check=True)
        report[f"assign_{run}"] = json.loads(done.stdout.strip().splitlines()[-1])
    if (args.data / "basil").is_dir():
        report.update(text_features_latency(args.data))
    report["db_mb"] = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")
                          if p.is_file()) / 2**20
    report["index_mb"] = sum(p.stat().st_size for p in index_folder.glob("*.faiss")) / 2**20
    report["story_table_mb"] = sum(p.stat().st_size
                                   for p in index_folder.glob("stories.*")) / 2**20
    report["total_s"] = time.perf_counter() - started
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
