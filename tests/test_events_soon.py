"""Speed stated through time, praised or blamed (manyi.annotate.events through the factor
extractor): 就 after a time says soon (几秒钟就批了), 才 says late (一周才批下来). Every case
asserts the mention found, so an extractor that finds nothing fails."""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.text.lexicon import Lexicon, lexicon_root
from manyi.text.lexicon_events import merge_aspects_file


@pytest.mark.parametrize("domain, text, dimension, factor, sign", [
    ("hotline", "临时额度调整很快，APP上几秒钟就批了", "service", "business", 1),
    ("hotline", "申请了一周才批下来", "service", "business", -1),
    ("ecommerce", "下单第二天就到了", "logistics", "speed", 1),
    ("ecommerce", "客服几分钟就回复了", "service", "efficiency", 1),
    ("delivery", "半小时就送到了", "logistics", "speed", 1),
    ("catering", "五分钟就上菜了", "service", "serving", 1),
    ("ecommerce", "退款三天才到账", "service", "efficiency", -1),  # money credited, not goods
    ("app", "提现三天才到账", "service", "efficiency", -1),
    ("app", "等了半个小时都没加载出来", "product", "performance", -1),  # an app's own speed
    ("app", "更新后等了十分钟", "product", "performance", -1),
    ("hotline", "排了一个小时的队才办完业务", "channel", "queue", -1),  # a branch's line
    ("hotline", "营业厅排队要好久", "channel", "queue", -1),
    ("hotline", "办理业务要排很久的队", "channel", "queue", -1),  # 要排: one word
    ("hotline", "贷款审批很快，三天就放款了", "service", "business", 1),  # money lent
    ("hotline", "申请了两周才下款", "service", "business", -1),
    # still not done a time later (shop reviews, a bank ticket, a repair)
    ("ecommerce", "说好退钱过了一个月还没退", "service", "efficiency", -1),
    ("electronics", "客服说要寄回检测，一个月了还没修好", "service", "efficiency", -1),
    ("ecommerce", "再也不想来这里买东西了,太慢了,10天还没收到", "logistics", "speed", -1),
    ("ecommerce", "买的其他自营商品一周都没送到", "logistics", "speed", -1),
])
def test_speed_through_time_is_an_event_with_its_polarity(domain, text, dimension, factor,
                                                          sign):
    found = extractor_for(domain)(text)
    events = [m for m in found if m.source == "event"]
    assert [(m.dimension, m.factor) for m in events] == [(dimension, factor)], found
    assert events[0].lexicon_score * sign > 0


def test_what_the_clause_names_unjudged_takes_the_event():
    # the ticket: the app approved in seconds is no channel complaint
    found = extractor_for("hotline")("临时额度调整很快，APP上几秒钟就批了")
    app = [m for m in found if m.term == "APP"]
    assert app and app[0].dimension == "channel" and app[0].lexicon_score > 0
    assert app[0].opinion == "几秒钟就批"


@pytest.mark.parametrize("text", ["用了三天就坏了", "两天就到期了", "一个小时就没电了",
                                  "等了两个小时就走了"])
def test_soon_needs_a_verb_of_arriving_or_doing(text):
    found = extractor_for("ecommerce")(text)
    assert not any(m.source == "event" and m.lexicon_score > 0 for m in found), found


@pytest.mark.parametrize("text", ["二个月没到就频频出现问题", "用了三天了还没来评价",
                                  "三天了还没坏", "一个月没来了，味道还是那么好",
                                  "用了半个月了还没来过电话骚扰"])
def test_not_even_a_time_nor_a_review_is_a_wait(text):
    # 没到就: "not even two months"; 来评价: what the reviewer came to do; 坏: nothing due
    found = extractor_for("ecommerce")(text)
    assert not any(m.source == "event" for m in found), found


@pytest.mark.parametrize("text, late", [("特意用了几天才来评价的", False),
                                        ("穿了几天才来评论", False), ("一个星期才到货", True),
                                        ("一个星期才收到写评价", True)])
def test_coming_late_to_review_is_no_late_delivery(text, late):
    found = extractor_for("ecommerce")(text)
    assert any(m.source == "event" for m in found) == late, found  # (一个星期才到货: one)


@pytest.mark.parametrize("polarity, shown", [('"good"', "'good'"),
                                             ('["positive"]', "['positive']")])
