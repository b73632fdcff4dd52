"""Significance tests of the drivers and alerts: Fisher's exact test and Benjamini–Hochberg.

The same figures as ``scipy.stats.fisher_exact`` and ``scipy.stats.false_discovery_control``
(to about 1e-9), without loading ``scipy.stats``, which takes 1.5 s of every CLI run: the
hypergeometric probabilities come from ``scipy.special.gammaln`` over the support at once.

>>> round(fisher_exact(8, 2, 1, 5), 6), round(fisher_exact(8, 2, 1, 5, "greater"), 6)
(0.034965, 0.024476)
>>> bh_q_values([0.01, 0.04, 0.03]).round(3).tolist()
[0.03, 0.04, 0.04]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

# Tables within this relative tolerance count as likely as the one observed (as in R's
# fisher.test; scipy's 1e-14 is below the rounding of probabilities summed from gammaln).
_TIES = 1 + 1e-7
# exp(-800) is 0 in float64: hypergeometric probabilities that far from the mean vanish.
_NEGLIGIBLE = 800


def fisher_exact(a: float, b: float, c: float, d: float, alternative: str = "two-sided"
                 ) -> float:
    """p-value of Fisher's exact test of the table [[a, b], [c, d]]: ``two-sided`` (tables
    no likelier than the one observed) or ``greater`` (odds ratio above 1)."""
    a, b, c, d = (int(round(v)) for v in (a, b, c, d))
    row, other, column = a + b, c + d, a + c  # X = a ~ hypergeometric(row + other, row, column)
    low, high = max(0, column - other), min(column, row)
    # Hoeffding: P(|X − mean| ≥ t) ≤ 2·exp(−2t²/n), n the smaller of row and column
    reach = math.isqrt(_NEGLIGIBLE * max(min(row, column), 1) // 2) + 2
    mean = row * column / max(row + other, 1)
    start, stop = max(low, int(mean) - reach), min(high, int(mean) + reach)
    log_p = _log_pmf(np.arange(start, stop + 1), row, other, column)
    if alternative == "greater":
        return min(float(np.exp(log_p[max(a - start, 0):]).sum()) if a <= stop else 0.0, 1.0)
    if alternative != "two-sided":
        raise ValueError("alternative must be 'two-sided' or 'greater'")
    observed = float(np.exp(_log_pmf(np.array([a]), row, other, column)[0]))
    probabilities = np.exp(log_p)
    likeliest = float(probabilities.max())
    if abs(observed - likeliest) / max(observed, likeliest) <= _TIES - 1:
        return 1.0
    return min(float(probabilities[probabilities <= observed * _TIES].sum()), 1.0)


def _log_pmf(x: np.ndarray, row: int, other: int, column: int) -> np.ndarray:
    """log P(X = x) for X hypergeometric: ``column`` draws from ``row`` + ``other``."""
    from scipy.special import gammaln

    def log_choose(n, k):
        return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1)

    return (log_choose(row, x) + log_choose(other, column - x)
            - log_choose(row + other, column))


def bh_q_values(p_values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values), in the order given."""
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    if m <= 1:
        return p.copy()
    order = np.argsort(p)
    q = p[order] * (m / np.arange(1, m + 1, dtype=float))
    q = np.clip(np.minimum.accumulate(q[::-1])[::-1], 0.0, 1.0)
    out = np.empty(m)
    out[order] = q
    return out
