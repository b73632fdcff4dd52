"""Open-vocabulary aspects, filing by context and events (manyi.annotate.aspects through the factor
extractor). Every case asserts what is found, so an extractor that finds nothing fails."""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.annotate.events import EventMatcher
from manyi.annotate.factors import FactorExtractor
from manyi.text.lexicon import Lexicon, lexicon_root
from manyi.text.lexicon_events import merge_aspects_file
from manyi.text.segment import Segmenter


@pytest.fixture(scope="module")
def takeaway():
    return extractor_for("delivery")


@pytest.mark.parametrize("text, word, dimension", [
    ("镜头很清晰", "镜头", "product"),
    ("发动机动力强", "动力", "product"),
    ("待机时间长", "待机", "product"),
    ("很清晰的画面", "画面", "product"),
    ("对焦速度很快", "对焦速度", "product"),
    ("按键不大方便", "按键", "product"),
    ("油耗很高", "油耗", "product"),
    ("上色很快", "上色", "product"),  # 上色 外型 定型: the dictionary's b, a noun after
    ("外型美观", "外型", "product"),
    ("定型持久", "定型", "product"),
])
def test_unlisted_aspect_is_found_with_the_customers_word(shop, text, word, dimension):
    found = [m for m in shop(text) if m.source == "discovered"]
    assert found, f"nothing discovered in {text!r}"
    assert any(word in m.term or m.term in word for m in found), [m.term for m in found]
    assert {m.dimension for m in found} == {dimension}
    assert all(m.filed_by in ("attribute", "context", "characters", "cue") for m in found)


@pytest.mark.parametrize("text", ["超级郁闷", "唯一不满意的是太贵", "主动热情",
                                  "中途很顺利", "同期很便宜"])  # (中途 同期: a time)
def test_a_distinguishing_word_of_how_much_or_which_is_no_aspect(shop, text):
    assert not {"超级", "唯一", "主动"} & {m.term for m in shop(text)}, \
        [(m.term, m.opinion) for m in shop(text)]


def test_listed_term_keeps_its_filing(shop):
    mentions = shop("物流速度很快，价格便宜")
    assert {(m.dimension, m.source) for m in mentions} == {("logistics", "lexicon"),
                                                           ("price", "lexicon")}


def test_neighbour_decides_filing_of_a_speed(shop):
    delivery = shop("送货速度很快")
    product = shop("对焦速度很快")
    assert [m.dimension for m in delivery] == ["logistics"]
    assert [(m.dimension, m.filed_by) for m in product] == [("product", "context")]


def test_cue_files_a_discovered_dish():
    extract = extractor_for("catering")
    mentions = extract("鱼香肉丝很好吃")
    assert [(m.term, m.dimension, m.filed_by) for m in mentions] == [
        ("鱼香肉丝", "product", "cue")]


def test_whole_purchase_verdict_names_the_item(shop):
    mentions = shop("面膜很好用")
    assert [(m.term, m.dimension, m.filed_by) for m in mentions] == [
        ("面膜", "overall", "verdict")]


def test_people_are_not_aspects(shop):
    assert all(m.source != "discovered" for m in shop("媳妇很喜欢"))


def test_discovery_can_be_switched_off():
    lexicon = Lexicon.load("ecommerce")
    segmenter = Segmenter(lexicon)
    off = FactorExtractor(lexicon, discover=False)
    mentions = off.extract("镜头很清晰", segmenter.cut("镜头很清晰"))
    assert [(m.term, m.dimension) for m in mentions] == [("", "overall")]


