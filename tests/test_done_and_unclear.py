"""What was done is judged by how (绿化做得不错: 绿化, as 课件做的不错), a service's speed is its
own (换货速度), and a thing named is
judged unclear (指示牌不清楚), where 我也不清楚 only does not know."""

import pytest
from conftest import extractor_for


@pytest.fixture(scope="module")
def extract():
    return extractor_for("ecommerce")


@pytest.mark.parametrize("text, term", [
    ("绿化做得不错", "绿化"), ("小区绿化弄得挺好的", "小区绿化"), ("蓝牙做得很差", "蓝牙")])
def test_what_was_done_is_judged(extract, text, term):
    assert term in [m.term for m in extract(text) if m.opinion], extract(text)


@pytest.mark.parametrize("text, term", [("医院的指示牌不清楚", "指示牌"), ("通话不清楚", "通话"),
                                        ("图片也不清楚", "图片")])
def test_a_thing_unclear_is_a_complaint(extract, text, term):
    found = [m for m in extract(text) if term in m.term and m.opinion]
    assert found and all(m.lexicon_score < 0 for m in found), extract(text)


@pytest.mark.parametrize("text", ["我也不清楚", "具体不清楚怎么回事", "客服说不清楚"])
def test_not_knowing_judges_nothing(extract, text):
    assert all(m.opinion != "不清楚" for m in extract(text)), extract(text)


@pytest.mark.parametrize("text, term, dimension", [
    ("换货速度太慢", "换货速度", "service"), ("理赔速度很快", "理赔速度", "service"),
    ("物流速度很快", "物流速度", "logistics")])
def test_a_services_speed_is_the_services(extract, text, term, dimension):
    """速度 after a service's act is that act's speed: one mention, not a parcel's too."""
    found = [(m.term, m.dimension) for m in extract(text)]
    assert found == [(term, dimension)], found
