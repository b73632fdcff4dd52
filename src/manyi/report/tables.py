"""The figures a report shows, read defensively from a Result: optional tables (None when
absent or not computable on this dump), the headline, the IPA and trend tables.

>>> from manyi.report.render import _demo_result
>>> headline(_demo_result())["sentiment"]
{'positive': 0.5, 'neutral': 0.0, 'negative': 0.5}
"""

from __future__ import annotations

import pandas as pd

from manyi.analysis.index import group_index, index_value, satisfaction_score
from manyi.analysis.rows import ANALYSABLE_FLAGS, analysable
from manyi.report import fix, svg
from manyi.report.notes import computed

POLARITY_LABELS = {"positive": "正面", "neutral": "中性", "negative": "负面"}


# -- reading a Result defensively ------------------------------------------------------------
def optional_table(result, name: str) -> pd.DataFrame | None:
    """``result.<name>`` when it is a non-empty DataFrame, else None."""
    value = computed(result, name)  # None where this dump is too small for it
    return value if isinstance(value, pd.DataFrame) and not value.empty else None


def complaint_graph(result):
    """The complaint co-occurrence graph (``result.graph`` or its ``"complaints"`` entry)."""
    graph = computed(result, "graph")
    if isinstance(graph, dict):
        graph = next((graph[k] for k in ("complaints", "all") if graph.get(k) is not None
                      and len(graph[k])), None)
    return graph if graph is not None and hasattr(graph, "nodes") and len(graph) else None


def overall_index(result) -> float | None:
    """The overall satisfaction index: the ``index`` row of ``result.index`` (see index.py)."""
    table = optional_table(result, "index")
    return None if table is None or "dimension" not in table else index_value(table)


def headline(result) -> dict:
    """Counts, sentiment shares and the satisfaction index of the whole dump (the index row
    of ``result.index``, with the weighting it names)."""
    comments = result.comments
    ok = analysable(comments)
    shares = ok["sentiment"].value_counts(normalize=True) if len(ok) else pd.Series(dtype=float)
    share = {p: float(shares.get(p, 0.0)) for p in POLARITY_LABELS}
    value = overall_index(result)
    table = optional_table(result, "index")
    weighting = str(table["weighting"].iloc[0]) if value is not None and \
        "weighting" in table else None
    flags = comments["flag"].fillna("").value_counts()
    return {"comments": len(comments), "analysed": len(ok),
            "flagged": {str(k): int(v) for k, v in flags.items() if k not in ANALYSABLE_FLAGS},
            "sentiment": share,
            "satisfaction_index": value if value is not None else satisfaction_score(
                share["positive"], share["neutral"], share["negative"]),
            "index_source": "index" if value is not None else "comments",
            "weighting": weighting}


def ipa_table(result) -> pd.DataFrame:
    """The importance–performance table ``result.ipa`` computed (see manyi.analysis.ipa), in the
    report's shape; empty when there is none."""
    return fix.ipa_frame(result)


def complaint_rule_text(meta: dict) -> str:
    """What the report counts as a complaint: the default rule, or the rating rule of
    ``--complaint-max-rating`` (meta ``complaint_max_rating``, ``rating_col``).

    >>> complaint_rule_text({"complaint_max_rating": 2, "rating_col": "星级"})
    '投诉 = 星级 ≤ 2 的评论（--complaint-max-rating 2）。'
    """
    most = meta.get("complaint_max_rating")
    if most is not None:
        return f"投诉 = {meta['rating_col']} ≤ {most:g} 的评论（--complaint-max-rating {most:g}）。"
    return ("投诉（默认）= 整体情感为负面、或对任一因素的提及总体为负面的评论"
            "（故投诉率不低于总览中按整条评论计的负面占比）。")


def _analysed_ratings(result, *also: str) -> pd.DataFrame | None:
    """The analysed comments' rating cells (``rating``) and their columns ``also``, read in
    one pass over those columns only (None without a rating column)."""
    column = result.meta.get("rating_col")
    if not column or column not in result.comments:
        return None
    flag = ["flag"] if "flag" in result.comments else []
    kept = analysable(result.comments[list(dict.fromkeys([*flag, column, *also]))])
    return pd.DataFrame({"rating": kept[column], **{name: kept[name] for name in also}})


