"""Where the per-comment work runs: this process, a pool of processes, or Dask partitions.

Each process builds one :class:`~manyi.annotate.annotator.Annotator` (lexicon, tokenizer, model) per
:class:`~manyi.annotate.annotator.Settings` and reuses it for every chunk it is given: the
parent's is
built once by the pipeline and used by the chunks run inline; a worker builds its own from the
settings (or inherits the parent's when forked). Chunks come back in input order, so every
engine gives the same tables as ``jobs=1``.

By default every core works (:func:`worker_count`), but an input of at most
:data:`INLINE_ROWS` rows is annotated in this process: a pool's start-up (each worker loads
the lexicon and the model) costs more than such an input.
"""

from __future__ import annotations

import collections
import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from manyi.annotate.annotator import (
    MENTION_COLUMNS,
    Annotator,
    Settings,
    install_models,
    models_to_ship,
)
from manyi.annotate.flags import REPEATED
from manyi.errors import ManyiError

CHUNK_ROWS = 20_000  # rows per task at most: a task's fixed costs (tables, counts) fade
INLINE_ROWS = 5000  # an input no larger is annotated in this process, without a pool
PARTITION_ROWS = 5000  # rows per Dask partition on a cluster
_ANNOTATORS: dict[tuple[Settings, tuple], Annotator] = {}


def worker_count(jobs: int | None = None) -> int:
    """Worker processes for ``jobs``: None or 0 → every core this process may run on.

    >>> worker_count(1), worker_count(None) >= 1
    (1, True)
    """
    if jobs not in (None, 0):
        if jobs < 0:
            raise ManyiError(f"jobs={jobs}: give a number of processes ≥ 1, or 0 for all cores")
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def annotator_for(settings: Settings) -> Annotator:
    """This process's annotator for these settings, built on first use and then reused (a
    model file written again since is read again)."""
    key = (settings, _file_stamp(settings.model))
    if key not in _ANNOTATORS:
        _ANNOTATORS[key] = Annotator(settings)
    return _ANNOTATORS[key]


