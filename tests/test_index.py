"""Satisfaction index, weights, key drivers, IPA, trends and alerts on hand-built tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from manyi.analysis.index import (
    alerts,
    entropy_weights,
    key_driver_model,
    key_drivers,
    satisfaction_index,
    satisfaction_score,
    satisfaction_table,
    trends,
)
from manyi.analysis.ipa import ipa_from_tables, ipa_table, plot_ipa
from manyi.errors import InputError

SCORE = {"positive": 0.8, "neutral": 0.0, "negative": -0.8}


def build(records) -> tuple[pd.DataFrame, pd.DataFrame]:
    """records: (comment_id, {dimension: polarity}, extra columns dict)."""
    comments, mentions = [], []
    for cid, dims, extra in records:
        worst = "negative" if "negative" in dims.values() else "positive"
        comments.append({"comment_id": cid, "flag": "", "sentiment": worst, **extra})
        for dim, pol in dims.items():
            mentions.append({"comment_id": cid, "clause_id": 0, "dimension": dim,
                             "factor": "f", "opinion": "", "polarity": pol,
                             "score": SCORE[pol]})
    return pd.DataFrame(comments), pd.DataFrame(mentions)


def small():
    # logistics: 2 pos, 1 neu, 1 neg → 100·(2 + .5)/4 = 62.5 ; price: 1 pos, 1 neg → 50
    return build([("1", {"logistics": "positive", "price": "negative"}, {}),
                  ("2", {"logistics": "positive"}, {}),
                  ("3", {"logistics": "neutral", "price": "positive"}, {}),
                  ("4", {"logistics": "negative"}, {}),
                  ("5", {}, {})])


def test_satisfaction_table_by_hand():
    table = satisfaction_table(*small()).set_index("dimension")
    assert table.loc["logistics", "satisfaction"] == satisfaction_score(2 / 4, 1 / 4, 1 / 4)
    assert table.loc["price", "satisfaction"] == 50.0
    assert table.loc["logistics", "complaint_rate"] == pytest.approx(1 / 4)
    assert table.loc["price", "complaint_incidence"] == pytest.approx(1 / 5)


def test_index_with_user_weights_is_the_weighted_mean():
    out = satisfaction_index(*small(), weights={"logistics": 3, "price": 1})
    scores = out.set_index("dimension")["satisfaction"]
    expected = (3 * scores["logistics"] + 1 * scores["price"]) / 4
    assert scores["index"] == pytest.approx(round(expected, 1))
    assert out.attrs["weights"] == {"logistics": 0.75, "price": 0.25}


def test_index_renormalises_over_dimensions_present_and_rejects_bad_weights():
    out = satisfaction_index(*small(), weights={"logistics": 1, "service": 1})
    assert out.set_index("dimension").loc["index", "satisfaction"] == 62.5
    with pytest.raises(InputError):
        satisfaction_index(*small(), weights="magic")


def test_entropy_weights_follow_the_formula():
    matrix = pd.DataFrame({"a": [10.0, 50, 90, 30], "b": [70.0, 72, 71, 90]})
    norm = (matrix - matrix.min()) / (matrix.max() - matrix.min()) + 1e-12
    p = norm / norm.sum()
    e = -(p * np.log(p)).sum() / math.log(len(matrix))
    expected = (1 - e) / (1 - e).sum()
    assert entropy_weights(matrix).to_numpy() == pytest.approx(expected.to_numpy())
    assert entropy_weights(pd.DataFrame({"a": [1.0, 2], "b": [5.0, 5]}))["b"] == pytest.approx(0)


def test_key_drivers_recover_a_known_model():
    rng = np.random.default_rng(7)
    x = pd.DataFrame(rng.choice([-1.0, 0, 1], size=(400, 3)), columns=["product", "price", "x"])
    y = 3 + 1.0 * x["product"] + 0.3 * x["price"] + rng.normal(0, 0.3, 400)
    table = key_drivers(x, y).set_index("dimension")
    assert table.loc["product", "coef"] == pytest.approx(1.0, abs=0.05)
    assert table.loc["price", "coef"] == pytest.approx(0.3, abs=0.05)
    assert table.loc["x", "p_value"] > 0.01 > table.loc["price", "p_value"]
    assert table["relative_weight"].sum() == pytest.approx(table.attrs["r2"])
    assert table.index[0] == "product" and table["importance"].sum() == pytest.approx(1)


def test_key_driver_model_and_index_weights_from_a_rating_column():
    rng = np.random.default_rng(3)
    records = []
    for i in range(300):
        product, service = rng.choice(["positive", "negative"], 2)
        stars = 3 + 1.5 * (product == "positive") - 1.5 * (product == "negative") \
            + 0.3 * (service == "positive") - 0.3 * (service == "negative")
        records.append((str(i), {"product": product, "service": service}, {"stars": stars}))
    comments, mentions = build(records)
    model = key_driver_model(comments, mentions, rating="stars")
    assert model["dimension"].iloc[0] == "product" and model.attrs["r2"] > 0.99
    out = satisfaction_index(comments, mentions, weights="key_driver", rating="stars")
    assert out.attrs["weights"]["product"] > 0.8
    entropy = satisfaction_index(comments, mentions, weights="entropy")
    assert sum(entropy.attrs["weights"].values()) == pytest.approx(1)


def test_ipa_quadrants_split_at_the_means():
    comments, mentions = small()
    table = ipa_table(comments, mentions, importance={"logistics": 0.9, "price": 0.1},
                      min_mentions=1, labels={"logistics": "物流"}).set_index("dimension")
    # logistics: more important and more satisfied than the mean → keep up
    assert table.loc["logistics", "quadrant"] == "keep up"
    assert table.loc["price", "quadrant"] == "low priority"
    # 2 comments: its satisfaction interval holds the cut, so the quadrant is not settled
    assert table.loc["price", "quadrant_label"] == "次要改进（未定）"
    assert table.loc["price", "crosses"] == "满意度"
    assert table["small"].all()  # 4 and 2 comments: flagged, drawn hollow
    fig = plot_ipa(table.reset_index())
    assert any(t.get_text().startswith("物流") for t in fig.axes[0].texts)
    axis = fig.axes[0].get_xlabel()
    assert "重要性（给定）" in axis and "重要性中位数 0.50" in axis
    assert "max(满意度指数, 50) = 58.3" in fig.axes[0].get_ylabel()  # weighted by comments


def test_an_ipa_quadrant_whose_interval_holds_the_cut_is_unsettled():
    """Two dimensions above the satisfaction cut: the one named by 400 comments is told to
    keep up; the one named by 20, whose interval reaches below the cut, is 未定."""
    def dimension(name, n, positive):
        return {"dimension": name, "label": name, "comments": n, "positive": positive,
                "neutral": 0.0, "negative": 1 - positive, "satisfaction": 100 * positive}

    sat = pd.DataFrame([dimension("sure", 400, 0.9), dimension("unsure", 20, 0.75),
                        dimension("low", 400, 0.4), dimension("lower", 400, 0.45)])
    imp = pd.DataFrame({"dimension": ["sure", "unsure", "low", "lower"],
                        "importance": [0.3, 0.3, 0.1, 0.05],
                        "importance_low": [0.25, 0.25, 0.05, 0.03],
                        "importance_high": [0.35, 0.35, 0.15, 0.07]})
    table = ipa_from_tables(sat, imp, "complaint_impact").set_index("dimension")
    assert table.attrs["importance_cut"] == pytest.approx(0.2)  # the median: 0.3, 0.3, 0.1, 0.05
    # the index over them, each weighted by its comments: 71,500 / 1,220
    assert table.attrs["satisfaction_cut"] == pytest.approx(58.6)
    assert table.loc["sure", "quadrant_label"] == "继续保持"
    assert table.loc["unsure", "quadrant"] == "keep up"
    assert table.loc["unsure", "quadrant_label"] == "继续保持（未定）"
    assert table.loc["unsure", "crosses"] == "满意度"
    assert table.loc["low", "crosses"] == ""
    assert "（未定）" in plot_ipa(table.reset_index()).axes[0].get_xlabel()


def test_no_importance_is_never_important_even_when_the_median_is_zero():
    """review: importances 0.30, 0.05, 0, 0, 0 put the median cut at 0 and told the three
    dimensions nobody complains about to keep up."""
    dims = ["a", "b", "c", "d", "e"]
    sat = pd.DataFrame({"dimension": dims, "label": dims, "comments": 200, "positive": 0.8,
                        "neutral": 0.0, "negative": 0.2, "satisfaction": 80.0})
    imp = pd.DataFrame({"dimension": dims, "importance": [0.3, 0.05, 0.0, 0.0, 0.0]})
    table = ipa_from_tables(sat, imp, "given").set_index("dimension")
    assert table.attrs["importance_cut"] == 0.0
    assert table.loc["a", "quadrant"] == "keep up"
    assert set(table.loc[["c", "d", "e"], "quadrant"]) == {"possible overkill"}


def monthly(rates: dict[str, list[float]], per_month: int = 200, seed: int = 0):
    """Comments over months; each names one dimension, negative with the month's rate."""
    rng = np.random.default_rng(seed)
    records, n = [], 0
    months = len(next(iter(rates.values())))
    for month in range(months):
        for dim, series in rates.items():
            for _ in range(per_month):
                pol = "negative" if rng.random() < series[month] else "positive"
                records.append((str(n), {dim: pol}, {"time": f"2026-{month + 1:02d}-10",
                                                     "shop": "AB"[n % 2]}))
                n += 1
    return build(records)


