"""A one-character food noun after a count, a determiner or a word of its kind is what the
opinion after it judges (manyi.annotate.aspects, AspectFinder._counted): 一碗面很好吃 → 面,
招牌鸡很好吃 → 招牌鸡."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text, term", [
    ("一碗面很好吃", "面"),          # a count: not a piece of the name
    ("两只鸡太咸", "鸡"),            # (a bare taste after a degree: the quick test too)
    ("一桶虾不新鲜", "虾"),
    ("其他鱼都一般", "鱼"),          # a determiner
    ("可这鸡一般，基本都是鸡胸脯", "鸡"),
    ("招牌鸡很好吃", "招牌鸡"),      # a word of its kind opening the clause: one name
    ("爆炒鸡很香", "爆炒鸡"),
])
def test_a_counted_or_named_food_noun_is_judged(catering, text, term):
    found = {m.term for m in catering(text) if m.opinion}
    assert term in found, found


@pytest.mark.parametrize("domain, text, term", [
    ("catering", "三个鸡腿很好吃", "鸡腿"),      # a count before a word: as before
    ("electronics", "手机屏幕很清楚", "屏幕"),
    ("ecommerce", "客服态度很差", "客服态度"),
])
def test_what_was_found_before_stays(domain, text, term):
    found = {m.term for m in extractor_for(domain)(text) if m.opinion}
    assert term in found, found


@pytest.mark.parametrize("domain, text, not_term", [
    ("ecommerce", "洗了一次头有点痒", "头"),           # a count of the act, not of the thing
    ("ecommerce", "两只鞋都烂了", "鞋"),               # a condition of things counted: quality
    ("electronics", "用了几天的感受屏实在优", "感受屏"),  # a verb after 的 is no kind of it
    ("catering", "好吃的鸡", "好吃的鸡"),              # an opinion, then the dish
    ("catering", "吃过鱼很好", "鱼"),                  # the customer's act
])
def test_no_count_or_kind_read_where_there_is_none(domain, text, not_term):
    found = {m.term for m in extractor_for(domain)(text) if m.opinion}
    assert not_term not in found, found


def test_the_business_after_its_determiner_is_no_food():
    """这家店太烂了: the business judged whole (as before the count rule), not a food 店."""
    found = [(m.term, m.dimension) for m in extractor_for("ecommerce")("这家店太烂了，再也不来了")]
    assert ("店", "product") not in found, found
