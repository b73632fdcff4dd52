"""A thing's name cut at a model word or a measure word (manyi.annotate.aspect_model):
wifi信号很差 judges the wifi信号, 8GB内存够用 the 8GB内存, 这款耳机音质不错 the 耳机音质. The
rules alone."""

from __future__ import annotations

import pytest

from manyi.annotate.aspect_model import may_model


@pytest.mark.parametrize("text, term", [
    ("wifi信号很差", "wifi信号"),
    ("WI-FI信号很好", "WI-FI信号"),
    ("5G信号很好", "5G信号"),
    ("8GB内存够用了", "8GB内存"),
    ("4K视频效果很好", "4K视频效果"),
    ("1080P画质很清晰", "1080P画质"),
    ("这款耳机音质不错", "耳机音质"),       # not 款耳机音质
    ("那款耳机音质不错", "耳机音质"),       # the screen reads every demonstrative the rule does
    ("每部手机屏幕都很好", "手机屏幕"),
    ("这款笔记本续航能力很强", "笔记本续航"),
])
def test_the_name_is_cut_at_the_model_or_measure_word(shop_rules, text, term):
    found = [m.term for m in shop_rules(text)]
    assert term in found, found


@pytest.mark.parametrize("text, not_term", [
    ("质量ok信号很好", "ok信号"),            # ok: an opinion
    ("750ml设计好贴心", "750ml设计"),        # an act, no kind of it
    ("升级到2023信号很好", "2023信号"),      # digits alone: a year, a date
    ("1Positive价格合适", "1Positive价格"),  # no model word
])
def test_no_model_word_is_joined_where_none_is(shop_rules, text, not_term):
    assert not_term not in [m.term for m in shop_rules(text)]


def test_the_cheap_look_first():
    assert may_model("wifi信号") and may_model("这款很好") and not may_model("物流很快")
