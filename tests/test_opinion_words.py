"""The core opinion lists hold the words customers grade (很精彩 很感人 太单调 很低档), though jieba
tags many of them nouns or adverbs: scripts/build_opinion_words.py admits a word the public
lexicons agree on when reviews put a degree adverb before it. Words reviews grade but that do
not judge the purchase (挑剔 担心 客观) stay out."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("domain, text, term, sign", [
    ("books", "内容很精彩", "内容", 1),
    ("books", "它的文字实在是太动人", "文字", 1),
    ("books", "但其实她表达的东西很深刻", "东西", 1),
    ("books", "分析的很透彻", "分析", 1),
    ("books", "这是一本很感人的书", "书", 1),
    ("books", "纸张很厚实", "纸张", 1),
    ("ecommerce", "面料很厚实", "面料", 1),
    ("ecommerce", "看着包装都很高档", "包装", 1),
    ("hotel", "酒店很气派", "酒店", 1),
    ("hotel", "摆放很整齐", "摆放", 1),
    ("hotel", "服务太死板", "服务", -1),
    ("hotel", "就是早餐水果太单调", "早餐水果", -1),  # (the breakfast's fruit: aspect_whose)
    ("hotel", "装修很低档", "装修", -1),
    ("ecommerce", "还有塑料的外壳感觉很低档", "塑料的外壳", -1),  # (whose: the plastic one)
    ("ecommerce", "客服太啰嗦了", "客服", -1),
])
def test_a_graded_review_word_judges_its_term(domain, text, term, sign):
    found = extractor_for(domain)(text)
    assert any(m.term == term and m.lexicon_score * sign > 0 for m in found), [
        (m.term, m.opinion, m.lexicon_score) for m in found]


@pytest.mark.parametrize("domain, text, word", [
    ("ecommerce", "我是个很挑剔的人，这件衣服质量很好", "挑剔"),  # the buyer's fussiness
    ("ecommerce", "本来很担心，收到后很满意", "担心"),  # a worry before relief
    ("ecommerce", "客观的说，手机屏幕很清晰", "客观"),  # a way of speaking
    ("books", "看完很难过，写得太好了", "难过"),  # a reader's feeling about the story
    ("ecommerce", "价格很诱惑，就买了", "诱惑"),  # praise the sources call negative
    ("ecommerce", "超级无敌难吃", "无敌"),  # an intensifier (review19: fruit reviews)
    ("books", "看完很伤心，写得太好了", "伤心"),  # a reader's feeling about the story
    ("books", "结局很可怕，但是写得很精彩", "可怕"),
    ("catering", "变态辣很过瘾", "变态"),  # a degree of heat
])
def test_a_graded_word_that_judges_nothing_is_no_opinion(domain, text, word):
    found = extractor_for(domain)(text)
    assert not any(word in m.opinion and m.lexicon_score for m in found), [
        (m.term, m.opinion, m.lexicon_score) for m in found]
