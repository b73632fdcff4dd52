"""The comment head: clauses, its features, its fit, neutral from labelled data, mentions."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from manyi.annotate.sentiment import head
from manyi.annotate.sentiment.model import CLASSES, SentimentModel, default_model, mention_proba

LEXICON = type("Lex", (), {"opinions": {"好": 1.0, "满意": 1.0, "差": -1.0, "慢": -1.0,
                                        "快": 1.0, "失望": -1.0},
                           "negations": {"不", "没"}, "degrees": {"非常": 1.8, "很": 1.3}})


def synthetic() -> tuple[list[str], list[str]]:
    """Praise, complaints and plain statements about a few things, in a fixed order."""
    things = ["质量", "物流", "客服", "包装", "价格", "味道", "房间", "屏幕"]
    praise = ["很好", "非常满意", "很快", "好"]
    complaints = ["很差", "太慢", "让人失望", "差"]
    facts = ["是昨天到的", "是蓝色的", "有两种", "在三楼", "放在门口"]
    texts, labels = [], []
    for thing, (p, c, f) in zip(itertools.cycle(things), itertools.product(praise, complaints,
                                                                             facts)):
        texts += [thing + p, thing + c, thing + f]
        labels += ["positive", "negative", "neutral"]
    return texts, labels


@pytest.fixture(scope="module")
def fitted() -> SentimentModel:
    texts, labels = synthetic()
    return SentimentModel(min_df=1, calibration_share=0.5).fit(
        texts, labels, [list(t) for t in texts], lexicon=LEXICON)


def test_clause_spans_split_on_punctuation_and_before_contrast_words():
    texts = ["房间很大但是隔音太差", "好。。慢", "一句话"]
    tokens = [["房间", "很大", "但是", "隔音", "太差"], ["好", "。", "。", "慢"], ["一句话"]]
    spans, contrast, count = head.clause_spans(texts, tokens)
    assert [texts[c][a:b] for c, a, b, *_ in spans.tolist()] == ["房间很大", "但是隔音太差",
                                                                "好", "慢"]
    assert contrast.tolist() == [False, True, False, False]
    assert count.tolist() == [2, 2, 1]


def test_tokens_that_do_not_spell_the_text_keep_the_comment_whole():
    spans, _, count = head.clause_spans(["好，慢"], [["好", "慢"]])
    assert len(spans) == 0 and count.tolist() == [1]


def test_features_of_a_one_clause_text_repeat_its_score():
    X = head.features(np.array([1.5]), np.array([1.0]), np.array([0.0]), np.array([4]),
                      np.array([False]), np.zeros(0), np.zeros(0, dtype=np.int64),
                      np.zeros(0, dtype=bool))
    row = dict(zip(head.FEATURES, X[0]))
    assert row["z"] == row["z_last"] == row["z_min"] == row["z_max"] == 1.5
    assert row["contrast"] == 0 and row["no_evidence"] == 0 and row["one_sided"] == 1


def test_features_read_what_follows_a_contrast_word():
    X = head.features(np.array([0.2]), np.array([1.0]), np.array([1.0]), np.array([10]),
                      np.array([False]), np.array([2.0, -3.0]), np.array([0, 0]),
                      np.array([False, True]))
    row = dict(zip(head.FEATURES, X[0]))
    assert (row["contrast"], row["z_after_contrast"], row["z_before_contrast"]) == (1, -3, 2)
    assert (row["z_last"], row["z_first"], row["z_min"], row["z_max"]) == (-3, 2, -3, 2)


def test_head_fit_separates_three_classes():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 2))
    y = np.where(X[:, 0] > 0.5, 2, np.where(X[:, 0] < -0.5, 0, 1))
    weights = head.fit(X, y, 3, alpha=0.01)
    assert (head.proba(X, weights).argmax(axis=1) == y).mean() > 0.9


def test_a_model_fits_on_positive_and_negative_labels_alone():
    # a user's own two-class labels (好评/差评): the head is then fitted with two classes,
    # which once failed in the tied-weights gradient
    texts, labels = synthetic()
    polar = [(t, y) for t, y in zip(texts, labels) if y != "neutral"]
    model = SentimentModel(min_df=1, calibration_share=0.5).fit(
        [t for t, _ in polar], [y for _, y in polar], [list(t) for t, _ in polar],
        lexicon=LEXICON)
    assert model.head_ is not None and model.head_.shape[1] == 2
    probe = ["屏幕非常满意", "客服太慢"]
    assert model.predict(probe, [list(t) for t in probe]).tolist() == ["positive", "negative"]


def test_neutral_is_learned_from_labelled_neutral_rows(fitted):
    assert fitted.head_ is not None and fitted.head_.shape == (len(head.FEATURES) + 1, 3)
    probe = ["价格是蓝色的", "屏幕非常满意", "客服太慢"]
    labels = fitted.predict(probe, [list(t) for t in probe]).tolist()
    assert labels == ["neutral", "positive", "negative"]


def test_head_survives_save_and_load(fitted, tmp_path):
    fitted.save(tmp_path / "m")
    loaded = SentimentModel.load(tmp_path / "m")
    probe = ["质量很好，物流太慢", "包装放在门口"]
    tokens = [list(t) for t in probe]
    assert np.array_equal(fitted.predict_proba(probe, tokens), loaded.predict_proba(probe, tokens))


def test_spans_are_scored_through_the_head(fitted):
    text = "质量很好，物流太慢"
    tokens = list(text)
    proba = fitted.predict_proba([text], [tokens], [(0, 0, 4, 0, 4), (0, 5, 9, 5, 9)])
    alone = fitted.predict_proba(["质量很好", "物流太慢"], [list("质量很好"), list("物流太慢")])
    assert np.allclose(proba[1:], alone)


# Comments whose label the shipped model gets right for general reasons (the clause scores,
# a comparison, a resolved problem); none of them is a training row or a rule of the model.
SHIPPED_CASES = [
    ("物流很快，质量很好", "positive"),
    ("质量太差了，不会再买", "negative"),
    ("忘了送可乐，而且凉了", "negative"),                       # two complaints
    ("两个小时送到，冰冰凉透心凉…品质越来越差。再见", "negative"),
    ("房间很大但是隔音太差", "negative"),                        # what follows 但是
    ("不如上次好吃", "negative"),                                # compared with the past
    ("比别家差多了", "negative"),                                # compared with others
    ("问题解决了", "positive"),                                  # a problem solved
]


@pytest.mark.parametrize("text, label", SHIPPED_CASES)
def test_shipped_model_reads_these_comments(text, label):
    assert default_model().predict([text]).tolist() == [label]


def test_shipped_model_is_not_constant():
    proba = default_model().predict_proba([t for t, _ in SHIPPED_CASES])
    assert [CLASSES[i] for i in proba.argmax(axis=1)] == [label for _, label in SHIPPED_CASES]
    assert proba[:, 2].std() > 0.2 and proba[:, 1].max() > proba[:, 1].min()


def test_mention_polarity_comes_from_its_own_clause():
    text = "房间很大但是隔音太差"
    tokens = ["房间", "很大", "但是", "隔音", "太差"]
    proba = mention_proba(default_model(), [text, text], [tokens, tokens], [0, 6], [2, 8])
    assert [CLASSES[i] for i in proba.argmax(axis=1)] == ["positive", "negative"]


def test_a_comment_scores_bit_for_bit_the_same_alone_or_in_a_batch():
    texts = [t for t, _ in SHIPPED_CASES] * 20
    batch = default_model().predict_proba(texts)
    alone = np.vstack([default_model().predict_proba([t]) for t in texts[:len(SHIPPED_CASES)]])
    assert np.array_equal(batch[:len(SHIPPED_CASES)], alone)


def test_groups_are_dealt_to_folds_whole_and_deterministically():
    from manyi.annotate.sentiment.fit import group_folds

    groups = ["a"] * 5 + ["b"] * 3 + ["c"] * 3 + ["d"] * 1
    polar = np.ones(len(groups), dtype=bool)
    folds = group_folds(groups, polar, 2)
    for name in "abcd":  # one fold per group
        assert len(set(folds[[g == name for g in groups]].tolist())) == 1
    assert np.bincount(folds).tolist() == [6, 6]  # a+d against b+c
    assert group_folds(["a", "b"] * 3, np.ones(6, dtype=bool), 4) is None  # too few groups


def test_cross_fitted_head_learns_from_groups_the_weights_did_not_see():
    texts, labels = synthetic()
    groups = [str(i // 3 % 3) for i in range(len(texts))]  # a triple per group
    model = SentimentModel(min_df=1).fit(texts, labels, [list(t) for t in texts],
                                         lexicon=LEXICON, groups=groups)
    assert model.info_["cross_fitted_folds"] == 3 and model.info_["calibration_rows"] == 0
    probe = ["价格是蓝色的", "屏幕非常满意", "客服太慢"]
    assert model.predict(probe, [list(t) for t in probe]).tolist() == ["neutral", "positive",
                                                                       "negative"]


def test_signed_features_leave_neutral_between_negative_and_positive():
    """A signed feature (the score, its clauses) moves negative against positive only:
    neutral's weight is the mean of theirs, whatever common shift the fit chose, so a mildly
    negative comment is negative, not neutral."""
    texts, labels = synthetic()
    model = SentimentModel(min_df=1, calibration_share=0.5).fit(
        texts, labels, [list(t) for t in texts], lexicon=LEXICON)
    weights = model.head_
    assert weights.shape[1] == 3
    for name, (neg, neu, pos) in zip(head.FEATURES, weights[:-1]):
        if name not in head.SYMMETRIC:
            assert neu - (neg + pos) / 2 == pytest.approx(0, abs=1e-9), name
    assert np.abs(weights[:-1, 2] - weights[:-1, 0]).max() > 0  # the fit did learn


def test_a_mention_in_a_clause_without_opinion_takes_the_next_clauses():
    text = "先上来的是西芹，很脆，很嫩"
    tokens = ["先", "上来", "的", "是", "西芹", "，", "很", "脆", "，", "很", "嫩"]
    model = default_model()
    alone = mention_proba(model, [text], [tokens], [5], [7], reach=0)
    reached = mention_proba(model, [text], [tokens], [5], [7])
    assert CLASSES[reached.argmax()] == "positive"
    assert reached[0, 2] > alone[0, 2]
    # never across a contrast word
    two = mention_proba(model, ["房间很大但是隔音太差"], [["房间", "很大", "但是", "隔音",
                                                          "太差"]], [0], [2])
    assert CLASSES[two.argmax()] == "positive"


def test_questions_of_a_batch_agree_with_has_question_on_each_text():
    from manyi.annotate.sentiment.lookup import Batch

    texts = ["好吗？", "行吗。。", "还行", "", "？！", "真的吗~~ ", "吗", "。。", "好。真的吗"]
    codes = Batch.of(default_model()._lookup_tables(), texts, [list(t) for t in texts]).codes
    n = np.array([len(t) for t in texts])
    begin = np.cumsum(n + 1) - (n + 1)
    assert head.questions_of(codes, begin, begin + n).tolist() == \
        head.has_question(texts).tolist()
    # stretches of a text: 好。| 真的吗
    assert head.questions_of(codes, begin[[8, 8]] + [0, 2], begin[[8, 8]] + [2, 5]).tolist() \
        == [False, True]
