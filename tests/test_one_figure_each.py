"""Figures a fresh analyst (newcomer10, 300 restaurant reviews with star ratings) found told
two ways: the IPA's cut-line against the satisfaction index, the key drivers of a dimension
every review names, the report's count of complaints under a rating rule."""

from __future__ import annotations

import numpy as np
import pandas as pd

from manyi.analysis.drivers import drivers
from manyi.analysis.index import index_value, satisfaction_index
from manyi.analysis.ipa import ipa_of
from manyi.analysis.keydrivers import rating_drivers
from manyi.report.fix import top_fixes_section


def _table(n: int, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` comments naming the food (all) and the service (half), a few the delivery."""
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(n)], "flag": "",
                             "sentiment": "positive", "star": rng.integers(1, 6, n)})
    rows = [(i, "product", "taste", rng.choice(["positive", "negative"], p=[0.7, 0.3]))
            for i in range(n)]
    rows += [(i, "service", "attitude", rng.choice(["positive", "negative"]))
             for i in range(0, n, 2)]
    rows += [(i, "logistics", "speed", "negative") for i in range(5)]  # a small dimension
    mentions = pd.DataFrame(rows, columns=["row", "dimension", "factor", "polarity"])
    mentions["comment_id"] = mentions["row"].astype(str)
    mentions["score"] = np.where(mentions["polarity"] == "positive", 0.6, -0.6)
    return comments, mentions


def test_the_ipa_cut_line_is_the_satisfaction_index():
    """ipa.csv said max(满意度指数, 50) = 83.1 beside an index of 83.0: the IPA left out the
    dimensions of fewer than 10 comments before computing its own index."""
    comments, mentions = _table(200, np.random.default_rng(1))
    index = satisfaction_index(comments, mentions)
    table = drivers(comments, mentions, boot=20)
    ipa = ipa_of(comments, mentions, key_drivers=None, drivers=table)
    assert "logistics" not in set(ipa["dimension"])  # too few comments to plot
    assert ipa.attrs["satisfaction_cut"] == max(index_value(index), 50.0)


def test_a_dimension_every_comment_names_is_measured_against_its_praise():
    """产品, named in all 300 reviews, read "a complaint about the food adds 0.78 stars": its
    negative and positive columns with the intercept said one thing twice."""
    rng = np.random.default_rng(2)
    comments, mentions = _table(300, rng)
    food = mentions[mentions["dimension"] == "product"].set_index("row")["polarity"]
    comments["star"] = np.where(food.reindex(range(300)).to_numpy() == "negative", 2, 5) \
        + rng.integers(0, 2, 300)
    table = rating_drivers(comments, mentions, rating="star", boot=20).set_index("dimension")
    assert table.loc["product", "penalty"] < -2.5  # 2–3 stars against 5–6: about −3
    assert np.isnan(table.loc["product", "reward"])
    assert not np.isnan(table.loc["service", "reward"])  # half leave it unnamed


def test_the_lead_says_how_many_complaints_name_a_fix_under_a_rating_rule():
    """"60 条评论负面提及它，占全部投诉的 88.5%" with 26 complaints in all: 23 of the 60 were."""
    fix = {"label": "产品·口味气味", "impact": 0.05, "impact_low": 0.03, "impact_high": 0.07,
           "significant": True, "comments_naming": 60, "side_naming": 23,
           "side_share": 23 / 26, "resolved": 9, "impact_alone": 0.02, "evidence": []}
    page = top_fixes_section([fix], lambda text, spans: text)
    assert "60 条评论负面提及它，其中 23 条是投诉，占全部投诉的 88.5%" in page
    page = top_fixes_section([{**fix, "side_naming": 60}], lambda text, spans: text)
    assert "60 条评论负面提及它，占全部投诉的 88.5%" in page


def test_the_report_sets_the_low_rated_share_beside_the_default_complaint_rate():
    """"投诉率 87.3%" on reviews of which 8.7 % were rated 2 stars or lower: the report and
    summary.json say both, from one computation."""
    import manyi
    from manyi.report.tables import low_rated_of, low_rated_text

    frame = pd.DataFrame({"星级": [1, 5, 5, 4, 2, 5, 5, 3],
                          "评价": ["太难吃了", "很好吃", "服务很好", "环境不错，就是有点吵",
                                 "上菜太慢", "味道很棒", "下次还来", "一般般"]})
    result = manyi.analyze(frame, text_col="评价", progress=False)
    assert result.meta["rating_col"] == "星级"
    assert low_rated_of(result) == {"scale": "1–5", "complaint_max": 2, "share": 0.25}
    assert "星级（1–5）中 ≤ 2 的评论占 25.0%" in low_rated_text(result)
    result.meta["complaint_max_rating"] = 2  # complaints counted by the rating: said once
    assert low_rated_of(result) is None and low_rated_text(result) == ""


def test_the_report_sets_the_stars_against_the_sentiment():
    """newcomer10: 10 of 26 reviews rated 1–2 stars read positive, nowhere said: the overview
    shows each rating's sentiment shares, as summary.json holds them."""
    import manyi
    from manyi.report.render import render_html, summary_json

    frame = pd.DataFrame({"星级": [1, 1, 5, 5, 4, 2],
                          "评价": ["太难吃了，再也不来", "服务员态度很好，菜也不错", "很好吃",
                                 "环境很好", "味道不错", "上菜太慢了"]})
    result = manyi.analyze(frame, text_col="评价", progress=False)
    table = summary_json(result)["rating_sentiment"]
    ones = next(r for r in table if r["rating"] == 1)
    sentiment = result.comments.loc[result.comments["星级"] == 1, "sentiment"]
    assert ones["comments"] == 2
    assert ones["positive"] == (sentiment == "positive").mean()
    assert "星级与整体情感" in render_html(result)
