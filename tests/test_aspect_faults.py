"""A thing said to have a fault (manyi.annotate.aspect_faults): 进度条的拖动也有问题, 最后的考核
有重大问题 judge the thing before 有, negative."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("domain, text, term, opinion", [
    ("education", "还有进度条的拖动也有问题内容很赞", "进度条的拖动", "有问题"),
    ("education", "课程不错但是最后的考核有重大问题", "考核", "有重大问题"),
    ("education", "进度条有问题", "进度条", "有问题"),        # no opinion word nor term else
    ("ecommerce", "这个软件有很多bug", "软件", "有很多bug"),
    ("ecommerce", "包装有问题", "包装", "有问题"),            # a listed word takes the words
    ("ecommerce", "喷头有问题", "喷头", "有问题"),
])
def test_a_thing_with_a_fault_is_judged(domain, text, term, opinion):
    found = {m.term: m for m in extractor_for(domain)(text)}
    assert term in found and found[term].opinion == opinion, \
        [(m.term, m.opinion) for m in found.values()]
    assert found[term].lexicon_score < 0


@pytest.mark.parametrize("domain, text", [
    ("ecommerce", "质量没有问题"),            # no fault had
    ("ecommerce", "如果有问题可以找客服"),    # supposed
    ("ecommerce", "这个软件不会有问题吧"),    # not had
    ("ecommerce", "我有个问题想问一下"),      # a question to ask
    ("ecommerce", "屏幕有问题吗"),            # a question
])
def test_no_fault_had(domain, text):
    found = [(m.term, m.opinion) for m in extractor_for(domain)(text)]
    assert not any(o.startswith("有") and o.endswith(("问题", "bug")) for _, o in found), found


@pytest.mark.parametrize("text", ["手机有问题么", "屏幕有问题没有", "万一手机有问题",
                                  "手机有问题的话可以退", "全屏不能调整进度条吗",
                                  "为什么不能下载铃声"])
def test_a_fault_or_failure_asked_or_supposed_is_not_had(text):
    found = extractor_for("electronics")(text)
    assert not any(m.opinion in ("有问题", "不能") for m in found), found
