"""The analyst's experience: charts optional, small dumps answered, one-line mistakes."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

import manyi.analysis.topics.model
import manyi.report.charts
import manyi.report.plot
from manyi.cli.commands import main
from manyi.report.excel import SHEETS
from manyi.report.plot import ChartUnavailable

DRAWING = ["drivers", "graph", "topics"]


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def no_cjk_font(monkeypatch):
    """A machine without a font with Chinese glyphs (the font finder finds none)."""
    def missing():
        raise ChartUnavailable("no font with Chinese glyphs found for charts: "
                               + manyi.report.plot.FONT_HINT)

    for module in (manyi.report.plot, manyi.analysis.topics.model, manyi.report.charts):
        monkeypatch.setattr(module, "find_cjk_font", missing)


@pytest.fixture(scope="module")
def dumps(tmp_path_factory) -> dict[int, str]:
    """The first 1, 3, 5 and 80 rows of the e-commerce sample as CSV files."""
    folder = tmp_path_factory.mktemp("dumps")
    frame = pd.read_csv(SAMPLES / "ecommerce_reviews.csv", dtype=str)
    paths = {}
    for n in (1, 3, 5, 80):
        paths[n] = str(folder / f"rows{n}.csv")
        frame.head(n).to_csv(paths[n], index=False)
    return paths


@pytest.mark.parametrize("command", DRAWING + ["report"])
def test_without_a_chinese_font_tables_are_written_and_skipped_charts_named(
        command, no_cjk_font, dumps, tmp_path):
    out = tmp_path / "out"
    result = run(command, dumps[80], "-o", out)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    written = sorted(p.name for p in out.iterdir())
    assert any(name.endswith((".csv", ".html")) for name in written)
    assert not any(name.endswith((".png", ".svg")) for name in written)
    if command != "report":  # the report draws its charts as SVG text, without a font
        skipped = [line for line in result.output.splitlines() if "charts skipped" in line]
        assert len(skipped) == 1 and "pip install 'manyi[plot]'" in skipped[0]


@pytest.mark.parametrize("command", DRAWING)
def test_chart_none_draws_nothing_and_says_nothing_about_fonts(command, dumps, tmp_path):
    out = tmp_path / "out"
    result = run(command, dumps[80], "-o", out, "--chart", "none", "--quiet")
    assert result.exit_code == 0, result.output
    assert not [p for p in out.iterdir() if p.suffix in (".png", ".svg")]
    assert "charts skipped" not in result.output


def test_an_unknown_chart_format_is_one_line(dumps, tmp_path):
    result = run("drivers", dumps[5], "-o", tmp_path / "out", "--chart", "gif")
    assert result.exit_code == 1
    assert result.output.strip() == ("manyi: error: --chart 'gif': unknown chart format 'gif'; "
                                     "use png, svg (comma-separated) or none")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("rows", [1, 3, 5])
@pytest.mark.parametrize("command", ["analyze", "report", "drivers", "graph", "topics"])
def test_small_dumps_go_through_every_command(command, rows, dumps, tmp_path):
    out = tmp_path / "out"
    result = run(command, dumps[rows], "-o", out, "--quiet") if command != "analyze" else \
        run(command, dumps[rows], "-o", out)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    files = list(out.iterdir())
    assert files and all(p.stat().st_size > 0 for p in files)
    if command == "topics":
        ids = pd.read_csv(out / "comment_topics.csv", dtype=str)["comment_id"]
        assert len(ids) == rows  # every input row comes out with its id
        assert "topics not computed" in result.output


def test_report_on_three_rows_says_what_it_could_not_compute(dumps, tmp_path):
    result = run("report", dumps[3], "-o", tmp_path / "r")
    assert result.exit_code == 0, result.output
    assert "note: IPA not computed" in result.output
    summary = json.loads((tmp_path / "r" / "summary.json").read_text(encoding="utf-8"))
    assert "fewer than two dimensions" in summary["not_computed"]["ipa"]["en"]
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "未能计算的部分" in html and "重要性-表现分析未计算" in html


@pytest.mark.parametrize("command", ["analyze", "drivers", "graph", "topics"])
def test_every_comment_flagged_still_writes_the_tables(command, tmp_path):
    dump = tmp_path / "flagged.csv"
    pd.DataFrame({"评论内容": ["此用户没有填写评价", "", "123"]}).to_csv(dump, index=False)
    result = run(command, dump, "-o", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    assert [p for p in (tmp_path / "out").iterdir() if p.suffix == ".csv"]


def test_report_when_every_comment_is_flagged(tmp_path):
    dump = tmp_path / "flagged.csv"
    pd.DataFrame({"评论内容": ["此用户没有填写评价", "", "123"]}).to_csv(dump, index=False)
    result = run("report", dump, "-o", tmp_path / "r", "--quiet")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "r" / "summary.json").read_text(encoding="utf-8"))
    assert summary["not_computed"]["analysis"]["en"].startswith("no comment could be analysed")


# -- user mistakes: one line naming the option and the fix, non-zero exit -------------------
def _commands():
    """(command path, its click command) for every command of ``manyi``."""
    import click

    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            yield from (([name, sub], c) for sub, c in command.commands.items())
        else:
            yield [name], command


def _column_options():
    for path, command in _commands():
        for param in command.params:
            flag = max(getattr(param, "opts", []), key=len, default="")
            if flag.endswith("-col") or flag == "--by":
                yield pytest.param(path, flag, id=f"{' '.join(path)} {flag}")


@pytest.fixture
def labelled(tmp_path) -> str:
    path = tmp_path / "labelled.csv"
    pd.DataFrame({"评论内容": ["物流很快，包装完好", "客服态度太差了", "质量一般，价格偏贵"],
                  "评分": [5, 1, 3], "评论时间": ["2026-01-01", "2026-01-02", "2026-02-03"],
                  "商品": ["面霜", "耳机", "面霜"], "label": ["正面", "负面", "中性"],
                  "gold": ["logistics:+", "service:-", "price:-"], "weight": [1, 1, 2]}
                 ).to_csv(path, index=False)
    return str(path)


REQUIRED = {"--label-col": "label", "--labels-col": "gold"}


def test_the_walk_covers_every_column_option():
    flags = {p.values[1] for p in _column_options()}
    assert flags >= {"--text-col", "--id-col", "--rating-col", "--time-col", "--by",
                     "--label-col", "--labels-col", "--weight-col"}


@pytest.mark.parametrize("path, flag", list(_column_options()))
def test_a_missing_column_is_one_line_naming_it(path, flag, labelled, tmp_path):
    args = [*path, labelled, *(["-o", tmp_path / "out"] if path[0] != "evaluate-dimensions"
                               and path[0] != "evaluate" else [])]
    args += [x for k, v in REQUIRED.items() if k != flag and k in _flags(path) for x in (k, v)]
    if path == ["evaluate"]:
        args.append("--no-snownlp")
    result = run(*args, flag, "缺的列")
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("manyi: error:"), result.output
    assert "缺的列" in lines[0] and "评论内容" in lines[0]  # names it and lists the columns
    assert not (tmp_path / "out").exists()


def _flags(path):
    return {o for _, c in _commands() if _ == path for p in c.params for o in p.opts}


@pytest.mark.parametrize("command", ["analyze", "report", "drivers", "topics",
                                     ["lexicon", "suggest"]])
def test_a_text_column_of_numbers_names_the_column_that_looks_like_text(command, labelled,
                                                                        tmp_path):
    path = command if isinstance(command, list) else [command]
    result = run(*path, labelled, "-o", tmp_path / "out", "--text-col", "评分")
    assert result.exit_code == 1
    assert result.output.strip() == ("manyi: error: --text-col '评分': the column holds no text "
                                     "(e.g. 5); '评论内容' looks like text: --text-col 评论内容")


def test_a_text_column_of_a_few_repeated_values_is_a_category_not_comments(tmp_path):
    shops = ["旗舰店", "专营店A", "专营店B"]
    reviews = [f"第{i}次买，质量很好，物流也快，包装有点简陋" for i in range(150)]
    frame = pd.DataFrame({"店铺": [shops[i % 3] for i in range(150)], "评价内容": reviews})
    frame.to_csv(tmp_path / "dump.csv", index=False)
    result = run("analyze", tmp_path / "dump.csv", "-o", tmp_path / "out", "--text-col", "店铺")
    assert result.exit_code == 1 and "only 3 distinct values" in result.output
    assert result.output.strip().endswith("--text-col 评价内容")
    # a short answer column beside no longer text is left alone
    answers = pd.DataFrame({"回答": [["满意", "一般", "不满意"][i % 3] for i in range(150)],
                            "城市": [["北京", "上海", "广州", "深圳"][i % 4] for i in range(150)]})
    answers.to_csv(tmp_path / "survey.csv", index=False)
    ok = run("analyze", tmp_path / "survey.csv", "-o", tmp_path / "out2", "--text-col", "回答",
             "--quiet")
    assert ok.exit_code == 0, ok.output


@pytest.mark.parametrize("option, value, message", [
    ("--rating-col", "商品", "--rating-col '商品': the column holds no numbers (e.g. '面霜'); "
                           "numeric columns: 评分, weight"),
    ("--time-col", "商品", "--time-col '商品': the column holds no dates (e.g. '面霜')"),
])
def test_a_column_of_the_wrong_kind_is_one_line(option, value, message, labelled, tmp_path):
    result = run("drivers", labelled, "-o", tmp_path / "out", option, value)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_a_rating_column_filled_on_few_rows_is_read_and_one_of_words_is_named(tmp_path):
    """Blank cells are empty, not words: a rating on 4 rows of 40 is a rating column; a
    column of words with one number says how many of its cells are numbers and shows a
    word, not the number (it said "holds no numbers (e.g. '2')")."""
    texts = ["物流很快，质量很好", "质量太差了，客服不理人", "价格便宜，包装完好", "发货太慢"] * 10
    sparse = tmp_path / "sparse.csv"
    pd.DataFrame({"评论": texts, "评分": ["5", "1", "4", "2"] + [""] * 36}).to_csv(sparse,
                                                                          index=False)
    assert run("drivers", sparse, "-o", tmp_path / "a", "--rating-col", "评分").exit_code == 0
    words = tmp_path / "words.csv"
    pd.DataFrame({"评论": texts, "评分": ["2"] + ["好评"] * 39}).to_csv(words, index=False)
    result = run("drivers", words, "-o", tmp_path / "b", "--rating-col", "评分")
    assert result.exit_code == 1
    assert "--rating-col '评分': only 1 of its 40 filled cells are numbers (e.g. '好评')" \
        in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["analyze", "report", "drivers", "graph", "topics",
                                     ["lexicon", "suggest"], ["train"]])
@pytest.mark.parametrize("where, message", [
    ("afile/out", "afile is a file, so no folder can be made under it"),
    ("afile", "afile is a file, not a folder"),
])
def test_an_output_path_that_cannot_be_used_is_one_line(command, where, message, labelled,
                                                        tmp_path, monkeypatch):
    if where == "afile" and isinstance(command, list):  # a file output: its parent a file
        where, message = "afile/x.toml", "afile is a file, so no folder can be made under it"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    path = command if isinstance(command, list) else [command]
    extra = ["--label-col", "label"] if path == ["train"] else []
    result = run(*path, labelled, *extra, "-o", where)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"manyi: error: -o {where}: {message}; ")


@pytest.mark.parametrize("files, problem", [
    ({"taxonomy.toml": "dimensions = 5\n"},
     "taxonomy.toml:1: 'dimensions' must be a table ([dimensions.<key>]), not an integer (5)"),
    ({"taxonomy.toml": '[dimensions.price]\nlabel = [1, 2]\n'},
     "taxonomy.toml:2: 'dimensions.price.label' must be a string (not empty), not a list"),
    ({"taxonomy.toml": '[dimensions.price.factors.value]\nterms = "价钱"\n'},
     "'dimensions.price.factors.value.terms' must be a list of strings, not a string"),
    ({"taxonomy.toml": '[dimensions.price]\nfactors = 3\n'},
     "'dimensions.price.factors' must be a table, not an integer (3)"),
    ({"userdict.txt": "物流超快 1000000000000000000000000000000 n\n"},
     "userdict.txt:1: frequency 1000000000000000000000000000000 of '物流超快' must be from 1"),
])
def test_lexicon_check_catches_every_shape_analyze_would_choke_on(files, problem, dumps,
                                                                  tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    for name, text in files.items():
        (pack / name).write_text(text, encoding="utf-8")
    check = run("lexicon", "check", pack)
    assert check.exit_code == 1 and problem in check.output
    analysed = run("analyze", dumps[3], "-o", tmp_path / "out", "--lexicon", pack)
    assert analysed.exit_code == 1 and problem in analysed.output
    assert len(analysed.output.strip().splitlines()) == 1


# -- the workbook: numbers as numbers, dates as dates, ids as text, Chinese headers ---------
def test_workbook_cells_are_typed_and_headers_chinese(tmp_path):
    from datetime import datetime

    from openpyxl import load_workbook

    dump = tmp_path / "dump.csv"
    dump.write_text("工单编号,评分,评论时间,金额,评论内容\n"
                    "007,5,2026-01-01 13:42:06,12.5,物流很快，包装完好\n"
                    "0123456789012345678,1,2026-01-02 08:00:00,3,客服态度太差了，等了三天\n"
                    "A-9,3,2026-02-03 21:10:00,,质量一般，价格偏贵\n", encoding="utf-8")
    result = run("report", dump, "-o", tmp_path / "r", "--format", "xlsx", "--quiet",
                 "--id-col", "工单编号")
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "r" / "report.xlsx")
    sheet = book[SHEETS["comments"]]
    keys = [c.comment.text if c.comment else c.value for c in sheet[1]]
    labels = [c.value for c in sheet[1]]
    assert labels[:2] == ["评论ID", "工单编号"] and "情感得分" in labels and "标记" in labels
    assert "sentiment_score" in keys  # the English key rides along as the header's comment
    column = {k: [row[i] for row in sheet.iter_rows(min_row=2, values_only=True)]
              for i, k in enumerate(keys)}
    assert column["comment_id"] == ["007", "0123456789012345678", "A-9"]  # ids stay text
    assert column["工单编号"] == ["007", "0123456789012345678", "A-9"]
    assert column["评分"] == [5, 1, 3]  # numbers as numbers
    assert column["金额"] == [12.5, 3, None]
    assert column["评论时间"][0] == datetime(2026, 1, 1, 13, 42, 6)  # dates as dates
    assert sheet.cell(row=2, column=keys.index("评论时间") + 1).is_date
    assert all(isinstance(v, float) for v in column["sentiment_score"])
    assert isinstance(column["n_mentions"][0], int)
    summary = book[SHEETS["summary"]]
    assert summary["A1"].value == "项目" and summary["A2"].value == "评论总数"
    assert summary["B2"].value == 3


# -- progress: a total and an ETA on a terminal, silent off one -----------------------------
def test_rows_are_counted_cheaply_for_the_bar(tmp_path):
    from manyi.progress import count_rows

    csv = tmp_path / "d.csv"
    csv.write_text("评论内容\n很好\n太差\n还行", encoding="utf-8")  # no final newline
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text('{"t": "很好"}\n{"t": "太差"}\n', encoding="utf-8")
    assert (count_rows(csv), count_rows(jsonl), count_rows(["a", "b"])) == (3, 2, 2)
    assert count_rows(tmp_path / "d.xlsx") is None


def test_a_bar_shows_its_total_when_asked(capsys):
    from manyi.progress import tracked

    assert list(tracked(iter("abc"), 3, "reading", "comments", True)) == ["a", "b", "c"]
    assert "/3 [" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["analyze", "report", "topics"])
def test_no_progress_bar_off_a_terminal(command, dumps, tmp_path):
    result = run(command, dumps[80], "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "it/s" not in result.output and "comments/s" not in result.output
    assert "%|" not in result.output


# -- the README states exactly what each command writes ------------------------------------
def _readme_outputs() -> dict[str, tuple[set[str], set[str]]]:
    """command → (files always written, files written when they apply) from the README."""
    import re

    text = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    table = text[text.index("What each command writes"):].split("\n\n", 2)[1]
    rows = {}
    for line in table.splitlines()[2:]:
        command, files = [c.strip() for c in line.strip("|").split("|")]
        names = re.findall(r"`([^`]+\.[a-z]+)`(\*?)", files)
        rows[command.strip("`")] = ({n for n, star in names if not star},
                                    {n for n, star in names if star})
    return rows


@pytest.mark.parametrize("command", ["analyze", "report", "drivers", "graph", "topics"])
def test_the_readme_lists_exactly_the_files_each_command_writes(command, tmp_path):
    always, sometimes = _readme_outputs()[command]
    out = tmp_path / "out"
    result = run(command, SAMPLES / "ecommerce_reviews.csv", "-o", out, "--quiet",
                 *(["--topics", "4"] if command == "topics" else []))
    assert result.exit_code == 0, result.output
    written = {p.name for p in out.iterdir()}
    if "charts skipped" in result.output:  # no Chinese font on this machine
        always = {n for n in always if not n.endswith((".png", ".svg"))}
    groups = {"商品", "渠道"}  # the sample's group columns
    sometimes = {n.replace("<column>", g) for n in sometimes for g in groups}
    assert always <= written, always - written
    assert written <= always | sometimes, written - always - sometimes


def test_the_readme_lists_what_train_and_suggest_write(labelled, tmp_path):
    rows = _readme_outputs()
    assert rows["train"][0] == {"OUTPUT.npz", "OUTPUT.json"}
    result = run("train", labelled, "--label-col", "label", "-o", tmp_path / "m" / "model")
    assert result.exit_code == 0, result.output
    assert {p.name for p in (tmp_path / "m").iterdir()} == {"model.npz", "model.json"}
    assert rows["lexicon suggest"][0] == {"suggestions.toml"}


def test_analyze_names_a_column_that_looks_like_ids(tmp_path):
    dump = tmp_path / "tickets.csv"
    dump.write_text("工单编号,反馈内容\nT001,客服态度太差了\nT002,处理很及时，满意\n",
                    encoding="utf-8")
    result = run("analyze", dump, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "工单编号 looks like an id column: --id-col 工单编号" in result.output
    given = run("analyze", dump, "-o", tmp_path / "out", "--id-col", "工单编号")
    assert "looks like an id column" not in given.output
    assert "is it the id column" not in given.output


def test_analyze_warns_when_the_id_column_given_repeats_in_most_rows(tmp_path):
    """--id-col naming the rating by mistake: more than a flag count in the summary."""
    result = run("analyze", SAMPLES / "ecommerce_reviews.csv", "-o", tmp_path / "out",
                 "--id-col", "评分")
    assert result.exit_code == 0, result.output
    assert "warning: --id-col 评分:" in result.output
    assert "is it the id column? 评论ID looks like one" in result.output


@pytest.mark.parametrize("texts", [
    ["物流很快，包装完好"] * 12,  # no variance: one dimension, one polarity
    ["物流很快", "客服态度太差了", "质量一般", "价格偏贵", "还行吧"],  # no rating, no time
])
@pytest.mark.parametrize("command", ["report", "drivers", "graph", "topics"])
def test_degenerate_dumps_give_tables_not_errors(command, texts, tmp_path):
    dump = tmp_path / "dump.csv"
    pd.DataFrame({"评论内容": texts}).to_csv(dump, index=False)
    result = run(command, dump, "-o", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and list((tmp_path / "out").iterdir())


def test_report_to_one_file_may_replace_it(dumps, tmp_path):
    target = tmp_path / "one.html"
    for _ in range(2):
        result = run("report", dumps[3], "-o", target, "--quiet")
        assert result.exit_code == 0, result.output
    assert target.is_file()


def test_a_rerun_leaves_no_file_of_the_run_before(dumps, tmp_path):
    out = tmp_path / "out"
    assert run("drivers", dumps[80], "-o", out, "--quiet").exit_code == 0
    assert (out / "trends.csv").exists()
    (tmp_path / "notime.csv").write_text(
        pd.read_csv(dumps[80], dtype=str).drop(columns=["评论时间"]).to_csv(index=False),
        encoding="utf-8")
    again = run("drivers", tmp_path / "notime.csv", "-o", out, "--quiet", "--chart", "none")
    assert again.exit_code == 0, again.output
    assert not (out / "trends.csv").exists() and not (out / "ipa.png").exists()


@pytest.mark.parametrize("formats", ["pdf", "html,pdf", ""])
def test_an_unknown_report_format_is_one_line_before_the_analysis(formats, dumps, tmp_path):
    result = run("report", dumps[3], "-o", tmp_path / "r", "--format", formats)
    assert result.exit_code == 1
    assert result.output.startswith(f"manyi: error: --format {formats!r}: unknown report")
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "r").exists()


def test_report_takes_the_time_and_rating_columns_it_asks_for(tmp_path):
    """The report's note says to name a time column with --time-col: report must take it."""
    source = tmp_path / "dump.csv"
    source.write_text("评论,哪天,星\n物流太慢了,2026-01-02,1\n质量很好,2026-02-03,5\n"
                      "客服态度很差,2026-02-05,2\n", encoding="utf-8")
    plain = run("report", source, "-o", tmp_path / "plain", "--format", "json")
    named = run("report", source, "-o", tmp_path / "named", "--format", "json",
                "--time-col", "哪天", "--rating-col", "星")
    assert plain.exit_code == 0 and named.exit_code == 0, named.output
    plain_json = json.loads((tmp_path / "plain" / "summary.json").read_text(encoding="utf-8"))
    named_json = json.loads((tmp_path / "named" / "summary.json").read_text(encoding="utf-8"))
    assert "trend" in plain_json["not_computed"] and "trend" not in named_json["not_computed"]
    assert named_json["source"]["time_col"] == "哪天"
    wrong = run("report", source, "-o", tmp_path / "wrong", "--time-col", "星期")
    assert wrong.exit_code == 1 and "no such column" in wrong.output


