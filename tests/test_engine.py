"""Every engine gives the tables of one process: a process pool and a Dask cluster."""

from __future__ import annotations

import pandas as pd
import pytest

import manyi
from manyi import engine

COMMENTS = pd.DataFrame({
    "id": [f"c{i}" for i in range(12)],
    "评论": ["物流很快，但是包装破了", "客服态度很差，爱答不理", "价格实惠，质量不错", "", "太贵了",
           "送得很快，非常满意", "做工粗糙，一点也不耐用", "一般般吧", "好评好评好评",
           "东西收到了，还没用", "性价比高，推荐", "快递员很热情，就是发货有点慢"],
})


def _assert_same(one, other) -> None:
    pd.testing.assert_frame_equal(one.comments, other.comments)
    pd.testing.assert_frame_equal(one.mentions, other.mentions)
    pd.testing.assert_frame_equal(one.dimensions, other.dimensions)


def test_dask_local_cluster_gives_the_same_tables(monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(engine, "CHUNK_ROWS", 5)
    single = manyi.analyze(COMMENTS, id_col="id")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        clustered = manyi.analyze(COMMENTS, id_col="id", scheduler=cluster.scheduler_address)
    _assert_same(single, clustered)


def test_unreachable_scheduler_is_a_clear_error():
    pytest.importorskip("distributed")
    with pytest.raises(manyi.ManyiError, match="cannot reach the Dask scheduler"):
        manyi.analyze(COMMENTS.head(2), scheduler="tcp://127.0.0.1:9")


def test_all_cores_by_default_without_a_pool_for_a_small_input(monkeypatch):
    started = []

    class CountedPool(engine.ProcessPoolExecutor):
        def __init__(self, workers, **options):
            started.append(workers)
            super().__init__(workers, **options)

    monkeypatch.setattr(engine, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(engine, "worker_count", lambda jobs=None: 2 if jobs in (None, 0) else jobs)
    small = manyi.analyze(COMMENTS, id_col="id")  # 12 rows: annotated here, no pool
    assert started == []
    monkeypatch.setattr(engine, "CHUNK_ROWS", 4)
    monkeypatch.setattr(engine, "INLINE_ROWS", 4)
    pooled = manyi.analyze(COMMENTS, id_col="id")  # the default: every core
    assert started == [2]
    one = manyi.analyze(COMMENTS, id_col="id", jobs=1)
    assert started == [2]
    _assert_same(small, one)
    _assert_same(pooled, one)


def test_worker_count():
    assert engine.worker_count(3) == 3
    assert engine.worker_count(None) == engine.worker_count(0) >= 1
    with pytest.raises(manyi.ManyiError, match="jobs=-1"):
        engine.worker_count(-1)
