"""Co-occurrence graphs of factors and the complaint drivers table.

Counts are built with sparse matrices: ``X`` is the 0/1 comment × factor incidence matrix,
``XᵀX`` the co-occurrence counts and ``Xᵀy`` the complaints per factor (``y`` = 1 for a
complaint). networkx holds the result for its algorithms and exports.

For a factor mentioned in ``n`` of ``N`` comments, ``c`` of them complaints (``C`` in all)::

    complaint_rate = c / n           base_rate = C / N          lift = complaint_rate / base_rate
    odds_ratio     = (c · (N−n−C+c)) / ((n−c) · (C−c))           (Haldane +0.5 when a cell is 0)
    95 % CI        = exp(ln OR ± 1.96 · √(1/a + 1/b + 1/c + 1/d))  (Woolf)
    complaint_share = c / C          excess_complaints = c − n · base_rate

and for an edge joining factors seen in ``n_a`` and ``n_b`` comments, ``n_ab`` together::

    lift = n_ab · N / (n_a · n_b)    pmi = log2(lift)    npmi = pmi / −log2(n_ab / N)

>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": ["1", "2", "3"], "flag": "",
...                          "sentiment": ["negative", "positive", "negative"]})
>>> mentions = pd.DataFrame({"comment_id": ["1", "1", "2", "3"],
...     "dimension": ["logistics", "product", "logistics", "logistics"],
...     "factor": ["speed", "quality", "speed", "speed"], "clause_id": [0, 1, 0, 0],
...     "opinion": ["慢", "差", "快", "慢"],
...     "polarity": ["negative", "negative", "positive", "negative"]})
>>> g = cooccurrence_graph(comments, mentions, level="dimension")
>>> g.edges["logistics", "product"]["weight"], g.nodes["logistics"]["complaint_rate"]
(1, 0.6667)
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from .errors import InputError
from .significance import bh_q_values, fisher_exact

ANALYSABLE_FLAGS = ("", "duplicate_id", "partly_undecodable")
LEVELS = ("dimension", "factor")
Z95 = 1.959963984540054  # scipy.stats.norm.ppf(0.975), without loading scipy.stats (1.5 s)
DRIVER_COLUMNS = ["dimension", "factor", "label", "comments", "complaints", "complaint_rate",
                  "base_rate", "lift", "odds_ratio", "ci_low", "ci_high", "p_value", "q_value",
                  "significant", "complaint_share", "excess_complaints"]

ComplaintSpec = str | Sequence[bool] | pd.Series | np.ndarray | Callable | None


# -- shared helpers (index.py uses them too) --------------------------------------------------
def analysable(comments: pd.DataFrame) -> pd.DataFrame:
    """The comments statistics are computed on: flag empty, ``duplicate_id`` or
    ``partly_undecodable``."""
    if "flag" not in comments:
        return comments
    return comments[comments["flag"].fillna("").isin(ANALYSABLE_FLAGS)]


def _analysable_positions(comments: pd.DataFrame) -> np.ndarray:
    if "flag" not in comments:
        return np.arange(len(comments))
    return np.flatnonzero(comments["flag"].fillna("").isin(ANALYSABLE_FLAGS).to_numpy())


def mention_rows(comments: pd.DataFrame, mentions: pd.DataFrame) -> np.ndarray:
    """Position in ``comments`` of each mention (−1 when its comment is not there).

    The pipeline's ``row`` column when present (it tells repeated ids apart), else the first
    comment with the mention's ``comment_id``.
    """
    if "row" in mentions:
        rows = mentions["row"].to_numpy(dtype=np.int64)
        return np.where((rows >= 0) & (rows < len(comments)), rows, -1)
    ids = comments["comment_id"].astype(str).to_numpy(dtype=object)
    codes, _ = pd.factorize(np.concatenate(
        [ids, mentions["comment_id"].astype(str).to_numpy(dtype=object)]))
    first = np.full(codes.max(initial=-1) + 1, -1, dtype=np.int64)
    first[codes[:len(ids)][::-1]] = np.arange(len(ids))[::-1]
    return first[codes[len(ids):]]


def complaint_mask(comments: pd.DataFrame, complaint: ComplaintSpec = None) -> np.ndarray:
    """Boolean array, one per row of ``comments``: is the comment a complaint?

    ``None`` → ``sentiment == "negative"``; a column name → that column as booleans; a callable
    → ``complaint(comments)``; anything else → an aligned sequence of booleans.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"sentiment": ["negative", "positive"], "star": [1, 2]})
    >>> complaint_mask(frame).tolist(), complaint_mask(frame, lambda c: c["star"] <= 2).tolist()
    ([True, False], [True, True])
    """
    if complaint is None:
        if "sentiment" not in comments:
            raise InputError("comments has no 'sentiment' column: pass complaint= (a column "
                             "name, a boolean Series or a function of the comments table)")
        values = comments["sentiment"].eq("negative")
    elif isinstance(complaint, str):
        if complaint not in comments:
            raise InputError(f"complaint column {complaint!r} is not in the comments table "
                             f"(columns: {', '.join(map(str, comments.columns))})")
        values = comments[complaint]
    elif callable(complaint):
        values = complaint(comments)
    else:
        values = complaint
    if isinstance(values, pd.Series) and not values.index.equals(comments.index):
        values = values.reindex(comments.index) if values.index.isin(comments.index).all() \
            else values.to_numpy()
    array = np.asarray(pd.Series(values).fillna(False), dtype=bool)
    if len(array) != len(comments):
        raise InputError(f"complaint= has {len(array)} values for {len(comments)} comments")
    return array


def factor_keys(mentions: pd.DataFrame, level: str = "factor") -> pd.Series:
    """Node key of each mention: ``logistics`` (level dimension) or ``logistics/speed``."""
    if level not in LEVELS:
        raise InputError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if level == "dimension":
        return mentions["dimension"].astype(str)
    return mentions["dimension"].astype(str) + "/" + mentions["factor"].astype(str)


def factor_labels(keys, domain: str | None = "ecommerce", lexicon: Sequence = ()
                  ) -> dict[str, str]:
    """Chinese labels for node keys (``logistics/speed`` → ``物流·配送速度``), key if unknown."""
    try:
        from .lexicon import Lexicon

        lex = Lexicon.load(domain, tuple(lexicon))
        dims = {**lex.dimension_labels, "overall": "整体"}
        facs = dict(lex.factor_labels)
    except Exception:  # labels are cosmetic: never fail a table for them
        dims, facs = {"overall": "整体"}, {}
    out = {}
    for key in keys:
        if key.startswith("opinion/"):
            out[key] = key.split("/", 1)[1]
        elif "/" in key:
            dim, fac = key.split("/", 1)
            out[key] = f"{dims.get(dim, dim)}·{facs.get((dim, fac), fac)}"
        else:
            out[key] = dims.get(key, key)
    return out


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
    positions = _analysable_positions(comments)
    complaints = complaint_mask(comments, complaint)[positions]
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
    units naming both (``pairs``) and complaints among them. Counts of separate chunks add
    up (``a + b``) to the counts of the whole, so a dump too large for memory is counted
    chunk by chunk.
    """

    units: int = 0
    complaint_units: int = 0
    counts: pd.Series = field(default_factory=lambda: _keyed([], []))
    complaints: pd.Series = field(default_factory=lambda: _keyed([], []))
    pairs: pd.Series = field(default_factory=lambda: _pairs(sparse.coo_matrix((0, 0)),
                                                            pd.Index([])))
    complaint_pairs: pd.Series = field(default_factory=lambda: _pairs(
        sparse.coo_matrix((0, 0)), pd.Index([])))

    @classmethod
    def of(cls, comments: pd.DataFrame, mentions: pd.DataFrame, *, level: str = "factor",
           unit: str = "comment", opinions: bool = False, include_overall: bool = False,
           complaint: ComplaintSpec = None) -> FactorCounts:
        """Count one table of comments and its mentions (see :func:`incidence`)."""
        matrix, y, columns = incidence(comments, mentions, level=level, unit=unit,
                                       opinions=opinions, include_overall=include_overall,
                                       complaint=complaint)
        complained = matrix[y.astype(bool)]
        return cls(units=matrix.shape[0], complaint_units=int(y.sum()),
                   counts=_keyed(matrix.sum(axis=0).A1, columns),
                   complaints=_keyed(complained.sum(axis=0).A1, columns),
                   pairs=_pairs((matrix.T @ matrix).tocoo(), columns),
                   complaint_pairs=_pairs((complained.T @ complained).tocoo(), columns))

    def __add__(self, other: FactorCounts) -> FactorCounts:
        return FactorCounts.total([self, other])

    @classmethod
    def total(cls, parts: Sequence[FactorCounts]) -> FactorCounts:
        """The counts of all ``parts`` together, summed at once however many there are."""
        return cls(sum(p.units for p in parts), sum(p.complaint_units for p in parts),
                   sum_counts([p.counts for p in parts]),
                   sum_counts([p.complaints for p in parts]),
                   sum_counts([p.pairs for p in parts]),
                   sum_counts([p.complaint_pairs for p in parts]))


