"""The report's answer to "what should we fix first?": top three fixes with evidence, the
drivers (complaints and praise), the IPA and the segments, rendered from the tables a
Result computed (``drivers``, ``ipa``, ``segments``) — nothing is recomputed here.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd

from manyi.analysis.segments import MAX_GROUPS, MIN_GROUP, largest_left_out, worst
from manyi.report import svg


def table_of(result, name: str):
    """``result.<name>`` when present (a property that fails counts as absent)."""
    try:
        return getattr(result, name, None)
    except Exception:  # an optional table that cannot be computed on this input
        return None


def side_rows(drivers: pd.DataFrame | None, side: str, level: str = "factor") -> pd.DataFrame:
    """The rows of one side and level of a drivers table, in its (impact) order."""
    if drivers is None or not isinstance(drivers, pd.DataFrame) or drivers.empty \
            or "side" not in drivers:
        return pd.DataFrame()
    return drivers[(drivers["side"] == side) & (drivers["level"] == level)].reset_index(
        drop=True)


GROUPED = {"term": "单个词", "contains": "含同一词", "characters": "用字相近",
           "said": "按所说问题拆分"}
THEME_FIELDS = ("theme", "complaints", "share", "terms", "grouped_by", "evidence",
                "evidence_id")


def driver_themes(result) -> pd.DataFrame | None:
    """The themes of the result's complaint drivers (:mod:`manyi.analysis.themes`), computed
    once: from the counts a streamed run or a folder read block by block kept, else from
    its comments and mentions with the drivers' complaint rule; None without drivers."""
    from manyi.analysis.themes import TermSets, theme_table

    kept = getattr(result, "__dict__", {}).get("driver_themes")
    if kept is not None:
        return kept
    drivers = table_of(result, "drivers")
    if not isinstance(drivers, pd.DataFrame):
        return None
    terms = getattr(getattr(result, "counts", None), "terms", None)
    if terms is None:
        mentions = getattr(result, "mentions", None)
        if not isinstance(mentions, pd.DataFrame) or "term" not in mentions:
            return None
        rule = getattr(result, "complaint_rule", None)  # a Result's (None: the default)
        terms = TermSets.of(result.comments, mentions, complaint=rule and rule())
    table = theme_table(terms, drivers)
    result.__dict__["driver_themes"] = table
    return table


def fix_themes(result, dimension: str, factor: str, n: int = 5,
               level: str = "factor") -> list[dict]:
    """The first ``n`` themes of one driver, as dicts of :data:`THEME_FIELDS`."""
    from manyi.analysis.themes import top_themes

    rows = top_themes(driver_themes(result), dimension, factor, n, level)
    return [{k: (int(v) if k == "complaints" else float(v) if k == "share" else str(v))
             for k, v in zip(THEME_FIELDS, values)}
            for values in rows[list(THEME_FIELDS)].itertuples(index=False)]


def fix_rows(result, n: int = 3) -> pd.DataFrame:
    """The drivers' rows of the ``n`` complaint factors of largest impact."""
    rows = side_rows(table_of(result, "drivers"), "complaint")
    return rows[rows["impact"] > 0].head(n) if not rows.empty else rows


def top_fixes(result, n: int = 3, per_fix: int = 2) -> list[dict]:
    """The ``n`` complaint factors of largest impact, each with its figures and
    ``per_fix`` evidence comments (highlight spans = the complaint words)."""
    rows = fix_rows(result, n)
    return [{"dimension": r.dimension, "factor": r.factor, "label": r.label,
             "impact": r.impact, "impact_low": r.impact_low, "impact_high": r.impact_high,
             "impact_alone": r.impact_alone, "side_share": r.side_share,
             "base_rate": r.base_rate,
             "comments_naming": int(r.comments_naming), "side_naming": int(r.side_naming),
             "resolved": int(r.resolved),
             "q_value": r.q_value, "significant": bool(r.significant),
             "evidence": fix_evidence(result, r.dimension, r.factor, per_fix),
             "themes": fix_themes(result, r.dimension, r.factor)}
            for r in rows.itertuples()]


