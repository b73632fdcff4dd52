"""Discovered words that are only what an act was done to, and compounds a discovered or
listed word makes with its neighbour.

Tests of :class:`~manyi.annotate.discovered.DiscoveredMentions`, by the segmenter's part of
speech (no list of words):

* :func:`acted_on` — a discovered word with no opinion of its own that is the object of the
  customer's act done (当时烫了头发, 洗完头发, 护理一下发尾) or where an act puts
  something (涂抹在头发上, 抹到头发上) is narration, no mention: what is there or missing
  (有光泽感, 没有头屑) and what is said of it after it (用完头发黏糊糊的) keep theirs; an act
  glued to its object with no mark of its being done (凉拌牛肉, 去头屑: a dish, an effect)
  is not taken for narration;
* :func:`glued` — a learned word glued to the listed term before it is one compound
  (泡沫数量);
* :func:`names_effect` — an effect said as an act right before an effect's head names which
  effect (去屑效果非常好: the term 去屑效果, not 效果 judged by 去屑; not 合适颜色).

>>> tag = {"烫": "v", "头发": "n", "有": "v", "光泽感": "n"}.get
>>> acted_on(tag, ["当时", "烫", "了", "头发"], 0, 4, 3, 4, frozenset())
True
>>> acted_on(tag, ["烫", "了", "头发", "很", "干"], 0, 5, 2, 3, frozenset())
False
>>> acted_on(tag, ["超级", "有", "光泽感"], 0, 3, 2, 3, frozenset())
False
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any  # a Lexicon (manyi.text.lexicon)

from manyi.text.lexicon import Factor

VERB = "v"
# Aspect particles and a light "a bit" between a verb and its object (烫了头发, 护理一下发尾).
BETWEEN = frozenset({"了", "过", "着", "一下", "了下"})
# After two things named side by side, words that judge them together (音质画面都很好, 质量裤型
# 都很好): two things, not one compound.
TOGETHER = frozenset({"都", "也都", "全", "全都", "均", "和", "与", "及"})
# The heads an effect names (去屑效果, 静音功能): not a look, a quality or a speed, which a
# praise word before them judges (合适颜色, 舒服质量: the opinion of what came before).
EFFECT_HEADS = frozenset({"效果", "功效", "作用", "功能"})
# A verb that holds its own aspect (洗完, 烫过): the act done, its object next.
DONE = frozenset("完过了")
# Verbs of being, having and lacking: what follows is what there is (有光泽感, 没有头屑),
# said of the thing, not done to it.
BEING = frozenset({"有", "没有", "没", "无", "是", "就是", "都是", "还有", "带有", "含有",
                   "具有", "拥有", "不含", "含"})
# Where an act puts something: 在/到 … 上/里 (涂抹在头发上, 抹到头发上).
PUT_AT = frozenset({"在", "到"})
PUT_ON = frozenset({"上", "里", "中", "上面", "里面"})
# After the object, when the act is only the time of what comes next (洗过头发之后).
THEN = frozenset({"之后", "以后", "后", "时", "时候", "的时候", "前", "之前"})
# What may close the clause after an object of which nothing is said.
CLOSING = PUT_ON | THEN | {"的", "了", "吧", "呢", "啊", "呀", "哦", "啦"}


def acted_on(tag: Callable[[str], str | None], tokens: list[str], first: int, last: int,
             a: int, b: int, negations: Collection[str]) -> bool:
    """Whether ``tokens[a:b]`` (a word no opinion judges; its clause ``tokens[first:last]``)
    is only what the customer's act was done to: nothing but a place or a time word after
    it in its clause, and before it an act marked done (烫了头发, 洗完头发, 护理一下发尾), an
    act that puts it somewhere (涂抹在头发上), or an act that is the time of what comes next
    (洗头发之后); not what there is or is missing (有光泽感), nor after a negation. ``tag`` is
    the segmenter's part of speech."""
    after = tokens[b:last]
    if any(t not in CLOSING and t.isalnum() for t in after):
        return False  # 用完头发黏糊糊的: something is said of it
    k, marked = a - 1, False
    while k >= first and tokens[k] in BETWEEN:
        k, marked = k - 1, True
    if k < first:
        return False
    before = tokens[k]
    if before in PUT_AT:
        return k > first and tag(tokens[k - 1]) == VERB and bool(after) and after[0] in PUT_ON
    if tag(before) != VERB or before in BEING or before in negations \
            or (k > first and tokens[k - 1] in negations):
        return False
    return marked or (len(before) > 1 and before[-1] in DONE) or any(t in THEN for t in after)


def glued(lexicon: Any, tokens: list[str], i: int, before: Factor) -> bool:
    """Whether ``tokens[i]`` is glued to the listed term right before it (of factor
    ``before``): one compound, the listed thing's — a word the corpus pass learned, of the
    same dimension (泡沫数量: the foam's amount, not a 数量 of its own), or an attribute head
    filed under delivery after a service's act (换货速度, 理赔速度: not the parcel's speed)."""
    learned, factor = lexicon.learned, lexicon.terms[tokens[i]]
    if before.dimension in ("service", "communication") and factor.dimension == "logistics" \
            and tokens[i] in lexicon.attribute_heads:
        return True
    return tokens[i] in learned and tokens[i - 1] not in learned \
        and factor.dimension == before.dimension \
        and (i + 1 == len(tokens) or tokens[i + 1] not in TOGETHER)


def names_effect(lexicon: Any, tokens: list[str], first: int, last: int, j: int) -> bool:
    """Whether ``tokens[j]``, right before a listed attribute head (效果) that something is
    said of after it in its clause (``tokens[first:last]``), is an effect said as an act or
    a quality that names which one (去屑效果非常好, 止痒效果一般, 静音效果好): a
    two-character praise word that says nothing of another dimension (not 便宜 质量: the
    price; 水货 质量: authenticity), with no degree word or negation before it (not 很满意
    效果), and not one the clause ends on (就是喜欢颜色: what is liked)."""
    word = tokens[j]
    if len(word) != 2 or tokens[j + 1] not in EFFECT_HEADS \
            or lexicon.opinions.get(word, 0) <= 0 or j + 2 >= last:
        return False
    cue = lexicon.cues.get(word)
    if cue is not None and cue.dimension != lexicon.terms[tokens[j + 1]].dimension:
        return False
    return j == first or (tokens[j - 1] not in lexicon.degrees
                          and tokens[j - 1] not in lexicon.negations)
