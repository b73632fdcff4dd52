"""How a scale word (高 低 大 小 多 少 快 慢 长 短 …) judges: by the direction of the attribute
it measures — more of a desirable one is better (清晰度高, 待机时间长), of an undesirable one
worse (油耗高, 耗电快) — a mixin of :class:`~manyi.annotate.opinions.ClauseOpinions`.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> [FactorExtractor(Lexicon.load()).direction(w) for w in ("油耗", "清晰度", "屏幕")]
[-1, 1, 0]
"""

from __future__ import annotations

from typing import Any

from manyi.annotate.opinion_compared import attribute_at, compared_attribute

NEGATED_SCALE = 0.6  # 不好 is weaker than 差; 不贵 weaker than 便宜
DURATION_SCORE = 1.0  # a scale word of a known attribute (待机长, 油耗高): an opinion word's weight
EXCESS = frozenset({"偏", "过", "太", "过于", "太过"})  # 偏高, 太大: too much
TOO = ("过于", "太过", "过")  # before an adjective: more than one wants (_too)
WEIGHT = frozenset("轻重")  # the scale words of weight: 质量很轻, 份量不轻 weigh, not judge


class ScaleReading:
    """Mixin: needs ``rules``, ``lexicon``, ``finder``, ``_modifiers`` and
    ``_direction_cache`` (FactorExtractor)."""

    rules: Any
    lexicon: Any
    finder: Any
    _modifiers: dict
    _direction_cache: Any

    def _scaled(self, tokens: list[str], first: int, i: int, word: str, weight: float
                ) -> float:
        """``weight`` of the scale word ``tokens[i]`` (快, 慢) turned by the direction of the
        attribute right before it and its modifiers (耗电快 is worse, 速度快 better)."""
        def sign_at(j: int) -> int:  # (not a negated word: 没用过慢的 is "never so slow")
            return self.direction(tokens[j]) if j >= first and tokens[j][0] not in "不没无" else 0

        j = attribute_at(self, tokens, first, i - 1)
        # 耗电比以前快: else the attribute compared, before 比 (opinion_compared)
        sign = sign_at(j) or sign_at(compared_attribute(self, tokens, first, j)) \
            or self._consumed(tokens, first, j, word)
        if not sign:
            return weight
        return abs(weight) * sign * (1 if word in self.rules.scale_up else -1)

    def _consumed(self, tokens: list[str], first: int, j: int, word: str) -> int:
        """−1 when the speed word ``word`` (快 慢) says how fast something is used up: right
        after an act of using up and 得, of a resource (流量用得特别快, 电池掉得很快; rules.toml
        ``consuming``, ``resources``: not 体重掉得很快)."""
        if word not in ("快", "慢") or j < first or not tokens[j].endswith("得"):
            return 0
        v = j if len(tokens[j]) > 1 else j - 1  # the act: 用得, or 用 then 得
        if v <= first or tokens[v].removesuffix("得") not in self.rules.consuming:
            return 0
        return -1 if tokens[v - 1].endswith(tuple(self.rules.resources)) else 0

    def duration(self, words: list[str], opinion: Any, *, too_little: bool = False
                 ) -> Any:
        """``opinion``, a scale word with no lexicon score, scored by what it measures (the
        ``words`` naming it): what lasts is better long (待机时间很长; rules.toml ``lasting``),
        a wait worse (等待时间很长: ``waiting``); any other scale word (高 低 大 小 多 少 …) by the
        attribute's direction (:meth:`direction`: 油耗高 and 清晰度低 worse, 噪音小 better);
        otherwise as it is (the clause model decides). ``too_little``: negated by 不够/不足
        (声音不够大: too little, not "not loud").

        >>> from manyi.annotate.factors import FactorExtractor
        >>> from manyi.annotate.opinions import Opinion
        >>> from manyi.text.lexicon import Lexicon
        >>> extractor = FactorExtractor(Lexicon.load())
        >>> bare = Opinion(1, 2, 3, "高", 0.0, False, 1.0)
        >>> [extractor.duration([w], bare).score for w in ("油耗", "分辨率", "屏幕")]
        [-1.0, 1.0, 0.0]
        """
        if opinion.score:
            return opinion
        word = opinion.word
        if word[0] in "不没" and len(word) > 1:  # 寿命也不长: one token
            opinion, word = opinion._replace(negated=not opinion.negated), word[1:]
        size = word[-1:]
        rules, named = self.rules, "".join(words)
        sign = 0
        if size in ("长", "久", "短"):
            sign = 1 if any(w in named for w in rules.lasting) else \
                -1 if any(w in named for w in rules.waiting) else 0
        if not sign and (size in rules.scale_up or size in rules.scale_down) and (
                len(word) == 1 or word[:-1] in rules.bare_prefixes
                or word[:-1] in self._modifiers):
            sign = self.direction(named)
            if sign > 0 and (word[:-1] in EXCESS and size in rules.scale_up or size in WEIGHT):
                sign = 0  # 分辨率太高: too much of a good thing, the clause model decides
        if size in rules.scale_down:
            sign = -sign
        if not sign and opinion.negated and not too_little and size in rules.scale_up and (
                len(word) == 1 or word[:-1] in self._modifiers) and named.endswith(
                tuple(rules.moderate)):
            sign = -1  # 声音不大: not the loud end of what is complained of at both ends
        if not sign and self._too(word):
            sign = -1  # 理论过多, 过于清淡: more than one wants
        return opinion._replace(score=sign * DURATION_SCORE * opinion.degree * (
            -NEGATED_SCALE if opinion.negated else 1.0)) if sign else opinion

    def _too(self, word: str) -> bool:
        """Whether ``word`` says "too": 过于 or 太过 before an adjective no lexicon scores
        (过于清淡), 过 before a scale word (过大, 过多; not 过硬, 过瘾). Not 偏 or 太, which
        describe or exclaim as often (色调偏暖, 成像偏冷, 太爱这门课了)."""
        too = next((p for p in TOO if word.startswith(p)), "")
        rest = word[len(too):]
        if not too or not rest or self.lexicon.opinions.get(rest) \
                or self.lexicon.opinions.get(word):
            return False
        if too == "过":
            return rest in self.rules.scale_up or rest in self.rules.scale_down
        return len(rest) == 1 or (self.finder is not None
                                  and self.finder.tag(rest).startswith("a"))

    def direction(self, named: str) -> int:
        """+1 when more of the attribute ``named`` is better (清晰度, 充电速度), −1 when worse
        (噪音, 故障率: 故障 is a negative opinion word), 0 when neither is known: the listed
        word (rules.toml ``desirable``/``undesirable``) that ends last in it, else −1 for a
        word the opinion lexicon scores negative and that is no adjective (故障 耗电 延迟;
        not 一般), else the sign of its stem's weight (故障率 → 故障, 满意度 → 满意)."""
        return self._direction_cache[named]

    def _direction(self, named: str) -> int:
        """:meth:`direction`, computed (once per word: ``_direction_cache``)."""
        listed = [(named.rfind(w) + len(w), len(w), sign)
                  for sign, words in ((1, self.rules.desirable), (-1, self.rules.undesirable))
                  for w in words if w in named]
        if listed:
            sign = max(listed)[2]
        else:
            weights = self.lexicon.opinions
            prior = min(weights.get(named, 0.0), 0.0)  # a bad thing (故障), not a verdict:
            if prior and self.finder is not None and self.finder.tag(named).startswith("a"):
                prior = 0.0  # 一般很快, 便宜很多: 很快 and 很多 say how, of no attribute
            if not prior and len(named) >= 3:
                prior = weights.get(named[:-1], 0.0)
            sign = (prior > 0) - (prior < 0)
        return sign