def fix_evidence(result, dimension: str, factor: str, n: int = 2, side: str = "complaint",
                 max_chars: int = 200) -> list[dict]:
    """Comments that name the factor with ``side``'s polarity — complaints (praise) first,
    then those where it is the only factor so named, readable length, strongest — with the
    spans of those mentions and their opinion words (those a folder's Result read block by
    block, ``result.quotes``, when it has them: picked once with the default ``n``, ``side``
    and ``max_chars``, which other values do not change)."""
    from manyi.report.quotes import fix_candidates, pick_fix

    quotes = getattr(result, "quotes", None)
    if quotes is not None and ("fix", dimension, factor) in quotes:
        return quotes[("fix", dimension, factor)]
    return pick_fix(fix_candidates(result.comments, result.mentions, dimension, factor, side,
                                   max_chars), n, side, max_chars)


def _pp(value) -> str:
    """A rate difference in percentage points: 0.0123 → 1.2 个百分点."""
    return "–" if value is None or pd.isna(value) else f"{value * 100:.1f} 个百分点"


def top_fixes_section(fixes: list[dict], highlight) -> str:
    """The report's lead: the top fixes, each with impact, interval and evidence."""
    if not fixes:
        return '<p class="note">没有找到被负面提及的因素。</p>'
    parts = []
    for i, fix in enumerate(fixes, start=1):
        quotes = "".join(
            f'<div class="comment negative">{highlight(e["text"], e["spans"])}'
            f'<div class="meta">评论 {escape(e["comment_id"])}</div></div>'
            for e in fix["evidence"])
        sure = "显著" if fix["significant"] else "不显著（区间含 0 或 q ≥ 0.05）"
        parts.append(
            f'<div class="fix"><h3>{i}. {escape(str(fix["label"]))}</h3><p>归因于它的投诉率 '
            f'<b>{_pp(fix["impact"])}</b>（95% 区间 {_pp(fix["impact_low"])} – '
            f'{_pp(fix["impact_high"])}，{sure}）；{fix["comments_naming"]} 条评论负面提及它，'
            f'{_complaints_among(fix)}；其中 {fix["resolved"]} 条'
            f'投诉只抱怨它（只解决它就不再是投诉：{_pp(fix["impact_alone"])}）。</p>'
            f'{themes_block(fix.get("themes") or [])}{quotes}</div>')
    return "".join(parts)


def _complaints_among(fix: dict) -> str:
    """How many complaints name the fix, as a share of all: the same figure when every
    comment naming it is a complaint (the default rule), said apart under a rating rule (60
    comments name it, 23 of them complaints, 88.5 % of the 26)."""
    share = svg._pct(fix["side_share"])
    if fix["side_naming"] == fix["comments_naming"]:
        return f"占全部投诉的 {share}"
    return f'其中 {fix["side_naming"]} 条是投诉，占全部投诉的 {share}'


def themes_block(themes: list[dict]) -> str:
    """A fix's themes: what its complaints name, each with its share and a clause."""
    if not themes:
        return ""
    rows = "".join(
        f'<tr><td>{escape(t["theme"])}</td><td class="num">{t["complaints"]:,}</td>'
        f'<td class="num">{svg._pct(t["share"])}</td><td>{escape(t["terms"])}</td>'
        f'<td>{GROUPED.get(t["grouped_by"], escape(t["grouped_by"]))}</td>'
        f'<td>{escape(t["evidence"])}</td></tr>' for t in themes)
    return ('<table class="themes"><thead><tr><th>具体问题（主题）</th><th>投诉数</th>'
            '<th>占它的投诉</th><th>包含的词（投诉数）</th><th>归组方式</th><th>例句</th>'
            f'</tr></thead><tbody>{rows}</tbody></table>')


