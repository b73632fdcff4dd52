"""An act named with the event it follows (manyi.annotate.aspect_tags.event_time): 课后讨论需要
改进 judges the 课后讨论, not nothing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, term, opinion", [
    ("就是声音问题还有课后讨论需要改进", "课后讨论", "需要改进"),
    ("课后测试练习题目过少类型单一课后拓展不足希望进一步改善", "课后拓展", "不足"),
])
def test_an_act_after_an_event_is_named_with_it(course, text, term, opinion):
    found = {(m.term, m.opinion) for m in course(text)}
    assert (term, opinion) in found, found


@pytest.mark.parametrize("text", ["今后使用很方便", "以后发货及时一点"])
def test_a_time_said_alone_names_no_act(shop, text):
    assert not any(m.term.startswith(("今后", "以后")) for m in shop(text)), \
        [(m.term, m.opinion) for m in shop(text)]
