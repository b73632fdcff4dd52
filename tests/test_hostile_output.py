"""Round two on outputs (issue 23): folders replaced whole or refused in one line, the
same bytes every run, formula names neutralised, no foreign cache trusted."""

from __future__ import annotations

import errno
import os
import threading
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

import manyi
from manyi.cli.commands import main
from manyi.errors import InputError
from manyi.io.write import atomic_dir, check_output_folder

SAMPLE = SAMPLES / "ecommerce_reviews.csv"


def _cli(*args: str):
    return CliRunner().invoke(main, [*args, "--quiet"])


def _one_line_error(run, text: str) -> None:
    assert run.exit_code == 1, run.output
    assert text in run.output and run.output.count("\n") == 1, run.output
    assert "Traceback" not in run.output


@pytest.mark.parametrize("name, reason", [(".", "the working folder"), ("..", "the working folder"),
                                          ("/", "the root folder"),
                                          ("foreign", "holds 1 other file(s)")])
def test_output_that_cannot_be_replaced_is_refused_in_one_line(tmp_path, monkeypatch, name,
                                                               reason):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "thesis.docx").write_text("mine", encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    for command in ("analyze", "report", "drivers"):
        run = _cli(command, str(SAMPLE), "-o", name)
        _one_line_error(run, reason)
    assert sorted(os.listdir(tmp_path)) == before  # no junk left behind
    assert (tmp_path / "foreign" / "thesis.docx").read_text(encoding="utf-8") == "mine"


def test_mount_point_is_refused(tmp_path, monkeypatch):
    out = tmp_path / "mnt"
    out.mkdir()
    monkeypatch.setattr(os.path, "ismount", lambda p: Path(p) == out.resolve())
    with pytest.raises(InputError, match="mount point"):
        check_output_folder(out)


@pytest.mark.parametrize("name", ["a**b", "[x]", "out?"])
def test_glob_characters_in_the_output_name(tmp_path, name):
    dead = tmp_path / f".{name}.partial-999999999-abc"
    dead.mkdir()
    manyi.analyze(["物流很快"], progress=False).to_dir(tmp_path / name)
    assert (tmp_path / name / "comments.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # the dead run's folder is gone


def test_two_runs_racing_for_a_fresh_folder_both_finish(tmp_path):
    out, errors = tmp_path / "out", []
    barrier = threading.Barrier(2)

    def run(tag: str) -> None:
        try:
            with atomic_dir(out) as staging:
                (staging / "meta.json").write_text(tag, encoding="utf-8")
                barrier.wait()
        except Exception as exc:  # noqa: BLE001 - any failure is the finding
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(t,)) for t in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (out / "meta.json").read_text(encoding="utf-8") in ("a", "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_every_command_replaces_its_folder_whole(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = ["topics_by_旧列.csv", "alerts.csv", "report.xlsx"]
    for name in stale + ["notes.txt"]:
        (out / name).write_text("stale", encoding="utf-8")
    assert _cli("report", str(SAMPLE), "-o", str(out), "--format", "html,json").exit_code == 0
    assert not (out / "report.xlsx").exists() and (out / "report.html").exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "stale"  # the analyst's own file
    frame = pd.read_csv(SAMPLE).drop(columns=["评论时间"])
    no_time = tmp_path / "no_time.csv"
    frame.to_csv(no_time, index=False)
    assert _cli("drivers", str(no_time), "-o", str(out)).exit_code == 0
    assert not (out / "alerts.csv").exists() and (out / "drivers.csv").exists()
    assert (out / "report.html").exists()  # another command's files are kept


def test_a_failing_report_leaves_the_previous_report_whole(tmp_path, monkeypatch):
    from manyi.report import render as report

    out = tmp_path / "out"
    assert _cli("report", str(SAMPLE), "-o", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out / "summary.json"))

    monkeypatch.setitem(report.WRITERS, "json", disk_full)
    run = _cli("report", str(SAMPLE), "-o", str(out))
    _one_line_error(run, "No space left on device")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_report_files_are_the_same_bytes_every_run(tmp_path):
    for n in (1, 2):
        assert _cli("report", str(SAMPLE), "-o", str(tmp_path / f"r{n}")).exit_code == 0
    for name in ("report.html", "report.xlsx", "summary.json"):
        assert (tmp_path / "r1" / name).read_bytes() == (tmp_path / "r2" / name).read_bytes()
    with zipfile.ZipFile(tmp_path / "r1" / "report.xlsx") as book:
        core = book.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


def test_lone_surrogates_are_written_as_replacement_characters(tmp_path):
    frame = pd.DataFrame({"评论": pd.Series(["物流很快\udc80包装很好", "物流很快"], dtype=object),
                          "id": ["a", "b"]})
    for source in (frame, ["物流很快\udc80包装很好", "物流很快"]):
        result = manyi.analyze(source, progress=False)
        assert result.comments["flag"].tolist() == ["partly_undecodable", ""]
        result.to_dir(tmp_path / "out")
        comments = (tmp_path / "out" / "comments.csv").read_text(encoding="utf-8-sig")
        assert "物流很快\ufffd包装很好" in comments


def test_disk_full_during_analyze_is_one_line(tmp_path, monkeypatch):
    from manyi.io import write as outputs

    def disk_full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs.CsvAppender, "write_bytes", disk_full)
    run = _cli("analyze", str(SAMPLE), "-o", str(tmp_path / "out"))
    _one_line_error(run, "No space left on device")
    assert not (tmp_path / "out").exists()


