"""HTML, Excel and JSON reports of an analysis (a :class:`~manyi.pipeline.Result`).

The HTML report is one self-contained file: styles, a small script and SVG charts are inline,
so it opens offline by double-click and Chinese text uses the viewer's own fonts. Optional
parts of a Result (``drivers``, ``index``, ``graph``, ``trends``, ``topics``) each add a
section when present and non-empty. The JSON schema is documented in docs/report-schema.md.

>>> import pandas as pd
>>> highlight("物流很快<b>", [(0, 2, "negative", "物流")])
'<mark class="negative" title="物流">物流</mark>很快&lt;b&gt;'
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections.abc import Iterable
from datetime import datetime, timezone
from html import escape
from importlib import resources
from pathlib import Path
from string import Template

import numpy as np
import pandas as pd

from manyi.analysis.index import WEIGHTING_LABELS
from manyi.analysis.ipa import IMPORTANCE_KINDS, PERFORMANCE_LABEL, UNSETTLED_NOTE, cut_text
from manyi.analysis.labels import MEASURE_LABELS
from manyi.analysis.rows import mention_rows
from manyi.errors import InputError
from manyi.io.write import atomic_path
from manyi.report import fix, svg
from manyi.report.notes import not_computed
from manyi.report.quotes import evidence_order, pick_evidence
from manyi.report.tables import (
    POLARITY_LABELS,
    complaint_graph,
    complaint_rule_text,
    computed,
    headline,
    ipa_table,
    low_rated_of,
    low_rated_text,
    optional_table,
    rating_sentiment,
    step_bar,
    trend_table,
)
from manyi.report.workbook import write_excel
from manyi.text.domains import domain_label

SCHEMA = "manyi.report"
SCHEMA_VERSION = "3.2"  # 3.2: rating_sentiment, complaints.low_rated, segments.left_out
FORMATS = {"html": "report.html", "xlsx": "report.xlsx", "json": "summary.json"}


def evidence(result, dimension: str, per_side: int = 3, max_chars: int = 220) -> list[dict]:
    """Representative comments of a dimension: its strongest complaints and praise, each with
    the spans of the matched words (term, and opinion where found) to highlight (those a
    folder's Result read block by block, ``result.quotes``, when it has them: picked once
    with the default ``per_side`` and ``max_chars``, which other values do not change)."""
    quotes = getattr(result, "quotes", None)
    if quotes is not None:
        return quotes.get(("evidence", dimension), [])
    mentions = result.mentions[result.mentions["dimension"] == dimension]
    if mentions.empty:
        return []
    # by position: the comments of a repeated id are each their own evidence
    mentions = mentions.assign(row=mention_rows(result.comments, mentions))
    texts = result.comments["text"].reset_index(drop=True)
    order = evidence_order(mentions, texts, max_chars)
    return pick_evidence(order, texts, mentions, _spans, per_side, max_chars)


def _spans(text: str, mentions: pd.DataFrame) -> list[tuple[int, int, str, str]]:
    spans = []
    for m in mentions.itertuples(index=False):
        start, end = int(m.start), int(m.end)
        tip = f"{m.term or ''} {m.opinion or ''} → {POLARITY_LABELS.get(m.polarity, m.polarity)}"
        spans.append((start, end, str(m.polarity), tip.strip()))
        opinion = str(m.opinion or "")
        if opinion and not bool(m.implicit):
            at = text.find(opinion, max(0, start - 12), end + 24)
            if at >= 0:
                spans.append((at, at + len(opinion), "opinion", f"观点词 {opinion}"))
    return spans


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """Escaped ``text`` with ``<mark>`` around the non-overlapping spans (first wins)."""
    out, at = [], 0
    for start, end, cls, tip in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < at or end <= start or end > len(text):
            continue
        out += [escape(text[at:start]),
                f'<mark class="{escape(cls)}" title="{escape(tip)}">'
                f"{escape(text[start:end])}</mark>"]
        at = end
    return "".join(out) + escape(text[at:])


# -- JSON ------------------------------------------------------------------------------------
def _clean(value):
    """JSON-safe: NaN → None, numpy scalars → Python, DataFrames → records."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, pd.DataFrame):
        return _clean(value.to_dict(orient="records"))
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        # six significant digits: a q value of 3e-72 stays 3e-72, not 0.0
        return None if math.isnan(value) or math.isinf(value) else float(f"{value:.6g}")
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)


