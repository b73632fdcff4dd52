"""A stronger L2 penalty on the n-grams inside the names of things (``SentimentModel(
term_shrink=F)``, ``fit.shrunk_features``, ``terms.name_features``): which features it
reaches, that it shrinks them and nothing else, and model files that predate it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from manyi.annotate.sentiment.fit import shrunk_features
from manyi.annotate.sentiment.lookup import _Lexicon
from manyi.annotate.sentiment.model import SentimentModel
from manyi.annotate.sentiment.terms import name_features

LEXICON = type("Lex", (), {"opinions": {"好": 1.0, "差": -1.0, "慢": -1.0, "舒服": 1.0},
                           "negations": {"不"}, "degrees": {"很": 1.5}})
TEXTS = ["客服很好", "客服很差", "客服态度差", "客服太慢", "客服不好", "纸张很好", "质量很好",
         "快递很慢", "物流 很快", "差评", "好评", "服务很好"]
LABELS = [1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1]
TOKENS = [["客服", "很", "好"], ["客服", "很", "差"], ["客服", "态度", "差"], ["客服", "太", "慢"],
          ["客服", "不", "好"], ["纸张", "很", "好"], ["质量", "很", "好"], ["快递", "很", "慢"],
          ["物流", "很快"], ["差评"], ["好评"], ["服务", "很", "好"]]


def _fitted(**params) -> SentimentModel:
    return SentimentModel(min_df=1, calibration_share=0.0, **params).fit(
        TEXTS, LABELS, TOKENS, lexicon=LEXICON)


def test_name_features_skip_what_opinion_words_are_made_of():
    lexicon = _Lexicon({"舒服": 1.0, "好": 1.0}, ["不"], {"很": 1.5})
    found = name_features(["客服", "服务", "好友", " "], lexicon)
    assert {"c客", "c客服", "w客服", "c务", "c服务", "w服务", "c友", "c好友", "w好友"} <= found
    assert not {"c服", "c好", "c不", "c很"} & found  # inside 舒服, 好: never shrunk
    assert not any(k.startswith("p") for k in found)  # word pairs cross a name's border
    assert "w " not in found


def test_factor_one_reaches_no_feature_and_changes_nothing():
    assert shrunk_features(SentimentModel(), _Lexicon({}, [], {})) == frozenset()
    plain, one = _fitted(), _fitted(term_shrink=1.0)
    assert plain._tables == one._tables


def test_the_names_weights_shrink_and_the_rest_keep_theirs():
    plain, shrunk = _fitted(), _fitted(term_shrink=10.0)
    words_plain, words_shrunk = plain._tables[0][1], shrunk._tables[0][1]
    assert words_plain["客服"] < 0  # five complaints about 客服 against one praise
    assert abs(words_shrunk.get("客服", 0.0)) < abs(words_plain["客服"]) / 3
    chars_plain, chars_shrunk = plain._tables[0][0], shrunk._tables[0][0]
    assert abs(chars_shrunk.get("客服", 0.0)) < abs(chars_plain["客服"]) / 3
    # an opinion's own n-grams are not penalised more: 差 keeps (at least) its weight
    assert chars_shrunk["差"] <= chars_plain["差"] < 0
    assert shrunk.info_["name_features"] > 0 and "name_features" not in plain.info_
    texts = ["客服很好", "客服很差"]
    tokens = [["客服", "很", "好"], ["客服", "很", "差"]]
    assert shrunk.predict_proba(texts, tokens)[0, 2] > plain.predict_proba(texts, tokens)[0, 2]


def test_the_factor_is_kept_in_the_model_file(tmp_path):
    model = _fitted(term_shrink=4.0)
    model.save(tmp_path / "m")
    loaded = SentimentModel.load(tmp_path / "m")
    assert loaded.term_shrink == 4.0
    assert np.allclose(loaded.predict_proba(TEXTS, TOKENS), model.predict_proba(TEXTS, TOKENS))
    meta = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    del meta["config"]["term_shrink"]  # as written before the option existed
    (tmp_path / "m.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    assert SentimentModel.load(tmp_path / "m").term_shrink == 1.0


@pytest.mark.parametrize("factor", [0.0, -1.0])
def test_a_factor_must_be_positive(factor):
    from manyi.errors import InputError

    with pytest.raises(InputError, match="term_shrink"):
        _fitted(term_shrink=factor)
