"""Key drivers of a rating: OLS of the rating on each comment's polarity per dimension.

:func:`rating_drivers` reads each comment's polarity on each dimension as three states —
negative, not mentioned (or neutral), positive — as two 0/1 columns per dimension
(``negative_d``, ``positive_d``; not mentioned is the baseline), so a complaint can weigh
more than praise (the penalty and reward of Kano-style penalty–reward analysis). The
importance of a dimension is the sum of Johnson's relative weights of its two columns over
R² (they share R² out exactly), with a 95 % interval from a seeded bootstrap over comments;
the rating scale (1–5 stars, 0–10 NPS, 0/1 …) is recognised and reported.

:func:`key_drivers` and :func:`key_driver_model` are the older +1/0/−1 model the
``key_driver`` index weighting uses.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from manyi.analysis.polarity import dimension_matrix
from manyi.analysis.profiles import Profiles
from manyi.analysis.rows import analysable_positions
from manyi.errors import InputError


def one_blas_thread(func):
    """Run ``func`` with BLAS on one thread (threadpoolctl, where installed). Its products
    are small (a few thousand rows × 17 columns): on a busy machine a threaded one took
    0.24 s here against 0.5 ms on one thread, and a 100,000-row correlation 4.8 s."""
    @functools.wraps(func)
    def run(*args, **kwargs):
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:
            return func(*args, **kwargs)
        with threadpool_limits(1):
            return func(*args, **kwargs)
    return run


BASELINE = 0.05  # the least share of comments not naming a dimension for its reward


@one_blas_thread
def rating_drivers(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                   rating: str | Sequence[float] | pd.Series,
                   labels: Mapping[str, str] | None = None, min_mentions: int = 10,
                   boot: int = 200, seed: int = 20) -> pd.DataFrame:
    """Importance of each dimension for the rating, with interval, penalty and reward.

    ``penalty``: the rating change with a negative polarity on the dimension, against not
    naming it (OLS coefficient, other dimensions held fixed; usually < 0); ``reward``: with a
    positive polarity. A dimension that fewer than ``min_mentions`` comments or 5 % leave
    unnamed (菜 in restaurant reviews) has no such baseline: its penalty is against the
    comments praising it, its reward NaN. ``.attrs``: ``r2``, ``adj_r2``, ``n``, ``scale`` (see
    :func:`manyi.analysis.impact.rating_scale`), ``intercept``.

    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": [str(i) for i in range(40)], "flag": "",
    ...                          "star": [1, 5, 3, 5] * 10})
    >>> mentions = pd.DataFrame({"row": range(40), "dimension": "price",
    ...     "polarity": ["negative", "positive", "neutral", "positive"] * 10,
    ...     "score": [-0.5, 0.5, 0.0, 0.5] * 10})
    >>> t = rating_drivers(comments, mentions, rating="star", min_mentions=5, boot=20)
    >>> t[["dimension", "penalty", "reward", "scale"]].round(3).values.tolist()
    [['price', -2.0, 2.0, '1–5']]
    """
    if isinstance(rating, str) and rating not in comments:
        raise InputError(f"rating column {rating!r} is not in the comments table")
    return profile_rating_drivers(Profiles.of(comments, mentions, rating=rating),
                                  labels=labels, min_mentions=min_mentions, boot=boot,
                                  seed=seed)


@one_blas_thread
def profile_rating_drivers(profiles: Profiles, *, labels: Mapping[str, str] | None = None,
                           min_mentions: int = 10, boot: int = 200, seed: int = 20
                           ) -> pd.DataFrame:
    """:func:`rating_drivers` from comment profiles kept with their ``rating``: the model is
    fitted on the distinct (polarity columns, rating) rows weighted by their comments
    (weighted least squares: the same fit as on the rows themselves, to rounding), and the
    bootstrap draws comments in input order, as over the rows."""
    from scipy.special import stdtr  # scipy.stats.t.sf without loading scipy.stats

    from manyi.analysis.impact import rating_scale

    rated = profiles.rows["rating"].to_numpy(dtype=float)
    keep = ~np.isnan(rated)
    pattern = profiles.rows["pattern"].to_numpy()[keep]
    ratings, rank = np.unique(rated[keep], return_inverse=True)
    combos, at = np.unique(pattern.astype(np.int64) * max(len(ratings), 1) + rank.ravel(),
                           return_inverse=True)
    weight = np.bincount(at.ravel(), minlength=len(combos)).astype(float)
    target = ratings[combos % max(len(ratings), 1)] if len(ratings) else np.zeros(0)
    values, dims = profiles.pattern_values()
    matrix = values[combos // max(len(ratings), 1)]
    n = int(weight.sum())
    scale = rating_scale(target)["scale"]
    columns, names = [], []
    for j, dim in enumerate(dims):
        sides = [(side, (matrix[:, j] == value).astype(float))
                 for side, value in (("negative", -1.0), ("positive", 1.0))]
        if n - sum(column @ weight for _, column in sides) < max(min_mentions, BASELINE * n):
            # (nearly) every comment names it: no baseline of comments that do not, and the
            # two columns with the intercept say one thing twice (newcomer10: 产品 named in
            # all 300 reviews read "a complaint about the food adds 0.78 stars"). The
            # penalty is then against praising it, and no reward is measured.
            sides = sides[:1]
        for side, column in sides:
            total = column @ weight
            if total >= min_mentions and total < n:
                columns.append(column)
                names.append((dim, side))
    if not columns or n <= len(columns) + 1:
        raise InputError(f"rating drivers need more rated comments than polarity columns "
                         f"({n} rated comments, {len(columns)} columns)")
    x = np.column_stack(columns)
    design = np.column_stack([np.ones(len(target)), x])
    root = np.sqrt(weight)
    coef, *_ = np.linalg.lstsq(design * root[:, None], target * root, rcond=None)
    residual = target - design @ coef
    k = x.shape[1]
    mean = float(weight @ target) / n
    ss_res = float(weight @ residual ** 2)
    ss_tot = float(weight @ (target - mean) ** 2)
    r2 = 1 - ss_res / ss_tot if ss_tot else math.nan
    gram = design.T @ (design * weight[:, None])
    se = np.sqrt(np.diag(ss_res / (n - k - 1) * np.linalg.pinv(gram)))
    p_values = 2 * stdtr(n - k - 1, -np.abs(coef / np.where(se > 0, se, np.nan)))
    used = sorted({d for d, _ in names})

    def importance(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        per_dim = np.array([sum(w for (d, _), w in zip(names, weights) if d == dim)
                            for dim in used])
        return per_dim, per_dim / per_dim.sum() if per_dim.sum() > 0 else per_dim * np.nan

    # The bootstrap over comments, on the distinct (columns, rating) rows weighted by how
    # often each draw picks them: the same draws as resampling the rows themselves, at a
    # cost that does not grow with the rows (the columns are 0/1, the ratings few).
    patterns, inverse = distinct_rows(x, target)
    counted = np.bincount(inverse, weights=weight, minlength=len(patterns))
    raw, share = importance(weighted_relative_weights(patterns, counted))
    inverse = inverse[at.ravel()]  # per rated comment, in input order
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(boot):
        counts = np.bincount(inverse[rng.integers(0, n, n)], minlength=len(patterns))
        sums = counts @ patterns[:, :-1]
        drawn = patterns[counts > 0, -1]
        if np.ptp(drawn) > 0 and ((sums > 0) & (sums < n)).all():
            draws.append(importance(weighted_relative_weights(patterns, counts))[1])
    low, high = (np.percentile(draws, [2.5, 97.5], axis=0) if draws
                 else np.full((2, len(used)), np.nan))
    labels = {"overall": "整体", **(labels or {})}
    index = {name: i for i, name in enumerate(names)}

    def pick(dim: str, side: str, values: np.ndarray) -> float:
        i = index.get((dim, side))
        return float(values[i]) if i is not None else math.nan

    column_of = {d: j for j, d in enumerate(dims)}
    table = pd.DataFrame({
        "dimension": used, "label": [labels.get(d, d) for d in used],
        "negative_comments": [int((matrix[:, column_of[d]] == -1) @ weight) for d in used],
        "positive_comments": [int((matrix[:, column_of[d]] == 1) @ weight) for d in used],
        "penalty": [pick(d, "negative", coef[1:]) for d in used],
        "reward": [pick(d, "positive", coef[1:]) for d in used],
        "penalty_p": [pick(d, "negative", p_values[1:]) for d in used],
        "reward_p": [pick(d, "positive", p_values[1:]) for d in used],
        "relative_weight": raw, "importance": share, "importance_low": low,
        "importance_high": high, "r2": r2, "n": n, "scale": scale})
    table = table.sort_values(["importance", "dimension"], ascending=[False, True]
                              ).reset_index(drop=True)
    table.attrs.update(r2=r2, adj_r2=1 - (1 - r2) * (n - 1) / (n - k - 1), n=n, scale=scale,
                       intercept=float(coef[0]))
    return table


def distinct_rows(x: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(np.column_stack([x, target]), axis=0, return_inverse=True)`` for 0/1
    columns ``x``: each row coded as one integer (the columns' bits, then the rank of its
    rating), so the distinct rows come sorted alike without copying the n × k matrix
    several times (about 1 GB for a million comments).

    >>> rows, at = distinct_rows(np.array([[1., 0.], [0., 1.], [1., 0.]]), np.array([5., 1., 5.]))
    >>> rows.tolist(), at.tolist()
    ([[0.0, 1.0, 1.0], [1.0, 0.0, 5.0]], [1, 0, 1])
    """
    ratings, rank = np.unique(target, return_inverse=True)
    k = x.shape[1]
    if k > 40 or not np.isin(x, (0.0, 1.0)).all() or len(ratings) >= 2 ** (62 - k):
        patterns, inverse = np.unique(np.column_stack([x, target]), axis=0,
                                      return_inverse=True)
        return patterns, inverse.ravel()
    code = np.zeros(len(target), dtype=np.int64)
    for j in range(k):  # the first column most significant, as a row-wise sort orders them
        code = (code << 1) | x[:, j].astype(np.int64)
    code = code * len(ratings) + rank.ravel()
    codes, inverse = np.unique(code, return_inverse=True)
    bits = (codes // len(ratings))[:, None] >> np.arange(k - 1, -1, -1, dtype=np.int64) & 1
    patterns = np.column_stack([bits.astype(float), ratings[codes % len(ratings)]])
    return patterns, inverse.ravel()


@one_blas_thread
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
    return _weights_of(np.corrcoef(np.column_stack([x, y]), rowvar=False))


def weighted_relative_weights(rows: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """:func:`relative_weights` of a sample holding ``rows[i]`` (columns of x, then y)
    ``counts[i]`` times.

    >>> rng = np.random.default_rng(0); x = rng.integers(0, 2, size=(300, 2)).astype(float)
    >>> rows, inverse = np.unique(np.column_stack([x, x[:, 0] + 0.5 * x[:, 1]]), axis=0,
    ...                           return_inverse=True)
    >>> np.allclose(weighted_relative_weights(rows, np.bincount(inverse.ravel())),
    ...             relative_weights(x, x[:, 0] + 0.5 * x[:, 1]))
    True
    """
    weights = counts.astype(float)
    centred = rows - (weights @ rows) / weights.sum()
    cov = (centred * weights[:, None]).T @ centred
    scale = np.sqrt(np.diag(cov))
    return _weights_of(cov / np.outer(scale, scale))


def _weights_of(corr: np.ndarray) -> np.ndarray:
    """Relative weights from the correlation matrix of x's columns and y (last)."""
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
    positions = analysable_positions(comments)
    if isinstance(rating, str):
        if rating not in comments:
            raise InputError(f"rating column {rating!r} is not in the comments table")
        target = pd.to_numeric(comments[rating], errors="coerce").to_numpy()[positions]
    else:
        target = np.asarray(rating, dtype=float)[positions]
    matrix = matrix.loc[:, (matrix != 0).sum() >= min_mentions]
    return key_drivers(matrix, target, labels=labels)
