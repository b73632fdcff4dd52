"""CSV and TSV records, line-exact: every physical line ends up in a row or in the rejects.

>>> list(csv_rows(["评论ID,评论内容\\n", "1,物流很快\\n", '2,"正品\\n'], "csv"))[0]
(['评论ID', '评论内容'], [['1', '物流很快']])

A broken record is re-read line by line; a stray quote that swallows lines which look like
rows of their own is caught and those lines read again; TSV is read without quote processing
unless the file plainly uses quoting; lines cut by a lone CR (old Mac exports appended to a
Unix file) are split when each piece is a whole row. A line break inside a quoted cell comes
out as LF whatever the file wrote (CRLF from Excel/Windows or a web form): a CR is kept only
where it is not part of a line break.
"""

from __future__ import annotations

import collections
import csv
import itertools
import math
import operator
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pandas as pd

from manyi.errors import InputError

if TYPE_CHECKING:
    from manyi.io.columns import InputMeta

# Excel's own cell limit; a longer raw line is cut in rejects (the input keeps it whole).
MAX_RAW_CHARS = 32_000
# Lines parsed at once where each is one plain record (most files): the csv module over the
# whole block, with no per-line bookkeeping.
FAST_LINES = 2048
# A broken record at most this many lines long is read again from its second line (so a
# good multi-line cell after a broken one comes out whole); a longer one line by line.
REREAD_LINES = 64
# Lines looked at to tell whether a TSV file uses quoting.
SNIFF_LINES = 200
# Lines made only of these are blank (NUL padding, a DOS end-of-file mark).
PADDING = "\x00\x1a \t\r\n"
# A quoted cell with a doubled quote inside ("a""b", """"), as a quoting writer escapes "
ESCAPED_QUOTE = re.compile(r'"(?:[^"]|"")*""(?:[^"]|"")*"')
LONE_CR = re.compile(r"\r(?!\n)")
# A line break inside a quoted cell: CRLF (and CRCRLF, CRLF written through a text-mode file
# on Windows) is one LF; a CR anywhere else is a character of the cell and stays.
CELL_BREAK = re.compile(r"\r+\n")
ID_LIKE = re.compile(r"[A-Za-z0-9_\-]{1,40}")


def reject(rejects: list[dict], line: int, reason: str, raw: str) -> None:
    """Add a rejected line (cut to :data:`MAX_RAW_CHARS`)."""
    raw = raw.rstrip("\r\n")
    if len(raw) > MAX_RAW_CHARS:
        raw = raw[:MAX_RAW_CHARS] + f"… ({len(raw):,} characters in all)"
    rejects.append({"line": line, "reason": reason, "raw": raw})


def split_lines(text: str) -> list[str]:
    """Physical lines with their endings; classic-Mac files (CR only) count CR as the end."""
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    return lines


def sniff_delimiter(header_line: str, fmt: str) -> str:
    """The declared delimiter, unless the header line plainly uses another one.

    >>> sniff_delimiter("评论ID;评论内容", "csv")
    ';'
    """
    declared = "\t" if fmt == "tsv" else ","
    if declared in header_line:
        return declared
    counts = {d: header_line.count(d) for d in (",", "\t", ";", "|") if d != declared}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else declared


ROW_START = re.compile(r"\n([^\n\t]{0,40})\t")
ID_SHAPE = re.compile(r"[^\s\"]{0,23}0[^\s\"]{0,23}")  # an id's shape: digits, no space


def _shape(field: str) -> str:
    """A first field's shape, its digits as one: r17 → r0, 0202603 → 0."""
    return re.sub(r"\d+", "0", field.strip())


