"""A discovered word that is only what an act was done to is no thing judged (issue #19): a
learned word the customer's act was done to with nothing said of it (当时烫了头发, 抹在头发上);
a learned word glued to the listed term before it is one compound (泡沫数量); an effect
before its head names which effect (去屑效果). Real comments of shampoo and shop reviews."""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.annotate.discovered_acts import acted_on

HAIR = (("头发", "product", "attribute"), ("头皮", "product", "attribute"),
        ("数量", "product", "attribute"))


@pytest.fixture(scope="module")
def shampoo():
    return extractor_for("ecommerce", HAIR)


@pytest.mark.parametrize("text", ["当时烫了头发，用了这个很顺", "精油抹在头发上，很好吸收",
                                  "我一般是洗完头发以后"])
def test_what_an_act_was_done_to_is_narration(shampoo, text):
    assert "头发" not in {m.term for m in shampoo(text)}  # main: 头发, no opinion


@pytest.mark.parametrize("text, term, opinion", [
    ("用完头发黏糊糊的，很不舒服", "头发", ""),   # something is said of it after it
    ("洗完头皮发紧，而且头屑很多", "头皮", ""),
    ("洗完头发很顺滑", "头发", "很顺滑"),
    ("头发也掉的不多，很好用", "头发", ""),
])
def test_what_something_is_said_of_keeps_its_mention(shampoo, text, term, opinion):
    found = [m for m in shampoo(text) if m.term == term]
    assert found and found[0].opinion == opinion


def test_a_learned_word_glued_to_a_listed_term_is_one_compound(shampoo):
    found = {(m.term, m.dimension) for m in shampoo("泡沫数量挺大")}
    assert ("泡沫数量", "product") in found and not any(t == "数量" for t, _ in found)
    # two things judged together are two (质量裤型都很好, 音质画面都很好: review)
    found = {m.term for m in shampoo("泡沫数量都挺大")}
    assert "泡沫数量" not in found and "数量" in found, found


def test_the_quick_tests():
    tag = {"烫": "v", "抹": "v", "有": "v", "头发": "n", "用": "v"}.get
    assert acted_on(tag, ["抹", "在", "头发", "上"], 0, 4, 2, 3, ())
    assert not acted_on(tag, ["有", "头发"], 0, 2, 1, 2, ())          # what there is
    assert not acted_on(tag, ["用", "头发"], 0, 2, 1, 2, ())          # no mark it was done
    assert not acted_on(tag, ["不", "用", "了", "头发"], 0, 4, 3, 4, {"不"})  # negated


@pytest.mark.parametrize("text, term, opinion", [
    ("去屑效果非常好", "去屑效果", "非常好"),   # main: 效果 (非常好), 去屑 left as no term
    ("止痒效果一般", "止痒效果", "一般"),
    ("很满意效果", "效果", "很满意"),           # a degree word: the verdict, not which effect
    ("就是喜欢颜色", "颜色", "喜欢"),           # the clause ends on the head: what is liked
    ("大小合适颜色和图片一样", "颜色", "合适"),  # a look is no effect: 合适 is 大小's (review)
])
def test_an_effect_before_its_head_names_which_effect(shop, text, term, opinion):
    assert (term, opinion) in {(m.term, m.opinion) for m in shop(text)}


def test_a_verdict_of_another_dimension_names_no_effect(shop):
    found = {(m.term, m.dimension) for m in shop("这么便宜质量还这么好")}
    assert ("质量", "product") in found and "便宜质量" not in {t for t, _ in found}


def test_a_compound_keeps_the_listed_word_joined_after_it(shop):
    # 造型 设计, two listed words of one factor, after an unlisted compound: all of it named
    found = {(m.term, m.opinion) for m in shop("新模具造型设计好看多了")}
    assert ("新模具造型设计", "好看") in found  # main: 新模具造型
