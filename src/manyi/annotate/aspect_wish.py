"""What a customer asks to be added or changed: 希望能增加讨论版块, 建议注意PPT的错字.

A wish for something more, added or changed names a thing the customer finds missing or
wanting today: a mild complaint an analyst wants to see among the drivers. After a word that
asks (rules.toml ``asking``: 希望 建议), or a conditional wish that ends on 好 (``wishes`` and
``wish_markers``: 如果有讲稿就好了), an act asked of the maker (``asked_acts``: 增加 加上 提供
有 结合 注意 改成) takes a thing as its object: the noun compound after it, past quantity,
degree and adjective words and any 的 (更多的表情, PPT的错字: the last compound named), and
each one joined to it (讨论版块或者答疑版块). Each becomes a discovered mention of its clause,
negative and mild, its opinion the words from the asking word to the act (希望该课程能增加)
and its ``filed_by`` ``wish``: the wish stays visible (and the corpus pass learns no word
from it: a thing wished for is not judged as had). Not:

* a thing a mention names already (希望结合一些临床案例: 临床案例 is listed);
* what is had and wished kept (希望继续提供优质服务: ``KEEP``);
* a gift or deal (希望下次还有赠品): a deal wished for is not a deal had (rules.toml's
  ``wishes``; the price rule skips it too), so it is no complaint about the price;
* people (哥们, and rules.toml's ``people`` and ``person_ends``), and words that name no
  aspect (``not_aspects``: 机会 问题 时候), as discovery never takes them.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> [(m.term, m.opinion, m.lexicon_score < 0) for m in ex.extract(
...     "希望能增加讨论版块", ["希望", "能", "增加", "讨论", "版块"])]
[('讨论版块', '希望能增加', True)]
"""

from __future__ import annotations

import math
from bisect import bisect_right
from typing import Any

from manyi.annotate.aspect_tags import (
    CLAUSE_MARKS,
    MAX_CHARS,
    MAX_COMPOUND,
    NOUN_TAGS,
    VERB_TAGS,
)
from manyi.annotate.opinions import WISHED_SCALE, Opinion

# Between an act and its object, or before a thing joined to it: how much or how (更多的, 一些,
# 高清的), not a thing (the dictionary's tags)
MODIFIER_TAGS = frozenset({"d", "m", "q", "mq", "a", "ad", "an", "uj", "r"})
HEAD_TAGS = NOUN_TAGS | VERB_TAGS | {"r", "vn"}  # a phrase's head after 的 (朋友, 阅读)
JOINS = frozenset({"或者", "或是", "或", "和", "及", "以及", "与", "、", "还有"})
GOOD = "好"  # a conditional wish ends on it (就好了, 会更好)
KEEP = frozenset({"继续", "保持", "一如既往", "一直", "坚持"})  # a wish to keep what is had
# Who does the act when not the maker: the customer (希望我能够永远有童心) or the customers
# advised (建议大家不要出…, 建议每个人都应该有这类书籍); before 希望, a past hope (本来希望)
NOT_ASKED = frozenset({"我", "我们", "自己", "大家", "各位", "朋友", "朋友们", "亲们", "你", "你们",
                       "每个人"})
PAST = frozenset({"本来", "原本", "原来"})
NOT = frozenset("不没别")  # before the act: not wished for (不要有, 没有, 别放, 不在有)
LIKE = frozenset({"这样", "那样", "这类", "这种", "那么", "这么"})  # a thing like one named
PLURAL = "们"  # 哥们 同学们: people (rules.toml's people, person_ends: 小哥 网友)
SPAN = 12  # tokens after the asking word searched for the act and its object


def may_wish(finder: Any, text: str) -> bool:
    """A quick test: whether ``text`` holds a word that asks or wishes (希望, 建议, 如果: the
    aspect finder's ``asks``, one search of rules.toml's asking, wishes and wish_markers)."""
    return finder.asks.search(text) is not None


