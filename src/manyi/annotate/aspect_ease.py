"""Judgements said in two words that no opinion list holds: an act said easy or hard to do
(容易冲洗, 方便携带, 不易打结), and a point said to stand out (重点突出).

* **An act made easy.** A word of ease (rules.toml ``easing``: 容易 易 易于 便于 方便) or of
  difficulty (``hindering``: 不易 不便) before a verb that ends its clause (or is judged
  itself: 容易清洗干净) judges that act: 泡沫丰富，容易冲洗 is praise of the rinsing, 不便携带
  a complaint. The act must end the judgement: 很难拿出时间静下心来, 容易成为…的对象 tell a
  story, they judge nothing. 容易 is no opinion
  word by itself (容易上手 and 容易坏 differ), so the act decides: an act one does not want
  made easy (``mishaps``: 打结 出油, or what starts with 漏 错 忘 被: 漏看 被骗) turns the judgement
  round (容易打结 is a fault, 不易打结 a merit); an act the opinion lists judge already
  (容易掉色, 不易变形) is left to them. What is judged is the noun before the ease word when
  there is one (内容容易理解: the content), else the act itself (容易冲洗: the rinsing). An
  ease word ending its judgement after an act (上色容易) judges that act. A bare
  ``overall`` mention of the same words (方便 in 方便携带) gives way to the act.
* **A point that stands out.** A word that names no aspect elsewhere (``points``: 重点 is most
  often 重点是…, the gist) names one when a word that judges only it follows (``point_judges``:
  重点突出, 重点不够突出, 重点明确, 重点很清晰) or when it is had (很有重点, 没有重点): the
  course's emphasis, praised or found wanting.

Neither is read by the corpus pass (manyi.annotate.prepass): a word it learns is a mention
wherever it stands, and 重点 (重点是…) or an act (携带, 操作) is no such word.

Negation and degree words before the ease word or the judge count as for any opinion, and
so does a wish before it (希望加上字幕方便理解: not so now, a mild complaint).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [(m.term, m.opinion, m.lexicon_score > 0)
...  for m in ex.extract("泡沫很多，容易冲洗", ["泡沫", "很多", "，", "容易", "冲洗"])][-1]
('冲洗', '容易冲洗', True)
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

from manyi.annotate.aspect_tags import VERB_FORMS, words_in
from manyi.annotate.memo import last_of
from manyi.annotate.opinions import INSUFFICIENT, NEGATED_SCALE, WISHED_SCALE, Opinion

ACT_TAGS = frozenset({"v", "vn"})  # what jieba calls the act made easy (携带 v, 冲洗 vn)
ENDS = frozenset({"的", "了", "啊", "呀", "哦", "啦", "吧"})  # after 上色容易: still its end
HAVING = {"有": 1.0, "没有": -1.0, "没": -1.0}  # a point had or not: 讲课很有重点, 没有重点
MODIFIERS = 2  # tokens before an ease word or a judge searched for negation and degree words


def may_ease(rules: Any, text: str) -> bool:
    """A quick test: whether ``text`` may hold an act said easy or hard, or a point judged
    (one of rules.toml's easing, hindering or points words: 方便, 容易, 重点), found by one
    search of the words together."""
    return _EASE_WORDS(rules.easing, rules.hindering, rules.points).search(text) is not None


@lru_cache(maxsize=8)
def _ease_words(*words: frozenset[str]) -> re.Pattern:
    """The pattern finding any of ``words``' words (one that finds nothing in a pack without
    them), built once a pack."""
    return words_in(frozenset().union(*words) - {""})


_EASE_WORDS = last_of(_ease_words)  # (the last pack's sets, told by identity)


def eased_acts(roles_of: Any, text: str, tokens: list[str], starts: list[int],
               spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the acts said easy or hard and the points judged (see the module
    docstring); ``roles_of``: the extractor (its lexicon, rules, aspect finder, mention builder)."""
    finder, rules, lexicon = roles_of.finder, roles_of.rules, roles_of.lexicon
    opinions = lexicon.opinions
    clause_starts = [start for start, _ in spans]
    out = list(mentions)
    for i, token in enumerate(tokens):
        sign = 1 if token in rules.easing else -1 if token in rules.hindering else 0
        if not sign and token not in rules.points:
            continue
        clause_id = bisect_right(clause_starts, starts[i]) - 1
        if clause_id < 0 or starts[i] >= spans[clause_id][1]:
            continue
        c_start, c_end = spans[clause_id]
        first = bisect_left(starts, c_start)
        last = bisect_left(starts, c_end)
        if sign:
            found = _eased(roles_of, opinions, tokens, first, last, i, sign)
        else:
            found = _point(rules, lexicon, tokens, first, last, i)
        if found is None:
            continue
        (a, b), (o, e), at, score = found
        negated, degree, o = _modifiers(lexicon, tokens, first, at, o)
        score *= degree * (-NEGATED_SCALE if negated else 1.0)
        if score > 0 and any(t in rules.wishes or t in rules.wish_markers
                             for t in tokens[first:at]):
            score *= -WISHED_SCALE  # 希望加上字幕方便理解: wished for, not had
        t_start, t_end = starts[a], starts[b - 1] + len(tokens[b - 1])
        o_start, o_end = starts[o], starts[e - 1] + len(tokens[e - 1])
        said = text[o_start:o_end]
        named = [m for m in out if m.term and m.start < t_end and t_start < m.end]
        if any(m.clause_id != clause_id or m.opinion not in said for m in named):
            continue  # (named and judged otherwise already)
        held = [m for m in out if m.clause_id == clause_id and m.source == "lexicon"
                and m.term and m.end <= o_start and m.opinion and tokens[at] in m.opinion
                and m.opinion in said]
        if held:  # 位置于南门很方便出入: a listed term the ease word judged keeps it, and the act
            out[out.index(held[-1])] = held[-1]._replace(
                opinion=said, negated=negated, degree=degree, lexicon_score=math.tanh(score))
            continue
        words = tokens[a:b]
        factor, how = finder.file_term(words)
        opinion = Opinion(at, o_start, o_end, "".join(tokens[at:e]), score, negated, degree)
        # what read these words otherwise gives way: a bare verdict (方便 in 方便携带), the
        # term with no opinion or a part of this one (头发 不容易 in 头发不容易打结), a
        # subject found for the ease word alone (出远门 方便 in 出远门的时候方便携带)
        out = [m for m in out if m.clause_id != clause_id or not (
            m in named or not m.term and m.dimension == "overall"
            and m.start < o_end and o_start < m.end
            or m.opinion and tokens[at] in m.opinion and m.opinion in said)]
        out.append(roles_of._mention(text, clause_id, text[c_start:c_end], factor,
                                     "".join(words), opinion, False, t_start, t_end,
                                     "discovered", how))
    if len(out) != len(mentions) or out[-1:] != mentions[-1:]:
        out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def _eased(roles_of: Any, opinions: dict, tokens: list[str], first: int, last: int, i: int,
           sign: int) -> tuple | None:
    """(term range, opinion range, opinion index, score) of the ease word at ``i``, or None."""
    finder, rules = roles_of.finder, roles_of.rules
    k, mishaps = i + 1, tuple(rules.mishaps)
    n = k + 1  # what follows the act, a space skipped (容易冲洗 。)
    while n < last and tokens[n].isspace():
        n += 1
    if k < last and _is_act(finder, rules, opinions, tokens[k]) and (
            n >= last or tokens[n] in opinions or not tokens[n][0].isalnum()
            or tokens[n] in ENDS and (n + 1 >= last or tokens[n] != "的")):  # (not 容易消逝的东西)
        score = float(sign) * (-1.0 if tokens[k].startswith(mishaps) else 1.0)
        span = finder.subject(tokens, first, last, i)  # 内容容易理解: the content
        if span is None or span[1] > i or any(
                roles_of.parse_token(t) is not None or finder.sizing[t] == 2
                for t in tokens[span[0]:span[1]]):
            span = (k, k + 1)  # 容易冲洗: the rinsing (太重不便携带: the carrying)
        return span, (i, k + 1), i, score
    if tokens[i] in opinions or not (k >= last or tokens[k] in ENDS or tokens[k].isspace()):
        return None  # (清洗方便: the opinion lists' 方便 judges it already)
    span = finder.subject(tokens, first, last, i)  # 上色容易: an act, not 企业也不容易
    if span is None or span[1] != span[0] + 1 or span[1] > i \
            or finder.kind(tokens[span[0]]) != 1:
        return None
    return span, (i, k), i, float(sign)


