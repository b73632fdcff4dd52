"""The themes of each complaint driver: grouped terms, counted with the drivers' own
complaint rule, the same whether counted whole or block by block, and the same figures in
every rendering (driver_themes.csv, the report's HTML, JSON and workbook, the CLI)."""

from __future__ import annotations

import json
import random

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from manyi.analysis.drivers import drivers
from manyi.analysis.themes import TermSets, group_terms, theme_table, themes_of
from manyi.cli.commands import main
from manyi.report.excel import SHEETS

# (comment, sentiment, [(dimension, factor, term, polarity, clause)]) — phone reviews
PHONE = [
    ("屏幕太暗了", "negative", [("product", "performance", "屏幕", "negative", "屏幕太暗了")]),
    ("手机屏幕有划痕，电池也不耐用", "negative",
     [("product", "performance", "手机屏幕", "negative", "手机屏幕有划痕"),
      ("product", "performance", "电池", "negative", "电池也不耐用")]),
    ("显示屏坏点多", "negative",
     [("product", "performance", "显示屏", "negative", "显示屏坏点多")]),
    ("电池不耐用", "negative", [("product", "performance", "电池", "negative", "电池不耐用")]),
    ("电池一天一充", "negative", [("product", "performance", "电池", "negative", "电池一天一充")]),
    ("存储量太小", "negative", [("product", "spec", "存储量", "negative", "存储量太小")]),
    ("储存量不够", "negative", [("product", "spec", "储存量", "negative", "储存量不够")]),
    ("手感很差", "negative", [("product", "quality", "手感", "negative", "手感很差")]),
    ("手机质量差", "negative", [("product", "quality", "手机", "negative", "手机质量差")]),
    ("短信发不出去", "negative", [("product", "performance", "短信", "negative", "短信发不出去")]),
    ("信号太弱", "negative", [("product", "performance", "信号", "negative", "信号太弱")]),
    ("屏幕很清楚", "positive", [("product", "performance", "屏幕", "positive", "屏幕很清楚")]),
    ("电池不错", "positive", [("product", "performance", "电池", "positive", "电池不错")]),
    ("快递太慢", "negative", [("logistics", "speed", "快递", "negative", "快递太慢")]),
]


def _frames(rows=PHONE):
    comments = pd.DataFrame({"comment_id": [f"C{i:02d}" for i in range(len(rows))],
                             "text": [r[0] for r in rows], "flag": "",
                             "sentiment": [r[1] for r in rows]})
    found = [(i, *m) for i, r in enumerate(rows) for m in r[2]]
    mentions = pd.DataFrame(found, columns=["row", "dimension", "factor", "term", "polarity",
                                            "clause"])
    mentions["comment_id"] = comments["comment_id"].to_numpy()[mentions["row"]]
    mentions["opinion"] = "差"
    mentions["score"] = mentions["polarity"].map({"negative": -0.6, "positive": 0.6})
    mentions["source"] = "lexicon"
    return comments, mentions


def _groups(found):
    return {t.theme: sorted(term for term, _ in t.terms) for t in found}


def test_terms_of_one_thing_are_grouped_and_unrelated_ones_are_not():
    comments, mentions = _frames()
    sets = TermSets.of(comments, mentions)
    found = themes_of(sets, "factor", "product/performance")
    groups = _groups(found)
    assert groups, "no theme found"
    assert groups["屏幕"] in (["屏幕", "手机屏幕"], ["屏幕", "手机屏幕", "显示屏"])
    assert groups["电池"] == ["电池"]
    assert groups["短信"] == ["短信"] and groups["信号"] == ["信号"]  # 信 alone joins nothing
    by_name = {t.theme: t for t in found}
    assert by_name["电池"].complaints == 3  # positive 电池不错 is no complaint
    assert by_name["屏幕"].evidence in {"屏幕太暗了", "手机屏幕有划痕"}
    spec = _groups(themes_of(sets, "factor", "product/spec"))
    assert list(spec.values()) == [["储存量", "存储量"]]  # (a tie of counts: either name)
    quality = _groups(themes_of(sets, "factor", "product/quality"))
    assert quality == {"手感": ["手感"], "手机": ["手机"]}  # 手 alone joins nothing


