"""Excel workbooks: bounded reads, the real header row, values as the user typed them.

>>> _header_position([["2026年3月 评价导出"], ["编号", "评论内容"], ["a1", "很好"]])
1

The sheet is read with openpyxl in read-only mode and the dimension the file claims is
ignored (a 5 KB file claiming XFD1048576 would otherwise ask for 17 billion cells); the cells
actually present are counted against :data:`MAX_CELLS`.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd

from manyi.errors import InputError
from manyi.io.delimited import _header_names, reject

# An .xlsx is a zip of XML; refuse one that would inflate to an absurd size before any
# parser touches it (a "zip bomb" would otherwise take the job's memory down at 3 a.m.).
MAX_XLSX_BYTES = 512 * 2**20
MAX_XLSX_RATIO = 100
MAX_XLSX_MEMBERS = 10_000
# Cells read from a sheet, counting the empty ones to the left of a filled one.
MAX_CELLS = 50_000_000
HEADER_SEARCH_ROWS = 10
# A cell that reads as a number or a date (2025-01-01, 2025年1月) is no column name.
VALUE_LIKE = re.compile(r"[\d\s.:/年月日号-]+")
# A header cell is a short label.
MAX_HEADER_CHARS = 30


def check_xlsx(path: Path) -> None:
    """Refuse a workbook that is not a zip or would inflate to an absurd size."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: not an .xlsx workbook (not a zip file); save it from "
                         "Excel as .xlsx or export CSV") from exc
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if (len(members) > MAX_XLSX_MEMBERS or unpacked > MAX_XLSX_BYTES
            or (unpacked > MAX_XLSX_BYTES // 8 and unpacked / packed > MAX_XLSX_RATIO)):
        raise InputError(f"{path}: refused: the workbook would unpack to {unpacked / 2**20:,.0f} "
                         f"MiB from {packed / 2**20:,.1f} MiB in {len(members)} parts "
                         f"(limit {MAX_XLSX_BYTES // 2**20} MiB, ratio {MAX_XLSX_RATIO}); "
                         "export the sheet as CSV")


def read_excel(path: Path, sheet: str | int | None, meta) -> pd.DataFrame:
    """The chosen sheet as a frame below its header row; ``meta`` gets sheets and header row."""
    from openpyxl import load_workbook

    check_xlsx(path)
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        meta.sheets = [str(name) for name in book.sheetnames]
        meta.sheet = _choose_sheet(meta.sheets, sheet, path)
        numbers, grid = _sheet_rows(book[meta.sheet], path)
    finally:
        book.close()
    if not grid:
        raise InputError(f"{path}: sheet {meta.sheet!r} is empty; sheets are: "
                         f"{', '.join(meta.sheets)}")
    at = _header_position(grid)
    meta.header_row = numbers[at]
    width = max(map(len, grid))
    names = _header_names(["" if v is None else str(v) for v in _pad(grid[at], width)])
    unsaved = _unsaved_formulas(path, meta.sheet) if _has_formulas(path) else {}
    rows = []
    for number, row in zip(numbers[at + 1:], grid[at + 1:]):
        if number in unsaved:
            columns = ", ".join(names[j] for j in unsaved[number] if j < width)
            reject(meta.rejects, number, f"formula without a saved value in {columns} (open "
                   "and save the workbook in Excel, or export CSV)",
                   "\t".join("" if v is None else str(v) for v in row))
        else:
            rows.append(_pad(row, width))
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    return _typed(frame)


def _sheet_rows(worksheet, path: Path) -> tuple[list[int], list[list]]:
    """The non-empty rows of a sheet (row numbers, cells), trailing empty cells dropped,
    values as typed."""
    worksheet.reset_dimensions()  # never trust the size the file claims
    numbers, rows, seen = [], [], 0
    for number, row in enumerate(worksheet.iter_rows(values_only=True), 1):
        seen += len(row) + 1
        if seen > MAX_CELLS:
            raise InputError(f"{path}: refused: the sheet holds more than {MAX_CELLS:,} cells; "
                             "export it as CSV")
        cells = [_cell(v) for v in row]
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            numbers.append(number)
            rows.append(cells)
    return numbers, rows


def _has_formulas(path: Path) -> bool:
    """Whether any sheet of the workbook holds a formula (a ``<f>`` element)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as part:
                    tail = b""
                    while block := part.read(1 << 20):
                        if re.search(rb"<(?:\w+:)?f[ >/]", tail + block):
                            return True
                        tail = block[-16:]
    return False


def _unsaved_formulas(path: Path, sheet: str) -> dict[int, list[int]]:
    """Row number → columns (0-based) of formula cells the workbook holds no value for
    (written by a program, never opened in Excel): read as empty, they would pass silently."""
    from openpyxl import load_workbook

    found: dict[int, list[int]] = {}
    formulas = load_workbook(path, read_only=True, data_only=False)
    values = load_workbook(path, read_only=True, data_only=True)
    try:
        both = zip(_rows_of(formulas[sheet]), _rows_of(values[sheet]))
        for number, (written, saved) in enumerate(both, 1):
            for j, cell in enumerate(written):
                if isinstance(cell, str) and cell.startswith("=") and (
                        j >= len(saved) or saved[j] is None):
                    found.setdefault(number, []).append(j)
    finally:
        formulas.close()
        values.close()
    return found


def _rows_of(worksheet):
    worksheet.reset_dimensions()
    return worksheet.iter_rows(values_only=True)


def _cell(value):
    """A cell as the user typed it: 1 not 1.0 (a whole number past 2**53 too, as Excel
    shows it with the format 0), None for an empty string."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and not value:
        return None
    return value


def _pad(row: list, width: int) -> list:
    return row + [None] * (width - len(row))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns of numbers or dates typed as such; a column of whole numbers with gaps stays
    whole numbers (an id 1 must not come out as 1.0, nor 12345678901234567 rounded)."""
    typed = {}
    for name in frame.columns:
        values = frame[name]
        inferred = values.infer_objects()
        if inferred.dtype.kind == "f" and any(isinstance(v, int) for v in values):
            continue  # (bool is an int too: a column of True and gaps stays as typed)
        typed[name] = inferred
    for name, values in typed.items():
        frame[name] = values
    return frame


def _choose_sheet(sheets: list[str], sheet: str | int | None, path: Path) -> str:
    if sheet is None:
        return sheets[0]
    if str(sheet) in sheets:
        return str(sheet)
    if str(sheet).isdigit() and int(sheet) < len(sheets):
        return sheets[int(sheet)]
    raise InputError(f"{path}: no sheet {sheet!r}; sheets are: {', '.join(sheets)}")


def _label_row(row: list) -> bool:
    """Filled cells that are all short, distinct labels (no numbers, dates or long text)."""
    filled = [v for v in row if v is not None]
    return bool(filled) and len(set(map(str, filled))) == len(filled) and all(
        isinstance(v, str) and len(v.strip()) <= MAX_HEADER_CHARS
        and not VALUE_LIKE.fullmatch(v.strip()) for v in filled)


def _header_position(grid: list[list]) -> int:
    """The header row: the first row of labels without gaps that names a known column;
    else row 0, unless title rows or merged group headers sit above a later row that names
    a text column exactly and has more filled cells than every row above it.

    A data row (even one whose category cell reads 建议) is never taken for the header:
    it has a number, a date or a long text, or a full header row sits above it.
    """
    from manyi.io.columns import TEXT_NAMES, find_column, known_names

    top = grid[:HEADER_SEARCH_ROWS]
    filled = [sum(v is not None for v in row) for row in top]
    for i, row in enumerate(top):  # rows come without trailing empty cells
        if filled[i] >= 2 and None not in row and _label_row(row) and find_column(
                [str(v) for v in row], known_names()) is not None:
            return i
    best = 0
    for i in range(1, len(top)):
        cells = {str(v).strip().lower() for v in top[i] if v is not None}
        if (cells & set(TEXT_NAMES) and _label_row(top[i]) and filled[i] >= 2
                and filled[i] > max(filled[:i]) and filled[i] > filled[best]):
            best = i
    return best

