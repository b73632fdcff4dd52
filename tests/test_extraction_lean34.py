"""Quick tests made tighter give the same answers (issue #24, round 24): an event rule whose
word list holds a word of letters (EMS, 快递, 物流 …在路上走了三天) is screened by its words'
first characters, and still finds every event its pattern finds."""

from __future__ import annotations

import pytest

from manyi.annotate.events import EventMatcher, _needed, apart
from manyi.text.lexicon import Lexicon


def test_a_word_of_letters_screens_by_its_first_letter():
    assert _needed("(?:EMS|快递)走了") == [frozenset("E快"), frozenset("走"), frozenset("了")]
    # a case-blind pattern, or a word that is regex syntax, gives no part
    assert _needed("(?i)(?:EMS|快递)走了") == [frozenset("走"), frozenset("了")]
    assert _needed(r"(?:\d|快递)走了") == [frozenset("走"), frozenset("了")]


LOGISTICS = ["EMS在路上走了三天", "EMS走了一周才到", "ems走了三天", "快递走了五天", "货走了一周",
             "走了三天", "物流很快", "了了了", "E了", "顺丰路上跑了两天", "好评"]


@pytest.mark.parametrize("pack", ["ecommerce", "delivery"])
def test_a_rule_of_letters_finds_what_its_pattern_finds(pack):
    matcher = EventMatcher(Lexicon.load(pack))
    lettered = [order for order, (pattern, _, needs) in enumerate(matcher.rules)
                if "EMS" in pattern.pattern]
    assert lettered and all(any("E" in need for need in matcher.rules[order][2])
                            for order in lettered)
    texts = LOGISTICS + [a + "，" + b for a in LOGISTICS for b in LOGISTICS]
    found = [matcher.find(t) for t in texts]
    every = [apart([(m.start(), order, m.end(), factor)
                    for order, (pattern, factor, _) in enumerate(matcher.rules)
                    for m in pattern.finditer(t)]) for t in texts]
    assert found == every
    assert any(found)