@pytest.mark.parametrize("text, dimension, factor", [
    ("两个小时才送到", "logistics", "speed"),
    ("等了一个半小时才送到", "logistics", "speed"),  # an hour and a half
    ("12:21下单13:01到达！等了70分钟", "logistics", "speed"),
    ("有点儿慢啊，八点了才来", "logistics", "speed"),
    ("估计是人太多了吧，很晚才送到", "logistics", "speed"),
    ("送得太慢", "logistics", "speed"),
    ("少给了我一盒米饭", "logistics", "delivery"),
    ("订了两个煎蛋只来了一个", "logistics", "delivery"),
    ("漏送了一份", "logistics", "delivery"),
    ("一个星期了还没到", "logistics", "speed"),  # still not come, a time later
    ("三天了还没发货", "logistics", "speed"),
    ("送到都凉了", "logistics", "temperature"),
    ("送到的时候饭菜都是凉的", "logistics", "temperature"),  # food said to be cold
    ("米饭是冷的", "logistics", "temperature"),
    ("汤洒了一袋子", "logistics", "damage"),
])
def test_events_are_negative_mentions_of_their_factor(takeaway, text, dimension, factor):
    events = [m for m in takeaway(text) if (m.dimension, m.factor) == (dimension, factor)]
    assert events, [(m.term, m.dimension, m.factor) for m in takeaway(text)]
    assert all(m.lexicon_score < 0 or m.source != "event" for m in events)
    assert not any(m.dimension == "overall" for m in takeaway(text))


@pytest.mark.parametrize("text, late", [
    ("申通快递走了一周多", True),            # a parcel's journey in weeks: slow
    ("包裹在路上走了十多天", True),
    ("物流走了一个星期", True),
    ("等了一个礼拜才收到", True),            # (was overall: 个礼拜 no unit of time)
    ("快递走了一周就到了", False),           # 就: soon enough
    ("我走了一个星期的路", False),           # no parcel
    ("顺丰快递走了两天多，挺快的", False),   # days alone: often praise
    ("本来等mate9等了一个月", False),        # a wait of months for a launch (review16)
    ("一个月才到货", True),                  # … and one for the parcel
    ("骑手绕路送了一个小时", True),          # the delivery's length said with 送了
    ("送了20分钟就到了", False),
    ("送了两份小菜", False),                 # a gift, no time
])
def test_a_parcels_journey_in_weeks_is_a_slow_delivery(shop, text, late):
    slow = [m for m in shop(text) if (m.dimension, m.factor) == ("logistics", "speed")
            and m.source == "event" and m.lexicon_score < 0]
    assert bool(slow) == late, [(m.term, m.factor, m.source) for m in shop(text)]


@pytest.mark.parametrize("text, term", [("送餐小哥态度很好", "送餐小哥"),
                                        ("配送小哥服务很好", "配送小哥")])
def test_the_one_who_delivers_is_the_courier_not_the_speed(takeaway, text, term):
    """送餐小哥: the person doing the delivery (one mention), not the delivery's speed."""
    found = {(m.term, m.factor) for m in takeaway(text)}
    assert found == {(term, "courier")}, found


def test_rider_is_logistics_in_food_delivery(takeaway, shop):
    assert {m.dimension for m in takeaway("师傅很辛苦")} == {"logistics"}
    assert {m.dimension for m in shop("师傅很专业")} == {"service"}


def test_queue_in_a_restaurant_is_service():
    extract = extractor_for("catering")
    assert [(m.dimension, m.source) for m in extract("排队半小时")] == [("service", "event")]


def test_events_fire_only_on_their_words():
    matcher = EventMatcher(Lexicon.load("ecommerce"))
    assert matcher.find("物流很快，质量不错，多少给点优惠") == []
    assert matcher.find("等了三天才发货")


def test_aspects_file_errors_name_the_file(tmp_path):
    pack = tmp_path / "aspects.toml"
    pack.write_text('[events.late]\nfactor = "logistics.nope"\npatterns = ["{wait}"]\n',
                    encoding="utf-8")
    problems: list[str] = []
    merge_aspects_file(Lexicon.from_packs([lexicon_root() / "core"]), pack, problems)
    assert problems and str(pack) in problems[0] and "logistics.nope" in problems[0]
    pack.write_text('[events.late]\nfactor = "logistics.speed"\npatterns = ["{nolist}"]\n',
                    encoding="utf-8")
    problems = []
    merge_aspects_file(Lexicon.from_packs([lexicon_root() / "core"]), pack, problems)
    assert problems and "nolist" in problems[0]


