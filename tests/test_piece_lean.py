"""A worker's piece built leaner, the same values: the mentions' word columns straight into
Arrow (``annotator._word_array``), the evidence quotes' (key, term) pairs numbered from the
columns' codes (``themes._pair_codes``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from manyi.analysis.themes import _pair_codes
from manyi.annotate.annotator import _word_array

TEXT = pd.Series(["文"]).dtype
WORDS = st.text(alphabet=st.sampled_from("好差味道包装物流很快,，!\x1f|¦ a1"), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_word_columns_are_the_arrays_pandas_builds(values):
    got, expected = _word_array(tuple(values), TEXT), pd.array(list(values), dtype=TEXT)
    assert got.dtype == expected.dtype and type(got) is type(expected)
    assert got.tolist() == expected.tolist()
    pd.testing.assert_series_equal(pd.Series(got), pd.Series(expected), check_exact=True)


def test_a_word_column_that_is_not_all_strings_is_left_to_pandas():
    values = ("很好", None, float("nan"), "差")
    got, expected = _word_array(values, TEXT), pd.array(list(values), dtype=TEXT)
    pd.testing.assert_series_equal(pd.Series(got), pd.Series(expected))
    assert pd.Series(got).isna().tolist() == [False, True, True, False]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["product/taste", "logistics/speed", "a|b", ""]),
                          WORDS), max_size=60))
def test_pairs_are_numbered_as_factorising_the_pairs_does(pairs):
    left = pd.Series([a for a, _ in pairs], dtype=object)
    right = pd.Series([b for _, b in pairs], dtype=object)
    expected = pd.factorize(pd.MultiIndex.from_arrays([left, right]))[0]
    got = _pair_codes(left, right)
    assert got.dtype.kind == "i" and np.array_equal(got, expected)


def test_pairs_that_share_a_side_stay_apart():
    left = pd.Series(["味道", "味道", "包装", "包装", "味道"], dtype=object)
    right = pd.Series(["咸", "淡", "咸", "咸", "咸"], dtype=object)
    assert _pair_codes(left, right).tolist() == [0, 1, 2, 2, 0]
