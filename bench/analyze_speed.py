"""Time manyi's pipeline on N real reviews and compare with the naive jieba + snownlp loop.

    python bench/analyze_speed.py                   # 100,000 comments, jobs 1 and 2
    python bench/analyze_speed.py -n 20000 --jobs 2 --segmenter rjieba

Comments are drawn from ../shared/data/sentiment/ (real reviews, repeated with a numbered
suffix to reach N so no two are identical). Prints comments/s, characters/s and peak RSS
(of this process and its workers).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"


def build_corpus(n: int) -> pd.DataFrame:
    frames = [pd.read_csv(DATA / "online_shopping_10_cats.csv")["review"],
              pd.read_csv(DATA / "ChnSentiCorp_htl_all.csv")["review"]]
    reviews = pd.concat(frames).dropna().astype(str).tolist()
    texts = [reviews[i % len(reviews)] + ("" if i < len(reviews) else f" #{i // len(reviews)}")
             for i in range(n)]
    return pd.DataFrame({"review": texts})


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def time_manyi(frame: pd.DataFrame, jobs: int, segmenter: str) -> float:
    import manyi

    start = time.perf_counter()
    manyi.analyze(frame, text_col="review", jobs=jobs, segmenter=segmenter, progress=False)
    return time.perf_counter() - start


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
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        sys.exit(0)
    frame = build_corpus(args.n)
    chars = int(frame["review"].str.len().sum())
    rows = []
    for jobs in args.jobs:
        seconds = time_manyi(frame, jobs, args.segmenter)
        rows.append((f"manyi analyze (jobs={jobs}, {args.segmenter})", args.n, seconds,
                     args.n / seconds, chars / seconds, peak_rss_mb()))
    naive = frame["review"].head(args.naive).tolist()
    seconds = time_naive(naive)
    rows.append(("naive jieba.lcut + SnowNLP loop", len(naive), seconds, len(naive) / seconds,
                 sum(map(len, naive)) / seconds, peak_rss_mb()))
    table = pd.DataFrame(rows, columns=["run", "comments", "seconds", "comments/s", "chars/s",
                                        "peak RSS MB"])
    print(f"mean length {chars / args.n:.0f} characters")
    print(table.to_string(index=False, float_format=lambda v: f"{v:,.1f}"))


if __name__ == "__main__":
    main()