def _fixed_stamp() -> str | None:
    """A report's date: ``$SOURCE_DATE_EPOCH`` when set (reproducible builds), else none, so
    the same input gives the same bytes every run."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), timezone.utc).isoformat(timespec="seconds")


def _version() -> str:
    from manyi import __version__
    return __version__


THEMES_NOTE = ("主题 = 投诉里被负面提及的具体对象（因素词），同一事物的不同说法归为一组："
               "含同一词（手机屏幕 → 屏幕）或用字相近（存储量 / 储存量）；投诉数为提到该主题的"
               "投诉评论数（一条投诉提到两个主题时各计一次），占比以该因素的投诉为分母；"
               "只说明位置的词（因素自己的词如客房的“房间”，或品牌名如“蒙牛”）按投诉说了什么拆分："
               "“房间：小”“蒙牛：难喝”，“（只说不好）”只说差/一般，“（未写明）”没说问题；"
               "完整表见 driver_themes.csv（manyi drivers）与工作簿。")


def summary_json(result, *, top_drivers: int = 20, top_edges: int = 50) -> dict:
    """The report's content as a JSON-ready dict (schema ``manyi.report``, docs/report-schema.md).

    >>> sorted(summary_json(_demo_result()))[:4]
    ['complaints', 'dimensions', 'driver_themes', 'drivers']
    """
    meta = result.meta
    head = headline(result)
    dims = result.dimensions[result.dimensions["comments"] > 0]
    drivers = optional_table(result, "drivers")
    topics = optional_table(result, "topics")
    trend = trend_table(result)
    graph = complaint_graph(result)
    graph_part = None
    if graph is not None:
        edges = sorted(graph.edges(data=True), key=lambda e: -e[2].get("weight", 0))[:top_edges]
        graph_part = {"nodes": [{"id": n, **d} for n, d in graph.nodes(data=True)],
                      "edges": [{"source": a, "target": b, **d} for a, b, d in edges]}
    return _clean({
        "schema": SCHEMA, "schema_version": SCHEMA_VERSION,
        "generated_at": _fixed_stamp(),  # the run time is in meta.json only
        "manyi_version": _version(),
        "source": {k: meta.get(k) for k in ("source", "format", "encoding", "text_col",
                                            "id_col", "rating_col", "time_col", "group_cols",
                                            "domain", "lexicon")},
        "totals": {k: head[k] for k in ("comments", "analysed", "flagged")},
        "complaints": {"max_rating": meta.get("complaint_max_rating"),
                       "rule": complaint_rule_text(meta), "low_rated": low_rated_of(result)},
        "rating_sentiment": rating_sentiment(result),
        "sentiment": head["sentiment"],
        "satisfaction_index": {"value": head["satisfaction_index"],
                               "source": head["index_source"],
                               "weighting": head["weighting"]},
        "top_fixes": [{k: v for k, v in f.items() if k != "evidence"}
                      | {"evidence": [{k: e[k] for k in ("comment_id", "text", "words")}
                                      for e in f["evidence"]]} for f in fix.top_fixes(result)],
        "dimensions": dims[[c for c in ("dimension", "label", "comments", "share", "positive",
                                        "neutral", "negative", "net_sentiment", "satisfaction")
                            if c in dims]],
        "ipa": ipa_table(result),
        "drivers": None if drivers is None else pd.concat(
            [fix.side_rows(drivers, side, level).head(top_drivers)
             for side in ("complaint", "praise") for level in ("factor", "dimension")]),
        "segments": _segments_json(result),
        "driver_themes": fix.driver_themes(result),
        "trend": None if trend is None else {"freq": trend.attrs["freq"], "periods": trend,
                                             "alerts": optional_table(result, "alerts")},
        "topics": None if topics is None else topics,
        "graph": graph_part,
        "not_computed": {n.part: {"zh": n.chinese, "en": n.english}
                         for n in not_computed(result).values()},
        "evidence": {d: [{k: e[k] for k in ("comment_id", "text", "polarity", "score")}
                         | {"words": sorted({e["text"][s:t] for s, t, _, _ in e["spans"]})}
                         for e in evidence(result, d)] for d in dims["dimension"]},
    })


def _segments_json(result):
    found = fix.table_of(result, "segments")
    if not isinstance(found, dict) or found.get("index") is None or found["index"].empty:
        return None
    diffs = found["differences"]
    return {"index": found["index"], "worse": diffs[diffs["significant"]
                                                    & (diffs["direction"] == "worse")],
            "alerts": found.get("alerts"), "left_out": found.get("left_out")}


def write_json(result, path: str | Path) -> Path:
    """Write :func:`summary_json` as UTF-8 JSON (Chinese kept readable)."""
    path = Path(path)
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(summary_json(result), ensure_ascii=False, indent=2),
                       encoding="utf-8")
    return path


# -- HTML ------------------------------------------------------------------------------------
def _template(name: str) -> str:
    return resources.files("manyi.report").joinpath("templates", name).read_text(encoding="utf-8")


def pct(value, digits: int = 1) -> str:
    """``0.123`` → ``12.3%``; missing → ``–``."""
    return "–" if value is None or pd.isna(value) else f"{value * 100:.{digits}f}%"


def num(value, digits: int = 1) -> str:
    return "–" if value is None or pd.isna(value) else f"{value:,.{digits}f}"


def html_table(rows: list[list[tuple[str, object]]], headers: list[tuple[str, bool]]) -> str:
    """Sortable table; a cell is (escaped html, sort value or None); header (text, numeric)."""
    head = "".join(f'<th class="num">{escape(h)}</th>' if n else f"<th>{escape(h)}</th>"
                   for h, n in headers)
    body = []
    for row in rows:
        cells = []
        for (content, key), (_, numeric) in zip(row, headers):
            attr = "" if key is None else f' data-v="{"" if pd.isna(key) else float(key)}"'
            cells.append(f'<td{" class=num" if numeric else ""}{attr}>{content}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="table-wrap"><table class="sortable"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def _section(anchor: str, title: str, inner: str, note: str = "") -> str:
    note = f'<p class="note">{note}</p>' if note else ""
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{note}{inner}</section>'


def _cards(head: dict) -> str:
    s = head["sentiment"]
    cards = [("", f'{head["comments"]:,}', "评论总数"), ("", f'{head["analysed"]:,}', "可分析评论"),
             ("pos", pct(s["positive"]), "正面占比"), ("neg", pct(s["negative"]), "负面占比"),
             ("", num(head["satisfaction_index"]), "满意度指数 (0–100" + (
                 f"，{WEIGHTING_LABELS.get(head['weighting'], head['weighting'])})"
                 if head.get("weighting") else "，按评论情感)"))]
    return '<div class="cards">' + "".join(
        f'<div class="card {c}"><div class="value">{v}</div><div class="label">{lab}</div></div>'
        for c, v, lab in cards) + "</div>"


def _rating_sentiment(result) -> str:
    """The stars against the comments' sentiment (tables.rating_sentiment), "" without."""
    table = rating_sentiment(result)
    if table is None:
        return ""
    column = escape(str(result.meta["rating_col"]))
    rows = [[(f"{r.rating:g}", r.rating), (f"{int(r.comments):,}", r.comments),
             (pct(r.negative), r.negative), (pct(r.neutral), r.neutral),
             (pct(r.positive), r.positive)] for r in table.itertuples()]
    return (f"<h3>{column}与整体情感</h3>" + html_table(rows, [
        (column, True), ("评论数", True), ("负面", True), ("中性", True), ("正面", True)])
        + '<p class="note">低分评论读成正面（或高分读成负面）时，整体情感与顾客自己的评分不一致：'
          "抽读这些评论，或用 --complaint-max-rating 按评分计投诉。</p>")


