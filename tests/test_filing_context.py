"""Known words filed by the comment around them (manyi.annotate.context_filing.ProductContext):
in a pack where a thing is bought, a speed, a noise or a temperature said of the thing is the
product's, a delivery's speed stays the delivery's, and a venue's noise stays the venue's."""

from __future__ import annotations

import pytest
from conftest import extractor_for


def _filed(found, term):
    return [(m.term, m.dimension) for m in found if term in m.term]


@pytest.mark.parametrize("text, term", [
    ("双核的速度不错", "速度"),          # a word of the thing before it, through 的
    ("N280明显比N270速度要快", "速度"),  # a model number before it
    ("无线上网的速度一般", "速度"),      # what the thing does, through 的
    ("4、底部温度不低", "温度"),         # an environment word where no venue is named
    ("发现10G空间不够", "空间"),
    ("硬件很不错", "硬件"),
    ("没有光驱安装系统太费劲了", "安装"),  # software installed: the thing's, not a fitter's
    ("没有安装xp或者Vista", "安装"),
    ("操作系统安装太麻烦了", "安装"),
])
def test_a_word_said_of_the_thing_is_the_product(shop, text, term):
    filed = _filed(shop(text), term)
    assert filed and all(d == "product" for _, d in filed), filed


@pytest.mark.parametrize("text, term, dimension", [
    ("快递的速度真的很快", "速度", "logistics"),  # the delivery named before it
    ("京东送货的速度还是挺快的", "速度", "logistics"),
    ("速度很快，质量很好", "速度", "logistics"),  # said alone: the shop's usual sense
    ("热水器安装好了，师傅很专业", "安装", "service"),  # the item installed by a fitter
    ("Media安装人员收费不便宜", "安装", "service"),  # the fitters
    ("店里环境不错，就是噪音大", "噪音", "environment"),  # a venue named
])
def test_a_word_of_another_dimension_keeps_it(shop, text, term, dimension):
    filed = _filed(shop(text), term)
    assert filed and all(d == dimension for _, d in filed), filed


def test_the_speed_of_a_listed_part_is_one_mention_of_it(shop):
    found = shop("就是加热速度不是很快")
    assert [(m.term, m.dimension) for m in found] == [("加热速度", "product")]


def test_a_pack_with_a_venue_keeps_its_environment():
    found = extractor_for("catering")("餐厅噪音太大了")
    assert [m.dimension for m in found if m.term == "噪音"] == ["environment"]


def test_the_size_of_the_item_is_the_product():
    learned = (("苹果", "overall", "item"),)
    extract = extractor_for("ecommerce", learned)
    assert [(m.dimension, m.factor) for m in extract("苹果有点小") if m.term == "苹果"] \
        == [("product", "spec")]
    assert [m.dimension for m in extract("苹果不错") if m.term == "苹果"] == ["overall"]


def test_installing_in_a_comment_about_software_is_the_product(shop):
    found = shop("驱动要去官网下载，安装不是很方便")
    assert [m.dimension for m in found if m.term == "安装"] == ["product"]
    found = shop("安装不是很方便，师傅来了两次")
    assert [m.dimension for m in found if m.term == "安装"] == ["service"]


def test_where_the_customer_is_is_not_the_product(shop):
    found = shop("在电梯里完全没信号")
    assert "product" not in {m.dimension for m in found if m.term == "电梯"}
    assert [m.dimension for m in shop("温度不准") if m.term == "温度"] == ["product"]


def test_a_joined_compound_keeps_the_judgement_of_its_head():
    found = extractor_for("ecommerce")("空调噪音有点大")
    assert [(m.term, m.opinion) for m in found] == [("空调噪音", "有点大")], found


@pytest.mark.parametrize("text", ["清洁很彻底，泡沫丰富", "清洁度强，效果真的非常棒",
                                  "使用了一次清洁力度还好"])
def test_cleaning_where_no_venue_is_named_is_what_the_goods_do(shop, text):
    found = [(m.term, m.dimension) for m in shop(text) if "清洁" in m.term]
    assert found and all(d == "product" for _, d in found), found


@pytest.mark.parametrize("text", ["房间清洁倘可接受，空调比较差", "唯一能表示满意的是床单的清洁度",
                                  "清洁很彻底，店里卫生也好"])
def test_a_place_cleaned_or_a_venue_named_keeps_cleaning_the_venues(shop, text):
    found = [(m.term, m.dimension) for m in shop(text) if "清洁" in m.term]
    assert found and all(d == "environment" for _, d in found), found