def test_grouping_never_returns_nothing_and_keeps_every_term():
    counts = {"屏幕": 9, "手机屏幕": 2, "电池": 5, "待机": 4, "": 3, "铃声": 2}
    groups = group_terms(counts)
    assert sorted(t for _, terms, _ in groups for t in terms) == sorted(counts)
    assert ("屏幕", ["屏幕", "手机屏幕"], "contains") in groups
    assert len(groups) == 5


def test_themes_count_the_drivers_complaints():
    """A driver's themes cover its side_naming: every complaint naming the factor
    negatively names one of its themes (one naming two counts in both)."""
    comments, mentions = _frames()
    table = drivers(comments, mentions, min_comments=1, boot=10)
    themes = theme_table(TermSets.of(comments, mentions), table)
    sets = TermSets.of(comments, mentions).sets
    for r in table[(table["side"] == "complaint")].itertuples():
        key = r.dimension if r.level == "dimension" else f"{r.dimension}/{r.factor}"
        assert sets.xs((r.level, key), level=["level", "key"]).sum() == r.side_naming
        mine = themes[(themes["level"] == r.level) & (themes["label"] == r.label)]
        assert len(mine)
        assert (mine["complaints"] <= r.side_naming).all()
        assert mine["share"].max() <= 1
    first = themes[(themes["level"] == "factor") & (themes["factor"] == "performance")]
    assert first["theme"].tolist()[:2] == ["电池", "屏幕"]
    assert first["share"].iloc[0] == pytest.approx(3 / 7)  # 7 complaints name the factor


def test_a_rating_rule_counts_other_complaints():
    comments, mentions = _frames()
    rule = comments["text"].str.contains("电池")  # only battery comments are complaints
    sets = TermSets.of(comments, mentions, complaint=rule)
    assert _groups(themes_of(sets, "factor", "product/performance")) == {
        "电池": ["电池"], "手机屏幕": ["手机屏幕"]}


def test_counted_in_blocks_is_the_whole():
    rows = [random.Random(i).choice(PHONE) for i in range(300)]
    comments, mentions = _frames(rows)
    whole = TermSets.of(comments, mentions)
    parts = []
    for start in range(0, len(comments), 37):
        part = comments.iloc[start:start + 37].reset_index(drop=True)
        found = mentions[(mentions["row"] >= start) & (mentions["row"] < start + 37)]
        parts.append(TermSets.of(part, found.assign(row=found["row"] - start)))
    total = TermSets.total(parts)
    assert total.sets.equals(whole.sets)
    assert total.quotes.equals(whole.quotes)


TEXTS = ["屏幕太暗了，电池也不耐用", "手机屏幕有划痕", "电池不耐用，充电太慢", "物流很快，包装完好",
         "屏幕很清楚", "快递太慢了", "客服态度很差", "质量太差了", "价格便宜，性价比高"]


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    rng = random.Random(19)
    base = tmp_path_factory.mktemp("themes")
    frame = pd.DataFrame({"评论ID": [f"{i:05d}" for i in range(400)],
                          "评论内容": [rng.choice(TEXTS) for _ in range(400)]})
    frame.to_csv(base / "dump.csv", index=False, encoding="utf-8-sig")
    runner = CliRunner()
    analyzed = runner.invoke(main, ["analyze", str(base / "dump.csv"), "-o",
                                              str(base / "out"), "--id-col", "评论ID"])
    assert analyzed.exit_code == 0, analyzed.output
    return base, analyzed.output


