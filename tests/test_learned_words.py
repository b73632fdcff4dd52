"""What the corpus pass learns (manyi.annotate.learned_words): a place or a word that is no
noun is not learned as an attribute, the thing reviewed is the item, the brand the corpus is
about is the brand; attributes are learned as before."""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.annotate.factors import FactorExtractor
from manyi.annotate.learned_words import kind_of
from manyi.annotate.prepass import NO_ASPECT, learn_aspects
from manyi.text.lexicon import Lexicon


def test_kinds_from_tags_and_the_corpus():
    counts = dict(named=20, placed=0, bought=0, judged=8, pool=200)
    assert kind_of("键盘", "n", **counts) is None
    assert kind_of("青岛", "ns", **{**counts, "placed": 6}) == "place"
    assert kind_of("海鲜", "ns", **counts) is None  # a place's tag, never named as a place
    assert kind_of("尼玛", "nrt", **{**counts, "judged": 2}) == "junk"  # a name seldom judged
    assert kind_of("杜比", "nrt", **counts) is None  # a brand's name judged often: kept
    assert kind_of("出于", "v", **{**counts, "judged": 2}) == "junk"  # a verb seldom judged
    assert kind_of("散热", "v", **counts) is None  # one judged often: an aspect
    assert kind_of("看上去", "v", **counts) == "junk"
    assert kind_of("实在太", "n", **counts) == "junk"
    assert kind_of("祝您工作", "", **counts) == "junk"
    assert kind_of("苹果", "n", **{**counts, "bought": 4}) == "item"
    assert kind_of("蒙牛", "nz", **counts) == "brand"
    # the kind of goods bought, tagged as a proper noun (这款洗发水): the item, no brand
    assert kind_of("洗发水", "nz", **{**counts, "bought": 4}) == "item"
    assert kind_of("蒙牛", "nz", **{**counts, "bought": 1}) == "brand"  # 买了蒙牛, once
    assert kind_of("触摸板", "nz", **{**counts, "named": 5}) is None  # a rare one: a part


HOTEL = (["去青岛玩住的这家", "在青岛待了三天", "青岛很美，酒店不错", "青岛真漂亮"]
         + ["水龙头很脏", "水龙头有点旧", "早餐不错"] * 2)


def test_a_place_is_not_learned_and_not_discovered():
    learned = learn_aspects(HOTEL, Lexicon.load("hotel"))
    assert ("青岛", NO_ASPECT, "") in learned
    assert ("水龙头", "product", "attribute") in learned
    found = extractor_for("hotel", learned)("青岛很美")
    assert "青岛" not in {m.term for m in found}


FRUIT = (["这箱苹果很甜", "这次的苹果个头小", "买的苹果都烂了", "苹果个头很大", "苹果不错",
          "收到的苹果很新鲜", "个头很均匀"] * 2)


def test_the_thing_reviewed_is_the_item_and_its_size_its_size():
    found = learn_aspects(FRUIT, Lexicon.load("ecommerce"))
    learned = {w: (d, f) for w, d, f in found}
    assert learned["苹果"] == ("overall", "item")
    assert "个头" not in learned  # listed under 规格分量 (newcomer8: it was a driver of its own)
    sizes = [m for m in extractor_for("ecommerce", found)("苹果个头很大") if "个头" in m.term]
    assert sizes and {(m.dimension, m.factor) for m in sizes} == {("product", "spec")}, sizes


BRAND = ["蒙牛真良心", "蒙牛很好喝", "蒙牛不错", "蒙牛太差了", "蒙牛很棒", "蒙牛一般",
         "蒙牛真好", "买了蒙牛"] + ["包装很好"] * 8


def test_the_brand_a_corpus_is_about_is_its_brand_judged_only():
    learned = learn_aspects(BRAND, Lexicon.load("ecommerce"))
    assert ("蒙牛", "brand", "brand:蒙牛") in learned  # keyed by its name
    extract = extractor_for("ecommerce", learned)
    assert [m.dimension for m in extract("蒙牛不错")] == ["brand"]
    assert "蒙牛" not in {m.term for m in extract("今天看到蒙牛的广告")}  # named, not judged


SHAMPOO = (["这款洗发水很好用", "买的洗发水味道很香", "洗发水很好用", "洗发水不错", "洗发水太稀了",
            "洗发水一般", "这瓶洗发水很香", "洗发水真好"] + ["包装很好"] * 8)


