"""Segments: which shop (channel, product, region, period …) is worst at what.

For each group column and each of its groups with at least ``min_comments`` comments:

- ``index``: the satisfaction index of the group (the whole index's weighting, weights set once
  on all comments so groups compare), its 95 % interval (``index_low``, ``index_high``:
  :func:`manyi.analysis.index.index_interval`) and its complaint rate, with Fisher's exact
  test (two-sided) of that rate against the other groups' together (``complaint_direction``
  worse / better), Benjamini–Hochberg ``complaint_q_value`` across every group of every
  column: a shop whose index is diluted by dimensions few speak of can still complain far
  more often (newcomer9: 城西店 57.3 against 60.6 and 61.0, intervals overlapping,
  complaints 65 % against 57 %);
- ``differences``: for every dimension and every factor at least
  :data:`FACTOR_MIN_NEGATIVE` comments name negatively (``level``, ``factor``) that both
  sides speak of (:func:`comparable`: books' own 内容 is no comparison of 书籍 with 衣服,
  nor hotels' 环境 of 酒店 with shops of goods) — the share
  of the group's comments that are negative on it against the same share among all other
  comments, Fisher's exact test (two-sided), Benjamini–Hochberg ``q_value`` across every
  test of every column, dimensions and factors corrected apart (the multiple-comparison
  control); ``significant`` = q < alpha, ``direction`` worse / better;
- ``drivers``: the group's top complaint drivers (:func:`manyi.analysis.drivers.drivers` on the
  group, factor rows, ranked by impact);
- ``alerts``, with a period (a time column): each group's dimensions whose complaints rose
  significantly (:func:`manyi.analysis.index.alerts` on the group's own trend, every group's
  tests corrected together): a shop whose milk complaints rose from August while the others'
  did not (newcomer9: the whole dump's trend said only that 品牌 rose);
- ``left_out``: the groups not compared (fewer than ``min_comments`` comments, or beyond a
  column's ``max_groups`` largest), with their comments: a store of 15 reviews is named as
  left out, not silently missing (newcomer10).

>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": [str(i) for i in range(24)], "flag": "",
...     "门店": ["A"] * 12 + ["B"] * 12, "sentiment": ["negative"] * 12 + ["positive"] * 12})
>>> mentions = pd.DataFrame({"row": range(24), "dimension": "service", "factor": "attitude",
...     "polarity": ["negative"] * 12 + ["positive"] * 12, "score": [-.5] * 12 + [.5] * 12})
>>> t = segments(comments, mentions, group_cols=["门店"], min_comments=2, boot=20)
>>> t["differences"][["group", "dimension", "group_share", "rest_share", "direction"]
...     ].values.tolist()[0]
['A', 'service', 1.0, 0.0, 'worse']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from manyi.analysis.index import (
    alerts,
    index_interval,
    profile_index,
    profile_trends,
    q_values_by_level,
)
from manyi.analysis.profiles import Profiles, period_of, selected_groups
from manyi.analysis.rows import ComplaintSpec
from manyi.analysis.significance import bh_q_values, fisher_exact

DIFFERENCE_COLUMNS = ["column", "group", "dimension", "label", "group_comments",
                      "group_negative", "group_share", "rest_comments", "rest_negative",
                      "rest_share", "difference", "p_value", "level", "factor", "q_value",
                      "significant", "direction"]
FACTOR_MIN_NEGATIVE = 10  # a factor is compared across groups when this many name it negatively
MAX_NAMED_RATIO = 10  # compared where a group names it at most 10 times as often as the others


def group_columns(comments: pd.DataFrame, meta: Mapping | None = None,
                  time_col: str | None = None) -> list[str]:
    """The group columns of a run: those ``meta.json`` recognised (商品 渠道 门店 …) that are
    in the table, and ``period`` (the trend's period) when there is a time column."""
    meta = meta or {}
    cols = [c for c in meta.get("group_cols", []) or [] if c in comments]
    if (time_col or meta.get("time_col")) in comments:
        cols.append("period")
    return cols


def with_period(comments: pd.DataFrame, time_col: str | None, freq: str = "M") -> pd.DataFrame:
    """``comments`` with a ``period`` column (the trend's, ``freq``: year-month by default)
    from ``time_col`` when given."""
    if not time_col or time_col not in comments:
        return comments
    return comments.assign(period=period_of(comments[time_col], freq))


MIN_GROUP = 20  # comments a group needs to be compared
MAX_GROUPS = 30  # the largest groups of a column compared


def largest_left_out(left: pd.DataFrame, most: int = 8) -> tuple[pd.DataFrame, int]:
    """The ``most`` largest of the groups not compared (the segments' ``left_out``), and how
    many there are in all: what the terminal and the report name."""
    return left.sort_values("comments", ascending=False, kind="stable").head(most), len(left)


def segments(comments: pd.DataFrame, mentions: pd.DataFrame, *, group_cols: Sequence[str],
             labels: Mapping[str, str] | None = None, complaint: ComplaintSpec = None,
             min_comments: int = MIN_GROUP, alpha: float = 0.05, top: int = 3,
             max_groups: int = MAX_GROUPS,
             boot: int = 200) -> dict[str, pd.DataFrame]:
    """``{"index", "differences", "drivers", "alerts"}`` tables over the ``group_cols``
    (``alerts`` with a ``period`` column); see module."""
    columns = [c for c in group_cols if c in comments]
    found = Profiles.of(comments, mentions, complaint=complaint, group_cols=columns,
                        segments=(min_comments, max_groups))
    return profile_segments(found, group_cols=columns, labels=labels,
                            min_comments=min_comments, alpha=alpha, top=top,
                            max_groups=max_groups, boot=boot)


def _shared_objects(column: pd.Series) -> np.ndarray:
    """``column.to_numpy(dtype=object)`` with one object per distinct value: a text column
    of millions of cells and a few groups (月份 2026-01 …) is not turned into millions of
    strings (some 280 MB at 5,000,000 comments).

    >>> _shared_objects(pd.Series(["a", "b", "a"], dtype="string")).tolist()
    ['a', 'b', 'a']
    """
    codes, uniques = pd.factorize(column)
    if (codes < 0).any():  # a missing cell: as numpy gives it
        return column.to_numpy(dtype=object)
    return np.asarray(uniques, dtype=object)[codes]


def _group_pattern_sizes(groups: np.ndarray, patterns: np.ndarray) -> pd.DataFrame:
    """Comments per (group, pattern) present, as ``_group, pattern, weight`` rows (a missing
    group left out): one comment's group and pattern packed into one integer and counted,
    not a frame of every comment grouped by two columns (some 370 MB at 5,000,000).

    >>> _group_pattern_sizes(np.array(["a", "b", "a", None], dtype=object),
    ...                      np.array([3, 3, 3, 1])).to_dict("records")
    [{'_group': 'a', 'pattern': 3, 'weight': 2}, {'_group': 'b', 'pattern': 3, 'weight': 1}]
    """
    codes, uniques = pd.factorize(groups)
    patterns = np.asarray(patterns, dtype=np.int64)
    low = int(patterns.min()) if len(patterns) else 0
    span = int(patterns.max()) - low + 1 if len(patterns) else 1
    keys = codes.astype(np.int64) * span + (patterns - low)
    sizes = pd.Series(keys[codes >= 0]).value_counts(sort=False)
    found = sizes.index.to_numpy(dtype=np.int64)
    return pd.DataFrame({"_group": np.asarray(uniques, dtype=object)[found // span],
                         "pattern": found % span + low, "weight": sizes.to_numpy(dtype=np.int64)})


def profile_segments(profiles: Profiles, *, group_cols: Sequence[str],
                     labels: Mapping[str, str] | None = None, min_comments: int = MIN_GROUP,
                     alpha: float = 0.05, top: int = 3, max_groups: int = MAX_GROUPS,
                     boot: int = 200, index: pd.DataFrame | None = None
                     ) -> dict[str, pd.DataFrame]:
    """:func:`segments` from comment profiles kept with the group columns (as text) and the
    drivers' counts of each group shown (:class:`manyi.analysis.profiles.ProfileBuilder`
    with ``segments=(min_comments, max_groups)``). ``index``: the whole index
    (:func:`~manyi.analysis.index.profile_index`), whose weights the groups' indexes keep
    (default: the default weighting's)."""
    from manyi.analysis.drivers import drivers_from_counts

    labels = {"overall": "整体", **(labels or {})}
    rows = profiles.rows
    complaints = rows["complaint"].to_numpy(dtype=bool)
    n_all = len(rows)
    negative = profiles.pairs[profiles.pairs["polarity"] == "negative"]
    named_pairs = profiles.pairs[["pattern", "dimension"]].drop_duplicates()
    kept = {} if index is None else {"weights": index.attrs["weights"],
                                     "weighting": index.attrs["method"]}
    index_parts, diff_rows, driver_parts, trend_parts, left_parts = [], [], [], [], []
    period = rows["_trend"] if "_trend" in rows else rows.get("period")
    for column in group_cols:
        if column not in rows:
            continue
        ok_values = _shared_objects(rows[column])
        sizes = pd.Series(ok_values).value_counts()
        groups = selected_groups(ok_values, min_comments, max_groups)
        left = sizes[~sizes.index.isin(groups)]
        left_parts.append(pd.DataFrame({"column": column, "group": left.index.to_numpy(),
                                        "comments": left.to_numpy(dtype=np.int64)}))
        if len(groups) < 2:
            continue
        grouped = Profiles(rows=rows[["pattern", "complaint"]].assign(_group=ok_values),
                           pairs=profiles.pairs)
        table = profile_index(grouped, by="_group", labels=labels, **kept)
        found = table[(table["dimension"] == "index") & table["_group"].isin(groups)]
        counted = pd.Series(complaints).groupby(ok_values).agg(["sum", "size"]).reindex(
            found["_group"])
        own = counted["sum"].to_numpy(dtype=np.int64)  # the group's complaints, of `size`
        size = counted["size"].to_numpy(dtype=np.int64)
        rest = int(complaints.sum()) - own  # the other groups' complaints, of n_all - size
        per_pattern = pd.Series(rows["pattern"].to_numpy()).groupby(ok_values)
        bounds = [index_interval(per_pattern.get_group(g).value_counts(sort=False),
                                 profiles.pairs, table.attrs["weights"], boot=boot)
                  for g in found["_group"]]
        index_parts.append(pd.DataFrame({
            "column": column, "group": found["_group"].to_numpy(),
            "comments": found["comments"].to_numpy(), "index": found["satisfaction"].to_numpy(),
            "index_low": [b[0] for b in bounds], "index_high": [b[1] for b in bounds],
            "weighting": found["weighting"].to_numpy(),
            "complaint_rate": own / size,
            "complaint_p_value": [fisher_exact(*cells) for cells in zip(
                own, size - own, rest, n_all - size - rest)],
            "complaint_direction": np.where(own * (n_all - size) > rest * size, "worse",
                                            "better")}))
        sized = _group_pattern_sizes(ok_values, rows["pattern"].to_numpy())
        counts, named = (sized.merge(pairs, on="pattern").groupby(["_group", "dimension"])
                         ["weight"].sum() for pairs in (negative, named_pairs))
        totals = counts.groupby(level="dimension").sum()
        named_all = named.groupby(level="dimension").sum()
        for group in groups:
            n_group = int(sizes[group])
            for dim, total in totals.items():
                a = int(counts.get((group, dim), 0))
                c = int(total) - a
                own = int(named.get((group, dim), 0))
                rest = int(named_all[dim]) - own
                if not comparable((own - a, own), (rest - c, rest), n_group, n_all - n_group):
                    continue
                diff_rows.append(_difference(column, group, dim, labels.get(dim, dim),
                                             n_group, a, c, n_all))
        if period is not None and column != "period":
            trend_parts.append(_group_trend(profiles, column, ok_values, groups, period,
                                            labels))
        diff_rows += _factor_differences(profiles.factor_groups.get(column), column, groups,
                                         sizes, n_all, labels)
        for group in groups:
            table = drivers_from_counts(profiles.groups[(column, group)], labels=labels,
                                        level="factor", boot=boot, sides=("complaint",))
            table = table.head(top)
            driver_parts.append(table.assign(column=column, group=group))
    differences = pd.DataFrame(diff_rows, columns=DIFFERENCE_COLUMNS[:14])
    differences["q_value"] = q_values_by_level(differences)
    differences["significant"] = differences["q_value"] < alpha
    differences["direction"] = np.where(differences["difference"] > 0, "worse", "better")
    differences = differences.sort_values(["significant", "difference"],
                                          ascending=[False, False]).reset_index(drop=True)
    index_table = (pd.concat(index_parts, ignore_index=True) if index_parts else
                   pd.DataFrame(columns=["column", "group", "comments", "index", "index_low",
                                         "index_high", "weighting", "complaint_rate",
                                         "complaint_p_value", "complaint_direction"]))
    index_table["complaint_q_value"] = bh_q_values(index_table["complaint_p_value"].to_numpy(
        dtype=float))
    driver_table = pd.concat(driver_parts, ignore_index=True) if driver_parts else \
        pd.DataFrame()
    if len(driver_table):
        driver_table = driver_table[["column", "group"] + [c for c in driver_table.columns
                                                           if c not in ("column", "group")]]
    found = {"index": index_table, "differences": differences[DIFFERENCE_COLUMNS],
             "drivers": driver_table,
             "left_out": pd.concat(left_parts, ignore_index=True) if left_parts else
             pd.DataFrame(columns=["column", "group", "comments"])}
    if trend_parts:
        found["alerts"] = alerts(pd.concat(trend_parts, ignore_index=True), alpha=alpha)
    return found


def _group_trend(profiles: Profiles, column: str, values: np.ndarray, groups: Sequence,
                 period: pd.Series, labels: Mapping[str, str]) -> pd.DataFrame:
    """The trend of each of a column's ``groups`` (``column``, ``group``, ``period``, then
    :func:`manyi.analysis.index.profile_trends`'s columns)."""
    rows = profiles.rows[["pattern", "complaint"]].assign(
        _group=values, _trend=period.to_numpy())
    kept = rows[rows["_group"].isin(list(groups)).to_numpy()]
    table = profile_trends(Profiles(rows=kept, pairs=profiles.pairs), by="_group",
                           labels=labels)
    table = table.rename(columns={"_group": "group"})
    table.insert(0, "column", column)
    return table


def comparable(own: tuple[int, int], others: tuple[int, int], n_group: int,
               n_others: int) -> bool:
    """Whether a group and the other comments both speak of a dimension or factor, so that
    their complaint shares compare. ``own`` and ``others``: the comments naming it without
    complaining about it and all naming it, of the group's ``n_group`` and of the other
    ``n_others``. The group names it, and neither side names it, complaints aside, more
    than :data:`MAX_NAMED_RATIO` times as often as the other names it at all: 酒店
    环境 12.1 % against 0.15 % of shops of goods (7,500 mixed reviews) says hotels have
    rooms, not that they are worse at them; nor is 水果 "better" at 功能性能 because fruit
    has none. A shop alone with a problem the others only praise is compared (its
    complaints are what is tested, not what makes it speak of it).

    >>> comparable((500, 700), (30, 40), 1500, 6000)  # hotels' rooms among goods
    False
    >>> comparable((300, 400), (200, 300), 1500, 6000)
    True
    >>> comparable((0, 80), (30, 30), 1000, 6000)  # a shop with only complaints about it
    True
    """
    (own_calm, own_all), (others_calm, others_all) = own, others
    return own_all > 0 and \
        own_calm * n_others <= MAX_NAMED_RATIO * (others_all + 1) * n_group and \
        others_calm * n_group <= MAX_NAMED_RATIO * own_all * n_others


def _factor_differences(counts: pd.DataFrame | None, column: str, groups: Sequence,
                        sizes: pd.Series, n_all: int, labels: Mapping[str, str]) -> list[tuple]:
    """The rows of the differences for factors: each group's comments naming a factor
    negatively against the other comments' (a shop bad at sizes, 6.3 % against 2.8 %,
    can drown in its 产品, 34.8 % against 31.6 %: newcomer), for the factors at least
    :data:`FACTOR_MIN_NEGATIVE` comments name negatively that both sides speak of
    (:func:`comparable`); tested with the dimensions."""
    from manyi.analysis.labels import factor_labels

    if counts is None or not len(counts):
        return []
    negative, named = counts["negative"], counts["named"]
    totals = negative.groupby(level=["dimension", "factor"]).sum()
    totals = totals[totals >= FACTOR_MIN_NEGATIVE]
    named_all = named.groupby(level=["dimension", "factor"]).sum()
    names = factor_labels([f"{d}/{f}" for d, f in totals.index], labels)
    rows = []
    for group in groups:
        n_group = int(sizes[group])
        for (dim, factor), total in totals.items():
            a = int(negative.get((group, dim, factor), 0))
            c = int(total) - a
            own = int(named.get((group, dim, factor), 0))
            rest = int(named_all[(dim, factor)]) - own
            if not comparable((own - a, own), (rest - c, rest), n_group, n_all - n_group):
                continue  # 书籍 内容, the books' own word: no comparison with the others
            rows.append(_difference(column, group, dim, names[f"{dim}/{factor}"], n_group,
                                    a, c, n_all, factor))
    return rows


def _difference(column: str, group, dim: str, label: str, n_group: int, a: int, c: int,
                n_all: int, factor: str = "") -> tuple:
    """One row of the differences (:data:`DIFFERENCE_COLUMNS` up to ``factor``): ``a`` of
    the group's ``n_group`` comments negative on the dimension (or ``factor``) against ``c``
    of the others, Fisher's exact test."""
    p = fisher_exact(a, n_group - a, c, n_all - n_group - c)
    share, rest = a / n_group, c / max(n_all - n_group, 1)
    return (column, group, dim, label, n_group, a, share, n_all - n_group, c, rest,
            share - rest, p, "factor" if factor else "dimension", factor)


def worst(differences: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The significant 'worse' rows, largest gap first, at most ``n`` of each group column
    (a shop's problem is not crowded out by the categories'): which group is worst at what."""
    rows = differences[differences["significant"] & (differences["direction"] == "worse")]
    rows = rows.sort_values("difference", ascending=False, kind="stable")
    return rows.groupby("column", sort=False).head(n).reset_index(drop=True)
