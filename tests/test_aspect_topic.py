"""A dish named as a topic, cut into pieces by the segmenter, owns what is judged of it
(manyi.annotate.aspect_topic through the factor extractor)."""

from __future__ import annotations

import pytest
from conftest import extractor_for


def _found(mentions):
    return {(m.term, m.dimension, m.factor, m.opinion, m.lexicon_score > 0) for m in mentions}


def test_a_topic_judged_through_a_listed_attribute_gets_its_own_mention(catering):
    found = _found(catering("水爆肚，味道没有太惊艳"))  # 水 / 爆肚: cut in two
    assert ("水爆肚", "product", "taste", "没有太惊艳", False) in found, found
    assert ("味道", "product", "taste", "没有太惊艳", False) in found, found  # (kept)


@pytest.mark.parametrize("text, term, factor", [
    ("琵琶鸭味道不错", "琵琶鸭味道", "taste"),          # 琵琶 / 鸭: the dish and its attribute
    ("粥份量很足", "粥份量", "spec"),                  # a one-character dish
    ("水爆肚的味道没有太惊艳", "水爆肚的味道", "taste"),
])
def test_a_dish_before_its_listed_attribute_is_in_the_term(catering, text, term, factor):
    found = {(m.term, m.factor) for m in catering(text)}
    assert (term, factor) in found, found


@pytest.mark.parametrize("text, term, positive", [
    ("炒苕尖，真心一般般。", "炒苕尖", False),         # 炒 / 苕 / 尖: a verdict of its own clause
    ("墨鱼滑也一般般", "墨鱼滑", False),                # 墨鱼 / 滑: adverbs, then the verdict
    ("还有腌制的萝卜干，好吃到流泪。", "萝卜干", True),  # brought in by 还有, a cue after it
    ("这次点了个干锅黄鸭叫，感觉就比较一般了", "干锅黄鸭叫", False),  # ordered
    ("这家的午餐肉是煎过的，挺好吃的。", "午餐肉", True),  # said what it is, then judged
    ("黄鱼蒸蛋，一大盘，还是值得推荐的。", "黄鱼蒸蛋", True),  # past a clause of its size
])
def test_an_open_verdict_takes_the_dish_as_its_term(catering, text, term, positive):
    found = {(m.term, m.dimension, m.lexicon_score > 0) for m in catering(text) if m.opinion}
    assert (term, "product", positive) in found, found


@pytest.mark.parametrize("domain, text, not_term", [
    ("catering", "今天，味道不错", "今天"),                       # a time
    ("catering", "朋友，味道不错", "朋友"),                       # a person
    ("catering", "欧包很扎实，有嚼劲，适合当早餐", "嚼劲"),        # a quality had, no name
    ("catering", "孜然羊排，羊排煎得还不错", "羊排煎"),            # how it was done
    ("catering", "糯糯的香香的", "糯糯"),                         # how it is
    ("catering", "咖喱蟹，没有吃，量还可以", "咖喱蟹"),           # a clause between that says more
    ("ecommerce", "客服，态度很差", "客服"),                      # a listed word of another factor
    ("ecommerce", "淡淡的清香味非常的耐闻，清清爽爽的一点也不油", "耐闻"),  # an opinion
    ("hotline", "家里人都能看到我的消费记录，很不方便", "消费记录"),  # seen, not ordered
])
def test_no_name_where_none_is_judged(domain, text, not_term):
    found = {m.term for m in extractor_for(domain)(text) if m.opinion}
    assert not_term not in found, found


def test_the_thing_bought_is_no_dish():
    extract = extractor_for("electronics")
    found = {(m.term, m.dimension, m.opinion) for m in extract("手机，屏幕很清楚")}
    assert ("手机", "product", "很清楚") not in found, found  # (the phone named, its screen judged)
    assert ("屏幕", "product", "很清楚") in found, found


def test_a_learned_word_of_the_name_is_judged_with_it():
    extract = extractor_for("catering", learned=(("牛肉", "product", "attribute:牛肉"),))
    found = {(m.term, m.opinion) for m in extract("麻辣牛肉，很好吃")}
    assert ("麻辣牛肉", "很好吃") in found, found
    assert ("牛肉", "") not in found, found  # (named unjudged before: now the dish's)


