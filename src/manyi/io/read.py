"""Read comment dumps (CSV, TSV, Excel, JSONL, Parquet, plain text); writers: io/write.py.

>>> frame, meta = read_comments(["物流很快", "质量一般"])
>>> meta.text_col, list(frame["comment_id"])
('comment', ['1', '2'])
"""

from __future__ import annotations

import itertools
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pandas as pd

from manyi.errors import InputError
from manyi.io.columns import (  # noqa: F401  (the reader's names, importable from here)
    GROUP_NAMES,
    ID_NAMES,
    RATING_NAMES,
    RESERVED,
    TEXT_NAMES,
    TIME_NAMES,
    InputMeta,
    find_column,
    known_names,
)
from manyi.io.delimited import csv_frames, split_lines

FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".txt": "text", ".text": "text",
           ".xlsx": "excel", ".xlsm": "excel", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}

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
        meta, raw = InputMeta(), _frame_slices(_list_frame(list(source)), chunk_rows)
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


def _list_frame(texts: list) -> pd.DataFrame:
    """A list of comments as a one-column frame; one holding a lone surrogate (Arrow-backed
    strings cannot) as Python objects."""
    try:
        return pd.DataFrame({"comment": texts})
    except UnicodeEncodeError:
        return pd.DataFrame({"comment": pd.Series(texts, dtype=object)})


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


def _pick_text_column(frame: pd.DataFrame, text_col: str | None, source: str) -> str:
    """The text column: named like one (评论内容 …) and holding text; when the one so named
    holds ids or numbers (评论ID beside 买家评价), the next so named, else the column that
    holds the most text, not one named as a group (店铺, 渠道: names, not comments). A dump
    where no column holds text stops with a one-line error."""
    if text_col is not None:
        if text_col not in frame.columns:
            raise InputError(f"{source}: text column {text_col!r} not found; "
                             f"columns are: {', '.join(frame.columns)}")
        return text_col
    named = name_matches(frame.columns, TEXT_NAMES)
    shares = {c: text_share(frame[c]) for c in frame.columns}
    for least in (MIN_TEXT_SHARE, 1e-9):  # (no values at all: the rows are flagged empty)
        for column in named:
            if shares[column] is None or shares[column] >= least:
                return column
    if len(frame.columns) == 1:
        return frame.columns[0]
    # (a column named as a group, 店铺 渠道 业务线, holds names, not comments)
    unnamed = [c for c in frame.columns if find_column([c], GROUP_NAMES) is None]
    best = max(unnamed, key=lambda c: (shares[c] or 0.0, _mean_length(frame[c])), default=None)
    if best is not None and (shares[best] or 0.0) >= 0.5:
        return best
    if named:
        raise InputError(f"{source}: column {named[0]!r} holds no text (ids or numbers) and "
                         "no other column does; name the text column with --text-col")
    raise InputError(f"{source}: no text column found among: {', '.join(frame.columns)}; "
                     "name it with --text-col")


# The share of a column's values that must read as text for it to be the text column.
MIN_TEXT_SHARE = 0.2
_WORDS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\d_]{3}")


def name_matches(columns: Iterable[str], names: Sequence[str]) -> list[str]:
    """Every column named like one of ``names``, in :func:`find_column`'s order."""
    found: list[str] = []
    rest = list(columns)
    while (column := find_column(rest, names)) is not None:
        found.append(column)
        rest.remove(column)
    return found


def text_share(values: pd.Series, sample: int = 2000) -> float | None:
    """The share of the non-empty values that hold words (a Chinese character or three
    letters), among the first ``sample``; None for a column without values."""
    cells = [v for v in values.head(sample).tolist()
             if v is not None and not (isinstance(v, float) and math.isnan(v))
             and str(v).strip()]
    if not cells:
        return None
    return sum(isinstance(v, str) and _WORDS.search(v) is not None for v in cells) / len(cells)


def _mean_length(values: pd.Series) -> float:
    lengths = [len(v) for v in values.head(2000).tolist() if isinstance(v, str)]
    return sum(lengths) / len(lengths) if lengths else 0.0


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
    size = path.stat().st_size
    if size == 0 or size <= WHITESPACE_CHECK_BYTES and not _has_content(path.read_bytes()):
        raise InputError(f"{path}: file is empty" + (" (only spaces and line breaks)"
                                                    if size else ""))
    if fmt in TEXT_FORMATS:
        _check_not_binary(path, fmt)
    meta = InputMeta(source=str(path), format=fmt)
    return meta, _guarded(_raw_frames(path, fmt, encoding, sheet, meta, chunk_rows), path, fmt)