def test_domain_is_chosen_from_the_words():
    from manyi.text.domains import guess_domain

    takeaway = ["骑手送餐很快，饭菜还热乎", "外卖小哥态度好，餐盒包装严实",
                "送到都凉了，配送费还贵", "米饭少给了一盒", "骑手很辛苦，送餐准时"] * 4
    hotel = ["前台服务热情，房间干净", "床很舒服，早餐种类多", "隔音不好，房间有霉味"] * 4
    assert guess_domain(takeaway).domain == "delivery"
    assert guess_domain(hotel).domain == "hotel"
    unknown = guess_domain(["今天天气不错", "我们去公园散步了"] * 5)
    assert not unknown.fits and "warning" in unknown.note()


@pytest.mark.parametrize("text", ["环境不错，服务员素质高", "安装师傅很专业", "屏幕素质好、充电快",
                                  "作为消费者很失望", "装修环境一般"])
def test_words_a_pack_shares_with_every_industry_do_not_vote_for_it(text):
    """catering files 环境 素质 师傅 消费 its own way (the place whole, the staff's manners, the
    cook, a meal's price), but hotels, phones and fitters have them too: listed under the
    pack's ``[guess] shared``, they file in a restaurant's reviews and vote for none."""
    from manyi.text.domains import guess_domain

    assert guess_domain([text] * 20).shares.get("catering", 0.0) == 0.0


def test_a_packs_shared_words_are_its_own():
    """Each word a pack lists under ``[guess] shared`` is one it adds or re-files (a typo
    there would silently vote as before)."""
    from manyi.text.lexicon import DOMAINS, Lexicon

    for domain in DOMAINS:
        lexicon = Lexicon.load(domain)
        own = {w for table in (lexicon.terms, lexicon.cues, lexicon.verbs) for w in table}
        assert lexicon.guess_shared <= own, (domain, lexicon.guess_shared - own)


def test_auto_domain_is_said_in_meta():
    import manyi

    result = manyi.analyze(["菜品很好吃，上菜也快", "服务员很热情，菜量足", "环境不错，菜很新鲜",
                            "菜品一般，上菜太慢", "点了三个菜，菜量很足"],
                           domain="auto", progress=False)
    assert result.meta["domain"] == "catering"
    assert result.meta["domain_guess"]["domain"] == "catering"


def test_groups_that_read_as_other_industries_are_said():
    """newcomer9: a dump of books, milk, water heaters and hotels (a 类目 column) was read
    with the hotel pack, nothing said of the shop goods it mislabels."""
    import pandas as pd

    import manyi

    hotel = ["前台服务热情，房间干净", "床很舒服，早餐种类多", "隔音不好，房间有霉味",
             "入住办理很快，房间很大"] * 20
    shop = ["快递很快，包装完好", "发货太慢了，客服也不回", "物流给力，宝贝和描述一致",
            "尺码偏小，色差严重"] * 15
    frame = pd.DataFrame({"评论": hotel + shop, "类目": ["酒店"] * 80 + ["服装"] * 60})
    guess = manyi.analyze(frame, text_col="评论", progress=False).meta["domain_guess"]
    assert guess["domain"] == "hotel"
    assert guess["split"] == {"column": "类目", "packs": {"ecommerce": ["服装"]}}
    assert "warning: the groups of 类目 read as other industries (服装: ecommerce)" in \
        guess["note"]
    alone = manyi.analyze(pd.DataFrame({"评论": hotel, "类目": ["酒店"] * 40 + ["民宿"] * 40}),
                          text_col="评论", progress=False).meta["domain_guess"]
    assert "split" not in alone and "warning" not in alone["note"]


