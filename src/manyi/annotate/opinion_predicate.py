"""Where a word judges only in some places: as the clause's predicate (大小刚好,
质量可以的, 尺码标准), after a thing it says is unclear (指示牌不清楚), and not after an act
of handling it (客服处理投诉很及时: 投诉 is what was handled) — a mixin of
:class:`~manyi.annotate.opinions.ClauseOpinions`.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> said = FactorExtractor(Lexicon.load())._as_predicate
>>> said(["大小", "刚好"], 1, 0, 2), said(["刚好", "赶上"], 0, 0, 2)
(True, False)
"""
from __future__ import annotations

from typing import Any

PLAIN_NEGATIONS = frozenset({"不", "没", "没有", "无", "未", "非", "别"})  # (not 不太: a degree)
ASKING = frozenset({"吗", "么", "不"})  # 可以吗, 可以不: asked, not said
ONLY_THEN = frozenset({"就", "才"})  # 换货就可以了, 才可以: what a condition needs


class PredicateReading:
    """Mixin: needs ``rules``, ``lexicon`` and ``finder`` (FactorExtractor)."""

    rules: Any
    lexicon: Any
    finder: Any

    def _as_predicate(self, tokens: list[str], i: int, first: int, last: int) -> bool:
        """Whether a word that judges only as the clause's predicate (rules.toml
        ``predicate_only``) is one here: at the clause's end or before a particle (大小刚好,
        质量可以的); not asked (可以吗), nor what a condition needs (换货就可以了, 才可以)."""
        if i + 1 < last and (tokens[i + 1] not in self.rules.particles
                             or tokens[i + 1] in ASKING):
            return False
        return i == first or tokens[i - 1] not in ONLY_THEN

    def _handled(self, token: str) -> bool:
        """Whether a complaint word after a handling act is what was handled: a noun or a
        verb no pack files under a factor (处理投诉, 处理差评; not 处理慢, nor 盗刷 故障: the
        problem itself, filed)."""
        lexicon = self.lexicon
        return lexicon.opinions.get(token, 0.0) < 0 and token not in lexicon.terms \
            and token not in lexicon.cues and self.finder is not None \
            and self.finder.tag(token)[:1] in ("n", "v", "")  # (差评: a word of no dictionary)

    def _unclear_thing(self, tokens: list[str], i: int, first: int, last: int,
                       parse: tuple) -> bool:
        """Whether a negated degree_only word closes its clause right after a thing named
        (指示牌不清楚, 图片也不清楚: a judgement; not 我也不清楚, 具体不清楚: "do not know")."""
        j = i - (tokens[i] == parse[2])  # (不 清楚, or 不清楚 glued)
        if not parse[0] and not (first <= j < i and tokens[j] in PLAIN_NEGATIONS) \
                or not self._as_predicate(tokens, i, first, last):
            return False
        j -= 1
        while j > first and tokens[j] in self.rules.fillers:
            j -= 1
        return j >= first and (tokens[j] in self.lexicon.terms or self.finder is not None
                               and self.finder.kind(tokens[j]) == 2)

    def _said_of_term(self, tokens: list[str], i: int, first: int, last: int) -> bool:
        """Whether a word that judges only after a degree word, one that may also judge as
        the predicate (both lists of rules.toml), closes its clause right after a listed term
        (尺码标准, 颜色也正; not 国家标准, 手机卡)."""
        if tokens[i] not in self.rules.predicate_only:
            return False
        j = i - 1
        while j > first and tokens[j] in self.rules.fillers:
            j -= 1
        return j >= first and tokens[j] in self.lexicon.terms \
            and self._as_predicate(tokens, i, first, last)
