"""The customer's body the thing is for is the thing's verdict, not a part of it
(manyi.annotate.thing_filing through manyi.analyze: the corpus pass learns 皮肤)."""

from __future__ import annotations

import pandas as pd

import manyi

TEXTS = ["皮肤很好", "皮肤很嫩", "皮肤很干燥", "很适合我的皮肤", "对皮肤很好", "用后皮肤光光的",
         "比较适合她的皮肤。", "很适合我我皮肤的"]


def _body_mentions(domain: str) -> dict[str, str]:
    result = manyi.analyze(pd.DataFrame({"id": range(len(TEXTS)), "review": TEXTS}),
                           id_col="id", domain=domain, progress=False)
    m = result.mentions
    m = m[m["term"] == "皮肤"]
    return dict(zip(m["clause"], m["dimension"]))


def test_the_body_an_opinion_is_said_to_is_the_things_verdict():
    found = _body_mentions("ecommerce")
    for clause in ("很适合我的皮肤", "对皮肤很好", "比较适合她的皮肤", "很适合我我皮肤的"):
        assert found.get(clause) == "overall", found


def test_the_body_described_stays_the_products_effect():
    found = _body_mentions("ecommerce")
    assert found.get("皮肤很干燥") == "product", found



def test_the_body_an_adjective_describes_is_not_said_to():
    from manyi.annotate.factors import Mention
    from manyi.annotate.thing_filing import body_as_target
    from manyi.text.lexicon import Factor

    said = [Mention(0, "我漂染完的干燥头发有救了", "product", "attribute", "头发", "干燥", False,
                    1.0, False, 0.5, 0, 2, "discovered")]
    item = Factor("overall", "item", "商品整体")
    assert body_as_target(said, frozenset({"头发"}), item)[0].dimension == "product"


def test_a_kind_of_goods_named_is_the_thing_bought():
    texts = ["这个牌子的化妆品挺好的。", "这个牌子的护肤品挺好的。", "镜头很清晰"]
    result = manyi.analyze(pd.DataFrame({"id": range(len(texts)), "review": texts}),
                           id_col="id", domain="ecommerce", progress=False)
    m = result.mentions
    goods = m[m["term"].isin(["化妆品", "护肤品"])]
    assert len(goods) and set(goods["dimension"]) == {"overall"}, goods


def test_a_problem_the_thing_solves_is_its_effect():
    from conftest import extractor_for

    extract = extractor_for("ecommerce")
    for text in ("这个解决了我的困扰", "它解决了我多年的痘痘问题"):
        found = {m.term: m.dimension for m in extract(text)}
        assert found.get("解决") == "product", (text, found)
    for text in ("客服很快解决了问题", "问题一直没解决"):
        found = {m.term: m.dimension for m in extract(text)}
        assert found.get("解决", "service") == "service", (text, found)


def test_a_crash_of_the_thing_is_its_own():
    from conftest import extractor_for

    extract = extractor_for("ecommerce")
    for text in ("玩游戏经常闪退", "手机经常闪退", "经常闪退"):
        assert {m.dimension for m in extract(text)} == {"product"}, text
    for text in ("这个APP老是闪退", "京东客户端经常闪退",  # the shop's app named
                 "APP很好用，但是经常闪退"):  # (review8 finding 8: in another clause)
        assert {m.dimension for m in extract(text)} == {"channel"}, text


def test_the_surroundings_the_thing_is_used_in_are_no_aspect():
    from conftest import extractor_for

    extract = extractor_for("ecommerce")
    for text in ("在稍嘈杂的环境里会漏接电话", "强光环境下屏幕显示不清"):
        assert "environment" not in {m.dimension for m in extract(text)}, text
    found = {m.dimension for m in extractor_for("catering")("在嘈杂的环境里吃饭")}
    assert "environment" in found  # a venue reviewed: its ambience


def test_a_verdict_on_the_surroundings_or_a_venue_named_keeps_them():
    """review8 finding 1: only a frame of condition (环境里/下/中) drops 环境, and never in a
    comment that names a venue's word (卫生)."""
    from conftest import extractor_for

    extract = extractor_for("ecommerce")
    for text in ("酒店有一个良好的睡觉环境，卫生也好", "一流的环境", "有一个良好的睡觉环境",
                 "在这样的环境里住着很舒服，卫生也干净"):
        found = [(m.term, m.dimension) for m in extract(text)]
        assert ("环境", "environment") in found, (text, found)


