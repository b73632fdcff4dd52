"""Food-delivery, restaurant and other comments read as an analyst reads them (issue #19):
noodles gone into a lump (有点坨了), a taste said too strong with no dish named (太辣了: a
delivery order's food, as a restaurant's), an item put in short (少放了一份米饭), an order
taken late or soon (半小时才接单, 五分钟就接单了), a promotion that cannot be used, never had
or not given (优惠券用不了, 红包抢不到, 赠品到现在都没给), a car's strong pull and roomy seats.
Comments written for the purpose and from the bundled samples; each asserts a mention's
dimension, factor and polarity, so a rule that finds nothing fails. (Oily food, 太油了, was
tried as a graded 油 and dropped: as an opinion word 油 broke dish names, 油爆虾.)"""

from __future__ import annotations

import pytest

import manyi

CASES = [  # (pack, comment, dimension, factor, polarity of the mention whose opinion is last)
    ("catering", "红油抄手很好吃，就是送到的时候有点坨了", "product", "taste", "negative"),
    ("delivery", "面条都坨了，根本没法吃", "product", "taste", "negative"),
    ("delivery", "太辣了", "product", "taste", "negative"),
    ("delivery", "商家少放了一份米饭", "logistics", "delivery", "negative"),
    ("delivery", "少装了两瓶水", "logistics", "delivery", "negative"),
    ("delivery", "下单后半小时才接单，太慢了", "service", "efficiency", "negative"),
    ("delivery", "五分钟就接单了", "service", "efficiency", "positive"),
    # a promotion that cannot be used is a minus of the deal, one given a plus
    ("delivery", "优惠券用不了，客服也不处理", "price", "promotion", "negative"),
    ("ecommerce", "红包根本不能用", "price", "promotion", "negative"),
    ("delivery", "送了优惠券", "price", "promotion", "positive"),
    ("automotive", "销售承诺的赠品到现在都没给", "price", "gift", "negative"),  # not given
    ("ecommerce", "说好的赠品一直没发", "price", "gift", "negative"),
    ("app", "优惠券根本领不到", "price", "promotion", "negative"),  # never had
    ("automotive", "动力很猛，超车很轻松", "product", "power", "positive"),  # a strong pull
    ("automotive", "后排坐三个人也不挤", "product", "space", "positive"),  # not crowded
]
NOTHING = [  # (pack, comment, factor that must not be said): a wish, a count not missed
    ("delivery", "下次少放辣", "delivery"),
    ("delivery", "盐少放了点，淡了", "delivery"),
]


@pytest.mark.parametrize("pack, text, dimension, factor, polarity", CASES)
def test_a_takeaway_complaint_or_praise_is_found(pack, text, dimension, factor, polarity):
    mentions = manyi.analyze([text], domain=pack, jobs=1, progress=False).mentions
    found = mentions[(mentions.dimension == dimension) & (mentions.factor == factor)]
    assert len(found), mentions[["term", "opinion", "dimension", "factor"]].values.tolist()
    assert found.sort_values("start").polarity.iloc[-1] == polarity


@pytest.mark.parametrize("pack, text, factor", NOTHING)
def test_a_wish_or_an_amount_is_no_missing_item(pack, text, factor):
    mentions = manyi.analyze([text], domain=pack, jobs=1, progress=False).mentions
    assert not (mentions.factor == factor).any(), mentions[["term", "opinion", "factor"]]
