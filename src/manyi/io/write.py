"""Write results safely: formula-neutral CSV, atomic files and atomic output folders.

>>> formula_safe(pd.DataFrame({"text": ["=1+1", "好"]}))["text"].tolist()
["'=1+1", '好']
"""

from __future__ import annotations

import csv
import errno
import fnmatch
import glob
import io
import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from manyi.errors import InputError

# Files Result.to_dir writes; a new output never inherits a stale one from the old folder.
OUTPUT_FILES = ("comments.csv", "mentions.csv", "dimensions.csv", "drivers.csv", "meta.json",
                "rejects.csv")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_SLICE = 100_000  # rows of a large table rendered at a time by write_csv


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells starting with = + - @ get a leading ' so Excel shows them as text."""
    safe = frame
    for column in frame.columns:
        values = frame[column]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
            continue
        try:
            risky = values.str.startswith(FORMULA_START, na=False).to_numpy(bool)
        except (AttributeError, TypeError):  # an object column without a single string
            continue
        if risky.any():
            if safe is frame:
                safe = frame.copy()
            cells = values.to_numpy(dtype=object, copy=True)
            cells[risky] = ["'" + v for v in cells[risky]]
            # object stays object: 160 must not become 160.0
            safe[column] = pd.Series(cells, index=frame.index, dtype=values.dtype)
    return safe


