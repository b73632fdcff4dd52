"""Fuzz the normaliser, the segmenter, clause splitting, the decoder and every reader.

    python bench/fuzz.py                 # 2,000 inputs per target (about a minute)
    python bench/fuzz.py -n 20000 --seed 7
    python bench/fuzz.py --only accounting -n 25000   # 100,000 dumps: CSV, TSV, JSONL, xlsx
    python bench/fuzz.py --only accounting --formats tsv -n 30000 --seed 1

The accounting targets write dumps of known rows (ids r0, r1, …; texts with quotes, CR,
NUL, zero-width and formula characters), some with hostile lines mixed in (raw quotes in
TSV, a stray quote in CSV, null/string/array lines in JSON lines, title rows and formulas
without saved values in xlsx), read them, and check that no row is lost: every id comes out
as a row or is named in a reject, and rows out + rejected rows = rows in.

Inputs come from hypothesis: arbitrary Unicode (emoji, mixed scripts, control characters,
NUL), arbitrary bytes, and byte-level mutations (flips, cuts, inserted quotes, delimiters,
newlines, GBK and BOM bytes) of the sample dumps. A failure is any exception other than the
reader's own one-line ``InputError``, or a broken invariant. Prints one row per target:
inputs tried, failures, and the first failing input.
"""

from __future__ import annotations

import argparse
import functools
import io
import sys
import tempfile
import time
import traceback
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from manyi.errors import InputError
from manyi.io.delimited import CELL_BREAK
from manyi.io.read import decode_bytes, read_comments
from manyi.io.write import write_csv
from manyi.text.lexicon import Lexicon
from manyi.text.normalize import normalize_text
from manyi.text.segment import Segmenter, split_clauses

SAMPLES = Path(__file__).resolve().parents[1] / "corpus_samples"
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200) | st.sampled_from(
    ["", " ", "\x00", "\r\n", "👍🏻👨‍👩‍👧", "物流很快，但是包装破了！！！", "質量ＯＫ 13812345678",
     "=cmd|' /C calc'!A0", "\ufeff", "\u202e反转", "a" * 5000])
SUFFIXES = [".csv", ".tsv", ".jsonl", ".json", ".txt", ".xlsx", ".parquet"]


@functools.lru_cache(maxsize=1)
def _seeds() -> list[bytes]:
    found = [p.read_bytes() if p.suffix == ".xlsx" else p.read_bytes()[:3000]
             for p in sorted(SAMPLES.iterdir()) if p.suffix != ".md"]
    buffer = io.BytesIO()
    pd.DataFrame({"评论内容": ["好", "差", None]}).to_parquet(buffer)
    found.append(buffer.getvalue())
    return found + [b'id,text\n1,"a\n2,b,c\n', '{"text": "好"}\n{bad\n'.encode(),
                    "评论\n好\n".encode("gbk"), b"\xef\xbb\xbf\xff\xfe\x00,\r\r\n\""]


SPLICE = st.sampled_from([b'"', b",", b"\t", b";", b"\n", b"\r", b"\x00", b"\xff",
                          "好".encode("gbk"), "好".encode(), b"\xef\xbb\xbf", b"{", b"}",
                          b"[" * 50, b"PK\x03\x04"])


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(_seeds())))
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[where:where + draw(st.integers(1, 40))]
        elif action == "insert":
            data[where:where] = draw(SPLICE)
        else:
            del data[where:]
    return bytes(data)


class Target:
    def __init__(self, name: str) -> None:
        self.name, self.tried, self.failures, self.example = name, 0, 0, ""
        self.outcomes: dict[str, int] = {}

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def record(self, value, error: BaseException) -> None:
        self.failures += 1
        if not self.example:
            self.example = f"{value!r:.120} -> {type(error).__name__}: {error}"[:300]
            traceback.print_exception(error, file=sys.stderr)