def test_several_group_columns_in_one_by_are_told_to_repeat_the_option(tmp_path):
    source = tmp_path / "dump.csv"
    source.write_text("评论,店铺,品类\n物流太慢了,甲,乙\n质量很好,甲,丙\n", encoding="utf-8")
    result = run("drivers", source, "-o", tmp_path / "out", "--by", "店铺,品类")
    assert result.exit_code == 1
    assert "repeat the option: --by 店铺 --by 品类" in result.output
    assert "Traceback" not in result.output


def test_a_wrong_column_with_from_names_the_folder_and_the_dumps_columns(tmp_path):
    """newcomer: `report --from a --time-col 时间` named the dump, listed manyi's own columns."""
    source = tmp_path / "dump.csv"
    source.write_text("评论,日期\n物流太慢了,2024-01-02\n质量很好,2024-02-03\n", encoding="utf-8")
    assert run("analyze", source, "-o", tmp_path / "a").exit_code == 0
    wrong = run("report", "--from", tmp_path / "a", "-o", tmp_path / "r", "--time-col", "时间")
    assert wrong.exit_code == 1
    assert f"no such column in {tmp_path / 'a'} (the analysis of" in wrong.output
    listed = wrong.output.split("columns are:")[1]
    assert "日期" in listed and "sentiment" not in listed and "flag" not in listed


