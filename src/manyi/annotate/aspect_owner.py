"""Whose is a listed word: the thing's or the seller's. In a pack where a thing is bought, a
word listed under communication, channel or the listing (短信 电话 信息 界面 位置 图片 照片)
is often a function or part of the thing itself (a phone's SMS, its camera's photos, the
position of its keys). Judged by the comment around it, not by a word list:

* **said of the thing**: after a word of the thing (像素…拍出的照片, 按键的位置, WAP网页), or
  before a product word (短信功能, 接通效果) or, a communication noun, an unlisted noun
  (电话网络) → the product's; a longer word built on one (显示图片, 短信铃声) too;
* **the seller's side**, kept: the sentence names a seller or who answers (客服 卖家 售后 …)
  or the order's delivery or a service (物流 发货 维修); the clause makes a contact (打电话给,
  发短信通知, 发信息不回); the opinion is a word of the term's own dimension (打不通); a
  picture compared (跟图片基本一样, 和图片差太多); an act (回复 提醒) outside a compound;
* otherwise a communication noun (短信 电话 信息), the seller never named, is the thing's.
  Pictures and channel words (where or how one buys) move only in a compound.

A bare 速度 (速度快) stays the delivery's unless the comment names no delivery word and names the
thing working (死机 运行 上网 开机 …, rules.toml ``working``): 速度不错,很少死机 → product.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> tokens = ["拍", "出", "的", "照片", "效果", "不好"]
>>> [(m.term, m.dimension) for m in ex.extract("拍出的照片效果不好", tokens)
...  if m.term == "照片"]
[('照片', 'product')]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from manyi.text.lexicon import Factor

OWNED = ("communication", "channel")  # dimensions whose nouns a thing may have
LISTING = "description"  # the product factor of the listing (图片 照片 实物 描述)
CLAUSE = frozenset("，,。！!？?；;：:\n ～~")  # the tokens that end a clause
STOPS = frozenset("。！!？?；;\n")  # and a sentence
# Factors of those dimensions a thing never has: the shop's premises (门店 营业时间 排队), the
# buying (下单 付款), and what the seller says (回复 解释 承诺 广告).
SHOPS = frozenset({"outlets", "hours", "queue", "process", "response", "explanation", "promise"})
SHOP_ENDS = ("网", "商城", "书店", "书城")  # a shop's name (当当网, 京东商城): the seller's side


NEAR_CHARS = 12  # how far back the word before a term may start (双核的速度)


class ThingsOwn:
    """The re-filer of listed words said of the thing bought (see the module doc); built by
    :class:`~manyi.annotate.context_filing.ProductContext` with its ``product`` factor."""

    def __init__(self, lexicon: Any, finder: Any, product: Factor) -> None:
        self.lexicon, self.finder, self.product = lexicon, finder, product
        rules = finder.rules
        self.seller = frozenset(rules.sellers) | frozenset(rules.seller_side)
        # not a word holding a seller's (客服电话, 客服消息)
        self.words = frozenset(
            w for w, f in lexicon.terms.items()
            if (f.dimension in OWNED and f.key not in SHOPS
                or f.dimension == "product" and f.key == LISTING)
            and w not in rules.likeness and not any(s in w for s in self.seller))
        # of those, the acts (回复 通知 提醒 接通): the thing's only in a compound with it
        self.acts_words = frozenset(w for w in self.words if finder.tag(w).startswith("v"))
        self.acts = frozenset(rules.contact_acts)
        self.person_ends = tuple(rules.person_ends) + ("员",)
        self.thing_ends = tuple(rules.thing_ends)
        self.compare = frozenset(rules.coordinators) | {"跟", "同", "像"}  # (跟图片, 与图片)
        self.likeness = frozenset(rules.likeness) | frozenset(
            w for w, f in lexicon.cues.items() if f.dimension == "product" and f.key == LISTING)
        self.working = frozenset(rules.working)
        speed = lexicon.terms.get("速度")
        self.speed = speed if speed is not None and speed.dimension == "logistics" else None

    def __call__(self, text: str, tokens: list[str], starts: list[int], mentions: list,
                 of_the_thing: Any) -> list:
        """``mentions`` with the words above re-filed (``filed_by`` context);
        ``of_the_thing(word)``: the product factor a word before a head names, else None."""
        out = None
        for n, m in enumerate(mentions):
            speed = self.speed is not None and m.term == "速度" and m.dimension == "logistics"
            if m.source != "lexicon" or m.filed_by != "term" or not speed and (
                    m.term not in self.words or m.dimension == "product"
                    and m.factor != LISTING):
                if (m.dimension == "communication" or m.factor == LISTING) and self._compound(m) \
                        and not self._sided(tokens, bisect_left(starts, m.start)):
                    out = list(mentions) if out is None else out
                    out[n] = m._replace(dimension=self.product.dimension,
                                        factor=self.product.key, filed_by="context")
                continue
            i = bisect_left(starts, m.start)
            if i >= len(tokens) or starts[i] != m.start or tokens[i] != m.term:
                continue
            j, before = word_before(tokens, starts, i)
            if speed:  # 双核的速度 is ProductContext's: here only the bare one
                if not self._working(tokens, m.term):
                    continue
            elif not self._owned(tokens, i, j, before, m, of_the_thing) and (
                    m.term in self.acts_words or self._sided(tokens, i)
                    or not self._unclaimed(tokens, i, m)):
                continue
            if out is None:
                out = list(mentions)
            out[n] = m._replace(dimension=self.product.dimension, factor=self.product.key,
                                filed_by="context")
        return mentions if out is None else out

    def _compound(self, m: Any) -> bool:
        """Whether a longer word holding one of the words above is the thing's: a listing
        word after more of the thing (显示图片, 拍出的照片; not 照片拍的, 图片上的), a
        communication word before or after it (短信铃声, 电话簿存量; not 客服电话)."""
        if m.source not in ("lexicon", "discovered") or len(m.term) < 3 \
                or not (m.dimension == "communication" or m.factor == LISTING):
            return False
        term = m.term
        return any(term != w and (term.endswith(w) or m.factor != LISTING
                                  and term.startswith(w))
                   for w in self.words if len(w) >= 2 and self.lexicon.terms[w].key == m.factor) \
            and not any(s in term for s in self.seller) \
            and not any(a in term for a in self.acts) \
            and not any(w in term for w in self.likeness)

    def _owned(self, tokens: list[str], i: int, j: int, before: str, m: Any,
               of_the_thing: Any) -> bool:
        """Whether the word at ``i`` is in a compound with the thing: after a word of it
        (按键的位置, 日程提醒, WAP网页; an unlisted word only a noun or through 的: 拍出的照片;
        not 打电话, 卖家的图片, 京东商城平台) or before a product word (短信功能, 接通效果;
        not 短信通知) or, a communication noun, before an unlisted noun (电话网络; not
        提醒用户, 电话专员); never said with its own dimension's opinion (定点电话都打不通)
        nor a picture compared (跟图片基本一样, 实物与图片颜色天差地别)."""
        if m.opinion:
            f = self.lexicon.cues.get(m.opinion) or self.lexicon.terms.get(m.opinion)
            if f is not None and f.dimension == m.dimension and (
                    m.factor != LISTING or f.key == LISTING):  # (好看图片: the thing's look)
                return False
        if m.factor == LISTING and self._compared(tokens, i):
            return False
        lexicon = self.lexicon
        if before and before not in self.acts and not any(s in before for s in self.seller) \
                and not before.endswith(self.person_ends) and of_the_thing(before) is not None:
            if lexicon.terms.get(before) is not None or before.isascii():
                return True  # 像素…照片, WAP网页: a part of the thing named
            if m.dimension == "communication" and not before.endswith(self.thing_ends) \
                    and (j == i - 1 or self.finder.tag(before).startswith("n")):
                pass  # 出版社的电话, 相关的提醒: whose line or notice, not a part
            elif (j < i - 1 or self.finder.tag(before) == "n") \
                    and not any(w in before for w in self.words) \
                    and not self._sided(tokens, i):  # (发消息提醒, 到货以后: the order's)
                return True
        if i + 1 < len(tokens):
            after = tokens[i + 1]
            listed = lexicon.terms.get(after) or lexicon.cues.get(after)
            if listed is not None:
                return listed.dimension == "product" and listed.key != LISTING
            return m.dimension == "communication" and m.term not in self.acts_words \
                and self.finder.tag(after) == "n" and len(after) >= 2 \
                and after not in self.acts and not after.endswith(self.person_ends) \
                and not self._sided(tokens, i)  # (电话专员, 信息联系我: no part)
        return False

    def _compared(self, tokens: list[str], i: int) -> bool:
        """Whether the picture at ``i`` is compared in its sentence (跟图片, 与图片…一样, 实物)."""
        if i > 0 and tokens[i - 1] in self.finder.rules.comparison_markers | self.compare:
            return True
        a, b = _around(tokens, i, STOPS)
        sentence = "".join(tokens[a:b])
        return any(w in sentence for w in self.likeness)

    def _sided(self, tokens: list[str], i: int) -> bool:
        """Whether the sentence of the word at ``i`` names a seller or who answers (客服 卖家),
        the order's delivery or a service (物流 快递 维修: a notification is the order's)."""
        lexicon = self.lexicon
        a, b = _around(tokens, i, STOPS)
        for t in tokens[a:b]:
            if t in self.seller or len(t) >= 3 and t.endswith(SHOP_ENDS):
                return True  # 客服, 卖家; 当当网, 京东商城: a shop's name
            f = lexicon.terms.get(t) or lexicon.verbs.get(t)
            if f is not None and (f.dimension == "logistics" or f.dimension == "service"
                                  or f.key in SHOPS) \
                    and t not in lexicon.attribute_heads:  # (短信速度慢: whose, it asks)
                return True  # 物流 维修 订单 下单: the order's
        return False

    def _unclaimed(self, tokens: list[str], i: int, m: Any) -> bool:
        """Whether a word no seller claims is the thing's: a communication word (not a
        picture, 图片 照片, compared with the thing as often as taken by it, nor a channel
        word, where or how one buys: those only in a compound), no contact made in its
        clause (打电话给, 发短信通知, 发信息联系我), no opinion of its own dimension
        (打不通)."""
        if m.dimension != "communication":
            return False
        a, b = _around(tokens, i, CLAUSE)
        clause = "".join(tokens[a:b])
        if any(t in self.acts for t in tokens[a:b]) or any(
                len(w) > 1 and w in clause for w in self.acts):
            return False
        if m.opinion:
            f = self.lexicon.cues.get(m.opinion) or self.lexicon.terms.get(m.opinion)
            if f is not None and f.dimension == m.dimension:
                return False
        return True

    def _working(self, tokens: list[str], term: str) -> bool:
        """Whether a bare speed is the thing's: the comment names it working (死机 上网) and
        no delivery (物流 发货 到了 …, listed under logistics)."""
        lexicon = self.lexicon
        working = False
        for t in tokens:
            if t == term:
                continue
            f = lexicon.terms.get(t) or lexicon.verbs.get(t) or lexicon.cues.get(t)
            if f is not None and f.dimension == "logistics":
                return False
            working = working or t in self.working
        return working


def _around(tokens: list[str], i: int, stops) -> tuple[int, int]:
    """The run of tokens around ``tokens[i]`` between two of ``stops`` (its sentence or its
    clause), as (start, end).

    >>> _around(["短信", "很", "好", "，", "电话", "清楚"], 4, {"，"})
    (4, 6)
    """
    a = i
    while a > 0 and tokens[a - 1] not in stops:
        a -= 1
    b = i
    while b < len(tokens) and tokens[b] not in stops:
        b += 1
    return a, b


def word_before(tokens: list[str], starts: list[int], i: int) -> tuple[int, str]:
    """The word just before ``tokens[i]``, past one 的 (拍出的照片: 拍出), and its index; ""
    when it is more than a few characters away.

    >>> word_before(["拍出", "的", "照片"], [0, 2, 3], 2)
    (0, '拍出')
    """
    j = i - 1
    if j > 0 and tokens[j] == "的":
        j -= 1
    return j, tokens[j] if j >= 0 and starts[j] >= starts[i] - NEAR_CHARS else ""
