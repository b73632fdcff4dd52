"""The workbook's comments and mentions sheets streamed from an analysis folder's CSVs.

``manyi report --from DIR`` never holds these tables whole. A first pass over the CSV,
chunk by chunk, keeps per column what its kind and number format depend on
(:func:`manyi.report.excel.early_kind`, ``whole_kind``, ``date_format``,
``sheet_rows.column_spec``): its first 50 filled cells, whether every cell is text, and, for
a column its first cells leave open (a rating, a date), its distinct values. A column of
its first filled cells followed by its distinct values gives the same answers as the whole
column, and stands in for it (:meth:`FolderTable.column_view`). The second pass renders the
rows chunk by chunk (:func:`manyi.report.sheet_rows.sheet_rows`); the bytes are those of
the whole table. Only the rows a sheet can hold (Excel's limit) are read for it.

>>> import manyi, tempfile
>>> from pathlib import Path
>>> from manyi.io.saved import read_meta
>>> with tempfile.TemporaryDirectory() as folder:
...     _ = manyi.analyze(["物流很快", "质量太差"] * 1500).to_dir(folder)
...     table = folder_table(folder, "mentions", read_meta(Path(folder)), chunk_rows=1000)
...     at = list(table.columns).index("dimension")
...     len(table), table.iloc[:2]["term"].tolist(), list(table.column_view(at)[:2])
(3000, ['物流', '质量'], ['logistics', 'product'])
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from manyi.io.saved import (
    _annotations,
    _comments,
    _inputs,
    _mentions,
    _read,
    not_as_written,
    text_chunks,
)
from manyi.report import sheet_rows
from manyi.report.excel import EXCEL_MAX_ROWS, FIRST_FILLED, HEAD_ROWS, early_kind

DISTINCT_MAX = 200_000  # distinct values kept per column; past it the column is read whole
FOLDER_SHEET_ROWS = 50_000


def folder_sheets(folder: str | Path, meta: dict, *, chunk_rows: int = FOLDER_SHEET_ROWS,
                  described: dict | None = None) -> dict:
    """The comments and mentions sheets' tables of the folder (see :func:`folder_table`);
    ``described``: tables of :func:`sheet_readers` another reader's pass described."""
    described = described or {}
    return {name: described[name].finished() if name in described else
            folder_table(folder, name, meta, chunk_rows=chunk_rows)
            for name in ("comments", "mentions")}


def sheet_readers(folder: str | Path, meta: dict, *, chunk_rows: int = FOLDER_SHEET_ROWS
                  ) -> dict[str, FolderTable]:
    """The tables that a pass over the folder can describe chunk by chunk
    (:meth:`FolderTable.describe`), by file stem: the mentions, and the comments of a CSV."""
    names = ["comments", "mentions"] if meta.get("format") in ("csv", "tsv") else ["mentions"]
    return {name: FolderTable(Path(folder) / f"{name}.csv", _typing(name, meta),
                              _id_cols(meta), chunk_rows, read=False) for name in names}


def _id_cols(meta: dict) -> frozenset[str]:
    return frozenset(c for c in ("comment_id", meta.get("id_col")) if c)


def _typing(name: str, meta: dict):
    return _mentions if name == "mentions" else (lambda table: _comments(table, meta))


def folder_table(folder: str | Path, name: str, meta: dict, *,
                 chunk_rows: int = FOLDER_SHEET_ROWS) -> pd.DataFrame | FolderTable:
    """The ``name`` table (comments, mentions) of the folder for its sheet: a
    :class:`FolderTable`, or the table itself (as :func:`manyi.io.saved.read_result` reads
    it) when it is short or its cells are typed only as a whole (the input columns of a
    dump that was not a CSV)."""
    path = Path(folder) / f"{name}.csv"
    if name == "comments" and meta.get("format") not in ("csv", "tsv"):
        # input columns typed each as a whole (numbers, dates): the table read whole
        return _read(path, lambda table: _inputs(table, meta), None, _annotations)
    return FolderTable(path, _typing(name, meta), _id_cols(meta), chunk_rows).finished()