def themes_line(themes: list[dict], n: int = 3) -> str:
    """``屏幕 24% · 电池 21% · 功能 12%``: a driver's first ``n`` themes, in the themes' order
    (:func:`manyi.analysis.themes.theme_table`: those that say what is wrong first)."""
    return " · ".join(f'{t["theme"]} {svg._pct(t["share"])}' for t in themes[:n])


def themes_section(result, drivers: pd.DataFrame, html_table, n: int = 10) -> str:
    """The first themes of the first ``n`` complaint factors and of every complaint
    dimension (where the words of one thing filed under several factors come together)."""
    from manyi.analysis import themes

    out = []
    for level, title in (("factor", "各因素投诉的具体问题"),
                         ("dimension", "各维度投诉的具体问题（跨因素合并同类词）")):
        rows = side_rows(drivers, "complaint", level).head(n)
        cells = []
        for r in rows.itertuples():
            found = fix_themes(result, r.dimension, r.factor, themes.MAX_THEMES, level)
            if found:
                cells.append([(escape(str(r.label)), None),
                              (f"{int(r.side_naming):,}", r.side_naming),
                              (escape(themes_line(found, 5)), None)])
        if cells:
            out.append(f"<h3>{title}</h3>" + html_table(
                cells, [("因素" if level == "factor" else "维度", False), ("投诉数", True),
                        ("主题（占它的投诉）", False)]))
    return "".join(out)


def drivers_section(drivers: pd.DataFrame, html_table, pct, num) -> str:
    """Complaint drivers (what to fix) and praise (what to keep), factor rows."""
    out = []
    for side, title in (("complaint", "投诉驱动因素（按影响排序）"),
                        ("praise", "好评来源（应保持）")):
        rows = side_rows(drivers, side).head(15)
        if rows.empty:
            continue
        cells = [[(escape(str(r.label)), None),
                  (f"{int(r.comments_naming):,}", r.comments_naming),
                  (pct(r.side_share), r.side_share),
                  (f"{pct(r.impact, 2)} [{pct(r.impact_low, 2)}, {pct(r.impact_high, 2)}]",
                   r.impact), (pct(r.impact_alone, 2), r.impact_alone),
                  (num(r.index_impact, 2), r.index_impact), (num(r.q_value, 4), r.q_value),
                  ("是" if r.significant else "", None)] for r in rows.itertuples()]
        word = SIDE_WORDS[side]
        headers = [("因素", False), (f"{'负面' if side == 'complaint' else '正面'}提及评论", True),
                   (f"占全部{word}", True), ("影响 [95% 区间]", True), ("只因它", True),
                   ("指数影响", True), ("q 值", True), ("显著", False)]
        out.append(f"<h3>{title}</h3>" + f'<div class="chart">{svg.impact_bars(rows)}</div>'
                   + html_table(cells, headers))
    return "".join(out)


def ipa_frame(result) -> pd.DataFrame:
    """``result.ipa`` in the report's shape (importance, performance with intervals, cut-lines,
    quadrant label); empty when the Result has none."""
    ipa = table_of(result, "ipa")
    if not isinstance(ipa, pd.DataFrame) or ipa.empty:
        return pd.DataFrame(columns=["dimension", "label", "comments", "importance",
                                     "importance_low", "importance_high", "performance",
                                     "performance_low", "performance_high", "quadrant",
                                     "importance_kind", "importance_cut", "performance_cut",
                                     "small"])
    frame = pd.DataFrame({
        "dimension": ipa["dimension"], "label": ipa["label"], "comments": ipa["comments"],
        "importance": ipa["importance"], "importance_low": ipa.get("importance_low", np.nan),
        "importance_high": ipa.get("importance_high", np.nan),
        "performance": ipa["satisfaction"],
        "performance_low": ipa.get("satisfaction_low", ipa["satisfaction"]),
        "performance_high": ipa.get("satisfaction_high", ipa["satisfaction"]),
        "quadrant": ipa["quadrant_label"],
        "importance_kind": ipa.get("importance_kind", "given"),
        "importance_cut": ipa.get("importance_cut", ipa["importance"].mean()),
        "performance_cut": ipa.get("satisfaction_cut", ipa["satisfaction"].mean()),
        "small": ipa.get("small", False)})
    return frame.reset_index(drop=True)


