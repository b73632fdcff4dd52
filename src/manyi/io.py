"""Read comment dumps (CSV, TSV, Excel, JSONL, Parquet, plain text); writers are in outputs.py.

>>> frame, meta = read_comments(["物流很快", "质量一般"])
>>> meta.text_col, list(frame["comment_id"])
('comment', ['1', '2'])
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Iterable, Sequence
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
    if isinstance(source, pd.DataFrame):
        frame, meta = source.copy(), InputMeta()
    elif isinstance(source, (str, Path)) and not _looks_like_text_list(source):
        frame, meta = _read_file(Path(source), encoding=encoding, sheet=sheet)
    elif isinstance(source, Iterable) and not isinstance(source, (str, bytes)):
        frame, meta = pd.DataFrame({"comment": list(source)}), InputMeta()
    else:
        raise InputError(f"cannot read comments from {type(source).__name__}; "
                         "give a file path, a DataFrame or a list of strings")
    if frame.empty:
        raise InputError(f"{meta.source}: no rows to analyse{_rejects_note(meta.rejects)}")
    frame.columns = [str(c) for c in frame.columns]
    meta.rows = len(frame)
    meta.text_col = _pick_text_column(frame, text_col, meta.source)
    meta.rating_col = find_column(frame.columns, RATING_NAMES, exclude={meta.text_col})
    meta.time_col = find_column(frame.columns, TIME_NAMES, exclude={meta.text_col})
    meta.group_cols = [c for c in frame.columns
                       if c not in (meta.text_col, meta.rating_col, meta.time_col)
                       and find_column([c], GROUP_NAMES) is not None]
    ids = _comment_ids(frame, id_col, meta)
    frame = _rename_reserved(frame, meta)
    frame.insert(0, "comment_id", ids)
    return frame.reset_index(drop=True), meta


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


def _comment_ids(frame: pd.DataFrame, id_col: str | None, meta: InputMeta) -> pd.Series:
    if id_col is None:
        return pd.Series([str(i) for i in range(1, len(frame) + 1)], dtype=object)
    if id_col not in frame.columns:
        raise InputError(f"{meta.source}: id column {id_col!r} not found; "
                         f"columns are: {', '.join(frame.columns)}")
    meta.id_col = id_col
    values = frame[id_col].tolist()
    return pd.Series(["" if pd.isna(v) else str(v) for v in values], dtype=object)


def _rename_reserved(frame: pd.DataFrame, meta: InputMeta) -> pd.DataFrame:
    """Input columns named like manyi's outputs are kept as ``input_<name>``."""
    clashes = {c: f"input_{c}" for c in frame.columns if c in RESERVED}
    if clashes:
        meta.renamed = clashes
        frame = frame.rename(columns=clashes)
        for attr in ("text_col", "rating_col", "time_col", "id_col"):
            if getattr(meta, attr) in clashes:
                setattr(meta, attr, clashes[getattr(meta, attr)])
        meta.group_cols = [clashes.get(c, c) for c in meta.group_cols]
    return frame


# -- files ---------------------------------------------------------------------------
# An .xlsx is a zip of XML; refuse one that would inflate to an absurd size before any
# parser touches it (a "zip bomb" would otherwise take the job's memory down at 3 a.m.).
MAX_XLSX_BYTES = 512 * 2**20
MAX_XLSX_RATIO = 100
MAX_XLSX_MEMBERS = 10_000
# Excel's own cell limit; a longer raw line is cut in rejects (the input keeps it whole).
MAX_RAW_CHARS = 32_000
HEADER_SEARCH_ROWS = 10


