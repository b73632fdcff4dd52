"""The Excel workbook an analyst keeps working in: numbers as numbers, dates as dates, ids as
text, Chinese column headers (the English key in each header cell's comment), streamed with
openpyxl's write-only mode (the rows of a long sheet rendered by
``manyi.report.sheet_rows``).

A dump's own columns arrive as text (a CSV is read as text so that ids keep their zeros);
each is typed here by its content: a column whose every non-empty cell is a number becomes
numbers (not one with leading zeros or over 15 digits: that is an id, an order or phone
number), one whose every cell is a date becomes dates, an id column stays text.

>>> column_kind(pd.Series(["5", "4", None]), "评分")
'number'
>>> column_kind(pd.Series(["2026-01-01 13:42:06", "2026-01-02"]), "评论时间")
'date'
>>> column_kind(pd.Series(["007", "12"]), "编号"), column_kind(pd.Series(["1", "2"]), "评论ID")
('text', 'text')
>>> header_label("complaint_rate"), header_label("评分"), SHEETS["drivers"]
('投诉率', '评分', '驱动因素')
"""

from __future__ import annotations

import math
import re
from datetime import datetime

import numpy as np
import pandas as pd

from manyi.io.write import FORMULA_START
from manyi.report import sheet_rows
from manyi.report.sheet_rows import parse_dates as _dates

HEADERS = {
    "comment_id": "评论ID", "text": "文本（规范化）", "flag": "标记", "sentiment": "情感",
    "sentiment_score": "情感得分", "p_positive": "正面概率", "p_neutral": "中性概率",
    "p_negative": "负面概率", "dimensions": "提及维度", "n_mentions": "提及次数",
    "row": "行号", "clause_id": "分句号", "clause": "分句", "dimension": "维度键",
    "factor": "因素键", "term": "因素词", "opinion": "观点词", "negated": "否定",
    "degree": "程度", "implicit": "隐含", "polarity": "极性", "score": "得分",
    "start": "起始位置", "end": "结束位置", "label": "名称", "comments": "评论数",
    "share": "占比", "positive": "正面", "neutral": "中性", "negative": "负面",
    "net_sentiment": "净情感", "satisfaction": "满意度", "complaints": "投诉数",
    "complaint_rate": "投诉率", "base_rate": "基准投诉率", "lift": "提升度",
    "odds_ratio": "优势比", "ci_low": "95%CI下限", "ci_high": "95%CI上限", "p_value": "p值",
    "q_value": "q值", "significant": "显著", "complaint_share": "投诉占比",
    "comments_naming": "提及评论数（投诉行负面/好评行正面）", "side_naming": "其中投诉/好评数",
    "side_share": "占全部投诉/好评",
    "excess_complaints": "超额投诉", "weight": "权重", "contribution": "贡献",
    "importance": "重要性", "performance": "表现", "quadrant": "象限",
    "quadrant_label": "象限（中文）", "source": "来源", "period": "时段",
    "complaint_incidence": "投诉发生率", "group_comments": "组内评论数", "topic": "主题",
    "size": "评论数", "top_terms": "关键词", "weights": "词权重",
    "negative_share": "负面占比", "example_1": "例句1", "example_2": "例句2",
    "example_3": "例句3", "rank": "排名", "topic_probability": "主题概率", "item": "项目键",
    "value": "值", "item_label": "项目", "alert": "预警", "change": "变化",
    "previous_period": "对比时段", "previous_rate": "对比时段的值", "rate": "本时段的值",
    "previous_complaints": "对比时段投诉数", "previous_total": "对比时段评论数", "total": "评论数",
    "measure": "指标", "crosses": "区间跨过分界线的轴", "level": "层级", "side": "侧（投诉/好评）",
    "coef": "系数", "std_coef": "标准化系数", "relative_weight": "相对权重", "r2": "R²",
    "adj_r2": "调整R²", "n": "样本数", "target": "目标", "polar_comments": "有极性评论数",
    "mentions": "提及次数", "degree_centrality": "度中心性",
    "driver_rank": "因素排名", "theme_rank": "主题排名", "theme": "主题（具体问题）",
    "terms": "包含的词（投诉数）", "grouped_by": "归组方式", "evidence": "例句",
    "evidence_id": "例句评论ID",
    "impact": "投诉率可降（按份分摊）", "impact_low": "可降下限", "impact_high": "可降上限",
    "resolved": "只投诉此项的评论数", "impact_alone": "只解决此项可降",
    "alone_low": "只解决此项可降下限", "alone_high": "只解决此项可降上限",
    "index_impact": "满意度指数可升", "index_low": "指数下限", "index_high": "指数上限",
    "rating_impact": "平均评分可升", "rating_low": "评分可升下限", "rating_high": "评分可升上限",
    "mentioned": "提及评论数", "or_low": "优势比下限", "or_high": "优势比上限",
    "mention_p_value": "提及检验p值", "importance_low": "重要性下限",
    "importance_high": "重要性上限", "performance_low": "表现下限", "performance_high": "表现上限",
    "importance_kind": "重要性的算法", "importance_cut": "重要性分界线",
    "performance_cut": "表现分界线", "small": "样本过少", "column": "分组列", "group": "组",
    "index": "满意度指数", "weighting": "加权方式", "group_negative": "组内负面评论数",
    "group_share": "组内负面占比", "rest_comments": "其余评论数", "rest_negative": "其余负面评论数",
    "rest_share": "其余负面占比", "difference": "差值（组内−其余）", "direction": "方向",
    "filed_by": "归类依据", "complaint_p_value": "投诉率之差p值",
    "complaint_q_value": "投诉率之差q值", "complaint_direction": "投诉率比其余组",
    "pooled": "合并检验", "dimension_label": "维度名称",
}
SUMMARY_LABELS = {
    "comments": "评论总数", "analysed": "可分析评论", "positive_share": "正面占比（%）",
    "neutral_share": "中性占比（%）", "negative_share": "负面占比（%）",
    "satisfaction_index": "满意度指数 (0–100)", "source": "数据文件", "text_col": "文本列",
    "rating_col": "评分列", "time_col": "时间列", "group_cols": "分组列", "domain": "行业词典",
    "index_weighting": "指数加权方式", "complaint_rule": "投诉的计法",
}
# each sheet's tab: the table's name in Chinese (the CSV file keeps the English name)
SHEETS = {"summary": "概要", "dimensions": "维度", "drivers": "驱动因素",
          "driver_themes": "驱动因素的具体问题", "topics": "话题", "ipa": "IPA", "trends": "趋势",
          "alerts": "预警", "segments_index": "分组满意度", "segments_differences": "分组差异",
          "segments_drivers": "分组驱动因素", "segments_alerts": "分组预警",
          "segments_left_out": "未比较的分组", "comments": "评论",
          "mentions": "提及"}