def sum_counts(series: Sequence[pd.Series]) -> pd.Series:
    """Counts keyed alike (one key or several levels) added up in one pandas sum, sorted by
    key; at least one series, empty ones allowed."""
    filled = [s for s in series if len(s)]
    if len(filled) <= 1:
        return (filled or series)[0].astype(np.int64).sort_index()
    joined = pd.concat(filled)
    levels = list(range(joined.index.nlevels))
    return joined.groupby(level=levels, sort=True).sum().astype(np.int64)


# -- the graph ---------------------------------------------------------------------------------
def cooccurrence_graph(comments: pd.DataFrame, mentions: pd.DataFrame, *, level: str = "factor",
                       unit: str = "comment", opinions: bool = False,
                       subset: str = "all", complaint: ComplaintSpec = None,
                       min_count: int = 1, include_overall: bool = False,
                       labels: dict[str, str] | None = None, domain: str | None = "ecommerce"
                       ) -> nx.Graph:
    """Factors as nodes, edges between factors named in the same comment (or clause).

    ``subset="complaints"`` builds the graph from complaint comments only (the complaint
    graph); node rates and lifts are always measured against all comments so both graphs
    can be compared. Node attributes: ``label, kind, dimension, mentions, complaints,
    complaint_rate, lift, degree_centrality, weighted_degree, pagerank, betweenness``; edge
    attributes: ``weight`` (count), ``complaints, complaint_rate, lift, pmi, npmi``.
    """
    counts = FactorCounts.of(comments, mentions, level=level, unit=unit, opinions=opinions,
                             include_overall=include_overall, complaint=complaint)
    return graph_from_counts(counts, subset=subset, min_count=min_count, labels=labels,
                             domain=domain, level=level, unit=unit)