def test_alerts_fire_on_a_real_rise():
    comments, mentions = monthly({"logistics": [0.1, 0.1, 0.1, 0.3], "price": [0.2] * 4})
    table = trends(comments, mentions, time_col="time", freq="M")
    assert set(table["period"]) == {"2026-01", "2026-02", "2026-03", "2026-04"}
    found = alerts(table)
    assert found[["dimension", "period"]].values.tolist() == [["logistics", "2026-04"]]
    assert found["previous_period"].iloc[0] == "2026-03"


def test_alerts_stay_quiet_on_noise():
    comments, mentions = monthly({d: [0.2] * 12 for d in ("logistics", "price", "product")},
                                 per_month=120, seed=11)
    table = trends(comments, mentions, time_col="time", freq="M")
    everything = alerts(table, all_tests=True)
    # 3 dimensions × 2 measures × (11 steps + 10 periods with two or more earlier, pooled)
    assert len(everything) == 3 * 2 * (11 + 10) and everything["alert"].sum() == 0


def test_a_slow_rise_alerts_against_the_earlier_periods():
    """No month is significantly above the month before, all of them together are: the last
    month is compared with the earlier months pooled, and the alert says so."""
    records = [(f"{month}-{i}", {"brand": "negative" if i < negative else "positive"},
                {"time": f"2026-{month:02d}-10"})
               for month, negative in enumerate([20, 25, 30, 40], start=1) for i in range(250)]
    comments, mentions = build(records)  # 8 % → 10 % → 12 % → 16 % of 250 a month
    table = trends(comments, mentions, time_col="time", freq="M")
    everything = alerts(table, all_tests=True)
    steps = everything[~everything["previous_period"].str.contains("…")]
    assert not steps["alert"].any()  # each step alone is noise-sized
    found = alerts(table)
    assert found[["dimension", "period", "previous_period"]].values.tolist() == [
        ["brand", "2026-04", "2026-01…2026-03"]]
    pooled = found.iloc[0]
    assert pooled["previous_total"] == table.query(
        "dimension == 'brand' and period < '2026-04'")["comments"].sum()


