"""The comment head: a comment's three-way label from the scores of its clauses.

The n-gram model (``manyi.annotate.sentiment.model``) gives a logit ``z`` to a whole comment and,
from the
same look-ups, to each of its clauses. The head is a small softmax regression (negative,
neutral, positive) over a few numbers made from them, fitted on labelled comments that the
n-gram weights did not see, neutral ones included (sentences whose every opinion is neutral,
from the aspect sets). It learns, rather than being told:

* how the clauses weigh: the last one, the most negative and most positive one, the sum of
  complaints against the sum of praise (口味不错，送餐速度太慢了 → negative);
* what follows a contrast word (但 可是 不过 就是 只是 然而 可惜 …);
* when a comment is neutral: small scores and no opinion words (客户来电咨询套餐，暂不办理),
  or opinions that balance.

Clauses are token runs between punctuation tokens, with a new clause before a contrast word
(房间很大但是隔音太差 → 房间很大 | 但是隔音太差).

>>> spans, contrast, count = clause_spans(["好，但是慢"], [["好", "，", "但是", "慢"]])
>>> spans.tolist(), contrast.tolist(), count.tolist()
([[0, 0, 1, 0, 1], [0, 2, 5, 2, 4]], [False, True], [2])
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np

CONTRAST_WORDS = frozenset({"但", "但是", "可是", "不过", "然而", "只是", "就是", "可惜", "却",
                            "而是", "无奈", "只不过", "遗憾"})
# The head's clauses are its own, fixed with the fitted weights: the extractor's also end at a
# list number (text/segment.py list_numbers), these do not.
_SEPARATOR_CHARS = "，,。.!！?？;；~～…、:：\n\r\t ()（）[]【】\"“”'‘’|/\\-—"
SEPARATORS = frozenset(_SEPARATOR_CHARS) | {a + b for a in "，,。.!！?？;；~～…、" for b in
                                            "，,。.!！?？;；~～…、"} | {"……", "...", "。。。"}
QUESTION = frozenset("?？吗呢")
_TRAILING = "。.!！~～… "  # stripped before a question mark is looked for
_QUESTION_CODES = np.array(sorted(map(ord, QUESTION)))
_TRAILING_CODES = np.array(sorted(map(ord, _TRAILING)))
FEATURES = ("z", "z_last", "z_first", "z_min", "z_max", "contrast", "z_after_contrast",
            "z_before_contrast", "complaints", "praise", "abs_z", "abs_z_last", "log_p",
            "log_n", "one_sided", "no_evidence", "log_chars", "log_clauses", "question")
# the features that do not change sign with the opinion (how strong it is, how one-sided,
# how long): the only ones that may move neutral against negative and positive. Every
# other feature is "signed" and tied (weights −s, 0, +s up to a common shift): it moves
# negative against positive and leaves neutral at their mean, so that neutral means "no
# opinion or opinions that balance", not "mildly negative". (A zero neutral weight alone
# would not do it: a softmax is the same after adding one number to a row's three weights.)
SYMMETRIC = frozenset({"contrast", "abs_z", "abs_z_last", "one_sided", "no_evidence",
                       "log_chars", "log_clauses", "question"})


def clause_spans(texts: Sequence[str], tokens: Sequence[Sequence[str]]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Clauses of the comments that have two or more: rows of (comment, start, end, first
    token, end token) in text order; whether each starts with a contrast word; and the
    number of clauses of every comment (1 for a comment kept whole, also when its tokens do
    not spell its text)."""
    flat = list(chain.from_iterable(tokens))
    m = len(flat)
    return clause_spans_of(
        np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)),
        np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens)),
        np.fromiter(map(len, flat), dtype=np.int64, count=m),
        np.fromiter(map(SEPARATORS.__contains__, flat), dtype=bool, count=m),
        np.fromiter(map(CONTRAST_WORDS.__contains__, flat), dtype=bool, count=m))


