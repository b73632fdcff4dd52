"""Messy dumps: nothing lost, clear outcomes for broken files, same bytes every run, outputs
that are never half-written, no way out of the output folder."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES, build_file
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import manyi
from manyi import engine
from manyi.cli.commands import main
from manyi.errors import InputError
from manyi.io.read import read_comments
from manyi.io.write import safe_child
from manyi.pipeline import Result

HEADER = "评论ID,评论内容\n"


# -- the malformed-file corpus ----------------------------------------------------------
def _xlsx(path: Path, sheets: dict[str, list[list]],
          merge: dict[str, list[str]] | None = None) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merge or {}).get(name, []):
            sheet.merge_cells(cells)
    book.save(path)


def _bomb(path: Path) -> None:
    _xlsx(path, {"评论": [["评论内容"], ["很好"]]})
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (80 * 2**20))


CORPUS = {
    # name: (file bytes or a builder, expected comment ids, expected rejects {line: reason})
    "truncated.csv": (HEADER + "1,物流很快\n2,包装破了\n3,\"客服态度",
                      ["1", "2"], {4: "broken CSV quoting"}),
    "cut_after_comma.csv": ("评论ID,评论内容,评分\n1,好评,5\n2,", ["1", "2"], {}),
    "stray_quote.csv": (HEADER + "1,\"正品很好\n2,不错\n3,差评\n", ["2", "3"],
                        {2: "broken CSV quoting"}),
    "quote_then_text.csv": (HEADER + "1,\"正品\"很好\n2,不错\n", ["2"],
                            {2: "broken CSV quoting"}),
    "too_many_fields.csv": (HEADER + "1,物流快,包装好\n2,一般\n3,好,\n", ["2", "3"],
                            {2: "3 fields where the header has 2"}),
    "multiline_ok.csv": (HEADER + "1,\"第一行\n第二行\"\n2,\"他说\"\"好\"\"\"\n", ["1", "2"], {}),
    "semicolon.csv": ("评论ID;评论内容\n1;质量好\n2;太贵\n", ["1", "2"], {}),
    "tab_in_csv.csv": ("评论ID\t评论内容\n1\t质量好\n", ["1"], {}),
    "bom_crlf.csv": (b"\xef\xbb\xbf" + HEADER.replace("\n", "\r\n").encode() +
                     "1,好\r\n2,差\r\n".encode(), ["1", "2"], {}),
    "classic_mac.csv": (HEADER.replace("\n", "\r") + "1,好\r2,差\r", ["1", "2"], {}),
    "pasted_together.csv": (HEADER + "1,好\n" + "\ufeff" + HEADER + "2,差\n", ["1", "2"],
                            {3: "the header line again"}),
    "mixed_gbk_utf8.csv": (HEADER.encode() + "1,物流很快\n".encode() +
                           "2,包装破损\n".encode("gbk") + b"3,\xff\xfe\n", ["1", "2", "3"], {}),
    "utf16_excel_text.txt": ("很好\n太差\n".encode("utf-16"), ["1", "2"], {}),
    "nul_and_controls.csv": (HEADER + "1,好\x00评\x07\n2,\x1b[31m差\n", ["1", "2"], {}),
    "whitespace_cells.csv": (HEADER + "1,   \n2,\n3,\u3000\n\n", ["1", "2", "3"], {}),
    "bad_lines.jsonl": ('{"id": "a", "text": "好"}\n{"id": "b", "text": \n[1,\n'
                        '{"id": "c", "text": "差"}\n' + "[" * 100_000 + "\n",
                        ["a", "c"], {2: "bad JSON line", 3: "bad JSON line",
                                     5: "nested too deeply"}),
    "sheets.xlsx": (lambda p: _xlsx(p, {"汇总": [["评论内容"], ["第一页"]],
                                        "明细": [["评论内容"], ["第二页"], ["第二页b"]]}),
                    ["1"], {}),
    "title_and_merged_header.xlsx": (
        lambda p: _xlsx(p, {"导出": [["2026年3月 评价导出"], ["客户", None, "评价", None],
                                     ["编号", "电话", "评论内容", None],
                                     ["a1", "138", "物流很快", "备注"], [None] * 4,
                                     ["a2", "139", "太贵了", None]]},
                        {"导出": ["A1:D1", "A2:B2", "C2:D2", "C3:D3"]}),
        ["a1", "a2"], {}),
}

FAILURES = {
    "empty.csv": (b"", "file is empty"),
    "header_only.csv": (HEADER, "no rows to analyse"),
    "blank_lines.csv": ("\n\n   \n", r"file is empty \(only spaces and line breaks\)"),
    "nul_padding.csv": (HEADER + "\x00\x00\n\x1a", "no rows to analyse"),
    "utf16_no_bom.csv": ("评论内容\n很好\n".encode("utf-16-le"),
                         "looks like UTF-16-LE text without a byte-order mark; pass --encoding"),
    # a character U+xx00 (一) puts a NUL on the other side: still caught
    "utf16_one.csv": ("编号,内容\nB001,等了一个小时没人接\nB002,办好了\n".encode("utf-16-le"),
                      "looks like UTF-16-LE text without a byte-order mark"),
    "utf32_no_bom.csv": ("评论内容\n很好\n".encode("utf-32-be"),
                         "looks like UTF-32-BE text without a byte-order mark"),
    "all_bad.jsonl": ('{"text": \n{{\n', r"no rows to analyse \(2 line\(s\) rejected; "
                      "first at line 1: bad JSON line"),
    "truncated_array.json": ('[{"text": "好"}, {"text": "差', "bad JSON at line 1"),
    "wrong_kind.xlsx": ("评论内容\n很好\n", r"not an .xlsx workbook \(not a zip file\)"),
    "bomb.xlsx": (_bomb, r"refused: the workbook would unpack to 80 MiB"),
    "cut.parquet": (lambda p: p.write_bytes(_parquet_bytes()[:-40]), "cannot read as parquet"),
    "forced_encoding.csv": ("评论内容\n很好\n".encode("gbk"), "cannot decode as utf-8"),
    "notext.csv": ("a,b\n1,2\n", "no text column found among: a, b"),
}


def _parquet_bytes() -> bytes:
    import io

    buffer = io.BytesIO()
    pd.DataFrame({"评论内容": ["好"] * 50}).to_parquet(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name", list(CORPUS))
def test_malformed_file_keeps_every_good_row_and_rejects_the_rest(tmp_path, name):
    content, ids, rejected = CORPUS[name]
    id_col = {".csv": "评论ID", ".jsonl": "id"}.get(Path(name).suffix)
    id_col = "编号" if name.startswith("title") else id_col
    frame, meta = read_comments(build_file(tmp_path, name, content), id_col=id_col)
    assert frame["comment_id"].tolist() == ids
    assert {r["line"]: r["reason"] for r in meta.rejects}.keys() == rejected.keys()
    for reject in meta.rejects:
        assert rejected[reject["line"]] in reject["reason"]
        assert len(reject["raw"]) <= 32_100


def test_malformed_files_read_the_right_values(tmp_path):
    def read(name, **options):
        return read_comments(build_file(tmp_path, name, CORPUS[name][0]), **options)

    frame, meta = read("semicolon.csv")
    assert meta.delimiter == ";" and frame["评论内容"].tolist() == ["质量好", "太贵"]
    assert read("cut_after_comma.csv")[0]["评分"].tolist() == ["5", ""]
    assert read("multiline_ok.csv")[0]["评论内容"].tolist() == ["第一行\n第二行", '他说"好"']
    frame, meta = read("mixed_gbk_utf8.csv")
    assert meta.encoding == "mixed"
    assert frame["评论内容"].tolist()[:2] == ["物流很快", "包装破损"]
    assert "\ufffd" in frame["评论内容"].iloc[2]  # flagged undecodable by the pipeline
    assert read("utf16_excel_text.txt")[1].encoding == "utf-16"
    assert read("nul_and_controls.csv")[0]["评论内容"].iloc[0] == "好\x00评\x07"
    assert read("whitespace_cells.csv")[0]["评论内容"].tolist() == ["   ", "", "\u3000"]
    assert read("bom_crlf.csv")[0].columns.tolist() == ["comment_id", "评论ID", "评论内容"]
    frame, meta = read("sheets.xlsx")
    assert meta.sheets == ["汇总", "明细"] and meta.sheet == "汇总"
    assert read("sheets.xlsx", sheet="明细")[0]["评论内容"].tolist() == ["第二页", "第二页b"]
    assert read("sheets.xlsx", sheet="1")[1].sheet == "明细"
    with pytest.raises(InputError, match="no sheet 'x'; sheets are: 汇总, 明细"):
        read("sheets.xlsx", sheet="x")
    frame, meta = read("title_and_merged_header.xlsx", id_col="编号")
    assert meta.header_row == 3 and meta.text_col == "评论内容"
    assert frame["comment_id"].tolist() == ["a1", "a2"]
    assert frame["Unnamed: 3"].tolist()[0] == "备注"


@pytest.mark.parametrize("name", list(FAILURES))
def test_broken_whole_file_fails_with_one_clear_line(tmp_path, name):
    content, message = FAILURES[name]
    path = build_file(tmp_path, name, content)
    encoding = "utf-8" if name == "forced_encoding.csv" else None
    with pytest.raises(InputError, match=message) as info:
        read_comments(path, encoding=encoding)
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "txt"])
def test_one_megabyte_comment_comes_out_whole(tmp_path, fmt):
    giant = ("物流很快包装完好😀ok，" * 70_000)[:1_000_000]
    frame = pd.DataFrame({"评论内容": ["短评", giant, "差"]})
    path = tmp_path / f"big.{fmt}"
    _write(frame, path, fmt)
    read, _ = read_comments(path)
    assert read.iloc[:, -1].tolist() == frame["评论内容"].tolist()


# -- property tests: arbitrary Unicode, every row comes out ------------------------------
CELL = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
    st.sampled_from(["", " ", "\t", "\u3000 \n", "\x00", "=1+1",
                     "👍🏻👨‍👩‍👧",
                     "物流很快 fast быстро سريع", '"', '""', "\r", "\r\n", ",", "\ufeff好",
                     "\\N", "NaN", "null"]),
)


def _write(frame: pd.DataFrame, path: Path, fmt: str) -> None:
    # A bare CR in a cell is quoted only when CR is part of the line ending (csv module).
    if fmt == "csv":
        path.write_bytes(frame.to_csv(index=False, lineterminator="\r\n").encode())
    elif fmt == "csv-quote-all":
        path.write_bytes(frame.to_csv(index=False, quoting=csv.QUOTE_ALL).encode())
    elif fmt == "tsv":
        path.write_bytes(frame.to_csv(index=False, sep="\t", lineterminator="\r\n").encode())
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                for r in frame.to_dict("records")), encoding="utf-8")
    elif fmt == "txt":
        path.write_text("".join(t + "\n" for t in frame.iloc[:, -1]), encoding="utf-8")
    elif fmt == "parquet":
        frame.to_parquet(path)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(CELL, min_size=1, max_size=8),
       fmt=st.sampled_from(["csv", "csv-quote-all", "tsv", "jsonl", "parquet"]))
@example(texts=["\n\t"], fmt="tsv")  # a quoted cell, not a stray quote holding a row
@example(texts=["好\n差评\t", "x"], fmt="tsv")
def test_every_row_and_id_comes_out_of_every_reader(tmp_path_factory, texts, fmt):
    frame = pd.DataFrame({"编号": [f"r{i}" for i in range(len(texts))], "评论内容": texts})
    path = tmp_path_factory.mktemp("p") / f"dump.{fmt.split('-')[0]}"
    _write(frame, path, fmt)
    read, meta = read_comments(path, id_col="编号", text_col="评论内容")
    assert meta.rejects == []
    assert read["comment_id"].tolist() == frame["编号"].tolist()
    if fmt.startswith(("csv", "tsv")):  # a CRLF in a CSV cell is a line break: LF (#23)
        texts = [re.sub(r"\r+\n", "\n", t) for t in texts]
    assert read["评论内容"].tolist() == texts


CSV_LINES = ["1,好\n", "2,\"多\n", "行\"\n", "\n", "3,\"坏\n", "4,a,b\n", "5,好,\n",
             "评论ID,评论内容\n", "\ufeff评论ID,评论内容\n", "6\n", "7,\"引\"\"号\"\r\n",
             "8,\"正品\"很好\n", "9,\"换\r\n", "10,\"回\r车\"\n"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.sampled_from(CSV_LINES), max_size=25),
       block=st.integers(1, 4), chunk=st.sampled_from([None, 1, 3]),
       header=st.sampled_from([HEADER, "评论内容\n"]))
def test_csv_read_block_by_block_equals_line_by_line(monkeypatch, lines, block, chunk, header):
    """Plain blocks go to the csv module whole; any block with a blank, short, long, broken
    or multi-line record, or the header again, is read line by line: same rows, same rejects
    and line numbers as reading every line carefully."""
    from manyi.io import delimited as io

    text = header + "".join(lines)  # one column is read line by line, chunk by chunk

    def read(**patch):
        with monkeypatch.context() as m:
            for name, value in patch.items():
                m.setattr(io, name, value)
            meta = manyi.io.read.InputMeta(source="dump.csv", format="csv")
            frames = list(io.csv_frames(iter(io.split_lines(text)), "csv", meta, chunk))
        assert all(len(f) == chunk for f in frames[:-1]) or chunk is None
        return [row for f in frames for row in f.values.tolist()], meta.rejects

    assert read(FAST_LINES=block) == read(_plain_records=lambda *args: None)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
                      min_size=1, max_size=8))
def test_plain_text_keeps_one_row_per_line(tmp_path_factory, lines):
    lines = [re.sub(r"[\r\n]", " ", line) for line in lines]
    assume("".join(lines).strip(" \t\x00\x0b\x0c\x1a"))  # else 'file is empty' (see FAILURES)
    path = tmp_path_factory.mktemp("t") / "dump.txt"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    frame, _ = read_comments(path)
    assert frame["comment"].tolist() == lines


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".tsv", ".jsonl", ".txt"]))
def test_arbitrary_bytes_give_rows_plus_rejects_or_one_clear_error(tmp_path_factory, data,
                                                                   suffix):
    path = tmp_path_factory.mktemp("b") / f"dump{suffix}"
    path.write_bytes(data)
    try:
        frame, meta = read_comments(path)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert len(frame) == meta.rows > 0
    assert frame["comment_id"].tolist() == [str(i) for i in range(1, len(frame) + 1)]


@settings(max_examples=25, deadline=None)
@given(texts=st.lists(CELL, min_size=1, max_size=6))
def test_analyze_keeps_every_row_whatever_the_text(texts):
    texts = [*texts, "物流很快，包装完好"]  # one analysable row: see the all-flagged test below
    ids = [f"c{i}" for i in range(len(texts))]
    result = manyi.analyze(pd.DataFrame({"id": ids, "评论": texts}), id_col="id")
    assert result.comments["comment_id"].tolist() == ids
    assert result.comments["评论"].tolist() == texts
    assert set(result.mentions["comment_id"]) <= set(ids)


def test_analyze_of_a_dump_where_every_row_is_flagged():
    result = manyi.analyze(["", "此用户没有填写评价", "12345"], progress=False)
    assert result.comments["flag"].tolist() == ["empty", "placeholder", "not_text"]
    assert result.mentions.empty and (result.dimensions["comments"] == 0).all()


# -- every run path, same rows, same bytes -----------------------------------------------
@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(engine, "CHUNK_ROWS", 60)
    monkeypatch.setattr(engine, "INLINE_ROWS", 60)  # more rows: a pool, as on a large dump


def _messy_dump(tmp_path: Path) -> Path:
    lines = (SAMPLES / "ecommerce_reviews.csv").read_text(encoding="utf-8").splitlines()
    extra = ["X1,\"broken quote", "@X2,=HYPERLINK(\"http://x\"),5,extra,fields,here,more"]
    path = tmp_path / "messy.csv"
    path.write_text("\n".join(lines[:150] + extra + lines[150:]) + "\n", encoding="utf-8")
    return path


def _analyze_cli(source: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["analyze", str(source), "-o", str(out), "--quiet", *args])


def test_same_bytes_across_runs_and_jobs_with_rejects_and_exit_3(tmp_path, small_chunks):
    source = _messy_dump(tmp_path)
    outputs = []
    for n, jobs in enumerate(["1", "1", "2", None]):  # None: the default, all cores
        run = _analyze_cli(source, tmp_path / f"out{n}", *(["--jobs", jobs] if jobs else []))
        assert run.exit_code == 3, run.output
        assert "2 input row(s) rejected" in run.output
        outputs.append({p.name: p.read_bytes() for p in sorted((tmp_path / f"out{n}").iterdir())})
    assert list(outputs[0]) == ["comments.csv", "dimensions.csv", "drivers.csv", "mentions.csv",
                                "meta.json", "rejects.csv"]
    assert outputs[0] == outputs[1] == outputs[2] == outputs[3]
    rejects = pd.read_csv(tmp_path / "out0" / "rejects.csv", encoding="utf-8-sig", dtype=str)
    assert rejects["line"].tolist() == ["151", "152"]
    assert rejects["raw"].iloc[1].startswith("'@X2,=HYPERLINK")  # formula-safe
    comments = pd.read_csv(tmp_path / "out0" / "comments.csv", encoding="utf-8-sig", dtype=str)
    assert len(comments) == 420 and json.loads(outputs[0]["meta.json"])["rejected"] == 2


def test_strict_turns_rejects_into_an_error_and_writes_nothing(tmp_path):
    run = _analyze_cli(_messy_dump(tmp_path), tmp_path / "out", "--strict")
    assert run.exit_code == 1
    assert "2 row(s) rejected (--strict): line 151: broken CSV quoting" in run.output
    assert not (tmp_path / "out").exists()


def test_every_engine_keeps_rows_and_ids(tmp_path, small_chunks):
    source = SAMPLES / "ecommerce_reviews.csv"
    ids = pd.read_csv(source, dtype=str)["评论ID"].tolist()
    one = manyi.analyze(source, id_col="评论ID", jobs=1, progress=False)
    two = manyi.analyze(source, id_col="评论ID", jobs=2, progress=False)
    assert one.comments["comment_id"].tolist() == ids
    pd.testing.assert_frame_equal(one.comments, two.comments)
    pd.testing.assert_frame_equal(one.mentions, two.mentions)
    dd = pytest.importorskip("dask.dataframe")
    frame, meta = read_comments(source, id_col="评论ID")
    annotations, mentions = engine.annotate_dask(dd.from_pandas(frame, npartitions=3),
                                                 meta.text_col, one.settings)
    assert len(annotations) == len(ids)
    for column in ("text", "sentiment", "sentiment_score", "dimensions", "n_mentions"):
        pd.testing.assert_series_equal(annotations[column], one.comments[column])
    assert mentions["row"].tolist() == one.mentions["row"].tolist()


# -- atomic outputs --------------------------------------------------------------------
def _small_result(tag: str, rejects=()) -> Result:
    result = manyi.analyze([tag, "=cmd|' /C calc'!A0"])
    result.meta.update(source=tag, rejects=list(rejects))
    return result


KILLER = """
import os, signal, sys
import pandas as pd
from manyi import pipeline
calls = []
def dying_write_csv(frame, path):
    calls.append(path)
    if len(calls) == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(frame, path)
