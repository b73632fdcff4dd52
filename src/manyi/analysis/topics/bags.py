"""The bags of words of a topic model, read from the stored words of its comments
(:class:`~manyi.analysis.topics.store.TokenStore`): the pruned vocabulary over every
comment, the comments of the samples the fits read, and every comment block by block to be
assigned (如 "物流 很快" → ``[(12, 1), (40, 1)]``). Nothing per comment is held whole.

>>> from manyi.analysis.topics.model import TopicModel
>>> from manyi.analysis.topics.store import TokenStore
>>> store = TokenStore()
>>> for words in [["物流", "速度"], ["物流", "包装"], ["包装"]] * 3:
...     store.add(words)
>>> model = TopicModel(no_below=2, no_above=1.0, phrases=False)
>>> model._setup(); model.phraser_ = None
>>> dictionary, pool = model._bag_of_words(store)
>>> sorted(dictionary.token2id), list(pool)[:2]
(['包装', '物流', '速度'], [[(0, 1), (1, 1)], [(0, 1), (2, 1)]])
"""

from __future__ import annotations

from array import array

import numpy as np

from manyi.analysis.topics.corpus import BLOCK, BowCorpus, _ints, chunked
from manyi.analysis.topics.store import TokenStore

PASS_BUDGET = 200_000  # comments visited by the final fit when passes=None


class BagsOfWords:
    """The bag-of-words half of TopicModel (which holds ``no_below``, ``no_above``,
    ``keep_n``, ``seed``, ``k``, ``select_sample``, ``phraser_`` and ``dictionary_``)."""

    def _bag_of_words(self, store: TokenStore):
        """Pruned gensim Dictionary (document and collection frequencies over every comment)
        and the comments of the samples the fits read, as compact sparse rows (all of a
        small corpus); the rest are read again from ``store`` to be assigned."""
        from gensim.corpora import Dictionary

        vocab: dict[str, int] = {}
        ids, counts, row_ptr, df, cf = array("i"), array("i"), array("q", [0]), array("q"), \
            array("q")
        wanted = self._sample_rows(store.rows)
        pool = wanted.tolist() if wanted is not None else None
        next_row, at = (pool[0] if pool else -1), 0
        for row, words in enumerate(store.docs()):
            bow: dict[int, int] = {}
            for w in self._phrase_words(words):
                i = vocab.setdefault(w, len(vocab))
                bow[i] = bow.get(i, 0) + 1
            if len(df) < len(vocab):
                grow = [0] * (len(vocab) - len(df))
                df.extend(grow)
                cf.extend(grow)
            kept = pool is None or row == next_row
            for i in sorted(bow):
                df[i] += 1
                cf[i] += bow[i]
                if kept:
                    ids.append(i)
                    counts.append(bow[i])
            if kept:
                row_ptr.append(len(ids))
                if pool is not None:
                    at += 1
                    next_row = pool[at] if at < len(pool) else -1
        df_np, n_docs = _ints(df, np.int64), store.rows
        keep = (df_np >= self.no_below) & (df_np <= max(self.no_above * n_docs, self.no_below))
        kept = np.flatnonzero(keep)
        kept = kept[np.argsort(-df_np[kept], kind="stable")][: self.keep_n]
        kept.sort()
        remap = np.full(len(vocab), -1, dtype=np.int64)
        remap[kept] = np.arange(len(kept))
        words = list(vocab)
        dictionary = Dictionary()
        dictionary.token2id = {words[i]: int(j) for j, i in enumerate(kept)}
        dictionary.dfs = {int(j): int(df_np[i]) for j, i in enumerate(kept)}
        dictionary.num_docs = n_docs
        dictionary.cfs = dict(enumerate(_ints(cf, np.int64)[kept].tolist()))
        new_ids = remap.astype(np.int32)[_ints(ids, np.int32)]
        del ids
        mask = new_ids >= 0
        kept_ids = new_ids[mask]
        del new_ids
        kept_counts = _ints(counts, np.int32)[mask]
        del counts
        before = np.zeros(len(mask) + 1, dtype=np.int32 if len(mask) < 2 ** 31 else np.int64)
        np.cumsum(mask, out=before[1:])
        del mask
        indptr = before[_ints(row_ptr, np.int64)].astype(np.int64)
        return dictionary, BowCorpus(indptr, kept_ids, kept_counts)

    def _sample_sizes(self) -> list[int]:
        return [PASS_BUDGET, *([self.select_sample] if self.k is None else [])]

    def _sample_rows(self, rows: int) -> np.ndarray | None:
        """The sorted rows of every sample :meth:`_sample` draws (None: every row)."""
        if any(rows <= size for size in self._sample_sizes()):
            return None
        return np.unique(np.concatenate([self._chosen(rows, size)
                                         for size in self._sample_sizes()]))

    def _chosen(self, rows: int, size: int) -> np.ndarray:
        return np.sort(np.random.RandomState(self.seed).choice(rows, size, replace=False))

    def _bows(self, store: TokenStore):
        """Each block of comments of ``store`` as compact sparse rows of the dictionary's ids
        (what was pruned left out; a comment with no word left is an empty row)."""
        for block in chunked(store.docs(), BLOCK):
            yield self._bow_corpus(block)

    def _bow_corpus(self, word_lists) -> BowCorpus:
        """The comments' content words (one list each) as sparse rows of the dictionary's
        ids, after the phrases (a comment with no known word is an empty row)."""
        token2id = self.dictionary_.token2id
        ids, counts, row_ptr = array("i"), array("i"), array("q", [0])
        for words in word_lists:
            bow: dict[int, int] = {}
            for w in self._phrase_words(words):
                i = token2id.get(w)
                if i is not None:
                    bow[i] = bow.get(i, 0) + 1
            for i in sorted(bow):
                ids.append(i)
                counts.append(bow[i])
            row_ptr.append(len(ids))
        return BowCorpus(_ints(row_ptr, np.int64), _ints(ids, np.int32).copy(),
                         _ints(counts, np.int32).copy())

    @property
    def _corpus(self) -> BowCorpus:
        """Every fitted comment as compact sparse rows (built again from the stored words)."""
        blocks = list(self._bows(self._store))
        ends = np.cumsum([0, *(b.ids.size for b in blocks)])
        return BowCorpus(np.concatenate([[0], *(b.indptr[1:] + e for b, e in
                                                 zip(blocks, ends, strict=False))]),
                         np.concatenate([b.ids for b in blocks]),
                         np.concatenate([b.counts for b in blocks]))
