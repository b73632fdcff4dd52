"""What the ``manyi`` commands print: tables that line up with Chinese text, the summary.

>>> print(format_table(pd.DataFrame({"维度": ["物流"], "n": [3]})))
维度  n
----  -
物流  3
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import click
import pandas as pd

from manyi.analysis.labels import DISCOVERED_MARK


def written_line(folder, names) -> str:
    """``written to out/: a.csv b.csv`` (one slash, whatever the user typed)."""
    return f"\nwritten to {Path(folder)}/: " + " ".join(names)


def headlines_text(result, top: int = 3) -> str:
    """The satisfaction index (the default weighting of every output) and the top complaint
    drivers by impact, from the tables any analysis has (``dimensions``, ``drivers``)."""
    from manyi.analysis.index import WEIGHTING_LABELS, index_from_dimensions

    value = index_from_dimensions(result.dimensions)
    lines = [""]
    lines.append(f"satisfaction index: {value:.1f} / 100 ({WEIGHTING_LABELS['mentions']}; "
                 "整体 overall is not part of it)"
                 if value is not None else
                 "satisfaction index: not computed (no dimension has a comment)")
    drivers = getattr(result, "drivers", None)
    if drivers is not None and "side" in drivers:
        drivers = drivers[(drivers["side"] == "complaint") & (drivers["level"] == "factor")]
    if drivers is None or not len(drivers):
        lines.append("complaint drivers: none (no factor is named negatively by enough "
                     "comments to test; see drivers.csv)")
        return "\n".join(lines)
    picks = "; ".join(f"{r.label} (impact {r.impact:.1%} of comments, 95% CI "
                      f"{r.impact_low:.1%}–{r.impact_high:.1%}{_themes_of(result, r)})"
                      for r in drivers.head(top).itertuples())
    lines.append(complaints_line(drivers, result.meta.get("complaint_max_rating"))
                 + "; each impact below is a part of it")
    lines.append(f"fix first: {picks} — `manyi drivers` for the whole table")
    if DISCOVERED_MARK in picks:
        lines.append(DISCOVERED_NOTE)
    return "\n".join(lines)


DISCOVERED_NOTE = ("（新发现）: a thing no pack lists, found judged in these comments (after a "
                   "colon, the words of it that were grouped, or 竞品: a brand named beside or "
                   "against the comments' own, ranked after their own factors); `manyi lexicon "
                   "suggest` proposes such words for a pack")


def rating_hint(rating_col: str, comments: pd.DataFrame | None = None) -> str:
    """The note that complaints can be counted by the rating found instead of by what is
    said, with how many that would be (:func:`manyi.analysis.impact.low_rated` of the
    analysed ``comments``; without them, as a streamed analysis keeps none, the scale's
    usual cut).

    >>> print(rating_hint("评分", pd.DataFrame({"评分": [1, 5, 5, 4, 2], "flag": ""})))
    note: 评分 is a rating (1–5): 40.0% of rated comments are rated 2 or lower; `manyi drivers
    --complaint-max-rating 2` (and graph, report) counts those as the complaints instead
    """
    from manyi.analysis.impact import low_rated
    from manyi.analysis.rows import analysable

    low = low_rated(analysable(comments)[rating_col]) \
        if comments is not None and rating_col in comments else None
    if low is None:
        return (f"note: {rating_col} is a rating: `manyi drivers --complaint-max-rating N` "
                "(and graph, report) counts\nthe comments rated N or lower as the complaints "
                "instead (2 on a 1–5 scale)")
    cut = f"{low['complaint_max']:g}"
    return (f"note: {rating_col} is a rating ({low['scale']}): {low['share']:.1%} of rated "
            f"comments are rated {cut} or lower; `manyi drivers\n--complaint-max-rating {cut}` "
            "(and graph, report) counts those as the complaints instead")


def complaints_line(drivers: pd.DataFrame, max_rating: float | None = None) -> str:
    """``complaints: 60.2% of analysed comments (…)``: the drivers' ``base_rate`` (its first
    row's; every complaint row holds the same) and the rule that counted them (newcomer: a
    hotel's 78% of "complaints" against 34% negative comments read as a wrong figure)."""
    rule = (f"rated {max_rating:g} or lower" if max_rating is not None else
            "negative overall, or negative on balance about any factor")
    return f"complaints: {drivers['base_rate'].iat[0]:.1%} of analysed comments ({rule})"