TEXT_FORMATS = frozenset({"csv", "tsv", "text", "jsonl"})
# What a file that should hold text may be instead, by its first bytes, and what to do.
BINARY_KINDS = ((b"PK\x03\x04", "an Excel workbook (.xlsx) or another ZIP archive",
                 "give it the .xlsx suffix, or save it as CSV"),
                (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)",
                 "open it in Excel and save it as .xlsx or CSV"),
                (b"PAR1", "a Parquet file", "give it the .parquet suffix"))


def _check_not_binary(path: Path, fmt: str) -> None:
    """A workbook or Parquet file named .csv (.txt …) fails in one line that says what it is.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d, "评论.csv"); _ = p.write_bytes(b"PK\x03\x04rest")
    ...     try: _check_not_binary(p, "csv")
    ...     except InputError as e: print(str(e).replace(d + os.sep, "").split(";")[0])
    评论.csv: not csv text but an Excel workbook (.xlsx) or another ZIP archive
    """
    with path.open("rb") as f:
        head = f.read(4)
    for magic, kind, fix in BINARY_KINDS:
        if head.startswith(magic):
            raise InputError(f"{path}: not {fmt} text but {kind}; {fix}")


# A file this small is read once to tell whether it holds anything but whitespace.
WHITESPACE_CHECK_BYTES = 1 << 20


