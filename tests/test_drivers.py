"""Drivers from what customers say about each factor: impact, intervals, praise, streamed
counts, labels from the run's lexicon, and the rating and IPA tables, checked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from manyi.analysis.drivers import drivers, drivers_from_counts
from manyi.analysis.graph import FactorCounts
from manyi.analysis.impact import Patterns, impact_table, rating_scale
from manyi.analysis.index import satisfaction_index
from manyi.analysis.ipa import ipa_from_tables
from manyi.analysis.keydrivers import rating_drivers
from manyi.analysis.rows import complaint_mask
from manyi.errors import InputError

# comments 1–10; what each names negatively (−) or positively (+); complaints = 1, 2, 3, 9
SAID = {"1": "A-B-", "2": "A-B-", "3": "A-", "4": "A+", "5": "B+", "6": "C+", "7": "C+C+",
        "8": "", "9": "", "10": ""}
COMPLAINTS = {"1", "2", "3", "9"}
KEYS = {"A": ("logistics", "speed"), "B": ("product", "quality"), "C": ("service", "attitude")}
STARS = {"1": 1, "2": 2, "3": 1, "4": 5, "5": 4, "6": 5, "7": 5, "8": 4, "9": 2, "10": 3}


def tiny() -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = list(SAID)
    comments = pd.DataFrame({"comment_id": ids, "flag": "", "stars": [STARS[i] for i in ids],
                             "sentiment": ["negative" if i in COMPLAINTS else "positive"
                                           for i in ids]})
    rows = []
    for n, (cid, said) in enumerate(SAID.items()):
        for k in range(0, len(said), 2):
            dim, fac = KEYS[said[k]]
            sign = 1 if said[k + 1] == "+" else -1
            rows.append({"comment_id": cid, "row": n, "clause_id": k // 2, "dimension": dim,
                         "factor": fac, "polarity": "positive" if sign > 0 else "negative",
                         "score": 0.6 * sign, "opinion": ""})
    return comments, pd.DataFrame(rows)


def complaint_row(table: pd.DataFrame, factor: str, level: str = "factor") -> pd.Series:
    rows = table[(table["side"] == "complaint") & (table["level"] == level)]
    key = "factor" if level == "factor" else "dimension"
    return rows.set_index(key).loc[factor]


def test_impact_counts_shared_complaints_as_documented():
    comments, mentions = tiny()
    table = drivers(comments, mentions, min_comments=1, boot=200)
    assert len(table) > 0
    speed, quality = complaint_row(table, "speed"), complaint_row(table, "quality")
    # A is named negatively in complaints 1, 2 (with B) and 3 (alone); B in 1 and 2
    assert (speed["comments_naming"], speed["side_naming"]) == (3, 3)
    assert speed["side_share"] == pytest.approx(3 / 4)
    assert speed["resolved"] == 1 and speed["impact_alone"] == pytest.approx(1 / 10)
    assert speed["impact"] == pytest.approx((0.5 + 0.5 + 1) / 10)
    assert quality["resolved"] == 0 and quality["impact"] == pytest.approx(1 / 10)
    assert table[table["side"] == "complaint"]["factor"].iloc[0] == "speed"
    # the split impacts add up to the complaints that name a factor (3 of 10)
    factors = table[(table["side"] == "complaint") & (table["level"] == "factor")]
    assert factors["impact"].sum() == pytest.approx(3 / 10)
    assert speed["impact_low"] <= speed["impact"] <= speed["impact_high"]
    assert "service" not in set(table.loc[table["side"] == "complaint", "dimension"])


def test_praise_side_and_a_mostly_praised_factor():
    comments, mentions = tiny()
    table = drivers(comments, mentions, min_comments=1, boot=50)
    praise = table[(table["side"] == "praise") & (table["level"] == "factor")]
    assert praise["factor"].iloc[0] == "attitude"  # praised in 6 and 7, alone
    assert praise.set_index("factor").loc["attitude", "impact"] == pytest.approx(2 / 10)
    assert "attitude" not in set(table.loc[table["side"] == "complaint", "factor"])


def test_the_count_columns_say_what_they_hold_on_both_sides():
    """A praise row holds positive counts (newcomer: they sat in columns named
    negative_comments, complaints_naming, complaint_share): the columns are side-neutral."""
    comments, mentions = tiny()
    table = drivers(comments, mentions, min_comments=1, boot=20)
    assert not {"negative_comments", "complaints_naming", "complaint_share"} & set(table)
    attitude = table[(table["side"] == "praise") & (table["level"] == "factor")] \
        .set_index("factor").loc["attitude"]
    # named positively in 6 and 7, both praising; 6 praising comments (4 5 6 7 8 10)
    assert (attitude["comments_naming"], attitude["side_naming"]) == (2, 2)
    assert attitude["side_share"] == pytest.approx(2 / 6)


def test_index_impact_matches_resolving_the_mentions():
    comments, mentions = tiny()
    table = drivers(comments, mentions, min_comments=1, boot=20)
    before = satisfaction_index(comments, mentions)
    resolved = mentions.copy()
    only_speed = resolved["factor"].eq("speed") & resolved["polarity"].eq("negative")
    resolved.loc[only_speed, ["polarity", "score"]] = ["neutral", 0.0]
    after = satisfaction_index(comments, resolved, weights=before.attrs["weights"])
    gain = (after.loc[after["dimension"] == "index", "contribution"].iat[0]
            - before.loc[before["dimension"] == "index", "contribution"].iat[0])
    assert complaint_row(table, "speed")["index_impact"] == pytest.approx(gain, abs=0.06)
    assert before["weighting"].iat[0] == "mentions"


def test_rating_impact_by_hand():
    comments, mentions = tiny()
    table = drivers(comments, mentions, min_comments=1, boot=20, rating="stars")
    clean = [STARS[c] for c, said in SAID.items() if "-" not in said]
    mean_clean = sum(clean) / len(clean)
    # A is named negatively in 1, 2 (with B: half each) and 3
    gain = (0.5 * (mean_clean - 1) + 0.5 * (mean_clean - 2) + (mean_clean - 1)) / 10
    assert complaint_row(table, "speed")["rating_impact"] == pytest.approx(gain)


def test_a_rating_column_moves_no_interval_but_the_ratings():
    comments, mentions = tiny()
    plain = drivers(comments, mentions, min_comments=1, boot=200)
    rated = drivers(comments, mentions, min_comments=1, boot=200, rating="stars")
    assert rated["impact_high"].nunique() > 1  # a real interval, not a constant
    shared = [c for c in plain.columns if c in rated.columns]
    pd.testing.assert_frame_equal(rated[shared], plain)


def test_streamed_counts_give_the_same_table_bootstrap_included():
    comments, mentions = tiny()
    whole = drivers(comments, mentions, min_comments=1)
    first, second = comments.iloc[:5], comments.iloc[5:].reset_index(drop=True)
    m1 = mentions[mentions["row"] < 5]
    m2 = mentions[mentions["row"] >= 5].assign(row=lambda m: m["row"] - 5)
    counts = FactorCounts.total([FactorCounts.of(first, m1), FactorCounts.of(second, m2)])
    pd.testing.assert_frame_equal(drivers_from_counts(counts, min_comments=1), whole)


def test_bootstrap_interval_covers_a_known_rate():
    rng = np.random.default_rng(3)
    n = 4000
    hit = rng.random(n) < 0.1
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(n)], "flag": "",
                             "sentiment": np.where(hit, "negative", "positive")})
    mentions = pd.DataFrame({"row": np.flatnonzero(hit), "dimension": "price",
                             "factor": "value", "polarity": "negative", "score": -0.5})
    row = complaint_row(drivers(comments, mentions), "value")
    assert row["impact_low"] < hit.mean() < row["impact_high"]
    assert row["impact_high"] - row["impact_low"] == pytest.approx(
        2 * 1.96 * np.sqrt(0.1 * 0.9 / n), rel=0.25)
    assert bool(row["significant"])


def test_labels_come_from_the_run_not_a_reloaded_lexicon():
    comments, mentions = tiny()
    labels = {"logistics": "物流", "logistics/speed": "送达速度（自定义）"}
    table = drivers(comments, mentions, labels=labels, min_comments=1, boot=10)
    assert complaint_row(table, "speed")["label"] == "物流·送达速度（自定义）"


def test_user_pack_factor_label_shows_in_result_drivers(tmp_path):
    from manyi.pipeline import analyze

    pack = tmp_path / "phone.toml"
    pack.write_text('[dimensions.product.factors.unlock]\nlabel = "解锁体验"\n'
                    'terms = ["面容解锁", "指纹解锁"]\n', encoding="utf-8")
    texts = ["面容解锁太慢了，很失望", "指纹解锁经常失灵，差评", "物流很快，包装很好",
             "面容解锁很灵敏，满意", "指纹解锁反应很慢，不好用", "面容解锁老是失败，太差了"]
    result = analyze(texts, lexicon=[pack], progress=False)
    table = result.drivers
    assert "解锁体验" in set(table["label"].str.split("·").str[-1])
    graph = result.graphs["all"]
    assert graph.nodes["product/unlock"]["label"] == "产品·解锁体验"


def test_patterns_add_up():
    comments, mentions = tiny()
    whole = Patterns.of(comments, mentions)
    halves = Patterns.of(comments.iloc[:5], mentions[mentions["row"] < 5]) + Patterns.of(
        comments.iloc[5:].reset_index(drop=True),
        mentions[mentions["row"] >= 5].assign(row=lambda m: m["row"] - 5))
    for side in ("complaint", "praise"):
        pd.testing.assert_series_equal(whole.sides[side], halves.sides[side])
    assert whole.comments == 10
    assert impact_table(Patterns(), boot=10).empty


@pytest.mark.parametrize(("values", "scale", "cut"), [
    ([1, 2, 5, 4], "1–5", 2), ([0, 10, 7, 9], "0–10", 6), ([0, 1, 1], "0/1", 0),
    ([1, 10, 3], "1–10", 6), ([12.5, 88.0, 60.0], "0–100", 60)])
def test_rating_scales_are_recognised(values, scale, cut):
    found = rating_scale(values)
    assert (found["scale"], found["complaint_max"]) == (scale, cut)


def test_rating_drivers_read_negative_and_positive_apart():
    rng = np.random.default_rng(0)
    n = 600
    service = rng.choice([-1, 0, 1], n, p=[0.3, 0.4, 0.3])
    price = rng.choice([-1, 0, 1], n, p=[0.2, 0.6, 0.2])
    stars = np.clip(np.round(4 + 1.5 * np.minimum(service, 0) + 0.3 * np.maximum(service, 0)
                             + 0.2 * price + rng.normal(0, 0.4, n)), 1, 5)
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(n)], "flag": "",
                             "stars": stars})
    rows = [(i, d, v) for i in range(n) for d, v in (("service", service[i]),
                                                     ("price", price[i])) if v]
    mentions = pd.DataFrame(rows, columns=["row", "dimension", "value"])
    mentions["polarity"] = np.where(mentions["value"] > 0, "positive", "negative")
    mentions["score"] = mentions["value"] * 0.5
    table = rating_drivers(comments, mentions, rating="stars", boot=50).set_index("dimension")
    assert table.index[0] == "service" and table.attrs["scale"] == "1–5"
    assert table.loc["service", "penalty"] < -1 and 0 < table.loc["service", "reward"] < 0.6
    assert table.loc["service", "importance_low"] > table.loc["price", "importance_high"]
    assert 0 < table.attrs["r2"] < 1


def test_rating_drivers_name_a_missing_rating_column():
    comments = pd.DataFrame({"comment_id": ["1", "2"], "flag": "", "stars": [1, 5]})
    mentions = pd.DataFrame({"row": [0, 1], "dimension": "price",
                             "polarity": ["negative", "positive"], "score": [-0.5, 0.5]})
    with pytest.raises(InputError, match="rating column 'star' is not in the comments table"):
        rating_drivers(comments, mentions, rating="star")


def test_ipa_never_keeps_up_what_most_customers_criticise():
    sat = pd.DataFrame({"dimension": ["product", "price", "service"],
                        "label": ["产品", "价格", "服务"], "comments": [500, 200, 100],
                        "positive": [0.46, 0.2, 0.3], "neutral": [0.0] * 3,
                        "negative": [0.54, 0.8, 0.7], "satisfaction": [46.0, 20.0, 30.0]})
    imp = pd.DataFrame({"dimension": ["product", "price", "service"],
                        "importance": [0.6, 0.1, 0.3]})
    table = ipa_from_tables(sat, imp, "complaint_impact").set_index("dimension")
    assert table.loc["product", "quadrant"] == "concentrate here"  # above the mean, below 50
    assert table.loc["product", "satisfaction_cut"] == 50.0
    assert set(table["quadrant"]) <= {"concentrate here", "low priority"}
    # 46 [41.6, 50.4]: below the cut, but its interval holds it
    assert table.loc["product", "quadrant_label"] == "重点改进（未定）"
    assert table.loc["service", "satisfaction_low"] < 30 < table.loc["service",
                                                                     "satisfaction_high"]


def test_segments_find_the_shop_that_is_worst_at_service():
    from manyi.analysis.segments import segments, worst

    rng = np.random.default_rng(1)
    n = 900
    shop = rng.choice(["A", "B", "C"], n)
    bad_service = rng.random(n) < np.where(shop == "B", 0.35, 0.08)
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(n)], "flag": "",
                             "门店": shop,
                             "sentiment": np.where(bad_service, "negative", "positive")})
    mentions = pd.DataFrame({"row": np.flatnonzero(bad_service), "dimension": "service",
                             "factor": "attitude", "polarity": "negative", "score": -0.5})
    found = segments(comments, mentions, group_cols=["门店"], boot=20,
                     labels={"service": "服务"})
    rows = worst(found["differences"])
    assert rows[["group", "dimension", "factor"]].values.tolist() == [
        ["B", "service", ""], ["B", "service", "attitude"]]  # the dimension, and its factor
    assert rows["q_value"].iat[0] < 0.05 and rows["label"].iat[0] == "服务"
    index = found["index"].set_index("group")
    assert index["index"]["B"] == index["index"].min()
    assert set(found["drivers"]["group"]) == {"A", "B", "C"}
    # its complaint rate tested against the other shops' (newcomer9): B alone differs
    rate = index["complaint_rate"]
    assert rate["B"] > 0.3 > rate["A"] and index.at["B", "complaint_q_value"] < 0.001
    assert index.at["A", "complaint_q_value"] > index.at["B", "complaint_q_value"]
    assert found["left_out"].empty


def test_a_group_too_small_to_compare_is_named_as_left_out():
    """newcomer10: a fourth store of 15 reviews vanished from every table without a word."""
    from manyi.analysis.segments import segments
    from manyi.cli.text import left_out_line
    from manyi.report.fix import left_out_text

    shop = np.array(["A"] * 40 + ["B"] * 40 + ["陆家嘴店"] * 15)
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(len(shop))], "flag": "",
                             "门店": shop, "sentiment": "positive"})
    mentions = pd.DataFrame({"row": range(0, len(shop), 3), "dimension": "service",
                             "factor": "attitude", "polarity": "negative", "score": -0.5})
    found = segments(comments, mentions, group_cols=["门店"], boot=20)
    assert set(found["index"]["group"]) == {"A", "B"}
    assert found["left_out"].values.tolist() == [["门店", "陆家嘴店", 15]]
    assert "门店 陆家嘴店 15" in left_out_line(found["left_out"])
    assert "门店 陆家嘴店 15 条" in left_out_text(found["left_out"])


def test_a_shops_factor_is_found_where_its_dimension_drowns_it():
    """newcomer: a shop with 31 % size complaints against 8 % elsewhere showed only as
    产品 34.8 % vs 31.6 %: its size complaints drowned in its dimension. Factors are tested
    beside the dimensions (corrected apart)."""
    from manyi.analysis.segments import segments, worst

    rng = np.random.default_rng(3)
    n = 1500
    shop = rng.choice(["A", "B", "C", "D", "E"], n)
    draw = rng.random(n)
    size = draw < np.where(shop == "A", 0.15, 0.04)  # the product complaints: 30 % in each
    quality = ~size & (draw < 0.30)
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(n)], "flag": "",
                             "店铺": shop,
                             "sentiment": np.where(size | quality, "negative", "positive")})
    rows = np.flatnonzero(size | quality)
    mentions = pd.DataFrame({"row": rows, "dimension": "product",
                             "factor": np.where(size[rows], "spec", "quality"),
                             "polarity": "negative", "score": -0.5})
    found = segments(comments, mentions, group_cols=["店铺"], boot=20,
                     labels={"product": "产品", "product/spec": "规格分量"})
    bad = worst(found["differences"])
    assert bad[["group", "level", "factor"]].values.tolist()[0] == ["A", "factor", "spec"]
    assert bad["label"].iat[0] == "产品·规格分量"
    assert not ((bad["level"] == "dimension") & (bad["group"] == "A")).any()


def test_a_factor_only_one_group_names_is_not_worse_than_the_others():
    """Books' 内容 (content) is named by book reviews only: "书籍 产品·内容 8.5 % vs 0.0 %"
    says the category has that word, not that it is worse at it, and crowded the categories'
    comparable rows out of the worst groups (9,000 shop reviews). A factor is compared when
    the other groups name it too; a factor every group names still is."""
    from manyi.analysis.segments import segments

    rng = np.random.default_rng(5)
    n = 1200
    kind = rng.choice(["书籍", "衣服", "水果"], n)
    draw = rng.random(n)
    content = (kind == "书籍") & (draw < 0.6)  # books speak of their content (half of it
    content[np.flatnonzero(kind == "水果")[:5]] = True  # praise), fruit reviews five times
    bad = content & (draw < 0.3)
    late = ~content & (draw < np.where(kind == "衣服", 0.25, 0.08))
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(n)], "flag": "",
                             "品类": kind,
                             "sentiment": np.where(bad | late, "negative", "positive")})
    rows = np.flatnonzero(content | late)
    mentions = pd.DataFrame({"row": rows, "dimension": np.where(content[rows], "product",
                                                                "logistics"),
                             "factor": np.where(content[rows], "attribute:内容", "speed"),
                             "polarity": np.where(bad[rows] | late[rows], "negative",
                                                  "positive"), "score": -0.5})
    found = segments(comments, mentions, group_cols=["品类"], boot=20)["differences"]
    factors = found[found["level"] == "factor"]
    content = factors[factors["factor"] == "attribute:内容"]
    assert "书籍" not in set(content["group"]) and "衣服" not in set(content["group"])
    worse = factors[factors["significant"] & (factors["direction"] == "worse")]
    assert worse[["group", "factor"]].values.tolist() == [["衣服", "speed"]]


def test_a_dimension_one_group_speaks_of_far_more_is_not_compared():
    """7,500 mixed reviews, hotels among shops of goods: "酒店 环境 12.1 % vs 0.15 %" says
    hotels have rooms, not that they are worse at them. A dimension is compared when
    neither side names it, complaints aside, ten times as often as the other names it at
    all (here both do of 物流, and 衣服 names 规格 three times as often as the rest and is
    worse at it: both stay)."""
    from manyi.analysis.segments import MAX_NAMED_RATIO, segments

    n = 3000
    kind = np.array(["酒店", "衣服", "水果"] * (n // 3))
    i = np.arange(n) // 3
    room = (kind == "酒店") & (i % 3 == 0)  # a third of hotel reviews speak of rooms
    room_bad = room & (i % 2 == 0)
    room |= (kind != "酒店") & (i % 150 == 0)  # shops of goods: 0.7 %, one in twenty-five
    size = (i % 10 == 0) & (kind == "衣服") | (i % 30 == 1) & (kind != "衣服")
    size_bad = size & (kind == "衣服") & (i % 20 == 0)
    late = i % 7 == 3
    late_bad = late & (kind == "水果")
    rows, dims, bad = [], [], []
    for mask, neg, dim in ((room, room_bad, "environment"), (size, size_bad, "product"),
                           (late, late_bad, "logistics")):
        hit = np.flatnonzero(mask)
        rows += hit.tolist()
        dims += [dim] * len(hit)
        bad += neg[hit].tolist()
    comments = pd.DataFrame({"comment_id": [str(k) for k in range(n)], "flag": "",
                             "品类": kind, "sentiment": "positive"})
    mentions = pd.DataFrame({"row": rows, "dimension": dims, "factor": "general",
                             "polarity": np.where(bad, "negative", "positive"),
                             "score": np.where(bad, -0.5, 0.5)})
    found = segments(comments, mentions, group_cols=["品类"], boot=20)["differences"]
    dims = found[found["level"] == "dimension"]
    worse = dims[dims["significant"] & (dims["direction"] == "worse")]
    assert worse[["group", "dimension"]].values.tolist() == [["水果", "logistics"],
                                                             ["衣服", "product"]]
    assert "environment" not in set(dims["dimension"])  # nor are the shops "better" at it
    assert MAX_NAMED_RATIO == 10  # 酒店 praises rooms 25 times as often as shops name them


def test_a_shop_alone_with_a_problem_the_others_only_praise_is_compared():
    """review12: five shops, A sold fakes (7.7 % of its comments complain of 正品), the
    others name authenticity in 0.5 % of theirs, always as praise. A's complaints are what
    is tested, not what makes it speak of authenticity: A is worse, at the dimension and
    the factor."""
    from manyi.analysis.segments import segments

    n = 5000
    shop = np.array(list("ABCDE") * (n // 5))
    i = np.arange(n) // 5
    fake = (shop == "A") & (i % 13 == 0)
    genuine = (shop != "A") & (i % 200 == 7)
    comments = pd.DataFrame({"comment_id": [str(k) for k in range(n)], "flag": "",
                             "店铺": shop, "sentiment": np.where(fake, "negative", "positive")})
    rows = np.flatnonzero(fake | genuine)
    mentions = pd.DataFrame({"row": rows, "dimension": "brand", "factor": "authenticity",
                             "polarity": np.where(fake[rows], "negative", "positive"),
                             "score": np.where(fake[rows], -0.5, 0.5)})
    found = segments(comments, mentions, group_cols=["店铺"], boot=20)["differences"]
    worse = found[found["significant"] & (found["direction"] == "worse")]
    assert sorted(worse[["group", "level"]].values.tolist()) == [["A", "dimension"],
                                                                 ["A", "factor"]]


def test_each_groups_index_has_an_interval_that_narrows_with_its_size():
    """A shop of 800 comments is known better than one of 50: both intervals hold the
    index, the big shop's is about a quarter as wide (√16), and B's sits below A's."""
    from manyi.analysis.segments import segments

    shop = np.array(["A"] * 800 + ["B"] * 50)
    bad = np.r_[np.arange(800) % 5 == 0, np.arange(50) % 2 == 0]  # A 20 % and B 50 % negative
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(len(shop))], "flag": "",
                             "门店": shop, "sentiment": np.where(bad, "negative", "positive")})
    mentions = pd.DataFrame({"row": np.arange(len(shop)), "dimension": "service",
                             "factor": "attitude",
                             "polarity": np.where(bad, "negative", "positive"),
                             "score": np.where(bad, -0.5, 0.5)})
    index = segments(comments, mentions, group_cols=["门店"], min_comments=20,
                     boot=200)["index"].set_index("group")
    assert (index["index_low"] < index["index"]).all()
    assert (index["index"] < index["index_high"]).all()
    width = index["index_high"] - index["index_low"]
    assert 2.5 < width["B"] / width["A"] < 6
    assert index.at["A", "index"] == 80.0 and index.at["B", "index"] == 50.0
    assert index.at["B", "index_high"] < index.at["A", "index_low"]


