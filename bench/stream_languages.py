"""The stream across languages: do two articles on one story in two languages end in one story?

    .venv/bin/python bench/stream_languages.py [--data ../shared/data] [--seed 0]

Every article of the cross-language pairs of SemEval-2022 task 8 (``training_set.csv``; each
article once, with the pair's language codes) arrives in one stream, shuffled with ``--seed``,
through three paths in the same run:

- the stream with languages unknown (words and names only: what ``ingest`` did before it
  compared across languages);
- the stream with languages known (:mod:`newsprism.group.stream_languages`), consolidating every
  ``CONSOLIDATE_EVERY`` arrivals and after the last, as ``ingest`` does;
- the batch ``group()`` over all of them, whose cross-language pairs are scored by the same
  multilingual model (the anchor).

Each pair counts as *same story* when its ``Overall`` rating is at most 2 (the label the
cross-language calibration was fitted on) and *different* otherwise; the figures are the share of
same-story pairs put in one story (recall), the share of pairs put in one story that are same-story
(precision), and F1; and, since most articles are otherwise unrelated, how many ended in
stories of three or more (what joining too much shows). The articles carry no dates, so no story
closes: every arrival may join anything that came before. The cross-language model was fitted on
the even rows of the file (``bench/semeval.py``), so the odd rows are reported apart; the stream's
join threshold was chosen on the even rows. ``NEWSPRISM_EMBED_CACHE=DIR`` keeps the embeddings
between runs.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from semeval import read_semeval  # bench/semeval.py (bench/ is on sys.path as a script's folder)

from newsprism.group import GroupSettings, StoryAssigner, group
from newsprism.group.incremental import CONSOLIDATE_EVERY
from newsprism.model import Article


def articles_and_pairs(path: Path) -> tuple[list[Article], list[dict]]:
    """Each article of a cross-language pair once (as its first pair gives it), and the pairs."""
    articles: dict[str, Article] = {}
    pairs = []
    for row in read_semeval(path, every=1):
        if row["lang1"] == row["lang2"]:
            continue
        ids = row["pair_id"].split("_")
        for article_id, text, language in zip(ids, (row["text1"], row["text2"]),
                                              (row["lang1"], row["lang2"]), strict=True):
            if article_id not in articles and text.strip():
                paragraphs = [p for p in text.split("\n") if p.strip()]
                articles[article_id] = Article.from_paragraphs(article_id, paragraphs,
                                                               language=language)
        if all(i in articles for i in ids):
            pairs.append({"ids": ids, "same": float(row["Overall"]) <= 2.0,
                          "odd": row["row"] % 2 == 1})
    return list(articles.values()), pairs


def stream(articles: list[Article], languages: bool, threshold: float | None = None
           ) -> tuple[dict[str, str], float]:
    """Story of each article after a stream in this order, and CPU seconds."""
    settings = GroupSettings()
    if threshold is not None:
        settings = replace(settings, stream_cross_lingual_threshold=threshold)
    assigner = StoryAssigner(settings)
    started = time.process_time()
    for article in articles:
        assigner.add(article if languages else article.model_copy(update={"language": None}))
        if languages and assigner.pending >= CONSOLIDATE_EVERY:
            assigner.consolidate()
    if languages:
        assigner.consolidate()
    seconds = time.process_time() - started
    return {a: s for s, members in assigner.stories.items() for a in members}, seconds


def scores(story_of: dict[str, str], pairs: list[dict]) -> str:
    joined = [story_of[p["ids"][0]] == story_of[p["ids"][1]] for p in pairs]
    same = [p["same"] for p in pairs]
    hits = sum(j and s for j, s in zip(joined, same, strict=True))
    precision = hits / max(1, sum(joined))
    recall = hits / max(1, sum(same))
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({sum(joined)} joined)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--thresholds", default="",
                        help="comma-separated cross-language join thresholds to try in the "
                        "stream (default: the library's)")
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    articles, pairs = articles_and_pairs(args.data / "semeval2022-task8" / "training_set.csv")
    random.Random(args.seed).shuffle(articles)
    same = sum(p["same"] for p in pairs)
    print(f"{len(articles)} articles, {len(pairs)} cross-language pairs ({same} same story), "
          f"arrival shuffled with seed {args.seed}")
    results = []
    if not args.skip_batch:
        started = time.process_time()
        batch = {a: s.id for s in group(articles) for a in s.articles}
        results.append(("batch group() (anchor)", batch, time.process_time() - started))
    results.append(("stream, languages unknown", *stream(articles, languages=False)))
    for threshold in [float(t) for t in args.thresholds.split(",") if t] or [None]:
        name = "stream, languages known" + ("" if threshold is None else f" t={threshold}")
        results.append((name, *stream(articles, languages=True, threshold=threshold)))
    even = [p for p in pairs if not p["odd"]]
    odd = [p for p in pairs if p["odd"]]
    for name, story_of, seconds in results:
        sizes = Counter(story_of.values())
        print(f"{name:<34} even rows: {scores(story_of, even)}  odd rows: "
              f"{scores(story_of, odd)}  all: {scores(story_of, pairs)}  stories {len(sizes)}, "
              f"largest {max(sizes.values())}, {sum(n for n in sizes.values() if n > 2)} "
              f"articles in stories of 3+"
              f"  {1000 * seconds / len(articles):.0f} ms CPU an article")


if __name__ == "__main__":
    main()