def graph_from_counts(counts: FactorCounts, *, subset: str = "all", min_count: int = 1,
                      labels: dict[str, str] | None = None, domain: str | None = "ecommerce",
                      level: str = "factor", unit: str = "comment") -> nx.Graph:
    """The co-occurrence graph of :func:`cooccurrence_graph` from (merged) counts."""
    if subset not in ("all", "complaints"):
        raise InputError(f"subset must be 'all' or 'complaints', not {subset!r}")
    n_complaints = counts.complaint_units
    base_rate = n_complaints / counts.units if counts.units else math.nan
    if subset == "complaints":
        total, node_counts, pairs = n_complaints, counts.complaints, counts.complaint_pairs
    else:
        total, node_counts, pairs = counts.units, counts.counts, counts.pairs
    labels = labels or factor_labels(counts.counts.index, domain)

    graph = nx.Graph(level=level, unit=unit, subset=subset, units=int(total),
                     complaints=n_complaints, base_rate=_round(base_rate))
    for key, n_all in counts.counts.items():
        if node_counts[key] < min_count:
            continue
        rate = counts.complaints[key] / n_all if n_all else math.nan
        graph.add_node(key, label=labels.get(key, key), kind=_kind(key, level),
                       dimension=key.split("/")[0] if not key.startswith("opinion/") else "",
                       mentions=int(node_counts[key]), complaints=int(counts.complaints[key]),
                       complaint_rate=_round(rate),
                       lift=_round(rate / base_rate if base_rate else math.nan))
    for (a, b), n_ab in pairs.items():
        if n_ab < min_count or a not in graph or b not in graph:
            continue
        lift = float(n_ab) * total / (float(node_counts[a]) * float(node_counts[b]))
        pmi = math.log2(lift)
        p_ab = n_ab / total
        c_ab = int(counts.complaint_pairs.get((a, b), 0))
        graph.add_edge(a, b, weight=int(n_ab), complaints=c_ab,
                       complaint_rate=_round(c_ab / counts.pairs[(a, b)]), lift=_round(lift),
                       pmi=_round(pmi),
                       npmi=_round(pmi / -math.log2(p_ab)) if p_ab < 1 else 1.0)
    _add_centrality(graph)
    return graph