def test_the_complaint_rate_is_said_once_and_is_the_share_of_complaints():
    """base_rate = comments negative overall or on some factor / analysable comments, on every
    complaint row, and the analyze summary prints that figure."""
    import manyi
    from manyi.cli.text import headlines_text

    texts = ["物流太慢了", "质量很好", "客服态度差，质量还行", "一般般吧", "非常满意"] * 4
    result = manyi.analyze(texts, domain="ecommerce", progress=False)
    complaint = result.drivers[result.drivers["side"] == "complaint"]
    negative_rows = set(result.mentions.loc[result.mentions["polarity"] == "negative", "row"])
    flagged = [(s == "negative") or (i in negative_rows)
               for i, s in enumerate(result.comments["sentiment"])]
    assert 0 < sum(flagged) < len(flagged)
    assert complaint["base_rate"].eq(sum(flagged) / len(flagged)).all()
    assert f"complaints: {sum(flagged) / len(flagged):.1%} of analysed comments" in \
        headlines_text(result)


def test_a_groups_interval_survives_draws_that_name_no_dimension():
    """A small group where few comments name a weighted dimension: a bootstrap draw with
    none of them is left out, not allowed to make the interval (nan, nan); neutral comments
    count half, as the index counts them."""
    from manyi.analysis.index import index_interval

    pairs = pd.DataFrame({"pattern": [0, 1, 2], "dimension": "service",
                          "polarity": ["positive", "negative", "neutral"]})
    low, high = index_interval(pd.Series({0: 3, 1: 1, 3: 40}), pairs, {"service": 1.0})
    assert 0 <= low < 75 < high <= 100
    low, high = index_interval(pd.Series({2: 200}), pairs, {"service": 1.0})
    assert low == high == 50.0


