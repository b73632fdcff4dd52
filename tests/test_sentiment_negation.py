"""The sentiment model's negation scope (opt-in, ``SentimentModel(negation_scope=True)``):
which words a negation marks, and model files that predate it."""

from __future__ import annotations

import json

import pytest

from manyi.annotate.sentiment.model import SentimentModel, default_model
from manyi.annotate.sentiment.negation import NegationScope, unmark


def _marked_words(tokens: list[str]) -> list[str]:
    scope = NegationScope(default_model().lexicon_)
    text, out = scope.mark("".join(tokens), tokens)
    assert len(text) == len("".join(tokens)) and unmark(text) == "".join(tokens)
    return [unmark(new) for old, new in zip(tokens, out) if new != old]


@pytest.mark.parametrize("tokens, negated", [
    (["物流", "不", "慢"], ["慢"]),  # the opinion word the negation turns
    (["不是", "很", "满意"], ["很", "满意"]),  # a degree word in the scope is marked too
    (["没有", "想象", "中", "那么", "好"], ["想象", "中", "那么", "好"]),
    (["质量", "不", "好", "价格", "也", "贵"], ["好"]),  # ends at the first opinion word
    (["不", "会", "再", "买", "，", "太", "贵"], ["会", "再", "买"]),  # …or at the clause's end
    (["不", "满意", "但是", "便宜"], ["满意"]),
    (["不是", "不", "好"], []),  # a second negation closes the scope
    (["质量", "不差"], ["不差"]),  # fused with its negation: the part after it (差)
    (["不错"], []), (["很", "不错"], []),  # an opinion word of its own: no scope
    (["不得不", "说", "很", "好"], []), (["没想到", "这么", "好"], []),
])
def test_negation_scope_marks(tokens, negated):
    assert _marked_words(tokens) == negated


def test_fused_negation_keeps_its_negation_unmarked():
    scope = NegationScope(default_model().lexicon_)
    _, out = scope.mark("质量不差", ["质量", "不差"])
    assert out[1][0] == "不" and out[1][1] != "差" and unmark(out[1]) == "不差"


def test_model_files_without_the_scope_load_with_it_off(tmp_path):
    lexicon = type("Lex", (), {"opinions": {"好": 1.0, "差": -1.0}, "negations": {"不"},
                               "degrees": {}})
    texts = ["很好", "好评", "不差", "很差", "差评", "不好"]
    model = SentimentModel(min_df=1, calibration_share=0.0, negation_scope=True).fit(
        texts, [1, 1, 1, 0, 0, 0], [list(t) for t in texts], lexicon=lexicon)
    assert model.negation_scope
    model.save(tmp_path / "m")
    meta = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    del meta["config"]["negation_scope"]  # as written before the scope existed
    (tmp_path / "m.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    old = SentimentModel.load(tmp_path / "m")
    assert not old.negation_scope
    assert SentimentModel.load(tmp_path / "m").get_params() == {
        **model.get_params(), "negation_scope": False}


def test_scope_changes_the_features_not_the_lexicon_evidence():
    lexicon = type("Lex", (), {"opinions": {"好": 1.0, "慢": -1.0}, "negations": {"不"},
                               "degrees": {}})
    texts = ["物流很慢", "太慢了", "很好", "物流好", "不慢", "好评"]
    tokens = [["物流", "很", "慢"], ["太", "慢", "了"], ["很", "好"], ["物流", "好"],
              ["不", "慢"], ["好评"]]
    fitted = SentimentModel(min_df=1, calibration_share=0.0, negation_scope=True).fit(
        texts, [0, 0, 1, 1, 1, 1], tokens, lexicon=lexicon)
    names = [name for name, _ in fitted.explain("物流不慢", ["物流", "不", "慢"], top=50,
                                                by="feature")]
    assert "char:¬慢" in names and "char:慢" not in names
    assert "lexicon:positive" in names  # 不…慢 still counts as praise in the lexicon column
