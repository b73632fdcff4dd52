"""An analysis folder read back in chunks: comments and their mentions, aligned.

``manyi drivers --from`` and ``manyi graph --from`` add up counts chunk by chunk, as the
streamed ``manyi analyze`` does, so a folder of millions of comments is never held whole.
Each chunk is ``chunk_rows`` comments (typed as :func:`manyi.io.saved.read_result` types them)
and the mentions of those comments, their ``row`` counted from the chunk's first comment.
Only the columns asked for are read.

>>> import manyi, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     _ = manyi.analyze(["物流很快", "质量太差", "价格便宜"]).to_dir(folder)
...     chunks = list(folder_chunks(folder, ["comment_id"], ["row", "dimension"], chunk_rows=2))
>>> [(len(c), m["row"].tolist()) for c, m in chunks]
[(2, [0, 1]), (1, [0])]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from manyi.annotate.annotator import MENTION_COLUMNS
from manyi.errors import InputError
from manyi.io.saved import _comments, _mentions, read_meta, typed_chunks

FOLDER_ROWS = 25_000  # comments per chunk
MENTION_ROWS = 100_000  # mention rows read at a time


def folder_chunks(path: str | Path, comment_columns: Sequence[str] | None = None,
                  mention_columns: Sequence[str] | None = None, *,
                  chunk_rows: int = FOLDER_ROWS, meta: dict | None = None
                  ) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """(comments, mentions) of each chunk of ``chunk_rows`` comments of the folder; the
    columns given (those the folder has; None: all), mentions' ``row`` from the chunk's
    first comment. Mentions must be in comment order, as analyze writes them."""
    folder = Path(path)
    meta = read_meta(folder) if meta is None else meta
    mention_columns = None if mention_columns is None else {"row", *mention_columns}
    comments = (chunk for chunk in typed_chunks(folder / "comments.csv", comment_columns,
                                                chunk_rows, lambda table: _comments(table, meta))
                if len(chunk))
    mentions = typed_chunks(folder / "mentions.csv", mention_columns,
                            max(chunk_rows, MENTION_ROWS), _mentions)
    waiting: list[pd.DataFrame] = []  # mentions read, not yet given to a chunk
    done = False  # mentions.csv read to its end
    start = 0
    for chunk in comments:
        end = start + len(chunk)
        while not done and (not waiting or int(waiting[-1]["row"].iloc[-1]) < end):
            part = next(mentions, None)
            if part is None:
                done = True
            elif len(part):
                waiting.append(part)
        table = pd.concat(waiting, ignore_index=True) if len(waiting) > 1 else (
            waiting[0] if waiting else _mentions(pd.DataFrame(columns=MENTION_COLUMNS)))
        rows = table["row"].to_numpy()
        if len(rows) and ((rows[1:] < rows[:-1]).any() or rows[0] < start):
            raise InputError(f"{folder / 'mentions.csv'}: rows not in comment order (row "
                             f"{int(rows.min())}); write the folder again with manyi analyze")
        inside = int((rows < end).sum())
        waiting = [table.iloc[inside:].reset_index(drop=True)] if inside < len(table) else []
        chunk_mentions = table.iloc[:inside].reset_index(drop=True)
        chunk_mentions["row"] = chunk_mentions["row"] - start
        yield chunk.reset_index(drop=True), chunk_mentions
        start = end
    if waiting or next(mentions, None) is not None:
        raise InputError(f"{folder / 'mentions.csv'}: mentions of rows past the last comment "
                         f"({start}); write the folder again with manyi analyze")