def test_formula_column_names_are_neutralised_in_csv_and_workbook(tmp_path):
    from openpyxl import load_workbook

    name = '=HYPERLINK("http://evil","x")'
    source = tmp_path / "in.csv"
    frame = pd.read_csv(SAMPLE)
    frame.insert(0, name, "a")
    frame.to_csv(source, index=False)
    assert _cli("analyze", str(source), "-o", str(tmp_path / "out")).exit_code == 0
    header = (tmp_path / "out" / "comments.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "'=HYPERLINK" in header and ',"=HYPERLINK' not in header
    assert _cli("report", str(source), "-o", str(tmp_path / "rep")).exit_code == 0
    book = load_workbook(tmp_path / "rep" / "report.xlsx")
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


def test_a_planted_jieba_cache_in_the_shared_temp_folder_is_not_loaded(tmp_path, monkeypatch):
    import marshal
    import tempfile

    from manyi.text import segment

    shared = tmp_path / "shared_tmp"
    shared.mkdir()
    with open(shared / "jieba.cache", "wb") as handle:
        marshal.dump(({"物流": 1}, 1), handle)
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "own_cache"))
    tokenizer = segment._jieba_tokenizer()
    assert len(tokenizer.FREQ) > 100_000  # the real dictionary, not the planted one
    assert (tmp_path / "own_cache" / "manyi").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("meta", [[], {"format": "manyi-sentiment/2"},
                                  {"format": "manyi-sentiment/2", "config": {}, "dense": [[1]]}])
def test_a_malformed_model_file_is_one_line(tmp_path, meta):
    import json

    import numpy as np

    from manyi.annotate.sentiment.model import MODEL_FORMAT, SentimentModel
    from manyi.errors import ModelError

    if isinstance(meta, dict):
        meta["format"] = MODEL_FORMAT
    (tmp_path / "m.json").write_text(json.dumps(meta), encoding="utf-8")
    np.savez(tmp_path / "m.npz", other=np.zeros(2))
    with pytest.raises(ModelError) as info:
        SentimentModel.load(tmp_path / "m")
    assert str(info.value).startswith(str(tmp_path / "m")) and "\n" not in str(info.value)


def test_topics_replaces_its_files_and_draws_the_same_svg_every_run(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("topics_by_旧列.csv", "topics.png", "comments.csv"):
        (out / name).write_text("stale", encoding="utf-8")
    svgs = []
    for _ in range(2):
        run = _cli("topics", str(SAMPLE), "-o", str(out), "--topics", "3", "--chart", "svg")
        assert run.exit_code == 0, run.output
        svgs.append((out / "topics.svg").read_bytes())
    assert svgs[0] == svgs[1]
    assert not (out / "topics_by_旧列.csv").exists() and not (out / "topics.png").exists()
    assert (out / "comments.csv").read_text(encoding="utf-8") == "stale"  # not topics' file
