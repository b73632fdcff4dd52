"""A thing judged right before an opinion that a word further back took: its own mention.

In a run of words with no punctuation the nearest opinion after a listed word is taken by it
(:func:`manyi.annotate.opinion_taken.taken`), however far it stands: 老师和学生互动…这种教学模式
很新颖 gives 老师 the 很新颖 said of 教学模式, and 教学模式 no mention at all. Each thing judged at
once (a noun, or an act, then degree or negation words and the opinion) is its own mention: the
noun the aspect finder's :meth:`~manyi.annotate.aspects.AspectFinder.subject` finds right before
such an opinion becomes a discovered mention with that opinion, when it stands after the word
that took it and no mention names it. The word further back keeps its mention. Not:

* an opinion that qualifies what follows it (最及时的反馈, 更好地理解, 有效交流平台: bare, before
  a noun), takes an object (推荐) or thanks (谢谢);
* what a preposition or a verb leads to (对生活非常有用: what it is useful for; 对待顾客不诚恳:
  whom; not 还有直播非常精彩, what there is) or a comparison names (价格也比深航点便宜, 水果都
  不如), a word after a degree word (很深奥超级棒, 很华丽: a judgement itself), an opinion word,
  a word the dictionary does not know (短且 不及时: pieces the segmenter glued);
* a listed word: one left without a mention was left so on purpose (快递员送货上门服务态度很好: the
  courier's attitude).

The quick test (issue #24): a word and its opinion at most one character apart (质量很好, 质量也
很好), as most are, leave nothing between them to judge; a comment with no other mention gives
its list back untouched. The corpus pass does not run it (``FactorExtractor.topics`` off): it
learns words from the pairs each word makes with its own opinion.

>>> from manyi.annotate.aspect_scorer import AspectScorer
>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> ex.scorer = AspectScorer()  # (the rules alone: no learned scorer)
>>> tokens = ["老师", "讲课", "这种", "教学模式", "很", "新颖"]
>>> [(m.term, m.opinion) for m in ex.extract("老师讲课这种教学模式很新颖", tokens)]
[('老师', '很新颖'), ('讲课', '很新颖'), ('教学模式', '很新颖')]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from manyi.annotate.aspect_tags import NOUN_TAGS

LEADING = frozenset({"p", "v"})  # a preposition or verb before a noun takes it as its object
GAP = 2  # characters between a word and its opinion the thing judged needs at least
HAVE = "有"
QUALIFIES = frozenset({"的", "地"})  # 最及时的反馈, 更好地理解: the opinion says how the next is
# degree words that, before a noun, say how many of the things (有些字体不是很清楚): no degree
SOME = frozenset({"有些", "有的"})


def own_judged(roles_of: Any, text: str, tokens: list[str], starts: list[int],
               spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the things judged right before an opinion a word further back took
    (see the module docstring); ``roles_of``: the extractor (its aspect finder)."""
    out: list = []
    size = len(text) - GAP
    for m in mentions:
        # the quick test: most opinions follow their word at once or past one character
        # (质量很好, 质量也很好): no word between them to judge
        opinion = m.opinion
        if not opinion or m.end + len(opinion) > size or not m.term or m.source == "event":
            continue
        c_start, c_end = spans[m.clause_id]
        at = text.find(opinion, m.end, c_end)
        if at - m.end < GAP:  # (not found: −1)
            continue
        if not out:  # (the first mention that may have one: the look-ups, once)
            finder, rules, terms, roles = (roles_of.finder, roles_of.rules,
                                           roles_of.lexicon.terms, roles_of._role_cache)
            compared = tuple(rules.comparison_markers)  # 比, 相比 (比较: a degree word)
            negations = rules.comparative_negations  # 不如, 没有: a comparison's
            named = [(o.start, o.end) for o in mentions if o.term]
            out, done, n = list(mentions), set(), len(tokens)
        if at in done:
            continue
        end = at + len(opinion)
        k = bisect_left(starts, end, 0, n) - 1
        if k < 0 or starts[k] + len(tokens[k]) != end or finder.takes_object(tokens[k]) \
                or finder.addressed.search(tokens[k]) or tokens[k] in negations:
            continue  # (推荐, 谢谢: what is recommended or thanked follows; 水果都不如)
        if k + 1 < n and (tokens[k + 1] in QUALIFIES or at == starts[k]
                          and finder.tag(tokens[k + 1]) in NOUN_TAGS):
            continue  # 最及时的反馈, 宝藏地方: the opinion qualifies the noun after it
        first, last = bisect_left(starts, c_start, 0, n), bisect_left(starts, c_end, 0, n)
        span = finder.subject(tokens, first, last, k)
        if span is None or span[1] > k or span[0] >= span[1] or starts[span[0]] < m.end \
                or not finder.tag(tokens[span[1] - 1]) \
                or starts[span[1] - 1] + len(tokens[span[1] - 1]) > at:
            continue  # (没有北京好: what it is compared with, inside the opinion's words)
        before = _before(tokens, first, span[0])
        if before in roles_of._modifiers and span[1] - span[0] > 1:
            span, before = (span[0] + 1, span[1]), tokens[span[0]]  # 很有感染力 思维缜密
        words = tokens[span[0]:span[1]]
        some = before in SOME and finder.tag(words[0])[:1] == "n"  # 有些字体: some fonts
        if before and (finder.tag(before) in LEADING and not before.endswith(HAVE)
                       or before in roles_of._modifiers and not some
                       or before.startswith(compared)) or any(
                t in terms or roles[t] is not None and roles[t][0] is not None
                or t.startswith(compared) for t in words):
            continue  # 对生活非常有用, 对待顾客不诚恳: what a preposition or a verb leads to (not
            # 还有直播非常精彩: what there is); 很深奥超级棒: a judgement itself;
            # 比深航点便宜: what it is compared with; a listed word left without a mention was
            # left so on purpose (快递员…服务态度很好)
        a = starts[span[0]]
        b = starts[span[1] - 1] + len(tokens[span[1] - 1])
        if any(s < b and a < e for s, e in named):
            continue
        done.add(at)
        factor, how = finder.file_term(words)
        named.append((a, b))
        out.append(m._replace(dimension=factor.dimension, factor=factor.key,
                              term="".join(words), start=a, end=b, implicit=False,
                              source="discovered", filed_by=how))
    if len(out) <= len(mentions):
        return mentions
    out.sort(key=lambda m: (m.clause_id, m.start))  # (in reading order, as given)
    return out


def _before(tokens: list[str], first: int, at: int) -> str:
    """The word before token ``at`` in its clause, past 有 (很有激情: the degree word); empty
    at the clause's start."""
    if at > first and tokens[at - 1] == HAVE:
        at -= 1
    return tokens[at - 1] if at > first else ""