PERIOD = "时段（时间列）"  # the group column of the trend's periods (month, week …)
SIDE_WORDS = {"complaint": "投诉", "praise": "好评"}
DIRECTION_WORDS = {"worse": "更差", "better": "更好"}


def column_name(column) -> str:
    """A group column as the report names it: ``period`` is the time column's period."""
    return PERIOD if str(column) == "period" else str(column)


def segments_section(found: dict | None, html_table, pct, num) -> str | None:
    """Which group is worst at what: significant 'worse' differences, then the index per
    group; None when there are no segments."""
    if not found or found.get("index") is None or found["index"].empty:
        return None
    diffs = found["differences"]
    bad = worst(diffs, 8)
    parts = []
    if len(bad):
        cells = [[(escape(column_name(r.column)), None), (escape(str(r.group)), None),
                  (escape(str(r.label)), None), (pct(r.group_share), r.group_share),
                  (pct(r.rest_share), r.rest_share), (num(r.q_value, 4), r.q_value)]
                 for r in bad.itertuples()]
        parts.append(html_table(cells, [("分组列", False), ("组", False), ("维度", False),
                                        ("本组负面评价该维度的评论占比（占本组全部评论）", True),
                                        ("其余组的该占比", True),
                                        ("q 值", True)]))
    else:
        parts.append('<p class="note">没有哪个组在某一维度上显著差于其余组（BH q < 0.05）。</p>')
    index = found["index"]
    cells = [[(escape(column_name(r.column)), None), (escape(str(r.group)), None),
              (f"{int(r.comments):,}", r.comments),
              (f"{num(r.index)} [{num(r.index_low)}, {num(r.index_high)}]", r.index),
              (pct(r.complaint_rate), r.complaint_rate),
              (f"{num(r.complaint_q_value, 4)}（{DIRECTION_WORDS[r.complaint_direction]}）",
               r.complaint_q_value)] for r in index.itertuples()]
    parts.append("<h3>各组满意度指数</h3>" + html_table(
        cells, [("分组列", False), ("组", False), ("评论数", True),
                ("满意度指数 [95% 区间]", True), ("投诉率", True),
                ("投诉率与其余组之差的 q 值（本组更差/更好）", True)])
        + '<p class="note">区间重叠的两组，指数之差可能只是抽样波动；投诉率之差则直接检验'
          '（Fisher 精确检验，BH 校正，q < 0.05 为显著）。</p>')
    if (left := found.get("left_out")) is not None and len(left):
        parts.append(f'<p class="note">{escape(left_out_text(left))}</p>')
    return "".join(parts)


def left_out_text(left: pd.DataFrame, most: int = 8) -> str:
    """The groups not compared, largest first, as the report names them (segments' left_out).

    >>> left_out_text(pd.DataFrame({"column": ["门店"], "group": ["陆家嘴店"], "comments": [15]}))
    '未比较的分组（评论少于 20 条，或不在该列最大的 30 组内）：门店 陆家嘴店 15 条'
    """
    rows, total = largest_left_out(left, most)
    shown = "、".join(f"{column_name(r.column)} {r.group} {int(r.comments):,} 条"
                     for r in rows.itertuples())
    more = f" 等，共 {total:,} 组" if total > len(rows) else ""
    return (f"未比较的分组（评论少于 {MIN_GROUP} 条，或不在该列最大的 {MAX_GROUPS} 组内）："
            f"{shown}{more}")
