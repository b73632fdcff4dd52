"""Quick tests and per-comment look-ups made lean give the same answers (issue #24, round 24):
an event rule whose word list holds a word of letters (EMS, 快递, 物流 …在路上走了三天) is
screened by its words' first characters and still finds every event its pattern finds; the
later-clause rule's memo of name ends is its word test (点了可乐，鸡翅，汉堡，味道不错 still
judges 鸡翅 and 汉堡); the patterns kept for the ease words, the belief marks (本以为) and the
contrast words (但是) follow the words each call is given."""

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


# -- the later-clause rule's quick test (aspect_later) ----------------------------------------

@pytest.fixture(scope="module")
def catering():
    from manyi.annotate.factors import FactorExtractor
    from manyi.text.segment import Segmenter

    lexicon = Lexicon.load("catering")
    segmenter = Segmenter(lexicon)
    return FactorExtractor(lexicon, tagger=segmenter.tag), segmenter


def test_the_memo_of_name_ends_is_the_test_of_each_word(catering):
    from manyi.annotate.aspect_later import _thing_end, _thing_ends

    extractor, segmenter = catering
    finder = extractor.finder
    texts = ("点了可乐，鸡翅，汉堡，味道不错", "三文鱼 条", "金针菇等配菜，还有“海神卷”",
             "服务很好，环境一般，下次还来")
    words = {w for text in texts for w in segmenter.cut(text)}
    ends = _thing_ends(finder)
    assert ends is _thing_ends(finder)  # (one memo a finder)
    assert [ends[w] for w in sorted(words)] == [_thing_end(finder, w) for w in sorted(words)]
    assert any(ends[w] for w in words) and not all(ends[w] for w in words)


@pytest.mark.parametrize("text, judged", [
    ("点了可乐，鸡翅，汉堡，味道不错", {"鸡翅", "汉堡"}),
    ("点了三文鱼条，纳豆，味道还行", {"纳豆"}),
])
def test_a_run_of_names_is_still_judged_later(catering, text, judged):
    extractor, segmenter = catering
    found = {m.term for m in extractor.extract(text, segmenter.cut(text)) if m.opinion}
    assert judged <= found


def test_a_comment_of_one_clause_is_not_read_for_names_before(catering, monkeypatch):
    from manyi.annotate import aspect_later, factors

    extractor, segmenter = catering
    asked = []
    monkeypatch.setattr(factors, "judged_later", lambda *a: asked.append(a) or a[-1])
    monkeypatch.setattr(aspect_later, "_thing_ends", lambda finder: asked.append(0))
    for text in ("鸡翅味道不错", "很好吃"):
        extractor.extract(text, segmenter.cut(text))
    assert not asked


# -- the ease rule's quick test (aspect_ease) ---------------------------------------------

def test_the_ease_test_reads_the_words_of_the_rules_it_is_given():
    from types import SimpleNamespace

    from manyi.annotate.aspect_ease import may_ease

    none = frozenset()
    easy = SimpleNamespace(easing=frozenset({"方便"}), hindering=none, points=none)
    hard = SimpleNamespace(easing=none, hindering=frozenset({"费劲"}), points=none)
    for _ in range(2):  # (each asked in turn: the pattern kept is the last rules')
        assert may_ease(easy, "携带很方便") and not may_ease(easy, "安装很费劲")
        assert may_ease(hard, "安装很费劲") and not may_ease(hard, "携带很方便")
    easy.easing = frozenset({"省事"})  # (the same rules, other words: read again)
    assert may_ease(easy, "安装很省事") and not may_ease(easy, "携带很方便")


def test_a_belief_mark_is_found_by_one_search(catering):
    extractor = catering[0]
    marks = {"以为", *extractor.rules.mistaken}
    for mark in marks:
        assert extractor._belief_marks.search(f"本来{mark}会很好")
    assert not extractor._belief_marks.search("味道很好，下次再来")
    tokens = ["味道", "很", "好"]
    extractor.analyse("味道很好", tokens)
    assert extractor._unbelieving is tokens  # (no clause looks for a belief)


def test_clauses_are_cut_at_the_contrast_words_given_each_time():
    from manyi.text.segment import split_clauses

    text = "味道很好但是有点贵，不过服务好"
    but, though = frozenset({"但是"}), frozenset({"不过"})
    for _ in range(2):  # (each asked in turn: the pattern kept is the last word set's)
        assert split_clauses(text, but) == [(0, 4), (4, 9), (10, 15)]
        assert split_clauses(text, though) == [(0, 9), (10, 15)]
        assert split_clauses(text, {"但是"}) == [(0, 4), (4, 9), (10, 15)]  # (a set: not kept)
