"""Satisfaction index: 0–100 scores per dimension and their weighted overall index.

The satisfaction score of a dimension is the share of its comments that are positive on it,
with neutral comments counting half: ``100 × (positive + neutral / 2)``. 100 means every
comment that mentions the dimension praises it, 0 that every one complains.

The overall index is the weighted mean of the dimension scores present::

    index = Σ_j w_j · S_j / Σ_j w_j        (j over dimensions with comments; Σ w = 1 shipped)

with weights ``w`` chosen by the user, equal, by the entropy weight method, or from the
key-driver importances:

- entropy: on a matrix X (rows = groups/periods when given, else comments with 0/50/100 per
  dimension and an unmentioned dimension set to its mean), min–max normalise each column,
  ``p_ij = x_ij / Σ_i x_ij``, ``e_j = −Σ_i p_ij ln p_ij / ln n``, ``w_j = (1 − e_j) / Σ (1 − e_k)``;
- key driver: OLS of the rating on the per-dimension polarity (+1 / 0 / −1, 0 when not
  mentioned); importance = Johnson's relative weights (they sum to R²), ``w_j = ε_j / R²``.

Importance–performance (IPA): importance (x) against satisfaction (y), split at the means:
high/high "keep up the good work", high importance & low satisfaction "concentrate here",
low/low "low priority", low importance & high satisfaction "possible overkill".

>>> satisfaction_score(0.6, 0.2, 0.2)
70.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import InputError
from .graph import ComplaintSpec, _analysable_positions, complaint_mask, mention_rows
from .significance import bh_q_values, fisher_exact

POLARITY_VALUE = {"positive": 1.0, "neutral": 0.0, "negative": -1.0}
QUADRANTS = {  # (important, satisfied) → (key, Chinese label)
    (True, True): ("keep up", "继续保持"),
    (True, False): ("concentrate here", "重点改进"),
    (False, False): ("low priority", "次要改进"),
    (False, True): ("possible overkill", "过度投入"),
}


def satisfaction_score(positive: float, neutral: float, negative: float) -> float:
    """0–100 satisfaction from the polarity shares of one dimension (NaN when unseen)."""
    total = positive + neutral + negative
    if not total or math.isnan(total):
        return math.nan
    return round(100 * (positive + neutral / 2) / total, 1)


# -- per comment and dimension ----------------------------------------------------------------
def comment_dimension_polarity(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                               include_overall: bool = False) -> pd.DataFrame:
    """One row per analysable (comment, dimension): ``row, comment_id, dimension, score,
    polarity``; ``row`` is the comment's position in ``comments``.

    Polarity = sign of the summed scores of the comment's non-neutral mentions in that
    dimension. The (comment, dimension) pairs are those of ``comments.dimensions`` (the
    pipeline's assignment: mentions with opinion evidence, ``overall`` only when no factor is
    named); frames without that column fall back to every mention.
    """
    positions = _analysable_positions(comments)
    ok = np.zeros(len(comments) + 1, dtype=bool)
    ok[positions] = True
    rows = mention_rows(comments, mentions)
    frame = pd.DataFrame({"row": rows, "dimension": mentions["dimension"].to_numpy(),
                          "signed": np.where(mentions["polarity"].to_numpy() != "neutral",
                                             mentions["score"].to_numpy(dtype=float), 0.0)})
    frame = frame[ok[rows]]
    if "dimensions" in comments:
        assigned = comments["dimensions"].fillna("").astype(str).str.split(";").to_numpy()
        keep = [d in assigned[r] for r, d in zip(frame["row"].tolist(),
                                                  frame["dimension"].tolist())]
        frame = frame[np.array(keep, dtype=bool)]
    else:
        named = frame["dimension"] != "overall"
        frame = frame[named | ~frame["row"].isin(frame.loc[named, "row"].unique())]
    if not include_overall:
        frame = frame[frame["dimension"] != "overall"]
    table = frame.groupby(["row", "dimension"], sort=True)["signed"].sum().reset_index()
    table.insert(1, "comment_id", comments["comment_id"].astype(str).to_numpy()[table["row"]])
    table["polarity"] = np.select([table["signed"] > 0, table["signed"] < 0],
                                  ["positive", "negative"], "neutral")
    return table.rename(columns={"signed": "score"})


def dimension_matrix(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                     value: str = "polarity", fill: float = 0.0) -> pd.DataFrame:
    """Comment × dimension matrix of sentiment (+1/0/−1, or the summed ``score`` clipped).

    One row per analysable comment in input order, indexed by comment_id; unmentioned cells
    are ``fill``.
    """
    table = comment_dimension_polarity(comments, mentions)
    table["value"] = table["polarity"].map(POLARITY_VALUE) if value == "polarity" \
        else table["score"].clip(-1, 1)
    wide = table.pivot(index="row", columns="dimension", values="value")
    positions = _analysable_positions(comments)
    wide = wide.reindex(positions).fillna(fill)
    wide.index = pd.Index(comments["comment_id"].astype(str).to_numpy()[positions],
                          name="comment_id")
    return wide.rename_axis(columns=None)


# -- key drivers -------------------------------------------------------------------------------
def key_drivers(features: pd.DataFrame, target: Sequence[float] | pd.Series, *,
                labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """OLS of ``target`` on ``features``: coefficients, standardised betas, t-test p-values and
    Johnson's relative weights (they sum to R²; ``importance`` = their share).

    ``.attrs`` holds ``r2``, ``adj_r2``, ``n``. Columns with no variance are dropped.
    """
    from scipy.special import stdtr

    y = np.asarray(target, dtype=float)
    keep_rows = ~np.isnan(y)
    x_frame = features.loc[keep_rows]
    x_frame = x_frame.loc[:, x_frame.std(ddof=0) > 0]
    x, y = x_frame.to_numpy(dtype=float), y[keep_rows]
    n, k = x.shape
    if n <= k + 1 or k == 0:
        raise InputError(f"key-driver model needs more comments than dimensions ({n} rows, "
                         f"{k} dimensions with variance)")
    design = np.column_stack([np.ones(n), x])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    residual = y - design @ coef
    ss_res, ss_tot = float(residual @ residual), float(((y - y.mean()) ** 2).sum())
    r2 = 1 - ss_res / ss_tot if ss_tot else math.nan
    sigma2 = ss_res / (n - k - 1)
    se = np.sqrt(np.diag(sigma2 * np.linalg.pinv(design.T @ design)))
    t_values = coef / se
    p_values = 2 * stdtr(n - k - 1, -np.abs(t_values))  # scipy.stats.t.sf, 1.5 s sooner
    std_beta = coef[1:] * x.std(axis=0, ddof=1) / y.std(ddof=1)
    weights = relative_weights(x, y)
    labels = labels or {}
    table = pd.DataFrame({
        "dimension": x_frame.columns, "label": [labels.get(c, c) for c in x_frame.columns],
        "polar_comments": (x != 0).sum(axis=0), "coef": coef[1:], "std_coef": std_beta,
        "p_value": p_values[1:], "relative_weight": weights,
        "importance": weights / weights.sum() if weights.sum() > 0 else np.nan})
    table = table.sort_values(["importance", "dimension"], ascending=[False, True]
                              ).reset_index(drop=True)
    table.attrs.update(r2=r2, adj_r2=1 - (1 - r2) * (n - 1) / (n - k - 1), n=n,
                       intercept=float(coef[0]))
    return table


def relative_weights(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Johnson's (2000) relative weights of the columns of ``x``; they sum to R².

    >>> rng = np.random.default_rng(0); x = rng.normal(size=(500, 2))
    >>> w = relative_weights(x, 2 * x[:, 0] + x[:, 1])
    >>> bool(w[0] > 3 * w[1]), float(round(w.sum(), 3))
    (True, 1.0)
    """
    corr = np.corrcoef(np.column_stack([x, y]), rowvar=False)
    rxx, rxy = corr[:-1, :-1], corr[:-1, -1]
    values, vectors = np.linalg.eigh(rxx)
    values = np.clip(values, 0, None)
    half = vectors @ np.diag(np.sqrt(values)) @ vectors.T
    beta = np.linalg.pinv(half) @ rxy
    return (half ** 2) @ (beta ** 2)