def clause_spans_of(n_chars: np.ndarray, lengths: np.ndarray, size: np.ndarray,
                    sep: np.ndarray, contrast: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`clause_spans` from arrays: each text's characters and tokens, and of every
    token of the batch (texts' tokens one after the other) its length and whether it is a
    separator or a contrast word (the model finds these in its token look-up).

    >>> tokens = ["好", "，", "但是", "慢"]  # 好，但是慢
    >>> spans, contrast, count = clause_spans_of(
    ...     np.array([5]), np.array([4]), np.array([1, 1, 2, 1]),
    ...     np.array([False, True, False, False]), np.array([False, False, True, False]))
    >>> spans.tolist(), contrast.tolist(), count.tolist()
    ([[0, 0, 1, 0, 1], [0, 2, 5, 2, 4]], [False, True], [2])
    """
    n, m = len(n_chars), len(size)
    count = np.ones(n, dtype=np.int64)
    empty = np.zeros((0, 5), dtype=np.int64)
    if not m:
        return empty, np.zeros(0, dtype=bool), count
    owner = np.repeat(np.arange(n), lengths)
    first_token = np.cumsum(lengths) - lengths
    char_end = np.cumsum(size)
    char_start = char_end - size
    comment_chars = np.bincount(owner, weights=size, minlength=n).astype(np.int64)
    tiled = comment_chars == n_chars
    local = char_start - char_start[first_token[owner]]
    kept = np.flatnonzero(~sep & tiled[owner])
    if not len(kept):
        return empty, np.zeros(0, dtype=bool), count
    starts = np.ones(len(kept), dtype=bool)
    starts[1:] = ((owner[kept[1:]] != owner[kept[:-1]]) | (kept[1:] != kept[:-1] + 1)
                  | contrast[kept[1:]])
    clause = np.cumsum(starts) - 1
    n_clauses = int(clause[-1]) + 1
    first = kept[starts]
    last = np.zeros(n_clauses, dtype=np.int64)
    last[clause] = kept  # the last kept token of each clause wins
    c_owner = owner[first]
    per_comment = np.bincount(c_owner, minlength=n)
    count = np.maximum(per_comment, 1)
    multi = per_comment[c_owner] >= 2
    first, last, c_owner = first[multi], last[multi], c_owner[multi]
    spans = np.column_stack([c_owner, local[first], local[last] + size[last],
                             first - first_token[c_owner], last + 1 - first_token[c_owner]])
    return spans.astype(np.int64), contrast[first], count


def features(z: np.ndarray, pos: np.ndarray, neg: np.ndarray, n_chars: np.ndarray,
             question: np.ndarray, clause_z: np.ndarray, clause_owner: np.ndarray,
             clause_contrast: np.ndarray) -> np.ndarray:
    """The head's input (rows: texts, columns: FEATURES) from the texts' logits ``z`` and
    opinion evidence, and the logits of the clauses of those texts that have two or more
    (their text's row in ``clause_owner``, in text order)."""
    n = len(z)
    z_last, z_first, z_min, z_max = z.copy(), z.copy(), z.copy(), z.copy()
    has_contrast = np.zeros(n)
    after, before = np.zeros(n), np.zeros(n)
    complaints, praise = np.maximum(-z, 0.0), np.maximum(z, 0.0)
    clauses = np.ones(n)
    if len(clause_z):
        o = clause_owner
        present = np.unique(o)
        is_last = np.ones(len(o), dtype=bool)
        is_last[:-1] = o[1:] != o[:-1]
        is_first = np.ones(len(o), dtype=bool)
        is_first[1:] = o[1:] != o[:-1]
        z_last[o[is_last]] = clause_z[is_last]
        z_first[o[is_first]] = clause_z[is_first]
        z_min[present] = np.inf
        z_max[present] = -np.inf
        np.minimum.at(z_min, o, clause_z)
        np.maximum.at(z_max, o, clause_z)
        counts = np.bincount(o, minlength=n)
        clauses[present] = counts[present]
        scale = np.sqrt(np.maximum(clauses, 1.0))
        complaints[present] = (np.bincount(o, weights=np.maximum(-clause_z, 0.0), minlength=n)
                               / scale)[present]
        praise[present] = (np.bincount(o, weights=np.maximum(clause_z, 0.0), minlength=n)
                           / scale)[present]
        # a contrast word opening a clause other than the first: the clauses from the last
        # such word on, against those before it
        marked = clause_contrast & ~is_first
        if marked.any():
            index = np.arange(len(o))
            last_mark = np.full(n, -1)
            np.maximum.at(last_mark, o[marked], index[marked])
            mark = last_mark[o]
            has = mark >= 0
            later = has & (index >= mark)
            earlier = has & (index < mark)
            n_later = np.bincount(o[later], minlength=n)
            n_earlier = np.bincount(o[earlier], minlength=n)
            sum_later = np.bincount(o[later], weights=clause_z[later], minlength=n)
            sum_earlier = np.bincount(o[earlier], weights=clause_z[earlier], minlength=n)
            has_contrast = (n_later > 0).astype(float)
            after = np.divide(sum_later, n_later, out=np.zeros(n), where=n_later > 0)
            before = np.divide(sum_earlier, n_earlier, out=np.zeros(n), where=n_earlier > 0)
    evidence = pos + neg
    one_sided = np.divide(np.abs(pos - neg), evidence, out=np.zeros(n), where=evidence > 0)
    return np.column_stack([
        z, z_last, z_first, z_min, z_max, has_contrast, after, before, complaints, praise,
        np.abs(z), np.abs(z_last), np.log1p(pos), np.log1p(neg), one_sided,
        (evidence == 0).astype(float), np.log1p(n_chars), np.log(clauses),
        question.astype(float)])


def has_question(texts: Sequence[str]) -> np.ndarray:
    """Whether each text ends (before trailing punctuation) in a question: ? 吗 呢."""
    ends = (t.rstrip(_TRAILING)[-1:] for t in texts)
    return np.fromiter((e in QUESTION for e in ends), dtype=bool, count=len(texts))


def questions_of(codes: np.ndarray, begin: np.ndarray, end: np.ndarray) -> np.ndarray:
    """:func:`has_question` of each stretch ``codes[begin:end]`` of a batch's code points.

    >>> codes = np.array([ord(c) for c in "好吗？行"])
    >>> questions_of(codes, np.array([0, 0, 3]), np.array([3, 4, 4])).tolist()
    [True, False, False]
    """
    idx = np.arange(len(codes))
    # the last position at or before each one that is not trailing punctuation
    last = np.maximum.accumulate(np.where(np.isin(codes, _TRAILING_CODES), -1, idx)) \
        if len(codes) else idx
    j = last[np.maximum(end - 1, 0)] if len(codes) else np.full(len(end), -1)
    found = (j >= begin) & (end > begin)
    return found & np.isin(codes[np.maximum(j, 0)], _QUESTION_CODES) if len(codes) \
        else found


def signed_rows(d: int | None = None) -> np.ndarray:
    """Whether each weight row (features, then the bias) is tied as −s, 0, +s: every feature
    not in SYMMETRIC; the bias is free."""
    names = FEATURES if d is None else FEATURES[:d]
    return np.array([name not in SYMMETRIC for name in names] + [False])


def fit(X: np.ndarray, y: np.ndarray, classes: int, *, alpha: float = 1.0,
        sample_weight: np.ndarray | None = None, tied: np.ndarray | None = None
        ) -> np.ndarray:
    """Weights (features + 1, classes) of an L2 softmax regression; the last row is the bias,
    not penalised. Features are used as they are (their scales are alike: logits, logs).
    ``tied`` (one bool per row, three classes only): those rows are −s, 0, +s, one number
    fitted (:func:`signed_rows`)."""
    from scipy.optimize import minimize
    from scipy.special import logsumexp

    n, d = X.shape
    A = np.column_stack([X, np.ones(n)])
    onehot = np.eye(classes)[y]
    rw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    rw = rw * (n / rw.sum())
    penalty = np.ones((d + 1, 1))
    penalty[-1] = 0.0
    tied = np.zeros(d + 1, dtype=bool) if tied is None or classes != 3 \
        else np.asarray(tied, dtype=bool)
    free = ~tied
    n_free = int(free.sum()) * classes
    sign = np.array([-1.0, 0.0, 1.0])

    def weights(theta):
        W = np.zeros((d + 1, classes))
        W[free] = theta[:n_free].reshape(-1, classes)
        if tied.any():
            W[tied] = theta[n_free:, None] * sign
        return W

    def loss(theta):
        W = weights(theta)
        Z = A @ W
        lse = logsumexp(Z, axis=1)
        P = np.exp(Z - lse[:, None])
        value = (rw * (lse - (Z * onehot).sum(axis=1))).sum() + 0.5 * alpha * (
            penalty * W * W).sum()
        grad = A.T @ ((P - onehot) * rw[:, None]) + alpha * penalty * W
        return value, np.concatenate([grad[free].ravel(), grad[tied] @ sign if tied.any()
                                      else np.zeros(0)])

    result = minimize(loss, np.zeros(n_free + int(tied.sum())), jac=True, method="L-BFGS-B",
                      options={"maxiter": 2000})
    return weights(result.x)


def neutral_rule(q: np.ndarray, pos: np.ndarray, neg: np.ndarray, scale: float = 1.0
                 ) -> np.ndarray:
    """(n, 3) probabilities from P(positive | polar) ``q`` and the opinion evidence, for a
    model that learnt no neutral: ``p_neutral = scale · (1 − |2q − 1|) · (1 − |P − N| / (P + N))``
    (uncertain and balanced), the rest split by q. ``scale`` is fitted (``two_class_scale``).

    >>> q, pos, neg = np.array([0.5, 0.9]), np.array([1.0, 2.0]), np.array([1.0, 0.0])
    >>> neutral_rule(q, pos, neg).round(2).tolist()
    [[0.0, 1.0, 0.0], [0.1, 0.0, 0.9]]
    """
    evidence = pos + neg
    one_sided = np.divide(np.abs(pos - neg), evidence, out=np.zeros_like(evidence),
                          where=evidence > 0)
    p_neutral = scale * (1.0 - np.abs(2.0 * q - 1.0)) * (1.0 - one_sided)
    return np.column_stack([(1.0 - q) * (1.0 - p_neutral), p_neutral, q * (1.0 - p_neutral)])


TWO_CLASS_SCALES = (1.0, 0.5, 0.25, 0.1, 0.0)


def two_class_proba(X: np.ndarray, weights: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """(n, 3) probabilities of a head fitted on positive and negative labels only: its q and
    :func:`neutral_rule` on the evidence features."""
    i = FEATURES.index("log_p")
    return neutral_rule(proba(X, weights)[:, 1], np.expm1(X[:, i]), np.expm1(X[:, i + 1]),
                        scale)


def two_class_scale(X: np.ndarray, weights: np.ndarray, share: float) -> float:
    """The largest of TWO_CLASS_SCALES with which at most ``share`` of the (positive and
    negative) rows ``X`` come out neutral: without neutral labels, neutral is kept for
    what the labels leave truly undecided, never a band that swallows clear opinions."""
    for scale in TWO_CLASS_SCALES[:-1]:
        if (two_class_proba(X, weights, scale).argmax(axis=1) == 1).mean() <= share:
            return scale
    return TWO_CLASS_SCALES[-1]  # 0: never neutral


def proba(X: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Softmax of ``[X, 1] @ weights``, summed feature by feature (not by a matrix product,
    whose rounding depends on the batch's size: a comment scores bit for bit the same alone
    or in any batch)."""
    Z = np.broadcast_to(weights[-1], (len(X), weights.shape[1])).copy()
    for j in range(X.shape[1]):
        Z += X[:, j:j + 1] * weights[j]
    Z = Z - Z.max(axis=1, keepdims=True)
    e = np.exp(Z)
    return e / e.sum(axis=1, keepdims=True)