def test_discovered_attributes_are_drivers_under_their_own_word():
    """信号太差 and 拉链很难拉 are two things to fix, not one "other attributes" factor."""
    import manyi

    texts = ["信号太差了"] * 6 + ["拉链很难拉"] * 4 + ["质量很好"] * 10
    result = manyi.analyze(texts, domain="ecommerce", progress=False)
    found = result.mentions[result.mentions["source"] == "discovered"]
    assert set(found["term"]) >= {"信号", "拉链"}, found[["clause", "term"]]
    complaints = result.drivers[(result.drivers["side"] == "complaint")
                                & (result.drivers["level"] == "factor")]
    assert "product/attribute" not in set(complaints["dimension"] + "/" + complaints["factor"])
    assert {"attribute:信号", "attribute:拉链"} <= set(complaints["factor"])
    assert complaints["label"].str.contains("信号（新发现）").any()


def test_bootstrap_drawn_a_few_replicates_at_a_time_gives_the_same_table(monkeypatch):
    """Many patterns: the replicates are drawn a few rows at a time (bounded memory), the
    same draws as 100 rows at once — the table is identical, intervals included."""
    from manyi.analysis import impact

    comments, mentions = tiny()
    whole = drivers(comments, mentions, min_comments=1, rating="stars")
    for cells in (1, 7, 50):  # 1, 1 and 7 replicates a draw on these few patterns
        monkeypatch.setattr(impact, "BOOT_CELLS", cells)
        pd.testing.assert_frame_equal(
            drivers(comments, mentions, min_comments=1, rating="stars"), whole)


