"""An act named as a thing and judged inside a clause: 但操控极快, 只是上网不是免费, 每节课时间安排
也充裕, 老师讲得知识很实用.

jieba's dictionary calls many things customers judge verbs (操控 上色 安排 限制, and 知识): the
aspect finder (:meth:`~manyi.annotate.aspects.AspectFinder.subject`) takes such a word as the
subject of the opinion after it where its clause opens with it (操控很好), after 的 (课后的讨论),
after 得 (讲解得很细致) or after an unlisted noun (网络学习). Elsewhere in a clause it is the
thing judged too, when nothing makes it someone's act, a link or a verb with an object:

* before it: no pronoun, preposition, particle or modal (对我帮助很大, 通过学习, 学过的, 可以提供:
  whose act, or what leads to it), no noun (a listed one decides: 天猫超市; 钱为止), save a word
  of quantity, which it joins (时间安排, 时间限制), and no verb but one with its particle or form
  (讲得知识, 用起来发热);
* the word: no act of the customer's (rules.toml ``customer_acts``, by its first character: 学习
  收获 洗头), no verb form or link (用完 变得 属于 便是, 有钱, 确定是正品), no word that judges
  (``point_judges``: 重点突出);
* its opinion: said with a degree or negation word or an adverb (极快, 很快, 不是免费: a bare one
  right after a verb is its object or complement, 享受安静, 找寻温暖), no noun (出现同样故障),
  no opinion that takes an object or thanks (推荐, 感谢); and the judgement ends there: after
  its words (and a conjunction) a mark, the end, a particle, or a listed word judged next
  (组织灵活讲解透彻; not what a negation takes: 还没有字幕, nor 完全可以从…, 纠正很多误区).

The corpus pass (manyi.annotate.prepass) does not run it (``AspectFinder.acts_judged`` off): an
act judged here and there is no word of the corpus, to be a mention wherever it stands (清洗的时
候). The cost: only where the finder's other readings of a verb before an opinion found nothing.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [(m.term, m.opinion) for m in ex.extract("但操控极快", ["但", "操控", "极快"])]
[('操控', '极快')]
>>> [(m.term, m.opinion) for m in ex.extract("对我帮助很大", ["对", "我", "帮助", "很", "大"])]
[]
"""

from __future__ import annotations

from typing import Any  # an aspects.AspectFinder (imported there: no cycle)

from manyi.annotate.aspect_tags import CLAUSE_MARKS, VERB_FORMS, VERB_TAGS

# a verb that links what follows to something (属于, 便是, 成为, 变得) or says there is some
# (有钱), not a thing judged; nor one whose opinion follows 是 (确定是正品)
LINKING_ENDS = frozenset("得的地于是为")
HAVE, COPULA = "有", "是"
# the word before: a pronoun, a preposition or a particle makes the verb someone's act or
# what it leads to (对我帮助很大, 通过学习, 学过的)
NOT_BEFORE_TAGS = frozenset({"r", "p", "uj", "ul", "uv", "ud"})
NOT_BEFORE = frozenset({"的", "地", "了", "可以", "可"})  # (可以提供: what could be done)
# after the opinion (and any conjunction): a modal particle or 了 (收获很大了, 表现一般吧)
AFTER_TAGS = frozenset({"y", "ul", "x"})
PARTICLES = frozenset("了啊呀哦吧呢哈")


def act_judged(finder: Any, tokens: list[str], j: int, index: int) -> int | None:
    """The first token of the thing the opinion at ``index`` judges when it is the verb at
    ``j`` (after the first token of its clause; see the module docstring), with a word of
    quantity before it that it belongs to (时间 安排: ``j - 1``); else None.
    但 操控 极快 → ``j``, 对 我 帮助 很 大 → None."""
    word, opinion, before = tokens[j], tokens[index], tokens[j - 1]
    rules = finder.rules
    if len(word) < 2 or VERB_FORMS.search(word) or word[-1] in LINKING_ENDS \
            or word[0] == HAVE or COPULA in tokens[j + 1:index] \
            or word[0] in rules.customer_acts or word in rules.point_judges \
            or finder.takes_object(opinion) or finder.addressed.search(opinion) \
            or finder.tag(opinion)[:1] == "n":  # (出现同样故障: what appeared)
        return None
    tag, measure = finder.tag(before), before in finder._heads
    if tag in NOT_BEFORE_TAGS or before in NOT_BEFORE or finder.kind(before) == 2 \
            or (tag[:1] == "n" and not measure) or (  # (钱为止; not 时间安排)
            tag in VERB_TAGS and not VERB_FORMS.search(before)
            and not finder._verb_with_particle(before)):
        return None
    if index == j + 1 and not finder._skips[opinion] and not finder._modified_opinion(opinion):
        return None  # 享受安静, 找寻温暖: an object or a complement, not a judgement
    start = j - 1 if measure else j  # 时间安排, 课时安排: the arranging of time
    k, n, lexicon = index + 1, len(tokens), finder.lexicon
    while k < n and (tokens[k] in lexicon.opinions or finder._skips[tokens[k]]
                     or finder.tag(tokens[k]) == "c"):
        k += 1  # (the opinion's other words: 完全 可以, 还 没有; and the next judgement's)
    if k >= n:
        return start
    after, said = tokens[k], tokens[k - 1]
    if after in lexicon.terms:  # the next thing judged (组织灵活讲解透彻), not what an opinion
        return start if said in lexicon.opinions and said not in lexicon.negations else None
    # word takes (还没有字幕); else a mark, the end, a particle
    ends = after in CLAUSE_MARKS or not "\u4e00" <= after[:1] <= "\u9fff" \
        or after in PARTICLES or finder.tag(after) in AFTER_TAGS
    return start if ends else None
