"""The thing an act was done to, judged by how the act was done: 三文鱼倒是切的很厚实, 土豆也焖的
入口即化, 醋饭调得挺好, 洗手台也收拾得很干净.

Before a verb, ``的``/``得`` and an opinion, a noun is what the act was done to (the patient),
and how it was cut, cooked or cleaned is how that thing now is: the noun is judged, not the
verb (切 调 收拾 name no aspect). :meth:`~manyi.annotate.aspects.AspectFinder.subject` asks
here before it falls back on the verb alone. Adverbs may stand between the noun and the verb
(也 倒是 都 还, rules.toml's ``subject_skip``). Not the noun when:

* it is a person or a business: the doer, whose act is judged (老师讲的很好, 司机开的很好,
  京东保存的真好: the staff's ending 员 师, rules.toml's ``people``, ``person_ends``,
  ``sellers`` and ``platforms``, a listed word of the service);
* it is the business or the thing bought as a whole (a listed word filed ``overall``): the act
  names the part of it judged (酒店提供的免费, 这套书编排的很不错: 提供, 编排);
* it is an act of arriving or a time, which frames the act and is no thing (到家煮的很香,
  晚上烤的很香: 到家 到店 回家 进门; a time word), nor a word no aspect is (东西, 时候);
* the verb is one of saying or teaching: the noun is the topic, the saying is judged
  (中药讲得很细, 问题解释的很清楚: 讲, 解释);
* the verb is the customer's own act or a moving one (吃的很开心, 送得很快: the experience,
  the delivery).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> tokens = ["三文鱼", "倒", "是", "切", "的", "很", "厚实"]
>>> [m.term for m in ex.extract("三文鱼倒是切的很厚实", tokens)]
['三文鱼']
"""

from __future__ import annotations

import re
from typing import Any  # an aspects.AspectFinder (imported there: no cycle)

# An act of arriving or leaving with its place, one word (到家 到店 回家 进门 出门 到手): when
# the act was done, not what it was done to (到家煮的很香).
ARRIVING = re.compile(r"^[到回进出来去][家店门站手]")
# Endings of a word for one who does the act (服务员 厨师 讲师), besides rules.toml's people
# and person_ends (客人 小哥 师傅).
DOER_ENDS = ("员", "师", "生", "工", "长", "司机", "大厨", "主厨", "阿姨", "保安", "前台")
# Dimensions of a listed word that does the act (服务员, 老板) or is the whole whose part the
# act names (酒店, 这本书).
DOER_DIMENSIONS = frozenset({"service", "overall", "channel", "logistics"})
# Verbs of saying or teaching: the noun before them is what was said, and how well it was said
# is the saying's (中药讲得很细: the lecture judged, not the medicine).
SAYING = frozenset({"讲", "说", "教", "写", "答", "讲解", "解释", "介绍", "回答", "描述", "表达",
                    "讲述", "分析", "阐述", "翻译", "说明"})
# What links an opinion with 的 to the thing it names after it (最好吃的是酸菜鱼).
COPULAS = frozenset({"是", "还是", "就是"})
# Tags of a time (t: 晚上 当天) or a place word (s: 楼下): when or where, no thing done to.
FRAME_TAGS = frozenset({"t", "s", "f"})


def done_to(finder: Any, tokens: list[str], first: int, v: int) -> tuple[int, int] | None:
    """Token range of the thing the act at ``v`` (a verb before 的/得, or one with its particle:
    调得) was done to, when a noun stands before it past adverbs (三文鱼 倒 是 切 的 → 三文鱼);
    None when there is none, or it is a doer, a time or an arrival (see the module docstring)."""
    verb = tokens[v][:-1] if tokens[v][-1] in "的得" and len(tokens[v]) > 1 else tokens[v]
    rules = finder.rules
    if verb in SAYING or verb in rules.customer_acts or verb[0] in rules.moves:
        return None
    k = v - 1
    skips = rules.subject_skip
    while k >= first and tokens[k] in skips:
        k -= 1
    doer = finder.doer_or_frame
    if k < first or finder.kind(tokens[k]) != 2 or doer[tokens[k]]:
        return None
    span = finder._whose(tokens, first, finder._compound(tokens, first, k))
    if span[1] - span[0] > 1 and any(doer[t] for t in tokens[span[0]:span[1]]):
        return k, k + 1
    return span


def named_after_copula(finder: Any, tokens: list[str], k: int, last: int) -> int:
    """Where the thing an opinion and 的 name starts: past 是 at ``k`` (最好吃的是酸菜鱼) and an
    adverb or two before it (最受欢迎的其实是臭豆腐, 最好吃的应该是烤鱼); ``k`` when no 是
    follows."""
    at = k
    while at + 2 < last and at - k < 2 and tokens[at] not in COPULAS \
            and finder.tag(tokens[at]) == "d":
        at += 1  # 最受欢迎的其实是臭豆腐
    return at + 1 if at + 1 < last and tokens[at] in COPULAS else k


def doer_or_frame(finder: Any, token: str) -> bool:
    """Whether a word names who does an act (服务员 厨师 老板 小哥) or when or where it was
    done (到家 晚上), not a thing it was done to; asked once a word (``finder.doer_or_frame``)."""
    return _doer(finder, token) or _frames(finder, token)


def _doer(finder: Any, token: str) -> bool:
    rules, term = finder.rules, finder.lexicon.terms.get(token)
    return token.endswith(DOER_ENDS) or token.endswith(tuple(rules.people)) \
        or token.endswith(finder._person_ends) or token in rules.sellers \
        or token in rules.platforms or (term is not None and term.dimension in DOER_DIMENSIONS)


def _frames(finder: Any, token: str) -> bool:
    """Whether a word says when or where an act was done (到家 晚上 楼下), not to what."""
    return bool(ARRIVING.match(token)) or finder.tag(token) in FRAME_TAGS \
        or token in finder.rules.not_aspects
