"""Settings are objects built once and passed down: the sentiment model of a run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import manyi
from manyi import engine
from manyi.cli.commands import main

PRAISE = ["物流很快，质量很好", "东西不错，很满意", "包装完好，发货迅速", "客服态度好，推荐购买",
          "性价比高，值得买", "质量很好，下次还来"]
COMPLAINTS = ["质量太差了", "物流太慢，包装破了", "客服不理人，很失望", "做工粗糙，不推荐",
              "价格太贵，不值", "发货慢，东西坏了"]


@pytest.fixture(scope="module")
def flipped_model(tmp_path_factory) -> Path:
    """A model fitted with `manyi train` on labels turned round: praise labelled 负面."""
    folder = tmp_path_factory.mktemp("model")
    rows = [(t, "负面") for t in PRAISE] + [(t, "正面") for t in COMPLAINTS]
    pd.DataFrame(rows * 5, columns=["评论", "标签"]).to_csv(folder / "labelled.csv",
                                                          index=False)
    run = CliRunner().invoke(main, ["train", str(folder / "labelled.csv"), "--label-col", "标签",
                                    "-o", str(folder / "flipped")])
    assert run.exit_code == 0, run.output
    return folder / "flipped"


def test_a_model_fitted_with_train_changes_what_analyze_finds(flipped_model):
    shipped = manyi.analyze(PRAISE + COMPLAINTS)
    fitted = manyi.analyze(PRAISE + COMPLAINTS, model=flipped_model)
    assert shipped.comments["sentiment"].tolist() == ["positive"] * 6 + ["negative"] * 6
    assert fitted.comments["sentiment"].tolist() == ["negative"] * 6 + ["positive"] * 6
    assert fitted.meta["model"] == str(flipped_model)
    assert "model" not in shipped.meta  # meta.json of a default run is as before


def test_model_option_on_every_analysing_command(flipped_model, tmp_path):
    source = tmp_path / "dump.csv"
    pd.DataFrame({"评论": PRAISE + COMPLAINTS}).to_csv(source, index=False)
    run = CliRunner().invoke(main, ["analyze", str(source), "-o", str(tmp_path / "out"),
                                    "--model", str(flipped_model), "--quiet"])
    assert run.exit_code == 0, run.output
    comments = pd.read_csv(tmp_path / "out" / "comments.csv", encoding="utf-8-sig")
    assert comments["sentiment"].head(6).tolist() == ["negative"] * 6
    for command in ("report", "drivers", "graph", "topics"):
        options = next(p for p in main.commands[command].params if p.name == "model")
        assert options.opts == ["--model"], command


def test_a_model_object_gives_the_same_tables_in_one_process_and_a_pool(flipped_model,
                                                                       monkeypatch):
    model = manyi.SentimentModel.load(flipped_model)
    texts = (PRAISE + COMPLAINTS) * 2
    monkeypatch.setattr(engine, "CHUNK_ROWS", 5)
    monkeypatch.setattr(engine, "INLINE_ROWS", 5)
    one = manyi.analyze(texts, model=model, jobs=1)
    two = manyi.analyze(texts, model=model, jobs=2)
    by_path = manyi.analyze(texts, model=flipped_model, jobs=2)
    for other in (two, by_path):
        pd.testing.assert_frame_equal(one.comments, other.comments)
        pd.testing.assert_frame_equal(one.mentions, other.mentions)
    assert one.comments["sentiment"].head(6).tolist() == ["negative"] * 6


def test_explain_uses_the_model_of_the_run(flipped_model):
    result = manyi.analyze(PRAISE, model=flipped_model)
    shipped = manyi.analyze(PRAISE)
    assert not result.explain("1").equals(shipped.explain("1"))


@pytest.mark.parametrize("content", [b"", b"{}", b'{"format": "manyi-sentiment/2"}', b"\xff"])
def test_a_malformed_model_file_is_one_line_of_error(tmp_path, content):
    (tmp_path / "bad.json").write_bytes(content)
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    source = tmp_path / "dump.txt"
    source.write_text("物流很快\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["analyze", str(source), "-o", str(tmp_path / "out"),
                                    "--model", str(tmp_path / "bad.json")])
    assert run.exit_code == 1
    assert run.output.count("\n") == 1 and "bad" in run.output
    assert "Traceback" not in run.output
    assert not (tmp_path / "out").exists()
    with pytest.raises(manyi.ModelError):
        manyi.analyze(["物流很快"], model=tmp_path / "bad")


def test_model_must_be_a_model_or_a_path():
    with pytest.raises(manyi.InputError, match="SentimentModel"):
        manyi.analyze(["物流很快"], model=3)


def test_a_model_file_written_again_is_read_again(flipped_model, tmp_path):
    import shutil

    from manyi.annotate.sentiment.model import DEFAULT_MODEL_PATH

    path = tmp_path / "model"
    for suffix in (".npz", ".json"):
        shutil.copy(flipped_model.with_suffix(suffix), path.with_suffix(suffix))
    assert manyi.analyze(PRAISE[:1], model=path).comments["sentiment"][0] == "negative"
    for suffix in (".npz", ".json"):
        shutil.copy(DEFAULT_MODEL_PATH.with_suffix(suffix), path.with_suffix(suffix))
    assert manyi.analyze(PRAISE[:1], model=path).comments["sentiment"][0] == "positive"


def test_a_result_read_back_of_a_run_with_a_model_object_says_how_to_explain(
        flipped_model, tmp_path, monkeypatch):
    import manyi.annotate.annotator

    result = manyi.analyze(PRAISE, model=manyi.SentimentModel.load(flipped_model))
    back = manyi.Result.from_dir(result.to_dir(tmp_path / "out"))
    assert back.explain("1").equals(result.explain("1"))  # the object is still here
    # another process: neither the object nor an annotator built with it
    monkeypatch.setattr(manyi.annotate.annotator, "_MODELS", {})
    monkeypatch.setattr(engine, "_ANNOTATORS", {})
    with pytest.raises(manyi.ModelError, match="model.save"):
        manyi.Result.from_dir(tmp_path / "out").explain("1")


def test_a_model_object_reaches_dask_workers(flipped_model, monkeypatch):
    distributed = pytest.importorskip("distributed")
    model = manyi.SentimentModel.load(flipped_model)
    texts = (PRAISE + COMPLAINTS) * 2
    monkeypatch.setattr(engine, "CHUNK_ROWS", 5)
    one = manyi.analyze(texts, model=model, jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        clustered = manyi.analyze(texts, model=model, scheduler=cluster.scheduler_address)
    pd.testing.assert_frame_equal(one.comments, clustered.comments)
    pd.testing.assert_frame_equal(one.mentions, clustered.mentions)
    assert clustered.comments["sentiment"].head(6).tolist() == ["negative"] * 6


def test_the_learned_aspect_scorer_is_a_setting_every_worker_and_meta_json_carry(tmp_path):
    """--no-aspect-scorer (aspect_scorer=False): the rules alone, in this process and in a
    pool, and meta.json says which; the default finds the noun the rules leave (素质)."""
    texts = ["客服素质好、充电快"] * 3 + ["物流很快"]  # (屏幕素质: named whole, aspect_whose)
    on = manyi.analyze(texts, progress=False)
    off = manyi.analyze(texts, progress=False, aspect_scorer=False)
    assert "素质" in set(on.mentions["term"]) and "素质" not in set(off.mentions["term"])
    assert (on.meta["aspect_scorer"], off.meta["aspect_scorer"]) == (True, False)
    assert off.settings == manyi.Result.from_dir(off.to_dir(tmp_path / "off")).settings

    engine._ANNOTATORS.clear()  # a pool's workers build theirs from the settings shipped
    pooled = manyi.analyze(texts * 2000, progress=False, aspect_scorer=False, jobs=2)
    assert "素质" not in set(pooled.mentions["term"])
    source = tmp_path / "dump.csv"
    pd.DataFrame({"评论": texts}).to_csv(source, index=False)
    run = CliRunner().invoke(main, ["analyze", str(source), "-o", str(tmp_path / "cli"),
                                    "--no-aspect-scorer", "--quiet"])
    assert run.exit_code == 0, run.output
    written = pd.read_csv(tmp_path / "cli" / "mentions.csv", dtype=str, keep_default_na=False)
    assert "素质" not in set(written["term"])
    assert '"aspect_scorer": false' in (tmp_path / "cli" / "meta.json").read_text("utf-8")
