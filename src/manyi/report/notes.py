"""What a report could not compute, and why: small dumps (1–20 comments), one dimension, no
variance, no rating or time column, every comment flagged.

Each part of the report that needs more data than the dump has is left out with a reason,
in Chinese for the report and in English for the terminal, never an error.

>>> from types import SimpleNamespace
>>> empty = pd.DataFrame({"flag": ["empty"], "sentiment": [None], "comment_id": ["1"]})
>>> notes = not_computed(SimpleNamespace(comments=empty, meta={}, mentions=pd.DataFrame(),
...                                      dimensions=pd.DataFrame({"comments": [0]})))
>>> notes["analysis"].english
'no comment could be analysed (flags: empty 1)'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from manyi.analysis.drivers import MIN_COMMENTS as MIN_FACTOR_COMMENTS
from manyi.errors import ManyiError

# A part of the report that fails on a degenerate dump (no comment, no variance) is left out;
# index.py's entropy weights divide by the number of dimensions, zero when none has comments.
SKIPPED = (ManyiError, ArithmeticError, ValueError)
MIN_DIMENSION_COMMENTS = 10  # index.ipa_table's min_mentions


@dataclass(frozen=True)
class Note:
    """One part of the report left out: its Chinese title, and the reason in both languages."""

    part: str
    chinese: str
    english: str


def computed(result, name: str):
    """``result.<name>``, or None when it cannot be computed on this dump (a ManyiError)."""
    try:
        return getattr(result, name, None)
    except SKIPPED:
        return None


def _failure(result, name: str) -> str | None:
    try:
        getattr(result, name, None)
    except SKIPPED as exc:
        return str(exc) if isinstance(exc, ManyiError) else "too few comments with a dimension"
    return None


def not_computed(result) -> dict[str, Note]:
    """Part → :class:`Note` for each part of the report this dump cannot give."""
    comments = result.comments
    # the rows analysed, with the columns read below only (not a copy of every column)
    read = [c for c in dict.fromkeys(("flag", "sentiment", result.meta.get("time_col")))
            if c is not None and c in comments]
    ok = comments.loc[comments["flag"].fillna("").isin(
        ("", "partly_undecodable", "duplicate_id")).to_numpy(), read]
    notes: dict[str, Note] = {}

    def add(part, chinese, english):
        notes[part] = Note(part, chinese, english)

    if ok.empty:
        flags = comments["flag"].fillna("").value_counts()
        listed = ", ".join(f"{k} {v}" for k, v in flags.items() if k)
        add("analysis", f"没有可分析的评论（标记：{listed}）",
            f"no comment could be analysed (flags: {listed})")
        return notes
    dims = result.dimensions
    dims = dims[(dims["comments"] > 0) & (dims.get("dimension", "") != "overall")] \
        if "dimension" in dims else dims.iloc[:0]
    if dims.empty:
        add("dimensions", "没有评论提到任何维度，满意度指数按整体情感计算",
            "no comment names a dimension: the index is the overall sentiment's")
    if (reason := _failure(result, "index")) is not None:
        add("index", f"满意度指数未计算：{reason}", f"index not computed: {reason}")
    if (reason := _failure(result, "ipa")) is not None:
        add("ipa", f"重要性-表现分析未计算：{reason}", f"IPA not computed: {reason}")
    elif (ipa := computed(result, "ipa")) is None or len(ipa) < 2:
        add("ipa", f"重要性-表现分析未计算：少于两个维度各有 {MIN_DIMENSION_COMMENTS} 条以上评论",
            f"IPA not computed: fewer than two dimensions with {MIN_DIMENSION_COMMENTS}+ "
            "comments")
    drivers = computed(result, "drivers")
    negative = int((ok["sentiment"] == "negative").sum())
    if drivers is None or not len(drivers):
        add("drivers", f"投诉驱动因素未计算：没有因素被 {MIN_FACTOR_COMMENTS} 条以上评论提到",
            f"complaint drivers not computed: no factor is named by {MIN_FACTOR_COMMENTS}+ "
            "comments")
    elif negative == 0:
        add("drivers", "投诉驱动因素未计算：没有负面评论", "complaint drivers: no complaint")
    elif len(ok) < 20:
        add("drivers", f"投诉驱动因素仅供参考：只有 {len(ok)} 条可分析评论，检验无显著性",
            f"complaint drivers are indicative only: {len(ok)} comments give no significance")
    time_col = result.meta.get("time_col")
    if not time_col:
        add("trend", "趋势未计算：没有时间列（用 --time-col 指定）",
            "trend not computed: no time column (name it with --time-col)")
    else:
        # each distinct cell parsed once (millions of cells, a few hundred dates)
        stamps = pd.to_datetime(ok[time_col].drop_duplicates(), errors="coerce",
                                format="mixed") \
            if time_col in ok else pd.Series(dtype="datetime64[ns]")
        if stamps.notna().sum() == 0:
            add("trend", f"趋势未计算：时间列 {time_col} 没有可读的日期",
                f"trend not computed: no readable date in {time_col}")
        elif stamps.dropna().dt.to_period("D").nunique() < 2:
            add("trend", "趋势未计算：所有评论在同一时段", "trend not computed: one period only")
    if not result.meta.get("rating_col"):
        add("rating", "没有评分列：不计算关键驱动（评分回归）；IPA 的重要性用投诉影响",
            "no rating column: no key drivers (a regression on the rating); the IPA's "
            "importance is the complaint impact")
    return notes


def not_computed_lines(result) -> list[str]:
    """The English notes, one line each, for the terminal."""
    return [f"note: {note.english}" for note in not_computed(result).values()]
