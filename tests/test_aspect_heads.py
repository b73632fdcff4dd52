"""A thing and an abstract attribute head (学习方式 知识体系 学习进度 每节课的时间) are one term,
filed as an attribute of the thing (manyi.annotate.aspect_heads, core's ``attribute_heads``),
in any industry; the rules alone (no learned aspect scorer)."""

from __future__ import annotations

import pytest
from conftest import pairs

from manyi.annotate.aspect_heads import whose_head
from manyi.annotate.aspects import AspectFinder
from manyi.text.lexicon import Lexicon


@pytest.mark.parametrize("text, term, opinion", [
    ("网络学习方式非常方便", "学习方式", "非常方便"),
    ("该门课知识体系很完整", "知识体系", "很完整"),
    ("不太习惯这种模式学习进度有点慢", "学习进度", "有点慢"),  # jieba: 进度 an adverb
    ("每节课的时间都比较短", "每节课的时间", "短"),
    ("网络学习的时间比较自由", "学习的时间", "比较自由"),
    ("呈现的模式很新颖", "呈现的模式", "很新颖"),
])
def test_a_thing_and_its_attribute_head_are_one_term(course_rules, text, term, opinion):
    assert (term, opinion) in pairs(course_rules(text)), pairs(course_rules(text))


@pytest.mark.parametrize("text, term", [
    ("操作方式过于繁琐", "操作方式"),
    ("白平衡的调节方式较少", "调节方式"),
    ("开机的时间很长", "开机的时间"),
])
def test_in_a_shop_too(shop_rules, text, term):
    assert term in {m.term for m in shop_rules(text)}, pairs(shop_rules(text))


@pytest.mark.parametrize("text", ["用的时间长了就卡", "等的时间太长"])
def test_how_long_the_customer_did_something_is_no_attribute(shop_rules, text):
    assert not any("时间" in m.term for m in shop_rules(text)), pairs(shop_rules(text))


@pytest.mark.parametrize("text, expected", [
    ("物流很快包装很好", {("物流", "很快"), ("包装", "很好")}),
    ("手机屏幕很清楚", {("手机屏幕", "很清楚")}),
    ("客服态度很差", {("客服态度", "很差")}),
    ("服务很周到", {("服务", "很周到")}),
])
def test_other_judgements_unchanged(shop_rules, text, expected):
    assert set(pairs(shop_rules(text))) == expected


def test_filed_as_the_things_attribute():
    course = AspectFinder(Lexicon.load("education"))
    assert course.file_term(["课程体系"])[0].dimension == "product"  # not the course whole
    assert course.file_term(["课程设计"])[0].dimension == "product"
    shop = AspectFinder(Lexicon.load("ecommerce"))
    assert shop.file_term(["售后", "体系"])[0].dimension == "service"  # the neighbour's
    assert shop.file_term(["包装", "方式"])[0] == shop.file_term(["包装"])[0]


def test_the_corpus_pass_reads_no_phrase_with_de():
    finder = AspectFinder(Lexicon.load("education"))
    tokens = ["网络", "学习", "的", "时间"]
    assert whose_head(finder, tokens, 0, 3) == (1, 4)
    finder.acts_judged = False  # (the corpus pass: it learns words)
    assert whose_head(finder, tokens, 0, 3) is None


def test_a_listed_word_and_a_head_are_one_mention(shop_rules, course_rules):
    assert [(m.term, m.dimension) for m in shop_rules("售后体系很好")] == [("售后体系", "service")]
    assert [(m.term, m.factor) for m in shop_rules("包装方式很好")] == [("包装方式", "packaging")]
    assert ("作业时间", "很充裕") in pairs(course_rules("作业时间也很充裕"))


def test_the_corpus_learns_the_compounds_not_the_head_alone():
    from manyi.annotate.prepass import learn_aspects

    texts = ["作业时间很紧", "考试时间太短了", "测验时间很紧", "作业时间有点短",
             "考试时间很合理"] * 3
    words = {w for w, _, _ in learn_aspects(texts, Lexicon.load("education"))}
    assert {"作业时间", "考试时间"} <= words and "时间" not in words, words
