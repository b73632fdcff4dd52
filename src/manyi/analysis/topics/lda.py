"""The numerical side of :mod:`manyi.analysis.topics.model`: gensim LDA with a vectorised E-step,
its SVD
start, and held-out likelihood for choosing the number of topics.

Imports gensim and scipy at module level; :mod:`manyi.analysis.topics.model` imports this module
only when
it fits, so ``import manyi`` stays light.
"""

from __future__ import annotations

import warnings

import numpy as np
from gensim.models import LdaModel
from gensim.models.coherencemodel import CoherenceModel
from scipy import sparse
from scipy.special import psi


class VectorLda(LdaModel):
    """gensim's online LDA with the E-step done for a whole chunk at once.

    gensim updates one document at a time in a Python loop, which dominates the run time on
    short comments (a few words each). Here every document of the chunk takes the same
    update (Hoffman's ``onlineldavb``, Lee & Seung's trick: phi is never stored) as sparse
    matrix products; a document stops when its mean change of gamma falls below
    ``gamma_threshold``, as in gensim, so the results agree with gensim's to float32 rounding.
    """

    def fit_rows(self, corpus, *, passes: int) -> None:
        """gensim's ``update`` over a corpus of compact rows (indptr, ids, counts): gensim
        groups the rows' numbers into its chunks and each chunk's rows are read from the
        arrays, so no ``[(id, count), …]`` list is built for a chunk only to be turned into
        arrays again (the same chunks, the same numbers). Only without gensim's perplexity
        logging (``eval_every`` None), which would read the numbers as bags."""
        if self.eval_every:
            raise ValueError("fit_rows needs eval_every=None: gensim would score row numbers")
        self._numbered = corpus
        try:
            self.update(_Numbers(corpus.rows), passes=passes)
        finally:
            del self._numbered

    def inference(self, chunk, collect_sstats: bool = False):
        """Gamma (documents x topics) and, if asked, the chunk's sufficient statistics."""
        numbered = getattr(self, "_numbered", None)
        if numbered is not None and isinstance(chunk, list) and chunk \
                and isinstance(chunk[0], int):  # consecutive row numbers of fit_rows' corpus
            first, last = chunk[0], chunk[-1] + 1
            chunk = _Rows(numbered.indptr[first:last + 1], numbered.ids, numbered.counts)
        indptr, ids, counts = _rows(chunk, self.dtype)
        n_docs, dtype = len(indptr) - 1, self.dtype
        # The same random start as gensim: same seed, same answer.
        gamma = self.random_state.gamma(100.0, 1.0 / 100.0, (n_docs, self.num_topics)
                                        ).astype(dtype, copy=False)
        alpha = np.asarray(self.alpha, dtype=dtype)
        lengths = np.diff(indptr)
        row_of = np.repeat(np.arange(n_docs), lengths)
        exp_theta = np.exp(_dirichlet_expectation(gamma)).astype(dtype, copy=False)
        beta = np.ascontiguousarray(self.expElogbeta[:, ids].T)  # one row per (doc, word)
        eps = np.finfo(dtype).eps
        phinorm = np.ones(len(ids), dtype=dtype)
        gamma[lengths == 0] = alpha
        active = np.flatnonzero(lengths > 0)
        entries = np.arange(len(ids))  # the (doc, word) entries of the active documents
        held = _HeldRows()
        for step in range(self.iterations):
            if not len(active):
                break
            rows, lens = row_of[entries], lengths[active]
            words = beta[entries]
            weights = counts[entries] / (np.einsum("ij,ij->i", exp_theta[rows], words) + eps)
            new = alpha + exp_theta[active] * held.sums(weights, active, entries, lens, words)
            change = np.abs(new - gamma[active]).mean(axis=1)
            gamma[active] = new
            exp_theta[active] = np.exp(_dirichlet_expectation(new))
            done = change < self.gamma_threshold
            if step == self.iterations - 1:
                done[:] = True
            if done.any():
                finished = np.repeat(done, lens)
                last = entries[finished]
                phinorm[last] = np.einsum("ij,ij->i", exp_theta[row_of[last]], beta[last]) + eps
                active, entries = active[~done], entries[~finished]
        if not collect_sstats:
            return gamma, None
        per_word = sparse.csr_matrix((counts / phinorm, (ids, row_of)),
                                     shape=(self.num_terms, n_docs))
        sstats = np.asarray((per_word @ exp_theta).T, dtype=dtype) * self.expElogbeta
        return gamma, sstats


