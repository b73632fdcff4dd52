"""Factor mentions on real-looking comments: mixed praise and complaint, negation, degree,
implicit factors. Expectations are (dimension, polarity) pairs a reader would agree with."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SAMPLES, extractor_for

from manyi.annotate.annotator import comment_dimensions
from manyi.annotate.factors import FactorExtractor
from manyi.text.lexicon import Lexicon
from manyi.text.normalize import normalize_text
from manyi.text.segment import Segmenter


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
    mentions = extract(text)
    assert len(mentions) == 2, mentions
    for mention in mentions:
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
    assert extract("今天是星期三，物流很快")  # the same words beside a factor and opinion


@pytest.mark.parametrize("text, expected", [
    # 好 before an adjective intensifies it: 好快 is fast, not "good" + "fast"
    ("昨天下的单，今天就到了，好快", {("logistics", "positive")}),
    ("东西好便宜", {("price", "positive")}),
    # a cue beside a generic noun still implies its own factor
    ("宝贝很实惠", {("price", "positive")}),
    # a term glued to its opinion by the segmenter (速度快) is cut apart
    ("水分多，速度快", {("logistics", "positive")}),
    # gifts and discounts named without an opinion are a plus of the deal
    ("还送了很多赠品", {("price", "positive")}),
    ("说好的赠品，没有赠品", {("price", "negative")}),
    ("趁活动买的", {("price", "positive")}),
    # beauty vocabulary of the e-commerce pack
    ("用完皮肤很水嫩", {("product", "positive")}),
    ("洗完脸有点干燥", {("product", "negative")}),
    ("卸妆卸得很干净", {("product", "positive")}),
    ("面膜精华很多，很轻薄", {("product", "positive")}),
    # skin feel in the words reviews use: 干 油 滑, makeup that floats or wears off
    ("还可以吧就是涂在脸上有些干", {("product", "negative")}),
    ("用完不油，很清爽", {("product", "positive")}),
    ("气垫很不错，不浮粉，不跑妆", {("product", "positive")}),
    # a reduplicated adjective is the adjective (滑滑的, 水水嫩嫩)
    ("洗完脸滑滑的", {("product", "positive")}),
    ("用完皮肤水水嫩嫩的", {("product", "positive")}),
    # a bare 多/少 after a term still judges it; the polarity is left to the model
    ("精华多，水分足", {("product", "none")}),
    ("量有点少", {("product", "none")}),
    ("还可以噢", {("overall", "positive")}),
    ("还是那句话：便宜没好货", {("product", "negative")}),
    ("买一赠一，价廉", {("price", "positive")}),
])
def test_general_rules_find_the_factor(extract, text, expected):
    found = {(m.dimension, _lexicon_polarity(m)) for m in extract(text)}
    assert expected <= found, f"{text}: {found}"


# Each case with a near twin that does name the factor, so the test fails if nothing is found.
@pytest.mark.parametrize("text, absent, twin", [
    ("卖家发货太慢了", "service", "卖家态度太差了"),   # the seller is the subject of 发货
    ("快递小哥很热情", "service", "客服很热情"),        # the courier's warmth is delivery
    ("东西收到了，很喜欢", "logistics", "东西收到了，物流很快"),  # 收到 lends 快/慢 only
    ("谢谢卖家，很好用", "service", "谢谢卖家，客服很好"),  # thanking the seller is courtesy
    ("希望店家保持正品", "service", "店家服务很好"),    # the seller is the subject of 正品
    ("快递及时专业", "service", "客服专业"),            # service words beside the courier
    ("希望有优惠", "price", "优惠很大"),                # a discount wished for is not one had
    ("下次活动再来买", "price", "趁活动买的"),
])
def test_general_rules_do_not_add_the_factor(extract, text, absent, twin):
    assert absent not in {m.dimension for m in extract(text)}, text
    assert absent in {m.dimension for m in extract(twin)}, twin


def test_a_term_judged_by_an_unknown_word_has_evidence_but_no_score(extract):
    [colour] = [m for m in extract("颜色很素") if m.dimension == "product"]
    assert (colour.term, colour.opinion, colour.lexicon_score) == ("颜色", "很素", 0.0)
    [price] = extract("价格也不高")
    assert price.dimension == "price" and price.opinion == "不高" and price.negated


@pytest.mark.parametrize("text", ["快一个月了还没到", "等了快两个小时", "最近皮肤不好"])
def test_nearly_and_recently_are_not_fast_or_near(extract, text):
    assert not any(m.opinion.endswith(("快", "近")) for m in extract(text)), text
    assert any(m.opinion.endswith("快") for m in extract("发货很快"))  # fast itself is


def test_not_yet_used_is_not_useless(extract):
    mentions = extract("还没用，先给个好评")
    assert mentions and all(m.lexicon_score >= 0 for m in mentions)


def _mentions(rows):
    columns = ["row", "dimension", "factor", "opinion", "polarity", "clause"]
    return pd.DataFrame(rows, columns=columns)


def test_comment_dimensions_keep_the_verdict_beside_brand_and_skip_wondering_clauses():
    mentions = _mentions([
        (0, "overall", "overall", "很好用", "positive", "很好用"),
        (0, "brand", "loyalty", "回购", "positive", "还会回购"),
        (1, "overall", "overall", "不错", "positive", "不错"),
        (1, "product", "performance", "", "positive", "还没用，不知道效果怎么样"),
        (2, "overall", "overall", "不错", "positive", "不错"),
        (2, "logistics", "speed", "很快", "positive", "物流很快"),
    ])
    wonders = FactorExtractor(Lexicon.load()).is_irrealis
    assert comment_dimensions(mentions, wonders) == {0: "brand;overall", 1: "overall",
                                                     2: "logistics"}


@pytest.mark.parametrize("clause, wondering", [
    ("还没用，不知道效果怎么样", True),
    ("期待效果", True),
    ("用了再来追评", True),
    ("效果很好", False),
    ("希望物流快一点", False),
])
def test_irrealis_clauses(clause, wondering):
    assert FactorExtractor(Lexicon.load()).is_irrealis(clause) is wondering


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_clauses_from_tokens_equal_clauses_from_text(backend):
    from itertools import accumulate

    from manyi.text.segment import split_clauses, split_clauses_by_tokens

    lexicon = Lexicon.load()
    segmenter = Segmenter(lexicon, backend=backend)
    samples = pd.read_csv(SAMPLES / "ecommerce_reviews.csv")["评论内容"].dropna().astype(str)
    odd = ["好 的", "好  的", "a b 好", "好\t差", "5.2KG 好", "好.不错", "好~~不错", " 好 ",
           "好\r\n差", "质量好但是物流慢", "1,000元 很贵", "好   差 a", "中 a 中", "t.cn/x 好"]
    for text in [*odd, *samples, *(normalize_text(t) for t in samples)]:
        tokens = segmenter.cut(text)
        starts = list(accumulate(map(len, tokens), initial=0))
        assert split_clauses_by_tokens(text, tokens, starts, lexicon.contrasts) == \
            split_clauses(text, lexicon.contrasts), text


@pytest.mark.parametrize("text, opinion", [("物流快两天就到了", "快"), ("发货快2天就到了", "快"),
                                           ("快一个月了还没到", None)])
def test_nearly_is_not_fast_but_fast_after_a_term_is(text, opinion):
    import manyi

    mentions = manyi.analyze([text, "物流很快"]).mentions
    logistics = mentions[mentions["dimension"] == "logistics"]
    found = logistics.loc[logistics["comment_id"] == "1", "opinion"].tolist()
    assert (opinion in found) if opinion else "快" not in found
    assert "很快" in logistics.loc[logistics["comment_id"] == "2", "opinion"].tolist()


@pytest.mark.parametrize("text, domain, judged, not_judged", [
    ("外卖的菜品分量太少", "catering", "分量", "外卖"),  # the portion, not the channel
    ("商家的描述很准确", "ecommerce", "描述", "商家"),
    ("快递的包装很结实", "ecommerce", "包装", "快递"),
    ("前台的服务效率很高", "hotel", "服务效率", None),  # both the hotel's service: kept
])
def test_the_owner_named_before_的_is_not_what_is_judged(text, domain, judged, not_judged):
    lexicon = Lexicon.load(domain)
    tokens = Segmenter(lexicon).cut(text)
    found = FactorExtractor(lexicon).extract(text, tokens)
    terms = [m.term for m in found]
    assert any(judged in term for term in terms), terms
    if not_judged is None:
        assert len({m.dimension for m in found}) == 1 and len(found) == 2, found
    else:
        assert not any(term.startswith(not_judged) for term in terms), terms


@pytest.mark.parametrize("text, expected", [
    ("太贵了", [("price", "贵")]),               # the quality the customer named is the term
    ("洗完很清爽，不油腻", [("product", "清爽"), ("product", "油腻")]),
    ("非常满意", [("overall", "")]),              # a bare verdict names no quality
    ("送得很快", [("logistics", "")]),           # the verb's speed: no word for the aspect
])
def test_an_implicit_mention_carries_the_customers_word_for_the_quality(extract, text,
                                                                         expected):
    found = [(m.dimension, m.term) for m in extract(text) if m.implicit or not m.term]
    assert found == expected


@pytest.mark.parametrize("text", ["便宜是便宜，但是吃完拉肚子了", "好看是好看，就是有点贵"])
def test_a_concession_names_its_factor_once(extract, text):
    """X是X repeats one judgement: one mention of it, not two."""
    found = [(m.dimension, m.factor, m.term, m.opinion) for m in extract(text)]
    assert found and len(found) == len(set(found)), found


@pytest.mark.parametrize("text, expected", [
    # the segmenter glues 表示满意 into one word: the feeling is cut from the verb that states
    # it and judges what the clause names, as 很满意 would (before: no opinion, and the clause
    # model made the staff a complaint)
    ("客户对网点工作人员服务表示满意", {("网点", "positive"), ("工作人员服务", "positive")}),
    ("对客服指引表示满意", {("客服", "positive")}),
    ("客户对处理结果感到失望", {("处理结果", "negative")}),
    ("客户表示满意", {("", "positive")}),  # a verdict on nothing named: 表示 is no aspect
])
def test_a_feeling_glued_to_the_verb_that_states_it_judges_the_clause(text, expected):
    import manyi

    mentions = manyi.analyze([text], domain="hotline", progress=False).mentions
    assert set(zip(mentions["term"], mentions["polarity"])) == expected
    assert set(mentions["opinion"]) <= {"满意", "失望"} and "表示" not in set(mentions["term"])


@pytest.mark.parametrize("text, domain, term", [
    # two listed words of one factor side by side: one mention, its term names both (before:
    # the first word alone, and 语速 of a teacher's pace was named nowhere)
    ("屏幕画质比较细腻清晰", "ecommerce", "屏幕画质"),
    ("卖家服务态度非常赞", "ecommerce", "卖家服务态度"),
    ("我喜欢听老师讲课语速慢", "education", "讲课语速"),
    ("找客服客服不管", "ecommerce", "客服"),  # a word said twice is named once
])
def test_two_words_of_one_factor_side_by_side_are_one_term(text, domain, term):
    lexicon = Lexicon.load(domain)
    found = FactorExtractor(lexicon).extract(text, Segmenter(lexicon).cut(text))
    assert term in [m.term for m in found], found


@pytest.mark.parametrize("text, term, sign", [
    ("颜色很纯正", "颜色", 1),
    ("品质有保证", "品质", 1),  # newcomer8: 保证 read as a promise (沟通), the quality unjudged
    ("质量没保证", "质量", -1),
])
def test_true_to_type_and_assured_are_praise(text, term, sign):
    found = [m for m in extractor_for("ecommerce")(text) if m.term == term]
    assert found and found[0].lexicon_score * sign > 0, found