def test_the_kind_of_goods_bought_is_the_item_not_a_brand():
    """洗发水 (jieba: nz, like a brand) named as the thing bought: the item (newcomer4 P2)."""
    learned = {w: (d, f) for w, d, f in learn_aspects(SHAMPOO, Lexicon.load("ecommerce"))}
    assert learned["洗发水"] == ("overall", "item")


def test_a_thing_found_in_the_goods_is_judged_not_the_brand_named_before_it():
    """蒙牛…有小飞蛾真恶心: the moth takes the verdict (a product mention), not the brand
    named further back (newcomer4 P2); the brand still takes what is said of it."""
    extract = extractor_for("ecommerce", learn_aspects(BRAND, Lexicon.load("ecommerce")))
    found = extract("老公买的蒙牛高钙奶里面倒出来有小飞蛾真恶心再也不买蒙牛的奶了")
    assert [(m.dimension, m.opinion) for m in found if m.opinion == "真恶心"] \
        == [("product", "真恶心")]
    assert [m.dimension for m in extract("蒙牛真良心")] == ["brand"]
    assert "brand" in {m.dimension for m in extract("蒙牛和伊利都太差了")}  # both judged


def test_the_word_right_after_buy_is_the_thing_bought():
    """买水果 names the thing bought as 买了水果 does (newcomer: 水果, 本本 and 平板电脑 became
    product attributes and drivers of their own in a dump of fruit, laptops and tablets)."""
    from manyi.annotate.learned_words import count_naming

    texts = ["第一次在京东买水果", "买了水果很新鲜", "水果很甜", "想买本本很久了", "本本屏幕不错"]
    named, bought, _, _ = count_naming(["水果", "本本", "屏幕"], texts)
    assert (named["水果"], bought["水果"]) == (3, 2)
    assert (named["本本"], bought["本本"]) == (2, 1)
    assert bought["屏幕"] == 0  # named, not bought
    _, bought, _, _ = count_naming(["手机", "蒙牛"], ["不会再买手机了", "没买蒙牛", "别买手机"])
    assert not bought  # review: a purchase not made names no thing bought
    assert kind_of("水果", "n", named=20, placed=0, bought=5, judged=10, pool=300) == "item"


def test_this_price_names_no_thing_bought():
    """这个价格, 这个结局 (a bare demonstrative) name what is talked about: a word so named
    only is no item (an unlisted 价格 was learned as the item, so was 结局 in book reviews);
    这款手机, 买的手机 name the goods."""
    from manyi.annotate.learned_words import count_naming

    texts = ["这个价格很划算", "这个价格买到很值", "价格便宜", "这款手机不错", "买的手机很好用",
             "手机很好"]
    named, bought, _, goods = count_naming(["价格", "手机"], texts)
    assert (bought["价格"], goods["价格"]) == (2, 0) and (bought["手机"], goods["手机"]) == (2, 2)
    price = dict(named=named["价格"], placed=0, bought=bought["价格"], judged=3, pool=6)
    assert kind_of("价格", "n", **price, goods=goods["价格"]) is None
    assert kind_of("价格", "n", **price) == "item"  # (bought alone)
    assert kind_of("手机", "n", named=named["手机"], placed=0, bought=2, judged=3, pool=6,
                   goods=goods["手机"]) == "item"


CLOTHES = ["衣服质量不错，很满意", "这件衣服质量很好", "衣服质量太差了", "买的衣服颜色很正",
           "衣服质量还行", "这件衣服不错", "收到的衣服很好看", "一看做工挺精细", "一看就是好东西",
           "一看就很结实", "衣服质量一般", "这件衣服穿着舒服"]


def test_the_items_own_quality_is_the_listed_term_not_a_new_attribute():
    """衣服质量 in clothes reviews is the quality of the thing bought (as 东西质量 is): learned
    whole it was a driver of its own beside 质量做工; 一看 (at a glance) is no thing."""
    lexicon = Lexicon.load("ecommerce")
    learned = learn_aspects(CLOTHES, lexicon)
    kinds = {w: (d, k) for w, d, k in learned}
    assert kinds["衣服"] == ("overall", "item")
    assert "衣服质量" not in kinds and "一看" not in kinds
    extract = extractor_for("ecommerce", learned)
    assert [(m.term, m.factor) for m in extract("衣服质量太差了")] == [("质量", "quality")]


