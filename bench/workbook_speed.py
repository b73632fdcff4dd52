"""Time and size of the Excel workbook of N comments (``report.write_excel``).

The comments are the bundled e-commerce sample analysed once, repeated to N rows with fresh
ids (so every column type of a real dump is there: ids, ratings, dates, text, groups).
Prints a table of the median of ``--runs`` runs.

    python bench/workbook_speed.py -n 120000 --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

import manyi
from manyi.report.render import write_excel

SAMPLE = Path(__file__).resolve().parents[1] / "corpus_samples" / "ecommerce_reviews.csv"


def scaled_result(n: int):
    """The analysed sample, its comments and mentions repeated to ``n`` comments."""
    result = manyi.analyze(str(SAMPLE), id_col="评论ID", progress=False)
    copies = -(-n // len(result.comments))
    comments, mentions = [], []
    for k in range(copies):
        ids = {cid: f"{cid}-{k}" for cid in result.comments["comment_id"]}
        comments.append(result.comments.assign(comment_id=result.comments["comment_id"].map(ids),
                                               评论ID=result.comments["comment_id"].map(ids)))
        mentions.append(result.mentions.assign(comment_id=result.mentions["comment_id"].map(ids)))
    result.comments = pd.concat(comments, ignore_index=True).iloc[:n]
    kept = set(result.comments["comment_id"])
    result.mentions = pd.concat(mentions, ignore_index=True)
    result.mentions = result.mentions[result.mentions["comment_id"].isin(kept)]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=120_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result = scaled_result(args.n)
    for name in ("drivers", "index", "ipa"):  # computed once, outside the timing
        getattr(result, name, None)
    seconds, sizes = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            path = Path(folder) / f"r{run}.xlsx"
            start = time.perf_counter()
            write_excel(result, path)
            seconds.append(time.perf_counter() - start)
            sizes.append(path.stat().st_size / 2**20)
    print(f"| comments | mentions | write_excel s (median of {args.runs}) | size MiB |")
    print("|---|---|---|---|")
    print(f"| {len(result.comments):,} | {len(result.mentions):,} | "
          f"{statistics.median(seconds):.1f} | {statistics.median(sizes):.1f} |")


if __name__ == "__main__":
    main()
