"""CPU time per comment of factor extraction and of ``manyi.analyze(..., jobs=1)``.

    python bench/extraction_speed.py                  # 20,000 reviews, 3 runs each
    python bench/extraction_speed.py -n 20000 --runs 5
    PYTHONPATH=/path/to/other/checkout/src python bench/extraction_speed.py   # compare

Reviews are drawn (seed 0) from ../shared/data/sentiment/online_shopping_10_cats.csv.
CPU time (``time.process_time``), not wall time: the machines are shared and noisy. Prints
the median and every run, in µs per comment (例: extraction 45 µs, analyze 140 µs).
Extraction: ``FactorExtractor.analyse`` on normalised text and tokens given, caches warm.
To compare two checkouts, run each a few times, alternating, in the same session.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = DATA / "online_shopping_10_cats.csv"
    if not source.is_file():
        print(f"skipped: {source} not found")
        sys.exit(0)
    import manyi
    from manyi.pipeline import Annotator, Settings

    frame = pd.read_csv(source)[["review"]].dropna()
    frame = frame.sample(min(args.n, len(frame)), random_state=0).reset_index(drop=True)
    texts = frame["review"].astype(str).tolist()
    annotator = Annotator(Settings())
    prepared = [annotator.prepare(t)[0] for t in texts]
    tokens = [annotator.segmenter.cut(t) for t in prepared]
    extractor = annotator.extractor

    def extract() -> None:
        for text, words in zip(prepared, tokens):
            extractor.analyse(text, words)

    def analyze() -> None:
        manyi.analyze(frame, text_col="review", jobs=1, progress=False)

    extract()  # caches warm
    manyi.analyze(frame.head(500), text_col="review", jobs=1, progress=False)  # models loaded
    rows = []
    for name, work in (("factor extraction", extract), ("manyi.analyze(jobs=1)", analyze)):
        runs = []
        for _ in range(args.runs):
            start = time.process_time()
            work()
            runs.append((time.process_time() - start) * 1e6 / len(texts))
        rows.append((name, statistics.median(runs), " ".join(f"{r:.1f}" for r in runs)))
    table = pd.DataFrame(rows, columns=["stage", "CPU µs/comment (median)", "runs"])
    print(f"{len(texts):,} comments, manyi from {Path(manyi.__file__).parent}")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.1f}"))


if __name__ == "__main__":
    main()
