"""Things named in a list or a clause of their own, judged by the next clause (羊肉串，鸡翅都很
好吃; 点了牛腩面条，味道一般; 花肉锅和海鲜锅还是不错的): the part of aspect discovery
(:class:`~manyi.annotate.aspects.AspectFinder`) that reads names rather than opinions.

>>> from manyi.annotate.aspects import AspectFinder
>>> from manyi.text.lexicon import Lexicon
>>> finder = AspectFinder(Lexicon.load("catering"))
>>> finder.ordered(["点", "了", "牛腩", "面条"], 0, 4)
[(2, 4)]

Every item of a list judged together takes the judgement (:func:`list_judged`: 虾和牛蛙都不太
入味, the item before the one found):

>>> finder.items_before(["虾", "和", "牛蛙", "都", "不太", "入味"], 2, True)
[(0, 1)]
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from typing import Any  # an AspectFinder and factors.Mention (imported there: no cycle)

from manyi.annotate.aspect_tags import (
    CLAUSE_MARKS,
    DEMONSTRATIVE,
    FUNCTION_CHARS,
    LIST_MARKS,
    MAX_CHARS,
    MAX_COMPOUND,
    NOUN_TAGS,
    VERB_TAGS,
)
from manyi.annotate.memo import Memo

# Parts of speech of a first character that opens no name: a preposition, adverb,
# conjunction or pronoun (用后, 刚用, 若好, 我家).
OPENING_NOT = frozenset({"p", "d", "c", "r", "u", "m", "q"})
# Brackets a name stands in, as a dish's heading (【烧烤小土豆】很好吃, #海胆#超级新鲜, {羊排}有点
# 腻: a review site's dish tag; not [微笑]: an emoticon's name). A hashtag names a dish only
# where the name files as a thing of the product (not #探店#: a visit to the place)
HASHES = frozenset("#＃")
OPENING = frozenset("【「{") | HASHES
CLOSING = frozenset("】」}") | HASHES
# the marks a clause that names something may end with
_MARKS = "，,。.!！?？;；~～…:： " + "".join(sorted(CLOSING))


# Words after a name that say "and such" (马蹄啥的, 烤串什么的, 凉菜之类的) and before it that
# say "some" (要了个什么马蹄): the customer names a dish as well as they recall it.
VAGUE_ENDS = (("啥", "的"), ("什么", "的"), ("之类", "的"), ("等等",))  # (not 等 alone: a verb too)
VAGUE = frozenset({"什么", "啥"})
VAGUE_LAST = frozenset(closer[-1] for closer in VAGUE_ENDS)


def unvague(tokens: list[str], first: int, end: int) -> int:
    """``end`` less the words that say "and such" before it (马蹄 啥 的 → 马蹄's end)."""
    if end <= first or tokens[end - 1] not in VAGUE_LAST:
        return end  # (most clauses)
    for closer in VAGUE_ENDS:
        if end - len(closer) > first and tuple(tokens[end - len(closer):end]) == closer:
            return end - len(closer)
    return end


class NamedItems:
    """Mixin of :class:`~manyi.annotate.aspects.AspectFinder`: it reads the finder's word
    kinds (``_kind``, ``_head``, ``_cooked``, ``_skips``), ``tag``, ``rules`` and ``lexicon``."""

    def coordinated(self, tokens: list[str], first: int, start: int) -> tuple[int, int] | None:
        """The compound joined by 和/跟/与 before the one starting at ``start`` (花肉锅和海鲜锅
        还是不错的: both are judged)."""
        j = start - 1
        if j - 1 < first or tokens[j] not in self.rules.coordinators:
            return None
        if self._listable[tokens[j - 1]]:
            return self._compound(tokens, first, j - 1)
        return None

    def coordinated_after(self, tokens: list[str], end: int, last: int
                          ) -> list[tuple[int, int]]:
        """The compounds joined by 和/跟/、 after the one ending at ``end`` (螃蟹 和 生蚝 都不太
        新鲜: 生蚝), before ``last``."""
        out: list[tuple[int, int]] = []
        listable = self._listable
        while end + 1 < last and tokens[end] in self.rules.coordinators:
            stop = end + 1
            while stop < last and stop - end <= MAX_COMPOUND and listable[tokens[stop]]:
                stop += 1
            if stop == end + 1:
                break
            out.append((end + 1, stop))
            end = stop
        return out

    def topic(self, tokens: list[str], first: int, last: int, learned: bool = False
              ) -> tuple[int, int] | None:
        """The clause ``tokens[first:last]`` when it only names something (香锅，大大的好吃;
        虾酱空心菜，稍微偏辣): one to three unlisted nouns, before a separator; ``learned``:
        the words the corpus pass learned count as unlisted (an item of a list said of all)."""
        while last > first and not tokens[last - 1].strip(_MARKS):
            last -= 1
        if not 0 < last - first <= MAX_COMPOUND or sum(map(len, tokens[first:last])) > MAX_CHARS:
            return None
        words = tokens[first:last]
        kind, unlisted = self._kind, self._listable if learned else self._unlisted
        if all(unlisted[t] for t in words):
            return first, last
        # a dish named with how it is cooked (葱焖虾, 炒苕尖, 茄子煲): nouns and one-character
        # verbs that are not the customer's acts
        head, cooked = self._head, self._cooked
        if len(words) > 1 and all(unlisted[t] or head[t] or cooked[t]
                                  for t in words) and any(kind[t] == 2 or head[t] for t in words):
            return first, last
        return None

    def opening(self, tokens: list[str], first: int, last: int) -> tuple[int, int] | None:
        """The unlisted noun compound a clause opens with when it goes on to say something
        else (龙虾是每位限量半只: 龙虾; 鸡柳就是半成品肉串: 鸡柳), its topic; None when the
        clause opens otherwise, the compound is followed by 的 (whose: 龙虾的个头) or by a
        verb of stating (客户表示满意: a person who says it), or is the customer (客户)."""
        while first < last and (tokens[first] in self.rules.list_openers or (
                tokens[first][0] in "这那" and DEMONSTRATIVE.match(tokens[first]))):
            first += 1  # 还有X, 这个X (not 每次: a time)
        j = first + (first < last and self.tag(tokens[first]) == "r")
        j += j < last and tokens[j] == "家"
        if first < j and j + 1 < last and tokens[j] == "的" and (
                self.tag(tokens[first]) == "r" or tokens[first].endswith("家")):
            first = j + 1  # 他家的鱼, 他们 家 的鱼
            if self._head[tokens[first]] and first + 1 < last \
                    and self._kind[tokens[first + 1]] != 2 and not self._head[tokens[first + 1]]:
                return first, first + 1  # (a one-character noun alone only so: 他家的鱼都是…)
        kind, head, cooked, terms = self._kind, self._head, self._cooked, self.lexicon.terms
        end = first
        while end < last and end - first < MAX_COMPOUND and tokens[end] not in terms and (
                kind[tokens[end]] == 2 or (end > first and (head[tokens[end]] or (
                    cooked[tokens[end]] and end + 1 < last and kind[tokens[end + 1]] == 2)))):
            end += 1  # (莲藕 炖 仔排: a dish named with how it is cooked)
        if end == first or end >= last or tokens[end] == "的" \
                or tokens[end] in self.rules.stance_verbs or self._glued_on(tokens[end]) \
                or tokens[first] in self.rules.not_scored or not self._named(tokens[first]) \
                or sum(map(len, tokens[first:end])) > MAX_CHARS:
            return None
        return first, end

    def _glued_on(self, token: str) -> bool:
        """A one-character noun, measure word or unknown character that goes on the compound
        before it (宫保鸡 丁: the name is cut, not ended)."""
        return len(token) == 1 and token not in FUNCTION_CHARS and token not in self._known \
            and self.tag(token)[:1] in ("n", "q", "z", "")

    def _named(self, token: str) -> bool:
        """Whether a word may open a clause as the thing it is about: a noun of the dictionary
        (not a verbal one: 试用), or a word it lacks that does not open with a function word
        or, in two or three characters, with a verb (用后 刚用 说用 若好 带回家; 鸡柳 肉串
        提拉米苏 pass)."""
        tag = self.tag(token)
        if self.tag(token[:2]) == "t":
            return False  # 今天上午: a time
        lead = self.tag(token[0])
        if tag:  # (not 用纸: what the customer does with, though the dictionary calls it a noun)
            return tag in NOUN_TAGS and tag not in ("vn", "an") and lead not in ("p", "c", "u", "r")
        return lead not in OPENING_NOT and not (len(token) <= 3 and lead in VERB_TAGS)

    def _is_cooked(self, token: str) -> bool:
        return len(token) == 1 and self.tag(token) in VERB_TAGS and token not in self._known \
            and token not in self.rules.customer_acts and token not in self.rules.moves

    def ordered(self, tokens: list[str], first: int, last: int, eaten: bool = False,
                learned: bool = False) -> list[tuple[int, int]]:
        """What the clause ``tokens[first:last]`` names, alone or after a verb of ordering with
        了 (点了牛腩面条, 我们点了A、B和C; rules.toml's orders, not 买了 吃了 给了): the things
        the next clause judges, in order; [] when the clause does more than name them.
        ``eaten``: the customer's acts count too (吃了A，B，C，都很好吃: a list judged as one).
        A word the corpus pass learned is a name of a list of two or more (还有布丁和蛋糕), alone
        only when ``learned`` (:meth:`topic`: said of all, 羊肉串，大虾，都很好吃)."""
        # a quick test first (most clauses end otherwise): the last name's last word is
        # one :meth:`topic` takes, a noun not listed, a one-character noun or a cooking verb
        end = last
        while end > first and not tokens[end - 1].strip(_MARKS):
            end -= 1
        if (cut := unvague(tokens, first, end)) < end:
            last = end = cut  # 要了个马蹄啥的: the name, and "and such"
        if end == first or not (self._listable[tokens[end - 1]]
                                or self._head[tokens[end - 1]] or self._cooked[tokens[end - 1]]):
            return []
        while first + 1 < last and (tokens[first] in self.rules.list_openers
                                    or tokens[first] in OPENING):
            first += 1  # 还有布丁和蛋糕, 【招牌烤鱼】：
        if first + 3 < last and self.tag(tokens[first]) == "r":
            first += 1  # 我们点了
        if first + 2 < last and tokens[first + 1] in ("了", "过", "的") and (
                tokens[first] in self.rules.orders
                or (eaten and tokens[first] in self.rules.customer_acts)):
            first += 2  # 点了一个三文鱼, 点了个三文鱼, 点的X: and the number of it
            if first + 1 < last and self.tag(tokens[first]) in ("m", "mq", "q"):
                first += 1
            if first + 1 < last and tokens[first] in VAGUE:
                first += 1  # 要了个什么马蹄: some dish, named as the customer recalls it
        out, start = [], first
        for k in range(first, last + 1):
            if k - start > MAX_COMPOUND + 1:
                return []  # more than a name before the next 、/和 (or the end)
            if k == last or tokens[k] in self.rules.coordinators:
                span = self.topic(tokens, start, k, True)
                if span is None:
                    return []
                out.append(span)
                start = k + 1
        if len(out) == 1 and not learned and self.topic(tokens, *out[0]) is None:
            return []  # a learned word alone: 高品质，非常好 (a slogan, no dish named)
        return out

    def heading(self, tokens: list[str], first: int, at: int) -> tuple[int, int] | None:
        """The name in brackets that closes at token ``at`` (【烧烤小土豆】很好吃: 小土豆, 「芒果
        布丁」), a dish's heading the words after it judge; None when the brackets hold more
        than a name."""
        if at <= first or tokens[at] not in CLOSING:
            return None
        o = at - 1
        while o >= first and at - o <= MAX_COMPOUND + 1 and tokens[o] not in OPENING:
            o -= 1
        if o < first or o + 1 >= at or tokens[o] not in OPENING:
            return None
        span = self.topic(tokens, o + 1, at)
        if span is None and (self._unlisted[tokens[at - 1]] or self._head[tokens[at - 1]]):
            span = self._compound(tokens, o + 1, at - 1)  # (烧烤 小土豆: the thing)
        if span is not None and tokens[at] in HASHES and self.file_term(
                tokens[span[0]:span[1]])[0].dimension != "product":
            return None  # #探店#: a topic, no dish
        return span

    def said_of_all(self, tokens: list[str], start: int, end: int) -> bool:
        """Whether ``tokens[start:end]`` (between names and their opinion) are words that
        may stand there, one of them 都 (羊肉串，鸡翅都还是很不错)."""
        words = tokens[start:end]
        return any(w.startswith("都") for w in words) and all(self._skips[w] for w in words)

    def names_before(self, tokens: list[str], start: int, limit: int = 4
                     ) -> list[tuple[int, int]]:
        """The clauses just before token ``start`` that only name something, nearest first
        (板筋，羊肉串，鸡翅都很好吃: 羊肉串, then 板筋)."""
        out: list[tuple[int, int]] = []
        end = start
        while len(out) < limit and end > 1 and tokens[end - 1] in LIST_MARKS:
            begin = end - 1
            while begin > 0 and tokens[begin - 1] not in CLAUSE_MARKS:
                begin -= 1
            span = self.topic(tokens, begin, end, True)
            if span is None:  # the list's head: 吃了比目鱼，龙利鱼，海鲈鱼，味道都很赞
                out.extend(reversed(self.ordered(tokens, begin, end, eaten=True, learned=True)))
                break
            out.append(span)
            end = begin
        return out

    def items_before(self, tokens: list[str], at: int, said_of_all: bool, floor: int = -1
                     ) -> list[tuple[int, int]]:
        """The other items of the list whose item starts at token ``at``, nearest first:
        joined by 和/与/及/、 in its clause, then, when it opens its clause, the clauses before
        that only name things when 都 says the judgement is of all (``said_of_all``: 虾饺，乳鸽，
        葡挞都很不错; the list's first clause may then open with what was had: 吃了比目鱼，
        龙利鱼，海鲈鱼，味道都很赞; not 个小，酸，包装不好: a clause of its own).
        ``floor``: no item starts before it, and the list stays in its clause (推荐A和B)."""
        out: list[tuple[int, int]] = []
        while at > 0 and len(out) < 8:
            mark = tokens[at - 1]
            if mark in _JOINS:
                lo = at - 1
                while lo > 0 and at - 1 - lo < MAX_COMPOUND + 1 and self._item_word[tokens[lo - 1]]:
                    lo -= 1
                if lo > 0 and self._kind[tokens[lo - 1]] == 1 and self._bounds(tokens, lo - 1) \
                        and tokens[lo - 1] not in _EXAMPLES:
                    lo -= 1  # 鲜榨 果汁: a verb opening the name (not 比如 书桌: an example's)
                if lo == at - 1 or lo <= floor or not self.is_item(tokens, lo, at - 1, True) \
                        or (lo > 0 and (self.tag(tokens[lo - 1]) in ("m", "mq", "q")
                                        or tokens[lo - 1][-1].isdigit())):
                    break  # (金轮宾馆3楼、位置: a floor's number, not a name)
                out.append((lo, at - 1))
                at = lo
                continue
            if mark not in _COMMAS or floor >= 0 or not said_of_all:
                break  # (个小，酸，包装不好; 床大，内饰不错: a clause of its own)
            begin = at - 1
            while begin > 0 and tokens[begin - 1] not in CLAUSE_MARKS:
                begin -= 1
            pieces, lead = self._clause_items(tokens, begin, at - 1)
            if not pieces:
                break
            out.extend(reversed(pieces))
            if lead:
                break
            at = begin
        return out

    def ends_clause(self, tokens: list[str], at: int | None, last: int) -> bool:
        """Whether an opinion ending at token ``at`` ends its clause (``last``): only
        particles, 了 的 些 or marks after it (都很好吃了; not 都没什么问题, 都不会中文)."""
        return at is not None and all(t in CLAUSE_MARKS or t in _CLOSERS or self.tag(t)[:1] in (
            "y", "u", "e", "x") for t in tokens[at:last])

    def items_after(self, tokens: list[str], end: int, last: int) -> list[tuple[int, int]]:
        """The items joined by 和/与/及/、 after the one ending at token ``end``, before the
        adverbs in front of ``last`` (大明虾和鳕鱼也都不错: 鳕鱼)."""
        out: list[tuple[int, int]] = []
        while end + 1 < last and tokens[end] in _JOINS:
            k = end + 1
            while k < last and tokens[k] not in _JOINS and not self._skips[tokens[k]] \
                    and tokens[k] not in CLAUSE_MARKS:
                k += 1
            if not self.is_item(tokens, end + 1, k, True):
                return []
            out.append((end + 1, k))
            end = k
        return out

    def is_item(self, tokens: list[str], first: int, last: int, bounded: bool) -> bool:
        """Whether ``tokens[first:last]`` is a name that may stand in a list: nouns (listed
        or not, one-character ones too: 虾, 鸭 血), a verb only before them when the name is
        bounded by marks (鲜榨 果汁, 提拉 米苏, 烤 肠); no pronoun, time, number or particle."""
        if not 0 < last - first <= MAX_COMPOUND + 1 \
                or sum(map(len, tokens[first:last])) > MAX_CHARS \
                or self.tag(tokens[first]) in _NOT_IN_NAME:
            return False
        end = tokens[last - 1]
        if not self._item_word[end] and not (
                bounded and last - first > 1 and len(end) == 1 and end not in self._known
                and end not in FUNCTION_CHARS and self.tag(end)[:1] in ("a", "m", "q", "z", "")):
            return False  # (榴莲 酥, 春 卷: the name's last character cut off, inside marks)
        rules = self.rules
        return all(self._item_word[t] or (bounded and (self._cooked[t] or (
            self._kind[t] == 1 and t not in rules.customer_acts and t not in rules.orders)))
                   for t in tokens[first:last - 1])

    @cached_property
    def _unlisted(self) -> Memo:
        """token → whether it is a noun the pack does not list (a name of its own)."""
        terms = self.lexicon.terms
        return Memo(lambda t: self._kind[t] == 2 and t not in terms)

    @cached_property
    def _listable(self) -> Memo:
        """token → whether it is a noun a list may name as an item of its own: one the pack
        does not list, or one the corpus pass learned (大虾 in 羊肉串，大虾，都很好吃 and 羊肉串和
        大虾 is an item as 羊肉串 is, learned or not; alone, a learned word is no clause's topic:
        高品质，非常好)."""
        terms, learned = self.lexicon.terms, self.lexicon.learned
        return Memo(lambda t: self._kind[t] == 2 and (t not in terms or t in learned))

    @cached_property
    def _item_word(self) -> Memo:
        """token → whether it may be a word of a list's item (:meth:`_is_item_word`)."""
        return Memo(self._is_item_word)

    def _is_item_word(self, token: str) -> bool:
        if self._kind[token] == 2 or self._head[token]:
            return True
        if len(token) == 1:  # 鸭 血: a one-character noun the dictionary files otherwise
            return self.tag(token)[:1] == "n" and token not in self._known \
                and token not in self.rules.not_aspects
        # a name the dictionary calls a set phrase, ending on a noun (比目鱼)
        return len(token) > 2 and self.tag(token) == "l" and self._head[token[-1]]

    def _bounds(self, tokens: list[str], at: int) -> bool:
        """Whether the token at ``at`` opens a name: its clause's first, or after a mark,
        a join, 的 or a word that leads into a list."""
        return at == 0 or tokens[at - 1] in CLAUSE_MARKS or tokens[at - 1] in _JOINS \
            or tokens[at - 1] == "的" or tokens[at - 1] in _LEADS

    def _clause_items(self, tokens: list[str], first: int, last: int
                      ) -> tuple[list[tuple[int, int]], bool]:
        """The names the clause ``tokens[first:last]`` lists and nothing else, in order, and
        whether it opens with a lead-in (吃了, 还有, 像); ([], False) when it says more."""
        start, lead = first, False
        for k in range(min(last - 1, first + 5), first, -1):
            if tokens[k - 1] in _LEADS or tokens[k - 1] in self.rules.list_openers:
                if any(t in self.lexicon.opinions for t in tokens[first:k]):
                    return [], False
                start, lead = k, True
                break
        out, begin = [], start
        for k in range(start, last + 1):
            if k == last or tokens[k] in _JOINS:
                if not self.is_item(tokens, begin, k, True):
                    return [], False
                out.append((begin, k))
                begin = k + 1
        return out, lead


# Words between a list's items (和 与 及 跟 以及 、) and the marks between its clauses.
_JOINS = frozenset({"和", "与", "及", "跟", "以及", "、"})
_COMMAS = frozenset({",", "，", "、"})
_BESIDE = _JOINS | _COMMAS
# Words a list's first item may stand after in its clause (吃了比目鱼，龙利鱼…; 像香酥羊排，…;
# 菜品是A，B，C): what the customer had, or what the list is of.
_LEADS = frozenset({"了", "过", "像", "是", "有", "还有", "比如", "例如", "包括"})
# Opinions of how two things stand to each other (照片与事实不符, 价格和质量很匹配): said of the
# pair, not of each (unless 都 says so: 颜色、形状都不一样)
_RELATIONS = ("符", "一样", "一致", "匹配", "相同", "不同", "相比", "结合", "相关", "搭", "差不多",
              "差别", "区别")  # (原著小说和电影略有些差别: the two compared, neither judged)
# Verbs that bring in an example, never a name's first word (比如书桌和电视都很旧)
_EXAMPLES = frozenset({"比如", "例如", "譬如", "比方", "好比", "像"})
# Words that may close a judgement (都很新鲜的, 都稍低些, 也没有了)
_CLOSERS = frozenset({"了", "的", "些", "点", "一点", "一些", "啊", "呢", "吧", "哦", "呀", "啦",
                      "哈", "噢", "滴", "哒", "嘛"})
# Parts of speech no item's word has: pronouns, times, numbers, measure words, prepositions,
# conjunctions, adverbs, particles (我们, 今天, 两个, 在, 但, 很, 的)
_NOT_IN_NAME = frozenset({"r", "t", "m", "mq", "q", "p", "c", "d", "u", "uj", "ul", "y"})


def _token_at(starts: list[int], offset: int) -> int | None:
    """The index of the token starting at character ``offset``, else None (by bisection of
    the tokens' starts: no table built for a comment)."""
    k = bisect_left(starts, offset)
    return k if k < len(starts) and starts[k] == offset else None


def may_reach(text: str, mentions: list) -> bool:
    """A quick test: whether :func:`list_judged` may change ``mentions``: a word that joins
    a list's items (和 与 及 跟 、) or says a judgement is of all (都) in the comment."""
    # (the characters spelt out: no generator made for each comment; 以及 holds 及)
    return ("和" in text or "与" in text or "及" in text or "跟" in text or "、" in text
            or "都" in text) and any(m.opinion and m.term for m in mentions)


def list_judged(finder: Any, text: str, tokens: list[str], starts: list[int],
                spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with every item of a list judged together given the judgement of the one
    found (虾和牛蛙都不太入味: 虾 too; 大明虾和鳕鱼也都不错: 鳕鱼; 比较喜欢鸡翅和烤肠: 烤肠).

    A mention's term is an item of a list when 和/与/及/跟/、 joins it to the next name, or,
    with 都, when it opens its clause and the clauses before it only name things (虾饺，乳鸽，
    榴莲酥，葡挞都还是很不错); its opinion is said of the list when only adverbs (都 也都 还是)
    stand between the list and it and it ends its clause (not 都没什么问题), or when it takes
    the list as its object (推荐A和B). Each item is a name (:meth:`NamedItems.is_item`),
    listed, learned or unknown alike, and takes the mention's opinion and polarity; an item
    judged in a mention of its own keeps it (one named without judgement takes the list's:
    环境，服务都不错), and no clause that holds an opinion is reached into (牛肉很好吃，鸡肉一般
    stays two verdicts). A relation said of two (照片与事实不符) reaches neither."""
    taken: list[tuple[int, int]] = []  # (filled when a list is first met)
    unjudged: dict[tuple[int, int], int] = {}
    dropped: set[int] = set()
    added: list = []
    for m in mentions:
        if not m.opinion or not m.term or m.source == "event":
            continue
        c_start, c_end = spans[m.clause_id]
        a, b = _token_at(starts, m.start), _token_at(starts, m.end)
        if a is None or b is None or not ((a and tokens[a - 1] in _BESIDE) or (
                b < len(tokens) and tokens[b] in _JOINS)):
            continue  # (most terms: no list's mark beside them)
        last = bisect_left(starts, c_end)
        o = text.find(m.opinion, m.end, c_end) if m.start >= c_start else -1
        if m.start < c_start:  # an item of a list the rules before judged (A，B，味道都好)
            said = text.find(m.opinion, c_start, c_end)
            if said < 0 or "都" not in text[c_start:said]:
                continue
            items = finder.items_after(tokens, b, bisect_left(starts, c_start)) \
                + finder.items_before(tokens, a, True)
        elif o < 0:  # 推荐A和B, 最喜欢的还是A和B: an opinion that takes the list as object
            before = text.rfind(m.opinion, c_start, m.start)
            if before < 0 or not finder.takes_object(m.opinion):
                continue
            items = finder.items_after(tokens, b, last)
            stop = items[-1][1] if items else b
            if any(t not in CLAUSE_MARKS and finder.tag(t) != "y" for t in tokens[stop:last]):
                continue  # (推荐A和B的做法: the list goes on into something else)
            items += finder.items_before(tokens, a, False, bisect_left(starts, before))
        else:
            judged = _token_at(starts, o)
            if judged is None:
                continue
            after = finder.items_after(tokens, b, judged)
            stop = after[-1][1] if after else b
            between = tokens[stop:judged]
            all_of = any(t.endswith("都") for t in between)
            if not all(finder._skips[t] for t in between) or (
                    not all_of and any(w in m.opinion for w in _RELATIONS)):
                continue  # (照片与事实不符: the two compared, neither judged)
            items = after + finder.items_before(tokens, a, all_of)
        said = text.find(m.opinion, max(m.end, c_start), c_end)
        if said >= 0 and not finder.ends_clause(tokens, _token_at(starts, said + len(m.opinion)),
                                                last):
            continue  # (都没什么问题, 都不会中文: the judgement goes on; 推荐A和B: before)
        if items and not taken:
            taken = [(n.start, n.end) for n in mentions if n.term]
            unjudged = {(n.start, n.end): k for k, n in enumerate(mentions)
                        if n.term and not n.opinion and n.source != "event"}
        for x, y in items:
            where = (starts[x], starts[y])
            if any(s < where[1] and where[0] < e for s, e in taken):
                if where not in unjudged:
                    continue
                dropped.add(unjudged.pop(where))  # 环境，服务都不错: 环境 named, now judged
            taken.append(where)
            words = tokens[x:y]
            listed = finder.lexicon.terms.get(words[0]) if len(words) == 1 else None
            if listed is not None:
                factor, source, how = listed, "lexicon", "term"
            elif m.filed_by in ("cue", "verdict"):  # 好吃 says taste of every dish
                factor, source, how = None, "discovered", m.filed_by
            else:
                (factor, how), source = finder.file_term(words), "discovered"
            added.append(m._replace(
                dimension=m.dimension if factor is None else factor.dimension,
                factor=m.factor if factor is None else factor.key, term="".join(words),
                start=where[0], end=where[1], source=source, filed_by=how))
    if not added:
        return mentions
    out = [m for n, m in enumerate(mentions) if n not in dropped] + added
    out.sort(key=lambda m: (m.clause_id, m.start))
    return out
