"""A thing judged right before an opinion a word further back took (manyi.annotate.aspect_own):
in 老师讲课这种教学模式很新颖 the 教学模式 is judged, and is its own mention. The rules alone (no
learned aspect scorer: its shipped weights were fitted on course reviews)."""

from __future__ import annotations

from itertools import accumulate

import pytest
from conftest import pairs

from manyi.annotate.aspect_own import own_judged
from manyi.annotate.factors import FactorExtractor
from manyi.text.lexicon import Lexicon


@pytest.mark.parametrize("text, term, opinion", [
    ("老师讲课这种教学模式很新颖", "教学模式", "很新颖"),
    ("老师和学生互动这种教学模式很新颖", "教学模式", "很新颖"),
    ("老师讲课深浅把握得很好", "把握", "很好"),
    ("老师的教的很认真", "教", "很认真"),  # an act judged by how it is done
])
def test_the_thing_judged_at_once_is_its_own_mention(course_rules, text, term, opinion):
    found = [(m.term, m.opinion, m.source) for m in course_rules(text)]
    assert (term, opinion, "discovered") in found, found
    assert ("老师", opinion) in pairs(course_rules(text))  # the word further back keeps its mention


@pytest.mark.parametrize("text, term, opinion", [
    ("该课程组织新颖除了课件以外还有直播非常精彩", "直播", "非常精彩"),
    ("服务员的着装也很帅气", "着装", "很帅气"),
])
def test_in_other_packs_too(course_rules, catering_rules, text, term, opinion):
    extract = catering_rules if "服务员" in text else course_rules
    assert (term, opinion) in pairs(extract(text))


@pytest.mark.parametrize("text, expected", [
    ("物流很快包装很好", {("物流", "很快"), ("包装", "很好")}),
    ("手机屏幕很清楚", {("手机屏幕", "很清楚")}),
    ("客服态度很差", {("客服态度", "很差")}),
    ("价格便宜质量好", {("价格", "便宜"), ("质量", "好")}),
])
def test_each_thing_judged_once_in_shop_reviews(shop_rules, text, expected):
    assert pairs(shop_rules(text)) == expected


@pytest.mark.parametrize("text, word", [
    ("价格也比深航点便宜", "航点"),          # what the price is compared with
    ("课程包括许多内容对生活非常有用", "生活"),  # what it is useful for
    ("老师能给予学生最及时的反馈", "学生"),     # the opinion qualifies the noun after it
    ("课件很华丽很吸引人", "华丽"),           # after a degree word: a judgement itself
    ("老师讲课很有激情有理有据", "激情"),      # (很有 激情: how much it has)
])
def test_no_mention_for_what_is_not_judged(catering_rules, course_rules, text, word):
    extract = catering_rules if "价格" in text else course_rules
    assert not any(word in m.term for m in extract(text)), pairs(extract(text))


def test_a_listed_word_left_without_a_mention_stays_so(shop_rules):
    # the courier's attitude: one logistics mention, no service one added back
    assert {m.dimension for m in shop_rules("快递员送货上门服务态度很好")} == {"logistics"}


@pytest.mark.parametrize("tokens", [
    ["老师", "很", "认真", "内容", "很", "丰富"],  # each opinion right after its word
    ["很", "好", "的", "老师"],                    # an opinion before its word
])
def test_nothing_to_add_gives_the_same_list(tokens):
    extractor = FactorExtractor(Lexicon.load("education"))
    text = "".join(tokens)
    mentions, clauses = extractor.analyse(text, tokens)
    assert mentions
    spans = [(0, 0)] * (max(clauses) + 1)
    for c, span in clauses.items():
        spans[c] = (span.start, span.end)
    starts = list(accumulate(map(len, tokens), initial=0))
    assert own_judged(extractor, text, tokens, starts, spans, mentions) is mentions


def test_the_corpus_pass_does_not_run_it():
    from manyi.annotate.prepass import _pass_tools
    from manyi.text.lexicon import Lexicon

    _, extractor = _pass_tools(Lexicon.load("education"), "rjieba")
    text = "老师讲课这种教学模式很新颖"
    terms = {m.term for m in extractor.extract(text, ["老师", "讲课", "这种", "教学模式", "很",
                                                      "新颖"])}
    assert "教学模式" not in terms