def wished_things(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                  spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the things asked to be added or changed (the module docstring);
    ``roles_of``: the extractor (its rules, aspect finder and mention builder)."""
    rules, finder = roles_of.rules, roles_of.finder
    negations = roles_of.lexicon.negations
    people = (*rules.person_ends, *rules.people)  # (看者, 游客 …: 建议只要游客提供房卡)
    clause_starts = [start for start, _ in spans]
    out = list(mentions)
    n = len(tokens)
    asks = finder.ask_words
    for i, token in enumerate(tokens):
        if token not in asks:
            continue
        if i > 0 and (tokens[i - 1] in negations or tokens[i - 1] in PAST) \
                or i + 1 < n and tokens[i + 1] == "的":
            continue  # 不建议购买, 本来希望…, 跟我期望的有差距: no ask
        end = i + 1
        while end < n and end - i <= SPAN and tokens[end] not in CLAUSE_MARKS \
                and not tokens[end].isspace():
            end += 1
        if token not in rules.asking and not any(GOOD in t for t in tokens[i + 1:end]):
            continue  # 如果有问题: a condition, no wish (如果有讲稿就好了: one)
        asked = -1  # the first act asked or word that urges (尽快, 及时) in the ask
        for k in range(i + 1, end):
            if tokens[k] in KEEP or tokens[k] in NOT_ASKED or tokens[k].endswith(people):
                end = k
                break  # 希望继续提供优质服务: what is had, wished kept; 建议大家…: advice
            if tokens[k] in rules.urging and tokens[k - 1][0] not in NOT:
                asked = k if asked < 0 else asked
            if tokens[k] not in rules.asked_acts or tokens[k - 1][0] in NOT or (
                    k + 1 < end and tokens[k + 1] == "的"):
                continue  # (建议不要有…: not wished for; 建议以后出的机子: no act asked)
            asked = k if asked < 0 else asked
            opinion = Opinion(k, starts[i], starts[k] + len(tokens[k]), tokens[k],
                              -WISHED_SCALE, False, 1.0)
            for a, b in _objects(finder, tokens, k + 1, end):
                _add(roles_of, text, tokens, starts, spans, clause_starts, out, a, b, opinion)
        if asked >= 0:
            _rejudged(text, tokens, starts, i, asked, end, out, rules.deal_words)
    if len(out) > len(mentions):  # (in reading order, as the extractor gives them)
        out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def _rejudged(text: str, tokens: list[str], starts: list[int], i: int, asked: int, end: int,
              out: list, deals: frozenset[str]) -> None:
    """The things already named in an ask for a change (希望提高物流速度, 建议酒店加强服务,
    希望尽快解决, 希望及时发货) re-judged as wished for: what is asked to be better or done
    is not so today — a mild complaint, its opinion the ask, unless an opinion of its own
    judges it outside the ask (早餐很差希望改进: 早餐 stays as said; 希望下次还有这么好的服务:
    one like what is had: untouched), and no gift or deal (如果能有保护套赠送的话那最好: a deal
    wished for is not a deal had, as :func:`_add` reads it)."""
    if any(t in LIKE for t in tokens[i + 1:end]):
        return  # 希望下次还有这么好的服务: what is had, wished again
    begin, stop = starts[i] + len(tokens[i]), starts[end - 1] + len(tokens[end - 1])
    urged = starts[asked]
    for n, m in enumerate(out):
        if not begin <= m.start < stop or m.lexicon_score < 0 or m.term in deals \
                or m.dimension == "price" and m.factor == "gift":
            continue
        if m.lexicon_score > 0:  # praise said inside the ask, at or after what it urges
            at = text.find(m.opinion, begin, stop) if m.opinion else -1
            if at < urged:
                continue
        out[n] = m._replace(opinion=text[starts[i]:starts[asked] + len(tokens[asked])],
                            negated=False, degree=1.0, lexicon_score=-math.tanh(WISHED_SCALE))


def _objects(finder: Any, tokens: list[str], k: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of the things an act's object names, from ``k`` (before ``end``): the
    last compound of each phrase (更多的肢体语言或是表情: 肢体语言, 表情; PPT的错字: 错字)."""
    kind, found = finder.kind, []
    while k < end:
        last = None
        while k < end:
            while k < end and (tokens[k] == "的" or finder.tag(tokens[k]) in MODIFIER_TAGS):
                if tokens[k] in NOT_ASKED or tokens[k] in LIKE:
                    return found  # 补充我损失, 有这样的幼儿园: the customer's, one like it
                k += 1  # (更 多 的, 一些)
            if last is not None and k < end and tokens[k - 1] == "的" and kind(tokens[k]) < 2 \
                    and finder.tag(tokens[k]) in HEAD_TAGS:
                return found  # 有电脑的朋友, 有选择性的阅读: a head after 的 that is no thing
            a = k
            if k + 1 < end and kind(tokens[k]) == 1 and kind(tokens[k + 1]) == 2:
                k += 1  # an act naming a thing's kind (讨论 版块, 答疑 版块)
            while k < end and k - a < MAX_COMPOUND and kind(tokens[k]) == 2:
                k += 1
            if k == a or kind(tokens[k - 1]) != 2:
                break
            if k + 1 < end and tokens[k + 1] == "的" and finder.tag(tokens[k]) in VERB_TAGS:
                break  # 出这样专家写的好书: who does what the thing is (no thing of its own)
            last = (a, k)
            if k >= end or tokens[k] != "的":
                break  # (题库 确保: the next act)
        if last is None:
            break
        found.append(last)
        if k >= end or tokens[k] not in JOINS:
            break
        k += 1
    return found


def _add(roles_of: Any, text: str, tokens: list[str], starts: list[int],
         spans: list[tuple[int, int]], clause_starts: list[int], out: list,
         a: int, b: int, opinion: Opinion) -> None:
    """Add the thing at tokens ``a:b`` wished for (unless named already, or a deal)."""
    start, stop = starts[a], starts[b - 1] + len(tokens[b - 1])
    words = tokens[a:b]
    if stop - start > MAX_CHARS or any(m.term and m.start < stop and start < m.end
                                       for m in out):
        return  # (named already: 希望结合一些临床案例)
    rules = roles_of.rules
    if words[-1] in rules.people or words[-1].endswith(PLURAL) \
            or words[-1].endswith(tuple(rules.a_little)) or words[-1].endswith(tuple(rules.body)):
        return  # 建议有条件的哥们先去…: people; 更大点的: how much more; 改善油性头皮: the
        # customer's body (what the thing is for, rules.toml's body)
    factor = roles_of.finder.file_term(words)[0]
    if factor.dimension == "price" or any(w in rules.deal_words for w in words):
        return  # 希望下次还有赠品: a deal wished for is not a deal had
    clause_id = bisect_right(clause_starts, start) - 1
    if clause_id < 0 or start >= spans[clause_id][1]:
        return
    c_start, c_end = spans[clause_id]
    out.append(roles_of._mention(text, clause_id, text[c_start:c_end], factor, text[start:stop],
                                 opinion, False, start, stop, "discovered", "wish"))
