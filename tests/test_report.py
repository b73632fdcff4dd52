"""Reports: HTML escaping and offline use, Excel formats and formula safety, JSON schema,
and the bundled sample's report looked at in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from manyi.errors import InputError, ModelError
from manyi.report import render as report
from manyi.report.excel import SHEETS

SAMPLES = Path(__file__).resolve().parents[1] / "corpus_samples"
HOSTILE = ["<script>alert('x')</script>物流太慢了", "=HYPERLINK(\"http://evil\",\"点我\")质量差",
           "+1 包装很好", "-_- 客服态度差", "@SUM(A1) 价格便宜", "物流很快，包装也好"]


@pytest.fixture
def hostile_result():
    """A hand-made Result whose comments try to inject HTML and spreadsheet formulas."""
    ids = [str(i) for i in range(1, len(HOSTILE) + 1)]
    sentiment = ["negative", "negative", "positive", "negative", "positive", "positive"]
    comments = pd.DataFrame({"comment_id": ids, "评论时间": pd.date_range(
        "2026-01-01", periods=len(ids), freq="20D").astype(str), "text": HOSTILE,
        "flag": "", "sentiment": sentiment, "sentiment_score": [-.8, -.7, .6, -.5, .4, .9]})
    rows = [("1", "logistics", "speed", "物流", "慢", -0.8),
            ("2", "product", "quality", "质量", "差", -0.7),
            ("3", "product", "package", "包装", "好", 0.6),
            ("4", "service", "attitude", "客服", "差", -0.5),
            ("5", "price", "price", "价格", "便宜", 0.4),
            ("6", "logistics", "speed", "物流", "快", 0.9)]
    mentions = pd.DataFrame(rows, columns=["comment_id", "dimension", "factor", "term", "opinion",
                                           "score"])
    mentions["polarity"] = ["negative" if s < 0 else "positive" for s in mentions["score"]]
    mentions["start"] = [HOSTILE[int(c) - 1].find(t) for c, t in zip(mentions.comment_id,
                                                                      mentions.term)]
    mentions["end"] = mentions["start"] + mentions["term"].str.len()
    mentions = mentions.assign(clause_id=0, clause="", negated=False, degree=1.0, implicit=False)
    labels = {"logistics": "物流", "product": "产品", "service": "服务", "price": "价格"}
    dims = []
    for key, label in labels.items():
        part = mentions[mentions.dimension == key]
        pos, neg = (part.polarity == "positive").mean(), (part.polarity == "negative").mean()
        dims.append({"dimension": key, "label": label, "comments": len(part),
                     "share": len(part) / len(ids), "positive": pos, "neutral": 0.0,
                     "negative": neg, "net_sentiment": pos - neg, "satisfaction": 100 * pos})
    graph = nx.Graph()
    graph.add_node("logistics/speed", label="物流·<b>速度</b>", mentions=2, complaints=1,
                   complaint_rate=0.5, lift=1.0)
    graph.add_node("product/quality", label="产品·质量", mentions=1, complaints=1,
                   complaint_rate=1.0, lift=2.0)
    graph.add_edge("logistics/speed", "product/quality", weight=1, complaints=1)
    from manyi.analysis.index import trends

    return SimpleNamespace(comments=comments, mentions=mentions, dimensions=pd.DataFrame(dims),
                           graph=graph, topics=None, drivers=pd.DataFrame(),
                           trends=trends(comments, mentions, time_col="评论时间"),
                           meta={"source": "<b>hostile</b>.csv", "text_col": "text",
                                 "time_col": "评论时间"})


def test_html_shows_a_script_comment_as_text(hostile_result):
    page = report.render_html(hostile_result)
    assert page.count("<script") == 1  # the report's own script only
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<b>" not in page and "&lt;b&gt;速度&lt;/b&gt;" in page


def test_html_is_self_contained(hostile_result):
    page = report.render_html(hostile_result)
    assert "<link" not in page and " src=" not in page
    assert "default-src 'none'" in page  # the page may not fetch anything, even if asked
    for heading in ("总览", "维度表现", "趋势", "投诉共现网络", "各维度代表性评论"):
        assert f"<h2>{heading}</h2>" in page
    assert "<h2>投诉驱动因素</h2>" not in page and "<h2>主题概览</h2>" not in page  # empty / None


def test_evidence_highlights_the_matched_words(hostile_result):
    items = report.evidence(hostile_result, "logistics")
    assert [e["polarity"] for e in items] == ["negative", "positive"]
    html = report.highlight(items[1]["text"], items[1]["spans"])
    assert '<mark class="positive"' in html and ">物流</mark>" in html and ">快</mark>" in html


def test_excel_sheets_formats_and_no_formulas(hostile_result, tmp_path):
    from openpyxl import load_workbook

    hostile_result.drivers = pd.DataFrame({"dimension": ["logistics"], "factor": ["speed"],
                                           "label": ["物流·速度"], "complaint_rate": [0.5]})
    path = report.write_excel(hostile_result, tmp_path / "r.xlsx")
    book = load_workbook(path)
    assert {SHEETS[n] for n in ("comments", "mentions", "dimensions", "drivers")} <= set(
        book.sheetnames)
    assert SHEETS["topics"] not in book.sheetnames  # not fitted
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.title
        assert sheet.column_dimensions["A"].width, sheet.title
    dims = book[SHEETS["dimensions"]]
    header = _keys(dims)  # Chinese headers, the English key in each one's comment
    share = dims.cell(row=2, column=header.index("share") + 1)
    assert share.number_format == "0.0%" and 0 < share.value <= 1
    assert book[SHEETS["drivers"]].cell(row=2, column=4).number_format == "0.0%"
    comments = book[SHEETS["comments"]]
    text_col = _keys(comments).index("text") + 1
    for row, original in enumerate(HOSTILE, start=2):
        cell = comments.cell(row=row, column=text_col)
        assert cell.data_type == "s" and cell.value == original
        if original[0] in "=+-@":
            assert cell.quotePrefix


def _keys(sheet) -> list[str]:
    return [c.comment.text if c.comment else c.value for c in sheet[1]]


def test_json_summary_schema(hostile_result, tmp_path):
    path = report.write_json(hostile_result, tmp_path / "s.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "manyi.report" and data["schema_version"] == report.SCHEMA_VERSION
    assert set(data) == {"schema", "schema_version", "generated_at", "manyi_version", "source",
                         "totals", "sentiment", "satisfaction_index", "dimensions", "ipa",
                         "drivers", "trend", "topics", "graph", "evidence", "top_fixes",
                         "segments", "not_computed", "driver_themes", "complaints",
                         "rating_sentiment"}
    assert data["totals"] == {"comments": 6, "analysed": 6, "flagged": {}}
    assert data["complaints"]["max_rating"] is None and "默认" in data["complaints"]["rule"]
    assert data["satisfaction_index"]["source"] == "comments"
    assert data["topics"] is None and data["drivers"] is None
    assert data["graph"]["edges"][0]["weight"] == 1
    assert data["evidence"]["logistics"][0]["words"] == ["慢", "物流"]
    json.dumps(data, allow_nan=False)  # strict JSON: no NaN


def test_write_report_by_folder_or_suffix(hostile_result, tmp_path):
    written = report.write_report(hostile_result, tmp_path / "out", ["html", "json"])
    assert sorted(p.name for p in written.values()) == ["report.html", "summary.json"]
    assert report.write_report(hostile_result, tmp_path / "x.xlsx")["xlsx"].exists()
    with pytest.raises(InputError, match="pdf"):
        report.write_report(hostile_result, tmp_path / "out", ["pdf"])


def test_report_renders_the_ipa_the_result_computed(hostile_result):
    hostile_result.ipa = pd.DataFrame({
        "dimension": ["logistics", "price"], "label": ["物流", "价格"], "comments": [40, 35],
        "satisfaction": [46.0, 70.0], "satisfaction_low": [40.0, 60.0],
        "satisfaction_high": [52.0, 80.0], "importance": [0.3, 0.1],
        "importance_low": [0.2, 0.05], "importance_high": [0.4, 0.15],
        "quadrant_label": ["重点改进（未定）", "继续保持"],
        "importance_kind": ["complaint_impact"] * 2, "importance_cut": [0.3] * 2,
        "satisfaction_cut": [50.0] * 2, "small": [False] * 2})
    page = report.render_html(hostile_result)
    assert "满意度 46.0（40.0–52.0）" in page and "重点改进（未定）" in page
    assert "（未定）= 该维度的 95% 区间跨过分界线" in page  # the caption says what it means
    assert ("解决该维度的抱怨后投诉率可降低的比例（0.01 = 1 个百分点）"
            "（竖虚线 = 中位数 0.300（30.0 个百分点）") in page
    assert "重要性（提及率）" not in page  # the old mislabelled axis
    one = hostile_result.ipa.iloc[:1]  # one dimension: no quadrants, as the notes say
    hostile_result.ipa = one
    page = report.render_html(hostile_result)
    assert "数据不足，无法绘制 IPA 图" in page and "重点改进（未定）" not in page
    del hostile_result.ipa
    assert "数据不足，无法绘制 IPA 图" in report.render_html(hostile_result)


def test_report_renders_the_trends_the_result_computed(hostile_result):
    table = report.trend_table(hostile_result)
    trends = hostile_result.trends
    first = trends[trends["period"] == table["period"].iloc[0]]
    pooled = (first["positive"] * first["comments"]).sum() / first["comments"].sum()
    assert table["positive"].iloc[0] == pytest.approx(pooled)
    # (comment, dimension) pairs are counted: the page must not call them comments
    page = report.render_html(hostile_result)
    assert "维度评价" in page and "柱为评论数" not in page
    hostile_result.trends = None
    assert report.trend_table(hostile_result) is None


def test_top_fixes_lead_the_report_with_highlighted_complaint_words(hostile_result):
    from manyi.analysis.drivers import drivers

    hostile_result.drivers = drivers(hostile_result.comments, hostile_result.mentions,
                                     min_comments=1, boot=20,
                                     labels={"logistics": "物流", "logistics/speed": "配送速度"})
    fixes = report.fix.top_fixes(hostile_result)
    assert fixes and fixes[0]["impact"] > 0
    speed = next(f for f in fixes if f["factor"] == "speed")
    assert speed["label"] == "物流·配送速度"
    # the complaint (物流太慢了), not the praise (物流很快)
    assert speed["evidence"][0]["words"] == ["慢", "物流"] and len(speed["evidence"]) == 1
    page = report.render_html(hostile_result)
    assert page.index("<h2>最该先解决的三件事</h2>") < page.index("<h2>维度表现</h2>")
    assert '<mark class="negative"' in page
    # what a complaint is, where complaints are counted (not the headline's negative share)
    assert "投诉（默认）= 整体情感为负面、或对任一因素的提及总体为负面的评论" in page


def test_the_drivers_count_columns_are_side_neutral_everywhere(hostile_result, tmp_path):
    """drivers' praise rows hold positive counts, so the JSON rows and the workbook sheet name
    them side-neutrally (not negative_comments / complaints_naming / complaint_share)."""
    from openpyxl import load_workbook

    from manyi.analysis.drivers import drivers

    hostile_result.drivers = drivers(hostile_result.comments, hostile_result.mentions,
                                     min_comments=1, boot=20)
    rows = report.summary_json(hostile_result)["drivers"]
    old = {"negative_comments", "complaints_naming", "complaint_share"}
    assert rows and all(not old & set(r) for r in rows)
    fixes = report.summary_json(hostile_result)["top_fixes"]
    assert fixes and all(not old & set(f) and {"comments_naming", "side_share"} <= set(f)
                         for f in fixes)  # one figure, one name
    assert {r["side"] for r in rows} == {"complaint", "praise"}
    praise = next(r for r in rows if r["side"] == "praise")
    assert praise["side_naming"] <= praise["comments_naming"]
    book = load_workbook(report.write_excel(hostile_result, tmp_path / "r.xlsx"))
    header = _keys(book[SHEETS["drivers"]])
    assert {"comments_naming", "side_naming", "side_share"} <= set(header)
    assert not old & set(header)
    cell = book[SHEETS["drivers"]].cell(row=1, column=header.index("side_share") + 1)
    assert cell.value == "占全部投诉/好评"


# -- the bundled sample, as a person would look at it -------------------------------------------
@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    from manyi.pipeline import analyze

    try:
        result = analyze(SAMPLES / "ecommerce_reviews.csv", progress=False)
    except ModelError as exc:
        pytest.skip(f"pipeline not runnable here: {exc}")
    out = tmp_path_factory.mktemp("report")
    return result, report.write_report(result, out)


def test_one_satisfaction_index_in_every_output(tmp_path, sample_report):
    """Result.index, summary.json, report.html and `manyi drivers` index.csv agree, and
    each names the weighting (the sample once gave 40.1 in one and 46.3 in another)."""
    from click.testing import CliRunner

    from manyi.analysis.index import index_value
    from manyi.cli.commands import main

    result, written = sample_report
    value = index_value(result.index)
    assert value is not None and result.index["weighting"].iat[0] == "mentions"
    data = json.loads(written["json"].read_text(encoding="utf-8"))
    assert data["satisfaction_index"] == {"value": value, "source": "index",
                                          "weighting": "mentions"}
    assert f"{value:,.1f}" in written["html"].read_text(encoding="utf-8")
    outcome = CliRunner().invoke(main, ["drivers", str(SAMPLES / "ecommerce_reviews.csv"),
                                        "-o", str(tmp_path / "d"), "--quiet"])
    assert outcome.exit_code == 0, outcome.output
    index = pd.read_csv(tmp_path / "d" / "index.csv", encoding="utf-8-sig")
    row = index[index["dimension"] == "index"]
    assert row["satisfaction"].iat[0] == value and row["weighting"].iat[0] == "mentions"
    assert {"segments_differences.csv", "key_drivers.csv", "ipa.csv"} <= {
        p.name for p in (tmp_path / "d").iterdir()}


def test_cli_report_writes_all_formats(tmp_path, sample_report):
    from click.testing import CliRunner

    from manyi.cli.commands import main

    small = tmp_path / "small.csv"
    pd.read_csv(SAMPLES / "ecommerce_reviews.csv", nrows=40).to_csv(small, index=False)
    outcome = CliRunner().invoke(main, ["report", str(small), "-o", str(tmp_path / "out"),
                                        "--format", "html,json"])
    assert outcome.exit_code == 0, outcome.output
    assert "满意度" in outcome.output and "report.html" in outcome.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html", "summary.json"]


CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-sync",
                 "--disable-component-update", "--window-size=1280,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def test_sample_report_renders_in_chromium(browser, sample_report, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    _, written = sample_report
    browser.get(written["html"].resolve().as_uri())
    assert browser.execute_script("return document.documentElement.dataset.ready") == "1"
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h2")]
    assert {"总览", "维度表现", "各维度代表性评论"} <= set(headings), headings
    charts = browser.execute_script(
        "return Array.from(document.querySelectorAll('.chart svg')).map(s => "
        "[s.getAttribute('aria-label'), s.querySelectorAll('rect,circle,line').length, "
        "s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
    assert len(charts) >= 2 and all(n > 0 and w > 100 and h > 50 for _, n, w, h in charts), charts
    # sorting: a click on 评论数 orders the dimension table by it
    table = browser.find_element(By.CSS_SELECTOR, "#dimensions table")
    table.find_elements(By.TAG_NAME, "th")[1].click()
    counts = [float(td.get_attribute("data-v")) for td in
              table.find_elements(By.CSS_SELECTOR, "tbody td:nth-child(2)")]
    assert counts == sorted(counts)
    # hover: a bar shows its figures in the tooltip
    bar = browser.find_element(By.CSS_SELECTOR, ".chart svg rect.hov")
    ActionChains(browser).move_to_element(bar).perform()
    assert "%" in browser.find_element(By.ID, "tip").text
    browser.execute_script("document.getElementById('tip').style.display = 'none'; "
                           "window.scrollTo(0, 0)")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height + 40, 12000))
    shot = Path(os.environ.get("MANYI_SCREENSHOT", tmp_path / "report.png"))
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 50_000
    if os.environ.get("MANYI_SCREENSHOT_KEEP_HTML"):
        shutil.copy(written["html"], shot.with_suffix(".html"))


def test_workbook_says_which_sheets_hold_only_their_first_rows(hostile_result, tmp_path,
                                                               monkeypatch):
    """Past Excel's row limit a sheet is cut: the summary sheet must say so, not hide it."""
    from openpyxl import load_workbook

    from manyi.report import excel as report_xlsx

    monkeypatch.setattr(report_xlsx, "EXCEL_MAX_ROWS", 2)
    path = report.write_excel(hostile_result, tmp_path / "r.xlsx")
    book = load_workbook(path)
    assert len(list(book[SHEETS["comments"]].iter_rows())) == 3  # header + 2 rows
    items = [row for row in book[SHEETS["summary"]].iter_rows(values_only=True)]
    cut = [row for row in items if row[-1] == "sheet_comments_rows"]
    assert cut and f"共 {len(hostile_result.comments):,} 行" in cut[0][1]


