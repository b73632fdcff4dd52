"""Read comment dumps (CSV, TSV, Excel, JSONL, Parquet, plain text); writers are in outputs.py.

>>> frame, meta = read_comments(["物流很快", "质量一般"])
>>> meta.text_col, list(frame["comment_id"])
('comment', ['1', '2'])
"""

from __future__ import annotations

import collections
import csv
import itertools
import json
import math
import operator
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .errors import InputError

FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".txt": "text", ".text": "text",
           ".xlsx": "excel", ".xlsm": "excel", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}

# Column names recognised in order of preference (exact match first, then "contains").
TEXT_NAMES = ("评论内容", "评价内容", "反馈内容", "留言内容", "意见建议", "评论", "评价", "内容",
              "反馈", "留言", "意见", "建议", "review", "reviews", "comment", "comments", "text",
              "content", "feedback", "message", "body")
RATING_NAMES = ("评分", "星级", "打分", "满意度", "分数", "nps", "rating", "stars", "star", "score")
TIME_NAMES = ("评论时间", "评价时间", "受理时间", "创建时间", "提交时间", "时间", "日期", "time",
              "date", "datetime", "timestamp", "created_at")
GROUP_NAMES = ("商品", "产品", "品类", "渠道", "平台", "门店", "店铺", "业务线", "product",
               "category", "cat", "channel", "platform", "shop", "store")

RESERVED = ("comment_id", "text", "flag", "sentiment", "sentiment_score", "p_positive",
            "p_neutral", "p_negative", "dimensions", "n_mentions")


@dataclass
class InputMeta:
    """What the reader found out about a dump: which column holds what, and how it was read."""

    source: str = "<data>"
    format: str = "frame"
    encoding: str | None = None
    text_col: str = "text"
    id_col: str | None = None
    rating_col: str | None = None
    time_col: str | None = None
    group_cols: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    rows: int = 0
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    header_row: int | None = None
    rejects: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def read_comments(source: str | Path | pd.DataFrame | Sequence[str], *,
                  text_col: str | None = None, id_col: str | None = None,
                  encoding: str | None = None, sheet: str | int | None = None,
                  ) -> tuple[pd.DataFrame, InputMeta]:
    """Read a dump into a frame with ``comment_id`` first and every input row and column kept."""
    meta, chunks = iter_comments(source, text_col=text_col, id_col=id_col, encoding=encoding,
                                 sheet=sheet, chunk_rows=None)
    return pd.concat(list(chunks), ignore_index=True), meta


def iter_comments(source: str | Path | pd.DataFrame | Sequence[str], *,
                  text_col: str | None = None, id_col: str | None = None,
                  encoding: str | None = None, sheet: str | int | None = None,
                  chunk_rows: int | None = 50_000) -> tuple[InputMeta, Iterator[pd.DataFrame]]:
    """:func:`read_comments` in chunks of ``chunk_rows`` rows (None: one chunk), for dumps
    larger than memory. CSV, TSV, text, JSON lines and Parquet are read as they are consumed;
    Excel and JSON arrays are read whole. ``meta`` is complete once the chunks are consumed
    (``rows``, ``rejects``, ``encoding``); its columns are known at once.

    >>> meta, chunks = iter_comments(["物流很快", "质量一般", "还行"], chunk_rows=2)
    >>> [list(c["comment_id"]) for c in chunks], meta.rows
    ([['1', '2'], ['3']], 3)
    """
    if isinstance(source, pd.DataFrame):
        meta, raw = InputMeta(), _frame_slices(source, chunk_rows)
    elif isinstance(source, (str, Path)) and not _looks_like_text_list(source):
        meta, raw = _open_file(Path(source), encoding=encoding, sheet=sheet,
                               chunk_rows=chunk_rows)
    elif isinstance(source, Iterable) and not isinstance(source, (str, bytes)):
        meta, raw = InputMeta(), _frame_slices(pd.DataFrame({"comment": list(source)}),
                                               chunk_rows)
    else:
        raise InputError(f"cannot read comments from {type(source).__name__}; "
                         "give a file path, a DataFrame or a list of strings")
    first = next(raw, None)
    if first is None or first.empty:
        rest = next(raw, None) if first is not None else None
        if rest is None or rest.empty:  # a first chunk of rejects only is no empty file
            raise InputError(f"{meta.source}: no rows to analyse{_rejects_note(meta.rejects)}")
        first = rest
    first.columns = [str(c) for c in first.columns]
    meta.text_col = _pick_text_column(first, text_col, meta.source)
    _find_roles(meta, list(first.columns))
    if id_col is not None:
        _check_id_column(first, id_col, meta)
    _note_renames(meta, _reserved_names(first.columns))
    return meta, _with_ids(itertools.chain([first], raw), id_col, meta)


