"""A clause that only narrates (先后两次入住该酒店) is no complaint in a warm review: a mention
with no opinion of its own is read with its whole comment, not by the clause model alone
(which reads narration as negative). An opinion that only wonders (性能还不知道) is neutral."""

from __future__ import annotations

import pandas as pd

import manyi


def test_narration_in_a_warm_review_is_no_complaint():
    review = "先后两次入住该酒店，房间干净，服务很好，下次还来"
    result = manyi.analyze(pd.DataFrame({"review": [review]}), domain="hotel", progress=False)
    assert result.comments["sentiment"].tolist() == ["positive"]
    told = result.mentions[result.mentions["clause"] == "先后两次入住该酒店"]
    assert len(told) and (told["opinion"] == "").all()
    assert (told["polarity"] != "negative").all(), told


def test_an_opinion_word_still_decides_against_the_comment():
    result = manyi.analyze(pd.DataFrame({"review": ["房间很干净，就是隔音太差，一晚没睡好"]}),
                           domain="hotel", progress=False)
    mentions = result.mentions.set_index("term")
    assert mentions.loc["隔音", "polarity"] == "negative"
    assert mentions.loc["房间", "polarity"] == "positive"


def test_an_opinion_that_only_wonders_is_neutral():
    reviews = ["性能还不知道", "还没吃还不知道好吃不好吃", "性能很好", "质量不错不错"]
    result = manyi.analyze(pd.DataFrame({"review": reviews}), domain="ecommerce",
                           progress=False)
    by_comment = result.mentions.groupby("comment_id")["polarity"].agg(set)
    assert by_comment["1"] == {"neutral"} and by_comment["2"] == {"neutral"}, by_comment
    assert by_comment["3"] == {"positive"} and by_comment["4"] == {"positive"}


def test_a_judgement_that_holds_a_word_of_wondering_still_judges():
    # 不怎么样 holds 怎么样, 不知所云 holds 不知, 功能不能用 holds 能不能 across two words:
    # each is a complaint, and its dimension counts for the comment
    reviews = ["这家的商品不怎么样", "内容不知所云", "通话功能不能用"]
    result = manyi.analyze(pd.DataFrame({"review": reviews}), domain="ecommerce",
                           progress=False)
    by_comment = result.mentions.groupby("comment_id")["polarity"].agg(set)
    assert all(by_comment[c] == {"negative"} for c in "123"), by_comment
    assert (result.comments["dimensions"] != "").all(), result.comments


def test_a_complaint_in_a_warm_review_stays_one():
    # 没电 is an opinion word: the mention does not lean on the comment's warmth
    review = "电池一天就没电了，其他都很好"
    result = manyi.analyze(pd.DataFrame({"review": [review]}), domain="ecommerce",
                           progress=False)
    battery = result.mentions[result.mentions["term"] == "电池"]
    assert len(battery) and (battery["polarity"] == "negative").all(), result.mentions