def low_rated_of(result) -> dict | None:
    """Beside the default complaint rate, what the rating column calls complaints
    (:func:`manyi.analysis.impact.low_rated` of the analysed comments; newcomer10: "投诉率
    87.3%" on restaurant reviews of which 8.7 % were rated 2 stars or lower); None under a
    rating rule or without a rating column."""
    from manyi.analysis.impact import low_rated

    ratings = _analysed_ratings(result)
    if result.meta.get("complaint_max_rating") is not None or ratings is None:
        return None
    return low_rated(ratings["rating"])


def rating_sentiment(result) -> pd.DataFrame | None:
    """Per rating value of a short scale (1–5 stars …), the analysed comments and their
    sentiment shares: where the comment model and the customers' own stars disagree
    (newcomer10: 10 of 26 restaurant reviews rated 1–2 stars read positive). None without a
    rating column or on a long scale (0–100)."""
    from manyi.analysis.impact import rating_scale

    rated = _analysed_ratings(result, "sentiment")
    if rated is None:
        return None
    rated = rated.assign(rating=pd.to_numeric(rated["rating"], errors="coerce")).dropna()
    if rated.empty or rating_scale(rated["rating"])["high"] > 10 \
            or rated["rating"].nunique() > 11:
        return None
    shares = pd.crosstab(rated["rating"], rated["sentiment"], normalize="index")
    table = pd.DataFrame({"rating": shares.index.to_numpy(),
                          "comments": rated["rating"].value_counts().reindex(shares.index)
                          .to_numpy()})
    for polarity in POLARITY_LABELS:
        table[polarity] = shares[polarity].to_numpy() if polarity in shares else 0.0
    return table


def low_rated_text(result) -> str:
    """:func:`low_rated_of` as the report's complaint note says it ("" when None)."""
    low = low_rated_of(result)
    column = result.meta.get("rating_col")
    if low is None:
        return ""
    cut = f"{low['complaint_max']:g}"
    return (f"评分列 {column}（{low['scale']}）中 ≤ {cut} 的评论占 {svg._pct(low['share'])}："
            f"按评分计投诉用 --complaint-max-rating {cut}。")


def trend_table(result) -> pd.DataFrame | None:
    """Per period of ``result.trends``: its ``comments``, the (comment, dimension) pairs
    judged (``judgements``: a comment counts once for each dimension it judges), their
    positive and negative shares, and the period's satisfaction index: its dimensions'
    satisfaction with the weights of ``result.index`` (set once on all comments, as the
    segments' rows per period have them). None with fewer than two periods."""
    trends = optional_table(result, "trends")
    if trends is None or "period" not in trends:
        return None
    frame = trends[trends["comments"] > 0]
    by = frame.assign(
        pos=frame["positive"] * frame["comments"], neu=frame["neutral"] * frame["comments"],
        neg=frame["negative"] * frame["comments"]).groupby("period", sort=True)
    grouped = by[["comments", "pos", "neu", "neg"]].sum()
    table = pd.DataFrame({"period": grouped.index.astype(str),
                          "comments": by["group_comments"].first().astype(int).to_numpy(),
                          "judgements": grouped["comments"].astype(int).to_numpy()})
    for polarity, column in (("positive", "pos"), ("neutral", "neu"), ("negative", "neg")):
        table[polarity] = (grouped[column] / grouped["comments"]).to_numpy()
    index = optional_table(result, "index")
    weights = {} if index is None else \
        index[index["dimension"] != "index"].set_index("dimension")["weight"]
    found = group_index(frame, weights, ["period"])
    table["satisfaction"] = found["satisfaction"].to_numpy()
    table.attrs["freq"] = result.meta.get("freq") or "M"
    return table if len(table) >= 2 else None


def step_bar(total: int, desc: str, progress: bool | None):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="step", disable=None if progress is None
                else not progress, leave=False)
