"""A CSV table written block by block, with the bytes :func:`manyi.io.write.write_csv` gives
the whole table (UTF-8 with BOM, CRLF, formula-safe; each cell is spelled on its own), so a
table made as it is computed — each comment's topic — is never held whole.

>>> import pandas as pd, pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "t.csv"
...     with CsvBlocks(path, ["comment_id", "label"]) as table:
...         table.write(pd.DataFrame({"comment_id": ["1"], "label": ["物流: 快递"]}))
...         table.write(pd.DataFrame({"comment_id": ["2"], "label": ["=1+1"]}))
...     path.read_bytes().decode("utf-8-sig").splitlines()
['comment_id,label', '1,物流: 快递', "2,'=1+1"]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from manyi.io.write import _arrow_rows, atomic_path, csv_header, csv_text


class CsvBlocks:
    """Context manager: ``write(frame)`` appends rows (the columns named at the start, in
    that order); the file appears complete when the block ends, or not at all on an
    error."""

    def __init__(self, path: str | Path, columns: Sequence[str]) -> None:
        self.path, self.columns, self.rows = Path(path), [str(c) for c in columns], 0

    def __enter__(self) -> CsvBlocks:
        self._atomic = atomic_path(self.path)
        self._handle = self._atomic.__enter__().open("wb")
        self._handle.write(csv_header(self.columns))
        return self

    def write(self, frame: pd.DataFrame) -> None:
        if list(frame.columns) != self.columns:
            raise ValueError(f"columns {list(frame.columns)} are not {self.columns}")
        if not len(frame):
            return
        rows = _arrow_rows(frame)
        self._handle.write(rows if rows is not None else
                           csv_text(frame).encode("utf-8", errors="replace"))
        self.rows += len(frame)

    def __exit__(self, exc_type, exc, tb) -> None:
        self._handle.close()
        self._atomic.__exit__(exc_type, exc, tb)