def _themes_of(result, row, n: int = 3) -> str:
    """``; themes 屏幕 24% · 电池 21% · 功能 12%``: what a driver's complaints name most."""
    from manyi.analysis.themes import MAX_THEMES
    from manyi.report.fix import fix_themes, themes_line

    found = fix_themes(result, row.dimension, row.factor, MAX_THEMES)
    return f"; themes {themes_line(found, n)}" if found else ""


def _percent(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``frame`` with ``columns`` shown as percentages (0.0531 → 5.3%) and ``q_value`` with
    two significant digits, for the terminal: two decimals of a share read 0.05.

    >>> table = pd.DataFrame({"impact": [0.0531], "q_value": [0.00012]})
    >>> _percent(table, ["impact"]).values.tolist()
    [['5.3%', '0.00012']]
    """
    shown = frame.copy()
    for column in columns:
        shown[column] = [f"{v:.1%}" if pd.notna(v) else "" for v in shown[column]]
    if "q_value" in shown:
        shown["q_value"] = [f"{v:.2g}" if pd.notna(v) else "" for v in shown["q_value"]]
    return shown


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(frame: pd.DataFrame) -> str:
    """A plain table that lines up with Chinese text (wide characters count double)."""
    cells = [[str(c) for c in frame.columns]] + [[_cell(v) for v in row]
                                                  for row in frame.itertuples(index=False)]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(frame.columns))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:.2f}"
    return str(value)


def summary_text(result) -> str:
    """Counts, flags, sentiment shares and the dimension table, for the terminal."""
    from manyi.annotate.flags import ANALYSABLE_FLAGS

    meta = result.meta
    flags = meta.get("flags", {})
    analysed = sum(n for flag, n in flags.items() if flag in ANALYSABLE_FLAGS)
    counts = meta.get("sentiment", {})
    lines = [f"{meta.get('rows')} comments read from {meta.get('source')} "
             f"(text column: {meta.get('text_col')}); {analysed} analysed"]
    if meta.get("domain_guess"):
        lines.append(meta["domain_guess"]["note"])
    rejects = meta.get("rejects") or []
    if rejects:
        lines.append(f"rejected (unparseable, not in comments.csv): {len(rejects)} row(s); "
                     + "; ".join(f"line {r['line']}: {r['reason']}" for r in rejects[:3])
                     + (" …" if len(rejects) > 3 else ""))
    flagged = {k: int(v) for k, v in flags.items() if k and v}
    if flagged:
        lines.append("flagged (kept in comments.csv): "
                     + ", ".join(f"{k} {v}" for k, v in flagged.items()))
    lines.append("sentiment: " + ", ".join(
        f"{label} {counts.get(label, 0) / analysed if analysed else 0:.0%}"
        for label in ("positive", "neutral", "negative")))
    dims = result.dimensions[result.dimensions["comments"] > 0]
    table = pd.DataFrame({
        "维度 dimension": dims["label"] + " " + dims["dimension"],
        "评论 comments": dims["comments"],
        "占比 share": dims["share"].map("{:.0%}".format),
        "正面 pos": dims["positive"].map("{:.0%}".format),
        "负面 neg": dims["negative"].map("{:.0%}".format),
        "净情感 net": dims["net_sentiment"].map("{:+.2f}".format),
        "满意度 0-100": dims["satisfaction"].map("{:.1f}".format),
    })
    lines += ["", format_table(table)]
    return "\n".join(lines)


def left_out_line(left: pd.DataFrame, most: int = 8) -> str:
    """The groups the segments did not compare, largest first (segments_left_out.csv).

    >>> left_out_line(pd.DataFrame({"column": ["门店"], "group": ["陆家嘴店"], "comments": [15]}))
    "groups not compared (< 20 comments, or beyond a column's 30 largest): 门店 陆家嘴店 15"
    """
    from manyi.analysis.segments import MAX_GROUPS, MIN_GROUP, largest_left_out

    rows, total = largest_left_out(left, most)
    shown = ", ".join(f"{r.column} {r.group} {int(r.comments):,}" for r in rows.itertuples())
    more = f" … and {total - len(rows):,} more (segments_left_out.csv)" \
        if total > len(rows) else ""
    return (f"groups not compared (< {MIN_GROUP} comments, or beyond a column's "
            f"{MAX_GROUPS} largest): {shown}{more}")


def print_fix_first(tables: dict, rating_col: str | None,
                    max_rating: float | None = None) -> None:
    """The terminal summary of ``manyi drivers``: what to fix first, key drivers, index;
    ``max_rating``: complaints are the comments rated so or lower."""
    from manyi.analysis.index import WEIGHTING_LABELS
    from manyi.analysis.segments import worst

    table = tables["drivers"]
    top = table[table["side"] == "complaint"].head(10) if "side" in table else table.head(0)
    if len(top):
        click.echo(complaints_line(top, max_rating) + "\nfix first (impact = share of "
                   "comments that are complaints about it, each complaint split equally "
                   "between the factors it names; 95% CI; "
                   "impact_alone = complaints about it alone):\n" + format_table(
                       _percent(top[["label", "comments_naming", "side_naming", "side_share",
                                     "impact", "impact_low", "impact_high", "impact_alone",
                                     "q_value"]],
                                ["side_share", "impact", "impact_low", "impact_high",
                                 "impact_alone"])))
        themes = tables.get("driver_themes")
        if themes is not None and len(themes):
            from manyi.analysis.themes import top_themes

            lines = []
            for r in top[top["level"] == "factor"].head(3).itertuples():
                found = top_themes(themes, r.dimension, r.factor, 3).to_dict("records")
                if found:
                    lines.append(f"  {r.label}: " + " · ".join(
                        f"{t['theme']} {t['share']:.0%} (e.g. {t['evidence']})"
                        for t in found))
            if lines:
                click.echo("\nwhat the top complaints name (themes, share of its complaints; "
                           "driver_themes.csv):\n" + "\n".join(lines))
        if top["label"].str.contains(DISCOVERED_MARK, regex=False).any():
            click.echo(DISCOVERED_NOTE)
    else:
        click.echo("fix first: no factor is named negatively by enough comments")
    if "key_drivers" in tables:
        key = tables["key_drivers"]
        click.echo(f"\nkey drivers of {rating_col} (scale {key.attrs.get('scale')}, R² "
                   f"{key.attrs.get('r2', float('nan')):.3f}, n {key.attrs.get('n')}):\n"
                   + format_table(key[["label", "penalty", "reward", "importance",
                                       "importance_low", "importance_high"]]))
    if "index" in tables:
        index = tables["index"]
        index = pd.concat([index[index["dimension"] != "index"].sort_values(
            "comments", ascending=False, kind="stable"), index[index["dimension"] == "index"]])
        click.echo(f"\nsatisfaction index ({WEIGHTING_LABELS[index['weighting'].iloc[0]]}):\n"
                   + format_table(index[["label", "comments", "satisfaction", "weight"]]))
    if len(tables.get("segments_differences", [])):
        rows = worst(tables["segments_differences"])
        if len(rows):
            click.echo("\nworst groups (comments negative on the dimension, a share of all "
                       "the group's comments, vs the rest; BH q < 0.05):\n"
                       + format_table(_percent(rows[["column", "group", "label", "group_share",
                                                     "rest_share", "q_value"]],
                                               ["group_share", "rest_share"])))
        else:
            click.echo(f"\nworst groups: none — no group's negative share is above the "
                       f"rest's at BH q < 0.05 ({len(tables['segments_differences'])} "
                       f"comparisons)")
    if len(left := tables.get("segments_left_out", [])):
        click.echo("\n" + left_out_line(left))
    if len(tables.get("alerts", [])):
        click.echo("\nalerts (complaint_incidence: the dimension's or factor's complaints "
                   "per comment of the period; complaint_rate: per comment naming it):\n"
                   + _alerts_table(tables["alerts"]))
    elif "alerts" in tables:
        click.echo("\nalerts: none (each period's complaints per dimension and factor, per "
                   "comment and per comment naming it, are compared with the period just "
                   "before and with all earlier periods, BH q < 0.05)")
    if len(found := tables.get("segments_alerts", [])):
        click.echo("\nalerts within groups (each group's own trend, as above):\n"
                   + _alerts_table(found))


def _alerts_table(alerts: pd.DataFrame) -> str:
    """The alerts as the terminal shows them, a group's column and group first when given."""
    columns = [c for c in ("column", "group") if c in alerts] + [
        "label", "measure", "previous_period", "period", "previous_rate", "rate", "q_value"]
    return format_table(_percent(alerts[columns], ["previous_rate", "rate"]))