def _file_stamp(model: str | None) -> tuple:
    if model is None or model.startswith("<"):
        return ()
    stem = Path(model).with_suffix("") if Path(model).suffix in (".npz", ".json") \
        else Path(model)
    stamps = []
    for suffix in (".npz", ".json"):
        try:
            stamps.append(stem.with_suffix(suffix).stat().st_mtime_ns)
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def annotate_piece(settings: Settings, text_col: str, piece: pd.DataFrame, first_row: int
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Annotation columns and mentions of a piece, by this process's annotator."""
    _, annotations, mentions = annotator_for(settings).annotate_piece(piece, text_col,
                                                                      first_row)
    return annotations, mentions


def _work_columns(frame: pd.DataFrame, text_col: str) -> list[str]:
    return ["comment_id", text_col] + ([REPEATED] if REPEATED in frame else [])


def map_chunks(frames: Iterable[pd.DataFrame], task, args: tuple = (), *, jobs: int = 1,
               progress: bool | None = None, total: int | None = None,
               ship: dict | None = None) -> Iterator[tuple[pd.DataFrame, list]]:
    """``(frame, [task(*args, piece, first_row) for each piece])`` for each frame, in order.

    Frames are cut into pieces (:func:`piece_rows`) for ``jobs`` worker processes (one pool
    for the whole stream, started only when the input has more than :data:`INLINE_ROWS`
    rows); the next frame is read while the pieces of the one before are worked on, and no
    more than two frames are held at once. ``first_row`` counts from the first row of the
    first frame. ``task`` must be a module-level function. ``ship``: model objects the
    workers need (:func:`~manyi.annotate.annotator.models_to_ship`), sent once to each.
    """
    pending: collections.deque = collections.deque()
    first_row, pool = 0, None
    with contextlib.ExitStack() as stack:
        bar = stack.enter_context(tqdm(total=total, unit="comments", desc="analysing",
                                       disable=None if progress is None else not progress))
        for frame in frames:
            if pool is None and jobs > 1 and (pending or len(frame) > INLINE_ROWS):
                pool = stack.enter_context(ProcessPoolExecutor(
                    jobs, initializer=_start_worker, initargs=(os.getpid(), ship)))
            run = pool or _InlineExecutor()
            rows = piece_rows(len(frame), jobs if pool else 1)
            futures = [(run.submit(task, *args, frame.iloc[start:start + rows],
                                   first_row + start), min(rows, len(frame) - start))
                       for start in range(0, len(frame), rows)]
            pending.append((frame, futures))
            first_row += len(frame)
            while len(pending) > (1 if pool else 0):
                yield _collect(*pending.popleft(), bar)
        while pending:
            yield _collect(*pending.popleft(), bar)


def piece_rows(rows: int, workers: int) -> int:
    """Rows per piece of a frame of ``rows`` rows: one piece per worker, at most
    :data:`CHUNK_ROWS` (a piece's tables and counts cost about 40 ms whatever its size, so
    pieces are as large as keeps every worker busy).

    >>> piece_rows(20_000, 2), piece_rows(20_000, 1), piece_rows(7, 2), piece_rows(0, 2)
    (10000, 20000, 4, 1)
    """
    return max(1, min(CHUNK_ROWS, -(-rows // workers)))


def _start_worker(parent: int, ship) -> None:
    """A pool worker's start: watch its parent, and install the models shipped to it."""
    _watch_parent(parent)
    if ship:
        install_models(ship)


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the process that started the pool is gone (killed, even with
    -9), rather than live on holding its memory. A forked worker's parent is that process;
    under a fork server (Linux's default from Python 3.14) or spawn it may be another, so the
    worker exits when the run's process no longer exists or its own parent changes (the
    server went with the run)."""
    def watch() -> None:
        first = os.getppid()
        while os.getppid() == first and _alive(parent):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="manyi-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (signal 0 checks without sending anything; not on
    Windows, where 0 is CTRL_C_EVENT: there the worker's parent alone is watched)."""
    if sys.platform == "win32":  # pragma: no cover
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - exists, owned by another user
        return True
    return True


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
    ``ddf`` must already have the ``comment_id`` column (see :func:`manyi.io.read.read_comments`).
    """
    try:
        import dask
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ManyiError("Dask is not installed; pip install 'manyi[dask]'") from exc
    ship = models_to_ship(settings)
    if ship:  # a model given as an object: sent along with the tasks, once
        tasks = [dask.delayed(_annotate_shipped)(dask.delayed(ship), settings, text_col, part)
                 for part in ddf.to_delayed()]
    else:
        tasks = [dask.delayed(annotate_piece)(settings, text_col, part, 0)
                 for part in ddf.to_delayed()]
    parts, first_row = [], 0
    for annotated, mentions in dask.compute(*tasks):
        # Partitions number their rows from 0; shift them once their lengths are known,
        # so the data is read in one pass.
        parts.append((annotated, mentions.assign(row=mentions["row"] + first_row)))
        first_row += len(annotated)
    return concat_parts(parts)


def _annotate_shipped(ship: dict, settings: Settings, text_col: str, piece: pd.DataFrame):
    install_models(ship)
    return annotate_piece(settings, text_col, piece, 0)


def annotate_on_cluster(frame: pd.DataFrame, text_col: str, settings: Settings,
                        scheduler: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`annotate_dask` on the Dask cluster whose scheduler is at ``scheduler``."""
    try:
        import dask.dataframe as dd
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ManyiError("Dask is not installed; pip install 'manyi[dask]'") from exc
    columns = frame[_work_columns(frame, text_col)]
    ddf = dd.from_pandas(columns, chunksize=PARTITION_ROWS, sort=False)
    try:
        client = Client(scheduler, timeout="3s")
    except OSError as exc:
        raise ManyiError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        return annotate_dask(ddf, text_col, settings)


def concat_parts(parts: list[tuple[pd.DataFrame, pd.DataFrame]]
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The annotation columns and the mentions of pieces, put together in order."""
    annotations = pd.concat([p[0] for p in parts], ignore_index=True)
    mentions = [p[1] for p in parts if len(p[1])]
    return annotations, (pd.concat(mentions, ignore_index=True) if mentions
                         else pd.DataFrame(columns=MENTION_COLUMNS))
