"""Factor mentions on real-looking comments: mixed praise and complaint, negation, degree,
implicit factors. Expectations are (dimension, polarity) pairs a reader would agree with."""

from __future__ import annotations

import pytest

from manyi.factors import FactorExtractor
from manyi.lexicon import Lexicon
from manyi.segment import Segmenter


@pytest.fixture(scope="module")
def extract():
    lexicon = Lexicon.load("ecommerce")
    segmenter, extractor = Segmenter(lexicon), FactorExtractor(lexicon)
    return lambda text: extractor.extract(text, segmenter.cut(text))


def _lexicon_polarity(mention) -> str:
    return "positive" if mention.lexicon_score > 0 else "negative" \
        if mention.lexicon_score < 0 else "none"


@pytest.mark.parametrize("text, expected", [
    ("物流很快，但是包装破了", {("logistics", "positive"), ("product", "negative")}),
    ("东西不错，就是物流太慢了", {("overall", "positive"), ("logistics", "negative")}),
    ("面料很舒服，做工也精细", {("product", "positive")}),
    ("价格不贵，质量也还行", {("price", "positive"), ("product", "positive")}),
    ("客服态度不太好，爱答不理的", {("service", "negative")}),
    ("太贵了，不值这个价", {("price", "negative")}),
    ("送得很快，快递小哥很热情", {("logistics", "positive")}),
    ("快递小哥服务态度特别好", {("logistics", "positive")}),
    ("比实体店便宜多了，还送了小样", {("price", "positive")}),
    ("做工非常粗糙，一点也不耐用", {("product", "negative")}),
    ("性价比超高，物美价廉", {("price", "positive")}),
    ("包装完好没有破损", {("product", "positive")}),
    ("非常满意，下次还来", {("overall", "positive")}),
])
def test_mentions_have_the_dimension_and_polarity_a_reader_sees(extract, text, expected):
    found = {(m.dimension, _lexicon_polarity(m)) for m in extract(text)}
    assert expected <= found, f"{text}: {found}"


def test_mention_offsets_point_at_the_evidence(extract):
    text = "房间很干净，但是隔音太差了"
    for mention in extract(text):
        evidence = text[mention.start:mention.end]
        assert evidence in (mention.term, mention.opinion)
        assert mention.clause in text


def test_negation_flips_and_degree_scales(extract):
    plain, strong = (extract(t)[0] for t in ("服务热情", "服务非常热情"))
    negated, double = (extract(t)[0] for t in ("服务不热情", "价格不是不贵"))
    assert 0 < plain.lexicon_score < strong.lexicon_score
    assert negated.negated and negated.lexicon_score < 0
    assert not double.negated and double.lexicon_score < 0


def test_comment_without_factor_or_opinion_has_no_mentions(extract):
    assert extract("今天是星期三，我在家") == []