def test_drivers_from_a_folder_and_from_the_dump_write_the_same_themes(dump):
    base, _ = dump
    runner = CliRunner()
    for args, out in ((["--from", str(base / "out")], "from"),
                      ([str(base / "dump.csv"), "--id-col", "评论ID"], "whole")):
        done = runner.invoke(main, ["drivers", *args, "-o", str(base / out),
                                              "--chart", "none"])
        assert done.exit_code == 0, done.output
    streamed = (base / "from" / "driver_themes.csv").read_bytes()
    assert streamed == (base / "whole" / "driver_themes.csv").read_bytes()
    table = pd.read_csv(base / "from" / "driver_themes.csv", dtype={"evidence_id": str})
    themes = set(table["theme"])  # (the electronics pack: 电池：不耐用 the battery's own)
    assert any("屏幕" in t for t in themes) and any("电池" in t for t in themes), themes
    assert table["evidence"].notna().all() and table["evidence_id"].notna().all()
    assert "driver_themes.csv" in done.output


def test_every_rendering_shows_the_tables_figures(dump):
    from openpyxl import load_workbook

    base, analyzed = dump
    done = CliRunner().invoke(main, ["report", "--from", str(base / "out"), "-o",
                                               str(base / "report")])
    assert done.exit_code == 0, done.output
    summary = json.loads((base / "report" / "summary.json").read_text(encoding="utf-8"))
    table = pd.DataFrame(summary["driver_themes"])
    html = (base / "report" / "report.html").read_text(encoding="utf-8")
    book = load_workbook(base / "report" / "report.xlsx")
    sheet = pd.DataFrame(book[SHEETS["driver_themes"]].values)
    assert len(sheet) == len(table) + 1  # a header row
    assert sheet.iloc[1:, 6].tolist() == table["theme"].tolist()
    assert sheet.iloc[1:, 7].astype(int).tolist() == table["complaints"].tolist()
    for fix in summary["top_fixes"]:
        mine = table[(table["level"] == "factor") & (table["dimension"] == fix["dimension"])
                     & (table["factor"] == fix["factor"])]
        assert [t["theme"] for t in fix["themes"]] == mine["theme"].head(5).tolist()
        assert [t["complaints"] for t in fix["themes"]] == mine["complaints"].head(5).tolist()
        for t in fix["themes"]:
            assert (f'<td>{t["theme"]}</td><td class="num">{t["complaints"]:,}</td>'
                    f'<td class="num">{t["share"]:.1%}</td>') in html
    top = summary["top_fixes"][0]["themes"][0]
    assert f'themes {top["theme"]} {top["share"]:.1%}' in analyzed


def test_a_complaint_names_a_theme_only_where_it_is_negative():
    """电池不错，但是屏幕太暗: a complaint, but its battery is praised: 屏幕 is a theme of the
    complaint, 电池 is not (the praise of a complaining comment is no complaint theme)."""
    comments = pd.DataFrame({"comment_id": ["1", "2"], "flag": "",
                             "sentiment": ["negative", "negative"]})
    mentions = pd.DataFrame({
        "row": [0, 0, 1], "dimension": "product", "factor": "performance",
        "term": ["电池", "屏幕", "屏幕"], "polarity": ["positive", "negative", "negative"],
        "score": [0.5, -0.8, -0.8], "clause": ["电池不错", "但是屏幕太暗", "屏幕太暗"]})
    found = {t.theme: t.complaints
             for t in themes_of(TermSets.of(comments, mentions), "factor",
                                "product/performance")}
    assert found == {"屏幕": 2}


