"""One chain, two sinks, and --from: the folder `manyi analyze` writes is the analysis."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

import manyi
from manyi.cli.commands import main
from manyi.report.render import summary_json

SAMPLES = Path(__file__).resolve().parents[1] / "corpus_samples"
CASES = [
    ("ecommerce_reviews.csv", {"id_col": "评论ID"}),
    ("restaurant_reviews.jsonl", {"id_col": "id", "domain": "catering"}),
    ("hotline_tickets_gbk.csv", {"id_col": "工单编号", "domain": "hotline"}),
    ("survey_feedback.xlsx", {"id_col": "问卷编号", "domain": "hotel"}),
    ("app_reviews.txt", {}),
]
CLI_NAMES = {"id_col": "--id-col", "domain": "--domain"}


def _cli_options(options: dict) -> list[str]:
    return [part for key, value in options.items() for part in (CLI_NAMES[key], value)]


@pytest.mark.parametrize("name, options", CASES[:2])
def test_cli_analyze_and_to_dir_write_the_same_bytes(tmp_path, name, options):
    source = SAMPLES / name
    manyi.analyze(source, **options).to_dir(tmp_path / "memory")
    run = CliRunner().invoke(main, ["analyze", str(source), "-o", str(tmp_path / "cli"),
                                    "--quiet", *_cli_options(options)])
    assert run.exit_code == 0, run.output
    written = sorted(p.name for p in (tmp_path / "cli").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "memory").iterdir())
    assert "comments.csv" in written and "meta.json" in written
    for file in written:
        assert (tmp_path / "cli" / file).read_bytes() == \
            (tmp_path / "memory" / file).read_bytes(), file


@pytest.mark.parametrize("name, options", CASES)
def test_a_result_read_back_gives_every_figure_of_the_run(tmp_path, name, options):
    result = manyi.analyze(SAMPLES / name, **options)
    back = manyi.Result.from_dir(result.to_dir(tmp_path / "out"))
    pd.testing.assert_frame_equal(back.comments, result.comments)  # input columns typed too
    pd.testing.assert_frame_equal(back.mentions, result.mentions)
    pd.testing.assert_frame_equal(back.dimensions, result.dimensions)
    assert back.meta == result.meta
    pd.testing.assert_frame_equal(back.drivers, result.drivers)
    pd.testing.assert_frame_equal(back.index, result.index)
    pd.testing.assert_frame_equal(back.ipa, result.ipa)
    for name_ in ("trends", "alerts"):
        mine, theirs = getattr(back, name_), getattr(result, name_)
        assert (mine is None) == (theirs is None)
        if mine is not None:
            pd.testing.assert_frame_equal(mine, theirs)
    for subset in ("all", "complaints"):
        assert nx.utils.graphs_equal(back.graphs[subset], result.graphs[subset])
    summaries = [summary_json(r) for r in (back, result)]
    for summary in summaries:
        summary.pop("generated_at")
    assert summaries[0] == summaries[1]


def test_text_that_excel_would_read_as_a_formula_reads_back_as_written(tmp_path):
    texts = ["=质量太差", "-_-物流太慢", "+1 好评", "@客服 态度很好", "'引号开头"]
    result = manyi.analyze(texts)
    back = manyi.Result.from_dir(result.to_dir(tmp_path / "out"))
    assert back.comments["text"].tolist() == result.comments["text"].tolist()


def test_input_columns_read_back_as_their_reader_typed_them(tmp_path):
    lines = ['{"id": "007", "stars": 5, "price": 9.5, "content": "物流很快"}',
             '{"id": "012", "stars": 1, "price": 10, "content": "质量太差"}']
    source = tmp_path / "dump.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = manyi.analyze(source)
    back = manyi.Result.from_dir(result.to_dir(tmp_path / "out"))
    assert back.comments["id"].tolist() == ["007", "012"]  # a leading zero stays text
    assert back.comments["stars"].tolist() == [5, 1]
    assert [type(v) for v in back.comments["price"]] == [float, int]  # as JSON gave them
    pd.testing.assert_frame_equal(back.comments, result.comments)


def test_from_dir_of_a_folder_analyze_did_not_write_is_a_clear_error(tmp_path):
    with pytest.raises(manyi.InputError, match="manyi analyze"):
        manyi.Result.from_dir(tmp_path)


@pytest.mark.parametrize("command, extra", [("drivers", []), ("graph", []),
                                            ("report", ["--format", "json"]),
                                            ("topics", ["--topics", "4", "--chart", "none"])])
def test_from_gives_the_files_of_analysing_again(tmp_path, command, extra):
    source = SAMPLES / "ecommerce_reviews.csv"
    runner = CliRunner()
    analysed = tmp_path / "analysed"
    assert runner.invoke(main, ["analyze", str(source), "-o", str(analysed), "--quiet",
                                "--id-col", "评论ID"]).exit_code == 0
    again = runner.invoke(main, [command, str(source), "-o", str(tmp_path / "again"),
                                 "--id-col", "评论ID", "--quiet", *extra])
    reused = runner.invoke(main, [command, "--from", str(analysed),
                                  "-o", str(tmp_path / "reused"), "--quiet", *extra])
    assert again.exit_code == reused.exit_code == 0, reused.output
    files = sorted(p.name for p in (tmp_path / "again").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "reused").iterdir())
    for file in files:
        if file.endswith((".png", ".xlsx", ".html")):
            continue  # drawn or zipped with a time stamp
        mine, theirs = ((tmp_path / d / file).read_bytes() for d in ("reused", "again"))
        if file == "summary.json":  # stamped with the time it was made
            mine, theirs = ({**json.loads(b), "generated_at": ""} for b in (mine, theirs))
        assert mine == theirs, file


def test_from_and_input_together_or_neither_is_an_error(tmp_path):
    runner = CliRunner()
    neither = runner.invoke(main, ["drivers", "-o", str(tmp_path / "o")])
    both = runner.invoke(main, ["drivers", str(SAMPLES / "app_reviews.txt"), "--from",
                                str(tmp_path), "-o", str(tmp_path / "o")])
    assert neither.exit_code == both.exit_code == 1
    assert "--from" in neither.output and "not both" in both.output


def test_both_sinks_count_flags_alike_when_ids_repeat_across_chunks(tmp_path):
    from manyi.stream import analyze_to_dir

    rows = ["id,评论", "1,物流很快", "2,", "3,质量太差", "1,包装破了", "4,此用户没有填写评价",
            "3,还行", "5,客服态度好"]
    source = tmp_path / "ids.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    manyi.analyze(source, id_col="id").to_dir(tmp_path / "memory")
    analyze_to_dir(source, tmp_path / "streamed", id_col="id", chunk_rows=2)
    for name in ("comments.csv", "meta.json"):
        assert (tmp_path / "memory" / name).read_bytes() == \
            (tmp_path / "streamed" / name).read_bytes(), name
    meta = json.loads((tmp_path / "memory" / "meta.json").read_text(encoding="utf-8"))
    assert list(meta["flags"]) == ["duplicate_id", "empty", "placeholder", ""]
    assert meta["flags"]["duplicate_id"] == 4


def test_a_folder_edited_by_hand_is_one_line_of_error(tmp_path):
    out = manyi.analyze(["物流很快", "质量太差"]).to_dir(tmp_path / "out")
    comments = (out / "comments.csv").read_text(encoding="utf-8-sig")
    (out / "comments.csv").write_text(comments.replace(",1\n", ",lots\n", 1),
                                      encoding="utf-8-sig")
    run = CliRunner().invoke(main, ["drivers", "--from", str(out), "-o", str(tmp_path / "d")])
    assert run.exit_code == 1
    assert "comments.csv" in run.output and run.output.count("\n") == 1


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """The ecommerce sample analysed by the CLI (the streamed analyze): a folder."""
    folder = tmp_path_factory.mktemp("analysed") / "out"
    run = CliRunner().invoke(main, ["analyze", str(SAMPLES / "ecommerce_reviews.csv"), "-o",
                                    str(folder), "--quiet", "--id-col", "评论ID"])
    assert run.exit_code == 0, run.output
    return folder


def test_a_folder_read_in_chunks_gives_its_comments_and_their_mentions(analysed):
    from manyi.io.folder import folder_chunks

    whole = manyi.Result.from_dir(analysed)
    chunks = list(folder_chunks(analysed, ["comment_id", "flag"], ["row", "factor"],
                                chunk_rows=47))
    assert len(chunks) == -(-len(whole.comments) // 47) > 5
    starts = [0]
    for comments, _ in chunks[:-1]:
        starts.append(starts[-1] + len(comments))
    comments = pd.concat([c for c, _ in chunks], ignore_index=True)
    mentions = pd.concat([m.assign(row=m["row"] + s) for (_, m), s in zip(chunks, starts)],
                         ignore_index=True)
    pd.testing.assert_frame_equal(comments, whole.comments[["comment_id", "flag"]])
    pd.testing.assert_frame_equal(mentions, whole.mentions[["row", "factor"]])


def test_counts_merged_from_chunks_give_the_drivers_and_graphs_of_the_whole(analysed):
    from manyi.analysis.drivers import drivers, drivers_from_counts
    from manyi.analysis.graph import complaint_graphs, graph_from_counts
    from manyi.stream import folder_counts

    whole = manyi.Result.from_dir(analysed)
    written = pd.read_csv(analysed / "drivers.csv", encoding="utf-8-sig")
    chunked = drivers_from_counts(folder_counts(analysed, chunk_rows=37), labels=whole.labels)
    pd.testing.assert_frame_equal(chunked, whole.drivers)
    chunked.to_csv(analysed.parent / "again.csv", index=False, encoding="utf-8-sig")
    pd.testing.assert_frame_equal(pd.read_csv(analysed.parent / "again.csv",
                                              encoding="utf-8-sig"), written)
    complaint = pd.to_numeric(whole.comments["评分"], errors="coerce") <= 2
    rated = folder_counts(analysed, chunk_rows=53, rating_col="评分", complaint_max_rating=2,
                          rating="评分")
    pd.testing.assert_frame_equal(
        drivers_from_counts(rated, labels=whole.labels, rating=True),
        drivers(whole.comments, whole.mentions, complaint=complaint, rating="评分",
                labels=whole.labels))
    for options in ({}, {"unit": "clause"}, {"opinions": True, "level": "dimension"}):
        graphs = complaint_graphs(whole.comments, whole.mentions, labels=whole.labels,
                                  min_count=2, **options)
        counts = folder_counts(analysed, chunk_rows=41, **options)
        for subset, graph in graphs.items():
            merged = graph_from_counts(counts, subset=subset, labels=whole.labels, min_count=2,
                                       level=options.get("level", "factor"),
                                       unit=options.get("unit", "comment"))
            assert nx.node_link_data(merged) == nx.node_link_data(graph), (options, subset)


def test_mentions_out_of_comment_order_are_one_error(tmp_path):
    from manyi.io.folder import folder_chunks

    out = manyi.analyze(["物流很快", "质量太差", "价格便宜"]).to_dir(tmp_path / "out")
    lines = (out / "mentions.csv").read_text(encoding="utf-8-sig").splitlines()
    (out / "mentions.csv").write_text("\n".join([lines[0], *lines[:0:-1]]) + "\n",
                                      encoding="utf-8-sig")
    with pytest.raises(manyi.InputError, match="mentions.csv: rows not in comment order"):
        list(folder_chunks(out, chunk_rows=2))


def test_a_folder_read_without_its_texts_gives_the_same_tables(analysed):
    whole = manyi.Result.from_dir(analysed)
    lean = manyi.Result.from_dir(analysed, text=False)
    assert "text" not in lean.comments and "clause" not in lean.mentions
    for name in ("drivers", "index", "ipa", "key_drivers", "trends"):
        pd.testing.assert_frame_equal(getattr(lean, name), getattr(whole, name))
    for name, table in whole.segments.items():
        pd.testing.assert_frame_equal(lean.segments[name], table)
    topics = manyi.Result.from_dir(analysed, columns={"comment_id", "text", "flag"})
    assert list(topics.comments.columns) == ["comment_id", "text", "flag"]
    assert topics.mentions.empty


def test_compact_tables_merged_from_chunks_give_every_drivers_table_of_the_whole(analysed):
    from manyi.io.compact import compact_tables

    whole = manyi.Result.from_dir(analysed)
    columns = ["flag", "sentiment", "dimensions", "评分", "评论时间", "渠道", "商品"]
    comments, mentions = compact_tables(analysed, columns, chunk_rows=29)
    assert -(-len(whole.comments) // 29) >= 10
    assert mentions["factor"].dtype == "category" and comments["flag"].dtype == object
    for column in ["comment_id", *columns]:
        assert comments[column].tolist() == whole.comments[column].tolist(), column
    for column in mentions.columns:
        assert mentions[column].tolist() == whole.mentions[column].tolist(), column
    flags = comments["flag"].to_numpy()
    assert len({id(v) for v in flags}) == len(set(flags))  # one object per distinct value
    unrated = drivers_of(comments, mentions, whole.labels)
    unrated.to_csv(analysed.parent / "compact.csv", index=False, encoding="utf-8-sig")
    written = pd.read_csv(analysed / "drivers.csv", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(pd.read_csv(analysed.parent / "compact.csv",
                                              encoding="utf-8-sig"), written)


def test_profiles_merged_from_blocks_give_every_drivers_table_of_the_whole(analysed):
    from manyi.analysis.drivers import drivers_from_counts
    from manyi.analysis.fixfirst import fix_first_tables, profile_options
    from manyi.io.compact import compact_tables, folder_profiles

    whole = manyi.Result.from_dir(analysed)
    columns = ["flag", "sentiment", "dimensions", "评分", "评论时间", "渠道", "商品"]
    comments, _ = compact_tables(analysed, columns, mention_columns=None)
    n_mentions = len(whole.mentions)
    size = n_mentions // 5  # ≥ 4 blocks of mentions (a first, middle ones, a last)
    blocks = folder_profiles(analysed, comments, chunk_rows=size, counts=True)
    one = folder_profiles(analysed, comments, chunk_rows=n_mentions + 1, counts=True)
    assert -(-n_mentions // size) >= 4
    pd.testing.assert_frame_equal(blocks.rows, one.rows)
    pd.testing.assert_frame_equal(blocks.pairs, one.pairs)
    written = pd.read_csv(analysed / "drivers.csv", encoding="utf-8-sig")
    drivers_from_counts(blocks.counts, labels=whole.labels).to_csv(
        analysed.parent / "blocks.csv", index=False, encoding="utf-8-sig")
    pd.testing.assert_frame_equal(pd.read_csv(analysed.parent / "blocks.csv",
                                              encoding="utf-8-sig"), written)
    for complaint, weights in ((None, None), (2, "entropy"), (None, "key_driver")):
        rule = None if complaint is None else (
            pd.to_numeric(whole.comments["评分"], errors="coerce") <= complaint)
        options = {"rating": "评分", "time_col": "评论时间", "by": ["period", "渠道"],
                   "complaint": rule, "weights": weights}
        expected = fix_first_tables(whole.comments, whole.mentions, labels=whole.labels,
                                    **options)
        profiles = folder_profiles(analysed, comments, chunk_rows=size, counts=True,
                                   **profile_options(comments, **options))
        found = fix_first_tables(comments, whole.mentions.iloc[:0], labels=whole.labels,
                                 counts=profiles.counts, profiles=profiles, **options)
        assert list(found) == list(expected) and "key_drivers" in found
        assert "segments_index" in found and "trends" in found and len(found["alerts"].columns)
        for name, table in expected.items():
            pd.testing.assert_frame_equal(found[name], table, obj=f"{complaint} {name}")


def test_tables_of_profiles_equal_those_counted_row_by_row(analysed):
    """Comments counted per pattern give the per-comment figures: the satisfaction shares
    exactly, the key drivers' weighted fit the fit on the rows to rounding."""
    import numpy as np

    from manyi.analysis.index import satisfaction_table
    from manyi.analysis.keydrivers import rating_drivers, relative_weights
    from manyi.analysis.polarity import comment_dimension_polarity, dimension_matrix
    from manyi.analysis.rows import analysable_positions

    whole = manyi.Result.from_dir(analysed)
    polar = comment_dimension_polarity(whole.comments, whole.mentions)
    for p in ("positive", "neutral", "negative"):
        polar[p] = polar["polarity"].eq(p)
    rowwise = polar.groupby("dimension").agg(comments=("row", "size"),
                                             positive=("positive", "mean"),
                                             negative=("negative", "mean")).reset_index()
    table = satisfaction_table(whole.comments, whole.mentions)
    pd.testing.assert_frame_equal(table[rowwise.columns], rowwise)
    key = rating_drivers(whole.comments, whole.mentions, rating="评分")
    matrix = dimension_matrix(whole.comments, whole.mentions)
    target = pd.to_numeric(whole.comments["评分"], errors="coerce").to_numpy(
        dtype=float)[analysable_positions(whole.comments)]
    rated = ~np.isnan(target)
    x = np.column_stack([(matrix[d].to_numpy()[rated] == v).astype(float)
                         for d in key["dimension"] for v in (-1.0, 1.0)])
    keep = (x.sum(axis=0) >= 10) & (x.sum(axis=0) < rated.sum())
    coef, *_ = np.linalg.lstsq(np.column_stack([np.ones(rated.sum()), x[:, keep]]),
                               target[rated], rcond=None)
    found = np.column_stack([key["penalty"], key["reward"]]).ravel()[keep]
    assert np.allclose(found, coef[1:], rtol=1e-9, atol=1e-12)
    weights = relative_weights(x[:, keep], target[rated])
    per_dim = np.bincount(np.repeat(np.arange(len(key)), 2)[keep], weights=weights)
    assert np.allclose(key["relative_weight"], per_dim, rtol=1e-9)
    assert key["n"].iat[0] == rated.sum() and len(key) >= 3


