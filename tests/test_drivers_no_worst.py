"""`manyi drivers --by COLUMN` says so when no group is worse than the rest, rather than
printing nothing about the groups."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner

from manyi.cli.commands import main


def test_no_worse_group_is_said(tmp_path):
    texts = ["物流太慢了，等了好几天", "质量很好，价格实惠", "客服态度很差", "包装完好，很满意"]
    dump = tmp_path / "dump.csv"
    shops = ["甲"] * 20 + ["乙"] * 20  # each shop has every comment five times
    pd.DataFrame({"review": texts * 10, "店铺": shops}).to_csv(dump, index=False)
    done = CliRunner().invoke(main, ["drivers", str(dump), "-o", str(tmp_path / "out"),
                                     "--by", "店铺"])
    assert done.exit_code == 0, done.output
    assert "worst groups: none" in done.output and "comparisons" in done.output, done.output