def _read_file(path: Path, *, encoding: str | None, sheet: str | int | None
               ) -> tuple[pd.DataFrame, InputMeta]:
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
    try:
        if fmt == "excel":
            frame = _read_excel(path, sheet, meta)
        elif fmt == "parquet":
            frame = pd.read_parquet(path)
        else:
            text, meta.encoding = decode_bytes(path.read_bytes(), encoding, path)
            frame = _parse_text(text, fmt, path, meta)
    except InputError:
        raise
    except (ValueError, OSError, KeyError, pd.errors.ParserError, zipfile.BadZipFile,
            RecursionError, MemoryError) as exc:
        raise InputError(f"{path}: cannot read as {fmt}: {_reason(exc)}") from exc
    except Exception as exc:  # third-party parsers (openpyxl, pyarrow) raise their own types
        raise InputError(f"{path}: cannot read as {fmt}: {type(exc).__name__}: "
                         f"{_reason(exc)}") from exc
    return frame, meta


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


def _parse_text(text: str, fmt: str, path: Path, meta: InputMeta) -> pd.DataFrame:
    if fmt in ("csv", "tsv"):
        return _parse_csv(text, fmt, meta)
    if fmt == "text":
        return pd.DataFrame({"comment": [line.rstrip("\r\n") for line in _lines(text)]})
    return _parse_jsonl(text, path, meta)


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


def _parse_csv(text: str, fmt: str, meta: InputMeta) -> pd.DataFrame:
    # A single comment can be far longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    lines = _lines(text)
    first = next((line for line in lines if line.strip()), "")
    meta.delimiter = sniff_delimiter(first, fmt)
    header, rows = None, []
    for start, end, record, error in _records(lines, meta.delimiter):
        if header is None:
            if error is None and record:
                header, meta.header_row = _header_names(record), start
            elif error is not None:
                raise InputError(f"{meta.source}:{start}: cannot read the header line: {error}")
            continue
        if error is not None or (len(record) > len(header) and end > start):
            # A stray quote swallows the lines after it: read those lines one by one.
            for number in range(start, end + 1):
                _keep_line(lines[number - 1], number, header, rows, meta, error)
        else:
            _keep(record, start, lines, header, rows, meta)
    if header is None:
        raise InputError(f"{meta.source}: no header line")
    return pd.DataFrame(rows, columns=header, dtype=object)


def _records(lines: list[str], delimiter: str):
    """(first line, last line, fields, error) per CSV record, 1-based line numbers."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    done = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            end = max(reader.line_num, done + 1)
            yield done + 1, end, [], f"broken CSV quoting: {exc}"
            done = end
            continue
        yield done + 1, reader.line_num, record, None
        done = reader.line_num


def _keep_line(line: str, number: int, header: list[str], rows: list, meta: InputMeta,
               error: str | None) -> None:
    if not line.strip():
        return
    try:
        record = next(csv.reader([line], delimiter=meta.delimiter, strict=True))
    except (csv.Error, StopIteration) as exc:
        _reject(meta.rejects, number, error or f"broken CSV quoting: {exc}", line)
        return
    _keep(record, number, [line], header, rows, meta, single=True)


def _keep(record: list[str], start: int, lines: list[str], header: list[str], rows: list,
          meta: InputMeta, single: bool = False) -> None:
    if not record:  # a blank line is no row, as in every spreadsheet
        return
    if len(record) > len(header) and not any(record[len(header):]):
        record = record[:len(header)]  # a trailing delimiter on every line of some exports
    raw = lines[0] if single else lines[start - 1]
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
def _parse_jsonl(text: str, path: Path, meta: InputMeta) -> pd.DataFrame:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: bad JSON at line {exc.lineno}: {exc.msg}") from exc
        except RecursionError as exc:
            raise InputError(f"{path}: JSON nested too deeply") from exc
        if not isinstance(records, list):
            records = [records]
    else:
        records = []
        for number, line in enumerate(_lines(text), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                _reject(meta.rejects, number, f"bad JSON line: {exc.msg} (column {exc.colno})",
                        line)
            except RecursionError:
                _reject(meta.rejects, number, "bad JSON line: nested too deeply", line)
    rows = [r if isinstance(r, dict) else {"comment": r} for r in records]
    return pd.DataFrame.from_records(rows)


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
