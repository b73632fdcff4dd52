"""The thing named before the act that tried it (manyi.annotate.aspect_tried): 手机用起来很流畅
judges 手机, 衣服穿起来很舒服 衣服, 音质听起来不错 音质, 冰吃起来甜爽 冰; and the thing before
上 or 方面 (操控上很方便: 操控). The rules alone."""

from __future__ import annotations

import pytest

from manyi.annotate.aspect_tried import may_try


@pytest.mark.parametrize("text, term, opinion", [
    ("手机用起来很流畅", "手机", "很流畅"),
    ("衣服穿起来很舒服", "衣服", "很舒服"),     # not 舒服, the opinion's cue word
    ("这件衣服穿起来很舒服", "衣服", "很舒服"),
    ("音质听起来不错", "音质", "不错"),
    ("电脑用起来很卡", "电脑", "很卡"),         # an overall verdict named no thing
    ("衣服穿着很舒服", "衣服", "很舒服"),       # 穿着: one word, not 衣服穿着
    ("洗衣机用起来声音很大", "声音", "很大"),   # not 起来声音
    ("这款耳机听起来音质不错", "音质", "不错"),  # the term of its own after the act stays
    ("智能系统操作起来有点复杂", "智能系统", "有点复杂"),  # not 智能系统操作
    ("座椅坐起来很舒服", "座椅", "很舒服"),
    ("方向盘握起来手感很好", "方向盘手感", "很好"),  # the thing and its attribute
    ("这台电视画面看着很舒服", "画面", "很舒服"),    # not 画面看着
])
def test_the_thing_before_the_act_is_the_term(shop_rules, text, term, opinion):
    found = [(m.term, m.opinion) for m in shop_rules(text)]
    assert (term, opinion) in found, found
    assert not any("起来" in t or t.endswith("穿着") for t, _ in found), found


def test_the_thing_already_named_keeps_its_filing(shop):
    found = [(m.term, m.dimension) for m in shop("面霜用着挺好的")]
    assert ("面霜", "product") in found, found  # (the scorer named it: left as it was)


def test_a_taste_act_keeps_its_filing(catering_rules):
    found = [(m.term, m.factor) for m in catering_rules("冰吃起来甜爽甜爽")]
    assert found == [("冰", "taste")], found


@pytest.mark.parametrize("text, term", [
    ("我用起来很顺手", "我"),              # a person tries it: no thing named
    ("老公穿着很合身", "老公"),
    ("说起来这个价格还可以", "说"),          # a word of saying, no act of trying
    ("买回家用起来很棒", "回家"),            # after an act: no thing tried
    ("眼睛看起来不是很轻松", "眼睛"),        # the customer's own body
])
def test_no_person_nor_saying_is_the_thing(shop_rules, text, term):
    assert term not in [m.term for m in shop_rules(text)]


@pytest.mark.parametrize("text, expected", [
    ("物流很快包装很好", [("物流", "很快"), ("包装", "很好")]),
    ("手机屏幕很清楚", [("手机屏幕", "很清楚")]),
    ("客服态度很差", [("客服态度", "很差")]),
    ("服务很周到", [("服务", "很周到")]),
])
def test_clauses_with_no_act_are_read_the_same(shop_rules, text, expected):
    assert [(m.term, m.opinion) for m in shop_rules(text)] == expected


@pytest.mark.parametrize("text, term, dimension", [
    ("操控上我觉得很方便", "操控", "product"),    # an overall verdict, filed as the thing now
    ("液晶屏上看还可以", "液晶屏", "product"),
    ("电脑散热上做得不错", "电脑散热", "product"),  # a verb last in the name
    ("但是外观上很漂亮", "外观", "product"),      # a listed term: read as before
])
def test_the_thing_in_respect_of_which_it_judges(shop_rules, text, term, dimension):
    found = [(m.term, m.dimension) for m in shop_rules(text)]
    assert found == [(term, dimension)], found


@pytest.mark.parametrize("text, not_term", [
    ("京东上是正品", "京东"),                      # where it was bought
    ("还有就是场景方面多张连拍很方便", "场景"),    # 连拍 stands between: not 场景
    ("总体上不错", "总体"),
    ("产品说明上是止痒的", "产品说明"),             # what it says, no verdict on it
])
def test_no_place_nor_farther_thing_is_the_thing_judged(shop_rules, text, not_term):
    assert not_term not in [m.term for m in shop_rules(text)]


def test_the_cheap_look_first():
    assert may_try("用起来很好") and may_try("穿着舒服") and may_try("操控上很方便")
    assert not may_try("物流很快")


def test_a_thing_named_before_on_leaves_the_verdicts_their_own(hotel):
    found = {(m.term, m.dimension) for m in hotel("床单上有污渍")}
    assert ("污渍", "environment") in found, found  # (the hygiene's own, as before)


def test_one_mention_where_the_thing_tried_is_named(shop):
    """电脑用起来很卡: the computer judged once, not also an overall verdict."""
    found = [(m.term, m.opinion) for m in shop("电脑用起来很卡")]
    assert found == [("电脑", "很卡")], found
