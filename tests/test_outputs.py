"""The fast CSV writers write the bytes pandas' to_csv and the csv module write."""

from __future__ import annotations

import io
import random

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manyi.io.write import _arrow_rows, csv_bytes, csv_text, formula_safe, write_rows

FLOATS = [0.1 + 0.2, 1e-05, 1e16, 123456789012.0, -0.0, float("nan"), 1 / 3, 2.5, 5e-324,
          float("inf")]
TEXTS = ["a", "", "=1+1", "x,y", 'q"q', "line\nbreak", "cr\rx", " sp ", "中文，逗号", None, "-3",
         "@x", "\ttab"]


def pandas_csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    formula_safe(frame).to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue()


def manyi_csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    write_rows(frame, buffer, header=True)
    return buffer.getvalue()


@pytest.mark.parametrize("seed", range(40))
def test_write_rows_matches_pandas(seed):
    rng = random.Random(seed)
    n = rng.randint(0, 10)
    frame = pd.DataFrame({
        "score": [rng.choice(FLOATS) for _ in range(n)],
        "row": [rng.randint(-5, 10**12) for _ in range(n)],
        "negated": [rng.random() < 0.5 for _ in range(n)],
        "text": pd.Series([rng.choice(TEXTS) for _ in range(n)], dtype="str"),
        "label": pd.Series([rng.choice(TEXTS) for _ in range(n)], dtype=object),
        "json": pd.Series([rng.choice([160, 2.5, "t", None, float("nan"), "=x"])
                           for _ in range(n)], dtype=object),
    })
    assert manyi_csv(frame) == pandas_csv(frame)


def test_other_types_are_left_to_pandas():
    frame = pd.DataFrame({"when": pd.to_datetime(["2026-01-02", None]),
                          "n": pd.array([1, None], dtype="Int64"), "text": ["=a", "b"]})
    assert manyi_csv(frame) == pandas_csv(frame)
    assert "'=a" in manyi_csv(frame)


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"a": pd.Series([b"=x", b"y"], dtype=object)}),
    pd.DataFrame({0: ["=a", "b"], float("nan"): [1.5, None]}),
    pd.DataFrame({"a": pd.Series([np.array([1, 2]), float("nan"), "=c"], dtype=object)}),
])
def test_unusual_cells_and_labels_are_written_as_pandas_writes_them(frame):
    assert manyi_csv(frame) == pandas_csv(frame)


CELL_TEXT = st.text(st.sampled_from(list(',"\r\n=+-@\t \x00a1中，😀\u3000')), max_size=6)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), n=st.integers(1, 6))
def test_arrow_rows_are_the_csv_module_rows(data, n):
    """Workers render manyi's tables with Arrow's string kernels: byte for byte what the
    csv module writes, floats of every size, formula cells and quoting included."""
    def column(strategy):
        return data.draw(st.lists(strategy, min_size=n, max_size=n))

    frame = pd.DataFrame({
        "score": column(st.floats() | st.sampled_from(FLOATS)),
        "row": column(st.integers(-2**63, 2**63 - 1)),
        "negated": column(st.booleans()),
        "text": pd.Series(column(st.none() | CELL_TEXT), dtype="str"),
        "label": pd.Series(column(st.sampled_from([None, float("nan"), pd.NA]) | CELL_TEXT),
                           dtype=object),
    })
    assert _arrow_rows(frame) is not None
    assert csv_bytes(frame) == csv_text(frame).encode("utf-8")


def test_arrow_rows_of_a_concatenated_table():
    parts = [pd.DataFrame({"text": pd.Series(t, dtype="str"), "n": range(len(t))})
             for t in (["a,b", "=c"], ["d"], ['e"'])]
    frame = pd.concat(parts, ignore_index=True)
    expected = b'"a,b",0\r\n\'=c,1\r\nd,0\r\n"e""",0\r\n'
    assert _arrow_rows(frame) == csv_text(frame).encode("utf-8") == expected


def test_tables_arrow_cannot_spell_go_to_the_csv_module():
    mixed = pd.DataFrame({"a": pd.Series([160, "=x"], dtype=object), "b": [1, 2]})
    single = pd.DataFrame({"a": ["", "x"]})
    odd_nan = pd.DataFrame({"a": pd.Series(["a", np.float32("nan")], dtype=object),
                            "b": ["x", "x"]})
    for frame in (mixed, single, odd_nan):
        assert _arrow_rows(frame) is None
        assert csv_bytes(frame) == csv_text(frame).encode("utf-8")
