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
    # HTML character references a scraper left (newcomer9: clauses split at their ;)
    ("&ldquo;物流&rdquo;很快&hellip;&amp;lt;", "“物流”很快.<"),
    # line breaks an export wrote out (newcomer10: 102 of 300 Dianping reviews), not where a
    # real one is
    ("很超值！\\\\n下面详细说说\\n菜", "很超值!\n下面详细说说\n菜"),
    ("路径C:\\new\n第二行", "路径C:\\new\n第二行"),
    # the business's reply is not the customer's voice; the customer's follow-up is
    ("早餐一般。宾馆反馈 2008年8月14日 ：感谢您的点评！期待您的再次光临！", "早餐一般。"),
    ("隔音差。宾馆反馈2008年7月7日：已整改。补充点评2008年7月9日：没改",
     "隔音差。补充点评2008年7月9日:没改"),
    ("质量不错【商家回复】亲，感谢支持", "质量不错"),
    ("客服回复慢,酒店回复说有免费水果,可是没有", "客服回复慢,酒店回复说有免费水果,可是没有"),
    ("问了前台,酒店回复:没有房了", "问了前台,酒店回复:没有房了"),
    # a customer telling what the shop said (review14)
    ("找商家退货，商家回复：不给退，太坑了，差评", "找商家退货,商家回复:不给退,太坑了,差评"),
    ("问掌柜，掌柜回复：明天发，结果一周都没发", "问掌柜,掌柜回复:明天发,结果一周都没发"),
    ("联系客服【客服回复】说没货，垃圾", "联系客服【客服回复】说没货,垃圾"),
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
    list("ＯＫ，！？（）：…；～．ａ１ｶﾞﾊﾟ㈱①ⅰﬁΩÅe\u0301\u0323\u0307\u0308")
    + list("\u1100\u1161\u11a8가각好質量😂 \t")
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


# A column of comments as a dump holds them: the cases above, plus ones where a column pass
# could go wrong at the seams (a text that ends or starts with what a pattern or OpenCC reads
# across: repeated marks, spaces, digits, a phrase of traditional characters, a combining
# mark, a lone surrogate; the joining characters themselves).
COLUMN = [raw for raw, _ in [
    ("質量很好，物流很快", ""), ("ＯＫ，１００分！！！", ""), ("客服电话13812345678打不通", ""),
    ("详情见 https://m.example.com/a?b=1 真坑", ""), ("发到 someone@qq.com 了", ""),
    ("  物流\t\t很快 \n\n 包装好  ", ""), ("太失望了。。。", ""), ("坏\x00了\x07", "")]] + [
    "。。", "！好评", "1381234", "5678 ", "  ", "", "頭髮", "乾燥", "\u0301好", "e\u0301",
    "坏\ud800了", "物\u200b流", "\ue000在里面", "ꙮ字", "👍👍", "此用户没有填写评价。",
    "&ldquo;好&rdquo;", "&amp;", "＆lt;", "房小。宾馆反馈 2008年8月14日 ：谢谢 ", "【掌柜回复】",
]


# the column path itself (COLUMN holds the joining character, which makes it fall back to
# text by text: review14)
REPLIED = ["房小。宾馆反馈 2008年8月14日 ：谢谢 ", "&ldquo;好&rdquo;", "质量好【掌柜回复】谢谢",
           "很超值！\\\\n下面详细说说", "物流快\\n\n包装好",
           "找商家退货，商家回复：不给退", "物流很快",
           "隔音差。宾馆反馈2008年7月7日：已整改。补充点评：没改"]


@pytest.mark.parametrize("column", [COLUMN, COLUMN[::-1], COLUMN[:1], [], COLUMN[:8] * 3,
                                    REPLIED, REPLIED[::-1]])
def test_a_column_normalised_at_once_is_each_text_normalised(column):
    from manyi.text.normalize import normalize_texts, opinion_cores

    assert normalize_texts(column) == [normalize_text(t) for t in column]
    normal = [normalize_text(t) for t in column]
    assert opinion_cores(normal) == [opinion_core(t) for t in normal]


@given(st.lists(TRICKY | st.text()))
def test_normalize_texts_is_normalize_text_of_each(column):
    from manyi.text.normalize import normalize_texts

    assert normalize_texts(column) == [normalize_text(t) for t in column]


def test_prepare_all_is_prepare_of_each():
    from manyi.annotate.annotator import Annotator

    values = [*COLUMN, None, float("nan"), 5, "123", "1.5", "\ufffd\ufffd好", "好\ufffd评价很好"]
    annotator = Annotator()
    texts, flags = annotator.prepare_all(values)
    assert list(zip(texts, flags)) == [annotator.prepare(v) for v in values]
    assert "placeholder" in flags and "empty" in flags and "not_text" in flags
