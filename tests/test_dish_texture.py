"""A dish judged by how it is to the bite (花生不脆, 糍粑脆脆的), by how it was cooked (鲈鱼蒸的
刚刚好), or by a mild verdict (卤蛋中规中矩); what a comparison (比切糕还坑爹), an adverb cut
off (配料倒还蛮丰富) or advice (最好含两份早餐) must not make a thing judged. Every case
asserts what is found, so an extractor that finds nothing fails."""

from __future__ import annotations

import pytest
from conftest import extractor_for


def _judged(mentions):
    """(term, sign of the lexicon score) of each mention with an opinion."""
    return {(m.term, (m.lexicon_score > 0) - (m.lexicon_score < 0))
            for m in mentions if m.term and m.opinion}


@pytest.mark.parametrize("text, term, sign", [
    ("花生是受潮的，花生不脆", "花生", -1),     # 脆: a texture, praise (negated here)
    ("面质不错，糍粑脆脆的", "糍粑", 1),        # 脆脆: 脆 said again
    ("包子皮又白又松软", "包子皮", 1),
    ("虾滑很Q弹", "虾滑", 1),
    ("牛腩软烂入味", "牛腩", 1),
    ("牛腩没有炖烂塞牙", "牛腩", -1),
    ("芒果都发酸了", "芒果", -1),
])
def test_a_texture_judges_the_dish(catering, text, term, sign):
    assert (term, sign) in _judged(catering(text))


def test_a_texture_alone_files_as_taste(catering):
    found = [m for m in catering("入口即化，很好吃") if m.opinion == "入口即化"]
    assert [(m.dimension, m.factor) for m in found] == [("product", "taste")]


@pytest.mark.parametrize("text, term", [
    ("鲈鱼蒸的刚刚好", "鲈鱼"),      # the fish, not the steaming
    ("牛排煎得很嫩", "牛排"),
])
def test_how_a_food_was_cooked_judges_the_food(catering, text, term):
    assert term in {t for t, _ in _judged(catering(text))}


@pytest.mark.parametrize("text, term", [("老师讲的很好", "讲"), ("包装做得很好", "包装")])
def test_other_acts_keep_their_reading(text, term):
    # (讲 is no cooking: the act judged stays the term; 做 a do-verb)
    assert term in {m.term for m in extractor_for("ecommerce")(text)}


@pytest.mark.parametrize("text, term, sign", [
    ("卤蛋中规中矩，土豆丝没什么味道", "卤蛋", -1),   # a mild verdict, as 一般
    ("饮料是弱项", "饮料", -1),
    ("果子好有特色啊", "果子", 1),
])
def test_a_mild_or_plain_verdict_is_read(catering, text, term, sign):
    assert (term, sign) in _judged(catering(text))


def test_a_name_does_not_end_on_an_adverb(catering):
    assert "配料" in {t for t, _ in _judged(catering("配料倒还蛮丰富"))}  # (not 配料倒)


@pytest.mark.parametrize("text, judged, compared", [
    ("蒙牛确实比切糕还坑爹", "蒙牛", "切糕"),
    ("这款手机比苹果还贵", "手机", "苹果"),
])
def test_what_is_compared_with_is_not_what_is_judged(text, judged, compared):
    found = extractor_for("ecommerce")(text)
    terms = {m.term for m in found if m.opinion}
    assert judged in terms and compared not in terms, found
    assert not any(m.opinion.endswith("比") for m in found)  # (确实比: no quality)


@pytest.mark.parametrize("text", ["建议预定标准间最好含两份早餐", "最好不要买，质量太差"])
def test_advice_is_no_verdict(text):
    found = extractor_for("hotel")(text)
    assert not any("最好" in m.opinion for m in found), found


def test_the_best_is_still_a_verdict():
    found = extractor_for("hotel")("服务最好了")
    assert [(m.term, m.opinion) for m in found] == [("服务", "最好")]


@pytest.mark.parametrize("text, domain, term", [
    ("招牌的窑鸡我觉得无功无过", "catering", "窑鸡"),     # who felt so, between them
    ("键盘分布我感觉不合理", "ecommerce", "键盘分布"),
])
def test_who_felt_so_stands_between_a_thing_and_its_judgement(text, domain, term):
    assert term in {m.term for m in extractor_for(domain)(text) if m.opinion}


def test_a_dish_heading_its_clause_with_a_colon_is_judged(catering):
    found = {(m.term, m.opinion) for m in catering("手撕鸡：略咸但是味道还是蛮好的")}
    assert ("手撕鸡", "略咸") in found, found


@pytest.mark.parametrize("text, name", [("虾饺，乳鸽，榴莲酥，葡挞都还是很不错", "榴莲酥"),
                                        ("选了流沙包，核桃酥，可以都尝尝", "核桃酥")])
def test_a_pastry_named_with_su_is_no_texture(catering, text, name):
    """酥 alone is no opinion word: it ends the names of pastries (榴莲 酥, 核桃 酥)."""
    assert not any(m.opinion == "酥" for m in catering(text))
