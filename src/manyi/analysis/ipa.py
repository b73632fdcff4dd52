"""Importance–performance analysis (IPA) that says exactly what it plots.

Per dimension (Martilla & James 1977): **importance** against **performance**, split into
four quadrants by two cut-lines:

- importance: with a rating column, the key-driver importance of the dimension for the
  rating (its share of R², :func:`manyi.analysis.keydrivers.rating_drivers`); without one, the
  impact of its complaints (:mod:`manyi.analysis.impact`: how many points the complaint rate would
  fall if the dimension's complaints were resolved); each with its 95 % interval.
  Cut-line: the median importance (one dominant dimension does not make every other one
  unimportant, as the mean would).
- performance: satisfaction 0–100 = 100 × (positive + neutral/2) of the comments naming
  the dimension, with a 95 % normal interval. Cut-line: the larger of the satisfaction index
  over the dimensions plotted (each weighted by its comments,
  :func:`manyi.analysis.index.index_from_dimensions`: a dimension of 88 comments does not
  move the line as much as one of 3,000) and 50, so a dimension more customers criticise
  than praise (satisfaction below 50) is never told to keep up.

Quadrants: important and below the cut = 重点改进 (concentrate here); important and above =
继续保持 (keep up the good work); unimportant and below = 次要改进 (low priority); unimportant
and above = 过度投入 (possible overkill). Dimensions named in fewer than ``small`` comments
are flagged (``small``) and drawn hollow. A quadrant whose dimension has an interval holding
a cut-line is marked 未定 (``crosses`` names the axis): 品牌 at 60.7 [57.2, 64.1] against a cut
of 60.5 is not told to keep up.

>>> sat = pd.DataFrame({"dimension": ["a", "b"], "label": ["甲", "乙"], "comments": [90, 80],
...     "positive": [0.3, 0.8], "neutral": [0.0, 0.0], "negative": [0.7, 0.2],
...     "satisfaction": [30.0, 80.0]})
>>> imp = pd.DataFrame({"dimension": ["a", "b"], "importance": [0.2, 0.1]})
>>> ipa_from_tables(sat, imp, "given")["quadrant_label"].tolist()
['重点改进', '过度投入']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from manyi.analysis.index import index_from_dimensions, profile_satisfaction, satisfaction_table
from manyi.errors import InputError

QUADRANTS = {  # (important, satisfied) → (key, Chinese label)
    (True, True): ("keep up", "继续保持"),
    (True, False): ("concentrate here", "重点改进"),
    (False, False): ("low priority", "次要改进"),
    (False, True): ("possible overkill", "过度投入"),
}
IMPORTANCE_KINDS = {
    "key_driver": "重要性 = 对评分的关键驱动权重（相对权重占 R² 的份额）",
    "complaint_impact": "重要性 = 解决该维度的抱怨后投诉率可降低的比例（0.01 = 1 个百分点）",
    "given": "重要性（给定）",
}
PERFORMANCE_LABEL = "表现 = 满意度 0–100（正面 + 中性/2）"
# after a quadrant label when an interval holds its cut-line (``crosses`` says which)
UNSETTLED = "（未定）"
UNSETTLED_NOTE = "（未定）= 该维度的 95% 区间跨过分界线，象限可能只是偶然"
SMALL = 30
Z95 = 1.959963984540054


def ipa_table(comments: pd.DataFrame, mentions: pd.DataFrame, *,
              rating: str | Sequence[float] | None = None,
              importance: Mapping[str, float] | pd.Series | None = None,
              drivers: pd.DataFrame | None = None, labels: Mapping[str, str] | None = None,
              min_mentions: int = 10, small: int = SMALL) -> pd.DataFrame:
    """The IPA table: importance from ``importance`` (given), else from the ``rating``
    (key drivers), else from the complaint impact of the dimension rows of ``drivers``
    (computed when not given). Dimensions named in fewer than ``min_mentions`` comments are
    left out."""
    sat = satisfaction_table(comments, mentions, labels=labels)
    sat = sat[sat["comments"] >= min_mentions]
    if importance is not None:
        imp, kind = pd.DataFrame({"dimension": list(pd.Series(importance).index),
                                  "importance": list(pd.Series(importance, dtype=float))}), \
            "given"
    elif rating is not None:
        from manyi.analysis.keydrivers import rating_drivers

        imp, kind = rating_drivers(comments, mentions, rating=rating, labels=labels,
                                   min_mentions=min_mentions), "key_driver"
    else:
        if drivers is None:
            from manyi.analysis.drivers import drivers as compute

            drivers = compute(comments, mentions, level="dimension", labels=labels)
        imp, kind = complaint_importance(drivers), "complaint_impact"
    return ipa_from_tables(sat, imp, kind, small=small)


def ipa_of(comments: pd.DataFrame, mentions: pd.DataFrame, *,
           key_drivers: pd.DataFrame | None, drivers: pd.DataFrame,
           labels: Mapping[str, str] | None = None, min_mentions: int = 10,
           profiles=None, index: float | None = None) -> pd.DataFrame:
    """The IPA from tables already computed: the rating's ``key_drivers`` when there are
    some, else the dimension rows of ``drivers`` (what Result.ipa and ``manyi drivers``
    show). ``profiles``: the comments' (:mod:`manyi.analysis.profiles`), if built; ``index``:
    the run's satisfaction index (:func:`~manyi.analysis.index.index_value`), the cut-line's
    — by default the default weighting's over every dimension, as the index table's."""
    sat = satisfaction_table(comments, mentions, labels=labels) if profiles is None else \
        profile_satisfaction(profiles, labels=labels)
    if index is None:
        index = index_from_dimensions(sat)
    sat = sat[sat["comments"] >= min_mentions]
    if key_drivers is not None:
        return ipa_from_tables(sat, key_drivers, "key_driver", index=index)
    return ipa_from_tables(sat, complaint_importance(drivers), "complaint_impact", index=index)


def complaint_importance(drivers: pd.DataFrame) -> pd.DataFrame:
    """Importance per dimension from a drivers table: its complaint impact and interval."""
    rows = drivers[(drivers["side"] == "complaint") & (drivers["level"] == "dimension")]
    return pd.DataFrame({"dimension": rows["dimension"], "importance": rows["impact"],
                         "importance_low": rows["impact_low"],
                         "importance_high": rows["impact_high"]})


def ipa_from_tables(satisfaction: pd.DataFrame, importance: pd.DataFrame, kind: str, *,
                    small: int = SMALL, index: float | None = None) -> pd.DataFrame:
    """Join a :func:`~manyi.analysis.index.satisfaction_table` and importances (``dimension``,
    ``importance`` and optionally ``importance_low``/``importance_high``) into the IPA; the
    satisfaction cut-line is max(``index``, 50), ``index`` by default the index of the
    dimensions joined."""
    if kind not in IMPORTANCE_KINDS:
        raise InputError(f"importance kind must be one of {', '.join(IMPORTANCE_KINDS)}")
    imp = importance.copy()
    for column in ("importance_low", "importance_high"):
        if column not in imp:
            imp[column] = np.nan
    table = satisfaction[["dimension", "label", "comments", "positive", "neutral", "negative",
                          "satisfaction"]].merge(
        imp[["dimension", "importance", "importance_low", "importance_high"]],
        on="dimension", how="inner")
    table = table[table["dimension"] != "overall"]
    table = table.dropna(subset=["importance", "satisfaction"]).reset_index(drop=True)
    mean = table["positive"] + table["neutral"] / 2
    spread = np.sqrt(np.clip(table["positive"] + table["neutral"] / 4 - mean ** 2, 0, None)
                     / table["comments"].clip(lower=1))
    table["satisfaction_low"] = (100 * (mean - Z95 * spread)).clip(lower=0).round(1)
    table["satisfaction_high"] = (100 * (mean + Z95 * spread)).clip(upper=100).round(1)
    table["small"] = table["comments"] < small
    imp_cut = float(table["importance"].median()) if len(table) else math.nan
    if index is None:
        index = index_from_dimensions(table)
    sat_cut = max(index or 0.0, 50.0) if len(table) else math.nan
    # at the cut counts as important, but no importance at all never does (a median of 0)
    quadrant = [QUADRANTS[(i > imp_cut or i == imp_cut > 0, s >= sat_cut)]
                for i, s in zip(table["importance"], table["satisfaction"])]
    table["quadrant"] = [q[0] for q in quadrant]
    table["crosses"] = _crosses(table, imp_cut, sat_cut)
    table["quadrant_label"] = [q[1] + (UNSETTLED if crosses else "")
                               for q, crosses in zip(quadrant, table["crosses"])]
    table["importance_kind"] = kind
    table["importance_cut"] = imp_cut
    table["satisfaction_cut"] = sat_cut
    table.attrs.update(importance_kind=kind, importance_label=IMPORTANCE_KINDS[kind],
                       importance_cut=imp_cut, satisfaction_cut=sat_cut,
                       importance_median=imp_cut, satisfaction_index=sat_cut)
    order = {"concentrate here": 0, "keep up": 1, "low priority": 2, "possible overkill": 3}
    return table.sort_values(["quadrant", "importance"], key=lambda s: s.map(order)
                             if s.name == "quadrant" else -s).reset_index(drop=True)


def _crosses(table: pd.DataFrame, imp_cut: float, sat_cut: float) -> list[str]:
    """Per dimension, the axes whose 95 % interval holds the cut-line (满意度, 重要性): its
    quadrant is then a point estimate that chance could move across."""
    def across(low: float, high: float, cut: float) -> bool:
        return not (math.isnan(low) or math.isnan(high)) and low < cut < high

    return ["+".join(name for name, low, high, cut in (
                ("满意度", row.satisfaction_low, row.satisfaction_high, sat_cut),
                ("重要性", row.importance_low, row.importance_high, imp_cut))
                     if across(low, high, cut))
            for row in table.itertuples()]


def cut_text(cut: float, kind: str) -> str:
    """The importance cut as the axis shows it: ``0.047（4.7 个百分点）`` for complaint impact."""
    return f"{cut:.3f}（{cut * 100:.1f} 个百分点）" if kind == "complaint_impact" else f"{cut:.3f}"


def axis_labels(table: pd.DataFrame) -> tuple[str, str]:
    """The x and y axis titles of an IPA table: what is plotted and where the cut-lines are."""
    kind = table["importance_kind"].iloc[0] if len(table) else "given"
    imp_cut = table["importance_cut"].iloc[0] if len(table) else math.nan
    sat_cut = table["satisfaction_cut"].iloc[0] if len(table) else math.nan
    shown = cut_text(imp_cut, kind)
    return (f"{IMPORTANCE_KINDS[kind]}；竖虚线 = 重要性中位数 {shown}",
            f"{PERFORMANCE_LABEL}；横虚线 = max(满意度指数, 50) = {sat_cut:.1f}")


def plot_ipa(table: pd.DataFrame, *, title: str | None = None,
             figsize: tuple[float, float] = (9, 7)):
    """The IPA chart of :func:`ipa_table` with each point's intervals; a matplotlib Figure."""
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from manyi.analysis.topics.model import find_cjk_font

    font = FontProperties(fname=find_cjk_font())
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    colours = {"concentrate here": "#d62728", "keep up": "#2ca02c", "low priority": "#7f7f7f",
               "possible overkill": "#1f77b4"}
    x_label, y_label = axis_labels(table)
    if table.empty:
        ax.text(0.5, 0.5, "数据不足，无法绘制 IPA 图", ha="center", fontproperties=font)
        return fig
    for row in table.itertuples():
        colour = colours[row.quadrant]
        x_err = [[max(row.importance - row.importance_low, 0)],
                 [max(row.importance_high - row.importance, 0)]] \
            if not math.isnan(row.importance_low) else None
        y_err = [[row.satisfaction - row.satisfaction_low],
                 [row.satisfaction_high - row.satisfaction]]
        ax.errorbar(row.importance, row.satisfaction, xerr=x_err, yerr=y_err, fmt="o",
                    color=colour, ms=9, mfc="white" if row.small else colour, ecolor=colour,
                    elinewidth=1, capsize=3, alpha=0.85)
        ax.annotate(row.label + (f"（仅 {row.comments} 条）" if row.small else "")
                    + (UNSETTLED if row.crosses else ""),
                    (row.importance, row.satisfaction), xytext=(7, 6),
                    textcoords="offset points", fontproperties=font, fontsize=11)
    ax.axvline(table["importance_cut"].iloc[0], color="#555555", lw=1, ls="--")
    ax.axhline(table["satisfaction_cut"].iloc[0], color="#555555", lw=1, ls="--")
    corners = {"keep up": (0.98, 0.98, "right", "top"),
               "concentrate here": (0.98, 0.02, "right", "bottom"),
               "low priority": (0.02, 0.02, "left", "bottom"),
               "possible overkill": (0.02, 0.98, "left", "top")}
    for key, (x, y, ha, va) in corners.items():
        label = next(v[1] for v in QUADRANTS.values() if v[0] == key)
        ax.text(x, y, f"{label}\n{key}", transform=ax.transAxes, ha=ha, va=va,
                color=colours[key], fontproperties=font, fontsize=11, alpha=0.9)
    ax.set_ylim(max(0, table["satisfaction_low"].min() - 5),
                min(100, table["satisfaction_high"].max() + 5))
    if table["crosses"].astype(bool).any():
        x_label += "\n" + UNSETTLED_NOTE
    ax.set_xlabel(x_label, fontproperties=font)
    ax.set_ylabel(y_label, fontproperties=font)
    ax.set_title(title or "重要性–表现分析 (IPA，Martilla & James 四象限)", fontproperties=font,
                 fontsize=13)
    return fig
