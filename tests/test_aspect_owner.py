"""Listed words of another dimension said of the thing bought (manyi.annotate.aspect_owner):
a phone's SMS, calls and photos, the position of its keys, its processor and its speed are
the product's; a seller's phone, a delivery notice, a picture compared with the thing and a
delivery's speed keep their dimension."""

from __future__ import annotations

import pytest
from conftest import extractor_for


def _filed(found, term):
    return [(m.term, m.dimension, m.factor) for m in found if term in m.term]


@pytest.mark.parametrize("text, term", [
    ("短信和电话本设计不错", "短信"),            # a communication noun, no seller named
    ("30万像素拍出的照片效果不好", "照片"),      # a picture taken by the thing: a compound
    ("清除键和下方向键的位置离的太近", "位置"),  # the keys' position, through 的
    ("第一天就感觉接通效果很差", "接通"),        # an act before a product word
    ("短信功能极其糟糕", "短信"),
    ("显示图片时，有时感到色彩不真实", "显示图片"),  # a longer word built on a picture
    ("速度不错,很少死机", "速度"),               # a bare speed with the thing working
    ("上网比较方便,但速度不快", "速度"),
    ("麒麟处理器真不是盖的", "处理器"),          # 处理 + 器: a part, not problem solving
    ("二、导航键不灵活", "导航键"),
])
def test_said_of_the_thing_is_the_product(shop, text, term):
    filed = _filed(shop(text), term)
    assert filed and all(d == "product" and f != "description" for _, d, f in filed), filed


@pytest.mark.parametrize("text, term, dimension, factor", [
    ("客服电话打不通", "电话", "communication", None),     # the seller's line
    ("定点电话都打不通", "电话", "communication", None),   # its own dimension's opinion
    ("发信息不回", "信息", "communication", None),         # a contact made
    ("发货后没有短信通知", "短信", "communication", None),  # the order's notice
    ("打电话给卖家，短信也不回", "短信", "communication", None),
    ("裤子跟图片基本一样", "图片", "product", "description"),   # a picture compared
    ("实物与图片颜色天差地别", "图片", "product", "description"),
    ("颜色和照片差太多了", "照片", "product", "description"),
    ("速度很快，质量很好", "速度", "logistics", None),     # bare: the delivery's
    ("快递速度不错，手机没有死机", "速度", "logistics", None),  # a delivery word named
])
def test_the_sellers_side_keeps_its_dimension(shop, text, term, dimension, factor):
    filed = _filed(shop(text), term)
    assert filed and all(d == dimension and (factor is None or f == factor)
                         for _, d, f in filed), filed


def test_a_venue_pack_is_untouched():
    hotel = extractor_for("hotel")
    filed = _filed(hotel("房间电话坏了，打了好几次"), "电话")
    assert all(d != "product" for _, d, _f in filed), filed
