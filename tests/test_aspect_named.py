"""A clause that only names something, judged by the clause after it
(manyi.annotate.aspect_named through the factor extractor)."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text, named, opinion", [
    ("咖喱排骨，咖喱味道不错", "咖喱排骨", "不错"),          # through a listed attribute
    ("三层的小点心，质量还可以", "小点心", "还可以"),        # after how it looks
    ("一份三文鱼骨，味道很咸", "三文鱼骨", "很咸"),          # after a number
    ("朋友点了摩卡，感觉也一般", "摩卡", "一般"),            # who ordered it
    ("酸菜鱼58元，呢个比较好吃", "酸菜鱼", "比较好吃"),      # its price after it
    ("陈皮骨（例），味道果然不错", "陈皮骨", "不错"),        # a note in brackets
    ("“海神卷”，造型很漂亮", "海神卷", "很漂亮"),            # quoted
    ("咖喱蟹，要的中份的，量还可以", "咖喱蟹", "还可以"),    # past a clause naming nothing
    ("#烤板筋，也是特色菜，很有嚼劲。", "烤板筋", "很有嚼劲"),  # past one that names, judges not
    ("先上了老鸡椰子汤，看上去很补的样子，味道还可以", "老鸡椰子汤", "还可以"),  # 先 上了
    ("里面还加了肉松，很香", "肉松", "很香"),                # who added it: 还 加了
])
def test_a_name_is_judged_by_the_clause_after_it(text, named, opinion):
    found = {(m.term, m.opinion, m.dimension) for m in extractor_for("catering")(text)}
    assert (named, opinion, "product") in found, found


def test_a_verdict_with_no_noun_becomes_the_names():
    found = [(m.term, m.opinion) for m in extractor_for("catering")("朋友点了摩卡，感觉也一般")]
    assert found == [("摩卡", "一般")]


@pytest.mark.parametrize("domain, text, not_term", [
    ("catering", "今天中午，菜很好吃", "今天"),                # a time
    ("catering", "老公，服务员很热情", "老公"),                # a person
    ("catering", "在万达3层，味道不错", "万达"),              # a place after a preposition
    ("catering", "香菇，大白菜不好吃", "香菇"),                # another thing judged
    ("catering", "绿豆粥，吃了大众点评推荐的印度凤梨抛饼", "绿豆粥"),
    ("catering", "回家路上看到随处贴着18一斤的虹鳟，我立即醉了", "虹鳟"),
    ("catering", "咖喱蟹，不冲鼻子，量还可以", "咖喱蟹"),
    ("catering", "咖喱蟹，没有吃，量还可以", "咖喱蟹"),      # the clause between says something
    ("app", "大堂经理小王服务很周到，全程帮忙，点赞", "全程"),  # praise said to the shop
    ("catering", "麻辣牛肉。很好吃", "麻辣牛肉"),            # not across a sentence
    ("catering", "我们抽的是二等奖，麻辣牛肉，很好吃", "二等奖"),  # the clause between a name
    ("catering", "又来了一次，还不错", "一次"),                # 又 来了: a time, no name
    ("hotel", "南苑楼虽然是老楼，但是房间很干净", "南苑楼"),  # past a contrast: another thing
    ("ecommerce", "不知道是不是个例，电池使用时间实在是一般", "个例"),  # a wonder, no name
])
def test_a_name_before_stays_bounded(domain, text, not_term):
    terms = {m.term for m in extractor_for(domain)(text)}
    assert not any(t.startswith(not_term) for t in terms if t), terms


@pytest.mark.parametrize("text, names", [
    ("最喜欢的是油爆虾、熏鱼、响油鳝丝、草头圈子", {"油爆虾", "熏鱼", "响油鳝丝", "草头圈子"}),
    ("最喜欢还是油爆虾、熏鱼、响油鳝丝、草头圈子", {"油爆虾", "熏鱼", "响油鳝丝", "草头圈子"}),
    # the clause before only names (浓油赤酱): the object after the opinion is what is liked
    ("浓油赤酱，最喜欢还是油爆虾、熏鱼", {"油爆虾", "熏鱼"}),
    ("牛舌、羔羊肉、肥牛肉都很新鲜", {"牛舌", "羔羊肉"}),
])
def test_a_list_shares_the_opinion_of_its_head_or_its_end(text, names):
    found = {m.term for m in extractor_for("catering")(text) if m.opinion}
    assert names <= found, found


def test_a_list_stops_at_what_is_no_name():
    terms = {m.term for m in extractor_for("catering")("最喜欢还是油爆虾、服务员很热情")}
    assert not any(t.startswith("服务员") and t != "服务员" for t in terms), terms


@pytest.mark.parametrize("text, term", [
    ("酸辣土豆丝口感酸脆", "酸辣土豆丝口感"),   # a status word opening the clause
    ("脆毛肚品质很不错", "脆毛肚品质"),         # a one-character adjective
])
def test_a_listed_quality_keeps_the_kind_of_dish_before_it(text, term):
    assert term in {m.term for m in extractor_for("catering")(text)}


@pytest.mark.parametrize("text, names", [
    ("推荐烤猪排，大虾，冰淇淋", {"烤猪排", "大虾", "冰淇淋"}),  # cooked, then a comma list
    ("强烈推荐他家的烤鱼", {"烤鱼"}),
    ("巧克力布朗尼也不错", {"巧克力布朗尼"}),  # the segmenter cuts 布朗 尼 (names' tags)
])
def test_the_object_of_a_recommendation_is_named_whole(text, names):
    found = {m.term for m in extractor_for("catering")(text) if m.opinion}
    assert names <= found, found


@pytest.mark.parametrize("domain, text", [
    ("catering", "最喜欢还是这家"), ("catering", "推荐还是来吃"), ("catering", "推荐给大家"),
    ("catering", "喜欢吃辣的朋友"),            # a taste, not a thing
    ("catering", "基本喜欢跑万达这些地方"),    # a verb before a noun: a name only if bounded
    ("ecommerce", "四五个小时居然充不满电"),   # a one-character noun alone, led by nothing
])
def test_no_object_is_made_of_what_names_no_thing(domain, text):
    found = [m.term for m in extractor_for(domain)(text) if m.term]
    assert found == [], found


def test_an_object_judged_by_what_follows_is_not_the_recommendations():
    found = {(m.term, m.opinion) for m in extractor_for("catering")("也是值得推荐的肉多骨头少")}
    assert ("肉", "多") in found and ("肉", "值得推荐") not in found, found