def _is_act(finder: Any, rules: Any, opinions: dict, token: str) -> bool:
    """An act one may find easy or hard: a verb of two characters or more (冲洗 携带 理解)
    that no opinion list judges, not the customer's own acts nor a word for no thing."""
    return len(token) >= 2 and token not in opinions \
        and (finder.tag(token) in ACT_TAGS or finder.kind(token) == 1) \
        and token not in rules.not_aspects and token not in rules.judging_verbs \
        and token not in rules.customer_acts and not VERB_FORMS.search(token) \
        and finder.kind(token) != 0


def _point(rules: Any, lexicon: Any, tokens: list[str], first: int, last: int, i: int
           ) -> tuple | None:
    """(term range, opinion range, judge index, score) of a point judged, or None; a point
    had (很有重点) or not (没有重点) is one too."""
    if i > first and tokens[i - 1] in HAVING:
        return (i, i + 1), (i - 1, i), i - 1, HAVING[tokens[i - 1]]
    k = i + 1
    while k < last and k - i <= MODIFIERS and (
            tokens[k] in lexicon.negations or tokens[k] in lexicon.degrees
            or tokens[k] in INSUFFICIENT or tokens[k] in rules.fillers):
        k += 1
    if k >= last or tokens[k] not in rules.point_judges:
        return None
    return (i, i + 1), (i + 1, k + 1), k, -1.0 if tokens[k][0] in "不没" else 1.0  # (不清)


def _modifiers(lexicon: Any, tokens: list[str], first: int, at: int, o: int
               ) -> tuple[bool, float, int]:
    """(negated, degree, first token of the opinion) from the negation and degree words right
    before ``at`` (不容易冲洗, 很容易推开, 重点不够突出)."""
    negations, degree, j = 0, 1.0, at - 1
    while j >= first and at - j <= MODIFIERS:
        token = tokens[j]
        if token in lexicon.negations or token in INSUFFICIENT:
            negations += 1
        elif token in lexicon.degrees:
            degree *= lexicon.degrees[token]
        else:
            break
        o = min(o, j)
        j -= 1
    return negations % 2 == 1, degree, o
