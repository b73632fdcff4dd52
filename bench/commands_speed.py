"""Time and peak memory of ``report``, ``drivers``, ``graph`` and ``topics`` with ``--from``,
and of ``lexicon suggest`` on the dump, beside ``manyi analyze`` on the same dump.

    nice python bench/commands_speed.py -n 200000
    nice python bench/commands_speed.py -n 1000000 --commands report topics --runs 1

Builds a CSV of N real reviews from ../shared/data/sentiment/ (as ``bench/stream_memory.py``
does: an id, a star rating and a date column; ``--short`` keeps reviews of at most 40
characters), runs ``manyi analyze`` on it once, then each command on the analysis folder
(``--from DIR``), in a subprocess, sampling the resident memory of the process tree every
0.2 s. Prints a table: command, median seconds of ``--runs`` runs, comments/s, seconds as a
share of analyze's, peak RSS of the tree. Skips with a message without ../shared/data.

``--workdir DIR`` keeps the dump and the analysis in DIR; run again with the same DIR and
N, the analysis (and analyze's time and memory, from DIR/analyze.json) is reused, so one
command can be measured again without analysing a million comments again.

``--repeat K`` measures the commands on a folder of K × N comments made by repeating the
analysis K times (ids suffixed ``_1`` …, mention rows shifted): whether a command's peak
memory grows with the rows, without analysing millions of comments again; its
``× analyze`` column is against K × analyze's time on N (analysis time is linear in rows).

    nice python bench/commands_speed.py -n 1000000 --workdir DIR --repeat 5 --commands drivers
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stream_memory import DATA, run_command, write_corpus  # noqa: E402

COMMANDS = {
    "report": ["report", "--format", "html,xlsx,json"],
    "drivers": ["drivers", "--chart", "none"],
    "graph": ["graph", "--chart", "none"],
    "topics": ["topics", "--chart", "none"],
    # the corpus's discovery (issue #19: over 1,000,000 comments in under 2 minutes), read
    # from the dump itself, not from the analysis
    "suggest": ["lexicon", "suggest", "--domain", "ecommerce"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200_000, help="comments (default 200,000)")
    parser.add_argument("--jobs", type=int, default=None, help="analyze --jobs (default: all)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each command (median)")
    parser.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=list(COMMANDS))
    parser.add_argument("--short", action="store_true", help="reviews of ≤ 40 characters only")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure on the analysis repeated this many times")
    parser.add_argument("--workdir", type=Path,
                        help="keep (and reuse) the dump and its analysis in this folder")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        source, analysed, done = work / "dump.csv", work / "analysed", work / "analyze.json"
        if done.is_file() and json.loads(done.read_text())["n"] == args.n:
            seconds, tree, chars = (json.loads(done.read_text())[k]
                                    for k in ("seconds", "peak", "chars"))
            print(f"analysis reused from {analysed} (analyze's figures of its run)")
        else:
            chars = write_corpus(source, args.n, max_chars=40 if args.short else None)
            jobs = [] if args.jobs is None else ["--jobs", str(args.jobs)]
            seconds, tree, _, code = run_command(
                ["analyze", str(source), "-o", str(analysed), "--id-col", "评论ID", *jobs])
            if code not in (0, 3):
                raise SystemExit(f"manyi analyze failed with exit status {code}")
            done.write_text(json.dumps({"n": args.n, "seconds": seconds, "peak": tree,
                                        "chars": chars}))
        rows = [("analyze", seconds, tree)]
        if args.repeat > 1:
            analysed = repeated(analysed, work / f"analysed_x{args.repeat}", args.n, args.repeat)
            seconds, rows = seconds * args.repeat, [(f"analyze × {args.repeat} (estimate)",
                                                     seconds * args.repeat, tree)]
        for name in args.commands:
            times, peaks = [], []
            for _ in range(args.runs):
                out = work / f"out_{name}"
                given = ["--from", str(analysed)] if name != "suggest" else \
                    [str(source), "--id-col", "评论ID"]
                if name == "suggest" and args.repeat > 1:
                    raise SystemExit("suggest reads the dump: measure it without --repeat")
                took, peak, _, code = run_command([*COMMANDS[name], *given, "-o", str(out)])
                if code not in (0, 3):
                    raise SystemExit(f"manyi {name} failed with exit status {code}")
                times.append(took)
                peaks.append(peak)
            rows.append((name, statistics.median(times), max(peaks)))
        total = args.n * args.repeat
        print(f"\n{total:,} comments, mean {chars / args.n:.0f} characters; median of "
              f"{args.runs} run(s) per command (analyze: one run)\n")
        print("| command | seconds | comments/s | × analyze's time | peak RSS, all processes |")
        print("|---|---|---|---|---|")
        for name, took, peak in rows:
            print(f"| {name} | {took:,.1f} | {total / took:,.0f} | {took / seconds:.2f} | "
                  f"{peak:,.0f} MB |")


def repeated(folder: Path, out: Path, n: int, k: int) -> Path:
    """The analysis folder repeated ``k`` times (kept in ``out``, reused when complete)."""
    if (out / "meta.json").is_file():
        return out
    out.mkdir(parents=True, exist_ok=True)
    csv.field_size_limit(2 ** 31 - 1)
    for name, shift in (("comments.csv", False), ("mentions.csv", True)):
        with open(out / name, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            for copy in range(k):
                with open(folder / name, encoding="utf-8-sig", newline="") as source:
                    reader = csv.reader(source)
                    header = next(reader)
                    if copy == 0:
                        writer.writerow(header)
                    for row in reader:
                        if copy:
                            row[0] = f"{row[0]}_{copy}"
                            if shift:
                                row[1] = str(int(row[1]) + copy * n)
                        writer.writerow(row)
    for name in ("dimensions.csv", "drivers.csv"):
        shutil.copy(folder / name, out / name)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["rows"] = n * k
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2),
                                   encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
