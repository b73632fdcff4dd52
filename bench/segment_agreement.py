"""Do rjieba's tokens match jieba's with manyi's lexicon words? And how fast is each?

    python bench/segment_agreement.py -n 20000

Prints, for each backend and HMM setting, comments/s and the share of comments whose tokens are
identical to jieba's default (HMM on) and to jieba with HMM off.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from manyi.text.lexicon import Lexicon
from manyi.text.normalize import normalize_text
from manyi.text.segment import Segmenter

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=20_000)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        sys.exit(0)
    reviews = pd.read_csv(DATA / "online_shopping_10_cats.csv")["review"].dropna().astype(str)
    texts = [normalize_text(t) for t in reviews.sample(args.n, random_state=0)]
    lexicon = Lexicon.load()
    runs = {}
    for backend, hmm in (("jieba", True), ("jieba", False), ("rjieba", True), ("rjieba", False)):
        segmenter = Segmenter(lexicon, backend=backend, hmm=hmm)
        start = time.perf_counter()
        runs[(backend, hmm)] = (segmenter.cut_many(texts), time.perf_counter() - start)
    rows = []
    for (backend, hmm), (tokens, seconds) in runs.items():
        same_on = sum(a == b for a, b in zip(tokens, runs[("jieba", True)][0])) / len(texts)
        same_off = sum(a == b for a, b in zip(tokens, runs[("jieba", False)][0])) / len(texts)
        rows.append((backend, hmm, len(texts) / seconds, same_on, same_off))
    table = pd.DataFrame(rows, columns=["backend", "HMM", "comments/s", "= jieba HMM on",
                                        "= jieba HMM off"])
    print(table.to_string(index=False, float_format=lambda v: f"{v:,.3f}"))


if __name__ == "__main__":
    main()