def test_the_item_beside_its_judged_attribute_is_one_judgement():
    """裤子 learned as the thing bought (overall.item) and 开线 judged in one clause: one
    mention, the attribute's (review6: 249 of 926 item mentions doubled a complaint)."""
    from conftest import extractor_for

    extract = extractor_for("ecommerce", learned=[("裤子", "overall", "item")])
    found = [(m.term, m.dimension, m.opinion) for m in extract("裤子缝合的地方不牢开线了")]
    assert any(d == "product" and o == "开线" for _, d, o in found), found
    assert not any(d == "overall" and o == "开线" for _, d, o in found), found
    found = [(m.term, m.dimension) for m in extract("裤子很好，质量不错")]
    assert ("裤子", "overall") in found, found  # judged on its own: stays


def test_goods_of_another_owner_a_gift_or_a_comparison_are_not_the_thing_bought():
    """review8 finding 4: the 品 rule files only the goods bought."""
    texts = ["以前用的化妆品比这个好", "附赠的试用品很好用", "别家的护肤品更好用",
             "这个牌子的化妆品挺好的。"]
    result = manyi.analyze(pd.DataFrame({"id": range(len(texts)), "review": texts}),
                           id_col="id", domain="ecommerce", progress=False)
    m = result.mentions
    goods = m[m["term"].isin(["化妆品", "试用品", "护肤品"])]
    found = dict(zip(goods["clause"], goods["dimension"]))
    for clause in texts[:3]:
        assert found.get(clause, "product") != "overall", (clause, found)
    assert found.get("这个牌子的化妆品挺好的") == "overall", found


def test_works_are_the_thing_bought_only_after_a_demonstrative():
    from manyi.annotate.factors import Mention
    from manyi.annotate.thing_filing import body_as_target
    from manyi.text.lexicon import Factor

    said = [Mention(n, c, "product", "attribute", "文学作品", o, False, 1.0, False, 0.5, 0, 4,
                    "discovered", "attribute")
            for n, (c, o) in enumerate((("我们一般的文学作品一般讲究感性", "一般"),
                                        ("这部文学作品很精彩", "很精彩")))]
    item = Factor("overall", "item", "商品整体")
    found = [m.dimension for m in body_as_target(said, frozenset(), item)]
    assert found == ["product", "overall"], found


def test_a_problem_solved_in_a_comment_naming_a_service_agent_stays_the_shops():
    """review8 finding 9: 谢谢客服 tells who solved it."""
    from conftest import extractor_for

    extract = extractor_for("ecommerce")
    for text in ("这个已经解决了，谢谢客服", "客服态度好，这个解决了我的问题"):
        found = {m.term: (m.dimension, m.factor) for m in extract(text)}
        assert found.get("解决") == ("service", "resolution"), (text, found)


def test_a_crash_of_the_thing_is_counted_once():
    """review8 finding 10: 手机 and the cue 闪退 carry one complaint, one mention."""
    texts = ["在京东买的，手机经常闪退", "京东的物流很快，手机经常闪退", "手机经常闪退",
             "手机很好用", "手机不错"]
    result = manyi.analyze(pd.DataFrame({"id": range(len(texts)), "review": texts}),
                           id_col="id", domain="ecommerce", progress=False)
    m = result.mentions
    crashes = m[m["opinion"] == "闪退"]
    assert len(crashes) == 3 and crashes["row"].nunique() == 3, crashes
    assert set(crashes["dimension"]) == {"product"}, crashes


def test_the_item_beside_a_brand_or_price_cue_is_the_cues_judgement():
    """东西很便宜: one judgement, the price's (the item's mention doubled it); 假货 回购 said of
    the learned thing bought are the brand's; a person's cue beside the thing is not taken."""
    from conftest import extractor_for

    extract = extractor_for("ecommerce", learned=[("洗发水", "overall", "item")])
    for text, dimension in (("东西很便宜", "price"), ("这个洗发水可能是假货", "brand"),
                            ("这个洗发水一直在回购", "brand")):
        found = [(m.term, m.dimension) for m in extract(text)]
        assert all(d == dimension for _, d in found) and found, (text, found)
    found = [(m.term, m.dimension) for m in extract("洗发水很好用，价格也便宜")]
    assert ("洗发水", "overall") in found, found  # judged on its own: stays