def test_a_competitor_is_ranked_after_the_corpus_own_factors():
    """A competitor (brand/competitor:伊利) is not the corpus's to fix: its rows follow the
    own factors whatever their impact (it was #6 of fix first on 2,033 Mengniu reviews),
    with its figures as they were."""
    comments, mentions = tiny()
    copies = range(3)  # each factor named by enough comments to be ranked
    comments = pd.concat([comments.assign(comment_id=comments["comment_id"] + f"-{k}")
                          for k in copies], ignore_index=True)
    mentions = pd.concat([mentions.assign(comment_id=mentions["comment_id"] + f"-{k}",
                                          row=mentions["row"] + 10 * k) for k in copies],
                         ignore_index=True)
    rival = mentions.assign(factor=mentions["factor"].where(
        mentions["dimension"] != "logistics", "competitor:伊利"),
        dimension=mentions["dimension"].where(mentions["dimension"] != "logistics", "brand"))
    before = drivers(comments, mentions)
    after = drivers(comments, rival)
    for table, top in ((before, "speed"), (after, "quality")):
        rows = table[(table["side"] == "complaint") & (table["level"] == "factor")]
        assert rows["factor"].iloc[0] == top
    rows = after[(after["side"] == "complaint") & (after["level"] == "factor")]
    assert rows["factor"].iloc[-1] == "competitor:伊利"
    was = before.set_index(["side", "level", "factor"]).loc[("complaint", "factor", "speed")]
    now = after.set_index(["side", "level", "factor"]).loc[
        ("complaint", "factor", "competitor:伊利")]
    assert now["impact"] == was["impact"] and now["resolved"] == was["resolved"]


