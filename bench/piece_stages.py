"""CPU µs a comment of each stage of a worker's piece, timed apart (warm, best of N).

    python bench/piece_stages.py [-n 20000] [--max-chars 40] [--piece 10000] [--runs 3]
    PYTHONPATH=/path/to/other/checkout/src python bench/piece_stages.py   # compare

Writes N real reviews as ``bench/stream_memory.py`` does (``--max-chars 40``: short ones),
starts a run as ``manyi analyze`` does (``manyi.chain.start``: the pack, the first pass, the
annotator), renders every ``--piece``-row piece once (caches warm), then times each stage of
the pieces apart: normalise and flag, segment, factor extraction, sentiment of comments and
clauses, the piece's counts (``stream._Totals.of``), its CSV bytes, and a whole piece
(``stream._render_piece``). The mention and comment tables are the annotation less its
stages (a difference: noisy). CPU time (``time.process_time``); the machines are shared.
The annotator's memo of short comments is emptied before each timed annotation: a worker
meets each text of these deduplicated reviews once, not the warm-up's copy again.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stream_memory import corpus_dump  # noqa: E402

STAGES = ("normalise and flag", "segment", "factor extraction", "sentiment", "tables",
          "counts", "CSV bytes", "whole piece")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20_000)
    parser.add_argument("--max-chars", type=int, default=None)
    parser.add_argument("--piece", type=int, default=10_000, help="rows per piece")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with corpus_dump(args.n, args.max_chars) as found:
        if found is None:
            return
        best = time_stages(found[0], args.n, args.piece, args.runs)
    for stage in STAGES:
        print(f"{stage:22s} {best[stage] * 1e6 / args.n:7.1f}")


def time_stages(source: Path, n: int, size: int, runs: int) -> dict[str, float]:
    """Best CPU seconds of each stage over ``runs`` passes of the pieces."""
    from manyi import chain, stream
    from manyi.annotate.annotator import ANALYSABLE_FLAGS, _gc_paused
    from manyi.annotate.sentiment import model as sentiment
    from manyi.io.write import csv_bytes

    run = chain.start(str(source), id_col="评论ID", chunk_rows=n)
    frame = next(run.frames)
    annotator, column = run.annotator, run.meta.text_col
    starts = list(range(0, len(frame), size))
    pieces = [frame.iloc[s:s + size] for s in starts]
    for start, piece in zip(starts, pieces):
        stream._render_piece(run.settings, column, piece, start)  # caches warm
    clock = time.process_time
    memo = getattr(annotator, "_memo", {})  # (older checkouts: none)
    forget = memo.clear

    def prepared(values: list) -> tuple[list[str], list[str]]:
        if hasattr(annotator, "prepare_all"):
            return annotator.prepare_all(values)
        pairs = [annotator.prepare(v) for v in values]  # older checkouts
        return [t for t, _ in pairs], [f for _, f in pairs]

    best: dict[str, float] = {}
    for _ in range(runs):
        seconds = dict.fromkeys(STAGES, 0.0)
        seconds["annotate"] = 0.0
        for start, piece in zip(starts, pieces):
            with _gc_paused():
                values = piece.reset_index(drop=True)[column].tolist()
                mark = clock()
                texts, flags = prepared(values)
                mark = _add(seconds, "normalise and flag", mark)
                heads = [t for t, f in zip(texts, flags) if f in ANALYSABLE_FLAGS]
                mark = clock()
                tokens = [annotator.segmenter.cut(h) for h in heads]
                mark = _add(seconds, "segment", mark)
                found = [annotator.extractor.analyse(h, k) for h, k in zip(heads, tokens)]
                mark = _add(seconds, "factor extraction", mark)
                sentiment.proba_labels(annotator._score(heads, tokens, found)[0])
                mark = _add(seconds, "sentiment", mark)
                forget()
                rows, annotations, mentions = annotator.annotate_piece(piece, column, start)
                mark = _add(seconds, "annotate", mark)
                comments = pd.concat([rows, annotations], axis=1)
                mark = clock()
                stream._Totals.of(comments, mentions.assign(row=mentions["row"] - start))
                mark = _add(seconds, "counts", mark)
                csv_bytes(comments), csv_bytes(mentions)
                _add(seconds, "CSV bytes", mark)
            forget()
            mark = clock()
            stream._render_piece(run.settings, column, piece, start)
            _add(seconds, "whole piece", mark)
        seconds["tables"] = seconds.pop("annotate") - sum(
            seconds[s] for s in ("normalise and flag", "segment", "factor extraction",
                                 "sentiment"))
        for stage, value in seconds.items():
            best[stage] = min(best.get(stage, float("inf")), value)
    return best


def _add(seconds: dict[str, float], stage: str, mark: float) -> float:
    """Add the CPU seconds since ``mark`` to ``stage``; the clock now."""
    now = time.process_time()
    seconds[stage] += now - mark
    return now


if __name__ == "__main__":
    main()