def run(targets: list[Target], n: int, rng_seed: int) -> None:
    segmenter = Segmenter(Lexicon.load("ecommerce"))
    contrasts = sorted(Lexicon.load("ecommerce").contrasts)
    folder = Path(tempfile.mkdtemp(prefix="manyi-fuzz-"))
    config = settings(max_examples=n, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
    by_name = {t.name: t for t in targets}

    def guard(target: Target, value, check) -> None:
        target.tried += 1
        try:
            check()
        except Exception as error:  # noqa: BLE001 - counting every failure is the point
            target.record(value, error)

    @seed(rng_seed)
    @config
    @given(TEXT)
    def normaliser(text):
        def check():
            once = normalize_text(text)
            assert isinstance(once, str) and normalize_text(once) == once, "not idempotent"
        guard(by_name["normaliser"], text, check)

    @seed(rng_seed)
    @config
    @given(TEXT)
    def segmenter_and_clauses(text):
        def check():
            clean = normalize_text(text)
            assert "".join(segmenter.cut(clean)) == clean, "tokens do not cover the text"
            spans = split_clauses(clean, contrasts)
            assert all(0 <= a < b <= len(clean) for a, b in spans), spans
            assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:])), spans
        guard(by_name["segmenter"], text, check)

    @seed(rng_seed)
    @config
    @given(st.binary(max_size=400) | mutated())
    def decoder(data):
        def check():
            text, encoding = decode_bytes(data, None)
            assert isinstance(text, str) and encoding
        guard(by_name["decoder"], data, check)

    @seed(rng_seed)
    @config
    @given(st.binary(max_size=400) | mutated(), st.sampled_from(SUFFIXES))
    def readers(data, suffix):
        def check():
            path = folder / f"dump{suffix}"
            path.write_bytes(data)
            try:
                frame, meta = read_comments(path)
            except InputError as error:
                assert "\n" not in str(error), "error message spans lines"
                by_name["readers"].count(f"{suffix} InputError")
                return
            by_name["readers"].count(f"{suffix} rows" + (" + rejects" if meta.rejects else ""))
            assert len(frame) == meta.rows > 0
            assert frame["comment_id"].tolist() == [str(i) for i in range(1, len(frame) + 1)]
            assert all({"line", "reason", "raw"} <= set(r) for r in meta.rejects)
        guard(by_name["readers"], (suffix, data), check)

    @seed(rng_seed)
    @config
    @given(st.lists(TEXT, min_size=1, max_size=6))
    def write_then_read(texts):
        def check():
            path = folder / "round.csv"
            write_csv(pd.DataFrame({"评论内容": texts}), path)
            frame, meta = read_comments(path)
            back = [t[1:] if t.startswith("'") and not o.startswith("'") else t
                    for t, o in zip(frame["评论内容"], texts)]
            texts_back = [CELL_BREAK.sub("\n", t) for t in texts]  # CRLF in a cell: LF
            assert meta.rejects == [] and back == texts_back, (back, texts)
        guard(by_name["write_csv→read_comments"], texts, check)

    for name, test in [("normaliser", normaliser), ("segmenter", segmenter_and_clauses),
                       ("decoder", decoder), ("readers", readers),
                       ("write_csv→read_comments", write_then_read)]:
        if name in by_name:
            started = time.perf_counter()
            test()
            print(f"  {name}: {time.perf_counter() - started:.1f}s", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="inputs per target")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=["hypothesis", "accounting"],
                        help="run only the hypothesis targets or only the accounting ones")
    parser.add_argument("--formats", default="csv,tsv,jsonl,xlsx",
                        help="accounting formats, comma-separated")
    args = parser.parse_args()
    targets = []
    if args.only != "accounting":
        targets = [Target(name) for name in ("normaliser", "segmenter", "decoder", "readers",
                                             "write_csv→read_comments")]
        run(targets, args.n, args.seed)
    if args.only != "hypothesis":
        from fuzz_accounting import FORMATS, account

        for fmt in [f for f in args.formats.split(",") if f in FORMATS]:
            target = Target(f"accounting {fmt}")
            started = time.perf_counter()
            account(target, fmt, args.n, args.seed)
            print(f"  {target.name}: {time.perf_counter() - started:.1f}s, "
                  f"{target.outcomes.get('rows in', 0):,} rows in", file=sys.stderr)
            targets.append(target)
    print(f"{'target':<26}{'inputs':>8}{'failures':>10}  first failure")
    for t in targets:
        print(f"{t.name:<26}{t.tried:>8}{t.failures:>10}  {t.example}")
    for t in targets:
        if t.outcomes:
            print(f"\n{t.name} outcomes: " + ", ".join(f"{k} {v}" for k, v in
                                                     sorted(t.outcomes.items())))
    total = sum(t.tried for t in targets)
    failed = sum(t.failures for t in targets)
    print(f"{'total':<26}{total:>8}{failed:>10}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
