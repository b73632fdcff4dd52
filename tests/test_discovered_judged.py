"""A discovered word is a mention only when the clause's judgement is of it (issue #19): not
what something is compared with (比实体店实惠多了), nor the opening word of a clause before
that only happens to precede a clause judging a listed thing (照片与事实不符，房间太小). Real
comments of online_shopping_10_cats (computers, phones, milk) and ChnSentiCorp hotels."""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.annotate.prepass import _pass_tools, learn_aspects
from manyi.text.lexicon import Lexicon


@pytest.mark.parametrize("domain, text, word", [
    ("ecommerce", "不过目前的粉色版本一般要比黑色和兰色贵200元左右", "黑色和兰色"),
    ("ecommerce", "而且比实体店实惠多了", "实体店"),
    ("ecommerce", "总比一些所谓的摄像手机、商务手机要好的多", "商务手机"),
    ("hotel", "比外面所谓的美食街贵不了多少", "美食街"),
    ("hotel", "原因二是因为与同在弥墩道的汉普顿相比简直是一个天一个地", "汉普顿"),
    ("hotel", "比住在海港城附近更舒适", "比住"),  # (the segmenter glues 比 to 住)
])
def test_what_is_compared_with_is_not_judged(domain, text, word):
    assert [m.term for m in extractor_for(domain)(text) if word in m.term] == []


@pytest.mark.parametrize("domain, text, expected", [
    # the subject of the comparison keeps its mention
    ("ecommerce", "蒙牛比伊利好喝", {("蒙牛", "discovered")}),
    ("ecommerce", "镜头比尼康的清晰", {("镜头", "discovered"), ("", "lexicon")}),
    # a cue that filed the word compared with stays the cue's own mention: the price judged
    ("hotel", "比外面所谓的美食街贵不了多少", {("贵", "lexicon")}),
    ("ecommerce", "而且比实体店实惠多了", {("实惠", "lexicon")}),
])
def test_what_is_compared_leaves_the_rest(domain, text, expected):
    assert {(m.term, m.source) for m in extractor_for(domain)(text)} == expected


@pytest.mark.parametrize("domain, text, opinion", [
    ("hotel", "感觉比希尔顿好很多", "好"), ("hotel", "比旁边的建工锦江好一些", "好"),
    ("ecommerce", "个人感觉比苹果好用", "好用")])
def test_a_judgement_the_word_compared_with_held_alone_stays_overall(domain, text, opinion):
    """review12: 14 clauses lost every mention with their compared-with word."""
    found = extractor_for(domain)(text)
    assert [(m.dimension, m.term, m.opinion) for m in found] == [("overall", "", opinion)]


def test_a_cue_kept_without_the_word_compared_with():
    found = extractor_for("hotel")("比外面所谓的美食街贵不了多少")
    assert [(m.dimension, m.term, m.implicit, m.filed_by, m.start, m.end) for m in found] \
        == [("price", "贵", True, "cue", 9, 10)]


@pytest.mark.parametrize("domain, text, word", [
    ("hotel", "照片与事实不符,房间太小,昆山实际上有很多酒店比这个好", "照片"),
    ("hotel", "光是住一两晚上还形。房间挺干净的。", "光是"),
    ("hotel", "小姐总是面带微笑。房间很舒适。玩乒乓球免费。", "小姐"),
])
def test_a_clause_opening_before_a_judged_term_is_not_its_thing(domain, text, word):
    later = [m for m in extractor_for(domain)(text) if m.term == word and word not in m.clause]
    assert later == []


def test_a_dish_the_clause_before_only_names_is_still_judged():
    found = extractor_for("catering")("点了牛腩面条，味道一般")
    assert ("牛腩面条", "discovered") in {(m.term, m.source) for m in found}


def test_the_first_pass_still_counts_a_word_compared_with():
    # its words are the corpus's things, compared with as often as judged (比上网本强多了):
    # the words it learns do not change
    segmenter, extractor = _pass_tools(Lexicon.load("hotel"), "rjieba")
    text = "比外面所谓的美食街贵不了多少"
    assert "美食街" in {m.term for m in extractor.extract(text, segmenter.cut(text))}


@pytest.mark.parametrize("domain, text, word", [
    # who speaks or is spoken to is no thing judged
    ("hotel", "我会毫不犹豫选0分", "我会"),
    ("hotel", "祝您工作顺利", "祝您"),
    ("ecommerce", "我心够舒服了", "我心"),
    # 把 X + a verb, nothing said of X: what the customer did to it
    ("hotel", "把水龙头开十分钟不要关", "水龙头"),
])
def test_a_speaker_or_an_object_acted_on_is_no_mention(domain, text, word):
    assert [m.term for m in extractor_for(domain)(text) if word in m.term] == []


KEYBOARD = ["键盘很好用", "键盘手感不错", "键盘有点软", "键盘太小", "屏幕很亮"]


@pytest.mark.parametrize("text, found", [
    ("须把键盘卸下", []),
    ("键盘很好用", ["键盘"]),  # judged: kept
])
def test_a_learned_word_acted_on_is_no_mention(text, found):
    extract = extractor_for("ecommerce", learn_aspects(KEYBOARD, Lexicon.load("ecommerce")))
    assert [m.term for m in extract(text) if "键盘" in m.term] == found


@pytest.mark.parametrize("text, term", [
    ("蛤蜊炖蛋味道还好", "蛤蜊炖蛋味道"),      # a dish named with how it is cooked
    ("炒花甲味道好好", "炒花甲味道"),          # (not 花甲味道: the dish cut)
    ("凉拌小虾味道不错", "凉拌小虾味道"),
    ("小汤包的味道很好", "小汤包的味道"),
])
def test_a_dish_before_its_attribute_is_named_whole(text, term):
    found = [(m.term, m.dimension) for m in extractor_for("catering")(text) if m.opinion]
    assert (term, "product") in found, found


@pytest.mark.parametrize("domain, text, term", [
    ("catering", "听说鱼味道不错", "味道"),    # who says it, not how the dish is cooked
    ("catering", "吃鱼味道不错", "味道"),      # the customer's act
    ("catering", "这个价格很实惠", "价格"),
    ("catering", "增加热性食物平衡", "热性食物"),      # 加: ordering more, not cooking
    ("catering", "像烤鸡腿的味道", "烤鸡腿的味道"),    # what it is like
    ("catering", "供顾客手机充电之类的", "手机充电"),  # the customer: no dish, no thing
    ("ecommerce", "手机电池续航不错", "手机电池续航"),
])
def test_what_opens_the_clause_joins_only_as_a_cooked_dish(domain, text, term):
    found = [m.term for m in extractor_for(domain)(text)]
    assert found and found[0] == term, found


@pytest.mark.parametrize("domain, text", [
    ("hotline", "客户满意"),             # the customer in a ticket speaks: no thing judged
    ("hotline", "客户表示满意"),
    ("catering", "顾客很多"),
    ("ecommerce", "买家很满意"),
])
def test_the_customer_is_no_thing(domain, text):
    found = [(m.term, m.dimension) for m in extractor_for(domain)(text)]
    assert not [t for t, _ in found if t and t[:2] in ("客户", "顾客", "买家")], found


def test_things_named_after_the_customer_hold():
    assert [m.term for m in extractor_for("hotline")("客户经理很专业")] == ["客户经理"]
    assert [m.term for m in extractor_for("hotline")("客户对客服指引表示满意")] == ["客服"]
