"""Co-occurrence graphs of factors, and the counts they and the drivers table
(:mod:`manyi.analysis.drivers`) are computed from.

Counts are built with sparse matrices: ``X`` is the 0/1 comment × factor incidence matrix,
``XᵀX`` the co-occurrence counts and ``Xᵀy`` the complaints per factor (``y`` = 1 for a
complaint); the drivers' patterns (:class:`manyi.analysis.impact.Patterns`) count comments by the
factors they name negatively and positively. networkx holds the graphs for its algorithms
and exports. For a factor mentioned in ``n`` of ``N`` comments, ``c`` of them complaints
(``C`` in all), a node's ``complaint_rate = c / n`` and ``lift = (c / n) / (C / N)``;
for an edge joining factors seen in ``n_a`` and ``n_b`` comments, ``n_ab`` together::

    lift = n_ab · N / (n_a · n_b)    pmi = log2(lift)    npmi = pmi / −log2(n_ab / N)

>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": ["1", "2", "3"], "flag": "",
...                          "sentiment": ["negative", "positive", "negative"]})
>>> mentions = pd.DataFrame({"comment_id": ["1", "1", "2", "3"],
...     "dimension": ["logistics", "product", "logistics", "logistics"],
...     "factor": ["speed", "quality", "speed", "speed"], "clause_id": [0, 1, 0, 0],
...     "opinion": ["慢", "差", "快", "慢"],
...     "polarity": ["negative", "negative", "positive", "negative"],
...     "score": [-0.6, -0.5, 0.7, -0.6]})
>>> g = cooccurrence_graph(comments, mentions, level="dimension")
>>> g.edges["logistics", "product"]["weight"], g.nodes["logistics"]["complaint_rate"]
(1, 0.6667)
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import sparse

from manyi.analysis.impact import SIDES, Patterns
from manyi.analysis.labels import factor_labels, lexicon_labels  # noqa: F401
from manyi.analysis.rows import (  # noqa: F401  (ANALYSABLE_FLAGS, analysable: kept importable from here)
    ANALYSABLE_FLAGS,
    ComplaintSpec,
    analysable,
    analysable_positions,
    complaint_mask,
    factor_column,
    mention_rows,
    sum_counts,
)
from manyi.analysis.themes import TermSets
from manyi.errors import InputError

if TYPE_CHECKING:  # networkx is imported where a graph is built or read: a run that
    import networkx as nx  # draws none (manyi analyze) does without its 0.12 s

LEVELS = ("dimension", "factor")

def factor_keys(mentions: pd.DataFrame, level: str = "factor") -> pd.Series:
    """Node key of each mention: ``logistics`` (level dimension) or ``logistics/speed``
    (a discovered attribute by its own word: ``product/attribute:信号``, see
    :func:`~manyi.analysis.rows.factor_column`)."""
    if level not in LEVELS:
        raise InputError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if level == "dimension":
        return mentions["dimension"].astype(str)
    return mentions["dimension"].astype(str) + "/" + factor_column(mentions)


def incidence(comments: pd.DataFrame, mentions: pd.DataFrame, *, level: str = "factor",
              unit: str = "comment", opinions: bool = False, include_overall: bool = False,
              complaint: ComplaintSpec = None
              ) -> tuple[sparse.csr_matrix, np.ndarray, pd.Index]:
    """0/1 sparse matrix unit × factor over analysable comments, its complaint vector, columns.

    Rows are every analysable comment (those without mentions are empty rows, so the row
    count is the number of comments) or, with ``unit="clause"``, every (comment, clause) with
    a mention. Column keys: see :func:`factor_keys`; ``opinions=True`` adds ``opinion/词``.
    """
    if unit not in ("comment", "clause"):
        raise InputError(f"unit must be 'comment' or 'clause', not {unit!r}")
    positions = analysable_positions(comments)
    complaints = complaint_mask(comments, complaint, mentions)[positions]
    slot = np.full(len(comments) + 1, -1, dtype=np.int64)  # comment position → matrix row
    slot[positions] = np.arange(len(positions))
    comment_code = slot[mention_rows(comments, mentions)]
    keep = comment_code >= 0
    if not include_overall:
        keep &= (mentions["dimension"] != "overall").to_numpy()
    frame = mentions[keep]
    comment_code = comment_code[keep]
    n_ok = len(positions)
    key_codes, columns = pd.factorize(factor_keys(frame, level), sort=True)
    unit_codes = comment_code
    if opinions:
        words = frame["opinion"].fillna("").astype(str)
        has = (words != "").to_numpy()
        word_codes, word_keys = pd.factorize("opinion/" + words[has], sort=True)
        key_codes = np.concatenate([key_codes, word_codes + len(columns)])
        columns = pd.Index(list(columns) + list(word_keys))
        unit_codes = np.concatenate([comment_code, comment_code[has]])
        clause_ids = frame["clause_id"].to_numpy(dtype=np.int64)
        clause_ids = np.concatenate([clause_ids, clause_ids[has]]) if unit == "clause" else None
    elif unit == "clause":
        clause_ids = frame["clause_id"].to_numpy(dtype=np.int64)
    if unit == "comment":
        row_codes, row_comment = unit_codes, np.arange(n_ok)
    else:
        pair = unit_codes.astype(np.int64) * (int(clause_ids.max(initial=0)) + 1) + clause_ids
        row_codes, pairs = pd.factorize(pair, sort=True)
        row_comment = pairs // (int(clause_ids.max(initial=0)) + 1)
    matrix = sparse.csr_matrix((np.ones(len(key_codes), dtype=np.int32),
                                (row_codes, key_codes)), shape=(len(row_comment), len(columns)))
    matrix.data[:] = 1  # duplicates were summed: a factor counts once per comment (or clause)
    y = complaints[row_comment].astype(np.int64)
    return matrix, y, pd.Index(columns)


# -- counts: what the graph and the drivers table are computed from ------------------------------
def _keyed(values: np.ndarray, keys: Sequence[str]) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=np.int64), index=pd.Index(keys, dtype=object))


def _pairs(co: sparse.coo_matrix, columns: pd.Index) -> pd.Series:
    upper = co.row < co.col  # columns are sorted, so each pair is (smaller key, larger key)
    index = pd.MultiIndex.from_arrays([columns[co.row[upper]], columns[co.col[upper]]])
    return pd.Series(co.data[upper].astype(np.int64), index=index).sort_index()


@dataclass
class FactorCounts:
    """Counts behind the drivers table and the co-occurrence graphs, for merging chunks.

    ``units`` analysable comments (or clauses), ``complaint_units`` of them complaints;
    per factor key: units naming it (``counts``) and complaints among them; per pair of keys:
    units naming both (``pairs``) and complaints among them; for comments, ``patterns``
    (:class:`manyi.analysis.impact.Patterns`: comments by the set of factors they name negatively or
    positively, what the drivers table and the complaint graph are computed from) and
    ``terms`` (:class:`manyi.analysis.themes.TermSets`: complaints by the terms they name
    under each factor, the drivers' themes). Counts of
    separate chunks add up (``a + b``) to the counts of the whole, so a dump too large for
    memory is counted chunk by chunk.
    """

    units: int = 0
    complaint_units: int = 0
    counts: pd.Series = field(default_factory=lambda: _keyed([], []))
    complaints: pd.Series = field(default_factory=lambda: _keyed([], []))
    pairs: pd.Series = field(default_factory=lambda: _pairs(sparse.coo_matrix((0, 0)),
                                                            pd.Index([])))
    complaint_pairs: pd.Series = field(default_factory=lambda: _pairs(
        sparse.coo_matrix((0, 0)), pd.Index([])))
    patterns: Patterns | None = field(default_factory=Patterns)
    terms: TermSets | None = field(default_factory=TermSets)

    @classmethod
    def of(cls, comments: pd.DataFrame, mentions: pd.DataFrame, *, level: str = "factor",
           unit: str = "comment", opinions: bool = False, include_overall: bool = False,
           complaint: ComplaintSpec = None, patterns: bool = True,
           terms: bool = True, polar: pd.DataFrame | None = None,
           sides: Sequence[str] = tuple(SIDES)) -> FactorCounts:
        """Count one table of comments and its mentions (see :func:`incidence`);
        ``patterns=False`` skips the drivers' patterns (the graph of all comments),
        ``terms=False`` their themes' term sets (a graph, a segment's drivers); ``polar``,
        ``sides``: as :meth:`Patterns.of`'s."""
        complaint = complaint_mask(comments, complaint, mentions)  # once, not per count
        matrix, y, columns = incidence(comments, mentions, level=level, unit=unit,
                                       opinions=opinions, include_overall=include_overall,
                                       complaint=complaint)
        complained = matrix[y.astype(bool)]
        drivers = unit == "comment" and not opinions
        patterns = Patterns.of(comments, mentions, complaint=complaint, polar=polar,
                               sides=sides) if patterns and drivers else None
        terms = TermSets.of(comments, mentions, complaint=complaint) \
            if drivers and terms else None
        return cls(units=matrix.shape[0], complaint_units=int(y.sum()),
                   counts=_keyed(matrix.sum(axis=0).A1, columns),
                   complaints=_keyed(complained.sum(axis=0).A1, columns),
                   pairs=_pairs((matrix.T @ matrix).tocoo(), columns),
                   complaint_pairs=_pairs((complained.T @ complained).tocoo(), columns),
                   patterns=patterns, terms=terms)

    def __add__(self, other: FactorCounts) -> FactorCounts:
        return FactorCounts.total([self, other])

    @classmethod
    def total(cls, parts: Sequence[FactorCounts]) -> FactorCounts:
        """The counts of all ``parts`` together, summed at once however many there are."""
        patterns = [p.patterns for p in parts]
        return cls(sum(p.units for p in parts), sum(p.complaint_units for p in parts),
                   sum_counts([p.counts for p in parts]),
                   sum_counts([p.complaints for p in parts]),
                   sum_counts([p.pairs for p in parts]),
                   sum_counts([p.complaint_pairs for p in parts]),
                   None if any(p is None for p in patterns) else Patterns.total(patterns),
                   None if any(p.terms is None for p in parts)
                   else TermSets.total([p.terms for p in parts]))


