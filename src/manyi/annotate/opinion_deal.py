"""How a gift or a promotion named without an opinion is read: a plus of the deal (送了小样,
趁活动买的), a minus after a negation (没有赠品) or before a word that it cannot be used or
was not given (优惠券用不了, 红包根本不能用, 赠品到现在都没给) — a mixin of
:class:`~manyi.annotate.opinions.ClauseOpinions`.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> extractor = FactorExtractor(Lexicon.load("delivery"))
>>> [m.lexicon_score < 0 for m in extractor.extract("优惠券用不了", ["优惠券", "用", "不了"])]
[True]
"""

from __future__ import annotations

from typing import Any

from manyi.annotate.opinion_scale import NEGATED_SCALE
from manyi.annotate.opinion_word import Opinion

DEAL_SCORE = 0.5  # a gift or a promotion named: a mild plus of the deal
# Words that a thing cannot be used (优惠券 用不了), as one token or 用 + 不了 / 不上.
UNUSABLE = frozenset({"用不了", "用不上", "没法用", "不能用", "不可用", "无法使用", "不能使用"})
# read past, as rules.toml's fillers (红包根本不能用, 赠品到现在都没给)
PAST = frozenset({"根本", "完全", "一直", "至今", "到", "现在", "到现在", "迟迟", "就是"})
# … and given: not given, sent or made good (赠品到现在都没给, 说好的赠品一直没发, 优惠没兑现)
NOT_GIVEN = frozenset({"没给", "没发", "没送", "没有给", "没有发", "没有送"})
GIVING = frozenset({"给", "发", "送", "兑现"})


class DealReading:
    """Mixin: needs ``rules`` and ``_modifiers`` (FactorExtractor)."""

    rules: Any
    _modifiers: dict

    def _unusable(self, tokens: list[str], index: int) -> int:
        """Index of the last word saying that the thing at ``index`` cannot be used or was
        not given, past fillers (优惠券 用 不了, 红包 根本 不能 用, 赠品 到 现在 都 没 给),
        else −1."""
        j, fillers = index + 1, self.rules.fillers
        while j < len(tokens) and (tokens[j] in fillers or tokens[j] in PAST):
            j += 1
        if j < len(tokens) and (tokens[j] in UNUSABLE or tokens[j] in NOT_GIVEN):
            return j
        if j + 1 < len(tokens) and tokens[j] in ("没", "没有", "还没", "还没有") \
                and tokens[j + 1] in GIVING:
            return j + 1
        if j + 1 < len(tokens) and (
                tokens[j] in self.rules.unable and tokens[j + 1] in ("用", "使用")
                or tokens[j] in ("用", "抢", "领") and tokens[j + 1] in ("不了", "不上", "不到")):
            return j + 1  # (红包 抢 不到, 优惠券 领 不了: never had)
        return -1

    def _deal(self, tokens: list[str], starts: list[int], index: int, first: int) -> Opinion:
        """A gift or a promotion named without an opinion: a plus of the deal (送了小样,
        趁活动买的); a minus after a negation (没有赠品) or before a word that it cannot be used
        (优惠券用不了)."""
        unusable = self._unusable(tokens, index)
        if unusable > index:
            return Opinion(unusable, starts[index], starts[unusable] + len(tokens[unusable]),
                           tokens[unusable], -DEAL_SCORE, False, 1.0)
        negated = index > first and self._modifiers.get(tokens[index - 1], ("",))[0] == "neg"
        start = starts[index - 1] if negated else starts[index]
        score = DEAL_SCORE * (-NEGATED_SCALE if negated else 1.0)
        return Opinion(index, start, starts[index] + len(tokens[index]), tokens[index], score,
                       negated, 1.0)
