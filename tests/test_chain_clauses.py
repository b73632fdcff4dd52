"""Judgements chained without punctuation (manyi.annotate.chain_clauses): each its own clause,
each noun taken by its own opinion."""

from __future__ import annotations

import pytest
from conftest import pairs


def test_a_chain_is_cut_into_one_clause_a_judgement(course):
    found = course("知识丰富节奏稳定声音悦耳")
    assert pairs(found) >= {("知识", "丰富"), ("节奏", "稳定"), ("声音", "悦耳")}
    assert [m.clause for m in found] == ["知识丰富", "节奏稳定", "声音悦耳"]


def test_a_verb_judged_after_a_degree_word_opens_a_clause(course):
    found = course("理论东西很多实践很少难免有些枯燥")
    assert ("实践", "很少") in pairs(found)


def test_each_noun_keeps_its_own_opinion(shop):
    found = pairs(shop("包装很结实泡沫很厚快递也快"))
    assert ("泡沫", "很厚") in found and ("泡沫", "很结实") not in found


def test_an_idiom_ends_a_judgement(course):
    found = course("老师讲课深入浅出内容很丰富")
    assert ("内容", "很丰富") in pairs(found)
    assert {m.clause for m in found if m.term == "内容"} == {"内容很丰富"}


@pytest.mark.parametrize("text, term, opinion", [
    ("PPT制作内容详尽排版合理", "排版", "合理"),
    ("老师讲解详细回答专业而易懂", "回答", "专业"),
])
def test_an_act_judged_by_itself_opens_a_clause(course, text, term, opinion):
    assert (term, opinion) in pairs(course(text)), pairs(course(text))


@pytest.mark.parametrize("text, pair", [
    ("讲解的很清楚富有丰富的文化内涵", ("富有", "丰富")),  # an opinion before 的 qualifies
    ("课程设计也非常的好对以前没学过中医的人也能非常容易听懂强烈推荐", ("听懂", "强烈推荐")),
])
def test_no_act_judged_where_the_opinion_judges_no_act(course, text, pair):
    assert pair not in pairs(course(text)), pairs(course(text))


@pytest.mark.parametrize("text", [
    "老师认真准备课件很精美",        # how the preparing is done: 认真准备, one clause
    "走之前还把地上的线头收拾干净了",  # a verb and its result: 收拾干净
    "推荐烤鱼味道很好",              # what is recommended
    "带孩子出行有儿童拖鞋和小牙刷会方便很多",  # 小 of 小牙刷, after no noun
])
def test_no_cut_inside_one_judgement(shop, text):
    assert len({m.clause_id for m in shop(text)}) == 1, [(m.clause, m.term) for m in shop(text)]


def test_no_cut_before_a_contrast_cut(shop):
    found = shop("老板很热情店面虽然小但很干净")
    assert all(m.clause != "店面" for m in found), [m.clause for m in found]


def test_a_size_word_judges_a_noun_before_it(shop):
    found = pairs(shop("字小按钮多"))
    assert ("字", "小") in found and ("按钮", "多") in found


@pytest.mark.parametrize("text, term", [
    ("网络学习方式非常方便学习时间灵活", "学习时间"),
    ("每节课时间很长", "每节课时间"),
])
def test_a_time_after_what_it_measures_is_judged(course, text, term):
    assert term in {m.term for m in course(text)}, [(m.term, m.opinion) for m in course(text)]


def test_a_time_not_of_a_thing_is_not_judged(course):
    assert not any("时间" in m.term for m in course("有时间很好"))


def test_a_one_character_opinion_before_a_noun_qualifies_it(shop):
    found = shop("这个价位的好性价比本本确实不多")
    assert len({m.clause_id for m in found}) <= 1, [(m.clause, m.term) for m in found]


@pytest.mark.parametrize("text, term, opinion", [
    ("房间很大，价格却很贵", "价格", "很贵"),        # the clause cut before 却 held 价格 alone
    ("外观很漂亮电池倒是不耐用", "电池", "不耐用"),  # 倒是, cut 倒 是 by the segmenter
])
def test_a_contrast_adverb_keeps_its_subject(shop, text, term, opinion):
    found = shop(text)
    assert (term, opinion) in pairs(found), [(m.clause, m.term, m.opinion) for m in found]
    assert all(m.clause != term for m in found)


def test_a_contrast_adverb_after_a_judged_noun(course):
    found = course("每节课时间很长内容却不是很多")
    assert [m.clause for m in found if m.term == "内容"] == ["内容却不是很多"]


@pytest.mark.parametrize("text", ["速度比普通快递都慢", "味道不如隔壁家好吃"])
def test_no_cut_in_a_comparison(shop, text):
    assert len({m.clause_id for m in shop(text)}) == 1, [(m.clause, m.term) for m in shop(text)]
