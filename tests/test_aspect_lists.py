"""Every item of a list judged together takes the judgement (manyi.annotate.aspect_lists's
list_judged): real comments of restaurant and hotel reviews."""

from __future__ import annotations

import pytest
from conftest import extractor_for


def _judged(mentions, term):
    """The opinion each mention of ``term`` carries, with the sign of its lexicon score."""
    return [(m.opinion, (m.lexicon_score > 0) - (m.lexicon_score < 0))
            for m in mentions if m.term == term]


@pytest.mark.parametrize("text, term, judged", [
    ("虾和牛蛙都不太入味", "虾", ("不太入味", -1)),                 # the item before 和
    ("海陆套餐里的大明虾和鳕鱼也都不错", "鳕鱼", ("不错", 1)),       # after the one found
    ("综合甜点焦糖布丁冰激凌和提拉米苏都很好吃", "提拉米苏", ("很好吃", 1)),  # 提拉 米苏
    ("吃了比目鱼，龙利鱼，海鲈鱼，味道都很赞", "比目鱼", ("很赞", 1)),  # the head after 吃了
    ("虾饺，乳鸽，榴莲酥，葡挞都还是很不错", "虾饺", ("很不错", 1)),   # a comma list, 都: all
    ("虾饺，乳鸽，榴莲酥，葡挞都还是很不错", "榴莲酥", ("很不错", 1)),  # (榴莲 酥: cut off)
    ("牛肉和鸭血真的强推", "鸭血", ("真的强推", 1)),
    ("我个人还是比较喜欢鸡翅和烤肠", "烤肠", ("比较喜欢", 1)),        # the list an opinion takes
])
def test_every_item_of_a_restaurant_list_is_judged(catering, text, term, judged):
    assert _judged(catering(text), term) == [judged]


@pytest.mark.parametrize("text, term, opinion", [
    ("家俱及装饰都很旧，不值得入住", "家俱", "很旧"),   # (the lexicon has no score for 旧:
    ("被褥、床垫相当潮湿", "被褥", "相当潮湿"),          # the sentiment model gives one later)
    ("外面环境和门厅走廊还好", "门厅走廊", "还好"),
    ("物流速度与客服态度很好", "客服态度", "很好"),
    ("房间还可以，床和枕头都蛮舒服的", "床", "蛮舒服"),
    ("价格不错，离地铁和火车站都很近", "地铁", "很近"),
    ("酒店设备，环境都还可以", "酒店设备", "还可以"),       # named alone, judged with 都
])
def test_every_item_of_a_hotel_list_is_judged(shop, text, term, opinion):
    assert [o for o, _ in _judged(shop(text), term)] == [opinion]


def test_an_item_named_without_judgement_takes_the_lists():
    mentions = extractor_for("catering")("环境，服务都不错")
    assert [(m.term, m.opinion) for m in mentions] == [("环境", "不错"), ("服务", "不错")]


@pytest.mark.parametrize("text, term, judged", [
    ("牛肉很好吃，鸡肉一般", "牛肉", ("很好吃", 1)),   # a clause with its own verdict keeps it
    ("牛肉很好吃，鸡肉一般", "鸡肉", ("一般", -1)),
])
def test_a_clause_with_its_own_judgement_is_not_reached(catering, text, term, judged):
    assert _judged(catering(text), term) == [judged]


@pytest.mark.parametrize("text, term, opinion", [
    ("个小，酸，包装不好，坏了一半", "酸", "不好"),              # a clause of its own, no 都
    ("照片与事实不符，房间太小", "事实", "不符"),                # a relation of two, neither judged
    ("原著小说和电影略有些差别", "原著小说", "有些差别"),  # the same (review18, a book)
    ("比如书桌和电视都很旧", "比如书桌", "很旧"),          # 比如 brings in an example
    ("和盛祥鱼火锅位于金轮宾馆3楼、位置非常好找", "楼", "非常好找"),  # a floor's number, not a name
    ("包装和物流都没什么问题，就是对苹果口感不满意", "包装", "没什么"),  # the judgement goes on
])
def test_what_is_no_list_item_is_not_judged(shop, text, term, opinion):
    assert (term, opinion) not in {(m.term, m.opinion) for m in shop(text)}


@pytest.mark.parametrize("text", ["羊肉串，大虾，都很好吃", "大虾，羊肉串，都很好吃",
                                  "点了羊肉串和大虾，都很好吃"])
def test_a_learned_word_is_an_item_of_a_list_as_an_unlisted_noun_is(text):
    # 大虾 learned by the corpus pass: listed for the run, yet a name of the list like 羊肉串
    # (it lost both before), judged once: its mention named without judgement gives way
    learned = extractor_for("catering", (("大虾", "product", "attribute"),))
    found = [(m.term, m.opinion) for m in learned(text) if m.term in ("羊肉串", "大虾")]
    assert sorted(found) == [("大虾", "很好吃"), ("羊肉串", "很好吃")]


@pytest.mark.parametrize("text, term", [
    ("板鸭很甜，要了个什么马蹄啥的，一般，就是炸的，腻", "马蹄"),  # some dish, and such
    ("点了烤串什么的，都很好吃", "烤串"),
])
def test_a_dish_named_as_well_as_recalled_is_found(text, term):
    # (the analysis, with its corpus pass: the name alone in its clause, then judged)
    import manyi
    mentions = manyi.analyze([text], domain="catering", jobs=1, progress=False).mentions
    assert term in set(mentions["term"])


@pytest.mark.parametrize("text, term", [
    ("还有老奶洋芋和凉拌金针菇，我个人也觉得味道就那样", "金针菇"),  # 就那样: mild, as 一般
    ("味道就那样", "味道"),
])
def test_a_mild_verdict_judges_the_list(catering, text, term):
    assert [s for _, s in _judged(catering(text), term)] == [-1]


def test_a_dish_the_restaurant_gives_is_judged_as_one_ordered(catering):
    # (catering's orders: what a restaurant gives is food; in a shop a gift stays unjudged)
    found = catering("送了份萝卜干，很爽口，本来还准备点的")
    assert [s for _, s in _judged(found, "萝卜干")] == [1]
