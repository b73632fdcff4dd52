"""Token roles for :class:`~manyi.annotate.factors.FactorExtractor`: what one token is, looked up
once.

A token may be an opinion word with its negations and degree glued on (不太好 → 好, one
negation), a term glued to its opinion (速度快 → 速度 + 快), a factor term or verb, a clause
separator, or a bare adjective (长, 很大, 偏小). Each answer is cached per distinct token.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> FactorExtractor(Lexicon.load()).parse_token("好快")
(0, 1.5, '快')
"""

from __future__ import annotations

import re

from manyi.annotate.aspects import PREDICATES
from manyi.text.segment import SEPARATOR_TOKENS

# Particles and complements that jieba glues to an opinion word: 便宜多了, 好吃死了, 不错的.
OPINION_SUFFIXES = {"多了": 1.5, "极了": 1.6, "死了": 1.6, "得很": 1.4, "一点": 0.8, "了": 1.0,
                    "的": 1.0, "哒": 1.0, "啦": 1.0, "呀": 1.0, "哦": 1.0, "点": 0.8, "些": 0.8}
# A reduplicated adjective is the adjective, a little stronger: 滑滑的, 棒棒哒, 水水嫩嫩;
# not the adverbs of the same shape (好好用, 慢慢来, 快快发货, 远远超过).
REDUPLICATION = 1.2
ADVERBIAL_REDUPLICATIONS = frozenset({"好好", "慢慢", "快快", "早早", "白白", "轻轻", "紧紧",
                                      "远远", "大大", "多多", "少少", "渐渐"})
# 好 before an adjective is an intensifier, not praise: 好快 好便宜 好硬 好干.
GOOD_AS_DEGREE = 1.5
# Particles after 好 that leave it an opinion word (好的, 好了, 好呀).
PARTICLES = frozenset("的了啊呀哦啦吧呢嘛哈么吗")
# Words before a bare adjective that make it a judgement: 偏小, 较大, 过长.
BARE_PREFIXES = frozenset({"偏", "较", "过", "超", "巨", "贼", "略", "稍"})
# Words that look like a degree word before an opinion but are one word: 最近 is "recently".
NOT_OPINIONS = frozenset({"最近", "最近几天", "最近一段时间"})


