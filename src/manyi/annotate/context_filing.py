"""Filing by the comment around a mention, after its clause is read: what a speed or delay
word is said of depends on what else the comment names.

* a speed said alone before the clause that says the parcel came (好快呀！昨天下午订货，今天
  上午就到了) is the delivery's, as it is after it (今天就到了，很快: factors.py);
* a delay word measured by a size word (耳机延迟很低, 延迟很高) is a quantity of the thing,
  not a late delivery (see :func:`measured`).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> tokens = ["好快", "，", "今天", "就", "到了"]
>>> [(m.dimension, m.filed_by) for m in ex.extract("好快，今天就到了", tokens)]
[('logistics', 'verb')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any  # a factors.Mention (imported there: no cycle)

from manyi.text.lexicon import Factor

AHEAD = 2  # clauses after a speed word where the delivery verb may stand


def speed_before_verbs(mentions: list, clause_starts: list[int], verbs: list[tuple[int, Factor]],
                       speed_words: frozenset[str]) -> list:
    """``mentions`` with an ``overall`` speed (很快, 好快呀) re-filed under the factor of a
    delivery verb in one of the next :data:`AHEAD` clauses; ``verbs``: (character offset,
    factor) of the comment's factor verbs, ``clause_starts`` the clauses' first offsets."""
    ahead: dict[int, Factor] | None = None
    out = []
    for m in mentions:
        if m.dimension == "overall" and not m.term and m.opinion \
                and any(w in m.opinion for w in speed_words):
            if ahead is None:  # the first verb of each clause
                ahead = {bisect_right(clause_starts, at) - 1: f for at, f in reversed(verbs)}
            factor = next((ahead[c] for c in range(m.clause_id + 1, m.clause_id + AHEAD + 1)
                           if c in ahead), None)
            if factor is not None:
                m = m._replace(dimension=factor.dimension, factor=factor.key, implicit=True,
                               filed_by="verb")
        out.append(m)
    return out


def measured(tokens: list[str], index: int, last: int, skips: Any, predicates: Any) -> int:
    """Index of the size word that measures the opinion word at ``index`` (延迟 很 低, 延迟
    很高: a quantity judged, not a judgement), else 0; ``skips``: the words that may stand
    between, ``predicates``: 高 低 大 小 …"""
    k = index + 1
    while k < last and tokens[k] in skips:
        k += 1
    if k >= last:
        return 0
    word = tokens[k]
    size = word[-1] if len(word) == 2 and word[0] in skips else word
    # not 多/少: a comparison's complement (比实体店便宜多了), not a measure
    return k if size in predicates and size not in "多少" else 0


def named_after(finder: Any, text: str, tokens: list[str], starts: list[int],
                spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the things a recommendation goes on to list (推荐烤鱼，大虾，冰淇淋):
    a discovered mention after its opinion, one that takes an object, judges with the same
    opinion what each next clause only names
    (:meth:`~manyi.annotate.aspects.AspectFinder.ordered`), up to the first that says more."""
    out = list(mentions)
    held = {m.clause_id for m in mentions}
    for m in mentions:
        if m.source != "discovered" or not m.opinion or not finder.takes_object(m.opinion) \
                or text.find(m.opinion, spans[m.clause_id][0]) > m.start:
            continue  # (the object after its opinion: 推荐烤鱼, not 烤鱼推荐)
        clause_id = m.clause_id + 1
        while clause_id < len(spans) and clause_id not in held:
            c_start, c_end = spans[clause_id]
            first, last = bisect_left(starts, c_start), bisect_left(starts, c_end)
            names = finder.ordered(tokens, first, last) if last > first else []
            if not names:
                break
            for a, b in names:
                words = tokens[a:b]
                factor, how = finder.file_term(words)
                out.append(m._replace(clause_id=clause_id, clause=text[c_start:c_end],
                                      dimension=factor.dimension, factor=factor.key,
                                      term="".join(words), start=starts[a],
                                      end=starts[b - 1] + len(tokens[b - 1]), filed_by=how))
            held.add(clause_id)
            clause_id += 1
    if len(out) > len(mentions):  # (in reading order, as the extractor gives them)
        out.sort(key=lambda m: (m.clause_id, m.start))
    return out
