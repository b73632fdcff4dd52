"""The sentiment model's placeholders for the names of things (``SentimentModel(
term_placeholders=True)``, ``manyi.annotate.sentiment.terms``): which tokens they replace, that
scoring reads them as fitting did, and model files that predate them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from manyi.annotate.sentiment.model import SentimentModel
from manyi.annotate.sentiment.terms import DESIRABLE, TERM, UNDESIRABLE, TermMask, readable

LEXICON = type("Lex", (), {"opinions": {"好": 1.0, "差": -1.0, "慢": -1.0, "高": 0.0},
                           "negations": {"不"}, "degrees": {"很": 1.5}})


@pytest.fixture(scope="module")
def mask() -> TermMask:
    return TermMask.from_packs()


@pytest.mark.parametrize("word, code", [
    ("客服", TERM), ("纸张", TERM), ("课程", TERM), ("房间", TERM),  # names of things
    ("价格", UNDESIRABLE), ("运费", UNDESIRABLE),  # 价格高 is a complaint
    ("性价比", DESIRABLE), ("续航", DESIRABLE), ("充电速度", DESIRABLE),  # 性价比高 is praise
    ("好", None), ("耐用", None), ("精彩", None), ("干净", None),  # opinion words, cues: kept
])
def test_which_words_are_read_as_placeholders(mask, word, code):
    assert mask.terms.get(word) == code


@pytest.mark.parametrize("text, tokens, read", [
    ("客服很好", ["客服", "很", "好"], "〈物〉〈物〉很好"),
    ("价格高，性价比低", ["价格", "高", "，", "性价比", "低"],
     "〈物−〉〈物−〉高，〈物+〉〈物+〉〈物+〉低"),
    ("纸张 很白", ["纸张", "很", "白"], "〈物〉〈物〉 很白"),  # tokens that do not cover the text
])
def test_mark_keeps_every_position(mask, text, tokens, read):
    gram_text, gram_tokens = mask.mark(text, tokens, text, tokens)
    assert len(gram_text) == len(text) and len(gram_tokens) == len(tokens)
    assert readable(gram_text) == read


def _fitted(**params) -> SentimentModel:
    texts = ["客服很好", "客服很差", "客服态度差", "纸张很好", "质量很好", "快递很慢", "价格高",
             "性价比高", "物流 很快", "差评", "好评", "客服不好"]
    labels = [1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0]
    tokens = [["客服", "很", "好"], ["客服", "很", "差"], ["客服", "态度", "差"],
              ["纸张", "很", "好"], ["质量", "很", "好"], ["快递", "很", "慢"], ["价格", "高"],
              ["性价比", "高"], ["物流", "很快"], ["差评"], ["好评"], ["客服", "不", "好"]]
    return SentimentModel(min_df=1, calibration_share=0.0, **params).fit(
        texts, labels, tokens, lexicon=LEXICON)


def test_names_carry_no_weight_of_their_own():
    plain, masked = _fitted(), _fitted(term_placeholders=True)
    assert "客服" in plain._tables[0][1]  # without: 客服 has a weight of its own
    assert not {"客服", "纸张", "价格"} & set(masked._tables[0][1])
    assert not any("客" in k for k in masked._tables[0][0])
    names = [name for name, _ in masked.explain("价格高", ["价格", "高"], top=50, by="feature")]
    assert "bigram:〈物−〉 高" in names


@pytest.mark.parametrize("negation_scope, by", [(False, True), (True, True), (False, "factor"),
                                                (False, "judged"), (True, "judged")])
def test_batch_scores_equal_the_plain_definition(negation_scope, by):
    model = _fitted(term_placeholders=by, negation_scope=negation_scope)
    texts = ["客服很好，价格高", "纸张 不好", "快递很慢\x00性价比高", "物流很快"]
    tokens = [["客服", "很", "好", "，", "价格", "高"], ["纸张", "不", "好"],
              ["快递", "很", "慢", "性价比", "高"], ["物流", "很快"]]
    batch = model._batch_logits(texts, tokens)[0]
    plain = np.array([model._logits(t, k)[0] for t, k in zip(texts, tokens)])
    assert np.allclose(batch, plain)


@pytest.mark.parametrize("text, tokens, read", [
    ("客服很好", ["客服", "很", "好"], "〈物〉〈物〉很好"),  # an opinion follows: judged
    ("联系客服，很好", ["联系", "客服", "，", "很", "好"], "联系客服，很好"),  # another clause
    ("客服但很好", ["客服", "但", "很", "好"], "客服但很好"),  # past a contrast word
    ("好客服", ["好", "客服"], "好客服"),  # the opinion before it
    ("价格高，性价比低", ["价格", "高", "，", "性价比", "低"], "价格高，性价比低"),  # scale words
    ("价格合理", ["价格", "合理"], "〈物−〉〈物−〉合理"),
    ("客服太差", ["客服", "太差"], "〈物〉〈物〉太差"),  # a fused opinion token
    ("充电很快", ["充电", "很", "快"], "充电很快"),  # a scale word: the name decides
    ("客服太慢", ["客服", "太慢"], "客服太慢"),
    ("纸张 很好", ["纸张", "很", "好"], "〈物〉〈物〉 很好"),  # tokens that do not cover the text
])
def test_judged_reads_only_the_names_an_opinion_follows(text, tokens, read):
    from manyi.annotate.sentiment.lookup import _Lexicon
    from manyi.annotate.sentiment.terms import JUDGED, term_mask

    mask = term_mask(JUDGED, _Lexicon({"好": 1.0, "慢": -1.0, "快": 1.0, "差": -1.0, "高": 0.5,
                                       "低": -0.5, "合理": 1.0}, ["不"], {"很": 1.5, "太": 1.6}))
    gram_text, _ = mask.mark(text, tokens, text, tokens)
    assert readable(gram_text) == read


def test_judged_names_carry_no_weight_where_an_opinion_follows():
    judged = _fitted(term_placeholders="judged")
    assert "客服" not in judged._tables[0][1]  # every 客服 of the rows is judged (客服很好 …)
    assert "bigram:〈物〉 很" in [n for n, _ in judged.explain(
        "客服很好", ["客服", "很", "好"], top=50, by="feature")]


@pytest.mark.parametrize("by", [True, "judged"])
def test_the_term_list_is_kept_in_the_model_file(tmp_path, by):
    model = _fitted(term_placeholders=by)
    model.save(tmp_path / "m")
    loaded = SentimentModel.load(tmp_path / "m")
    assert loaded.term_placeholders == by and loaded.terms_.terms == model.terms_.terms
    texts = ["客服很好", "价格高，客服"]
    tokens = [["客服", "很", "好"], ["价格", "高", "，", "客服"]]
    assert np.allclose(loaded.predict_proba(texts, tokens), model.predict_proba(texts, tokens))


def test_model_files_without_placeholders_load_with_them_off(tmp_path):
    model = _fitted()
    model.save(tmp_path / "m")
    meta = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    del meta["config"]["term_placeholders"]  # as written before the option existed
    (tmp_path / "m.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    old = SentimentModel.load(tmp_path / "m")
    assert not old.term_placeholders and old.terms_ is None
