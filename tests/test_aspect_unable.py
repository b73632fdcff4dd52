"""An act the customer cannot do with the thing (manyi.annotate.aspect_unable): 全屏不能调整
进度条 names 调整进度条, a fault."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("domain, text, term, opinion", [
    ("education", "界面有待提高qq浏览器全屏不能调整进度条", "调整进度条", "不能"),
    ("ecommerce", "耳机音质不错就是不能调节音量", "调节音量", "不能"),
])
def test_an_act_the_customer_cannot_do_is_a_fault(domain, text, term, opinion):
    found = {m.term: m for m in extractor_for(domain)(text)}
    assert term in found and found[term].opinion == opinion, sorted(found)
    assert found[term].lexicon_score < 0


@pytest.mark.parametrize("domain, text, act", [
    ("ecommerce", "这种服务态度真让人无法接受", "接受"),  # how the customer feels: no thing
    ("ecommerce", "衣服太小了根本没法穿", "穿"),          # the customer's use: the thing judged
    ("education", "如果不能调整进度条就麻烦了", "调整"),  # supposed
    ("education", "不能即时提问即时回答", "提问"),        # no thing the act is done to
    ("ecommerce", "试试这个能不能控制住油", "控制"),      # asked, not said
    ("ecommerce", "屏幕亮度不能进行调节", "调节"),        # 进行 carries 调节: no thing after it
])
def test_no_act_said_impossible(domain, text, act):
    found = [(m.term, m.opinion) for m in extractor_for(domain)(text)]
    assert not any(act in term for term, _ in found), found
