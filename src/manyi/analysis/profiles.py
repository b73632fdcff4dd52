"""Each analysable comment reduced to what the index, key drivers, IPA, segments and trends
read, built block by block so a folder of millions of comments is never held with its
mentions.

A comment's **pattern** is the set of (dimension, polarity) pairs of
:func:`manyi.analysis.polarity.comment_dimension_polarity` (``overall`` left out): a few
hundred distinct sets cover millions of comments, so each comment keeps one int32 code, its
complaint flag and the few columns asked for (rating, periods, group values as shared
objects), and the tables count comments per pattern (:mod:`manyi.analysis.index`,
:func:`manyi.analysis.keydrivers.profile_rating_drivers`, :mod:`manyi.analysis.segments`).
The same builder serves a whole table (one block) and an analysis folder read back in blocks
(:func:`manyi.io.compact.folder_profiles`).

>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": ["1", "2", "3"], "flag": "",
...                          "sentiment": ["negative", "positive", "negative"]})
>>> mentions = pd.DataFrame({"row": [0, 1, 2], "dimension": "logistics", "factor": "speed",
...     "polarity": ["negative", "positive", "negative"], "score": [-0.6, 0.7, -0.5]})
>>> found = Profiles.of(comments, mentions)
>>> found.rows["pattern"].tolist(), found.pairs["polarity"].tolist()
([0, 1, 0], ['negative', 'positive'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from manyi.analysis.graph import FactorCounts
from manyi.analysis.impact import Patterns
from manyi.analysis.polarity import POLARITY_VALUE, comment_dimension_polarity
from manyi.analysis.rows import (
    analysable_positions,
    complaint_mask,
    factor_column,
    factor_verdicts,
    mention_rows,
    sum_counts,
)

MERGE_PARTS = 8  # counts of blocks summed at once
GROUP_PARTS = 4  # a segment's counts of blocks summed at once (up to 30 groups a column)
EMPTY_GROUP = "（空）"
OTHER_GROUPS = "\x00other groups"  # the groups a segment column does not show, counted as one
BITS = 63  # pair codes per int64 word of a pattern's key


@dataclass
class Profiles:
    """``rows``: one per analysable comment, in input order: ``pattern`` (int32),
    ``complaint`` (the complaint rule, or by default sentiment negative / a factor named
    negatively) and the columns kept (``rating``, ``sentiment_score``, ``_trend`` — the
    period of ``freq`` —, group columns as text, ``period`` — the month); ``pairs``: per
    pattern its (dimension, polarity) pairs; ``rule``: ``complaint`` is a given rule;
    ``counts``: the drivers table's counts (when asked); ``groups``: (column, group) → the
    counts of the segments' drivers of that group; ``factor_periods``: with a time column, per
    (period, dimension, factor) the comments naming the factor (``named``), naming it
    negatively (``negative``) and the complaints naming it negatively (``complained``), for
    the factors' trends and alerts; ``factor_groups``: the same per segment column, per
    (group, dimension, factor), for the segments' factor differences."""

    rows: pd.DataFrame
    pairs: pd.DataFrame
    rule: bool = False
    counts: FactorCounts | None = None
    groups: dict = field(default_factory=dict)
    factor_periods: pd.DataFrame | None = None
    factor_groups: dict = field(default_factory=dict)

    @classmethod
    def of(cls, comments: pd.DataFrame, mentions: pd.DataFrame, **options) -> Profiles:
        """The profiles of a whole table of comments and its mentions (one block); options
        as :class:`ProfileBuilder`."""
        builder = ProfileBuilder(comments, **options)
        builder.add(0, len(comments), mentions)
        return builder.profiles()

    def dimensions(self) -> list[str]:
        """The dimensions some analysable comment has a polarity on, sorted."""
        used = self.pairs[self.pairs["pattern"].isin(np.unique(self.rows["pattern"]))]
        return sorted(used["dimension"].unique())

    def pattern_values(self, fill: float = 0.0) -> tuple[np.ndarray, list[str]]:
        """+1/0/−1 of each pattern code (a row per code) on each of :meth:`dimensions`
        (``fill`` where the pattern does not mention the dimension), and those dimensions."""
        dims = self.dimensions()
        wide = np.full((int(self.pairs["pattern"].to_numpy().max(initial=-1)) + 2, len(dims)), fill)
        at = {d: i for i, d in enumerate(dims)}
        for pattern, dim, polarity in self.pairs[["pattern", "dimension", "polarity"]
                                                 ].itertuples(index=False):
            if dim in at:
                wide[pattern, at[dim]] = POLARITY_VALUE[polarity]
        return wide, dims

    def matrix(self, fill: float = 0.0) -> pd.DataFrame:
        """:func:`manyi.analysis.polarity.dimension_matrix` (+1/0/−1 per comment and
        dimension, ``fill`` unmentioned) with a position index: n × dimensions floats, for
        the entropy and key-driver weightings only."""
        wide, dims = self.pattern_values(fill)
        return pd.DataFrame(wide[self.rows["pattern"].to_numpy()], columns=dims)


