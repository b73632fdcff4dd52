"""The workbook of ``manyi report --from``: its comments and mentions sheets streamed from
the folder's CSVs chunk by chunk give the bytes of the sheets of the whole tables."""

from __future__ import annotations

import random

import pandas as pd
import pytest

import manyi
from manyi.io.saved import ANNOTATION_FLOATS
from manyi.report.excel import SHEETS

TEXTS = ["物流很快，包装完好", "质量太差，客服也不理人", "价格便宜，性价比高", "=发货慢了两天",
         "一般般吧", "", "衣服面料舒服，颜色好看", "快递员态度很差"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """3,000 comments (more than a sheet renders through openpyxl) with a rating with
    blanks, dates (one with a time of day), ids with leading zeros and a shop column."""
    rng = random.Random(5)
    rows = 3_000
    frame = pd.DataFrame({
        "评论ID": [f"{i:07d}" for i in range(rows)],
        "评分": [str(rng.randint(1, 5)) if rng.random() > 0.1 else "" for _ in range(rows)],
        "评论时间": [f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}" for _ in range(rows)],
        "店铺": [rng.choice(["旗舰店", "专卖店", "=1+1"]) for _ in range(rows)],
        "评论内容": [rng.choice(TEXTS) for _ in range(rows)]})
    frame.loc[2_500, "评论时间"] = "2026-03-01 13:42:06"
    base = tmp_path_factory.mktemp("report_folder")
    frame.to_csv(base / "dump.csv", index=False, encoding="utf-8-sig")
    out = base / "out"
    manyi.analyze(str(base / "dump.csv"), text_col="评论内容", id_col="评论ID",
                  progress=False).to_dir(out)
    return out


def _workbooks(folder, path, chunk_rows, observed=False):
    from manyi.cli.run import compact_result
    from manyi.io.saved import read_meta
    from manyi.report.folder_sheets import FolderTable, folder_sheets, sheet_readers
    from manyi.report.render import write_excel

    whole = manyi.Result.from_dir(folder)
    write_excel(whole, path / "whole.xlsx")
    readers = sheet_readers(folder, read_meta(folder), chunk_rows=chunk_rows) \
        if observed else {}
    lean = compact_result(str(folder), ["text", "n_mentions", *ANNOTATION_FLOATS], {},
                          every_mention=True,
                          observe={n: r.describe for n, r in readers.items()})
    assert lean.mentions["factor"].dtype == "category" and "clause" not in lean.mentions
    from manyi.stream import folder_counts  # the drivers' themes, counted block by block
    lean.counts = folder_counts(folder, chunk_rows=chunk_rows)  # (as report --from counts)
    lean.sheets = folder_sheets(folder, lean.meta, chunk_rows=chunk_rows, described=readers)
    assert all(isinstance(t, FolderTable) for t in lean.sheets.values())
    write_excel(lean, path / "streamed.xlsx")
    return (path / "whole.xlsx").read_bytes(), (path / "streamed.xlsx").read_bytes()


@pytest.mark.parametrize("observed", [False, True])
def test_sheets_streamed_in_chunks_are_the_bytes_of_the_whole_tables(folder, tmp_path,
                                                                     observed):
    whole, streamed = _workbooks(folder, tmp_path, chunk_rows=700, observed=observed)
    assert whole == streamed


def test_past_excels_row_limit_the_streamed_sheets_are_cut_and_the_summary_says_so(
        folder, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from manyi.report import excel, folder_sheets

    monkeypatch.setattr(excel, "EXCEL_MAX_ROWS", 2_600)
    monkeypatch.setattr(folder_sheets, "EXCEL_MAX_ROWS", 2_600)
    whole, streamed = _workbooks(folder, tmp_path, chunk_rows=900, observed=True)
    assert whole == streamed
    book = load_workbook(tmp_path / "streamed.xlsx", read_only=True)
    assert sum(1 for _ in book[SHEETS["comments"]].iter_rows(values_only=True)) == 2_601
    summary = [row for row in book[SHEETS["summary"]].iter_rows(values_only=True)
               if str(row[-1]).startswith("sheet_")]
    assert [row[-1] for row in summary] == ["sheet_comments_rows", "sheet_mentions_rows"]
    assert "共 3,000 行" in summary[0][1]


def test_a_column_whose_first_cells_leave_its_kind_open_is_typed_by_every_value(folder):
    from manyi.io.saved import read_meta
    from manyi.report.excel import column_kind, date_format
    from manyi.report.folder_sheets import folder_table

    whole = manyi.Result.from_dir(folder).comments
    table = folder_table(folder, "comments", read_meta(folder), chunk_rows=400)
    for i, name in enumerate(table.columns):
        view = table.column_view(i)
        assert column_kind(view, name) == column_kind(whole[name], name), name
    at = list(table.columns).index("评论时间")
    assert column_kind(table.column_view(at), "评论时间") == "date"
    assert date_format(table.column_view(at)) == "yyyy-mm-dd hh:mm:ss"
    assert len(table.column_view(at)) < len(whole)  # distinct values, not every cell


def _quotes_equal_the_whole(folder):
    from manyi.report.fix import fix_evidence, fix_rows
    from manyi.report.quotes import folder_quotes
    from manyi.report.render import _spans, evidence

    whole = manyi.Result.from_dir(folder)
    fixes = [(r.dimension, r.factor) for r in fix_rows(whole).itertuples()]
    assert len(fixes) >= 2
    size = len(whole.mentions) // 12  # ≥ 10 blocks
    quotes = folder_quotes(folder, len(whole.comments), fixes, _spans, meta=whole.meta,
                           chunk_rows=size)
    dims = sorted(whole.mentions["dimension"].unique())
    assert sum(bool(quotes[("evidence", d)]) for d in dims) >= 3
    for dim in dims:
        assert quotes[("evidence", dim)] == evidence(whole, dim), dim
    for dim, factor in fixes:
        assert quotes[("fix", dim, factor)] == fix_evidence(whole, dim, factor), factor


def test_evidence_picked_block_by_block_is_that_of_the_whole(folder):
    """Eight texts over 3,000 comments: each block's best candidates must hold enough
    distinct texts for the whole's picks."""
    _quotes_equal_the_whole(folder)


def test_evidence_of_a_sample_picked_block_by_block_is_that_of_the_whole(tmp_path):
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "corpus_samples" / "ecommerce_reviews.csv"
    manyi.analyze(str(sample), id_col="评论ID", progress=False).to_dir(tmp_path / "out")
    _quotes_equal_the_whole(tmp_path / "out")


def test_evidence_of_a_repeated_id_is_each_comment_on_its_own(tmp_path):
    """Ids that repeat (flagged duplicate_id, still analysed): each picked comment's score
    and highlights are its own mentions', not those of every comment of its id laid over
    the first one's text; block by block the same picks."""
    from pathlib import Path

    from manyi.report.quotes import folder_quotes
    from manyi.report.render import _spans, evidence

    sample = Path(__file__).resolve().parents[1] / "corpus_samples" / "ecommerce_reviews.csv"
    frame = pd.read_csv(sample, dtype=str).head(160)
    frame["评论ID"] = [f"X{i % 9}" for i in range(len(frame))]
    manyi.analyze(frame, text_col="评论内容", id_col="评论ID",
                  progress=False).to_dir(tmp_path / "out")
    whole = manyi.Result.from_dir(tmp_path / "out")
    assert whole.comments["flag"].eq("duplicate_id").sum() > 100
    texts = whole.comments["text"].astype(str).tolist()
    ids = whole.comments["comment_id"].astype(str).tolist()
    dims = sorted(whole.mentions["dimension"].unique())
    quotes = folder_quotes(tmp_path / "out", len(texts), [], _spans, meta=whole.meta,
                           chunk_rows=len(whole.mentions) // 8)
    picked = 0
    for dim in dims:
        found = evidence(whole, dim)
        assert quotes[("evidence", dim)] == found, dim
        for e in found:
            rows = [i for i, (c, t) in enumerate(zip(ids, texts))
                    if c == e["comment_id"] and t == e["text"]]
            assert len(rows) == 1, e
            own = whole.mentions[(whole.mentions["row"] == rows[0])
                                 & (whole.mentions["dimension"] == dim)]
            own_once = own.drop_duplicates(["term", "opinion", "polarity", "score"])
            signed = own_once["score"].where(own_once["polarity"] != "neutral", 0.0)
            assert e["score"] == round(float(signed.sum()), 4), e  # a copy counted once
            assert {(s, t) for s, t, *_ in e["spans"]} >= set(zip(own["start"], own["end"])), e
            picked += 1
    assert picked >= 10


def test_kept_evidence_rows_hold_only_their_own_ids():
    import pandas as pd

    from manyi.report.quotes import evidence_order, kept_evidence, kept_rows

    n = 400
    mentions = pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)], "row": range(n),
                             "score": [(-1) ** i * (i % 13) / 13 for i in range(n)],
                             "polarity": ["negative" if i % 2 else "positive"
                                          for i in range(n)]})
    texts = pd.Series([f"第{i}条评论说送货很慢" for i in range(n)])
    order = evidence_order(mentions, texts)
    keep = kept_evidence(order, texts)
    kept = kept_rows(order, keep)
    assert len(order.index.levels[0]) == n > len(kept)
    assert sorted(kept.index.levels[0]) == sorted({cid for cid, _ in keep})
    pd.testing.assert_frame_equal(kept, order.loc[keep], check_index_type=False)


