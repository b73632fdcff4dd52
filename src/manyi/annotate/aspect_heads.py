"""A thing's attribute named with 的 between the thing and the head (issue #19): 每节课的时间
都比较短, 网络学习的时间比较自由, 开机的时间很长, 讲述的方式很单调.

A head word of the packs' ``attribute_heads`` (时间 方式 速度 体系 进度 …) names an attribute
of what stands before it (学习时间, 学习方式: :meth:`~manyi.annotate.aspects.AspectFinder.subject`).
With 的 between them it still does, and the term is the whole (每节课的时间, 学习的时间), as the
annotators of course reviews write it: after a noun (每节课, 网络) or a verb of two characters or
more that names an act of the thing or its maker (开机 讲述 呈现) — so not the customer's
own acts of one character (用的时间长了, 等的时间太长, 看的时间: how long the customer did
something, no attribute; a two-character one, 等待的时间, is not told apart), nor one of
rules.toml ``customer_acts``, nor a verb form (用完的时间, 到了的时间). The corpus pass
(manyi.annotate.prepass, ``AspectFinder.acts_judged`` off) does not read them: it learns words,
and a phrase with 的 is none.

>>> from manyi.annotate.aspects import AspectFinder
>>> from manyi.text.lexicon import Lexicon
>>> finder = AspectFinder(Lexicon.load("education"))
>>> whose_head(finder, ["网络", "学习", "的", "时间"], 0, 3)
(1, 4)
>>> whose_head(finder, ["用", "的", "时间"], 0, 2) is None
True
"""

from __future__ import annotations

from typing import Any  # an aspects.AspectFinder (imported there: no cycle)

from manyi.annotate.aspect_tags import MAX_CHARS, VERB_FORMS

PARTICLE = "的"


def whose_head(finder: Any, tokens: list[str], first: int, j: int) -> tuple[int, int] | None:
    """Token range ``[a, b)`` of the head word at ``j`` with the noun or act before its 的
    (see the module docstring), else None; ``finder``: the aspect finder."""
    at = j - 2
    if at < first or tokens[j - 1] != PARTICLE or not finder.acts_judged:
        return None  # (the corpus pass learns words, not phrases with 的: acts_judged off)
    word = tokens[at]
    kind = finder.kind(word)
    if kind == 2:
        start = finder._compound(tokens, first, at)[0]  # 每节课 的 时间
    elif kind == 1 and len(word) >= 2 and not VERB_FORMS.search(word) \
            and word not in finder.rules.customer_acts and not finder.takes_object(word):
        start = at  # 讲述 的 方式; not 用 的 时间 (the customer's act)
    else:
        return None
    if sum(map(len, tokens[start:j + 1])) > MAX_CHARS + 1:
        return None
    return start, j + 1