def tsv_quoting(lines: list[str]) -> int:
    """``csv.QUOTE_MINIMAL`` when tab-separated ``lines`` plainly use quoting (a quoted cell
    holding a tab, a line break or a doubled quote, and no broken quoting), else
    ``csv.QUOTE_NONE``: exports write ``"`` freely in TSV, which has no quoting.

    >>> tsv_quoting(['id\\t评论\\n', '1\\t"正品"，很满意\\n']) == csv.QUOTE_NONE
    True
    """
    text = "".join(lines)
    if '"' not in text:
        return csv.QUOTE_NONE
    try:
        records = list(csv.reader(lines, delimiter="\t", strict=True))
    except csv.Error:
        return csv.QUOTE_NONE
    cells = [cell for record in records for cell in record]
    # a "cell" holding what look like rows (a line break, up to 40 characters, a tab) is a
    # stray quote; where the records' first fields are ids of one shape (2, r17), only a
    # break followed by that shape is (a cell of "\n\t" is a cell)
    shapes = collections.Counter(_shape(record[0]) for record in records[1:] if record)
    ids = next((shape for shape, n in shapes.most_common(1) if ID_SHAPE.fullmatch(shape)
                and n >= 0.9 * sum(shapes.values())), None)
    if any(ids is None or _shape(found) == ids for cell in cells
           for found in ROW_START.findall(cell)):
        return csv.QUOTE_NONE
    quoted = any("\t" in c or "\n" in c or "\r" in c for c in cells) or any(
        ESCAPED_QUOTE.fullmatch(field) for line in lines
        for field in line.rstrip("\r\n").split("\t"))
    return csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE


class LineWindow:
    """Lines in order, numbered from 1, keeping those of the record being read so a broken
    record can be re-read line by line (or from a later line: :meth:`rewind`); earlier ones
    are forgotten."""

    def __init__(self, lines: Iterator[str], read: int = 0) -> None:
        self.lines, self.kept = lines, collections.deque()
        self.read = self.top = read  # the last line given out; the last line pulled

    def __iter__(self) -> LineWindow:
        return self

    def __next__(self) -> str:
        if self.read < self.top:
            self.read += 1
            return self[self.read]
        line = next(self.lines)
        self.read = self.top = self.top + 1
        self.kept.append(line)
        return line

    def peek(self, count: int) -> list[str]:
        """The next ``count`` lines, still to be given out."""
        ahead = list(itertools.islice(self.lines, count))
        self.lines = itertools.chain(ahead, self.lines)
        return ahead

    def first_nonblank(self) -> tuple[str, LineWindow]:
        """The first non-blank line, and this window, which still yields every line."""
        ahead = []
        for line in self.lines:
            ahead.append(line)
            if line.strip(PADDING):
                break
        self.lines = itertools.chain(ahead, self.lines)
        return (ahead[-1] if ahead else ""), self

    def __getitem__(self, number: int) -> str:
        return self.kept[number - (self.top - len(self.kept)) - 1]

    def rewind(self, number: int) -> None:
        """Give out the kept lines again from line ``number``."""
        self.read = number - 1

    def forget_before(self, number: int) -> None:
        while self.kept and self.top - len(self.kept) + 1 < min(number, self.read + 1):
            self.kept.popleft()


def csv_frames(lines: Iterator[str], fmt: str, meta: InputMeta, chunk_rows: int | None
               ) -> Iterator[pd.DataFrame]:
    """The records of CSV/TSV ``lines`` as frames of ``chunk_rows`` rows (None: one frame)."""
    for header, rows in csv_rows(lines, fmt, meta, chunk_rows):
        yield pd.DataFrame(rows, columns=header, dtype=object)


def csv_rows(lines, fmt: str, meta: InputMeta | None = None, chunk_rows: int | None = None
             ) -> Iterator[tuple[list[str], list[list[str]]]]:
    """(header, rows) per chunk of ``chunk_rows`` rows; rejects go to ``meta.rejects``."""
    if meta is None:
        from manyi.io.columns import InputMeta

        meta = InputMeta()
    # A single comment can be far longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    first, window = LineWindow(iter(lines)).first_nonblank()
    meta.delimiter = sniff_delimiter(first, fmt)
    quoting = tsv_quoting(window.peek(SNIFF_LINES)) if meta.delimiter == "\t" \
        else csv.QUOTE_MINIMAL
    dialect = {"delimiter": meta.delimiter, "quoting": quoting, "strict": True}
    source: Iterator[str] = window.lines
    header: list[str] | None = None
    rows: list[list[str]] = []
    number, sent, done = 0, False, False  # lines read
    while not done:
        fast = header is not None and len(header) > 1  # one column: every line is careful
        block = list(itertools.islice(source, FAST_LINES)) if fast else []
        records = _plain_records(block, header, dialect) if block else None
        if records is not None:
            rows.extend(records)
            number += len(block)
        else:  # the header, or a block with a blank, short, long or multi-line record
            # one column: read on until a chunk is full (the block is empty then)
            until = number + len(block) if fast or header is None else math.inf
            full = chunk_rows if not block and chunk_rows is not None else math.inf
            window = LineWindow(itertools.chain(block, source), read=number)
            header, done = _careful_rows(window, header, rows, meta, dialect, until, full)
            number = window.read  # the block is used up: read on from source itself
        while chunk_rows is not None and len(rows) >= chunk_rows:
            yield header, rows[:chunk_rows]
            rows, sent = rows[chunk_rows:], True
    if header is None:
        raise InputError(f"{meta.source}: no header line")
    if rows or not sent:
        yield header, rows