def key_driver_model(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                     rating: str | Sequence[float] | pd.Series = "sentiment_score",
                     value: str = "polarity", min_mentions: int = 10,
                     labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Regress the rating (a column of ``comments`` or aligned values) on per-dimension
    sentiment; see :func:`key_drivers`. Dimensions named in fewer than ``min_mentions``
    comments are left out."""
    matrix = dimension_matrix(comments, mentions, value=value)
    positions = _analysable_positions(comments)
    if isinstance(rating, str):
        if rating not in comments:
            raise InputError(f"rating column {rating!r} is not in the comments table")
        target = pd.to_numeric(comments[rating], errors="coerce").to_numpy()[positions]
    else:
        target = np.asarray(rating, dtype=float)[positions]
    matrix = matrix.loc[:, (matrix != 0).sum() >= min_mentions]
    return key_drivers(matrix, target, labels=labels or _labels(comments))


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
                       complaint: ComplaintSpec = None) -> pd.DataFrame:
    """Per (group…, dimension): comments, polarity shares, satisfaction 0–100 and complaints.

    ``complaint_rate`` = complaints among the comments naming the dimension;
    ``complaint_incidence`` = those complaints over all analysable comments of the group.
    A complaint on a dimension is a comment negative on it, or with ``complaint=`` given, a
    complaint comment (by that rule) naming it.
    """
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    positions = _analysable_positions(comments)
    ok = comments.iloc[positions][by].reset_index(drop=True)
    ok["row"] = positions
    ok["_complaint"] = complaint_mask(comments, complaint)[positions] if complaint is not None \
        else False
    polar = comment_dimension_polarity(comments, mentions).merge(ok, on="row", how="inner")
    polar["_is_complaint"] = polar["_complaint"] if complaint is not None \
        else polar["polarity"].eq("negative")
    for p in ("positive", "neutral", "negative"):
        polar[p] = polar["polarity"].eq(p)
    keys = [*by, "dimension"]
    table = polar.groupby(keys, dropna=False, sort=True).agg(
        comments=("row", "size"), positive=("positive", "mean"),
        neutral=("neutral", "mean"), negative=("negative", "mean"),
        complaints=("_is_complaint", "sum")).reset_index()
    dims = sorted(polar["dimension"].unique())
    if by:  # a complete grid: a dimension nobody named in a period is a 0, not a gap
        groups = ok.groupby(by, dropna=False, sort=True).size().rename("group_comments")
        grid = pd.MultiIndex.from_tuples(
            [(*(g if isinstance(g, tuple) else (g,)), d) for g in groups.index for d in dims],
            names=keys)
        table = table.set_index(keys).reindex(grid).reset_index()
        table = table.merge(groups.reset_index(), on=by, how="left")
    else:
        table["group_comments"] = len(ok)
    table[["comments", "complaints"]] = table[["comments", "complaints"]].fillna(0).astype(int)
    table["satisfaction"] = [satisfaction_score(p, u, n) for p, u, n in
                             zip(table["positive"], table["neutral"], table["negative"])]
    table["complaint_rate"] = table["complaints"] / table["comments"].where(table["comments"] > 0)
    table["complaint_incidence"] = table["complaints"] / table["group_comments"]
    labels = _labels(comments)
    table.insert(len(by) + 1, "label", table["dimension"].map(lambda d: labels.get(d, d)))
    return table


def satisfaction_index(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                       weights: str | Mapping[str, float] = "equal",
                       rating: str | Sequence[float] | None = None,
                       by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Dimension scores, their weights and the overall index (the row ``dimension="index"``).

    ``weights``: a mapping dimension → weight (normalised to sum 1), ``"equal"``,
    ``"entropy"`` or ``"key_driver"`` (needs ``rating``, else the comment sentiment score is
    the target). With ``by``, weights are set once on all comments and the index is given
    per group, so groups stay comparable.
    """
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    overall = satisfaction_table(comments, mentions)
    dims = overall.loc[overall["comments"] > 0, "dimension"].tolist()
    w = _weights(comments, mentions, weights, dims, rating, by_cols)
    table = satisfaction_table(comments, mentions, by=by_cols or None)
    table["weight"] = table["dimension"].map(w).fillna(0.0)
    present = table["satisfaction"].notna() & (table["weight"] > 0)
    table["contribution"] = np.where(present, table["weight"] * table["satisfaction"], np.nan)
    rows = []
    groups = table.groupby(by_cols, dropna=False, sort=True) if by_cols else [((), table)]
    for key, part in groups:
        key = key if isinstance(key, tuple) else (key,)
        mask = part["satisfaction"].notna() & (part["weight"] > 0)
        total = part.loc[mask, "weight"].sum()
        value = round(float(part.loc[mask, "contribution"].sum() / total), 1) if total else np.nan
        rows.append({**dict(zip(by_cols, key)), "dimension": "index", "label": "满意度指数",
                     "comments": int(part["group_comments"].iloc[0]), "satisfaction": value,
                     "weight": 1.0, "contribution": value})
    columns = [*by_cols, "dimension", "label", "comments", "positive", "neutral", "negative",
               "satisfaction", "weight", "contribution"]
    out = pd.concat([table[columns], pd.DataFrame(rows)], ignore_index=True)
    out.attrs["weights"] = {k: float(v) for k, v in w.items()}
    out.attrs["method"] = weights if isinstance(weights, str) else "user"
    return out


def _weights(comments, mentions, weights, dims, rating, by_cols) -> pd.Series:
    if isinstance(weights, Mapping):
        unknown = set(weights) - set(dims)
        w = pd.Series({d: float(weights.get(d, 0.0)) for d in dims})
        if unknown:
            w = pd.concat([w, pd.Series({d: float(weights[d]) for d in unknown})])
    elif weights == "equal":
        w = pd.Series(1.0, index=dims)
    elif weights == "entropy":
        if by_cols:
            grid = satisfaction_table(comments, mentions, by=by_cols)
            matrix = grid.pivot_table(index=by_cols, columns="dimension",
                                      values="satisfaction", aggfunc="first")[dims]
            matrix = matrix.fillna(matrix.mean())
        else:
            matrix = dimension_matrix(comments, mentions, fill=np.nan)[dims]
            matrix = (matrix * 50 + 50).fillna((matrix * 50 + 50).mean())
        w = entropy_weights(matrix)
    elif weights == "key_driver":
        model = key_driver_model(comments, mentions, rating=rating or "sentiment_score",
                                 min_mentions=1)
        w = model.set_index("dimension")["importance"].reindex(dims).fillna(0.0)
    else:
        raise InputError(f"weights must be a mapping, 'equal', 'entropy' or 'key_driver', "
                         f"not {weights!r}")
    if w.sum() <= 0:
        raise InputError("the index weights sum to 0: give at least one positive weight")
    return w / w.sum()


# -- importance–performance --------------------------------------------------------------------
def ipa_table(comments: pd.DataFrame, mentions: pd.DataFrame, *,
              rating: str | Sequence[float] | None = None,
              importance: Mapping[str, float] | None = None,
              min_mentions: int = 10) -> pd.DataFrame:
    """Importance (key-driver share, or given) and satisfaction per dimension, with quadrant.

    Without ``rating`` the comment ``sentiment_score`` is the target of the key-driver model
    (derived importance). Crosshairs at the mean importance and mean satisfaction.
    """
    sat = satisfaction_table(comments, mentions)
    sat = sat[sat["comments"] >= min_mentions]
    if importance is None:
        model = key_driver_model(comments, mentions, rating=rating or "sentiment_score",
                                 min_mentions=min_mentions)
        importance = model.set_index("dimension")["importance"]
    table = sat[["dimension", "label", "comments", "satisfaction"]].copy()
    table["importance"] = table["dimension"].map(pd.Series(importance, dtype=float))
    table = table.dropna(subset=["importance", "satisfaction"]).reset_index(drop=True)
    imp_mid, sat_mid = table["importance"].mean(), table["satisfaction"].mean()
    quadrant = [QUADRANTS[(i >= imp_mid, s >= sat_mid)]
                for i, s in zip(table["importance"], table["satisfaction"])]
    table["quadrant"] = [q[0] for q in quadrant]
    table["quadrant_label"] = [q[1] for q in quadrant]
    table.attrs.update(importance_mean=imp_mid, satisfaction_mean=sat_mid)
    order = {"concentrate here": 0, "keep up": 1, "low priority": 2, "possible overkill": 3}
    return table.sort_values(["quadrant", "importance"], key=lambda s: s.map(order)
                             if s.name == "quadrant" else -s).reset_index(drop=True)


def plot_ipa(table: pd.DataFrame, *, title: str | None = None,
             figsize: tuple[float, float] = (8, 6.5)):
    """The IPA quadrant chart of :func:`ipa_table`; returns a matplotlib Figure."""
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from .topics import find_cjk_font

    font = FontProperties(fname=find_cjk_font())
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    imp_mid = table.attrs.get("importance_mean", table["importance"].mean())
    sat_mid = table.attrs.get("satisfaction_mean", table["satisfaction"].mean())
    colours = {"concentrate here": "#d62728", "keep up": "#2ca02c", "low priority": "#7f7f7f",
               "possible overkill": "#1f77b4"}
    sizes = 60 + 600 * table["comments"] / max(1, table["comments"].max())
    ax.scatter(table["importance"], table["satisfaction"], s=sizes, alpha=0.75,
               c=[colours[q] for q in table["quadrant"]], edgecolors="#333333")
    for row in table.itertuples():
        ax.annotate(row.label, (row.importance, row.satisfaction), xytext=(6, 6),
                    textcoords="offset points", fontproperties=font, fontsize=11)
    ax.axvline(imp_mid, color="#555555", lw=1, ls="--")
    ax.axhline(sat_mid, color="#555555", lw=1, ls="--")
    x_pad = max(0.02, 0.15 * (table["importance"].max() - table["importance"].min()))
    y_pad = max(3.0, 0.15 * (table["satisfaction"].max() - table["satisfaction"].min()))
    ax.set_xlim(max(0, table["importance"].min() - x_pad), table["importance"].max() + x_pad)
    ax.set_ylim(max(0, table["satisfaction"].min() - y_pad),
                min(100, table["satisfaction"].max() + y_pad))
    corners = {"keep up": (0.98, 0.98, "right", "top"),
               "concentrate here": (0.98, 0.02, "right", "bottom"),
               "low priority": (0.02, 0.02, "left", "bottom"),
               "possible overkill": (0.02, 0.98, "left", "top")}
    for key, (x, y, ha, va) in corners.items():
        label = next(v[1] for v in QUADRANTS.values() if v[0] == key)
        ax.text(x, y, f"{label}\n{key}", transform=ax.transAxes, ha=ha, va=va,
                color=colours[key], fontproperties=font, fontsize=11, alpha=0.9)
    ax.set_xlabel("重要性 importance (关键驱动因素权重)", fontproperties=font)
    ax.set_ylabel("满意度 satisfaction (0–100)", fontproperties=font)
    ax.set_title(title or "重要性–满意度分析 (IPA)", fontproperties=font, fontsize=13)
    return fig


# -- trends and alerts -------------------------------------------------------------------------
def trends(comments: pd.DataFrame, mentions: pd.DataFrame, *, time_col: str, freq: str = "M",
           by: str | Sequence[str] | None = None, complaint: ComplaintSpec = None
           ) -> pd.DataFrame:
    """:func:`satisfaction_table` per period (``freq`` D / W / M / Q / Y) and group."""
    if time_col not in comments:
        raise InputError(f"time column {time_col!r} is not in the comments table")
    times = pd.to_datetime(comments[time_col], errors="coerce", format="mixed")
    period = times.dt.to_period(freq).astype(str).where(times.notna())
    frame = comments.assign(period=period)
    if complaint is not None:
        frame["_complaint_rule"] = complaint_mask(comments, complaint)
    # rows without a time are flagged, not dropped: mention rows are positions in comments
    flags = comments["flag"].fillna("") if "flag" in comments else pd.Series("", comments.index)
    frame["flag"] = flags.where(period.notna(), "no_time").to_numpy()
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    return satisfaction_table(frame, mentions, by=[*by_cols, "period"],
                              complaint="_complaint_rule" if complaint is not None else None)


def alerts(trend_table: pd.DataFrame, *, measure: str = "complaint_rate", alpha: float = 0.05,
           min_comments: int = 10, all_tests: bool = False) -> pd.DataFrame:
    """Dimensions whose complaint rate rose significantly versus the previous period.

    One-sided Fisher exact test per (group, dimension, period) against the period just before,
    Benjamini–Hochberg ``q_value`` across all the tests; an alert when ``q_value < alpha``.
    ``measure="complaint_incidence"`` tests complaints per comment of the period instead.
    """
    if measure not in ("complaint_rate", "complaint_incidence"):
        raise InputError("measure must be 'complaint_rate' or 'complaint_incidence'")
    denominator = "comments" if measure == "complaint_rate" else "group_comments"
    group_cols = [c for c in trend_table.columns[:list(trend_table.columns).index("dimension")]
                  if c != "period"]
    frame = trend_table.sort_values([*group_cols, "dimension", "period"])
    previous = frame.groupby([*group_cols, "dimension"], dropna=False)[
        ["period", "complaints", denominator]].shift(1)
    frame = frame.assign(previous_period=previous["period"],
                         previous_complaints=previous["complaints"],
                         previous_total=previous[denominator], total=frame[denominator])
    testable = frame["previous_total"].ge(min_comments) & frame["total"].ge(min_comments)
    frame = frame[testable].copy()
    frame["previous_rate"] = frame["previous_complaints"] / frame["previous_total"]
    frame["rate"] = frame["complaints"] / frame["total"]
    frame["p_value"] = [
        fisher_exact(c, t - c, pc, pt - pc, alternative="greater")
        for c, t, pc, pt in zip(frame["complaints"], frame["total"].astype(int),
                                frame["previous_complaints"].astype(int),
                                frame["previous_total"].astype(int))]
    frame["q_value"] = bh_q_values(frame["p_value"].to_numpy(float))
    frame["alert"] = frame["q_value"] < alpha
    frame["change"] = frame["rate"] - frame["previous_rate"]
    columns = [*group_cols, "dimension", "label", "previous_period", "period",
               "previous_complaints", "previous_total", "previous_rate", "complaints", "total",
               "rate", "change", "p_value", "q_value", "alert"]
    out = frame[columns] if all_tests else frame.loc[frame["alert"], columns]
    return out.sort_values(["q_value", "change"], ascending=[True, False]).reset_index(drop=True)


def _labels(comments: pd.DataFrame | None = None) -> dict[str, str]:
    try:
        from .lexicon import Lexicon

        labels = dict(Lexicon.load("core").dimension_labels)
    except Exception:  # labels are cosmetic
        labels = {}
    return {**labels, "overall": "整体"}


# -- everything "what to fix first" needs, for the CLI and reports ----------------------------
def fix_first_tables(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                     rating: str | None = None, time_col: str | None = None, freq: str = "M",
                     by: str | Sequence[str] | None = None, complaint: ComplaintSpec = None,
                     weights: str | Mapping[str, float] | None = None, level: str = "factor",
                     domain: str | None = "ecommerce") -> dict[str, pd.DataFrame]:
    """``drivers``, ``index``, ``ipa`` (+ ``key_drivers`` with a rating, ``trends`` and
    ``alerts`` with a time column, ``drivers_by_group`` with ``by``) as named tables."""
    from .graph import drivers

    tables = {"drivers": drivers(comments, mentions, level=level, complaint=complaint,
                                 domain=domain)}
    target = rating or "sentiment_score"
    try:
        model = key_driver_model(comments, mentions, rating=target)
    except InputError:  # too few comments for a regression: equal weights, no IPA
        model = None
    if model is not None:
        tables["key_drivers"] = model.assign(r2=model.attrs["r2"], adj_r2=model.attrs["adj_r2"],
                                             n=model.attrs["n"], target=target)
    chosen = weights or ("key_driver" if model is not None else "equal")
    tables["index"] = satisfaction_index(comments, mentions, weights=chosen, rating=target)
    if by:
        tables["index_by_group"] = satisfaction_index(comments, mentions, weights=chosen,
                                                      rating=target, by=by)
        tables["drivers_by_group"] = drivers(comments, mentions, level=level, by=by,
                                             complaint=complaint, domain=domain)
    if model is not None and len(model) >= 2:
        tables["ipa"] = ipa_table(comments, mentions,
                                  importance=model.set_index("dimension")["importance"])
    if time_col:
        tables["trends"] = trends(comments, mentions, time_col=time_col, freq=freq, by=by,
                                  complaint=complaint)
        tables["alerts"] = alerts(tables["trends"])
    return tables
