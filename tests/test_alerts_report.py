"""The report's trend section shows the alerts, or says that none fired (newcomer: a planted
rise of delivery complaints was in trends.csv and nowhere in the report)."""

from __future__ import annotations

import json

import pandas as pd

import manyi
from manyi.report.excel import SHEETS
from manyi.report.render import render_html


def _dump(late: int) -> pd.DataFrame:
    rows = []
    for month, slow in enumerate([6, 6, 6, late], start=1):
        rows += [("物流太慢了，等了好几天" if i < slow else "质量很好，很喜欢", f"2024-0{month}-15")
                 for i in range(120)]
    return pd.DataFrame(rows, columns=["评论", "日期"])


def test_the_report_shows_a_rise_of_complaints_as_an_alert():
    result = manyi.analyze(_dump(late=30), text_col="评论", progress=False)
    assert result.alerts is not None and "logistics" in set(result.alerts["dimension"])
    page = render_html(result)
    assert "预警：投诉显著上升" in page and "投诉发生率（占全部评论）" in page


def test_the_report_says_when_no_alert_fired():
    page = render_html(manyi.analyze(_dump(late=6), text_col="评论", progress=False))
    assert "预警：无" in page and "预警：投诉显著上升" not in page


def test_the_json_trend_counts_comments_and_judgements_apart():
    """summary.json's trend: ``comments`` is the period's comments, ``judgements`` its
    (comment, dimension) pairs (newcomer: 664 "comments" in a month of 488)."""
    from manyi.report.render import summary_json

    dump = _dump(late=30)
    dump.loc[::4, "评论"] = "物流太慢了，价格也太贵"  # two dimensions judged in one comment
    result = manyi.analyze(dump, text_col="评论", progress=False)
    periods = summary_json(result)["trend"]["periods"]
    assert [p["comments"] for p in periods] == [120, 120, 120, 120]
    assert all(p["judgements"] > p["comments"] for p in periods)


def test_a_rise_in_one_factor_alerts_when_its_dimension_stays_flat(tmp_path):
    """Noise complaints double while other complaints of the hotel's environment fall: the
    dimension is flat, the factor alerts (newcomer: a planted rise of 隔音 complaints in a
    hotel's last two months gave "alerts: none"); ``drivers --from`` finds the same."""
    from click.testing import CliRunner

    from manyi.cli.commands import main

    rows = []
    for month, noisy in enumerate([8, 8, 8, 8, 30, 30], start=1):
        dirty = 38 - noisy  # the environment's complaints: 38 every month
        rows += [("隔音太差了，晚上很吵" if i < noisy else
                  "卫生太差了，地毯很脏" if i < noisy + dirty else "早餐很好，很喜欢",
                  f"2024-0{month}-15") for i in range(200)]
    dump = pd.DataFrame(rows, columns=["评论", "日期"])
    result = manyi.analyze(dump, text_col="评论", domain="hotel", progress=False)
    trends = result.trends
    environment = trends[trends["dimension"] == "environment"]["complaints"].tolist()
    assert max(environment) - min(environment) <= 4  # flat
    found = result.alerts
    factor_rows = found[found["level"] == "factor"]
    assert not len(found[(found["level"] == "dimension")
                         & (found["dimension"] == "environment")])
    assert len(factor_rows) and set(factor_rows["period"]) <= {"2024-05", "2024-06"}
    noise = result.factor_trends
    assert noise is not None and noise["complaints"].sum() > 0
    assert factor_rows["label"].str.contains("噪音|隔音").all()
    folder = tmp_path / "out"
    result.to_dir(folder)
    ran = CliRunner().invoke(main, ["drivers", "--from", str(folder), "-o",
                                    str(tmp_path / "d"), "--quiet"])
    assert ran.exit_code == 0, ran.output
    again = pd.read_csv(tmp_path / "d" / "alerts.csv")
    assert again["label"].tolist() == found["label"].tolist()


def test_testing_factors_takes_no_dimension_alert_away():
    """review: factors corrected with the dimensions (a thousand tests) took 沟通 and 渠道便利's
    alerts away; each level is corrected apart, so the dimensions' q-values are those of the
    dimensions tested alone."""
    from manyi.analysis.index import alerts

    result = manyi.analyze(_dump(late=30), text_col="评论", progress=False)
    alone = alerts(result.trends, all_tests=True)
    both = alerts(result.trends, result.factor_trends, all_tests=True)
    dims = both[both["level"] == "dimension"]
    key = ["dimension", "measure", "previous_period", "period"]
    merged = alone.merge(dims, on=key, suffixes=("", "_both"))
    assert len(merged) == len(alone) > 0
    assert (merged["q_value"] == merged["q_value_both"]).all()
    assert (both["level"] == "factor").any()


def test_the_factors_trends_count_as_the_drivers_count():
    """review: the factors' complaints per period, added over the periods, are the drivers'
    side_naming (complaints naming the factor negatively), and overall is no factor."""
    dump = _dump(late=30)
    dump.loc[::5, "评论"] = "价格太贵了，包装也破了"
    result = manyi.analyze(dump, text_col="评论", progress=False)
    found = result.factor_trends.groupby(["dimension", "factor"])["complaints"].sum()
    drivers = result.drivers
    rows = drivers[(drivers["side"] == "complaint") & (drivers["level"] == "factor")]
    expected = rows.set_index(["dimension", "factor"])["side_naming"]
    assert len(expected) >= 3
    assert found.reindex(expected.index).tolist() == expected.astype(int).tolist()
    assert "overall" not in set(result.factor_trends["dimension"])


