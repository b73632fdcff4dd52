"""Per-comment work cut, the same answers (issue #24, round 25):

* the pattern kept for the last word sets (the ease words 方便 容易, the contrast words 但是)
  is asked again, through a plain function, without a set compared or built (an equal copy
  of the same words reuses it; other words build another);
* a comment whose text holds no comparison's negation (没有 不如) nor 有没有 is told so once,
  its clauses not scanned token by token for one (质量没有以前好 still a complaint);
* the event rules a comment's screened characters reach are kept per set of characters
  (等了70分钟才送到 and every other event still found as each rule's own pattern finds it);
* a clause that ends on no thing (吃完了，味道还可以) is not read for a name the clause after
  judges (咖喱排骨，咖喱味道不错 still is);
* praise that closes its clause after no 就 会 更 and asks for no more (质量很好) is not asked
  whether it is wished for (再便宜点, 能送些配件就好了 still are)."""

from __future__ import annotations

import re

import pytest

from manyi.annotate.memo import last_of


class _Counted:
    """A compute that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *sets: frozenset) -> str:
        self.calls += 1
        return "|".join(sorted(frozenset().union(*sets)))


EASE = frozenset({"方便", "容易"})
HARD = frozenset({"不易", "不便"})


@pytest.mark.parametrize(("asked", "computed"), [
    ([(EASE, HARD), (EASE, HARD)], 1),  # the same sets: built once
    ([(EASE, HARD), (frozenset([*EASE]), frozenset([*HARD]))], 1),  # equal copies
    ([(EASE, HARD), (set(EASE), HARD)], 1),  # (a mutable copy of the same words too)
    ([(EASE, HARD), (EASE | {"便于"}, HARD)], 2),  # another word: built again
    ([(EASE, HARD), (HARD, EASE)], 2),  # (the sets' order is part of the key)
    ([(EASE,), (EASE, HARD), (EASE,)], 3),  # another number of sets: built again
])
def test_the_last_sets_pattern_is_kept(asked, computed):
    compute = _Counted()
    last = last_of(compute)
    values = [last(*sets) for sets in asked]
    assert compute.calls == computed
    assert values == [compute(*sets) for sets in asked]  # (each the words' own pattern)


def test_the_kept_pattern_is_asked_as_a_plain_function():
    from types import FunctionType

    # (an object's __call__ costs a slot look-up and a bound method each call: two a comment)
    assert type(last_of(_Counted())) is FunctionType


def test_the_ease_test_follows_the_words_of_the_rules():
    from types import SimpleNamespace

    from manyi.annotate.aspect_ease import may_ease

    rules = SimpleNamespace(easing=EASE, hindering=HARD, points=frozenset({"重点"}))
    assert [may_ease(rules, t) for t in ("携带很方便", "不便携带", "重点突出", "很好吃")] == \
        [True, True, True, False]
    copied = SimpleNamespace(easing=frozenset([*EASE]), hindering=frozenset(), points=frozenset())
    assert [may_ease(copied, t) for t in ("携带很方便", "不便携带", "重点突出")] == \
        [True, False, False]


# -- the comparison screen read once a comment (opinions._opinions) ---------------------------

@pytest.fixture(scope="module")
def ecommerce():
    from manyi.annotate.factors import FactorExtractor
    from manyi.text.lexicon import Lexicon
    from manyi.text.segment import Segmenter

    lexicon = Lexicon.load("ecommerce")
    segmenter = Segmenter(lexicon)
    return FactorExtractor(lexicon, tagger=segmenter.tag), segmenter


COMPARED = [  # (comment, whether its text holds a comparison's negation or 有没有)
    ("质量没有以前好了", True),
    ("京东物流没有顺丰快", True),
    ("完全没有我想象中的好", True),
    ("效果有没有说的那么好，不知道", True),
    ("不如实体店的好看", True),
    ("屏幕比不上苹果清晰", True),
    ("质量很好，物流也快", False),
    ("不太好用，客服态度差", False),
    ("东西不错，包装很好", False),
]


@pytest.mark.parametrize(("text", "compared"), COMPARED)
def test_a_comment_without_a_comparison_is_told_once(ecommerce, text, compared):
    extractor, segmenter = ecommerce
    tokens = segmenter.cut(text)
    found = extractor.extract(text, tokens)
    assert (extractor._uncompared is None) == compared
    # the same mentions with the screen off (every clause tested token by token)
    screen = extractor._opinion_screens.comparing
    extractor._opinion_screens.comparing = re.compile("")
    try:
        assert extractor.extract(text, tokens) == found
    finally:
        extractor._opinion_screens.comparing = screen


def test_comparisons_are_still_read(ecommerce):
    extractor, segmenter = ecommerce
    scores = [[m.lexicon_score < 0 for m in extractor.extract(t, segmenter.cut(t)) if m.opinion]
              for t in ("质量没有以前好了", "完全没有我想象中的好", "质量很好")]
    assert scores == [[True], [True], [False]]


# -- the event rules a comment's characters reach, kept per set of characters (events) --------

EVENTS = ["等了70分钟才送到", "下单半小时就送到了", "两天就到了，就是送错了一盒",
          "快递走了五天才到", "第二天就送到了，少给了一双筷子", "排了一个小时的队", "没怎么排队",
          "几秒钟就批了",
          "送了两个小时还没到", "好评", "EMS在路上走了三天，漏送了一份"]


@pytest.mark.parametrize("pack", ["ecommerce", "delivery", "catering", "hotline"])
def test_the_rules_reached_are_kept_per_set_of_characters(pack):
    from manyi.annotate.events import EventMatcher, apart
    from manyi.text.lexicon import Lexicon

    matcher = EventMatcher(Lexicon.load(pack))
    texts = EVENTS + [a + "，" + b for a in EVENTS for b in EVENTS]
    found = [matcher.find(t) for t in texts]
    every = [apart([(m.start(), order, m.end(), factor)
                    for order, (pattern, factor, _) in enumerate(matcher.rules)
                    for m in pattern.finditer(t)]) for t in texts]
    assert found == every and any(found)
    kept = matcher._orders  # (a text of several screened characters: its rules kept once)
    assert kept and all(orders == sorted({o for ch in chars for o in matcher._by_char[ch]})
                        for chars, orders in kept.items())


# -- the clause before read for a thing at its end first (aspect_named.named_before) ----------

NAMED = [  # (comment, the name the clause after judges, or None; whether a name is read)
    ("咖喱排骨，咖喱味道不错", "咖喱排骨", True),
    ("“海神卷”，造型很漂亮", "海神卷", True),
    ("酸菜鱼58元，呢个比较好吃", "酸菜鱼", True),
    ("咖喱蟹，要的中份的，量还可以", "咖喱蟹", True),  # (past a clause naming nothing)
    ("送货很快，味道不错", None, False),  # the clause before ends on no thing
    ("吃完了，味道还可以", None, False),
    ("还会再来，菜品不错", None, False),
    ("第一次来吃，味道很好", None, False),
    ("上菜有点慢，口感还可以", None, False),
]


@pytest.mark.parametrize(("text", "named", "read"), NAMED)
def test_a_clause_ending_on_no_thing_is_not_read_for_a_name(monkeypatch, text, named, read):
    from conftest import extractor_for

    from manyi.annotate import aspect_named

    calls = []
    reading = aspect_named.name_span
    monkeypatch.setattr(aspect_named, "name_span",
                        lambda *a, **k: calls.append(a[2:4]) or reading(*a, **k))
    found = {(m.term, m.dimension) for m in extractor_for("catering")(text)}
    assert bool(calls) == read
    assert named is None or (named, "product") in found, found


def test_the_first_reading_is_the_names():
    from manyi.annotate.aspect_named import _name_end, name_span
    from manyi.annotate.factors import FactorExtractor
    from manyi.text.lexicon import Lexicon
    from manyi.text.segment import Segmenter

    lexicon = Lexicon.load("catering")
    segmenter = Segmenter(lexicon)
    finder = FactorExtractor(lexicon, tagger=segmenter.tag).finder
    for text in ("还有鲍鱼", "陈皮骨（例）", "“海神卷”", "牛肉馅饼28元一个", "送货很快",
                 "厚厚的三文鱼刺身", "今天中午", "还会再来", "点了一份酸菜鱼，"):
        tokens = segmenter.cut(text)
        ends = _name_end(finder, tokens, 0, len(tokens))
        span = name_span(finder, tokens, 0, len(tokens))
        assert ends is not None or span is None, text  # (no thing at the end: no name)
        assert span is None or ends[0] <= span[0] <= span[1] <= ends[1], text


# -- a wish's first tests read before the call (opinions._wished) -----------------------------

WISHED = [  # (tokens, whether the praise is wished for, whether _wished is asked)
    (["价格", "再", "便宜", "点"], True, True),  # more asked for
    (["物流", "再", "快", "一点"], True, True),
    (["能", "送些", "配件", "就", "好", "了"], True, True),  # a wish's end after 就
    (["要是", "有", "赠品", "就", "更好", "了"], True, True),
    (["用", "了", "一次", "就", "好", "了"], False, True),  # (就好了 with no wish before it)
    (["质量", "很", "好"], False, False),  # praise closing its clause: not asked
    (["物流", "很", "快", "了"], False, False),
    (["包装", "不错"], False, False),
]


@pytest.mark.parametrize(("tokens", "wished", "asked"), WISHED)
def test_praise_that_ends_no_wish_is_not_asked(monkeypatch, tokens, wished, asked):
    from manyi.annotate.factors import FactorExtractor
    from manyi.text.lexicon import Lexicon

    extractor = FactorExtractor(Lexicon.load())
    calls = []
    reading = extractor._wished
    monkeypatch.setattr(extractor, "_wished", lambda *a: calls.append(a) or reading(*a))
    scores = [o.score for o in extractor.extract_opinions(tokens)]
    assert (scores[-1] < 0) == wished, scores
    assert bool(calls) == asked
