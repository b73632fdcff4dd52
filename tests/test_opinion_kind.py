"""一般 and 普通 judge (质量一般) or only name a kind or habit (一般的家庭应用足够了, 一般都很快):
the second is no opinion. Each case asserts what is found, so an extractor that finds nothing
fails."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text", ["对于一般的家庭应用足够了", "一般游戏不成问题",
                                  "一般苹果保存时间比较长", "一般都很快",
                                  "比起一般的笔记本还是轻的多"])
def test_ordinary_naming_a_kind_is_no_complaint(text):
    found = extractor_for("ecommerce")(text)
    assert not any("一般" in m.opinion or m.lexicon_score < 0 for m in found), found


@pytest.mark.parametrize("text, term", [("质量一般", "质量"), ("感觉很一般的吧", ""),
                                        ("味道一般，还可以", "味道")])
def test_ordinary_as_a_verdict_is_negative(text, term):
    found = [m for m in extractor_for("ecommerce")(text) if "一般" in m.opinion]
    assert [m.term for m in found] == [term] and found[0].lexicon_score < 0
