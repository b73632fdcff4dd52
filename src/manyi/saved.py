"""Read back a folder ``manyi analyze`` wrote, with the column types of the run.

``report``, ``drivers``, ``graph`` and ``topics`` take such a folder (``--from DIR``) and do
not analyse again; :meth:`manyi.Result.from_dir` is the same in Python.

>>> import manyi, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     _ = manyi.analyze(["物流很快", "=质量太差"]).to_dir(folder)
...     manyi.Result.from_dir(folder).comments["text"].tolist()
['物流很快', '=质量太差']
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from .annotator import MENTION_COLUMNS
from .errors import InputError
from .outputs import FORMULA_START

ANNOTATION_FLOATS = ("sentiment_score", "p_positive", "p_neutral", "p_negative")
MENTION_TYPES = {"row": "int64", "clause_id": "int64", "negated": "bool", "degree": "float64",
                 "implicit": "bool", "score": "float64", "start": "int64", "end": "int64"}
DIMENSION_TYPES = {"comments": "int64", "share": "float64", "positive": "float64",
                   "neutral": "float64", "negative": "float64", "net_sentiment": "float64",
                   "satisfaction": "float64"}
# Readers that give every input cell as text: their columns are read back as text.
TEXT_FORMATS = ("csv", "tsv", "txt", "text")
NEEDED = ("comments.csv", "mentions.csv", "meta.json")


def read_result(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict]:
    """comments, mentions, dimensions and meta of an analysis folder, typed as the run's."""
    folder = Path(path)
    missing = [name for name in NEEDED if not (folder / name).is_file()]
    if missing:
        raise InputError(f"{folder}: not a folder `manyi analyze` wrote ({', '.join(missing)} "
                         "missing); run `manyi analyze INPUT -o DIR` first")
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{folder / 'meta.json'}: cannot read it ({exc})") from exc
    meta.pop("rejected", None)
    rejects = folder / "rejects.csv"
    meta["rejects"] = _text_table(rejects).assign(
        line=lambda t: t["line"].astype(np.int64)).to_dict("records") if rejects.is_file() \
        else []
    comments = _comments(_text_table(folder / "comments.csv"), meta)
    mentions = _mentions(_text_table(folder / "mentions.csv"))
    dimensions = _dimensions(_text_table(folder / "dimensions.csv")) \
        if (folder / "dimensions.csv").is_file() else pd.DataFrame()
    return comments, mentions, dimensions, meta


def _text_table(path: Path) -> pd.DataFrame:
    try:
        table = pd.read_csv(path, dtype=object, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read it ({' '.join(str(exc).split())})") from exc
    return table.apply(_unquoted) if len(table) else table


def _unquoted(cells: pd.Series) -> pd.Series:
    """Undo the ' that writing put before a cell starting with = + - @ (for Excel)."""
    quoted = cells.str.startswith(tuple("'" + s for s in FORMULA_START))
    return cells.where(~quoted, cells.str[1:]) if quoted.any() else cells


def _comments(table: pd.DataFrame, meta: dict) -> pd.DataFrame:
    """Annotation columns typed as the annotator makes them; input columns as text when the
    input was text (CSV, TSV, lines), else typed by their values (numbers as numbers)."""
    annotated = {"comment_id", "text", "flag", "sentiment", *ANNOTATION_FLOATS, "dimensions",
                 "n_mentions"}
    if meta.get("format") not in TEXT_FORMATS:
        for column in table.columns.difference(list(annotated)):
            table[column] = _inferred(table[column])
    for column in ANNOTATION_FLOATS:
        if column in table:
            table[column] = pd.to_numeric(table[column].replace("", np.nan)).astype("float64")
    if "n_mentions" in table:
        table["n_mentions"] = table["n_mentions"].astype(np.int64)
    for column in ("text", "flag", "dimensions"):  # typed from lists, as the annotator does
        if column in table:
            table[column] = _as_built(table[column])
    return table


def _as_built(cells: pd.Series) -> pd.Series:
    """Text cells typed as a column built from a list of str is (object or str by the pandas
    version)."""
    return pd.Series(cells.tolist(), index=cells.index)


def _inferred(cells: pd.Series) -> pd.Series:
    """Numbers as numbers and empty cells as missing (a JSON line's 5 is 5, not "5")."""
    values = cells.replace("", np.nan)
    numbers = pd.to_numeric(values, errors="coerce")
    if values.notna().any() and numbers[values.notna()].notna().all():
        whole = numbers.dropna()
        return numbers.astype(np.int64) if values.notna().all() and \
            (whole == whole.round()).all() and not cells.str.contains(r"[.eE]").any() \
            else numbers
    return values


def _mentions(table: pd.DataFrame) -> pd.DataFrame:
    if not len(table):
        return pd.DataFrame(columns=MENTION_COLUMNS)
    for column in table.columns.difference(list(MENTION_TYPES)):
        table[column] = _as_built(table[column])
    return _typed(table, MENTION_TYPES)


def _dimensions(table: pd.DataFrame) -> pd.DataFrame:
    for column in ("dimension", "label"):
        table[column] = _as_built(table[column])
    return _typed(table, DIMENSION_TYPES)


def _typed(table: pd.DataFrame, types: dict[str, str]) -> pd.DataFrame:
    for column, kind in types.items():
        if column not in table:
            continue
        cells = table[column]
        if kind == "bool":
            table[column] = cells.map({"True": True, "False": False}).astype(bool)
        elif kind == "int64":
            table[column] = cells.astype(np.int64)
        else:
            table[column] = pd.to_numeric(cells.replace("", np.nan)).astype("float64")
    return table
