"""An act said easy or hard to do, a point said to stand out (manyi.annotate.aspect_ease):
容易冲洗 judges the rinsing, 重点突出 the course's emphasis."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.fixture(scope="module")
def goods():
    return extractor_for("ecommerce")


def _said(extract, text):
    return {(m.term, m.opinion, m.lexicon_score > 0) for m in extract(text)}


@pytest.mark.parametrize("text, term, opinion, praised", [
    ("泡沫很多，容易冲洗", "冲洗", "容易冲洗", True),     # no subject: the act itself
    ("质地比较厚，但是很容易推开", "推开", "很容易推开", True),
    ("方便携带，出差很好用", "携带", "方便携带", True),   # 方便 gives way to the act
    ("底部后盖不容易拆卸", "后盖", "不容易拆卸", False),  # the noun before, negated
    ("屏幕太大，不便携带", "携带", "不便携带", False),    # a word of difficulty
    ("头发很容易打结", "头发", "很容易打结", False),      # a mishap made easy: a fault
    ("头发不容易打结", "头发", "不容易打结", True),       # … and not easy: a merit
    ("打字容易误触", "打字", "容易误触", False),
    ("这种包装容易被骗", "包装", "容易被骗", False),  # what is done to one: a harm
    ("门口方便掉头", "掉头", "方便掉头", True),           # (掉头: a U-turn, no mishap)
    ("这款容易上色，颜色自然", "上色", "容易上色", True),  # 上色: the dictionary's b, an act
    ("效果非常好，上色容易 ，颜色自然", "上色", "容易", True),  # (a space before the mark)
])
def test_an_act_said_easy_or_hard_is_judged(goods, text, term, opinion, praised):
    assert (term, opinion, praised) in _said(goods, text), _said(goods, text)


def test_a_listed_term_keeps_the_judgement_of_an_act(goods):
    found = [(m.dimension, m.term, m.opinion) for m in goods("位置于南门很方便出入")]
    assert found == [("channel", "位置", "很方便出入")], found


def test_a_bare_verdict_gives_way_to_the_act(goods):
    found = goods("方便携带")
    assert [(m.dimension, m.term) for m in found] == [("product", "携带")]


@pytest.mark.parametrize("text, opinion", [
    ("很容易掉色", "很容易掉色"),                    # the opinion lists judge it: theirs
    ("容易成为大家的话题", "容易成为"),              # the act does not end the judgement
    ("为这些容易消逝的东西花费时间", "容易消逝"),    # (a description of a thing)
    ("中国企业也不容易", "不容易"),                  # 不容易 after a noun: a hard life
])
def test_no_act_judged(goods, text, opinion):
    assert opinion not in {m.opinion for m in goods(text) if m.term}, \
        [(m.term, m.opinion) for m in goods(text)]


def test_a_wish_is_no_praise(course):
    found = [m for m in course("希望以后可以加上字幕方便理解") if m.opinion == "方便理解"]
    assert found and found[0].lexicon_score < 0


@pytest.mark.parametrize("text, opinion, praised", [
    ("老师讲的重点突出简单明了", "突出", True),
    ("课程重点不突出，内容太散", "不突出", False),
    ("重点不够突出", "不够突出", False),
    ("各位老师条理清晰重点明确", "明确", True),
    ("课程整理归纳的重点很清晰明了", "很清晰", True),  # how clear it is
    ("上课吃力无趣而且重点不清", "不清", False),
    ("老师讲课内容很详细也很有重点", "很有", True),      # a point had
    ("很好有重点后面的检测可以起到复习的作用", "有", True),
])
def test_a_point_judged(course, text, opinion, praised):
    assert ("重点", opinion, praised) in _said(course, text), _said(course, text)


@pytest.mark.parametrize("text", ["重点是要多练习", "重点是价格很清楚"])
def test_the_gist_is_no_point(course, text):
    assert "重点" not in {m.term for m in course(text)}
