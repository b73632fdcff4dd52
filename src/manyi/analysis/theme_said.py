"""What a complaint **says** of the word it names: the themes' split of a word that says
only *where* (issue #19).

A theme named by its factor's own word (房间 in 客房, 早餐 in 早餐, 服务 in 服务态度: half its
characters or more in the factor's name) or by a
brand's name (蒙牛 in 品牌口碑) says where the complaint is, not what is wrong. Such a theme is
split by what its complaints say of the word: the mention's opinion word without its degree
(很小 / 太小 → 小; 有些陈旧 → 陈旧), or, for a mention with no opinion word, the few characters
after the word in its clause (房间不通风 → 不通风). Words that only say "bad" (差, 不好, 一般)
are one sub-theme (:data:`VERDICT`); complaints that say nothing more are another
(:data:`UNSAID`).

>>> said_of("很小", "房间", "房间很小")
'小'
>>> said_of("", "房间", "房间不通风")
'不通风'
>>> [says_where(t, "产品·客房", "product/room") for t in ("房间", "电视", "大床房")]
[True, False, False]
>>> [says_where(t, "产品·头皮屑（新发现：头皮屑/头屑）", "product/attribute:头皮屑")
...  for t in ("头屑", "效果", "新品")]
[True, False, False]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from manyi.analysis.labels import without_note
from manyi.analysis.rows import texts

# Degree words before an opinion (lexicons/core/degree.txt's, longest first) and fillers
# before what a bare clause says after its word.
_DEGREE = ("实在是|越来越|有一点|一点点|有点儿|真的|真是|实在|非常|特别|十分|超级|极其|极为|"
           "相当|格外|尤其|过于|太过|简直|完全|绝对|真心|比较|较为|更加|稍微|略微|有点|有些|"
           "确实|的确|还算|算是|相对|基本|一点|极|最|巨|太|很|蛮|挺|真|更|较|偏|稍|略|"
           "也|都|就|又")  # not 超 好 还 可: they begin words (超时 好用 还行 可惜)
_DEGREE_RE = re.compile(f"^(?:{_DEGREE})+")
_FILLER_RE = re.compile(f"^(?:里面|里边|里|内|中|的|是|还是|也是|都是|{_DEGREE})+")
_TAIL_RE = re.compile(r"(?:了|啊|呀|吧|啦|呢|哦|的|！|!|。|～|~)+$")
_LEAD_RE = re.compile(r"^[^\u4e00-\u9fff]+")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
REST_CHARS = 4  # the characters a bare clause's rest keeps (房间不通风 → 不通风)
# Opinion words that only say "bad": a verdict, not a problem (one sub-theme together).
VERDICTS = frozenset(("差", "不好", "一般", "一般般", "不行", "糟", "糟糕", "烂", "垃圾",
                      "失望", "缺点", "不满意", "不怎么样", "不理想", "不尽如人意", "差劲",
                      "不太好", "不够好", "不咋地", "不怎样", "没有", "不是", "不能",
                      "还是", "很多", "毛病", "问题", "不足"))
VERDICT = "只说不好"
UNSAID = "未写明"
# Factors whose every word names a place or a brand, not a problem: prepass files a
# brand's name under the pack's brand factor (manyi.annotate.prepass._brand_factor).
NAME_FACTORS = frozenset({"brand/reputation"})


def says_what(theme: str) -> bool:
    """Whether a theme's name says what is wrong: not a catch-all of complaints that only say
    "bad" (房间（只说不好）), say nothing more (房间（未写明）) or name nothing (（未写明对象）).

    >>> [says_what(t) for t in ("房间：小", "电池", "房间（只说不好）", "包装（未写明）")]
    [True, True, False, False]
    """
    return not (theme.endswith((f"（{VERDICT}）", f"（{UNSAID}）")) or theme.startswith("（"))


def said_of(opinion: str, term: str, clause: str) -> str:
    """What a complaint says of ``term``: its opinion word without degree words, else the
    rest of ``clause`` after ``term`` (without fillers) when it is at most :data:`REST_CHARS`
    characters; ``""`` when nothing is said.

    >>> said_of("", "客服", "客服一句在吗都不回"), said_of("", "房间", "房间不通风啊")
    ('', '不通风')
    """
    if opinion:
        return _TAIL_RE.sub("", _DEGREE_RE.sub("", opinion)) or opinion
    at = clause.find(term) if term else -1
    if at < 0:
        return ""
    rest = _TAIL_RE.sub("", _FILLER_RE.sub("", _LEAD_RE.sub("", clause[at + len(term):])))
    # the whole rest of the clause, or nothing: a piece cut from a longer one (客服一句“在…)
    # names no problem
    return rest if 0 < len(rest) <= REST_CHARS and _HAN_RE.search(rest) else ""


def with_negation(said: str, negated: bool) -> str:
    """``said`` with the negation the mention carries (驱动不是很全: 全 → 不全), unless it
    says it already (不好); an adverb before a negation goes (还不新鲜, 根本不新鲜 → 不新鲜).

    >>> [with_negation(w, True) for w in ("全", "不好", "还不新鲜", "根本不新鲜", "无比甜")]
    ['不全', '不好', '不新鲜', '不新鲜', '无比甜']
    """
    if not (negated and said):
        return said
    said = NEGATED_AFTER_RE.sub("", said)
    return said if _negated(said) else "不" + said


def said_words(chosen: pd.DataFrame, terms: np.ndarray) -> np.ndarray:
    """:func:`said_of` for each mention of ``chosen`` (its ``opinion`` and ``clause``)
    naming ``terms``, with the themes' separators taken out."""
    n = len(chosen)
    def column(name: str) -> list[str]:
        if name not in chosen:
            return [""] * n
        return texts(chosen[name]).tolist()
    negated = (chosen["negated"].fillna(False).astype(bool).tolist() if "negated" in chosen
               else [False] * n)
    # (an opinion word alone decides what is said: each opinion and negation read once)
    known: dict[tuple, str] = {}
    found = []
    for o, t, c, no in zip(column("opinion"), terms.tolist(), column("clause"), negated):
        o = o.strip()
        key = (o, no) if o else (t, c, no)
        said = known.get(key)
        if said is None:
            said = known[key] = with_negation(said_of(o, t, c), no).replace(
                "|", "¦").replace("\x1f", " ")
        found.append(said)
    return np.asarray(found, dtype=object)


