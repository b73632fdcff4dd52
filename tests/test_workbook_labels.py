"""The workbook's summary sheet names every row in Chinese (newcomer: index_weighting,
flagged_empty and not_computed_rating were shown as English keys)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from manyi import analyze
from manyi.report.excel import HEADERS, SHEETS, summary_label
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
    assert summary_label("sheet_comments_rows") == "工作表 评论 的行数"


def test_every_sheet_and_header_of_the_workbook_is_chinese(tmp_path):
    """newcomer8: a Chinese analyst read impact, resolved, column, group, importance_kind
    and the English tab names; the coded cells (complaint, factor, worse) likewise."""
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from manyi.cli.commands import main

    sample = Path(__file__).resolve().parents[1] / "corpus_samples" / "ecommerce_reviews.csv"
    done = CliRunner().invoke(main, ["report", str(sample), "-o", str(tmp_path), "--format",
                                     "xlsx", "--id-col", "评论ID", "--quiet"])
    assert done.exit_code == 0, done.output
    book = load_workbook(tmp_path / "report.xlsx", read_only=True)
    dump_columns = set(pd.read_csv(sample, nrows=0).columns)
    assert {SHEETS[n] for n in ("summary", "drivers", "ipa", "segments_drivers")} <= set(
        book.sheetnames)
    code = re.compile(r"[a-z]+(_[a-z]+)*")  # complaint, key_driver, complaint_incidence
    # columns of the customers' own words (a theme may be "app"), and the keys
    words = {HEADERS[k] for k in ("theme", "terms", "evidence", "label", "group", "top_terms",
                                  "weights", "example_1", "example_2", "example_3",
                                  "dimension", "factor", "item")}
    for sheet in book.worksheets:
        assert CJK.search(sheet.title) or sheet.title == "IPA", sheet.title
        rows = sheet.iter_rows(max_row=200, values_only=True)
        header = next(rows)
        english = [h for h in header if h not in dump_columns and not CJK.search(str(h))]
        assert not english, (sheet.title, english)
        if sheet.title in (SHEETS["comments"], SHEETS["mentions"]):
            continue  # row-level sheets keep manyi's codes, as the CSV files do
        cells = {v for row in rows for h, v in zip(header, row)
                 if h not in words and h not in dump_columns}
        coded = {v for v in cells if isinstance(v, str) and code.fullmatch(v)}
        assert not coded, (sheet.title, coded)
    # shares as the other sheets show them, a month as a month (newcomer10 read 0.9366… and
    # 2026-05-01)
    summary = {row[2]: row[1] for row in book[SHEETS["summary"]].iter_rows(
        min_row=2, values_only=True)}
    share = summary["positive_share"]  # a number of percent, as its row's name says
    assert isinstance(share, int | float) and 1 < share <= 100, share
    if SHEETS["trends"] in book.sheetnames:
        periods = [row[0] for row in book[SHEETS["trends"]].iter_rows(min_row=2,
                                                                        values_only=True)]
        assert periods and all(isinstance(p, str) and re.fullmatch(r"\d{4}-\d{2}", p)
                               for p in periods), periods[:3]
