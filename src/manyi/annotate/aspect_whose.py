"""A listed word before the part of it that is judged: 教师阵容好强大, 老师责任心超强, 讲课条理很
清楚, 课件的条理性有待加强. The listed word (a product word: 老师 讲课 课件 镜头) names whose the
part is; the part, an unlisted noun of the dictionary, is what the judgement right after it
says something of. The mention is the two words together (教师阵容), filed as the listed word is.

Only where the judgement follows the part at once (after degree and negation words and adverbs:
条理很清楚, 责任心超强): 老师讲课流利很有感染力 names no part, 音质画面都很好 judges two things.
Not a person (老师同学都很好), not a part filed outside the product (用餐体验男服务员), not a
listed word (客服态度, 屏幕分辨率: two listed words, each its own), not a word the customer
does (老师讲的: manyi.annotate.aspects.AspectFinder.acted).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> [(m.term, m.opinion) for m in ex.extract("教师阵容好强大", ["教师", "阵容", "好", "强大"])]
[('教师阵容', '好强大')]
"""

from __future__ import annotations

from typing import Any

from manyi.annotate.aspect_tags import MAX_COMPOUND, NOUN_TAGS

PARTICLE = "的"  # 课件的条理性: whose, said with 的
SUMMED = frozenset({"都", "全", "均"})  # words that sum up several things judged (音质画面都很好)


def judged_part(extractor: Any, tokens: list[str], i: int, last: int) -> int:
    """The end (a token index) of the unlisted noun after the listed product word at ``i``
    that the judgement right after it judges, 0 when there is none (see the module
    docstring); ``extractor``: a FactorExtractor (its lexicon, aspect finder and roles)."""
    k = i + 1
    if k < last and tokens[k] == PARTICLE:
        k += 1
    finder, terms = extractor.finder, extractor.lexicon.terms
    end = k
    while end < last and end - k < MAX_COMPOUND and tokens[end] not in terms \
            and finder.kind(tokens[end]) == 2 and finder.tag(tokens[end]) in NOUN_TAGS:
        end += 1
    if end == k or finder.file_term(tokens[k:end])[0].dimension != "product":
        return 0  # (用餐体验男服务员: a person of the service, no part of the meal)
    judged = end
    skips = finder._skips
    while judged < last and judged - end < 3 and skips[tokens[judged]]:
        if tokens[judged] in SUMMED:
            return 0  # 音质画面都很好: two things judged together, no part of one
        judged += 1  # 条理 很 清楚, 责任心 也 很 强
    if judged >= last:
        return 0
    role = extractor._role_cache[tokens[judged]]
    return end if role is not None and role[0] is not None else 0