def _find_roles(meta: InputMeta, columns: list[str]) -> None:
    """Rating, time and group columns by name (``meta.text_col`` is known)."""
    text_col = {v: k for k, v in meta.renamed.items()}.get(meta.text_col, meta.text_col)
    rename = meta.renamed.get
    rating = find_column(columns, RATING_NAMES, exclude={text_col})
    time = find_column(columns, TIME_NAMES, exclude={text_col})
    meta.rating_col = rename(rating, rating) if rating else None
    meta.time_col = rename(time, time) if time else None
    meta.group_cols = [rename(c, c) for c in columns if c not in (text_col, rating, time)
                       and find_column([c], GROUP_NAMES) is not None]


def _frame_slices(frame: pd.DataFrame, chunk_rows: int | None) -> Iterator[pd.DataFrame]:
    frame = frame.reset_index(drop=True)
    if chunk_rows is None or len(frame) <= chunk_rows:
        yield frame.copy()
        return
    for start in range(0, len(frame), chunk_rows):
        yield frame.iloc[start:start + chunk_rows].reset_index(drop=True)


def _with_ids(chunks: Iterator[pd.DataFrame], id_col: str | None, meta: InputMeta
              ) -> Iterator[pd.DataFrame]:
    """Each chunk with ``comment_id`` first, reserved names renamed, and the columns of the
    chunks before it (a JSON line may lack a key, or bring a new one: kept, at the end)."""
    columns: list[str] = []
    for chunk in chunks:
        chunk.columns = [str(c) for c in chunk.columns]
        if columns:
            chunk = chunk.reindex(columns=columns + [c for c in chunk.columns
                                                     if c not in columns])
            if len(chunk.columns) > len(columns):
                _find_roles(meta, list(chunk.columns))
        columns = list(chunk.columns)
        ids = _comment_ids(chunk, id_col, meta, first=meta.rows)
        meta.rows += len(chunk)
        clashes = _reserved_names(chunk.columns)
        meta.renamed.update(clashes)
        chunk = chunk.rename(columns=clashes)
        chunk.insert(0, "comment_id", ids)
        yield chunk.reset_index(drop=True)


def _rejects_note(rejects: list[dict]) -> str:
    if not rejects:
        return ""
    first = rejects[0]
    return (f" ({len(rejects)} line(s) rejected; first at line {first['line']}: "
            f"{first['reason']})")


def _looks_like_text_list(source: str | Path) -> bool:
    return False if isinstance(source, Path) else "\n" in source and not Path(source).exists()