# (comment, [(dimension, factor, term, opinion, clause)]) — hotel and milk complaints
WHERE = [
    ("房间很小", [("product", "room", "房间", "很小", "房间很小")]),
    ("房间太小了", [("product", "room", "房间", "太小", "房间太小了")]),
    ("房间有点小，电视很模糊", [("product", "room", "房间", "有点小", "房间有点小"),
                       ("product", "room", "电视", "很模糊", "电视很模糊")]),
    ("房间很脏", [("product", "room", "房间", "很脏", "房间很脏")]),
    ("房间不通风", [("product", "room", "房间", "", "房间不通风")]),
    ("房间太差", [("product", "room", "房间", "太差", "房间太差")]),
    ("电视很模糊", [("product", "room", "电视", "很模糊", "电视很模糊")]),
    ("蒙牛太难喝", [("brand", "reputation", "蒙牛", "太难喝", "蒙牛太难喝")]),
    ("蒙牛过期了", [("brand", "reputation", "蒙牛", "过期", "蒙牛过期了")]),
    ("蒙牛的奶很难喝", [("brand", "reputation", "蒙牛", "很难喝", "蒙牛的奶很难喝")]),
]
LABELS = {"product": "产品", "product/room": "客房", "brand": "品牌",
          "brand/reputation": "品牌口碑"}


def _where_frames():
    comments = pd.DataFrame({"comment_id": [f"W{i}" for i in range(len(WHERE))],
                             "text": [w[0] for w in WHERE], "flag": "",
                             "sentiment": "negative"})
    found = [(i, *m) for i, w in enumerate(WHERE) for m in w[1]]
    mentions = pd.DataFrame(found, columns=["row", "dimension", "factor", "term", "opinion",
                                            "clause"])
    mentions["comment_id"] = comments["comment_id"].to_numpy()[mentions["row"]]
    mentions["polarity"], mentions["score"] = "negative", -0.6
    return comments, mentions


def test_a_theme_that_says_only_where_is_split_by_what_the_complaints_say():
    """房间 in 客房 (the factor's own word) and 蒙牛 in 品牌口碑 (a name) say where, not what:
    such a theme is split by what its complaints say (小 脏 不通风; 难喝 过期); a word that
    says what (电视) stays one theme; the counts still cover side_naming."""
    comments, mentions = _where_frames()
    table = drivers(comments, mentions, min_comments=1, boot=10, labels=LABELS)
    sets = TermSets.of(comments, mentions)
    themes = theme_table(sets, table)
    room = themes[(themes["level"] == "factor") & (themes["factor"] == "room")]
    got = dict(zip(room["theme"], room["complaints"]))
    assert "房间" not in got
    assert got == {"房间：小": 3, "电视": 2, "房间：脏": 1, "房间：不通风": 1,
                   "房间（只说不好）": 1}
    assert set(room["grouped_by"]) == {"said", "term"}
    assert room.loc[room["theme"] == "房间：小", "evidence"].iloc[0] in {
        "房间很小", "房间太小了", "房间有点小"}
    milk = themes[(themes["level"] == "factor") & (themes["factor"] == "reputation")]
    assert dict(zip(milk["theme"], milk["complaints"])) == {"蒙牛：难喝": 2, "蒙牛：过期": 1}
    for r in table[table["side"] == "complaint"].itertuples():
        key = r.dimension if r.level == "dimension" else f"{r.dimension}/{r.factor}"
        assert sets.sets.xs((r.level, key), level=["level", "key"]).sum() \
            == r.side_naming
        mine = themes[(themes["level"] == r.level) & (themes["label"] == r.label)]
        assert (mine["complaints"] <= r.side_naming).all()
    product = themes[(themes["level"] == "dimension") & (themes["dimension"] == "product")]
    assert "房间：小" in set(product["theme"])  # the dimension's table splits it alike