@pytest.mark.parametrize("text, term", [
    ("色拉卷很清爽，里面各种水果。", "色拉卷"),       # 色拉 / 卷: the degree inside the opinion
    ("#海胆#超级新鲜", "海胆"),                        # a review site's dish tag
    ("{羊排}有点腻", "羊排"),
    ("很喜欢吃他们家腊味吊锅饭", "腊味吊锅饭"),        # what is liked, named after the liking
    ("其实我不是很喜欢吃鸭脖", "鸭脖"),
    ("我们点的烤羊排很不错", "烤羊排"),               # who ordered it (烤羊 / 排: cut)
    ("不过虾滑很不错", "虾滑"),                        # after a word of contrast
])
def test_a_dish_right_beside_its_judgement_is_its_term(catering, text, term):
    found = {(m.term, m.dimension) for m in catering(text) if m.opinion}
    assert (term, "product") in found, found


@pytest.mark.parametrize("domain, text, not_term", [
    ("catering", "#探店#好好吃", "探店"),              # a hashtag that is no dish
    ("catering", "推荐大家去", "大家"),                  # whom it is recommended to
    ("ecommerce", "幼儿园老师推荐的", "幼儿园老师"),     # who recommends it
    ("catering", "老婆很喜欢", "老婆"),                  # who likes it
    ("catering", "但皮薄薄脆脆很不错", "皮薄薄脆脆"),     # how it is, said twice
    ("catering", "辣酥烂入味", "辣酥"),                  # tastes and textures alone
    ("catering", "真心客观地不推荐来", "客观"),          # how it is said (地)
    ("catering", "如果新鲜出炉肯定很赞", "新鲜出炉"),    # a wish
    ("education", "虽然只是皮毛但是受益匪浅", "皮毛"),   # conceded, then turned from
])
def test_no_dish_beside_a_judgement_of_something_else(domain, text, not_term):
    found = {m.term for m in extractor_for(domain)(text) if m.opinion}
    assert not_term not in found, found


@pytest.mark.parametrize("text, term, factor", [
    ("大盘鸡，味道不错", "大盘鸡", "taste"),           # named alone (the older rule's reading)
    ("老鸭汤，味道一般", "老鸭汤", "taste"),           # cut in pieces (this module's reading)
    ("点了牛腩面条，味道一般", "牛腩面条", "taste"),    # ordered
    ("咖喱蟹，要的中份的，量还可以", "咖喱蟹", "spec"),  # past a clause between
    ("“海神卷”，造型很漂亮", "海神卷", "appearance"),    # (was the quality word's, filed by cue)
    ("厚厚的三文鱼刺身，分量足", "三文鱼刺身", "spec"),  # after how it looks
    ("不过卤肉浇头，味道也是很浓郁的", "卤肉浇头", "taste"),  # after a word of contrast
])
def test_a_dish_judged_through_a_listed_attribute_takes_its_factor(catering, text, term, factor):
    found = {(m.term, m.dimension, m.factor) for m in catering(text) if m.opinion}
    assert (term, "product", factor) in found, found


@pytest.mark.parametrize("domain, text, term, dimension", [
    ("electronics", "手机屏幕很清楚", "屏幕", "product"),
    ("ecommerce", "客服态度很差", "客服态度", "service"),
    ("ecommerce", "但是客服态度很差", "客服态度", "service"),
    ("ecommerce", "不过物流很慢", "物流", "logistics"),
    ("ecommerce", "国产优品,质量好速度快", "国产优品", "overall"),  # goods: the thing bought
])
def test_other_industries_file_as_before(domain, text, term, dimension):
    found = {(m.term, m.dimension) for m in extractor_for(domain)(text) if m.opinion}
    assert (term, dimension) in found, found


@pytest.mark.parametrize("text, term", [
    ("这个酸汤菜味道挺特别的，比较下饭", "酸汤菜味道"),   # 酸 / 汤菜: only 汤菜 was glued
    ("辣炒贝炒料味道很重，甜辣甜辣的", "辣炒贝炒料味道"),  # 辣 / 炒贝 / 炒料
])
def test_a_dish_glued_to_its_attribute_is_read_whole(catering, text, term):
    found = {(m.term, m.factor) for m in catering(text) if m.opinion}
    assert (term, "taste") in found, found


@pytest.mark.parametrize("text, term", [
    ("我觉得烤肉味道不错，就是有点贵", "烤肉味道"),   # who judges: no piece of the name
    ("今天的烤肉味道不错，就是有点贵", "烤肉味道"),   # a time and 的
])
def test_a_glued_dish_keeps_its_term_after_what_is_no_name(catering, text, term):
    found = {(m.term, m.factor) for m in catering(text) if m.opinion}
    assert (term, "taste") in found, found
