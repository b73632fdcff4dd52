"""What to fix first: the impact of each factor's complaints, and what praise is at stake.

A comment **names a factor negatively** when its mentions of that factor, summed, are
negative (:func:`manyi.analysis.rows.factor_verdicts`: one salty dish in a review that
praises the taste throughout is no taste complaint), and is a **complaint** when it names
any factor negatively or its sentiment is negative (物流太慢了，不过价格实惠 complains,
whatever its overall sentiment) — or by a rule of yours, such as a rating ≤ 2. Mentions are
read only through their ``polarity`` and ``score`` (any sentiment model or extractor that
fills them will do). For a factor f,
over the N analysable comments with C complaints:

- ``comments_naming``: comments naming f negatively; ``side_naming``: complaints
  among them; ``side_share`` = side_naming / C (side-neutral names: on a praise row the
  same counts of positive naming and praising comments);
- ``resolved``: complaints whose *only* negatively named factor is f. A complaint stops
  being one only when every factor it names negatively is resolved, so resolving f alone
  turns exactly these into non-complaints: ``impact_alone = resolved / N``, the strict
  lower bound of what fixing f (and nothing else) removes from the complaint rate;
- ``impact`` (the ranking): the complaint rate attributable to f when each complaint is
  split equally between the k factors it names negatively (1/k to each):
  ``impact = Σ 1/k over the complaints naming f / N``. The impacts of all factors add up
  to the share of comments that are complaints naming some factor, and a factor that is
  mostly complained about together with others (送餐慢，菜也凉了) is not ranked to the
  bottom as it is by ``impact_alone``; ``side_share · C / N`` is the upper bound (every
  complaint naming f resolved). Both are percentage points of the complaint rate;
- ``index_impact``: how much the satisfaction index (the default weighting, see index.py)
  would rise: each comment negative on f's dimension whose only negatively named factor in
  that dimension is f turns neutral there (counted half, as the index counts neutral);
- with a rating: ``rating_impact``, how much the mean rating would rise if every comment
  naming f negatively were rated as the mean rating of comments naming no factor negatively
  (never lowered), the rise split equally between the k factors the comment names;
- a 95 % interval for each (``*_low``, ``*_high``), from a seeded Poisson bootstrap over
  comments (each comment weighted Poisson(1), so comments with the same pattern of
  negatively named factors are drawn as Poisson(count) at once; the index interval holds
  the dimension counts fixed), and Fisher's one-sided test that complaints are more common
  among comments naming f negatively than among the rest, with Benjamini–Hochberg
  ``q_value`` across factors; ``significant`` = q < alpha and the impact interval above 0.
- the rows are ranked by impact, a competitor's (``competitor:伊利``, 品牌·伊利（新发现：竞品）)
  after the corpus's own factors whatever its impact: it is not the corpus's to fix;
- ``base_rate``: C / N, the share of all analysable comments that are complaints (the
  rate every impact is a part of; on praise rows, the share that praise).

The praise side is the same with positive sentiment and positive mentions (``comments_naming``:
comments naming f positively; ``side_naming``: praising comments among them; ``side_share``:
of all praising comments): ``impact`` is the
share of praising comments attributable to f (how much it would fall if f were no longer
praised) — what to keep; the rating and index columns there say how much would be lost.

Everything is computed from :class:`Patterns`: comments counted by (is complaint, set of
negatively named factors, set of dimensions they are negative on), which add up across
chunks, so a streamed dump gives the same table, bootstrap included, as one in memory.

>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": list("1234"), "flag": "",
...     "sentiment": ["negative", "negative", "positive", "negative"]})
>>> mentions = pd.DataFrame({"row": [0, 1, 1, 2, 3], "dimension": ["logistics", "logistics",
...     "product", "logistics", "product"], "factor": ["speed", "speed", "quality", "speed",
...     "quality"], "polarity": ["negative", "negative", "negative", "positive", "negative"],
...     "score": [-0.5, -0.5, -0.5, 0.5, -0.5]})
>>> t = impact_table(Patterns.of(comments, mentions), boot=50)
>>> t[["label", "resolved", "impact", "impact_alone"]].head(2).values.tolist()
[['logistics·speed', 1, 0.375, 0.25], ['product·quality', 1, 0.375, 0.25]]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from manyi.analysis.labels import factor_labels
from manyi.analysis.polarity import comment_dimension_polarity
from manyi.analysis.rows import (
    SIDE_SIGNS,
    analysable_positions,
    complaint_mask,
    factor_column,
    factor_verdicts,
    mention_rows,
    objects,
    sum_counts,
)
from manyi.analysis.significance import bh_q_values, fisher_exact
from manyi.text.word_groups import COMPETITOR

SIDES = {"complaint": ("negative", "负面"), "praise": ("positive", "正面")}
BOOT = 400  # bootstrap replicates
BOOT_CELLS = 1_000_000  # replicate counts drawn at a time (rows × patterns, 8 MB)
SEED = 20
IMPACT_COLUMNS = ["side", "level", "dimension", "factor", "label", "comments_naming",
                  "side_naming", "side_share", "impact", "impact_low",
                  "impact_high", "resolved", "impact_alone", "alone_low", "alone_high",
                  "index_impact", "index_low", "index_high", "p_value", "q_value",
                  "significant", "base_rate"]
RATING_COLUMNS = ["rating_impact", "rating_low", "rating_high"]
_INDEX = ["flag", "factors", "dimensions", "rating"]
_NO_RATING = -1e300  # the rating level of a pattern without a rating (NaN is no group key)


def _empty() -> pd.Series:
    index = pd.MultiIndex.from_arrays([[], [], [], []], names=_INDEX)
    return pd.Series(np.zeros(0, dtype=np.int64), index=index)


@dataclass
class Patterns:
    """Analysable comments counted by pattern, per side (``complaint``, ``praise``).

    A pattern is (the comment is a complaint — or praise —, its ``|``-joined sorted
    ``dimension/factor`` keys named negatively — or positively —, the ``|``-joined
    dimensions it is negative — or positive — on, its rating or none). ``dimension_comments``
    counts comments per dimension with a polarity on it (the index's denominators). Counts of
    separate chunks add up (:meth:`total`).
    """

    sides: dict[str, pd.Series] = field(default_factory=lambda: {s: _empty() for s in SIDES})
    dimension_comments: pd.Series = field(
        default_factory=lambda: pd.Series(np.zeros(0, dtype=np.int64), dtype=np.int64))

    @classmethod
    def of(cls, comments: pd.DataFrame, mentions: pd.DataFrame, *, complaint=None,
           praise=None, rating: str | Sequence[float] | pd.Series | None = None,
           polar: pd.DataFrame | None = None, sides: Sequence[str] = tuple(SIDES)
           ) -> Patterns:
        """Count the patterns of one table of comments and its mentions.

        ``complaint``/``praise``: as :func:`manyi.analysis.rows.complaint_mask` (default: sentiment
        negative / positive, or a factor named negatively / positively). ``rating``: a
        column or aligned values (non-numbers: none). ``polar``: the comments'
        ``comment_dimension_polarity(..., include_overall=True)`` when computed already.
        ``sides``: the sides counted (the others left empty).
        """
        positions = analysable_positions(comments)
        slot = np.full(len(comments) + 1, -1, dtype=np.int64)
        slot[positions] = np.arange(len(positions))
        code = slot[mention_rows(comments, mentions)]
        polar = comment_dimension_polarity(comments, mentions) if polar is None else \
            polar[polar["dimension"] != "overall"].reset_index(drop=True)
        polar["code"] = slot[polar["row"].to_numpy()]
        if rating is None:
            ratings = np.full(len(positions), _NO_RATING)
        else:
            values = comments[rating] if isinstance(rating, str) else pd.Series(
                np.asarray(rating), index=comments.index)
            ratings = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)[positions]
            ratings = np.where(np.isnan(ratings), _NO_RATING, ratings)
        verdict = factor_verdicts(mention_rows(comments, mentions), mentions)
        rules = {"complaint": (complaint, "negative"), "praise": (praise, "positive")}
        keep = (code >= 0) & (mentions["dimension"] != "overall").to_numpy()
        key_rank, key_names = _key_codes(mentions["dimension"], factor_column(mentions))
        dim_rank, dim_names = pd.factorize(polar["dimension"], sort=True)
        polar_side = polar["polarity"].to_numpy(dtype=object)
        polar_code = polar["code"].to_numpy()
        counted = {side: _empty() for side in SIDES}
        for side in sides:
            rule, word = rules[side]
            flags = complaint_mask(comments, rule, mentions, word, verdicts=verdict)[positions]
            pick = keep & (verdict == SIDE_SIGNS[word])
            factor_sets = _joined(code[pick], key_rank[pick], key_names, len(positions))
            chosen = (polar_side == word) & (polar_code >= 0)
            dim_sets = _joined(polar_code[chosen], dim_rank[chosen],
                               np.asarray(dim_names, dtype=object), len(positions))
            frame = pd.DataFrame({"flag": flags, "factors": objects(factor_sets),
                                  "dimensions": objects(dim_sets), "rating": ratings})
            counted[side] = frame.groupby(_INDEX, sort=True).size().astype(np.int64)
        dims = polar.loc[polar["code"] >= 0, "dimension"].value_counts().sort_index()
        return cls(counted, dims.astype(np.int64))

    @classmethod
    def total(cls, parts: Sequence[Patterns]) -> Patterns:
        """The patterns of all ``parts`` together."""
        return cls({s: sum_counts([p.sides[s] for p in parts]) for s in SIDES},
                   sum_counts([p.dimension_comments for p in parts]))

    def __add__(self, other: Patterns) -> Patterns:
        return Patterns.total([self, other])

    @property
    def comments(self) -> int:
        """Analysable comments counted."""
        return int(self.sides["complaint"].sum())


def _key_codes(dimensions: pd.Series, factors: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Per mention, the rank of its ``dimension/factor`` key among the keys sorted as
    strings, and those keys (built once per distinct pair, not per mention)."""
    dim_codes, dim_names = pd.factorize(dimensions)
    fac_codes, fac_names = pd.factorize(factors)
    pair_codes, pairs = pd.factorize(dim_codes.astype(np.int64) * max(len(fac_names), 1)
                                     + fac_codes)
    width = max(len(fac_names), 1)
    dim_names, fac_names = list(dim_names), list(fac_names)  # not an Arrow look-up each
    names = np.array([f"{dim_names[p // width]}/{fac_names[p % width]}"
                      for p in pairs.tolist()], dtype=object)
    order = np.argsort(names, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[pair_codes], names[order]


def _joined(codes: np.ndarray, ranks: np.ndarray, names: np.ndarray, n: int) -> np.ndarray:
    """For each of ``n`` comments, its distinct keys (``names[rank]``, names sorted) joined
    with ``|`` in sorted order ("" if none)."""
    out = np.full(n, "", dtype=object)
    if not len(codes):
        return out
    size = max(len(names), 1)
    pairs = np.sort(pd.unique(np.asarray(codes, dtype=np.int64) * size
                              + np.asarray(ranks, dtype=np.int64)))
    comment, key = pairs // size, pairs % size
    starts = np.flatnonzero(np.r_[True, comment[1:] != comment[:-1]])
    ends = np.r_[starts[1:], len(pairs)]
    words = names[key].tolist()
    out[comment[starts]] = ["|".join(words[a:b]) for a, b in zip(starts.tolist(),
                                                                  ends.tolist())]
    return out


# -- the table ---------------------------------------------------------------------------
def impact_table(patterns: Patterns, *, labels: Mapping[str, str] | None = None,
                 weights: Mapping[str, float] | None = None, rating: bool = False,
                 boot: int = BOOT, seed: int = SEED, alpha: float = 0.05,
                 min_comments: int = 1, levels: Sequence[str] = ("factor", "dimension"),
                 sides: Sequence[str] = ("complaint", "praise")) -> pd.DataFrame:
    """Complaint impact (and praise at stake) per factor and dimension; see the module text.

    ``labels``: the run's :func:`~manyi.analysis.labels.lexicon_labels`. ``weights``: the index
    weights by dimension (default: the index's default weighting, comments per dimension).
    ``rating``: add the rating columns (patterns counted with a rating). Rows with fewer
    than ``min_comments`` negative (positive) comments are left out. Each side and level
    is sorted by impact, then impact alone.
    """
    labels = labels or {}
    parts = []
    for side in sides:
        for level in levels:
            table = _side_table(patterns, side, level, labels, weights, rating, boot, seed,
                                alpha)
            parts.append(table[table["comments_naming"] >= min_comments])
    columns = IMPACT_COLUMNS + (RATING_COLUMNS if rating else [])
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def _side_table(patterns: Patterns, side: str, level: str, labels, weights, rating: bool,
                boot: int, seed: int, alpha: float) -> pd.DataFrame:
    counts = patterns.sides[side]
    frame = counts.reset_index(name="count")
    if level == "dimension":  # the dimensions a comment is negative (positive) on, summed
        frame["factors"] = frame["dimensions"]  # there, as the dimension table counts them
    elif level != "factor":
        raise ValueError(f"level must be 'factor' or 'dimension', not {level!r}")
    rated = frame.groupby(_INDEX, sort=True)["count"].sum().reset_index()
    # every figure but the rating's from the patterns without their rating, so a rating
    # column does not move the intervals of the others (one truth: analyze, drivers, report)
    frame = rated.groupby(_INDEX[:-1], sort=True)["count"].sum().reset_index()
    n_total = float(frame["count"].sum())
    count = frame["count"].to_numpy(dtype=float)
    flag = frame["flag"].to_numpy(dtype=bool)
    sets = [s.split("|") if s else [] for s in frame["factors"]]
    columns = sorted({k for s in sets for k in s})
    at = {k: i for i, k in enumerate(columns)}
    size = np.array([len(s) for s in sets], dtype=float)
    named = _pattern_matrix(sets, at, len(columns))
    complained = sparse.diags(flag.astype(float)) @ named
    only = sparse.diags((flag & (size == 1)).astype(float)) @ named
    shared = sparse.diags(flag / np.maximum(size, 1)) @ named
    dims_index = _index_rows(frame, sets, columns)  # comment-dimension pairs turned neutral
    weight = _index_weights(patterns.dimension_comments, weights, columns)

    def stats(w: np.ndarray) -> dict[str, np.ndarray]:
        total = np.maximum(w.sum(axis=-1, keepdims=True), 1e-12)
        return {"impact": (w @ shared) / total, "alone": (w @ only) / total,
                "index": 50 * (w @ dims_index) * weight}

    point, bounds = _bootstrap(stats, count, boot, seed, len(columns))
    if rating:
        rated_sets = [s.split("|") if s else [] for s in rated["factors"]]
        rated_count = rated["count"].to_numpy(dtype=float)
        split = _pattern_matrix(rated_sets, at, len(columns), share=True)

        def rating_stats(w: np.ndarray) -> dict[str, np.ndarray]:
            total = np.maximum(w.sum(axis=-1, keepdims=True), 1e-12)
            return {"rating": _rating_gain(w, rated, split, side) / total}

        rating_point, rating_bounds = _bootstrap(rating_stats, rated_count, boot, seed,
                                                 len(columns))
        point.update(rating_point)
        bounds.update(rating_bounds)
    negative = named.T @ count
    naming = complained.T @ count
    all_flagged = float(count[flag].sum())
    shown = factor_labels(columns, labels)
    p_values = np.array([fisher_exact(a, n - a, all_flagged - a,
                                      n_total - n - all_flagged + a, "greater")
                         for a, n in zip(naming, negative)])
    table = pd.DataFrame({
        "side": side, "level": level,
        "dimension": [k.split("/")[0] for k in columns],
        "factor": [k.split("/", 1)[1] if "/" in k else "" for k in columns],
        "label": [shown[k] for k in columns],
        "comments_naming": negative.round().astype(np.int64),
        "side_naming": naming.round().astype(np.int64),
        "side_share": naming / all_flagged if all_flagged else np.nan,
        "impact": point["impact"][0], "impact_low": bounds["impact"][0],
        "impact_high": bounds["impact"][1],
        "resolved": (only.T @ count).round().astype(np.int64),
        "impact_alone": point["alone"][0], "alone_low": bounds["alone"][0],
        "alone_high": bounds["alone"][1],
        "index_impact": point["index"][0], "index_low": bounds["index"][0],
        "index_high": bounds["index"][1],
        "p_value": p_values, "q_value": bh_q_values(p_values),
        "base_rate": all_flagged / n_total if n_total else np.nan})
    if rating:
        table["rating_impact"] = point["rating"][0]
        table["rating_low"], table["rating_high"] = bounds["rating"]
    table["significant"] = (table["q_value"] < alpha) & (table["impact_low"] > 0)
    # a competitor (competitor:伊利) is not the corpus's to fix: after its own factors
    rival = [str(f).startswith(f"{COMPETITOR}:") for f in table["factor"]]
    return table.assign(_rival=rival).sort_values(
        ["_rival", "impact", "impact_alone", "comments_naming", "label"],
        ascending=[True, False, False, False, True], kind="stable"
    ).drop(columns="_rival").reset_index(drop=True)


def _bootstrap(stats, count: np.ndarray, boot: int, seed: int, width: int
               ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """``stats`` of the counts, and its 95 % interval over a seeded Poisson bootstrap."""
    point = stats(count[None, :])
    rng = np.random.default_rng(seed)
    draws: dict[str, list] = {k: [] for k in point}
    # replicates drawn a few rows at a time when the patterns are many (a row is one
    # replicate's counts): the same stream, so the same draws, as 100 rows at once
    rows = int(np.clip(BOOT_CELLS // max(len(count), 1), 1, 100))
    for start in range(0, boot, rows):
        w = rng.poisson(count, size=(min(rows, boot - start), len(count))).astype(float)
        for k, v in stats(w).items():
            draws[k].append(np.asarray(v))
    # a replicate with nothing to measure (a group's index when no drawn comment names a
    # weighted dimension) is left out, not allowed to void the interval
    bounds = {k: _percentiles(np.concatenate(v)) if boot else np.full((2, width), np.nan)
              for k, v in draws.items()}
    return point, bounds


def _percentiles(draws: np.ndarray) -> np.ndarray:
    """2.5th and 97.5th percentiles of each column, NaN draws left out (np.nanpercentile
    alone loses the shape of an empty table)."""
    pick = np.nanpercentile if np.isnan(draws).any() else np.percentile
    return pick(draws, [2.5, 97.5], axis=0)


def _pattern_matrix(sets: list[list[str]], at: dict[str, int], width: int, *,
                    share: bool = False) -> sparse.csr_matrix:
    """Pattern × key: 1 where the pattern names the key (1/k of k keys with ``share``)."""
    rows = np.repeat(np.arange(len(sets)), [len(s) for s in sets])
    cols = np.array([at[k] for s in sets for k in s], dtype=np.int64)
    values = np.repeat([1 / max(len(s), 1) if share else 1.0 for s in sets],
                       [len(s) for s in sets])
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(sets), width))


def _index_rows(frame: pd.DataFrame, sets: list[list[str]], columns: list[str]
                ) -> sparse.csr_matrix:
    """Pattern × key: 1 where resolving the key turns the comment's polarity on the key's
    dimension neutral (it is polar there and the key is its only such factor there)."""
    at = {k: i for i, k in enumerate(columns)}
    rows, cols = [], []
    for p, (keys, dims) in enumerate(zip(sets, frame["dimensions"])):
        polar = set(dims.split("|")) if dims else set()
        by_dim: dict[str, list[str]] = {}
        for k in keys:
            by_dim.setdefault(k.split("/")[0], []).append(k)
        for dim, ks in by_dim.items():
            if dim in polar and len(ks) == 1:
                rows.append(p)
                cols.append(at[ks[0]])
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                             shape=(len(sets), len(columns)))


def _index_weights(dimension_comments: pd.Series, weights, columns) -> np.ndarray:
    """Per key: w_d / (Σ w · n_d) of its dimension d, so 50 · pairs turned · this is the
    rise of the index Σ w_d S_d / Σ w (S_d = 100 (pos + neu/2) / n_d)."""
    n = dimension_comments[dimension_comments.index != "overall"].astype(float)
    if weights is None:
        w = n / n.sum() if n.sum() else n
    else:
        w = pd.Series({d: float(weights.get(d, 0.0)) for d in n.index})
        w = w / w.sum() if w.sum() else w
    per_dim = (w / n.where(n > 0)).fillna(0.0)
    return np.array([float(per_dim.get(k.split("/")[0], 0.0)) for k in columns])


def _rating_gain(w: np.ndarray, frame: pd.DataFrame, only: sparse.csr_matrix, side: str
                 ) -> np.ndarray:
    """Σ over the comments naming f of the rating's move to the mean rating of comments
    naming no factor (raised for complaints, lowered for praise; ≥ 0), split by ``split``
    (1/k to each of the k factors a comment names)."""
    rating = frame["rating"].to_numpy(dtype=float)
    rated = rating != _NO_RATING
    clean = rated & (frame["factors"].to_numpy() == "")
    weight_clean = w[:, clean].sum(axis=1, keepdims=True)
    mean_clean = (w[:, clean] * rating[clean]).sum(axis=1, keepdims=True) / np.where(
        weight_clean > 0, weight_clean, np.nan)
    gap = (mean_clean - rating[None, :]) if side == "complaint" else (rating[None, :]
                                                                       - mean_clean)
    gap = np.where(rated[None, :], np.clip(np.nan_to_num(gap), 0, None), 0.0)
    total = w.sum(axis=1, keepdims=True)  # 0 for a draw of no comments (tiny dumps)
    rated_share = w[:, rated].sum(axis=1, keepdims=True) / np.where(total > 0, total, np.nan)
    return (w * gap) @ only / np.where(rated_share > 0, rated_share, np.nan)


# -- rating scales -----------------------------------------------------------------------
def low_rated(values) -> dict | None:
    """The comments a rating column's own scale calls complaints (:func:`rating_scale`'s
    ``complaint_max``): ``{"scale", "complaint_max", "share"}`` — the share of the rated
    comments at or below it —, None when no cell is a number. What the report and the
    terminal set beside the default complaint rate (newcomer10: 87.3 % "complaints" on
    restaurant reviews, 8.7 % rated 2 stars or lower).

    >>> low_rated([1, 5, 4, 5, 2, "x"])
    {'scale': '1–5', 'complaint_max': 2, 'share': 0.4}
    """
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
    if numbers.empty:
        return None
    scale = rating_scale(numbers)
    return {"scale": scale["scale"], "complaint_max": scale["complaint_max"],
            "share": float((numbers <= scale["complaint_max"]).mean())}


def rating_scale(values) -> dict:
    """The scale of a rating column: ``{"scale", "low", "high", "complaint_max"}``.

    Recognised: 0/1, 1–5 stars, 0–10 (NPS), 1–10, 0–100; otherwise the observed range.
    ``complaint_max`` is the rating at or below which a comment counts as a complaint
    (0/1: 0; 1–5: 2; 0–10 and 1–10: 6, NPS detractors; 0–100: 60; else the lower third).

    >>> rating_scale([1, 5, 3, 4])["scale"], rating_scale([0, 9, 10, 6])["complaint_max"]
    ('1–5', 6)
    """
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
    if numbers.empty:
        return {"scale": "none", "low": math.nan, "high": math.nan, "complaint_max": math.nan}
    low, high = float(numbers.min()), float(numbers.max())
    whole = bool((numbers == numbers.round()).all())
    known = [("0/1", 0, 1, 0), ("1–5", 1, 5, 2), ("0–5", 0, 5, 2), ("1–7", 1, 7, 3),
             ("1–10", 1, 10, 6),
             ("0–10", 0, 10, 6), ("0–100", 0, 100, 60)]
    for name, lo, hi, cut in known:
        if low >= lo and high <= hi and (whole or name == "0–100") and (
                high > hi / 2 or name == "0/1"):
            return {"scale": name, "low": lo, "high": hi, "complaint_max": cut}
    return {"scale": f"{low:g}–{high:g}", "low": low, "high": high,
            "complaint_max": low + (high - low) / 3}
