"""The learned aspect scorer (manyi.annotate.aspect_scorer) and its training script."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from manyi.annotate import aspect_scorer
from manyi.annotate.aspect_scorer import AspectScorer
from manyi.annotate.factors import FactorExtractor
from manyi.text.lexicon import Lexicon

# (not 方向键的键程较短: the rules take that whole, whose key travel; 上 leaves 方向键 to
# the scorer)
TEXT = "方向键上的键程较短"
TOKENS = ["方向键", "上", "的", "键程", "较", "短"]


@pytest.fixture(scope="module")
def extractor() -> FactorExtractor:
    return FactorExtractor(Lexicon.load("ecommerce"))


def _found(extractor: FactorExtractor, scorer: AspectScorer) -> list:
    held = extractor.scorer
    extractor.scorer = scorer
    try:
        return extractor.extract(TEXT, TOKENS)
    finally:
        extractor.scorer = held


def test_an_accepted_candidate_is_a_discovered_mention_judged_by_its_clause(extractor):
    rules = _found(extractor, AspectScorer())
    assert [m.term for m in rules] == ["键程"]  # the rules judge the key travel only
    everything = _found(extractor, AspectScorer({}, bias=5.0, threshold=0.5))
    added = [m for m in everything if m.term == "方向键"]
    assert len(added) == 1
    m = added[0]
    assert (m.source, m.dimension) == ("discovered", "product")
    assert m.opinion == rules[0].opinion and m.lexicon_score == rules[0].lexicon_score
    assert TEXT[m.start:m.end] == "方向键"


@pytest.mark.parametrize(("text", "tokens", "term", "opinion"), [
    # the nearest opinion after it, not the next mention's (充电 快); after a service word
    # (a product word's part is named with it: manyi.annotate.aspect_whose, 屏幕素质好)
    ("优点是客服素质好、充电快", ["优点", "是", "客服", "素质", "好", "、", "充电", "快"],
     "素质", "好"),
    # a promotion named is its own opinion, not a judgement of the noun beside it
    ("打折力度很大", ["打折", "力度", "很", "大"], "力度", ""),
])
def test_an_accepted_candidate_takes_the_opinion_that_judges_it(extractor, text, tokens,
                                                                 term, opinion):
    held = extractor.scorer
    extractor.scorer = AspectScorer({}, bias=5.0, threshold=0.5)
    try:
        found = extractor.extract(text, tokens)
    finally:
        extractor.scorer = held
    assert [m.opinion for m in found if m.term == term and m.source == "discovered"] == [
        opinion]

def test_a_rejected_candidate_adds_nothing(extractor):
    assert _found(extractor, AspectScorer({}, bias=-5.0, threshold=0.5)) == \
        _found(extractor, AspectScorer())


def test_collect_mode_lists_candidates_and_adds_nothing(extractor):
    scorer = AspectScorer()
    scorer.collect = seen = []
    assert scorer.active
    assert _found(extractor, scorer) == _found(extractor, AspectScorer())
    assert [(start, end, term) for _, start, end, term, _ in seen] == [(0, 3, "方向键")]
    features = seen[0][4]
    assert "next2=的" in features and "prev=BOS" in features


def test_a_shared_scorer_judges_each_extractor_by_its_own_tags():
    # the sums of word weights an extractor's tags gave are not another extractor's
    scorer = AspectScorer({"tag=n": 5.0, "tag=nz": -5.0}, bias=0.0, threshold=0.5)
    lexicon = Lexicon.load("ecommerce")

    def terms(tag: str) -> list[str]:
        extractor = FactorExtractor(lexicon, tagger=lambda t: tag if t == "方向键" else
                                    "f" if t == "上" else "")
        extractor.scorer = scorer
        return [m.term for m in extractor.extract(TEXT, TOKENS)]

    assert "方向键" not in terms("nz")
    assert "方向键" in terms("n")
    assert "方向键" not in terms("nz")

def test_weights_round_trip_and_use_in_place(tmp_path):
    scorer = AspectScorer({"tag=n": 1.5}, bias=-0.5, threshold=0.4)
    path = tmp_path / "s.json"
    path.write_text(json.dumps(scorer.to_dict()), encoding="utf-8")
    again = AspectScorer.load(path)
    assert again.to_dict() == scorer.to_dict()
    assert not AspectScorer.load(tmp_path / "missing.json").active
    shared = AspectScorer()
    shared.use(again)
    assert shared.weights == {"tag=n": 1.5} and shared.threshold == 0.4
    shared.use(None)
    assert not shared.active


def test_the_shipped_weights_are_the_default(extractor):
    assert extractor.scorer is aspect_scorer.MODEL
    assert aspect_scorer.MODEL.active and 0 < aspect_scorer.MODEL.threshold < 1
    data = json.loads(aspect_scorer.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data) == {"bias", "threshold", "weights"}


def test_training_fits_weights_of_the_right_sign():
    pytest.importorskip("sklearn")
    path = Path(__file__).resolve().parents[1] / "scripts" / "train_aspects.py"
    spec = importlib.util.spec_from_file_location("train_aspects", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_aspects", module)
    spec.loader.exec_module(module)
    good, bad = ["tag=n", "next=op"], ["tag=v", "next=的"]
    groups = {"a": [(good, 1)] * 20 + [(bad, 0)] * 20, "b": [(good, 1)] * 5 + [(bad, 0)] * 30}
    scorer = module.fit(groups)
    assert scorer.probability(good) > 0.5 > scorer.probability(bad)
    assert scorer.weights["next=op"] > 0 > scorer.weights["next=的"]


def _discovered(extractor: FactorExtractor, text: str, tokens: list[str]) -> list[str]:
    """The terms an accept-everything scorer adds to ``text``."""
    held = extractor.scorer
    extractor.scorer = AspectScorer({}, bias=5.0, threshold=0.5)
    try:
        return [m.term for m in extractor.extract(text, tokens) if m.source == "discovered"]
    finally:
        extractor.scorer = held


@pytest.mark.parametrize(("text", "tokens", "person"), [
    ("学生党用着很方便", ["学生党", "用", "着", "很", "方便"], "学生党"),
    ("小姑娘说很好看", ["小姑娘", "说", "很", "好看"], "小姑娘"),
    ("客户对网点管理极为不满", ["客户", "对", "网点", "管理", "极为", "不满"], "客户"),
])
def test_a_word_for_a_person_is_no_candidate(extractor, text, tokens, person):
    assert person not in _discovered(extractor, text, tokens)


def test_account_is_no_person(extractor):
    # 户 alone is no person ending: 账户 stays a candidate
    assert "账户" in _discovered(extractor, "账户很安全", ["账户", "很", "安全"])


def test_a_compound_cut_before_a_one_character_morpheme_is_no_candidate(extractor):
    # (the rules name the dish whole: the segmenter's last piece belongs to it)
    assert _discovered(extractor, "宫保鸡丁很好吃", ["宫保鸡", "丁", "很", "好吃"]) == ["宫保鸡丁"]
    assert "宫保鸡" in _discovered(extractor, "宫保鸡很好吃", ["宫保鸡", "很", "好吃"])


def test_a_phrase_the_segmenter_invented_is_no_candidate():
    tags = {"扣": "v", "一": "m", "星": "n", "噪": "n", "点": "m", "件": "q", "卫衣": "n"}
    tag = lambda w: tags.get(w, "")  # noqa: E731
    assert aspect_scorer._invented(tag, "扣一星")      # a verb first
    assert aspect_scorer._invented(tag, "星一点")      # a numeral inside
    assert aspect_scorer._invented(tag, "卫件衣")      # a measure word inside
    assert not aspect_scorer._invented(tag, "噪点")    # a name (点 last)
    assert not aspect_scorer._invented(tag, "卫衣")    # in the dictionary
    assert aspect_scorer._invented(tag, "这套")        # a demonstrative first
    assert not aspect_scorer._invented(tag, "扣星")    # two characters: often a noun (绘本)


def test_a_candidate_needs_an_opinion_word_in_its_clause(extractor, monkeypatch):
    # 说明书在包装盒里 says nothing of the 说明书
    tokens = ["说明书", "在", "包装盒", "里"]
    assert "说明书" not in _discovered(extractor, "说明书在包装盒里", tokens)
    monkeypatch.setattr(aspect_scorer, "REQUIRE_OPINION", False)
    assert "说明书" in _discovered(extractor, "说明书在包装盒里", tokens)


def test_no_feature_names_a_character(extractor):
    scorer = AspectScorer()
    scorer.collect = seen = []
    _found(extractor, scorer)
    assert seen and not [f for f in seen[0][4] if f.startswith(("first=", "last="))]
    assert not [f for f in aspect_scorer.MODEL.weights if f.startswith(("first=", "last="))]


def test_the_customer_a_ticket_names_is_never_proposed_and_praise_stays_praise():
    """客户 (rules.toml not_scored) is no scorer candidate; the rules still read the ticket
    as before, so 表示满意 keeps judging the staff (it made them complaints when 客户 was
    taken from the rules too)."""
    import manyi

    assert "客户" in Lexicon.load("hotline").rules["not_scored"]
    on = manyi.analyze(["客户对网点管理极为不满", "客户对网点工作人员服务表示满意"],
                       domain="hotline", progress=False)
    assert "客户" not in set(on.mentions["term"])
    praised = on.mentions[on.mentions["comment_id"] == "2"]
    assert len(praised) and set(praised["polarity"]) == {"positive"}
