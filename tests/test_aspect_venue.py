"""地方 opening its clause in a review of a restaurant or a hotel is the place, judged
(地方比较局促, 地方很好找: manyi.annotate.aspect_venue); a spot or a respect elsewhere (不满意的
地方, 有的地方) and any 地方 in a product review are not. Every case asserts what is found."""

from __future__ import annotations

import pytest
from conftest import extractor_for

import manyi


def _terms(domain, text):
    return {m.term for m in extractor_for(domain)(text) if m.term and m.opinion}


@pytest.mark.parametrize("domain, text", [
    ("catering", "地方比较局促"),
    ("catering", "地方确实不大，只有四张桌子"),
    ("catering", "这个地方很难找"),
    ("hotel", "地方很安静"),
])
def test_the_place_is_judged(domain, text):
    assert "地方" in _terms(domain, text)


@pytest.mark.parametrize("domain, text, other", [
    ("catering", "不满意的地方是上菜慢", "上菜"),   # a respect: what follows 是 is judged
    ("catering", "有的地方不干净", "干净"),         # a spot
    ("ecommerce", "地方很小，放不下", None),        # no place in a product review
])
def test_a_spot_or_a_respect_is_not(domain, text, other):
    found = _terms(domain, text)
    assert "地方" not in found and (other is None or other in found)


def test_the_corpus_pass_learns_no_place():
    # (a word the first pass learns is a noun wherever it stands: 地方 is one only opening)
    texts = ["地方很大很宽敞", "地方比较局促", "地方很干净", "不满意的地方是上菜慢"]
    mentions = manyi.analyze(texts, domain="catering", jobs=1, progress=False).mentions
    place = mentions[mentions["term"] == "地方"]
    assert sorted(place["comment_id"].astype(str)) == ["1", "2", "3"]
    assert set(place["dimension"]) == {"environment"}