# the summary's keys made of a prefix and a name: flagged_empty, not_computed_ipa, sheet_x_rows
SUMMARY_PREFIXES = {"flagged_": "已标记未分析：", "not_computed_": "未计算：", "sheet_": "工作表 "}
FLAG_LABELS = {"empty": "空白", "not_text": "非文字", "undecodable": "无法解码",
               "partly_undecodable": "部分无法解码", "placeholder": "无意见占位语",
               "duplicate_id": "重复编号", "partly_analysed": "超长仅部分分析"}
PART_LABELS = {"analysis": "分析", "dimensions": "维度", "index": "满意度指数", "ipa": "IPA",
               "drivers": "驱动因素", "trend": "趋势", "rating": "评分"}


def summary_label(key: str) -> str:
    """The Chinese name of a summary row's key: ``flagged_empty`` → 已标记未分析：空白."""
    if key in SUMMARY_LABELS:
        return SUMMARY_LABELS[key]
    for prefix, name in SUMMARY_PREFIXES.items():
        if key.startswith(prefix):
            rest = key[len(prefix):]
            if prefix == "sheet_":
                sheet = rest.removesuffix("_rows")
                return f"{name}{SHEETS.get(sheet, sheet)} 的行数"
            return name + {**FLAG_LABELS, **PART_LABELS}.get(rest, rest)
    return key
PERCENT_COLUMNS = {"share", "positive", "neutral", "negative", "net_sentiment", "complaint_rate",
                   "base_rate", "complaint_share", "side_share",
                   "negative_share", "p_positive", "p_neutral",
                   "p_negative", "importance", "rate", "previous_rate", "complaint_incidence",
                   "group_share", "rest_share", "difference", "change", "impact", "impact_low",
                   "impact_high", "impact_alone", "alone_low", "alone_high"}
DECIMAL_COLUMNS = {"complaint_p_value": "0.0000", "complaint_q_value": "0.0000",
                   "odds_ratio": "0.00", "ci_low": "0.00", "ci_high": "0.00", "lift": "0.00",
                   "p_value": "0.0000", "q_value": "0.0000", "sentiment_score": "0.000",
                   "score": "0.000", "satisfaction": "0.0", "performance": "0.0",
                   "excess_complaints": "0.0", "degree": "0.00"}
