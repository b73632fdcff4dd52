"""The rows of long sheets rendered by Arrow (report/sheet_rows.py) read back as openpyxl's."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import manyi
from manyi.report import render as report
from manyi.report import sheet_rows
from manyi.report.excel import SHEETS


def _book(path):
    from openpyxl import load_workbook

    book = load_workbook(path)
    return {sheet.title: [[(c.value, c.number_format, c.quotePrefix, c.data_type)
                           for c in row] for row in sheet.iter_rows()]
            for sheet in book.worksheets}


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float | int):
        return math.isclose(a, b, rel_tol=1e-15) or (math.isnan(a) and math.isnan(b))
    if hasattr(a, "timestamp") and hasattr(b, "timestamp"):
        return abs((a - b).total_seconds()) < 1e-3
    return a == b


@pytest.fixture
def result():
    texts = ["物流很快，包装完好", "=1+1 质量太差了", "客服态度 <很差> & 慢", " 还行 ", "",
             "\x01控制符\x1f也在", "价格便宜" * 20, "-号开头的评论", "@提到\r", "x" * 40000]
    frame = pd.DataFrame({
        "评论ID": [f"00{i}" for i in range(len(texts))], "评论内容": texts,
        "评分": ["5", "1", "2", "", "3", "4", "5", "1", "2", "3"],
        "评论时间": ["2026-01-02", "2026-02-03 13:42:06", "", "2026-03-04", "2026-03-05",
                 "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"],
        "金额": ["12.5", "3", "", "0.1", "7", "8", "9", "10", "1e3", "2.25"],
        "备注": ["\r回车开头", "a\rb", "<b>&", "", None, "+1", "\t制表", "x", "y", "z"]})
    return manyi.analyze(frame, text_col="评论内容", id_col="评论ID", progress=False)


def test_long_sheets_read_back_as_openpyxl_writes_them(result, tmp_path, monkeypatch):
    slow = _book(report.write_excel(result, tmp_path / "slow.xlsx"))
    monkeypatch.setattr(sheet_rows, "FAST_ROWS", 1)
    monkeypatch.setattr(sheet_rows, "CHUNK_ROWS", 3)
    fast = _book(report.write_excel(result, tmp_path / "fast.xlsx"))
    assert slow.keys() == fast.keys()
    for name in slow:
        assert len(slow[name]) == len(fast[name]), name
        for r, (a_row, b_row) in enumerate(zip(slow[name], fast[name])):
            assert len(a_row) == len(b_row), (name, r)
            for a, b in zip(a_row, b_row):
                if a[0] is None:  # an empty cell: no type to compare
                    assert b[0] is None, (name, r, a, b)
                    continue
                assert _same(a[0], b[0]) and a[1:] == b[1:], (name, r, a, b)
    texts = [c[0] for row in fast[SHEETS["comments"]][1:] for c in row if isinstance(c[0], str)]
    assert "=1+1 质量太差了" in texts and "控制符也在" in texts
    assert len(max(texts, key=len)) == 32767
