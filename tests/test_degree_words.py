"""A degree word is one word (issue #19, read on 20,000 shop reviews): 非常 is not the
negation 非 and a word 常, 更加 not 更 and 加. Split, 位置非常接近地铁站 was a negated,
negative verdict on the location, and 噪音非常大, 续航时间非常长 showed the opinion 非常 with
the polarity of nothing said; a negation after the degree word (非常不守时) negates the word
after it. Each case asserts what an analyst reads of one mention, so a rule that finds
nothing fails."""

from __future__ import annotations

import pytest

import manyi

# (comment, the mention's term, its opinion as shown, negated, polarity or None: not asserted)
CASES = [
    ("位置非常接近地铁站", "位置", "非常接近", False, None),
    ("马路噪音非常大，睡不好", "马路噪音", "非常大", False, "negative"),
    ("电池续航时间非常长", "电池续航时间", "非常长", False, "positive"),
    ("性价比非常高", "性价比", "非常高", False, "positive"),
    ("个头稍微小了点", "个头", "稍微小", False, "negative"),
    ("快递非常不守时", "快递", "非常不守时", True, "negative"),
]


@pytest.fixture(scope="module")
def mentions():
    result = manyi.analyze([text for text, *_ in CASES], domain="ecommerce", jobs=1,
                           progress=False)
    return result.mentions


@pytest.mark.parametrize("row, case", list(enumerate(CASES, start=1)))
def test_a_degree_word_heads_the_word_after_it(mentions, row, case):
    text, term, opinion, negated, polarity = case
    found = mentions[(mentions.comment_id.astype(str) == str(row)) & (mentions.term == term)]
    assert len(found) == 1, (text, found)
    mention = found.iloc[0]
    assert (mention.opinion, bool(mention.negated)) == (opinion, negated), text
    if polarity is not None:
        assert mention.polarity == polarity, text