def find_column(columns: Iterable[str], names: Sequence[str],
                exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The first column named like one of ``names``: exact (case-insensitive), then containing."""
    candidates = [c for c in columns if c not in exclude]
    lowered = {c: c.strip().lower() for c in candidates}
    for name in names:
        for column, low in lowered.items():
            if low == name:
                return column
    for name in names:
        if len(name) < 2:
            continue
        for column, low in lowered.items():
            if name in low:
                return column
    return None


def _pick_text_column(frame: pd.DataFrame, text_col: str | None, source: str) -> str:
    if text_col is not None:
        if text_col not in frame.columns:
            raise InputError(f"{source}: text column {text_col!r} not found; "
                             f"columns are: {', '.join(frame.columns)}")
        return text_col
    found = find_column(frame.columns, TEXT_NAMES)
    if found is None and len(frame.columns) == 1:
        found = frame.columns[0]
    if found is None:
        raise InputError(f"{source}: no text column found among: {', '.join(frame.columns)}; "
                         "name it with --text-col")
    return found


def _check_id_column(frame: pd.DataFrame, id_col: str, meta: InputMeta) -> None:
    if id_col not in frame.columns:
        raise InputError(f"{meta.source}: id column {id_col!r} not found; "
                         f"columns are: {', '.join(frame.columns)}")
    meta.id_col = id_col


def _comment_ids(frame: pd.DataFrame, id_col: str | None, meta: InputMeta, first: int = 0
                 ) -> pd.Series:
    if id_col is None:
        return pd.Series([str(i) for i in range(first + 1, first + len(frame) + 1)],
                         dtype=object)
    values = frame[id_col].tolist()
    if frame[id_col].isna().any():
        return pd.Series(["" if pd.isna(v) else str(v) for v in values], dtype=object)
    return pd.Series(list(map(str, values)), dtype=object)


def _reserved_names(columns: Iterable[str]) -> dict[str, str]:
    """Input columns named like manyi's outputs are kept as ``input_<name>``."""
    return {c: f"input_{c}" for c in columns if c in RESERVED}


def _note_renames(meta: InputMeta, clashes: dict[str, str]) -> None:
    meta.renamed = dict(clashes)
    for attr in ("text_col", "rating_col", "time_col", "id_col"):
        if getattr(meta, attr) in clashes:
            setattr(meta, attr, clashes[getattr(meta, attr)])
    meta.group_cols = [clashes.get(c, c) for c in meta.group_cols]


# -- files ---------------------------------------------------------------------------
# An .xlsx is a zip of XML; refuse one that would inflate to an absurd size before any
# parser touches it (a "zip bomb" would otherwise take the job's memory down at 3 a.m.).
MAX_XLSX_BYTES = 512 * 2**20
MAX_XLSX_RATIO = 100
MAX_XLSX_MEMBERS = 10_000
# Excel's own cell limit; a longer raw line is cut in rejects (the input keeps it whole).
MAX_RAW_CHARS = 32_000
HEADER_SEARCH_ROWS = 10


def _open_file(path: Path, *, encoding: str | None, sheet: str | int | None,
               chunk_rows: int | None) -> tuple[InputMeta, Iterator[pd.DataFrame]]:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown format {path.suffix or '(no extension)'!r}; "
                         f"use one of {', '.join(sorted(FORMATS))}")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: file is empty")
    meta = InputMeta(source=str(path), format=fmt)
    return meta, _guarded(_raw_frames(path, fmt, encoding, sheet, meta, chunk_rows), path, fmt)


def _raw_frames(path: Path, fmt: str, encoding: str | None, sheet: str | int | None,
                meta: InputMeta, chunk_rows: int | None) -> Iterator[pd.DataFrame]:
    if fmt == "excel":
        yield from _frame_slices(_read_excel(path, sheet, meta), chunk_rows)
    elif fmt == "parquet":
        yield from _parquet_frames(path, chunk_rows)
    else:
        lines = decoded_lines(path, encoding, meta)
        if fmt in ("csv", "tsv"):
            yield from _csv_frames(lines, fmt, meta, chunk_rows)
        elif fmt == "text":
            for part in _batches(lines, chunk_rows):
                yield pd.DataFrame({"comment": [line.rstrip("\r\n") for line in part]})
        else:
            yield from _jsonl_frames(lines, path, meta, chunk_rows)


def _guarded(frames: Iterator[pd.DataFrame], path: Path, fmt: str) -> Iterator[pd.DataFrame]:
    """Parser failures as one-line InputErrors naming the file, wherever in the file."""
    try:
        yield from frames
    except InputError:
        raise
    except (ValueError, OSError, KeyError, pd.errors.ParserError, zipfile.BadZipFile,
            RecursionError, MemoryError) as exc:
        raise InputError(f"{path}: cannot read as {fmt}: {_reason(exc)}") from exc
    except Exception as exc:  # third-party parsers (openpyxl, pyarrow) raise their own types
        raise InputError(f"{path}: cannot read as {fmt}: {type(exc).__name__}: "
                         f"{_reason(exc)}") from exc


