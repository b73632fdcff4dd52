"""The thing named before the act that tried it (manyi.annotate.aspect_tried): 手机用起来很流畅
judges 手机, 衣服穿起来很舒服 衣服, 音质听起来不错 音质, 冰吃起来甜爽 冰. The rules alone."""

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
])
def test_the_thing_before_the_act_is_the_term(shop_rules, text, term, opinion):
    found = [(m.term, m.opinion) for m in shop_rules(text)]
    assert (term, opinion) in found, found
    assert not any("起来" in t or t.endswith("穿着") for t, _ in found), found


def test_a_taste_act_keeps_its_filing(catering_rules):
    found = [(m.term, m.factor) for m in catering_rules("冰吃起来甜爽甜爽")]
    assert found == [("冰", "taste")], found


@pytest.mark.parametrize("text, term", [
    ("我用起来很顺手", "我"),              # a person tries it: no thing named
    ("老公穿着很合身", "老公"),
    ("说起来这个价格还可以", "说"),          # a word of saying, no act of trying
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


def test_the_cheap_look_first():
    assert may_try("用起来很好") and may_try("穿着舒服") and not may_try("物流很快")