def _has_content(data: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        data = data.removeprefix(bom)
    return bool(data.strip(b" \t\r\n\x00\x0b\x0c\x1a"))


def _raw_frames(path: Path, fmt: str, encoding: str | None, sheet: str | int | None,
                meta: InputMeta, chunk_rows: int | None) -> Iterator[pd.DataFrame]:
    if fmt == "excel":
        from manyi.io.excel import read_excel

        yield from _frame_slices(read_excel(path, sheet, meta), chunk_rows)
    elif fmt == "parquet":
        yield from _parquet_frames(path, chunk_rows)
    else:
        lines = decoded_lines(path, encoding, meta)
        if fmt in ("csv", "tsv"):
            yield from csv_frames(lines, fmt, meta, chunk_rows)
        elif fmt == "text":
            for part in _batches(lines, chunk_rows):
                yield pd.DataFrame({"comment": [line.rstrip("\r\n") for line in part]})
        else:
            from manyi.io.jsonlines import jsonl_frames

            yield from jsonl_frames(lines, path, meta, chunk_rows)


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
            yield _binary_as_text(book.read()).to_pandas(integer_object_nulls=True)
            return
        for batch in book.iter_batches(batch_size=chunk_rows):
            yield _binary_as_text(batch).to_pandas(integer_object_nulls=True)


def _binary_as_text(table):
    """Strings stored as plain BINARY (Hive and Impala write them so) as text: UTF-8, a
    bad byte as U+FFFD (flagged by the pipeline), never ``b'\\xe7…'``."""
    import pyarrow as pa

    for i, column_type in enumerate(table.schema):
        if not (pa.types.is_binary(column_type.type)
                or pa.types.is_large_binary(column_type.type)):
            continue
        column = table.column(i)
        try:
            text = column.cast(pa.large_string())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            text = pa.array([None if v is None else v.decode("utf-8", errors="replace")
                             for v in column.to_pylist()], pa.large_string())
        table = table.set_column(i, pa.field(column_type.name, pa.large_string()), text)
    return table


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
        except LookupError as exc:
            raise InputError(f"{path}: cannot decode as {encoding}: {exc}") from exc
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            found = decode_bytes(data, None, path)[1]
            hint = f"; it reads as {found}: leave out --encoding to detect it" \
                if found != encoding else ""
            raise InputError(f"{path}: cannot decode as {encoding} (line {line}): {exc.reason}"
                             f"{hint}") from exc
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            return data.decode("utf-32").removeprefix("\ufeff"), "utf-32"
        except UnicodeDecodeError:
            pass
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
    if not any(not line.isascii() and _is_utf8(line) for line in lines) \
            and not mostly_utf8(data):
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    decoded = [_decode_line(line) for line in lines]
    gbk = any(not _is_utf8(line) and not mostly_utf8(line) for line in lines)
    return "\n".join(decoded), "mixed" if gbk else "utf-8"


BLOCK_BYTES = 8 * 2**20


def decoded_lines(path: Path, encoding: str | None, meta: InputMeta) -> Iterator[str]:
    """The file's lines (endings kept), decoded block by block as :func:`decode_bytes` does;
    ``meta.encoding`` is set once all are read. UTF-16 files are decoded whole."""
    with path.open("rb") as handle:
        head = handle.read(4096)
        handle.seek(0)
        wide = encoding and "16" in encoding or encoding and "32" in encoding
        if not wide and not encoding and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            found = wide_without_bom(head)
            if found:
                raise InputError(f"{path}: looks like {found.upper()} text without a "
                                 f"byte-order mark; pass --encoding {found} (or save the "
                                 "file as UTF-8)")
        if wide or head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text, meta.encoding = decode_bytes(handle.read(), encoding, path)
            yield from split_lines(text)
            return
        seen: set[str] = set()
        while block := handle.read(BLOCK_BYTES):
            block += handle.readline()  # whole lines only: a character never straddles
            text, used = decode_bytes(block, encoding, path)
            if not block.isascii():
                seen.add(used)
            yield from split_lines(text)
    meta.encoding = (seen.pop() if len(seen) == 1 else "mixed" if seen
                     else encoding or "utf-8")


def wide_without_bom(sample: bytes) -> str | None:
    """The UTF-16/32 encoding ``sample`` (a file's first bytes) is in without a byte-order
    mark, or None. Text in those has its NUL bytes in fixed places (the high bytes of ASCII
    characters); a UTF-8 or GBK file has none, bar a few stray ones anywhere.

    >>> wide_without_bom("评论,ok\\n".encode("utf-16-le"))
    'utf-16-le'
    >>> wide_without_bom(b"1,a\\x00\\x00\\n2,b\\n") is None
    True
    """
    size = len(sample) - len(sample) % 4
    nuls = sample.count(0)
    if nuls < max(2, len(sample) // 10) or len(sample) < 8:
        return None
    if 10 * nuls < 3 * len(sample) and _valid_utf8(sample):
        return None  # UTF-8 with NUL characters in it (cells of "\x00"): wide text with
        # so few NULs has Chinese in it, whose UTF-16 bytes are not valid UTF-8

    def zero_share(view: bytes) -> float:
        return view.count(0) / max(len(view), 1)

    head = sample[:size]
    candidates = []
    if size >= 16 and zero_share(head[3::4]) == 1 and zero_share(head[2::4]) >= 0.9:
        candidates.append("utf-32-le")
    if size >= 16 and zero_share(head[0::4]) == 1 and zero_share(head[1::4]) >= 0.9:
        candidates.append("utf-32-be")
    # (the low byte of a character U+xx00 is NUL too: 一 is 00 4E in UTF-16-LE — a few NULs
    # on the other side; the clean decode below decides)
    odd = sample[1::2].count(0)
    if odd >= 0.8 * nuls:
        candidates.append("utf-16-le")
    if nuls - odd >= 0.8 * nuls:
        candidates.append("utf-16-be")
    for encoding in candidates:
        unit = 4 if "32" in encoding else 2
        text = sample[:len(sample) - len(sample) % unit].decode(encoding, errors="replace")
        body = text.rstrip("\ufffd")
        if body and "\ufffd" not in body and "\x00" not in body:
            return encoding
    return None


def _valid_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8, allowing a character cut at its end (a file's first bytes)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"
    return True


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_line(line: bytes) -> str:
    """A line as UTF-8, else GB18030; a UTF-8 line with a cut character (a VARCHAR cut
    mid-character) stays UTF-8 with U+FFFD, which the pipeline flags."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if not mostly_utf8(line):
        try:
            return line.decode("gb18030")
        except UnicodeDecodeError:
            pass
    return line.decode("utf-8", errors="replace")


def mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 but for a few bad bytes: at least twice as many good
    non-ASCII characters as bad runs (GBK text decodes as UTF-8 into mostly bad runs).

    >>> mostly_utf8("包装完好很".encode()[:-1]), mostly_utf8("包装完好".encode("gbk"))
    (True, False)
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(not ch.isascii() for ch in text) - bad
    return good > 0 and good >= 2 * bad
