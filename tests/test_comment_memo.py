"""The annotator's memo of short comments (``Annotator._read_all``) gives what reading each
comment afresh gives: the same annotation columns and mentions, row for row."""

from __future__ import annotations

import pandas as pd
import pytest

from manyi.annotate.annotator import Annotator

# Real short reviews, repeated as dumps repeat them, with near twins that a wrong memo key
# would mix up: punctuation, one character more or less, the same first 20 characters of a
# longer comment, a full-width form that normalises to the same text.
PIECES = [
    ["好评", "默认好评", "很好吃", "很好吃!", "不好吃", "好评", "很好吃", "默认好评"],
    ["物流很快，但是包装破了", "物流很快，但是包装破了！", "物流很快", "物流很慢",
     "物流很快，但是包装破了", "质量不错，就是价格有点贵，下次还会再来",
     "质量不错，就是价格有点贵，下次还会再来吗？不会了", "质量不错，就是价格有点贵，下次还会再来"],
    ["好评", "很好吃！", "很好吃!", "酒店环境不错，服务员态度很好", "酒店环境不错，服务员态度很好",
     "不错", "一般", "不错", "还行吧", "还行吧", "一般般"],
]


def _annotated(annotator: Annotator, texts: list[str], first_row: int) -> tuple:
    ids = [f"c{first_row + i}" for i in range(len(texts))]
    return annotator.annotate(ids, texts, first_row)


@pytest.fixture(scope="module")
def annotators() -> tuple[Annotator, Annotator]:
    memo, fresh = Annotator(), Annotator()
    fresh.memo_chars = 0
    return memo, fresh


@pytest.mark.parametrize("n", range(len(PIECES)))
def test_the_memo_gives_what_reading_afresh_gives(annotators, n):
    memo, fresh = annotators
    first_row = sum(map(len, PIECES[:n]))
    texts = PIECES[n]
    got, want = _annotated(memo, texts, first_row), _annotated(fresh, texts, first_row)
    pd.testing.assert_frame_equal(got[0], want[0])
    pd.testing.assert_frame_equal(got[1], want[1])


def test_a_repeated_short_comment_is_read_once(annotators):
    memo, _ = annotators
    longer = "质量不错，就是价格有点贵，下次还会再来吗？不会了"
    assert len(longer) > memo.memo_chars
    tokens, found = memo._read_all(["很好吃", "很好吃", longer, longer])
    assert tokens[0] is tokens[1] and found[0] is found[1]
    assert [m.opinion for m in found[0][0]] == ["很好吃"]
    assert tokens[2] is not tokens[3] and longer not in memo._memo  # read each time
