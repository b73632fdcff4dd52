"""Topic models in bounded memory: the words stored (and spilled to a file) once, the
samples the fits read taken while the vocabulary is counted, every comment assigned block by
block — the same answer as the whole corpus held."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from manyi.analysis.topics import bags
from manyi.analysis.topics import model as topic_model
from manyi.analysis.topics import store as topic_store
from manyi.analysis.topics.model import TopicModel
from manyi.analysis.topics.store import TokenStore

WORDS = ["快递", "物流", "发货", "面料", "做工", "尺码", "房间", "前台", "早餐", "价格",
         "客服", "售后", "包装", "颜色", "味道"]


def _docs(n: int, seed: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    return [rng.sample(WORDS, rng.randint(0, 5)) + rng.sample(WORDS, rng.randint(0, 2))
            for _ in range(n)]


def test_spilled_store_reads_back_every_comment_in_order():
    docs = _docs(500)
    spilled, held = TokenStore(spill_words=7), TokenStore(spill_words=10 ** 9)
    for words in docs:
        spilled.add(words)
        held.add(words)
    assert spilled._files is not None and held._files is None
    for store in (spilled, held):
        assert store.rows == 500
        assert list(store.docs()) == docs
        assert list(store.docs()) == docs  # read again: a second pass gives the same
    sizes = [len(lengths) for _, lengths in spilled.blocks(size=64)]
    assert sizes == [64] * 7 + [52]
    spilled.close()


def test_sample_pool_gives_the_samples_of_the_whole_corpus(monkeypatch):
    """The fits' samples taken from the pool kept while counting equal the same rows taken
    from every comment's bag of words, and the vocabulary is counted over every comment."""
    monkeypatch.setattr(bags, "PASS_BUDGET", 120)
    store = TokenStore(spill_words=50)
    for words in _docs(400):
        store.add(words)
    model = TopicModel(no_below=2, no_above=0.9, phrases=False, select_sample=45)
    model._setup()
    model.phraser_ = None
    model.dictionary_, model._pool = model._bag_of_words(store)
    model._store, model.n_comments_ = store, store.rows
    whole = model._corpus
    assert model._pool.rows < whole.rows  # 120 + 45 rows at most, not 400
    for size in (120, 45):
        chosen = model._chosen(store.rows, size)
        sample, expected = model._sample(size), whole.subset(chosen)
        assert sample.rows == size
        for name in ("indptr", "ids", "counts"):
            np.testing.assert_array_equal(getattr(sample, name), getattr(expected, name))
    docs = [set(words) for words in store.docs()]
    for word, i in model.dictionary_.token2id.items():
        assert model.dictionary_.dfs[i] == sum(word in d for d in docs)
    assert sum(model.dictionary_.cfs.values()) == int(whole.counts.sum())


def test_fit_with_spilled_words_and_sampled_fits_equals_the_held_one(monkeypatch):
    texts = ["，".join(f"{w}很好" for w in words) or "。" for words in _docs(300, seed=3)]
    options = {"k_range": (2, 3), "no_below": 2, "no_above": 0.9, "select_sample": 80}
    held = TopicModel(**options).fit(texts)
    monkeypatch.setattr(topic_store, "SPILL_WORDS", 11)
    spilled = TopicModel(**options).fit(texts)
    assert spilled._store._files is not None and held._store._files is None
    pd.testing.assert_frame_equal(spilled.document_topics_, held.document_topics_)
    pd.testing.assert_frame_equal(spilled.topic_info(), held.topic_info())
    # fits on samples smaller than the corpus: the model still assigns every comment
    monkeypatch.setattr(bags, "PASS_BUDGET", 150)
    monkeypatch.setattr(topic_model, "PASS_BUDGET", 150)
    sampled = TopicModel(**options).fit(texts)
    assert len(sampled.document_topics_) == 300
    assert (sampled.document_topics_["topic"] >= -1).all()


@pytest.mark.parametrize("rows", [0, 1])
def test_store_of_few_comments(rows):
    store = TokenStore(spill_words=1)
    for _ in range(rows):
        store.add(["物流"])
    assert list(store.docs()) == [["物流"]] * rows


@pytest.mark.parametrize("label", ["物流: 快递 包装", None])
def test_large_table_written_a_slice_at_a_time_has_the_same_bytes(tmp_path, monkeypatch, label):
    from manyi.io import write

    n = 50
    frame = pd.DataFrame({
        "comment_id": [f"c{i}" if i % 9 else f"=c,{i}\"" for i in range(n)],
        "topic": [i % 4 - 1 for i in range(n)],
        "label": [label if i % 5 else "a,b" for i in range(n)],
        "topic_probability": [np.nan if i % 7 == 0 else 1 / (i + 1) ** 3 for i in range(n)]})
    write.write_csv(frame, tmp_path / "whole.csv")
    monkeypatch.setattr(write, "CSV_SLICE", 7)
    write.write_csv(frame, tmp_path / "sliced.csv")
    write.write_csv(frame[["topic"]], tmp_path / "one_sliced.csv")  # the csv module's path
    monkeypatch.setattr(write, "CSV_SLICE", 10 ** 6)
    write.write_csv(frame[["topic"]], tmp_path / "one_whole.csv")
    assert (tmp_path / "sliced.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert (tmp_path / "one_sliced.csv").read_bytes() == (tmp_path / "one_whole.csv").read_bytes()
    assert (tmp_path / "whole.csv").read_bytes().count(b"\xef\xbb\xbf") == 1


def test_topics_over_time_parsed_per_distinct_value_equal_the_per_comment_parse():
    from manyi.analysis.topics.model import TopicModel

    texts = ["，".join(f"{w}很好" for w in words) or "。" for words in _docs(200, seed=5)]
    model = TopicModel(k=2, no_below=2, no_above=0.9).fit(texts)
    cells = ["2026-01-03", "2026/02/14 10:00", None, "不是日期", pd.Timestamp("2025-12-31"),
             "2026-01-03", float("nan"), "3 March 2026", "2026-02-28T23:59:59"]
    times = [cells[i % len(cells)] for i in range(200)]
    for freq in ("D", "W", "M", "Q"):
        table = model.topics_over_time(times, freq=freq)
        stamps = pd.to_datetime(pd.Series(times), errors="coerce", format="mixed")
        period = stamps.dt.to_period(freq).astype(str).where(stamps.notna())
        pd.testing.assert_frame_equal(table, model._tally(period, "period"))
        assert table["comments"].sum() == sum(pd.notna(stamps))