ID_NAME = re.compile(r"(^|_)id$|^id_|编号|单号|工单|订单号|ID$|^ID", re.IGNORECASE)
DATE_START = re.compile(r"^\s*\d{4}([-/.年])\d{1,2}")
EXCEL_MAX_ROWS = 1_048_575
FIRST_FILLED = 50  # the filled cells early_kind and whole_kind read in order
HEAD_ROWS = 300  # the rows written through openpyxl and measured for widths
MAX_NUMBER_DIGITS = 15  # Excel keeps 15 significant digits: longer numbers are ids


def header_label(column: str) -> str:
    """The Chinese header of a column: manyi's own by name, the user's own unchanged."""
    return HEADERS.get(column, column)


def column_kind(values: pd.Series, name: str, id_cols: frozenset[str] = frozenset()) -> str:
    """``number``, ``date``, ``text`` or ``native`` (already typed) for one column."""
    kind = early_kind(values, name, id_cols)
    return kind if kind is not None else whole_kind(values)


def early_kind(values: pd.Series, name: str, id_cols: frozenset[str] = frozenset()
               ) -> str | None:
    """The kind when the name, the dtype or the first 50 filled cells decide it, else None
    (:func:`whole_kind` decides from every cell)."""
    if name in id_cols or ID_NAME.search(name) or name == "period":
        return "text"  # (a period, 2026-05, is no day: newcomer10 read 2026-05-01)
    if values.dtype.kind in "biuf":
        return "native"
    if values.dtype.kind == "M":
        return "date"
    first = _first_filled(values)
    if not first.empty and all(isinstance(v, str) for v in first):
        head = first.astype(str).str.strip()
        if not pd.to_numeric(head, errors="coerce").notna().all() \
                and not head.str.match(DATE_START).all():
            return "text"  # decided by the first 50 cells, without a pass over the column
    return None


def whole_kind(values: pd.Series) -> str:
    """The kind of a column :func:`early_kind` left open: from its first 50 filled cells
    and whether every cell is a number or a date (so the column's first 50 filled cells
    followed by its distinct values give the same answer)."""
    cells = values.dropna()
    cells = cells[cells.astype(str).str.strip() != ""] if len(cells) else cells
    if cells.empty or not all(isinstance(v, str) for v in cells.iloc[:FIRST_FILLED]):
        return "text" if cells.empty else "native"
    text = cells.astype(str).str.strip()
    if pd.to_numeric(text.iloc[:FIRST_FILLED], errors="coerce").notna().all():  # else not numbers
        digits = text.str.replace(r"^[-+]|\.\d*$", "", regex=True)
        numeric = pd.to_numeric(text, errors="coerce")
        if numeric.notna().all() and not (
                (digits.str.len() > 1) & digits.str.startswith("0")).any() and not (
                digits.str.len() > MAX_NUMBER_DIGITS).any():
            return "number"
    dated = (text.iloc[:FIRST_FILLED].str.match(DATE_START).all()
             and text.str.match(DATE_START).all())
    return "date" if dated and _dates(text).notna().all() else "text"


def _first_filled(values: pd.Series, n: int = FIRST_FILLED) -> pd.Series:
    """The first ``n`` cells of the column that are neither missing nor blank."""
    size = 4 * n
    while True:
        head = values.iloc[:size].dropna()
        head = head[head.astype(str).str.strip() != ""] if len(head) else head
        if len(head) >= n or size >= len(values):
            return head.iloc[:n]
        size *= 8


def typed_column(values: pd.Series, kind: str) -> tuple[list, str | None]:
    """The column's cells as Python values for openpyxl, and the number format they take."""
    if kind == "number":
        numbers = pd.to_numeric(values.where(values.astype(str).str.strip() != ""),
                                errors="coerce")
        whole = numbers.dropna()
        if len(whole) and (whole == whole.round()).all() and whole.abs().max() < 2**53:
            return [None if math.isnan(v) else int(v) for v in numbers.tolist()], None
        return [None if math.isnan(v) else v for v in numbers.tolist()], None
    if kind == "date":
        stamps = _dates(values.where(values.astype(str).str.strip() != ""))
        midnight = (stamps.dropna() == stamps.dropna().dt.normalize()).all()
        cells = [None if pd.isna(v) else v.to_pydatetime() for v in stamps]
        return cells, "yyyy-mm-dd" if midnight else "yyyy-mm-dd hh:mm:ss"
    if kind == "text":
        return [None if _missing(v) else _text(str(v)) for v in values.tolist()], None
    return [_native(v) for v in values.tolist()], None


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, float) and math.isnan(value))


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)[:32767]


def _native(value):
    if _missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return None
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, int | float | bool | datetime):
        return value
    return str(value)


