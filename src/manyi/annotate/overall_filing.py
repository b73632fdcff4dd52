"""Overall verdicts that say a product attribute (issue #19), re-filed where a thing is bought.

An ``overall`` mention names no factor, so it makes no comment a complaint on its own
(:func:`manyi.analysis.rows.complaint_mask`). Three kinds of language the clause judging the
thing bought uses say *which* of its attributes is judged, though no attribute word is named:

* **a word for the thing's physical condition** (rules.toml ``conditions``: broken, rotten,
  cracked, dirty, leaking — 坏了三个, 其余全部烂的, 皮上很脏, 这么贵的东西还有坏的) used as a
  predicate: its quality (质量做工), or its freshness where food goes off (坏了三个，水果还挺甜;
  3个烂的). Not used before a noun (烂东西, 破手机: a verdict on the
  whole), not as a degree after a word of feeling (高兴坏了, 气坏了), not negated (还不坏);
* **a taste** (rules.toml ``tastes``: 酸 甜 咸 苦 涩 …, alone or after a degree: 偏咸,
  又酸又苦涩, 甜还可以) in a clause that names no other factor: its taste (口味);
* **the customer's sensing of the thing**, an act of rules.toml ``trying`` with 起来/着/上
  (摸起来没我之前买的好, 闻着有股怪味): how it feels (质量做工), smells or tastes (口味) or
  sounds (性能); a size word said → 规格分量. Not the acts of using it whole (用着挺好,
  穿起来还可以: a verdict on the thing bought, as 好用 is, ``overall``).

A clause that names nothing at all but one of these, or that the thing cannot be used for what
it is for (不能用, 一大半不能吃, 没法穿), gets a mention of its own (:meth:`OverallFiling.unnamed`).
A bare verdict (差评 垃圾 不满意 失望 上当) stays ``overall``: it names no attribute. The
mention keeps its opinion and polarity; it is re-filed (``filed_by`` context) and, without a
term, takes the customer's word for the attribute as its term, as a cue does (坏 → 坏).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [(m.dimension, m.factor, m.term) for m in ex.extract("坏了三个", ["坏", "了", "三个"])]
[('product', 'quality', '坏')]
>>> [(m.dimension, m.term) for m in ex.extract("高兴坏了", ["高兴", "坏", "了"])][-1]
('overall', '')
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from operator import attrgetter
from typing import Any  # a factors.Mention (imported there: no cycle)

from manyi.text.lexicon import Factor

PALE = frozenset("淡涩")  # alone, as often of a colour or a style (看着有点淡, 文字有点涩)
SIGHT = ("看", "看着", "看起来", "看上去", "颜色", "色")  # 看着有点淡: how it looks
TRIED = ("起来", "着", "上", "上去")  # 摸起来, 用着, 穿上: the act tries the thing
# what the thing is for, after 不能/没法 (不能用, 一大半不能吃): it does not work (用, 使用) or
# is spoilt or unusable as made (the others)
USING = ("用", "使用", "吃", "喝", "穿", "戴", "开")
WORKING = ("用", "使用", "开")  # not working: its performance (the others: its quality)
SMELLING = ("闻", "嗅", "尝")  # senses of taste and smell (the others: touch → quality)
_CLAUSE_AND_START = attrgetter("clause_id", "start")
NUMERALS = frozenset("一二两三四五六七八九十几好半多0123456789")


# How far from a condition word something eaten is looked for (its clause and about one
# clause either side), and what says things are counted (3个烂的, 烂了一半, 有几个是烂的).
NEAR_TOKENS = 12
COUNTED = re.compile("[" + "".join(sorted(NUMERALS)) + "俩][个颗斤箱盒袋粒]|俩|一半|大半|有些|有的|"
                     "还有")


class OverallFiling:
    """Re-file ``overall`` mentions by the kinds above; built per pack where a thing is bought
    (:class:`~manyi.annotate.context_filing.ProductContext`)."""

    def __init__(self, lexicon: Any, finder: Any) -> None:
        rules = finder.rules
        self.lexicon, self.finder = lexicon, finder
        self.conditions = frozenset(rules.conditions)
        # …of food: its freshness (rules.toml spoiling, rotting, used, eaten)
        self.spoiling, self.rotting = frozenset(rules.spoiling), frozenset(rules.rotting)
        self.used, self.eaten = frozenset(rules.used), frozenset(rules.eaten)
        self.trying = frozenset(rules.trying)
        # rules.toml: taste characters (酸涩 偏咸 微苦), adverbs of extent glued to a condition
        # (全坏了, 已坏), words that grade a taste said alone (也甜, 是苦的), not able (不能吃)
        self.tastes = frozenset(rules.tastes)
        self.extent, self.graders = frozenset(rules.extent), frozenset(rules.graders)
        self.unable = frozenset(rules.unable)
        self.particles = frozenset(rules.particles)
        self.wishes = frozenset(rules.wishes)  # 希望用起来不要有什么毛病: not said
        self.prefixes = frozenset(rules.bare_prefixes) | frozenset(lexicon.degrees)
        # 烂 graded (最烂的一家, 那么烂, 太烂了) is a verdict on the whole, not a condition
        self.graded_verdicts = frozenset(rules.graded_verdicts)
        # (not the mild ones nor 还: 有点烂, 有些烂了, 又小还烂 say the thing is rotten)
        self.grades = (frozenset(lexicon.degrees) | frozenset(rules.as_degrees) | {"这么"}
                       ) - frozenset(rules.mild)
        self.shops = frozenset(rules.sellers) | frozenset(rules.seller_side)
        self.sizes = frozenset(rules.predicates) - self.tastes
        # a clause that may say one of the kinds (most clauses are passed over by these): a
        # condition word, a taste, 能/法 (不能用, 没法穿) or, for a verdict, a sense tried
        words = [re.escape(w) for w in sorted(self.conditions, key=lambda w: (len(w), w))]

        def hint(chars: frozenset[str]) -> re.Pattern:
            # each character a branch of its own, not one character class: a pattern whose
            # every branch opens with a literal skips the other characters at C speed (with a
            # class among them it tried every branch at every character: 6 µs a comment)
            return re.compile("|".join([*words, *map(re.escape, sorted(set("".join(chars))))]))

        self._hint = hint(self.tastes | {"能", "法"})
        self._hint_said = hint(self.tastes | self.trying)

        def product(word: str) -> Factor:
            factor = lexicon.terms.get(word)
            return factor if factor is not None and factor.dimension == "product" \
                else finder.attribute

        self.quality, self.taste = product("质量"), product("口味")
        self.freshness = product("新鲜度")
        self.performance, self.size = product("性能"), product("大小")

    def __call__(self, text: str, tokens: list[str], starts: list[int], mentions: list
                 ) -> list:
        """``mentions`` with the overall ones of the kinds above re-filed."""
        out = list(mentions)
        for n, m in enumerate(mentions):
            if m.dimension != "overall" or not self._hint_said.search(m.clause):
                continue
            beside = {o.dimension for o in mentions if o.clause_id == m.clause_id}
            found = self._said(text, tokens, starts, m, beside)
            if found is not None:
                factor, word = found
                out[n] = m._replace(dimension=factor.dimension, factor=factor.key,
                                    term=m.term or word, implicit=m.implicit or not m.term,
                                    filed_by="context")
        return out

    def unnamed(self, text: str, tokens: list[str], starts: list[int],
                spans: list[tuple[int, int]], mentions: list, make: Any) -> list:
        """``mentions`` with one for each clause that has none but says a condition of the
        thing (到家全坏了), its taste (吃了还酸酸的) or that it cannot be used as it is for
        (一大半不能吃): the product's, as above; a condition or a thing unusable is negative,
        a taste is judged by the clause model (甜 may praise or blame). ``make``: the
        mention's class (factors.Mention, which imports this module)."""
        if self._hint.search(text) is None:  # (most comments: no clause of it holds a hint)
            return mentions
        had = {m.clause_id for m in mentions}
        added = []
        for clause_id, (c_start, c_end) in enumerate(spans):
            if clause_id in had or not self._hint.search(text, c_start, c_end):
                continue
            first = bisect_left(starts, c_start)
            last = min(bisect_left(starts, c_end, first), len(tokens))
            found = self._unnamed(tokens, first, last)
            if found is not None:
                factor, i, j, word, score = found
                added.append((clause_id, text[c_start:c_end], factor.dimension, factor.key,
                              word, "".join(tokens[i:j]), False, 1.0, True, score,
                              starts[i], starts[j - 1] + len(tokens[j - 1]), "lexicon",
                              "context"))
        if not added:
            return mentions
        return sorted([*mentions, *(make(*fields) for fields in added)],
                      key=_CLAUSE_AND_START)

    def _unnamed(self, tokens: list[str], first: int, last: int
                 ) -> tuple[Factor, int, int, str, float] | None:
        """(factor, first token, end token, word, score) of what a clause with no mention
        says of the thing, or None."""
        for i in range(first, last):
            token = tokens[i]
            negated = i > first and tokens[i - 1] in self.lexicon.negations
            word = self._condition(token)
            if word and not negated and self._predicate(tokens, i, first, last):
                score = -abs(self.lexicon.opinions.get(word, 0.0)) or -1.0
                return self._of(word, tokens, first, last), i, i + 1, word, \
                    math.tanh(score)  # 到家全坏了
            if self._taste(token) and (i + 1 >= last or tokens[i + 1] in self.particles
                                       or self._taste(tokens[i + 1])) \
                    and not self._denied(tokens, first, i - negated) \
                    and not self._taste_unsaid(tokens, first, i) \
                    and (last - first == 1 or len(token) > 1 or (
                    i > first and (negated or tokens[i - 1] in self.prefixes
                                   or tokens[i - 1] in self.graders))):
                # 吃了还酸酸的, 也不甜, 偏 咸: graded, doubled or said alone (not 天下苦)
                at = i - 1 if negated or (i > first and tokens[i - 1] in self.prefixes) else i
                return self.taste, at, i + 1, token.rstrip("的了"), 0.0
            if token in self.unable and i + 1 < last and tokens[i + 1] in USING and (
                    i + 2 >= last or tokens[i + 2] in self.particles) \
                    and not self._denied(tokens, first, i):
                act = tokens[i + 1]  # 一大半不能吃, 买回来就没法用 (not 不能吃辣的人)
                return (self.performance if act in WORKING else self.quality), i, i + 2, \
                    act, math.tanh(-1.0)
        return None

    def _said(self, text: str, tokens: list[str], starts: list[int], m: Any, beside: set
              ) -> tuple[Factor, str] | None:
        """The product factor the clause of ``m`` says and the word that says it, or None."""
        at = text.rfind(m.clause, 0, m.start + len(m.clause))
        if at < 0:
            return None
        first = bisect_left(starts, at)
        last = bisect_left(starts, at + len(m.clause), first)
        opinion = m.opinion.rstrip("了的啊呀哦啦吧") if m.opinion else ""
        # (not 还不坏; not 包装差…外面都破了: a part of the thing or the parcel is named)
        said_of_other = not beside.isdisjoint(("product", "logistics"))
        for i in range(first, min(last, len(tokens)) if not (m.negated or said_of_other)
                       else first):
            word = self._condition(tokens[i])
            if word and (not opinion or opinion.endswith(word)) \
                    and self._predicate(tokens, i, first, last):
                return self._of(word, tokens, first, last), word  # 坏了三个, 皮上很脏
        if beside != {"overall"}:
            return None
        for i in range(first, min(last, len(tokens))):
            token = tokens[i]
            if self._taste(token) and not self._taste_unsaid(tokens, first, i):
                return self.taste, token  # 菜偏咸, 又酸又苦涩
            act = self._tried(tokens, i, last)
            if act and not any(t in self.wishes for t in tokens[first:i]):  # 摸起来没…好
                size = next((t for t in tokens[i + 1:last] if t in self.sizes or (
                    len(t) == 2 and t[-1] in self.sizes and t[0] in self.prefixes)), None)
                if size is not None:  # 穿起来竟然还长
                    return self.size, size[-1]
                word = token if token != act else token + tokens[i + 1]  # 摸起来, 用着
                return self._sensed(act), word
        return None

    def _of(self, condition: str, tokens: list[str], first: int, last: int) -> Factor:
        """The factor a condition word of the clause ``tokens[first:last]`` says: freshness
        where it spoils food — something eaten is named near it (苹果有几个是烂的，不甜; 一点都
        不新鲜) — or it is rot said of things counted, none of them used (3个烂的, 烂了一半,
        还有烂的); else quality (穿了两天就烂了, 一个字，烂, 左床头的开关是坏的, 两只鞋都烂了).
        (Near, not anywhere in the comment: a hotel's long review judges its restaurant's fish
        too.)"""
        if condition not in self.spoiling:
            return self.quality
        near = tokens[max(0, first - NEAR_TOKENS):last + NEAR_TOKENS]
        if not self.eaten.isdisjoint(near):
            return self.freshness
        if condition in self.rotting and self.used.isdisjoint(tokens) \
                and COUNTED.search("".join(tokens[first:last])):
            return self.freshness
        return self.quality

    def _condition(self, token: str) -> str:
        """The condition word ``token`` is, after a degree or an adverb of extent glued to it
        (很脏, 全坏), else ''."""
        if token in self.conditions:
            return token
        return next((token[k:] for k in (1, 2) if (token[:k] in self.prefixes
                     or token[:k] in self.extent) and token[k:] in self.conditions), "")

    def _predicate(self, tokens: list[str], i: int, first: int, last: int) -> bool:
        """Whether the condition word at ``i`` is said of a thing (坏了, 烂的, 坏了三个): not
        before a noun (烂东西) nor after a word of feeling (高兴坏了)."""
        if i + 1 < last:
            after = tokens[i + 1]
            if after in ("了", "的") and i + 2 < last:  # 坏了这个商标, 坏的习惯
                after = tokens[i + 2]
            elif after in self.particles or after[0] in NUMERALS:
                after = ""
            if after and (self.finder.kind(after) == 2 or self.finder.tag(after)[:1] in "nr"):
                return False  # 烂东西, 烂京东: a verdict on what it names
        if self._denied(tokens, first, i):
            return False  # 没有找到坏点, 一点不怕磨损, 不怕坏了吗
        if self._graded_verdict(tokens, i, first):
            return False  # 最烂的一家, 那么烂: a verdict, overall unless a thing is named
        if i > first:
            before = tokens[i - 1]
            if before in self.lexicon.cues or self._condition(before):
                return True  # 发霉坏掉了: one condition after another
            if before in self.lexicon.opinions or self.finder.tag(before).startswith("a"):
                return before in self.prefixes  # 很脏, 太烂: a degree, not a feeling
        return True

    def _graded_verdict(self, tokens: list[str], i: int, first: int) -> bool:
        """Whether the condition word at ``i`` is one of rules.toml ``graded_verdicts`` (烂)
        after a degree word (最烂, 太烂, 那么烂) with no thing named right before: a verdict on
        the whole; not 烂了, 都烂了, 烂的 (the thing rotten), nor 显卡太烂 (the thing named)."""
        token = tokens[i]
        word = self._condition(token)
        if word not in self.graded_verdicts:
            return False
        if token != word:
            graded, before = token[:len(token) - len(word)] in self.grades, i - 1
        else:
            graded, before = i > first and tokens[i - 1] in self.grades, i - 2
        # (显卡太烂: a thing named right before the degree; not 这家店太烂了: the shop)
        named = before >= first and len(tokens[before]) > 1 and (
            self.finder.kind(tokens[before]) or self.finder.tag(tokens[before]).startswith("n")
        ) and tokens[before] not in self.shops
        return graded and not named

    def _sensed(self, act: str) -> Factor:
        """The factor a sense tries: taste and smell → 口味, touch → 质量."""
        return self.taste if act in SMELLING else self.quality

    def _denied(self, tokens: list[str], first: int, i: int) -> bool:
        """Whether a negation, or a question, comes before ``i`` in its clause (没有找到坏点,
        不怕坏, 能不能用): the condition is not said to be."""
        negations, wishes, opinions = self.lexicon.negations, self.wishes, self.lexicon.opinions
        return any(t in negations or t in wishes or "不" in t[1:-1]  # 能不能用
                   or (len(t) <= 2 and t[0] in "不没" and t not in opinions)  # 不怕 (not 不错)
                   for t in tokens[first:i]) or (i > first and tokens[i - 1] == "能")

    def _taste_unsaid(self, tokens: list[str], first: int, i: int) -> bool:
        """Whether the taste at ``i`` is wished for (如果再甜一点就完美了) or seen (看着有点淡),
        or is 淡/涩 alone (文字精致，但有点涩): no taste of the thing said."""
        core = tokens[i].rstrip("的了")[-1:]
        return core in PALE and all(c in PALE for c in tokens[i].rstrip("的了")[-2:]) or any(
            t in self.wishes or t in SIGHT for t in tokens[first:i]) or (
            i > first and tokens[i - 1] == "再")

    def _taste(self, token: str) -> bool:
        return is_taste(token, self.tastes, self.prefixes)

    def _tried(self, tokens: list[str], i: int, last: int) -> str:
        """The act at ``i`` when it tries the thing (摸起来, 用着, 穿上), else ''."""
        token = tokens[i]
        for end in TRIED:
            if token.endswith(end) and token[:-len(end)] in self.trying:
                return token[:-len(end)]
        if token in self.trying and i + 1 < last and tokens[i + 1] in TRIED:
            return token
        return ""


def is_taste(token: str, tastes: frozenset[str], prefixes: frozenset[str]) -> bool:
    """Whether ``token`` is a taste said (rules.toml ``tastes``, alone or after one bare
    prefix or degree in ``prefixes``: 偏咸, 太辣, 又酸又苦涩 is read token by token).

    >>> tastes, prefixes = frozenset("辣甜酸咸"), frozenset({"太", "偏"})
    >>> is_taste("太辣了", tastes, prefixes), is_taste("辣椒", tastes, prefixes)
    (True, False)
    """
    core = token[1:] if len(token) > 1 and token[0] in prefixes else token
    core = core.rstrip("的了")
    return bool(core) and len(core) <= 3 and all(c in tastes for c in core)
