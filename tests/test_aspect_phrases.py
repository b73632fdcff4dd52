"""Things judged once whatever the dictionary's tag (issue #19, manyi.annotate.aspect_phrases): a
set phrase ending on a noun (操作系统复杂), a measure glued to its opinion (塑料感强), a colloquial
intensifier glued to an opinion word (滤芯奇贵). The comments are written for cars, notebooks,
appliances and banks, industries no pack was written for; the rules alone."""

from __future__ import annotations

import pytest

from manyi.annotate.aspect_phrases import measure_glued, phrase_thing
from manyi.annotate.aspect_tags import default_tagger


@pytest.mark.parametrize("text, term, opinion", [
    ("操作系统流畅", "操作系统", "流畅"),  # a set phrase (l): 操作 + 系统
    ("网上银行操作界面复杂", "网上银行操作界面", "复杂"),
    ("外壳塑料感强", "外壳塑料感", "强"),  # 感强: the measure cut off, 强 said of it
    ("转轴阻尼感强", "转轴阻尼感", "强"),
    ("净水器滤芯奇贵", "净水器滤芯", "奇贵"),  # 奇贵: 贵, graded
    ("热水器加热速度奇快", "速度", "奇快"),
    ("隔音效果奇差", "隔音效果", "奇差"),
])
def test_a_thing_judged_once_is_found(shop_rules, text, term, opinion):
    found = [(m.term, m.opinion) for m in shop_rules(text)]
    assert (term, opinion) in found, found


@pytest.mark.parametrize("text", [
    "今天很开心", "我很满意", "孩子很喜欢", "总体很不错", "感觉比较小巧", "用起来顺手",
    "看样子不错", "各个方面都不错", "其实很好", "出乎意料", "打开方式不对",
])
def test_no_thing_where_none_is_named(shop_rules, text):
    assert [m.term for m in shop_rules(text) if m.term] == [], text


def test_graded_opinion_is_stronger_than_the_bare_one(shop_rules):
    graded = next(m for m in shop_rules("滤芯奇贵") if m.opinion == "奇贵")
    bare = next(m for m in shop_rules("滤芯贵") if m.opinion == "贵")
    assert graded.degree > bare.degree and graded.lexicon_score < bare.lexicon_score < 0


def test_phrase_tests():
    tag = default_tagger()
    assert [phrase_thing(tag, w) for w in ("通话音质", "数据传输", "健身运动", "功能完善",
                                           "一段时间", "看样子")] == [
        True, True, False, False, False, False]
    # the finder's kinds: a noun that names nothing (意料) makes no thing
    assert not phrase_thing(tag, "出乎意料", lambda w: 0 if w == "意料" else 2)
    parses = {"强", "差", "好"}.__contains__
    assert [measure_glued(w, False, parses) for w in ("感强", "性差", "度好", "感谢")] == [
        1, 1, 1, 0]
    assert measure_glued("感强", True, parses) == 0  # a word of the dictionary: not cut


@pytest.mark.parametrize("text, term, opinion", [
    ("传感器先进", "传感器", "先进"),  # 先进: an adjective of the dictionary no list holds
    ("但是发动机动力强劲", "发动机动力", "强劲"),  # after a conjunction
    ("键盘不灵", "键盘", "不灵"),  # negated
    ("屏幕很好，散热不均了", "散热", "不均"),  # a verb that names a feature; a particle after
])
def test_a_thing_judged_by_a_plain_adjective(shop_rules, text, term, opinion):
    found = [(m.term, m.opinion, m.source) for m in shop_rules(text)]
    assert (term, opinion, "discovered") in found, found


@pytest.mark.parametrize("text", [
    "祝生意兴隆", "不知道坚固不坚固", "今天天气晴朗", "心情愉快", "感觉很轻松",
])
def test_no_plain_mention_where_no_thing_is_judged(shop_rules, text):
    assert [m.term for m in shop_rules(text) if m.term] == [], text


def test_a_plain_adjective_after_a_listed_opinion_adds_nothing(shop_rules):
    # a clause that holds a mention already keeps it alone (外观漂亮: 漂亮 is listed)
    assert [(m.term, m.opinion) for m in shop_rules("外观漂亮")] == [("外观", "漂亮")]
