"""A thing said to have a fault: 进度条的拖动也有问题, 最后的考核有重大问题, 软件有很多bug.

有 and a word of a fault (``FAULTS``: 问题 毛病 bug 故障 缺陷 瑕疵 错误 漏洞), with how much
between them (有些 很多 重大 严重 一点: ``AMOUNTS`` and the degree words), judge the thing
before 有 (past 也 还 都: rules.toml's fillers): a noun compound, or an act named with what it
is done to (进度条的拖动: :func:`manyi.annotate.aspect_helps.thing_before`). In a course's player
as in a phone (屏幕有问题, 系统有bug) or a car (变速箱有毛病). The thing becomes a discovered
mention of its clause, negative as a fault said outright, its opinion the words from 有 to the
fault; a listed word named there with no opinion of its own takes them as its opinion (屏幕有
问题). Not:

* no fault had (没有问题, 不会有问题, 可能有问题: a negation or a modal before 有), a question
  (有问题吗) or a question to ask (有个问题想问: 个, no amount of faults);
* a fault supposed (如果有问题, 有问题可以找客服: the aspect finder's ``unreal`` words and the
  extractor's ``supposes``), whose thing is none yet.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> [(m.term, m.opinion, m.lexicon_score < 0) for m in ex.extract(
...     "进度条的拖动也有问题", ["进度条", "的", "拖动", "也", "有", "问题"])]
[('进度条的拖动', '有问题', True)]
"""

from __future__ import annotations

import math
from typing import Any

from manyi.annotate.aspect_helps import thing_before
from manyi.annotate.aspect_tags import asked_or_supposed, clause_at, in_reading_order
from manyi.annotate.opinions import Opinion

FAULTS = frozenset({"问题", "毛病", "bug", "BUG", "Bug", "故障", "缺陷", "瑕疵", "错误", "漏洞"})
HAVING = frozenset({"有", "有些", "有点", "有一点", "有一些"})  # (有些 有点: one word, glued)
# how much of a fault: 有些问题, 有很多bug, 有重大问题, 有点小毛病 (not 个: 有个问题想问)
AMOUNTS = frozenset({"点", "些", "一些", "一点", "很多", "不少", "好多", "许多", "太多", "重大",
                     "严重", "大", "小", "一点点", "点儿", "各种"})
NOT_HAD = frozenset({"会", "可能", "能", "应该", "是否", "是不是", "怕", "担心"})  # (不会有问题)
FAULT_SCORE = -1.0  # a fault said outright (as an opinion word's score before squashing)


def faulted_things(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                   spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the things said to have a fault (the module docstring);
    ``roles_of``: the extractor (its rules, lexicon, aspect finder and mention builder)."""
    if FAULTS.isdisjoint(tokens):
        return mentions  # (most comments: no fault named)
    finder, rules, lexicon = roles_of.finder, roles_of.rules, roles_of.lexicon
    skips = frozenset(rules.fillers) | {"总是", "一直", "经常", "老是", "还是"}
    negations, degrees = lexicon.negations, lexicon.degrees
    clause_starts = [start for start, _ in spans]
    out = list(mentions)
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token not in HAVING:
            continue
        k = i + 1
        while k < n and (tokens[k] in AMOUNTS or tokens[k] in degrees):
            k += 1
        if k >= n or tokens[k] not in FAULTS or k + 1 < n and tokens[k + 1] in ("吗", "?", "？"):
            continue
        clause_id = clause_at(clause_starts, spans, starts[i])
        if clause_id < 0 or starts[k] >= spans[clause_id][1]:
            continue
        c_start, c_end = spans[clause_id]
        clause = text[c_start:c_end]
        if finder.unreal.search(text, c_start, starts[i]) is not None \
                or roles_of.supposes(clause) or asked_or_supposed(clause):
            continue  # (如果有问题, 有问题可以找客服: supposed)
        j = i - 1
        while j >= 0 and starts[j] >= c_start and (tokens[j] in skips or tokens[j] in degrees):
            j -= 1
        if j < 0 or starts[j] < c_start or tokens[j] in negations or tokens[j] in NOT_HAD \
                or tokens[j][-1] in "没不":
            continue  # (不会有问题, 可能有问题: no fault had)
        found = thing_before(finder, rules, tokens, starts, c_start, j)
        if found is None:
            continue
        a, b = found
        start, stop = starts[a], starts[b - 1] + len(tokens[b - 1])
        said = text[starts[i]:starts[k] + len(tokens[k])]
        opinion = Opinion(i, starts[i], starts[k] + len(tokens[k]), tokens[k], FAULT_SCORE,
                          False, 1.0)
        named = [x for x, m in enumerate(out) if m.term and m.start < stop and start < m.end]
        if named:  # 屏幕有问题: a listed word named, its judgement these words
            for x in named:
                m = out[x]
                if not m.opinion and m.start == start and m.end == stop:
                    out[x] = m._replace(opinion=said, lexicon_score=math.tanh(FAULT_SCORE))
            continue
        factor, how = finder.file_term(tokens[a:b])
        out.append(roles_of._mention(text, clause_id, clause, factor, text[start:stop], opinion,
                                     False, start, stop, "discovered", how))
    return in_reading_order(mentions, out)