def safe_name(name: object) -> str:
    """A column name as a header cell: one starting with = + - @ gets a leading ' as well.

    >>> print(safe_name('=HYPERLINK("http://x","x")'))
    '=HYPERLINK("http://x","x")
    """
    name = str(name)
    return "'" + name if name.startswith(FORMULA_START) else name


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(value: str) -> str:
    """``value`` with each lone surrogate (no character; UTF-8 cannot hold it) as U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def write_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """UTF-8 with BOM (Excel opens it), formula-safe, written atomically.

    Lines end in CRLF (RFC 4180, as Excel writes) so that a cell holding a bare CR is
    quoted and reads back intact; with LF endings the csv writer leaves it unquoted. A table
    of more than :data:`CSV_SLICE` rows is rendered a slice at a time (the same bytes: each
    cell is spelled on its own), so its text is never held whole.
    """
    names = [str(c) for c in frame.columns]
    if names == list(frame.columns) and len(frame) > CSV_SLICE:
        with atomic_path(Path(path)) as tmp, tmp.open("wb") as handle:
            handle.write(csv_header(names))
            for start in range(0, len(frame), CSV_SLICE):  # rendered a slice at a time
                part = frame.iloc[start:start + CSV_SLICE]
                rows = _arrow_rows(part)
                handle.write(rows if rows is not None else
                             csv_text(part).encode("utf-8", errors="replace"))
        return
    rows = _arrow_rows(frame) if names == list(frame.columns) else None
    with atomic_path(Path(path)) as tmp:
        if rows is None:
            with tmp.open("w", encoding="utf-8-sig", newline="", errors="replace") as handle:
                write_rows(frame, handle, header=True)
        else:
            with tmp.open("wb") as handle:
                handle.write(csv_header(names))
                handle.write(rows)


def csv_header(columns: Sequence[str]) -> bytes:
    """The BOM and header line of a CSV file :func:`write_csv` writes, in UTF-8."""
    header = io.StringIO()
    csv.writer(header, lineterminator="\r\n").writerow(map(safe_name, columns))
    return ("\ufeff" + without_surrogates(header.getvalue())).encode("utf-8")


def write_rows(frame: pd.DataFrame, handle, *, header: bool) -> None:
    """Write ``frame`` as CSV rows (CRLF, formula-safe) to an open text file.

    The bytes are those of pandas' ``to_csv(index=False, lineterminator="\r\n")``; the
    common column types are written by the csv module directly, which is several times
    faster, and any other type is left to pandas.
    """
    safe = formula_safe(frame)
    plain = len(safe.columns) and all(isinstance(name, str) for name in safe.columns)
    columns = [_csv_cells(safe.iloc[:, i]) for i in range(len(safe.columns))] if plain else None
    if columns is None or any(cells is None for cells in columns):
        risky = header and any(isinstance(c, str) and c.startswith(FORMULA_START)
                               for c in safe.columns)
        names = [safe_name(c) if isinstance(c, str) else c for c in safe.columns] \
            if risky else header
        safe.to_csv(handle, header=names, index=False, lineterminator="\r\n")
        return
    writer = csv.writer(handle, lineterminator="\r\n")
    if header:
        writer.writerow(map(safe_name, safe.columns))
    writer.writerows(zip(*columns))


def csv_text(frame: pd.DataFrame) -> str:
    """The rows of ``frame`` (no header) as :func:`write_rows` writes them."""
    buffer = io.StringIO()
    write_rows(frame, buffer, header=False)
    return buffer.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """:func:`csv_text` in UTF-8: what a worker sends, so the writer only copies bytes.

    Tables of text, integer, float and boolean columns (manyi's own) are rendered by
    Arrow's string kernels, column by column, without a Python string per cell; any other
    table by the csv module. Both give the same bytes."""
    rows = _arrow_rows(frame)
    if rows is not None:
        return rows
    return without_surrogates(csv_text(frame)).encode("utf-8")


def _arrow_rows(frame: pd.DataFrame) -> bytes | None:
    """The CSV rows of ``frame`` (CRLF, formula-safe, quoted where the csv module quotes: a
    cell with , " CR or LF), or None for a table with a column of another type. One column
    is left to the csv module, which quotes a lone empty cell."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if len(frame.columns) < 2 or not len(frame):
        return None
    columns = []
    for i in range(len(frame.columns)):
        cells = _arrow_cells(frame.iloc[:, i])
        if cells is None:
            return None
        columns.append(cells)
    text = pa.large_string()
    rows = pc.binary_join_element_wise(*columns, pa.scalar(",", text))
    rows = pc.binary_join_element_wise(rows, pa.scalar("\r\n", text), pa.scalar("", text))
    if isinstance(rows, pa.ChunkedArray):  # text columns of a concatenated table
        rows = rows.combine_chunks()
    ends = np.frombuffer(rows.buffers()[1], dtype=np.int64)[rows.offset:rows.offset + len(rows) + 1]
    return rows.buffers()[2].to_pybytes()[ends[0]:ends[-1]]


# Floats whose str() Arrow's shortest-digit cast spells the same way, whole ones with ".0"
# added (1.0, -0.0): Python writes larger ones and ones below 1e-4 with an exponent.
_ARROW_FLOATS = (1e-4, 1e9)


def _arrow_cells(values: pd.Series):
    """One column as an Arrow array of CSV cells (large_string), or None."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.large_string()
    dtype = values.dtype
    kind = dtype.kind if isinstance(dtype, np.dtype) else None
    if kind == "b":
        return pa.array(np.where(values.to_numpy(), "True", "False"), text)
    if kind in ("i", "u"):
        return pa.array(values.to_numpy()).cast(text)
    if dtype == np.float64:
        numbers = values.to_numpy()
        size = np.abs(numbers)
        low, high = _ARROW_FLOATS
        whole = (numbers == np.trunc(numbers)) & (size < high)
        missing = np.isnan(numbers)
        cells = pa.array(numbers).cast(text)
        if whole.any():
            cells = pc.if_else(whole, pc.binary_join_element_wise(
                cells, pa.scalar(".0", text), pa.scalar("", text)), cells)
        if missing.any():
            cells = pc.if_else(missing, pa.scalar("", text), cells)
        other = np.flatnonzero(~whole & ~missing & ((size < low) | (size >= high)))
        if not len(other):
            return cells
        spelled = cells.to_numpy(zero_copy_only=False).astype(object)
        spelled[other] = [str(v) for v in numbers[other].tolist()]  # 1e-05, 1e+16, inf
        return pa.array(spelled, text)
    if not (kind == "O" and pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty")
            or isinstance(dtype, pd.StringDtype)):
        return None
    try:
        cells = pa.array(values.to_numpy(dtype=object), text, from_pandas=True) \
            if kind == "O" else pa.array(values.array, text)
    except UnicodeEncodeError:  # a lone surrogate (a JSON escape no pair completes)
        return _arrow_cells(values.map(lambda v: without_surrogates(v) if isinstance(v, str)
                                       else v))
    except (pa.ArrowException, TypeError):  # a missing value Arrow does not know: NaN32
        return None
    cells = pc.fill_null(cells, pa.scalar("", text))
    risky = pc.match_substring_regex(cells, "^[=+@\\-\t\r]")
    if pc.any(risky).as_py():  # as formula_safe: Excel would run =1+1
        cells = pc.if_else(risky, pc.binary_join_element_wise(
            pa.scalar("'", text), cells, pa.scalar("", text)), cells)
    special = pc.match_substring_regex(cells, '[,"\r\n]')
    if pc.any(special).as_py():
        quoted = pc.binary_join_element_wise(
            pa.scalar('"', text), pc.replace_substring(cells, '"', '""'), pa.scalar('"', text),
            pa.scalar("", text))
        cells = pc.if_else(special, quoted, cells)
    return cells


def _missing(value: object) -> bool:
    """Whether pandas writes a cell as missing (None, NaN, NaT, pd.NA); arrays are not."""
    if value is None or value is pd.NA:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def _csv_cells(values: pd.Series) -> list | None:
    """A column's cells as pandas writes them to CSV (missing → ""), or None to leave the
    column to pandas."""
    dtype = values.dtype
    kind = dtype.kind if isinstance(dtype, np.dtype) else None
    if kind in ("b", "i", "u"):
        return values.tolist()
    if dtype == np.float64:
        cells = values.tolist()
        return ["" if v != v else v for v in cells] if values.hasnans else cells
    if kind == "O" or isinstance(dtype, pd.StringDtype):
        cells = values.tolist()
        if values.hasnans:  # None, NaN, NaT, pd.NA
            cells = ["" if _missing(v) else v for v in cells]
        return cells
    return None


class CsvAppender:
    """Write a table chunk by chunk as :func:`write_csv` writes it whole (BOM, CRLF,
    formula-safe). A chunk may bring columns the earlier ones lacked (keys new in a later
    JSON line): :meth:`close` then rewrites the file once with every column, placing the new
    ones before ``trailing`` columns, as reading the whole input at once would."""

    def __init__(self, path: Path, trailing: Iterable[str] = ()) -> None:
        self.path, self.trailing = path, list(trailing)
        self.handle = path.open("wb")
        self.layouts: list[tuple[list[str], int]] = []  # (columns, rows) per chunk

    def write_bytes(self, rows: bytes, columns: list[str], n_rows: int) -> None:
        """Append rows :func:`csv_bytes` made elsewhere (in a worker process)."""
        if not self.layouts:
            self.handle.write(csv_header(columns))
        self.handle.write(rows)
        self.layouts.append((columns, n_rows))

    def close(self, fix: Callable[[int, list[str], list[str]], list[str]] | None = None) -> None:
        """Close; rewrite when columns grew or ``fix(row number, columns, values)`` is given."""
        self.handle.close()
        if fix is None and all(cols == self.layouts[0][0] for cols, _ in self.layouts):
            return
        last = self.layouts[-1][0]
        final = [c for c in last if c not in self.trailing] + [c for c in last
                                                                  if c in self.trailing]
        with atomic_path(self.path) as tmp, self.path.open(encoding="utf-8-sig",
                                                           newline="") as source, \
                tmp.open("w", encoding="utf-8-sig", newline="") as target:
            reader, writer = csv.reader(source), csv.writer(target, lineterminator="\r\n")
            next(reader)
            writer.writerow(map(safe_name, final))
            number = 0
            for columns, rows in self.layouts:
                for values in itertools.islice(reader, rows):
                    record = dict(zip(columns, values))
                    values = [record.get(c, "") for c in final]
                    writer.writerow(fix(number, final, values) if fix else values)
                    number += 1


class atomic_path:  # noqa: N801 - used as a context manager like open()
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                    dir=self.path.parent)
        os.close(fd)
        os.chmod(name, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        self.tmp = Path(name)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def safe_child(folder: str | Path, name: str) -> Path:
    """``folder / name`` for a plain file name; anything that could leave the folder is refused.

    >>> safe_child("out", "../etc/passwd")
    Traceback (most recent call last):
    ...
    manyi.errors.InputError: output name '../etc/passwd' is not a plain file name inside out
    """
    bad = (not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name
           or Path(name).is_absolute() or Path(name).drive)
    if bad:
        raise InputError(f"output name {name!r} is not a plain file name inside {folder}")
    return Path(folder) / name


class atomic_dir:  # noqa: N801 - used as a context manager like open()
    """Yield an empty staging folder beside ``path``; on success it replaces ``path`` whole.

    An interrupted run (even ``kill -9``) leaves the previous output complete and a hidden
    ``.<name>.partial-<pid>-…`` folder, removed by the next run. Files in an existing output
    folder that the new output does not write (and that are not in ``owned``) are kept.
    On Linux the swap is one ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, and a
    run killed between them leaves ``.<name>.old-<pid>-…``, which the next run puts back.
    """

    def __init__(self, path: str | Path, owned: Iterable[str] = (),
                 inputs: Iterable[str | Path] = ()) -> None:
        path = Path(path)
        self.path = path.resolve() if path.is_symlink() else path
        self.owned = set(owned)
        self.inputs = [Path(p) for p in inputs]

    def __enter__(self) -> Path:
        check_output_folder(self.path, self.inputs)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.path.parent}: cannot create the output's parent folder: "
                             f"{exc.strerror or exc}") from exc
        _recover_stale(self.path)
        try:
            self.staging = Path(tempfile.mkdtemp(
                prefix=f".{self.path.name}.partial-{os.getpid()}-", dir=self.path.parent))
        except OSError as exc:
            raise InputError(f"{self.path.parent}: cannot write here: "
                             f"{exc.strerror or exc}") from exc
        return self.staging

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        umask = os.umask(0)
        os.umask(umask)
        mode = self.path.stat().st_mode & 0o7777 if self.path.is_dir() else 0o777 & ~umask
        os.chmod(self.staging, mode)
        if not self.path.exists():
            try:
                os.rename(self.staging, self.path)
                return
            except OSError as exc:  # another run made the folder meanwhile: swap with it
                if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR):
                    raise
        _carry_over(self.path, self.staging, self.owned)
        if not _exchange(self.staging, self.path):
            old = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.old-{os.getpid()}-",
                                        dir=self.path.parent))
            os.rename(self.path, old / "x")  # park the old output inside a fresh folder
            os.rename(self.staging, self.path)
            shutil.rmtree(old, ignore_errors=True)
            return
        shutil.rmtree(self.staging, ignore_errors=True)  # now holds the previous output


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _carry_over(old: Path, new: Path, owned: set[str]) -> None:
    """Keep the files of ``old`` that ``new`` does not write and no name in ``owned`` (names
    or patterns: ``topics_by_*.csv``) claims."""
    for entry in old.iterdir():
        target = new / entry.name
        if (entry.name in owned or any(fnmatch.fnmatchcase(entry.name, p) for p in owned)
                or target.exists() or target.is_symlink()):
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        elif entry.is_dir():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


# What each command owns in its folder: a re-run drops the ones it no longer writes (a stale
# alerts.csv or topics_by_渠道.csv must not sit beside new results); other files are kept.
COMMAND_FILES = {
    "report": ("report.html", "report.xlsx", "summary.json"),
    "drivers": ("drivers.csv", "driver_themes.csv", "index.csv", "ipa.csv", "ipa.png",
                "alerts.csv", "trends.csv", "factor_trends.csv", "key_drivers.csv",
                "index_by_group.csv", "drivers_by_group.csv", "segments_*.csv"),
    "topics": ("topics.csv", "topic_terms.csv", "comment_topics.csv", "topic_k_scores.csv",
               "topics_over_time.csv", "topics_by_*.csv", "topics.png", "topics.svg",
               "topics.pdf"),
    "graph": ("graph_*.graphml", "graph_*.gexf", "graph_*.json", "graph_*.png", "graph_*.csv"),
}


def _manyi_file(name: str) -> bool:
    """Whether a file name is one a manyi command writes (a folder holding none is not ours)."""
    return name in OUTPUT_FILES or any(fnmatch.fnmatchcase(name, pattern)
                                       for names in COMMAND_FILES.values() for pattern in names)


def check_output_folder(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output folder that cannot be replaced whole: the root, a mount point, the
    working folder or one of its parents, a folder holding an input, a file, or a non-empty
    folder of someone else's (none of manyi's files in it). One line, naming the folder.

    >>> try:
    ...     check_output_folder(Path("/"))
    ... except InputError as exc:
    ...     print(str(exc).split(";")[0])
    /: refused as output folder: it is the root folder
    """
    hint = "give a new or empty folder, e.g. out/"
    if path.exists() and not path.is_dir():
        raise InputError(f"{path}: output exists and is not a folder")
    real = Path(os.path.realpath(path))
    reason = None
    if real == Path(real.anchor):
        reason = "it is the root folder"
    elif real == Path.cwd().resolve() or real in Path.cwd().resolve().parents:
        reason = "it is the working folder or holds it"
    elif any(Path(os.path.realpath(p)).is_relative_to(real) for p in inputs):
        reason = "it holds the input"
    elif path.is_dir() and os.path.ismount(real):
        reason = "it is a mount point (write to a folder inside it)"
    elif path.is_dir():
        try:
            names = {entry.name for entry in os.scandir(path)}
        except OSError as exc:
            raise InputError(f"{path}: cannot read the output folder: {exc.strerror}") from exc
        visible = {n for n in names if not n.startswith(".")}
        if visible and not any(_manyi_file(n) for n in visible):
            reason = f"it holds {len(visible)} other file(s) and no manyi output"
    if reason:
        raise InputError(f"{path}: refused as output folder: {reason}; {hint}")


def _recover_stale(path: Path) -> None:
    """Remove staging folders of dead runs; put back an output parked by a dead run."""
    for stale in sorted(path.parent.glob(f".{glob.escape(path.name)}.*-*-*")):
        match = re.fullmatch(rf"\.{re.escape(path.name)}\.(partial|old)-(\d+)-\w+", stale.name)
        if not match or _alive(int(match.group(2))):
            continue
        parked = stale / "x"
        if match.group(1) == "old" and parked.is_dir() and not path.exists():
            os.rename(parked, path)
        shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