def test_topics_fitted_on_texts_read_chunk_by_chunk_equal_the_whole_fit(analysed):
    from manyi.analysis.topics.model import TopicModel
    from manyi.annotate.flags import ANALYSABLE_FLAGS
    from manyi.io.compact import folder_examples, folder_texts

    whole = manyi.Result.from_dir(analysed)
    kept = whole.comments[whole.comments["flag"].isin(ANALYSABLE_FLAGS)]
    texts = kept["text"].tolist()
    assert list(folder_texts(analysed, chunk_rows=23)) == texts
    some = [len(texts) - 1, 0, 40, 17, 40]
    assert folder_examples(analysed, chunk_rows=23)(some) == [texts[i] for i in some]
    options = {"k": 3, "no_below": 2}
    listed = TopicModel(**options).fit(texts)
    streamed = TopicModel(**options).fit(iter(folder_texts(analysed, chunk_rows=23)),
                                         examples=folder_examples(analysed, chunk_rows=23))
    assert streamed.examples_ == listed.examples_
    pd.testing.assert_frame_equal(streamed.topic_info(), listed.topic_info())
    pd.testing.assert_frame_equal(streamed.document_topics_, listed.document_topics_)



def test_topics_of_a_result_read_back_build_no_annotator(analysed):
    """fit_topics of a folder read back (manyi topics --from) needs the run's lexicon
    only: it builds no annotator (no segmenter for the comments, no sentiment model) and
    fits the topics a Result with its annotator built fits (如 物流很快 → a 物流 topic)."""
    back = manyi.Result.from_dir(analysed)
    back.fit_topics(k=3, no_below=2)
    assert back.annotator is None
    built = manyi.Result.from_dir(analysed)
    assert built._annotator() is not None
    built.fit_topics(k=3, no_below=2)
    pd.testing.assert_frame_equal(back.topics, built.topics)
    pd.testing.assert_frame_equal(back.comments, built.comments)

