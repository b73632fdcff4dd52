"""Small inline SVG charts for the HTML report: no script, no fonts shipped, no network.

Text is drawn by the browser with the page's fonts, so Chinese labels render wherever the
report is opened; every mark carries a ``<title>`` that the page turns into a hover tip.

>>> sentiment_bars(__import__("pandas").DataFrame({"label": ["物流<"], "comments": [3],
...     "positive": [0.5], "neutral": [0.2], "negative": [0.3], "net_sentiment": [0.2]}))[:4]
'<svg'
"""

from __future__ import annotations

import math
import unicodedata
from html import escape

import numpy as np
import pandas as pd

POS, NEU, NEG, INK, MUTED, GRID = "#2e8b57", "#b0b7c3", "#d64545", "#1f2933", "#616e7c", "#e4e7eb"


def text_width(text: str) -> int:
    """Display columns: CJK and other wide characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _px(text: str, size: float = 12) -> float:
    return text_width(text) * size * 0.55


def _f(value) -> float:
    return 0.0 if value is None or pd.isna(value) else float(value)


def _pct(value) -> str:
    return "–" if value is None or pd.isna(value) else f"{value * 100:.1f}%"


def _svg(width: float, height: float, body: list[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'role="img" aria-label="{escape(label)}" font-size="12" '
            f'style="max-width:{width * 1.2:.0f}px">'
            f'{"".join(body)}</svg>')


def _text(x, y, text, anchor="start", size=12, color=INK, weight="normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{color}" font-weight="{weight}">{escape(str(text))}</text>')


def _rect(x, y, w, h, color, tip, extra="") -> str:
    return (f'<rect class="hov" x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" '
            f'height="{h:.1f}" fill="{color}"{extra}><title>{escape(tip)}</title></rect>')


def _mix(a: str, b: str, t: float) -> str:
    """Colour between ``a`` and ``b`` (t = 0..1)."""
    t = min(max(_f(t), 0.0), 1.0)
    ca, cb = (np.array([int(c[i:i + 2], 16) for i in (1, 3, 5)]) for c in (a, b))
    return "#" + "".join(f"{int(round(v)):02x}" for v in ca + (cb - ca) * t)


def _clip(text: str, px: float, size: float = 12) -> str:
    """``text`` shortened with … to fit ``px`` pixels."""
    if _px(text, size) <= px:
        return text
    while text and _px(text + "…", size) > px:
        text = text[:-1]
    return text + "…"


def net_bar(value) -> str:
    """A tiny inline bar for a net sentiment (−1..1) table cell."""
    if value is None or pd.isna(value):
        return ""
    color = POS if value >= 0 else NEG
    return f'<span class="bar" style="width:{abs(value) * 60:.0f}px;background:{color}"></span>'


def sentiment_bars(dims: pd.DataFrame) -> str:
    """Stacked 100 % bars: positive / neutral / negative share of each dimension."""
    rows = dims.reset_index(drop=True)
    left = max([_px(str(x)) for x in rows["label"]] + [40]) + 14
    width, bar_w, step = 560, 560 - left - 110, 28
    body = []
    for i, r in rows.iterrows():
        y, x = 24 + i * step, left
        body.append(_text(left - 8, y + 14, r["label"], "end"))
        for key, color, name in (("positive", POS, "正面"), ("neutral", NEU, "中性"),
                                 ("negative", NEG, "负面")):
            w = _f(r[key]) * bar_w
            tip = f"{r['label']} · {name} {_pct(r[key])}（{int(r['comments'])} 条评论）"
            if w > 0:
                body.append(_rect(x, y, w, 18, color, tip))
            if w > 34:
                body.append(_text(x + w / 2, y + 13, _pct(r[key])[:-3] + "%", "middle", 10,
                                  "#fff"))
            x += w
        body.append(_text(left + bar_w + 8, y + 14, f"净 {_f(r['net_sentiment']) * 100:+.0f}%",
                          size=11, color=MUTED))
    body.append(_legend(left, 12, [("正面", POS), ("中性", NEU), ("负面", NEG)]))
    return _svg(width, 30 + len(rows) * step, body, "各维度情感分布")


def _legend(x: float, y: float, items: list[tuple[str, str]]) -> str:
    out = []
    for name, color in items:
        out.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{color}"/>')
        out.append(_text(x + 14, y, name, size=11, color=MUTED))
        x += 24 + _px(name, 11)
    return "".join(out)


def impact_bars(drivers: pd.DataFrame) -> str:
    """Impact of each driver (points of the complaint rate, or of the praise rate, that go
    with it) with its 95 % interval as a whisker; the part about it alone darker."""
    rows = drivers.reset_index(drop=True)
    left = min(max([_px(str(x)) for x in rows["label"]] + [40]) + 14, 260)
    width, step = 760, 24
    bar_w = width - left - 190
    top = max([_f(v) for v in rows["impact_high"]] + [0.001])
    complaint = bool(len(rows)) and rows["side"].iloc[0] == "complaint"
    colour = NEG if complaint else POS
    body = []
    for i, r in rows.iterrows():
        y = 26 + i * step
        tip = (f"{r['label']}\n影响 {_pct(r['impact'])}（95% 区间 {_pct(r['impact_low'])}–"
               f"{_pct(r['impact_high'])}）\n只因它 {_pct(r['impact_alone'])}\n"
               f"{int(r['comments_naming'])} 条评论提及，其中 {int(r['resolved'])} 条只因它")
        body.append(_text(left - 8, y + 13, _clip(str(r["label"]), left - 14), "end"))
        body.append(_rect(left, y, _f(r["impact"]) / top * bar_w, 16,
                          colour if bool(r.get("significant")) else _mix(colour, "#ffffff", .45),
                          tip))
        body.append(_rect(left, y + 12, _f(r["impact_alone"]) / top * bar_w, 4, INK, tip))
        lo = left + _f(r["impact_low"]) / top * bar_w
        hi = left + _f(r["impact_high"]) / top * bar_w
        body.append(f'<line x1="{lo:.1f}" x2="{hi:.1f}" y1="{y + 8}" y2="{y + 8}" '
                    f'stroke="{INK}" stroke-width="1.2"/>')
        body.append(_text(left + bar_w + 8, y + 13, f"{_pct(r['impact'])} "
                          f"[{_pct(r['impact_low'])}, {_pct(r['impact_high'])}]", size=11,
                          color=MUTED))
    height = 34 + len(rows) * step
    body.append(_legend(left, 14, [("影响（显著）", colour), ("影响（不显著）",
                                   _mix(colour, "#ffffff", .45)), ("只因它", INK)]))
    return _svg(width, height, body, "影响")


def ipa_scatter(ipa: pd.DataFrame, x_label: str = "重要性", y_label: str = "满意度") -> str:
    """Importance (x) against performance (y) with 95 % intervals, cut-lines as the table
    gives them (``importance_cut``, ``performance_cut``); hollow points = few comments."""
    width, height, pad_l, pad_b, pad_t, pad_r = 560, 430, 54, 62, 28, 20
    if ipa.empty:
        return _svg(width, 60, [_text(10, 30, "数据不足，无法绘制 IPA 图", color=MUTED)], "IPA")
    xs = ipa["importance"].astype(float)
    x_hi = ipa["importance_high"].astype(float).fillna(xs)
    x0, x1 = 0.0, max(float(max(xs.max(), x_hi.max())) * 1.1, 1e-6)
    y0 = max(math.floor(min(ipa["performance_low"].min() - 5, 40) / 10) * 10, 0)
    y1 = min(math.ceil(max(ipa["performance_high"].max() + 5, 60) / 10) * 10, 100)

    def sx(v):
        return pad_l + (v - x0) / (x1 - x0) * (width - pad_l - pad_r)

    def sy(v):
        return height - pad_b - (v - y0) / max(y1 - y0, 1e-6) * (height - pad_b - pad_t)

    body = [f'<rect x="{pad_l}" y="{pad_t}" width="{width - pad_l - pad_r}" '
            f'height="{height - pad_b - pad_t}" fill="#fafbfc" stroke="{GRID}"/>']
    mx, my = sx(_f(ipa["importance_cut"].iloc[0])), sy(_f(ipa["performance_cut"].iloc[0]))
    body.append(f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{pad_t}" y2="{height - pad_b}" '
                f'stroke="{MUTED}" stroke-dasharray="4 3"/>')
    body.append(f'<line x1="{pad_l}" x2="{width - pad_r}" y1="{my:.1f}" y2="{my:.1f}" '
                f'stroke="{MUTED}" stroke-dasharray="4 3"/>')
    for x, y, name, anchor in ((width - pad_r - 6, pad_t + 16, "继续保持", "end"),
                               (width - pad_r - 6, height - pad_b - 8, "重点改进", "end"),
                               (pad_l + 6, pad_t + 16, "过度投入", "start"),
                               (pad_l + 6, height - pad_b - 8, "次要改进", "start")):
        body.append(_text(x, y, name, anchor, 12, "#9aa5b1", "bold"))
    for r in ipa.itertuples():
        cx, cy = sx(r.importance), sy(r.performance)
        color = NEG if r.quadrant == "重点改进" else POS if r.quadrant == "继续保持" else "#5b7db1"
        if not math.isnan(_f(r.importance_low)):
            body.append(f'<line x1="{sx(r.importance_low):.1f}" '
                        f'x2="{sx(r.importance_high):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" '
                        f'stroke="{color}" stroke-opacity=".6"/>')
        body.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{sy(r.performance_low):.1f}" '
                    f'y2="{sy(r.performance_high):.1f}" stroke="{color}" stroke-opacity=".6"/>')
        small = bool(getattr(r, "small", False))
        tip = (f"{r.label}\n重要性 {r.importance:.4g}（{_f(r.importance_low):.4g}–"
               f"{_f(r.importance_high):.4g}）\n满意度 {r.performance:.1f}（"
               f"{r.performance_low:.1f}–{r.performance_high:.1f}）\n{r.comments} 条评论"
               f"{'（少，慎读）' if small else ''}\n{r.quadrant}")
        fill = "#ffffff" if small else color
        body.append(f'<circle class="hov" cx="{cx:.1f}" cy="{cy:.1f}" r="7" fill="{fill}" '
                    f'stroke="{color}" stroke-width="2" fill-opacity=".9"><title>{escape(tip)}'
                    f'</title></circle>')
        body.append(_text(cx + 10, cy + 4, f"{r.label}{'（样本少）' if small else ''}", size=12))
    for v in np.linspace(0, x1, 5):
        body.append(_text(sx(v), height - pad_b + 16, f"{v:.3g}", "middle", 10, MUTED))
    for v in range(int(y0), int(y1) + 1, 10 if y1 - y0 <= 60 else 20):
        body.append(_text(pad_l - 6, sy(v) + 4, f"{v}", "end", 10, MUTED))
    body.append(_text((width + pad_l) / 2, height - 30, _clip(x_label, width - 20, 11),
                      "middle", 11, MUTED))
    body.append(_text(pad_l, height - 8, _clip(y_label, width - 20, 11), "start", 11, MUTED))
    return _svg(width, height, body, "重要性-表现分析")


def trend_lines(trend: pd.DataFrame) -> str:
    """Positive and negative share per period (lines) of the dimensions judged, each
    (comment, dimension) once, and how many there are (light bars): a comment judging price
    and delivery counts twice, so these are no comment counts."""
    width, height, pad_l, pad_r, pad_t, pad_b = 900, 300, 50, 50, 24, 46
    n = len(trend)
    step = (width - pad_l - pad_r) / n
    most = max(int(trend["judgements"].max()), 1)
    inner = height - pad_t - pad_b

    def sy(v):
        return pad_t + inner * (1 - _f(v))

    body = [_legend(pad_l, 14, [("正面占比", POS), ("负面占比", NEG), ("维度评价数", "#dbe4ee")])]
    for v in (0, .25, .5, .75, 1):
        body.append(f'<line x1="{pad_l}" x2="{width - pad_r}" y1="{sy(v):.1f}" '
                    f'y2="{sy(v):.1f}" stroke="{GRID}"/>')
        body.append(_text(pad_l - 6, sy(v) + 4, f"{v * 100:.0f}%", "end", 10, MUTED))
    every = max(1, math.ceil(n / 14))
    for i, r in enumerate(trend.itertuples()):
        h = r.judgements / most * inner * 0.9
        tip = (f"{r.period}\n{r.comments} 条评论，维度评价 {r.judgements}（评论×维度）\n"
               f"正面 {_pct(r.positive)} · 负面 "
               f"{_pct(r.negative)}\n满意度 {_f(r.satisfaction):.1f}")
        body.append(_rect(pad_l + i * step + step * 0.15, pad_t + inner - h, step * 0.7, h,
                          "#dbe4ee", tip))
        if i % every == 0:
            body.append(_text(pad_l + (i + 0.5) * step, height - pad_b + 16, r.period, "middle",
                              10, MUTED))
    body.append(_text(width - pad_r + 6, pad_t + 4, f"{most} 条", size=10, color=MUTED))
    for key, color in (("positive", POS), ("negative", NEG)):
        points = " ".join(f"{pad_l + (i + 0.5) * step:.1f},{sy(v):.1f}"
                          for i, v in enumerate(trend[key]))
        body.append(f'<polyline points="{points}" fill="none" stroke="{color}" '
                    f'stroke-width="2.2"/>')
        for i, (v, period) in enumerate(zip(trend[key], trend["period"])):
            body.append(f'<circle class="hov" cx="{pad_l + (i + 0.5) * step:.1f}" '
                        f'cy="{sy(v):.1f}" r="3.5" fill="{color}"><title>{escape(str(period))} '
                        f'{"正面" if key == "positive" else "负面"} {_pct(v)}</title></circle>')
    return _svg(width, height, body, "趋势")


def topic_bars(topics: pd.DataFrame) -> str:
    """Share of comments per topic; redder = more negative comments (when known)."""
    rows = topics.reset_index(drop=True)
    labels = [str(x) for x in rows.get("label", rows.index)]
    left = min(max([_px(x) for x in labels] + [40]) + 14, 300)
    width, step = 760, 24
    bar_w = width - left - 70
    top = max(_f(rows["share"].max()) if "share" in rows else 0, 0.01)
    body = []
    for i, r in rows.iterrows():
        y = 8 + i * step
        neg = r.get("negative_share")
        tip = (f"{labels[i]}\n{int(_f(r.get('size')))} 条 · {_pct(r.get('share'))}"
               + (f" · 负面 {_pct(neg)}" if neg is not None else "")
               + f"\n{r.get('top_terms', '')}")
        label = _clip(labels[i], left - 14)
        body.append(_text(left - 8, y + 13, label, "end"))
        body.append(_rect(left, y, _f(r.get("share")) / top * bar_w, 16,
                          _mix("#8fb3d9", NEG, _f(neg) * 1.5) if neg is not None else "#8fb3d9",
                          tip))
        body.append(_text(left + _f(r.get("share")) / top * bar_w + 6, y + 13,
                          _pct(r.get("share")), size=11, color=MUTED))
    return _svg(width, 16 + len(rows) * step, body, "主题概览")


def graph_svg(graph, *, top_nodes: int = 30, top_edges: int = 60, seed: int = 7) -> str:
    """The co-occurrence graph, spring layout with a fixed seed: node size = mentions,
    colour = complaint rate, edge width = co-occurrence count."""
    import networkx as nx

    nodes = sorted(graph.nodes(data=True), key=lambda n: (-_f(n[1].get("mentions")), str(n[0])))
    keep = {n for n, _ in nodes[:top_nodes]}
    # nodes and edges in a fixed order, not the order the graph was built in (a report
    # --from a folder builds it from mentions.csv): the layout depends on it
    sub = nx.Graph()
    sub.add_nodes_from(sorted(((n, graph.nodes[n]) for n in keep), key=lambda n: str(n[0])))
    sub.add_edges_from(sorted(((*sorted((a, b), key=str), d) for a, b, d in
                               graph.subgraph(keep).edges(data=True)),
                              key=lambda e: (str(e[0]), str(e[1]))))
    edges = sorted(sub.edges(data=True), key=lambda e: (-_f(e[2].get("weight")), str(e[0]),
                                                         str(e[1])))
    sub.remove_edges_from([(a, b) for a, b, _ in edges[top_edges:]])
    alone = sorted(str(sub.nodes[n].get("label", n)) for n in nx.isolates(sub))
    sub.remove_nodes_from(list(nx.isolates(sub)))
    width, height, pad = 900, 540, 70
    if not len(sub):
        return _svg(width, 60, [_text(10, 30, "无共现数据", color=MUTED)], "共现网络")
    pos = _layout(sub, seed)
    xy = np.array(list(pos.values()))
    lo, span = xy.min(axis=0), np.maximum(xy.max(axis=0) - xy.min(axis=0), 1e-9)

    def at(node):
        x, y = (pos[node] - lo) / span
        return pad + x * (width - 2 * pad), 30 + y * (height - 100)  # labels fit below

    most_w = max([_f(d.get("weight")) for _, _, d in sub.edges(data=True)] + [1])
    most_m = max([_f(d.get("mentions")) for _, d in sub.nodes(data=True)] + [1])
    rates = [_f(d.get("complaint_rate")) for _, d in sub.nodes(data=True)]
    top_rate = max(rates + [0.01])
    body = []
    for a, b, d in sub.edges(data=True):
        (x1, y1), (x2, y2) = at(a), at(b)
        tip = (f"{sub.nodes[a].get('label', a)} — {sub.nodes[b].get('label', b)}\n同现 "
               f"{int(_f(d.get('weight')))} 次" + (f"，其中投诉 {int(_f(d.get('complaints')))}"
                                                  if "complaints" in d else ""))
        body.append(f'<line class="hov" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                    f'stroke="#7b8794" stroke-opacity=".45" stroke-width='
                    f'"{1 + 6 * _f(d.get("weight")) / most_w:.1f}"><title>{escape(tip)}</title>'
                    "</line>")
    for node, d in sub.nodes(data=True):
        x, y = at(node)
        r = 6 + 16 * math.sqrt(_f(d.get("mentions")) / most_m)
        label = str(d.get("label", node))
        tip = (f"{label}\n提及 {int(_f(d.get('mentions')))} · 投诉 {int(_f(d.get('complaints')))}"
               f"\n投诉率 {_pct(d.get('complaint_rate'))} · 提升度 {_f(d.get('lift')):.2f}")
        color = _mix("#9fb3c8", NEG, _f(d.get("complaint_rate")) / top_rate)
        body.append(f'<circle class="hov" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{color}" '
                    f'stroke="#fff" stroke-width="1.5"><title>{escape(tip)}</title></circle>')
        body.append(_text(x, y + r + 13, label, "middle", 12).replace(
            "<text ", '<text stroke="#fff" stroke-width="3" paint-order="stroke" ', 1))
    if alone:  # the caption gets a line of its own below the drawing, never over a label
        height += 22
        body.append(_text(10, height - 6, _clip("未显示连线：" + "、".join(alone), width - 20,
                                                11), size=11, color=MUTED))
    return _svg(width, height, body, "投诉共现网络")


def _layout(graph, seed: int) -> dict:
    """Kamada-Kawai inside each connected part (spreads a dense taxonomy graph more evenly
    than a spring layout), parts side by side, largest first; deterministic for a seed."""
    import networkx as nx

    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    pos, offset = {}, 0.0
    for part in parts:
        # a part's nodes and edges in sorted order: a subgraph view iterates its node set,
        # whose order changes with the hash seed, and the layout follows that order
        sub = nx.Graph()
        sub.add_nodes_from(sorted(part, key=str))
        sub.add_edges_from(sorted((tuple(sorted(e, key=str)) for e in graph.subgraph(part).edges),
                                  key=lambda e: (str(e[0]), str(e[1]))))
        start = nx.spring_layout(sub, seed=seed) if len(sub) > 2 else None
        local = nx.kamada_kawai_layout(sub, pos=start, weight=None) if len(sub) > 2 else {
            n: np.array([0.0, i * 0.5]) for i, n in enumerate(sorted(sub))}
        xy = np.array(list(local.values()))
        lo, size = xy.min(axis=0), max(np.ptp(xy[:, 0]), np.ptp(xy[:, 1]), 0.5)
        scale = math.sqrt(len(sub) / len(graph))
        for node, p in local.items():
            pos[node] = np.array([offset, 0.0]) + (p - lo) / size * scale
        offset += (np.ptp(xy[:, 0]) / size * scale) + 0.25
    return pos
