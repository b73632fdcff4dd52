"""Cost of one very long comment without punctuation (issue 23): time and peak memory of
``manyi analyze`` on a one-row dump whose single comment is N MB, each size in a fresh
process, so the peak is that run's alone.

    python bench/long_comment.py                # 1 MB and 10 MB
    python bench/long_comment.py --sizes 1 10 50

A comment with no clause punctuation used to make one clause of the whole text, copied
into every mention (256 KB: 128 s and a 5.7 GB mentions.csv). Clauses are now cut at
``segment.MAX_CLAUSE_CHARS``; the table shows seconds per MB staying flat (linear cost).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

RUN = r"""
import json, resource, sys, time
from pathlib import Path
from click.testing import CliRunner
from manyi.cli.commands import main
source, out = Path(sys.argv[1]), sys.argv[2]
started = time.perf_counter()
run = CliRunner().invoke(main, ["analyze", str(source), "-o", out, "--quiet"])
seconds = time.perf_counter() - started
mentions = Path(out, "mentions.csv")
print(json.dumps({"exit": run.exit_code, "seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "mentions_mb": mentions.stat().st_size / 2**20 if mentions.exists() else None}))
"""
UNIT = "物流很快质量很好"  # 24 bytes in UTF-8, no punctuation


def measure(megabytes: float, folder: Path) -> dict:
    source = folder / f"long_{megabytes:g}mb.txt"
    text = UNIT * int(megabytes * 2**20 / len(UNIT.encode()))
    source.write_text(text + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", RUN, str(source), str(folder / "out")],
                          capture_output=True, text=True, timeout=3600)
    if done.returncode:
        return {"exit": done.returncode, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10])
    args = parser.parse_args()
    print(f"{'comment':>9}{'exit':>6}{'seconds':>9}{'s/MB':>7}{'peak MB':>9}"
          f"{'mentions.csv MB':>17}")
    with tempfile.TemporaryDirectory(prefix="manyi-long-") as tmp:
        for size in args.sizes:
            row = measure(size, Path(tmp))
            if "error" in row:
                print(f"{size:>7g}MB{row['exit']:>6}  {row['error']}")
                continue
            print(f"{size:>7g}MB{row['exit']:>6}{row['seconds']:>9.1f}{row['seconds'] / size:>7.1f}"
                  f"{row['peak_mb']:>9.0f}{row['mentions_mb']:>17.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
