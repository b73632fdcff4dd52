"""Comment- and clause-level sentiment: a fast, explainable linear model and a comment head.

How a score is made (``SentimentModel``)
----------------------------------------
Features of a normalised comment and its word tokens:

* character 1-, 2- and 3-grams (robust to segmentation and unknown words: 不错, 太慢了);
* word unigrams and bigrams from the segmenter's tokens (不 好, 送餐 太慢);
* with ``negation_scope=True`` (opt-in; not the shipped model's), the words a negation governs
  read as features of their own (物流不慢: 不 ¬慢, so 慢's weights do not fire;
  ``manyi.annotate.sentiment.negation``);
* with ``term_placeholders=True`` (opt-in), the names of things (the lexicon's aspect terms)
  read as one of three placeholders, by their scale's direction, so that 客服 or 纸张 carry
  no sentiment of their own; ``"factor"``: one per factor and direction; ``"judged"``:
  only where an opinion word follows them in their clause (``manyi.annotate.sentiment.terms``);
* with ``term_shrink`` > 1 (opt-in), the n-grams inside those names (客服, 被子) fitted with
  that many times the L2 penalty: a name keeps the weight the data strongly support (售后
  leans to complaints), loses the rest (``fit.shrunk_features``);
* one lexicon feature, ``log(1 + P) − log(1 + N)``: ``P``/``N`` sum the weights of the
  positive/negative opinion words and emoji found, each flipped by an odd number of negation
  words and multiplied by a degree word among the three tokens before it (不好 → negative,
  非常好 → 1.8 × positive). The opinion, negation and degree words are a snapshot of
  ``manyi.text.lexicon.Lexicon`` taken at ``fit`` time and stored in the model file, so the same
  model gives the same scores whatever later happens to ``lexicons/``.

The n-gram features are counts divided by √(number of n-grams), so long and short comments weigh
alike. With ``nb_scale=True`` (the shipped model) each n-gram column is also multiplied by its
naive-Bayes log-count ratio before the fit (NB-SVM); the stored weights include that ratio.
``fit(..., sample_weight=...)`` weighs rows in the loss. A binary logistic regression (L2,
scipy's L-BFGS; no scikit-learn at runtime; fitting is in ``manyi.annotate.sentiment.fit``) turns
them
into a logit ``z = bias + Σ weight × value``; the stored feature → weight tables are plain
dicts, so ``explain`` can list the terms of that sum. ``predict_proba`` computes the same sums
for a whole batch in numpy (``_batch_logits``): character n-grams packed into int64 and token
ids, one hash look-up each, summed per comment (and per clause) with ``np.bincount``.

Probabilities: the comment head
-------------------------------
The same look-ups also score each clause of a comment alone. The comment head
(``manyi.annotate.sentiment.head``), a small softmax regression fitted on labelled rows the n-gram
weights did not see — neutral rows included — turns the comment's and its clauses' logits
and its opinion evidence into P(negative), P(neutral), P(positive): contrast, the last
clause, complaints against praise and neutral are learnt, not written as rules.

Models without a head (fitted with under 30 held-out or neutral rows, or files of older
versions) use the neutral rule: with q = sigmoid(a·z + c) (Platt),
``p_neutral = (1 − |2q − 1|) · (1 − |P − N| / (P + N))`` (0 when P = N = 0 counts as
balanced), ``p_positive = q · (1 − p_neutral)``, ``p_negative = (1 − q) · (1 − p_neutral)``.
A head fitted on positive and negative labels alone (a user's 好评/差评) gives q; the same rule
then makes neutral, its p_neutral scaled down until at most 0.2 % of the labelled rows the
head was fitted on come out neutral (``info_["neutral_scale"]``).

``score_frame`` is what the pipeline calls, for comments and for the clauses of mentions.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from manyi.annotate.sentiment.explain import contributions_of
from manyi.annotate.sentiment.features import (  # noqa: F401  (normalize_labels, proba_labels: re-exported)
    CLASSES,
    _char_grams,
    _word_bigrams,
    feature_lists,
    normalize_labels,
    proba_labels,
)
from manyi.annotate.sentiment.lookup import (  # noqa: F401  (_Lexicon, EMOJI_OPINIONS: re-exported)
    _ZEROS,
    EMOJI_OPINIONS,
    Batch,
    _add_rows,
    _batch_evidence,
    _char_owner,
    _checked_spans,
    _Found,
    _gram_positions,
    _Grouping,
    _Lexical,
    _lexical_hits,
    _Lexicon,
    _LookupTables,
    _packed_grams,
    _polarity_array,
    _sigmoid_array,
    _span_map,
)
from manyi.annotate.sentiment.mentions import mention_proba  # noqa: F401  (re-exported)
from manyi.annotate.sentiment.store import MODEL_FORMAT, load_model, save_model  # noqa: F401
from manyi.annotate.sentiment.terms import gram_view, term_mask
from manyi.errors import InputError, ModelError

MODEL_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL_PATH = MODEL_DIR / "sentiment"

_BATCH = 5_000  # comments scored together: bounds the batch arrays to some 30 MB


class SentimentModel:
    """Three-way sentiment with the scikit-learn shape; learned state ends in ``_``.

    >>> model = default_model()
    >>> model.predict(["物流很快，质量很好", "质量太差了，不会再买"]).tolist()
    ['positive', 'negative']
    """

    def __init__(self, *, alpha: float = 0.25, min_df: int = 2, max_features: int = 400_000,
                 calibration_share: float = 0.1, lexicon_domain: str | None = "ecommerce",
                 max_iter: int = 400, nb_scale: bool = False,
                 negation_scope: bool = False, term_placeholders: bool | str = False,
                 term_shrink: float = 1.0) -> None:
        self.alpha = alpha
        self.min_df = min_df
        self.max_features = max_features
        self.calibration_share = calibration_share
        self.lexicon_domain = lexicon_domain
        self.max_iter = max_iter
        self.nb_scale = nb_scale
        self.negation_scope = negation_scope
        self.term_placeholders = term_placeholders
        self.term_shrink = term_shrink

    # -- fitting -----------------------------------------------------------------------
    def fit(self, texts: Sequence[str], labels: Sequence[object],
            tokens: Sequence[Sequence[str]] | None = None, *, lexicon=None,
            sample_weight: Sequence[float] | None = None,
            groups: Sequence[str] | None = None) -> SentimentModel:
        """Fit on labelled comments (labels: 1/0, pos/neg, 正面/负面/中性, …).

        A share of the rows (``calibration_share``, chosen by a hash of the text, so the same
        data always gives the same split) is held out of the weight fit to calibrate q.
        ``sample_weight`` (one non-negative number per row; default all 1) weighs each row's
        term of the loss, rescaled to mean 1 so that ``alpha`` keeps its meaning.
        ``groups`` (one name per row, such as its industry): the comment head then learns
        from scores of groups the n-gram weights did not see (``fit.fit_model``).
        """
        from manyi.annotate.sentiment.fit import checked_weights, fit_model

        texts = [str(t) for t in texts]
        labels = normalize_labels(labels)
        if len(texts) != len(labels):
            raise InputError(f"{len(texts)} texts but {len(labels)} labels")
        if sample_weight is not None:  # before the slow part: segmenting
            sample_weight = checked_weights(sample_weight, len(texts))
        if not (isinstance(self.term_shrink, (int, float)) and 0 < self.term_shrink < math.inf):
            raise InputError(f"term_shrink must be a positive number, not {self.term_shrink!r}")
        if tokens is None:
            tokens = _tokens_for(texts)
        if lexicon is None:
            lexicon = _load_lexicon(self.lexicon_domain)
        lexicon = _Lexicon.from_lexicon(lexicon)
        self.terms_ = term_mask(self.term_placeholders, lexicon)
        self._lookup = None
        fit_model(self, texts, [list(t) for t in tokens], labels, lexicon, sample_weight, groups)
        return self

    def adapt_to(self, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None,
                 *, confidence: float = 0.9) -> SentimentModel:
        """A copy adapted to a dump's own comments, without labels: self-training on the
        comments it labels with probability ≥ ``confidence``
        (``manyi.annotate.sentiment.fit.adapt``).

        >>> base = default_model()
        >>> base.adapt_to(["好吃"] * 3) is base  # too few confident rows: unchanged
        True
        """
        from manyi.annotate.sentiment.fit import adapt

        self._check_fitted()
        texts = [str(t) for t in texts]
        if tokens is None:
            tokens = _tokens_for(texts)
        return adapt(self, texts, [list(t) for t in tokens], confidence=confidence)

    # -- scoring -----------------------------------------------------------------------
    def _check_fitted(self) -> None:
        if not hasattr(self, "heads_"):
            raise ModelError("this SentimentModel is not fitted; call fit() or load()")

    def _logits(self, text: str, tokens: Sequence[str]) -> tuple[list[float], float, float]:
        """Raw logits of each head, and the (P, N) opinion evidence, of one comment.

        The plain dict-based definition of the score; :meth:`_batch_logits` computes the same
        numbers for a whole batch at once (a test holds the two together).
        """
        text = text.replace("\x00", " ")  # as in the batch, where NUL separates comments
        pos, neg = self.lexicon_.evidence(text, tokens)
        # the n-grams read the negated words marked, the names of things as placeholders
        negation = self._lookup_tables().negation if self.negation_scope else None
        text, tokens = gram_view(text, tokens, negation, getattr(self, "terms_", None))
        words = _word_bigrams(tokens)
        length = len(text)
        n_grams = length + max(length - 1, 0) + max(length - 2, 0)  # char 1-, 2-, 3-grams
        scale = 1.0 / math.sqrt(max(n_grams + len(tokens) + len(words), 1))
        lex_pos, lex_neg = math.log1p(pos), math.log1p(neg)
        out = []
        for chars, word, pair, (w_pos, w_neg, bias, scaled_bias) in self._tables:
            get = chars.get
            bigrams, trigrams = _char_grams(text)
            char_total = (sum(map(get, text, _ZEROS)) + sum(map(get, bigrams, _ZEROS))
                          + sum(map(get, trigrams, _ZEROS)))
            total = (scaled_bias + char_total + sum(map(word.get, tokens, _ZEROS))
                     + sum(map(pair.get, words, _ZEROS)))
            out.append(bias + total * scale + w_pos * lex_pos + w_neg * lex_neg)
        return out, pos, neg

    def _batch_logits(self, texts: Sequence[str], tokens: Sequence[Sequence[str]],
                      spans: np.ndarray | None = None,
                      extra: Sequence[np.ndarray] | None = None,
                      batch: Batch | None = None) -> tuple | list:
        """Logits (n, heads) and the (P, N) opinion evidence of a whole batch, in numpy.

        The same sums as :meth:`_logits`, without a Python loop per comment: every feature of
        the batch goes into one array with the index of its comment, is mapped to a weight row
        by one hash look-up, and is summed per comment with ``np.bincount``.

        ``spans`` (rows of comment, start, end, first token, end token; in text order) adds
        rows for stretches of the comments (their clauses) after the comments' rows, each the
        score of ``text[start:end]`` with ``tokens[first:end token]`` alone, summed from the
        same look-ups: a feature counts for a span when it lies wholly inside it.

        With ``extra`` (more sets of spans, e.g. the comments' clauses, which may overlap
        ``spans``; each set in text order and not overlapping) it returns a list of
        (logits, P, N) triples instead: comments, spans, then each extra set. ``batch``: the
        batch's code points and tokens already looked up (:class:`Batch`).
        """
        tables = self._lookup_tables()
        n = len(texts)
        if batch is None:
            batch = Batch.of(tables, texts, tokens)
        codes, doc, n_chars, flat, lengths, ids = batch[:6]
        gram_ids = batch.gram_ids  # the n-grams read the negated words marked
        # character 1-, 2-, 3-grams, packed into int64 (see _pack_order): where each found
        # gram starts in the joined text, and how long it is
        found = tables.chars.get_indexer(_packed_grams(batch.gram_codes))
        at = np.flatnonzero(found >= 0)
        chars = _Found(at, tables.char_weights[found[at]])
        m = len(codes)
        size = 1 + (at >= m) + (at >= 2 * m - 1)
        start = at - np.where(size == 1, 0, np.where(size == 2, m, 2 * m - 1))
        # words and word bigrams, through one token → id map
        known = np.flatnonzero(gram_ids >= 0)
        words = _Found(known, tables.word_weights[gram_ids[known]])
        owner = np.repeat(np.arange(n), lengths)
        # word bigrams within a comment (a span never holds one that crosses comments)
        both = np.flatnonzero((gram_ids[:-1] >= 0) & (gram_ids[1:] >= 0)
                              & (owner[:-1] == owner[1:]))
        found = tables.pairs.get_indexer(gram_ids[both] * tables.vocab_size
                                         + gram_ids[both + 1])
        pairs = _Found(both[found >= 0], tables.pair_weights[found[found >= 0]])
        lexical = _lexical_hits(tables, ids, codes, flat, lengths)

        first_token = np.cumsum(lengths) - lengths
        group = _Grouping(n, doc[start], owner[words.at], owner[pairs.at], first_token, owner,
                          doc[lexical.emoji])
        logits, pos, neg = self._group_logits(tables, chars, words, pairs, lexical, group,
                                              n_chars, lengths)
        sets = [spans] if extra is None else [spans, *extra]
        out = []
        for these in sets:
            if these is None or not len(these):
                out.append((np.zeros((0, logits.shape[1])), np.zeros(0), np.zeros(0)))
                continue
            # the spans, in the coordinates of the joined text and of the flat token list
            offset = np.cumsum(n_chars + 1) - (n_chars + 1)
            comment = these[:, 0]
            begin, end = offset[comment] + these[:, 1], offset[comment] + these[:, 2]
            t_begin = first_token[comment] + these[:, 3]
            t_end = first_token[comment] + these[:, 4]
            char_span = _span_map(len(codes), begin, end)
            token_span = _span_map(len(flat), t_begin, t_end)
            gram_span = char_span[start]
            gram_span[gram_span != char_span[start + size - 1]] = -1  # a gram wholly inside
            pair_span = token_span[pairs.at]
            pair_span[pair_span != token_span[pairs.at + 1]] = -1
            group = _Grouping(len(these), gram_span, token_span[words.at], pair_span, t_begin,
                              token_span, char_span[lexical.emoji])
            out.append(self._group_logits(tables, chars, words, pairs, lexical, group,
                                          these[:, 2] - these[:, 1], these[:, 4] - these[:, 3]))
        if extra is not None:
            return [(logits, pos, neg), *out]
        return (np.concatenate([logits, out[0][0]]), np.concatenate([pos, out[0][1]]),
                np.concatenate([neg, out[0][2]]))

    def _group_logits(self, tables: _LookupTables, chars: _Found, words: _Found,
                      pairs: _Found, lexical: _Lexical, group: _Grouping, n_chars: np.ndarray,
                      n_tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Logits and evidence of each group (comment or span) from the batch's look-ups."""
        totals = np.zeros((group.size, self.heads_))
        for h in range(self.heads_):
            totals[:, h] = tables.scaled_bias[h]
        _add_rows(totals, *chars.of(group.chars))
        _add_rows(totals, *words.of(group.words))
        _add_rows(totals, *pairs.of(group.pairs))
        pos, neg = _batch_evidence(tables, lexical, group)
        n_grams = (n_chars + np.maximum(n_chars - 1, 0) + np.maximum(n_chars - 2, 0)
                   + n_tokens + np.maximum(n_tokens - 1, 0))
        scale = 1.0 / np.sqrt(np.maximum(n_grams, 1))
        logits = (tables.bias + totals * scale[:, None] + np.outer(np.log1p(pos), tables.w_pos)
                  + np.outer(np.log1p(neg), tables.w_neg))
        return logits, pos, neg

    def warm(self) -> None:
        """Build the batch look-up tables now (else at the first batch scored): a process
        pool forked afterwards shares them instead of building them in every worker."""
        if getattr(self, "_tables", None) is not None:
            self._lookup_tables()

    def _lookup_tables(self) -> _LookupTables:
        tables = getattr(self, "_lookup", None)
        if tables is None:
            tables = self._lookup = _LookupTables(self._tables, self.lexicon_,
                                                  getattr(self, "negation_scope", False),
                                                  getattr(self, "terms_", None))
        return tables

    def _proba_from_logits(self, logits: np.ndarray, pos: np.ndarray, neg: np.ndarray
                           ) -> np.ndarray:
        if logits.shape[1] == 1:  # binary model + the neutral rule (module docstring)
            a, c = self.calibration_
            from manyi.annotate.sentiment.head import neutral_rule

            return neutral_rule(_sigmoid_array(a * logits[:, 0] + c), pos, neg)
        z = logits / self.calibration_[0]
        exps = np.exp(z - z.max(axis=1, keepdims=True))
        return exps / exps.sum(axis=1, keepdims=True)

    def _batch_proba(self, texts: Sequence[str], tokens: Sequence[Sequence[str]],
                     spans: np.ndarray) -> np.ndarray:
        """Probabilities of a batch's comments, then of its spans: from the comment head
        when the model has one, else from the neutral rule (module docstring)."""
        if getattr(self, "head_", None) is None:
            return self._proba_from_logits(*self._batch_logits(texts, tokens, spans))
        return self._head_proba(self._head_features(texts, tokens, spans))

    def _head_features(self, texts: Sequence[str], tokens: Sequence[Sequence[str]],
                       spans: np.ndarray | None = None) -> np.ndarray:
        """The comment head's input (``manyi.annotate.sentiment.head.FEATURES``) of the
        comments, then of the spans, each span with its own clauses exactly as if it were a
        comment alone."""
        from manyi.annotate.sentiment import head

        if spans is None:
            spans = np.zeros((0, 5), dtype=np.int64)
        tables = self._lookup_tables()
        batch = Batch.of(tables, texts, tokens)
        n_chars = batch.n_chars
        sep, contrast = tables.is_separator[batch.ids], tables.is_contrast[batch.ids]
        clauses, first_contrast, _ = head.clause_spans_of(n_chars, batch.lengths, batch.size,
                                                          sep, contrast)
        # the spans' clauses as if each span were a comment alone: its tokens picked out
        first_token = np.cumsum(batch.lengths) - batch.lengths
        span_tokens = spans[:, 4] - spans[:, 3]
        picked = np.repeat(first_token[spans[:, 0]] + spans[:, 3]
                           - (np.cumsum(span_tokens) - span_tokens), span_tokens) \
            + np.arange(int(span_tokens.sum()))
        sub, sub_contrast, _ = head.clause_spans_of(spans[:, 2] - spans[:, 1], span_tokens,
                                                    batch.size[picked], sep[picked],
                                                    contrast[picked])
        inside = sub.copy()  # the spans' clauses, in the coordinates of their comments
        if len(sub):
            base = spans[sub[:, 0]]
            inside[:, 0] = base[:, 0]
            inside[:, 1:3] += base[:, 1:2]
            inside[:, 3:5] += base[:, 3:4]
        (z, pos, neg), (zs, ps, ns), (zc, _, _), (zi, _, _) = self._batch_logits(
            texts, tokens, spans, [clauses, inside], batch)
        offset = np.cumsum(n_chars + 1) - (n_chars + 1)  # where each text starts in codes
        X = head.features(_polarity_array(z), pos, neg, n_chars,
                          head.questions_of(batch.codes, offset, offset + n_chars),
                          _polarity_array(zc), clauses[:, 0], first_contrast)
        if not len(spans):
            return X
        Xs = head.features(_polarity_array(zs), ps, ns, spans[:, 2] - spans[:, 1],
                           head.questions_of(batch.codes, offset[spans[:, 0]] + spans[:, 1],
                                             offset[spans[:, 0]] + spans[:, 2]),
                           _polarity_array(zi), sub[:, 0],
                           sub_contrast)
        return np.vstack([X, Xs])

    def _head_proba(self, X: np.ndarray) -> np.ndarray:
        from manyi.annotate.sentiment import head

        if self.head_.shape[1] == 3:
            return head.proba(X, self.head_)
        # a head fitted without neutral labels: its q, and the neutral rule on the evidence,
        # scaled as the fit found (files of older versions: 1)
        return head.two_class_proba(X, self.head_, self.info_.get("neutral_scale", 1.0))

    def predict_proba(self, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None,
                      spans: Sequence[tuple[int, int, int, int, int]] | None = None
                      ) -> np.ndarray:
        """Probabilities, shape (n, 3), columns in CLASSES order (negative, neutral, positive).

        ``spans``: rows of (comment, start, end, first token, end token), in text order and
        not overlapping, such as a comment's clauses; their probabilities follow the
        comments' rows, each that of ``texts[comment][start:end]`` with
        ``tokens[comment][first:end token]`` scored alone, at little extra cost.
        """
        self._check_fitted()
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        has_spans = spans is not None and len(spans) > 0
        if tokens is None:
            if has_spans:
                raise InputError("spans count in the caller's tokens: pass tokens with them")
            tokens = _tokens_for(texts)
        if len(tokens) != len(texts):
            raise InputError(f"{len(texts)} texts but {len(tokens)} token lists")
        spans = _checked_spans(spans if has_spans else np.zeros((0, 5), dtype=np.int64),
                               texts, tokens)
        if not texts:
            return np.zeros((len(spans), 3))
        n = len(texts)
        proba = np.empty((n + len(spans), 3))
        cut = np.searchsorted(spans[:, 0], np.arange(0, n + _BATCH, _BATCH))
        for batch, start in enumerate(range(0, n, _BATCH)):  # bounded memory on big inputs
            stop = start + _BATCH
            here = spans[cut[batch]:cut[batch + 1]] - (start, 0, 0, 0, 0)
            rows = self._batch_proba(texts[start:stop], tokens[start:stop], here)
            proba[start:start + len(rows) - len(here)] = rows[:len(rows) - len(here)]
            proba[n + cut[batch]:n + cut[batch + 1]] = rows[len(rows) - len(here):]
        return proba

    def predict(self, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None
                ) -> np.ndarray:
        """The most probable label of each comment, from CLASSES."""
        return proba_labels(self.predict_proba(texts, tokens))

    def decision_function(self, texts: Sequence[str],
                          tokens: Sequence[Sequence[str]] | None = None) -> np.ndarray:
        """Positive-minus-negative logit of each comment (before calibration)."""
        self._check_fitted()
        if tokens is None:
            tokens = _tokens_for(list(texts))
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        if not texts:
            return np.zeros(0)
        logits = np.concatenate([self._batch_logits(texts[i:i + _BATCH], tokens[i:i + _BATCH])[0]
                                 for i in range(0, len(texts), _BATCH)])
        return logits[:, 0] if logits.shape[1] == 1 else logits[:, 2] - logits[:, 0]

    # -- explaining --------------------------------------------------------------------
    def explain(self, text: str, tokens: Sequence[str] | None = None, top: int = 8, *,
                by: str = "word") -> list[tuple[str, float]]:
        """The strongest terms of the positive-minus-negative logit, signed, strongest first.

        ``by="word"`` (default) credits each character n-gram to the words it overlaps and each
        lexicon hit to its phrase (不…好·词典), so the list reads as words of the comment;
        ``by="feature"`` lists the raw features (``char:不错``, ``word:不错``, ``bigram:不 错``,
        ``lexicon:positive``). The contributions plus ``("(bias)", …)`` sum to the logit.

        >>> default_model().explain("快递太慢了", top=1)[0][0]
        '太慢'
        """
        self._check_fitted()
        if tokens is None:
            tokens = _tokens_for([text])[0]
        contributions = contributions_of(self, text, list(tokens), by)
        ranked = sorted((kv for kv in contributions.items() if kv[1] != 0.0),
                        key=lambda kv: (-abs(kv[1]), kv[0]))
        return [(name, round(value, 4)) for name, value in ranked[:top]]

    # -- persistence -------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write ``path.npz`` (weights) and ``path.json`` (everything else); no pickle."""
        save_model(self, path)

    @classmethod
    def load(cls, path: str | Path) -> SentimentModel:
        """Read a model written by :meth:`save` (``path`` with or without suffix)."""
        return load_model(cls, path)

    def _set_state(self, tables, classes, calibration, lexicon: _Lexicon, info: dict,
                   head: np.ndarray | None = None) -> None:
        self.head_ = head
        self._tables = tables
        self.heads_ = len(tables)
        self.classes_ = classes
        self.calibration_ = calibration
        self.lexicon_ = lexicon
        self.info_ = info
        self.n_features_ = sum(len(c) + len(w) + len(p) for c, w, p, _ in tables)

    def get_params(self, deep: bool = True) -> dict:
        """The constructor's keyword configuration (scikit-learn convention)."""
        return {k: getattr(self, k) for k in ("alpha", "min_df", "max_features",
                                              "calibration_share", "lexicon_domain", "max_iter",
                                              "nb_scale", "negation_scope",
                                              "term_placeholders", "term_shrink")}

    def __repr__(self) -> str:
        return f"SentimentModel({', '.join(f'{k}={v!r}' for k, v in self.get_params().items())})"


