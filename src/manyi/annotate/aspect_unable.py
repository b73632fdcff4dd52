"""An act the customer cannot do with the thing: 全屏不能调整进度条, 无法绑定学校学号.

After a word of not being able (rules.toml's ``unable``: 不能 无法 没法 没办法), an act done to
a thing (a verb and the noun compound right after it: 调整进度条, 连接蓝牙, 绑定学号) names what
fails: a complaint about a feature, in a course's player as in a phone (手机无法连接蓝牙) or a
bank's app (无法绑定银行卡). The act and its thing become a discovered mention of the clause,
its opinion the word of not being able, negative as a fault said outright. Not:

* an act with no thing after it (让人无法接受, 无法形容: how the customer feels; 不能即时提问:
  no thing named);
* the customer's own use of the thing (不能吃, 没法用, 不能穿: rules.toml's customer_acts, used
  and eaten — the thing itself is judged useless: manyi.annotate.overall_filing), nor saying or
  judging (不能说…, 无法评价: ``SAYING``, rules.toml's judging_verbs);
* a thing a mention names already (无法联系客服 when 客服 is judged);
* a wish, a supposition or a question (如果不能退款…, 希望能…: the aspect finder's ``unreal``
  words; 能不能控制住油: ``ASKING``).

A verb that only carries the act after it (不能进行调节: ``DUMMY``) is passed over.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> [(m.term, m.opinion, m.lexicon_score < 0) for m in ex.extract(
...     "全屏不能调整进度条", ["全屏", "不能", "调整", "进度条"])]
[('调整进度条', '不能', True)]
"""

from __future__ import annotations

from typing import Any

from manyi.annotate.aspect_tags import (
    MAX_CHARS,
    MAX_COMPOUND,
    VERB_FORMS,
    VERB_TAGS,
    asked_or_supposed,
    clause_at,
    in_reading_order,
)
from manyi.annotate.opinions import Opinion

# saying or judging, not an act done to the thing (不能说不好, 无法评价, 不能给差评)
SAYING = frozenset({"说", "讲", "评价", "给", "算", "怪", "比", "相信", "想象", "理解", "形容"})
ACT_TAGS = VERB_TAGS | {"vn"}  # an act, though the dictionary may call it a noun too (调整)
ASKING = frozenset({"能", "可以", "是否", "可不可以", "会"})  # 能不能…: a question
DUMMY = frozenset({"进行", "加以", "予以"})  # verbs that only carry the act after them
UNABLE_SCORE = -1.0  # a fault said outright (as an opinion word's score before squashing)


def unable_acts(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the acts the customer cannot do (the module docstring);
    ``roles_of``: the extractor (its rules, aspect finder and mention builder)."""
    finder, rules = roles_of.finder, roles_of.rules
    unable = rules.unable
    if unable.isdisjoint(tokens):
        return mentions  # (most comments: no word of not being able)
    own = frozenset(rules.customer_acts) | frozenset(rules.used) | frozenset(rules.eaten) \
        | frozenset(rules.judging_verbs) | SAYING
    clause_starts = [start for start, _ in spans]
    out = list(mentions)
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token not in unable or i + 2 >= n:
            continue
        clause_id = clause_at(clause_starts, spans, starts[i])
        if clause_id < 0:
            continue
        c_start, c_end = spans[clause_id]
        if i > 0 and tokens[i - 1] in ASKING or asked_or_supposed(text[c_start:c_end]):
            continue  # (能不能控制住油, 是否不能…, 为什么不能…吗: asked, not said)
        v = i + 1
        while v + 1 < n and tokens[v] in DUMMY:
            v += 1  # (不能进行调节: the act is what follows)
        verb = tokens[v]
        if finder.tag(verb) not in ACT_TAGS or finder.kind(verb) == 0 or verb in own \
                or VERB_FORMS.search(verb) \
                or finder.unreal.search(text, c_start, starts[i]) is not None:
            continue
        end = v + 1
        while end < n and end - v <= MAX_COMPOUND and starts[end] < c_end \
                and finder.kind(tokens[end]) == 2:
            end += 1
        if end == v + 1:
            continue  # (无法形容, 不能即时提问: no thing the act is done to)
        start, stop = starts[v], starts[end - 1] + len(tokens[end - 1])
        if stop - start > MAX_CHARS or any(m.term and m.start < stop and start < m.end
                                           for m in out):
            continue  # (无法联系客服: 客服 named already)
        words = tokens[v:end]
        factor, how = finder.file_term(words)
        opinion = Opinion(i, starts[i], starts[i] + len(token), token, UNABLE_SCORE, False, 1.0)
        out.append(roles_of._mention(text, clause_id, text[c_start:c_end], factor,
                                     "".join(words), opinion, False, start, stop, "discovered",
                                     how))
    return in_reading_order(mentions, out)