def _plain_records(block: list[str], header: list[str], dialect: dict
                   ) -> list[list[str]] | None:
    """The records of ``block`` when each line is one record as wide as the header and none
    could be the header again; None otherwise (then :func:`_careful_rows` reads it)."""
    try:
        records = list(csv.reader(block, **dialect))
    except csv.Error:  # a broken record, or one running past the block
        return None
    if len(records) != len(block) or set(map(len, records)) != {len(header)} \
            or header[-1] in map(operator.itemgetter(-1), records):
        return None
    return records


def _careful_rows(window: LineWindow, header: list[str] | None, rows: list, meta: InputMeta,
                  dialect: dict, until: float, full: float) -> tuple[list[str] | None, bool]:
    """Read records line-exactly (rejects named by line) into ``rows`` until the header is
    known and line ``until`` is passed or ``full`` rows are held; the header, and whether
    the lines are all read."""
    title_check = False
    for start, end, record, error in _records(window, dialect):
        window.forget_before(start)
        if header is None:
            if error is None and record and "".join(record).strip(PADDING):
                header, meta.header_row, title_check = _header_names(record), start, True
            elif error is not None:
                raise InputError(f"{meta.source}:{start}: cannot read the header line: {error}")
            continue
        if title_check and (error is not None or record):
            title_check = False
            if error is None and _is_title(header, record):  # a title line above it
                header, meta.header_row = _header_names(record), start
                continue
        if error is None and end > start and _swallows_rows(window, start, end, header,
                                                            dialect):
            error = "a quoted cell runs over lines that look like rows (a stray quote?)"
        if error is not None or (len(record) > len(header) and end > start):
            if start < end <= start + REREAD_LINES:
                # the first line alone; then read on from the line after it, so a good
                # record there (even a multi-line one) comes out whole
                _keep_line(window[start], start, header, rows, meta, dialect, error)
                window.rewind(start + 1)
                continue
            # A stray quote swallows the lines after it: read those lines one by one.
            for number in range(start, end + 1):
                _keep_line(window[number], number, header, rows, meta, dialect, error)
        else:
            _keep(record, start, window[start], header, rows, meta)
        if not title_check and window.read == window.top and (end >= until
                                                              or len(rows) >= full):
            return header, False
    return header, True


def _records(window: LineWindow, dialect: dict):
    """(first line, last line, fields, error) per CSV record of ``window``."""
    reader = csv.reader(window, **dialect)
    while True:
        start = window.read + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, max(window.read, start), [], f"broken CSV quoting: {exc}"
            continue
        yield start, window.read, cell_breaks(record), None


def cell_breaks(record: list[str]) -> list[str]:
    """``record`` with each line break inside a cell as LF (a lone CR stays).

    >>> cell_breaks(["1", "物流很快\\r\\n包装完好", "尾\\r"])
    ['1', '物流很快\\n包装完好', '尾\\r']
    """
    if not any("\r" in cell for cell in record):
        return record
    return [CELL_BREAK.sub("\n", cell) if "\r" in cell else cell for cell in record]


def _swallows_rows(window: LineWindow, start: int, end: int, header: list[str],
                   dialect: dict) -> bool:
    """Whether a record over lines ``start..end`` holds a later line that reads as a row of
    its own (or as the start of one whose cell runs on), with an id shaped like the record's
    first field (1,"物流,5 / 2,好评,4 / 3,差",3; 1,"物流 / 2," / 很舒服")."""
    if len(header) < 2:
        return False
    shape = _id_shape(window[start].split(dialect["delimiter"], 1)[0])
    if shape is None:
        return False
    for number in range(start + 1, end + 1):
        try:
            fields = next(csv.reader([window[number]], **dialect))
        except (csv.Error, StopIteration):
            fields = _opens_cell(window[number], len(header), dialect["delimiter"])
        if len(fields) == len(header) and _id_shape(fields[0]) == shape:
            return True
    return False


