"""A quality said to be had much of (manyi.annotate.aspect_had): 很有启发性 names the 启发性."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text, term, opinion", [
    ("授课方法很有启发性", "启发性", "很有启发性"),
    ("老师非常有责任感", "责任感", "非常有责任感"),
    ("这样学习很有针对性", "针对性", "很有针对性"),  # no subject found before it
])
def test_a_quality_had_much_of_is_judged(course, text, term, opinion):
    found = [(m.term, m.opinion, m.source) for m in course(text)]
    assert (term, opinion, "discovered") in found, found


def test_the_thing_that_has_it_is_kept(course):
    assert "授课方法" in {m.term for m in course("授课方法很有启发性")}


@pytest.mark.parametrize("text", [
    "很有道理",          # a judgement said whole: no quality noun
    "不是很有针对性",    # negated: the clause model reads the rest
    "有针对性",          # no degree word: not said to have much of it
])
def test_no_quality_mention(course, text):
    assert not any(m.term.endswith(("性", "理")) for m in course(text)), \
        [(m.term, m.opinion) for m in course(text)]


def test_a_listed_quality_is_not_named_twice():
    shop = extractor_for("ecommerce")
    assert [m.term for m in shop("头发很有弹性")].count("弹性") == 1