def test_the_report_counts_complaints_by_the_rating_as_drivers_does(folder, tmp_path):
    """``manyi report --complaint-max-rating 2 --freq W`` (newcomer: a report could not use
    the drivers' complaint rule): its fix first and complaint rate are those of ``manyi
    drivers`` with the same rule, from the folder and from the dump, and it says its rule."""
    import json

    from click.testing import CliRunner

    from manyi.cli.commands import main

    def run(*args):
        ran = CliRunner().invoke(main, [*map(str, args)])
        assert ran.exit_code == 0, ran.output
        return ran.output

    rule = ["--complaint-max-rating", "2", "--freq", "W", "--rating-col", "评分"]
    run("drivers", "--from", folder, "-o", tmp_path / "d", *rule, "--quiet")
    run("report", "--from", folder, "-o", tmp_path / "r", "--format", "json", *rule, "--quiet")
    run("report", "--from", folder, "-o", tmp_path / "plain", "--format", "json", "--quiet")
    table = pd.read_csv(tmp_path / "d" / "drivers.csv")
    top = table[(table["side"] == "complaint") & (table["level"] == "factor")].head(3)
    found = json.loads((tmp_path / "r" / "summary.json").read_text(encoding="utf-8"))
    plain = json.loads((tmp_path / "plain" / "summary.json").read_text(encoding="utf-8"))
    assert [f["label"] for f in found["top_fixes"]] == top["label"].tolist()
    impacts = [f["impact"] for f in found["top_fixes"]]
    assert impacts == pytest.approx(top["impact"].tolist(), rel=1e-5)
    assert found["top_fixes"][0]["base_rate"] != plain["top_fixes"][0]["base_rate"]
    assert found["complaints"]["max_rating"] == 2 and "评分 ≤ 2" in found["complaints"]["rule"]
    assert plain["complaints"]["max_rating"] is None
    weeks = pd.read_csv(tmp_path / "d" / "trends.csv")["period"].astype(str).unique()
    assert found["trend"]["freq"] == "W" and len(weeks) > 9
    assert [p["period"] for p in found["trend"]["periods"]] == sorted(weeks)
    segments = pd.read_csv(tmp_path / "d" / "segments_index.csv").query("column == 'period'")
    week = {p["period"]: p["satisfaction"] for p in found["trend"]["periods"]}
    assert len(segments) >= 10 and set(segments["group"]) <= set(week)  # weeks, as the trend
    assert [week[g] for g in segments["group"]] == segments["index"].tolist()
    dump = folder.parent / "dump.csv"
    run("report", dump, "-o", tmp_path / "again", "--format", "json", "--text-col", "评论内容",
        "--id-col", "评论ID", *rule, "--quiet", "--jobs", "1")
    again = json.loads((tmp_path / "again" / "summary.json").read_text(encoding="utf-8"))
    assert again["top_fixes"] == found["top_fixes"]