def test_a_group_that_reads_as_two_other_packs_alike_is_not_named():
    """A group whose own guess nearly ties (hotel and catering words in the same comments) is
    no industry of its own (review14: the confidence guard was untested)."""
    from manyi.text.domains import DomainGuess, split_by

    both = ["房间干净，菜品很好吃", "前台热情，上菜很快"] * 25
    shop = ["快递很快，包装完好", "发货太慢了，宝贝和描述一致"] * 25
    chosen = DomainGuess("ecommerce", 0.3, {"ecommerce": 0.5}, True, 100)
    texts, groups = both + shop, ["甲"] * 50 + ["乙"] * 50
    assert split_by(texts, {"类目": groups}, chosen) is None
    hotel = ["前台服务热情，房间干净", "床很舒服，早餐种类多", "隔音不好，房间有霉味",
             "入住办理很快，房间很大"] * 13
    catering = DomainGuess("catering", 0.3, {"catering": 0.5}, True, 100)
    assert split_by(hotel[:50] + shop, {"类目": groups}, catering) == ("类目", {"hotel": ["甲"]})


def test_an_adverb_between_a_subject_and_its_opinion_does_not_hide_the_subject():
    extract = extractor_for("catering")
    terms = {m.term for m in extract("红豆枣汤着实美味")}
    assert any("枣汤" in t for t in terms)


@pytest.mark.parametrize("text, named", [
    ("点了牛腩面条，味道一般", "牛腩面条"),        # the dish whose taste the next clause judges
    ("葱焖虾，绝对的推荐", "葱焖虾"),              # a dish named with how it is cooked
    ("板筋，羊肉串，鸡翅都还是很好吃", "板筋"),      # 都 after other words still says all
    ("强烈推荐他家的烤鱼", "烤鱼"),                # a recommendation judges its object
    ("最推荐的是酸菜鱼", "酸菜鱼"),
    ("点了一个三文鱼，还一般般吧", "三文鱼"),        # the verdict one clause later
    ("肉很嫩", "肉"),                            # a one-character noun judged
    ("炒秋葵和虾也很新鲜", "虾"),
    ("还有蟹钳也不错", "蟹钳"),                    # two one-character nouns, one dish
    ("点了酸菜鱼、水煮牛肉和干锅花菜，都很好吃", "酸菜鱼"),  # a list ordered, judged after
    ("点了酸菜鱼、水煮牛肉和干锅花菜，都很好吃", "干锅花菜"),
    ("我们点了酸菜鱼和牛肉，味道都不错", "酸菜鱼"),
])
def test_dishes_judged_in_the_next_clause_or_together(text, named):
    assert named in {m.term for m in extractor_for("catering")(text)}


def test_the_customers_acts_do_not_name_what_the_next_clause_judges():
    terms = {m.term for m in extractor_for("catering")("吃了饭，味道一般")}
    assert terms == {"味道"}


def test_a_one_character_noun_cut_from_a_word_is_no_aspect():
    terms = {m.term for m in extractor_for("catering")("小伙伴嫌拿铁难喝")}
    assert "铁" not in terms


def test_a_verb_term_opening_a_clause_does_not_judge_the_clause_before():
    # 上妆 is what the customer does with the cream, not an attribute of 干皮救星 (a verdict);
    # 味道 (a noun) still judges the dish named before it
    terms = {m.term for m in extractor_for("ecommerce")("用了一个月，干皮救星！上妆也不卡粉了")}
    assert terms == {"上妆"}
    assert "牛腩面条" in {m.term for m in extractor_for("catering")("点了牛腩面条，味道一般")}


def test_a_delivery_verbs_speed_is_the_delivery_in_the_catering_pack():
    found = [(m.dimension, m.factor) for m in extractor_for("catering")("送得很快")]
    assert found == [("logistics", "speed")]


@pytest.mark.parametrize("text, not_term", [
    ("买来果然不错", "买来"),      # the customer's act with its direction, not a feature
    ("拿来真的好用", "拿来"),
    ("香锅，大大的好吃", "大大的"),  # a description ending in 的 is no aspect: 香锅 is judged
])
def test_a_verb_with_its_direction_or_a_description_is_no_aspect(text, not_term):
    assert not_term not in {m.term for m in extractor_for("ecommerce")(text)}


@pytest.mark.parametrize("text", ["好快呀！昨天下午订货，今天上午就到了", "很快，今天就到了"])
def test_speed_before_the_arrival_is_the_deliverys(shop, text):
    assert [(m.dimension, m.filed_by) for m in shop(text)][0] == ("logistics", "verb")


