"""Complaints said not to have happened, or to be small: no complaint (issue #19).

A complaint cue — an event (少送, 漏送), a word for a fault that names its factor (卡顿, 色差),
a wait (排队很久) — said under a negation right before it (没有少送, 从来没漏发过, 不用排队很久)
or with a "none" ending its clause (卡顿现象基本没有, 色差没有) did not happen: the customer
praises by it, the same factor. An undesirable thing (rules.toml ``undesirable``: 发热; a fault
word) judged small (发热不严重, 色差不明显) and a thing said to have no fault (质量没问题, 服务没有
什么问题) are mild praise. Not a wish or an order (不要少送), an expectation (没想到少送了) nor
a question (有没有漏): the negation must stand right by the cue. (Waits said short, 没排多久 and
没等多久就到了, are the packs' events: core's ``short_wait`` and ``short_queue``.)

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("delivery"))
>>> [(m.factor, m.lexicon_score > 0) for m in ex.extract("没有少送", ["没有", "少送"])]
[('delivery', True)]
"""

from __future__ import annotations

import math
import re
from typing import Any

from manyi.annotate.opinions import NEGATED_SCALE  # (没有异味 is weaker praise than 好闻)

MILD = 0.5  # an undesirable thing said small (发热不严重): mild praise

# Right before the cue: a negation, with an adverb of "ever" or "at all" (从来没, 基本没有,
# 完全不用); not 不要 别 不能 (a wish: it happened), nor 没想到 (not right before it).
NEGATIONS = ("没有", "没", "无", "未", "不曾", "不用", "无需", "不需要", "不必", "用不着")
_NEGATION = (r"(?<!有)(?:从来|从|并|也|都|基本上?|几乎|根本|完全|绝对|一次也|一点也|一次都|一点都)?"
             r"(?:" + "|".join(NEGATIONS) + r")(?:怎么|太|出现过?|发生过?|再)?")
BEFORE = re.compile(_NEGATION + "$")
REACH = 12  # characters before a cue its negation may take (一点也没有出现过: 8)
# Right after it, ending its clause: none of it (卡顿现象基本没有, 异味一点都没有).
NONE = ("没有", "没", "无", "木有", "未")
_KIND = r"(?:的)?(?:现象|情况|问题|情形|状况|毛病)?"
_ADVERBS = (r"(?:也|都|还|并|倒是|倒)?(?:基本上?|几乎|完全|根本|从来|一点儿?|丝毫|目前|至今|暂时)?"
            r"(?:也|都|还|并)?")
AFTER = re.compile(_KIND + _ADVERBS + r"(?:" + "|".join(NONE) + r")(?:出现|发生|遇到|碰到|发现)?过?"
                   r"[了呢啊哦呀的吧!！~～]*$")
# Said small: 不严重, 不是很明显, 很少, 轻微 (not 不够: 声音不够大 is too little).
SMALL_WORDS = ("严重", "明显", "厉害", "很少", "比较少", "较少", "非常少", "极少", "特别少", "轻微",
               "可以忽略")
SMALL = re.compile(r"^(?:的)?(?:现象|情况|问题)?(?:也|都|还|并|倒是|倒)?"
                   r"(?:(?:不是很|不是特别|不太|不怎么|不算|并不|不)(?:严重|明显|厉害)|"
                   r"(?:很|比较|较|非常|极|特别)(?:少|轻微)|轻微|可以忽略)")
# Said right after a thing, ending its clause: it has no fault (质量没有问题, 发票也没问题,
# 用着没什么毛病); not 有没有问题 (asked), nor 说没有问题 (what someone said).
FAULT_NEGATIONS = ("没有", "没", "无", "不存在")
NO_FAULT = re.compile(r"(?:的)?(?:方面|上面|上)?(?:也|都|还|倒|基本上?|完全|暂时|目前|一直|应该)*"
                      r"(?P<said>(?:" + "|".join(FAULT_NEGATIONS) + r")"
                      r"(?:出现过?|发现|遇到过?|什么|任何|啥|太大的?|多大的?|大的?)*(?:问题|毛病))"
                      r"[了的呢啊哦呀吧!！~～]*$")
