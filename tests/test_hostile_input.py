"""Round two of hostile and broken input (issue 23): no row silently lost or altered.

Each case below was a reproduced failure: rows merged, dropped, made up, or analysed from
the wrong column with exit 0.
"""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import build_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import manyi
from manyi.errors import InputError
from manyi.io.read import read_comments

HEADER = "评论ID,评论内容\n"
CR_RECORDS = "".join(f"{i},第{i}条\r" for i in range(3, 23))


def _xlsx(path: Path, rows: list[list]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def _edit_sheet(path: Path, pattern: str, replacement: str) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(pattern, replacement, sheet).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _claims_huge_dimension(path: Path) -> None:
    _xlsx(path, [["编号", "评论内容"], [1, "物流很快"], [2, "太差了"]])
    _edit_sheet(path, r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"')


def _long_ids(path: Path) -> None:
    """Ids as a writer that keeps every digit stores them (<v>12345678901234567</v>)."""
    _xlsx(path, [["编号", "评论内容"], [1, "好"], [2, "差"], [None, "无号"], [2**60, "长号"]])
    _edit_sheet(path, "<v>" + re.escape(repr(float(2**60))) + "</v>", "<v>12345678901234567</v>")


def _parquet_binary(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"编号": ["a", "b"], "评论内容": pa.array(
        ["物流很快".encode(), "包装".encode() + "破".encode()[:2]], pa.binary())}), path)


