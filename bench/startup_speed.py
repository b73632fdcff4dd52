"""What `manyi analyze` spends before its workers start, and on a worker's first piece.

    python bench/startup_speed.py [-n 20000] [--runs 3] [--max-chars 40]

Writes a CSV of N real reviews (as ``bench/stream_memory.py`` does), then, in a fresh
process per run (so imports and caches are cold, as in a real run), times in CPU seconds:
the imports, the serial start (``manyi.chain.start``: the first rows read, the ``--domain
auto`` guess, the first pass over the corpus, the annotator with its sentiment model and
look-up tables), and two 5,000-row pieces as a pool worker renders them (the first is what
every forked worker pays once: look-ups it has not made yet). Prints the median of the
runs. Skips with a message without ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stream_memory import corpus_dump  # noqa: E402

ONE_RUN = r"""
import json, sys, time
clock = time.process_time
t0 = clock()
from manyi import chain, stream
from manyi.annotate import prepass
from manyi.text import domains
marks = {"imports": clock() - t0}
def timed(module, name, key):
    inner = getattr(module, name)
    def wrapper(*args, **kwargs):
        started = clock()
        try:
            return inner(*args, **kwargs)
        finally:
            marks[key] = marks.get(key, 0.0) + clock() - started
    setattr(module, name, wrapper)
timed(chain, "resolve_domain", "domain guess")
timed(chain, "learn_aspects", "first pass")
timed(chain.engine, "annotator_for", "annotator")
t1 = clock()
run = chain.start(sys.argv[1], id_col="评论ID", chunk_rows=20_000)
marks["start (all)"] = clock() - t1
frame = next(run.frames)
for key, rows in (("first piece", slice(0, 5000)), ("second piece", slice(5000, 10000))):
    t2 = clock()
    stream._render_piece(run.settings, run.meta.text_col, frame.iloc[rows], rows.start)
    marks[key] = clock() - t2
print(json.dumps(marks))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20_000, help="comments (at least 10,000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-chars", type=int, default=None,
                        help="only reviews of at most this many characters (short: 40)")
    args = parser.parse_args()
    with corpus_dump(max(args.n, 10_000), args.max_chars) as found:
        if found is None:
            return
        source = found[0]
        runs = [json.loads(subprocess.run([sys.executable, "-c", ONE_RUN, str(source)],
                                          check=True, capture_output=True, text=True
                                          ).stdout.splitlines()[-1])
                for _ in range(args.runs)]
    print(f"\nCPU seconds, median of {args.runs} fresh processes "
          f"({max(args.n, 10_000):,} reviews{', short' if args.max_chars else ''})\n")
    print("| step | CPU s |\n|---|---|")
    for key in runs[0]:
        print(f"| {key} | {statistics.median(r[key] for r in runs):.2f} |")


if __name__ == "__main__":
    main()
