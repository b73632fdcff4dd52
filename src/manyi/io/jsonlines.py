"""JSON lines (and one JSON array): one row per object, nothing made up from stray lines.

>>> import pandas as pd
>>> rows = list(jsonl_frames(iter(['{"评论": "好"}\\n', 'null\\n']), "d.jsonl", None, None))
>>> rows[0]["评论"].tolist()
['好']

A file of objects rejects a line that is no object (``null``, a bare string, an array)
rather than letting it make a ``comment`` column that outranks the real text; nested
values are carried through as JSON text, not as a Python repr.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from manyi.errors import InputError
from manyi.io.delimited import LineWindow, reject

# Non-blank lines looked at to tell a file of objects from a file of bare values.
KIND_LINES = 100


def jsonl_frames(lines: Iterator[str], path: Path | str, meta, chunk_rows: int | None
                 ) -> Iterator[pd.DataFrame]:
    """Frames of ``chunk_rows`` records (None: one frame); bad lines go to ``meta.rejects``."""
    rejects: list[dict] = meta.rejects if meta is not None else []
    window = LineWindow(lines)
    first, _ = window.first_nonblank()
    ahead = window.peek(KIND_LINES)
    if first.lstrip().startswith("[") and _one_document(first, ahead):
        try:
            text = "".join(window.lines)
            records = _without_lone_surrogates(json.loads(text), text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: bad JSON at line {exc.lineno}: {exc.msg}") from exc
        except RecursionError as exc:
            raise InputError(f"{path}: JSON nested too deeply") from exc
        records = records if isinstance(records, list) else [records]
        for start in range(0, max(len(records), 1), chunk_rows or max(len(records), 1)):
            yield _record_frame(records[start:start + chunk_rows] if chunk_rows else records)
        return
    objects = any(isinstance(_loads(line), dict) for line in ahead if line.strip())
    records, sent = [], False
    for number, line in enumerate(window.lines, 1):
        if not line.strip(" \t\r\n\x00\x1a"):
            continue
        try:
            value = _without_lone_surrogates(json.loads(line), line)
        except json.JSONDecodeError as exc:
            reject(rejects, number, f"bad JSON line: {exc.msg} (column {exc.colno})", line)
            continue
        except RecursionError:
            reject(rejects, number, "bad JSON line: nested too deeply", line)
            continue
        if objects and not isinstance(value, dict):
            reject(rejects, number, f"a JSON {_kind(value)} where the other lines hold "
                   "objects", line)
            continue
        records.append(value)
        if chunk_rows is not None and len(records) >= chunk_rows:
            yield _record_frame(records)
            records, sent = [], True
    if records or not sent:
        yield _record_frame(records)


def _one_document(first: str, ahead: list[str]) -> bool:
    """Whether a file starting ``[`` is one JSON array: its first line is no whole JSON
    value by itself, or nothing follows it."""
    if _loads(first) is _BAD:
        return True
    rest = itertools.dropwhile(lambda line: line is not first, ahead)
    next(rest, None)
    return not any(line.strip() for line in rest)


_BAD = object()


def _loads(line: str):
    try:
        return json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return _BAD


def _kind(value) -> str:
    return {list: "array", str: "string", type(None): "null", bool: "true/false"}.get(
        type(value), "number")


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
    """Values as JSON gave them (5 stays 5, not 5.0 because another line lacks the key);
    a nested object or array as JSON text."""
    rows = []
    for record in records:
        record = record if isinstance(record, dict) else {"comment": record}
        rows.append({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list))
                     else v for k, v in record.items()})
    return pd.DataFrame(rows, dtype=object)