def test_a_rise_in_complaints_per_comment_alerts_when_the_share_among_mentions_barely_moves():
    """More delivery complaints among all comments (5 % → 15 %), while those who mention
    delivery complain about as often (40 % → 50 %: the new complaints mention it too): the
    incidence alerts, the rate alone would not (newcomer: a planted rise gave no alert)."""
    records, n = [], 0
    for month, (named, negative) in enumerate([(50, 20), (50, 20), (60, 24), (100, 50)], 1):
        for i in range(400):
            dims = {"logistics": "negative" if i < negative else "positive"} if i < named \
                else {"price": "positive"}
            records.append((str(n), dims, {"time": f"2026-{month:02d}-10"}))
            n += 1
    comments, mentions = build(records)
    table = trends(comments, mentions, time_col="time", freq="M")
    assert alerts(table, measure="complaint_rate").empty
    found = alerts(table)
    assert found[["dimension", "period", "measure"]].values.tolist() == [
        ["logistics", "2026-04", "complaint_incidence"]]


def test_trends_by_group_and_alerts_per_group():
    comments, mentions = monthly({"logistics": [0.1, 0.1, 0.4]}, per_month=300)
    table = trends(comments, mentions, time_col="time", by="shop")
    assert set(table["shop"]) == {"A", "B"}
    found = alerts(table, measure="complaint_incidence")
    assert sorted(found["shop"]) == ["A", "B"]
    with pytest.raises(InputError):
        trends(comments, mentions, time_col="when")


