"""The thing named before the act that tried it (issue #19): 手机用起来很流畅, 衣服穿起来很舒服,
音质听起来不错, 冰吃起来甜爽 — the thing is 手机 / 衣服 / 音质 / 冰; 用起来 穿起来 听起来 say how
it was judged.

A clause where a noun (the aspect finder's compound: 这款耳机 → 耳机, 冰) stands right before an
act of trying it (a verb of using or sensing, then 起来 上去 or 着: 用 起来, 吃起来, 看上去,
穿着) names that noun as what the clause's opinion after the act judges. A mention of the clause
judged after the act is given that noun as its term when it named none (an overall verdict:
电脑用起来很卡), named only its opinion's cue word (舒服 of 很舒服), or took the act into its
name (冰吃起来, 衣服穿着, 系统操作 of 系统操作起来); a term the act was glued to the front
of loses it (起来声音 → 声音).
Its filing stays (the act's listed attribute: 吃起来, taste, keeps 冰's taste). Not a person
(我用起来, 老公穿着) nor a word of saying (说起来, 比起来, 总起来: no act of trying).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [m.term for m in ex.extract("衣服穿起来很舒服", ["衣服", "穿", "起来", "很", "舒服"])]
['衣服']
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

# verbs of using or sensing the thing; then the form that says it was tried
ACTS = frozenset({
    "用", "使用", "穿", "戴", "听", "看", "吃", "喝", "尝", "品", "摸", "握", "掂", "闻", "嗅",
    "开", "驾驶", "吹", "坐", "躺", "睡", "玩", "拿", "拎", "背", "提", "洗", "拍", "拍摄",
    "按", "操作", "操控", "骑", "抱", "盖", "敷", "涂", "抹", "擦", "刷", "梳", "握持", "上手",
})
FORMS = ("起来", "上去", "着")
MARKS = ("起来", "上去", "着")  # (a cheap look at the text first)


def may_try(text: str) -> bool:
    """Whether the comment may hold an act of trying (起来 上去 着): cheap, before the pass."""
    return any(mark in text for mark in MARKS)


def _act(tokens: list[str], k: int) -> int:
    """Where the act of trying ending at token ``k`` starts (用 起来: k - 1; 吃起来: k), else
    -1."""
    token = tokens[k]
    if token in FORMS:
        return k - 1 if k > 0 and tokens[k - 1] in ACTS else -1
    for form in FORMS:
        if token.endswith(form) and token[:-len(form)] in ACTS:
            return k
    return -1


def _thing(finder: Any, tokens: list[str], first: int, j: int) -> tuple[int, int] | None:
    """The noun that ends at token ``j`` (the aspect finder's compound, or a one-character noun
    opening the clause or after 的: 冰), else None; not a person."""
    token = tokens[j]
    rules = finder.rules
    if token in rules.people or token in rules.not_scored or token.endswith(finder._person_ends):
        return None
    if finder._kind[token] == 2:
        return finder._compound(tokens, first, j)
    if finder._head[token] and (j == first or tokens[j - 1] == "的"):
        return j, j + 1
    return None


def tried_things(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                 spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the thing named before an act of trying given as the term of what
    the clause judges after the act (see the module docstring); ``roles_of``: the extractor."""
    finder = roles_of.finder
    out = mentions
    clauses = {m.clause_id for m in mentions}
    for clause_id in clauses:
        c_start, c_end = spans[clause_id]
        first = bisect_left(starts, c_start)
        last = bisect_left(starts, c_end, first)
        for k in range(first + 1, last):
            a = _act(tokens, k)
            if a <= first:
                continue
            thing = _thing(finder, tokens, first, a - 1)
            if thing is None:
                continue
            t_start, t_end = starts[thing[0]], starts[a]
            after = starts[k] + len(tokens[k])  # where the act ends
            name = text[t_start:t_end]
            for n, m in enumerate(out):
                if m.clause_id != clause_id or m.source == "event":
                    continue
                if m.start == t_start and t_end < m.end <= after or m.start >= after and (
                        not m.term or m.term in m.opinion):  # (not 音质听起来不错: its own)
                    new = m._replace(term=name, start=t_start, end=t_end)  # 冰吃起来 → 冰
                elif starts[a] <= m.start < after < m.end:
                    new = m._replace(term=text[after:m.end], start=after)  # 起来声音 → 声音
                else:
                    continue
                if out is mentions:
                    out = list(mentions)
                out[n] = new
            break
    if out is mentions:
        return out
    seen, kept = set(), []
    for m in sorted(out, key=lambda m: (m.clause_id, m.start)):
        key = (m.clause_id, m.term, m.opinion)
        if key not in seen:
            seen.add(key)
            kept.append(m)
    return kept