class _HeldRows:
    """Each active document's sum of its entries' weighted topic rows, ``sum_e w_e beta_e``:
    the product of one sparse matrix (documents x entries) with the entries' rows, the
    matrix built again only when the active entries have fallen to half of those it holds
    (not at each iteration: building and checking one costs more than the product on short
    comments). A document leaves with all its entries at once, so each active document's
    row holds its own entries in the same order: the same sums, bit for bit, as a matrix of
    the active entries only (scipy adds a row's products in order, and the rows of
    documents done are read from no more).

    >>> import numpy as np
    >>> words = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], dtype=np.float32)
    >>> held = _HeldRows()
    >>> held.sums(np.ones(3, np.float32), np.array([0, 1]), np.arange(3), np.array([2, 1]),
    ...           words).tolist()
    [[4.0, 6.0], [5.0, 6.0]]
    >>> held.sums(np.ones(1, np.float32), np.array([1]), np.array([2]), np.array([1]),
    ...           words[2:]).tolist()
    [[5.0, 6.0]]
    """

    def __init__(self) -> None:
        self.matrix = self.words = self.slot = self.row = None
        self.entries = 0

    def sums(self, weights: np.ndarray, active: np.ndarray, entries: np.ndarray,
             lens: np.ndarray, words: np.ndarray) -> np.ndarray:
        """Per active document (in ``active``'s order, ``lens`` entries each, ``entries``
        in document order and ``words`` their rows), the sum of ``weights`` × rows."""
        if self.matrix is None or 2 * len(entries) < self.entries:
            self.matrix = sparse.csr_matrix(
                (weights, np.arange(len(entries)), np.concatenate([[0], np.cumsum(lens)])),
                shape=(len(active), len(entries)))
            self.words, self.entries = words, len(entries)
            self.slot = np.full(int(entries.max()) + 1 if len(entries) else 0, -1)
            self.slot[entries] = np.arange(len(entries))
            self.row = np.full(int(active.max()) + 1 if len(active) else 0, -1)
            self.row[active] = np.arange(len(active))
            return self.matrix @ self.words
        self.matrix.data[self.slot[entries]] = weights  # the others' rows are read no more
        return (self.matrix @ self.words)[self.row[active]]


def _rows(chunk, dtype) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR arrays (indptr, word ids, counts) of a chunk: a BowCorpus or a list of bags."""
    if hasattr(chunk, "indptr"):
        indptr = np.asarray(chunk.indptr, dtype=np.int64)
        first, last = indptr[0], indptr[-1]
        return (indptr - first, np.asarray(chunk.ids[first:last], dtype=np.int64),
                np.asarray(chunk.counts[first:last], dtype=dtype))
    chunk = chunk if isinstance(chunk, list) else list(chunk)
    lengths = np.fromiter((len(doc) for doc in chunk), dtype=np.int64, count=len(chunk))
    total = int(lengths.sum())
    ids = np.fromiter((int(i) for doc in chunk for i, _ in doc), dtype=np.int64, count=total)
    counts = np.fromiter((c for doc in chunk for _, c in doc), dtype=dtype, count=total)
    return np.concatenate([[0], np.cumsum(lengths)]), ids, counts


def _dirichlet_expectation(gamma: np.ndarray) -> np.ndarray:
    return psi(gamma) - psi(gamma.sum(axis=1, keepdims=True))


def completion_loglik(lda: LdaModel, corpus, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Held-out log-likelihood by document completion (Wallach et al. 2009).

    Each held-out comment's words are split in two (alternate occurrences): the topic mix is
    inferred from one half and the other half is scored, ``log sum_k theta_k beta_kw``.
    Returns each comment's log-likelihood and number of words scored (0 for a comment of
    one word).
    """
    counts = corpus.counts.astype(np.int64)
    lengths = np.diff(corpus.indptr)
    row_of = np.repeat(np.arange(corpus.rows), lengths)
    # Position of each entry's first occurrence within its comment; even positions are seen.
    before = np.concatenate([[0], np.cumsum(counts)])  # words before each entry
    starts = before[:-1] - np.repeat(before[corpus.indptr[:-1]], lengths)
    seen = (counts + 1 - starts % 2) // 2
    hidden = counts - seen
    words = np.bincount(row_of, weights=hidden, minlength=corpus.rows)
    if not words.sum():
        return np.zeros(corpus.rows), words
    keep = seen > 0
    seen_indptr = np.concatenate([[0], np.cumsum(np.bincount(row_of[keep],
                                                              minlength=corpus.rows))])
    seen_rows = _Rows(seen_indptr, corpus.ids[keep], seen[keep])
    lda.random_state = np.random.RandomState(seed)
    gamma, _ = lda.inference(seen_rows)
    theta = gamma / gamma.sum(axis=1, keepdims=True)
    topics = lda.get_topics()
    scored = hidden > 0
    p = np.einsum("ij,ji->i", theta[row_of[scored]], topics[:, corpus.ids[scored]])
    loglik = np.bincount(row_of[scored], weights=hidden[scored] * np.log(p),
                         minlength=corpus.rows)
    return loglik, words


