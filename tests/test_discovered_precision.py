"""What manyi discovers must be a thing a company can fix or keep, judged by the customer
(issue #19): a competitor's brand is a brand of its own, never a part of the goods; a word
only named in a clause (the object of a verb, nothing said of it) makes no mention. Real
comments of a dump of computers, phones, Mengniu milk and water heaters."""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.analysis.labels import factor_labels
from manyi.annotate.prepass import learn_aspects
from manyi.text.lexicon import Lexicon

# the brand the corpus is about (蒙牛), a competitor named beside it (伊利)
MILK = (["蒙牛真良心", "蒙牛很好喝", "蒙牛不错", "蒙牛太差了", "蒙牛很棒", "蒙牛一般",
         "蒙牛真好", "买了蒙牛"] + ["包装很好"] * 8
        + ["伊利蒙牛难喝死了", "蒙牛比伊利好喝", "伊利不给力", "伊利最不靠谱了",
           "喝蒙牛和伊利成长起来的"])


@pytest.fixture(scope="module")
def milk():
    return learn_aspects(MILK, Lexicon.load("ecommerce"))


def test_a_brand_named_beside_the_corpus_brand_is_a_competitor(milk):
    learned = {w: (d, f) for w, d, f in milk}
    assert learned["伊利"] == ("brand", "competitor:伊利")  # main: product attribute:伊利
    assert learned["蒙牛"] == ("brand", "brand:蒙牛")  # each brand a row of its own


@pytest.mark.parametrize("text, expected", [
    ("伊利蒙牛难喝死了", {("伊利", "brand", "competitor:伊利"), ("蒙牛", "brand", "brand:蒙牛")}),
    ("伊利最不靠谱了", {("伊利", "brand", "competitor:伊利")}),
    ("喝蒙牛和伊利成长起来的", set()),  # named, judged by nobody
    ("这次心血来潮换了伊利的", set()),
])
def test_a_competitor_is_never_a_product_part(milk, text, expected):
    found = extractor_for("ecommerce", milk)(text)
    assert {(m.term, m.dimension, m.factor) for m in found if m.term in ("伊利", "蒙牛")} \
        == expected


@pytest.mark.parametrize("domain", ["ecommerce", "electronics"])
def test_a_maker_the_pack_names_is_a_brand_in_one_comment(domain):
    # no corpus taught it: the pack's makers (rules.toml brands), not a part of the goods
    found = extractor_for(domain)("华为很给力")
    assert [(m.term, m.dimension, m.factor, m.filed_by) for m in found] == [
        ("华为", "brand", "brand:华为", "brand")]
    assert all(m.dimension != "brand" for m in extractor_for("ecommerce")("苹果很甜"))


def test_a_competitor_is_labelled_as_one():
    labels = factor_labels(["brand/competitor:伊利", "brand/brand:蒙牛"], {"brand": "品牌"})
    assert labels == {"brand/competitor:伊利": "品牌·伊利（新发现：竞品）",
                      "brand/brand:蒙牛": "品牌·蒙牛（新发现）"}


LIFE = ["冒着生命危险喝了瓶蒙牛", "不会有生命危险吧", "冒着生命危险不值得", "包装很好"]
PARTITION = ["分区太少", "分区很不合理", "硬盘分区不够人性化", "屏幕很亮"]


@pytest.mark.parametrize("corpus, text, word, found", [
    # narration that names a noun without judging it makes no complaint about it
    (LIFE, "珍爱生命，远离蒙牛", "生命", []),
    (LIFE, "拒绝蒙牛，珍爱生命……", "生命", []),
    (LIFE, "而容忍它偷走你我的生命的办法", "生命", []),
    # a subject something is said of, though no opinion word is known: a real complaint
    (PARTITION, "分区软件都不兼容", "分区", ["分区"]),
])
def test_a_learned_word_only_named_makes_no_mention(corpus, text, word, found):
    extract = extractor_for("ecommerce", learn_aspects(corpus, Lexicon.load("ecommerce")))
    assert [m.term for m in extract(text) if word in m.term] == found


