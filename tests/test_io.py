"""Every reader keeps every row, its id and its columns; bad input fails with one clear line."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from manyi.errors import InputError
from manyi.io.read import decode_bytes, read_comments
from manyi.io.write import formula_safe, write_csv

ROWS = pd.DataFrame({
    "评论ID": ["A1", "A2", "A3", "A4", "A5"],
    "评分": ["5", "1", "3", "4", "2"],
    "评论时间": ["2026-01-02", "2026-01-05", "2026-02-01", "2026-02-09", "2026-03-01"],
    "评论内容": ["物流很快，包装完好👍", "质量太差,\"根本\"不能用", "", "一般般\n还行吧", "12345"],
})


def _write(frame: pd.DataFrame, path, fmt: str, encoding: str = "utf-8") -> None:
    if fmt == "csv":
        path.write_bytes(frame.to_csv(index=False).encode(encoding))
    elif fmt == "tsv":
        path.write_bytes(frame.to_csv(index=False, sep="\t").encode(encoding))
    elif fmt == "xlsx":
        frame.to_excel(path, index=False)
    elif fmt == "jsonl":
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False)
                                  for r in frame.to_dict("records")) + "\n", encoding=encoding)
    elif fmt == "parquet":
        frame.to_parquet(path)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xlsx", "jsonl", "parquet"])
def test_every_reader_keeps_every_row_and_id(tmp_path, fmt):
    path = tmp_path / f"dump.{fmt}"
    _write(ROWS, path, fmt)
    frame, meta = read_comments(path, id_col="评论ID")
    assert meta.text_col == "评论内容"
    assert meta.rating_col == "评分" and meta.time_col == "评论时间"
    assert frame["comment_id"].tolist() == ROWS["评论ID"].tolist()
    texts = ["" if pd.isna(v) else str(v) for v in frame["评论内容"]]
    assert texts == ROWS["评论内容"].tolist()
    assert list(frame.columns) == ["comment_id", *ROWS.columns]


@pytest.mark.parametrize("name", ["月份", "month", "年月"])
def test_a_month_column_is_the_time_column(tmp_path, name):
    frame = ROWS.drop(columns=["评论时间"]).assign(**{name: ["2026-01", "2026-01", "2026-02",
                                                          "2026-02", "2026-03"]})
    _write(frame, tmp_path / "dump.csv", "csv")
    assert read_comments(tmp_path / "dump.csv", id_col="评论ID")[1].time_col == name


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "dump.csv"
    frame = ROWS.drop(index=0)  # GBK cannot hold the emoji
    _write(frame, path, "csv", encoding)
    read, meta = read_comments(path)
    assert read["评论内容"].tolist() == frame["评论内容"].tolist()
    assert meta.encoding in ("utf-8", "gb18030")


def test_plain_text_one_comment_per_line_with_row_numbers(tmp_path):
    path = tmp_path / "comments.txt"
    path.write_text("卡顿严重\n\n界面好看，就是广告多\n", encoding="utf-8")
    frame, meta = read_comments(path)
    assert frame["comment_id"].tolist() == ["1", "2", "3"]
    assert frame["comment"].tolist() == ["卡顿严重", "", "界面好看，就是广告多"]


def test_mixed_gbk_and_utf8_lines_are_decoded_line_by_line():
    data = "第一行很好\n".encode() + "第二行太差\n".encode("gbk") + b"\xff\xfe bad\n"
    text, encoding = decode_bytes(data, None)
    assert encoding == "mixed"
    assert text.splitlines()[:2] == ["第一行很好", "第二行太差"]
    assert "\ufffd" in text.splitlines()[2]


@pytest.mark.parametrize("name, content, message", [
    ("missing.csv", None, "no such file"),
    ("dump.docx", b"x", "unknown format"),
    ("empty.csv", b"", "file is empty"),
    ("header.csv", "评论内容\n".encode(), "no rows"),
    ("nocol.csv", b"a,b\n1,2\n", "no text column found among: a, b"),
    # a shop's name is no comment: a dump without its text column says so
    ("names.csv", "订单号,店铺,评分\nT01,老王麻辣烫,5\nT02,小李黄焖鸡,2\n".encode(),
     "no text column found among: 订单号, 店铺, 评分"),
])
def test_bad_input_fails_with_one_clear_line(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_comments(path)
    assert "\n" not in str(info.value)


def test_bad_json_line_is_rejected_with_its_line_number(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "好"}\n{"text": \n{"text": "差"}\n', encoding="utf-8")
    frame, meta = read_comments(path)
    assert frame[meta.text_col].tolist() == ["好", "差"]
    assert meta.rejects[0]["line"] == 2 and "JSON" in meta.rejects[0]["reason"]


def test_forced_encoding_that_does_not_fit_names_the_file(tmp_path):
    path = tmp_path / "dump.csv"
    path.write_bytes("评论\n很好\n".encode("gbk"))
    with pytest.raises(InputError, match="dump.csv: cannot decode as utf-8") as raised:
        read_comments(path, encoding="utf-8")
    # the line, and the encoding it does read as, with what to do
    assert "(line 1)" in str(raised.value)
    assert str(raised.value).endswith("it reads as gb18030: leave out --encoding to detect it")


def test_user_columns_named_like_outputs_are_kept_under_a_prefix():
    frame, meta = read_comments(pd.DataFrame({"text": ["很好"], "sentiment": ["pos"]}))
    assert meta.text_col == "input_text"
    assert list(frame.columns) == ["comment_id", "input_text", "input_sentiment"]


def test_written_csv_has_bom_and_neutralised_formulas(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(pd.DataFrame({"text": ["=HYPERLINK(\"x\")", "+1", "好"], "n": [-1, 2, 3]}), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["text"].tolist() == ["'=HYPERLINK(\"x\")", "'+1", "好"]
    assert back["n"].tolist() == [-1, 2, 3]
    assert formula_safe(pd.DataFrame({"a": ["@x"]}))["a"][0] == "'@x"


def test_json_lone_surrogates_become_replacement_characters(tmp_path):
    """A \\ud800 escape no pair completes is no character (no file can hold it): it is read
    as U+FFFD, so the row is flagged like any undecodable byte instead of crashing a writer."""
    import manyi

    path = tmp_path / "dump.jsonl"
    path.write_text('{"text": "质量很好\\ud800，物流很快", "note": "坏\\udc00了"}\n'
                    '{"text": "表情\\ud83d\\ude00很好", "note": "\\u597d"}\n'
                    '{"text": "\\ud800\\udbff\\ud800", "note": ""}\n', encoding="utf-8")
    frame, meta = read_comments(path)
    assert frame[meta.text_col].tolist() == ["质量很好\ufffd，物流很快", "表情😀很好", "\ufffd" * 3]
    assert frame["note"].tolist() == ["坏\ufffd了", "好", ""]
    result = manyi.analyze(path)
    assert result.comments["flag"].tolist() == ["partly_undecodable", "", "undecodable"]
    result.to_dir(tmp_path / "out")  # every cell can be written