def test_a_factor_praised_more_than_faulted_in_a_comment_is_no_complaint_there():
    """newcomer10: long restaurant reviews praise the taste several times and fault one dish
    (味道很好…口味不错…就是鱼有点咸); counting every negative mention put taste first among
    300 diners' complaints, the gold labels 10th. A comment names a factor negatively when
    its mentions of it, summed, are negative — as its polarity on a dimension is."""
    comments = pd.DataFrame({"comment_id": list("1234"), "flag": "",
                             "sentiment": ["positive", "positive", "negative", "positive"]})
    mentions = pd.DataFrame({
        "row": [0, 0, 0, 1, 1, 2, 3], "dimension": ["product"] * 5 + ["service", "service"],
        "factor": ["taste"] * 5 + ["attitude", "attitude"],
        "term": ["味道", "口味", "咸", "味道", "咸"] + ["服务员", "服务员"],
        "polarity": ["positive", "positive", "negative", "positive", "negative",
                     "negative", "negative"],
        "score": [0.8, 0.6, -0.5, 0.3, -0.7, -0.8, -0.6]})
    table = drivers(comments, mentions, min_comments=1, boot=20, level="factor")
    rows = table[table["side"] == "complaint"].set_index("factor")
    assert rows.loc["taste", "comments_naming"] == 1  # comment 2 only: 0.3 − 0.7 < 0
    assert rows.loc["attitude", "comments_naming"] == 2
    # the complaint rule reads the same verdicts: comment 1 praises, no complaint
    assert complaint_mask(comments, None, mentions).tolist() == [False, True, True, True]
