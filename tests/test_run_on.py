"""Run-on comments (no punctuation): judgements run together, things named each after its own
judgement, 很好 before another word, and an act said with 的 after a degree word and 的
(manyi.annotate.chain_clauses, chain_modified, opinions, aspects)."""

from __future__ import annotations

import pytest
from conftest import pairs


def test_judgements_run_together_end_before_the_next_thing(course_rules):
    found = course_rules("知识点讲解得很细致全面配图很丰富值得一看")
    assert ("配图", "很丰富") in pairs(found)
    assert "配图" not in {m.term for m in found if m.opinion == "很细致"}


def test_things_named_after_their_own_judgement_keep_it(catering_rules, course_rules):
    assert pairs(catering_rules("热情的服务美味的菜品实惠的价格")) >= {
        ("服务", "热情"), ("菜品", "美味"), ("价格", "实惠")}
    found = pairs(course_rules("非常充实的内容认真的老师精辟的导引"))
    assert ("内容", "非常充实") in found and ("老师", "认真") in found
    assert ("老师", "精辟") not in found and ("内容", "认真") not in found


def test_a_thing_judged_before_its_own_modifier_is_not_cut(course_rules):
    # 认真 is the teacher's (no judgement of its own before 老师): one clause
    found = course_rules("老师认真的态度让人佩服")
    assert len({m.clause for m in found}) <= 1


@pytest.mark.parametrize("text, pair", [
    ("老师讲得很好可以学到一些美容常识", ("老师讲得", "很好")),
    ("回顾一下知识老师讲得很好还可以做测试", ("老师讲得", "很好")),
    ("老师讲得很好狗的吠叫代表的意义还需琢磨", ("老师讲得", "很好")),  # before a noun
])
def test_very_good_before_another_word_is_judged(course_rules, text, pair):
    assert pair in pairs(course_rules(text)), pairs(course_rules(text))


@pytest.mark.parametrize("text, opinion", [
    ("好快", "好快"),            # 好 before one character: "so" fast
    ("这次物流好快", "好快"),
])
def test_good_as_a_degree_word_is_kept(shop_rules, text, opinion):
    assert opinion in {m.opinion for m in shop_rules(text)}


def test_an_act_said_after_a_degree_word_and_de(course_rules):
    assert ("老师讲的", "非常的清楚") in pairs(course_rules("老师讲的非常的清楚像我们这种"))


@pytest.mark.parametrize("text, expected", [
    ("物流很快包装很好", {("物流", "很快"), ("包装", "很好")}),
    ("手机屏幕很清楚", {("手机屏幕", "很清楚")}),
    ("客服态度很差", {("客服态度", "很差")}),
    ("服务很周到", {("服务", "很周到")}),
])
def test_other_industries_read_as_before(shop_rules, text, expected):
    assert pairs(shop_rules(text)) == expected, pairs(shop_rules(text))