def test_column_kinds_decided_by_the_first_filled_cells_or_the_whole_column():
    from manyi.report.excel import column_kind

    blanks = ["", " ", None] * 40
    assert column_kind(pd.Series(blanks + ["5", "4"] * 40), "评分") == "number"
    assert column_kind(pd.Series(blanks + ["好评"] * 60 + ["5"]), "评论") == "text"
    assert column_kind(pd.Series(blanks + ["5"] * 60 + ["好评"]), "评分") == "text"
    assert column_kind(pd.Series(blanks + ["2026-01-02"] * 60 + ["明天"]), "日期") == "text"
    assert column_kind(pd.Series(blanks + ["2026-01-02"] * 60), "日期") == "date"
    assert column_kind(pd.Series(blanks), "空") == "text"


def test_summary_json_keeps_small_q_values():
    """summary.json keeps six significant digits (newcomer: q 3e-72 in the terminal was 0.0
    in the JSON)."""
    from manyi.report.render import _clean

    assert _clean({"q": np.float64(3.1e-72), "share": 0.123456789, "n": 5}) == {
        "q": 3.1e-72, "share": 0.123457, "n": 5}


def test_a_judgement_pasted_again_and_again_is_counted_once_in_the_evidence():
    """newcomer: 京东自营,很好,好准时,质量很好, pasted 13 times, was the top praise of four
    dimensions: the evidence summed every copy's score."""
    import pandas as pd

    from manyi.report.quotes import evidence_order

    mentions = pd.DataFrame({"comment_id": ["1"] * 13 + ["2"], "row": [0] * 13 + [1],
                             "term": "质量", "opinion": ["很好"] * 13 + ["非常好"],
                             "polarity": "positive", "score": [0.8] * 13 + [0.9]})
    order = evidence_order(mentions, pd.Series(["质量很好，" * 13, "质量非常好"]))
    assert order["score"].tolist() == [0.8, 0.9]
