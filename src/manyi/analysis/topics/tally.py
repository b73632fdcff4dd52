"""What ``manyi topics`` counts of the comments' dominant topics, block by block: each topic's
comments, negative comments and most typical examples (:class:`TopicCounts`), and the
comments per (period or group, topic) (:class:`KeyTally`). The same code counts a fitted
model's whole assignment as one block and a large dump's as it is assigned, so no column
per comment need be held for the tables.

>>> tally = KeyTally(sentiment=True)
>>> tally.add(["电商", "外卖"], [0, 1], negative=[True, False])
>>> tally.add(["电商", None], [0, 0], negative=[False, True])
>>> tally.table("group", {0: "物流", 1: "价格"})[["group", "topic", "comments"]].values.tolist()
[['外卖', 1, 1], ['电商', 0, 2]]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

NO_TOPIC = -1  # as manyi.analysis.topics.corpus.NO_TOPIC (kept here: no import cycle)


class TopicCounts:
    """Per topic (``-1``: no usable word): comments, negative comments, and the ``n`` most
    typical comments (probability × distinct words / 6, ties in comment order) — what
    :meth:`TopicModel.topic_info` reports — counted block by block."""

    def __init__(self, k: int, n: int, *, sentiment: bool) -> None:
        self.k, self.n, self.rows = k, n, 0
        self.sizes = np.zeros(k + 1, dtype=np.int64)  # index topic + 1
        self.negatives = np.zeros(k + 1, dtype=np.int64) if sentiment else None
        self._best = {t: (np.zeros(0, dtype=np.int64), np.zeros(0)) for t in range(k)}

    def add(self, topics: np.ndarray, probability: np.ndarray, distinct: np.ndarray,
            negative: np.ndarray | None = None) -> None:
        """One block: dominant topics, their probabilities, distinct words (capped at 6)."""
        topics = np.asarray(topics)
        self.sizes += np.bincount(topics + 1, minlength=self.k + 1)
        if self.negatives is not None and negative is not None:
            self.negatives += np.bincount(topics[negative] + 1, minlength=self.k + 1)
        typical = np.asarray(probability) * (distinct / 6)
        for t in range(self.k):
            rows = np.flatnonzero(topics == t)
            kept, scores = self._best[t]
            rows_all = np.concatenate([kept, rows + self.rows])
            scores_all = np.concatenate([scores, typical[rows]])
            order = np.lexsort((rows_all, -scores_all))[: self.n]  # best first, then order
            self._best[t] = (rows_all[order], scores_all[order])
        self.rows += len(topics)

    def size(self, topic: int) -> int:
        return int(self.sizes[topic + 1])

    def negative_share(self, topic: int) -> float:
        """Share of the topic's comments labelled negative (NaN for none)."""
        size = self.size(topic)
        return int(self.negatives[topic + 1]) / size if size else float("nan")

    def best(self) -> dict[int, list[int]]:
        """Topic → positions of its most typical comments, best first."""
        return {t: [int(i) for i in rows] for t, (rows, _) in self._best.items()}


class KeyTally:
    """Comments (and negative ones) per (key, dominant topic), block by block; a key is a
    group value, or a time value turned into its period when the table is made (each
    distinct value parsed once). Missing keys are left out."""

    def __init__(self, *, sentiment: bool) -> None:
        self.seen: dict = {}  # key → code, first seen first
        self.counts: dict[tuple[int, int], list[int]] = {}
        self.sentiment = sentiment  # negative_share in the table

    def add(self, keys: Iterable, topics, negative=None) -> None:
        values = pd.Series(list(keys), dtype=object)
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        known = np.array([self.seen.setdefault(v, len(self.seen)) for v in uniques] + [-1],
                         dtype=np.int64)
        codes = known[codes]  # -1 (missing) → the last: -1
        topics = np.asarray(topics, dtype=np.int64)
        present = codes >= 0
        pairs = codes[present] * (1 << 20) + (topics[present] - NO_TOPIC)
        found, comments = np.unique(pairs, return_counts=True)
        negatives = np.zeros(len(found), dtype=np.int64)
        if negative is not None:
            bad = np.asarray(negative, dtype=bool)[present]
            negatives = np.bincount(np.searchsorted(found, pairs[bad]), minlength=len(found))
        for pair, n, bad_n in zip(found.tolist(), comments.tolist(), negatives.tolist(),
                                  strict=True):
            count = self.counts.setdefault((pair >> 20, (pair & ((1 << 20) - 1)) + NO_TOPIC),
                                           [0, 0])
            count[0] += n
            count[1] += bad_n

    def table(self, name: str, labels: Mapping[int, str],
              relabel: Callable[[pd.Series], pd.Series] | None = None) -> pd.DataFrame:
        """Columns: ``name``, topic, label, comments, share (of the key's comments) and,
        with sentiment, negative_share. ``relabel``: the distinct keys (in first-seen order)
        → the keys to count by (a period; missing: left out)."""
        keys = pd.Series(list(self.seen), dtype=object)
        if relabel is not None:
            keys = relabel(keys)
        pairs = list(self.counts)
        codes = np.array([c for c, _ in pairs], dtype=np.int64)
        frame = pd.DataFrame({
            name: keys.to_numpy(dtype=object)[codes] if len(pairs) else
            np.array([], dtype=object),
            "topic": np.array([t for _, t in pairs], dtype=np.int64),
            "comments": np.array([n for n, _ in self.counts.values()], dtype=np.int64),
            "negative": np.array([b for _, b in self.counts.values()], dtype=np.int64)})
        frame = frame[frame[name].notna()]
        grouped = frame.groupby([name, "topic"], sort=True)
        summed = grouped[["comments", "negative"]].sum()
        table = summed["comments"].reset_index()
        table["share"] = table.comments / table.groupby(name).comments.transform("sum")
        if self.sentiment:
            table["negative_share"] = (summed["negative"].to_numpy(dtype=float)
                                       / summed["comments"].to_numpy())
        table.insert(2, "label", table.topic.map(labels))
        return table


def period_of(freq: str) -> Callable[[pd.Series], pd.Series]:
    """Distinct time values → their period strings (NaN where unparseable), parsed at once
    as one column (a dump holds a few hundred dates, not millions)."""
    def periods(values: pd.Series) -> pd.Series:
        stamps = pd.to_datetime(pd.Series([*values, np.nan]), errors="coerce", format="mixed")
        periods = stamps.dt.to_period(freq).astype(str).where(stamps.notna())
        return periods.iloc[:-1]

    return periods
