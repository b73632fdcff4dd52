"""A complaint word after a handling act is what was handled (客服处理投诉很及时: praise of the
handling, not a complaint); a degree word before a preposition heads no quality (司机还在打电话)."""

import pytest
from conftest import extractor_for


@pytest.fixture(scope="module")
def extract():
    return extractor_for("ecommerce")


@pytest.mark.parametrize("text", ["客服处理投诉很及时", "处理差评很及时"])
def test_what_was_handled_is_no_complaint(extract, text):
    found = [(m.opinion, m.lexicon_score) for m in extract(text) if m.opinion]
    assert found and all(o == "很及时" and s > 0 for o, s in found), found


def test_a_handling_judged_slow_is_still_a_complaint(extract):
    found = [(m.term, m.opinion, m.lexicon_score) for m in extract("返修接单处理慢")]
    assert ("处理", "慢") in [f[:2] for f in found] and all(f[2] < 0 for f in found), found


@pytest.mark.parametrize("text", ["司机还在打电话", "订的闹钟还在"])
def test_still_there_judges_nothing(extract, text):
    assert all(m.opinion != "还在" for m in extract(text)), extract(text)


@pytest.mark.parametrize("text, term, opinion", [("床垫很软", "床垫", "很软"),
                                                  ("这个酒很对我的口味", "酒", "很对")])
def test_a_degree_word_still_heads_a_quality(extract, text, term, opinion):
    assert any(term in m.term and m.opinion == opinion for m in extract(text)), extract(text)



def test_how_it_was_handled_is_still_a_complaint(extract):
    found = [(m.opinion, m.lexicon_score) for m in extract("客服回复搪塞")]
    assert found and all(o == "搪塞" and s < 0 for o, s in found), found


@pytest.mark.parametrize("text", ["原因不清楚", "具体原因不清楚"])
def test_a_reason_unknown_is_no_thing_unclear(extract, text):
    assert all(m.opinion != "不清楚" for m in extract(text)), extract(text)
