"""A mention's sentiment from its own clause (and the clauses that judge what it names).

>>> from manyi.annotate.sentiment.model import default_model
>>> mention_proba(default_model(), ["先上来的是西芹，很脆"], [["先", "上来", "的", "是", "西芹",
...               "，", "很", "脆"]], [5], [7]).argmax(axis=1).tolist()
[2]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def mention_proba(model: Any, texts: Sequence[str], tokens: Sequence[Sequence[str]],
                  starts: Sequence[int], ends: Sequence[int], *, reach: int = 2) -> np.ndarray:
    """Probabilities (n, 3) of each mention (``texts[i][starts[i]:ends[i]]``) by ``model``
    (a fitted ``SentimentModel``; not imported here, the model module re-exports this
    function) from its own clause:
    the clause of ``manyi.annotate.sentiment.head.clause_spans`` that holds the mention's first
    character (the whole comment when it is one clause). A clause without an opinion word
    names the thing that the next clauses judge (先上来的是养生西芹，很青口，很脆): it is
    scored together with up to ``reach`` following clauses, up to the first with one, not
    across a contrast word.

    >>> from manyi.annotate.sentiment.model import default_model
    >>> mention_proba(default_model(), ["房间很大但是隔音太差"] * 2,
    ...               [["房间", "很大", "但是", "隔音", "太差"]] * 2, [0, 6], [2, 8]
    ...               ).argmax(axis=1).tolist()
    [2, 0]
    """
    from manyi.annotate.sentiment.head import clause_spans

    texts, tokens = list(texts), list(tokens)
    clauses, contrast, _ = clause_spans(texts, tokens)
    chosen = np.full(len(texts), -1)
    starts = np.asarray(starts, dtype=np.int64)
    if len(clauses):
        # the last clause of the mention's comment that starts at or before the mention
        order = clauses[:, 0] * (1 << 32) + clauses[:, 1]
        at = np.searchsorted(order, np.arange(len(texts)) * (1 << 32) + starts,
                             side="right") - 1
        ok = (at >= 0) & (clauses[np.maximum(at, 0), 0] == np.arange(len(texts)))
        chosen[ok] = at[ok]
    rows = np.flatnonzero(chosen >= 0)
    spans = clauses[chosen[rows]] if len(rows) else np.zeros((0, 5), dtype=np.int64)
    spans[:, 0] = rows
    if len(spans) and reach > 0:
        spans[:, 2:] = clauses[_reach(model, texts, tokens, clauses, contrast, chosen[rows],
                                    reach), 2:]
    proba = model.predict_proba(texts, tokens, spans)
    out = proba[:len(texts)].copy()
    out[rows] = proba[len(texts):]
    return out


def _reach(model: Any, texts: list[str], tokens: list[list[str]],
           clauses: np.ndarray, contrast: np.ndarray, chosen: np.ndarray, reach: int
           ) -> np.ndarray:
    """The clause that ends each mention's stretch: its own when it holds an opinion word,
    else the first of the next ``reach`` clauses of its comment that does (the last of them
    when none does); never one that opens with a contrast word (房间很大 | 但是隔音太差)."""
    _, pos, neg = model._batch_logits(texts, tokens, [], [clauses])[2]
    opinion = (pos + neg) > 0
    end = chosen.copy()
    open_ = ~opinion[chosen]
    for _ in range(reach):
        step = end + 1
        fits = open_ & (step < len(clauses))
        fits[fits] = (clauses[step[fits], 0] == clauses[end[fits], 0]) & ~contrast[step[fits]]
        end[fits] = step[fits]
        open_ = fits & ~opinion[np.minimum(step, len(clauses) - 1)]
    return end
