"""A dish's name the segmenter cut into pieces, at the head of the clause that judges it
(manyi.annotate.aspect_pieces): 不过粥不太满意 judges 粥, 就是鸭胗有点腥 鸭胗 (cut 鸭 胗), 特色的
酸汤菜味道挺特别 the 酸汤菜 (cut 酸 汤菜). The rules alone (no learned aspect scorer)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, term, opinion", [
    ("不过粥不太满意，没什么膏", "粥", "不太满意"),   # one character, after a conjunction
    ("就是鸭胗有点腥", "鸭胗", "有点腥"),            # 鸭 胗: two pieces
    ("奶没有怪味，咖啡真心香浓", "奶", "没有怪味"),
    ("不过面还是很有嚼劲的", "面", "很有嚼劲"),
])
def test_the_pieces_opening_the_clause_are_the_name_judged(catering_rules, text, term, opinion):
    found = [(m.term, m.opinion, m.dimension) for m in catering_rules(text)]
    assert (term, opinion, "product") in found, found


@pytest.mark.parametrize("text, term", [
    ("特色的酸汤菜味道挺特别的比较下饭", "酸汤菜味道"),  # 酸 汤菜味道, after 的
    ("丸类食品的个头挺大的", "丸类食品的个头"),           # 丸 类食品, opening the clause
    ("鲜毛肚特别好", "鲜毛肚"),
])
def test_a_piece_cut_off_the_front_of_a_name_is_given_back(catering_rules, text, term):
    assert term in [m.term for m in catering_rules(text)]


@pytest.mark.parametrize("text, not_term", [
    ("炸的很酥脆", "炸"),          # how it is cooked, then 的: no name
    ("辣的感觉很好", "辣"),        # a taste
    ("老公很满意", "老公"),        # a person
    ("感觉还不错", "感觉"),        # the one who judges
    ("连鱼头都没放过", "连鱼头"),   # 连: a preposition the tagger calls a surname
    ("冰吃起来甜爽甜爽", "冰吃起来"),  # how it is eaten, no name's end (aspect_tried: 冰)
])
def test_words_that_name_no_dish_stay_out(catering_rules, text, not_term):
    assert not_term not in [m.term for m in catering_rules(text)]


@pytest.mark.parametrize("text, expected", [
    ("物流很快包装很好", [("物流", "很快"), ("包装", "很好")]),
    ("手机屏幕很清楚", [("手机屏幕", "很清楚")]),
    ("客服态度很差", [("客服态度", "很差")]),
    ("这家店太烂了", [("", "太烂")]),    # no food: the shop, overall
    ("就是容易脏", [("", "脏")]),        # an adjective is no name
])
def test_what_was_read_before_is_read_the_same(shop_rules, text, expected):
    assert [(m.term, m.opinion) for m in shop_rules(text)] == expected