class TokenRoles:
    """The token-level half of :class:`~manyi.annotate.factors.FactorExtractor` (which sets up
    ``lexicon``, ``finder``, ``_modifiers``, ``_longest_modifier``, the caches and ``_glued``).
    """

    def split_glued(self, tokens: list[str]) -> list[str]:
        """Tokens with a term glued to its opinion cut in two (速度快 → 速度 快).

        >>> from manyi.annotate.factors import FactorExtractor, Lexicon
        >>> FactorExtractor(Lexicon.load()).split_glued(["物流", "速度快", "，", "质量好"])
        ['物流', '速度', '快', '，', '质量', '好']
        """
        cuts = list(map(self._glue_cache.__getitem__, tokens))
        if not any(cuts):
            return tokens
        out = []
        for token, cut in zip(tokens, cuts):
            if cut:
                out.extend((token[:cut], token[cut:]))
            else:
                out.append(token)
        return out

    def _glued_cut(self, token: str) -> int:
        """Where a glued token splits into term and opinion (速度快 → 2), else 0."""
        if len(token) <= 2 or token in self.lexicon.terms or self.parse_token(token) is not None:
            return 0
        cut = next((n for n in range(len(token) - 1, 1, -1)
                    if token[:n] in self.lexicon.terms
                    and self.parse_token(token[n:]) is not None), 0)
        if cut or self.finder is None or len(token) < 4:
            return cut
        # a dictionary noun glued to an opinion word (内容丰富, 泡沫丰富, 画面清晰)
        finder = self.finder
        return next((n for n in range(len(token) - 2, 1, -1)
                     if finder.kind(token[:n]) == 2 and finder.tag(token[:n])
                     and self.parse_token(token[n:]) is not None), 0)

    def _modifier_prefix(self, token: str) -> int:
        """Length of the longest negation or degree word a token starts with (很正 → 1), 0
        if none; the whole token does not count."""
        return next((n for n in range(min(len(token) - 1, self._longest_modifier), 0, -1)
                     if token[:n] in self._modifiers), 0)

    def _token_role(self, token: str) -> tuple | None:
        """(opinion parse, factor term?, factor verb?, clause separator?) of a token, None
        when it is none of them (most tokens). A glued token is noted in ``_glued``."""
        if self._glue_cache[token]:
            self._glued.add(token)
        role = (self._token_cache[token], token in self.lexicon.terms,
                token in self.lexicon.verbs, token in SEPARATOR_TOKENS,
                self.finder is not None and self._bare(token))
        return role if any(role) else None

    def _bare(self, token: str) -> bool:
        """A bare adjective, alone or after a degree or negation word: 长, 很大, 不高, 偏小."""
        if token in PREDICATES or token in self.lexicon.degrees:
            return True
        prefix = self._prefix_cache[token]  # 很靓: a degree word glued to a word
        if prefix and token[:prefix] in self.lexicon.degrees \
                and token[prefix:] not in self.lexicon.terms and _is_word(token[prefix:]):
            return True
        return (len(token) > 1 and token[-1] in PREDICATES
                and (token[:-1] in self._modifiers or token[:-1] in BARE_PREFIXES))

    def parse_token(self, token: str) -> tuple[int, float, str] | None:
        """(negations, degree, opinion word) of a token such as 不太好 or 很快; cached.

        >>> from manyi.annotate.factors import FactorExtractor, Lexicon
        >>> FactorExtractor(Lexicon.load()).parse_token("不太好")
        (1, 1.0, '好')
        """
        return self._token_cache[token]

    def _parse_token(self, token: str) -> tuple[int, float, str] | None:
        if token in NOT_OPINIONS:
            return None
        negations, degree, rest = 0, 1.0, token
        result = None
        while rest:
            if rest in self.lexicon.opinions or rest in self.lexicon.cues:
                result = (negations, degree, rest)
                break
            prefix = rest[:self._modifier_prefix(rest)] or None
            if prefix is None and rest[0] == "好" and self.parse_token(rest[1:]) is not None:
                degree *= GOOD_AS_DEGREE  # 好快, 好便宜 (好用 and 好看 are words themselves)
                rest = rest[1:]
                continue
            base = _unreduplicated(rest) if prefix is None else None
            if base and (base in self.lexicon.opinions or base in self.lexicon.cues):
                degree *= REDUPLICATION
                rest = base
                continue
            if prefix is None:
                suffix = next((s for s in OPINION_SUFFIXES
                               if rest.endswith(s) and len(rest) > len(s)), None)
                if suffix is None:
                    break
                degree *= OPINION_SUFFIXES[suffix]
                rest = rest[:-len(suffix)]
                continue
            kind, value = self._modifiers[prefix]
            negations += kind == "neg"
            degree *= value if kind == "deg" else 1.0
            rest = rest[len(prefix):]
        return result



class _Cache(dict):
    """A dict that computes a missing value once: ``_Cache(f)[key]`` is ``f(key)``. It starts
    afresh past ``limit`` keys, so a worker streaming millions of comments stays bounded."""

    def __init__(self, compute, limit: int = 500_000) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value


def _unreduplicated(word: str) -> str | None:
    """The adjective a reduplicated word repeats (滑滑 → 滑, 水水嫩嫩 → 水嫩), else None.

    >>> _unreduplicated("滑滑"), _unreduplicated("干干净净"), _unreduplicated("慢慢")
    ('滑', '干净', None)
    """
    if word in ADVERBIAL_REDUPLICATIONS:
        return None
    if len(word) == 2 and word[0] == word[1]:
        return word[0]
    if len(word) == 4 and word[0] == word[1] and word[2] == word[3]:
        return word[0] + word[2]
    return None


def _is_word(token: str) -> bool:
    """A token with a Chinese character or a letter (not punctuation, space or a particle)."""
    return token not in PARTICLES and any(ch.isalpha() for ch in token)


# A clause that wonders or waits (效果不知道怎么样, 期待效果, 用了再来追评) judges nothing yet.
IRREALIS = ("不知道", "不知", "还没用", "还没有用", "还没使用", "没用过", "还没试", "期待",
            "追评", "怎么样", "如何", "好不好", "等用了", "用了再", "用完再", "用过再", "才知道")

IRREALIS_PATTERN = re.compile("|".join(map(re.escape, IRREALIS)))


def is_irrealis(clause: str) -> bool:
    """Whether a clause wonders or waits rather than judges.

    >>> is_irrealis("还没用，不知道效果怎么样"), is_irrealis("效果很好")
    (True, False)
    """
    return IRREALIS_PATTERN.search(clause) is not None
