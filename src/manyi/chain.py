"""The one annotate chain both sinks share: reader → repeated ids → annotator → pieces.

:func:`start` reads the dump (whole or in chunks), builds the run's settings objects once
(:class:`~manyi.annotate.annotator.Annotator`: lexicon, segmenter, sentiment model) and marks
repeated
ids; :func:`pieces` runs a task over the pieces in this process or a pool. The in-memory sink
(:func:`manyi.pipeline.analyze`) keeps the annotated tables; the file sink
(:func:`manyi.stream.analyze_to_dir`) renders each piece to CSV rows and counts.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from manyi import engine
from manyi.annotate.annotator import Annotator, Settings, models_to_ship
from manyi.annotate.flags import RepeatedIds, mark_repeated
from manyi.annotate.prepass import learn_aspects
from manyi.annotate.sentiment.model import SentimentModel
from manyi.io.read import InputMeta, iter_comments
from manyi.text.domains import resolve as resolve_domain
from manyi.text.lexicon import Lexicon


@dataclass
class Run:
    """A run under way: what the reader found, the settings and their annotator, the input
    frames (repeated ids marked), the repeated-id finder and the worker processes."""

    meta: InputMeta
    settings: Settings
    annotator: Annotator
    frames: Iterator[pd.DataFrame]
    repeats: RepeatedIds | None
    jobs: int
    domain_guess: dict | None = None  # how --domain auto chose the pack


GUESS_ROWS = 20_000  # the first rows --domain auto reads, whatever the chunk size


def start(source, *, text_col: str | None = None, id_col: str | None = None,
          encoding: str | None = None, sheet: str | int | None = None,
          domain: str | None = "auto", lexicon: Sequence[str | Path] = (),
          segmenter: str = "rjieba", model: SentimentModel | str | Path | None = None,
          jobs: int | None = None, chunk_rows: int | None = None,
          aspect_scorer: bool = True) -> Run:
    """Open ``source`` (``chunk_rows`` rows at a time; None: whole) and build the annotator.

    The annotator is built here, once, before any row is annotated, so a bad lexicon pack or
    model file fails the run at once; inline pieces use it, and forked workers inherit it.
    """
    meta, frames = iter_comments(source, text_col=text_col, id_col=id_col, encoding=encoding,
                                 sheet=sheet, chunk_rows=chunk_rows)
    # the pack (--domain auto) and the corpus's aspect words, from the same first rows (see
    # manyi.text.domains and manyi.annotate.prepass)
    first, frames = _first_rows(frames, [meta.text_col, *meta.group_cols])
    texts = first[meta.text_col]
    domain, domain_guess = resolve_domain(domain, texts, {c: first[c].tolist()
                                                          for c in first.columns[1:]})
    aspects = learn_aspects(texts, Lexicon.load(domain, lexicon), segmenter)
    settings = Settings.of(domain, lexicon, segmenter, model, aspects, aspect_scorer)
    annotator = engine.annotator_for(settings)
    repeats = RepeatedIds() if id_col is not None else None
    return Run(meta, settings, annotator, mark_repeated(frames, repeats), repeats,
               engine.worker_count(jobs), domain_guess)


def _first_rows(frames: Iterable[pd.DataFrame], columns: list[str]
                ) -> tuple[pd.DataFrame, Iterator[pd.DataFrame]]:
    """The first :data:`GUESS_ROWS` rows' ``columns`` (the text, then the group columns),
    and the frames as if none had been read: both sinks guess the pack from the same rows."""
    frames, head, rows = iter(frames), [], 0
    for frame in frames:
        head.append(frame)
        rows += len(frame)
        if rows >= GUESS_ROWS:
            break
    # (a JSON Lines key first seen late is a column only of later frames: reindexed)
    first = pd.concat([f.reindex(columns=columns) for f in head],
                      ignore_index=True).iloc[:GUESS_ROWS] \
        if head else pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    return first, itertools.chain(head, frames)


def pieces(run: Run, task, frames: Iterator[pd.DataFrame] | None = None, *,
           progress: bool | None = None, total: int | None = None
           ) -> Iterator[tuple[pd.DataFrame, list]]:
    """``task(settings, text_col, piece, first_row)`` over the pieces of the run's frames (or
    of ``frames``), in order, as :func:`manyi.engine.map_chunks` runs them."""
    return engine.map_chunks(run.frames if frames is None else frames, task,
                             (run.settings, run.meta.text_col), jobs=run.jobs,
                             progress=progress, total=total, ship=models_to_ship(run.settings))