def _batches(items: Iterable, size: int | None) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if size is not None and len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parquet_frames(path: Path, chunk_rows: int | None) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq

    # integers with gaps stay integers (5, not 5.0), whichever rows a chunk holds
    with pq.ParquetFile(path) as book:
        if chunk_rows is None:
            yield book.read().to_pandas(integer_object_nulls=True)
            return
        for batch in book.iter_batches(batch_size=chunk_rows):
            yield batch.to_pandas(integer_object_nulls=True)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def decode_bytes(data: bytes, encoding: str | None, path: Path | str = "<bytes>"
                 ) -> tuple[str, str]:
    """Decode a dump: the given encoding, else UTF-8 (with or without BOM), UTF-16 with a
    BOM (Excel's "Unicode text"), else GB18030.

    A file that mixes GBK and UTF-8 lines (concatenated exports) is decoded line by line;
    bytes that fit no encoding become U+FFFD and the pipeline flags the row ``undecodable``.
    """
    if encoding:
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding}: {exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").removeprefix("\ufeff"), "utf-16"
        except UnicodeDecodeError:
            pass
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    # GB18030 decodes most UTF-8 byte runs into nonsense without complaint, so a file with
    # any valid non-ASCII UTF-8 line is read line by line rather than as GB18030 whole.
    if not any(not line.isascii() and _is_utf8(line) for line in lines):
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    return "\n".join(_decode_line(line) for line in lines), "mixed"


BLOCK_BYTES = 8 * 2**20


def decoded_lines(path: Path, encoding: str | None, meta: InputMeta) -> Iterator[str]:
    """The file's lines (endings kept), decoded block by block as :func:`decode_bytes` does;
    ``meta.encoding`` is set once all are read. UTF-16 files are decoded whole."""
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(0)
        wide = encoding and "16" in encoding or encoding and "32" in encoding
        if wide or head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text, meta.encoding = decode_bytes(handle.read(), encoding, path)
            yield from _lines(text)
            return
        seen: set[str] = set()
        while block := handle.read(BLOCK_BYTES):
            block += handle.readline()  # whole lines only: a character never straddles
            text, used = decode_bytes(block, encoding, path)
            if not block.isascii():
                seen.add(used)
            yield from _lines(text)
    meta.encoding = (seen.pop() if len(seen) == 1 else "mixed" if seen
                     else encoding or "utf-8")


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_line(line: bytes) -> str:
    for candidate in ("utf-8", "gb18030"):
        try:
            return line.decode(candidate)
        except UnicodeDecodeError:
            continue
    return line.decode("utf-8", errors="replace")


def _reject(rejects: list[dict], line: int, reason: str, raw: str) -> None:
    raw = raw.rstrip("\r\n")
    if len(raw) > MAX_RAW_CHARS:
        raw = raw[:MAX_RAW_CHARS] + f"… ({len(raw):,} characters in all)"
    rejects.append({"line": line, "reason": reason, "raw": raw})


def _lines(text: str) -> list[str]:
    """Physical lines with their endings; classic-Mac files (CR only) count CR as the end."""
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    return lines


# -- CSV: every physical line ends up in a row or in meta.rejects ----------------------
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


class _LineWindow:
    """Lines in order, numbered from 1, keeping those of the record being read so a broken
    record can be re-read line by line; earlier ones are forgotten."""

    def __init__(self, lines: Iterator[str], read: int = 0) -> None:
        self.lines, self.kept, self.read = lines, collections.deque(), read

    def __iter__(self) -> _LineWindow:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.read += 1
        self.kept.append(line)
        return line

    def first_nonblank(self) -> tuple[str, Iterator[str]]:
        """The first non-blank line, and an iterator that still yields every line."""
        ahead = []
        for line in self.lines:
            ahead.append(line)
            if line.strip():
                break
        self.lines = itertools.chain(ahead, self.lines)
        return (ahead[-1] if ahead else ""), self

    def __getitem__(self, number: int) -> str:
        return self.kept[number - (self.read - len(self.kept)) - 1]

    def forget_before(self, number: int) -> None:
        while self.kept and self.read - len(self.kept) + 1 < number:
            self.kept.popleft()


# Lines parsed at once where each is one plain record (most files): the csv module over the
# whole block, with no per-line bookkeeping.
FAST_LINES = 2048


def _csv_frames(lines: Iterator[str], fmt: str, meta: InputMeta, chunk_rows: int | None
                ) -> Iterator[pd.DataFrame]:
    # A single comment can be far longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    first, window = _LineWindow(lines).first_nonblank()
    meta.delimiter = sniff_delimiter(first, fmt)
    source: Iterator[str] = window.lines
    header: list[str] | None = None
    rows: list[list[str]] = []
    number, sent, done = 0, False, False  # lines read
    while not done:
        fast = header is not None and len(header) > 1  # one column: every line is careful
        block = list(itertools.islice(source, FAST_LINES)) if fast else []
        records = _plain_records(block, header, meta.delimiter) if block else None
        if records is not None:
            rows.extend(records)
            number += len(block)
        else:  # the header, or a block with a blank, short, long or multi-line record
            # one column: read on until a chunk is full (the block is empty then)
            until = number + len(block) if fast or header is None else math.inf
            full = chunk_rows if not block and chunk_rows is not None else math.inf
            window = _LineWindow(itertools.chain(block, source), read=number)
            header, done = _careful_rows(window, header, rows, meta, until, full)
            number = window.read  # the block is used up: read on from source itself
        while chunk_rows is not None and len(rows) >= chunk_rows:
            yield pd.DataFrame(rows[:chunk_rows], columns=header, dtype=object)
            rows, sent = rows[chunk_rows:], True
    if header is None:
        raise InputError(f"{meta.source}: no header line")
    if rows or not sent:
        yield pd.DataFrame(rows, columns=header, dtype=object)


def _plain_records(block: list[str], header: list[str], delimiter: str
                   ) -> list[list[str]] | None:
    """The records of ``block`` when each line is one record as wide as the header and none
    could be the header again; None otherwise (then :func:`_careful_rows` reads it)."""
    try:
        records = list(csv.reader(block, delimiter=delimiter, strict=True))
    except csv.Error:  # a broken record, or one running past the block
        return None
    if len(records) != len(block) or set(map(len, records)) != {len(header)} \
            or header[-1] in map(operator.itemgetter(-1), records):
        return None
    return records


def _careful_rows(window: _LineWindow, header: list[str] | None, rows: list, meta: InputMeta,
                  until: float, full: float) -> tuple[list[str] | None, bool]:
    """Read records line-exactly (rejects named by line) into ``rows`` until the header is
    known and line ``until`` is passed or ``full`` rows are held; the header, and whether
    the lines are all read."""
    for start, end, record, error in _records(window, meta.delimiter, window.read):
        window.forget_before(start)
        if header is None:
            if error is None and record:
                header, meta.header_row = _header_names(record), start
            elif error is not None:
                raise InputError(f"{meta.source}:{start}: cannot read the header line: {error}")
        elif error is not None or (len(record) > len(header) and end > start):
            # A stray quote swallows the lines after it: read those lines one by one.
            for number in range(start, end + 1):
                _keep_line(window[number], number, header, rows, meta, error)
        else:
            _keep(record, start, window[start], header, rows, meta)
        if header is not None and (end >= until or len(rows) >= full):
            return header, False
    return header, True


def _records(lines: Iterator[str], delimiter: str, done: int):
    """(first line, last line, fields, error) per CSV record; line numbers count on from
    ``done``, 1-based."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    base = done
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            end = max(base + reader.line_num, done + 1)
            yield done + 1, end, [], f"broken CSV quoting: {exc}"
            done = end
            continue
        yield done + 1, base + reader.line_num, record, None
        done = base + reader.line_num


def _keep_line(line: str, number: int, header: list[str], rows: list, meta: InputMeta,
               error: str | None) -> None:
    if not line.strip():
        return
    try:
        record = next(csv.reader([line], delimiter=meta.delimiter, strict=True))
    except (csv.Error, StopIteration) as exc:
        _reject(meta.rejects, number, error or f"broken CSV quoting: {exc}", line)
        return
    _keep(record, number, line, header, rows, meta)


def _keep(record: list[str], start: int, raw: str, header: list[str], rows: list,
          meta: InputMeta) -> None:
    if not record:  # a blank line is no row, as in every spreadsheet
        return
    if len(record) > len(header) and not any(record[len(header):]):
        record = record[:len(header)]  # a trailing delimiter on every line of some exports
    if len(record) > len(header):
        _reject(meta.rejects, start, f"{len(record)} fields where the header has "
                f"{len(header)} (an unquoted delimiter in a cell?)", raw)
    elif record == header or (record[:1] and record[0].lstrip("\ufeff") == header[0]
                              and record[1:] == header[1:]):
        _reject(meta.rejects, start, "the header line again (files pasted together?)", raw)
    else:
        rows.append(record + [""] * (len(header) - len(record)))


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


# -- JSON lines --------------------------------------------------------------------------
def _jsonl_frames(lines: Iterator[str], path: Path, meta: InputMeta, chunk_rows: int | None
                  ) -> Iterator[pd.DataFrame]:
    first, lines = _LineWindow(lines).first_nonblank()
    if first.lstrip().startswith("["):  # one JSON array: read whole
        try:
            text = "".join(lines)
            records = _without_lone_surrogates(json.loads(text), text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: bad JSON at line {exc.lineno}: {exc.msg}") from exc
        except RecursionError as exc:
            raise InputError(f"{path}: JSON nested too deeply") from exc
        records = records if isinstance(records, list) else [records]
        yield from _frame_slices(_record_frame(records), chunk_rows)
        return
    records, sent = [], False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(_without_lone_surrogates(json.loads(line), line))
        except json.JSONDecodeError as exc:
            _reject(meta.rejects, number, f"bad JSON line: {exc.msg} (column {exc.colno})",
                    line)
        except RecursionError:
            _reject(meta.rejects, number, "bad JSON line: nested too deeply", line)
        if chunk_rows is not None and len(records) >= chunk_rows:
            yield _record_frame(records)
            records, sent = [], True
    if records or not sent:
        yield _record_frame(records)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value, source: str):
    """``value`` with each lone surrogate (a JSON escape such as \\ud800 that no pair
    completes; no character, and no file can hold it) as U+FFFD, which the pipeline flags
    like any undecodable byte. Only JSON text with a \\uD escape can hold one."""
    if "\\ud" not in source and "\\uD" not in source:
        return value

    def clean(item):
        if isinstance(item, str):
            return _LONE_SURROGATE.sub("\ufffd", item)
        if isinstance(item, list):
            return [clean(v) for v in item]
        if isinstance(item, dict):
            return {clean(k): clean(v) for k, v in item.items()}
        return item

    return clean(value)


def _record_frame(records: list) -> pd.DataFrame:
    # values as JSON gave them (5 stays 5, not 5.0 because another line lacks the key)
    return pd.DataFrame([r if isinstance(r, dict) else {"comment": r} for r in records],
                        dtype=object)


# -- Excel -----------------------------------------------------------------------------
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


def _read_excel(path: Path, sheet: str | int | None, meta: InputMeta) -> pd.DataFrame:
    check_xlsx(path)
    with pd.ExcelFile(path, engine="openpyxl") as book:
        meta.sheets = [str(name) for name in book.sheet_names]
        meta.sheet = _choose_sheet(meta.sheets, sheet, path)
        grid = pd.read_excel(book, sheet_name=meta.sheet, header=None, dtype=object)
    grid = grid.dropna(how="all").reset_index(drop=True) if len(grid) else grid
    if grid.empty:
        raise InputError(f"{path}: sheet {meta.sheet!r} is empty; sheets are: "
                         f"{', '.join(meta.sheets)}")
    at = _header_position(grid)
    meta.header_row = at + 1
    names = _header_names(["" if pd.isna(v) else str(v) for v in grid.iloc[at]])
    frame = grid.iloc[at + 1:].reset_index(drop=True)
    frame.columns = names
    return frame.infer_objects()  # numbers and dates typed as a header-row read types them


def _choose_sheet(sheets: list[str], sheet: str | int | None, path: Path) -> str:
    if sheet is None:
        return sheets[0]
    if str(sheet) in sheets:
        return str(sheet)
    if str(sheet).isdigit() and int(sheet) < len(sheets):
        return sheets[int(sheet)]
    raise InputError(f"{path}: no sheet {sheet!r}; sheets are: {', '.join(sheets)}")


def _header_position(grid: pd.DataFrame) -> int:
    """The header row: row 0, unless title rows or merged group headers sit above it.

    A later row wins only if it names a text column exactly (评论内容, comment …) and has
    more filled cells than every row above it, so a data row is never taken for a header.
    """
    top = grid.head(HEADER_SEARCH_ROWS)
    filled = top.notna().sum(axis=1).tolist()
    best = 0
    for i in range(1, len(top)):
        cells = {str(v).strip().lower() for v in top.iloc[i] if not pd.isna(v)}
        if (cells & set(TEXT_NAMES) and filled[i] >= 2 and filled[i] > max(filled[:i])
                and filled[i] > filled[best]):
            best = i
    return best
