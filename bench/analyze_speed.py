"""Time manyi's pipeline on N real reviews and compare with the naive jieba + snownlp loop.

    python bench/analyze_speed.py                   # 100,000 comments, jobs 1 and 2
    python bench/analyze_speed.py -n 20000 --jobs 2 --segmenter jieba
    python bench/analyze_speed.py -n 20000 --jobs 0 1   # 0: jobs left at its default
    python bench/analyze_speed.py --max-chars 40        # short reviews (mean about 26 characters)

Comments are drawn from ../shared/data/sentiment/ (real reviews, repeated with a numbered
suffix to reach N so no two are identical). Prints comments/s, characters/s and peak RSS
(of this process and its workers), then the CPU time of each stage in one process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"


def real_reviews(max_chars: int | None = None) -> list[str]:
    """The shared set's real reviews (only those of at most ``max_chars`` characters when
    given)."""
    frames = [pd.read_csv(DATA / "online_shopping_10_cats.csv")["review"],
              pd.read_csv(DATA / "ChnSentiCorp_htl_all.csv")["review"]]
    reviews = pd.concat(frames).dropna().astype(str)
    if max_chars is not None:
        reviews = reviews[reviews.str.len() <= max_chars]
    return reviews.tolist()


def numbered(reviews: list[str], i: int) -> str:
    """The ``i``-th comment of a dump of ``reviews`` repeated, a repeat's number appended so
    that no two are identical."""
    return reviews[i % len(reviews)] + ("" if i < len(reviews) else f" #{i // len(reviews)}")


def build_corpus(n: int, max_chars: int | None = None) -> pd.DataFrame:
    """N real reviews (only those of at most ``max_chars`` characters when given)."""
    reviews = real_reviews(max_chars)
    return pd.DataFrame({"review": [numbered(reviews, i) for i in range(n)]})


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def time_manyi(frame: pd.DataFrame, jobs: int, segmenter: str) -> float:
    """Seconds of manyi.analyze; ``jobs`` 0: not passed (the default, all cores)."""
    import manyi

    options = {"jobs": jobs} if jobs else {}
    start = time.perf_counter()
    manyi.analyze(frame, text_col="review", segmenter=segmenter, progress=False, **options)
    return time.perf_counter() - start


def time_stages(texts: list[str], segmenter: str) -> pd.DataFrame:
    """CPU seconds per stage in one process (after loading), the stages of Annotator.annotate
    run one by one, then the output files written."""
    from manyi.annotate.sentiment import model as sentiment
    from manyi.io.write import csv_bytes
    from manyi.pipeline import Annotator, Settings, _gc_paused

    annotator = Annotator(Settings(segmenter=segmenter))
    ids = [f"c{i}" for i in range(len(texts))]
    annotator.annotate(ids, texts)  # token caches warm for every stage alike
    clock, seconds = time.process_time, {}

    def stage(name, work):
        with _gc_paused():  # as Annotator.annotate runs them
            start = clock()
            value = work()
            seconds[name] = clock() - start
        return value

    prepared = stage("normalise", lambda: [annotator.prepare(t)[0] for t in texts])
    tokens = stage("segment", lambda: [annotator.segmenter.cut(t) for t in prepared])
    stage("sentiment (comments)",
          lambda: sentiment.score_frame(prepared, tokens, model=annotator.model))
    stage("factor extraction",
          lambda: [annotator.extractor.analyse(t, k) for t, k in zip(prepared, tokens)])
    annotations, mentions = stage("whole annotate", lambda: annotator.annotate(ids, texts))
    comments = pd.concat([pd.DataFrame({"comment_id": ids}), annotations], axis=1)
    stage("write CSV", lambda: (csv_bytes(comments), csv_bytes(mentions)))
    parts = sum(v for k, v in seconds.items() if k not in ("whole annotate", "write CSV"))
    seconds["mention scoring and tables"] = seconds.pop("whole annotate") - parts
    seconds["write CSV"] = seconds.pop("write CSV")
    table = pd.DataFrame({"stage": list(seconds), "CPU s": list(seconds.values())})
    table["µs/comment"] = table["CPU s"] * 1e6 / len(texts)
    table["comments/s"] = len(texts) / table["CPU s"]
    table["share"] = table["CPU s"] / table["CPU s"].sum()
    return table


def time_naive(texts: list[str]) -> float:
    import jieba
    from snownlp import SnowNLP

    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
        if text.strip():
            _ = SnowNLP(text).sentiments
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--segmenter", default="rjieba")
    parser.add_argument("--naive", type=int, default=500, help="comments for the naive loop")
    parser.add_argument("--stages", type=int, default=20_000, help="comments for the stage table")
    parser.add_argument("--max-chars", type=int, default=None,
                        help="only reviews of at most this many characters (short reviews: 40)")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        sys.exit(0)
    frame = build_corpus(args.n, args.max_chars)
    chars = int(frame["review"].str.len().sum())
    rows = []
    for jobs in args.jobs:
        seconds = time_manyi(frame, jobs, args.segmenter)
        label = f"manyi analyze (jobs={jobs or 'default'}, {args.segmenter})"
        rows.append((label, args.n, seconds,
                     args.n / seconds, chars / seconds, peak_rss_mb()))
    naive = frame["review"].head(args.naive).tolist()
    seconds = time_naive(naive)
    rows.append(("naive jieba.lcut + SnowNLP loop", len(naive), seconds, len(naive) / seconds,
                 sum(map(len, naive)) / seconds, peak_rss_mb()))
    table = pd.DataFrame(rows, columns=["run", "comments", "seconds", "comments/s", "chars/s",
                                        "peak RSS MB"])
    print(f"mean length {chars / args.n:.0f} characters")
    print(table.to_string(index=False, float_format=lambda v: f"{v:,.1f}"))
    if args.stages <= 0:  # --stages 0: no stage table
        return
    sample = frame["review"].sample(min(args.stages, len(frame)), random_state=0).tolist()
    print(f"\nstages, one process, {len(sample):,} comments drawn at random "
          f"(mean {sum(map(len, sample)) / len(sample):.0f} characters; CPU time):")
    print(time_stages(sample, args.segmenter).to_string(
        index=False, float_format=lambda v: f"{v:,.2f}"))


if __name__ == "__main__":
    main()
