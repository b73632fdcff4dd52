"""The rows of a long workbook sheet (comments, mentions) rendered column by column with
Arrow's string kernels, as the worksheet XML openpyxl writes (inline strings, typed numbers,
dates as serial numbers, the same cell styles), and streamed into the saved workbook.

openpyxl builds a Python cell object per cell: about 10 µs a cell, which made the workbook of
a dump cost several times its analysis. Here a sheet's first data row still goes through
openpyxl (it registers the styles), and every later row is rendered here in chunks, so memory
stays bounded at any size.

>>> import pandas as pd
>>> spec = column_spec(pd.Series(["好评", "=1+1", None]), "text", None, {"quote": 2})
>>> cells = spec.render(pd.Series(["好评", "=1+1", None]), "A", row_numbers(0, 3))
>>> for cell in cells.to_pylist():
...     print(cell)
<c r="A1" t="inlineStr"><is><t xml:space="preserve">好评</t></is></c>
<c r="A2" s="2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from manyi.io.write import FORMULA_START, without_surrogates

FAST_ROWS = 2_000  # sheets longer than this: rows after the first are rendered here
CHUNK_ROWS = 10_000  # rows rendered at a time: a few MB of XML
ILLEGAL = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]"  # openpyxl's ILLEGAL_CHARACTERS_RE
EPOCH = np.datetime64("1899-12-30", "ns")  # Excel's (Windows) day 0
DAY_NS = 86_400 * 10**9
MAX_TEXT = 32767


@dataclass
class ColumnSpec:
    """How one column's cells are written: ``text``, ``number``, ``bool`` or ``date``,
    with the style id of its number format (or of the quote prefix, for text)."""

    kind: str
    style: int | None = None
    whole: bool = False

    def render(self, values: pd.Series, letter: str, rows):
        """The cells' XML (an Arrow large_string array; "" for an empty cell)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        text = pa.large_string()
        ref = pc.binary_join_element_wise(pa.scalar(f'<c r="{letter}', text), rows,
                                          pa.scalar("", text))
        style = "" if self.style is None else f' s="{self.style}"'
        if self.kind == "text":
            cells = _text_cells(values, escape=False)
            quoted = pc.match_substring_regex(cells, "^[" + "".join(
                "\\-" if c == "-" else c for c in FORMULA_START) + "]")
            cells = _escaped(cells)
            head = pa.scalar('" t="inlineStr"><is><t xml:space="preserve">', text)
            if self.style is not None and pc.any(quoted).as_py():
                head = pc.if_else(quoted, pa.scalar(f'"{style} t="inlineStr"><is><t '
                                                    'xml:space="preserve">', text), head)
            xml = pc.binary_join_element_wise(ref, head, cells,
                                              pa.scalar("</t></is></c>", text),
                                              pa.scalar("", text))
            empty = pc.fill_null(pc.equal(cells, pa.scalar("", text)), True)
            return pc.if_else(empty, pa.scalar("", text), xml)  # no cell, as openpyxl
        if self.kind == "bool":
            flags = values.to_numpy()
            numbers = pa.array(np.where(flags, "1", "0"), text)
            head = pa.scalar(f'"{style} t="b"><v>', text)
            missing = None
        else:
            numbers, missing = self._numbers(values)
            head = pa.scalar(f'"{style} t="n"><v>', text)
        xml = pc.binary_join_element_wise(ref, head, numbers, pa.scalar("</v></c>", text),
                                          pa.scalar("", text))
        return xml if missing is None else pc.if_else(missing, pa.scalar("", text), xml)

    def _numbers(self, values: pd.Series):
        import pyarrow as pa

        text = pa.large_string()
        if self.kind == "date":
            stamps = _stamps(values).to_numpy(dtype="datetime64[ns]")
            missing = np.isnat(stamps)
            ns = (stamps - EPOCH).astype(np.int64)
            days, rest = np.divmod(ns, DAY_NS)
            micro = rest // 1000
            seconds = (micro // 10**6).astype(np.float64) + (micro % 10**6) / 10**6
            serial = days.astype(np.float64) + seconds / 86400  # openpyxl's to_excel
            return pa.array(np.where(missing, 0.0, serial)).cast(text), missing
        if self.kind == "number" and values.dtype.kind not in "biuf":
            values = pd.to_numeric(values.where(values.astype(str).str.strip() != ""),
                                   errors="coerce")
        numbers = values.to_numpy(dtype=np.float64, na_value=np.nan)
        missing = ~np.isfinite(numbers)
        if self.whole:
            cells = pa.array(np.where(missing, 0, numbers).astype(np.int64)).cast(text)
        else:
            cells = pa.array(np.where(missing, 0.0, numbers)).cast(text)
        return cells, missing


def parse_dates(values: pd.Series) -> pd.Series:
    """Timestamps (NaT where none): ISO 8601 at vectorised speed, else each cell's own form."""
    try:
        return pd.to_datetime(values, errors="raise", format="ISO8601")
    except (ValueError, TypeError):
        return pd.to_datetime(values, errors="coerce", format="mixed")


def _stamps(values: pd.Series) -> pd.Series:
    if values.dtype.kind == "M":
        return values
    return parse_dates(values.where(values.astype(str).str.strip() != ""))


def _text_cells(values: pd.Series, escape: bool = True):
    """The column as escaped XML text (null where the cell is empty), as openpyxl writes
    ``str(value)`` with illegal control characters removed, cut at 32,767 characters
    (``escape=False``: the text itself)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.large_string()
    if values.dtype.kind in "iu":
        cells = pa.array(values.to_numpy()).cast(text)
    else:
        objects = values.to_numpy(dtype=object)
        try:
            cells = pa.array(objects, text, from_pandas=True)
        except UnicodeEncodeError:
            cells = pa.array([without_surrogates(v) if isinstance(v, str) else v
                              for v in objects], text, from_pandas=True)
    cells = pc.replace_substring_regex(cells, ILLEGAL, "")
    if pc.any(pc.greater(pc.utf8_length(cells), MAX_TEXT)).as_py():
        cells = pc.utf8_slice_codeunits(cells, 0, MAX_TEXT)
    return _escaped(cells) if escape else cells


def _escaped(cells):
    """XML text: & < > and carriage returns escaped, as lxml writes them."""
    import pyarrow.compute as pc

    for plain, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;")):
        cells = pc.replace_substring(cells, plain, escaped)
    return cells


def text_column(values: pd.Series) -> bool:
    """Whether a column of kind ``text`` can be rendered here (strings or integers)."""
    return values.dtype.kind in "iu" or isinstance(values.dtype, pd.StringDtype) or (
        values.dtype.kind == "O"
        and pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"))


def column_spec(values: pd.Series, kind: str, fmt: str | None,
                styles: dict) -> ColumnSpec | None:
    """The spec of one column of kind ``kind`` (see ``excel.column_kind``), or None when its
    cells are of a type left to openpyxl. ``styles`` maps a number format (or ``"quote"``)
    to its style id."""
    if kind == "text":
        return ColumnSpec("text", styles.get("quote")) if text_column(values) else None
    style = styles.get(fmt) if fmt else None
    if kind == "date":
        if values.dtype.kind == "M" and getattr(values.dt, "tz", None) is not None:
            return None
        if (_stamps(values).dropna() < pd.Timestamp("1900-03-01")).any():
            return None  # Excel's 1900 leap-year quirk: left to openpyxl
        return ColumnSpec("date", style)
    if kind == "number":
        numbers = pd.to_numeric(values.where(values.astype(str).str.strip() != ""),
                                errors="coerce").dropna()
        whole = bool(len(numbers) and (numbers == numbers.round()).all()
                     and numbers.abs().max() < 2**53)
        return ColumnSpec("number", style, whole)
    if kind == "native":
        dtype = values.dtype
        if dtype.kind == "b":
            return ColumnSpec("bool", style)
        if dtype.kind in "iu":
            return ColumnSpec("number", style, True)
        if dtype.kind == "f":
            return ColumnSpec("number", style)
    return None


def row_numbers(start: int, stop: int):
    """Excel's row numbers ``start + 1 … stop`` as Arrow text."""
    import pyarrow as pa

    return pa.array(np.arange(start + 1, stop + 1, dtype=np.int64)).cast(pa.large_string())


def sheet_rows(table: pd.DataFrame, specs: list[ColumnSpec], first_row: int) -> Iterator[bytes]:
    """The XML of every row of ``table``, which starts at Excel row ``first_row`` (1-based),
    in chunks of CHUNK_ROWS rows."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from openpyxl.utils import get_column_letter

    text = pa.large_string()
    letters = [get_column_letter(i + 1) for i in range(len(specs))]
    for start in range(0, len(table), CHUNK_ROWS):
        part = table.iloc[start:start + CHUNK_ROWS]
        numbers = row_numbers(first_row - 1 + start, first_row - 1 + start + len(part))
        columns = [spec.render(part.iloc[:, i], letter, numbers)
                   for i, (spec, letter) in enumerate(zip(specs, letters))]
        head = pc.binary_join_element_wise(pa.scalar('<row r="', text), numbers,
                                           pa.scalar('">', text), pa.scalar("", text))
        rows = pc.binary_join_element_wise(head, *columns, pa.scalar("</row>", text),
                                           pa.scalar("", text))
        if isinstance(rows, pa.ChunkedArray):
            rows = rows.combine_chunks()
        ends = np.frombuffer(rows.buffers()[1], dtype=np.int64)[
            rows.offset:rows.offset + len(rows) + 1]
        yield rows.buffers()[2].to_pybytes()[ends[0]:ends[-1]]
