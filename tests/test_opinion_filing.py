"""A thing with no factor of its own (a dish, a part: discovered, or learned by the corpus
pass) judged by an opinion word whose own factor is known counts under that factor
(manyi.annotate.aspect_filing.OpinionFiling, issue #19: 糯米排骨难吃 was a driver of its own,
产品·糯米排骨, and the taste factor never counted it). Real comments: Dianping (ASAP), the
restaurant triplets, absa_terms' phones."""

from __future__ import annotations

import pytest
from conftest import extractor_for

# words the corpus pass learns from restaurant reviews (as prepass.learn_aspects files them)
LEARNED = tuple((w, "product", "attribute") for w in ("鸡肉", "沙拉", "牛排", "鹅肝", "豆腐"))


@pytest.fixture(scope="module")
def catering():
    return extractor_for("catering", LEARNED)


def _of(found, term):
    return [(m.dimension, m.factor, m.filed_by) for m in found if m.term == term]


@pytest.mark.parametrize("text, term, factor", [
    ("尤其是糯米排骨难吃到一个境界", "糯米排骨", "taste"),  # discovered
    ("不知道为啥鸡肉吃起来有些腻", "鸡肉", "taste"),  # learned (it was attribute:鸡肉)
    ("鹅肝有些腻", "鹅肝", "taste"),
    ("不过豆腐还是很新鲜的", "豆腐", "freshness"),
    ("还有里面带的沙拉特别不新鲜", "沙拉", "freshness"),
    ("三文鱼骨很咸，我就只吃了一块", "三文鱼骨", "taste"),
    ("辣烤鱿鱼挺辣的，可能我不太吃辣", "辣烤鱿鱼", "taste"),  # a taste character, graded
])
def test_a_dish_judged_by_a_quality_word_counts_under_that_quality(catering, text, term,
                                                                    factor):
    assert _of(catering(text), term) == [("product", factor, "cue")]


@pytest.mark.parametrize("text, term", [
    ("菜单的菜品并不错，牛排偏贵", "牛排"),
    ("它家的鸡汁汤包就相对便宜多了", "鸡汁汤包"),
])
def test_a_dish_judged_by_a_price_word_is_one_price_mention(catering, text, term):
    found = [m for m in catering(text) if m.dimension == "price"]
    assert [(m.term, m.factor, m.filed_by) for m in found] == [(term, "value", "cue")]


@pytest.mark.parametrize("text, term", [
    ("所以整个鸡肉还凑合", "鸡肉"),  # a plain verdict names no quality
    ("牛肉特别老", "牛肉"),  # a word the pack does not list
])
def test_a_dish_judged_by_a_plain_or_unlisted_word_stays_its_own(catering, text, term):
    assert [f for _, f, _ in _of(catering(text), term)] == ["attribute"]


def test_a_part_judged_by_a_person_word_stays_the_product():
    """界面很友好 is the software's ease, no staff's attitude: the part keeps its filing."""
    found = extractor_for("ecommerce")("和手机配套的软件界面不是很友好")
    assert [d for d, _, _ in _of(found, "软件界面")] == ["product"]


def test_a_part_judged_by_a_size_word_is_its_spec():
    found = extractor_for("ecommerce")("内存容量在现在手机里来说是偏小")
    assert [f for _, f, _ in _of(found, "内存容量")] == ["spec"]


def test_the_factor_of_an_opinion_word():
    from manyi.annotate.factors import FactorExtractor
    from manyi.text.lexicon import Lexicon

    filing = FactorExtractor(Lexicon.load("catering")).opinion_filing
    said = {w: getattr(filing.factor_of(w), "key", None)
            for w in ("难吃", "不太好吃", "偏咸", "太辣", "很贵", "不错", "推荐", "很热情")}
    assert said == {"难吃": "taste", "不太好吃": "taste", "偏咸": "taste", "太辣": "taste",
                    "很贵": "value", "不错": None, "推荐": None, "很热情": "attitude"}


def test_a_learned_dish_counts_under_taste_and_its_plain_verdicts_stay_one_driver():
    """End to end (the corpus pass learns 鸡肉): its taste complaint and praise count under
    taste; what only a plain verdict says of it stays the one driver named after it."""
    import manyi
    from manyi.analysis.drivers import drivers

    texts = ["不知道为啥鸡肉吃起来有些腻", "鸡肉很嫩", "所以整个鸡肉还凑合", "鸡肉一般般"]
    result = manyi.analyze(texts, domain="catering", progress=False)
    chicken = result.mentions[result.mentions["term"] == "鸡肉"]
    assert chicken["factor"].tolist() == ["taste", "taste", "attribute:鸡肉", "attribute:鸡肉"]
    table = drivers(result.comments, result.mentions, level="factor", min_comments=1, boot=0)
    complaints = table[table["side"] == "complaint"].set_index("factor")["comments_naming"]
    assert complaints.to_dict() == {"attribute:鸡肉": 2, "taste": 1}


@pytest.mark.parametrize("text, term", [
    ("物业费太高了", "物业费"),     # a fee, whatever it is for
    ("材料费收得太多", "材料费"),   # (not 材料's quality)
    ("过路费太高", "过路费"),
])
def test_a_word_ending_on_fee_is_a_price(shop, text, term):
    assert [(m.dimension, m.factor) for m in shop(text) if m.term == term] == [("price", "fees")]


@pytest.mark.parametrize("text, term", [("退费太难了", "退费"), ("浪费时间", "浪费")])
def test_an_act_ending_on_fee_is_no_price(shop, text, term):
    assert not [m for m in shop(text) if m.term == term and m.dimension == "price"]
