"""一般 and 普通 judge (质量一般) or only name a kind or habit (一般的家庭应用足够了, 一般都很快):
the second is no opinion. Each case asserts what is found, so an extractor that finds nothing
fails."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text", ["对于一般的家庭应用足够了", "一般游戏不成问题",
                                  "一般苹果保存时间比较长", "一般都很快",
                                  "比起一般的笔记本还是轻的多", "一般使用没有什么问题",
                                  "一般用也够了"])
def test_ordinary_naming_a_kind_is_no_complaint(text):
    found = extractor_for("ecommerce")(text)
    assert not any("一般" in m.opinion or m.lexicon_score < 0 for m in found), found


@pytest.mark.parametrize("text, term", [("质量一般", "质量"), ("感觉很一般的吧", ""),
                                        ("味道一般，还可以", "味道"), ("很一般的酒店", "酒店"),
                                        ("口味一般要改进", "口味"),
                                        ("做工一般没有想象的好", "做工"),
                                        ("口感一般吃着还行", "口感"),
                                        ("书的内容一般看看就好", "内容"),
                                        ("质量也一般用了两天就坏了", "质量")])
def test_ordinary_as_a_verdict_is_negative(text, term):
    found = [m for m in extractor_for("ecommerce")(text) if "一般" in m.opinion]
    assert [m.term for m in found] == [term] and found[0].lexicon_score < 0


@pytest.mark.parametrize("text, word, sign", [
    ("本以为网上买的会新鲜", "新鲜", -1),            # it was not fresh
    ("原以为质量不错", "不错", -1),
    ("本以为比外面卖的贵应该好吃", "好吃", -1),      # after the modal: 好吃 did not hold
    ("还以为很难吃，没想到很好吃", "很难吃", 1),
    ("我以为很好", "很好", 1),                       # a plain view
    ("本来以为华为的机很好,结果很失望", "很好", -1),  # six words on
    ("我以为这款机子很好呢!其实不过如此", "很好", -1),  # the truth told after it
    ("我以为这款手机很好,但是物流太慢", "很好", 1),     # a contrast, another matter
    ("真没觉得好", "真没觉得好", -1),                  # a negation across 觉得
])
def test_a_belief_that_proved_wrong_is_read_the_other_way(text, word, sign):
    found = [m for m in extractor_for("ecommerce")(text) if m.opinion == word]
    assert found and found[0].lexicon_score * sign > 0, extractor_for("ecommerce")(text)


def test_a_mistaken_belief_reaches_a_few_words_only():
    text = "本以为会很难吃朋友非要拉我来后来发现服务员态度也很好"  # no punctuation
    found = {m.opinion: m.lexicon_score for m in extractor_for("catering")(text)}
    assert found.get("很难吃", 0) > 0 and found.get("很好", 0) > 0, found


@pytest.mark.parametrize("text, word", [("本以为好吃结果难吃", "难吃"),
                                        ("还以为便宜其实很贵", "很贵")])
def test_the_truth_after_a_mistaken_belief_is_read_as_said(text, word):
    found = {m.opinion: m.lexicon_score for m in extractor_for("ecommerce")(text)}
    assert found.get(word, 0) < 0, found


@pytest.mark.parametrize("text, sign", [
    ("没有想象的好", -1), ("没有预期的好", -1), ("不如实体店的好", -1), ("没有想像的好", -1),
    ("比想象中的好", 1),
    ("别家没有的好味道", 1),  # what the others lack: no comparison
])
def test_not_as_good_as_expected_is_a_complaint(text, sign):
    found = [m for m in extractor_for("ecommerce")(text) if m.opinion.endswith("好")
             or m.opinion.endswith("的好")]
    assert found and all(m.lexicon_score * sign > 0 for m in found), found
    assert all(m.term != "想像" for m in found)


def test_a_laugh_is_no_complaint():
    # 呵呵 is a friendly laugh as often as a sneer: no opinion word either way
    found = extractor_for("ecommerce")("呵呵,我也看的很用心哦")
    assert found and not any(m.lexicon_score < 0 for m in found), found


@pytest.mark.parametrize("text, sign", [
    ("待机时间很长", 1), ("待机时间超长", 1), ("待机时间太短", -1), ("待机时间不长", -1),
    ("寿命也不长", -1), ("待机时间也不长", -1),
    ("等待时间很长", -1), ("排队时间太长", -1),
])
def test_how_long_something_lasts_is_judged_by_what_it_is(text, sign):
    # what lasts is better long, a wait worse: not left to a model that reads 长 as a wait
    found = [m for m in extractor_for("ecommerce")(text) if m.term]
    assert found and found[0].lexicon_score * sign > 0, found
