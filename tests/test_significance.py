"""manyi.analysis.significance gives scipy.stats' figures without importing scipy.stats."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from manyi.analysis.significance import bh_q_values, fisher_exact


def tables():
    rng = np.random.default_rng(7)
    for scale in (4, 30, 500, 50_000, 2_000_000):
        for _ in range(60 if scale < 50_000 else 8):
            a, b, c, d = (int(v) for v in rng.integers(0, scale, 4))
            yield a, b, c, d
            yield a, a + 3, a + 3, a  # a symmetric table: ties on both sides
    yield 0, 0, 0, 0
    yield 0, 10, 0, 5
    yield 2000, 0, 0, 2000  # far in the tail


@pytest.mark.parametrize("alternative", ["two-sided", "greater"])
def test_fisher_exact_matches_scipy(alternative):
    for a, b, c, d in tables():
        expected = stats.fisher_exact([[a, b], [c, d]], alternative=alternative)[1]
        got = fisher_exact(a, b, c, d, alternative)
        assert 0.0 <= got <= 1.0
        assert got == pytest.approx(expected, rel=1e-8, abs=1e-300), (a, b, c, d)


def test_fisher_exact_near_ties_and_huge_counts():
    # a table 1.00000009 times as likely as the observed one is not a tie (p = 0.2336 exactly)
    assert fisher_exact(162, 192, 36, 31) == pytest.approx(0.23363913134277095, rel=1e-12)
    assert fisher_exact(49, 169, 27, 136) == pytest.approx(
        stats.fisher_exact([[49, 169], [27, 136]])[1], rel=1e-12)
    assert fisher_exact(10**9, 10**9, 10**9, 10**9) == 1.0  # symmetric: an exact tie


def test_fisher_exact_rejects_bad_input():
    with pytest.raises(ValueError, match="alternative"):
        fisher_exact(1, 2, 3, 4, "less-ish")
    with pytest.raises(ValueError, match="negative"):
        fisher_exact(5, -2, 1, 3)


def test_bh_q_values_match_scipy():
    rng = np.random.default_rng(3)
    for m in (0, 1, 2, 17, 300):
        p = rng.random(m) ** 3
        if m > 5:
            p[4] = p[2]  # a tie
        assert np.array_equal(bh_q_values(p), stats.false_discovery_control(p) if m else p)

