"""The drivers table — what to fix first — and the tables ``manyi drivers`` writes.

:func:`drivers` ranks factors and dimensions by the **impact** of their complaints (see
:mod:`manyi.analysis.impact` for exactly how shared complaints are counted), with the praise side
(what customers value) below; the older mention statistics stay as secondary columns of the
complaint factor rows: for a factor mentioned (whatever was said) in ``n`` of ``N`` comments,
``c`` of them complaints (``C`` in all)::

    lift = (c / n) / (C / N)     odds_ratio = c (N − n − C + c) / ((n − c)(C − c))
    or_low, or_high = exp(ln OR ± 1.96 √(1/a + 1/b + 1/c + 1/d))   (Woolf; +0.5 with a 0)

The streamed ``manyi analyze`` computes the same table from merged counts
(:func:`drivers_from_counts`), bootstrap included.

>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": list("123"), "flag": "",
...                          "sentiment": ["negative", "positive", "negative"]})
>>> mentions = pd.DataFrame({"comment_id": list("123"), "dimension": "logistics",
...     "factor": "speed", "polarity": ["negative", "positive", "negative"],
...     "score": [-0.6, 0.7, -0.5]})
>>> table = drivers(comments, mentions, min_comments=1, boot=20)
>>> table[["label", "resolved", "impact"]].round(4).values.tolist()[0]
['logistics·speed', 2, 0.6667]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from manyi.analysis.graph import FactorCounts
from manyi.analysis.impact import BOOT, IMPACT_COLUMNS, RATING_COLUMNS, SEED, Patterns, impact_table
from manyi.analysis.rows import ComplaintSpec, analysable, complaint_mask
from manyi.analysis.significance import fisher_exact

Z95 = 1.959963984540054  # scipy.stats.norm.ppf(0.975), without loading scipy.stats (1.5 s)
MENTION_COLUMNS = ["mentioned", "lift", "odds_ratio", "or_low", "or_high", "mention_p_value"]
DRIVER_COLUMNS = IMPACT_COLUMNS + MENTION_COLUMNS


MIN_COMMENTS = 3  # comments naming a factor (on that side) before it gets a row

def drivers(comments: pd.DataFrame, mentions: pd.DataFrame, *,
            complaint: ComplaintSpec = None, praise: ComplaintSpec = None,
            rating: str | Sequence[float] | pd.Series | None = None,
            labels: Mapping[str, str] | None = None, weights: Mapping[str, float] | None = None,
            level: str | None = None, by: str | Sequence[str] | None = None,
            min_comments: int = MIN_COMMENTS, alpha: float = 0.05, boot: int = BOOT,
            seed: int = SEED
            ) -> pd.DataFrame:
    """Complaint impact (and praise at stake) per factor and dimension, ranked; see module.

    ``level``: ``"factor"`` or ``"dimension"`` rows only (default both). ``rating``: a column
    or aligned values, adds the rating columns. ``labels``: the run's
    :func:`~manyi.analysis.labels.lexicon_labels`. ``by``: one block of rows per group.
    """
    if by is not None:
        return _by_group(comments, mentions, by, complaint=complaint, praise=praise,
                         rating=rating, labels=labels, weights=weights, level=level,
                         min_comments=min_comments, alpha=alpha, boot=boot, seed=seed)
    counts = FactorCounts.of(comments, mentions, complaint=complaint)
    if rating is not None or praise is not None:
        counts.patterns = Patterns.of(comments, mentions, complaint=complaint, praise=praise,
                                      rating=rating)
    return drivers_from_counts(counts, labels=labels, weights=weights, level=level,
                               rating=rating is not None, min_comments=min_comments,
                               alpha=alpha, boot=boot, seed=seed)


def drivers_from_counts(counts: FactorCounts, *, labels: Mapping[str, str] | None = None,
                        weights: Mapping[str, float] | None = None, level: str | None = None,
                        rating: bool = False, min_comments: int = MIN_COMMENTS,
                        alpha: float = 0.05, boot: int = BOOT, seed: int = SEED,
                        sides: Sequence[str] = ("complaint", "praise")) -> pd.DataFrame:
    """The table of :func:`drivers` from (merged) counts of comments (``sides``: the sides
    wanted; each side's rows are the same whichever others are asked for)."""
    levels = ("factor", "dimension") if level is None else (level,)
    table = impact_table(counts.patterns or Patterns(), labels=labels or {}, weights=weights,
                         rating=rating, boot=boot, seed=seed, alpha=alpha, levels=levels,
                         min_comments=min_comments, sides=sides)
    mention = mention_stats(counts)
    table = table.merge(mention.assign(side="complaint", level="factor"),
                        on=["side", "level", "dimension", "factor"], how="left")
    table["mentioned"] = table["mentioned"].astype(float)  # blank on praise and dimension rows
    columns = DRIVER_COLUMNS + (RATING_COLUMNS if rating else [])
    for column in columns:
        if column not in table:
            table[column] = np.nan
    return table[columns].reset_index(drop=True)


def mention_stats(counts: FactorCounts) -> pd.DataFrame:
    """Per factor key of the counts: comments mentioning it (whatever was said), lift of
    the complaint rate among them, odds ratio (mentioned × complaint) with Woolf's CI, and
    Fisher's two-sided p-value."""
    total, all_complaints = counts.units, counts.complaint_units
    n = counts.counts.to_numpy()
    c = counts.complaints.reindex(counts.counts.index, fill_value=0).to_numpy()
    keys = counts.counts.index
    base = all_complaints / total if total else math.nan
    a, b = c.astype(float), (n - c).astype(float)
    c2, d = (all_complaints - c).astype(float), (total - n - all_complaints + c).astype(float)
    odds, low, high = odds_ratio_ci(a, b, c2, d)
    rate = np.divide(c, n, out=np.full(len(n), np.nan), where=n > 0)
    return pd.DataFrame({
        "dimension": [k.split("/")[0] for k in keys],
        "factor": [k.split("/", 1)[1] if "/" in k else "" for k in keys],
        "mentioned": n.astype(np.int64), "lift": rate / base if base else np.nan,
        "odds_ratio": odds, "or_low": low, "or_high": high,
        "mention_p_value": [fisher_exact(*cells) for cells in zip(a, b, c2, d)]})


def odds_ratio_ci(a, b, c, d, z: float = Z95):
    """Odds ratio ``ad/bc`` and Woolf's CI; +0.5 on every cell of a table with a zero.

    >>> odds_ratio_ci(np.array([10.]), np.array([10.]), np.array([5.]), np.array([20.]))[0]
    array([4.])
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    zero = (a == 0) | (b == 0) | (c == 0) | (d == 0)
    a, b, c, d = (np.where(zero, x + 0.5, x) for x in (a, b, c, d))
    odds = a * d / (b * c)
    se = np.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    return odds, np.exp(np.log(odds) - z * se), np.exp(np.log(odds) + z * se)


def _by_group(comments, mentions, by, **options) -> pd.DataFrame:
    """One drivers table per group of ``by`` (rows outside the group are flagged, not
    dropped, so mention rows stay positions)."""
    by = [by] if isinstance(by, str) else list(by)
    complaints = complaint_mask(comments, options.pop("complaint"), mentions)
    praise = complaint_mask(comments, options.pop("praise"), mentions, "positive")
    flags = (comments["flag"].fillna("").to_numpy(dtype=object) if "flag" in comments
             else np.full(len(comments), "", dtype=object))
    parts = []
    positioned = analysable(comments.reset_index(drop=True))
    for key, part in positioned.groupby(by, sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        inside = np.zeros(len(comments), dtype=bool)
        inside[part.index.to_numpy()] = True
        table = drivers(comments.assign(flag=np.where(inside, flags, "other_group")),
                        mentions, complaint=complaints, praise=praise, **options)
        for column, value in reversed(list(zip(by, key))):
            table.insert(0, column, value)
        parts.append(table)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=by + DRIVER_COLUMNS)
