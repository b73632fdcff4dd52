"""Machine instructions of the factor extractor per comment (valgrind's callgrind), warm.

    python bench/extraction_instructions.py [-n 3000] [--max-chars 40]
    PYTHONPATH=/path/to/other/checkout/src python bench/extraction_instructions.py  # compare
    python bench/extraction_instructions.py -n 6000 --max-chars 40 --annotate [--repeats 0.25]
    python bench/extraction_instructions.py -n 6000 --max-chars 40 --piece
    python bench/extraction_instructions.py -n 3000 --max-chars 40 --texts 很好 好评 不错

A count, not a time: it does not move with the load of a shared machine, so two checkouts
compare to the instruction (wall-clock and CPU figures move by 10–20 % there). Writes N real
reviews as ``bench/stream_memory.py`` does, starts a run as ``manyi analyze`` does, extracts
every comment once (caches warm), then counts the instructions of a second pass of
``FactorExtractor.analyse`` alone. Needs ``valgrind`` (skipped without it); about two minutes
for 3,000 short reviews.

``--annotate``: count ``Annotator.annotate`` of the rows instead (normalise, segment,
extract, sentiment, the tables), its memo of short comments emptied after the warm pass.
``--piece``: the rows as one worker's piece, warm (``manyi.stream._render_piece``), and its
counts alone (``stream._Totals.of``), each counted apart.
``--texts T …``: the instructions of one extraction of each text alone (500 extractions of
it counted, warm; the run started on the same N reviews): what a comment pays before it has
anything to read.
``--repeats SHARE``: that share of the rows (seeded) is a real review of at most 8
characters drawn again, the k-th most drawn with weight 1/k: an illustration of a dump that
repeats its short comments (好评, 很好吃); the benches' own dumps hold each review once.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stream_memory import corpus_dump  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3_000)
    parser.add_argument("--max-chars", type=int, default=None)
    parser.add_argument("--annotate", action="store_true")
    parser.add_argument("--piece", action="store_true")
    parser.add_argument("--repeats", type=float, default=0.0)
    parser.add_argument("--texts", nargs="+", default=None)
    parser.add_argument("--inner", help=argparse.SUPPRESS)  # the counted process's corpus
    args = parser.parse_args()
    if args.inner and args.texts:
        return texts_alone(Path(args.inner), args.texts)
    if args.inner:
        return (piece_twice if args.piece else annotate_twice if args.annotate
                else extract_twice)(Path(args.inner))
    if shutil.which("valgrind") is None:
        print("skipped: valgrind not found")
        return
    with corpus_dump(args.n, args.max_chars) as found, tempfile.TemporaryDirectory() as tmp:
        if found is None:
            return
        if args.repeats:
            repeat_short(found[0], args.repeats)
        out = Path(tmp) / "callgrind.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no",
                               f"--callgrind-out-file={out}", sys.executable, __file__,
                               "--inner", str(found[0]),
                               *(["--annotate"] if args.annotate else []),
                               *(["--piece"] if args.piece else []),
                               *(["--texts", *args.texts] if args.texts else [])],
                              capture_output=True, text=True)
        counted = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode or counted is None:
            sys.exit(done.stderr[-2000:])
        parts = {}
        for dump in sorted(Path(tmp).glob("callgrind.out.*")):  # --piece: one per stage
            text = dump.read_text()
            parts[re.search(r"^desc: Trigger: dump (\S+)", text, re.M).group(1)] = int(
                re.search(r"^totals: (\d+)", text, re.M).group(1))
    if args.texts:
        for name, total in parts.items():
            print(f"{args.texts[int(name[4:])]} {total / ALONE:,.0f} instructions an extraction")
        return
    for name, total in parts.items() or [("instructions", int(counted.group(1)))]:
        print(f"{name} {total:,} ({total / args.n:,.0f} a comment, {args.n:,} comments)")


def repeat_short(source: Path, share: float, seed: int = 24) -> None:
    """Rewrite ``source`` with ``share`` of its rows a real review of at most 8 characters
    drawn again (weights 1/k, seeded); prints the rows that repeat a text."""
    import random

    import pandas as pd
    from analyze_speed import real_reviews

    rng = random.Random(seed)
    tiny = sorted(set(real_reviews(8)))
    rng.shuffle(tiny)
    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    texts = frame["评论内容"].tolist()
    drawn = rng.choices(tiny, [1 / (k + 1) for k in range(len(tiny))], k=len(texts))
    frame["评论内容"] = [d if rng.random() < share else t for t, d in zip(texts, drawn)]
    frame.to_csv(source, index=False)
    print(f"{len(frame) - frame['评论内容'].nunique():,} rows repeat a text")


def annotate_twice(source: Path) -> None:
    """Annotate every row of ``source`` twice, instructions counted in the second pass (the
    annotator's memo of short comments emptied between them)."""
    from manyi import chain

    run = chain.start(str(source), id_col="评论ID", chunk_rows=100_000)
    frame = next(run.frames)
    annotator = run.annotator
    ids, texts = frame["comment_id"].tolist(), frame[run.meta.text_col].tolist()
    annotator.annotate(ids, texts)  # caches warm
    getattr(annotator, "_memo", {}).clear()  # (older checkouts: none)
    toggle = ["callgrind_control", "-i"]
    subprocess.run([*toggle, "on", str(os.getpid())], capture_output=True, check=True)
    annotator.annotate(ids, texts)
    subprocess.run([*toggle, "off", str(os.getpid())], capture_output=True, check=True)


def piece_twice(source: Path) -> None:
    """Render every row of ``source`` as one worker's piece twice, then count the second:
    its counts (``stream._Totals.of``) and the whole piece, each in a dump of its own."""
    import pandas as pd

    from manyi import chain, stream

    run = chain.start(str(source), id_col="评论ID", chunk_rows=100_000)
    frame = next(run.frames)
    annotator, column = run.annotator, run.meta.text_col
    stream._render_piece(run.settings, column, frame, 0)  # caches warm
    forget = getattr(annotator, "_memo", {}).clear  # (older checkouts: none)
    forget()
    rows, annotations, mentions = annotator.annotate_piece(frame, column, 0)
    comments = pd.concat([rows, annotations], axis=1)
    forget()
    pid = str(os.getpid())
    for name, work in (("counts", lambda: stream._Totals.of(comments, mentions)),
                       ("piece", lambda: stream._render_piece(run.settings, column, frame, 0))):
        subprocess.run(["callgrind_control", "-z", pid], capture_output=True, check=True)
        subprocess.run(["callgrind_control", "-i", "on", pid], capture_output=True, check=True)
        work()
        subprocess.run(["callgrind_control", "-i", "off", pid], capture_output=True, check=True)
        subprocess.run(["callgrind_control", "-d", name, pid], capture_output=True, check=True)


ALONE = 500  # extractions of each text counted (--texts)


def texts_alone(source: Path, texts: list[str]) -> None:
    """Count :data:`ALONE` extractions of each of ``texts`` (normalised and cut as a run
    does, warm), each text in a dump of its own."""
    from manyi import chain

    run = chain.start(str(source), id_col="评论ID", chunk_rows=100_000)
    annotator = run.annotator
    extractor, pid = annotator.extractor, str(os.getpid())
    for k, text in enumerate(annotator.prepare_all(texts)[0]):
        words = annotator.segmenter.cut(text)
        for _ in range(3):  # caches warm
            extractor.analyse(text, words)
        subprocess.run(["callgrind_control", "-z", pid], capture_output=True, check=True)
        subprocess.run(["callgrind_control", "-i", "on", pid], capture_output=True, check=True)
        for _ in range(ALONE):
            extractor.analyse(text, words)
        subprocess.run(["callgrind_control", "-i", "off", pid], capture_output=True, check=True)
        subprocess.run(["callgrind_control", "-d", f"text{k}", pid], capture_output=True,
                       check=True)


def extract_twice(source: Path) -> None:
    """Extract every comment of ``source`` twice, instructions counted in the second pass."""
    from manyi import chain
    from manyi.annotate.annotator import ANALYSABLE_FLAGS

    run = chain.start(str(source), id_col="评论ID", chunk_rows=100_000)
    frame = next(run.frames)
    annotator = run.annotator
    texts, flags = annotator.prepare_all(frame[run.meta.text_col].tolist())
    heads = [t for t, f in zip(texts, flags) if f in ANALYSABLE_FLAGS]
    tokens = [annotator.segmenter.cut(h) for h in heads]
    extractor = annotator.extractor
    for text, words in zip(heads, tokens):  # caches warm
        extractor.analyse(text, words)
    toggle = ["callgrind_control", "-i"]
    subprocess.run([*toggle, "on", str(os.getpid())], capture_output=True, check=True)
    for text, words in zip(heads, tokens):
        extractor.analyse(text, words)
    subprocess.run([*toggle, "off", str(os.getpid())], capture_output=True, check=True)


if __name__ == "__main__":
    main()
