"""Read comment dumps (CSV, TSV, Excel, JSONL, Parquet, plain text) and write results safely.

>>> frame, meta = read_comments(["物流很快", "质量一般"])
>>> meta.text_col, list(frame["comment_id"])
('comment', ['1', '2'])
"""

from __future__ import annotations

import io
import json
import os
import tempfile
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
        raise InputError(f"{meta.source}: no rows to analyse")
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
            frame = pd.read_excel(path, sheet_name=0 if sheet is None else sheet)
        elif fmt == "parquet":
            frame = pd.read_parquet(path)
        else:
            text, meta.encoding = decode_bytes(path.read_bytes(), encoding, path)
            frame = _parse_text(text, fmt, path)
    except InputError:
        raise
    except (ValueError, OSError, KeyError, pd.errors.ParserError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: cannot read as {fmt}: {reason}") from exc
    return frame, meta


def decode_bytes(data: bytes, encoding: str | None, path: Path | str = "<bytes>"
                 ) -> tuple[str, str]:
    """Decode a dump: the given encoding, else UTF-8 (with or without BOM), else GB18030.

    A file that is neither as a whole is decoded line by line (exports that mix GBK and
    UTF-8 lines exist); bytes that fit no encoding become U+FFFD and the row is flagged.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding}: {exc}") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for candidate in ("utf-8", "gb18030"):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    lines = [_decode_line(line) for line in data.split(b"\n")]
    return "\n".join(lines), "mixed"


def _decode_line(line: bytes) -> str:
    for candidate in ("utf-8", "gb18030"):
        try:
            return line.decode(candidate)
        except UnicodeDecodeError:
            continue
    return line.decode("utf-8", errors="replace")


def _parse_text(text: str, fmt: str, path: Path) -> pd.DataFrame:
    if fmt in ("csv", "tsv"):
        return pd.read_csv(io.StringIO(text), sep="\t" if fmt == "tsv" else ",", dtype=str,
                           keep_default_na=False, na_values=[])
    if fmt == "text":
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return pd.DataFrame({"comment": [line.rstrip("\r") for line in lines]})
    return _parse_jsonl(text, path)


def _parse_jsonl(text: str, path: Path) -> pd.DataFrame:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: bad JSON at line {exc.lineno}: {exc.msg}") from exc
    else:
        records = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: bad JSON line: {exc.msg}") from exc
    rows = [r if isinstance(r, dict) else {"comment": r} for r in records]
    return pd.DataFrame.from_records(rows)


# -- writing -------------------------------------------------------------------------
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells starting with = + - @ get a leading ' so Excel shows them as text."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = [f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v
                            for v in safe[column]]
    return safe


def write_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """UTF-8 with BOM (Excel opens it), formula-safe, written atomically."""
    with atomic_path(Path(path)) as tmp:
        formula_safe(frame).to_csv(tmp, index=False, encoding="utf-8-sig")


class atomic_path:  # noqa: N801 - used as a context manager like open()
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                    dir=self.path.parent)
        os.close(fd)
        self.tmp = Path(name)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)