class FolderTable:
    """A table of the folder, described by one pass (see the module text)."""

    def __init__(self, path: Path, typed, id_cols: frozenset[str], chunk_rows: int,
                 read: bool = True) -> None:
        self.path, self.typed, self.chunk_rows, self.id_cols = path, typed, chunk_rows, id_cols
        self.limit: int | None = None
        self.rows = 0
        self.head: pd.DataFrame | None = None
        self.mixed = False  # a column's dtype differs between chunks: read whole
        self.dtypes: dict[str, object] = {}
        self.first: dict[str, list] = {}
        self.other: dict[str, list] = {}  # a cell that is not text (object columns)
        self.distinct: dict[str, dict | None] = {}
        self.early: dict[str, bool] = {}
        if read:
            for table in self.chunks():
                self.describe(table)

    def describe(self, table: pd.DataFrame) -> None:
        """Take in the next typed chunk of the table (the first pass)."""
        if self.rows < EXCEL_MAX_ROWS:  # what the sheet holds is described
            self._describe(table.iloc[:EXCEL_MAX_ROWS - self.rows].reset_index(drop=True))
        self.rows += len(table)

    @property
    def columns(self) -> pd.Index:
        return pd.Index(list(self.dtypes))

    def finished(self) -> pd.DataFrame | FolderTable:
        """This table, or the whole frame when it is short or its dtypes vary by chunk."""
        return self.frame() if len(self) <= sheet_rows.FAST_ROWS or self.mixed else self

    def _describe(self, table: pd.DataFrame) -> None:
        self.head = table if self.head is None else self.head
        for column in table.columns:
            cells = table[column]
            dtype = self.dtypes.setdefault(column, cells.dtype)
            self.mixed = self.mixed or dtype != cells.dtype
            seen = self.first.setdefault(column, [])
            if len(seen) < FIRST_FILLED:
                filled = cells.dropna()
                filled = filled[filled.astype(str).str.strip() != ""]
                seen.extend(filled.iloc[:FIRST_FILLED - len(seen)].tolist())
                if len(seen) == FIRST_FILLED and self._decided(column):
                    self.distinct[column] = {}  # its first cells decide: no values kept
            if cells.dtype == object and not self.other.get(column) and \
                    pd.api.types.infer_dtype(cells, skipna=True) not in ("string", "empty"):
                self.other[column] = [v for v in cells.dropna() if not isinstance(v, str)][:1]
            if cells.dtype.kind not in "biufM" and self.distinct.get(column, {}) is not None \
                    and not self._decided(column):
                values = self.distinct.setdefault(column, {})
                values.update(dict.fromkeys(pd.unique(cells.to_numpy(dtype=object))))
                if len(values) > DISTINCT_MAX:
                    self.distinct[column] = None

    def _decided(self, column: str) -> bool:
        """Whether the column's first 50 filled cells decide its kind (early_kind)."""
        seen = self.first.get(column, [])
        if len(seen) < FIRST_FILLED:
            return False
        if column not in self.early:
            first = pd.Series(seen, dtype=self.dtypes[column])
            self.early[column] = early_kind(first, str(column), self.id_cols) is not None
        return self.early[column]

    def chunks(self) -> Iterator[pd.DataFrame]:
        """The typed chunks of the table, up to its row limit."""
        seen = 0
        try:
            for table in text_chunks(self.path, None, self.chunk_rows):
                if self.limit is not None and seen + len(table) > self.limit:
                    table = table.iloc[:self.limit - seen]
                yield self.typed(table).reset_index(drop=True)  # a header alone: empty
                seen += len(table)
                if self.limit is not None and seen >= self.limit:
                    return
        except (ValueError, KeyError, TypeError) as exc:
            raise not_as_written(self.path, exc) from exc

    def __len__(self) -> int:
        return self.rows

    @property
    def iloc(self):
        return _Rows(self)

    def column_view(self, i: int) -> pd.Series:
        """Column ``i``'s first filled cells, then a cell that is not text (if any), then
        its distinct values (when its first cells leave its kind open): the same kind,
        formats and spec as the whole column; the whole column past DISTINCT_MAX values."""
        name = self.columns[i]
        dtype = self.dtypes[name]
        first = pd.Series(self.first[name], dtype=dtype)
        values = [*self.first[name], *self.other.get(name, [])]
        if dtype.kind in "biufM" or early_kind(first, str(name), self.id_cols) is not None:
            return pd.Series(values, dtype=dtype)
        if self.distinct.get(name) is None:  # too many values: the column itself
            return pd.concat([table[name] for table in self.chunks()], ignore_index=True)
        return pd.Series([*values, *self.distinct[name]], dtype=dtype)

    def frame(self) -> pd.DataFrame:
        """The whole table (for the rare column openpyxl has to write)."""
        parts = list(self.chunks())
        return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]

    def rows_after_first(self, specs) -> Iterator[bytes]:
        """The XML of every row after the first, chunk by chunk."""
        start = 0
        for table in self.chunks():
            part = table.iloc[1:] if start == 0 else table
            yield from sheet_rows.sheet_rows(part, specs, first_row=start + 2 + (start == 0))
            start += len(table)


class _Rows:
    """``table.iloc[:n]``: the first rows (a frame) or the table cut to ``n`` rows."""

    def __init__(self, table: FolderTable) -> None:
        self.table = table

    def __getitem__(self, rows: slice):
        table = self.table
        if not isinstance(rows, slice) or rows.start not in (None, 0) or rows.step:
            raise TypeError("a FolderTable gives its first rows only")
        stop = len(table) if rows.stop is None else min(rows.stop, len(table))
        if stop <= HEAD_ROWS and table.head is not None and stop <= len(table.head):
            return table.head.iloc[:stop]
        if stop == len(table):
            return table
        if stop != EXCEL_MAX_ROWS:
            raise ValueError("a FolderTable is cut only to Excel's row limit")
        cut = object.__new__(FolderTable)
        cut.__dict__.update(table.__dict__)
        cut.limit = cut.rows = stop  # described up to this row in the first pass
        return cut