def test_the_evidence_is_the_readable_most_negative_clause_with_an_opinion_word():
    """A theme's example: readable (4–40 characters) first, then one with an opinion word,
    then its largest term's, then the most negative; the ids follow the clause."""
    rows = [("电池超级垃圾", "垃圾", -0.9), ("电池不耐用", "不耐用", -0.3),
            ("电池", "垃圾", -1.0),  # too short to read
            ("电池垃圾", "", -0.97),  # no opinion word (says 垃圾 all the same)
            ("电池我也说不清楚怎么回事", "", -0.95),
            ("电池一天一充", "", -0.2), ("电池很差", "很差", -0.5),
            ("手机电池更是烂到家了烂到家了", "烂", -0.99)]  # not the theme's name
    comments = pd.DataFrame({"comment_id": [f"E{i}" for i in range(len(rows))], "flag": "",
                             "sentiment": "negative"})
    mentions = pd.DataFrame({
        "row": range(len(rows)), "dimension": "product", "factor": "performance",
        "term": ["电池"] * 7 + ["手机电池"], "polarity": "negative",
        "clause": [r[0] for r in rows], "opinion": [r[1] for r in rows],
        "score": [r[2] for r in rows]})
    sets = TermSets.of(comments, mentions)
    (theme,) = themes_of(sets, "factor", "product/performance")
    assert (theme.theme, theme.evidence, theme.evidence_id) == ("电池", "电池超级垃圾", "E0")
    table = drivers(comments, mentions, min_comments=1, boot=10)
    shown = theme_table(sets, table)
    assert set(shown["evidence"]) == {"电池超级垃圾"}


def test_themes_that_say_what_is_wrong_come_first_in_every_output():
    """The themes' order (what is wrong first, named by NAMED_MIN complaints or more; then the
    catch-alls, only "bad" or nothing said) is the table's: newcomer8 read 客服（未写明） first
    in driver_themes.csv and last in the report, which reordered its copy."""
    import manyi
    from manyi.analysis.fixfirst import fix_first_tables
    from manyi.analysis.themes import NAMED_MIN
    from manyi.report.fix import fix_themes, themes_line

    texts = (["客服很差"] * 8 + ["客服不理人"] * 4 + ["客服回复太慢"] * 3 + ["客服一句"]
             + ["物流很快"] * 10)
    result = manyi.analyze(texts, domain="ecommerce", progress=False)
    themes = fix_first_tables(result.comments, result.mentions,
                              labels=result.labels)["driver_themes"]
    mine = themes[(themes["level"] == "factor") & (themes["label"] == "服务·服务态度")]
    assert len(mine) >= 3, mine
    first = mine.iloc[0]
    assert "只说不好" not in first["theme"] and first["complaints"] >= NAMED_MIN, mine
    assert list(mine["theme_rank"]) == sorted(mine["theme_rank"])
    shown = fix_themes(result, first["dimension"], first["factor"])
    assert [t["theme"] for t in shown] == list(mine["theme"].head(len(shown)))
    assert themes_line(shown, 2).startswith(first["theme"])


def test_what_is_said_keeps_its_negation_and_its_first_character():
    """review: 驱动不是很全 was said 全, 配送超时 时, 好用 用."""
    from manyi.analysis.theme_said import said_of, said_words

    chosen = pd.DataFrame({"opinion": ["很全", "不好", "很小"],
                           "clause": ["驱动不是很全", "房间不好", "房间很小"],
                           "negated": [True, True, False]})
    said = said_words(chosen, np.asarray(["驱动", "房间", "房间"], dtype=object)).tolist()
    assert said == ["不全", "不好", "小"]
    assert [said_of(o, "x", "") for o in ("超时", "好用", "可惜", "太小了")] == [
        "超时", "好用", "可惜", "小"]


