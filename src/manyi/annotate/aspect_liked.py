"""What the customer says they like, love or recommend: a thing praised by the saying
(比较爱吃鸡蛋饼, 最爱吃的就是他家的大虾, 每次来吃必点就是牛肋排, 特别推荐他家的烤鸭和鱼丸).

The extractor reads an opinion that takes an object (推荐烤鱼, 最喜欢油爆虾) when the object
follows it as :meth:`~manyi.annotate.aspects.AspectFinder.subject` expects. This rule reads,
after the other rules ran, the forms it leaves: a word of liking the lexicon does not hold as an
opinion (爱吃, 最爱), the liked thing after 的是/就是 or whose (他家的), a list of them
(最爱吃的是烤鸭和小笼包; a name the segmenter cuts in pieces it does not know may be lost).
Each name (a list read as
:mod:`~manyi.annotate.aspect_later` reads one) is a positive mention of the product, with the
word of liking as its opinion; an overall verdict of that word with no term (-/推荐) takes the
first name rather than standing beside it. A negated liking is a complaint of the thing
(不爱吃鸡蛋饼; 不是很喜欢蛋糕盒子 the extractor reads already), weighed by its degree word
(最爱 比较爱).

Not what someone else recommends (服务员推荐的菜), not a recommendation to someone (推荐给
朋友: no name follows), not a taste (爱吃辣的), not the business itself (推荐这家: the pack files
it overall, the verdict stays the business's).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> tokens = ["比较", "爱", "吃", "鸡蛋饼"]
>>> [(m.term, m.opinion, m.lexicon_score > 0) for m in ex.extract("比较爱吃鸡蛋饼", tokens)]
[('鸡蛋饼', '比较爱吃', True)]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from typing import Any  # an AspectFinder and factors.Mention (imported there: no cycle)

from manyi.annotate.aspect_later import names_in
from manyi.annotate.aspect_tags import CLAUSE_MARKS

# Words of liking a thing (the lexicon's 喜欢 推荐 必点 主推 …, and 爱 it lacks as an opinion)
LIKING = ("喜欢", "爱", "推荐", "必点", "必吃", "主推", "强推")
_LIKED = re.compile("|".join(LIKING))
EATING = frozenset("吃喝点")  # 爱吃, 喜欢喝, 必点: what is done with the thing liked
COPULAS = frozenset({"是", "就是", "还是", "的是", "就", "还", "也", "都"})
NEGATIONS = frozenset("不没")
OWN = frozenset({"心", "最", "个人", "我"})  # 心爱, 最爱, 我爱吃: the customer's own liking
WHOSE = frozenset({"他家", "她家", "它家", "这家", "他们家", "她们家", "它们家", "店家", "店里"})
STOPS = frozenset({"这些", "那些", "这几", "这两", "这", "那", "了", "啊", "呀", "哦", "吧", "呢",
                   "的", "等", "什么的", "之类"})


def may_like(text: str) -> bool:
    """A quick test: whether :func:`liked_things` may change a comment's mentions."""
    return _LIKED.search(text) is not None