# -- the graph ---------------------------------------------------------------------------------
def cooccurrence_graph(comments: pd.DataFrame, mentions: pd.DataFrame, *, level: str = "factor",
                       unit: str = "comment", opinions: bool = False,
                       subset: str = "all", complaint: ComplaintSpec = None,
                       min_count: int = 1, include_overall: bool = False,
                       labels: Mapping[str, str] | None = None) -> nx.Graph:
    """Factors as nodes, edges between factors named in the same comment (or clause).

    ``subset="all"``: every mention, whatever was said. ``subset="complaints"`` (the
    complaint graph): factors **complained about** — named negatively (the comment's
    mentions of the factor, summed, negative: :func:`~manyi.analysis.rows.factor_verdicts`)
    — joined when complained about in the same comment, weighted by the number
    of such comments, with ``lift = n_ab · N / (n_a · n_b)`` over all N comments (n_a:
    comments naming a negatively); edge ``complaints`` counts those that are complaint
    comments. With ``unit="clause"`` or ``opinions`` the complaint graph falls back to all
    mentions in complaint comments (graph attribute ``basis``). Node attributes: ``label,
    kind, dimension, mentions`` (the comments the graph's basis counts: all naming it, or
    naming it negatively), ``mentioned`` (every comment naming it, the drivers' ``mentioned``),
    ``complaints`` (the complaints among those) and ``complaint_rate`` (complaints /
    mentioned), ``lift``
    and centralities.
    ``labels``: the run's :func:`~manyi.analysis.labels.lexicon_labels`.
    """
    counts = FactorCounts.of(comments, mentions, level=level, unit=unit, opinions=opinions,
                             include_overall=include_overall, complaint=complaint,
                             patterns=subset == "complaints", terms=False)
    return graph_from_counts(counts, subset=subset, min_count=min_count, labels=labels,
                             level=level, unit=unit)


