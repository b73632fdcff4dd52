"""Satisfaction index: 0–100 scores per dimension and their weighted overall index.

The satisfaction score of a dimension is the share of its comments that are positive on it,
with neutral comments counting half: ``100 × (positive + neutral / 2)``. 100 means every
comment that mentions the dimension praises it, 0 that every one complains.

The overall index is the weighted mean of the dimension scores present::

    index = Σ_j w_j · S_j / Σ_j w_j        (j over dimensions with comments; Σ w = 1 shipped)

with weights ``w``, by default (:data:`DEFAULT_WEIGHTS`, the one weighting every output
uses unless told otherwise, and names) the comments naming each dimension — the index is
then the satisfaction of all (comment, dimension) pairs pooled —; or chosen by the user,
equal, by the entropy weight method, or from the key-driver importances:

- entropy: on a matrix X (rows = groups/periods when given, else comments with 0/50/100 per
  dimension and an unmentioned dimension set to its mean), min–max normalise each column,
  ``p_ij = x_ij / Σ_i x_ij``, ``e_j = −Σ_i p_ij ln p_ij / ln n``, ``w_j = (1 − e_j) / Σ (1 − e_k)``;
- key driver: OLS of the rating on the per-dimension polarity (+1 / 0 / −1, 0 when not
  mentioned); importance = Johnson's relative weights (they sum to R²), ``w_j = ε_j / R²``.

Importance–performance (IPA) is in :mod:`manyi.analysis.ipa`.

>>> satisfaction_score(0.6, 0.2, 0.2)
70.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from manyi.analysis.keydrivers import key_driver_model, key_drivers, relative_weights  # noqa: F401
from manyi.analysis.polarity import POLARITY_VALUE, comment_dimension_polarity, dimension_matrix  # noqa: F401
from manyi.analysis.profiles import Profiles
from manyi.analysis.rows import ComplaintSpec
from manyi.analysis.significance import bh_q_values, fisher_exact
from manyi.errors import InputError

# The one default weighting of the satisfaction index (report, summary.json, index.csv,
# Result.index): each dimension weighted by the comments that name it, so the index is the
# satisfaction of all (comment, dimension) pairs pooled; named in every output.
DEFAULT_WEIGHTS = "mentions"
WEIGHTINGS = ("mentions", "equal", "entropy", "key_driver")
WEIGHTING_LABELS = {"mentions": "按提及数加权 (mentions)", "equal": "等权 (equal)",
                    "entropy": "熵权 (entropy)", "key_driver": "关键驱动权重 (key_driver)",
                    "user": "自定义权重 (user)"}


def satisfaction_score(positive: float, neutral: float, negative: float) -> float:
    """0–100 satisfaction from the polarity shares of one dimension (NaN when unseen)."""
    total = positive + neutral + negative
    if not total or math.isnan(total):
        return math.nan
    return round(100 * (positive + neutral / 2) / total, 1)


# -- weights -----------------------------------------------------------------------------------
def entropy_weights(matrix: pd.DataFrame) -> pd.Series:
    """Entropy weight method over a rows × criteria matrix (fill NaN first).

    A criterion that varies more between rows (after min–max scaling) gets more weight;
    a constant one gets none.

    >>> entropy_weights(pd.DataFrame({"a": [0, 100, 50], "b": [5, 5, 5]})).round(2).tolist()
    [1.0, 0.0]
    """
    frame = matrix.astype(float)
    span = frame.max() - frame.min()
    norm = (frame - frame.min()) / span.where(span > 0)
    norm = norm.fillna(0.0) + 1e-12  # ln 0 is undefined; a constant column gets e = 1, w = 0
    p = norm / norm.sum()
    n = len(frame)
    entropy = -(p * np.log(p)).sum() / math.log(n) if n > 1 else pd.Series(1.0, frame.columns)
    diversity = (1 - entropy).clip(lower=0)
    if diversity.sum() <= 0:
        return pd.Series(1 / frame.shape[1], index=frame.columns)
    return diversity / diversity.sum()


# -- satisfaction tables -----------------------------------------------------------------------
def satisfaction_table(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                       by: str | Sequence[str] | None = None,
                       complaint: ComplaintSpec = None,
                       labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Per (group…, dimension): comments, polarity shares, satisfaction 0–100 and complaints.

    ``complaint_rate`` = complaints among the comments naming the dimension;
    ``complaint_incidence`` = those complaints over all analysable comments of the group.
    A complaint on a dimension is a comment negative on it, or with ``complaint=`` given, a
    complaint comment (by that rule) naming it.
    """
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    found = Profiles.of(comments, mentions, complaint=complaint, columns=by)
    return profile_satisfaction(found, by=by, labels=labels)