def test_a_cry_an_act_a_stay_or_kin_is_no_thing():
    """差差差差差差差差差差 was a discovered attribute, 太紧 (tagged a noun) another."""
    finder = FactorExtractor(Lexicon.load("ecommerce")).finder
    assert [finder.kind(w) for w in ("差差差差差差", "哈哈哈", "太紧", "太小")] == [0, 0, 0, 0]
    # an act done once, a stay's length, family: not things (一看做工挺精细, 住三晚还送一晚)
    assert [finder.kind(w) for w in ("一看", "两晚", "住三晚", "父亲", "运气")] == [0] * 5
    assert [finder.kind(w) for w in ("太阳", "镜头", "差评率", "本本")] == [2, 2, 2, 2]
    assert [m.term for m in extractor_for("ecommerce")("差差差差差差差差差差")] == [""]


def test_a_degree_glued_to_an_opinion_is_no_thing():
    """很漂亮 太烂 不透气 (tagged nouns) were learned attributes (质量很好 → attribute:很漂亮),
    and 东西很漂亮 lost its praise: the item named, the opinion read as another thing."""
    finder = FactorExtractor(Lexicon.load("ecommerce")).finder
    assert [finder.kind(w) for w in ("很漂亮", "太烂", "不透气", "好快", "十分迅速")] == [0] * 5
    assert [finder.kind(w) for w in ("坏点", "好评率", "不锈钢")] == [2, 2, 2]
    # a guess is no thing either (好象不行了 made 好象 a phone's attribute)
    assert [finder.kind(w) for w in ("好象", "貌似", "似乎")] == [0, 0, 0]
    # a day, by its weather or name (下雨天还准时送达 made 下雨天 the delivery's speed)
    assert [finder.kind(w) for w in ("下雨天", "大热天", "星期天")] == [0, 0, 0]
    assert [finder.kind(w) for w in ("中途", "同期")] == [0, 0]  # a time (b words)
    # words of saying (真是太, tagged a name), an act on a brand (用沙宣), a cry in capitals
    assert [finder.kind(w) for w in ("真是太", "用沙宣", "GOOD", "YYDS")] == [0, 0, 0, 0]
    assert [finder.kind(w) for w in ("评论", "PDF", "MP3")] == [2, 2, 2]  # (评论功能: an app's)
    assert [finder.kind(w) for w in ("用料", "紫边")] == [2, 2]
    assert [finder.kind(w) for w in ("买家", "客户", "顾客")] == [0, 0, 0]  # the customer
    # a suggestion, a phenomenon, a watch kept, just used (建议轻拿轻放, 卡顿现象, 刚用上)
    assert [finder.kind(w) for w in ("建议", "现象", "关注", "刚用")] == [0, 0, 0, 0]
    extract = extractor_for("ecommerce")
    assert [(m.dimension, m.factor) for m in extract("发票还没收到")] == [("channel", "process")]
    assert [(m.term, m.factor) for m in extract("有卡顿现象")] == [("卡顿", "performance")]
    extract = extractor_for("ecommerce")
    assert [(m.factor, m.opinion) for m in extract("东西很漂亮")] == [("appearance", "很漂亮")]
    assert [(m.term, m.opinion) for m in extract("裤子太烂了")] == [("裤子", "太烂")]


@pytest.mark.parametrize("text, factor", [("衣服有一股怪味", "taste"), ("退色严重", "quality"),
                                          ("发现内部开裂", "quality")])
def test_a_defect_said_by_its_noun_is_a_complaint(text, factor):
    """A smell or a crack named (怪味 臭味 开裂; 退色 as 褪色) was no opinion: the comment's
    complaint went to ``overall`` from the model alone."""
    found = extractor_for("ecommerce")(text)
    assert [m.factor for m in found] == [factor] and found[0].lexicon_score < 0


def test_how_a_fruit_bites_is_its_taste_and_no_thing():
    """甜脆 脆甜 were learned attributes of 10,000 fruit reviews (attribute:甜脆, 152 mentions
    with no opinion); 个别 剩下 实际 others: a bite is a taste word, those no thing."""
    finder = FactorExtractor(Lexicon.load("ecommerce")).finder
    assert [finder.kind(w) for w in ("甜脆", "香脆", "个别", "剩下", "实际")] == [0] * 5
    assert [finder.kind(w) for w in ("果子", "香肠", "滑板")] == [2, 2, 2]
    found = extractor_for("ecommerce")("口感脆甜")
    assert [(m.term, m.factor) for m in found] == [("口感", "taste")]
    assert found[0].lexicon_score > 0
