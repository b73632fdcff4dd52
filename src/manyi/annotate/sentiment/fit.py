"""Fitting the sentiment model: the n-gram weights (binary logistic regression, NB-scaled,
L-BFGS) and the comment head. Called by :meth:`manyi.annotate.sentiment.model.SentimentModel.fit`;
it does
not import :mod:`manyi.annotate.sentiment.model` (no import cycle): the model comes in as an
argument.

>>> checked_weights([1, 0.5], 2).tolist()
[1.0, 0.5]
"""

from __future__ import annotations

import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from manyi.annotate.sentiment.features import CLASSES, feature_lists
from manyi.annotate.sentiment.negation import NegationScope
from manyi.annotate.sentiment.terms import gram_view
from manyi.errors import InputError

# -- fitting -------------------------------------------------------------------------
CROSS_FOLDS = 4  # folds of groups (industries) for the head's cross-fitted scores


def fit_model(model, texts: list[str], tokens: list[list[str]],
              labels: list[str], lexicon,
              sample_weight: Sequence[float] | None = None,
              groups: Sequence[str] | None = None) -> None:
    """Fit ``model`` in place (called by :meth:`SentimentModel.fit`).

    The n-gram weights are a binary (negative/positive) fit on the positive and negative
    rows. The comment head (``manyi.annotate.sentiment.head``) is fitted on scores the n-gram
    weights did not see:

    * with ``groups`` (one name per row, such as its industry; three or more among the
      polar rows) the groups are dealt into CROSS_FOLDS folds, the n-gram weights are fitted
      once per fold without it, and the head learns from every row's score by the fit that
      left its group out: from scores of an industry the weights never saw, as a user's
      comments are. The shipped n-gram weights are then fitted on all polar rows;
    * without, on a hash-chosen share of the rows (``calibration_share``) held out of the
      n-gram fit, plus every neutral row.

    With too few head rows (under 30) the model keeps the neutral rule and a Platt
    calibration instead.

    ``sample_weight`` (one non-negative number per row, or None for all 1) weighs each row's
    term of the loss; it is rescaled to mean 1 over the rows of each fit, so ``alpha``
    means the same with or without it. The naive-Bayes ratios and the vocabulary
    (``min_df``) do not use it."""
    from manyi.annotate.sentiment import head as sentiment_head

    if not {"negative", "positive"} <= set(labels):
        raise InputError(f"need positive and negative rows to fit, got {sorted(set(labels))}")
    y3 = np.array([CLASSES.index(label) for label in labels])
    neutral = y3 == 1
    polar = ~neutral
    if sample_weight is not None:
        sample_weight = checked_weights(sample_weight, len(labels))
    folds = group_folds(groups, polar, CROSS_FOLDS) if groups is not None else None
    if folds is not None:
        held = np.zeros(len(texts), dtype=bool)
    else:
        held = np.array([_calibration_row(t, model.calibration_share) for t in texts]) \
            & ~neutral
    if (polar & ~held).sum() < 2 or len(set(y3[polar & ~held])) < 2:
        held[:] = False
    y = (y3 == 2).astype(int)
    docs = _docs(model, texts, tokens, lexicon)
    classes = ("negative", "positive")
    shrunk = shrunk_features(model, lexicon)
    tables, stats = _fit_ngrams(model, docs, np.flatnonzero(polar & ~held), y, sample_weight,
                                texts, tokens, lexicon, shrunk)
    model._set_state(tables, classes, (1.0, 0.0), lexicon, {})

    head_rows = np.arange(len(texts)) if folds is not None else np.flatnonzero(held | neutral)
    head, calibration, scale = None, (1.0, 0.0), {}
    if len(head_rows) >= 30 and len(set(y3[head_rows]) - {1}) == 2:
        if folds is not None:
            features = cross_features(model, texts, tokens, y3, folds, lexicon, sample_weight,
                                      docs)
        else:
            features = _features_of(model, texts, tokens, head_rows)
        weight = np.ones(len(head_rows)) if sample_weight is None \
            else sample_weight[head_rows]
        if neutral.any():
            head = fit_head(features, y3[head_rows], weight)
        else:
            head = sentiment_head.fit(features, y[head_rows], 2, sample_weight=weight)
        head = np.round(head, 8)  # as the model file keeps it
        if head.shape[1] == 2:
            scale = {"neutral_scale": sentiment_head.two_class_scale(features, head,
                                                                      NEUTRAL_SHARE)}
    else:
        calibration = _calibrate(model, [texts[i] for i in np.flatnonzero(held)],
                                 [tokens[i] for i in np.flatnonzero(held)], y[held], 1)
    counts = Counter(labels)
    model._set_state(tables, classes, calibration, lexicon, {
        "rows": len(texts), "head_rows": int(len(head_rows)) if head is not None else 0,
        "calibration_rows": int(held.sum()),
        "cross_fitted_folds": int(folds.max() + 1) if folds is not None else 0,
        "label_counts": {c: counts.get(c, 0) for c in CLASSES}, **stats,
        "lexicon_opinion_words": len(lexicon.opinions), **scale,
        **({"name_features": len(shrunk)} if shrunk else {})}, head)


