"""round_like_python gives what Python's round(x, digits) gives, value for value, and the
mentions table built column by column is the one DataFrame.from_records gave."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from manyi.annotate import annotator
from manyi.annotate.annotator import MENTION_COLUMNS, Annotator
from manyi.annotate.rounding import round_like_python

COMMENTS = ["物流很快，质量不错，性价比很高", "价格不贵，但是快递太慢了", "看着还可以",
            "此用户没有填写评价。", "客服态度很差，再也不买了", "等了70分钟才送到，菜都凉了",
            "宝贝收到了，和描述的一样，很满意"]


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


@pytest.mark.parametrize("ids", [[f"A{i}" for i in range(7)], list(range(100, 107))])
def test_mentions_frame_is_the_table_from_records_gave(monkeypatch, ids):
    seen = []
    built = annotator._mentions_frame
    monkeypatch.setattr(annotator, "_mentions_frame",
                        lambda records: seen.append(records) or built(records))
    _, mentions = Annotator().annotate(ids, COMMENTS)
    records = seen[0]
    rounded = [(*r[:9], round(r[9], 3), *r[10:12], round(r[12], 4), *r[13:]) for r in records]
    expected = pd.DataFrame.from_records(rounded, columns=MENTION_COLUMNS)
    assert len(mentions) > len(COMMENTS)
    pd.testing.assert_frame_equal(mentions, expected, check_exact=True)
    assert mentions.to_csv(index=False) == expected.to_csv(index=False)
