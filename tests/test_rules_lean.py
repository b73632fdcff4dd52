"""Rules made lean give the same answers (issue #24): a rule list searched by one pattern
(``aspect_tags.words_in``) finds what ``any(w in text …)`` finds; the finder's memos of a
name's pieces and ends (``name_piece``, ``name_end``) are ``aspect_topic._piece`` and
``_ends_name`` of each token; the event matcher, which skips the part a screened rule is
known to hold, finds what every rule run over the whole text finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manyi.annotate.annotator import Annotator, Settings
from manyi.annotate.aspect_tags import words_in
from manyi.annotate.aspect_topic import _ends_name, _piece
from manyi.annotate.events import EventMatcher, apart
from manyi.text.lexicon import Lexicon

COMMENTS = ["水爆肚，味道没有太惊艳", "炒苕尖，真心一般般", "琵琶鸭味道不错", "墨鱼滑也一般般",
            "真心感谢老板", "点赞，好评", "不知道是不是个例，味道一般", "谢谢啦，下次再来",
            "羊排倒是味道不错", "还有腌制的萝卜干，很好吃", "biangbiang面很好吃", "好评", "很好",
            "五星好评辛苦了", "物流很快，包装完好", "这家的糕点，打call", "糯糯的，挺好"]
WORDS = st.text(alphabet=st.sampled_from("谢感点赞好评五星辛苦了不知道是否期待加油打cal,"),
                max_size=8)


@pytest.fixture(scope="module", params=["catering", "ecommerce"])
def finder(request):
    return Annotator(Settings(domain=request.param)).extractor.finder


def test_the_rule_lists_are_searched_as_their_words_are(finder):
    rules = finder.rules
    for pattern, words in ((finder.addressed, rules.thanks | rules.not_carried),
                           (finder.wondering, rules.irrealis)):
        assert words
        found = [pattern.search(c) is not None for c in COMMENTS]
        assert found == [any(w in c for w in words) for c in COMMENTS]
        assert any(found) and not all(found)
        for c in COMMENTS:  # (a stretch of the text: pos and endpos)
            for a, b in ((0, 2), (1, len(c)), (3, 5)):
                assert (pattern.search(c, a, b) is not None) == any(w in c[a:b] for w in words)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=4), WORDS)
def test_any_word_list_is_found_where_one_of_its_words_is(words, text):
    assert (words_in(set(words)).search(text) is not None) == any(w in text for w in words)


def test_the_memos_are_the_word_tests_of_each_token(finder):
    annotator = Annotator(Settings(domain="catering"))
    tokens = {t for c in COMMENTS for t in annotator.segmenter.cut(c)}
    assert len(tokens) > 40
    for token in sorted(tokens):
        assert finder.name_piece[token] == _piece(finder, token)
        assert finder.name_end[token] == _ends_name(finder, token)
    assert any(map(finder.name_piece.__getitem__, tokens))
    assert not all(map(finder.name_piece.__getitem__, tokens))


EVENTS = ["等了70分钟才送到", "下单半小时就送到了", "等了一个多小时", "很快就送到了", "送餐很快",
          "到了以后发现少了一个", "第二天就到了", "三天才到", "好评", "等了好久才发货，快递很慢",
          "用了一周就坏了", "收到货第二天就坏了", "排队排了一个小时", "上菜等了半个小时",
          "一个星期才收到", "", "了了了", "等等等等"]


def _every_rule(matcher: EventMatcher, text: str) -> list:
    return apart([(m.start(), order, m.end(), factor)
                  for order, (pattern, factor, _) in enumerate(matcher.rules)
                  for m in pattern.finditer(text)])


@pytest.mark.parametrize("pack", ["delivery", "catering", "ecommerce", "hotel"])
def test_the_screened_events_are_every_rules_own(pack):
    matcher = EventMatcher(Lexicon.load(pack))
    assert matcher.rules and matcher._screen is not None
    texts = EVENTS + [a + "，" + b for a in EVENTS[:8] for b in EVENTS[8:]]
    found = [matcher.find(t) for t in texts]
    assert found == [_every_rule(matcher, t) for t in texts]
    assert sum(map(bool, found)) >= 3
