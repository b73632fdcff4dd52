"""Co-occurrence graphs on tables small enough to check by hand (drivers: test_drivers.py)."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from manyi.analysis.drivers import drivers
from manyi.analysis.graph import (
    complaint_graphs,
    complaint_mask,
    cooccurrence_graph,
    graph_edges,
    plot_graph,
    read_graph,
    write_graph,
)
from manyi.errors import InputError

# ten comments; A = logistics/speed, B = product/quality, C = service/attitude
#   id  factors   complaint        A in 1,2,3,4 (3 complaints), B in 1,2,5, C in 6,7
MENTIONED = {"1": "AB", "2": "AB", "3": "A", "4": "A", "5": "B", "6": "C", "7": "C",
             "8": "", "9": "", "10": ""}
COMPLAINTS = {"1", "2", "3", "9"}
KEYS = {"A": ("logistics", "speed"), "B": ("product", "quality"), "C": ("service", "attitude")}
# said about each: negative in the complaints, positive elsewhere (A in 4, B in 5, C in 6, 7)
PRAISED = {("4", "A"), ("5", "B"), ("6", "C"), ("7", "C")}
LABELS = {"logistics": "物流", "logistics/speed": "配送速度", "product": "产品",
          "product/quality": "质量", "service": "服务", "service/attitude": "服务态度"}


def tiny(extra_flagged: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = list(MENTIONED)
    comments = pd.DataFrame({
        "comment_id": ids, "flag": "", "channel": ["app", "web"] * 5, "stars": [1] * 10,
        "sentiment": ["negative" if i in COMPLAINTS else "positive" for i in ids]})
    rows = [{"comment_id": cid, "clause_id": n, "dimension": KEYS[f][0], "factor": KEYS[f][1],
             "opinion": "慢" if f == "A" else "好",
             "polarity": "positive" if (cid, f) in PRAISED else "negative",
             "score": 0.5 if (cid, f) in PRAISED else -0.5}
            for cid, factors in MENTIONED.items() for n, f in enumerate(factors)]
    if extra_flagged:  # a placeholder row with a mention must change nothing
        comments.loc[len(comments)] = ["11", "placeholder", "app", 1, ""]
        rows.append({"comment_id": "11", "clause_id": 0, "dimension": "logistics",
                     "factor": "speed", "opinion": "慢", "polarity": "negative", "score": -0.5})
    return comments, pd.DataFrame(rows)


@pytest.mark.parametrize("dimension, factor, complains", [
    ("overall", "overall", False),  # 这本书必定不会令你失望 read negative: the comment's verdict
    ("overall", "item", False),  # 一些消极的东西比较普遍 (a book's content)
    ("product", "quality", True)])  # 纸张太薄 in a comment that likes the book
def test_a_positive_comment_complains_only_through_a_factor(dimension, factor, complains):
    """The default rule: negative overall, or a *factor* named negatively; an ``overall``
    mention is the comment's own verdict, which its sentiment gives (2,000 book reviews:
    complaints 76.2 % → 68.9 %, 54 % of them labelled positive)."""
    comments = pd.DataFrame({"comment_id": ["1", "2"], "flag": "",
                             "sentiment": ["positive", "negative"]})
    mentions = pd.DataFrame({"comment_id": ["1"], "row": [0], "dimension": [dimension],
                             "factor": [factor], "polarity": ["negative"], "score": [-0.5]})
    assert complaint_mask(comments, None, mentions).tolist() == [complains, True]
    praised = mentions.assign(polarity="positive")
    assert complaint_mask(comments.assign(sentiment="negative"), None, praised,
                          "positive").tolist() == [complains, False]


def test_complaint_rule_can_be_a_column_a_function_or_values():
    comments, _ = tiny()
    by_rating = complaint_mask(comments, lambda c: c["stars"] <= 2)
    assert by_rating.all()
    comments["bad"] = comments["sentiment"] == "negative"
    assert (complaint_mask(comments, "bad") == complaint_mask(comments)).all()
    assert complaint_mask(comments, [True] * 10).sum() == 10
    with pytest.raises(InputError, match="nope"):
        complaint_mask(comments, "nope")


def test_graph_edge_counts_lift_and_pmi():
    comments, mentions = tiny()
    graph = cooccurrence_graph(comments, mentions, labels=LABELS)
    n_a, n_b, n_ab, n = 4, 3, 2, len(MENTIONED)
    edge = graph.edges["logistics/speed", "product/quality"]
    assert edge["weight"] == n_ab
    assert edge["lift"] == pytest.approx(n_ab * n / (n_a * n_b), abs=1e-4)
    assert edge["pmi"] == pytest.approx(math.log2(n_ab * n / (n_a * n_b)), abs=1e-4)
    assert edge["complaints"] == 2 and edge["complaint_rate"] == 1.0
    assert not graph.has_edge("service/attitude", "logistics/speed")
    node = graph.nodes["logistics/speed"]
    assert (node["mentions"], node["complaints"]) == (n_a, 3)
    assert node["lift"] == pytest.approx(3 / 4 / (len(COMPLAINTS) / n), abs=1e-4)
    assert node["label"] == "物流·配送速度"
    assert {"degree_centrality", "pagerank", "betweenness"} <= set(node)


def test_complaint_graph_joins_factors_complained_about_in_the_same_comment():
    graphs = complaint_graphs(*tiny())
    whole, bad = graphs["all"], graphs["complaints"]
    assert bad.graph["basis"] == "negative mentions" and bad.graph["units"] == len(MENTIONED)
    # A is named negatively in 1, 2, 3 (praised in 4); B in 1, 2 (praised in 5); C never
    assert bad.nodes["logistics/speed"]["mentions"] == 3
    assert bad.nodes["product/quality"]["mentions"] == 2
    assert "service/attitude" not in bad and "service/attitude" in whole
    edge = bad.edges["logistics/speed", "product/quality"]
    assert edge["weight"] == 2 and edge["complaints"] == 2
    assert edge["lift"] == pytest.approx(2 * len(MENTIONED) / (3 * 2), abs=1e-4)
    assert bad.nodes["logistics/speed"]["complaint_rate"] == whole.nodes["logistics/speed"][
        "complaint_rate"]


def test_complaint_graph_ignores_what_is_praised_in_a_complaint():
    comments, mentions = tiny()
    mentions.loc[mentions["comment_id"].isin(["1", "2"]) & (mentions["factor"] == "quality"),
                 ["polarity", "score"]] = ["positive", 0.5]
    bad = complaint_graphs(comments, mentions)["complaints"]
    assert "product/quality" not in bad and bad.number_of_edges() == 0
    assert complaint_graphs(comments, mentions)["all"].has_edge("logistics/speed",
                                                                "product/quality")


def test_clause_unit_and_opinion_nodes():
    comments, mentions = tiny()
    by_clause = cooccurrence_graph(comments, mentions, unit="clause")
    assert by_clause.number_of_edges() == 0  # A and B are always in different clauses
    with_words = cooccurrence_graph(comments, mentions, opinions=True, level="dimension")
    assert with_words.nodes["opinion/慢"]["kind"] == "opinion"
    assert with_words.edges["logistics", "opinion/慢"]["weight"] == 4


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_exports_read_back(tmp_path, suffix):
    graph = cooccurrence_graph(*tiny(), labels=LABELS)
    back = read_graph(write_graph(graph, tmp_path / f"g{suffix}"))
    assert set(back.nodes) == set(graph.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in graph.edges}
    assert back.nodes["logistics/speed"]["label"] == "物流·配送速度"
    assert float(back.edges["logistics/speed", "product/quality"]["weight"]) == 2


def test_same_input_same_graph_and_table():
    first = nx.node_link_data(cooccurrence_graph(*tiny()), edges="links")
    assert first == nx.node_link_data(cooccurrence_graph(*tiny()), edges="links")
    pd.testing.assert_frame_equal(graph_edges(cooccurrence_graph(*tiny())),
                                  graph_edges(cooccurrence_graph(*tiny())))


def test_plot_graph_uses_a_chinese_font():
    fig = plot_graph(cooccurrence_graph(*tiny(), labels=LABELS))
    texts = [t for t in fig.axes[0].texts if t.get_text() == "物流·配送速度"]
    assert texts
    from matplotlib.ft2font import FT2Font
    font = FT2Font(texts[0].get_fontproperties().get_file())
    assert font.get_char_index(ord("配"))


def test_the_complaint_graphs_title_counts_the_complaints():
    """newcomer8: the complaints' drawing was titled with every comment's count (3300)."""
    comments, mentions = tiny()
    graph = complaint_graphs(comments, mentions)["complaints"]
    title = plot_graph(graph).axes[0].get_title()
    complaints, units = graph.graph["complaints"], graph.graph["units"]
    assert 0 < complaints < units
    assert f"抱怨评论 {complaints} 条" in title and f"共 {units} 条" in title, title


def test_analyze_real_comments_end_to_end():
    from manyi import pipeline

    texts = ["物流太慢了，等了一个星期，包装也破了", "快递很慢，客服也不理人",
             "质量很好，物流也快", "东西不错，价格实惠", "发货太慢，质量一般",
             "衣服质量差，退货还麻烦"]
    result = pipeline.analyze(texts, progress=False)
    table = drivers(result.comments, result.mentions, level="dimension", min_comments=1,
                    labels=result.labels)
    complaints = table[table["side"] == "complaint"].set_index("dimension")
    # logistics is complained about in three complaints, each naming one other dimension too
    assert complaints.loc["logistics", "comments_naming"] == 3
    assert complaints.loc["logistics", "impact"] == pytest.approx(1.5 / 6)
    assert complaints.loc["logistics", "label"] == "物流"
    graph = cooccurrence_graph(result.comments, result.mentions, level="dimension")
    assert graph.nodes["logistics"]["mentions"] == int(
        result.comments["dimensions"].str.contains("logistics").sum())
