"""Row flags: why a comment was not analysed, and which flags still count as analysed.

The annotator sets one flag per row; every later stage asks :data:`ANALYSABLE_FLAGS` (or
:func:`analysable_mask`) which rows its statistics are computed on.

>>> analysable_mask(["", "empty", "duplicate_id"]).tolist()
[True, False, True]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd

# Analysed rows: no flag, an id seen on another row, or a few undecodable bytes.
ANALYSABLE_FLAGS = ("", "duplicate_id", "partly_undecodable", "partly_analysed")
FLAG_REASONS = {
    "empty": "no text in the cell",
    "not_text": "a number, or punctuation with no words or emoji",
    "undecodable": "bytes that fit no encoding (shown as U+FFFD) in much of the text",
    "partly_undecodable": "a few bytes that fit no encoding (U+FFFD; the rest is analysed)",
    "placeholder": "a no-opinion placeholder such as 此用户没有填写评价",
    "duplicate_id": "the id appears on more than one row (the row is still analysed)",
    "partly_analysed": "a comment longer than 100,000 characters: the first 100,000 are "
                       "analysed, the whole text is kept",
}
# Characters of one comment that are analysed (a 50 MB comment would need tens of GB).
MAX_ANALYSED_CHARS = 100_000
# The column that carries the repeated-id mark of each row to the annotator.
REPEATED = "\0repeated"


def analysable_mask(flags: Iterable[str] | pd.Series) -> np.ndarray:
    """Boolean array: is each row (by its flag) analysed? A missing flag counts as ""."""
    return pd.Series(flags, dtype=object).fillna("").isin(ANALYSABLE_FLAGS).to_numpy()


def flag_repeated(annotations: pd.DataFrame, repeated: np.ndarray) -> None:
    """Flag ``duplicate_id`` on the rows whose id repeats and that have no worse flag.

    >>> table = pd.DataFrame({"flag": ["", "empty", ""]})
    >>> flag_repeated(table, np.array([True, True, False])); table["flag"].tolist()
    ['duplicate_id', 'empty', '']
    """
    annotations.loc[repeated & (annotations["flag"] == "").to_numpy(), "flag"] = "duplicate_id"


def mark_repeated(frames: Iterable[pd.DataFrame], repeats: RepeatedIds | None
                  ) -> Iterator[pd.DataFrame]:
    """The frames, with repeated ids marked in :data:`REPEATED` (in reading order); as they
    are when ``repeats`` is None (ids that are row numbers cannot repeat)."""
    rows = 0
    for frame in frames:
        if repeats is not None:
            frame = frame.assign(**{REPEATED: repeats.mark(frame["comment_id"], rows)})
        rows += len(frame)
        yield frame


class RepeatedIds:
    """Finds ids seen on an earlier row without keeping the ids: 64-bit hashes of first
    occurrences in sorted runs, merged as they grow (a hash collision among 5 million ids
    has a chance of about 1e-6).

    Every row of a repeated id is flagged ``duplicate_id`` (:func:`flag_repeated`, in the
    annotator); a first occurrence already written is fixed when the file is closed.
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
        later = ids.duplicated().to_numpy()  # an id seen on an earlier row of the chunk
        repeated = ids.duplicated(keep=False).to_numpy() | (earlier >= 0)
        self.first_rows.update(earlier[earlier >= 0].tolist())
        self.ids.update(ids[later | (earlier >= 0)])
        new = ~later & (earlier < 0)
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
        """A row fixer for :meth:`CsvAppender.close` that flags first occurrences and counts
        the flags again, row by row, into ``flags`` (so counts and their order, first seen
        first, are those of the whole run)."""
        flags.clear()

        def fix(number: int, columns: list[str], values: list[str]) -> list[str]:
            at = columns.index("flag")
            if number in self.first_rows and values[at] == "":
                values[at] = "duplicate_id"
            flags[values[at]] += 1
            return values

        return fix
