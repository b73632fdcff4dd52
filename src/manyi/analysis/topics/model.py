"""Topic models: gensim LDA over the content words of comments, to find themes nobody listed.

Tokens come from the segmenter; function words go (part of speech from jieba's dictionary,
looked up per word, so token lists from the pipeline need no second tagging pass), frequent
word pairs are joined (gensim ``Phrases``), and the vocabulary is pruned by document frequency.
The number of topics is chosen by held-out likelihood unless fixed (c_v coherence is reported
beside it); topics can be seeded from the lexicon's dimensions. Each fit starts from a
truncated SVD of the TF-IDF matrix instead of random topics and reads the comments in a seeded
random order (dumps come sorted by product or date). Everything is seeded: the same input
gives the same topics. Charts are drawn by :mod:`manyi.report.plot`, the numerical side of
LDA lives in :mod:`manyi.analysis.topics.lda`.

>>> docs = ["快递员送货很快，包装完好", "快递太慢，包装破损", "衣服面料舒服，颜色好看",
...         "裤子面料起球，颜色不正"] * 10
>>> model = TopicModel(k=2, no_below=2, no_above=0.6).fit(docs)
>>> model.transform(["包装破了"]).columns.tolist()
['topic', 'topic_probability']
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from manyi.analysis.topics.bags import PASS_BUDGET, BagsOfWords
from manyi.analysis.topics.corpus import (  # noqa: F401  (topic_coherence: re-exported for bench/)
    BLOCK,
    NO_TOPIC,
    BowCorpus,
    _best_k,
    _default_lexicon,
    _dominant,
    _ints,
    _is_indexable,
    _segmenter,
    _size,
    _text_of,
    chunked,
    topic_coherence,
)
from manyi.analysis.topics.store import TokenStore
from manyi.analysis.topics.tally import KeyTally, TopicCounts, period_of
from manyi.analysis.topics.words import CONTENT_POS, ContentWords
from manyi.errors import InputError, ManyiError
from manyi.progress import bar, tracked
from manyi.report.plot import CJK_FONT_FILES as CJK_FONT_FILES  # re-exported: graph.py and
from manyi.report.plot import find_cjk_font as find_cjk_font  # index.py import them from here
from manyi.text.lexicon import Lexicon

MIN_UPDATES = 40  # online LDA updates (chunks seen) before a model is trusted
SELECT_BUDGET = 20_000  # comments visited by each candidate fit when choosing K
HOLDOUT_FOLDS = 2  # cross-validation folds of the sample when choosing K
# Online LDA weighs the t-th update by (LDA_OFFSET + t) ** -0.5. gensim's offset of 1 lets the
# first chunk all but replace the SVD start (weight 0.71); 64 (Hoffman et al. 2010 tried 1 to
# 1024) makes early steps small (0.12), so the start is refined rather than overwritten.
LDA_OFFSET = 64.0
class TopicModel(ContentWords, BagsOfWords):
    """LDA topics over comments; sklearn-shaped (configure in ``__init__``, learn in ``fit``).

    ``k=None`` picks the number of topics in ``k_range`` (inclusive, at most 7 candidates) by
    cross-validated held-out likelihood (see :meth:`_choose_k`); ``k_scores_`` holds each
    candidate's held-out log-likelihood per word (``heldout_loglik``), the standard error of
    its gap to the best (``heldout_se``) and its c_v ``coherence``. ``passes=None`` gives the
    final model about 200,000 comment visits (10 passes for 20,000 comments, 2 for 100,000,
    one over a seeded sample of 200,000 beyond that; every comment is assigned) and each
    candidate fit 20,000. ``seed_dimensions=True`` gives each lexicon dimension found
    in the vocabulary its own topic through gensim's ``eta``.
    """

    def __init__(self, *, k: int | None = None, k_range: tuple[int, int] = (4, 16),
                 k_step: int | None = None, seed: int = 42, seed_dimensions: bool = False,
                 seed_confidence: float = 0.3, lexicon: Lexicon | None = None,
                 backend: str = "rjieba", pos: Iterable[str] = CONTENT_POS,
                 phrases: bool = True, no_below: int = 5, no_above: float = 0.3,
                 keep_n: int = 20000, passes: int | None = None, select_sample: int = 10000,
                 n_terms: int = 10, n_examples: int = 3, progress: bool | None = False) -> None:
        self.k = k
        self.progress = progress  # bars with an ETA (None: on a terminal only)
        self.k_range = k_range
        self.k_step = k_step
        self.seed = seed
        self.seed_dimensions = seed_dimensions
        self.seed_confidence = seed_confidence
        self.lexicon = lexicon
        self.backend = backend
        self.pos = pos
        self.phrases = phrases
        self.no_below = no_below
        self.no_above = no_above
        self.keep_n = keep_n
        self.passes = passes
        self.select_sample = select_sample
        self.n_terms = n_terms
        self.n_examples = n_examples

    # -- fitting -----------------------------------------------------------------------
    def fit(self, docs: Iterable[str] | Iterable[Sequence[str]], *,
            sentiment: Iterable[str] | None = None,
            examples: Callable[[list[int]], list[str]] | None = None,
            assigned: Callable[[pd.DataFrame, TopicModel], None] | None = None
            ) -> TopicModel:
        """Learn topics from texts (segmented here) or token lists (from the pipeline).

        ``docs`` is streamed once; ``sentiment`` (positive/neutral/negative per comment,
        read alongside the assignment) adds each topic's share of negative comments to
        :meth:`topic_info`. ``examples``: the texts of the docs at the positions given (read
        again when asked, so a one-shot iterator of ``docs`` is never held). ``assigned``:
        given each block of the comments' dominant topics in order (topic,
        topic_probability) and the model (its labels known), the topics are then not kept
        (``document_topics_`` is None).
        """
        logging.getLogger("gensim").setLevel(logging.WARNING)
        self._setup()
        store = self._store = TokenStore()  # every comment's words, spilled to a file
        keep_texts = _is_indexable(docs) or examples is not None
        texts_seen: list[str] = []  # only for one-shot iterators, to show example comments
        for doc in tracked(docs, _size(docs), "topics: reading", "comments", self.progress):
            store.add(self._content_words(doc))
            if not keep_texts:
                texts_seen.append(_text_of(doc))
        n_docs = store.rows
        if n_docs == 0:
            raise InputError("no comments to fit topics on")
        self.phraser_ = self._learn_phrases(store) if self.phrases else None
        self.n_comments_ = n_docs
        self.dictionary_, self._pool = self._bag_of_words(store)
        if len(self.dictionary_) < 2:
            raise InputError(f"only {len(self.dictionary_)} word(s) left after pruning words "
                             f"seen in fewer than {self.no_below} comments; fit on more comments "
                             "(in Python, TopicModel(no_below=...) lowers the bar)")
        self.dimension_topics_ = self._seed_plan()
        fits = 1 if self.k is not None else len(self._candidates()) + 1
        with bar(fits, "topics: fitting", "model", self.progress) as self._bar:
            try:
                self.k_scores_ = self._choose_k()
                self.k_ = _best_k(self.k_scores_) if self.k is None else int(self.k)
                self.lda_ = self._fit_lda(self._sample(PASS_BUDGET), self.k_,
                                          passes=self.passes)
                self._bar.update(1)
            finally:
                self._bar = None
        del self._pool
        self.topic_terms_ = [self.lda_.show_topic(t, topn=max(self.n_terms, 30))
                             for t in range(self.k_)]
        self.topic_dimensions_ = [self._dimension_of(t) for t in range(self.k_)]
        labels = _Labels(sentiment, n_docs)
        self.counts_ = counts = TopicCounts(self.k_, self.n_examples,
                                            sentiment=sentiment is not None)
        parts, kept = [], []
        for topics, lengths in self._assigned(store):
            negative = labels.next(len(topics))
            counts.add(topics["topic"].to_numpy(), topics["topic_probability"].to_numpy(),
                       np.minimum(lengths, 6).astype(np.int8),
                       None if negative is None else negative == "negative")
            if assigned is not None:
                assigned(topics, self)
                continue
            parts.append(topics)
            if negative is not None:
                kept.append(negative)
        labels.done()
        self.document_topics_ = None if assigned is not None else \
            pd.concat(parts, ignore_index=True)
        self.sentiment_ = None if assigned is not None or sentiment is None else \
            (np.concatenate(kept) if kept else np.zeros(0, dtype=object))
        self._describe(examples if examples is not None else
                       docs if keep_texts else texts_seen)
        return self

    def fit_transform(self, docs, *, sentiment=None, examples=None) -> pd.DataFrame:
        """Fit, then the dominant topic of every fitted comment (see :meth:`transform`)."""
        return self.fit(docs, sentiment=sentiment, examples=examples).document_topics_.copy()

    # -- choosing K and seeding --------------------------------------------------------
    def _seed_plan(self) -> dict[str, list[int]]:
        """Dimension -> vocabulary ids of its lexicon words, in the lexicon's dimension order."""
        if not self.seed_dimensions:
            return {}
        token2id = self.dictionary_.token2id
        plan: dict[str, list[int]] = {}
        for word, dim in self._themes.items():
            if word in token2id and dim != "overall":
                plan.setdefault(dim, []).append(token2id[word])
        order = list(self.lexicon_.dimension_labels)
        plan = {d: sorted(plan[d]) for d in sorted(plan, key=lambda d: (
            order.index(d) if d in order else len(order), d))}
        if not plan:
            logging.getLogger(__name__).warning(
                "seed_dimensions: no lexicon term is in the vocabulary; topics are unseeded")
        return plan

    def _candidates(self) -> list[int]:
        low, high = self.k_range
        low = max(low, 2, len(self.dimension_topics_) + 1)
        high = max(high, low)
        step = self.k_step or max(1, -(-(high - low) // 6))  # at most 7 candidates
        return list(range(low, high + 1, step))

    def _choose_k(self) -> pd.DataFrame:
        """Candidate K -> held-out log-likelihood per word, its standard error and c_v.

        A seeded sample of up to ``select_sample`` comments is split into two halves; each
        candidate is fitted on one half and scored on the other by document completion
        (Wallach et al. 2009: half of each held-out comment's words predict the other half),
        then the other way round. Predictive likelihood rises while extra topics describe real
        groups of comments and falls once they fit noise; :func:`_best_k` takes the fewest
        topics within one standard error of the best. c_v coherence (of the first half's
        model, over the sample) is reported but does not choose: it favours a few broad
        topics whose top words always co-occur, merging themes an analyst wants apart.
        """
        if self.k is not None:
            if self.k < max(1, len(self.dimension_topics_)):
                raise ManyiError(f"k={self.k} is fewer than the {len(self.dimension_topics_)} "
                                 "seeded dimensions; raise --topics or drop seeding")
            return pd.DataFrame({"k": [self.k], "heldout_loglik": [np.nan],
                                 "heldout_se": [np.nan], "coherence": [np.nan]})
        from manyi.analysis.topics.lda import completion_loglik, heldout_table, topic_coherences

        sample = self._sample(self.select_sample)
        fold = np.random.RandomState(self.seed).permutation(sample.rows) % HOLDOUT_FOLDS
        halves = [(sample.subset(np.flatnonzero(fold != f)),
                   sample.subset(np.flatnonzero(fold == f))) for f in range(HOLDOUT_FOLDS)]
        candidates, per_doc, top_terms = self._candidates(), [], []
        for k in candidates:
            scored = []
            for train, test in halves:
                lda = self._fit_lda(train, k, passes=self.passes, budget=SELECT_BUDGET)
                scored.append(completion_loglik(lda, test, self.seed))
                if len(top_terms) < len(per_doc) + 1:  # c_v of the first half's model
                    top_terms.append([[w for w, _ in lda.show_topic(t, topn=10)]
                                      for t in range(k)])
            per_doc.append(np.concatenate([ll for ll, _ in scored]))
            if getattr(self, "_bar", None) is not None:
                self._bar.update(1)
        words = np.concatenate([n for _, n in scored])  # the same held-out words for every K
        id2word = self.dictionary_
        texts = [[id2word[i] for i, _ in bow] for bow in sample]
        return pd.DataFrame({"k": candidates, **heldout_table(np.array(per_doc), words),
                             "coherence": topic_coherences(top_terms, texts, id2word)})

    def _eta(self, k: int):
        if not self.dimension_topics_:
            return None
        cfs = np.array([self.dictionary_.cfs.get(i, 0) for i in range(len(self.dictionary_))],
                       dtype=float)
        eta = np.full((k, len(cfs)), 1.0 / k)
        for topic, ids in enumerate(self.dimension_topics_.values()):
            # A pseudo-count of a share of the word's occurrences pulls it into its topic.
            eta[topic, ids] += self.seed_confidence * cfs[ids] * self._scale
            others = np.ones(k, dtype=bool)
            others[topic] = False
            eta[np.ix_(others, ids)] = 1e-3
        return eta

    def _sample(self, size: int):
        """A seeded sample of ``size`` comments of the corpus (all of a smaller one): the
        final model is fitted on at most PASS_BUDGET comments, every comment is assigned."""
        rows = self.n_comments_
        if rows <= size:
            return self._pool
        chosen = self._chosen(rows, size)
        if self._pool.rows == rows:
            return self._pool.subset(chosen)
        return self._pool.subset(np.searchsorted(self._sample_rows(rows), chosen))

    def _fit_lda(self, corpus, k: int, *, passes: int | None, budget: int = PASS_BUDGET):
        from manyi.analysis.topics.lda import VectorLda, svd_topics

        self._scale = corpus.rows / self.n_comments_
        chunksize = int(np.clip(corpus.rows // 10, 200, 2000))
        if passes is None:  # a fixed amount of work: small corpora get more passes
            passes = -(-budget // max(corpus.rows, 1))
        # Online LDA needs enough updates to settle.
        passes = min(10, max(passes, -(-MIN_UPDATES * chunksize // max(corpus.rows, 1))))
        lda = VectorLda(id2word=self.dictionary_, num_topics=k, random_state=self.seed,
                        chunksize=chunksize, iterations=50, alpha="symmetric", eta=self._eta(k),
                        offset=LDA_OFFSET, eval_every=None, update_every=1, dtype=np.float32)
        lda.state.sstats[len(self.dimension_topics_):] = svd_topics(
            corpus, len(self.dictionary_), k - len(self.dimension_topics_), self.seed,
            lda.state.sstats[len(self.dimension_topics_):])
        lda.sync_state()
        # Dumps are often sorted (by product, by date); online updates over sorted chunks
        # drift from one group to the next, so chunks are drawn in a seeded random order.
        order = np.random.RandomState(self.seed).permutation(corpus.rows)
        lda.fit_rows(corpus.subset(order), passes=passes)
        return lda

    def _infer(self, corpus) -> np.ndarray:
        blocks = list(self._infer_blocks(corpus))
        return np.concatenate(blocks) if blocks else np.zeros(
            (0, self.lda_.num_topics), dtype=np.float32)

    def _assigned(self, store: TokenStore):
        """(dominant topic and probability, kept words) of each block of the stored
        comments: the same inference calls as :meth:`_infer` on the whole corpus, which is
        never held."""
        lda = self.lda_
        lda.random_state = np.random.RandomState(self.seed)  # same input, same answer
        for chunk in self._bows(store):
            lengths = np.diff(chunk.indptr)
            theta = np.zeros((chunk.rows, lda.num_topics), dtype=np.float32)
            gamma, _ = lda.inference(chunk)
            theta[:] = gamma / gamma.sum(axis=1, keepdims=True)
            theta[lengths == 0] = 0.0
            yield _dominant(theta), lengths

    def _infer_blocks(self, corpus):
        """The rows of :meth:`_infer`, BLOCK comments at a time."""
        lda = self.lda_
        lda.random_state = np.random.RandomState(self.seed)  # same input, same answer
        empty = np.diff(corpus.indptr) == 0
        for start in range(0, corpus.rows, BLOCK):
            chunk = corpus.subset(np.arange(start, min(start + BLOCK, corpus.rows)))
            theta = np.zeros((chunk.rows, lda.num_topics), dtype=np.float32)
            gamma, _ = lda.inference(chunk)
            theta[:] = gamma / gamma.sum(axis=1, keepdims=True)
            theta[empty[start:start + chunk.rows]] = 0.0
            yield theta

    # -- describing --------------------------------------------------------------------
    def _describe(self, texts) -> None:
        """The example texts of each topic's most typical comments (:class:`TopicCounts`:
        a comment repeating one word has probability ~1 but says little, so the topic's
        probability is weighed by the number of distinct words)."""
        best = self.counts_.best()
        wanted = sorted({i for rows in best.values() for i in rows})
        if callable(texts):  # read again, all at once
            found = dict(zip(wanted, texts(wanted)))
        else:
            pick = texts.iloc.__getitem__ if isinstance(texts, pd.Series) \
                else texts.__getitem__
            found = {i: pick(i) for i in wanted}
        self.examples_ = {t: [_text_of(found[i]) for i in rows] for t, rows in best.items()}

    def _dimension_of(self, topic: int) -> str:
        seeded = list(self.dimension_topics_)
        if topic < len(seeded):
            return seeded[topic]
        # The dimension whose lexicon words carry most of the top ten terms' weight, if that
        # is a good part of it: one stray term does not make a topic about logistics.
        mass: dict[str, float] = {}
        top = self.topic_terms_[topic][:10]
        total = sum(w for _, w in top) or 1.0
        for word, weight in top:
            dim = self._themes.get(word)
            if dim and dim != "overall":
                mass[dim] = mass.get(dim, 0.0) + weight / total
        if not mass:
            return ""
        dim = max(mass, key=lambda d: (mass[d], d))
        return dim if mass[dim] >= 0.3 else ""

    def _label(self, topic: int) -> str:
        if topic == NO_TOPIC:  # its words are all too rare, too common or stop words
            return "(未归入主题：词太少或太罕见)"
        words = " ".join(w for w, _ in self.topic_terms_[topic][:3])
        dim = self.topic_dimensions_[topic]
        return f"{self.lexicon_.dimension_labels.get(dim, dim)}: {words}" if dim else words

    def labels(self) -> dict[int, str]:
        """Topic id -> readable label (top three terms, with the dimension it overlaps)."""
        self._check_fitted()
        return {t: self._label(t) for t in [NO_TOPIC, *range(self.k_)]}

    def topic_info(self) -> pd.DataFrame:
        """One row per topic: label, dimension, size, share, top terms and weights, examples.

        ``negative_share`` is the share of the topic's comments labelled negative (when
        ``sentiment`` was given to :meth:`fit`); ``-1`` collects comments with no usable word.
        """
        self._check_fitted()
        counts = self.counts_
        rows = []
        for t in [*range(self.k_), NO_TOPIC]:
            size = counts.size(t)
            if t == NO_TOPIC and size == 0:
                continue
            terms = self.topic_terms_[t][: self.n_terms] if t >= 0 else []
            row = {"topic": t, "label": self._label(t),
                   "dimension": self.topic_dimensions_[t] if t >= 0 else "",
                   "size": size, "share": size / counts.rows,
                   "top_terms": " ".join(w for w, _ in terms),
                   "weights": " ".join(f"{p:.4f}" for _, p in terms)}
            if counts.negatives is not None:
                row["negative_share"] = counts.negative_share(t)
            examples = self.examples_.get(t, [])
            for i in range(self.n_examples):
                row[f"example_{i + 1}"] = examples[i] if i < len(examples) else ""
            rows.append(row)
        return pd.DataFrame(rows)

    def topic_shares(self) -> dict[int, float]:
        """Topic → its share of the comments (``-1``: no usable word), as counted."""
        self._check_fitted()
        counts = self.counts_
        return {t: counts.size(t) / counts.rows for t in [NO_TOPIC, *range(self.k_)]
                if counts.size(t)}

    def topic_terms(self, n_terms: int | None = None) -> pd.DataFrame:
        """Long table of every topic's top terms: topic, rank, term, weight."""
        self._check_fitted()
        n = n_terms or self.n_terms
        return pd.DataFrame([(t, r + 1, w, float(p)) for t in range(self.k_)
                             for r, (w, p) in enumerate(self.lda_.show_topic(t, topn=n))],
                            columns=["topic", "rank", "term", "weight"])

    # -- applying ----------------------------------------------------------------------
    def transform(self, docs) -> pd.DataFrame:
        """Dominant topic and its probability per comment (topic -1 when no word is known)."""
        self._check_fitted()
        corpus = self._bow_corpus(self._content_words(doc) for doc in docs)
        return _dominant(self._infer(corpus))

    def topics_over_time(self, times, freq: str = "M") -> pd.DataFrame:
        """Share of each period's comments per dominant topic; ``times`` align with the fit.

        Unparseable times are left out. Columns: period, topic, label, comments, share.
        """
        return self._tally(times, "period", period_of(freq))

    def topics_by_group(self, groups) -> pd.DataFrame:
        """Share of each group's comments per dominant topic (product, channel …).

        Columns: group, topic, label, comments, share, and negative_share with sentiment.
        """
        return self._tally(groups, "group")

    def _tally(self, keys, name: str, relabel=None) -> pd.DataFrame:
        """The comments per (key, topic) of the kept assignment (:class:`KeyTally`, one
        block); ``relabel``: as :meth:`KeyTally.table`."""
        self._check_fitted()
        if self.document_topics_ is None:
            raise ManyiError("this TopicModel was fitted with assigned=: its comments' topics "
                             "were not kept; count them as they are assigned (KeyTally)")
        values = pd.Series(list(keys), dtype=object)
        self._check_aligned(values, "times" if name == "period" else "groups")
        tally = KeyTally(sentiment=self.sentiment_ is not None)
        negative = None if self.sentiment_ is None else self.sentiment_ == "negative"
        tally.add(values, self.document_topics_.topic.to_numpy(), negative)
        return tally.table(name, self.labels(), relabel)

    def _check_aligned(self, values: pd.Series, what: str) -> None:
        if len(values) != self.n_comments_:
            raise InputError(f"{what} has {len(values)} values but the model was fitted on "
                             f"{self.n_comments_} comments; pass one value per fitted comment")

    def _check_fitted(self) -> None:
        if not hasattr(self, "lda_"):
            raise ManyiError("this TopicModel is not fitted yet; call fit(texts) first")

    # -- picture -----------------------------------------------------------------------
    def plot_topics(self, *, topics: Iterable[int] | None = None, n_terms: int = 8,
                    ncols: int = 3):
        """Bar chart of each topic's top terms (a matplotlib Figure; never shown).

        Needs ``pip install 'manyi[plot]'`` (matplotlib and a CJK font) or a system CJK font.
        """
        self._check_fitted()
        from manyi.report.plot import plot_topics

        return plot_topics(self, topics=topics, n_terms=n_terms, ncols=ncols)


class _Labels:
    """The sentiment labels given to :meth:`TopicModel.fit`, read block by block alongside
    the assignment (one per comment, checked)."""

    def __init__(self, sentiment: Iterable[str] | None, rows: int) -> None:
        self.rows, self.read = rows, 0
        self.given = None if sentiment is None else iter(sentiment)
        if sentiment is not None and hasattr(sentiment, "__len__") and len(sentiment) != rows:
            self._mismatch(len(sentiment))

    def next(self, size: int) -> np.ndarray | None:
        if self.given is None:
            return None
        got = list(itertools.islice(self.given, size))
        self.read += len(got)
        if len(got) < size:
            self._mismatch(self.read)
        labels = np.empty(size, dtype=object)
        labels[:] = got
        return labels

    def done(self) -> None:
        if self.given is not None and (extra := sum(1 for _ in self.given)):
            self._mismatch(self.read + extra)

    def _mismatch(self, given: int) -> None:
        raise InputError(f"sentiment has {given} values for {self.rows} comments; pass one "
                         "label per comment")
