"""analyze() end to end: nothing lost, flags with reasons, tables that agree with each other."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SAMPLES

import manyi
from manyi import engine

COMMENTS = pd.DataFrame({
    "编号": ["a1", "a2", "a3", "a4", "a5", "a6", "a6", "a8"],
    "评论": ["物流很快，但是包装破了，客服也不理人", "", 12345, "此用户没有填写评价。",
           "价格实惠，质量也不错，推荐购买", "太贵了，不值", "快递员态度很差，东西还压坏了", None],
    "评分": [2, 3, 3, 5, 5, 1, 1, 4],
})


@pytest.fixture(scope="module")
def result():
    return manyi.analyze(COMMENTS, id_col="编号")


def test_every_row_comes_out_in_order_with_its_id(result):
    assert result.comments["comment_id"].tolist() == COMMENTS["编号"].tolist()
    assert result.comments["评分"].tolist() == COMMENTS["评分"].tolist()


def test_rows_that_cannot_be_analysed_are_flagged_with_a_reason(result):
    assert result.comments["flag"].tolist() == [
        "", "empty", "not_text", "placeholder", "", "duplicate_id", "duplicate_id", "empty"]
    flagged = result.comments[~result.comments["flag"].isin(["", "duplicate_id"])]
    assert (flagged["sentiment"] == "").all() and (flagged["dimensions"] == "").all()
    assert result.meta["duplicate_ids"] == ["a6"]


def test_mixed_comment_gets_praise_and_complaint_on_different_dimensions(result):
    first = result.mentions[result.mentions["comment_id"] == "a1"]
    polarity = dict(zip(first["dimension"], first["polarity"]))
    assert polarity["logistics"] == "positive"
    assert polarity["product"] == "negative"
    assert result.comments.loc[0, "dimensions"].split(";") == sorted(first["dimension"].unique())


def test_sentiment_labels_and_scores_are_consistent(result):
    ok = result.comments[result.comments["flag"].isin(["", "duplicate_id"])]
    assert set(ok["sentiment"]) <= {"positive", "neutral", "negative"}
    total = ok[["p_positive", "p_neutral", "p_negative"]].sum(axis=1)
    assert ((total - 1).abs() < 1e-6).all()
    assert ((ok["p_positive"] - ok["p_negative"] - ok["sentiment_score"]).abs() < 1e-6).all()
    assert ok.set_index("comment_id").loc["a5", "sentiment"] == "positive"


def test_dimension_table_counts_match_the_comments_table(result):
    exploded = result.comments["dimensions"].str.split(";").explode()
    counts = exploded[exploded != ""].value_counts()
    table = result.dimensions.set_index("dimension")
    for dimension, count in counts.items():
        assert table.loc[dimension, "comments"] == count
    seen = table[table["comments"] > 0]
    shares = seen[["positive", "neutral", "negative"]].sum(axis=1)
    assert ((shares - 1).abs() < 1e-9).all()
    assert ((seen["satisfaction"] >= 0) & (seen["satisfaction"] <= 100)).all()


def test_process_pool_gives_the_same_tables_as_one_process(monkeypatch):
    monkeypatch.setattr(engine, "CHUNK_ROWS", 3)
    one = manyi.analyze(COMMENTS, id_col="编号", jobs=1)
    two = manyi.analyze(COMMENTS, id_col="编号", jobs=2)
    pd.testing.assert_frame_equal(one.comments, two.comments)
    pd.testing.assert_frame_equal(one.mentions, two.mentions)
    pd.testing.assert_frame_equal(one.dimensions, two.dimensions)


@pytest.mark.parametrize("name, options", [
    ("ecommerce_reviews.csv", {"id_col": "评论ID"}),
    ("restaurant_reviews.jsonl", {"id_col": "id", "domain": "catering"}),
    ("hotline_tickets_gbk.csv", {"id_col": "工单编号", "domain": "hotline"}),
    ("survey_feedback.xlsx", {"id_col": "问卷编号", "domain": "hotel"}),
    ("app_reviews.txt", {}),
])
def test_bundled_samples_keep_every_row(name, options, tmp_path):
    path = SAMPLES / name
    result = manyi.analyze(path, **options)
    raw, _ = manyi.io.read.read_comments(path, id_col=options.get("id_col"))
    assert len(result.comments) == len(raw)
    assert result.comments["comment_id"].tolist() == raw["comment_id"].tolist()
    analysed = result.comments["flag"].isin(["", "duplicate_id"])
    assert analysed.mean() > 0.8
    assert (result.comments.loc[analysed, "dimensions"] != "").mean() > 0.6
    out = result.to_dir(tmp_path / "out")
    back = pd.read_csv(out / "comments.csv", encoding="utf-8-sig", dtype=str,
                       keep_default_na=False)
    assert back["comment_id"].tolist() == raw["comment_id"].tolist()
    assert (out / "comments.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_one_lost_character_leaves_the_comment_analysed():
    result = manyi.analyze(["质量很好\ufffd物流也快", "\ufffd\ufffd\ufffd好", "物流很快"])
    flags = result.comments["flag"].tolist()
    assert flags == ["partly_undecodable", "undecodable", ""]
    assert result.comments["dimensions"].iloc[0] == "logistics;product"
    assert result.comments["sentiment"].iloc[1] == ""
    assert result.meta["flags"]["partly_undecodable"] == 1


def test_annotating_leaves_the_garbage_collector_as_it_found_it():
    import gc

    from manyi.pipeline import Settings

    annotator = engine.annotator_for(Settings())
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            annotator.annotate(["1"], ["物流很快，质量很好"])
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_only_the_main_thread_pauses_the_collector():
    import gc
    import threading

    from manyi.pipeline import _gc_paused

    seen = []

    def in_thread():
        with _gc_paused():
            seen.append(gc.isenabled())

    was = gc.isenabled()
    gc.enable()
    try:
        with _gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
        worker = threading.Thread(target=in_thread)
        worker.start()
        worker.join()
        assert seen == [True]
    finally:
        (gc.enable if was else gc.disable)()