@pytest.mark.parametrize("text, word, found", [
    ("收发20条SMS文本短信", "短信", []),  # what the test did, no judgement
    ("60G的硬盘感觉小了点", "硬盘", ["硬盘"]),  # judged: kept
])
def test_a_discovered_word_no_opinion_judges_is_named_only(text, word, found):
    assert [m.term for m in extractor_for("ecommerce")(text) if word in m.term] == found


@pytest.mark.parametrize("domain, text, word", [
    # a place's name after where one is or goes: no thing (hotel reviews)
    ("hotel", "下次去湛江还会入住", "湛江"),
    ("hotel", "在齐齐哈尔住酒店还是选择湖滨饭店比较好", "齐齐哈尔"),
    # an opinion word taken for a term names no thing
    ("ecommerce", "太差太差", "太差"),
    # an excuse, a gap: said of another thing (the seller's refusal, the picture)
    ("ecommerce", "以各种理由拒绝退货", "理由"),
    ("ecommerce", "与图片差距太大真心接受不了", "差距"),
])
def test_a_place_or_an_opinion_is_no_discovered_thing(domain, text, word):
    assert [m.term for m in extractor_for(domain)(text) if m.term == word] == []


def test_two_brands_the_less_named_one_beside_the_other_is_the_competitor():
    """review: in 2,000 Mengniu reviews 伊利 was named in 221 — enough to pass for the brand
    the corpus is about — and became brand:伊利, fix-first #10. The most named brand is the
    corpus's own; another named beside or against it in a fifth of its comments is a rival."""
    texts = (["蒙牛真良心", "蒙牛很好喝", "蒙牛不错", "蒙牛太差了", "蒙牛很棒", "蒙牛一般",
              "蒙牛真好", "蒙牛太难喝", "蒙牛很香", "蒙牛还行"] + ["包装很好"] * 10
             + ["伊利蒙牛难喝死了", "蒙牛比伊利好喝", "伊利不给力", "伊利最不靠谱了",
                "伊利很好喝", "伊利太差了", "蒙牛和伊利都不好"])
    learned = {w: (d, f) for w, d, f in learn_aspects(texts, Lexicon.load("ecommerce"))}
    assert learned["蒙牛"] == ("brand", "brand:蒙牛")
    assert learned["伊利"] == ("brand", "competitor:伊利")


@pytest.mark.parametrize("text, judged", [
    # a word that only starts like a degree word glued to an adjective judges nothing
    # (newcomer9: a novel's plot and characters came out as complaints)
    ("最终佳期还是和孟和平在一起了", set()),   # 还是: a conjunction, not 还 + 是
    ("也许女主人公最后攀上高位", set()),       # 最后: a localiser
    ("英诺森提的插画还有个突出的特点", set()),  # 还有, 特点
    # a degree word glued to an adjective still judges what it follows
    ("待机时间超长", {"待机时间"}),
    ("镜头很靓", {"镜头"}),
    ("机身偏重", {"机身"}),
])
def test_a_word_starting_like_a_degree_word_is_no_judgement(text, judged):
    found = {m.term for m in extractor_for("ecommerce")(text) if m.source == "discovered"}
    assert found == judged


@pytest.mark.parametrize("token, bare", [
    ("特殊", True),    # an adjective of the dictionary (its rest 殊 is none)
    ("太卡", True),    # tagged a place name, its rest a glued_rests character (review14)
    ("太假", True),
    ("很多", True),    # its rest a size word
    ("超值", True),    # its rest an opinion
    ("太久", True),    # its rest an adjective
    ("最近", False),   # a localiser, though its rest 近 is an adjective
    ("最初", False),   # a time word
    ("还是", False),   # a conjunction
    ("特点", False),   # a noun whose rest is none of these
    ("超市", False),
])
def test_a_degree_word_glued_to_its_rest(token, bare):
    from manyi.annotate.factors import FactorExtractor

    extractor = FactorExtractor(Lexicon.load("ecommerce"))
    assert extractor._bare(token) is bare


@pytest.mark.parametrize("text", ["手机太卡了", "这洗发露太假了"])
def test_a_glued_judgement_the_dictionary_tags_otherwise_still_judges(text):
    found = [m for m in extractor_for("ecommerce")(text) if m.source == "discovered"]
    assert found and found[0].opinion.startswith("太")
