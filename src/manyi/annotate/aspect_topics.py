"""Zero anaphora: a judgement with no noun of its own is said of the clause's topic, or of the
topic of the clause just before it in the same sentence (龙虾是每位限量半只，个人觉得还可以;
鸡柳就是半成品肉串，有点辣; 莲藕炖仔排个人觉得一般).

After the rules of :class:`~manyi.annotate.factors.FactorExtractor` ran on a comment, a clause
whose mentions are all *open* — an ``overall`` verdict with no term (还可以) or a product cue
standing for its own term (有点辣 → 辣) — takes as its term:

* the unlisted noun compound its own clause opens with, when only adverbs and words of the
  one who judges stand between it and the opinion (莲藕炖仔排 个人觉得 一般; rules.toml's
  opinion_holders), or, for a product cue (好吃 入味 香), words that name no other thing
  (豆花无论煮多久都不入味; not 用纸擦一擦就干净了);
* else, when only adverbs and words of the one who judges (个人觉得, 我感觉: rules.toml's
  opinion_holders) stand before the opinion, what the clause before names
  (:meth:`~manyi.annotate.aspect_lists.NamedItems.ordered`: 点了A和B) or the compound it opens
  with (:meth:`~manyi.annotate.aspect_lists.NamedItems.opening`), provided that clause holds
  no mention (no judgement of its own) and no sentence mark (。！？) stands between them.

Not thanks or praise said to the shop or its people (真心感谢, 点赞: rules.toml's thanks and
not_carried). Bounded on purpose: one clause back, never across a sentence, never past a
clause that judges. The mention keeps its opinion; an ``overall`` one is filed as a discovered word
(``file_term``), a cue keeps its factor (辣 → product.taste).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> tokens = ["鸡柳", "就是", "半成品", "肉串", "，", "有点", "辣"]
>>> [(m.term, m.dimension, m.opinion) for m in ex.extract("鸡柳就是半成品肉串，有点辣", tokens)]
[('鸡柳', 'product', '有点辣')]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any  # a factors.Mention and an AspectFinder (imported there: no cycle)

SENTENCE_MARKS = frozenset("。.!！?？;；~～…")


def is_open(m: Any) -> bool:
    """A mention judged with no noun of its own: an overall verdict without a term, or a
    product cue or size word that is its own term (有点辣, 挺大的)."""
    if not m.opinion:
        return False
    if not m.term:
        return m.dimension == "overall" and m.source == "lexicon"
    # 有点辣: a cue, or a size said of the thing bought (挺薄的), its own term
    return m.dimension == "product" and m.term in m.opinion and (
        (m.filed_by == "cue" and m.source == "lexicon")
        or (m.filed_by == "attribute" and m.source == "discovered"))


def may_carry(finder: Any, tokens: list[str], starts: list[int], mentions: list,
              spans: list[tuple[int, int]]) -> bool:
    """A quick test: whether :func:`carry_topics` may change ``mentions`` (an open mention
    after a word that may open a topic in its clause, or with a clause before it that holds
    no mention)."""
    held = None
    rules = finder.rules
    for m in mentions:
        if not m.opinion or (m.term and m.dimension != "product") or not is_open(m):
            continue
        c_start = spans[m.clause_id][0]
        if m.start > c_start + 1 and _may_open(finder, tokens[bisect_left(starts, c_start)]):
            return True
        if m.clause_id:
            if held is None:
                held = {x.clause_id for x in mentions}
            if m.clause_id - 1 not in held:
                p_start = spans[m.clause_id - 1][0]
                word = tokens[bisect_left(starts, p_start)]
                if _may_open(finder, word) or word in rules.orders \
                        or word in rules.customer_acts or (m.clause_id > 1 and spans[
                            m.clause_id - 2][1] == p_start):  # (cut at a contrast word)
                    return True
    return False


def _may_open(finder: Any, word: str) -> bool:
    """Whether a clause opening with ``word`` may name a topic (a noun, 还有, 他家的)."""
    return finder._kind[word] == 2 or word in finder.rules.list_openers or finder.tag(word) == "r"


def carry_topics(finder: Any, verdicts: Any, text: str, tokens: list[str],
                 starts: list[int], spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with each open one (:func:`is_open`) given the topic its clause or the
    clause before names (see the module docstring); ``verdicts``: the pack's verdict words
    (好用: the item itself)."""
    by_clause = indices_by_clause(mentions)
    out = list(mentions)
    added = []
    kind, head, skips, holders = finder._kind, finder._head, finder._skips, \
        finder.rules.opinion_holders
    addressed = finder.rules.thanks | finder.rules.not_carried
    for clause_id, indices in by_clause.items():
        c_start, c_end = spans[clause_id]
        begin = min(mentions[n].start for n in indices)
        if (begin == c_start and (not clause_id or clause_id - 1 in by_clause)) \
                or not all(is_open(mentions[n]) for n in indices):
            continue  # (nothing before the opinion, and no clause before to read)
        first, last = bisect_left(starts, c_start), bisect_left(starts, c_end)
        at = bisect_left(starts, begin, first, last)
        names = []
        own = finder.opening(tokens, first, at) if at > first + 1 else None
        joined = finder.coordinated_after(tokens, own[1], at) if own is not None else []
        rest = joined[-1][1] if joined else own[1] if own is not None else at
        if own is not None and (all(skips[t] or t in holders for t in tokens[rest:at]) or (
                all(mentions[n].filed_by == "cue" for n in indices)
                and not any(kind[t] == 2 or head[t] for t in tokens[rest:at]))):
            names = [own, *joined]  # (a cue past a verb too: 豆花无论煮多久都不入味)
        elif clause_id and clause_id - 1 not in by_clause \
                and all(skips[t] or t in holders for t in tokens[first:at]):
            p_start, p_end = spans[clause_id - 1]
            back = clause_id - 1
            while back and spans[back - 1][1] == p_start and back - 1 not in by_clause:
                back -= 1  # a clause cut at a contrast word (鸡柳|就是半成品肉串): one clause
                p_start = spans[back][0]
            if SENTENCE_MARKS.isdisjoint(text[p_end:c_start]):
                p_first, p_last = bisect_left(starts, p_start), bisect_left(starts, p_end)
                names = finder.ordered(tokens, p_first, p_last)
                if len(names) == 1 and names[0][0] == p_first and "都" in text[c_start:c_end]:
                    names = finder.names_before(tokens, p_first)[::-1] + names  # A，B，都好吃
                elif not names:
                    topic = finder.opening(tokens, p_first, p_last)
                    names = [topic] if topic is not None else []
        if not names or any(w in mentions[n].opinion for n in indices for w in addressed):
            continue  # (真心感谢, 点赞: said to the shop or its people)
        for k, n in enumerate(indices):
            m = mentions[n]
            for j, (a, b) in enumerate(names):
                if j and k:
                    break  # the list's other names once, with the clause's first opinion
                words = tokens[a:b]
                if m.dimension == "overall":
                    factor, how = finder.file_term(words)
                    if how == "attribute" and m.opinion in verdicts:
                        factor, how = finder.item, "verdict"
                    dimension, key = factor.dimension, factor.key
                else:
                    dimension, key, how = m.dimension, m.factor, m.filed_by
                new = m._replace(dimension=dimension, factor=key, term="".join(words),
                                 implicit=False, start=starts[a],
                                 end=starts[b - 1] + len(tokens[b - 1]),
                                 source="discovered", filed_by=how)
                if j:
                    added.append(new)
                else:
                    out[n] = new
    if added:
        out.extend(added)
        out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def indices_by_clause(mentions: list) -> dict[int, list[int]]:
    """The positions in ``mentions`` of each clause's mentions, by clause id, in order."""
    by_clause: dict[int, list[int]] = {}
    for n, m in enumerate(mentions):
        by_clause.setdefault(m.clause_id, []).append(n)
    return by_clause