def says_where(term: str, label: str, key: str) -> bool:
    """Whether ``term`` names only where a complaint of the factor (``label`` 产品·客房,
    ``key`` product/room) is: at least half its characters are in the factor's own name
    (房间, not 大床房), or the factor holds names (:data:`NAME_FACTORS`)."""
    if key in NAME_FACTORS:
        return True
    name = without_note(str(label).split("·")[-1])  # (头皮屑（新发现：头皮屑/头屑）)
    return bool(term) and 2 * len(set(term) & set(name)) >= len(set(term))


def group_said(counts: Mapping[str, int]) -> list[tuple[str, list[str]]]:
    """Sub-themes of what complaints say, largest first: ``(name, words)``. Verdicts go to
    :data:`VERDICT`, nothing said to :data:`UNSAID`; a word ending with an earlier
    one-or-more-character name joins it (陈旧 → 旧) unless only one of them is negated
    (不小 is not 小).

    >>> group_said({"小": 5, "陈旧": 3, "旧": 4, "差": 2, "": 6, "不小": 1})
    [('未写明', ['']), ('小', ['小']), ('旧', ['旧', '陈旧']), ('只说不好', ['差']), \
('不小', ['不小'])]
    """
    order = sorted(counts, key=lambda w: (-counts[w], w))
    groups: list[tuple[str, list[str]]] = []
    at: dict[str, int] = {}
    for word in order:
        name = UNSAID if not word else VERDICT if word in VERDICTS else None
        if name is None:
            name = next((g for g, _ in groups if g not in (UNSAID, VERDICT)
                         and word.endswith(g) and _negated(g) == _negated(word)), word)
        if name not in at:
            at[name] = len(groups)
            groups.append((name, []))
        groups[at[name]][1].append(word)
    return groups


def _negated(word: str) -> bool:
    return word[:1] in NEGATIONS


NEGATIONS = ("不", "没", "无", "未")
# adverbs before a negation, which say how it holds, not what (还不新鲜, 根本不新鲜, 一点都不甜)
NEGATED_AFTER_RE = re.compile("^(?:还|根本|一点都|一点也|都|也|并|完全|实在|真的|确实|就|又|可|真)+"
                              "(?=[不没])")
# a denial before a quality, not a degree that starts like one (无比甜, 不是一般的甜)
DENIED_RE = re.compile("(?:不|没|未|无(?!比))(?!是一般)")


def split_said(tokens: Sequence[str], sep: str) -> tuple[list[str], list[str]]:
    """The terms and said words of counted tokens (``term<sep>said``; a bare term says
    nothing)."""
    terms, said = [], []
    for token in tokens:
        term, _, word = token.partition(sep)
        terms.append(term)
        said.append(word)
    return terms, said


def said_counts(sets: Sequence[Sequence[str]], values: Sequence[int],
                terms: set[str], sep: str, *, index: Mapping | None = None) -> Counter:
    """Complaints per said word of ``terms`` (a complaint once per word). ``index``:
    :func:`said_index` of ``sets``, when several groups of terms are counted over them
    (each then reads only the sets holding its terms).

    >>> sets = [["房间|小", "房间|旧", "床|小"], ["房间"], ["床|小"]]
    >>> said_counts(sets, [5, 2, 1], {"房间", "床"}, "|")
    Counter({'小': 6, '旧': 5, '': 2})
    >>> said_counts(sets, [5, 2, 1], {"房间", "床"}, "|", index=said_index(sets, "|"))
    Counter({'小': 6, '旧': 5, '': 2})
    """
    if index is None:
        index = said_index(sets, sep)
    found: Counter = Counter()
    for at, word in {pair for term in terms for pair in index.get(term, ())}:
        found[word] += int(values[at])  # (a set once per word: the pairs are a set)
    return found


def said_index(sets: Sequence[Sequence[str]], sep: str) -> dict[str, list[tuple[int, str]]]:
    """Term -> the (set's position, said word) of each of its tokens in ``sets``, for
    :func:`said_counts`.

    >>> said_index([["房间|小", "床"], ["房间|小"]], "|")
    {'房间': [(0, '小'), (1, '小')], '床': [(0, '')]}
    """
    index: dict[str, list[tuple[int, str]]] = {}
    for at, tokens in enumerate(sets):
        for token in tokens:
            term, _, word = token.partition(sep)
            index.setdefault(term, []).append((at, word))
    return index
