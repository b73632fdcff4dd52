"""The analyst's experience: charts optional, small dumps answered, one-line mistakes."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

import manyi.charts
import manyi.topics
import manyi.topics_plot
from manyi.cli import main
from manyi.topics_plot import ChartUnavailable

DRAWING = ["drivers", "graph", "topics"]


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def no_cjk_font(monkeypatch):
    """A machine without a font with Chinese glyphs (the font finder finds none)."""
    def missing():
        raise ChartUnavailable("no font with Chinese glyphs found for charts: "
                               + manyi.topics_plot.FONT_HINT)

    for module in (manyi.topics_plot, manyi.topics, manyi.charts):
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
    assert "note: IPA importance is the mention share" in result.output
    summary = json.loads((tmp_path / "r" / "summary.json").read_text(encoding="utf-8"))
    assert "key-driver model" in summary["not_computed"]["ipa"]["en"]
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "未能计算的部分" in html and "回归模型无法拟合" in html


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