def test_the_json_and_the_workbook_hold_the_alerts(tmp_path):
    """newcomer: a planted rise was in the HTML report and alerts.csv, nowhere in
    summary.json or the workbook."""
    from openpyxl import load_workbook

    result = manyi.analyze(_dump(late=30), text_col="评论", progress=False)
    result.report(tmp_path)
    found = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    labels = [a["label"] for a in found["trend"]["alerts"]]
    assert labels == result.alerts["label"].tolist() and "物流·配送速度" in labels
    assert SHEETS["alerts"] in load_workbook(tmp_path / "report.xlsx", read_only=True).sheetnames


def test_a_periods_satisfaction_is_the_segments_period_index():
    """One figure per month (newcomer: 46.5 in the trend, 46.9 in the segments' row of the
    same month): the trend's satisfaction is the index with the whole index's weights, as
    the segments' period rows have it — also when a month's mix of dimensions shifts."""
    from manyi.report.render import summary_json

    dump = _dump(late=60)
    dump.loc[dump.index % 3 == 0, "评论"] = "价格便宜，划算"
    result = manyi.analyze(dump, text_col="评论", progress=False)
    trend = {p["period"]: p["satisfaction"] for p in summary_json(result)["trend"]["periods"]}
    rows = result.segments["index"].query("column == 'period'")
    assert len(trend) == 4 and trend == dict(zip(rows["group"].astype(str), rows["index"]))
    table = result.trends.query("period == period.max()")
    weights = result.index.set_index("dimension")["weight"]
    judged = table[table["satisfaction"].notna()]
    expected = (judged["satisfaction"] * judged["dimension"].map(weights)).sum() \
        / judged["dimension"].map(weights).sum()
    pooled = (judged["positive"] * judged["comments"]).sum() / judged["comments"].sum() * 100
    assert trend[str(table["period"].iat[0])] == round(expected, 1) != round(pooled, 1)


def test_the_groups_index_keeps_the_weighting_asked_for():
    """``manyi drivers --weights equal``: the segments' rows weigh the dimensions as the
    whole index does (they had kept the default, so a month read two ways)."""
    from manyi.analysis.fixfirst import fix_first_tables

    dump = _dump(late=60)
    dump.loc[dump.index % 3 == 0, "评论"] = "价格便宜，划算"
    result = manyi.analyze(dump, text_col="评论", progress=False)
    tables = {w: fix_first_tables(result.comments, result.mentions, time_col="日期",
                                  by=["period"], weights=w, labels=result.labels)
              for w in ("equal", "mentions")}
    equal, mentions = (tables[w]["segments_index"] for w in ("equal", "mentions"))
    assert set(equal["weighting"]) == {"equal"} and set(mentions["weighting"]) == {"mentions"}
    assert equal["index"].tolist() != mentions["index"].tolist()
    month = equal.iloc[-1]
    grid = tables["equal"]["trends"].query("period == period.max() and satisfaction.notna()")
    assert month["index"] == round(grid.loc[grid["dimension"] != "overall",
                                            "satisfaction"].mean(), 1)


def test_a_rise_in_one_shop_alerts_within_its_group_in_every_output(tmp_path):
    """newcomer9: one shop's milk complaints rose from August, the whole dump's trend only said
    that 品牌 rose and no output said which shop; the group's own trend alerts, with the same
    q value in drivers' CSV, the terminal, summary.json, the HTML and the workbook."""
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from manyi.cli.commands import main

    rows = []
    for month in range(1, 5):
        for shop in ("甲店", "乙店"):
            slow = 30 if (shop == "甲店" and month == 4) else 6
            rows += [("物流太慢了，等了好几天" if i < slow else "质量很好，很喜欢", shop,
                      f"2024-0{month}-15") for i in range(100)]
    dump = tmp_path / "dump.csv"
    pd.DataFrame(rows, columns=["评论", "门店", "日期"]).to_csv(dump, index=False)
    runner = CliRunner()
    assert runner.invoke(main, ["analyze", str(dump), "-o", str(tmp_path / "a"),
                                "--quiet"]).exit_code == 0
    done = runner.invoke(main, ["drivers", "--from", str(tmp_path / "a"), "-o",
                                str(tmp_path / "d")])
    assert done.exit_code == 0, done.output
    found = pd.read_csv(tmp_path / "d" / "segments_alerts.csv")
    row = found[(found["dimension"] == "logistics")].iloc[0]
    assert (row["column"], row["group"], row["period"]) == ("门店", "甲店", "2024-04")
    assert "乙店" not in set(found["group"])
    assert "alerts within groups" in done.output and f"{row['q_value']:.2g}" in done.output
    report = runner.invoke(main, ["report", "--from", str(tmp_path / "a"), "-o",
                                  str(tmp_path / "r")])
    assert report.exit_code == 0, report.output
    summary = json.loads((tmp_path / "r" / "summary.json").read_text(encoding="utf-8"))
    shown = [a for a in summary["segments"]["alerts"] if a["dimension"] == "logistics"][0]
    assert abs(shown["q_value"] - row["q_value"]) < 1e-9
    page = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "各组内的预警" in page and f"{row['q_value']:.2g}</td>" in page
    sheet = load_workbook(tmp_path / "r" / "report.xlsx", read_only=True)[
        SHEETS["segments_alerts"]]
    values = [r for r in sheet.iter_rows(min_row=2, values_only=True) if "甲店" in r]
    assert values and any(abs(v - row["q_value"]) < 1e-9 for v in values[0]
                          if isinstance(v, float))