CASES = {
    # name: (content or builder, id column, expected ids, {text column: values} or None,
    #        expected rejects {line: reason})
    "raw_quotes.tsv": ('id\t评论内容\n1\t"正品"，很满意\n2\t好\n3\t一般\n4\t"太差了\n5\t还行\n'
                       '6\t不错"吧\n', "id", ["1", "2", "3", "4", "5", "6"],
                       {"评论内容": ['"正品"，很满意', "好", "一般", '"太差了', "还行", '不错"吧']},
                       {}),
    # a stray quote pair in a TSV whose first column is no id (a shop, the text): every row
    # stays a row, as written (review: it became one cell of four rows)
    "stray_pair_shop_first.tsv": ('店铺\t评论\n小张店\t"质量一般吧\n小王家\t物流快\n老李铺子\t'
                                  '包装破了\n京东自营\t好评"\n小张店\t还行\n', None,
                                  ["1", "2", "3", "4", "5"],
                                  {"评论": ['"质量一般吧', "物流快", "包装破了", '好评"', "还行"]},
                                  {}),
    "stray_pair_text_first.tsv": ('评论\t评分\n"质量一般吧\t3\n物流快\t5\n包装破了\t1\n'
                                  '好评"\t5\n', None, ["1", "2", "3", "4"],
                                  {"评论": ['"质量一般吧', "物流快", "包装破了", '好评"']}, {}),
    "stray_open_and_close.csv": ("id,评论内容,评分\n1,\"物流很快,5\n2,好评,4\n3,差评\",3\n4,ok,5\n",
                                 "id", ["2", "3", "4"], None, {2: "look like rows"}),
    "mixed_line_endings.csv": (HEADER + "1,好\n2,差\n" + CR_RECORDS, "评论ID",
                               [str(i) for i in range(1, 23)], None, {}),
    "good_multiline_after_broken.csv": ("id,评论内容,评分\n1,\"物流很快,5\n"
                                        "2,\"给妈妈买的\n很舒服\",3\n"
                                        "3,好,4\n", "id", ["2", "3"],
                                        {"评论内容": ["给妈妈买的\n很舒服", "好"]},
                                        {2: "broken CSV quoting"}),
    # the stray quote closes at the quote opening row 2's multi-line cell: row 2 is read again
    "stray_quote_then_multiline_cell.csv": ("id,评论内容,评分\n1,\"物流很快,5\n2,\"\n"
                                            "给妈妈买的\",4\n3,好,4\n", "id", ["2", "3"],
                                            {"评论内容": ["\n给妈妈买的", "好"]},
                                            {2: "look like rows"}),
    "stray_quote_then_multiline_last_cell.csv": ("id,评论内容\n1,\"物流很快\n2,\"\n"
                                                 "很舒服\"\n3,好\n", "id", ["2", "3"],
                                                 {"评论内容": ["\n很舒服", "好"]},
                                                 {2: "look like rows"}),
    "nul_line_and_ctrl_z.csv": (HEADER + "1,好\n\x00\x00\x00\x00\n2,差\n\x1a", "评论ID",
                                ["1", "2"], None, {}),
    # one column: a cell of spaces or a NUL is a cell (flagged empty later); a final Ctrl-Z
    # with no line end is the DOS end-of-file mark
    "one_column_spaces.csv": ("评论内容\n好\n   \n\x00\n差\n\x1a", None, ["1", "2", "3", "4"],
                              {"评论内容": ["好", "   ", "\x00", "差"]}, {}),
    "id_column_named_like_text.csv": ("评论ID,买家评价\n1,物流很快\n2,质量很好\n", "评论ID",
                                      ["1", "2"], {"买家评价": ["物流很快", "质量很好"]}, {}),
    "title_line_above_header.csv": ("客户评论导出,2025-01-01\n评论ID,买家评价\n1,物流很快\n"
                                    "2,质量很好\n", "评论ID", ["1", "2"],
                                    {"买家评价": ["物流很快", "质量很好"]}, {}),
    "stray_values.jsonl": ('null\n{"id": "a", "评论": "好"}\n"abc"\n[1, 2]\n'
                           '{"id": "b", "评论": "差"}\n',
                           "id", ["a", "b"], {"评论": ["好", "差"]},
                           {1: "JSON null", 3: "JSON string", 4: "JSON array"}),
    "first_line_array.jsonl": ('[1, 2]\n{"id": "a", "评论": "好"}\n', "id", ["a"], None,
                               {1: "JSON array"}),
    "nested.jsonl": ('{"id": "a", "评论": "好", "meta": {"渠道": "app", "n": [1, 2]}}\n', "id",
                     ["a"], {"meta": ['{"渠道": "app", "n": [1, 2]}']}, {}),
    "excel_ids.xlsx": (_long_ids, "编号", ["1", "2", "", "12345678901234567"], None, {}),
    "excel_category_holds_a_name.xlsx": (
        lambda p: _xlsx(p, [["编号", "类别", "评论内容"], ["a1", "表扬", "物流很快"],
                            ["a2", "建议", "希望包装好一点", "已回复"], ["a3", "投诉", "太慢了"]]),
        "编号", ["a1", "a2", "a3"], {"评论内容": ["物流很快", "希望包装好一点", "太慢了"]}, {}),
    "title_row_with_text_date.xlsx": (
        lambda p: _xlsx(p, [["客户评论导出", "2025-01-01"], ["评论ID", "买家评价"], [1, "物流很快"],
                            [2, "太差"]]),
        "评论ID", ["1", "2"], {"买家评价": ["物流很快", "太差"]}, {}),
    "claims_xfd1048576.xlsx": (_claims_huge_dimension, "编号", ["1", "2"], None, {}),
    "unsaved_formula.xlsx": (lambda p: _xlsx(p, [["编号", "评论内容", "评分"],
                                                 ["a1", "物流很快", 5], ["a2", '=A3&"好"', 4],
                                                 ["a3", "一般", "=1+2"]]),
                             "编号", ["a1"], None,
                             {3: "formula without a saved value in 评论内容", 4: "in 评分"}),
    "binary_strings.parquet": (_parquet_binary, "编号", ["a", "b"],
                               {"评论内容": ["物流很快", "包装\ufffd"]}, {}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_keeps_every_row_whole(tmp_path, name):
    content, id_col, ids, values, rejected = CASES[name]
    started = time.perf_counter()
    frame, meta = read_comments(build_file(tmp_path, name, content), id_col=id_col)
    assert time.perf_counter() - started < 60  # (a hang is the failure, not a slow machine)
    assert frame["comment_id"].tolist() == ids
    for column, expected in (values or {}).items():
        assert frame[column].tolist() == expected
        if column.startswith(("评论", "买家")):
            assert meta.text_col == column
    assert sorted(r["line"] for r in meta.rejects) == sorted(rejected)
    for reject in meta.rejects:
        assert rejected[reject["line"]] in reject["reason"]


def test_utf8_with_one_cut_character_stays_utf8_and_is_flagged(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_bytes(HEADER.encode() + "1,物流很快质量很好\n2,包装完好".encode()
                     + "很".encode()[:2] + "\n3,不错的商品\n".encode())
    frame, meta = read_comments(path, id_col="评论ID")
    assert meta.encoding == "utf-8"
    assert frame["评论内容"].tolist() == ["物流很快质量很好", "包装完好\ufffd", "不错的商品"]
    alone = tmp_path / "alone.csv"
    alone.write_bytes(HEADER.encode() + "2,包装完好".encode() + "很".encode()[:2] + b"\n")
    assert read_comments(alone)[0]["评论内容"].tolist() == ["包装完好\ufffd"]
    flags = manyi.analyze(path, id_col="评论ID", progress=False).comments["flag"].tolist()
    assert flags == ["", "partly_undecodable", ""]


def test_gbk_lines_in_a_utf8_file_are_still_read_as_gbk(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(HEADER.encode() + "1,物流很快\n".encode() + "2,包装破损很严重\n".encode("gbk"))
    frame, meta = read_comments(path)
    assert meta.encoding == "mixed" and frame["评论内容"].tolist() == ["物流很快", "包装破损很严重"]


@pytest.mark.parametrize("content, message", [
    ("编号,评分\n1,5\n2,4\n", "no text column found among: 编号, 评分"),
    ("评论ID,评论编号\n1,5\n2,4\n", "column '评论ID' holds no text"),
])
def test_a_dump_with_no_text_column_stops_with_one_line(tmp_path, content, message):
    path = tmp_path / "d.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)) as info:
        read_comments(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name", ["评论.csv", "评论.txt", "评论.jsonl"])
def test_a_workbook_named_as_text_says_what_it_is(tmp_path, name):
    """The bundled survey workbook saved under a text suffix: one line naming the file, what
    it is and the fix (it was a CSV parser's message about unquoted new-lines)."""
    path = tmp_path / name
    path.write_bytes((Path(__file__).parents[1] / "corpus_samples/survey_feedback.xlsx")
                     .read_bytes())
    with pytest.raises(InputError, match=r"Excel workbook \(\.xlsx\).*\.xlsx suffix") as info:
        read_comments(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_zero_width_character_keeps_the_dimension():
    result = manyi.analyze(["物\u200b流很快", "物流很快"], progress=False)
    dims = result.comments["dimensions"].tolist()
    assert dims[0] == dims[1] and dims[0]
    assert result.comments["text"].tolist()[0] == "物流很快"


TSV_CELL = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=20) | st.sampled_from(
    ['"', '"正品"，很满意', '"太差了', '不错"吧', '""', '"a""b"'])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TSV_CELL, min_size=1, max_size=10))
def test_tsv_with_raw_quotes_keeps_every_row_as_written(tmp_path_factory, texts):
    """An export that writes cells as they are (no quoting) comes back cell for cell."""
    texts = [t.replace("\t", " ").replace("\u2028", " ").replace("\u2029", " ") for t in texts]
    path = tmp_path_factory.mktemp("t") / "raw.tsv"
    path.write_text("编号\t评论内容\n" + "".join(f"r{i}\t{t}\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    frame, meta = read_comments(path, id_col="编号", text_col="评论内容")
    if any('"' in t for t in texts) and not any('""' in t for t in texts):
        assert meta.rejects == [] and frame["评论内容"].tolist() == texts
    assert len(frame) + len(meta.rejects) == len(texts)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lf=st.integers(0, 5), cr=st.integers(1, 30), crlf=st.booleans())
def test_mixed_line_endings_keep_every_record(tmp_path_factory, lf, cr, crlf):
    end = "\r\n" if crlf else "\n"
    lines = [f"{i},评论{i}{end}" for i in range(lf)]
    lines += [f"{i},评论{i}\r" for i in range(lf, lf + cr)]
    path = tmp_path_factory.mktemp("m") / "m.csv"
    path.write_text("评论ID,评论内容" + end + "".join(lines), encoding="utf-8", newline="")
    frame, meta = read_comments(path, id_col="评论ID")
    assert meta.rejects == []
    assert frame["comment_id"].tolist() == [str(i) for i in range(lf + cr)]
    assert frame["评论内容"].tolist() == [f"评论{i}" for i in range(lf + cr)]


def test_json_array_file_still_reads_whole(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('[\n{"id": 1, "评论": "好"},\n{"id": 2, "评论": {"x": 1}}\n]\n',
                    encoding="utf-8")
    frame, _ = read_comments(path, id_col="id")
    assert frame["comment_id"].tolist() == ["1", "2"]
    assert frame["评论"].tolist() == ["好", '{"x": 1}']


def test_excel_ids_and_values_as_typed(tmp_path):
    path = tmp_path / "ids.xlsx"
    _xlsx(path, [["编号", "评论内容", "评分"], [1, "好", 5], [2.5, "差", None], [True, "是", 4]])
    frame, _ = read_comments(path, id_col="编号")
    assert frame["comment_id"].tolist() == ["1", "2.5", "True"]
    assert frame["评分"].tolist()[0] == 5 and pd.isna(frame["评分"].tolist()[1])


# -- hangs and blow-ups ------------------------------------------------------------------
def test_long_comment_without_punctuation_costs_linear_time_and_bounded_clauses():
    from manyi.text.segment import MAX_CLAUSE_CHARS, split_clauses

    text = "物流很快质量很好" * 12_000  # 96,000 characters, no punctuation
    result = manyi.analyze([text], progress=False)
    assert result.comments["text"].tolist() == [text]
    # mentions in every bounded clause of it (a clause names each judgement once)
    clauses = result.mentions.drop_duplicates("clause_id")["clause"].str.len()
    assert len(clauses) >= len(text) // MAX_CLAUSE_CHARS and clauses.max() <= MAX_CLAUSE_CHARS
    spans = split_clauses(text, {"但是"})
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:]))


def test_catastrophic_user_placeholder_pattern_cannot_hang(tmp_path):
    from manyi.text.lexicon import Lexicon

    (tmp_path / "placeholders.txt").write_text("(好+)+$\n此用户未填写评价\n", encoding="utf-8")
    lexicon = Lexicon.load("ecommerce", extra=[tmp_path])
    started = time.perf_counter()
    assert not lexicon.is_placeholder("好" * 60 + "差")
    assert lexicon.is_placeholder("好好好") and lexicon.is_placeholder("此用户未填写评价")
    assert time.perf_counter() - started < 30  # unbounded before: hours


ORPHAN_RUN = """
import sys
import pandas as pd
import manyi
from manyi import engine
engine.CHUNK_ROWS = 20
texts = pd.read_csv(sys.argv[1])["评论内容"].tolist() * 50
manyi.analyze(texts, jobs=2, progress=False)
"""


def test_killing_the_parent_of_a_parallel_run_ends_its_workers():
    import os
    import signal
    import subprocess
    import sys

    psutil = pytest.importorskip("psutil")
    from conftest import ROOT, SAMPLES

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.Popen([sys.executable, "-c", ORPHAN_RUN,
                            str(SAMPLES / "ecommerce_reviews.csv")], env=env)
    parent = psutil.Process(run.pid)
    started = time.perf_counter()
    while len(parent.children()) < 2 and time.perf_counter() - started < 120:
        time.sleep(0.1)
    workers = parent.children()
    assert len(workers) == 2
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    _, alive = psutil.wait_procs(workers, timeout=20)
    for worker in alive:
        worker.kill()
    assert alive == []


FORKSERVER_RUN = """
import multiprocessing
import sys
import pandas as pd
import manyi
from manyi import engine
multiprocessing.set_start_method("forkserver", force=True)  # Linux's default from Python 3.14
engine.CHUNK_ROWS = engine.INLINE_ROWS = 200
texts = pd.read_csv(sys.argv[1])["评论内容"].tolist() * 3
pooled = manyi.analyze(texts, jobs=2, progress=False)
alone = manyi.analyze(texts, jobs=1, progress=False)
pd.testing.assert_frame_equal(pooled.mentions, alone.mentions)
pd.testing.assert_frame_equal(pooled.comments, alone.comments)
print("same", len(pooled.comments))
"""


def test_a_parallel_run_works_when_workers_are_started_by_a_fork_server():
    """Under forkserver a worker's parent is the fork server, not the run: the workers
    watched the wrong process and exited at once (BrokenProcessPool)."""
    import os
    import subprocess
    import sys

    from conftest import ROOT, SAMPLES

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, "-c", FORKSERVER_RUN,
                          str(SAMPLES / "ecommerce_reviews.csv")], env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("same ")


def test_a_comment_of_megabytes_is_analysed_from_its_head_and_kept_whole(monkeypatch):
    from manyi.annotate import annotator

    monkeypatch.setattr(annotator, "MAX_ANALYSED_CHARS", 1000)
    text = "物流很快质量很好" * 500  # 4,000 characters
    result = manyi.analyze([text, "物流很快"], progress=False)
    assert result.comments["flag"].tolist() == ["partly_analysed", ""]
    assert result.comments["text"].tolist()[0] == text  # kept whole
    first = result.mentions[result.mentions["comment_id"] == "1"]
    assert 800 < first["end"].max() <= 1000  # mentions up to the end of the head, not past it
    assert result.dimensions.set_index("dimension").loc["logistics", "comments"] == 2


# -- line breaks inside quoted cells: CRLF is a line break, a lone CR a character (#23) ------
CELL_BREAKS = {
    # name: (file content, {column: expected cells})
    "excel_crlf.csv": ('编号,评论内容,备注\r\n1,"物流很快\r\n包装完好","第一行\r\n第二行"\r\n'
                       '2,质量很差,无\r\n3,"末尾换行\r\n",x\r\n',
                       {"评论内容": ["物流很快\n包装完好", "质量很差", "末尾换行\n"],
                        "备注": ["第一行\n第二行", "无", "x"]}),
    "excel_crlf.tsv": ('编号\t评论内容\t备注\r\n1\t"物流很快\r\n包装完好"\t"a\r\nb"\r\n'
                       '2\t质量很差\t无\r\n',
                       {"评论内容": ["物流很快\n包装完好", "质量很差"], "备注": ["a\nb", "无"]}),
    "web_form_crlf_in_lf_file.csv": ('编号,评论内容\n1,"物流很快\r\n\r\n包装完好"\n2,差\n',
                                     {"评论内容": ["物流很快\n\n包装完好", "差"]}),
    "text_mode_crcrlf.csv": ('编号,评论内容\r\r\n1,"物流很快\r\r\n包装完好"\r\r\n',
                             {"评论内容": ["物流很快\n包装完好"]}),
    "crlf_in_header_cell.csv": ('编号,评论内容,"备\r\n注"\r\n1,好,"a\r\nb"\r\n',
                                {"备\n注": ["a\nb"]}),
    "one_column_crlf.csv": ('评论内容\r\n"物流很快\r\n包装完好"\r\n差\r\n',
                            {"评论内容": ["物流很快\n包装完好", "差"]}),
    "classic_mac_cr_only.csv": ('编号,评论内容\r1,"物流很快\r包装完好"\r2,差\r',
                                {"评论内容": ["物流很快\n包装完好", "差"]}),
    # a CR that is not part of a line break is what the cell holds: kept
    "lone_cr_in_lf_file.csv": ('编号,评论内容,备注\n1,"物流很快\r包装完好","a\rb"\n'
                               '2,质量很差,"尾\r"\n',
                               {"评论内容": ["物流很快\r包装完好", "质量很差"],
                                "备注": ["a\rb", "尾\r"]}),
    "lone_cr_in_crlf_file.csv": ('编号,评论内容\r\n1,"物流\r很快"\r\n2,"\r"\r\n',
                                 {"评论内容": ["物流\r很快", "\r"]}),
}


@pytest.mark.parametrize("name", list(CELL_BREAKS))
def test_line_breaks_inside_cells_come_out_as_lf(tmp_path, name):
    content, expected = CELL_BREAKS[name]
    frame, meta = read_comments(build_file(tmp_path, name, content))
    assert meta.rejects == []
    for column, cells in expected.items():
        assert frame[column].tolist() == cells


def test_carried_through_cells_of_a_crlf_export_hold_no_cr(tmp_path):
    """Through analyze and comments.csv: the user's columns and ``text`` hold LF breaks."""
    import csv

    from click.testing import CliRunner

    from manyi.cli.commands import main

    path = build_file(tmp_path, "excel_crlf.csv", CELL_BREAKS["excel_crlf.csv"][0])
    ran = CliRunner().invoke(main, ["analyze", str(path), "-o", str(tmp_path / "out"),
                                    "--quiet"])
    assert ran.exit_code == 0, ran.output
    with (tmp_path / "out" / "comments.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["评论内容"] for row in rows] == ["物流很快\n包装完好", "质量很差", "末尾换行\n"]
    assert [row["备注"] for row in rows] == ["第一行\n第二行", "无", "x"]
    assert rows[0]["text"] == "物流很快\n包装完好"
    assert not any("\r" in cell for row in rows for cell in row.values())