def test_analyze_points_to_fix_first_within_the_groups_it_found(tmp_path):
    """newcomer: a third of the dump (fruit) got no fix-first line and nothing said where its
    fixes are; analyze names the group columns it found and the command that ranks within."""
    source = tmp_path / "dump.csv"
    source.write_text("评论,品类\n物流太慢了,水果\n质量很好,平板\n屏幕太暗,平板\n",
                      encoding="utf-8")
    result = run("analyze", source, "-o", tmp_path / "a")
    assert result.exit_code == 0, result.output
    assert f"groups found: 品类 — `manyi drivers --from {tmp_path / 'a'} -o D`" in result.output
    # newcomer9: 类目 (Taobao's and JD's word for category) gave no per-category view
    both = tmp_path / "both.csv"
    both.write_text("评论,类目,门店\n物流太慢了,水果,甲店\n质量很好,平板,乙店\n", encoding="utf-8")
    result = run("analyze", both, "-o", tmp_path / "c")
    assert result.exit_code == 0, result.output
    assert "groups found: 类目, 门店 — " in result.output
    plain = tmp_path / "plain.csv"
    plain.write_text("评论\n物流太慢了\n质量很好\n", encoding="utf-8")
    assert "groups found" not in run("analyze", plain, "-o", tmp_path / "b").output