def drivers_of(comments, mentions, labels):
    from manyi.analysis.drivers import drivers

    return drivers(comments, mentions, labels=labels)


def test_a_mention_counts_where_its_dimension_is_one_its_comment_was_assigned():
    import numpy as np

    from manyi.analysis.polarity import _assigned, shared_objects

    rng = np.random.default_rng(3)
    names = np.array(["price", "service", "logistics", "overall", "brand"], dtype=object)
    lists = [";".join(rng.choice(names[:4], rng.integers(0, 3), replace=False))
             for _ in range(300)]
    dimensions = pd.Series(lists, dtype="str").where(rng.random(300) > 0.05)
    rows = rng.integers(0, 300, 2000)
    named = shared_objects(pd.Series(rng.choice(names, 2000), dtype="str"))
    expected = [isinstance(dimensions[r], str) and n in dimensions[r].split(";")
                for r, n in zip(rows, named)]
    assert _assigned(dimensions, rows, named).tolist() == expected
    assert named[0] is [n for n in named if n == named[0]][-1]  # one object per name


@pytest.mark.parametrize("command, name", [("drivers", "drivers.csv"),
                                           ("report", "report.xlsx")])
def test_a_folder_without_any_mention_still_gives_its_files(tmp_path, command, name):
    # every comment flagged: mentions.csv is a header alone (a traceback once, on --from)
    source = tmp_path / "flagged.csv"
    source.write_text("评论,评分\n好评好评好评好评,5\n。。。,3\n默认好评,4\n", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(main, ["analyze", str(source), "-o", str(out)]).exit_code == 0
    assert len(pd.read_csv(out / "mentions.csv")) == 0
    run = runner.invoke(main, [command, "--from", str(out), "-o", str(tmp_path / command)])
    assert run.exit_code == 0, run.output
    assert (tmp_path / command / name).is_file()
