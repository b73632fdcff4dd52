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
from collections.abc import Collection, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from manyi.annotate.annotator import MENTION_COLUMNS
from manyi.errors import InputError
from manyi.io.write import FORMULA_START

ANNOTATION_FLOATS = ("sentiment_score", "p_positive", "p_neutral", "p_negative")
MENTION_TYPES = {"row": "int64", "clause_id": "int64", "negated": "bool", "degree": "float64",
                 "implicit": "bool", "score": "float64", "start": "int64", "end": "int64"}
DIMENSION_TYPES = {"comments": "int64", "share": "float64", "positive": "float64",
                   "neutral": "float64", "negative": "float64", "net_sentiment": "float64",
                   "satisfaction": "float64"}
NEEDED = ("comments.csv", "mentions.csv", "meta.json")
# the columns of mentions the tables are computed from (graphs: also clause_id, opinion)
TABLE_MENTION_COLUMNS = ("row", "dimension", "factor", "term", "source", "polarity", "score")
READ_ROWS = 50_000  # rows parsed at a time


def read_result(path: str | Path, *, text: bool = True,
                columns: Collection[str] | None = None
                ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict]:
    """comments, mentions, dimensions and meta of an analysis folder, typed as the run's.

    ``text=False``: only what the tables (drivers, index, IPA, key drivers, segments,
    trends) are computed from: no text, probabilities or clauses, the mentions' row,
    dimension, factor, term, source, polarity and score (a fraction of the memory).
    ``columns``: only these columns of the comments, and no mentions (an empty table),
    for what needs no more (topics)."""
    folder = Path(path)
    meta = read_meta(folder)
    dropped = () if text else {"text", meta.get("text_col"), *ANNOTATION_FLOATS[1:]}
    usecols = _without(dropped) if columns is None else (lambda column: column in columns)
    comments = _read(folder / "comments.csv", lambda table: _inputs(table, meta), usecols,
                     _annotations)
    mentions = _mentions(pd.DataFrame(columns=MENTION_COLUMNS)) if columns is not None \
        else _read(folder / "mentions.csv", lambda table: table,
                   None if text else (lambda column: column in TABLE_MENTION_COLUMNS),
                   _mentions)
    dimensions = _read(folder / "dimensions.csv", _dimensions) \
        if (folder / "dimensions.csv").is_file() else pd.DataFrame()
    return comments, mentions, dimensions, meta


def read_meta(folder: Path) -> dict:
    """meta.json of an analysis folder, with the rejected rows of rejects.csv; an
    InputError when the folder is not one ``manyi analyze`` wrote."""
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
    return meta


def _without(dropped: Collection[str]):
    """A ``usecols`` of pandas' read_csv reading every column but ``dropped`` (None: all)."""
    return (lambda column: column not in dropped) if dropped else None


def _read(path: Path, typed, usecols=None, chunk=None) -> pd.DataFrame:
    """A table of the folder, typed: ``chunk`` types each chunk as it is read (cell by
    cell: the text strings become Arrow strings before the next chunk is parsed),
    ``typed`` the whole table; a cell or column that is not what analyze writes is one
    InputError naming the file."""
    try:
        return typed(_text_table(path, usecols, chunk))
    except (ValueError, KeyError, TypeError) as exc:
        raise not_as_written(path, exc) from exc


def not_as_written(path: Path, exc: Exception) -> InputError:
    """The one-line error for a table of the folder whose cells analyze would not write."""
    return InputError(f"{path}: not as `manyi analyze` writes it ({type(exc).__name__}: "
                      f"{' '.join(str(exc).split())}); analyse the dump again")


def _text_table(path: Path, usecols=None, chunk=None) -> pd.DataFrame:
    """The CSV's cells as text (:func:`text_chunks`), each chunk typed by ``chunk`` (if
    given) as it is read."""
    parts = [chunk(table) if chunk is not None else table
             for table in text_chunks(path, usecols)]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def text_chunks(path: Path, usecols=None, rows: int = READ_ROWS) -> Iterator[pd.DataFrame]:
    """The CSV's cells as text, ``rows`` rows at a time, the ' before a formula-like cell
    undone; a header without rows gives one empty table. An unreadable file is one
    InputError naming it."""
    def failed(exc: Exception) -> InputError:
        return InputError(f"{path}: cannot read it ({' '.join(str(exc).split())})")

    options = {"dtype": object, "keep_default_na": False, "encoding": "utf-8-sig",
               "usecols": usecols}
    try:
        reader = pd.read_csv(path, chunksize=rows, **options)
    except (OSError, ValueError) as exc:
        raise failed(exc) from exc
    empty = True
    with reader:
        while True:
            try:
                table = next(reader)
            except StopIteration:
                break
            except (OSError, ValueError) as exc:
                raise failed(exc) from exc
            empty = False
            yield table.apply(_unquoted) if len(table) else table
    if empty:  # a chunked reader gives no table for a header alone
        try:
            table = pd.read_csv(path, **options)
        except (OSError, ValueError) as exc:
            raise failed(exc) from exc
        yield table


