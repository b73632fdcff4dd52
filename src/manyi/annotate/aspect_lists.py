"""Things named in a list or a clause of their own, judged by the next clause (羊肉串，鸡翅都很
好吃; 点了牛腩面条，味道一般; 花肉锅和海鲜锅还是不错的): the part of aspect discovery
(:class:`~manyi.annotate.aspects.AspectFinder`) that reads names rather than opinions.

>>> from manyi.annotate.aspects import AspectFinder
>>> from manyi.text.lexicon import Lexicon
>>> finder = AspectFinder(Lexicon.load("catering"))
>>> finder.ordered(["点", "了", "牛腩", "面条"], 0, 4)
[(2, 4)]
"""

from __future__ import annotations

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

# Parts of speech of a first character that opens no name: a preposition, adverb,
# conjunction or pronoun (用后, 刚用, 若好, 我家).
OPENING_NOT = frozenset({"p", "d", "c", "r", "u", "m", "q"})
_MARKS = "，,。.!！?？;；~～…:： "  # the marks a clause that names something may end with


class NamedItems:
    """Mixin of :class:`~manyi.annotate.aspects.AspectFinder`: it reads the finder's word
    kinds (``_kind``, ``_head``, ``_cooked``, ``_skips``), ``tag``, ``rules`` and ``lexicon``."""

    def coordinated(self, tokens: list[str], first: int, start: int) -> tuple[int, int] | None:
        """The compound joined by 和/跟/与 before the one starting at ``start`` (花肉锅和海鲜锅
        还是不错的: both are judged)."""
        j = start - 1
        if j - 1 < first or tokens[j] not in self.rules.coordinators:
            return None
        if self._kind[tokens[j - 1]] == 2 and tokens[j - 1] not in self.lexicon.terms:
            return self._compound(tokens, first, j - 1)
        return None

    def coordinated_after(self, tokens: list[str], end: int, last: int
                          ) -> list[tuple[int, int]]:
        """The compounds joined by 和/跟/、 after the one ending at ``end`` (螃蟹 和 生蚝 都不太
        新鲜: 生蚝), before ``last``."""
        out: list[tuple[int, int]] = []
        kind, terms = self._kind, self.lexicon.terms
        while end + 1 < last and tokens[end] in self.rules.coordinators:
            stop = end + 1
            while stop < last and stop - end <= MAX_COMPOUND and kind[tokens[stop]] == 2 \
                    and tokens[stop] not in terms:
                stop += 1
            if stop == end + 1:
                break
            out.append((end + 1, stop))
            end = stop
        return out

    def topic(self, tokens: list[str], first: int, last: int) -> tuple[int, int] | None:
        """The clause ``tokens[first:last]`` when it only names something (香锅，大大的好吃;
        虾酱空心菜，稍微偏辣): one to three unlisted nouns, before a separator."""
        while last > first and not tokens[last - 1].strip(_MARKS):
            last -= 1
        if not 0 < last - first <= MAX_COMPOUND or sum(map(len, tokens[first:last])) > MAX_CHARS:
            return None
        words = tokens[first:last]
        kind, terms = self._kind, self.lexicon.terms
        if all(kind[t] == 2 and t not in terms for t in words):
            return first, last
        # a dish named with how it is cooked (葱焖虾, 炒苕尖, 茄子煲): nouns and one-character
        # verbs that are not the customer's acts
        head, cooked = self._head, self._cooked
        if len(words) > 1 and all((kind[t] == 2 and t not in terms) or head[t] or cooked[t]
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

    def ordered(self, tokens: list[str], first: int, last: int, eaten: bool = False
                ) -> list[tuple[int, int]]:
        """What the clause ``tokens[first:last]`` names, alone or after a verb of ordering with
        了 (点了牛腩面条, 我们点了A、B和C; rules.toml's orders, not 买了 吃了 给了): the things
        the next clause judges, in order; [] when the clause does more than name them.
        ``eaten``: the customer's acts count too (吃了A，B，C，都很好吃: a list judged as one)."""
        # a quick test first (most clauses end otherwise): the last name's last word is
        # one :meth:`topic` takes, a noun not listed, a one-character noun or a cooking verb
        end = last
        while end > first and not tokens[end - 1].strip(_MARKS):
            end -= 1
        if end == first or not ((self._kind[tokens[end - 1]] == 2
                                 and tokens[end - 1] not in self.lexicon.terms)
                                or self._head[tokens[end - 1]] or self._cooked[tokens[end - 1]]):
            return []
        while first + 1 < last and tokens[first] in self.rules.list_openers:
            first += 1  # 还有布丁和蛋糕
        if first + 3 < last and self.tag(tokens[first]) == "r":
            first += 1  # 我们点了
        if first + 2 < last and tokens[first + 1] in ("了", "过", "的") and (
                tokens[first] in self.rules.orders
                or (eaten and tokens[first] in self.rules.customer_acts)):
            first += 2  # 点了一个三文鱼, 点了个三文鱼, 点的X: and the number of it
            if first + 1 < last and self.tag(tokens[first]) in ("m", "mq", "q"):
                first += 1
        out, start = [], first
        for k in range(first, last + 1):
            if k - start > MAX_COMPOUND + 1:
                return []  # more than a name before the next 、/和 (or the end)
            if k == last or tokens[k] in self.rules.coordinators:
                span = self.topic(tokens, start, k)
                if span is None:
                    return []
                out.append(span)
                start = k + 1
        return out

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
            span = self.topic(tokens, begin, end)
            if span is None:  # the list's head: 吃了比目鱼，龙利鱼，海鲈鱼，味道都很赞
                out.extend(reversed(self.ordered(tokens, begin, end, eaten=True)))
                break
            out.append(span)
            end = begin
        return out
