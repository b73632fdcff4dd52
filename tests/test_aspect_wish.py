"""What a customer asks to be added or changed (manyi.annotate.aspect_wish): 希望能增加讨论版块
names the 讨论版块, a mild complaint with the wish in its opinion; a gift wished for stays no
complaint about the price (the deal rule's reading)."""

from __future__ import annotations

import pytest

from manyi.annotate.aspect_wish import may_wish
from manyi.annotate.factors import FactorExtractor
from manyi.text.lexicon import Lexicon


def wished(mentions) -> list[tuple[str, str]]:
    return [(m.term, m.opinion) for m in mentions if m.filed_by == "wish"]


@pytest.mark.parametrize("text, things", [
    ("希望该课程能增加讨论版块", [("讨论版块", "希望该课程能增加")]),
    ("希望能有更多的图片或是动画", [("图片", "希望能有"), ("动画", "希望能有")]),  # each joined
    ("希望下次开课时注意PPT的错字", [("错字", "希望下次开课时注意")]),  # the last thing named
    ("希望老师能认真审核题库确保答案准确无误", [("题库", "希望老师能认真审核")]),  # (not 答案)
])
def test_a_thing_asked_for_is_a_mild_complaint(course, text, things):
    found = course(text)
    assert wished(found) == things, [(m.term, m.opinion, m.filed_by) for m in found]
    assert all(m.lexicon_score < 0 and m.source == "discovered"
               for m in found if m.filed_by == "wish")


@pytest.mark.parametrize("text", [
    "希望能送个小礼物",              # a gift wished for: no complaint (the deal rule's reading)
    "希望下次还有赠品",
    "希望卖家多加点赠品",
    "希望今后继续为消费者提供优质服务",  # what is had, wished kept
    "建议大家不要有更高的期待值",    # advice to other customers
    "如果有问题可以联系客服",        # a condition, no wish
    "不建议购买",                    # no ask
    "跟我期望的也有差距",            # 期望 as a noun
    "建议有条件的朋友先去实体店看看",  # people after 的
    "希望我能够永远有童心",          # the customer's own act
    "要是有更大点的更好",            # how much more, no thing
])
def test_no_thing_asked_for(shop, text):
    assert not wished(shop(text)), wished(shop(text))


def test_a_gift_wished_for_is_no_price_complaint(shop):
    for text in ("希望能送个小礼物", "希望下次还有赠品"):
        assert not [m for m in shop(text) if m.dimension == "price"], text


def test_other_readings_hold(shop):
    assert {(m.term, m.dimension) for m in shop("物流很快包装很好")} \
        == {("物流", "logistics"), ("包装", "product")}
    assert [(m.term, m.dimension, m.lexicon_score < 0) for m in shop("希望快递快一点")] \
        == [("快递", "logistics", True)]


def test_a_conditional_wish_ends_on_good(shop):
    assert wished(shop("要是有黑色的就好了")) == [("黑色", "要是有")]


def test_a_wish_alone_is_read(shop):
    """A comment of a wish and no listed word is not skipped before the rule reads it."""
    assert wished(shop("希望能增加讨论版块")) == [("讨论版块", "希望能增加")]


def test_the_quick_test_finds_every_word_the_rule_reads():
    finder = FactorExtractor(Lexicon.load("education")).finder
    rules = finder.rules
    for word in rules.asking | rules.wishes | rules.wish_markers:
        assert may_wish(finder, f"课程{word}内容")
    assert not may_wish(finder, "物流很快包装很好")


@pytest.mark.parametrize("text, term", [
    ("希望提高物流速度", "物流速度"),       # a named thing asked to be better
    ("建议酒店加强服务", "服务"),
    ("希望及时发货", "发货"),               # a praise word urging the act: wished, not had
    ("希望能尽快解决", "解决"),
    ("希望京东认真处理", "处理"),
])
def test_a_thing_named_in_an_ask_for_a_change_is_a_mild_complaint(shop, text, term):
    found = {m.term: m for m in shop(text)}
    assert term in found, list(found)
    assert -0.5 < found[term].lexicon_score < 0 and found[term].opinion.startswith(text[:2])


@pytest.mark.parametrize("text, term", [
    ("希望下次还有这么好的服务", "服务"),   # one like what is had, wished again
    ("希望商家尽快发货，物流很快", "物流"),  # praise outside the ask
])
def test_praise_outside_an_ask_holds(shop, text, term):
    found = {m.term: m for m in shop(text)}
    assert found[term].lexicon_score > 0, list(found)


def test_a_judgement_before_the_ask_holds(shop):
    found = {m.term: m for m in shop("早餐很差希望改进")}
    assert found["早餐"].opinion == "很差"


def test_a_gift_wished_for_stays_no_complaint_when_named(shop):
    assert not [m for m in shop("如果能有保护套赠送的话那最好") if m.lexicon_score < 0]
