"""Bounded-memory analysis: a dump read, annotated and written chunk by chunk.

``manyi analyze`` runs this way. Memory holds two chunks of comments and running counts,
never the whole dump, so millions of comments fit in a fixed memory. The files written are
the same as :meth:`~manyi.pipeline.Result.to_dir` writes for :func:`~manyi.pipeline.analyze`
of the whole input: the dimension table, the drivers and the co-occurrence graphs are
computed from counts merged across chunks (:func:`~manyi.pipeline.dimension_counts`,
:class:`~manyi.graph.FactorCounts`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from . import engine
from .errors import ManyiError
from .graph import (
    ANALYSABLE_FLAGS,
    FactorCounts,
    drivers_from_counts,
    graph_from_counts,
    sum_counts,
)
from .io import RESERVED, iter_comments
from .outputs import OUTPUT_FILES, CsvAppender, atomic_dir, csv_bytes, safe_child
from .pipeline import (
    Settings,
    dimension_counts,
    dimension_labels,
    dimension_table_from_counts,
    run_meta,
    write_tables,
)
from .progress import count_rows  # the bar's total: rows counted cheaply

STREAM_ROWS = 20_000
MERGE_PIECES = 64  # pieces whose counts are summed at once (a pandas sum costs per call)


@dataclass
class StreamResult:
    """What a streamed run keeps in memory: the aggregate tables, graphs and meta."""

    path: Path
    dimensions: pd.DataFrame
    drivers: pd.DataFrame
    graphs: dict[str, nx.Graph]
    meta: dict


def analyze_to_dir(source, output: str | Path, *, text_col: str | None = None,
                   id_col: str | None = None, encoding: str | None = None,
                   sheet: str | int | None = None, domain: str | None = "ecommerce",
                   lexicon: Sequence[str | Path] = (), segmenter: str = "rjieba",
                   jobs: int | None = 1, chunk_rows: int = STREAM_ROWS,
                   progress: bool | None = None, strict: bool = False) -> StreamResult:
    """Analyse a dump of any size into the folder ``output``, ``chunk_rows`` rows at a time.

    Writes comments.csv, mentions.csv, dimensions.csv, drivers.csv, meta.json (and
    rejects.csv); all or nothing, as :meth:`Result.to_dir`. ``strict``: fail, writing
    nothing, when an input row could not be parsed.
    """
    meta, frames = iter_comments(source, text_col=text_col, id_col=id_col, encoding=encoding,
                                 sheet=sheet, chunk_rows=chunk_rows)
    settings = Settings(domain, tuple(str(p) for p in lexicon), segmenter)
    workers = (os.cpu_count() or 1) if jobs in (None, 0) else jobs
    totals, repeats = _Totals(), _RepeatedIds() if id_col is not None else None
    counted: list[_Totals] = []  # pieces' counts not yet added to totals

    def marked(frames):
        """The frames, with repeated ids marked (in reading order) for the workers."""
        rows = 0
        for frame in frames:
            if repeats is not None:
                frame = frame.assign(**{REPEATED: repeats.mark(frame["comment_id"], rows)})
            rows += len(frame)
            yield frame

    with atomic_dir(Path(output), owned=OUTPUT_FILES) as staging:
        comments_csv = CsvAppender(safe_child(staging, "comments.csv"), trailing=RESERVED[1:])
        mentions_csv = CsvAppender(safe_child(staging, "mentions.csv"))
        try:
            for _, pieces in engine.map_chunks(marked(frames), _render_piece,
                                               (settings, meta.text_col), jobs=workers,
                                               progress=progress, total=None if progress
                                               is False else count_rows(source)):
                for piece in pieces:
                    comments_csv.write_bytes(*piece.comments)
                    mentions_csv.write_bytes(*piece.mentions)
                    counted.append(piece.totals)
                if len(counted) >= MERGE_PIECES:
                    totals.merge(counted)
                    counted.clear()
            totals.merge(counted)
        finally:
            mentions_csv.close()
            fix = repeats.fixer(totals.flags) if repeats is not None and repeats.first_rows \
                else None
            comments_csv.close(fix)
        if strict:
            check_strict(meta.source, meta.rejects)
        dimensions = dimension_table_from_counts(totals.dimensions, totals.analysable,
                                                 dimension_labels(settings))
        drivers = drivers_from_counts(totals.factors, domain=domain)
        info = run_meta(meta, settings, flags=totals.flags, sentiment=totals.sentiment,
                        duplicate_ids=repeats.ids if repeats is not None else set())
        write_tables(staging, dimensions, drivers, info)
    graphs = {subset: graph_from_counts(totals.factors, subset=subset, domain=domain)
              for subset in ("all", "complaints")}
    return StreamResult(Path(output), dimensions, drivers, graphs, info)


# The column that carries the repeated-id mark of each row to the workers.
REPEATED = "\0repeated"


@dataclass
class _Piece:
    """What a worker sends back for a piece of a chunk: CSV rows (UTF-8, columns, row count)
    of comments and of mentions, and the piece's counts."""

    comments: tuple[bytes, list[str], int]
    mentions: tuple[bytes, list[str], int]
    totals: _Totals