def test_an_events_polarity_is_checked(tmp_path, polarity, shown):
    # a word other than positive/negative, or no word at all: a pack problem, not a crash
    pack = tmp_path / "aspects.toml"
    pack.write_text(f'[events.soon]\nfactor = "logistics.speed"\npolarity = {polarity}\n'
                    'patterns = ["就到了"]\n', encoding="utf-8")
    problems: list[str] = []
    merge_aspects_file(Lexicon.from_packs([lexicon_root() / "core"]), pack, problems)
    assert problems and str(pack) in problems[0] and shown in problems[0]


@pytest.mark.parametrize("text, sign", [("离地铁站很近，步行5分钟就到了", 1),
                                        ("打车40分钟才到", -1)])
def test_a_place_reached_on_foot_or_by_car_is_its_location(text, sign):
    events = [m for m in extractor_for("hotel")(text) if m.source == "event"]
    assert events and {(m.dimension, m.factor) for m in events} == {("channel", "location")}
    assert all(m.lexicon_score * sign > 0 for m in events), events


@pytest.mark.parametrize("domain", ["hotline", "ecommerce"])
def test_a_short_wait_is_no_lateness(domain):
    found = extractor_for(domain)("到了以后只等了五分钟就办上了")
    assert found and not any(m.source == "event" and m.lexicon_score < 0 for m in found), found
    assert extractor_for(domain)("等了四十分钟还没办好")[0].lexicon_score < 0


@pytest.mark.parametrize("domain, text", [
    ("catering", "很少给这么高的评价呢"),      # 很少: rarely, not 少给 (an item missing)
    ("hotel", "我后来过了很久才发现"),         # 发现, not 发 (sent)
    ("catering", "很久没来这里吃饭"),           # a long time since, not a late delivery
    ("catering", "炸鱼上洒了一些辣椒粉"),       # sprinkled on the dish, not spilt
])
def test_no_event_in_words_that_only_look_like_one(domain, text):
    found = extractor_for(domain)(text)
    assert not any(m.source == "event" or m.dimension == "logistics" for m in found), found


def test_a_wait_in_a_hotel_is_its_service():
    found = extractor_for("hotel")("等了半小时才办好入住")
    assert [(m.dimension, m.factor) for m in found if m.source == "event"] == [
        ("service", "efficiency")]
    assert extractor_for("delivery")("汤洒了一袋子")[-1].source == "event"


@pytest.mark.parametrize("text", ["快递走了五天才到", "快递走了两天就到了",
                                  "快递小哥骑车十分钟就送到了"])
def test_a_parcel_on_its_way_is_a_delivery(text):
    events = [m for m in extractor_for("ecommerce")(text) if m.source == "event"]
    assert [m.dimension for m in events] == ["logistics"], events


def test_soon_is_a_verb_that_ends_its_clause():
    found = extractor_for("ecommerce")("客服一天就来了三次电话，烦死了")
    assert not any(m.source == "event" and m.lexicon_score > 0 for m in found), found


def test_praise_is_not_counted_twice():
    found = extractor_for("ecommerce")("物流很快两天就到了")
    assert [(m.dimension, m.lexicon_score > 0) for m in found] == [("logistics", True)], found


def test_a_pack_refiles_an_event_by_its_factor_alone():
    found = [m for m in extractor_for("hotel")("从机场过来半小时就到了") if m.source == "event"]
    assert [(m.dimension, m.factor, m.lexicon_score > 0) for m in found] == [
        ("channel", "location", True)]



@pytest.mark.parametrize("text, dimension, factor", [
    ("结果我们等了半个多小时", "service", "serving"),   # a dine-in wait is the service's
    ("按铃都要半天才来人", "service", "serving"),
    ("外卖一个小时才送到", "logistics", "speed"),       # a takeaway's lateness stays logistics
    ("很晚才送来", "logistics", "speed"),
    ("等了一个小时才送到", "logistics", "speed"),       # (review13: the wait had won)
    ("外卖两个小时才到", "logistics", "speed"),
    ("八点了才来", "service", "serving"),               # core's patterns kept, re-filed
])
def test_a_restaurant_wait_is_its_service_a_takeaway_late_its_delivery(text, dimension,
                                                                       factor):
    events = [m for m in extractor_for("catering")(text) if m.source == "event"]
    assert [(m.dimension, m.factor) for m in events] == [(dimension, factor)], events
    assert events[0].lexicon_score < 0


