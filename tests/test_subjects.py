"""The subject of an opinion in one comment (issue #19, round 19): a thing's quantity the
dictionary calls a phrase (对比度) or the segmenter cut from its measure (流畅 度, 分帧 率).
Real comments of online_shopping_10_cats. (A verb opening the next judgement of an
unpunctuated run, 理论过多实践太少, was tried and taken out: review18 read 8 of 17 such changed
mentions wrong on real dumps — 下回还来, 好害怕, 地毯有很多莫名头发 lost its 头发.)"""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("domain, text, term, opinion", [
    # a three-character dictionary phrase ending in a measure: a thing's quantity
    ("ecommerce", "对比度也较高", "对比度", "高"),
    # a measure the segmenter cut from what it measures (流畅 度, 实用 度, 分帧 率)
    ("ecommerce", "游戏流畅度很好", "流畅度", "很好"),
    ("ecommerce", "实用度挺高的", "实用度", "高"),
    ("ecommerce", "分帧率高", "分帧率", "高"),
])
def test_the_subject_of_an_opinion_is_found(domain, text, term, opinion):
    found = [(m.term, m.opinion) for m in extractor_for(domain)(text)]
    assert (term, opinion) in found


@pytest.mark.parametrize("domain, text, word", [
    # the opinion qualifies the noun after it: 富有 is no subject of 丰富
    ("education", "讲解的很清楚富有丰富的文化内涵", "富有"),
    # no judgement opens after another's opinion without a mark (review18's reads)
    ("ecommerce", "地毯有很多莫名头发", "莫名"),
])
def test_no_subject_where_none_is_judged(domain, text, word):
    assert [m.term for m in extractor_for(domain)(text) if m.term == word] == []
