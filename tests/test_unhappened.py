"""Complaints said not to have happened, or small (manyi.annotate.unhappened, issue #19): an
event or a fault word under a negation before or after it, an undesirable thing judged small,
a wait said short, are praise of the same factor; the complaints said outright stay
complaints. Every case asserts what is found, so an extractor that finds nothing fails."""

from __future__ import annotations

import pytest
from conftest import extractor_for

from manyi.annotate import unhappened as module
from manyi.annotate.unhappened import unhappened


def _signs(domain: str, text: str) -> set[tuple[str, str, int]]:
    return {(m.dimension, m.factor, 1 if m.lexicon_score > 0 else -1 if m.lexicon_score < 0
             else 0) for m in extractor_for(domain)(text)}


@pytest.mark.parametrize("domain, text, factor", [
    ("delivery", "没有少送", ("logistics", "delivery")),        # an event negated before it
    ("ecommerce", "送来包装完好没漏发", ("logistics", "delivery")),
    ("electronics", "卡顿现象基本没有", ("product", "speed")),  # … and after it
    ("ecommerce", "色差没有", ("product", "description")),
    ("electronics", "发热不严重", ("product", "heat")),          # an undesirable thing, small
    ("electronics", "发热不明显", ("product", "heat")),
    ("ecommerce", "色差不明显", ("product", "description")),
    ("electronics", "玩起来不卡", ("product", "speed")),         # 卡 negated: the lag's
    ("hotline", "没排多久就办好了", ("channel", "queue")),       # a wait said short
    ("catering", "不用排队很久", ("service", "queue")),
    ("ecommerce", "没等多久就到了", ("logistics", "speed")),
    ("catering", "等了不到十分钟就上菜了", ("service", "serving")),
    ("delivery", "菜送到还是热的", ("logistics", "temperature")),  # food still hot
    ("ecommerce", "质量没有问题", ("product", "quality")),      # a thing with no fault
    ("ecommerce", "发票也没问题", ("channel", "process")),
])
def test_a_complaint_said_not_to_have_happened_is_praise(domain, text, factor):
    signs = _signs(domain, text)
    assert (*factor, 1) in signs
    assert not any(s < 0 for *_, s in signs)


@pytest.mark.parametrize("domain, text, factor", [
    ("delivery", "少送了一盒米饭", ("logistics", "delivery")),
    ("delivery", "等了两个小时才送到", ("logistics", "speed")),
    ("delivery", "下次不要少送了", ("logistics", "delivery")),   # a wish: it happened
    ("delivery", "没想到又少送了", ("logistics", "delivery")),   # the negation is no cue's
    ("electronics", "用起来很卡", ("product", "speed")),
    ("electronics", "卡顿没有改善", ("product", "speed")),       # no "none" ends the clause
    ("catering", "排队排了很久", ("service", "queue")),
])
def test_a_complaint_said_outright_stays_one(domain, text, factor):
    assert (*factor, -1) in _signs(domain, text)


@pytest.mark.parametrize("text", ["没有等多久又出问题了", "里面有没有漏了", "客服说没有问题",
                                  "检查机子有没问题"])
def test_no_praise_where_the_wait_led_to_a_fault_or_the_negation_asks(text):
    assert not any(s > 0 for *_, s in _signs("ecommerce", text))


def test_the_quick_exit_returns_the_mentions_it_would_not_change():
    """A comment with no complaint and no negated unscored word is returned as it came (the
    quick exit); the full read of its mentions changes none of them either."""
    extract = extractor_for("electronics")
    for text in ("屏幕很清晰", "物流很快，包装很好", "电池不怎么耐用", "声音很大"):
        found = extract(text)
        assert found
        kept = [m for m in found if m.lexicon_score >= 0 and not (
            not m.lexicon_score and m.negated)]
        if kept == found:
            assert unhappened(text, found, (), lambda w: 0) is found
        assert [module._read(text, m, (), lambda w: 0) for m in found] == found


def test_the_screen_finds_every_word_a_turn_needs():
    """The quick test (issue #24) passes every negation, none and word of smallness the rules
    read, and not a bare 不 (in most comments: it turns nothing alone)."""
    for word in module.NEGATIONS + module.NONE + module.SMALL_WORDS + module.FAULT_NEGATIONS:
        assert module.may_turn(word), word
    assert not module.may_turn("不好用，质量不行")


def test_a_clause_said_twice_is_turned_both_times():
    """The clause is found where the mention stands, not at an earlier copy of its words."""
    from conftest import extractor_for

    found = extractor_for("delivery")("没有少送，没有少送")
    assert found and all(m.lexicon_score > 0 for m in found), [(m.term, m.lexicon_score)
                                                               for m in found]
