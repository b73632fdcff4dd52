"""A scale word said after what an attribute is compared with judges the attribute before 比:
价格也比别家高 is a complaint about the price, 手续费比别家低 and 续航比上一代长 praise — not
what is compared with (别家, 上一代), which has no direction of its own.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [(m.term, m.opinion, m.lexicon_score < 0) for m in ex.extract(
...     "价格也比别家高", ["价格", "也", "比", "别家", "高"])]
[('价格', '高', True)]
"""

from __future__ import annotations

from typing import Any  # an opinions reader (the factor extractor: no cycle)

MUCH = frozenset({"很多", "好多", "得多", "许多"})  # "much": 好很多, 轻很多 (no scale word)
COMPARED_WORDS = 3  # words of what is compared with, between 比 and the scale word


def attribute_at(reader: Any, tokens: list[str], first: int, j: int) -> int:
    """Index of the word a scale word's attribute may be, from ``j`` back past modifiers and
    fillers (速度 in 速度也很快)."""
    while j > first and (tokens[j] in reader._modifiers or tokens[j] in reader.rules.fillers):
        j -= 1
    return j


def compared_attribute(reader: Any, tokens: list[str], first: int, j: int) -> int:
    """Index of the attribute before a comparison marker found back from ``j`` (耗电 in
    耗电比以前快), ``first - 1`` when there is none."""
    k = next((k for k in range(j, max(first, j - COMPARED_WORDS) - 1, -1)
              if tokens[k] in reader.rules.comparison_markers), first)
    return attribute_at(reader, tokens, first, k - 1) if k > first else first - 1


def compared_scale(reader: Any, tokens: list[str], i: int, stop: int) -> int:
    """Index of the scale word after the comparison marker at ``i`` and what is compared
    with (比 别家 高, 比 别家 更高), −1 when none: not past a second thing, a judgement or
    another scale word (价格比苹果优势太大了, 比M2轻很多)."""
    bare, rules = reader.rules.bare_adjectives, reader.rules
    prefix = reader._prefix_cache
    k = next((k for k in range(i + 2, min(stop, i + 2 + COMPARED_WORDS))
              if tokens[k] not in MUCH and (tokens[k] in bare or tokens[k][
                  prefix[tokens[k]]:] in bare)), -1)  # (更高: the degree word glued)
    if k < 0:
        return -1
    between = tokens[i + 1:k]  # what is compared with: one thing at most, no opinion
    scales, finder = reader._opinion_screens.scales, reader.finder
    if any(t in rules.comparison_markers or t in scales or t in reader.lexicon.opinions
           for t in between) or (finder is not None
                                 and sum(finder.kind(t) == 2 for t in between) > 1):
        return -1
    return k
