"""Running a command's analysis: the pipeline on INPUT or the folder of ``--from``, the
complaint rule (评分 ≤ N), and exit status 3 when input rows were rejected.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import click
import pandas as pd

from manyi.errors import ManyiError


def run_analysis(reading: dict, *, jobs: int | None = None, quiet: bool = False,
                 model: str | None = None, **options):
    """Run the pipeline on the dump named by the shared reading options (a command given
    ``--from`` reads the folder itself: :func:`reused_folder`)."""
    from manyi import pipeline

    original, reading = reading, dict(reading)
    input_path = reading.pop("input_path")
    reading.pop("from_dir", None)
    if input_path is None:
        raise ManyiError("give INPUT, the comment dump, or --from DIR, the folder "
                         "`manyi analyze` wrote")
    result = pipeline.analyze(input_path, jobs=jobs, progress=False if quiet else None,
                              model=model, **reading, **options)
    original["domain"] = result.meta.get("domain", original.get("domain"))  # auto: the pack
    return result


def reused_folder(reading: dict, model: str | None = None) -> str | None:
    """The folder given with ``--from`` (None without it); with INPUT too, or with
    ``--model``, an error."""
    from_dir, input_path = reading.get("from_dir"), reading.get("input_path")
    if from_dir is None:
        return None
    if input_path is not None:
        raise ManyiError(f"give INPUT ({input_path}) or --from {from_dir}, not both")
    if model is not None:
        raise ManyiError(f"--model with --from {from_dir}: the folder's comments were "
                         "scored already; run `manyi analyze --model` again instead")
    return from_dir


def folder_head(from_dir: str, rows: int = 2_000):
    """A Result of the folder's meta and its first ``rows`` comments (no mentions): what
    the checks of the options and the labels need, when the tables are counted chunk by
    chunk (:func:`manyi.stream.folder_counts`)."""
    from manyi import pipeline
    from manyi.io.folder import folder_chunks
    from manyi.io.saved import read_meta

    meta = read_meta(Path(from_dir))
    head = next(folder_chunks(from_dir, None, ["row"], chunk_rows=rows, meta=meta), None)
    comments = head[0] if head is not None else pd.DataFrame()
    return pipeline.Result(comments=comments, mentions=pd.DataFrame(),
                           dimensions=pd.DataFrame(), meta=meta)


def compact_result(from_dir: str, columns: Sequence[str | None], named: Mapping, *,
                   mentions: bool = True, every_mention: bool = False,
                   observe: Mapping | None = None) -> object:
    """A Result of the folder with only the comment columns the drivers' tables read
    (comment_id, flag, sentiment, dimensions, ``columns``, the folder's rating, time and
    group columns)
    and the mentions' table columns, compactly typed (:mod:`manyi.io.compact`); the columns
    ``named`` by options checked against the folder's own columns first. ``mentions=False``:
    no mentions (an empty table); ``every_mention``: every column of the mentions but the
    clause text; ``observe``: as :func:`manyi.io.compact.compact_tables`."""
    from manyi import pipeline
    from manyi.cli.options import check_columns
    from manyi.io.columns import RESERVED
    from manyi.io.compact import compact_tables
    from manyi.io.saved import _dimensions, _read

    head = folder_head(from_dir, rows=1)
    meta, renamed = head.meta, head.meta.get("renamed") or {}
    check_columns(head.comments.columns, named,
                  f"{from_dir} (the analysis of {meta.get('source')})", renamed, own=RESERVED)
    wanted = {"flag", "sentiment", "dimensions", *(meta.get("group_cols") or [])}
    for value in [*columns, meta.get("rating_col"), meta.get("time_col"), *named.values()]:
        for column in [value] if isinstance(value, str) else list(value or ()):
            wanted.update((column, renamed.get(column, column)))
    from manyi.annotate.annotator import MENTION_COLUMNS

    comments, table = compact_tables(from_dir, wanted, meta=meta, observe=observe, **(
        {"mention_columns": None} if not mentions else
        {"mention_columns": [c for c in MENTION_COLUMNS if c != "clause"]} if every_mention
        else {}))
    dimensions = Path(from_dir) / "dimensions.csv"
    return pipeline.Result(comments=comments, mentions=table, dimensions=_read(
        dimensions, _dimensions) if dimensions.is_file() else pd.DataFrame(),
                           meta=meta)


def exit_if_rejected(result, written_to: str | None = None) -> None:
    """Exit status 3, with a warning on stderr, when input rows could not be parsed."""
    rejects = result.meta.get("rejects") or []
    if rejects:
        where = f"see {written_to}" if written_to else "first: " + "; ".join(
            f"line {r['line']}: {r['reason']}" for r in rejects[:3])
        click.echo(f"manyi: warning: {len(rejects)} input row(s) rejected, not analysed; "
                   f"{where}", err=True)
        sys.exit(3)


def complaint_rule(result, rating_col, complaint_max_rating):
    """None (sentiment negative) or rating ≤ N on the rating column."""
    if complaint_max_rating is None:
        return None
    if not rating_col:
        raise ManyiError("--complaint-max-rating needs a rating column: pass --rating-col")
    from manyi.analysis.impact import rating_scale

    ratings = pd.to_numeric(result.comments[rating_col], errors="coerce")
    scale = rating_scale(ratings)
    low, high = scale["low"], scale["high"]
    if ratings.notna().mean() < 0.5 or low < 0 or high > 100:  # 0–100: the widest scale
        raise ManyiError(f"--rating-col {rating_col!r}: not a rating scale (fewer than half its "
                         "cells are numbers, or values outside 0–100); name the column of "
                         "ratings")
    if not low <= complaint_max_rating < high:  # every comment, or none, a complaint
        raise ManyiError(f"--complaint-max-rating {complaint_max_rating:g}: the ratings of "
                         f"{rating_col!r} run from {low:g} to {high:g} (scale "
                         f"{scale['scale']}); give a value from {low:g} up to below {high:g} "
                         f"({scale['complaint_max']:g} counts the complaints of that scale)")
    from manyi.analysis.rows import rated_complaints

    return rated_complaints(result.comments, rating_col, complaint_max_rating)
