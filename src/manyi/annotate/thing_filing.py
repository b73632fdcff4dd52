"""Words filed by what the thing bought is to them (where a thing is bought).

The customer's own body as the one the thing bought is for, not a part of it: a body
word (rules.toml's ``body``: 皮肤 头发 肠胃 …) the opinion is said *to* — the object of a word
of suiting (很适合我的皮肤, 适合她的皮肤) or after 对/给 (对皮肤很好) — is the thing's verdict,
re-filed under the thing bought (``overall``, ``filed_by`` context). How the body is after
use stays the product's effect (用后皮肤光光的, 干燥头发, 皮肤白了): there it is described.

A discovered word ending in 品 (goods: 化妆品 护肤品 日用品) names a kind of goods, the thing
bought itself: it is re-filed under the thing too (这个牌子的化妆品挺好的), not as an attribute.
Not a gift (附赠的试用品很好用: 赠品 礼品 试用品, or a gift word in the clause), not in a clause
that compares or names other goods (以前用的化妆品比这个好, 别家的护肤品), and 作品 only after a
demonstrative (这部作品; 一般的文学作品 is literature in general).

A problem solved by the thing (这个解决了我的困扰, 它解决了我多年的痘痘问题: 解决 with the thing
or a demonstrative as its subject) is what the thing does, its effect, not the shop's
resolution of a complaint (客服很快解决了问题 and 问题一直没解决 stay the shop's; so does every
解决 of a comment that names a service agent: 这个已经解决了，谢谢客服).

An online channel's cue (闪退) said of a discovered word or alone, in a comment that names
no online channel of the shop (no listed APP 客户端 网站 页面 term), is the thing's own crash
(玩游戏经常闪退, 手机经常闪退, 打开相机就闪退): its performance, not the shop's app. Where
another mention of the thing in its clause carries the same crash (手机经常闪退: 手机), the cue's
mention is dropped: one complaint, counted once.

The surroundings the thing is used in (在嘈杂的环境里会漏接电话, 强光环境下屏幕显示不清: 环境
in a frame of condition, followed by 里/中/下) are no aspect where no venue is reviewed: the
mention is dropped (the clause's other mentions stay). A verdict on 环境 itself (一流的环境,
良好的睡觉环境) stays, and so does every 环境 of a comment that names a venue's word
(卫生 装修 氛围: ``venue``).

The thing bought named beside one of its attributes said by its cue, both judged by the same
opinion in one clause (裤子缝合的地方不牢开线了, 裤子穿着合身: 裤子 and 开线 / 合身), is one
judgement, the attribute's: the item's mention is dropped (:func:`item_beside_attribute`), so
that a complaint is not counted twice in the mentions. So with a cue of the brand or the price
(这个洗发水可能是假货, 护发素一直在回购, 东西很便宜: 假货 回购 便宜): the judgement is the cue's.
(Not a cue of a person's: 友好 耐心 said beside the thing are said of the thing.)

Runs where a thing is bought (:class:`~manyi.annotate.context_filing.ProductContext`).

>>> from manyi.annotate.factors import Mention
>>> from manyi.text.lexicon import Factor
>>> said = [Mention(0, c, "product", "attribute", "皮肤", o, False, 1.0, False, 0.5, 0, 2,
...                 "discovered") for c, o in (("很适合我的皮肤", "很适合"), ("对皮肤很好", "很好"),
...                                            ("用后皮肤光光的", "光光"))]
>>> item = Factor("overall", "item", "商品整体")
>>> [(m.clause, m.dimension) for m in body_as_target(said, frozenset({"皮肤"}), item)]
[('很适合我的皮肤', 'overall'), ('对皮肤很好', 'overall'), ('用后皮肤光光的', 'product')]
"""

from __future__ import annotations

import re
from typing import Any  # a factors.Mention (imported there: no cycle)

# between the target mark and the body: whose body it is (我的, 她的, 宝宝的) or 的 alone
OWNERS = ("我", "你", "他", "她", "我们", "自己", "宝宝", "孩子", "家人", "老人")
OWNERS_LONGEST = sorted(OWNERS, key=len, reverse=True)
TARGET_MARKS = ("对", "给", "对于")  # 对皮肤很好, 给皮肤补水: what the thing does to it
RESOLUTION = ("service", "resolution")
ONLINE = ("channel", "online")
SURROUNDINGS = "环境"
WITHIN = frozenset("里中下内")  # 环境里, 环境下: where one is
THING_SUBJECTS = ("这个", "这款", "这瓶", "这支", "这套", "它", "此款", "本品")
GOODS_END = "品"  # 化妆品 护肤品: goods (two-character 品 words are listed or no goods: 人品)
SUITS = ("适合", "合适", "适用")  # 很适合我的皮肤: whom it suits (not 干燥头发: a description)
GIFT = "gift"  # the gift factor's key (附赠 赠品 小样): its goods are no thing bought
GIFT_ENDS = ("赠品", "礼品", "试用品", "样品", "奖品")
# a clause that compares or names other goods than the ones bought (比 not 比较: fairly)
OTHER_GOODS = re.compile("比(?!较|例|赛|如)|以前|之前|原来|别家|别人|别的|其他|其它|同类|上次")
WORKS = "作品"  # 这部作品: the book bought; 文学作品 alone: literature in general
THIS = re.compile("[这此本该那][部本套篇首]?$")
# what the thing bought has that its cue says (item_beside_attribute)
CUED = frozenset({"product", "brand", "price"})
# who answers for the shop: a comment naming one speaks of its resolution (谢谢客服)
AGENTS = ("客服", "卖家", "售后", "商家", "店家", "掌柜", "老板")


