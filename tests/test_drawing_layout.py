"""Drawings a reader can read: no label over another, no caption over a label, the same
picture whatever order the graph was built in (moved from test_ux.py)."""

from __future__ import annotations


def test_spread_labels_leaves_no_two_labels_overlapping():
    from manyi.report.charts import spread_labels

    labels = {i: f"物流·配送速度{i}" for i in range(12)}
    crowded = {i: (0.01 * (i % 3), 0.01 * (i // 3)) for i in labels}  # all near one point
    pos = spread_labels(crowded, labels, (10, 8))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    per_inch = ((max(xs) - min(xs)) / (10 * 0.72), (max(ys) - min(ys)) / (8 * 0.8))
    em = 10 / 72
    for i in labels:
        for j in labels:
            if i < j:
                wide = (len(labels[i]) * 0.8 + 0.5) * em * per_inch[0]  # a lower bound
                apart_x = abs(pos[i][0] - pos[j][0]) >= wide
                apart_y = abs(pos[i][1] - pos[j][1]) >= 1.2 * em * per_inch[1]
                assert apart_x or apart_y, (i, j)


def test_the_network_caption_sits_below_every_node_label():
    import re

    import networkx as nx

    from manyi.report.svg import graph_svg

    graph = nx.Graph()
    for n in range(8):
        graph.add_node(f"f{n}", label=f"因素{n}", mentions=10 + n, complaints=n,
                       complaint_rate=n / 20, lift=1.0)
    graph.add_edges_from([("f0", "f1"), ("f1", "f2"), ("f2", "f3"), ("f3", "f0"),
                          ("f4", "f5")], weight=3)
    svg = graph_svg(graph)
    height = float(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))
    labels = [float(y) for y in re.findall(r'<text [^>]*y="([\d.]+)"[^>]*>因素\d', svg)]
    caption = float(re.search(r'y="([\d.]+)"[^>]*>未显示连线', svg).group(1))
    assert labels and caption > max(labels) + 12 and caption <= height
    assert max(labels) <= height - 4


def test_the_network_drawing_does_not_depend_on_the_order_the_graph_was_built_in():
    import networkx as nx

    from manyi.report.svg import graph_svg

    nodes = [(f"f{n}", {"label": f"因素{n}", "mentions": 10 + n % 3, "complaints": n,
                        "complaint_rate": n / 20, "lift": 1.0}) for n in range(7)]
    edges = [("f0", "f1", 3), ("f1", "f2", 2), ("f2", "f3", 3), ("f3", "f0", 1),
             ("f4", "f5", 2), ("f5", "f6", 2), ("f6", "f4", 2), ("f0", "f4", 1)]
    built, reversed_ = nx.Graph(), nx.Graph()  # as from a run, and as from its saved files
    built.add_nodes_from(nodes)
    built.add_weighted_edges_from(edges)
    reversed_.add_nodes_from(nodes[::-1])
    reversed_.add_weighted_edges_from([(b, a, w) for a, b, w in edges[::-1]])
    assert graph_svg(built) == graph_svg(reversed_)