# What every turn needs in its text, one of the words above (a quick test, issue #24: most
# comments hold none; bare 不 is in most and turns nothing alone): a character of one of
# them, or 不用, 用不着, 少 (a character class, then substrings: one regular expression of
# them all tries each alternative at each character, twice the cost).
SCREEN = re.compile("[没无未需必曾木严明厉微忽存]")
# A wait is long: 很久 (不用排队很久), said of a waiting term (rules.toml ``waiting``).
LONG = re.compile(r"(?:很|好|太|那么|这么|多)久|(?:好|很)长时间|半天")


def may_turn(text: str) -> bool:
    """Whether ``text`` holds a word a turn needs (the quick test above).

    >>> may_turn("质量没问题"), may_turn("不好用，质量不行")
    (True, False)
    """
    return SCREEN.search(text) is not None or "不用" in text or "用不着" in text \
        or "少" in text


def flipped(score: float) -> float:
    """A squashed negative score turned positive, as a negated opinion word scores.

    >>> round(flipped(-0.8336546070121552), 3)
    0.617
    """
    return math.tanh(math.atanh(min(abs(score), 0.999999)) * NEGATED_SCALE)


def unhappened(text: str, mentions: list, waiting: Any, direction: Any) -> list:
    """``mentions`` with each complaint said not to have happened, or small, turned praise
    (see the module). ``waiting``: words for a wait (rules.toml ``waiting``: 排队 等待);
    ``direction``: a word → −1 for an undesirable attribute (the extractor's).
    """
    if not may_turn(text):
        return mentions  # (no negation nor word of smallness: nothing to turn)
    turned = {}
    for n, m in enumerate(mentions):
        if m.lexicon_score < 0 and not m.negated and m.opinion or not m.lexicon_score and (
                m.term and (m.negated and SMALL.match(m.opinion) or "问题" in m.clause
                            or "毛病" in m.clause)):
            read = _read(text, m, waiting, direction)
            if read is not m:
                turned[n] = read
    if not turned:
        return mentions
    # what was turned inside another mention of its factor, praised (不用排队很久: the event
    # 不用排队很久 and 排队 turned by it; 没发错: the cue and the event) is that one's
    read = [turned.get(n, m) for n, m in enumerate(mentions)]
    praised = [(m.clause_id, m.dimension, m.factor, m.start, m.end, n)
               for n, m in enumerate(read) if m.lexicon_score > 0]
    return [m for n, m in enumerate(read) if n not in turned or not any(
        (c, d, f) == (m.clause_id, m.dimension, m.factor) and a <= m.start and m.end <= b
        and k != n for c, d, f, a, b, k in praised)]


def _read(text: str, m: Any, waiting: Any, direction: Any) -> Any:
    """One mention, turned when its clause says its complaint did not happen."""
    if m.lexicon_score >= 0:  # unscored: an undesirable thing judged small (发热不严重), a
        # thing with no fault (质量没有问题, 商品没问题, 速度没有问题)
        if m.negated and SMALL.match(m.opinion) and direction(m.term) < 0:
            return m._replace(lexicon_score=MILD)
        named = m.clause.find(m.term)
        said = NO_FAULT.match(m.clause, named + len(m.term)) if named >= 0 else None
        if said is None or m.opinion not in said["said"]:
            return m
        return m._replace(opinion=said["said"], negated=True, lexicon_score=MILD)
    clause = m.clause
    cue = m.source == "event" or m.filed_by == "cue" or m.opinion == m.term
    if not cue and not (m.term.endswith(tuple(waiting)) and LONG.search(m.opinion)) \
            or not may_turn(clause):
        return m
    # where the opinion stands in its clause: the mention's own span when it is the opinion
    # (an event, a cue: 没发错…承认发错 holds two), else its first after the term
    c_start = text.rfind(clause, 0, m.start + len(clause))  # (the clause holding it)
    at = m.start - c_start if text[m.start:m.end] == m.opinion and c_start >= 0 else \
        clause.find(m.opinion, max(clause.find(m.term), 0) if m.term else 0)
    if at < 0:
        return m
    if cue:
        after = clause[at + len(m.opinion):]
        if BEFORE.search(clause[max(at - REACH, 0):at]) or AFTER.match(after):
            return m._replace(negated=True, lexicon_score=flipped(m.lexicon_score))
        if SMALL.match(after):
            return m._replace(negated=True, lexicon_score=MILD)
        return m
    named = clause.find(m.term)  # 不用排队很久: the wait is what is negated
    if 0 <= named < at and BEFORE.search(clause[max(named - REACH, 0):named]):
        return m._replace(negated=True, lexicon_score=flipped(m.lexicon_score))
    return m