def liked_things(finder: Any, text: str, tokens: list[str], starts: list[int],
                 spans: list[tuple[int, int]], mentions: list, mention: Any) -> list:
    """``mentions`` with each thing named after a word of liking (see the module docstring)
    a positive mention; ``mention``: the Mention class."""
    taken = {(m.start, m.end) for m in mentions}
    out = list(mentions)
    added: list = []
    clause_starts = [s for s, _ in spans]
    lexicon = finder.lexicon
    seen = -1
    for found in _LIKED.finditer(text):  # (the tokens that hold a word of liking, once each)
        i = bisect_right(starts, found.start()) - 1
        if i <= seen:
            continue
        seen, t = i, tokens[i]
        verb = _liking_word(t, tokens[i + 1] if i + 1 < len(tokens) else "", lexicon.degrees)
        if not verb or i and tokens[i - 1] == "的":
            continue  # (同事的推荐并没…: a recommendation named, no liking said)
        # 不是很喜欢, 不推荐: a complaint (the opinion from the negation on)
        said_from = i  # (in the verb's clause only: not 没有排队，最爱吃鸡蛋饼)
        for j in range(i - 1, max(-1, i - 4), -1):
            if tokens[j] in CLAUSE_MARKS:
                break
            if tokens[j] in lexicon.negations:
                said_from = j
        negated = said_from < i or t[0] in NEGATIONS  # (不喜欢; not 特别推荐)
        if said_from == i and i and tokens[i - 1] in lexicon.degrees:
            said_from -= 1  # 最 爱, 比较 爱
        last = i + 1  # (to the clause's mark: 必点就是牛肋排, where 就是 cut a clause)
        while last < len(tokens) and tokens[last] not in CLAUSE_MARKS:
            last += 1
        k = i + 1
        if k < last and tokens[k] in EATING and t[-1] not in EATING:
            k += 1  # 爱 吃, 喜欢 喝
        said = "".join(tokens[said_from:k])
        if k < last and tokens[k] == "的":
            if negated or i and finder.kind(tokens[i - 1]) == 2 \
                    and tokens[i - 1] not in finder.rules.opinion_holders:
                continue  # 服务员推荐的菜: another's recommendation; 不是我最爱的蒙牛
            k += 1
        while k < last and tokens[k] in COPULAS:
            k += 1  # 的就是, 还是
        if k + 2 < last and finder.tag(tokens[k]) == "r" and tokens[k + 1] == "家":
            k += 1  # 他们 家 的
        if k + 1 < last and (tokens[k] in WHOSE or tokens[k][-1] == "家"
                             and finder.tag(tokens[k]) in ("r", "q")) and tokens[k + 1] == "的":
            k += 2  # 他家的大虾
        elif k < last and tokens[k] in WHOSE:
            k += 1  # 它家圣代
        if k < last and len(tokens[k]) == 2 and tokens[k][0] in "这那":
            k += 1  # 那份, 这道
        end = _name_end(finder, tokens, k, last)
        if end < last and tokens[end] == "的" and (negated or len(tokens[k]) == 1 and finder.tag(
                tokens[k]) == "v"):
            continue  # 推荐读它的评论: an act recommended; 不是我最爱的蒙牛: which one it is
        if end < last and tokens[end] == "的" and end > k and not names_in(
                finder, tokens, k, end, True):  # 推荐永远经典的大盘鸡: how it is, the name
            k = end + 1
            end = _name_end(finder, tokens, k, last)
        if end < last and tokens[end] == "的" or any(
                w.endswith(finder._person_ends) or w in finder.rules.not_aspects
                for w in tokens[k:end]):
            continue  # 爱吃面食的吃货: no name, what is said of one; 爱吃辣的朋友
        names = names_in(finder, tokens, k, end, True) if end > k else []
        if not names or any(finder.tag(tokens[a]) == "v" for a, _ in names):
            continue  # (喜欢跑万达这些地方: what is done, not a thing)
        c = bisect_right(clause_starts, starts[i]) - 1  # (the verb's clause)
        degree = lexicon.degrees.get(tokens[said_from], 1.0) if said_from < i else next(
            (lexicon.degrees[t[:n]] for n in (2, 1) if t[:n] in lexicon.degrees), 1.0)
        score = math.tanh(lexicon.opinions.get(verb, lexicon.opinions.get("喜欢", 1.0)) * degree)
        score = -score if negated else score  # (最爱 比较爱: the degree word's weight)
        head = next((n for n, m in enumerate(out) if m.clause_id == c and not m.term
                     and m.opinion and m.opinion.endswith(verb) and m.negated == negated
                     and m.start <= starts[i]), None)
        for a, b in names:
            where = (starts[a], starts[b - 1] + len(tokens[b - 1]))
            if where in taken:
                continue
            words = tokens[a:b]
            factor, how = finder.file_term(words)
            if factor.dimension == "overall":
                continue  # 推荐这家: the business, the verdict's own
            taken.add(where)
            fields = {"term": "".join(words), "start": where[0], "end": where[1],
                      "dimension": factor.dimension, "factor": factor.key, "filed_by": how,
                      "source": "discovered", "implicit": False}
            if head is not None:
                out[head] = out[head]._replace(**fields)
                head = None
                continue
            added.append(mention(c, text[spans[c][0]:spans[c][1]], factor.dimension,
                                 factor.key, fields["term"], said, negated, degree, False, score,
                                 where[0], where[1], "discovered", how))
    if not added and out == mentions:
        return mentions
    out.extend(added)
    out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def _liking_word(token: str, after: str, degrees: Any) -> str:
    """The word of liking a token ends on (最喜欢 → 喜欢, 爱吃 → 爱, 必点 → 必点), with 吃/喝
    glued or following for 爱 (爱吃 爱 吃), after a degree word only (not 人爱吃: someone
    else's liking); "" when it is none."""
    base = token[:-1] if len(token) > 1 and token[-1] in "吃喝" else token
    for w in LIKING:
        if base.endswith(w) and (len(base) == len(w) or base[:-len(w)] in degrees
                                 or base[:-len(w)] in OWN or base[:-len(w)] in NEGATIONS):
            if w == "爱" and base == token and after not in ("吃", "喝", "的") \
                    and not token.startswith("最"):
                return ""  # (爱 alone: 可爱, 爱心; 最爱 and 爱吃 are the customer's liking)
            return w
    return ""


def _name_end(finder: Any, tokens: list[str], k: int, last: int) -> int:
    """Where the words after ``k`` that may name a thing stop: at a particle, a mark or a
    word that closes a list (这些, 了, 的)."""
    end = k
    while end < last and tokens[end] not in STOPS and finder.tag(tokens[end]) not in (
            "y", "ul", "x") and tokens[end].strip():
        end += 1
    return end