def graph_from_counts(counts: FactorCounts, *, subset: str = "all", min_count: int = 1,
                      labels: Mapping[str, str] | None = None, level: str = "factor",
                      unit: str = "comment") -> nx.Graph:
    """The co-occurrence graph of :func:`cooccurrence_graph` from (merged) counts."""
    import networkx as nx

    if subset not in ("all", "complaints"):
        raise InputError(f"subset must be 'all' or 'complaints', not {subset!r}")
    n_complaints = counts.complaint_units
    base_rate = n_complaints / counts.units if counts.units else math.nan
    basis = "mentions"
    complaint_pairs = counts.complaint_pairs
    if subset == "complaints" and counts.patterns is not None:
        basis = "negative mentions"
        total = counts.units
        node_counts, pairs, complaint_pairs = _negative_counts(counts.patterns, level)
    elif subset == "complaints":
        basis = "mentions in complaint comments"
        total, node_counts, pairs = n_complaints, counts.complaints, counts.complaint_pairs
    else:
        total, node_counts, pairs = counts.units, counts.counts, counts.pairs
    shown = factor_labels(counts.counts.index, labels)
    # plain dicts: a pandas look-up per node and edge costs more than building the graph
    node_counts, complaints = node_counts.to_dict(), counts.complaints.to_dict()
    complaint_pairs = complaint_pairs.to_dict()

    graph = nx.Graph(level=level, unit=unit, subset=subset, units=int(total),
                     complaints=n_complaints, base_rate=_round(base_rate), basis=basis)
    for key, n_all in counts.counts.items():
        if node_counts.get(key, 0) < min_count:
            continue
        rate = complaints[key] / n_all if n_all else math.nan
        graph.add_node(key, label=shown.get(key, key), kind=_kind(key, level),
                       dimension=key.split("/")[0] if not key.startswith("opinion/") else "",
                       mentions=int(node_counts[key]), mentioned=int(n_all),
                       complaints=int(complaints[key]), complaint_rate=_round(rate),
                       lift=_round(rate / base_rate if base_rate else math.nan))
    for (a, b), n_ab in pairs.items():
        if n_ab < min_count or a not in graph or b not in graph:
            continue
        lift = float(n_ab) * total / (float(node_counts[a]) * float(node_counts[b]))
        pmi = math.log2(lift)
        p_ab = n_ab / total
        c_ab = int(complaint_pairs.get((a, b), 0))
        graph.add_edge(a, b, weight=int(n_ab), complaints=c_ab,
                       complaint_rate=_round(c_ab / n_ab), lift=_round(lift),
                       pmi=_round(pmi),
                       npmi=_round(pmi / -math.log2(p_ab)) if p_ab < 1 else 1.0)
    _add_centrality(graph)
    return graph


