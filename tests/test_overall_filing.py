"""Complaints said of the thing bought without an attribute word are filed under the attribute
they say, not under ``overall`` (manyi.annotate.overall_filing, issue #19); bare verdicts stay
``overall``; "not a single one" and "others are better than this one" blame it. Real comments
of online shop reviews (online_shopping_10_cats: 衣服 水果 洗发水)."""

from __future__ import annotations

import pandas as pd
import pytest

import manyi

# (comment, the clause, dimension.factor expected of a negative mention in it)
REFILED = [
    ("坏了三个", "坏了三个", "product.quality"),
    ("其余全部烂的", "其余全部烂的", "product.quality"),
    ("皮上很脏", "皮上很脏", "product.quality"),
    ("这么贵的东西还有坏的", "这么贵的东西还有坏的", "product.quality"),
    ("穿了两天外表面就有坏的了", "穿了两天外表面就有坏的了", "product.quality"),
    ("摸起来没我之前买的好", "摸起来没我之前买的好", "product.quality"),
    ("又酸又苦涩我也是服了", "又酸又苦涩我也是服了", "product.taste"),
    # clauses that held no mention: a condition, a taste, a thing that cannot be used
    ("到家全坏了，烂死了！！！没买过这么差劲的水果！！！", "到家全坏了", "product.freshness"),
    ("买了三瓶，有一瓶破了，漏的整个箱子都是，一整瓶漏了半瓶，找了客服", "一整瓶漏了半瓶",
     "product.quality"),
    ("这次买的水果根本不能吃", "这次买的水果根本不能吃", "product.quality"),
    ("很酸很酸很酸", "很酸很酸很酸", "product.taste"),
    ("无论如何坏了三个", "无论如何坏了三个", "product.quality"),  # 无论 negates nothing
    # newcomer8: food gone off is its freshness (something eaten named near, or rot counted)
    ("坏了三个，水果还挺甜", "坏了三个", "product.freshness"),
    ("刚收到货发现苹果有几个是烂的，不甜", "刚收到货发现苹果有几个是烂的", "product.freshness"),
    ("12个苹果，3个烂的", "3个烂的", "product.freshness"),
    ("烂了一半", "烂了一半", "product.freshness"),
    ("穿了两天就烂了", "穿了两天就烂了", "product.quality"),    # a thing worn through
    ("穿了两次，还有烂的", "还有烂的", "product.quality"),      # counted, but used (review13)
    ("两只鞋都烂了", "两只鞋都烂了", "product.quality"),        # pairs of shoes are no fruit
    ("居然有3个都是坏的，一点都不新鲜", "居然有3个都是坏的", "product.freshness"),
    # (the switch named with whose it is, 床头的开关: its own attribute; aspect_whose)
    ("左床头的开关是坏的", "左床头的开关是坏的", "product.attribute:开关"),
]

# bare verdicts: no attribute is said, they stay overall
VERDICTS = ["差评差评差评", "太垃圾了啊", "谁买谁上当", "第一次网购买水果真的让我很失望", "无奈",
            "夏天穿着还可以",
            # review12: "sounds like", a look, a wish are no taste or sound of the thing
            "就是索菲特听起来很牛", "看着有点淡", "如果再甜一点就完美了"]

# (comment, the clause, polarity of its overall mention)
POLARITY = [
    ("三样水果没有一样满意", "三样水果没有一样满意", "negative"),
    ("没有一个是好的", "没有一个是好的", "negative"),
    ("市面上的水果都比这个好", "市面上的水果都比这个好", "negative"),
    ("苹果没有一个坏的", "苹果没有一个坏的", "positive"),
]


def _mentions(texts: list[str]) -> pd.DataFrame:
    result = manyi.analyze(pd.DataFrame({"id": range(len(texts)), "review": texts}),
                           id_col="id", domain="ecommerce", progress=False)
    return result.mentions


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    texts = [t for t, _, _ in REFILED] + VERDICTS + [t for t, _, _ in POLARITY]
    return _mentions(texts)


@pytest.mark.parametrize("text, clause, expected", REFILED)
def test_a_complaint_said_of_the_thing_reaches_its_factor(found, text, clause, expected):
    m = found[found["clause"] == clause]
    said = set(m.loc[m["polarity"] == "negative", "dimension"] + "."
               + m.loc[m["polarity"] == "negative", "factor"])
    assert expected in said, m[["clause", "dimension", "factor", "term", "opinion",
                                "polarity"]].to_string()


@pytest.mark.parametrize("text", VERDICTS)
def test_a_bare_verdict_stays_overall(found, text):
    m = found[found["clause"] == text]
    assert len(m) and set(m["dimension"]) == {"overall"}, m.to_string()


@pytest.mark.parametrize("text, clause, polarity", POLARITY)
def test_not_a_single_one_and_others_better_blame_the_thing(found, text, clause, polarity):
    m = found[(found["clause"] == clause) & (found["dimension"] == "overall")]
    assert len(m) and set(m["polarity"]) == {polarity}, m.to_string()


def test_feeling_and_a_verdict_before_a_noun_are_no_condition():
    from conftest import extractor_for

    extract = extractor_for("ecommerce")
    # (京东 is the platform bought through: a verdict on it is the channel's, not the
    # thing's condition)
    for text, dimensions in (("高兴坏了", {"overall"}), ("什么烂京东", {"channel"})):
        assert {m.dimension for m in extract(text)} == dimensions, text
    # 涩 alone of a book's writing is no taste (review12)
    assert "taste" not in {m.factor for m in extract("文字精致，但有点涩")}