real = pipeline.write_csv
pipeline.write_csv = dying_write_csv
if sys.argv[3] == "cli":
    from manyi.cli.commands import main
    main(["analyze", sys.argv[4], "-o", sys.argv[1], "--quiet"])
else:
    pipeline.analyze(["new"]).to_dir(sys.argv[1])
"""


def _kill_during_write(out: Path, at_call: int, *args: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", KILLER, str(out), str(at_call), *args],
                          env=env, capture_output=True, timeout=120)
    return done.returncode


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_kill_9_mid_write_keeps_the_previous_output_whole(tmp_path):
    out = tmp_path / "out"
    _small_result("old", rejects=[{"line": 3, "reason": "x", "raw": "y"}]).to_dir(out)
    (out / "notes.txt").write_text("analyst's own file", encoding="utf-8")
    before = _snapshot(out)
    for at_call in (1, 2, 3):
        assert _kill_during_write(out, at_call, "lib") == -signal.SIGKILL
        assert _snapshot(out) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "out"]
    assert all(name.startswith(".out.partial-") for name in leftovers)
    _small_result("new").to_dir(out)  # the next run clears dead runs' staging folders
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(_snapshot(out)) == ["comments.csv", "dimensions.csv", "drivers.csv",
                                      "mentions.csv", "meta.json", "notes.txt"]  # no stale rejects


def test_kill_9_of_the_cli_with_no_earlier_output_leaves_no_output(tmp_path):
    out = tmp_path / "out"
    assert _kill_during_write(out, 2, "cli", str(SAMPLES / "app_reviews.txt")) == -signal.SIGKILL
    assert not out.exists()


# -- security --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["../escape.csv", "/etc/passwd", "a/b.csv", "..", "",
                                  "x\x00.csv", "..\\evil.csv"])
def test_output_names_cannot_leave_the_output_folder(tmp_path, name):
    with pytest.raises(InputError, match="not a plain file name"):
        safe_child(tmp_path, name)


def test_planted_symlink_in_the_output_folder_is_not_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "comments.csv").symlink_to(victim)
    _small_result("new").to_dir(out)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "comments.csv").is_symlink()


def test_formulas_are_neutralised_in_every_csv(tmp_path):
    rejects = [{"line": 2, "reason": "bad", "raw": "=HYPERLINK(\"http://evil\")"}]
    _small_result("@SUM(A1)", rejects).to_dir(tmp_path / "out")
    comments = pd.read_csv(tmp_path / "out" / "comments.csv", encoding="utf-8-sig")
    assert comments["text"].tolist() == ["'@SUM(A1)", "'=cmd|' /C calc'!A0"]
    raw = pd.read_csv(tmp_path / "out" / "rejects.csv", encoding="utf-8-sig")["raw"]
    assert raw.tolist() == ["'=HYPERLINK(\"http://evil\")"]


def test_no_pickle_marshal_eval_or_unsafe_loaders_in_the_package():
    unsafe = re.compile(r"\bpickle\b|\bmarshal\b|\beval\(|\bexec\(|yaml\.load\(|"
                        r"allow_pickle=True|pd\.read_pickle|joblib\.load")
    for path in (ROOT / "src" / "manyi").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0]
            assert not unsafe.search(code) or "no pickle" in line, f"{path.name}:{number}: {line}"


_DRAWINGS = """
import hashlib, io, sys
import manyi
from manyi.analysis.graph import plot_graph
from manyi.report.svg import graph_svg
result = manyi.analyze(sys.argv[1])
for name, graph in sorted(result.graphs.items()):
    buffer = io.BytesIO()
    plot_graph(graph).savefig(buffer, format="png", metadata={"Software": None})
    print(name, hashlib.md5(graph_svg(graph).encode()).hexdigest(),
          hashlib.md5(buffer.getvalue()).hexdigest())
"""


def test_graph_drawings_do_not_change_with_the_hash_seed():
    """The report's network and the graph PNG lay out the same nodes in the same places
    whatever Python's string-hash salt (a subgraph view iterates a set of nodes)."""
    runs = [subprocess.run([sys.executable, "-c", _DRAWINGS, str(SAMPLES / "app_reviews.txt")],
                           env={**os.environ, "PYTHONHASHSEED": seed, "MPLBACKEND": "Agg"},
                           capture_output=True, text=True, check=True).stdout
            for seed in ("1", "2")]
    assert runs[0].count("\n") == 2 and runs[0] == runs[1]