def test_speed_alone_without_an_arrival_stays_overall(shop):
    assert [m.dimension for m in shop("很好，很快")] == ["overall", "overall"]


def test_a_speed_of_the_thing_named_before_is_the_things(shop):
    phone = shop("换了新手机，速度很快")
    assert ("速度", "product", "context") in [(m.term, m.dimension, m.filed_by) for m in phone]
    assert "logistics" not in {m.dimension for m in phone}
    assert [m.dimension for m in shop("宝贝质量很好，速度快") if m.term == "速度"] == ["logistics"]


@pytest.mark.parametrize("text, term", [("耳机延迟很低", "耳机延迟"), ("延迟很高，不好用", "延迟")])
def test_a_delay_measured_by_a_size_word_is_the_things(shop, text, term):
    found = [(m.term, m.dimension, m.opinion) for m in shop(text) if m.dimension != "overall"]
    assert found and found[0][:2] == (term, "product")
    assert found[0][2].endswith(("低", "高"))  # judged by the size word, not by 延迟


def test_a_comparison_is_no_measure(shop):
    assert "price" in {m.dimension for m in shop("比实体店便宜多了")}


@pytest.mark.parametrize("text, size", [("挺薄的，还好", "薄"), ("有点小～但是很好用", "小")])
def test_a_size_said_of_nothing_named_is_the_items(shop, text, size):
    found = [m for m in shop(text) if m.source == "discovered"]
    assert [(m.term, m.dimension, m.implicit) for m in found] == [(size, "product", True)]


def test_a_size_word_in_a_longer_clause_is_no_item_size(shop):
    assert all(m.term != "大" for m in shop("很大程度上解决了"))


@pytest.mark.parametrize("pack, text", [
    ("catering", "中午赶时间的上班族很友好"), ("catering", "过年拿来招待客人很合适"),
    ("ecommerce", "这款是皮肤科医生推荐的"), ("ecommerce", "幼儿园老师推荐的"),
])
def test_people_are_no_aspects(pack, text):
    terms = [m.term for m in extractor_for(pack)(text)]
    assert not any(t.endswith(("族", "人", "医生", "老师")) for t in terms), terms


def test_what_is_recommended_is_judged_not_who_recommends():
    extract = extractor_for("catering")
    assert [m.term for m in extract("强烈推荐他家的烤鱼")] == ["烤鱼"]
    assert [m.term for m in extract("最推荐的是酸菜鱼")] == ["酸菜鱼"]


def test_the_thing_bought_before_a_noun_names_whose_attribute():
    course = extractor_for("education")
    assert [(m.term, m.dimension, m.filed_by) for m in course("课程架构合理")] == [
        ("架构", "product", "attribute")]
    assert [(m.term, m.dimension) for m in course("课程质量很高")] == [("质量", "product")]
    assert [m.dimension for m in course("课程很好")] == ["overall"]


def test_the_item_before_a_listed_attribute_is_not_judged_too(shop):
    assert [(m.term, m.dimension) for m in shop("宝贝质量很好")] == [("质量", "product")]


@pytest.mark.parametrize("text, dish", [("宋嫂鱼羹味道很浓郁", "宋嫂鱼羹"),
                                        ("冬阴功汤味道偏酸", "冬阴功汤")])
def test_a_dish_cut_in_pieces_before_its_taste_is_named_whole(text, dish):
    found = [m.term for m in extractor_for("catering")(text)]
    assert any(t.startswith(dish) for t in found), found
    assert [m.term for m in extractor_for("catering")("拿铁味道不错")][0] in ("味道", "拿铁味道")


def test_good_then_a_degree_word_is_an_opinion():
    found = extractor_for("education")("老师讲得很好很有收获")
    assert [(m.term, m.opinion) for m in found][0] == ("老师讲得", "很好")


@pytest.mark.parametrize("text, term, opinion", [
    ("老师讲的很好让我们了解了更多知识", "老师讲的", "很好"),
    ("讲的很好也是很基础的东西", "讲", "很好"),
    ("老师讲的挺好有趣味", "老师讲的", "挺好")])