def profile_satisfaction(profiles: Profiles, *, by: str | Sequence[str] | None = None,
                         labels: Mapping[str, str] | None = None,
                         rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`satisfaction_table` from comment profiles (comments counted per pattern);
    ``rows``: those of the profiles to count (default all), with the ``by`` columns."""
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    rows = profiles.rows if rows is None else rows
    counted = rows.groupby([*by, "complaint", "pattern"] if profiles.rule else
                           [*by, "pattern"], dropna=False, sort=False).size()
    polar = counted.rename("weight").reset_index().merge(profiles.pairs, on="pattern",
                                                         how="inner")
    weight = polar["weight"].to_numpy(dtype=np.int64)
    is_complaint = polar["complaint"].to_numpy(dtype=bool) if profiles.rule \
        else polar["polarity"].eq("negative").to_numpy()
    for p in ("positive", "neutral", "negative"):
        polar[p] = weight * polar["polarity"].eq(p).to_numpy()
    polar["_complaints"] = weight * is_complaint
    keys = [*by, "dimension"]
    table = polar.groupby(keys, dropna=False, sort=True).agg(
        comments=("weight", "sum"), positive=("positive", "sum"),
        neutral=("neutral", "sum"), negative=("negative", "sum"),
        complaints=("_complaints", "sum")).reset_index()
    for p in ("positive", "neutral", "negative"):  # shares as a mean of 0/1 gives them
        table[p] = table[p].to_numpy(dtype=np.int64) / table["comments"].to_numpy(
            dtype=np.int64)
    dims = sorted(polar["dimension"].unique())
    if by:  # a complete grid: a dimension nobody named in a period is a 0, not a gap
        groups = rows.groupby(by, dropna=False, sort=True).size().rename("group_comments")
        grid = pd.MultiIndex.from_tuples(
            [(*(g if isinstance(g, tuple) else (g,)), d) for g in groups.index for d in dims],
            names=keys)
        table = table.set_index(keys).reindex(grid).reset_index()
        table = table.merge(groups.reset_index(), on=by, how="left")
    else:
        table["group_comments"] = len(rows)
    table[["comments", "complaints"]] = table[["comments", "complaints"]].fillna(0).astype(int)
    table["satisfaction"] = [satisfaction_score(p, u, n) for p, u, n in
                             zip(table["positive"], table["neutral"], table["negative"])]
    table["complaint_rate"] = table["complaints"] / table["comments"].where(table["comments"] > 0)
    table["complaint_incidence"] = table["complaints"] / table["group_comments"]
    labels = {"overall": "整体", **(labels or {})}
    table.insert(len(by) + 1, "label", table["dimension"].map(lambda d: labels.get(d, d)))
    return table


def satisfaction_index(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                       weights: str | Mapping[str, float] | None = None,
                       rating: str | Sequence[float] | None = None,
                       by: str | Sequence[str] | None = None,
                       labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Dimension scores, their weights and the overall index (the row ``dimension="index"``).

    ``weights``: :data:`DEFAULT_WEIGHTS` (``"mentions"``, every output's default) when
    None; a mapping dimension → weight (normalised to sum 1), ``"mentions"`` (comments naming
    the dimension), ``"equal"``, ``"entropy"`` or ``"key_driver"`` (needs ``rating``, else
    the comment sentiment score is the target). The column ``weighting`` names the one used.
    With ``by``, weights are set once on all comments and the index is given per group, so
    groups stay comparable.
    """
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    found = Profiles.of(comments, mentions, columns=by_cols,
                        rating=rating if weights == "key_driver" else None,
                        score=weights == "key_driver" and rating is None)
    return profile_index(found, weights=weights, by=by_cols, labels=labels)


def profile_index(profiles: Profiles, *, weights: str | Mapping[str, float] | None = None,
                  by: str | Sequence[str] | None = None,
                  labels: Mapping[str, str] | None = None,
                  weighting: str | None = None) -> pd.DataFrame:
    """:func:`satisfaction_index` from comment profiles (with ``rating`` or
    ``sentiment_score`` kept for the ``key_driver`` weighting). ``weighting`` names a
    mapping of weights set elsewhere (another table's ``attrs["weights"]``)."""
    weights = DEFAULT_WEIGHTS if weights is None else weights
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    overall = profile_satisfaction(profiles, labels=labels)
    dims = overall.loc[overall["comments"] > 0, "dimension"].tolist()
    w = _weights(profiles, weights, dims, by_cols, overall)
    table = profile_satisfaction(profiles, by=by_cols or None, labels=labels)
    table["weight"] = table["dimension"].map(w).fillna(0.0)
    present = table["satisfaction"].notna() & (table["weight"] > 0)
    table["contribution"] = np.where(present, table["weight"] * table["satisfaction"], np.nan)
    found = group_index(table, w, by_cols)
    rows = found.assign(dimension="index", label="满意度指数", weight=1.0,
                        contribution=found["satisfaction"])
    columns = [*by_cols, "dimension", "label", "comments", "positive", "neutral", "negative",
               "satisfaction", "weight", "contribution"]
    out = pd.concat([table[columns], rows], ignore_index=True)
    method = weights if isinstance(weights, str) else weighting or "user"
    out["weighting"] = method
    out.attrs["weights"] = {k: float(v) for k, v in w.items()}
    out.attrs["method"] = method
    return out


def group_index(table: pd.DataFrame, weights: Mapping[str, float],
                by: Sequence[str] = ()) -> pd.DataFrame:
    """The index of each group of ``table`` (:func:`profile_satisfaction`'s rows per ``by``
    group and dimension): its dimensions' satisfaction averaged with ``weights``, over the
    dimensions the group judges. One rule for every group: the segments' rows, the trend's
    periods and the whole index (``by`` empty).

    >>> t = pd.DataFrame({"dimension": ["物流", "价格"], "group_comments": [10, 10],
    ...                   "satisfaction": [40.0, np.nan]})
    >>> group_index(t, {"物流": 0.5, "价格": 0.5})["satisfaction"].tolist()
    [40.0]
    """
    by = list(by)
    weight = table["dimension"].map(weights).fillna(0.0).to_numpy(dtype=float)
    used = table["satisfaction"].notna().to_numpy() & (weight > 0)
    parts = pd.DataFrame({"w": np.where(used, weight, 0.0),
                          "wx": np.where(used, weight * table["satisfaction"].fillna(0.0), 0.0),
                          "comments": table["group_comments"].to_numpy()})
    keys = [table[c].to_numpy() for c in by] or [np.zeros(len(table), dtype=np.int8)]
    grouped = parts.groupby(keys, dropna=False, sort=True)
    sums = grouped[["w", "wx"]].sum()
    out = pd.DataFrame({
        "comments": grouped["comments"].first().astype(int).to_numpy(),
        "satisfaction": [round(float(x / w), 1) if w else np.nan
                         for w, x in zip(sums["w"], sums["wx"])]})
    for level, column in enumerate(by):
        out.insert(level, column, sums.index.get_level_values(level))
    return out


def index_from_dimensions(dimensions: pd.DataFrame) -> float | None:
    """The default (``"mentions"``) index from a dimensions table alone, as a streamed run
    has it: satisfaction of each named dimension but ``overall``, weighted by its comments.
    Equal to :func:`satisfaction_index`'s index row (a test holds them together)."""
    dims = dimensions[(dimensions["comments"] > 0) & (dimensions["dimension"] != "overall")]
    if dims.empty:
        return None
    return round(float((dims["satisfaction"] * dims["comments"]).sum()
                       / dims["comments"].sum()), 1)


def index_interval(counts: pd.Series, pairs: pd.DataFrame, weights: Mapping[str, float], *,
                   boot: int = 200, seed: int = 0) -> tuple[float, float]:
    """95 % interval of one group's index: ``counts`` = comments per pattern code of the group,
    ``pairs`` the profiles' (pattern, dimension, polarity) rows, ``weights`` the index's
    (set once on all comments). The same seeded Poisson bootstrap over comments as the
    drivers' intervals; the weights are held fixed.

    >>> pairs = pd.DataFrame({"pattern": [0, 1], "dimension": "service",
    ...                       "polarity": ["positive", "negative"]})
    >>> index_interval(pd.Series({0: 30, 1: 10}), pairs, {"service": 1.0})  # index 75.0
    (60.0, 86.4)
    """
    from manyi.analysis.impact import _bootstrap

    codes = counts.index.to_numpy()
    # +1/0/−1 per pattern and dimension (NaN: not named), for the weighted dimensions
    wide, named_dims = Profiles(rows=pd.DataFrame({"pattern": codes}),
                                pairs=pairs).pattern_values(fill=np.nan)
    dims = [d for d, w in weights.items() if w > 0]
    values = np.full((len(codes), len(dims)), np.nan)
    for j, d in enumerate(dims):
        if d in named_dims:
            values[:, j] = wide[codes, named_dims.index(d)]
    named = (~np.isnan(values)).astype(float)
    credit = np.nan_to_num((values + 1) / 2)  # positive 1, neutral ½, negative 0
    w = np.array([weights[d] for d in dims])

    def stats(draw: np.ndarray) -> dict[str, np.ndarray]:
        seen, good = draw @ named, draw @ credit
        score = np.divide(100 * good, seen, out=np.zeros_like(good), where=seen > 0)
        present = (seen > 0) * w
        total = present.sum(axis=-1)
        return {"index": np.divide((score * present).sum(axis=-1), total,
                                   out=np.full_like(total, np.nan), where=total > 0)[:, None]}

    _, bounds = _bootstrap(stats, counts.to_numpy(dtype=float), boot, seed, 1)
    low, high = bounds["index"][:, 0]
    return round(float(low), 1), round(float(high), 1)


def index_value(table: pd.DataFrame) -> float | None:
    """The overall index of a :func:`satisfaction_index` table (its ``index`` row)."""
    value = table.loc[table["dimension"] == "index", "satisfaction"]
    return float(value.iat[0]) if len(value) and pd.notna(value.iat[0]) else None


def _weights(profiles, weights, dims, by_cols, overall) -> pd.Series:
    if isinstance(weights, Mapping):
        unknown = set(weights) - set(dims)
        w = pd.Series({d: float(weights.get(d, 0.0)) for d in dims})
        if unknown:
            w = pd.concat([w, pd.Series({d: float(weights[d]) for d in unknown})])
    elif weights == "equal":
        w = pd.Series(1.0, index=dims)
    elif weights == "mentions":
        w = overall.set_index("dimension")["comments"].reindex(dims).astype(float)
    elif weights == "entropy":
        if by_cols:
            grid = profile_satisfaction(profiles, by=by_cols)
            matrix = grid.pivot_table(index=by_cols, columns="dimension",
                                      values="satisfaction", aggfunc="first")[dims]
            matrix = matrix.fillna(matrix.mean())
        else:
            matrix = profiles.matrix(fill=np.nan)[dims]
            matrix = (matrix * 50 + 50).fillna((matrix * 50 + 50).mean())
        w = entropy_weights(matrix)
    elif weights == "key_driver":
        matrix = profiles.matrix()
        target = profiles.rows["rating" if "rating" in profiles.rows else "sentiment_score"]
        matrix = matrix.loc[:, (matrix != 0).sum() >= 1]
        model = key_drivers(matrix, target.to_numpy(dtype=float))
        w = model.set_index("dimension")["importance"].reindex(dims).fillna(0.0)
    else:
        raise InputError(f"weights must be a mapping, {', '.join(map(repr, WEIGHTINGS))}, "
                         f"not {weights!r}")
    if w.sum() <= 0:
        raise InputError("the index weights sum to 0: give at least one positive weight")
    return w / w.sum()


# -- trends and alerts -------------------------------------------------------------------------
def trends(comments: pd.DataFrame, mentions: pd.DataFrame, *, time_col: str, freq: str = "M",
           by: str | Sequence[str] | None = None, complaint: ComplaintSpec = None,
           labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """:func:`satisfaction_table` per period (``freq`` D / W / M / Q / Y) and group."""
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    found = trend_profiles(comments, mentions, time_col=time_col, freq=freq,
                           complaint=complaint, columns=by_cols)
    return profile_trends(found, by=by_cols, labels=labels)


def trend_profiles(comments: pd.DataFrame, mentions: pd.DataFrame, *, time_col: str,
                   freq: str = "M", complaint: ComplaintSpec = None,
                   columns: Sequence[str] = ()) -> Profiles:
    """The comments' profiles with their period (``freq``) and the factors' counts per
    period: what :func:`profile_trends` and :func:`profile_factor_trends` read."""
    if time_col not in comments:
        raise InputError(f"time column {time_col!r} is not in the comments table")
    return Profiles.of(comments, mentions, complaint=complaint, time_col=time_col, freq=freq,
                       columns=columns)


def profile_trends(profiles: Profiles, *, by: str | Sequence[str] | None = None,
                   labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """:func:`trends` from comment profiles kept with the period (``_trend``): comments
    without a time are left out."""
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    rows = profiles.rows
    rows = rows[rows["_trend"].notna().to_numpy()].assign(period=lambda t: t["_trend"])
    return profile_satisfaction(profiles, by=[*by_cols, "period"], labels=labels, rows=rows)


def profile_factor_trends(profiles: Profiles, *, labels: Mapping[str, str] | None = None
                          ) -> pd.DataFrame | None:
    """Per period and factor: ``comments`` naming it, ``complaints`` naming it negatively,
    the period's ``group_comments``, ``complaint_rate`` and ``complaint_incidence`` (as
    :func:`profile_trends` per dimension; every factor in every period, 0 when unnamed).
    A rise in one factor (隔音 in a hotel's last two months) can drown in its dimension's
    other factors: :func:`alerts` tests both. None without a time column."""
    from manyi.analysis.labels import factor_labels

    counts = profiles.factor_periods
    if counts is None:
        return None
    rows = profiles.rows
    periods = rows["_trend"][rows["_trend"].notna().to_numpy()]
    group_comments = periods.value_counts().sort_index()
    factors = counts.index.droplevel("period").unique().sort_values()
    grid = pd.MultiIndex.from_tuples([(p, d, f) for p in group_comments.index
                                      for d, f in factors], names=counts.index.names)
    table = counts.drop(columns="negative").reindex(grid, fill_value=0).reset_index().rename(
        columns={"named": "comments", "complained": "complaints"})
    table["group_comments"] = group_comments.reindex(table["period"]).to_numpy()
    names = factor_labels([f"{d}/{f}" for d, f in factors], {"overall": "整体", **(labels or {})})
    table.insert(3, "label", table["dimension"] + "/" + table["factor"])
    table["label"] = table["label"].map(names)
    table["complaint_rate"] = table["complaints"] / table["comments"].where(
        table["comments"] > 0)
    table["complaint_incidence"] = table["complaints"] / table["group_comments"]
    return table


MEASURES = {"complaint_incidence": "group_comments", "complaint_rate": "comments"}
FACTOR_MIN_COMPLAINTS = 10  # complaints naming a factor over all periods before it is tested


def alerts(trend_table: pd.DataFrame, factor_trends: pd.DataFrame | None = None, *,
           measure: str = "both", alpha: float = 0.05, min_comments: int = 10,
           all_tests: bool = False) -> pd.DataFrame:
    """Dimensions — and, given ``factor_trends`` (:func:`profile_factor_trends`), factors —
    whose complaints rose significantly: versus the period just before, and
    versus all earlier periods pooled (a slow rise, 8 % → 10 % → 12 % → 16 %, that no single
    step makes significant), ``previous_period`` then naming the span (2024-01…2024-03).
    ``level`` says which (a factor's row names it in ``factor``; a dimension's is empty);
    each level is corrected on its own, and a factor is tested when at least
    :data:`FACTOR_MIN_COMPLAINTS` complaints name it over all periods.

    Two measures (``measure``, both by default): ``complaint_incidence``, the dimension's
    complaints per comment of the period (more delivery complaints among all comments), and
    ``complaint_rate``, per comment naming the dimension (a larger part of those who mention
    delivery complain). One-sided Fisher exact test per (group, dimension, period, measure,
    comparison), Benjamini–Hochberg ``q_value`` across all the tests; an alert when
    ``q_value < alpha``, one row per (group, dimension, period): incidence before rate, the
    step before the pooled comparison, when several alert.
    """
    if measure not in (*MEASURES, "both"):
        raise InputError("measure must be 'complaint_rate', 'complaint_incidence' or 'both'")
    group_cols = [c for c in trend_table.columns[:list(trend_table.columns).index("dimension")]
                  if c != "period"]
    keys = [*group_cols, "dimension", "factor"]
    frame = trend_table.assign(level="dimension", factor="")
    if factor_trends is not None and len(factor_trends) and not group_cols:
        # the factors enough complaints name over all periods to ever alert (a filter that
        # does not look at any period's rise: Bourgon et al. 2010)
        totals = factor_trends.groupby(["dimension", "factor"])["complaints"].transform("sum")
        kept = factor_trends[totals.to_numpy() >= FACTOR_MIN_COMPLAINTS]
        frame = pd.concat([frame, kept.assign(level="factor")], ignore_index=True)
    frame = frame.sort_values([*keys, "period"]).reset_index(drop=True)
    frame = pd.concat([_comparisons(frame, keys, name, denominator)
                       for name, denominator in MEASURES.items()
                       if measure in (name, "both")], ignore_index=True)
    testable = frame["previous_total"].ge(min_comments) & frame["total"].ge(min_comments)
    frame = frame[testable].astype({"previous_complaints": np.int64,  # whole counts: the
                                    "previous_total": np.int64})  # shift's NaN rows are gone
    frame["previous_rate"] = frame["previous_complaints"] / frame["previous_total"]
    frame["rate"] = frame["complaints"] / frame["total"]
    frame["p_value"] = [
        fisher_exact(c, t - c, pc, pt - pc, alternative="greater")
        for c, t, pc, pt in zip(frame["complaints"], frame["total"].astype(int),
                                frame["previous_complaints"], frame["previous_total"])]
    frame["q_value"] = q_values_by_level(frame)
    frame["alert"] = frame["q_value"] < alpha
    frame["change"] = frame["rate"] - frame["previous_rate"]
    columns = [*group_cols, "level", "dimension", "factor", "label", "measure",
               "previous_period", "period",
               "previous_complaints", "previous_total", "previous_rate", "complaints", "total",
               "rate", "change", "p_value", "q_value", "alert"]
    if not all_tests:  # one alert a (group, dimension, period): see the docstring
        frame = frame[frame["alert"]].sort_values(["measure", "pooled"], kind="stable")
        frame = frame.drop_duplicates([*keys, "period"])
    return frame[columns].sort_values(["q_value", "change"], ascending=[True, False],
                                      kind="stable").reset_index(drop=True)


def q_values_by_level(frame: pd.DataFrame) -> np.ndarray:
    """Benjamini–Hochberg q-values of ``frame``'s ``p_value`` within each ``level``: the
    dimensions' tests are corrected among themselves, as they were before factors were
    tested beside them, and the factors' among theirs (a thousand factors would otherwise
    take a dimension's alert away: review)."""
    q = np.full(len(frame), np.nan)
    levels = frame["level"].to_numpy(dtype=object)
    for level in pd.unique(levels):
        at = levels == level
        q[at] = bh_q_values(frame["p_value"].to_numpy(float)[at])
    return q


def _comparisons(frame: pd.DataFrame, keys: list[str], measure: str, denominator: str
                 ) -> pd.DataFrame:
    """Each period of ``frame`` (sorted by ``keys`` and period) against the period before and,
    where there are two or more earlier periods, against them pooled (``pooled``)."""
    by = frame.groupby(keys, dropna=False, sort=False)
    previous = by[["period", "complaints", denominator]].shift(1)
    step = frame.assign(previous_period=previous["period"],
                        previous_complaints=previous["complaints"],
                        previous_total=previous[denominator])
    # all earlier periods pooled, where there are two or more (with one it is the step above)
    earlier = by[["complaints", denominator]].cumsum() - frame[["complaints", denominator]]
    first = by["period"].transform("first")
    pooled = frame.assign(previous_period=first + "…" + previous["period"],
                          previous_complaints=earlier["complaints"],
                          previous_total=earlier[denominator])[by.cumcount() >= 2]
    both = pd.concat([step.assign(pooled=False), pooled.assign(pooled=True)],
                     ignore_index=True)
    return both.assign(measure=measure, total=both[denominator])