def complaint_graphs(comments: pd.DataFrame, mentions: pd.DataFrame, **options
                     ) -> dict[str, nx.Graph]:
    """``{"all": graph of all comments, "complaints": graph of complaints only}``."""
    return {subset: cooccurrence_graph(comments, mentions, subset=subset, **options)
            for subset in ("all", "complaints")}


def _kind(key: str, level: str) -> str:
    return "opinion" if key.startswith("opinion/") else level


def _round(value: float, digits: int = 4) -> float:
    return round(float(value), digits) if value == value else math.nan


def _add_centrality(graph: nx.Graph) -> None:
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
    from .charts import draw
    from .outputs import write_csv

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
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from .charts import spread_labels
    from .topics import find_cjk_font

    font = FontProperties(fname=find_cjk_font())
    keep = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("mentions", 0), n))[:top]
    edges = sorted(graph.subgraph(keep).edges(data="weight"), key=lambda e: (-e[2], e[0], e[1]))
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
    subset = "抱怨评论" if graph.graph.get("subset") == "complaints" else "全部评论"
    ax.set_title(title or f"因素共现图 ({subset}, {graph.graph.get('units', '')} 条; "
                 "线宽 = 共现次数)", fontproperties=font, fontsize=13)
    return fig


# -- drivers -----------------------------------------------------------------------------------
def drivers(comments: pd.DataFrame, mentions: pd.DataFrame, *, level: str = "factor",
            complaint: ComplaintSpec = None, by: str | Sequence[str] | None = None,
            min_comments: int = 5, alpha: float = 0.05, include_overall: bool = False,
            labels: dict[str, str] | None = None, domain: str | None = "ecommerce"
            ) -> pd.DataFrame:
    """Complaint drivers: per factor, how much mentioning it raises the chance of a complaint.

    Fisher's exact test on the 2×2 table (mentioned or not × complaint or not), Benjamini–
    Hochberg ``q_value`` across the factors of a table. Sorted so the top rows are what to fix
    first: significant risk factors (OR > 1, q < alpha) by excess complaints, then the rest.
    ``by`` gives one block of rows per group (a column of ``comments``).
    """
    if by is not None:
        by = [by] if isinstance(by, str) else list(by)
        complaints = complaint_mask(comments, complaint)
        flags = (comments["flag"].fillna("").to_numpy(dtype=object) if "flag" in comments
                 else np.full(len(comments), "", dtype=object))
        parts = []
        positioned = analysable(comments.reset_index(drop=True))
        for key, part in positioned.groupby(by, sort=True, dropna=False):
            key = key if isinstance(key, tuple) else (key,)
            # rows outside the group are flagged, not dropped: mention rows stay positions
            inside = np.isin(np.arange(len(comments)), part.index.to_numpy())
            table = drivers(comments.assign(flag=np.where(inside, flags, "other_group")), mentions,
                            level=level, complaint=complaints, min_comments=min_comments,
                            alpha=alpha, include_overall=include_overall, labels=labels,
                            domain=domain)
            for column, value in zip(by, key):
                table.insert(0, column, value)
            parts.append(table)
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
            columns=by + DRIVER_COLUMNS)
    counts = FactorCounts.of(comments, mentions, level=level, include_overall=include_overall,
                             complaint=complaint)
    return drivers_from_counts(counts, min_comments=min_comments, alpha=alpha, labels=labels,
                               domain=domain)


