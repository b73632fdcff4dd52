"""The bag-of-words corpus of a topic model and the helpers that read its documents.

:class:`BowCorpus` holds comments as compact sparse rows (如 "物流很快" → ``[(12, 1), (40, 1)]``)
and yields them block by block; the helpers decode cached words, pick K, find the
segmenter and jieba's part-of-speech tags. Used by :mod:`manyi.analysis.topics.model`.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np
import pandas as pd

from manyi.errors import ManyiError
from manyi.text.lexicon import Lexicon

NO_TOPIC = -1  # comments with no usable word
BLOCK = 10000  # comments turned into Python objects at a time when streaming the corpus


class BowCorpus:
    """A gensim corpus held as compact sparse rows; iterating yields ``[(id, count), …]``."""

    def __init__(self, indptr, ids, counts) -> None:
        self.indptr, self.ids, self.counts = np.asarray(indptr), ids, counts
        self.rows = len(self.indptr) - 1

    def __len__(self) -> int:
        return self.rows

    def __iter__(self):
        for first in range(0, self.rows, BLOCK):  # Python ints for one block at a time
            bounds = self.indptr[first:first + BLOCK + 1]
            ids = self.ids[bounds[0]:bounds[-1]].tolist()
            counts = self.counts[bounds[0]:bounds[-1]].tolist()
            starts = (bounds - bounds[0]).tolist()
            for start, end in zip(starts[:-1], starts[1:], strict=True):
                yield list(zip(ids[start:end], counts[start:end], strict=True))

    def subset(self, rows: np.ndarray) -> BowCorpus:
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        take = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends, strict=True)]) \
            if len(rows) else np.array([], dtype=np.int64)
        take = take.astype(np.int64)
        return BowCorpus(np.concatenate([[0], np.cumsum(ends - starts)]),
                         self.ids[take], self.counts[take])


# -- helpers -------------------------------------------------------------------------
def _dominant(theta: np.ndarray) -> pd.DataFrame:
    empty = theta.sum(axis=1) == 0
    topic = np.where(empty, NO_TOPIC, theta.argmax(axis=1) if theta.size else 0)
    probability = np.where(empty, 0.0, theta.max(axis=1) if theta.size else 0.0)
    return pd.DataFrame({"topic": topic.astype(int), "topic_probability": probability})


def chunked(items, size: int):
    """Lists of ``size`` consecutive items (the last may be shorter)."""
    block = []
    for item in items:
        block.append(item)
        if len(block) == size:
            yield block
            block = []
    if block:
        yield block


def _best_k(scores: pd.DataFrame) -> int:
    """The fewest topics whose held-out likelihood is within one standard error of the best.

    Breiman's one-standard-error rule: candidates the held-out comments cannot tell apart
    are equally good, and the simplest of them is the easiest to read. By c_v when no word
    could be scored (every comment of one word).
    """
    if scores.heldout_loglik.notna().any():
        best = scores.heldout_loglik.max()
        return int(scores.k[scores.heldout_loglik >= best - scores.heldout_se].min())
    if scores.coherence.notna().any():
        return int(scores.k[scores.coherence.idxmax()])
    return int(scores.k.iloc[0])


def topic_coherence(lda, texts: list[list[str]], dictionary) -> float:
    """Mean c_v coherence of the topics (top 10 terms) over ``texts``; a topic whose terms
    never occur in ``texts`` has no score and is left out of the mean."""
    from manyi.analysis.topics.lda import topic_coherences

    topics = [[w for w, _ in lda.show_topic(t, topn=10)] for t in range(lda.num_topics)]
    return topic_coherences([topics], texts, dictionary)[0]


def _ints(values: array, dtype) -> np.ndarray:
    return np.frombuffer(values, dtype=dtype) if len(values) else np.zeros(0, dtype=dtype)


def _is_indexable(docs) -> bool:
    return isinstance(docs, (Sequence, pd.Series, np.ndarray)) and not isinstance(docs, str)


def _text_of(doc) -> str:
    if isinstance(doc, str):
        return doc
    return "".join(doc) if isinstance(doc, (list, tuple, np.ndarray)) else ""


_SEGMENTERS: dict[tuple[int, str], tuple[Lexicon, object]] = {}


def _segmenter(lexicon: Lexicon, backend: str):
    """A segmenter per lexicon, built once: loading the dictionary costs a second or two."""
    key = (id(lexicon), backend)
    if key not in _SEGMENTERS or _SEGMENTERS[key][0] is not lexicon:
        from manyi.text.segment import Segmenter

        if len(_SEGMENTERS) >= 4:
            _SEGMENTERS.clear()
        # HMM on: unknown product and brand names stay whole instead of single characters.
        _SEGMENTERS[key] = (lexicon, Segmenter(lexicon, backend=backend, hmm=True))
    return _SEGMENTERS[key][1]


def _default_lexicon() -> Lexicon:
    try:
        return Lexicon.load(domain="ecommerce")
    except ManyiError:
        return Lexicon.load(domain=None)


def _size(docs) -> int | None:
    try:
        return len(docs)
    except TypeError:
        return None
