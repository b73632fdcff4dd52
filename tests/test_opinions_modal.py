"""可以 before a verb is "can", no verdict (review6: 这个手机还可以打游戏 read as praise)."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text", ["这个手机还可以打游戏", "还可以拍照", "也可以当充电宝用"])
def test_can_do_is_no_verdict(text):
    found = [(m.term, m.opinion) for m in extractor_for("ecommerce")(text)]
    assert all("可以" not in opinion for _, opinion in found), found


@pytest.mark.parametrize("text, term", [("质量还可以", "质量"), ("价格还可以接受", "价格"),
                                        ("屏幕还可以，就是有点小", "屏幕"), ("还可以吧", ""),
                                        # review8 finding 6: a bare use verb ends the clause
                                        ("用了一年还可以用", ""),
                                        ("手机还可以用，就是有点卡", "手机"),
                                        ("这本书还可以看看", ""), ("房间还可以住", "房间"),
                                        ("早餐还可以吃", "早餐"), ("还可以用吧", "")])
def test_still_a_verdict_otherwise(text, term):
    found = {m.term: m.opinion for m in extractor_for("ecommerce")(text)}
    assert "可以" in found.get(term, ""), found