def _dimension_section(dims: pd.DataFrame) -> str:
    rows = [[(escape(str(r.label)), None), (f"{int(r.comments):,}", r.comments),
             (pct(r.share), r.share), (pct(r.positive), r.positive),
             (pct(r.neutral), r.neutral), (pct(r.negative), r.negative),
             (svg.net_bar(r.net_sentiment) + pct(r.net_sentiment), r.net_sentiment),
             (num(r.satisfaction), r.satisfaction)] for r in dims.itertuples()]
    headers = [("维度", False), ("评论数", True), ("提及率", True), ("正面", True), ("中性", True),
               ("负面", True), ("净情感", True), ("满意度", True)]
    chart = svg.sentiment_bars(dims)
    return (html_table(rows, headers) + '<div class="grid2"><div class="chart"><h3>各维度情感分布'
            f"</h3>{chart}</div>" + '<div class="chart"><h3>重要性-表现分析 (IPA)</h3>'
            "{ipa}</div></div>")


def _topics_section(topics: pd.DataFrame) -> str:
    rows = [[(escape(str(r.get("label", ""))), None), (f'{int(r.get("size", 0)):,}', r.get("size")),
             (pct(r.get("share")), r.get("share")),
             (pct(r.get("negative_share")), r.get("negative_share")),
             (escape(str(r.get("top_terms", ""))), None)] for _, r in topics.iterrows()]
    headers = [("主题", False), ("评论数", True), ("占比", True), ("负面占比", True),
               ("关键词", False)]
    return f'<div class="chart">{svg.topic_bars(topics)}</div>' + html_table(rows, headers)