class ProfileBuilder:
    """Profiles of ``comments`` (all rows: flag, sentiment, dimensions, comment_id and the
    columns named) from their mentions given block by block (:meth:`add`).

    ``complaint``: a rule aligned with the comments (None: the default); ``rating``: a
    column or aligned values; ``time_col``/``freq``: the trends' period; ``group_cols``:
    the segments' columns as text (``period``: the month of ``time_col``); ``columns``:
    columns kept as they are (a table's ``by``); ``score``: keep
    ``sentiment_score``; ``counts``: count the drivers table (as
    :func:`manyi.stream.folder_counts`; with the rating's patterns unless not
    ``count_rating``); ``segments``: (min_comments, max_groups) to count
    the drivers of each segment shown."""

    def __init__(self, comments: pd.DataFrame, *, complaint=None, rating=None,
                 time_col: str | None = None, freq: str = "M",
                 group_cols: Sequence[str] = (), columns: Sequence[str] = (),
                 score: bool = False, counts: bool = False, count_rating: bool = True,
                 segments: tuple[int, int] | None = None) -> None:
        self.comments = comments
        self.rule = None if complaint is None else complaint_mask(comments, complaint)
        self.rating = rating
        self.positions = analysable_positions(comments)
        # per analysable comment only
        self.pattern = np.full(len(self.positions), -1, dtype=np.int32)
        self.complaint = np.zeros(len(self.positions), dtype=bool)
        self.pair_codes: dict[tuple, int] = {}
        self.pair_names: list[tuple] = []
        self.keys: dict[tuple, int] = {}
        self.pairs: list[tuple[int, str, str]] = []
        self.kept = kept_columns(comments, rating=rating, time_col=time_col, freq=freq,
                                 group_cols=group_cols, score=score, at=self.positions)
        self.raw = [c for c in columns if c in comments and c not in self.kept]
        self.count = counts
        self.count_rating = count_rating and rating is not None
        self.parts: list[FactorCounts] = []
        self.merged = FactorCounts() if counts else None
        self.chosen = {} if segments is None else {
            column: set(selected_groups(self.kept[column], *segments))
            for column in group_cols if column in self.kept}
        self.group_parts: dict[tuple, list[FactorCounts]] = {}
        # the trends' periods and the segments' groups: kept column → (its level, counts)
        self.factor_parts: dict[str, tuple[str, list[pd.DataFrame]]] = {
            name: ("period" if name == "_trend" else "group", [])
            for name in ("_trend", *self.chosen) if name in self.kept}

    def add(self, start: int, end: int, mentions: pd.DataFrame) -> None:
        """The mentions of comments ``start:end`` (their ``row`` counted from ``start``)."""
        part = self.comments.iloc[start:end].reset_index(drop=True)
        rule = None if self.rule is None else self.rule[start:end]
        lo, hi = np.searchsorted(self.positions, [start, end])
        local = self.positions[lo:hi] - start  # the block's analysable comments
        complaint = complaint_mask(part, rule, mentions)
        self.complaint[lo:hi] = complaint[local]
        polar = comment_dimension_polarity(part, mentions)
        self.pattern[lo:hi] = self._patterns(polar, end - start)[local]
        if self.count:
            self._counts(part, mentions, rule)
        if self.chosen:
            self._group_counts(part, mentions, polar, complaint, slice(lo, hi), local)
        for name, (level, parts) in self.factor_parts.items():
            values = self.kept[name][lo:hi]
            if name in self.chosen:  # the groups shown, the others as one (their counts
                values = np.where(np.isin(values, list(self.chosen[name])),  # add to the
                                  values, OTHER_GROUPS)  # totals only: memory stays flat)
            parts.append(_factor_counts_by(part, mentions, complaint, values, local, level))
            if len(parts) >= MERGE_PARTS:
                parts[:] = [_sum_counts_by(parts, level)]

    def profiles(self) -> Profiles:
        """The profiles of every block added."""
        # patterns numbered by their sorted pairs: the same codes however the blocks fell
        pairs = pd.DataFrame(self.pairs, columns=["pattern", "dimension", "polarity"])
        members: list[list] = [[] for _ in range(len(self.keys))]
        for code, dim, polarity in self.pairs:
            members[code].append((dim, polarity))
        order = sorted(range(len(members)), key=lambda i: sorted(members[i]))
        renumber = np.empty(len(members) + 1, dtype=np.int32)
        renumber[order] = np.arange(len(order), dtype=np.int32)
        renumber[-1] = -1
        pairs["pattern"] = renumber[pairs["pattern"].to_numpy(dtype=np.int64)]
        pairs = pairs.sort_values(["pattern", "dimension", "polarity"], ignore_index=True)
        rows = pd.DataFrame({"pattern": renumber[self.pattern],
                             "complaint": self.complaint})
        for column, values in self.kept.items():
            rows[column] = values
        for column in self.raw:  # as they are (their dtype kept)
            rows[column] = self.comments[column].iloc[self.positions].reset_index(drop=True)
        groups = {key: FactorCounts.total(parts) for key, parts in self.group_parts.items()}
        counts = None
        if self.count:
            counts = FactorCounts.total([self.merged, *self.parts])
        factors = {name: _sum_counts_by(parts, level)
                   for name, (level, parts) in self.factor_parts.items()}
        return Profiles(rows=rows, pairs=pairs.astype({"pattern": np.int32}),
                        rule=self.rule is not None, counts=counts, groups=groups,
                        factor_periods=factors.pop("_trend", None), factor_groups=factors)

    def _patterns(self, polar: pd.DataFrame, size: int) -> np.ndarray:
        """The pattern code of each comment of a block from its polarity pairs."""
        if not len(polar):
            polar = pd.DataFrame({"row": np.zeros(0, dtype=np.int64), "dimension": [],
                                  "polarity": []})
        local, uniques = pd.factorize(pd.MultiIndex.from_arrays(
            [polar["dimension"].to_numpy(dtype=object), polar["polarity"].to_numpy(dtype=object)]))
        for pair in uniques:
            if pair not in self.pair_codes:
                self.pair_codes[pair] = len(self.pair_names)
                self.pair_names.append(pair)
        glob = np.array([self.pair_codes[p] for p in uniques], dtype=np.int64)[local] \
            if len(uniques) else np.zeros(0, dtype=np.int64)
        words = len(self.pair_names) // BITS + 1
        masks = np.zeros((size, words), dtype=np.int64)
        np.add.at(masks, (polar["row"].to_numpy(), glob // BITS),
                  np.left_shift(np.int64(1), glob % BITS))  # pairs of a comment are distinct
        distinct, inverse = np.unique(masks, axis=0, return_inverse=True)
        ids = np.empty(len(distinct), dtype=np.int32)
        for i, row in enumerate(distinct):
            key = tuple(int(w) for w in row)
            while key and key[-1] == 0:
                key = key[:-1]
            if key not in self.keys:
                self.keys[key] = len(self.keys)
                for w, word in enumerate(key):
                    for bit in range(BITS):
                        if word >> bit & 1:
                            self.pairs.append((self.keys[key],
                                               *self.pair_names[w * BITS + bit]))
            ids[i] = self.keys[key]
        return ids[inverse.ravel()]

    def _counts(self, part: pd.DataFrame, mentions: pd.DataFrame, rule) -> None:
        """The drivers table's counts of a block, as :func:`manyi.stream.folder_counts`."""
        counts = FactorCounts.of(part, mentions, complaint=rule,
                                 patterns=not self.count_rating)
        if self.count_rating:
            counts.patterns = Patterns.of(part, mentions, complaint=rule, rating=self.rating)
        self.parts.append(counts)
        if len(self.parts) >= MERGE_PARTS:
            self.merged = FactorCounts.total([self.merged, *self.parts])
            self.parts = []

    def _group_counts(self, part: pd.DataFrame, mentions: pd.DataFrame, polar: pd.DataFrame,
                      complaints: np.ndarray, inside: slice, local: np.ndarray) -> None:
        """Counts of the comments of each segment shown, as the segments' drivers count
        (``polar``, ``complaints``: of the block's comments; ``inside``: its analysable ones
        among the profiles, at ``local`` in the block)."""
        at = mention_rows(part, mentions)
        for column, chosen in self.chosen.items():
            values = self.kept[column][inside]
            for group in chosen:
                keep = local[values == group]
                if not len(keep):
                    continue
                comments, found, judged = subset(part, mentions, at, keep, polar)
                parts = self.group_parts.setdefault((column, group), [])
                parts.append(FactorCounts.of(  # (no themes, no praise per segment)
                    comments, found, complaint=complaints[keep], terms=False, polar=judged,
                    sides=("complaint",)))
                if len(parts) >= GROUP_PARTS:  # summed as they come: memory stays flat
                    parts[:] = [FactorCounts.total(parts)]


_FACTOR_KEYS = ["dimension", "factor"]
_FACTOR_COUNTS = ("named", "negative", "complained")


def _factor_counts_by(part: pd.DataFrame, mentions: pd.DataFrame, complaint: np.ndarray,
                      values: np.ndarray, local: np.ndarray, name: str) -> pd.DataFrame:
    """Per (``name`` value, dimension, factor) of a block: comments naming the factor
    (``named``), naming it negatively (``negative``) and complaints naming it negatively
    (``complained``); ``values``: the period or group of the block's analysable comments, at
    ``local`` in the block (comments without one left out)."""
    keys = [name, *_FACTOR_KEYS]
    value = np.full(len(part) + 1, None, dtype=object)
    value[local] = values
    at = mention_rows(part, mentions)
    found = pd.DataFrame({"row": at, name: value[at],
                          "dimension": mentions["dimension"].to_numpy(dtype=object),
                          "factor": factor_column(mentions).to_numpy(dtype=object),
                          "negative": factor_verdicts(at, mentions) < 0})
    found = found[(at >= 0) & found[name].notna().to_numpy()
                  & (found["dimension"] != "overall").to_numpy()]
    named = found.drop_duplicates(["row", *_FACTOR_KEYS])
    negative = found[found["negative"].to_numpy()].drop_duplicates(["row", *_FACTOR_KEYS])
    complained = negative[complaint[negative["row"].to_numpy()]]
    return pd.DataFrame({"named": named.groupby(keys).size(),
                         "negative": negative.groupby(keys).size(),
                         "complained": complained.groupby(keys).size()}
                        ).fillna(0).astype(np.int64)


def _sum_counts_by(parts: list[pd.DataFrame], name: str) -> pd.DataFrame:
    """The counts of :func:`_factor_counts_by` added up."""
    index = pd.MultiIndex.from_arrays([[], [], []], names=[name, *_FACTOR_KEYS])
    empty = pd.Series(np.zeros(0, dtype=np.int64), index=index)
    return pd.DataFrame({column: sum_counts([empty, *(p[column] for p in parts)])
                         for column in _FACTOR_COUNTS}).fillna(0).astype(np.int64)


def subset(comments: pd.DataFrame, mentions: pd.DataFrame, rows: np.ndarray,
           keep: np.ndarray, polar: pd.DataFrame) -> tuple[pd.DataFrame, ...]:
    """The comments at positions ``keep``, their mentions and their rows of ``polar`` (the
    comments' :func:`comment_dimension_polarity`: a comment's rows are its own), ``row``
    renumbered."""
    slot = np.full(len(comments) + 1, -1, dtype=np.int64)
    slot[keep] = np.arange(len(keep))
    moved, judged = slot[rows], slot[polar["row"].to_numpy(dtype=np.int64)]
    return (comments.iloc[keep].reset_index(drop=True),
            mentions[moved >= 0].assign(row=moved[moved >= 0]),
            polar[judged >= 0].assign(row=judged[judged >= 0]))


def selected_groups(values: np.ndarray, min_comments: int, max_groups: int) -> list:
    """The groups a segments table shows: the ``max_groups`` largest with at least
    ``min_comments`` comments (none when fewer than two)."""
    sizes = pd.Series(values).value_counts()
    groups = [g for g in sizes.index[:max_groups] if sizes[g] >= min_comments]
    return groups if len(groups) >= 2 else []


def kept_columns(comments: pd.DataFrame, *, rating=None, time_col: str | None = None,
                 freq: str = "M", group_cols: Sequence[str] = (), score: bool = False,
                 at: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The per-comment columns of the profiles (the rows ``at``, default all), each value
    computed once per distinct cell (shared objects)."""
    if rating is not None and not isinstance(rating, str):
        rating = np.asarray(rating) if at is None else np.asarray(rating)[at]
    if at is not None:
        comments = _Rows(comments, at)
    kept: dict[str, np.ndarray] = {}
    if rating is not None:
        values = comments[rating] if isinstance(rating, str) else pd.Series(rating)
        kept["rating"] = by_distinct(values, lambda v: pd.to_numeric(
            v, errors="coerce").to_numpy(dtype=float)).astype(float)
    if score and "sentiment_score" in comments:
        kept["sentiment_score"] = pd.to_numeric(comments["sentiment_score"], errors="coerce"
                                                ).to_numpy(dtype=float)
    if time_col and time_col in comments:
        kept["_trend"] = by_distinct(comments[time_col], lambda v: period_of(v, freq))
    for column in group_cols:
        if column == "period":
            if "_trend" in kept:  # the trend's periods, as text
                kept["period"] = _text(kept["_trend"])
            elif "period" in comments:
                kept["period"] = _text(comments["period"])
        elif column in comments:
            kept[column] = _text(comments[column])
    return kept


class _Rows:
    """Columns of some rows of a table, taken one at a time when asked (no copy of the
    table)."""

    def __init__(self, table: pd.DataFrame, rows: np.ndarray) -> None:
        self.table, self.rows = table, rows

    def __contains__(self, column) -> bool:
        return column in self.table

    def __getitem__(self, column) -> pd.Series:
        return self.table[column].iloc[self.rows].reset_index(drop=True)


def _text(values) -> np.ndarray:
    """A group column as text, empty cells ``（空）`` (shared objects)."""
    return by_distinct(pd.Series(values) if not isinstance(values, pd.Series) else values,
                       lambda v: v.astype("string").fillna(EMPTY_GROUP).to_numpy(dtype=object))


def period_of(times: pd.Series, freq: str) -> np.ndarray:
    """The period (``freq``) of each time cell as text, NaN without a time."""
    parsed = pd.to_datetime(times, errors="coerce", format="mixed")
    return parsed.dt.to_period(freq).astype(str).where(parsed.notna()).to_numpy(dtype=object)


def by_distinct(values: pd.Series, compute) -> np.ndarray:
    """``compute(values)`` (an array, one value per cell, each cell on its own) computed on
    the distinct cells only, so millions of cells share a few result objects."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    distinct = pd.concat([pd.Series(uniques, dtype=values.dtype),
                          values[codes == -1].iloc[:1]], ignore_index=True)
    found = np.asarray(compute(distinct))
    return found[np.where(codes == -1, len(uniques), codes)]


def blocks_of(mentions: Iterable[pd.DataFrame], total: int, empty: pd.DataFrame
              ) -> Iterable[tuple[int, int, pd.DataFrame]]:
    """(start, end, mentions of comments start:end, ``row`` from ``start``) from mention
    chunks in comment order (``row`` from the first comment), cut between comments; the
    last block ends at ``total``; ``empty``: a table of no mentions."""
    start, waiting = 0, empty
    for chunk in mentions:
        table = pd.concat([waiting, chunk], ignore_index=True) if len(waiting) else chunk
        if not len(table):
            continue
        last = int(table["row"].iloc[-1])
        inside = int((table["row"].to_numpy() < last).sum())
        if last > start:
            done = table.iloc[:inside].reset_index(drop=True)
            yield start, last, done.assign(row=done["row"] - start)
            start = last
        waiting = table.iloc[inside:].reset_index(drop=True)
    if start < total or len(waiting):
        yield start, total, waiting.assign(row=waiting["row"] - start)