def _negative_counts(patterns: Patterns, level: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Comments naming each key negatively, pairs of keys named negatively in the same
    comment, and those pairs among complaint comments, from the drivers' patterns."""
    frame = patterns.sides["complaint"].reset_index(name="count")
    frame = frame[frame["factors"] != ""]
    keys = frame["factors"].str.split("|")
    if level == "dimension":
        keys = keys.map(lambda ks: sorted({k.split("/")[0] for k in ks}))
    sizes = keys.str.len().to_numpy()
    codes, names = pd.factorize(pd.Series([k for ks in keys for k in ks], dtype=object),
                                sort=True)
    rows = np.repeat(np.arange(len(keys)), sizes)
    named = sparse.csr_matrix((np.ones(len(codes)), (rows, codes)),
                              shape=(len(keys), len(names)))
    count = frame["count"].to_numpy(dtype=float)
    flag = frame["flag"].to_numpy(dtype=bool)
    columns = pd.Index(names)
    nodes = _keyed((named.T @ count).round(), columns)
    pairs = _pairs((named.T @ sparse.diags(count) @ named).tocoo(), columns)
    complained = _pairs((named.T @ sparse.diags(count * flag) @ named).tocoo(), columns)
    return nodes, pairs[pairs > 0], complained[complained > 0]


def complaint_graphs(comments: pd.DataFrame, mentions: pd.DataFrame, **options
                     ) -> dict[str, nx.Graph]:
    """``{"all": graph of all comments, "complaints": the complaint graph}`` from one count
    (options of :func:`cooccurrence_graph`)."""
    drawing = {k: options.pop(k) for k in ("min_count", "labels") if k in options}
    counts = FactorCounts.of(comments, mentions, **options)
    return {subset: graph_from_counts(counts, subset=subset, level=options.get(
        "level", "factor"), unit=options.get("unit", "comment"), **drawing)
            for subset in ("all", "complaints")}


def _kind(key: str, level: str) -> str:
    return "opinion" if key.startswith("opinion/") else level


def _round(value: float, digits: int = 4) -> float:
    return round(float(value), digits) if value == value else math.nan


def _add_centrality(graph: nx.Graph) -> None:
    import networkx as nx

    if not len(graph):
        return
    degree = nx.degree_centrality(graph)
    strength = dict(graph.degree(weight="weight"))
    pagerank = nx.pagerank(graph, weight="weight") if graph.number_of_edges() else {
        n: 1 / len(graph) for n in graph}
    # betweenness is O(V·E): skip it on graphs far larger than a factor taxonomy
    between = nx.betweenness_centrality(graph) if len(graph) <= 600 else {}
    for node in graph:
        graph.nodes[node].update(degree_centrality=_round(degree[node]),
                                 weighted_degree=int(strength[node]),
                                 pagerank=_round(pagerank[node]),
                                 betweenness=_round(between.get(node, math.nan)))


def graph_nodes(graph: nx.Graph) -> pd.DataFrame:
    """Node table, most mentioned first."""
    frame = pd.DataFrame([{"node": n, **d} for n, d in graph.nodes(data=True)])
    if frame.empty:
        return frame
    return frame.sort_values(["mentions", "node"], ascending=[False, True]).reset_index(drop=True)


def graph_edges(graph: nx.Graph) -> pd.DataFrame:
    """Edge table, heaviest first."""
    frame = pd.DataFrame([{"source": a, "target": b, **d} for a, b, d in graph.edges(data=True)])
    if frame.empty:
        return frame
    return frame.sort_values(["weight", "source", "target"], ascending=[False, True, True]
                             ).reset_index(drop=True)


def compare_graphs(all_graph: nx.Graph, complaint_graph: nx.Graph) -> pd.DataFrame:
    """Edges of both graphs side by side: which pairs are over-represented in complaints.

    ``complaint_share`` = the pair's complaint count / its count overall; ``ratio`` = that over
    the base complaint rate (> 1: the pair shows up in complaints more than chance).
    """
    base = all_graph.graph.get("base_rate", math.nan)
    rows = []
    for a, b, d in all_graph.edges(data=True):
        c = complaint_graph.edges[a, b]["weight"] if complaint_graph.has_edge(a, b) else 0
        rows.append({"source": a, "target": b, "label": f"{all_graph.nodes[a]['label']} — "
                     f"{all_graph.nodes[b]['label']}", "weight_all": d["weight"],
                     "weight_complaints": c, "lift_all": d["lift"],
                     "lift_complaints": complaint_graph.edges[a, b]["lift"] if c else math.nan,
                     "complaint_share": _round(c / d["weight"]),
                     "ratio": _round(c / d["weight"] / base) if base else math.nan})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    return frame.sort_values(["weight_complaints", "weight_all", "source", "target"],
                             ascending=[False, False, True, True]).reset_index(drop=True)


# -- export ------------------------------------------------------------------------------------
GRAPH_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json"}


def write_graph(graph: nx.Graph, path: str | Path, format: str | None = None) -> Path:
    """Write GraphML, GEXF or node-link JSON (format from the suffix unless given)."""
    import networkx as nx

    path = Path(path)
    fmt = format or GRAPH_FORMATS.get(path.suffix.lower())
    if fmt not in GRAPH_FORMATS.values():
        raise InputError(f"{path}: unknown graph format; use .graphml, .gexf or .json")
    clean = _export_copy(graph)
    if fmt == "graphml":
        nx.write_graphml(clean, path, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(clean, path, encoding="utf-8")
    else:
        data = nx.node_link_data(clean, edges="links")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_graph_files(graphs: dict[str, nx.Graph], folder: str | Path, *, top: int = 40,
                      chart: bool = True) -> list[Path]:
    """For each named graph: ``graph_<name>.graphml/.gexf/.json/.png``, its node and edge
    tables (CSV), and ``graph_compare.csv`` when both ``all`` and ``complaints`` are given.
    The PNG is skipped with ``chart=False`` or where no font with Chinese glyphs is found."""
    from manyi.io.write import write_csv
    from manyi.report.charts import draw

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    figures = {name: draw(lambda g=graph: plot_graph(g, top=top)) if chart else None
               for name, graph in graphs.items()}
    written = []
    for name, graph in graphs.items():
        for suffix in GRAPH_FORMATS:
            written.append(write_graph(graph, folder / f"graph_{name}{suffix}"))
        write_csv(graph_nodes(graph), folder / f"graph_{name}_nodes.csv")
        write_csv(graph_edges(graph), folder / f"graph_{name}_edges.csv")
        written += [folder / f"graph_{name}_nodes.csv", folder / f"graph_{name}_edges.csv"]
        if figures[name] is not None:
            figures[name].savefig(folder / f"graph_{name}.png", dpi=120)
            written.append(folder / f"graph_{name}.png")
    if {"all", "complaints"} <= set(graphs):
        write_csv(compare_graphs(graphs["all"], graphs["complaints"]),
                  folder / "graph_compare.csv")
        written.append(folder / "graph_compare.csv")
    return written


def read_graph(path: str | Path) -> nx.Graph:
    """Read back a graph written by :func:`write_graph`."""
    import networkx as nx

    path = Path(path)
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    if fmt == "json":
        return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")
    raise InputError(f"{path}: unknown graph format; use .graphml, .gexf or .json")


def _export_copy(graph: nx.Graph) -> nx.Graph:
    """NaN is not portable (GEXF readers, JSON): drop NaN attributes instead."""
    import networkx as nx

    clean = nx.Graph()
    clean.graph.update({k: v for k, v in graph.graph.items() if not _is_nan(v)})
    clean.add_nodes_from((n, {k: v for k, v in d.items() if not _is_nan(v)})
                         for n, d in graph.nodes(data=True))
    clean.add_edges_from((a, b, {k: v for k, v in d.items() if not _is_nan(v)})
                         for a, b, d in graph.edges(data=True))
    return clean


def _is_nan(value) -> bool:
    return isinstance(value, float) and math.isnan(value)


# -- picture -----------------------------------------------------------------------------------
def plot_graph(graph: nx.Graph, *, top: int = 40, max_edges: int = 60, title: str | None = None,
               seed: int = 0, figsize: tuple[float, float] = (10, 8)):
    """Draw the ``top`` most mentioned nodes and their ``max_edges`` heaviest edges: node size
    by mentions, colour by complaint rate, edge width by weight, Chinese labels.
    Returns a matplotlib Figure (never shown)."""
    import networkx as nx
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from manyi.analysis.topics.model import find_cjk_font
    from manyi.report.charts import spread_labels

    font = FontProperties(fname=find_cjk_font())
    keep = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("mentions", 0), n))[:top]
    # each edge as (smaller, larger) node: a subgraph view's edge direction follows its node
    # set's order, which changes with the hash seed
    edges = sorted(((*sorted((a, b)), w) for a, b, w in graph.subgraph(keep).edges(data="weight")),
                   key=lambda e: (-e[2], e[0], e[1]))
    sub = nx.Graph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in keep)
    sub.add_weighted_edges_from(edges[:max_edges])
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    if not len(sub):
        ax.text(0.5, 0.5, "没有可画的因素", ha="center", fontproperties=font)
        return fig
    if sub.number_of_edges():  # isolated factors would push the drawing to the corners
        sub.remove_nodes_from([n for n in list(sub) if sub.degree(n) == 0])
    start = nx.circular_layout(sorted(sub))
    pos = nx.kamada_kawai_layout(sub, pos=start) if len(sub) > 2 else start
    pos = nx.spring_layout(sub, pos=pos, weight=None, seed=seed, iterations=30,
                           k=2.2 / math.sqrt(len(sub)))  # spread crowded labels apart
    pos = spread_labels(pos, {n: sub.nodes[n]["label"] for n in sub}, figsize)  # no overlap
    weights = np.array([d["weight"] for _, _, d in sub.edges(data=True)], dtype=float)
    widths = 0.5 + 7 * np.sqrt(weights / weights.max()) if len(weights) else []
    nx.draw_networkx_edges(sub, pos, ax=ax, width=widths, edge_color="#8a8a8a", alpha=0.55)
    mentions = np.array([sub.nodes[n]["mentions"] for n in sub], dtype=float)
    rates = np.array([np.nan_to_num(sub.nodes[n]["complaint_rate"]) for n in sub])
    norm = Normalize(0, max(0.5, float(rates.max())))
    nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=150 + 2500 * mentions / mentions.max(),
                           node_color=rates, cmap="RdYlGn_r", vmin=norm.vmin, vmax=norm.vmax,
                           edgecolors="#333333", linewidths=0.6)
    for node, (x, y) in pos.items():
        ax.text(x, y, sub.nodes[node]["label"], fontproperties=font, fontsize=10,
                ha="center", va="center",
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.65))
    bar = fig.colorbar(ScalarMappable(norm, "RdYlGn_r"), ax=ax, shrink=0.6)
    bar.set_label("抱怨率 (complaint rate)", fontproperties=font)
    units = graph.graph.get("units", "")
    counted = (f"抱怨评论 {graph.graph.get('complaints', '')} 条, 共 {units} 条"
               if graph.graph.get("subset") == "complaints" else f"全部评论 {units} 条")
    ax.set_title(title or f"因素共现图 ({counted}; 线宽 = 共现次数)", fontproperties=font,
                 fontsize=13)
    return fig
