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