def body_as_target(mentions: list, body: frozenset[str], item: Any,
                   effect: Any = None, venue: bool = False, text: str = "") -> list:
    """``mentions`` with each body word an opinion is said to, and each kind of goods named
    (see the module docstring), re-filed under ``item`` (the pack's thing bought:
    overall.item, else overall); with ``effect`` (the product's performance factor), each
    problem the thing solves (where ``text``, the comment, names no service agent) and each
    crash of its own re-filed under it; without ``venue`` (the comment names a venue's
    word), the surroundings the thing is used in dropped."""
    crash = effect is not None and any(m.dimension == "channel" for m in mentions) \
        and not any(m.dimension == "channel" and m.filed_by == "term" for m in mentions)
    filed: dict[int, Any] = {}  # position → the mention re-filed
    drop: set[int] = set()
    for n, m in enumerate(mentions):
        if not venue and m.term == SURROUNDINGS and m.dimension == "environment" \
                and _around(m):
            drop.add(n)
        elif crash and (m.dimension, m.factor) == ONLINE and m.filed_by == "cue":
            if any(o.clause_id == m.clause_id and o.term and o.opinion == m.opinion
                   and o.dimension == effect.dimension for o in mentions):
                drop.add(n)  # 手机经常闪退: 手机's mention carries the crash
            else:
                filed[n] = _refiled(m, effect)
        elif effect is not None and (m.dimension, m.factor) == RESOLUTION and m.implicit \
                and not any(a in text for a in AGENTS) and _by_the_thing(m, mentions, n):
            filed[n] = _refiled(m, effect)
        elif goods(m) and _the_goods_bought(m, mentions) or _said_to_body(m, body):
            filed[n] = _refiled(m, item)
    if not filed and not drop:
        return mentions
    return [filed.get(n, m) for n, m in enumerate(mentions) if n not in drop]


def _refiled(m: Any, factor: Any) -> Any:
    """``m`` filed under ``factor`` by its context."""
    return m._replace(dimension=factor.dimension, factor=factor.key, filed_by="context")


def _said_to_body(m: Any, body: frozenset[str]) -> bool:
    """Whether ``m`` is a body word the opinion is said to (对皮肤很好, 很适合我的皮肤), not
    the body described (皮肤光光的, 干燥头发: the product's effect)."""
    if m.term not in body or m.dimension == "overall" or not m.opinion:
        return False
    at = m.clause.find(m.term)
    if at < 0:
        return False
    before = _past_owner(m.clause[:at])
    return before.endswith(TARGET_MARKS) or (
        before.endswith(m.opinion) and any(w in m.opinion for w in SUITS))


def item_beside_attribute(mentions: list, item: Any) -> list:
    """``mentions`` without each mention of the thing bought (``item``: overall.item) whose
    clause holds an implicit mention of the product, brand or price (what is said of it by
    its cue: 开线 合身 假货 回购 便宜) with the same opinion (see the module docstring). With
    the attribute named (课程质量很好) both stay: the item's word is the customer's name for
    what has that quality."""
    judged = {(m.clause_id, m.opinion) for m in mentions
              if m.dimension in CUED and m.opinion and m.implicit}
    if not judged:
        return mentions
    kept = [m for m in mentions if not (
        m.dimension == item.dimension and m.factor == item.key and m.term
        and (m.clause_id, m.opinion) in judged)]
    return mentions if len(kept) == len(mentions) else kept


def _around(m: Any) -> bool:
    """Whether 环境 is where the thing is used: a frame of condition, 环境 followed by
    里/中/下 (在嘈杂的环境里, 强光环境下); not a verdict on it (一流的环境, 良好的睡觉环境)."""
    at = m.clause.find(m.term)
    if at < 0:
        return False
    return m.clause[at + len(m.term):at + len(m.term) + 1] in WITHIN


def _by_the_thing(m: Any, mentions: list, n: int) -> bool:
    """Whether the resolution cue ``m`` has the thing as its subject: a demonstrative or 它
    right before it in its clause, or a mention of the thing bought (overall) just before."""
    at = m.clause.find(m.term)
    if at <= 0:
        return False
    before = m.clause[:at].rstrip("也都还就已经真的")
    if before.endswith(THING_SUBJECTS):
        return True
    return any(o.clause_id == m.clause_id and o.dimension == "overall" and o.term
               and before.endswith(o.term) for o in mentions[:n])


def goods(m: Any) -> bool:
    """Whether a discovered attribute's word names a kind of goods (化妆品: ends in 品)."""
    return m.source == "discovered" and m.filed_by == "attribute" and len(m.term) >= 3 \
        and m.term.endswith(GOODS_END)


def _the_goods_bought(m: Any, mentions: list) -> bool:
    """Whether the goods word ``m`` names the goods bought: no gift (试用品, 附赠的…), no
    comparison or other goods in its clause (以前用的化妆品比这个好), 作品 after a
    demonstrative (这部作品)."""
    if m.term.endswith(GIFT_ENDS) or any(o.clause_id == m.clause_id and o.factor == GIFT
                                         for o in mentions):
        return False
    if OTHER_GOODS.search(m.clause) is not None:
        return False
    if not m.term.endswith(WORKS):
        return True
    at = m.clause.find(m.term)
    return at > 0 and THIS.search(m.clause[:at]) is not None


def _past_owner(before: str) -> str:
    """``before`` without whose body it is at its end (适合我的 → 适合, 对她 → 对, 适合我我 →
    适合: a word typed twice)."""
    stripped = before.rstrip("的")
    while True:
        owner = next((o for o in OWNERS_LONGEST if stripped.endswith(o)), None)
        if owner is None:
            return stripped
        stripped = stripped[:-len(owner)].rstrip("的")