def drivers_from_counts(counts: FactorCounts, *, min_comments: int = 5, alpha: float = 0.05,
                        labels: dict[str, str] | None = None, domain: str | None = "ecommerce"
                        ) -> pd.DataFrame:
    """The drivers table of :func:`drivers` from (merged) counts."""
    total, all_complaints = counts.units, counts.complaint_units
    keep = counts.counts >= min_comments
    n = counts.counts[keep].to_numpy()
    c = counts.complaints[keep].to_numpy()
    columns = counts.counts.index[keep.to_numpy()]
    labels = labels or factor_labels(columns, domain)
    base = all_complaints / total if total else math.nan
    # 2×2: a = mentioned & complaint, b = mentioned & not, c2 = not & complaint, d = not & not
    a, b = c.astype(float), (n - c).astype(float)
    c2, d = (all_complaints - c).astype(float), (total - n - all_complaints + c).astype(float)
    odds, low, high = odds_ratio_ci(a, b, c2, d)
    p_values = np.array([fisher_exact(ai, bi, ci, di) for ai, bi, ci, di in zip(a, b, c2, d)])
    q_values = bh_q_values(p_values)
    rate = np.divide(c, n, out=np.full(len(n), np.nan), where=n > 0)
    table = pd.DataFrame({
        "dimension": [k.split("/")[0] for k in columns],
        "factor": [k.split("/", 1)[1] if "/" in k else "" for k in columns],
        "label": [labels.get(k, k) for k in columns],
        "comments": n.astype(int), "complaints": c.astype(int), "complaint_rate": rate,
        "base_rate": base, "lift": rate / base if base else np.nan, "odds_ratio": odds,
        "ci_low": low, "ci_high": high, "p_value": p_values, "q_value": q_values,
        "complaint_share": c / all_complaints if all_complaints else np.nan,
        "excess_complaints": c - n * base})
    table["significant"] = table["q_value"] < alpha
    risk = table["significant"] & (table["odds_ratio"] > 1)
    table = table.assign(_risk=~risk).sort_values(
        ["_risk", "excess_complaints", "comments", "label"],
        ascending=[True, False, False, True], kind="stable").drop(columns="_risk")
    return table[DRIVER_COLUMNS].reset_index(drop=True)


def odds_ratio_ci(a, b, c, d, z: float = Z95):
    """Odds ratio ``ad/bc`` and Woolf's CI; +0.5 on every cell of a table with a zero.

    >>> odds_ratio_ci(np.array([10.]), np.array([10.]), np.array([5.]), np.array([20.]))[0]
    array([4.])
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    zero = (a == 0) | (b == 0) | (c == 0) | (d == 0)
    a, b, c, d = (np.where(zero, x + 0.5, x) for x in (a, b, c, d))
    odds = a * d / (b * c)
    se = np.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    return odds, np.exp(np.log(odds) - z * se), np.exp(np.log(odds) + z * se)