def _evidence_section(result, dims: pd.DataFrame) -> str:
    parts = []
    for i, r in enumerate(dims.itertuples()):
        items = evidence(result, r.dimension)
        if not items:
            continue
        quotes = "".join(
            f'<div class="comment {e["polarity"]}"><span class="badge {e["polarity"]}">'
            f'{POLARITY_LABELS[e["polarity"]]}</span> {highlight(e["text"], e["spans"])}'
            f'<div class="meta">评论 {escape(e["comment_id"])} · 本维度提及得分之和 '
            f'{e["score"]:+.2f}</div></div>'
            for e in items)
        parts.append(f'<details class="dim"{" open" if i < 3 else ""}><summary>'
                     f"{escape(str(r.label))} · {int(r.comments):,} 条评论 · 满意度 "
                     f"{num(r.satisfaction)}</summary>{quotes}</details>")
    return "".join(parts)


def render_html(result, *, title: str = "客户反馈满意度分析报告") -> str:
    """The whole report as one HTML string (see :func:`write_html`)."""
    head = headline(result)
    dims = result.dimensions[result.dimensions["comments"] > 0]
    sections = [("overview", "总览", _cards(head) + _rating_sentiment(result), "")]
    fixes = fix.top_fixes(result)
    if fixes:
        sections.append(("fix-first", "最该先解决的三件事",
                         fix.top_fixes_section(fixes, highlight),
                         f"投诉率：{svg._pct(fixes[0]['base_rate'])} 的评论是投诉。"
                         + complaint_rule_text(result.meta) + low_rated_text(result) +
                         "影响 = 该因素所占的投诉率（百分点）：每条投诉平分给它负面提及的各"
                         "因素（1/k），所有因素的影响相加即提及了因素的投诉率；只因它 = 只"
                         "抱怨它的投诉（只解决它就不再是投诉，下限）；区间为按评论重抽样"
                         "（bootstrap）的 95% 区间。高亮为抱怨的词。" + THEMES_NOTE))
    ipa = ipa_table(result)
    x_label, y_label = _ipa_axes(ipa)
    drawn = len(ipa) >= 2  # (one dimension has no quadrant: the notes say IPA was not computed)
    sections.append(("dimensions", "维度表现", _dimension_section(dims).replace(
        "{ipa}", svg.ipa_scatter(ipa if drawn else ipa.iloc[:0], x_label, y_label)),
        "净情感 = 正面占比 − 负面占比；满意度 = 100 × (正面 + 中性/2)。" + (
            f"IPA：{x_label}；{y_label}；空心点 = 评论少于 30 条，慎读；线段 = "
            "95% 区间；象限按维度划分，重要性以各维度的中位数为界"
            "（“次要改进”= 影响低于中位数，不是“不必改”；“继续保持”也只说维度整体，其中的具体因素"
            "仍可能排在前面：要先解决的具体因素见“最该先解决的三件事”）；"
            f"{UNSETTLED_NOTE}。" if drawn else "") + "点击表头排序，鼠标悬停查看数值。"))
    if (drivers := optional_table(result, "drivers")) is not None and "side" in drivers:
        sections.append(("drivers", "投诉驱动因素与好评来源",
                         fix.drivers_section(drivers, html_table, pct, num)
                         + fix.themes_section(result, drivers, html_table),
                         "负面提及 = 评论对该因素的各处提及合起来为负面（得分相加：夸了"
                         "三次味道、嫌一道菜咸，不算味道的投诉；维度表按每条评论在该维度上"
                         "的总体倾向计，同一算法）；"
                         "影响见上；指数影响 = 满意度"
                         "指数可提高（好评一侧：会下降）的分数；q 值为 Fisher 检验经 "
                         "Benjamini–Hochberg 校正；显著 = q < 0.05 且区间大于 0。"
                         + THEMES_NOTE))
    if (part := fix.segments_section(fix.table_of(result, "segments"), html_table, pct,
                                     num)) is not None:
        sections.append(("segments", "哪家门店（哪个渠道、商品、月份）哪方面最差", part,
                         "每组与其余评论比较各维度的负面评论占比（Fisher 精确检验，所有比较一起做 "
                         "Benjamini–Hochberg 校正）；只列出显著更差的。"))
    if (trend := trend_table(result)) is not None:
        unit = {"Q": "季度", "M": "月", "W": "周", "D": "日"}[trend.attrs["freq"]]
        sections.append(("trend", "趋势", f'<div class="chart">{svg.trend_lines(trend)}</div>'
                         + _alerts_part(computed(result, "alerts"),
                                        _group_alerts(fix.table_of(result, "segments"))),
                         f"按{unit}统计各维度的评价（一条评论对它评价的每个维度各计一次）："
                         "线为其中正面与负面的占比，柱为评价条数；与页首按评论计的占比不同。"
                         "预警：每个时段各维度的投诉，按全部评论（投诉发生率）和按提及它的评论"
                         "（投诉率）计，与上一时段及此前所有时段合计比较（单侧 Fisher 检验，"
                         "Benjamini–Hochberg 校正，q < 0.05）。"))
    if (topics := optional_table(result, "topics")) is not None:
        sections.append(("topics", "主题概览", _topics_section(topics), "主题模型发现的话题。"))
    if (graph := complaint_graph(result)) is not None:
        sections.append(("graph", "投诉共现网络",
                         f'<div class="chart">{svg.graph_svg(graph)}</div>',
                         "节点 = 因素（大小 = 提及次数，颜色越红投诉率越高）；连线 = 同一条评论中"
                         "同时出现（越粗越常见）。"))
    sections.append(("evidence", "各维度代表性评论", _evidence_section(result, dims),
                     "高亮为匹配到的因素词（绿 = 正面，红 = 负面），下划线为观点词，"
                     "是评分的证据。正面/负面标签与得分只看该维度的提及（每个提及 −1 到 1，"
                     "相加），不是整条评论的情感：一条整体负面的评论可以是某一维度的正面例子。"))
    if notes := not_computed(result):
        sections.append(("notes", "未能计算的部分", "<ul>" + "".join(
            f"<li>{escape(n.chinese)}</li>" for n in notes.values()) + "</ul>",
            "数据太少或缺少所需的列时，这些部分不计算或改用简单算法。"))
    script = _template("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    source = str(result.meta.get("source") or "")
    return Template(_template("report.html")).substitute(
        title=escape(title), version=escape(_version()), script=script,
        script_hash=f"sha256-{digest}", source=escape(source),
        generated=f" · {_fixed_stamp()}" if _fixed_stamp() else "",
        subtitle=escape(f"{Path(source).name or '数据'} · {head['comments']:,} 条评论 · "
                        f"文本列 {result.meta.get('text_col', '')}"
                        + (f" · 行业词典 {label}" if (label := domain_label(result.meta))
                           else "")),
        nav="".join(f'<a href="#{a}">{escape(t)}</a>' for a, t, _, _ in sections),
        body="\n".join(_section(*s) for s in sections))


def _group_alerts(found) -> pd.DataFrame | None:
    """The alerts within groups (the segments' ``alerts``), when any fired."""
    table = found.get("alerts") if isinstance(found, dict) else None
    return table if isinstance(table, pd.DataFrame) and not table.empty else None


def _alerts_part(alerts, group_alerts: pd.DataFrame | None = None) -> str:
    """The alerts under the trend chart, or a line saying none fired; then those within
    groups (a shop's own rise)."""
    if not isinstance(alerts, pd.DataFrame) or alerts.empty:
        part = "<p>预警：无（没有维度或因素的投诉显著上升）。</p>"
    else:
        part = "<h3>预警：投诉显著上升</h3>" + _alerts_table(alerts)
    if group_alerts is not None:
        part += "<h3>各组内的预警：本组投诉显著上升</h3>" + _alerts_table(group_alerts)
    return part


def _alerts_table(alerts: pd.DataFrame) -> str:
    grouped = "group" in alerts
    cells = [[*([(escape(fix.column_name(r.column)), None), (escape(str(r.group)), None)]
                if grouped else []),
              (escape(str(r.label)), None),
              (escape(MEASURE_LABELS.get(r.measure, r.measure)), None),
              (escape(str(r.previous_period)), None), (escape(str(r.period)), None),
              (pct(r.previous_rate), r.previous_rate), (pct(r.rate), r.rate),
              (f"{r.q_value:.2g}", r.q_value)] for r in alerts.itertuples()]
    return html_table(cells, [*([("分组列", False), ("组", False)] if grouped else []),
                              ("维度 / 因素", False), ("指标", False), ("对比时段", False),
                              ("时段", False), ("对比时段的值", True), ("本时段的值", True),
                              ("q 值", True)])


def _ipa_axes(ipa: pd.DataFrame) -> tuple[str, str]:
    if ipa.empty:
        return "重要性", PERFORMANCE_LABEL
    kind = ipa["importance_kind"].iloc[0]
    cut = float(ipa["importance_cut"].iloc[0])
    return (f"{IMPORTANCE_KINDS.get(kind, kind)}（竖虚线 = 中位数 {cut_text(cut, kind)}）",
            f"{PERFORMANCE_LABEL}（横虚线 = max(满意度指数, 50) = "
            f"{float(ipa['performance_cut'].iloc[0]):.1f}）")


def write_html(result, path: str | Path, **options) -> Path:
    """Write the self-contained HTML report (works offline, opens by double-click)."""
    path = Path(path)
    with atomic_path(path) as tmp:
        tmp.write_text(render_html(result, **options), encoding="utf-8")
    return path


# -- all at once -----------------------------------------------------------------------------
WRITERS = {"html": write_html, "xlsx": write_excel, "json": write_json}


def write_report(result, path: str | Path, formats: Iterable[str] = ("html", "xlsx", "json"), *,
                 progress: bool | None = False) -> dict[str, Path]:
    """Write the report files: a file path by its suffix, or a folder with
    report.html, report.xlsx and summary.json. Returns format → path."""
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix in WRITERS or suffix == "xls":
        if suffix == "xls":
            raise InputError(f"{path}: write .xlsx, not .xls")
        targets = {suffix: path}
    else:
        unknown = sorted(set(formats) - set(WRITERS))
        if unknown:
            raise InputError(f"unknown report format(s) {', '.join(unknown)}; "
                             f"choose from {', '.join(WRITERS)}")
        targets = {f: path / FORMATS[f] for f in WRITERS if f in set(formats)}
    with step_bar(len(targets), "report", progress) as bar:
        for fmt, target in targets.items():
            bar.set_postfix_str(target.name)
            WRITERS[fmt](result, target)
            bar.update(1)
    return targets


def _demo_result():
    """A tiny hand-made Result for doctests and tests (no model needed)."""
    from types import SimpleNamespace

    comments = pd.DataFrame({"comment_id": ["1", "2"], "text": ["物流很快", "=包装破了"],
                             "flag": ["", ""], "sentiment": ["positive", "negative"]})
    mentions = pd.DataFrame({"comment_id": ["1", "2"], "clause_id": [0, 0],
                             "clause": ["物流很快", "=包装破了"],
                             "dimension": ["logistics", "product"],
                             "factor": ["speed", "package"], "term": ["物流", "包装"],
                             "opinion": ["快", "破"], "negated": False, "degree": 1.0,
                             "implicit": False, "polarity": ["positive", "negative"],
                             "score": [0.8, -0.7], "start": [0, 1], "end": [2, 3]})
    dimensions = pd.DataFrame({"dimension": ["logistics", "product"], "label": ["物流", "产品"],
                               "comments": [1, 1], "share": [0.5, 0.5], "positive": [1.0, 0.0],
                               "neutral": [0.0, 0.0], "negative": [0.0, 1.0],
                               "net_sentiment": [1.0, -1.0], "satisfaction": [100.0, 0.0]})
    return SimpleNamespace(comments=comments, mentions=mentions, dimensions=dimensions,
                           meta={"source": "<demo>", "text_col": "text"})
