"""Display labels of dimensions and factors, from the lexicon the run used.

No module loads a lexicon for its labels: the run's :class:`~manyi.text.lexicon.Lexicon` (user
packs included) is turned into a key → label map once (:func:`lexicon_labels`, kept as
``Result.labels``) and passed down.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from manyi.text.word_groups import COMPETITOR, DISCOVERED

GROUP_WORDS = 4  # words a grouped discovered thing's label lists
DISCOVERED_MARK = "（新发现"  # opens the note of a discovered thing's label: 信号（新发现）
COMPETITOR_NOTE = "竞品"  # the note of a brand named beside or against the corpus's own
_NOTE = re.compile(f"{DISCOVERED_MARK}[^）]*）")
# the two measures of an alert (manyi.analysis.index.alerts), as every output names them
MEASURE_LABELS = {"complaint_incidence": "投诉发生率（占全部评论）",
                  "complaint_rate": "投诉率（占提及它的评论）"}


def discovered_label(word: str, words: tuple[str, ...] = (), note: str = "") -> str:
    """A discovered thing's label: 信号（新发现）, with the words grouped under it
    头皮屑（新发现：头皮屑/头屑）, or with a ``note`` 伊利（新发现：竞品）."""
    if note:
        return f"{word}{DISCOVERED_MARK}：{note}）"
    if len(words) < 2:
        return f"{word}{DISCOVERED_MARK}）"
    shown = "/".join(words[:GROUP_WORDS]) + ("…" if len(words) > GROUP_WORDS else "")
    return f"{word}{DISCOVERED_MARK}：{shown}）"


def without_note(label: str) -> str:
    """``label`` without a discovered thing's note: 头皮屑（新发现：头皮屑/头屑） → 头皮屑."""
    return _NOTE.sub("", label)


def lexicon_labels(lexicon) -> dict[str, str]:
    """Key → Chinese label from the lexicon a run used (its user packs included):
    ``logistics`` → 物流, ``logistics/speed`` → 配送速度, ``overall`` → 整体; a discovered
    thing whose learned words were grouped (``lexicon.aspect_groups``, see
    :mod:`manyi.annotate.prepass`): ``product/attribute:头皮屑`` → 头皮屑（新发现：头皮屑/头屑）."""
    labels = {"overall": "整体", **dict(getattr(lexicon, "dimension_labels", {}) or {})}
    for (dim, fac), label in (getattr(lexicon, "factor_labels", {}) or {}).items():
        labels[f"{dim}/{fac}"] = label
    things = getattr(lexicon, "aspect_groups", None)
    for thing in sorted(set(things.heads.values())) if things else ():
        words = things.words(thing)
        if len(words) > 1:
            labels[f"product/{DISCOVERED}:{thing}"] = discovered_label(thing, words)
    return labels


def factor_labels(keys, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """Chinese labels for node keys (``logistics/speed`` → ``物流·配送速度``) from a
    :func:`lexicon_labels` map; a key it lacks is shown as itself. No lexicon is loaded here:
    the labels are those of the lexicon the run used.

    >>> keys = ["logistics/speed", "opinion/慢", "product/attribute:信号",
    ...         "product/attribute:头皮屑", "brand/competitor:伊利"]
    >>> labels = factor_labels(keys, {"logistics": "物流", "product": "产品",
    ...                               "product/attribute:头皮屑": "头皮屑（新发现：头皮屑/头屑）"})
    >>> list(labels.values())
    ['物流·speed', '慢', '产品·信号（新发现）', '产品·头皮屑（新发现：头皮屑/头屑）', \
'brand·伊利（新发现：竞品）']
    """
    labels = labels or {}
    out = {}
    for key in keys:
        if key.startswith("opinion/"):
            out[key] = key.split("/", 1)[1]
        elif "/" in key and ":" in key.split("/", 1)[1]:  # a discovered thing: its word
            dim, word = key.split("/", 1)[0], key.split(":", 1)[1]
            rival = key.split("/", 1)[1].startswith(f"{COMPETITOR}:")
            own = labels.get(key) or discovered_label(word, note=COMPETITOR_NOTE if rival else "")
            out[key] = f"{labels.get(dim, dim)}·{own}"
        elif "/" in key:
            dim, fac = key.split("/", 1)
            out[key] = f"{labels.get(dim, dim)}·{labels.get(key, fac)}"
        else:
            out[key] = labels.get(key, "整体" if key == "overall" else key)
    return out