def write_sheet(workbook, name: str, table: pd.DataFrame, id_cols: frozenset[str],
                text_width):
    """One sheet: Chinese headers with the English key as a comment, frozen header row,
    filters, column widths, typed cells, percent and decimal formats, no formulas.

    Returns None, or for a sheet longer than ``sheet_rows.FAST_ROWS`` the rows after its
    first as ``(member, chunks)``: the sheet's file in the workbook and an iterator of their
    XML, to be added when the workbook is saved (:func:`manyi.io.write.fixed_zip`)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(SHEETS.get(name, name)[:31])
    if name != "summary":  # the summary says which sheets were cut: it is never cut itself
        table = table.iloc[:EXCEL_MAX_ROWS]
    # a table read chunk by chunk (report.folder_sheets) stands in for its columns with
    # their first filled cells and distinct values: what the kinds and formats depend on
    whole = getattr(table, "column_view", lambda i: table.iloc[:, i])
    if name == "summary" and "item" in table:
        table = table.assign(item_label=table["item"].map(summary_label))[
            ["item_label", "value", "item"]]
    long = len(table) > sheet_rows.FAST_ROWS
    head = table.iloc[:HEAD_ROWS] if long else table
    columns = [str(c) for c in table.columns]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{len(table) + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
    header, cells, formats, kinds = [], [], [], []
    for i, column in enumerate(columns, start=1):
        label = header_label(column)
        kind = column_kind(whole(i - 1), column, id_cols)
        values, fmt = typed_column(head.iloc[:, i - 1], kind)
        if long and kind == "date":  # the format of the whole column, not of its head
            fmt = date_format(whole(i - 1))
        if column in PERCENT_COLUMNS and kind in ("native", "number"):
            fmt = "0.0%"
        elif column in DECIMAL_COLUMNS and kind in ("native", "number"):
            fmt = DECIMAL_COLUMNS[column]
        cells.append(values)
        formats.append(fmt)
        kinds.append(kind)
        sample = [label] + [str(v) for v in values[:HEAD_ROWS] if v is not None]
        sheet.column_dimensions[get_column_letter(i)].width = min(
            max(max(text_width(s) for s in sample) + 2, 8), 60)
        cell = WriteOnlyCell(sheet, label)
        if label.startswith(FORMULA_START):
            cell.data_type, cell.quotePrefix = "s", True  # a column named =HYPERLINK(…)
        cell.font, cell.fill = bold, fill
        if label != column:
            cell.comment = Comment(column, "manyi", width=160, height=40)
        header.append(cell)
    sheet.append(header)
    specs = None
    if long:
        styles = {}
        for fmt in sorted({f for f in formats if f}):  # style ids in the same order every run
            probe = WriteOnlyCell(sheet, 0)
            probe.number_format = fmt
            styles[fmt] = probe.style_id
        probe = WriteOnlyCell(sheet, "'")
        probe.data_type, probe.quotePrefix = "s", True
        styles["quote"] = probe.style_id
        specs = [sheet_rows.column_spec(whole(i), kind, fmt, styles)
                 for i, (kind, fmt) in enumerate(zip(kinds, formats))]
        if any(spec is None for spec in specs):  # a column of mixed objects: openpyxl
            table = table.frame() if hasattr(table, "frame") else table
            specs, cells = None, [typed_column(table.iloc[:, i], kind)[0]
                                  for i, kind in enumerate(kinds)]

    def formatted(fmt):
        def cell(value):
            if value is None or isinstance(value, str | bool):
                return value
            made = WriteOnlyCell(sheet, value)
            made.number_format = fmt
            return made
        return cell

    def quoted(value):
        if isinstance(value, str) and value.startswith(FORMULA_START):
            made = WriteOnlyCell(sheet, value)  # shown as typed, never run as a formula
            made.data_type, made.quotePrefix = "s", True
            return made
        return value

    wrappers = [formatted(fmt) if fmt else quoted if any(
        isinstance(v, str) and v.startswith(FORMULA_START) for v in values) else None
        for values, fmt in zip(cells, formats)]
    if specs is not None:
        wrappers = [formatted(fmt) if fmt else quoted for fmt in formats]
        cells = [values[:1] for values in cells]
    for row in zip(*cells):
        sheet.append([w(v) if w else v for v, w in zip(row, wrappers)])
    if specs is None:
        return None
    member = f"xl/worksheets/sheet{len(workbook.worksheets)}.xml"
    if hasattr(table, "rows_after_first"):
        return member, table.rows_after_first(specs)
    return member, sheet_rows.sheet_rows(table.iloc[1:], specs, first_row=3)


def date_format(values: pd.Series) -> str:
    """``yyyy-mm-dd`` for a column of dates at midnight, else with the time of day."""
    stamps = _dates(values.where(values.astype(str).str.strip() != "")).dropna()
    return "yyyy-mm-dd" if (stamps == stamps.dt.normalize()).all() else "yyyy-mm-dd hh:mm:ss"
