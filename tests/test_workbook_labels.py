"""The workbook's summary sheet names every row in Chinese (newcomer: index_weighting,
flagged_empty and not_computed_rating were shown as English keys)."""

from __future__ import annotations

import re

import pandas as pd

from manyi import analyze
from manyi.report.excel import summary_label
from manyi.report.workbook import excel_tables

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_summary_row_has_a_chinese_name():
    frame = pd.DataFrame({"评论": ["物流太慢了", "", "此用户没有填写评价", "质量很好，客服耐心"]})
    summary = excel_tables(analyze(frame, text_col="评论", progress=False))["summary"]
    keys = summary["item"].tolist()
    assert {"index_weighting", "flagged_empty", "flagged_placeholder"} <= set(keys)
    assert any(k.startswith("not_computed_") for k in keys)
    unnamed = [k for k in keys if not CJK.search(summary_label(k))]
    assert not unnamed
    assert summary_label("flagged_empty") == "已标记未分析：空白"
    assert summary_label("sheet_comments_rows") == "工作表 comments 的行数"
