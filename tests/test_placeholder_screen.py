"""The placeholder screen answers as the patterns do: it only skips texts that cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manyi.text.lexicon import Lexicon
from manyi.text.normalize import opinion_core
from manyi.text.placeholder_screen import PlaceholderScreen, needed_starts, needed_words

SHIPPED = [p.pattern for p in Lexicon.load().placeholders]
PLAIN = re.compile("|".join(f"(?:{p})" for p in SHIPPED))  # the patterns without a screen


@pytest.mark.parametrize("comment, placeholder", [
    ("此用户没有填写评价。", True),
    ("该用户未填写评价内容", True),
    ("（此用户未做出文字评论）", True),
    ("该用户觉得商品较好，未填写评价内容", True),
    ("评价方未及时做出评价,系统默认好评!", True),
    ("15天内买家未作出评价，系统默认好评", True),
    ("默认好评", True),
    ("好评！好评！好评！", True),
    ("暂无意见", True),
    ("N/A", True),
    ("000", True),
    ("好评", False),
    ("默认好评吧，东西还行", False),
    ("没有想象中的好", False),
    ("无语，质量太差了", False),
    ("用户体验很差", False),
    ("五星好评，物流很快", False),
    ("评价一下：很好用", False),
    ("质量很好，下次还来", False),
])
def test_is_placeholder_answers_as_the_patterns_do(comment, placeholder):
    core = opinion_core(comment)
    assert Lexicon.load().is_placeholder(core) is placeholder
    assert (PLAIN.fullmatch(core) is not None) is placeholder


@pytest.mark.parametrize("pattern, words, starts", [
    (r"^(系统)?(默认|自动)(好评|评价)$", {"默认", "自动"},
     {a + b + c for a in ("", "系统") for b in ("默认", "自动") for c in ("好评", "评价")}),
    (r"^(.{0,16}未评价)?默认好评$", {"默认好评"}, None),
    (r"^((五星)?好评[。!！]*){2,}$", {"好评"}, {"五星好评", "好评"}),
    (r"^(无|没有|暂无|无意见)$", {"无", "没有"}, {"无", "没有", "暂无"}),
    (r"^(?i:none|null)$", None, None),            # case-blind: no literal words
    (r"(?i)默认好评", None, None),
    (r"^[-—_/\\.。·…\s0]+$", None, None),          # a class with \s: nothing certain
    (r"^(好评|.*)$", None, None),                   # a choice with a branch of anything
    (r"^[^好]{2}评价$", {"评价"}, None),
])
def test_needed_words_and_starts(pattern, words, starts):
    assert needed_words(pattern) == (None if words is None else frozenset(words))
    assert needed_starts(pattern) == (None if starts is None else frozenset(starts))


@pytest.mark.parametrize("pattern", SHIPPED)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_text_a_shipped_pattern_matches_passes_the_screen(pattern, data):
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    assert PlaceholderScreen([pattern]).matches(text)
    assert PlaceholderScreen(SHIPPED).matches(text)