def _features_of(scorer, texts, tokens, rows: np.ndarray) -> np.ndarray:
    """The head's input of ``rows``, scored by ``scorer``, in parts of 5,000."""
    return np.vstack([scorer._head_features([texts[i] for i in part], [tokens[i] for i in part])
                      for part in np.array_split(rows, max(1, len(rows) // 5000))])


def cross_features(model, texts: list[str], tokens: list[list[str]], y3: np.ndarray,
                   folds: np.ndarray, lexicon, sample_weight: np.ndarray | None = None,
                   docs: list | None = None) -> np.ndarray:
    """The head's input of every row, each scored by n-gram weights fitted (with ``model``'s
    settings) on the positive and negative rows of the other folds."""
    import copy

    from manyi.annotate.sentiment.head import FEATURES

    if docs is None:
        docs = _docs(model, texts, tokens, lexicon)
    shrunk = shrunk_features(model, lexicon)
    polar, y = y3 != 1, (y3 == 2).astype(int)
    features = np.zeros((len(texts), len(FEATURES)))
    for fold in range(int(folds.max()) + 1):
        inside = folds == fold
        tables, _ = _fit_ngrams(model, docs, np.flatnonzero(polar & ~inside), y,
                                sample_weight, texts, tokens, lexicon, shrunk)
        scorer = copy.copy(model)
        scorer._lookup = None
        scorer._set_state(tables, ("negative", "positive"), (1.0, 0.0), lexicon, {})
        features[inside] = _features_of(scorer, texts, tokens, np.flatnonzero(inside))
    return features


def group_folds(groups: Sequence[str], polar: np.ndarray, k: int) -> np.ndarray | None:
    """Fold (0 … k−1) of each row: its group's, groups dealt largest first to the fold with
    the fewest rows so far (ties: the lower fold); None with under three groups among the
    polar rows."""
    groups = np.asarray([str(g) for g in groups], dtype=object)
    if len(groups) != len(polar):
        raise InputError(f"groups needs one value per text: {len(groups)} for {len(polar)}")
    names, inverse = np.unique(groups, return_inverse=True)
    if len(set(inverse[polar])) < 3:
        return None
    k = min(k, len(names))
    sizes = np.bincount(inverse, minlength=len(names))
    load = np.zeros(k)
    fold_of = np.zeros(len(names), dtype=np.int64)
    for g in sorted(range(len(names)), key=lambda g: (-sizes[g], names[g])):
        fold_of[g] = int(np.argmin(load))
        load[fold_of[g]] += sizes[g]
    return fold_of[inverse]


def shrunk_features(model, lexicon) -> frozenset[str]:
    """The n-gram features whose L2 penalty ``model.term_shrink`` multiplies: those inside a
    name (``terms.name_features`` of the lexicon's aspect terms, ``TermMask.from_packs``);
    empty when the factor is 1."""
    if getattr(model, "term_shrink", 1.0) == 1.0:
        return frozenset()
    from manyi.annotate.sentiment.terms import TermMask, name_features

    return frozenset(name_features(TermMask.from_packs().terms, lexicon))


def _fit_ngrams(model, docs, fit_rows: np.ndarray, y: np.ndarray, sample_weight,
                texts, tokens, lexicon, shrunk: frozenset[str] = frozenset()
                ) -> tuple[list, dict]:
    """The n-gram and lexicon weights (the model's tables) fitted on ``fit_rows``; the
    features in ``shrunk`` with ``model.term_shrink`` × the L2 penalty (客服 keeps the weight
    the data strongly support, loses the rest)."""
    row_weight = None
    if sample_weight is not None:
        row_weight = sample_weight[fit_rows]
        if row_weight.sum() <= 0:
            raise InputError("sample_weight is 0 on every row of the fit")
        row_weight = row_weight * (len(row_weight) / row_weight.sum())
    index = vocabulary(docs, fit_rows, model.min_df)
    keys = list(index)
    X = _matrix(docs, fit_rows, index, texts, tokens, lexicon)
    ratio = _nb_ratio(X, y[fit_rows], len(keys)) if model.nb_scale else None
    if ratio is not None:
        from scipy import sparse

        X = X @ sparse.diags(np.concatenate([ratio, np.ones(X.shape[1] - len(keys))]))
    penalty = np.ones(X.shape[1])
    if shrunk:
        penalty[[i for i, k in enumerate(keys) if k in shrunk]] = model.term_shrink
    weights = _lbfgs(X, y[fit_rows], 1, model.alpha, model.max_iter,  # (d + 3, 1)
                     row_weight, penalty)
    del X
    if ratio is not None:  # the stored weight of a feature multiplies its unscaled value
        weights[:len(keys)] *= ratio[:, None]
    ngram = weights[:len(keys)]
    strength = np.abs(ngram).max(axis=1)
    keep = np.flatnonzero(strength > 1e-4)
    if len(keep) > model.max_features:
        keep = keep[np.argsort(-strength[keep], kind="stable")[:model.max_features]]
    keep.sort()
    groups = {"c": {}, "w": {}, "p": {}}
    for i in keep:
        groups[keys[i][0]][keys[i][1:]] = float(np.float32(ngram[i, 0]))
    # one shared lexicon weight for log1p(P) − log1p(N), stored as (w, −w, bias)
    lex_weight, scaled_bias, bias = (float(np.float32(v)) for v in weights[len(keys):, 0])
    tables = [(groups["c"], groups["w"], groups["p"],
               (lex_weight, -lex_weight, bias, scaled_bias))]
    return tables, {"features": int(len(keep)), "vocabulary_before_pruning": len(keys)}


NEUTRAL_WEIGHTS = (0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)
NEUTRAL_SHARE = 0.002


def fit_head(features: np.ndarray, y3: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """The three-class head. Neutral rows are few and their labels soft (味道一般), so a
    plain fit almost never says neutral; their weight in the loss is the largest of
    NEUTRAL_WEIGHTS with which at most NEUTRAL_SHARE of the positive and negative rows of
    this fit come out neutral (fitted on the training rows, never on evaluation rows)."""
    from manyi.annotate.sentiment import head as sentiment_head

    polar = y3 != 1
    chosen = None
    for factor in NEUTRAL_WEIGHTS:
        head = sentiment_head.fit(features, y3, 3,
                                  sample_weight=weight * np.where(polar, 1.0, factor),
                                  tied=sentiment_head.signed_rows())
        share = (sentiment_head.proba(features[polar], head).argmax(axis=1) == 1).mean()
        if chosen is not None and share > NEUTRAL_SHARE:
            break
        chosen = head
    return chosen


def vocabulary(docs: Sequence[Sequence[str]], rows: Iterable[int], min_df: int
               ) -> dict[str, int]:
    """Column of each feature found in at least ``min_df`` of the ``rows`` of ``docs``, in
    sorted order."""
    df = Counter()
    for row in rows:
        df.update(set(docs[row]))
    return {k: i for i, k in enumerate(sorted(k for k, n in df.items() if n >= min_df))}


def checked_weights(sample_weight, n: int) -> np.ndarray:
    """``sample_weight`` as a float array of ``n`` finite non-negative numbers, or InputError."""
    try:
        weights = np.asarray(sample_weight, dtype=np.float64)
    except (TypeError, ValueError):
        weights = None
    if weights is None or weights.shape != (n,) or not np.isfinite(weights).all() \
            or (weights < 0).any():
        raise InputError(f"sample_weight needs {n} finite non-negative numbers, one per text")
    return weights


def _nb_ratio(X, y: np.ndarray, d: int) -> np.ndarray:
    """NB-SVM's log-count ratio of each n-gram column: log of its (smoothed) share of the
    positive rows' features over its share of the negative rows' (Wang & Manning 2012)."""
    present = X[:, :d].copy()
    present.data[:] = 1.0
    pos = 1.0 + np.asarray(present[y == 1].sum(axis=0)).ravel()
    neg = 1.0 + np.asarray(present[y == 0].sum(axis=0)).ravel()
    return np.log(pos / pos.sum()) - np.log(neg / neg.sum())


def _calibration_row(text: str, share: float) -> bool:
    return zlib.crc32(text.encode("utf-8")) % 10_000 < share * 10_000


def _docs(model, texts: list[str], tokens: list[list[str]], lexicon) -> list[list[str]]:
    """Each row's n-gram features, the negated words marked and the names of things as
    placeholders when the model says so (``manyi.annotate.sentiment.negation``, ``.terms``)."""
    terms = getattr(model, "terms_", None)
    if not getattr(model, "negation_scope", False) and terms is None:
        return [_prefixed(text, toks) for text, toks in zip(texts, tokens)]
    negation = NegationScope(lexicon) if getattr(model, "negation_scope", False) else None
    return [_prefixed(*gram_view(text.replace("\x00", " "), toks, negation, terms))
            for text, toks in zip(texts, tokens)]


def _prefixed(text: str, tokens: Sequence[str]) -> list[str]:
    chars, words, pairs = feature_lists(text, tokens)
    return ["c" + g for g in chars] + ["w" + w for w in words] + ["p" + p for p in pairs]


def _matrix(docs, rows, index, texts, tokens, lexicon):
    """CSR of the n-gram counts / √(n-grams), log1p(P) − log1p(N), 1 / √(n-grams) (a bias
    that shrinks with the evidence, as the n-gram sum does), then 1 (the plain bias).

    One signed lexicon column rather than two: with separate columns the intercept learns
    "no positive word found → negative", which makes short clauses without lexicon words
    (房间很大) lean negative and ties the model to the lexicon's coverage."""
    from scipy import sparse

    d = len(index)
    indptr, cols, vals = array("q", [0]), array("i"), array("f")
    for row in rows:
        feats = docs[row]
        scale = 1.0 / np.sqrt(max(len(feats), 1))
        idx = [i for i in map(index.get, feats) if i is not None]
        pos, neg = lexicon.evidence(texts[row], tokens[row])
        cols.extend(idx)
        vals.extend([scale] * len(idx))
        cols.extend((d, d + 1, d + 2))
        vals.extend((np.log1p(pos) - np.log1p(neg), scale, 1.0))
        indptr.append(len(cols))
    X = sparse.csr_matrix((np.frombuffer(vals, dtype=np.float32).astype(np.float64),
                           np.frombuffer(cols, dtype=np.int32),
                           np.frombuffer(indptr, dtype=np.int64)), shape=(len(rows), d + 3))
    X.sum_duplicates()
    return X


def _lbfgs(X, y: np.ndarray, heads: int, alpha: float, max_iter: int,
           sample_weight: np.ndarray | None = None, penalty: np.ndarray | None = None
           ) -> np.ndarray:
    """L2 logistic (heads = 1) or softmax (heads = 3) regression; the bias is not penalised.
    ``sample_weight`` multiplies each row's loss term (None: all 1); ``penalty`` each
    column's L2 penalty (None: all 1)."""
    from scipy.optimize import minimize
    from scipy.special import expit, log_expit, logsumexp

    n, d = X.shape
    penalty = np.ones(d) if penalty is None else np.array(penalty, dtype=np.float64)
    penalty[-1] = 0.0
    rw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    if heads == 1:
        sign = np.where(y == 1, 1.0, -1.0)

        def loss(w):
            z = X @ w
            grad_z = -sign * expit(-sign * z) * rw
            value = -(rw * log_expit(sign * z)).sum() + 0.5 * alpha * (penalty * w) @ w
            return value, X.T @ grad_z + alpha * penalty * w
    else:
        onehot = np.eye(heads)[y]

        def loss(w):
            W = w.reshape(d, heads)
            Z = X @ W
            lse = logsumexp(Z, axis=1)
            value = (rw * (lse - (Z * onehot).sum(axis=1))).sum()
            P = np.exp(Z - lse[:, None])
            grad = X.T @ ((P - onehot) * rw[:, None]) + alpha * penalty[:, None] * W
            return value + 0.5 * alpha * (penalty[:, None] * W * W).sum(), grad.ravel()

    result = minimize(loss, np.zeros(d * heads), jac=True, method="L-BFGS-B",
                      options={"maxiter": max_iter, "maxcor": 20})
    return result.x.reshape(d, heads)


def _calibrate(model, texts, tokens, y: np.ndarray, heads: int) -> tuple:
    """Platt (a, c) for a binary model, a temperature for softmax, on the held-out rows."""
    from scipy.optimize import minimize
    from scipy.special import log_expit, log_softmax

    if len(texts) < 20 or len(set(y.tolist())) < 2:
        return (1.0, 0.0) if heads == 1 else (1.0,)
    logits = model._batch_logits(list(texts), list(tokens))[0]
    if heads == 1:
        z, sign = logits[:, 0], np.where(y == 1, 1.0, -1.0)
        result = minimize(lambda p: -log_expit(sign * (p[0] * z + p[1])).sum(), [1.0, 0.0],
                          method="Nelder-Mead", options={"xatol": 1e-6, "fatol": 1e-8})
        return tuple(round(float(v), 6) for v in result.x)
    result = minimize(lambda p: -log_softmax(logits / max(p[0], 1e-3), axis=1)[
        np.arange(len(y)), y].sum(), [1.0], method="Nelder-Mead")
    return (round(float(max(result.x[0], 1e-3)), 6),)


def adapt(model, texts: list[str], tokens: list[list[str]], *, confidence: float = 0.9,
          alpha: float = 1.0, min_df: int = 3, max_iter: int = 100):
    """A copy of ``model`` adapted to ``texts`` without labels (self-training).

    The comments the model labels positive or negative with probability ≥ ``confidence``
    become pseudo-labelled rows; a correction to the n-gram weights is fitted on them with the
    model's own logit as a fixed offset and an L2 penalty ``alpha`` pulling the correction to
    0, over the n-grams found in at least ``min_df`` of the dump's comments. Words of the
    dump that co-occur with confident opinions (这家的锅气足 beside 好吃) gain weight.
    Deterministic; the comment head is kept as it is. Returns the model itself when fewer
    than 20 rows of each side are confident.
    """
    import copy

    from scipy.optimize import minimize
    from scipy.special import expit, log_expit

    proba = model.predict_proba(texts, tokens)
    pos = proba[:, 2] >= confidence
    neg = proba[:, 0] >= confidence
    if pos.sum() < 20 or neg.sum() < 20:
        return model
    rows = np.flatnonzero(pos | neg)
    sign = np.where(pos[rows], 1.0, -1.0)
    offset = model.decision_function([texts[i] for i in rows], [tokens[i] for i in rows])
    docs = _docs(model, texts, tokens, model.lexicon_)
    index = vocabulary(docs, range(len(texts)), min_df)
    X = _matrix(docs, rows, index, texts, tokens, model.lexicon_)[:, :len(index)]
    # balance the two sides, so that a dump that is mostly praise does not drift positive
    weight = np.where(sign > 0, len(rows) / (2 * pos.sum()), len(rows) / (2 * neg.sum()))

    def loss(w):
        z = offset + X @ w
        value = -(weight * log_expit(sign * z)).sum() + 0.5 * alpha * w @ w
        return value, X.T @ (-sign * expit(-sign * z) * weight) + alpha * w

    delta = minimize(loss, np.zeros(len(index)), jac=True, method="L-BFGS-B",
                     options={"maxiter": max_iter}).x
    out = copy.copy(model)
    chars, words, pairs, dense = model._tables[0]
    tables = {"c": dict(chars), "w": dict(words), "p": dict(pairs)}
    for key, value in zip(index, delta):
        if abs(value) > 1e-4:
            table = tables[key[0]]
            table[key[1:]] = float(np.float32(table.get(key[1:], 0.0) + value))
    info = {**model.info_, "adapted_to": len(texts), "pseudo_labelled": int(len(rows))}
    out._set_state([(tables["c"], tables["w"], tables["p"], dense)], model.classes_,
                   model.calibration_, model.lexicon_, info, model.head_)
    out._lookup = None
    return out
