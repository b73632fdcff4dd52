"""The tables ``manyi topics`` writes, and what it says when a dump is too small for topics.

A dump of a handful of comments leaves too few words for a topic model; the command then
still writes every comment with topic -1 and says in one line why no topic was fitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from manyi.annotate.flags import ANALYSABLE_FLAGS
from manyi.errors import InputError

TOPIC_COLUMNS = ["topic", "label", "size", "share", "negative_share", "top_terms"]


def topic_columns(folder: str | Path, time_col: str | None, by: Sequence[str] = ()
                  ) -> set[str]:
    """The columns of an analysis folder's comments :func:`topic_tables` reads besides the
    texts (streamed apart: ``manyi.io.compact.folder_texts``): id, flag, sentiment, the time
    column and the group columns (no mentions)."""
    from manyi.io.saved import read_meta

    meta = read_meta(Path(folder))
    time_col = time_col or meta.get("time_col")
    return {"comment_id", "flag", "sentiment", *([time_col] if time_col else []),
            *(by or meta.get("group_cols", []))}


def topic_tables(result, *, k: int | None, k_range: tuple[int, int], seed: int,
                 seed_dimensions: bool, time_col: str | None, freq: str,
                 by: tuple[str, ...] = (), progress: bool | None = False,
                 texts=None, examples=None) -> tuple[dict[str, pd.DataFrame], object, str]:
    """(table name → table, the fitted model or None, a note on what was not computed).
    ``texts``, ``examples``: the texts when ``result`` holds none (:meth:`Result.fit_topics`).

    >>> from manyi import analyze
    >>> tables, model, note = topic_tables(analyze(["物流很快"], progress=False), k=None,
    ...     k_range=(4, 16), seed=42, seed_dimensions=False, time_col=None, freq="M")
    >>> model is None, list(tables["comment_topics"]["topic"]), note.split(":")[0]
    (True, [-1], 'topics not computed')
    """
    ok = result.comments["flag"].isin(ANALYSABLE_FLAGS).to_numpy()

    def analysable(column: str) -> pd.Series:  # one column at a time, not a copy of all
        return result.comments.loc[ok, column]

    try:
        result.fit_topics(k=k, k_range=tuple(k_range), seed=seed,
                          seed_dimensions=seed_dimensions, progress=progress,
                          texts=texts, examples=examples)
    except InputError as exc:  # too few comments or words: no topic model
        every = result.comments["comment_id"]
        tables = {"topics": pd.DataFrame(columns=TOPIC_COLUMNS),
                  "comment_topics": pd.DataFrame({"comment_id": every, "topic": -1,
                                                  "label": "", "topic_probability": None})}
        return tables, None, (f"topics not computed: {exc} ({int(ok.sum())} analysable "
                              "comment(s); topics need a few hundred)")
    model = result.topic_model
    labels = model.labels()
    assigned = model.document_topics_
    per_comment = pd.DataFrame({  # ids as typed: no str a row
        "comment_id": analysable("comment_id").reset_index(drop=True),
        "topic": assigned["topic"], "label": assigned["topic"].map(labels),
        "topic_probability": assigned["topic_probability"]})
    tables = {"topics": model.topic_info(), "topic_terms": model.topic_terms(),
              "comment_topics": per_comment, "topic_k_scores": model.k_scores_}
    time_col = time_col or result.meta.get("time_col")
    if time_col:
        tables["topics_over_time"] = model.topics_over_time(analysable(time_col), freq=freq)
    for column in by or result.meta.get("group_cols", []):
        tables[f"topics_by_{column}"] = model.topics_by_group(analysable(column))
    return tables, model, ""