def test_good_after_a_degree_word_before_a_verb_is_an_opinion(text, term, opinion):
    found = extractor_for("education")(text)
    assert (term, opinion) in [(m.term, m.opinion) for m in found], found


def test_good_after_a_degree_word_before_an_adjective_is_still_a_degree():
    found = extractor_for("catering")("量真的好小哦")
    assert [(m.term, m.opinion) for m in found] == [("量", "好小")]  # (not 真的好: praise)


def test_a_thing_named_in_capitals_is_judged():
    found = extractor_for("education")("老师讲课非常棒PDF做的非常好")
    assert ("PDF", "非常好") in [(m.term, m.opinion) for m in found], found
    assert "PHONE" not in [m.term for m in extractor_for("ecommerce")("售后电话[PHONE]一直打不通")]


def test_the_doers_act_through_an_adverb_is_judged():
    found = extractor_for("education")("老师备课特别认真")
    assert [(m.term, m.filed_by) for m in found] == [("老师备课", "context")]


def test_a_recommendation_judges_what_it_goes_on_to_list():
    found = extractor_for("catering")("推荐烤鱼，大虾，冰淇淋。服务一般")
    assert [(m.term, m.opinion) for m in found if m.dimension == "product"] == [
        ("烤鱼", "推荐"), ("大虾", "推荐"), ("冰淇淋", "推荐")]
    # what comes before is judged, not what follows (大虾 may still be named: the learned
    # scorer's, with no opinion of its own)
    assert [m.term for m in extractor_for("catering")("烤鱼推荐，大虾") if m.opinion] == ["烤鱼"]


def test_a_cue_files_a_noun_after_the_item(lexicon_without_price):
    from manyi.annotate.factors import FactorExtractor
    from manyi.text.segment import Segmenter

    extract = FactorExtractor(lexicon_without_price,
                              tagger=Segmenter(lexicon_without_price).tag).extract
    found = extract("宝贝价格实惠", ["宝贝", "价格", "实惠"])
    assert [(m.term, m.dimension, m.filed_by) for m in found] == [("价格", "price", "cue")]


@pytest.fixture(scope="module")
def lexicon_without_price():
    import copy

    lexicon = copy.deepcopy(Lexicon.load("ecommerce"))
    del lexicon.terms["价格"]
    return lexicon


# -- zero anaphora (manyi.annotate.aspect_topics) and lists, round 7 --------------------------
@pytest.mark.parametrize("text, named, opinion", [
    ("龙虾是每位限量半只，个人觉得还可以", "龙虾", "还可以"),    # the clause before opens with it
    ("鸡柳就是半成品肉串，有点辣", "鸡柳", "有点辣"),          # (cut at 就是: one clause)
    ("莲藕炖仔排个人觉得一般", "莲藕炖仔排", "一般"),          # its own clause, past 个人觉得
    ("豆花无论煮多久都不入味", "豆花", "不入味"),              # a cue past a verb
    ("吃了三文鱼，龙利鱼，海鲈鱼，味道都很赞", "三文鱼", "很赞"),  # a list headed by 吃了
    ("还有土豆泥和辣醉蟹，每次来必吃", "辣醉蟹", "必吃"),
    ("印象最好的是酱牛肉", "酱牛肉", "最好"),                # what follows 是
    ("老公很喜欢吃鱼蛋", "鱼蛋", "很喜欢"),                  # what is eaten
])
def test_a_judgement_without_a_noun_takes_the_thing_named_before_it(text, named, opinion):
    found = {(m.term, m.opinion) for m in extractor_for("catering")(text)}
    assert (named, opinion) in found, found


@pytest.mark.parametrize("domain, text, not_term", [
    ("ecommerce", "句子重复，孩子很快就能跟着念了", "句子"),    # 孩子 is the subject of 很快
    ("hotel", "每次航班中转都选这家，很稳定", "航班"),          # 每次: a time, not a topic
    ("ecommerce", "用纸擦一擦就干净了", "用纸"),                # what the customer uses
    ("hotline", "客户表示满意", "客户"),                        # a person who says it
    ("app", "视障人士也能用，点赞", "视障人士"),                # praise said to the makers
    ("catering", "龙虾是老板送的，真心感谢", "龙虾"),
    ("catering", "龙虾是每位限量半只。还可以", "龙虾"),          # not across a sentence
])
def test_zero_anaphora_stays_bounded(domain, text, not_term):
    terms = {m.term for m in extractor_for(domain)(text)}
    assert not any(t.startswith(not_term) for t in terms if t), terms


