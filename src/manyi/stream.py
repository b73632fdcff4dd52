"""Bounded-memory analysis: a dump read, annotated and written chunk by chunk.

``manyi analyze`` runs this way. Memory holds two chunks of comments and running counts,
never the whole dump, so millions of comments fit in a fixed memory. The files written are
the same as :meth:`~manyi.pipeline.Result.to_dir` writes for :func:`~manyi.pipeline.analyze`
of the whole input: the dimension table, the drivers and the co-occurrence graphs are
computed from counts merged across chunks (:func:`~manyi.pipeline.dimension_counts`,
:class:`~manyi.analysis.graph.FactorCounts`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from manyi import chain, engine
from manyi.analysis.drivers import drivers_from_counts
from manyi.analysis.graph import FactorCounts, graph_from_counts, sum_counts
from manyi.analysis.impact import Patterns
from manyi.analysis.labels import lexicon_labels
from manyi.analysis.polarity import comment_dimension_polarity
from manyi.analysis.tables import (
    dimension_counts,
    dimension_labels,
    dimension_table_from_counts,
    run_meta,
)
from manyi.annotate.annotator import Settings
from manyi.annotate.flags import ANALYSABLE_FLAGS
from manyi.annotate.sentiment.model import SentimentModel
from manyi.errors import ManyiError
from manyi.io.folder import FOLDER_ROWS, folder_chunks
from manyi.io.read import RESERVED
from manyi.io.write import OUTPUT_FILES, CsvAppender, atomic_dir, csv_bytes, safe_child
from manyi.pipeline import write_tables
from manyi.progress import bar_shown, count_rows  # the bar's total: rows counted cheaply

if TYPE_CHECKING:
    import networkx as nx  # (imported where the graphs are drawn)

STREAM_ROWS = 20_000
MERGE_PIECES = 64  # pieces whose counts are summed at once (a pandas sum costs per call)


@dataclass
class StreamResult:
    """What a streamed run keeps in memory: the aggregate tables, meta and the counts the
    co-occurrence graphs are drawn from (:attr:`graphs`, built when first asked for)."""

    path: Path
    dimensions: pd.DataFrame
    drivers: pd.DataFrame
    meta: dict
    counts: FactorCounts = field(repr=False)
    labels: dict[str, str] = field(repr=False)

    @cached_property
    def graphs(self) -> dict[str, nx.Graph]:
        """The factor co-occurrence graphs of all comments and of complaints."""
        return {subset: graph_from_counts(self.counts, subset=subset, labels=self.labels)
                for subset in ("all", "complaints")}


def analyze_to_dir(source, output: str | Path, *, text_col: str | None = None,
                   id_col: str | None = None, encoding: str | None = None,
                   sheet: str | int | None = None, domain: str | None = "auto",
                   lexicon: Sequence[str | Path] = (), segmenter: str = "rjieba",
                   model: SentimentModel | str | Path | None = None, jobs: int | None = None,
                   chunk_rows: int = STREAM_ROWS, progress: bool | None = None,
                   strict: bool = False, aspect_scorer: bool = True) -> StreamResult:
    """Analyse a dump of any size into the folder ``output``, ``chunk_rows`` rows at a time.

    Writes comments.csv, mentions.csv, dimensions.csv, drivers.csv, meta.json (and
    rejects.csv); all or nothing, as :meth:`Result.to_dir`. ``strict``: fail, writing
    nothing, when an input row could not be parsed. Options as :func:`manyi.analyze`.
    """
    run = chain.start(source, text_col=text_col, id_col=id_col, encoding=encoding,
                      sheet=sheet, domain=domain, lexicon=lexicon, segmenter=segmenter,
                      model=model, jobs=jobs, chunk_rows=chunk_rows,
                      aspect_scorer=aspect_scorer)
    meta, repeats = run.meta, run.repeats
    totals = _Totals()
    counted: list[_Totals] = []  # pieces' counts not yet added to totals

    with atomic_dir(Path(output), owned=OUTPUT_FILES) as staging:
        comments_csv = CsvAppender(safe_child(staging, "comments.csv"), trailing=RESERVED[1:])
        mentions_csv = CsvAppender(safe_child(staging, "mentions.csv"))
        try:
            # the file is read once more for the total only where a bar is drawn
            total = count_rows(source) if bar_shown(progress) else None
            for _, pieces in chain.pieces(run, _render_piece, progress=progress, total=total):
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
                                                 dimension_labels(run.annotator.lexicon))
        labels = lexicon_labels(run.annotator.lexicon)
        drivers = drivers_from_counts(totals.factors, labels=labels)
        info = run_meta(meta, run.settings, flags=totals.flags, sentiment=totals.sentiment,
                        duplicate_ids=repeats.ids if repeats is not None else set(),
                        domain_guess=run.domain_guess)
        write_tables(staging, dimensions, drivers, info)
    return StreamResult(Path(output), dimensions, drivers, info, totals.factors, labels)


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
    frame, annotations, mentions = engine.annotator_for(settings).annotate_piece(
        piece, text_col, first_row)
    comments = pd.concat([frame, annotations], axis=1)
    totals = _Totals.of(comments, mentions.assign(row=mentions["row"] - first_row))
    return _Piece((csv_bytes(comments), list(comments.columns), len(comments)),
                  (csv_bytes(mentions), list(mentions.columns), len(mentions)), totals)


COUNTED_COMMENTS = ("comment_id", "flag", "sentiment", "dimensions")
COUNTED_MENTIONS = ("row", "clause_id", "dimension", "factor", "term", "opinion", "negated",
                    "polarity", "score", "source", "clause")  # the clause: themes' evidence


def folder_counts(path: str | Path, *, level: str = "factor", unit: str = "comment",
                  opinions: bool = False, rating_col: str | None = None,
                  complaint_max_rating: float | None = None, rating: str | None = None,
                  chunk_rows: int = FOLDER_ROWS, meta: dict | None = None) -> FactorCounts:
    """The counts of the drivers table and the graphs of an analysis folder, read
    ``chunk_rows`` comments at a time (:func:`manyi.io.folder.folder_chunks`) and merged:
    equal to :meth:`FactorCounts.of` on the whole folder (as :func:`manyi.analysis.drivers.drivers`
    and :func:`manyi.analysis.graph.complaint_graphs` count it), in bounded memory.

    ``complaint_max_rating``: a complaint is a rating ≤ it on ``rating_col`` (default:
    sentiment negative or a factor named negatively). ``rating``: the column of the drivers'
    rating columns (patterns counted with the rating).
    """
    wanted = {*COUNTED_COMMENTS, *(c for c in (rating_col, rating) if c)}
    parts: list[FactorCounts] = []
    merged = FactorCounts()
    for comments, mentions in folder_chunks(path, sorted(wanted), COUNTED_MENTIONS,
                                            chunk_rows=chunk_rows, meta=meta):
        complaint = None if complaint_max_rating is None else (
            pd.to_numeric(comments[rating_col], errors="coerce") <= complaint_max_rating)
        counts = FactorCounts.of(comments, mentions, level=level, unit=unit, opinions=opinions,
                                 complaint=complaint, patterns=rating is None)
        if rating is not None:
            counts.patterns = Patterns.of(comments, mentions, complaint=complaint,
                                          rating=rating)
        parts.append(counts)
        if len(parts) >= MERGE_PIECES:
            merged = FactorCounts.total([merged, *parts])
            parts.clear()
    merged = FactorCounts.total([merged, *parts])
    if opinions:  # keys in the order of one count: factors, then opinion words (sorted)
        order = sorted(merged.counts.index, key=lambda k: (k.startswith("opinion/"), k))
        merged.counts = merged.counts.reindex(order)
        merged.complaints = merged.complaints.reindex(order).dropna().astype(np.int64)
    return merged


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
        polar = comment_dimension_polarity(comments, mentions, include_overall=True)  # once
        return cls(len(comments), int(ok.sum()), Counter(comments["flag"].tolist()),
                   Counter(comments.loc[ok, "sentiment"].tolist()),
                   dimension_counts(mentions, comments, polar=polar),
                   FactorCounts.of(comments, mentions, polar=polar))

    def merge(self, others: Sequence[_Totals]) -> None:
        """Add other chunks' counts to these, the pandas ones in one sum."""
        for other in others:
            self.rows += other.rows
            self.analysable += other.analysable
            self.flags.update(other.flags)
            self.sentiment.update(other.sentiment)
        self.dimensions = sum_counts([self.dimensions, *(t.dimensions for t in others)])
        self.factors = FactorCounts.total([self.factors, *(t.factors for t in others)])
