"""The Excel workbook of a report: one sheet per table (see ``manyi.report.excel`` for the
cells, ``manyi.report.sheet_rows`` for the rows of long sheets), the summary sheet first,
saying which sheets hold only their first rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from manyi.analysis.index import WEIGHTING_LABELS
from manyi.analysis.ipa import IMPORTANCE_KINDS
from manyi.analysis.labels import MEASURE_LABELS
from manyi.io.fixed import fixed_zip
from manyi.io.write import atomic_path
from manyi.report import fix, svg
from manyi.report.excel import write_sheet
from manyi.report.notes import not_computed
from manyi.report.tables import (
    POLARITY_LABELS,
    complaint_rule_text,
    headline,
    ipa_table,
    optional_table,
    step_bar,
)
from manyi.text.domains import domain_label

# the words a table's coded cells are shown by (the CSV files keep the codes)
VALUES = {"side": fix.SIDE_WORDS, "level": {"dimension": "维度", "factor": "因素"},
          "direction": fix.DIRECTION_WORDS, "complaint_direction": fix.DIRECTION_WORDS,
          "grouped_by": fix.GROUPED, "weighting": WEIGHTING_LABELS,
          "importance_kind": IMPORTANCE_KINDS, "column": {"period": fix.PERIOD},
          "measure": MEASURE_LABELS}


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The table with its coded cells in words: ``side`` complaint → 投诉.

    >>> shown(pd.DataFrame({"side": ["complaint", "praise"], "label": ["物流", "价格"]})
    ...       )["side"].tolist()
    ['投诉', '好评']
    """
    coded = [c for c in VALUES if c in table.columns]
    return table.assign(**{c: table[c].map(lambda v, c=c: VALUES[c].get(v, v))
                           for c in coded}) if coded else table


def excel_tables(result) -> dict[str, pd.DataFrame]:
    """Sheet name → table, in workbook order; optional tables only when present."""
    head = headline(result)
    summary = pd.DataFrame(
        [("comments", head["comments"]), ("analysed", head["analysed"]),
         *[(f"{p}_share", round(100 * head["sentiment"][p], 1)) for p in POLARITY_LABELS],
         ("satisfaction_index", head["satisfaction_index"]),
         ("index_weighting", WEIGHTING_LABELS.get(head["weighting"], head["weighting"] or "")),
         ("complaint_rule", complaint_rule_text(result.meta)),
         *[(f"flagged_{k}", v) for k, v in head["flagged"].items()],
         *[(k, ", ".join(map(str, v)) if isinstance(v, list) else
            domain_label(result.meta) if k == "domain" else v)
           for k, v in result.meta.items() if k in ("source", "text_col", "rating_col",
                                                     "time_col", "group_cols", "domain")],
         *[(f"not_computed_{n.part}", n.chinese) for n in not_computed(result).values()]],
        columns=["item", "value"])
    tables = {"summary": summary, "dimensions": result.dimensions}
    for name in ("drivers", "topics"):
        if (table := optional_table(result, name)) is not None:
            tables[name] = table
        if name == "drivers" and (themes := fix.driver_themes(result)) is not None \
                and len(themes):
            tables["driver_themes"] = themes
    tables["ipa"] = ipa_table(result)
    for name in ("trends", "alerts"):  # the alerts, as the report lists them (newcomer)
        if (table := optional_table(result, name)) is not None:
            tables[name] = table
    found = fix.table_of(result, "segments")
    if isinstance(found, dict):
        for name, table in found.items():
            if isinstance(table, pd.DataFrame) and not table.empty:
                tables[f"segments_{name}"] = table
    tables = {name: shown(table) for name, table in tables.items()}
    sheets = getattr(result, "sheets", None) or {}  # read from the folder, chunk by chunk
    tables["comments"] = sheets.get("comments", result.comments)
    tables["mentions"] = sheets.get("mentions", result.mentions)
    tables["summary"] = pd.concat([summary, _cut_rows(tables)], ignore_index=True)
    return tables


def _cut_rows(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Summary rows saying which sheets hold only their first rows: a sheet holds at most
    Excel's 1,048,575 data rows; the whole table is in the CSV files `manyi analyze` writes."""
    from manyi.report import excel as report_xlsx

    limit = report_xlsx.EXCEL_MAX_ROWS
    rows = [(f"sheet_{name}_rows", f"前 {limit:,} 行（共 {len(table):,} 行，Excel 每表上限）；"
             f"完整表见 {name}.csv")
            for name, table in tables.items() if len(table) > limit]
    return pd.DataFrame(rows, columns=["item", "value"])


def write_excel(result, path: str | Path, *, progress: bool | None = False) -> Path:
    """One sheet per table (manyi.report.excel): Chinese headers with the English key as a
    comment, typed cells (numbers, dates; ids as text), frozen header, filters, widths,
    percent formats, no formulas; streamed (openpyxl write-only)."""
    from openpyxl import Workbook

    path = Path(path)
    workbook = Workbook(write_only=True)
    tables = excel_tables(result)
    meta = result.meta
    id_cols = frozenset(c for c in ("comment_id", meta.get("id_col")) if c)
    rows = {}  # the rows of long sheets, rendered while the workbook is written
    with step_bar(len(tables), "xlsx", progress) as bar:
        for name, table in tables.items():
            if (tail := write_sheet(workbook, name, table, id_cols, svg.text_width)):
                rows[tail[0]] = tail[1]
            bar.update(1)
    with atomic_path(path) as tmp:
        workbook.save(tmp)
        fixed_zip(tmp, rows)  # no save time inside: the same workbook, the same bytes
    return path
