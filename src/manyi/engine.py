"""Where the per-comment work runs: this process, a pool of processes, or Dask partitions.

Each worker builds one :class:`~manyi.pipeline.Annotator` (lexicon, tokenizer, model) and
reuses it for every chunk it is given; chunks come back in input order, so every engine gives
the same tables as ``jobs=1``.
"""

from __future__ import annotations

import collections
import contextlib
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

import pandas as pd
from tqdm.auto import tqdm

from .errors import ManyiError

if TYPE_CHECKING:
    from .pipeline import Annotator, Settings

CHUNK_ROWS = 5000  # rows per task: large enough that per-task costs (tables, counts) fade
_ANNOTATORS: dict[Settings, Annotator] = {}


def annotator_for(settings: Settings) -> Annotator:
    """The process's annotator for these settings, built on first use."""
    from .pipeline import Annotator

    if settings not in _ANNOTATORS:
        _ANNOTATORS[settings] = Annotator(settings)
    return _ANNOTATORS[settings]


def annotate_ids(settings: Settings, ids: list[str], values: list[object], first_row: int
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:meth:`Annotator.annotate` with this process's annotator for ``settings``."""
    return annotator_for(settings).annotate(ids, values, first_row)


def _annotate_piece(settings: Settings, text_col: str, piece: pd.DataFrame, first_row: int):
    return annotate_ids(settings, piece["comment_id"].tolist(), piece[text_col].tolist(),
                        first_row)


def annotate_frame(frame: pd.DataFrame, text_col: str, settings: Settings, *, jobs: int = 1,
                   progress: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Annotation columns (row-aligned with ``frame``) and mentions, using ``jobs`` processes
    as :func:`map_chunks` runs them (the workers get the id and text columns only)."""
    from .pipeline import MENTION_COLUMNS

    [(_, parts)] = map_chunks([frame[["comment_id", text_col]]], _annotate_piece,
                              (settings, text_col), jobs=jobs, progress=progress,
                              total=len(frame))
    return _concat(parts, MENTION_COLUMNS)


def map_chunks(frames: Iterable[pd.DataFrame], task, args: tuple = (), *, jobs: int = 1,
               progress: bool | None = None, total: int | None = None
               ) -> Iterator[tuple[pd.DataFrame, list]]:
    """``(frame, [task(*args, piece, first_row) for each piece])`` for each frame, in order.

    Frames are cut into pieces of ``CHUNK_ROWS`` rows for ``jobs`` worker processes (one pool
    for the whole stream); the next frame is read while the pieces of the one before are
    worked on, and no more than two frames are held at once. ``first_row`` counts from the
    first row of the first frame. ``task`` must be a module-level function.
    """
    pending: collections.deque = collections.deque()
    first_row, pool = 0, None
    with contextlib.ExitStack() as stack:
        bar = stack.enter_context(tqdm(total=total, unit="comments", desc="analysing",
                                       disable=None if progress is None else not progress))
        for frame in frames:
            if pool is None and jobs > 1 and (pending or len(frame) > CHUNK_ROWS):
                pool = stack.enter_context(ProcessPoolExecutor(jobs, initializer=_watch_parent,
                                                               initargs=(os.getpid(),)))
            run = pool or _InlineExecutor()
            futures = [(run.submit(task, *args, frame.iloc[start:start + CHUNK_ROWS],
                                   first_row + start), min(CHUNK_ROWS, len(frame) - start))
                       for start in range(0, len(frame), CHUNK_ROWS)]
            pending.append((frame, futures))
            first_row += len(frame)
            while len(pending) > (1 if pool else 0):
                yield _collect(*pending.popleft(), bar)
        while pending:
            yield _collect(*pending.popleft(), bar)


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the process that started it is gone (killed, even with -9),
    rather than live on holding its memory."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="manyi-parent-watch", daemon=True).start()


def _collect(frame: pd.DataFrame, futures: list[tuple[Future, int]], bar) -> tuple:
    results = []
    for future, rows in futures:
        results.append(future.result())
        bar.update(rows)
    return frame, results


class _InlineExecutor(Executor):
    """Runs each task at once in this process (``jobs=1``)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # re-raised by future.result(), as a pool would
            future.set_exception(exc)
        return future


def annotate_dask(ddf, text_col: str, settings: Settings) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Annotate a ``dask.dataframe`` partition by partition on the current Dask scheduler.

    Each Dask worker process keeps one annotator; the results come back in partition order.
    ``ddf`` must already have the ``comment_id`` column (see :func:`manyi.io.read_comments`).
    """
    try:
        import dask
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ManyiError("Dask is not installed; pip install 'manyi[dask]'") from exc
    from .pipeline import MENTION_COLUMNS

    tasks = [dask.delayed(_annotate_piece)(settings, text_col, part, 0)
             for part in ddf.to_delayed()]
    parts, first_row = [], 0
    for annotated, mentions in dask.compute(*tasks):
        # Partitions number their rows from 0; shift them once their lengths are known,
        # so the data is read in one pass.
        parts.append((annotated, mentions.assign(row=mentions["row"] + first_row)))
        first_row += len(annotated)
    return _concat(parts, MENTION_COLUMNS)


def annotate_on_cluster(frame: pd.DataFrame, text_col: str, settings: Settings,
                        scheduler: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`annotate_dask` on the Dask cluster whose scheduler is at ``scheduler``."""
    try:
        import dask.dataframe as dd
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ManyiError("Dask is not installed; pip install 'manyi[dask]'") from exc
    columns = frame[["comment_id", text_col]]
    ddf = dd.from_pandas(columns, chunksize=CHUNK_ROWS, sort=False)
    try:
        client = Client(scheduler, timeout="3s")
    except OSError as exc:
        raise ManyiError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        return annotate_dask(ddf, text_col, settings)


def _concat(parts: list[tuple[pd.DataFrame, pd.DataFrame]], mention_columns: list[str]
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    annotations = pd.concat([p[0] for p in parts], ignore_index=True)
    mentions = [p[1] for p in parts if len(p[1])]
    return annotations, (pd.concat(mentions, ignore_index=True) if mentions
                         else pd.DataFrame(columns=mention_columns))
