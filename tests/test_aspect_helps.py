"""A thing said to help, or to let someone do something (manyi.annotate.aspect_helps):
配套的练习题可以加强熟练度 judges the 练习题 by what it does for the customer."""

from __future__ import annotations

import pytest
from conftest import extractor_for

# Read: 帮助 有助于 有利于 (HELPS). 让/给 and 可以/能 (LETS, CAN) are left out (aspect_helps:
# on the bundled samples and shop reviews they named people, times and places more often than
# not): their cases below are what a reading of them must find again, marked so.
LEFT_OUT = pytest.mark.xfail(reason="让/给/可以/能 not read (aspect_helps.WORDS)", strict=True)


@pytest.mark.parametrize("text, term, word", [
    pytest.param("清晰易懂老师教的很好配套的练习题可以加强熟练度", "练习题", "可以",
                 marks=LEFT_OUT),
    ("课后的练习题和单元小测也帮助我更好地掌握知识点", "单元小测", "帮助"),  # joined by 和
    pytest.param("很不错老师不仅结合临床案例还给我们情景模拟让我们更容易记住知识点", "情景模拟",
                 "让", marks=LEFT_OUT),
    pytest.param("教授讲解非常到位课后课件制作精美同学们的发言讨论也给我很大启发", "发言讨论",
                 "给", marks=LEFT_OUT),
    ("英语典故有助于我们了解英语", "英语典故", "有助于"),
])
def test_a_course_thing_judged_by_what_it_does(course, text, term, word):
    """The thing, its opinion the helping word and what follows (the clause model reads it)."""
    found = {m.term: m.opinion for m in course(text)}
    assert term in found and found[term].startswith(word), found


@pytest.mark.parametrize("domain, text, term, word", [
    pytest.param("ecommerce", "精油能够全部吸收手上无残留", "精油", "能够", marks=LEFT_OUT),
    pytest.param("catering", "然后点的鱿鱼让我不得其解", "鱿鱼", "让", marks=LEFT_OUT),
    ("books", "典故寓意深刻，英语典故有助于我们了解英语", "英语典故", "有助于"),
])
def test_a_shop_thing_judged_by_what_it_does(domain, text, term, word):
    found = {m.term: m.opinion for m in extractor_for(domain)(text)}
    assert term in found and found[term].startswith(word), found


@pytest.mark.parametrize("domain, text, word", [
    ("ecommerce", "觉得自己头发的多的妹子可以使用", "妹子"),    # who it suits: people, use
    ("ecommerce", "适合发质:所有发质都可以用", "发质"),         # the customer's use of it
    ("ecommerce", "感兴趣的美眉可以试一下", "美眉"),
    ("ecommerce", "客服让我去附近实体店买就行", "客服"),        # people: judged as they act
    ("catering", "用餐可以免费停车3小时", "用餐"),              # the customer's own doing
    ("education", "但我觉得语音语调可以再活泼点", "语调"),      # more wished for
    ("education", "其中填空题可以改成选择填空否则都答不对", "填空题"),  # a change asked for
    ("ecommerce", "快递可以放门口吗", "快递"),                 # a question
    ("education", "课程从多个角度出发给我们介绍了许多知识", "角度"),  # 给 as "to": an act
    ("education", "老师讲的通俗易懂我之前没有接触过中医药也能听懂", "中医药"),  # an object
    ("education", "老师们讲课很清晰思路很连贯让人容易理解", "连贯"),  # how it is: 很连贯
    ("ecommerce", "宝贝很不错,但是客服的服务让我完全可以忽略这点", "服务"),  # named already
    ("hotel", "酒店给我印象最深的是大堂", "酒店"),          # how it seemed
    ("ecommerce", "检测人员才承认机子有问题", "承认"),      # a verb and its object
    ("hotel", "食物方面,个人认为在城区可以排在首位", "城区"),  # where, not what does it
    ("ecommerce", "找客服,说让我发照片给他", "照片"),        # 给 as "to"
])
def test_no_thing_said_to_help(domain, text, word):
    found = {m.term: m.opinion for m in extractor_for(domain)(text)}
    assert not any(word in term and opinion and opinion[0] in "可能让给帮使令"
                   for term, opinion in found.items()), found
