"""Streamed analysis (manyi analyze): same files as the in-memory run, chunk by chunk."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import manyi
from manyi.errors import ManyiError
from manyi.io.read import iter_comments
from manyi.stream import analyze_to_dir

SAMPLES = Path(__file__).resolve().parents[1] / "corpus_samples"
TABLES = ("comments.csv", "mentions.csv", "dimensions.csv", "drivers.csv")


def _whole_and_streamed(tmp_path: Path, source, chunk_rows: int, **options):
    whole = manyi.analyze(source, **options)
    whole.to_dir(tmp_path / "whole")
    streamed = analyze_to_dir(source, tmp_path / "streamed", chunk_rows=chunk_rows, **options)
    return whole, streamed


def _same_files(tmp_path: Path) -> None:
    for name in TABLES:
        assert (tmp_path / "whole" / name).read_bytes() == \
            (tmp_path / "streamed" / name).read_bytes(), name
    meta = [json.loads((tmp_path / d / "meta.json").read_text(encoding="utf-8"))
            for d in ("whole", "streamed")]
    assert meta[0] == meta[1]


@pytest.mark.parametrize("name, options", [
    ("ecommerce_reviews.csv", {"id_col": "评论ID"}),
    ("restaurant_reviews.jsonl", {"domain": "catering"}),
    ("hotline_tickets_gbk.csv", {"domain": "hotline"}),
    ("app_reviews.txt", {}),
])
def test_streamed_files_equal_the_whole_run_byte_for_byte(tmp_path, monkeypatch, name,
                                                          options):
    monkeypatch.setattr("manyi.stream.MERGE_PIECES", 3)  # counts summed three pieces at a time
    whole, streamed = _whole_and_streamed(tmp_path, SAMPLES / name, chunk_rows=37, **options)
    _same_files(tmp_path)
    pd.testing.assert_frame_equal(streamed.dimensions, whole.dimensions)
    pd.testing.assert_frame_equal(streamed.drivers, whole.drivers)
    for subset in ("all", "complaints"):
        assert nx.utils.graphs_equal(streamed.graphs[subset], whole.graphs[subset])


def test_repeated_ids_across_chunks_flag_every_occurrence(tmp_path):
    rows = ["id,评论"] + [f"{i % 7},{text}" for i, text in enumerate(
        ["物流很快", "质量太差", "", "价格便宜", "客服态度好", "还行", "包装破了", "发货慢",
         "此用户没有填写评价", "做工精细"])] + ["99,唯一的一条好评"]
    source = tmp_path / "ids.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    _whole_and_streamed(tmp_path, source, chunk_rows=3, id_col="id")
    _same_files(tmp_path)
    comments = pd.read_csv(tmp_path / "streamed" / "comments.csv", dtype=str,
                           keep_default_na=False)
    flags = dict(zip(comments["评论"], comments["flag"]))
    assert flags["物流很快"] == "duplicate_id"  # first of id 0, written before its repeat
    assert flags["唯一的一条好评"] == ""
    assert flags[""] == "empty"  # a worse problem than the repeat keeps its own flag


def test_json_lines_with_a_key_first_seen_late_keep_every_column(tmp_path):
    lines = [json.dumps({"id": i, "content": "质量不错" if i % 2 else "物流太慢"},
                        ensure_ascii=False) for i in range(30)]
    lines[25] = json.dumps({"id": 25, "content": "客服很耐心", "store": "北京店"},
                           ensure_ascii=False)
    lines.insert(10, "{broken")
    source = tmp_path / "late.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, streamed = _whole_and_streamed(tmp_path, source, chunk_rows=4, id_col="id")
    _same_files(tmp_path)
    comments = pd.read_csv(tmp_path / "streamed" / "comments.csv", dtype=str,
                           keep_default_na=False)
    assert list(comments.columns[:4]) == ["comment_id", "id", "content", "store"]
    assert comments.loc[comments["id"] == "25", "store"].item() == "北京店"
    assert streamed.meta["rejects"][0]["line"] == 11


def test_reading_is_lazy(tmp_path):
    source = tmp_path / "big.csv"
    source.write_text("评论\n" + "很好\n" * 1000 + '"broken\n', encoding="utf-8")
    meta, chunks = iter_comments(source, chunk_rows=100)
    assert len(next(chunks)) == 100 and meta.rows == 100 and not meta.rejects
    assert sum(len(c) for c in chunks) == 900 and meta.rows == 1000
    assert meta.rejects[0]["line"] == 1002


def test_process_pool_streams_the_same_files(tmp_path):
    source = SAMPLES / "ecommerce_reviews.csv"
    analyze_to_dir(source, tmp_path / "whole", chunk_rows=150, id_col="评论ID")
    analyze_to_dir(source, tmp_path / "streamed", chunk_rows=150, id_col="评论ID", jobs=2)
    _same_files(tmp_path)


def test_strict_stream_writes_nothing_when_a_row_is_rejected(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"text": "好"}\n{oops\n', encoding="utf-8")
    with pytest.raises(ManyiError, match="line 2"):
        analyze_to_dir(source, tmp_path / "out", strict=True)
    assert not (tmp_path / "out").exists()


def test_a_chunk_of_ids_all_seen_before(tmp_path):
    source = tmp_path / "again.csv"
    source.write_text("id,评论\n1,物流很快\n1,质量好\n1,还行\n2,好评\n", encoding="utf-8")
    _whole_and_streamed(tmp_path, source, chunk_rows=1, id_col="id")
    _same_files(tmp_path)