def test_a_name_the_segmenter_cut_is_named_whole():
    terms = {m.term for m in extractor_for("catering")("宫保鸡丁很好吃，个人觉得还可以")}
    assert "宫保鸡丁" in terms and "宫保鸡" not in terms, terms


def test_a_clause_that_judges_is_not_passed_over():
    # the clause before holds its own judgement: the verdict after it is not carried back
    found = extractor_for("catering")("鱼很新鲜，个人觉得还可以")
    assert [m.term for m in found if m.opinion == "还可以"] in ([""], [])


@pytest.mark.parametrize("text, term", [
    ("老师也讲得很好", "老师也讲得"),      # past 也, with its particle
    ("老师讲的很好", "老师讲的"),
    ("老师讲的知识非常丰富", "老师讲的知识"),  # what is taught
])
def test_what_a_teacher_does_is_judged_with_its_doer(text, term):
    assert term in {m.term for m in extractor_for("education")(text)}


@pytest.mark.parametrize("text, term", [
    ("炒饭味道就一般了", "炒饭味道"),      # a dish the dictionary tags as a verb
    ("肉的品质都很好", "肉的品质"),        # a one-character noun before 的
])
def test_a_listed_term_keeps_the_dish_before_it(text, term):
    assert term in {m.term for m in extractor_for("catering")(text)}


def test_an_attribute_clause_judges_the_topic_of_a_clause_with_no_opinion():
    found = {(m.term, m.opinion) for m in extractor_for("catering")("烤鱼是招牌，味道很好")}
    assert ("烤鱼", "很好") in found
    # a clause that judges its own topic keeps its own opinion for it
    found = {(m.term, m.opinion) for m in extractor_for("catering")("烤鱼很好吃，味道很正")}
    assert ("烤鱼", "很正") not in found


def test_hearsay_is_who_judges_not_what_is_judged():
    # 据说/听说 (rules.toml's subject_skip and opinion_holders): someone else's judgement
    assert "据说" not in {m.term for m in extractor_for("ecommerce")("真心划算，据说是挺不错的")}
    text = "龙虾是每位限量半只，听说还可以"
    found = {(m.term, m.opinion) for m in extractor_for("catering")(text)}
    assert ("龙虾", "还可以") in found, found


@pytest.mark.parametrize("word", ["用后", "洗后", "用起", "闻起", "涂上", "抢来", "货到", "未用"])
def test_an_unknown_word_that_acts_or_tells_time_names_nothing(word):
    """用后皮肤光光的, 看起还挺好, 货到破了一瓶: an act or a time jieba does not know, no aspect."""
    from manyi.annotate.aspects import AspectFinder

    finder = AspectFinder(Lexicon.load("ecommerce"))
    assert finder.tag(word) == "" and finder.kind(word) == 0


@pytest.mark.parametrize("word", ["面膜纸", "紫边", "噪点"])
def test_an_unknown_word_that_names_a_thing_stays_a_name(word):
    from manyi.annotate.aspects import AspectFinder

    assert AspectFinder(Lexicon.load("ecommerce")).kind(word) == 2


@pytest.mark.parametrize("text", ["东西收到了，比预想的好很多", "比想象中好用", "效果超出预期的好"])
def test_the_customers_expectation_is_no_aspect(text):
    """比预想的好: the customer's own expectation, as 希望 and 期待 are, names nothing judged."""
    found = [m.term for m in extractor_for("ecommerce")(text) if m.source != "lexicon"]
    assert not {"预想", "想象", "预期"} & set(found), found