def test_index_through_analyze_on_real_comments():
    from manyi import pipeline

    texts = ["物流太慢了，包装也破了", "快递很快，质量很好", "价格太贵，质量一般",
             "客服态度很差", "东西不错，物流快", "质量好，价格便宜"]
    result = pipeline.analyze(texts, progress=False)
    out = satisfaction_index(result.comments, result.mentions).set_index("dimension")
    dims = result.dimensions.set_index("dimension")
    for dim in out.index.drop("index"):
        assert out.loc[dim, "satisfaction"] == dims.loc[dim, "satisfaction"]
    assert 0 <= out.loc["index", "satisfaction"] <= 100


def test_index_from_dimensions_equals_the_index_row():
    """The streamed summary's index (from dimensions.csv alone) is the Result's index."""
    from pathlib import Path

    import manyi
    from manyi.analysis.index import index_from_dimensions, index_value

    sample = Path(__file__).parents[1] / "corpus_samples" / "ecommerce_reviews.csv"
    result = manyi.analyze(sample, progress=False)
    assert index_from_dimensions(result.dimensions) == index_value(result.index)


def test_a_small_dimension_does_not_pull_the_satisfaction_cut():
    """newcomer: 物流 (88 hotel comments at 31.8) pulled an unweighted mean cut to 53.6, below
    产品 (58.4) and 环境 (56.6), and the hotel's fix-first #1 dimension read 继续保持."""
    def dimension(name, n, satisfaction):
        p = satisfaction / 100
        return {"dimension": name, "label": name, "comments": n, "positive": p,
                "neutral": 0.0, "negative": 1 - p, "satisfaction": satisfaction}

    sat = pd.DataFrame([dimension("product", 3000, 58.4), dimension("environment", 2500, 56.6),
                        dimension("service", 2500, 65.0), dimension("logistics", 88, 31.8)])
    imp = pd.DataFrame({"dimension": ["product", "environment", "service", "logistics"],
                        "importance": [0.09, 0.05, 0.03, 0.001]})
    table = ipa_from_tables(sat, imp, "complaint_impact").set_index("dimension")
    assert table.loc["product", "quadrant"] == "concentrate here"
    assert table.attrs["satisfaction_cut"] > sat["satisfaction"].iloc[:2].max()