def heldout_table(loglik: np.ndarray, words: np.ndarray) -> dict[str, np.ndarray]:
    """Per candidate: held-out log-likelihood per word, and the standard error of its
    difference from the best candidate (paired over the same held-out comments)."""
    total = words.sum()
    if not total:
        nan = np.full(len(loglik), np.nan)
        return {"heldout_loglik": nan, "heldout_se": nan}
    per_word = loglik.sum(axis=1) / total
    gap = loglik[per_word.argmax()] - loglik  # per comment, candidates x comments
    scored = words > 0
    se = np.sqrt(scored.sum() * gap[:, scored].var(axis=1)) / total
    return {"heldout_loglik": per_word, "heldout_se": se}


def topic_coherences(models: list[list[list[str]]], texts: list[list[str]],
                     dictionary) -> list[float]:
    """Mean c_v coherence of each model's topics (lists of top terms) over ``texts``.

    The word co-occurrences are counted once for all models (gensim ``for_topics``).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        scorer = CoherenceModel.for_topics(models, texts=texts, dictionary=dictionary,
                                           coherence="c_v", topn=10, processes=1)
        means = []
        for topics in models:
            scorer.topics = topics
            scores = np.array(scorer.get_coherence_per_topic(), dtype=float)
            means.append(float(np.nanmean(scores)) if np.isfinite(scores).any()
                         else float("nan"))
    return means


class _Rows:
    def __init__(self, indptr, ids, counts) -> None:
        self.indptr, self.ids, self.counts = indptr, ids, counts


class _Numbers:
    """The row numbers 0 … rows − 1 as a corpus gensim's ``update`` can measure and group."""

    def __init__(self, rows: int) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return self.rows

    def __iter__(self):
        return iter(range(self.rows))


def svd_topics(corpus, n_words: int, k: int, seed: int, fallback: np.ndarray) -> np.ndarray:
    """Starting topic-word counts from a truncated SVD of the TF-IDF matrix (NNDSVD).

    Random starts leave online LDA on short comments in a poor local optimum that changes
    with the seed; the leading singular vectors of the comment-word matrix, split into their
    positive and negative parts (Boutsidis & Gallopoulos 2008), start each topic on a group of
    words that occur together. Each topic starts with 1/k of the corpus's word count.
    """
    from scipy.sparse.linalg import svds

    if k <= 0 or k >= min(corpus.rows, n_words) or corpus.ids.size == 0:
        return fallback
    tf = sparse.csr_matrix((1 + np.log(corpus.counts.astype(np.float64)), corpus.ids,
                            corpus.indptr), shape=(corpus.rows, n_words))
    df = np.bincount(corpus.ids, minlength=n_words)
    tfidf = tf @ sparse.diags(np.log((1 + corpus.rows) / (1 + df)) + 1)
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    tfidf = sparse.diags(1 / np.where(norms > 0, norms, 1)) @ tfidf
    v0 = np.random.RandomState(seed).uniform(-1, 1, min(tfidf.shape))
    try:
        _, values, vectors = svds(tfidf, k=k, v0=v0)
    except (ValueError, np.linalg.LinAlgError, RuntimeError):
        return fallback
    topics = np.zeros((k, n_words))
    for j, row in enumerate(np.argsort(-values)):
        positive, negative = np.maximum(vectors[row], 0), np.maximum(-vectors[row], 0)
        # ARPACK's sign is arbitrary: keep the part that carries more weight.
        part = positive if positive.sum() >= negative.sum() else negative
        topics[j] = part / part.sum() if part.sum() > 0 else 1.0 / n_words
    return (topics * corpus.counts.sum() / k).astype(fallback.dtype)
