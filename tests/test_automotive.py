"""The automotive pack (issue #19: "product vocabulary for … cars … is covered by packs"):
car reviews choose it under ``--domain auto``, and each part or quality an owner judges is
filed under the car's own factor with the polarity an analyst reads. Comments written for
this test in the manner of owners' reviews; each asserts one mention, so a pack that finds
nothing fails."""

from __future__ import annotations

import pandas as pd
import pytest

import manyi
from manyi.text.domains import guess_domain

# (comment, term, factor, polarity)
CARS = [
    ("这车的动力还算可以，就是油耗偏高", "油耗", "fuel", "negative"),
    ("后备箱空间很大，放两个行李箱没问题", "后备箱空间", "space", "positive"),
    ("隔音效果一般，高速上风噪很大", "风噪", "noise", "negative"),
    ("变速箱换挡平顺，没有顿挫感", "变速箱换挡", "gearbox", "positive"),
    ("方向盘手感不错，指向很精准", "指向", "handling", "positive"),
    ("车机系统太难用了，语音识别不准", "语音识别", "tech", "negative"),
    ("内饰做工粗糙，塑料感太强", "塑料感", "interior", "negative"),
    ("座椅包裹性好，长途开也不累", "座椅包裹性", "comfort", "positive"),
    ("刹车有点软，需要踩很深", "刹车", "handling", "negative"),
    ("4S店销售很热情，提车很顺利", "提车", "dealer", "positive"),
    ("动力够用，高速超车有点肉", "超车", "power", "negative"),  # 肉: sluggish
    ("续航虚标严重，冬天打七折", "续航", "fuel", "negative"),
]


@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    texts = [t for t, *_ in CARS]
    result = manyi.analyze(pd.DataFrame({"text": texts}), text_col="text", domain="auto",
                           progress=False)
    assert result.meta["domain"] == "automotive", result.meta
    frame = result.mentions.copy()
    frame["text"] = [texts[row] for row in frame["row"]]
    return frame


@pytest.mark.parametrize("text, term, factor, polarity", CARS)
def test_a_cars_part_is_filed_under_its_own_factor(mentions, text, term, factor, polarity):
    here = mentions[(mentions["text"] == text) & (mentions["term"] == term)]
    assert here[["factor", "polarity"]].values.tolist() == [[factor, polarity]], \
        mentions[mentions["text"] == text]


def test_other_industries_keep_their_packs():
    # the car pack's words are a car's parts: shop, hotel and restaurant comments that name
    # a seat, air conditioning or space are not read as car reviews
    for texts, domain in [
        (["房间空调不制冷，隔音也差", "前台服务很好", "早餐品种少", "床很舒服"] * 3, "hotel"),
        (["座位很宽敞，菜品很好吃", "服务员态度好，上菜快", "环境不错，菜量足"] * 3, "catering"),
        (["手机屏幕很清晰，电池续航长", "运行速度快，拍照效果好", "充电很快"] * 3, "electronics"),
    ]:
        assert guess_domain(texts).domain == domain


def test_fuel_is_no_oily_skin_in_a_car():
    """油 is the fuel in a car (十二个油), the oily skin in a shop's reviews (脸上很油)."""
    from conftest import extractor_for

    assert not [m for m in extractor_for("automotive")("市区百公里十二个油") if m.opinion]
    assert [m for m in extractor_for("ecommerce")("脸上很油") if m.opinion == "很油"]
