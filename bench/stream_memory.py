"""Peak memory and speed of ``manyi analyze`` streaming a large dump, end to end.

    python bench/stream_memory.py                     # 5,000,000 comments, --jobs 2
    python bench/stream_memory.py -n 1000000 --jobs 1 --segmenter rjieba
    python bench/stream_memory.py -n 200000 --jobs 0 --max-chars 40 --naive 300
        # short reviews, manyi analyze with its defaults, and the naive loop in the same run

Builds a CSV of N real reviews from ../shared/data/sentiment/ (repeated with a numbered
suffix and an id, a star rating and a date column, as a dump from a shop would have), runs
the CLI on it in a subprocess and samples the resident memory of the whole process tree
(the CLI and its worker processes) every 0.2 s. Prints a table: rows, seconds, comments/s,
characters/s, peak RSS of the tree and of the largest single process, output sizes; with
``--naive N``, also the jieba + snownlp loop over the first N of the same reviews and the ratio.
Skips with a message without ../shared/data.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil
from analyze_speed import numbered, real_reviews, time_naive  # bench/, beside this script

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"


@contextlib.contextmanager
def corpus_dump(n: int, max_chars: int | None = None):
    """A temporary CSV of ``n`` real reviews (:func:`write_corpus`) in a folder of its own:
    (its path, the characters written), or None — having said so — without the shared data."""
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        yield None
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "dump.csv"
        yield source, write_corpus(source, n, max_chars)


def write_corpus(path: Path, n: int, max_chars: int | None = None) -> int:
    """N reviews as 评论ID,评分,评论时间,评论内容 (only reviews of at most ``max_chars``
    characters when given); returns the characters of text written."""
    reviews = real_reviews(max_chars)
    chars = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["评论ID", "评分", "评论时间", "评论内容"])
        for i in range(n):
            text = numbered(reviews, i)
            chars += len(text)
            writer.writerow([f"c{i}", 1 + i % 5, f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", text])
    return chars


def run(path: Path, out: Path, jobs: int, segmenter: str) -> tuple[float, float, float, int]:
    """Seconds, peak RSS of the process tree and of its largest process (MB), exit code;
    ``jobs`` 0: not passed (the default, all cores)."""
    return run_command(["analyze", str(path), "-o", str(out), *(["--jobs", str(jobs)] if jobs
                                                                  else []),
                        "--segmenter", segmenter, "--id-col", "评论ID"])


def run_command(arguments: list[str]) -> tuple[float, float, float, int]:
    """``manyi ARGUMENTS --quiet`` in a subprocess: seconds, peak RSS of the process tree and
    of its largest process (MB), exit code."""
    command = [sys.executable, "-m", "manyi", *arguments, "--quiet"]
    start = time.perf_counter()
    process = psutil.Popen(command)
    peak_tree = peak_one = 0.0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            sizes = [p.memory_info().rss for p in tree]
        except psutil.Error:
            continue
        peak_tree = max(peak_tree, sum(sizes) / 2**20)
        peak_one = max(peak_one, max(sizes) / 2**20)
        time.sleep(0.2)
    return time.perf_counter() - start, peak_tree, peak_one, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5_000_000, help="comments (default 5,000,000)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--segmenter", default="rjieba", choices=["jieba", "rjieba"])
    parser.add_argument("--max-chars", type=int, default=None,
                        help="only reviews of at most this many characters (short reviews: 40)")
    parser.add_argument("--naive", type=int, default=0, metavar="N",
                        help="also time the jieba + snownlp loop on the first N reviews")
    args = parser.parse_args()
    with corpus_dump(args.n, args.max_chars) as found:
        if found is None:
            return
        source, chars = found
        seconds, tree, one, code = run(source, source.parent / "out", args.jobs,
                                       args.segmenter)
        if code not in (0, 3):
            raise SystemExit(f"manyi analyze failed with exit status {code}")
        sizes = {p.name: p.stat().st_size / 2**20 for p in (source.parent / "out").iterdir()}
        print(f"\n| comments | input MB | jobs | segmenter | seconds | comments/s | chars/s "
              f"| peak RSS, all processes | peak RSS, largest process |\n|{'---|' * 9}")
        print(f"| {args.n:,} | {source.stat().st_size / 2**20:,.0f} | {args.jobs or 'default'} | "
              f"{args.segmenter} | {seconds:,.0f} | {args.n / seconds:,.0f} | "
              f"{chars / seconds:,.0f} | {tree:,.0f} MB | {one:,.0f} MB |")
        print("\noutput: " + ", ".join(f"{name} {mb:,.0f} MB" for name, mb in sorted(
            sizes.items())))
        if args.naive:
            texts = pd.read_csv(source, nrows=args.naive)["评论内容"].astype(str).tolist()
            rate = len(texts) / time_naive(texts)  # the loop of bench/analyze_speed.py
            print(f"\nnaive jieba.lcut + SnowNLP loop, same run, {len(texts):,} of these "
                  f"reviews: {rate:,.0f} comments/s; manyi analyze: "
                  f"{args.n / seconds / rate:,.0f}×")



if __name__ == "__main__":
    main()