def _render_piece(settings: Settings, text_col: str, piece: pd.DataFrame, first_row: int
                  ) -> _Piece:
    """Annotate a piece in a worker and render it: the parent only writes and adds up."""
    frame = piece.reset_index(drop=True)
    repeated = frame.pop(REPEATED).to_numpy(bool) if REPEATED in frame else None
    annotations, mentions = engine.annotate_ids(settings, frame["comment_id"].tolist(),
                                                frame[text_col].tolist(), first_row)
    if repeated is not None:
        annotations.loc[repeated & (annotations["flag"] == "").to_numpy(), "flag"] = \
            "duplicate_id"
    comments = pd.concat([frame, annotations], axis=1)
    totals = _Totals.of(comments, mentions.assign(row=mentions["row"] - first_row))
    return _Piece((csv_bytes(comments), list(comments.columns), len(comments)),
                  (csv_bytes(mentions), list(mentions.columns), len(mentions)), totals)


def check_strict(source: str, rejects: list[dict]) -> None:
    """Raise when input rows were rejected (``--strict``)."""
    if rejects:
        raise ManyiError(f"{source}: {len(rejects)} row(s) rejected (--strict): "
                         + "; ".join(f"line {r['line']}: {r['reason']}" for r in rejects[:3])
                         + (" …" if len(rejects) > 3 else "")
                         + "; run without --strict to get them in rejects.csv")


@dataclass
class _Totals:
    """Running counts over the chunks seen so far."""

    rows: int = 0
    analysable: int = 0
    flags: Counter = field(default_factory=Counter)
    sentiment: Counter = field(default_factory=Counter)
    dimensions: pd.Series = field(default_factory=lambda: pd.Series(dtype=np.int64))
    factors: FactorCounts = field(default_factory=FactorCounts)

    @classmethod
    def of(cls, comments: pd.DataFrame, mentions: pd.DataFrame) -> _Totals:
        """The counts of one chunk; ``mentions.row`` counts from the chunk's first comment."""
        ok = comments["flag"].isin(ANALYSABLE_FLAGS)
        return cls(len(comments), int(ok.sum()), Counter(comments["flag"].tolist()),
                   Counter(comments.loc[ok, "sentiment"].tolist()),
                   dimension_counts(mentions, comments), FactorCounts.of(comments, mentions))

    def merge(self, others: Sequence[_Totals]) -> None:
        """Add other chunks' counts to these, the pandas ones in one sum."""
        for other in others:
            self.rows += other.rows
            self.analysable += other.analysable
            self.flags.update(other.flags)
            self.sentiment.update(other.sentiment)
        self.dimensions = sum_counts([self.dimensions, *(t.dimensions for t in others)])
        self.factors = FactorCounts.total([self.factors, *(t.factors for t in others)])


class _RepeatedIds:
    """Finds ids seen on an earlier row without keeping the ids: 64-bit hashes of first
    occurrences in sorted runs, merged as they grow (a hash collision among 5 million ids
    has a chance of about 1e-6).

    As :func:`~manyi.pipeline.analyze` does, every row of a repeated id is flagged
    ``duplicate_id``; a first occurrence already written is fixed when the file is closed.
    """

    def __init__(self) -> None:
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted hashes, their rows)
        self.first_rows: set[int] = set()
        self.ids: set[str] = set()

    def mark(self, ids: pd.Series, first_row: int) -> np.ndarray:
        """Which of these ids (rows from ``first_row`` on) are repeated, in this chunk or
        with an earlier one; remembers them."""
        hashes = pd.util.hash_array(ids.to_numpy(dtype=object))
        earlier = np.full(len(ids), -1, dtype=np.int64)
        for run_hashes, run_rows in self.runs:
            at = np.searchsorted(run_hashes, hashes).clip(max=len(run_hashes) - 1)
            found = run_hashes[at] == hashes
            earlier[found] = run_rows[at[found]]
        repeated = ids.duplicated(keep=False).to_numpy() | (earlier >= 0)
        self.first_rows.update(earlier[earlier >= 0].tolist())
        self.ids.update(ids[ids.duplicated().to_numpy() | (earlier >= 0)])
        new = ~ids.duplicated().to_numpy() & (earlier < 0)
        self._add(hashes[new], np.flatnonzero(new) + first_row)
        return repeated

    def _add(self, hashes: np.ndarray, rows: np.ndarray) -> None:
        if not len(hashes):  # a chunk of ids all seen before
            return
        order = np.argsort(hashes, kind="stable")
        self.runs.append((hashes[order], rows[order]))
        while len(self.runs) > 1 and len(self.runs[-1][0]) >= len(self.runs[-2][0]):
            (h2, r2), (h1, r1) = self.runs.pop(), self.runs.pop()
            hashes, rows = np.concatenate([h1, h2]), np.concatenate([r1, r2])
            order = np.argsort(hashes, kind="stable")
            self.runs.append((hashes[order], rows[order]))

    def fixer(self, flags: Counter):
        """A row fixer for :meth:`CsvAppender.close` that flags first occurrences, keeping
        the flag counts right."""
        def fix(number: int, columns: list[str], values: list[str]) -> list[str]:
            at = columns.index("flag")
            if number in self.first_rows and values[at] == "":
                values[at] = "duplicate_id"
                flags[""] -= 1
                flags["duplicate_id"] += 1
            return values

        return fix
