"""Which opinion a listed word takes when a clause chains several judgements without a mark:
each judgement takes the word just before it. A listed word takes the next opinion within a
few tokens, else the nearest before it (:func:`manyi.annotate.opinions.nearest`); but an
opinion before the word that has a subject of its own before it (the aspect finder's
:meth:`~manyi.annotate.aspects.AspectFinder.subject`) is that subject's: the word takes the
next opinion after it, or none. 知识很全面老师讲课也很容易接收: 很全面 is said of 知识, not of
老师 nor of 讲课 (which take 很容易接收, or nothing); 硬盘有点毛病找客服不给办理: the disk has
the fault, not the service.

Unchanged: an opinion that qualifies the word (很好的手机, 最好的4星级酒店, 好酒店; 国产垃圾产品:
bare, right before it) or says how the act it names is done (耐心处理, 主动提醒), one that is a
verb, whose object is what it judges (客户来电表扬网点: the branch is praised, not the caller),
and a word with an opinion of its own right after it (物流很快包装很好, 价格实惠质量好).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> tokens = ["知识", "很", "全面", "老师", "讲课", "也", "很", "容易", "接收"]
>>> sorted((m.term, m.opinion) for m in ex.extract("知识很全面老师讲课也很容易接收", tokens))
[('知识', '很全面'), ('老师', ''), ('讲课', '很容易接收')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from manyi.annotate.aspect_tags import VERB_TAGS
from manyi.annotate.opinions import Opinion, nearest


def taken(finder: Any, tokens: list[str], first: int, last: int, index: int,
          opinions: list[Opinion]) -> Opinion | None:
    """The opinion the listed word at token ``index`` takes (see the module docstring);
    ``finder``: the aspect finder (None: :func:`nearest` alone)."""
    opinion = nearest(index, opinions)
    # (most: no opinion, or one after the word; none before the opinion to be its subject)
    if opinion is None or opinion.index > index or opinion.index <= first or finder is None \
            or finder.tag(opinion.word) in VERB_TAGS:  # (客户表扬网点: its object is judged)
        return opinion
    if "的" in tokens[opinion.index + 1:index] or opinion.index + 1 == index and (
            len(tokens[opinion.index]) == 1 or finder.tag(tokens[index]) in VERB_TAGS
            or opinion.degree == 1 and not opinion.negated):
        return opinion  # 最好的4星级酒店, 好酒店, 垃圾产品, 耐心处理: what the opinion qualifies
    span = finder.subject(tokens, first, last, opinion.index)
    if span is None or span[1] > opinion.index:
        return opinion  # (很好的手机: the word itself)
    return next((o for o in opinions if o.index > index), None)


def compared_in(opinions: Iterable[Any], starts: list[int], index: int) -> bool:
    """Whether the token at ``index`` lies inside an opinion's own words, before the word
    itself: what a thing is compared with (没有顺丰快: 顺丰; 不如隔壁家好吃: 隔壁家)."""
    at = starts[index]
    return any(o.start <= at and index < o.index for o in opinions)
