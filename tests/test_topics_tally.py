"""``manyi topics`` counted block by block as the comments are assigned: the counts, the
examples, the tables over time and by group, and ``comment_topics.csv`` written a block at a
time — the same as the per-comment computation over the whole assignment."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from manyi.analysis.topics.model import TopicModel
from manyi.analysis.topics.tally import KeyTally, TopicCounts, period_of
from manyi.errors import InputError, ManyiError

WORDS = ["快递", "物流", "发货", "面料", "做工", "尺码", "房间", "前台", "早餐", "价格",
         "客服", "售后", "包装", "颜色", "味道"]


def _texts(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return ["，".join(f"{w}很好" for w in rng.sample(WORDS, rng.randint(0, 5))) or "。"
            for _ in range(n)]


def _per_comment_tally(keys, topics, negative, name, labels):
    """The tally as the whole per-comment table computed it before (one groupby)."""
    frame = pd.DataFrame({name: pd.Series(list(keys), dtype=object).to_numpy(),
                          "topic": np.asarray(topics), "negative": np.asarray(negative)})
    frame = frame[frame[name].notna()]
    grouped = frame.groupby([name, "topic"], sort=True)
    table = grouped.size().rename("comments").reset_index()
    table["share"] = table.comments / table.groupby(name).comments.transform("sum")
    table["negative_share"] = grouped.negative.mean().to_numpy()
    table.insert(2, "label", table.topic.map(labels))
    return table


def _blocks(n: int, sizes=(1, 7, 64, 3)):
    start, i = 0, 0
    while start < n:
        end = min(n, start + sizes[i % len(sizes)])
        yield slice(start, end)
        start, i = end, i + 1


def test_counts_and_examples_in_blocks_equal_the_whole_assignment():
    rng = np.random.default_rng(4)
    n, k = 1_000, 5
    topics = rng.integers(-1, k, n)
    probability = np.round(rng.random(n), 2).astype(np.float32)  # many ties
    distinct = rng.integers(0, 7, n).astype(np.int8)
    negative = rng.random(n) < 0.3
    whole = TopicCounts(k, 3, sentiment=True)
    whole.add(topics, probability, distinct, negative)
    blocked = TopicCounts(k, 3, sentiment=True)
    for part in _blocks(n):
        blocked.add(topics[part], probability[part], distinct[part], negative[part])
    typical = probability * (distinct / 6)
    for t in range(-1, k):
        members = topics == t
        assert blocked.size(t) == whole.size(t) == members.sum()
        assert blocked.negative_share(t) == float(negative[members].mean())
    expected = {}
    for t in range(k):  # the stable sort of every comment of the topic
        rows = np.flatnonzero(topics == t)
        expected[t] = [int(i) for i in rows[np.argsort(-typical[rows], kind="stable")][:3]]
    assert blocked.best() == whole.best() == expected


def test_key_tally_in_blocks_equals_the_per_comment_table():
    rng = random.Random(7)
    n = 600
    cells = ["电商", "外卖", None, "酒店", float("nan"), 3, "电商"]
    keys = [rng.choice(cells) for _ in range(n)]
    topics = np.array([rng.randrange(-1, 4) for _ in range(n)])
    negative = np.array([rng.random() < 0.4 for _ in range(n)])
    labels = {t: f"主题{t}" for t in range(-1, 4)}
    tally = KeyTally(sentiment=True)
    for part in _blocks(n):
        tally.add(keys[part], topics[part], negative[part])
    expected = _per_comment_tally(keys, topics, negative, "group", labels)
    pd.testing.assert_frame_equal(tally.table("group", labels), expected)


def test_key_tally_over_time_parses_each_distinct_value_once():
    cells = ["2026-01-03", "2026/02/14 10:00", None, "不是日期", pd.Timestamp("2025-12-31"),
             "2026-01-03", float("nan"), "3 March 2026", "2026-02-28T23:59:59"]
    n = 300
    times = [cells[(i * 7) % len(cells)] for i in range(n)]
    topics = np.arange(n) % 3
    negative = np.arange(n) % 5 == 0
    labels = {t: str(t) for t in range(-1, 3)}
    for freq in ("D", "W", "M", "Q"):
        tally = KeyTally(sentiment=True)
        for part in _blocks(n):
            tally.add(times[part], topics[part], negative[part])
        stamps = pd.to_datetime(pd.Series(times), errors="coerce", format="mixed")
        period = stamps.dt.to_period(freq).astype(str).where(stamps.notna())
        expected = _per_comment_tally(period, topics, negative, "period", labels)
        pd.testing.assert_frame_equal(tally.table("period", labels, period_of(freq)), expected)


def test_a_fit_streaming_its_assignment_reports_what_a_kept_fit_reports():
    texts = _texts(400)
    sentiment = ["negative" if i % 3 == 0 else "positive" for i in range(400)]
    kept = TopicModel(k=3, no_below=2, no_above=0.9).fit(texts, sentiment=sentiment)
    blocks: list[pd.DataFrame] = []
    streamed = TopicModel(k=3, no_below=2, no_above=0.9).fit(
        texts, sentiment=iter(sentiment), assigned=lambda block, model: blocks.append(block))
    assert streamed.document_topics_ is None
    pd.testing.assert_frame_equal(pd.concat(blocks, ignore_index=True), kept.document_topics_)
    pd.testing.assert_frame_equal(streamed.topic_info(), kept.topic_info())
    shares = kept.document_topics_.topic.value_counts(normalize=True)
    assert streamed.topic_shares() == {t: shares[t] for t in shares.index}
    with pytest.raises(ManyiError, match="not kept"):
        streamed.topics_by_group(["a"] * 400)


@pytest.mark.parametrize("labels", [["negative"] * 399, ["negative"] * 401])
def test_sentiment_of_another_length_is_refused(labels):
    for given in (labels, iter(labels)):
        with pytest.raises(InputError, match=f"sentiment has {len(labels)} values for 400"):
            TopicModel(k=2, no_below=2, no_above=0.9).fit(_texts(400), sentiment=given)


def test_topic_tables_write_comment_topics_block_by_block(tmp_path, monkeypatch):
    """The file written as the comments are assigned has the bytes write_csv gives the
    whole table; the other tables are those of the kept assignment."""
    from manyi import analyze
    from manyi.analysis.topics import bags, tables
    from manyi.io.write import write_csv

    monkeypatch.setattr(bags, "BLOCK", 37)  # many blocks of the assignment
    texts = _texts(300) + ["=1+1，快递很好", "", "😀", ""]  # the last: after every analysed
    frame = pd.DataFrame({"评论": texts, "渠道": [["天猫", "京东", None][i % 3]
                                                 for i in range(len(texts))],
                          "时间": [f"2026-0{i % 3 + 1}-0{i % 9 + 1}" for i in range(len(texts))]})
    result = analyze(frame, text_col="评论", progress=False)
    options = dict(k=3, k_range=(2, 4), seed=1, seed_dimensions=False, time_col="时间",
                   freq="M", by=("渠道",))
    held, model, _ = tables.topic_tables(result, **options)
    streamed, _, _ = tables.topic_tables(result, **options,
                                         comment_topics=tmp_path / "streamed.csv")
    assert streamed["comment_topics"] is None
    write_csv(held["comment_topics"], tmp_path / "held.csv")
    assert (tmp_path / "streamed.csv").read_bytes() == (tmp_path / "held.csv").read_bytes()
    assert set(held) == {"topics", "topic_terms", "comment_topics", "topic_k_scores",
                         "topics_over_time", "topics_by_渠道"}
    per_comment = held["comment_topics"]  # every row, in order; the flagged ones topic -1
    assert per_comment["comment_id"].tolist() == result.comments["comment_id"].tolist()
    flagged = ~result.comments["flag"].isin(["", "duplicate_id"]).to_numpy()
    assert flagged[-1] and flagged[-3] and not flagged[-2]
    assert (per_comment.loc[flagged, "topic"] == -1).all()
    assert (per_comment.loc[flagged, "flag"].tolist()
            == result.comments.loc[flagged, "flag"].tolist())
    fitted = TopicModel(k=3, seed=1, lexicon=result._annotator().lexicon)
    ok = result.comments["flag"].isin(["", "duplicate_id", "partly_undecodable",
                                       "partly_analysed"])
    fitted.fit(result.comments.loc[ok, "text"].tolist(),
               sentiment=result.comments.loc[ok, "sentiment"].tolist())
    for name, table in streamed.items():
        if table is not None:
            pd.testing.assert_frame_equal(table, held[name])
    pd.testing.assert_frame_equal(
        held["topics_by_渠道"], fitted.topics_by_group(result.comments.loc[ok, "渠道"]))
    pd.testing.assert_frame_equal(
        held["topics_over_time"], fitted.topics_over_time(result.comments.loc[ok, "时间"]))


def test_lockstep_gives_the_next_rows_of_the_kept_comments_across_chunks():
    from manyi.analysis.topics.tables import Lockstep

    comments = pd.DataFrame({"comment_id": pd.Series([f"c{i}" for i in range(23)],
                                                     dtype="str"),
                             "g": [i % 4 for i in range(23)], "x": 0.5})
    ok = np.arange(23) % 3 != 1
    rows = Lockstep(comments, ok, ["comment_id", "g", "g"], rows=5)
    parts = [rows.take(size) for size in (4, 1, 6, 5)]
    # each part runs to its last kept row, the others before it with it; the last: what is left
    assert [int(p[Lockstep.OK].sum()) for p in parts] == [4, 1, 6, 4]
    assert all(p[Lockstep.OK].iloc[-1] for p in parts[:3])
    joined = pd.concat([*parts, rows.rest()], ignore_index=True)
    pd.testing.assert_frame_equal(joined.drop(columns=Lockstep.OK),
                                  comments[["comment_id", "g"]].reset_index(drop=True))
    assert joined[Lockstep.OK].tolist() == ok.tolist()
    assert all(list(p.index) == list(range(len(p))) for p in parts)