def typed_chunks(path: Path, columns: Collection[str] | None = None, rows: int = READ_ROWS,
                 typed=None) -> Iterator[pd.DataFrame]:
    """:func:`text_chunks` of only ``columns`` (None: all), each passed through ``typed``
    (if given); a cell or column analyze would not write is one InputError naming the file
    (:func:`not_as_written`). A header alone gives one empty table, its columns kept."""
    wanted = None if columns is None else set(columns)
    try:
        for table in text_chunks(path, None if wanted is None else wanted.__contains__, rows):
            yield table if typed is None else typed(table)
    except (ValueError, KeyError, TypeError) as exc:
        raise not_as_written(path, exc) from exc


def _unquoted(cells: pd.Series) -> pd.Series:
    """Undo the ' that writing put before a cell starting with = + - @ (for Excel)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:  # one pass in Arrow finds the few cells that start with ' at all
        maybe = pc.starts_with(pa.array(cells.to_numpy(dtype=object), pa.large_string()), "'")
        maybe = maybe.to_numpy(zero_copy_only=False).astype(bool)
    except (pa.ArrowException, UnicodeEncodeError, TypeError):
        maybe = np.ones(len(cells), dtype=bool)
    if not maybe.any():
        return cells
    quoted = np.zeros(len(cells), dtype=bool)
    quoted[maybe] = cells[maybe].str.startswith(tuple("'" + s for s in FORMULA_START))
    return cells.where(~quoted, cells.str[1:]) if quoted.any() else cells


ANNOTATED = {"comment_id", "text", "flag", "sentiment", *ANNOTATION_FLOATS, "dimensions",
             "n_mentions"}


def _comments(table: pd.DataFrame, meta: dict) -> pd.DataFrame:
    """Annotation columns typed as the annotator makes them; input columns as the reader of
    the input's format types them (:func:`_input_column`)."""
    return _inputs(_annotations(table), meta)


def _annotations(table: pd.DataFrame) -> pd.DataFrame:
    """The annotation columns typed, cell by cell (so chunk by chunk)."""
    for column in ANNOTATION_FLOATS:
        if column in table:
            table[column] = pd.to_numeric(table[column].replace("", np.nan)).astype("float64")
    if "n_mentions" in table:
        table["n_mentions"] = table["n_mentions"].astype(np.int64)
    for column in ("text", "flag", "dimensions"):  # typed from lists, as the annotator does
        if column in table:
            table[column] = _as_built(table[column])
    return table


def _inputs(table: pd.DataFrame, meta: dict) -> pd.DataFrame:
    """The input columns typed, each as a whole (a column is numbers when all its cells
    are)."""
    for column in table.columns.difference(list(ANNOTATED), sort=False):
        table[column] = _input_column(table[column], meta.get("format"))
    return table


def _input_column(cells: pd.Series, fmt: str | None) -> pd.Series:
    """An input column typed as the reader typed it: CSV/TSV cells are text (object); lines of
    text a list of str; JSON values numbers where every cell is one (object, as JSON gives
    them); Excel cells inferred (numbers, dates, text); anything else numbers where every
    cell is one. Text a JSON line gave as "5" comes back as 5: the CSV cannot tell."""
    if fmt in ("csv", "tsv"):
        return cells
    if fmt == "text":
        return _as_built(cells)
    numbers = _numbers(cells)
    if fmt in ("jsonl", "json"):
        return pd.Series(numbers, index=cells.index, dtype=object) \
            if numbers is not None else cells
    if numbers is not None:
        return pd.Series(numbers, index=cells.index, dtype=object).infer_objects()
    if fmt == "excel" and len(cells) and cells.str.fullmatch(DATE).all():
        return pd.Series(pd.to_datetime(cells).to_numpy(), index=cells.index)
    return _as_built(cells) if fmt == "excel" else cells


# A date or date and time as pandas writes a datetime cell.
DATE = r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d+)?)?"


def _as_built(cells: pd.Series) -> pd.Series:
    """Text cells typed as a column built from a list of str is (object or str by the pandas
    version)."""
    return pd.Series(cells.tolist(), index=cells.index)


def _numbers(cells: pd.Series) -> list | None:
    """The cells as Python ints and floats when every one is a number, else None."""
    # a leading zero (007, an id or a code) stays text
    if not len(cells) or not cells.str.fullmatch(r"-?(0|[1-9]\d*)(\.\d*)?([eE][-+]?\d+)?").all():
        return None
    return [float(cell) if any(c in cell for c in ".eE") else int(cell) for cell in cells]


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
