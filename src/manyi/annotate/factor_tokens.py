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
from collections.abc import Sequence
from itertools import accumulate

from manyi.annotate.aspect_glued import predicate_cut
from manyi.annotate.aspect_phrases import (
    GRADED_AS,
    GRADING,
    MEASURE_CHARS,
    UNGRADED,
    measure_glued,
)
from manyi.text.segment import SEPARATOR_TOKENS

# A reduplicated adjective is the adjective, a little stronger: 滑滑的, 棒棒哒, 水水嫩嫩
# (the adverbs of the same shape are rules.toml's adverbial_reduplications).
REDUPLICATION = 1.2
# 好 before an adjective is an intensifier, not praise: 好快 好便宜 好硬 好干.
GOOD_AS_DEGREE = 1.5
ALSO = "也"  # glued to an opinion word by the dictionary: 也好
# "Should there be a problem, then …": a clause opening with 有(什么/任何)问题 (after 如果 后续 …)
# and goes on to what to do then (再 可以 随时 请联系), not 就 (有问题就退了: it happened) or
# 请尽快处理 (a demand), nor a problem of something named before it (质量有问题，请谨慎买).
SHOULD_A_PROBLEM = re.compile(r"^(?:后续|以后|之后|日后|到时|到时候|如果|若|万一|要是)*"
                              r"有(?:什么|任何|啥)?问题(?:的话)?(?:再|可以|随时|请(?:联系|找|咨询|致电))")


