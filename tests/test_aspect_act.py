"""An act named as a thing and judged inside a clause (manyi.annotate.aspect_act): 但操控极快,
老师讲得知识很实用 (jieba's dictionary calls 操控 and 知识 verbs). The rules alone (no learned
aspect scorer: its shipped weights were fitted on some of these industries' reviews)."""

from __future__ import annotations

import pytest
from conftest import pairs

from manyi.annotate.prepass import learn_aspects
from manyi.text.lexicon import Lexicon


@pytest.mark.parametrize("domain, text, term, opinion", [
    ("ecommerce", "但操控极快", "操控", "极快"),
    ("ecommerce", "虽然上色不是很持久", "上色", "不是很持久"),
    ("education", "老师讲得知识很实用", "知识", "很实用"),
    ("education", "但有时间限制不好", "时间限制", "不好"),  # with the time it limits
    ("ecommerce", "只是上网不是免费", "上网", "不是免费"),
    ("education", "每节课时间安排也充裕", "时间安排", "充裕"),
])
def test_an_act_named_as_a_thing_is_judged(course_rules, shop_rules, domain, text, term, opinion):
    found = (shop_rules if domain == "ecommerce" else course_rules)(text)
    assert (term, opinion, "discovered") in [(m.term, m.opinion, m.source) for m in found]


@pytest.mark.parametrize("domain, text, act", [
    ("ecommerce", "对我帮助很大", "帮助"),  # whose act: a pronoun before it
    ("education", "通过学习收获很大", "收获"),  # the customer's gain, after a preposition's verb
    ("education", "可以提供免费的课程", "提供"),  # a modal; an opinion qualifying a noun
    ("ecommerce", "同时具有十分人性化的短信息群发功能", "具有"),  # the opinion's noun follows
    ("education", "能学到很多知识", "学到"),  # a customer's act
    ("education", "重点突出深入浅出", "突出"),  # a word that judges
    ("ecommerce", "今天又出现同样故障", "出现"),  # what appeared: the opinion word is a noun
    ("ecommerce", "平静地享受安静", "享受"),  # an opinion right after the verb: its object
    ("ecommerce", "但确定是正品", "确定"),  # 是 between: what it is
    ("education", "第二次开课完全可以从高度讲", "开课"),  # the opinion goes on (从…)
    ("education", "根本听不见还没有字幕", "听不见"),  # 没有 takes 字幕: no judgement
])
def test_no_act_of_someone_nor_one_that_takes_an_object(course_rules, shop_rules, domain, text,
                                                        act):
    found = (shop_rules if domain == "ecommerce" else course_rules)(text)
    assert act not in [m.term for m in found]


@pytest.mark.parametrize("text, expected", [
    ("物流很快包装很好", {("物流", "很快"), ("包装", "很好")}),
    ("手机屏幕很清楚", {("手机屏幕", "很清楚")}),
    ("客服态度很差", {("客服态度", "很差")}),
    ("服务很周到", {("服务", "很周到")}),
    ("天猫超市超快送达", None),  # a listed word before the verb decides: no 超市 of its own
])
def test_each_thing_judged_once_in_shop_reviews(shop_rules, text, expected):
    found = pairs(shop_rules(text))
    if expected is None:
        assert "超市" not in {term for term, _ in found}, found
    else:
        assert found == expected


def test_the_corpus_pass_learns_no_act():
    """An act judged here and there is no word of the corpus (without the switch, 操控 judged
    in four comments would be learned and become a mention wherever it stands)."""
    texts = ["但操控极快", "只是操控有点别扭", "而且操控很方便", "但操控一般", "屏幕很好"]
    learned = {word for word, _, _ in learn_aspects(texts, Lexicon.load("ecommerce"))}
    assert "操控" not in learned, learned