@pytest.mark.parametrize("command, name", [("analyze", "out.pdf"), ("drivers", "d.csv"),
                                           ("report", "report.pdf")])
def test_an_output_folder_named_like_a_file_is_refused(command, name, tmp_path):
    """newcomer8: ``-o e12.pdf`` made a folder named e12.pdf."""
    from click.testing import CliRunner

    from manyi.cli.commands import main

    (tmp_path / "dump.csv").write_text("评论内容\n物流很快\n", encoding="utf-8")
    run = CliRunner().invoke(main, [command, str(tmp_path / "dump.csv"), "-o",
                                    str(tmp_path / name)])
    assert run.exit_code == 2 and "looks like a file name" in run.output, run.output
    assert not (tmp_path / name).exists()


def test_report_compares_the_groups_named_with_by(tmp_path):
    """newcomer9: drivers took --by, report had no such option, so a column manyi does not
    recognise (片区) could never be compared in the report."""
    import json

    rows = [("物流太慢了，等了好几天" if i % 4 == 0 else "质量很好，很喜欢",
             ["东区", "西区"][i % 2]) for i in range(80)]
    dump = tmp_path / "dump.csv"
    pd.DataFrame(rows, columns=["评论", "片区"]).to_csv(dump, index=False)
    assert run("analyze", dump, "-o", tmp_path / "a", "--quiet").exit_code == 0
    for extra in ([], ["--by", "片区"]):
        done = run("report", "--from", tmp_path / "a", "-o", tmp_path / f"r{len(extra)}",
                   "--format", "json", "--quiet", *extra)
        assert done.exit_code == 0, done.output
    groups = [json.loads((tmp_path / f"r{n}" / "summary.json").read_text(encoding="utf-8"))
              ["segments"] for n in (0, 2)]
    assert groups[0] is None or not groups[0]["index"]
    assert {r["group"] for r in groups[1]["index"]} == {"东区", "西区"}
    wrong = run("report", "--from", tmp_path / "a", "-o", tmp_path / "r9", "--by", "城区")
    assert wrong.exit_code == 1 and "城区" in wrong.output


def test_a_rating_column_found_by_name_can_be_set_aside(tmp_path):
    """newcomer10: no way to switch off a column manyi took for a rating. The sample's 评分
    is one: with --rating-col none there are no key drivers, and the report says so."""
    done = run("drivers", SAMPLES / "ecommerce_reviews.csv", "-o", tmp_path / "d",
               "--quiet", "--id-col", "评论ID")
    assert done.exit_code == 0 and (tmp_path / "d" / "key_drivers.csv").exists()
    done = run("drivers", SAMPLES / "ecommerce_reviews.csv", "-o", tmp_path / "n",
               "--quiet", "--id-col", "评论ID", "--rating-col", "none")
    assert done.exit_code == 0, done.output
    assert not (tmp_path / "n" / "key_drivers.csv").exists()
    done = run("report", SAMPLES / "ecommerce_reviews.csv", "-o", tmp_path / "r",
               "--quiet", "--id-col", "评论ID", "--rating-col", "none", "--format", "json")
    assert done.exit_code == 0, done.output
    assert json.loads((tmp_path / "r" / "summary.json").read_text("utf-8"))[
        "source"]["rating_col"] is None