@pytest.mark.parametrize("text", ["看评论说挺好的", "看评论说是挺好用的"])
def test_who_says_it_is_not_what_is_judged(text):
    """看评论说挺好的: the reviews say it, the learned scorer's candidate before 说 is no aspect."""
    found = [m.term for m in extractor_for("ecommerce")(text) if m.source != "lexicon"]
    assert "评论" not in found, found


@pytest.mark.parametrize("text, term", [("体积小", "体积"), ("亮度高", "亮度"), ("网速慢", "网速"),
                                        ("色彩鲜艳", "色彩"), ("携带方便", "携带")])
def test_a_thing_glued_to_what_is_said_of_it_is_found(text, term):
    """The dictionary glues a thing and its predicate into one word: cut, the thing is found."""
    found = [m.term for m in extractor_for("ecommerce")(text)]
    assert term in found, found


@pytest.mark.parametrize("text, head", [("自认倒霉吧", "自认"), ("只能自认倒霉了", "自认"),
                                        ("真是自讨没趣", "自讨")])
def test_a_set_phrase_is_not_cut_into_a_thing_and_its_verdict(text, head):
    """自认倒霉: jieba tags it a set phrase (l), not an act judged (review8 finding 2)."""
    found = [m.term for m in extractor_for("ecommerce")(text)]
    assert head not in found, found


@pytest.mark.parametrize("text, name", [("多汁，味道不错", "多汁"), ("微酸，口感很好", "微酸"),
                                        ("柠檬茶，微酸，很好喝", "微酸")])
def test_a_word_that_says_how_it_is_is_no_name(text, name):
    """多汁 微酸: jieba calls them nouns; they say how the dish is (review6): never a thing
    another word judges (多汁 an opinion word of the food packs: its own taste cue)."""
    found = [m.term for m in extractor_for("catering")(text) if m.term != m.opinion]
    assert name not in found, found


@pytest.mark.parametrize("text, name", [("大虾，味道不错", "大虾"), ("酸奶，味道不错", "酸奶")])
def test_a_dish_whose_name_opens_with_a_size_or_taste_stays_a_name(text, name):
    assert name in [m.term for m in extractor_for("catering")(text)]


@pytest.mark.parametrize("text, judged, frame", [
    ("玩游戏的时候风扇噪音很大", "风扇噪音", "玩游戏")])
def test_the_time_of_an_act_is_not_what_is_judged(text, judged, frame):
    """玩游戏的时候风扇噪音很大: when the fan is loud, the fan's noise judged, not the game."""
    found = [m.term for m in extractor_for("ecommerce")(text)]
    assert judged in "".join(found) and frame not in found, found


@pytest.mark.parametrize("text, term", [("质量也好", "质量"), ("料子也好做工也精致", "料子")])
def test_also_good_glued_by_the_dictionary_is_praise(text, term):
    """质量也好: the dictionary's 也好 ("either … or") is 也 好 after a thing: its praise."""
    found = {m.term: m.opinion for m in extractor_for("ecommerce")(text)}
    assert found.get(term) == "好", found


@pytest.mark.parametrize("text", ["打电话半天没人接", "一直无人接听"])
def test_a_call_no_one_answers_is_a_reachability_complaint(text):
    found = {(m.dimension, m.factor) for m in extractor_for("ecommerce")(text)
             if m.lexicon_score < 0}
    assert ("communication", "reachability") in found, found


def test_not_quite_up_to_it_is_a_complaint_not_a_mountain():
    """散热不太行: the dictionary's 太行 (a mountain range) cut from 不; 不太行 one complaint."""
    found = [(m.term, m.opinion) for m in extractor_for("ecommerce")("散热不太行")
             if m.lexicon_score < 0]
    assert ("散热", "不太行") in found, found


@pytest.mark.parametrize("domain", ["ecommerce", "hotel", "hotline"])
def test_a_wait_in_line_is_a_queue_complaint_in_every_pack(domain):
    """排队排了二十分钟: a shop's tills, a hotel's front desk, a branch: the line, complained of."""
    text = "收银台只开了两个，排队排了二十分钟"
    found = [(m.dimension, m.factor) for m in extractor_for(domain)(text)
             if m.source == "event" and m.lexicon_score < 0]
    assert ("channel", "queue") in found, found
