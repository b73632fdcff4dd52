"""Sentiment model: determinism, persistence, the neutral rule, explanations, real-data accuracy."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from manyi.annotate.sentiment.model import (
    CLASSES,
    DEFAULT_MODEL_PATH,
    SentimentModel,
    _Lexicon,
    default_model,
    normalize_labels,
    score_frame,
)
from manyi.errors import InputError, ModelError
from manyi.text.segment import split_clauses

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"

TINY_TEXTS = ["质量很好", "非常满意", "物流很快很好", "好评", "很喜欢",
              "质量太差", "非常失望", "物流很慢", "差评", "不喜欢",
              "一般般吧", "还行吧", "收到了", "没什么感觉"]
TINY_LABELS = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, "中性", "中性", "中性", "中性"]
TINY_LEXICON = type("Lex", (), {"opinions": {"好": 1.0, "满意": 1.0, "差": -1.0, "失望": -1.0,
                                             "喜欢": 1.0, "慢": -1.0},
                                "negations": {"不", "没"}, "degrees": {"非常": 1.8, "很": 1.3}})


def tiny_model(with_neutral: bool = False, negation_scope: bool = False) -> SentimentModel:
    n = len(TINY_TEXTS) if with_neutral else 10
    return SentimentModel(min_df=1, calibration_share=0.0, negation_scope=negation_scope).fit(
        TINY_TEXTS[:n], TINY_LABELS[:n], [list(t) for t in TINY_TEXTS[:n]],
        lexicon=TINY_LEXICON)


@pytest.mark.parametrize("value, label", [
    (1, "positive"), (0, "negative"), ("1", "positive"), (0.0, "negative"),
    ("pos", "positive"), ("NEG", "negative"), ("正面", "positive"), ("负面", "negative"),
    ("中性", "neutral"), ("neutral", "neutral"),
])
def test_normalize_labels_understands_common_spellings(value, label):
    assert normalize_labels([value]) == [label]


def test_normalize_labels_names_the_bad_value():
    with pytest.raises(InputError, match="row 1.*'好的'"):
        normalize_labels([1, "好的"])


def test_shipped_model_is_cached_and_deterministic():
    texts = ["物流很快，质量很好", "质量太差了，不会再买", "收到了"]
    assert default_model() is default_model()
    first = default_model().predict_proba(texts)
    again = SentimentModel.load(DEFAULT_MODEL_PATH).predict_proba(texts)
    assert np.array_equal(first, again)
    assert first.shape == (3, 3)
    assert np.allclose(first.sum(axis=1), 1.0)


def test_fit_is_deterministic_and_save_load_round_trips(tmp_path):
    model = tiny_model()
    again = tiny_model()
    probe = ["质量很好，非常满意", "物流很慢，不喜欢", "还可以"]
    tokens = [list(t) for t in probe]
    assert np.array_equal(model.predict_proba(probe, tokens), again.predict_proba(probe, tokens))
    model.save(tmp_path / "m")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json", "m.npz"]
    loaded = SentimentModel.load(tmp_path / "m.npz")
    assert np.array_equal(model.predict_proba(probe, tokens), loaded.predict_proba(probe, tokens))
    assert loaded.explain(probe[0], tokens[0]) == model.explain(probe[0], tokens[0])


def test_sample_weight_weighs_rows_in_the_fit():
    texts, labels = TINY_TEXTS[:10], TINY_LABELS[:10]
    tokens = [list(t) for t in texts]

    def fit(weights):
        return SentimentModel(min_df=1, calibration_share=0.0).fit(
            texts, labels, tokens, lexicon=TINY_LEXICON, sample_weight=weights)

    probe, probe_tokens = ["质量很好", "物流很慢"], [list("质量很好"), list("物流很慢")]
    plain = fit(None).decision_function(probe, probe_tokens)
    assert np.array_equal(plain, fit([1.0] * 10).decision_function(probe, probe_tokens))
    # more weight on the first positive row pulls 质量很好 further positive
    heavier = fit([5.0] + [1.0] * 9).decision_function(probe, probe_tokens)
    assert heavier[0] > plain[0]
    for bad in ([1.0] * 9, [-1.0] + [1.0] * 9, [float("nan")] + [1.0] * 9, [0.0] * 10):
        with pytest.raises(InputError, match="weight"):
            fit(bad)


def test_load_rejects_a_missing_model(tmp_path):
    with pytest.raises(ModelError, match="no such sentiment model file"):
        SentimentModel.load(tmp_path / "nothing")


def test_unfitted_model_says_so():
    with pytest.raises(ModelError, match="not fitted"):
        SentimentModel().predict_proba(["好"], [["好"]])


def test_binary_model_learns_the_tiny_set():
    model = tiny_model()
    assert model.classes_ == ("negative", "positive")
    tokens = [list(t) for t in TINY_TEXTS[:10]]
    proba = model.predict_proba(TINY_TEXTS[:10], tokens)
    polarity = np.where(proba[:, 2] > proba[:, 0], "positive", "negative").tolist()
    assert polarity == normalize_labels(TINY_LABELS[:10])


def test_few_neutral_labels_keep_the_neutral_rule():
    """Under 30 rows for the comment head: binary weights and the neutral rule."""
    model = tiny_model(with_neutral=True)
    assert model.classes_ == ("negative", "positive") and model.head_ is None
    assert model.info_["label_counts"]["neutral"] == 4


def neutral_rule_model(bias: float) -> SentimentModel:
    """A model whose logit is ``bias`` for every text, to test the neutral rule alone."""
    model = SentimentModel()
    model._set_state([({}, {}, {}, (0.0, 0.0, bias, 0.0))], ("negative", "positive"), (1.0, 0.0),
                     _Lexicon({"好": 1.0, "差": -1.0}, ["不"], {"很": 1.5}), {})
    return model


@pytest.mark.parametrize("text, tokens, bias, label", [
    ("物流三天到了", ["物流", "三天", "到", "了"], 0.0, "neutral"),       # no opinion, unsure
    ("物流三天到了", ["物流", "三天", "到", "了"], 3.0, "positive"),      # no opinion, sure
    ("很好", ["很", "好"], 0.3, "positive"),                             # one-sided opinion
    ("不好", ["不", "好"], -0.3, "negative"),                            # negated opinion
    ("好，差", ["好", "，", "差"], 0.0, "neutral"),                      # balanced opinions
    ("好，差", ["好", "，", "差"], -3.0, "negative"),
])
def test_neutral_rule(text, tokens, bias, label):
    proba = neutral_rule_model(bias).predict_proba([text], [tokens])[0]
    assert CLASSES[int(proba.argmax())] == label
    assert math.isclose(proba.sum(), 1.0)


def test_one_sided_opinion_is_never_neutral():
    proba = neutral_rule_model(0.0).predict_proba(["很好", "不好"], [["很", "好"], ["不", "好"]])
    assert proba[:, 1].tolist() == [0.0, 0.0]


def test_neutral_probability_formula():
    q = 1 / (1 + math.exp(-0.5))
    p_neg, p_neu, p_pos = neutral_rule_model(0.5).predict_proba(["收到"], [["收到"]])[0]
    assert math.isclose(p_neu, 1 - abs(2 * q - 1))
    assert math.isclose(p_pos, q * (1 - p_neu))


def test_explain_terms_sum_to_the_logit():
    model = default_model()
    text = "房间很大，但是隔音太差了"
    for by in ("word", "feature"):
        terms = model.explain(text, top=10_000, by=by)
        assert math.isclose(sum(v for _, v in terms), model.decision_function([text])[0],
                            abs_tol=1e-3)
        assert [abs(v) for _, v in terms] == sorted((abs(v) for _, v in terms), reverse=True)


def test_explain_names_the_words_behind_a_complaint():
    words = dict(default_model().explain("送餐太慢了，饭菜都凉了", top=5))
    assert any(v < 0 for v in words.values())
    assert min(words, key=words.get) in {"慢", "太慢", "凉", "凉了", "慢了", "太…慢·词典",
                                         "慢·词典"}


def test_mixed_comment_scores_its_clauses_apart():
    text = "房间很大但是隔音太差"
    clauses = [text[a:b] for a, b in split_clauses(text, {"但是"})]
    assert clauses == ["房间很大", "但是隔音太差"]
    room, sound = score_frame(clauses).itertuples(index=False)
    # the clause model alone finds 房间很大 mild (no opinion word: neutral, score ≈ 0);
    # the pipeline adds the lexicon rule on top. What matters here: the two are scored apart.
    assert room.sentiment != "negative" and sound.sentiment == "negative"
    assert room.sentiment_score > sound.sentiment_score + 0.5
    assert score_frame(["房间很大很干净"])["sentiment"][0] == "positive"


def test_spans_score_as_their_texts_alone():
    """predict_proba(..., spans) gives each clause exactly the probabilities it gets when
    scored as a text of its own, across batch boundaries and with emoji and negations."""
    from itertools import accumulate

    from manyi.annotate.sentiment import model as sentiment_module
    from manyi.text.lexicon import Lexicon
    from manyi.text.normalize import normalize_text
    from manyi.text.segment import Segmenter, split_clauses_by_tokens

    sample = Path(__file__).resolve().parents[1] / "corpus_samples" / "ecommerce_reviews.csv"
    texts = [normalize_text(t) for t in pd.read_csv(sample)["评论内容"].dropna().astype(str)]
    texts += ["不是很好，但是👍👍", "非常不满意😡，物流太慢了，客服态度还行"]
    lexicon = Lexicon.load()
    segmenter = Segmenter(lexicon)
    tokens = [segmenter.cut(t) for t in texts]
    spans, alone_texts, alone_tokens = [], [], []
    for n, (text, toks) in enumerate(zip(texts, tokens)):
        starts = list(accumulate(map(len, toks), initial=0))
        for start, end in split_clauses_by_tokens(text, toks, starts, lexicon.contrasts):
            first = sum(s < start for s in starts[:-1])
            last = sum(s < end for s in starts[:-1])
            spans.append((n, start, end, first, last))
            alone_texts.append(text[start:end])
            alone_tokens.append(toks[first:last])
    model = default_model()
    alone = model.predict_proba(texts + alone_texts, tokens + alone_tokens)
    assert len(spans) > len(texts)
    assert np.array_equal(model.predict_proba(texts, tokens, spans), alone)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sentiment_module, "_BATCH", 7)
        assert np.array_equal(model.predict_proba(texts, tokens, spans), alone)
    too_long = [(0, 0, len(texts[0]) + 3, 0, len(tokens[0]))]
    for bad in (spans[::-1], [(len(texts), 0, 1, 0, 1)], [(0, 0, 4, 0, 2), (0, 2, 5, 1, 3)],
                too_long, [(0, 0, 1, 0)] * 5):
        with pytest.raises(InputError, match="span"):
            model.predict_proba(texts, tokens, bad)
    with pytest.raises(InputError, match="tokens"):
        model.predict_proba(texts, None, spans)


def test_score_frame_columns_and_empty_input():
    frame = score_frame(["很好"])
    assert list(frame.columns) == ["p_negative", "p_neutral", "p_positive", "sentiment",
                                   "sentiment_score"]
    assert math.isclose(frame["sentiment_score"][0], frame["p_positive"][0]
                        - frame["p_negative"][0])
    assert len(score_frame([], [])) == 0


def test_accuracy_on_real_unseen_reviews():
    path = DATA / "chnsenticorp_12k" / "test.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    from manyi.text.normalize import normalize_text

    rows = pd.read_csv(path).head(300)
    texts = [normalize_text(t) for t in rows["text"]]
    proba = default_model().predict_proba(texts)
    predicted = np.where(proba[:, 2] >= proba[:, 0], "positive", "negative")
    accuracy = (predicted == np.array(normalize_labels(rows["label"]))).mean()
    assert accuracy >= 0.85


BATCH_TEXTS = ["物流很快，质量很好👍", "质量太差了，不会再买😡", "收到了", "", "不是很好，也不太差",
               "非常不满意！！！", "hello world 不错", "a\x00b 好", "房间很大，但是隔音太差了",
               "😊😊", "一般般吧，还行"]


def one_by_one(model: SentimentModel, texts, tokens) -> np.ndarray:
    """The probabilities from the plain per-comment dict look-ups (SentimentModel._logits)."""
    from manyi.annotate.sentiment import head as sentiment_head

    rows = []
    for text, toks in zip(texts, tokens):
        logits, pos, neg = model._logits(text, toks)
        if model.head_ is None:
            rows.append(model._proba_from_logits(np.array([logits]), np.array([pos]),
                                                 np.array([neg]))[0])
            continue
        clauses, contrast, _ = sentiment_head.clause_spans([text], [toks])
        clause_z = [model._logits(text[a:b], toks[f:e])[0][0] for _, a, b, f, e in clauses]
        X = sentiment_head.features(
            np.array(logits), np.array([pos]), np.array([neg]), np.array([len(text)]),
            sentiment_head.has_question([text]), np.array(clause_z),
            np.zeros(len(clauses), dtype=np.int64), contrast)
        rows.append(sentiment_head.proba(X, model.head_)[0])
    return np.array(rows)


@pytest.mark.parametrize("make", [default_model, tiny_model, lambda: tiny_model(True),
                                  lambda: tiny_model(True, negation_scope=True)])
def test_batch_scores_equal_one_by_one_scores(make):
    model = make()
    texts = BATCH_TEXTS
    tokens = [["物流", "很快", "，", "质量", "很", "好", "👍"], ["质量", "太差", "了", "，", "不会",
              "再", "买", "😡"], ["收到", "了"], [], ["不是", "很", "好", "，", "也", "不", "太",
              "差"], ["非常", "不", "满意", "！", "！", "！"], ["hello", " ", "world", " ", "不错"],
              ["a", "\x00", "b", " ", "好"], ["房间", "很大", "，", "但是", "隔音", "太差", "了"],
              ["😊", "😊"], ["一般般", "吧", "，", "还行"]]
    batch = model.predict_proba(texts, tokens)
    assert np.allclose(batch, one_by_one(model, texts, tokens), rtol=0, atol=1e-12)
    singles = np.vstack([model.predict_proba([t], [k]) for t, k in zip(texts, tokens)])
    assert np.allclose(batch, singles, rtol=0, atol=1e-12)
    logits = np.array([model._logits(t, k)[0] for t, k in zip(texts, tokens)])
    polarity = logits[:, 0] if logits.shape[1] == 1 else logits[:, 2] - logits[:, 0]
    assert np.allclose(model.decision_function(texts, tokens), polarity, rtol=0, atol=1e-12)


def test_batch_scores_equal_one_by_one_on_real_reviews():
    path = DATA / "online_shopping_10_cats.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    from manyi.text.normalize import normalize_text

    rows = pd.read_csv(path).dropna(subset=["review"]).sample(400, random_state=1)
    texts = [normalize_text(t) for t in rows["review"]]
    model = default_model()
    tokens = [model_tokens for model_tokens in _tokens(texts)]
    batch = model.predict_proba(texts, tokens)
    assert np.allclose(batch, one_by_one(model, texts, tokens), rtol=0, atol=1e-12)


def _tokens(texts):
    from manyi.annotate.sentiment.model import _tokens_for

    return _tokens_for(texts)


@pytest.mark.parametrize("fused, apart", [
    (["送餐", "太慢", "了"], ["送餐", "太", "慢", "了"]),
    (["服务", "不太好"], ["服务", "不", "太", "好"]),
    (["很不满意"], ["很", "不", "满意"]),
])
def test_fused_opinion_tokens_weigh_as_their_words(fused, apart):
    """The segmenter often cuts 太慢 or 不太好 as one token: the lexicon evidence is that of
    the words apart, in the plain and the batch scoring alike (a negation before a fused token
    flips its weight, degree included)."""
    model = default_model()
    text = "".join(fused)
    found = model.lexicon_.evidence(text, fused)
    assert found == model.lexicon_.evidence(text, apart)
    assert found != (0.0, 0.0)
    _, pos, neg = model._batch_logits([text], [fused])
    assert (pos[0], neg[0]) == pytest.approx(found, abs=1e-12)


def test_fused_tokens_leave_other_words_alone():
    lexicon = default_model().lexicon_
    for token in ("太阳", "不要", "满意", "很"):  # not a modifier, then an opinion word
        assert lexicon.fused[token] == 0.0


def test_fused_hao_before_an_opinion_is_a_degree_adverb():
    """好贵 is "very expensive": a complaint, not 好 and 贵 balancing out."""
    lexicon = default_model().lexicon_
    assert lexicon.opinions["贵"] < 0
    assert lexicon.fused["好贵"] == pytest.approx(1.5 * lexicon.opinions["贵"])
    pos, neg = lexicon.evidence("这个好贵", ["这个", "好贵"])
    assert pos == 0 and neg > 0


@pytest.mark.parametrize("token", ["好不好", "好不好吃"])
def test_a_fused_question_is_no_opinion(token):
    """好不好吃 asks (is it good?): 好 is no degree adverb there, nor 不好吃 a complaint."""
    lexicon = default_model().lexicon_
    assert lexicon.fused[token] == 0.0
    assert lexicon.fused["好难吃"] < 0  # 好 before an opinion word is still a degree adverb


def test_a_model_trained_on_two_class_labels_keeps_clear_opinions_out_of_neutral():
    # a user's 好评/差评 labels and no 中性: neutral must not become a band around the middle
    # that swallows mixed but clearly labelled reviews (7 % of hotel reviews once did)
    path = DATA / "ChnSentiCorp_htl_all.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    rows = pd.read_csv(path).dropna(subset=["review"]).sample(1500, random_state=3)
    texts, labels = rows["review"].astype(str).tolist(), rows["label"].tolist()
    tokens = _tokens(texts)
    model = SentimentModel(lexicon_domain="hotel").fit(texts[:1200], labels[:1200],
                                                       tokens[:1200])
    assert model.head_ is not None and model.head_.shape[1] == 2
    assert model.info_["neutral_scale"] < 1.0
    predicted = model.predict(texts[1200:], tokens[1200:])
    assert (predicted == "neutral").mean() <= 0.02
    gold = np.where(np.array(labels[1200:]) == 1, "positive", "negative")
    assert (predicted == gold).mean() >= 0.8


@pytest.mark.parametrize("tokens", [
    ["反映", "了", "好", "几次", "也", "没修"],  # 好几次: "quite a few", no praise
    ["等", "了", "好", "半天"],
])
def test_hao_counting_is_no_opinion_in_the_plain_and_the_batch_scoring(tokens):
    lexicon = default_model().lexicon_
    text = "".join(tokens)
    assert lexicon.evidence(text, tokens)[0] == 0
    _, pos, neg = default_model()._batch_logits([text, "好"], [tokens, ["好"]])
    assert pos[0] == 0 and pos[1] > 0  # 好 alone still praises


def test_hao_at_a_comments_end_does_not_count_the_next_comment():
    """A batch's comments are one token list: 好 ending one comment is praise whatever the
    next comment begins with."""
    _, pos, _ = default_model()._batch_logits(["很好", "几天就到了"],
                                              [["很", "好"], ["几天", "就", "到", "了"]])
    assert pos[0] > 0
