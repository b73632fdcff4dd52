"""A quality a thing is said to have much of: 很有启发性, 非常有责任感, 很有质感.

After a degree word and 有, a noun of a quality (one ending in 性 感 力 度 率: 启发性 责任感 感染力
弹性 精准度) names what is judged, as much as the thing before it does: 授课方法很有启发性 judges
the method and its 启发性. Such a noun becomes a discovered mention of its clause, its opinion
the words from the degree word to it, unless a mention already names it: a listed word so
named with no opinion of its own takes these words as its opinion (衣服很有质感, 汤很有味道).
Not after a negation (不是很有针对性: the clause model reads the rest), nor after a degree too
weak to say much of (还有包装, 基本有: there is), and not other nouns after 有 (很有道理 很有信心
很有意义: a judgement said whole, or the customer's state).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> [(m.term, m.opinion) for m in ex.extract("老师非常有责任感", ["老师", "非常", "有", "责任感"])
...  if m.term == "责任感"]
[('责任感', '非常有责任感')]
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from manyi.annotate.aspect_tags import MAX_CHARS, MAX_COMPOUND
from manyi.annotate.opinions import HAVE, Opinion

QUALITY_ENDS = ("性", "感", "力", "度", "率")  # 启发性 责任感 感染力 精准度 成功率
MUCH = 1.2  # the least degree that says much of (比较有质感; not 还有 基本有: there is)


def may_have(text: str) -> bool:
    """A quick test: whether ``text`` may say a thing has much of a quality."""
    return HAVE in text


def had_qualities(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                  spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the qualities said to be had much of (see the module docstring);
    ``roles_of``: the extractor (its lexicon, aspect finder and mention builder)."""
    finder, degrees = roles_of.finder, roles_of.lexicon.degrees
    negations = roles_of.lexicon.negations
    clause_starts = [start for start, _ in spans]
    out = list(mentions)
    at = text.find(HAVE)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        at = text.find(HAVE, at + 1)
        token = tokens[i]
        if token == HAVE and i > 0 and tokens[i - 1] in degrees:
            d, degree = i - 1, degrees[tokens[i - 1]]
        elif len(token) > 1 and token[-1] == HAVE and token[:-1] in degrees:
            d, degree = i, degrees[token[:-1]]
        else:
            continue
        if (d > 0 and tokens[d - 1] in negations) or degree < MUCH:
            continue  # (不是很有针对性; 还有包装, 基本有: there is, not much of)
        k = end = i + 1
        while end < len(tokens) and end - k < MAX_COMPOUND and finder.kind(tokens[end]) == 2:
            end += 1
        if end == k or sum(map(len, tokens[k:end])) > MAX_CHARS:
            continue
        a, b = starts[k], starts[end - 1] + len(tokens[end - 1])
        named = [n for n, m in enumerate(out) if m.term and m.start < b and a < m.end]
        if named:  # 衣服很有质感, 汤很有味道: a listed word named, its judgement these words
            for n in named:
                if not out[n].opinion and out[n].start == a and out[n].end == b:
                    out[n] = out[n]._replace(opinion=text[starts[d]:b], degree=degree)
            continue
        clause_id = bisect_right(clause_starts, a) - 1
        if not tokens[end - 1].endswith(QUALITY_ENDS) or clause_id < 0 \
                or a >= spans[clause_id][1]:
            continue  # (很有道理, 很有信心: a judgement said whole, or the customer's state)
        words = tokens[k:end]
        factor, how = finder.file_term(words)
        opinion = Opinion(k, starts[d], b, "".join(words), 0.0, False, degree)
        c_start, c_end = spans[clause_id]
        out.append(roles_of._mention(text, clause_id, text[c_start:c_end], factor, "".join(words),
                                     opinion, False, a, b, "discovered", how))
    if len(out) > len(mentions):  # (in reading order, as the extractor gives them)
        out.sort(key=lambda m: (m.clause_id, m.start))
    return out
