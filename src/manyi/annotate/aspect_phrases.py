"""Things the dictionary files under a tag that names no thing (issue #19): a set phrase (tag
``l``) that is two words, the last a noun — 通话音质 操作系统 应用软件 数据传输 — names
the thing judged (通话音质清晰, 操作系统复杂), as a noun would; a measure cut off with the
opinion glued to it (塑料 感强, 包覆 性好: 感 性 度 率 and a listed opinion word); and a
colloquial intensifier glued to an opinion word (配件奇贵, 开机奇快, 速度狂慢, 效果奇差: the
opinion, graded; read by :mod:`manyi.annotate.factor_tokens`).

Not a phrase of function characters or of a count or a determiner (是不是 一段时间 各个方面),
nor one whose head is a single character (看样子 打游戏: an act), nor one whose last word is a
verb or an adjective (功能完善 使用方便: a thing and its opinion, glued), nor an act and a verb
used as a noun (健身运动: what the customer does; 数据传输 after a noun is the thing's).

>>> from manyi.annotate.aspect_tags import default_tagger
>>> tag = default_tagger()
>>> [phrase_thing(tag, w) for w in ("通话音质", "操作系统", "数据传输", "看样子", "功能完善",
...                                  "一段时间", "健身运动")]
[True, True, True, False, False, False, False]
"""

from __future__ import annotations

from collections.abc import Callable

from manyi.annotate.aspect_tags import FUNCTION_CHARS

PHRASE_TAGS = frozenset({"l"})  # set phrases (not idioms, 休息时间 深入生活: tag i)
HEAD_TAGS = frozenset({"n", "vn", "v", "nz"})  # 通话 操作 数据: what the phrase's head may be
NOUN_HEADS = frozenset({"n", "nz"})  # 数据传输: after a noun, a verb used as one is the thing
COUNTS = frozenset("一二两三四五六七八九十几每各某整半")  # 一段时间 各个方面: a count, no thing
# Colloquial intensifiers glued to an opinion word (奇贵 狂慢 死慢 奇差): the opinion, graded as
# 超 grades it (lexicons/core/degree.txt); not in a word the dictionary calls a name or a verb
# (奇美, 爆破)
GRADING = frozenset("奇狂死爆")
GRADED_AS = "超"  # (its weight, the lexicon's)
UNGRADED = frozenset({"nz", "nr", "ns", "nt", "v", "vn"})
# The measures a segmenter leaves glued to the opinion after them (塑料 感强, 包覆 性好, 底 感差).
MEASURE_CHARS = frozenset("感性度率")


def phrase_thing(tag: Callable[[str], str], token: str,
                 kind: Callable[[str], int] = lambda word: 2) -> bool:
    """Whether a set phrase of four characters is a head word and a noun (通话音质 →
    通话 + 音质), each of two characters, as the dictionary tags them; ``kind``: the
    aspect finder's word kinds, when given the noun must be one that may name an aspect and the
    head a noun or a verb that may (not 出乎意料 吃饭问题 毫无价值: 意料 问题 价值 name none)."""
    if len(token) != 4 or not FUNCTION_CHARS.isdisjoint(token) or token[0] in COUNTS:
        return False
    for k in range(2, len(token) - 1):
        head, tail = tag(token[:k]), tag(token[k:])
        if head in HEAD_TAGS and (tail == "n" or tail == "vn" and head in NOUN_HEADS) \
                and kind(token[k:]) == 2 and kind(token[:k]) != 0:
            return True
    return False


def measure_glued(token: str, known: bool, parses: Callable[[str], bool]) -> int:
    """1 when ``token`` is a measure and an opinion or size word glued together, a word the
    dictionary does not know (感强 性好 感差: ``known`` false): the measure is cut off to join
    the word before it (塑料感, 包覆性), the rest is the opinion; else 0.

    >>> [measure_glued(w, False, {"强", "好"}.__contains__) for w in ("感强", "性好", "感谢")]
    [1, 1, 0]
    """
    return int(2 <= len(token) <= 3 and token[0] in MEASURE_CHARS and not known
               and parses(token[1:]))
