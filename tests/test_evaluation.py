"""Scoring comment dimensions against gold labels: the label format, the scores, the command,
and a check on real labelled reviews (skipped without ../shared/data)."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest
from click.testing import CliRunner

from manyi.analysis.evaluation import (
    GOLD_COLUMNS,
    dimension_misses,
    evaluate_dimensions,
    gold_table,
    parse_labels,
    score_dimensions,
)
from manyi.cli.commands import main
from manyi.errors import InputError

LABELLED = """评论,标注
物流很快，但是包装破了,logistics:positive;product:negative
价格便宜，质量也不错,价格:正面；产品:正面
非常满意,overall:+
客服态度太差了,service:negative
今天下午去了一趟,
"""


@pytest.mark.parametrize("cell, pairs", [
    ("price:negative;logistics:positive", [("price", "negative"), ("logistics", "positive")]),
    ("价格:负面；物流：正面", [("price", "negative"), ("logistics", "positive")]),
    ("product : pos , overall", [("product", "positive"), ("overall", None)]),
    ("service=-1|channel:0", [("service", "negative"), ("channel", "neutral")]),
    ("渠道 整体:中性", [("channel", None), ("overall", "neutral")]),
    ("", []),
    (None, []),
    (float("nan"), []),
])
def test_label_cells_parse_keys_labels_and_polarity_spellings(cell, pairs):
    assert parse_labels(cell) == pairs


@pytest.mark.parametrize("cell, message", [
    ("taste:positive", "unknown dimension 'taste'"),
    ("price:great", "unknown polarity 'great'"),
])
def test_bad_label_cells_name_the_row(cell, message):
    with pytest.raises(InputError, match=rf"column 'labels', row 2 \(id b\): {message}"):
        gold_table(["a", "b"], ["price", cell], where="column 'labels'")


def _frame(rows):
    return pd.DataFrame(rows, columns=GOLD_COLUMNS)


def test_scores_count_pairs_per_dimension_and_polarity_on_shared_pairs():
    gold = _frame([("1", "price", "negative"), ("1", "product", "positive"),
                   ("2", "logistics", "positive"), ("3", "overall", None)])
    pred = _frame([("1", "price", "positive"), ("1", "product", "positive"),
                   ("2", "service", "positive"), ("3", "overall", "positive")])
    scores = score_dimensions(pred, gold)
    table = scores.table.set_index("dimension")
    assert list(table.index) == ["product", "price", "logistics", "overall"]  # gold's, in order
    assert scores.micro_f1 == pytest.approx(2 * 3 / (3 + 4))  # service is not compared
    assert table.loc["logistics", "recall"] == 0 and math.isnan(table.loc["logistics",
                                                                          "precision"])
    assert scores.polarity_n == 2 and scores.polarity_accuracy == 0.5  # overall has no gold
    assert table.loc["price", "polarity_accuracy"] == 0


def test_scores_keep_to_the_ids_asked_for():
    gold = _frame([("1", "price", "negative"), ("2", "price", "negative")])
    pred = _frame([("1", "price", "negative")])
    assert score_dimensions(pred, gold, comment_ids=["1"]).micro_f1 == 1.0
    assert score_dimensions(pred, gold, comment_ids=["2"]).micro_f1 == 0.0


def test_misses_list_missed_and_extra_pairs_with_their_texts():
    gold = _frame([("1", "price", None), ("2", "price", None)])
    pred = _frame([("1", "product", "positive")])
    texts = pd.Series(["太贵了", "不便宜"], index=["1", "2"])
    misses = dimension_misses(pred, gold, texts, dimensions=["price", "product"])
    assert misses[["kind", "dimension", "count"]].values.tolist() == [
        ["missed", "price", 2], ["extra", "product", 1]]
    assert misses.loc[0, "examples"] == ["太贵了", "不便宜"]


def test_evaluate_dimensions_runs_the_pipeline_on_a_labelled_file(tmp_path):
    path = tmp_path / "labelled.csv"
    path.write_text(LABELLED, encoding="utf-8")
    evaluation = evaluate_dimensions(path, labels_col="标注")
    assert evaluation.scores.comments == 5
    table = evaluation.scores.table.set_index("dimension")
    assert table.loc["logistics", "hits"] == 1 and table.loc["service", "hits"] == 1
    assert evaluation.scores.polarity_accuracy == 1.0


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_command_prints_the_table_and_the_misses(tmp_path):
    path = tmp_path / "labelled.csv"
    path.write_text(LABELLED, encoding="utf-8")
    result = run("evaluate-dimensions", str(path), "--labels-col", "标注", "--misses", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["维度", "dimension", "gold", "found"]
    assert any(line.startswith("logistics ") for line in lines)
    assert "5 comments: micro-F1" in result.output


def test_command_limits_the_comparison_to_the_dimensions_given(tmp_path):
    path = tmp_path / "labelled.csv"
    path.write_text(LABELLED, encoding="utf-8")
    result = run("evaluate-dimensions", str(path), "--labels-col", "标注",
                 "--dimensions", "logistics,service", "--misses", "0")
    assert result.exit_code == 0, result.output
    rows = [line.split()[0] for line in result.output.splitlines()[2:] if line.strip()]
    assert rows[:2] == ["logistics", "service"]
    assert "micro-F1 1.000" in result.output


@pytest.mark.parametrize("args, message", [
    (["--labels-col", "gold"], "no labels column 'gold'; columns are: 评论, 标注, 坏"),
    (["--labels-col", "标注", "--dimensions", "price,taste"], "unknown dimension(s) taste"),
    (["--labels-col", "坏"], "labelled.csv: column '坏', row 1 (id 1): unknown dimension 'taste'"),
])
def test_command_errors_are_one_line(args, message, tmp_path):
    path = tmp_path / "labelled.csv"
    path.write_text("评论,标注,坏\n价格便宜,price:positive,taste:positive\n", encoding="utf-8")
    result = run("evaluate-dimensions", str(path), *args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


ZHIJIANG_MAP = {"价格": "price", "物流": "logistics", "服务": "service", "包装": "product",
                "功效": "product", "使用体验": "product", "成分": "product", "气味": "product",
                "尺寸": "product", "新鲜度": "product", "整体": "overall"}
POLARITY = {"正面": "positive", "负面": "negative", "中性": "neutral"}


def test_real_cosmetics_reviews_through_the_command(shared_data, tmp_path):
    """300 labelled 之江杯 reviews written as the command's gold format, scored end to end."""
    folder = shared_data / "aspects" / "zhijiang2019_cosmetics"
    reviews = pd.read_csv(folder / "reviews.csv").head(300)
    labels = pd.read_csv(folder / "labels.csv")
    labels = labels[labels["id"].isin(reviews["id"]) & labels["Categories"].isin(ZHIJIANG_MAP)]
    cells = {}
    for cid, part in labels.groupby("id"):
        dims = part.assign(dimension=part["Categories"].map(ZHIJIANG_MAP))
        named = set(dims["dimension"]) - {"overall"}
        votes = {d: Counter(dims.loc[dims["dimension"] == d, "Polarities"].map(POLARITY))
                 for d in named or {"overall"}}
        cells[cid] = ";".join(f"{d}:{v.most_common(1)[0][0]}" for d, v in sorted(votes.items()))
    reviews = reviews[reviews["id"].isin(cells)]
    reviews["gold"] = reviews["id"].map(cells)
    path = tmp_path / "zhijiang.csv"
    reviews.to_csv(path, index=False)
    result = run("evaluate-dimensions", str(path), "--text-col", "Reviews", "--id-col", "id",
                 "--labels-col", "gold", "--misses", "0")
    assert result.exit_code == 0, result.output
    summary = next(line for line in result.output.splitlines() if "micro-F1" in line)
    micro = float(summary.split("micro-F1 ")[1].split(",")[0])
    polarity = float(summary.split("polarity accuracy ")[1].split()[0])
    assert micro > 0.75 and polarity > 0.85, summary


def test_labels_naming_the_term_are_scored(tmp_path):
    from manyi.analysis.evaluation import evaluate_dimensions, parse_labels, parse_terms

    assert parse_labels("product(镜头):positive") == [("product", "positive")]
    assert parse_terms("产品（待机时间）:负面；价格:正面") == [("待机时间", "product", "negative")]
    path = tmp_path / "labelled.csv"
    pd.DataFrame({"text": ["镜头很清晰，价格便宜", "待机时间太短了"],
                  "labels": ["product(镜头):positive;price(价格):positive",
                             "product(待机时间):negative"]}).to_csv(path, index=False)
    evaluation = evaluate_dimensions(path, labels_col="labels")
    terms = evaluation.terms
    assert terms is not None and terms.terms == 3
    assert terms.found >= 2 and terms.filed >= 2
    assert "aspect terms: recall" in terms.summary()