class TokenRoles:
    """The token-level half of :class:`~manyi.annotate.factors.FactorExtractor` (which sets up
    ``lexicon``, ``rules``, ``finder``, ``_modifiers``, ``_longest_modifier``, the caches and
    ``_glued``).
    """

    def is_irrealis(self, clause: str) -> bool:
        """Whether a clause wonders or waits rather than judges (rules.toml's ``irrealis``).

        >>> from manyi.annotate.factors import FactorExtractor, Lexicon
        >>> roles = FactorExtractor(Lexicon.load())
        >>> roles.is_irrealis("还没用，不知道效果怎么样"), roles.is_irrealis("效果很好")
        (True, False)
        >>> roles.is_irrealis("这家的商品不怎么样")  # an opinion word that judges
        False
        """
        if self._judging is not None:
            clause = self._judging.sub("", clause)
        return self._irrealis.search(clause) is not None

    def supposes(self, clause: str) -> bool:
        """Whether a clause only supposes a problem and says what to do then (后续有什么问题
        再联系客服吧, 有问题可以找客服; not 质量有问题就退了, which happened). Other suppositions
        stay judged: 如果…, 一旦… in reviews mostly set the scene of a real fault (听音乐时如果
        不戴耳机…会卡住) or wish for what is missing (如果酒店能够重新装修一下).

        >>> from manyi.annotate.factors import FactorExtractor, Lexicon
        >>> roles = FactorExtractor(Lexicon.load())
        >>> [roles.supposes(c) for c in ("后续有什么问题再联系客服吧", "有问题可以找客服",
        ...                              "有问题就退了", "质量有问题", "客服态度很差")]
        [True, True, False, False, False]
        """
        return SHOULD_A_PROBLEM.search(clause) is not None

    def only_wonders(self, opinion: str, clause: str, tokens: Sequence[str] | None = None
                     ) -> bool:
        """Whether an opinion only wonders: a word of not knowing (性能还不知道), or a
        question that says it both ways in its clause (不知道好吃不好吃; not 不错不错).
        ``tokens``: the clause's; the question then starts with one (功能不能用 asks
        nothing: its 能不能 starts inside 功能).

        >>> from manyi.annotate.factors import FactorExtractor, Lexicon
        >>> roles = FactorExtractor(Lexicon.load())
        >>> [roles.only_wonders(o, c) for o, c in [("不知道", "性能还不知道"),
        ...     ("不好吃", "不知道好吃不好吃"), ("不错", "质量不错不错"), ("不怎么样", "不怎么样")]]
        [True, True, False, False]
        >>> roles.only_wonders("不能", "通话功能不能用", ["通话", "功能", "不能", "用"])
        False
        """
        if opinion in self.rules.irrealis:
            return True
        word = opinion[1:] if opinion[0] in "不没" else opinion
        if word and clause.find(word) == clause.rfind(word):
            return False  # (most clauses: the word not twice, so not asked both ways)
        starts = None
        for asked in (f"{word}不{word}", f"{word}没{word}"):
            at = clause.find(asked)
            while at >= 0:
                if at == 0 or clause[at - 1] not in "不没":  # not 不错不错, 不好不好
                    if tokens is None:
                        return True
                    starts = starts or set(accumulate(map(len, tokens), initial=0))
                    if at in starts:  # (not from inside a word)
                        return True
                at = clause.find(asked, at + 1)
        return False

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
        """Where a glued token splits into term and opinion (速度快 → 2), a verb that
        states a feeling and its opinion (表示满意 → 2), or a term and the comparison marker
        after it (价格比 → 2: 价格比实体店便宜 praises the price, not the shop), else 0."""
        if 1 < len(token) <= 3 and self.finder is not None and token[0] in MEASURE_CHARS \
                and self.parse_token(token) is None:  # 塑料 感强: the measure cut off
            cut = measure_glued(token, bool(self.finder.tag(token)),
                                lambda rest: rest in self.rules.predicates
                                or self.parse_token(rest) is not None)
            if cut:
                return cut
        if len(token) == 2 and token[0] == ALSO and self.parse_token(token) is None \
                and self.parse_token(token[1]) is not None:
            return 1  # 质量也好: also good (the dictionary's 也好, "either … or", glued)
        if len(token) <= 2 or token in self.lexicon.terms or self.parse_token(token) is not None \
                or token[-1] in self.rules.graded_only:
            return 0  # (会员卡, 手机卡: 卡 judges only after a degree word: rules.toml graded_only)
        if token[-1] == "比" and token[:-1] in self.lexicon.terms:
            return len(token) - 1
        cut = next((n for n in range(len(token) - 1, 1, -1)
                    if (token[:n] in self.lexicon.terms or token[:n] in self.rules.stance_verbs)
                    and self.parse_token(token[n:]) is not None), 0)
        if cut or self.finder is None:
            return cut
        # a dictionary noun glued to an opinion word (内容丰富, 泡沫丰富, 画面清晰)
        finder = self.finder
        cut = next((n for n in range(len(token) - 2, 1, -1)
                    if finder.kind(token[:n]) == 2 and finder.tag(token[:n])
                    and self.parse_token(token[n:]) is not None), 0) if len(token) >= 4 else 0
        return cut or predicate_cut(self, token)  # 体积小, 色彩鲜艳: aspect_glued

    def _modifier_prefix(self, token: str) -> int:
        """Length of the longest negation or degree word a token starts with (很正 → 1), 0
        if none; the whole token does not count, and a degree word is not split (非常 is not
        非 + 常, 更加 not 更 + 加: 位置非常接近地铁 judges no 常)."""
        if self._modifiers.get(token, ("",))[0] == "deg":
            return 0
        return next((n for n in range(min(len(token) - 1, self._longest_modifier), 0, -1)
                     if token[:n] in self._modifiers), 0)

    def _token_role(self, token: str) -> tuple | None:
        """(opinion parse, factor term?, factor verb?, clause separator?) of a token, None
        when it is none of them (most tokens). A glued token is noted in ``_glued``."""
        if self._glue_cache[token]:
            self._glued.add(token)
        if self.finder is not None and self.finder.plain[token]:
            self._plains.add(token)  # 锐利: an adjective no list reads (aspect_plain)
        role = (self._token_cache[token], token in self.lexicon.terms,
                token in self.lexicon.verbs, token in SEPARATOR_TOKENS,
                self.finder is not None and self._bare(token))
        return role if any(role) else None

    def _bare(self, token: str) -> bool:
        """A bare adjective, alone or after a degree or negation word: 长, 很大, 不高, 偏小."""
        if token in self.rules.predicates or token in self.lexicon.degrees:
            return True
        prefix = self._prefix_cache[token]  # 很靓: a degree word glued to a word
        if prefix and token[:prefix] in self.lexicon.degrees \
                and token[prefix:] not in self.lexicon.terms \
                and is_word(token[prefix:], self.rules.particles) \
                and self._glued_adjective(token, token[prefix:]):
            return True
        return (len(token) > 1 and token[-1] in self.rules.predicates
                and (token[:-1] in self._modifiers or token[:-1] in self.rules.bare_prefixes))

    def _glued_adjective(self, token: str, rest: str) -> bool:
        """Whether a degree word glued to ``rest`` is a judgement (很靓, 太卡顿, 超值), not a
        word of its own that starts like one (还是 最后 还有 特点 超市 真正: newcomer9 saw
        佳期还是…, 主人公最后… as judged): a dictionary word is one when it is an adjective
        or state word, or when it is no conjunction, localiser, time word, preposition,
        pronoun or particle and ``rest`` is an opinion, a size word, an adjective or one of
        rules.toml's ``glued_rests`` (太卡, 太假)."""
        tag = self.finder.tag(token)
        if not tag or tag[0] in "az":
            return True
        if tag[0] in "cftpru":
            return False
        return (rest in self.rules.predicates or rest in self.rules.glued_rests
                or self._token_cache[rest] is not None or self.finder.tag(rest)[:1] in ("a", "z"))

    def adopt(self, other: TokenRoles) -> None:
        """Take over the token look-ups ``other`` made that cannot differ here: ``other`` an
        extractor of the same lexicon or of the one a first pass added terms to (the run's
        annotator after :mod:`manyi.annotate.prepass`). Opinion parses all; roles, glue cuts
        and word kinds of the tokens holding no word whose term or tag differs. Outputs are
        the same with or without it, only the look-ups are not made twice.
        """
        mine, theirs = self.lexicon, other.lexicon
        if other is self or any(getattr(mine, name) is not getattr(theirs, name) for name in (
                "opinions", "cues", "verbs", "degrees", "negations", "suffixes", "rules",
                "stopwords", "contrasts")) or not mine.terms.keys() >= theirs.terms.keys() \
                or (self.finder is None) != (other.finder is None):
            return
        for name in ("_token_cache", "_prefix_cache"):  # no term, no tag: the same everywhere
            getattr(self, name).update(getattr(other, name))
        changed = [w for w in mine.terms if w not in theirs.terms]
        if self.finder is not None:
            old, new = other.finder, self.finder
            if new.tagger is not old.tagger:
                tags = new._tags
                for word, tag in old._tags.items():
                    if word not in tags:
                        mine_tag = tags[word]
                        if mine_tag != tag:
                            changed.append(word)
            else:
                new._tags.update(old._tags)
        differs = any_of(changed).search if changed else lambda token: None
        pairs = [(other._glue_cache, self._glue_cache), (other._role_cache, self._role_cache)]
        if self.finder is not None:
            pairs += [(other.finder._kind, self.finder._kind),
                      (other.finder._head, self.finder._head)]
        for source, target in pairs:
            target.update((k, v) for k, v in source.items() if differs(k) is None)
        self._glued.update(t for t in other._glued if self._glue_cache.get(t))
        if self.finder is not None:  # (the roles taken over were not looked up here)
            self._plains.update(t for t in other._plains if self.finder.plain[t])

    def parse_token(self, token: str) -> tuple[int, float, str] | None:
        """(negations, degree, opinion word) of a token such as 不太好 or 很快; cached.

        >>> from manyi.annotate.factors import FactorExtractor, Lexicon
        >>> FactorExtractor(Lexicon.load()).parse_token("不太好")
        (1, 1.0, '好')
        """
        return self._token_cache[token]

    def _parse_token(self, token: str) -> tuple[int, float, str] | None:
        if token in self.rules.not_opinions:
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
            base = None if prefix is not None \
                else _unreduplicated(rest, self.rules.adverbial_reduplications)
            if base and (base in self.lexicon.opinions or base in self.lexicon.cues):
                degree *= REDUPLICATION
                rest = base
                continue
            if prefix is None:
                suffix = next((s for s in self.lexicon.suffixes
                               if rest.endswith(s) and len(rest) > len(s)), None)
                if suffix is None:
                    break
                degree *= self.lexicon.suffixes[suffix]
                rest = rest[:-len(suffix)]
                continue
            kind, value = self._modifiers[prefix]
            negations += kind == "neg"
            degree *= value if kind == "deg" else 1.0
            rest = rest[len(prefix):]
        if result is None and len(token) > 1 and token[0] in GRADING and self.finder is not None \
                and self.finder.tag(token) not in UNGRADED:
            graded = self.parse_token(token[1:])  # 奇贵 狂慢: an opinion word, graded
            if graded is not None:
                result = (graded[0], graded[1] * self.lexicon.degrees.get(GRADED_AS, 1.0),
                          graded[2])
        return result

    def _attribute_after(self, tokens: list[str], roles: list, k: int, stop: int) -> bool:
        """Whether the token at ``k``, right after a pack's part of the product (not one the
        corpus taught: 分区 软件 stays the learned word's), names what of it is measured (耳机
        档次 更高, 内存 占用 很高, 软件 易用性 很强): a noun or verb of two or three characters
        in the dictionary, of no role in the lexicon (term, opinion, verb), a word after it."""
        return k + 1 < stop and roles[k] is None and 2 <= len(tokens[k]) <= 3 \
            and self.finder is not None and self.finder.tag(tokens[k])[:1] in ("n", "v") \
            and tokens[k] not in self.rules.particles


def _unreduplicated(word: str, adverbs: frozenset[str]) -> str | None:
    """The adjective a reduplicated word repeats (滑滑 → 滑, 水水嫩嫩 → 水嫩), else None;
    None for the adverbs of that shape.

    >>> [_unreduplicated(w, frozenset({"慢慢"})) for w in ("滑滑", "干干净净", "慢慢")]
    ['滑', '干净', None]
    """
    if word in adverbs:
        return None
    if len(word) == 2 and word[0] == word[1]:
        return word[0]
    if len(word) == 4 and word[0] == word[1] and word[2] == word[3]:
        return word[0] + word[2]
    return None


def is_word(token: str, particles: frozenset[str]) -> bool:
    """A token with a Chinese character or a letter (not punctuation, space or a particle)."""
    return token not in particles and any(ch.isalpha() for ch in token)


def any_of(words) -> re.Pattern:
    """A pattern that finds any of ``words`` (longest first).

    >>> bool(any_of(["不知道", "期待"]).search("期待效果"))
    True
    """
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))