def _opens_cell(line: str, width: int, delimiter: str) -> list[str]:
    """The fields of a line that starts a row whose last field on the line opens a quoted
    cell running on to the next lines (``2,"给妈妈买的``), padded to ``width``; else []."""
    fields = line.rstrip("\r\n").split(delimiter)
    if not 2 <= len(fields) <= width or not fields[-1].startswith('"') \
            or any('"' in field for field in fields[:-1]):
        return []
    return fields + [""] * (width - len(fields))


def _id_shape(value: str) -> str | None:
    if value.isascii() and value.isdigit() and len(value) <= 20:
        return "digits"
    if ID_LIKE.fullmatch(value) and any(c.isdigit() for c in value):
        return "code"
    return None


def _is_title(header: list[str], record: list[str]) -> bool:
    """Whether ``header`` is a title line and ``record`` the real header: the record names a
    known column, has no empty, number or date cell, and the title line is narrower or has
    such a cell (客户评论导出,2025-01-01 above 评论ID,买家评价)."""
    from manyi.io.columns import find_column, known_names

    def value_like(cell: str) -> bool:
        return not cell.strip() or bool(re.fullmatch(r"[\d\s.:/年月日号-]+", cell.strip()))

    if any(value_like(cell) for cell in record) or len(set(record)) < len(record):
        return False
    if find_column(record, known_names()) is None:
        return False
    return len(header) < len(record) or any(value_like(cell) or cell.startswith("Unnamed: ")
                                            for cell in header)


def _keep_line(line: str, number: int, header: list[str], rows: list, meta: InputMeta,
               dialect: dict, error: str | None) -> None:
    if not line.strip(PADDING):
        return
    try:
        record = next(csv.reader([line], **dialect))
    except (csv.Error, StopIteration) as exc:
        if not _keep_cr_pieces(line, number, header, rows, meta, dialect):
            reject(meta.rejects, number, error or f"broken CSV quoting: {exc}", line)
        return
    _keep(record, number, line, header, rows, meta)


def _keep_cr_pieces(line: str, number: int, header: list[str], rows: list, meta: InputMeta,
                    dialect: dict) -> bool:
    """Keep the rows of a line cut by lone CRs (old Mac line ends) if each piece is a whole
    row as wide as the header; False (nothing kept) otherwise."""
    body = line.rstrip("\r\n")
    if not LONE_CR.search(body):
        return False
    records = []
    for piece in LONE_CR.split(body):
        if not piece.strip(PADDING):
            continue
        try:
            record = next(csv.reader([piece], **dialect))
        except (csv.Error, StopIteration):
            return False
        if len(record) != len(header):
            return False
        records.append((record, piece))
    for record, piece in records:
        _keep(record, number, piece, header, rows, meta)
    return bool(records)


def _keep(record: list[str], start: int, raw: str, header: list[str], rows: list,
          meta: InputMeta) -> None:
    if not record or _padding(raw, header):  # a blank line is no row, as in a spreadsheet
        return
    if len(record) > len(header) and not any(record[len(header):]):
        record = record[:len(header)]  # a trailing delimiter on every line of some exports
    if len(record) > len(header):
        reject(meta.rejects, start, f"{len(record)} fields where the header has "
               f"{len(header)} (an unquoted delimiter in a cell?)", raw)
    elif record == header or (record[:1] and record[0].lstrip("\ufeff") == header[0]
                              and record[1:] == header[1:]):
        reject(meta.rejects, start, "the header line again (files pasted together?)", raw)
    else:
        rows.append(record + [""] * (len(header) - len(record)))


def _padding(raw: str, header: list[str]) -> bool:
    """Whether a line is NUL padding or a DOS end-of-file mark (Ctrl-Z), not a row: made only
    of those, in a file of several columns (in a one-column file only a final Ctrl-Z with no
    line end: a cell may hold a NUL, and manyi's own writer ends every line)."""
    body = raw.rstrip("\r\n")
    if body.strip("\x00\x1a"):
        return False
    return len(header) > 1 or (body == "\x1a" and raw == body)


def _header_names(record: list[str]) -> list[str]:
    """Header cells as column names: blank ones ``Unnamed: i``, repeats ``name.1`` (as pandas)."""
    names, seen = [], {}
    for i, cell in enumerate(record):
        name = cell.strip().lstrip("\ufeff").strip() or f"Unnamed: {i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        names.append(name)
    return names
