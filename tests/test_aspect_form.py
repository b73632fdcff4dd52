"""A review form's fields (manyi.annotate.aspect_form): 泡沫数量：丰富 控油效果：很好: each
key the aspect of the value after its colon, even where the value runs into the next key."""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.annotate.aspect_form import may_fill


@pytest.fixture(scope="module")
def goods():
    return extractor_for("ecommerce")


def _said(extract, text):
    return [(m.term, m.opinion) for m in extract(text)]


def test_a_value_glued_to_the_next_key_judges_its_own_key(goods):
    found = _said(goods, "泡沫数量:丰富产品香味:好香控油效果:很好柔顺效果:一般")
    # (before: 效果 judged by 好柔顺, the end of one value and the start of the next key)
    assert found == [("泡沫数量", "丰富"), ("香味", "好香"), ("控油效果", "很好"),
                     ("柔顺效果", "一般")], found


def test_the_key_is_not_the_value_typed_before_it(goods):
    found = _said(goods, "适合发质:所有发质泡沫数量:很多 产品香味:很香")
    assert ("泡沫数量", "") in found and not any(t == "发质泡沫" for t, _ in found), found


def test_a_phone_form(goods):
    found = _said(goods, "屏幕效果:很清晰拍照效果:一般运行速度:很快")
    assert found == [("屏幕效果", "很清晰"), ("拍照效果", "一般"), ("运行速度", "很快")], found
    assert {m.dimension for m in goods("屏幕效果:很清晰拍照效果:一般运行速度:很快")} \
        == {"product"}


def test_a_value_naming_its_key_is_read_as_any_clause(goods):
    found = _said(goods, "泡沫数量:泡沫很丰富 产品香味:香味持久")
    assert ("泡沫", "很丰富") in found and ("香味", "持久") in found, found


@pytest.mark.parametrize("text", [
    "优点:便宜 缺点:慢",            # keys of one word: no form of this shape
    "整体评价:不错 持久情况:还行吧",  # 评价 情况 name no aspect
    "物流很快:第二天就到了",          # one colon
])
def test_no_form(goods, text):
    assert not any(m.filed_by == "form" for m in goods(text)), _said(goods, text)


def test_the_quick_test():
    assert may_fill("泡沫数量:丰富产品香味:好香") and not may_fill("物流很快:第二天就到了")
