"""Words of one thing, grouped: the rule the drivers' themes (:mod:`manyi.analysis.themes`) and
the corpus's first pass (:mod:`manyi.annotate.prepass`, learned aspect words) both use.

Biggest word first: a word containing an earlier group's word (手机屏幕 ⊃ 屏幕; the one it ends
with first; for drivers, ``strict``, only the word it ends with whose modifier is no word of
its own: 裤子质量 joins neither 裤子 nor 质量) joins that group (``"contains"``); one sharing
most of its characters with an earlier group's word, rare characters weighing more (存储量 /
储存量, 头屑 / 头皮屑), joins it
(``"characters"``); any other starts a group (``"term"``). From the words and counts only (no
text), so every path groups alike.

>>> group_terms({"屏幕": 9, "手机屏幕": 2, "包装": 5})
[('屏幕', ['屏幕', '手机屏幕'], 'contains'), ('包装', ['包装'], 'term')]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

SHARED = 0.6  # share of the longer word's character weight two words must share
DISCOVERED = "attribute"  # the factor of an unlisted attribute of the thing bought; a driver
# of a discovered thing is keyed DISCOVERED + ":" + its word (attribute:头皮屑)
# A brand the corpus pass learned is keyed by its name under the brand dimension: the brand
# the corpus is about BRAND + ":" + its name (brand:蒙牛), a brand named beside or against it
# COMPETITOR + ":" + its name (competitor:伊利): a row of its own, never a part of the goods.
BRAND, COMPETITOR = "brand", "competitor"
CACHED = 100_000  # words whose thing and factor a ThingGroups keeps (memory stays bounded)
# A size or taste word said of the thing bought (挺薄的, 也太小了吧, 不甜) names a scale: the
# words of one scale are one thing, named by the pair (小 and 大 → 大小, 甜 and 酸 → 酸甜).
SCALES = ("大小", "多少", "高低", "长短", "厚薄", "软硬", "强弱", "轻重", "深浅", "宽窄", "酸甜",
          "咸淡", "浓稀")
SCALE_OF = {ch: scale for scale in SCALES for ch in scale}
UNNAMED = "（未写明对象）"  # the group of an empty word (a complaint naming no term: 太差了)


def char_weights(terms: Sequence[str]) -> dict[str, float]:
    """Inverse document frequency of each character over ``terms`` (机 in many terms
    weighs little, 屏 in a few much)."""
    found = Counter(ch for t in set(terms) for ch in set(t))
    n = max(len(set(terms)), 1)
    return {ch: math.log((n + 1) / df) for ch, df in found.items()}


def shared_weight(a: str, b: str, weights: Mapping[str, float]) -> float:
    """The weight of the characters ``a`` and ``b`` share over the larger of their own
    weights (1: the same characters; 像素 / 象素 about one half).

    >>> shared_weight("存储量", "储存量", {"存": 1.0, "储": 1.0, "量": 0.5})
    1.0
    """
    common = set(a) & set(b)
    if not common:
        return 0.0
    whole = max(sum(weights.get(c, 0.0) for c in set(a)),
                sum(weights.get(c, 0.0) for c in set(b)))
    return sum(weights.get(c, 0.0) for c in common) / whole if whole > 0 else 0.0


def group_terms(counts: Mapping[str, int], weights: Mapping[str, float] | None = None,
                shared: float = SHARED, strict: bool = False
                ) -> list[tuple[str, list[str], str]]:
    """Themes of terms with their complaint counts: ``(name, terms, grouped_by)``, in the
    order found (largest term first); see the module text.

    ``strict`` (drivers, where a wrong join is worse than a split): a word is compared with
    every word of a group, not its name only (头屑 with 头皮屑 of 头皮's group), and an ending
    of two characters or more that two words share names a kind, not the thing (手机功能 /
    手写功能, 翻盖设计 / 滑盖设计): their shared characters are weighed before it.

    >>> group_terms({"屏幕": 9, "电池": 5, "手机屏幕": 2, "存储量": 3, "储存量": 1})
    [('屏幕', ['屏幕', '手机屏幕'], 'contains'), ('电池', ['电池'], 'term'), \
('存储量', ['存储量', '储存量'], 'characters')]
    >>> [g[1] for g in group_terms({"手机功能": 3, "手写功能": 2}, strict=True)]
    [['手机功能'], ['手写功能']]
    """
    order = sorted(counts, key=lambda t: (-counts[t], t))
    weights = char_weights(order) if weights is None else weights
    themes: list[tuple[str, list[str], str]] = []
    by_char: dict[str, list[int]] = {}  # character → themes whose name holds it
    for term in order:
        near = sorted({i for ch in set(term) for i in by_char.get(ch, ())})
        words = [(i, w) for i in near for w in (themes[i][1] if strict else [themes[i][0]])]
        inside = [(not term.endswith(w), -len(w), i) for i, w in words
                  if len(w) >= 2 and (_head_of(term, w, counts) if strict else w in term)]
        close = max(((_close(w, term, weights, strict), -i) for i, w in words),
                    default=(0.0, 0))
        if inside or (close[0] >= shared and len(term) >= 2):
            at = min(inside)[2] if inside else -close[1]
            how = "contains" if inside or themes[at][2] == "contains" else "characters"
            themes[at] = (themes[at][0], themes[at][1] + [term], how)
            if strict:
                for ch in set(term):
                    by_char.setdefault(ch, []).append(at)
            continue
        for ch in set(term):
            by_char.setdefault(ch, []).append(len(themes))
        themes.append((term or UNNAMED, [term], "term"))
    return themes


def _head_of(term: str, word: str, things: Mapping[str, object]) -> bool:
    """Whether ``word`` is the head ``term`` ends with (和弦铃声 → 铃声), its modifier no thing
    of its own (裤子质量 is 裤子's quality, not 质量 or 裤子; 风扇声音 is the fan's): Chinese
    compounds are head-final."""
    return term.endswith(word) and term[:-len(word)] not in things


def _close(a: str, b: str, weights: Mapping[str, float], strict: bool) -> float:
    """:func:`shared_weight`, strictly (see :func:`group_terms`) on what precedes a shared
    ending of two characters or more, and none between a word and one it begins (系统 /
    系统速度: the second is an attribute of the first)."""
    if strict:
        if a != b and (a.startswith(b) or b.startswith(a)):
            return 0.0  # 系统速度 is 系统's speed, 头皮屑 no 头皮: a modifier and its head
        end = 0
        while end < min(len(a), len(b)) and a[-1 - end] == b[-1 - end]:
            end += 1
        if end >= 2:
            a, b = a[:-end], b[:-end]
    return shared_weight(a, b, weights) if a and b else 0.0


class ThingGroups:
    """The thing each discovered attribute word counts under: a learned word's group word
    (:func:`manyi.annotate.prepass.learn_aspects` groups them), a word found later its own
    word, unless it ends with a learned word whose modifier is no learned word itself (和弦铃声
    → 铃声; the longest such word); a size or taste word its scale (小 → 大小, :data:`SCALES`).

    >>> things = ThingGroups({"头皮屑": "头皮屑", "头屑": "头皮屑", "屏幕": "屏幕", "风扇": "风扇",
    ...                       "声音": "声音", "裤子": "裤子"})
    >>> things("头屑"), things("手机屏幕"), things("拉链"), things.words("头皮屑")
    ('头皮屑', '屏幕', '拉链', ('头皮屑', '头屑'))
    >>> things("风扇声音"), things("裤子质量"), things("头皮屑多")
    ('风扇声音', '裤子质量', '头皮屑多')
    >>> things("小"), things("大"), things("甜")
    ('大小', '大小', '酸甜')
    >>> things.learned("手机屏幕"), things.learned("拉链")
    (True, False)
    """

    def __init__(self, heads: Mapping[str, str]) -> None:
        self.heads = dict(heads)
        self._seen: dict[str, str] = {}
        self._factors: dict[str, str] = {}
        self._long = sorted((w for w in self.heads if len(w) >= 2), key=lambda w: (-len(w), w))
        self._learned = frozenset(self.heads.values())

    def __call__(self, word: str) -> str:
        thing = self._seen.get(word)
        if thing is None:
            thing = self.heads.get(word) or SCALE_OF.get(word)
            if thing is None:
                heads = [w for w in self._long if _head_of(word, w, self.heads)]
                thing = self.heads[heads[0]] if heads else word
            if len(self._seen) < CACHED:
                self._seen[word] = thing
        return thing

    def learned(self, word: str) -> bool:
        """Whether ``word`` counts under a word the corpus pass learned (铃声, 和弦的铃声),
        not only under itself (大门显得)."""
        return self(word) in self._learned

    def factor(self, word: str) -> str:
        """The factor a discovered attribute ``word`` counts under: ``attribute:`` its
        thing (the drivers' key, :func:`manyi.analysis.rows.factor_column`)."""
        key = self._factors.get(word)
        if key is None:
            key = f"{DISCOVERED}:{self(word)}"
            if len(self._factors) < CACHED:
                self._factors[word] = key
        return key

    def words(self, thing: str) -> tuple[str, ...]:
        """The learned words counted under ``thing``, itself first."""
        return (thing, *sorted(w for w, h in self.heads.items() if h == thing and w != thing))

    def __bool__(self) -> bool:
        return bool(self.heads)

    def __reduce__(self):  # pickled without the cache (workers fill their own)
        return ThingGroups, (self.heads,)
