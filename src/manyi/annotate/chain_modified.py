"""Things named each after its own judgement, chained without punctuation: 非常充实的内容认真的
老师精辟的导引, 热情的服务美味的菜品实惠的价格. Read as one clause, each noun takes the
judgement after it (服务 美味, 菜品 实惠), though that judgement is said of the next noun.

A clause is cut before a judgement said with 的 of the noun after it (认真的 老师) where the
word before it is a noun said, with 的, after a judgement of its own (充实的 内容): 非常充实的内容 |
认真的老师 | 精辟的导引. Not where the noun before has no judgement of its own (老师认真的态度:
认真 is the teacher's, said of 态度).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> text = "热情的服务美味的菜品实惠的价格"
>>> [(m.term, m.opinion) for m in ex.extract(text, ["热情", "的", "服务", "美味", "的", "菜品",
...                                                  "实惠", "的", "价格"])]
[('服务', '热情'), ('菜品', '美味'), ('价格', '实惠')]
"""

from __future__ import annotations

from typing import Any

OF = "的"


def modified_cuts(roles_of: Any, tokens: list[str], candidates: list[int],
                  judging: Any) -> list[int]:
    """The token indices to cut before (see the module docstring); ``roles_of``: the
    extractor (its aspect finder), ``candidates`` the indices of the opinion words and bare
    adjectives, ``judging(i)``: whether token ``i`` judges."""
    if len(candidates) < 2:  # (the caller reads it only where 的 stands twice)
        return []
    kind = roles_of.finder.kind
    n = len(tokens)
    out = []
    for k in candidates:
        if 3 <= k < n - 2 and tokens[k + 1] == OF and tokens[k - 2] == OF \
                and kind(tokens[k + 2]) and kind(tokens[k - 1]) == 2 \
                and judging(k) and judging(k - 3):
            out.append(k)
    return out
