import pytest
from hypothesis import given
from hypothesis import strategies as st

from manyi.normalize import normalize_text, opinion_core


@pytest.mark.parametrize("raw, expected", [
    ("質量很好，物流很快", "质量很好,物流很快"),            # traditional → simplified
    ("ＯＫ，１００分！！！", "OK,100分!"),                 # full-width, repeated punctuation
    ("好评👍👍，下次还来😂", "好评👍👍,下次还来😂"),          # emoji kept as they are
    ("客服电话13812345678打不通", "客服电话[PHONE]打不通"),
    ("详情见 https://m.example.com/a?b=1 真坑", "详情见 [URL] 真坑"),
    ("发到 someone@qq.com 了", "发到 [EMAIL] 了"),
    ("  物流\t\t很快 \n\n 包装好  ", "物流 很快\n包装好"),
    ("太失望了。。。", "太失望了。"),
    ("坏\x00了\x07", "坏 了"),
])
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@given(st.text())
def test_normalising_twice_changes_nothing(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_opinion_core_drops_punctuation_and_emoji():
    assert opinion_core("此用户没有填写评价。👍 ") == "此用户没有填写评价"