@pytest.mark.parametrize("text, term, dimension, factor", [
    ("就是速度太慢", "速度", "service", "serving"),      # how fast the food comes
    ("小哥很热情", "小哥", "service", "attitude"),  # a waiter, not a courier
    ("送餐速度很快", "送餐速度", "logistics", "speed"),  # a takeaway's, said as such
])
def test_core_words_mean_the_restaurants_own_in_catering(text, term, dimension, factor):
    found = [m for m in extractor_for("catering")(text) if m.term == term]
    assert [(m.dimension, m.factor) for m in found] == [(dimension, factor)], found


def test_coming_to_review_is_no_late_serving():
    # review13: catering's copy of core's patterns had lost core's guard
    found = extractor_for("catering")("隔了很久才来评价，菜很好吃")
    assert found and not [m for m in found if m.source == "event"], found


def test_a_dish_wrapped_is_no_parcel_in_catering():
    found = extractor_for("catering")("糯米包裹着咸鸭蛋黄，很好吃")
    assert found and not [m for m in found if m.dimension == "logistics"], found


@pytest.mark.parametrize("text, dimension, factor, sign", [
    ("前台只给了一份早餐券", "service", "professionalism", -1),  # the staff's error
    ("办入住的时候连钥匙牌都给错", "service", "professionalism", -1),
    ("柜门有一处贴皮破损", "environment", "facilities", -1),    # the hotel's own things
    ("各种设施都完好", "environment", "facilities", 1),
    ("恳求了半天才慢吞吞地去安排", "service", "efficiency", -1),
    ("早上7点40准时把我的衣服送来了", "service", "efficiency", 1),
    ("办理入住速度很慢", "service", "efficiency", -1),           # the staff's speed
])
def test_a_parcels_words_said_in_a_hotel_are_the_hotels(text, dimension, factor, sign):
    found = extractor_for("hotel")(text)
    assert found and not [m for m in found if m.dimension == "logistics"], found
    assert (dimension, factor) in {(m.dimension, m.factor) for m in found}, found
    assert all(m.lexicon_score * sign > 0 for m in found if m.dimension == dimension), found


@pytest.mark.parametrize("text, event", [
    ("离外滩很近", "离外滩很近"),          # newcomer9: 外滩 also a discovered product word
    ("离海滨浴场很近", "离海滨浴场很近"),    # … judged by the clause model, negative
    ("离市区稍微远一点", "离市区稍微远"),
])
def test_a_word_inside_an_event_is_the_events(text, event):
    found = extractor_for("hotel")(text)
    assert [(m.term, m.source, m.dimension) for m in found] == [(event, "event", "channel")]


@pytest.mark.parametrize("text", ["十天时间才送到", "两个小时时间才送到"])
def test_a_wait_said_with_its_time_is_late(text):
    """十天时间才送到 came out as an overall complaint: 时间 between the wait and 才."""
    found = extractor_for("ecommerce")(text)
    assert [(m.dimension, m.source) for m in found] == [("logistics", "event")]
    assert found[0].lexicon_score < 0


@pytest.mark.parametrize("text, factor, polarity", [
    ("准时送达", "speed", "positive"),  # a takeaway pack's cue words carry their own polarity
    ("送来还是热乎乎的", "temperature", "positive"),
    ("送到的时候已经凉透了", "temperature", "negative"),
])
def test_a_takeaway_cue_is_read_with_its_polarity(text, factor, polarity):
    import manyi

    mentions = manyi.analyze([text], domain="delivery", jobs=1, progress=False).mentions
    found = mentions[mentions["dimension"] == "logistics"]
    assert list(zip(found["factor"], found["polarity"])) == [(factor, polarity)], mentions


@pytest.mark.parametrize("domain, text", [("catering", "就是人太多了"), ("hotel", "周末人山人海"),
                                          ("catering", "每次都要排好久的队")])
def test_a_crowd_or_a_line_is_a_complaint(domain, text):
    found = [m for m in extractor_for(domain)(text) if m.source == "event"]
    assert found and all(m.lexicon_score < 0 for m in found), found


@pytest.mark.parametrize("text", ["买的人太多了，都断货了", "工作人员太多", "人很多，生意很好"])
def test_no_crowd(text):
    found = [m for m in extractor_for("catering")(text) if m.factor == "space"]
    assert not found, found


@pytest.mark.parametrize("text", ["喜欢的人太多了", "点的人太多了"])
def test_popular_is_no_crowd(text):
    assert not [m for m in extractor_for("catering")(text) if m.factor == "space"]
