"""A bare taste is read with the verdict of its comment (issue #19, opinions read wrong).

A taste no opinion word of the lexicon judges (酸酸的, 甜, 很酸) only describes; whether
that is good is said around it (口感很差，酸酸的: the 酸酸 is a complaint). The clause model
alone read such a clause by its n-grams (酸酸的 → praise), so the annotator reads it as it reads
a mention with no opinion word: with its whole comment
(``manyi.annotate.annotator.mention_polarity``). Not a taste said with "too much" or "a
little" (偏咸, 太甜, 有点酸), which complains of its own, nor a taste denied (不甜, 不是很甜:
the denial reads as before; in a positive comment 新鲜脆口，但不甜 is no praise).

>>> TASTES = frozenset("辣甜酸咸淡苦涩")
>>> [is_bare_taste(w, 0.0, TASTES) for w in ("酸酸的", "不甜", "很酸", "偏咸", "有点酸", "好吃",
...                                          "痛苦")]
[True, False, True, False, False, False, False]
"""

from __future__ import annotations

from collections.abc import Set

PARTICLES = "的了啊呀哦呢吧啦"
EXCESS_PREFIXES = ("偏", "太", "过", "有点", "有些", "稍微", "略")
# what may come before the taste: a degree (很酸, 也甜; not 痛苦, 辛苦, 寒酸, 心酸: no taste)
GRADES = frozenset({"", "很", "真", "好", "挺", "蛮", "超", "巨", "特别", "非常", "比较", "还",
                    "也", "又", "都", "微"})


def is_bare_taste(opinion: str, lexicon_score: float, tastes: Set[str]) -> bool:
    """Whether ``opinion`` is a taste (of ``tastes``, rules.toml's) no lexicon word judges,
    after nothing or a degree (酸酸的, 很酸; not 好吃, 偏咸, 有点酸, 不甜 or 痛苦)."""
    if lexicon_score or not opinion:
        return False
    core = opinion.rstrip(PARTICLES)
    if not core or core.startswith(EXCESS_PREFIXES):
        return False
    taste = len(core)
    while taste and core[taste - 1] in tastes:
        taste -= 1
    return taste < len(core) and core[:taste] in GRADES
