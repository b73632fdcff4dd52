"""Things named in clauses of their own, judged together by a later clause
(manyi.annotate.aspect_later), and what the customer likes or recommends
(manyi.annotate.aspect_liked), through the factor extractor."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text, names, opinion", [
    # a list after a lead-in, judged through a listed quality
    ("点了芥末章鱼、纳豆、龙虾沙拉，味道非常的不错", {"芥末章鱼", "纳豆", "龙虾沙拉"},
     "非常的不错"),
    ("点了三文鱼条，味道还行", {"三文鱼条"}, "还行"),          # a piece the segmenter cut
    ("我第一次尝试鲁菜，感觉还不错", {"鲁菜"}, "还不错"),      # who tried it, an open verdict
    ("我吃了摩丝蛋糕和芝士蛋糕，味道很不错", {"摩丝蛋糕", "芝士蛋糕"}, "很不错"),
    ("有牛油果、苦苣，味道不错", {"牛油果", "苦苣"}, "不错"),  # what it comes with
    ("口味：海胆，新鲜，赞", {"海胆"}, "新鲜"),                # after a heading
    ("还买了一个菠萝包，她说挺好吃的", {"菠萝包"}, "挺好吃"),  # someone's judgement reported
])
def test_names_are_judged_by_a_later_clause(catering_rules, text, names, opinion):
    found = {m.term for m in catering_rules(text) if m.opinion == opinion}
    assert names <= found, found


def test_a_listed_word_named_alone_takes_the_judgement(catering_rules):
    found = {(m.term, m.opinion) for m in catering_rules("鱼香肉丝，味道不错，甜甜的")}
    assert ("鱼香肉丝", "不错") in found, found


@pytest.mark.parametrize("domain, text, not_term", [
    ("catering", "香菇，大白菜不好吃", "香菇"),            # another thing named, judged
    ("catering", "座位靠窗，挺不错", "座位靠窗"),          # how a thing is, no name
    ("catering", "我们去了万达，感觉不错", "万达"),        # a place visited, not ordered
    ("catering", "点了酸菜鱼，但是服务员很凶，味道不错", "酸菜鱼"),  # a clause between, a noun
    ("catering", "今天去吃了火锅，排了很久的队", "火锅"),  # narration: no judgement
    ("catering", "这家店，太烂了", "这家店"),              # the business: its verdict, no food
])
def test_a_name_judged_later_stays_bounded(domain, text, not_term):
    found = {m.term for m in extractor_for(domain)(text) if m.opinion}
    assert not_term not in found, found


@pytest.mark.parametrize("domain, text, pairs", [
    # each thing keeps its own judgement
    ("ecommerce", "物流很快包装很好", {("物流", "很快"), ("包装", "很好")}),
    ("ecommerce", "屏幕、电池都不错", {("屏幕", "不错"), ("电池", "不错")}),
    ("ecommerce", "物流和包装都很好", {("物流", "很好"), ("包装", "很好")}),
])
def test_things_judged_together_or_apart(domain, text, pairs):
    found = {(m.term, m.opinion) for m in extractor_for(domain)(text)}
    assert pairs <= found, found


@pytest.mark.parametrize("text, term, opinion", [
    ("比较爱吃鸡蛋饼，看着好有食欲", "鸡蛋饼", "比较爱吃"),
    ("最爱吃的就是他家的大虾了", "大虾", "最爱吃"),           # after 的就是 and whose
    ("每次来吃必点就是牛肋排", "牛肋排", "必点"),              # past 就是, where a clause was cut
    ("凉菜里有我爱吃的鸭头", "鸭头", "爱吃"),
    ("特别推荐他们家的自助水果居然是不限量的西瓜", "西瓜", "特别推荐"),
])
def test_what_the_customer_likes_is_praised(catering_rules, text, term, opinion):
    found = {(m.term, m.opinion, m.lexicon_score > 0) for m in catering_rules(text)}
    assert (term, opinion, True) in found, found


def test_a_liked_list_is_praised_item_by_item(catering_rules):
    found = {m.term for m in catering_rules("最喜欢吃酸辣粉和担担面这些川味儿的小吃")
             if m.lexicon_score > 0}
    assert {"酸辣粉", "担担面"} <= found, found


def test_a_negated_liking_is_a_complaint(catering_rules):
    found = {(m.term, m.lexicon_score > 0) for m in catering_rules("不推荐绿豆汁")}
    assert ("绿豆汁", False) in found, found


@pytest.mark.parametrize("text, not_term", [
    ("推荐给朋友们", "朋友"),              # to someone: no name follows
    ("爱吃辣的朋友可以试试", "朋友"),      # a taste and who likes it
    ("爱吃面食的吃货必来", "面食"),        # what is said of someone
    ("推荐这家啊", "这家"),                # the business: its own verdict
    ("很可爱的小店", "小店"),              # 可爱 is no liking
    ("西北人爱吃面食", "面食"),            # someone else's liking
    ("同事的推荐并没对我产生明显的影响", "影响"),  # a recommendation named, no liking said
])
def test_a_liking_stays_bounded(catering_rules, text, not_term):
    found = {m.term for m in catering_rules(text) if m.source == "discovered"}
    assert not any(t and not_term in t for t in found), found


@pytest.mark.parametrize("text, names, opinion", [
    ("点了可乐，鸡翅，汉堡，味道不错", {"鸡翅", "汉堡"}, "不错"),     # a run of two naming clauses
    ("点了三文鱼条，纳豆，味道还行", {"三文鱼条", "纳豆"}, "还行"),
])
def test_a_run_of_naming_clauses_is_judged_whole(catering_rules, text, names, opinion):
    """review33: the judging clause's own first mention judges, not a name carried into it."""
    found = {m.term for m in catering_rules(text) if m.opinion == opinion}
    assert names <= found, found


@pytest.mark.parametrize("text, term, positive", [
    ("没有排队，最爱吃鸡蛋饼", "鸡蛋饼", True),   # the negation of another clause
    ("不爱吃鸡蛋饼", "鸡蛋饼", False),             # jieba's 不爱吃, one token
])
def test_a_liking_is_negated_in_its_own_clause_only(catering_rules, text, term, positive):
    found = {(m.term, m.lexicon_score > 0) for m in catering_rules(text)}
    assert (term, positive) in found, found


def test_an_overall_verdict_the_names_take_is_theirs_not_beside_them(catering_rules):
    """点了三文鱼条，还行: one mention, the dish judged (not the dish and a bare verdict)."""
    found = [(m.term, m.opinion) for m in catering_rules("点了三文鱼条，还行")]
    assert found == [("三文鱼条", "还行")], found


def test_a_liking_is_weighed_by_its_degree_word(catering_rules):
    def score(text):
        return next(m.lexicon_score for m in catering_rules(text) if m.term == "鸡蛋饼")
    assert score("最爱吃鸡蛋饼") > score("我爱吃鸡蛋饼") > 0
