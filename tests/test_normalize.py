import pytest
from hypothesis import given
from hypothesis import strategies as st

from manyi.text.normalize import normalize_text, opinion_core


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


# Characters where NFKC is more than a per-character table: combining marks, Hangul jamo,
# compatibility characters, astral letters, full-width forms, Chinese and emoji.
TRICKY = st.text(st.sampled_from(
    list("ＯＫ，！？（）ａ１ｶﾞﾊﾟ㈱①ⅰﬁΩÅe\u0301\u0323\u0307\u0308\u1100\u1161\u11a8가각好質量😂 \t")
    + ["\U0001d400", "\U0001f100", "\u2460", "\u3000", "\u00a0", "\u200b"]))


@given(TRICKY)
def test_to_halfwidth_is_exactly_nfkc(text):
    import unicodedata

    from manyi.text.normalize import to_halfwidth

    assert to_halfwidth(text) == unicodedata.normalize("NFKC", text)


@given(st.text(st.sampled_from(list(" \t\n\r\x0b\x0c\x85\xa0\u2000\u2028\u3000\u200b\ufeff\x00"
                                     "\u200c\u200d\u200e\u2060\xad👨"
                                     "!!??,,..。。~～、;…-好a"))))
def test_tidy_spacing_shortcut_changes_nothing(text):
    """tidy_spacing skips its substitutions when it finds nothing to tidy: same result."""
    from manyi.text.normalize import (
        CONTROL,
        LETTER_JOINER,
        NEWLINES,
        REPEATED_PUNCT,
        SPACES,
        ZERO_WIDTH,
        tidy_spacing,
    )

    visible = LETTER_JOINER.sub("", ZERO_WIDTH.sub("", text))
    full = REPEATED_PUNCT.sub(r"\1", NEWLINES.sub("\n", SPACES.sub(" ", CONTROL.sub(" ", visible))))
    assert tidy_spacing(text) == full.strip()


@given(st.lists(st.sampled_from(list("wW.:/@0123456789-好 ") + ["www.", "WwW.", "://"]))
       .map("".join))
def test_private_hint_finds_whatever_the_masks_would_change(text):
    from manyi.text.normalize import EMAIL, PHONE, PRIVATE_HINT, URL, mask_private

    changed = URL.sub("[URL]", EMAIL.sub("[EMAIL]", PHONE.sub("[PHONE]", text))) != text
    assert not changed or PRIVATE_HINT.search(text)
    assert mask_private(text) == PHONE.sub("[PHONE]", EMAIL.sub("[EMAIL]",
                                                                 URL.sub("[URL]", text)))


@pytest.mark.parametrize("text, expected", [
    ("物\u200b流很快", "物流很快"), ("质\u200c量\u2060好", "质量好"), ("\ufeff好\u00ad评", "好评"),
    ("物\u200d流", "物流"), ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"), ("\u200b", "")])
def test_zero_width_characters_vanish_and_do_not_become_spaces(text, expected):
    assert normalize_text(text) == expected == normalize_text(expected)