# -- the shipped model and the pipeline's entry points ---------------------------------
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def default_model() -> SentimentModel:
    """The shipped model (``manyi/annotate/sentiment/models/sentiment.npz`` + ``.json``), loaded
    once, lazily."""
    with _LOCK:
        if not DEFAULT_MODEL_PATH.with_suffix(".npz").exists():
            raise ModelError(f"{DEFAULT_MODEL_PATH}.npz is missing; reinstall manyi or run "
                             "`python scripts/train_sentiment.py`")
        return SentimentModel.load(DEFAULT_MODEL_PATH)


def score_frame(texts: list[str], tokens: list[list[str]] | None = None,
                model: SentimentModel | None = None) -> pd.DataFrame:
    """p_negative, p_neutral, p_positive, sentiment, sentiment_score (= p_pos − p_neg).

    >>> score_frame(["房间很大很干净", "但是隔音太差"])["sentiment"].tolist()
    ['positive', 'negative']
    """
    model = model or default_model()
    proba = model.predict_proba(texts, tokens)
    return pd.DataFrame({
        "p_negative": proba[:, 0], "p_neutral": proba[:, 1], "p_positive": proba[:, 2],
        "sentiment": proba_labels(proba),
        "sentiment_score": proba[:, 2] - proba[:, 0],
    })


@lru_cache(maxsize=4)
def _load_lexicon(domain: str | None):
    from manyi.errors import LexiconError
    from manyi.text.lexicon import Lexicon

    try:
        return Lexicon.load(domain)
    except LexiconError:
        return Lexicon.load(None)  # domain pack not there yet: the core pack alone


@lru_cache(maxsize=2)
def _segmenter(domain: str | None):
    from manyi.text.segment import Segmenter

    return Segmenter(_load_lexicon(domain))


def _tokens_for(texts: Sequence[str]) -> list[list[str]]:
    """Tokens from a cached Segmenter (default lexicon), for callers that did not segment."""
    segmenter = _segmenter("ecommerce")
    return [segmenter.cut(t) for t in texts]
