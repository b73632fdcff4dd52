"""Things said to be combined (manyi.annotate.aspect_combined): 理论与实践相结合 judges 理论 and
实践 together."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text, terms", [
    ("老师讲课循循善诱理论与实践相结合很有特色我会努力的", ("理论", "实践")),
    ("理论和实践结合尤其是泡茶的视频很有收获", ("理论", "实践")),
    ("视频与文档相结合视频不懂的部分可以在文档中找到很不错", ("文档",)),  # 视频 listed
    ("方便可随时随地学视频与文本相结合考虑周到", ("文本",)),
])
def test_things_combined_are_judged(course, text, terms):
    found = {m.term: m.opinion for m in course(text)}
    assert all(t in found and "结合" in found[t] for t in terms), found


@pytest.mark.parametrize("domain, text, word", [
    ("education", "老师为每节课都准备的很用心通过与实际相结合让我们更好的理解知识", "实际"),
    ("education", "很好老师结合实际病例让我更加具体化的感觉", "实际"),  # the maker's act
])
def test_no_two_things_combined(domain, text, word):
    found = {m.term: m.opinion for m in extractor_for(domain)(text)}
    assert not any(word in t and "结合" in o for t, o in found.items()), found
