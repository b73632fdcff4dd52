"""Judgements chained without punctuation, cut into clauses of their own.

Many app and mobile comments carry no punctuation at all, so one clause holds a chain of
judgements: 知识丰富节奏稳定声音悦耳, 理论很多实践很少, 屏幕很大看视频很爽. Read as one clause, a
noun in the middle is taken by the wrong opinion or by none. A clause is cut before a word that
may name an aspect when a judgement ends just before it and another follows it in the same
clause within :data:`REACH` tokens:

* the judgement before: an opinion word, or a size word after a degree or negation word (很多
  不长); of one character, only after a degree word or a word that may name an aspect (字小,
  服务也好; not 的好性价比); with a word before it that it may judge,
  or an idiom or set phrase that names what it judges (条理清晰). Not a degree word alone, nor an
  opinion that takes an object (推荐烤鱼), nor in a comparison or after it (速度比普通快递都
  慢, 味道不如隔壁家好吃: rules.toml's comparison_markers and comparative_negations);
* the word: a noun, or a verb said with 的/得 (讲的知识很有用), judged after a degree or
  negation word (实践很少) or by an opinion of its own right after it (内容详尽排版合理: an act
  of two characters, not the customer's own nor a do-verb; not before 的 nor an opinion that
  takes an object: 富有丰富的内涵, 听懂强烈推荐); not a verb the opinion before says how it is
  done (认真准备) nor one with its result (收拾干净).

A contrast cut before an adverb that stands after what it judges (却 倒是 反而) leaves that
noun with its judgement: 价格却很贵 is one clause, 很长内容却不是很多 is cut before 内容.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> tokens = ["知识", "丰富", "节奏", "稳定", "声音", "悦耳"]
>>> [m.clause for m in ex.extract("知识丰富节奏稳定声音悦耳", tokens)]
['知识丰富', '节奏稳定', '声音悦耳']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import itemgetter
from typing import Any

from manyi.annotate.aspect_tags import VERB_FORMS
from manyi.annotate.chain_modified import OF, modified_cuts

REACH = 4  # tokens after the named word within which its own judgement must come
IDIOMS = frozenset({"i", "l"})  # an idiom or set phrase names what it judges: 条理清晰
# Contrast adverbs that stand after what they say something of (价格却很贵), and the words a
# noun before one may have
AFTER_SUBJECT = ("却", "倒是", "反而")
_AFTER_SUBJECT = re.compile("|".join(AFTER_SUBJECT))  # (one search of the comment)
MAX_SUBJECT = 3
_FIRST = itemgetter(0)
RUN_JOINS = frozenset({"又", "且", "而且", "和", "并且", "、"})  # 细致又全面
PARTICLES = frozenset({"的", "得"})  # 讲的知识, 讲得清楚: a verb said with its particle


def chain_cuts(roles_of: Any, tokens: list[str], roles: list, starts: list[int],
               spans: list[tuple[int, int]], candidates: list[int]) -> list[tuple[int, int]]:
    """``spans`` with each chained judgement cut off (see the module docstring);
    ``roles_of``: the extractor (its lexicon, rules and aspect finder), ``roles`` the tokens'
    roles, ``candidates`` the indices of the opinion words and bare adjectives."""
    finder = roles_of.finder
    if finder is None or not candidates:
        return spans
    if len(spans) > 1 and _AFTER_SUBJECT.search("".join(tokens)):
        spans = _subjects_kept(roles_of, tokens, roles, starts, spans)
    if len(candidates) < 2:
        return spans
    cuts = modified_cuts(roles_of, tokens, candidates,  # 热情的服务美味的菜品
                         lambda j: _judging(roles_of, tokens, roles, j)) \
        if tokens.count(OF) > 1 else []
    n = len(candidates)
    comparing: frozenset[str] | None = None  # (read at the first candidate that gets so far)
    compares = False
    clause_starts = c = first = compared = None
    for k, i in enumerate(candidates):  # (a judgement with something before it in its clause)
        after = k + 1 + (k + 1 < n and candidates[k + 1] == i + 1)
        if after >= n or candidates[after] > i + 1 + REACH:
            continue  # no judgement after the next word within reach (most candidates)
        if clause_starts is None:
            clause_starts = list(map(_FIRST, spans))
        at = starts[i]
        here = bisect_right(clause_starts, at) - 1  # the clause it is in, inside its start
        if here < 0:
            continue
        start, end = spans[here]
        if at <= start or at >= end or starts[candidates[after]] >= end:
            continue  # (the judgement after: in this clause)
        if here != c:
            if comparing is None:  # 比, 不如: the words that open a comparison, in the comment
                rules = roles_of.rules
                comparing = _comparing(rules.comparison_markers, rules.comparative_negations)
                compares = not comparing.isdisjoint(tokens)
            c, first = here, bisect_left(starts, start)
            compared = next((t for t in range(first, bisect_left(starts, end))
                             if tokens[t] in comparing), len(tokens)) if compares \
                else len(tokens)  # 比, 不如: one comparison
        if i + 1 < len(tokens) and starts[i + 1] < end and i < compared \
                and _ends_judgement(roles_of, tokens, roles, i) \
                and (finder.tag(tokens[i]) in IDIOMS  # (条理清晰: judged inside it)
                     or finder.may_have_subject(tokens, first, i)
                     or finder.may_have_subject(tokens, first, _run_start(
                         roles_of, tokens, roles, first, i))) \
                and _opens_judgement(roles_of, tokens, roles, i + 1,
                                     bisect_left(starts, end)):
            cuts.append(i + 1)
    if not cuts:
        return spans
    cuts.sort()  # (chain_modified's and the chain's: a cut inside a clause only, once)
    out: list[tuple[int, int]] = []
    at = 0
    for start, end in spans:
        while at < len(cuts) and starts[cuts[at]] < end:
            if starts[cuts[at]] > start:
                out.append((start, starts[cuts[at]]))
                start = starts[cuts[at]]
            at += 1
        out.append((start, end))
    return out


@lru_cache(maxsize=8)
def _comparing(markers: frozenset[str], negations: frozenset[str]) -> frozenset[str]:
    """The words that open a comparison (rules.toml's comparison_markers and
    comparative_negations: 比, 不如), once per lexicon."""
    return markers | negations


def _judging(roles_of: Any, tokens: list[str], roles: list, i: int) -> bool:
    """Whether token ``i`` judges: an opinion word, or a bare adjective that is not a degree
    or negation word alone (很, 不)."""
    role = roles[i]
    if role is None or role[3]:
        return False
    if role[0] is not None:
        return True
    lexicon = roles_of.lexicon
    return bool(role[4]) and tokens[i] not in lexicon.degrees and tokens[i] not in lexicon.negations


def _ends_judgement(roles_of: Any, tokens: list[str], roles: list, i: int) -> bool:
    """Whether a judgement ends at token ``i`` (not at one character after no word that may
    name an aspect nor a degree word: 和小牙刷, 的好性价比 — it qualifies the noun after it)."""
    if not _judging(roles_of, tokens, roles, i):
        return False
    finder = roles_of.finder
    if len(tokens[i]) == 1 \
            and not (finder.kind(tokens[i - 1]) or finder.is_head(tokens[i - 1])
                     or tokens[i - 1] in finder._skip):  # (很 厚, 字 小; not 和 小牙刷)
        return False
    return not finder.takes_object(tokens[i])  # (推荐烤鱼: what is recommended)


def _opens_judgement(roles_of: Any, tokens: list[str], roles: list, i: int, last: int
                     ) -> bool:
    """Whether token ``i`` names what a judgement within :data:`REACH` tokens, and before
    token ``last`` (its clause's end: 店面虽然小, a contrast cut after it), judges."""
    finder = roles_of.finder
    kind = finder.kind(tokens[i])
    if kind == 0 or (roles[i] is not None and roles[i][0] is not None):
        return False
    end = min(last, i + 1 + REACH)
    k = i + 1
    if kind == 1:  # a verb said with 的/得, or judged after a degree or negation word: 讲的
        # 知识很有用, 实践很少; not 认真准备 (how it is done) nor 收拾干净 (what was done)
        if k < end and tokens[k] in PARTICLES:
            k += 1
        elif k < end and len(tokens[k]) > 1 and _judging(roles_of, tokens, roles, k) \
                and (k + 1 >= len(tokens) or tokens[k + 1] != "的") \
                and not finder.takes_object(tokens[k]) and _act_judged(roles_of, tokens[i]):
            return True  # 内容详尽 | 排版合理, 课件精美 | 备课充分: the act judged by itself
            # (not 富有丰富的内涵: what the act has; not 听懂强烈推荐: what is recommended)
        else:
            skip = finder._skips
            if k >= end or not (skip[tokens[k]] or roles_of._prefix_cache[tokens[k]]):
                return False
            while k < end and skip[tokens[k]] and not _judging(roles_of, tokens, roles, k):
                k += 1
            return k < end and _judging(roles_of, tokens, roles, k)
    for j in range(k, end):
        if roles[j] is not None and roles[j][3]:
            return False
        if _judging(roles_of, tokens, roles, j):
            return True
    return False


def _run_start(roles_of: Any, tokens: list[str], roles: list, first: int, i: int) -> int:
    """The first of the judgements run together that ends at token ``i`` (讲解得很细致全面:
    细致, past degree words and 又 且 和 between them), or ``i`` when none is before it: the
    run judges what stands before its first word."""
    skip = roles_of.finder._skips
    start = j = i
    while j > first:
        j -= 1
        while j > first and (skip[tokens[j]] or tokens[j] in RUN_JOINS) \
                and not _judging(roles_of, tokens, roles, j):
            j -= 1
        if not _judging(roles_of, tokens, roles, j) or len(tokens[j]) < 2:
            break
        start = j
    return start


def _act_judged(roles_of: Any, verb: str) -> bool:
    """Whether a verb of two characters or more right before a judgement of its own may be
    what it judges (排版合理, 组织灵活): not the customer's own act nor a do-verb (rules.toml's
    customer_acts, do_verbs: 用着舒服 is the thing's), nor a verb with its result or
    direction (收拾干净, 用起来方便: VERB_FORMS)."""
    rules = roles_of.rules
    return len(verb) > 1 and verb not in rules.customer_acts and verb not in rules.do_verbs \
        and verb[0] not in rules.customer_acts and not VERB_FORMS.search(verb)


def _subjects_kept(roles_of: Any, tokens: list[str], roles: list, starts: list[int],
                   spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with the noun a contrast cut took from its judgement given back: a contrast
    adverb (:data:`AFTER_SUBJECT`) stands after what it says something of (价格却很贵, 电池倒是
    不耐用), so the clause cut before it starts before that noun, or the two clauses are one
    when the noun is all the clause before holds."""
    out = [spans[0]]
    for start, end in spans[1:]:
        at = bisect_left(starts, start)
        before = out[-1]
        if at >= len(tokens) or starts[at] != start or before[1] != start \
                or not "".join(tokens[at:at + 2]).startswith(AFTER_SUBJECT):  # (倒 是)
            out.append((start, end))
            continue
        first, noun = bisect_left(starts, before[0]), at
        while noun > first and at - noun < MAX_SUBJECT and (
                roles_of.finder.kind(tokens[noun - 1]) == 2):
            noun -= 1
        if noun == at:
            out.append((start, end))
        elif noun == first:
            out[-1] = (before[0], end)  # 价格却很贵: one clause
        elif _judging(roles_of, tokens, roles, noun - 1):  # 很长内容却不是很多
            out[-1] = (before[0], starts[noun])
            out.append((starts[noun], end))
        else:
            out.append((start, end))
    return out

