"""The tables ``manyi topics`` writes, and what it says when a dump is too small for topics.

A dump of a handful of comments leaves too few words for a topic model; the command then
still writes every comment with topic -1 and says in one line why no topic was fitted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from manyi.annotate.flags import ANALYSABLE_FLAGS
from manyi.errors import InputError

TOPIC_COLUMNS = ["topic", "label", "size", "share", "negative_share", "top_terms"]
COMMENT_TOPICS = ["comment_id", "topic", "label", "topic_probability", "flag"]


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
                 texts=None, examples=None, comment_topics: str | Path | None = None
                 ) -> tuple[dict[str, pd.DataFrame | None], object, str]:
    """(table name → table, the fitted model or None, a note on what was not computed).
    ``texts``, ``examples``: the texts when ``result`` holds none (:meth:`Result.fit_topics`).
    The tables are counted block by block as the comments are assigned; ``comment_topics``:
    a file the comments' topics are written to as they are (the table is then None: written
    already, never held whole).

    >>> from manyi import analyze
    >>> tables, model, note = topic_tables(analyze(["物流很快"], progress=False), k=None,
    ...     k_range=(4, 16), seed=42, seed_dimensions=False, time_col=None, freq="M")
    >>> model is None, list(tables["comment_topics"]["topic"]), note.split(":")[0]
    (True, [-1], 'topics not computed')
    """
    from manyi.analysis.topics.tally import KeyTally, period_of
    from manyi.io.csv_blocks import CsvBlocks

    ok = result.comments["flag"].isin(ANALYSABLE_FLAGS).to_numpy()
    time_col = time_col or result.meta.get("time_col")
    keyed = {**({"topics_over_time": time_col} if time_col else {}),
             **{f"topics_by_{c}": c for c in by or result.meta.get("group_cols", [])}}
    rows = Lockstep(result.comments, ok, ["comment_id", "flag", "sentiment", *keyed.values()])
    tallies = {name: KeyTally(sentiment=True) for name in keyed}
    kept: list[pd.DataFrame] = []  # without a file: the comments' topics, returned

    def assigned(block: pd.DataFrame | None, model) -> None:  # the next comments' topics
        part = rows.take(len(block)) if block is not None else rows.rest()
        analysed = part.pop(Lockstep.OK).to_numpy()
        topic = np.full(len(part), -1, dtype=np.int64)
        chance = np.full(len(part), np.nan, dtype=np.float32)  # the model's own precision
        if block is not None:
            topic[analysed] = block["topic"].to_numpy()
            chance[analysed] = block["topic_probability"].to_numpy()
        topics = pd.Series(topic)
        # every row with its id; a flagged one (empty, placeholder) as topic -1 with its flag
        per_comment = pd.DataFrame({  # ids as typed: no str a row
            "comment_id": part["comment_id"], "topic": topics,
            "label": topics.map(model.labels()).where(analysed, ""),
            "topic_probability": chance, "flag": part["flag"].where(~analysed, "")})
        if written is not None:
            written.write(per_comment)
        else:
            kept.append(per_comment)
        done = part[analysed]
        negative = done["sentiment"].to_numpy(dtype=object) == "negative"
        for name, column in keyed.items():
            tallies[name].add(done[column], topic[analysed], negative)

    try:
        with contextlib.ExitStack() as stack:  # the file appears only if the fit succeeds
            written = None if comment_topics is None else stack.enter_context(
                CsvBlocks(comment_topics, COMMENT_TOPICS))
            result.fit_topics(k=k, k_range=tuple(k_range), seed=seed,
                              seed_dimensions=seed_dimensions, progress=progress,
                              texts=texts, examples=examples, assigned=assigned)
            assigned(None, result.topic_model)  # flagged rows after the last analysed one
    except InputError as exc:  # too few comments or words: no topic model
        every = result.comments
        tables = {"topics": pd.DataFrame(columns=TOPIC_COLUMNS),
                  "comment_topics": pd.DataFrame({"comment_id": every["comment_id"], "topic": -1,
                                                  "label": "", "topic_probability": None,
                                                  "flag": every["flag"]})}
        return tables, None, (f"topics not computed: {exc} ({int(ok.sum())} analysable "
                              "comment(s); topics need a few hundred)")
    model = result.topic_model
    tables = {"topics": result.topics, "topic_terms": model.topic_terms(),
              "comment_topics": None if written is not None else
              pd.concat(kept, ignore_index=True),
              "topic_k_scores": model.k_scores_}
    for name in keyed:
        over_time = name == "topics_over_time"
        tables[name] = tallies[name].table("period" if over_time else "group",
                                           model.labels(), period_of(freq) if over_time else None)
    return tables, model, ""


class Lockstep:
    """Some columns of ``comments`` and whether each row is ``ok`` (column :attr:`OK`), the rows
    up to the next ``size`` ok ones at a time (read ``rows`` at a time, never copied whole),
    index from 0 each time; :meth:`rest` gives the rows after the last ok one."""

    OK = "_ok"

    def __init__(self, comments: pd.DataFrame, ok, columns: Sequence[str],
                 rows: int = 50_000) -> None:
        columns = list(dict.fromkeys(columns))
        self._parts = (comments.iloc[start:start + rows][columns].assign(
                           **{self.OK: ok[start:start + rows]})
                       for start in range(0, len(comments), rows))
        self._held = comments.iloc[:0][columns].assign(**{self.OK: np.zeros(0, dtype=bool)})

    def take(self, size: int) -> pd.DataFrame:
        pieces, held = [self._held], int(self._held[self.OK].sum())
        while held < size and (part := next(self._parts, None)) is not None:
            pieces.append(part)
            held += int(part[self.OK].sum())
        joined = pd.concat(pieces) if len(pieces) > 1 else pieces[0]
        found = np.flatnonzero(joined[self.OK].to_numpy())
        cut = 0 if not size else int(found[size - 1]) + 1 if len(found) >= size else len(joined)
        self._held = joined.iloc[cut:]
        return joined.iloc[:cut].reset_index(drop=True)

    def rest(self) -> pd.DataFrame:
        joined = pd.concat([self._held, *self._parts])
        self._held = joined.iloc[:0]
        return joined.reset_index(drop=True)
