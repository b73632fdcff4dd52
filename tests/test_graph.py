"""Co-occurrence graphs and complaint drivers on tables small enough to check by hand."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest
from scipy import stats

from manyi.errors import InputError
from manyi.graph import (
    complaint_graphs,
    complaint_mask,
    cooccurrence_graph,
    drivers,
    graph_edges,
    odds_ratio_ci,
    plot_graph,
    read_graph,
    write_graph,
)

# ten comments; A = logistics/speed, B = product/quality, C = service/attitude
#   id  factors   complaint        A in 1,2,3,4 (3 complaints), B in 1,2,5, C in 6,7
MENTIONED = {"1": "AB", "2": "AB", "3": "A", "4": "A", "5": "B", "6": "C", "7": "C",
             "8": "", "9": "", "10": ""}
COMPLAINTS = {"1", "2", "3", "9"}
KEYS = {"A": ("logistics", "speed"), "B": ("product", "quality"), "C": ("service", "attitude")}


def tiny(extra_flagged: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = list(MENTIONED)
    comments = pd.DataFrame({
        "comment_id": ids, "flag": "", "channel": ["app", "web"] * 5, "stars": [1] * 10,
        "sentiment": ["negative" if i in COMPLAINTS else "positive" for i in ids]})
    rows = [{"comment_id": cid, "clause_id": n, "dimension": KEYS[f][0], "factor": KEYS[f][1],
             "opinion": "慢" if f == "A" else "好", "polarity": "negative"}
            for cid, factors in MENTIONED.items() for n, f in enumerate(factors)]
    if extra_flagged:  # a placeholder row with a mention must change nothing
        comments.loc[len(comments)] = ["11", "placeholder", "app", 1, ""]
        rows.append({"comment_id": "11", "clause_id": 0, "dimension": "logistics",
                     "factor": "speed", "opinion": "慢", "polarity": "negative"})
    return comments, pd.DataFrame(rows)


def cells(factor: str) -> tuple[int, int, int, int]:
    """2×2 counts from the fixture: mentioned&complaint, mentioned&not, not&complaint, not&not."""
    mentioned = {cid for cid, fs in MENTIONED.items() if factor in fs}
    a = len(mentioned & COMPLAINTS)
    b = len(mentioned) - a
    c = len(COMPLAINTS) - a
    return a, b, c, len(MENTIONED) - a - b - c


def test_drivers_match_hand_counts():
    comments, mentions = tiny()
    table = drivers(comments, mentions, min_comments=1).set_index("factor")
    a, b, c, d = cells("A")
    row = table.loc["speed"]
    base = len(COMPLAINTS) / len(MENTIONED)
    assert (row["comments"], row["complaints"]) == (a + b, a)
    assert row["complaint_rate"] == pytest.approx(a / (a + b))
    assert row["base_rate"] == pytest.approx(base)
    assert row["lift"] == pytest.approx(a / (a + b) / base)
    assert row["odds_ratio"] == pytest.approx(a * d / (b * c))
    se = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    assert row["ci_low"] == pytest.approx(math.exp(math.log(a * d / (b * c)) - 1.959964 * se))
    assert row["ci_high"] == pytest.approx(math.exp(math.log(a * d / (b * c)) + 1.959964 * se))
    assert row["p_value"] == pytest.approx(stats.fisher_exact([[a, b], [c, d]])[1])
    assert row["complaint_share"] == pytest.approx(a / len(COMPLAINTS))
    assert row["excess_complaints"] == pytest.approx(a - (a + b) * base)


def test_zero_cell_gets_haldane_correction():
    a, b, c, d = cells("C")  # no complaint mentions service → a = 0
    assert a == 0
    odds, low, high = odds_ratio_ci([a], [b], [c], [d])
    assert odds[0] == pytest.approx((a + .5) * (d + .5) / ((b + .5) * (c + .5)))
    assert low[0] < odds[0] < high[0]


def test_drivers_put_the_riskiest_factor_first_and_skip_rare_ones():
    comments, mentions = tiny()
    table = drivers(comments, mentions, min_comments=1)
    assert table["factor"].iloc[0] == "speed"  # most excess complaints (no factor is significant)
    assert drivers(comments, mentions, min_comments=3)["factor"].tolist() == ["speed", "quality"]
    assert table["label"].iloc[0] == "物流·配送速度"


def test_flagged_rows_change_nothing():
    pd.testing.assert_frame_equal(drivers(*tiny(), min_comments=1),
                                  drivers(*tiny(extra_flagged=True), min_comments=1))


def test_repeated_ids_are_told_apart_by_the_row_column():
    comments = pd.DataFrame({"comment_id": ["7", "7", "8"], "flag": ["duplicate_id"] * 2 + [""],
                             "sentiment": ["negative", "positive", "positive"]})
    mentions = pd.DataFrame({"comment_id": ["7", "7", "8"], "row": [0, 1, 2], "clause_id": 0,
                             "dimension": "price", "factor": ["value", "fees", "value"],
                             "opinion": "", "polarity": "neutral"})
    table = drivers(comments, mentions, min_comments=1).set_index("factor")
    assert table.loc["fees", "complaints"] == 0 and table.loc["value", "complaints"] == 1
    assert table.loc["value", "base_rate"] == pytest.approx(1 / 3)


def test_complaint_rule_can_be_a_column_a_function_or_values():
    comments, _ = tiny()
    by_rating = complaint_mask(comments, lambda c: c["stars"] <= 2)
    assert by_rating.all()
    comments["bad"] = comments["sentiment"] == "negative"
    assert (complaint_mask(comments, "bad") == complaint_mask(comments)).all()
    assert complaint_mask(comments, [True] * 10).sum() == 10
    with pytest.raises(InputError, match="nope"):
        complaint_mask(comments, "nope")


def test_drivers_by_group_give_one_block_per_group():
    comments, mentions = tiny()
    table = drivers(comments, mentions, by="channel", min_comments=1)
    assert set(table["channel"]) == {"app", "web"}
    app = table[table["channel"] == "app"].set_index("factor")
    app_ids = set(comments.loc[comments["channel"] == "app", "comment_id"])
    assert app.loc["speed", "comments"] == len({c for c in app_ids if "A" in MENTIONED[c]})
    assert app["base_rate"].iloc[0] == pytest.approx(len(app_ids & COMPLAINTS) / len(app_ids))


def test_graph_edge_counts_lift_and_pmi():
    comments, mentions = tiny()
    graph = cooccurrence_graph(comments, mentions)
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


def test_complaint_graph_counts_complaints_but_keeps_rates_from_all_comments():
    graphs = complaint_graphs(*tiny())
    whole, bad = graphs["all"], graphs["complaints"]
    assert bad.graph["units"] == len(COMPLAINTS)
    assert bad.nodes["logistics/speed"]["mentions"] == 3
    assert bad.nodes["logistics/speed"]["complaint_rate"] == whole.nodes["logistics/speed"][
        "complaint_rate"]
    assert "service/attitude" not in bad


def test_clause_unit_and_opinion_nodes():
    comments, mentions = tiny()
    by_clause = cooccurrence_graph(comments, mentions, unit="clause")
    assert by_clause.number_of_edges() == 0  # A and B are always in different clauses
    with_words = cooccurrence_graph(comments, mentions, opinions=True, level="dimension")
    assert with_words.nodes["opinion/慢"]["kind"] == "opinion"
    assert with_words.edges["logistics", "opinion/慢"]["weight"] == 4


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_exports_read_back(tmp_path, suffix):
    graph = cooccurrence_graph(*tiny())
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
    fig = plot_graph(cooccurrence_graph(*tiny()))
    texts = [t for t in fig.axes[0].texts if t.get_text() == "物流·配送速度"]
    assert texts
    from matplotlib.ft2font import FT2Font
    font = FT2Font(texts[0].get_fontproperties().get_file())
    assert font.get_char_index(ord("配"))


def test_analyze_real_comments_end_to_end():
    import manyi.pipeline as pipeline

    texts = ["物流太慢了，等了一个星期，包装也破了", "快递很慢，客服也不理人",
             "质量很好，物流也快", "东西不错，价格实惠", "发货太慢，质量一般",
             "衣服质量差，退货还麻烦"]
    result = pipeline.analyze(texts, progress=False)
    table = drivers(result.comments, result.mentions, level="dimension", min_comments=1)
    assert "logistics" in set(table["dimension"])
    graph = cooccurrence_graph(result.comments, result.mentions, level="dimension")
    assert graph.nodes["logistics"]["mentions"] == int(
        result.comments["dimensions"].str.contains("logistics").sum())
