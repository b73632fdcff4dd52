"""The subject of an opinion in one comment (issue #19, round 19): a thing's quantity the
dictionary calls a phrase (对比度) or the segmenter cut from its measure (流畅 度, 分帧 率), and a
verb opening the next judgement of an unpunctuated run (理论过多实践太少). Real comments:
online_shopping_10_cats (ecommerce) and MOOC course reviews (education)."""

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
    # a verb opening the next judgement where no mark cuts the run
    ("education", "理论过多实践太少", "实践", "少"),
    ("education", "老师讲解详细回答专业", "回答", "专业"),
])
def test_the_subject_of_an_opinion_is_found(domain, text, term, opinion):
    found = [(m.term, m.opinion) for m in extractor_for(domain)(text)]
    assert (term, opinion) in found


@pytest.mark.parametrize("domain, text, word", [
    # the opinion qualifies the noun after it: 富有 is no subject of 丰富
    ("education", "讲解的很清楚富有丰富的文化内涵", "富有"),
])
def test_no_subject_where_none_is_judged(domain, text, word):
    assert [m.term for m in extractor_for(domain)(text) if m.term == word] == []
