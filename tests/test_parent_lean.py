"""The parent of ``manyi analyze`` does less on its own (bench/README #24, round 22): no
networkx import where no graph is drawn, each distinct Fisher table computed once."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pandas as pd

from manyi.analysis import significance
from manyi.analysis.graph import FactorCounts, graph_from_counts, read_graph, write_graph
from manyi.analysis.significance import _p_value, fisher_exact


def test_analyze_imports_no_networkx():
    """`manyi analyze` draws no graph (0.12 s of its serial start)."""
    code = ("import sys, manyi.cli.commands, manyi.stream, manyi.analysis.graph,"
            " manyi.analysis.drivers; print('networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_graphs_still_built_and_read(tmp_path):
    comments = pd.DataFrame({"comment_id": ["1", "2", "3"], "flag": "",
                             "sentiment": ["negative", "positive", "negative"]})
    mentions = pd.DataFrame({"row": [0, 0, 1, 2], "comment_id": ["1", "1", "2", "3"],
                             "dimension": ["logistics", "product", "logistics", "logistics"],
                             "factor": ["speed", "quality", "speed", "speed"],
                             "clause_id": [0, 1, 0, 0], "opinion": ["慢", "差", "快", "慢"],
                             "polarity": ["negative", "negative", "positive", "negative"],
                             "score": [-0.6, -0.5, 0.7, -0.6]})
    graph = graph_from_counts(FactorCounts.of(comments, mentions))
    assert isinstance(graph, nx.Graph) and graph.number_of_edges() == 1
    back = read_graph(write_graph(graph, tmp_path / "g.graphml"))
    assert sorted(back.nodes) == sorted(graph.nodes)


def test_each_table_computed_once_and_the_same():
    _p_value.cache_clear()
    tables = [(1, 0, 40, 900), (1.0, 0.0, 40.0, 900.0), (3, 2, 38, 898), (1, 0, 40, 900)]
    first = [fisher_exact(*t, "greater") for t in tables]
    info = _p_value.cache_info()
    assert (info.misses, info.hits) == (2, 2)
    _p_value.cache_clear()
    assert [fisher_exact(*t, "greater") for t in tables] == first  # bit for bit
    # the alternative is part of the key (the module's doctest figures)
    assert (round(fisher_exact(8, 2, 1, 5, "greater"), 6), round(fisher_exact(8, 2, 1, 5), 6)) \
        == (0.024476, 0.034965)
    assert significance.TABLES_KEPT >= 1000
