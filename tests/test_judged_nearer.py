"""Issue #19: in a clause of several judgements, each judgement takes the word just before it —
the part a listed word names (manyi.annotate.aspect_whose), the subject of an opinion a
listed word after it would take (manyi.annotate.opinion_taken), an act named after 的
(manyi.annotate.aspects)."""

from __future__ import annotations

import pytest
from conftest import extractor_for, pairs


# -- the part a listed word names, judged right after it ------------------------------------
def test_the_part_after_a_listed_word_is_judged_with_it(course):
    assert ("教师阵容", "好强大") in pairs(course("这门课教师阵容好强大"))
    found = course("课件的条理性还有待加强")
    assert [(m.term, m.dimension) for m in found] == [("课件的条理性", "product")]


def test_a_thing_s_part_in_a_shop(shop):
    assert pairs(shop("优点是屏幕素质好")) >= {("屏幕素质", "好")}


def test_no_part_where_the_next_word_is_listed_or_a_person(shop, course):
    assert pairs(shop("客服态度很好")) == {("客服态度", "很好")}  # two listed words, as before
    assert pairs(course("老师同学都很好")) == {("老师", "很好")}


# -- an opinion with a subject of its own before it -----------------------------------------
def test_an_opinion_is_its_own_subject_s_not_the_word_after_it(course):
    found = pairs(course("知识很全面老师讲课也很容易接收"))
    assert ("知识", "很全面") in found and ("讲课", "很容易接收") in found
    assert ("老师", "很全面") not in found and ("讲课", "很全面") not in found


def test_a_listed_word_after_a_judged_thing_takes_no_opinion_of_it(shop):
    found = pairs(shop("硬盘有点毛病找客服不给办理"))
    assert ("硬盘", "有点毛病") in found and ("客服", "有点毛病") not in found


def test_each_listed_word_keeps_its_own_opinion(shop):
    assert pairs(shop("物流很快包装很好")) == {("物流", "很快"), ("包装", "很好")}
    assert pairs(shop("价格实惠质量好")) == {("价格", "实惠"), ("质量", "好")}


def test_an_opinion_that_qualifies_the_word_or_a_verb_s_object_is_kept(hotel):
    found = pairs(hotel("不愧是牡佳地区最好的4星级酒店"))
    assert ("酒店", "最好") in found
    found = pairs(extractor_for("hotline")("客户来电表扬网点延时服务"))
    assert ("网点", "表扬") in found


def test_an_opinion_saying_how_an_act_is_done_stays_with_it(shop):
    assert ("处理", "耐心") in pairs(shop("幸好快递员耐心处理完了"))
    assert ("解释", "不耐心") in pairs(shop("咨询一下送机时间都不耐心解释"))


# -- an act named after 的 ------------------------------------------------------------------
def test_an_act_after_whose_is_judged(course):
    assert ("讨论", "很有意思") in pairs(course("课后的讨论很有意思"))


def test_an_act_after_a_judgement_and_de_is_no_thing(shop):
    found = pairs(shop("可以更有效的去处油腻"))
    assert not any(term == "去处" for term, _ in found)



@pytest.mark.parametrize("text, term, opinion", [
    ("国产垃圾产品", "产品", "垃圾"),  # bare, right before it: it qualifies the word
    ("**的价格买个仿冒的垃圾货", "货", "垃圾"),
])
def test_a_bare_opinion_right_before_a_listed_word_qualifies_it(shop, text, term, opinion):
    assert (term, opinion) in pairs(shop(text))


def test_two_things_judged_together_are_no_part_of_one(shop):
    assert ("音质画面", "很好") not in pairs(shop("音质画面都很好"))


def test_an_act_after_a_pronoun_and_de_is_no_thing_judged(shop):
    assert not any(t in ("表现", "帮助") for t, _ in pairs(shop("国产机能有这样的表现算不错了")))
