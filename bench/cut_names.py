"""Missed gold terms that are names the segmenter cuts: runs of adjacent tokens, and whether
the run recurs in its industry's sentences (what a corpus-level join could reach).

    python bench/aspects_eval.py --misses 5000 --seed 1 > /tmp/misses.txt
    python bench/cut_names.py /tmp/misses.txt                  # restaurant and mooc
    python bench/cut_names.py /tmp/misses.txt --sets camera phone --examples 10

Each missed gold term (normalised as the comment) is looked for in its sentence's tokens (the
pack's segmenter, no corpus words learned): one token; a run of 2 or 3 adjacent tokens —
"recurring" when the same run of tokens is in at least two of the industry's sentences (the
1,500 aspects_eval reads, the miss's own included), "once" otherwise; or no run of tokens at
all (the gold term's edges fall inside a token).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from aspects_eval import DATA, INDUSTRIES, load_sets  # noqa: E402

from manyi.text.lexicon import Lexicon  # noqa: E402
from manyi.text.normalize import normalize_text  # noqa: E402
from manyi.text.segment import Segmenter  # noqa: E402

MAX_RUN = 3


def kind_of_miss(term: str, tokens: list[str], recurs: Counter) -> tuple[str, tuple]:
    """What a missed gold term is in its sentence's tokens (see the module text).

    >>> kind_of_miss("提拉米苏", ["提拉", "米苏", "好吃"], Counter({("提拉", "米苏"): 2}))
    ('run of 2, recurring', ('提拉', '米苏'))
    """
    for n in range(1, MAX_RUN + 1):
        for i in range(len(tokens) - n + 1):
            if "".join(tokens[i:i + n]) == term:
                run = tuple(tokens[i:i + n])
                if n == 1:
                    return "one token", run
                return f"run of {n}, {'recurring' if recurs[run] >= 2 else 'once'}", run
    return "no run of tokens", ()


def runs_in(comments: list[list[str]]) -> Counter:
    """In how many comments each run of 2 to :data:`MAX_RUN` tokens is."""
    found: Counter = Counter()
    for tokens in comments:
        found.update({tuple(tokens[i:i + n]) for n in range(2, MAX_RUN + 1)
                      for i in range(len(tokens) - n + 1)})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("misses", type=Path, help="aspects_eval.py --misses output")
    parser.add_argument("--sets", nargs="+", default=["restaurant", "mooc"])
    parser.add_argument("--examples", type=int, default=0, help="runs to print per kind")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return
    text = args.misses.read_text(encoding="utf-8")
    sets = load_sets(1500)  # the sentences aspects_eval reads by default
    for name in args.sets:
        block = text.split(f"## {name}:")[1].split("\n## ")[0]
        rows = re.findall(r"^\[(.*?)\] (.*)$", block, re.M)
        segmenter = Segmenter(Lexicon.load(INDUSTRIES[name]))
        recurs = runs_in([segmenter.cut(normalize_text(s)) for s, _ in sets[name]])
        kinds: Counter = Counter()
        examples: dict[str, list[str]] = {}
        for term, sentence in rows:
            kind, run = kind_of_miss(term, segmenter.cut(normalize_text(sentence)), recurs)
            kinds[kind] += 1
            examples.setdefault(kind, []).append(" ".join(run) or term)
        print(f"{name}: {len(rows)} misses; " + ", ".join(
            f"{k} {n}" for k, n in sorted(kinds.items())))
        for kind, found in sorted(examples.items()) if args.examples else ():
            print(f"  {kind}: {'、'.join(found[:args.examples])}")


if __name__ == "__main__":
    main()
