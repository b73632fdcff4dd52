"""The manyi command as a user runs it: outputs, summary, one-line errors, help everywhere."""

from __future__ import annotations

import subprocess
import sys

import click
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from manyi.cli.commands import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_analyze_writes_the_tables_and_prints_a_summary(tmp_path):
    out = tmp_path / "out"
    result = run("analyze", str(SAMPLES / "ecommerce_reviews.csv"), "-o", str(out),
                 "--id-col", "评论ID")
    assert result.exit_code == 0, result.output
    for name in ("comments.csv", "mentions.csv", "dimensions.csv", "meta.json"):
        assert (out / name).stat().st_size > 0
    assert "物流 logistics" in result.output
    assert "flagged (kept in comments.csv)" in result.output


@pytest.mark.parametrize("args, message", [
    (["analyze", "nope.csv", "-o", "x"], "nope.csv: no such file"),
    (["analyze", "notes.md", "-o", "x"], "unknown format '.md'"),
    (["analyze", str(SAMPLES / "ecommerce_reviews.csv"), "-o", "x", "--text-col", "正文"],
     "text column '正文' not found; columns are: 评论ID"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_1(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_lexicon_check_names_file_and_line(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "positive.txt").write_text("给力 2\n好评 很多\n", encoding="utf-8")
    (pack / "taxonomy.toml").write_text(
        '[dimensions.price.factors.value]\nterms = ["价钱"]\ncolour = "red"\n', encoding="utf-8")
    result = run("lexicon", "check", str(pack))
    assert result.exit_code == 1
    assert f"{pack / 'positive.txt'}:2: weight is not a number" in result.output
    assert "unknown key 'colour'" in result.output
    good = run("lexicon", "check", str(pack / "taxonomy.toml").replace("taxonomy", "nothing"))
    assert good.exit_code == 1 and "does not exist" in good.output


def test_lexicon_pack_of_the_user_changes_the_analysis(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "taxonomy.toml").write_text(
        '[dimensions.product.factors.unlock]\nlabel = "解锁"\nterms = ["人脸解锁"]\n',
        encoding="utf-8")
    dump = tmp_path / "d.txt"
    dump.write_text("人脸解锁太慢了\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("analyze", str(dump), "-o", str(out), "--lexicon", str(pack), "--quiet")
    assert result.exit_code == 0, result.output
    mentions = (out / "mentions.csv").read_text(encoding="utf-8-sig")
    assert "人脸解锁" in mentions and "unlock" in mentions


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path, command", list(_commands(main)))
def test_every_command_has_help(path, command):
    assert command.help and len(command.help) > 10
    result = run(*path, "--help")
    assert result.exit_code == 0


def _labelled_sample(path, weights=None):
    rows = [("质量很好，非常满意", 1), ("物流很快，包装很好", 1), ("很喜欢，好评", 1),
            ("质量太差了，很失望", 0), ("物流太慢了，差评", 0), ("不喜欢，不会再买", 0)] * 4
    lines = ["text,label" + (",weight" if weights else "")]
    for n, (text, label) in enumerate(rows):
        lines.append(f"{text},{label}" + (f",{weights[n % len(weights)]}" if weights else ""))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_train_then_evaluate_with_the_trained_model(tmp_path):
    sample = _labelled_sample(tmp_path / "labelled.csv", weights=["1", "2.5"])
    model = tmp_path / "mine"
    trained = run("train", str(sample), "--label-col", "label", "--weight-col", "weight",
                  "-o", str(model))
    assert trained.exit_code == 0, trained.output
    assert "fitted on 24 rows (0 skipped), classes negative/positive" in trained.output
    assert (tmp_path / "mine.npz").stat().st_size > 0
    scored = run("evaluate", str(sample), "--label-col", "label", "--model", str(model),
                 "--no-snownlp")
    assert scored.exit_code == 0, scored.output
    assert "sign_accuracy" in scored.output and "confusion" in scored.output


@pytest.mark.parametrize("weights, column, message", [
    (["1", "-2"], "weight", "column 'weight', data row 2: weight '-2' is not a non-negative"),
    (["1", "x"], "weight", "data row 2: weight 'x' is not a non-negative number"),
    (["1"], "gewicht", "no weight column 'gewicht'"),
])
def test_train_names_a_bad_weight_in_one_line(weights, column, message, tmp_path):
    sample = _labelled_sample(tmp_path / "labelled.csv", weights=weights)
    result = run("train", str(sample), "--label-col", "label", "--weight-col", column,
                 "-o", str(tmp_path / "m"))
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "m.npz").exists()


def test_the_cli_starts_without_scipy_stats_or_jieba():
    """Each takes a noticeable part of a second to import; an rjieba run needs neither."""
    code = ("import sys, manyi.cli.commands, manyi.stream, manyi.analysis.graph,"
            " manyi.analysis.index, manyi.report.render;"
            "print(sorted({'scipy.stats', 'jieba'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("command", ["analyze", "report", "drivers", "topics", "graph"])
def test_a_missing_output_is_a_usage_error_not_a_traceback(command):
    result = run(command, str(SAMPLES / "ecommerce_reviews.csv"))
    assert result.exit_code == 2 and "Missing option '-o'" in result.output, result.output


def test_drivers_says_when_no_alert_fired_and_gives_the_complaint_rate(tmp_path):
    """A run with a time column says 'alerts: none (…)' when no period's rise is significant
    (newcomer: an empty alerts.csv and silence), and starts fix first with the complaint rate."""
    out = tmp_path / "d"
    result = CliRunner().invoke(main, ["drivers", str(SAMPLES / "ecommerce_reviews.csv"),
                                       "-o", str(out), "--chart", "none"])
    assert result.exit_code == 0, result.output
    import pandas as pd

    alerts = pd.read_csv(out / "alerts.csv")
    said = "alerts: none (" in result.output
    assert said == alerts.empty and (said or "\nalerts (" in result.output)
    rate = pd.read_csv(out / "drivers.csv")["base_rate"].iat[0]
    assert f"complaints: {rate:.1%} of analysed comments" in result.output


def test_report_prints_the_headlines_analyze_prints(tmp_path):
    """`report` says the index, the complaint rate and what to fix first, as `analyze` does
    (newcomer: it printed only the dimension table); the same lines from both."""
    sample = str(SAMPLES / "ecommerce_reviews.csv")
    analysed = CliRunner().invoke(main, ["analyze", sample, "-o", str(tmp_path / "a")])
    reported = CliRunner().invoke(main, ["report", sample, "-o", str(tmp_path / "r"),
                                         "--format", "json"])
    assert analysed.exit_code == 0 and reported.exit_code == 0, reported.output
    lines = [line for line in analysed.output.splitlines()
             if line.startswith(("satisfaction index:", "complaints:", "fix first:"))]
    assert len(lines) == 3 and all(line in reported.output for line in lines)


def test_a_complaint_rating_outside_the_scale_or_a_column_of_ids_is_one_line(tmp_path):
    """newcomer: --complaint-max-rating 9 on a 1–5 scale made every comment a complaint, and
    --rating-col on the ids none, both with exit status 0."""
    texts = ["物流太慢了", "质量很好", "客服态度差", "包装很好", "价格便宜"] * 8
    frame = pd.DataFrame({"编号": [f"{202603000000 + i}" for i in range(40)],
                          "星级": [1 + i % 5 for i in range(40)], "评价": texts})
    frame.to_csv(tmp_path / "d.csv", index=False)
    runner = CliRunner()
    for extra, said in ((["--complaint-max-rating", "9"], "run from 1 to 5"),
                        (["--rating-col", "编号", "--complaint-max-rating", "2"],
                         "not a rating scale")):
        done = runner.invoke(main, ["drivers", str(tmp_path / "d.csv"), "-o",
                                    str(tmp_path / "o"), "--quiet", *extra])
        assert done.exit_code == 1 and said in done.output
        assert len(done.output.strip().splitlines()) == 1 and "Traceback" not in done.output
