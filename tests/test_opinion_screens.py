"""The per-token screens of the opinion reader (opinions.OpinionScreens): a word the scan
before an opinion would read is never screened out (很, 不, 的, 这个 after 比), a plain noun
is (质量很好: the scan stops at 质量), and the readings that rest on the rarer tests are the
same with the screens as the tests alone give (没有一个是好的, 都比这个好, 质量没有以前好了)."""

from __future__ import annotations

import pytest

from manyi.annotate.factors import FactorExtractor
from manyi.annotate.opinions import THIS_ONE
from manyi.text.lexicon import Lexicon


@pytest.fixture(scope="module")
def ex() -> FactorExtractor:
    return FactorExtractor(Lexicon.load())


def test_no_word_the_scan_reads_is_plain(ex):
    rules, plain = ex.rules, ex._opinion_screens.plain
    read = {"的", "是", *ex._modifiers, *rules.as_degrees, *rules.one_counted, *rules.fillers,
            *rules.judging_verbs}
    assert not any(plain[w] for w in read)
    assert not plain["这个"] and THIS_ONE.match("这个")
    assert plain["质量"] and plain["物流"]


def test_doubtful_words_are_those_a_test_may_drop(ex):
    doubtful = ex._opinion_screens.doubtful
    assert doubtful["还可以"] and doubtful["没用"]
    assert not doubtful["好"] and not doubtful["不错"]


def test_a_comparison_negation_is_screened_in(ex):
    negates = ex._opinion_screens.negates
    assert negates["没有"] and negates["不如"] and negates["完全没有"]
    assert not negates["质量"] and not negates["很"]


@pytest.mark.parametrize("tokens, negated", [
    (["质量", "很", "好"], False), (["质量", "不", "好"], True),
    (["没有", "一个", "是", "好", "的"], True), (["都", "比", "这个", "好"], True),
    (["质量", "没有", "以前", "好", "了"], True), (["价格", "再", "便宜", "点"], False),
])
def test_readings_through_the_screens(ex, tokens, negated):
    found = ex.extract_opinions(tokens)
    assert found and found[-1].negated is negated, found
