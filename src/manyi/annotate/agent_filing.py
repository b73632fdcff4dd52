"""An attitude said just after the courier is named is the courier's (我要投诉快递员，服务态度
不好; 快递小哥送货速度快，态度很好): a ``service.attitude`` mention is re-filed to the
delivery person's factor when the clause just before it, in the same sentence, names a person of
an agent dimension (logistics: 快递员 快递小哥 骑手 — a term ending in 员 or one of rules.toml's
``people``) and no one of the shop's (客服), and its own clause names no one else. Without a
person named (物流很快，态度很好) the attitude stays the shop's.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> tokens = ["快递小哥", "很", "辛苦", "，", "态度", "很", "好"]
>>> [(m.term, m.dimension) for m in ex.extract("快递小哥很辛苦，态度很好", tokens)]
[('快递小哥', 'logistics'), ('态度', 'logistics')]
"""

from __future__ import annotations

from typing import Any  # a factors.Mention (imported there: no cycle)

from manyi.annotate.aspect_topics import SENTENCE_MARKS

AGENTS = frozenset({"logistics"})  # the dimensions whose people serve the customer too
# an attitude that names no one (客服态度, 卖家态度 name whose it is: never re-filed)
UNNAMED = frozenset({"", "态度", "服务态度", "服务", "服务质量"})
ATTITUDE = ("service", "attitude")


def attitude_after_agent(mentions: list, text: str, spans: list[tuple[int, int]],
                         rules: Any) -> list:
    """``mentions`` with each service attitude said just after a delivery person is named
    re-filed as that person's (see the module docstring); ``rules``: the extractor's word
    classes (``people``: 小哥 师傅 …, with 员 the end of a person's word); an attitude that
    names whose it is (客服态度, 卖家态度) is never re-filed."""
    people = ("员", *rules.people)
    agent: dict[int, Any] = {}
    for m in mentions:
        if m.dimension in AGENTS and m.term.endswith(people):
            agent.setdefault(m.clause_id, m)
    for m in mentions:
        if m.dimension == "service" and m.clause_id in agent:
            del agent[m.clause_id]  # 从淘宝客服到送货小哥，态度都很好: the shop's people too
    if not agent:
        return mentions
    out = list(mentions)
    for n, m in enumerate(mentions):
        if (m.dimension, m.factor) != ATTITUDE or m.clause_id - 1 not in agent \
                or m.term not in UNNAMED or m.term.endswith(people) \
                or m.clause_id in agent or not SENTENCE_MARKS.isdisjoint(
                    text[spans[m.clause_id - 1][1]:spans[m.clause_id][0]]):
            continue
        if any(o.clause_id == m.clause_id and o is not m and o.dimension == "service"
               and o.term and o.term != m.term for o in mentions):
            continue  # (态度很好，客服也耐心: someone else of the shop named)
        who = agent[m.clause_id - 1]
        out[n] = m._replace(dimension=who.dimension, factor=who.factor, filed_by="context")
    return out
