"""The fix-first evidence of a factor no pack lists (产品·系统（新发现）): drivers count a
discovered attribute under its own word (``attribute:系统``), and its quotes must be found
under that same key, by the library and by ``manyi report``."""

from __future__ import annotations

import json

import pandas as pd
from click.testing import CliRunner

from manyi.cli.commands import main
from manyi.report.quotes import fix_candidates

TEXTS = ["系统太卡了，开机很慢", "这个系统真难用", "系统不好用，屏幕还行", "屏幕很清楚，价格实惠"]


def test_a_discovered_factor_finds_its_comments():
    comments = pd.DataFrame({"comment_id": ["1", "2"], "text": TEXTS[:2],
                             "sentiment": ["negative", "negative"]})
    mentions = pd.DataFrame({
        "comment_id": ["1", "2"], "row": [0, 1], "dimension": ["product", "product"],
        "factor": ["attribute", "attribute"], "term": ["系统", "系统"],
        "opinion": ["太卡", "难用"], "polarity": ["negative", "negative"],
        "score": [-0.6, -0.7], "source": ["discovered", "discovered"]})
    found = fix_candidates(comments, mentions, "product", "attribute:系统")
    assert sorted(c[4] for c in found) == ["1", "2"]
    assert fix_candidates(comments, mentions, "product", "attribute:屏幕") == []


def test_the_report_quotes_every_fix_first_factor(tmp_path):
    dump = tmp_path / "dump.csv"
    pd.DataFrame({"review": TEXTS * 5}).to_csv(dump, index=False)
    out = tmp_path / "report"
    done = CliRunner().invoke(main, ["report", str(dump), "-o", str(out), "--quiet"])
    assert done.exit_code == 0, done.output
    fixes = json.loads((out / "summary.json").read_text(encoding="utf-8"))["top_fixes"]
    assert fixes and all(fix["evidence"] for fix in fixes), fixes
