"""round_like_python gives what Python's round(x, digits) gives, value for value (the
mentions' scores and degrees are written with it)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from manyi.annotate.rounding import round_like_python


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=50),
       st.integers(min_value=0, max_value=8))
def test_any_floats_round_as_python_does(values, digits):
    got = round_like_python(np.array(values, dtype=np.float64), digits).tolist()
    assert list(map(repr, got)) == [repr(round(v, digits)) for v in values]


@pytest.mark.parametrize("value, digits", [
    (0.3035, 3),      # 0.30349999…: numpy's round gives 0.304, Python's 0.303
    (0.03125, 4),     # an exact half: to even, 0.0312
    (2.675, 2),
    (-0.00004, 4),    # −0.0, the sign kept
    (-0.0, 4),
    (0.8762499999999999, 4),
    (1.5, 0),
    (1e300, 4),
])
def test_near_halves_and_signs(value, digits):
    got = round_like_python(np.array([value]), digits).tolist()[0]
    assert repr(got) == repr(round(value, digits))


def test_near_halves_of_real_scores_round_as_python_does():
    # scores are thirds and halves of tanh values: many products land near a half
    rng = np.random.default_rng(24)
    values = np.concatenate([np.tanh(rng.normal(0, 2, 20_000)) * w for w in (1, 2 / 3, 0.5)])
    values = np.concatenate([values, np.round(values, 4) + 0.00005, np.round(values, 3) + 0.0005])
    for digits in (3, 4):
        got = round_like_python(values, digits).tolist()
        assert got == [round(v, digits) for v in values.tolist()]
