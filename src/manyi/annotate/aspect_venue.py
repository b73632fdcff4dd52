"""The place itself, named by a word of no thing of its own and judged: 地方比较局促, 地方很好
找, 这地方很干净.

地方 is "a spot" or "a respect" in most comments (有的地方没缝好, 不好的地方, 需要改进的地方):
rules.toml keeps it among ``not_aspects``. In a review of a place one goes to (the catering and
hotel packs' ``venues``), the word opening its clause, alone or after a demonstrative, and
judged right there is the place (地方很大很宽敞, 这个地方很难找); not after 的 or 有的 (不满意
的地方, 有的地方不干净: a respect, a spot), nor with a noun before it (停车的地方: the
parking's). The corpus pass (``AspectFinder.acts_judged`` off) does not read it: a word it
learns is a noun wherever it stands, and 地方 is one only here.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> [m.term for m in ex.extract("地方比较局促", ["地方", "比较", "局促"]) if m.opinion]
['地方']
"""

from __future__ import annotations

from typing import Any  # an aspects.AspectFinder (imported there: no cycle)

from manyi.annotate.aspect_tags import DEMONSTRATIVE


def venue(finder: Any, tokens: list[str], first: int, j: int) -> tuple[int, int] | None:
    """``(j, j + 1)`` when the token at ``j``, the last before an opinion past its modifiers,
    is a word of the pack's ``venues`` that opens its clause, alone or after one demonstrative
    (地方 很 大, 这个 地方 很 干净); else None."""
    if tokens[j] not in finder.rules.venues or not finder.acts_judged:
        return None  # (the corpus pass learns words, not places: 地方 stays no noun elsewhere)
    if j == first or (j - 1 == first and DEMONSTRATIVE.match(tokens[first])):
        return j, j + 1
    return None
