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


@pytest.mark.parametrize("text, term, opinion", [
    ("衣服很有质感", "质感", "很有质感"),      # a listed quality: judged by what is had of it
    ("面料比较有质感", "质感", "比较有质感"),
    ("汤很有味道", "味道", "很有味道"),
])
def test_a_listed_word_had_much_of_takes_the_words_as_its_opinion(text, term, opinion):
    found = {(m.term, m.opinion) for m in extractor_for("ecommerce")(text)}
    assert (term, opinion) in found, found


@pytest.mark.parametrize("text, term", [("还有包装", "包装"), ("外面还有纸箱", "纸箱")])
def test_there_is_says_no_quality_had(text, term):
    """还有包装: there is also a box, nothing said of how much (还 is no degree of 有)."""
    found = {m.term: m.opinion for m in extractor_for("ecommerce")(text)}
    assert term in found and found[term] == "", found


@pytest.mark.parametrize("text, subject, opinion", [
    ("面条很有嚼劲", "面条", "很有嚼劲"),      # an unlisted quality, cut in pieces
    ("老太太很有精神", "老太太", "很有精神"),
])
def test_the_thing_that_has_much_of_it_is_judged_by_the_whole_phrase(text, subject, opinion):
    found = {(m.term, m.opinion) for m in extractor_for("ecommerce")(text)}
    assert (subject, opinion) in found, found