def test_a_denied_quality_is_named_as_said_from_a_folder_too(tmp_path):
    """newcomer: a hotel's 卫生 complaints had a theme "干净" (房间非常不干净); and a folder
    read back lost the mentions' negation, so `drivers --from` and `drivers DUMP` could name
    a theme apart."""
    texts = ["房间非常不干净", "床单不太干净", "卫生间很脏", "地毯很脏", "前台服务不错",
             "驱动不是很全", "早餐很好吃"]
    frame = pd.DataFrame({"id": [f"{i:04d}" for i in range(140)],
                          "评论内容": [texts[i % len(texts)] for i in range(140)]})
    frame.to_csv(tmp_path / "dump.csv", index=False, encoding="utf-8-sig")
    runner = CliRunner()
    done = runner.invoke(main, ["analyze", str(tmp_path / "dump.csv"), "-o",
                                str(tmp_path / "out"), "--id-col", "id", "--domain", "hotel"])
    assert done.exit_code == 0, done.output
    for args, out in ((["--from", str(tmp_path / "out")], "from"),
                      ([str(tmp_path / "dump.csv"), "--id-col", "id", "--domain", "hotel"],
                       "whole")):
        done = runner.invoke(main, ["drivers", *args, "-o", str(tmp_path / out),
                                    "--chart", "none", "--quiet"])
        assert done.exit_code == 0, done.output
    streamed = (tmp_path / "from" / "driver_themes.csv").read_bytes()
    assert streamed == (tmp_path / "whole" / "driver_themes.csv").read_bytes()
    themes = set(pd.read_csv(tmp_path / "from" / "driver_themes.csv")["theme"])
    assert "不干净" in themes and "干净" not in themes


def test_a_denied_quality_that_says_where_is_named_once():
    """review: 诚信 denied (不诚信) under a factor that holds names was shown 不诚信：不诚信."""
    import manyi
    from manyi.analysis.fixfirst import fix_first_tables

    texts = ["这家店不诚信", "卖家不诚信，骗人", "很不诚信", "质量很差", "物流很慢"] * 8
    result = manyi.analyze(texts, domain="ecommerce", progress=False)
    themes = fix_first_tables(result.comments, result.mentions,
                              labels=result.labels)["driver_themes"]
    brand = set(themes.loc[themes["label"] == "品牌·品牌口碑", "theme"])
    assert "不诚信" in brand and "不诚信：不诚信" not in brand


def test_a_quality_denied_by_its_own_opinion_word_is_named_denied():
    """newcomer8: fruit's 口味 complaints had a theme "甜" (又小又不甜), and 新鲜度's terms read
    不还不新鲜, 不根本不新鲜 (还不新鲜, 根本不新鲜 as said)."""
    import manyi
    from manyi.analysis.fixfirst import fix_first_tables

    texts = ["苹果又小又不甜", "一点都不甜", "橙子不甜", "水果还不新鲜", "根本不新鲜",
             "很不新鲜", "物流很快"] * 6
    result = manyi.analyze(texts, domain="ecommerce", progress=False)
    themes = fix_first_tables(result.comments, result.mentions,
                              labels=result.labels)["driver_themes"]
    named = set(themes["theme"]) | {w.split(" ")[0] for t in themes["terms"].astype(str)
                                    for w in t.split("、")}
    assert {"不甜", "不新鲜"} <= named, named
    assert not {"甜", "不还不新鲜", "不根本不新鲜"} & named, named


def test_said_counts_from_the_index_equal_the_scan_of_every_set():
    """said_counts read through said_index (built once a driver, each group of terms reading
    only its terms' sets) counts what the scan of every set counts: a complaint once per
    said word, however many of the group's terms say it (房间|小 and 床|小 in one set)."""
    import random

    from manyi.analysis.theme_said import said_counts, said_index

    rng = random.Random(3)
    terms = ["房间", "床", "卫生间", "前台", ""]
    words = ["小", "旧", "脏", "", "不干净"]
    sets = [sorted({f"{rng.choice(terms)}|{w}" if (w := rng.choice(words)) else
                    rng.choice(terms) for _ in range(rng.randint(1, 5))}) for _ in range(400)]
    values = [rng.randint(1, 9) for _ in sets]
    index = said_index(sets, "|")
    for size in (1, 2, 3, 5):
        for _ in range(10):
            group = set(rng.sample(terms, size))
            scanned = said_counts(sets, values, group, "|")
            assert said_counts(sets, values, group, "|", index=index) == scanned
            assert scanned  # each group is said in some set
