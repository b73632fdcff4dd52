"""How well manyi's comment dimensions and their polarities match labelled data.

Gold labels are one cell per comment listing the dimensions it talks about, each with an
optional polarity: ``price:negative;logistics:positive``. Keys are the dimension keys
(``product service price logistics communication brand environment channel overall``) or
their Chinese labels (价格 物流 …); polarities are ``positive/negative/neutral``, ``pos/neg/neu``,
``正面/负面/中性`` or ``+/-/0``. Dimensions are separated by ``;`` ``；`` ``,`` ``，`` ``|`` or
spaces; an empty cell means the comment names no dimension.

>>> parse_labels("价格:负面；物流:+")
[('price', 'negative'), ('logistics', 'positive')]

A label may name the aspect term it is about in brackets, ``product(镜头):positive`` or
``产品（待机时间）:负面``: the evaluation then also reports aspect-term recall (a mention's term
contains the labelled term or lies inside it), filing accuracy (that mention's dimension is
the labelled one) and polarity accuracy on them (see :class:`TermScores`).

Scores are per (comment, dimension) pair: precision, recall and F1 per dimension, micro-F1
over all pairs, macro-F1 over the dimensions compared, and polarity accuracy on the pairs
both sides have (gold pairs without a polarity are left out of it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from manyi.errors import InputError

DIMENSION_KEYS = ("product", "service", "price", "logistics", "communication", "brand",
                  "environment", "channel", "overall")
DIMENSION_ALIASES = {"产品": "product", "商品": "product", "服务": "service", "价格": "price",
                     "物流": "logistics", "沟通": "communication", "品牌": "brand",
                     "环境": "environment", "渠道便利": "channel", "渠道": "channel",
                     "便利": "channel", "整体": "overall", "总体": "overall"}
POLARITY_ALIASES = {
    "positive": ("positive", "pos", "正面", "正", "好评", "+", "1", "1.0"),
    "negative": ("negative", "neg", "负面", "负", "差评", "-", "-1", "-1.0"),
    "neutral": ("neutral", "neu", "中性", "中", "0", "0.0"),
}
_POLARITY = {alias: key for key, aliases in POLARITY_ALIASES.items() for alias in aliases}
_SEPARATORS = re.compile(r"[;；,，|、\s]+")
# An aspect term named in a label: product(镜头):positive, 产品（待机时间）:负面.
_TERM = re.compile(r"[(（]([^()（）]*)[)）]")
_PAIR = re.compile(r"[:：=]")
_PAIR_SPACES = re.compile(r"\s*[:：=]\s*")
GOLD_COLUMNS = ["comment_id", "dimension", "polarity"]


def parse_labels(cell: object) -> list[tuple[str, str | None]]:
    """``(dimension, polarity or None)`` pairs of one gold cell; raises ValueError on an
    unknown dimension or polarity.

    >>> parse_labels("product:positive; overall")
    [('product', 'positive'), ('overall', None)]
    >>> parse_labels(float("nan"))
    []
    """
    return [(dimension, polarity) for _, dimension, polarity in _parse_items(cell)]


def parse_terms(cell: object) -> list[tuple[str, str, str | None]]:
    """``(term, dimension, polarity or None)`` of the items of a gold cell that name their
    aspect term in brackets.

    >>> parse_terms("product(镜头):positive; 价格:负面")
    [('镜头', 'product', 'positive')]
    """
    return [item for item in _parse_items(cell) if item[0]]


def _parse_items(cell: object) -> list[tuple[str, str, str | None]]:
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return []
    items: list[tuple[str, str, str | None]] = []
    for item in _SEPARATORS.split(_PAIR_SPACES.sub(":", str(cell).strip())):
        if not item:
            continue
        found = _TERM.search(item)
        term = found.group(1).strip() if found else ""
        if found:
            item = item[:found.start()] + item[found.end():]
        name, value = ([*_PAIR.split(item, maxsplit=1), ""])[:2]
        key = name.lower()
        dimension = key if key in DIMENSION_KEYS else DIMENSION_ALIASES.get(name)
        if dimension is None:
            raise ValueError(f"unknown dimension {name!r} (use {', '.join(DIMENSION_KEYS)} "
                             "or 价格 物流 服务 …)")
        polarity = None
        if value:
            polarity = _POLARITY.get(value.lower())
            if polarity is None:
                raise ValueError(f"unknown polarity {value!r} in {item!r} "
                                 "(use positive/negative/neutral or 正面/负面/中性)")
        items.append((term, dimension, polarity))
    return items


def gold_table(comment_ids: Iterable[object], cells: Iterable[object], *,
               where: str = "labels") -> pd.DataFrame:
    """Gold cells → one row per (comment_id, dimension) with ``polarity`` (None when unlabelled).

    A dimension listed twice in one cell keeps its first polarity. ``where`` names the column
    (or file) in error messages, with the 1-based row.
    """
    rows, seen = [], set()
    for n, (cid, cell) in enumerate(zip(comment_ids, cells), start=1):
        try:
            pairs = parse_labels(cell)
        except ValueError as exc:
            raise InputError(f"{where}, row {n} (id {cid}): {exc}") from None
        for dimension, polarity in pairs:
            if (str(cid), dimension) not in seen:
                seen.add((str(cid), dimension))
                rows.append((str(cid), dimension, polarity))
    return pd.DataFrame(rows, columns=GOLD_COLUMNS)


def predicted_table(result) -> pd.DataFrame:
    """A :class:`~manyi.pipeline.Result`'s (comment_id, dimension, polarity) pairs, ``overall``
    included: the same assignment as ``comments.dimensions``."""
    from manyi.analysis.index import comment_dimension_polarity

    table = comment_dimension_polarity(result.comments, result.mentions, include_overall=True)
    return table[GOLD_COLUMNS].reset_index(drop=True)


@dataclass
class DimensionScores:
    """Scores of predicted against gold (comment, dimension) pairs."""

    # per dimension: gold found hits precision recall f1 polarity_n polarity_accuracy
    table: pd.DataFrame
    micro_f1: float
    macro_f1: float
    polarity_accuracy: float     # over all pairs found and gold-labelled with a polarity
    polarity_n: int
    comments: int
    dimensions: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: ``micro-F1 0.812  macro-F1 0.790  polarity 0.93 (n=950)``."""
        return (f"{self.comments} comments: micro-F1 {self.micro_f1:.3f}  macro-F1 "
                f"{self.macro_f1:.3f}  polarity accuracy {self.polarity_accuracy:.3f} "
                f"(n={self.polarity_n})")


def score_dimensions(predicted: pd.DataFrame, gold: pd.DataFrame, *,
                     dimensions: Sequence[str] | None = None,
                     comment_ids: Iterable[object] | None = None) -> DimensionScores:
    """Per-dimension P/R/F1, micro/macro F1 and polarity accuracy.

    ``predicted`` and ``gold`` have ``comment_id, dimension, polarity``. Only ``dimensions``
    are compared (default: those in the gold table); only ``comment_ids`` when given (default:
    every id in either table — pass the labelled ids so that unlabelled comments do not count).

    >>> gold = pd.DataFrame([("1", "price", "negative"), ("2", "logistics", "positive")],
    ...                     columns=GOLD_COLUMNS)
    >>> pred = pd.DataFrame([("1", "price", "negative"), ("1", "product", "positive")],
    ...                     columns=GOLD_COLUMNS)
    >>> s = score_dimensions(pred, gold, dimensions=["price", "logistics", "product"])
    >>> round(s.micro_f1, 3), s.polarity_accuracy
    (0.5, 1.0)
    """
    dims = list(dimensions) if dimensions is not None else sorted(
        set(gold["dimension"]), key=_dimension_order)
    ids = ({str(c) for c in comment_ids} if comment_ids is not None
           else set(gold["comment_id"].astype(str)) | set(predicted["comment_id"].astype(str)))
    pred = _restrict(predicted, dims, ids)
    gold = _restrict(gold, dims, ids)
    merged = pred.merge(gold, on=["comment_id", "dimension"], suffixes=("_pred", "_gold"))
    rated = merged[merged["polarity_gold"].notna()]
    rows = []
    for dim in dims:
        n_gold = int((gold["dimension"] == dim).sum())
        n_found = int((pred["dimension"] == dim).sum())
        hits = int((merged["dimension"] == dim).sum())
        part = rated[rated["dimension"] == dim]
        rows.append({"dimension": dim, "gold": n_gold, "found": n_found, "hits": hits,
                     "precision": hits / n_found if n_found else math.nan,
                     "recall": hits / n_gold if n_gold else math.nan,
                     "f1": 2 * hits / (n_found + n_gold) if n_found + n_gold else math.nan,
                     "polarity_n": len(part),
                     "polarity_accuracy": _accuracy(part)})
    table = pd.DataFrame(rows, columns=["dimension", "gold", "found", "hits", "precision",
                                        "recall", "f1", "polarity_n", "polarity_accuracy"])
    total = len(pred) + len(gold)
    return DimensionScores(table=table, micro_f1=2 * len(merged) / total if total else math.nan,
                           macro_f1=float(table["f1"].mean()) if len(table) else math.nan,
                           polarity_accuracy=_accuracy(rated), polarity_n=len(rated),
                           comments=len(ids), dimensions=dims)


def dimension_misses(predicted: pd.DataFrame, gold: pd.DataFrame, texts: pd.Series, *,
                     dimensions: Sequence[str] | None = None, examples: int = 5,
                     width: int = 60) -> pd.DataFrame:
    """Most frequent misses: ``kind`` (missed = gold not found, extra = found not gold),
    ``dimension``, ``count`` and up to ``examples`` comment texts (``texts`` is indexed by
    comment_id), cut to ``width`` characters."""
    dims = list(dimensions) if dimensions is not None else sorted(
        set(gold["dimension"]), key=_dimension_order)
    ids = set(texts.index.astype(str))
    pred_pairs = set(_pairs(_restrict(predicted, dims, ids)))
    gold_pairs = set(_pairs(_restrict(gold, dims, ids)))
    lookup = {str(k): v for k, v in texts.items()}
    rows = []
    for kind, pairs in (("missed", gold_pairs - pred_pairs), ("extra", pred_pairs - gold_pairs)):
        for dim in dims:
            chosen = sorted((c for c, d in pairs if d == dim), key=_id_order)
            if chosen:
                rows.append({"kind": kind, "dimension": dim, "count": len(chosen),
                             "examples": [str(lookup[c])[:width] for c in chosen[:examples]]})
    frame = pd.DataFrame(rows, columns=["kind", "dimension", "count", "examples"])
    return frame.sort_values(["kind", "count"], ascending=[False, False],
                             kind="stable").reset_index(drop=True)


@dataclass
class TermScores:
    """Aspect terms named in the labels: found (a mention's term contains the gold term or
    lies inside it), filed under the labelled dimension, and with the labelled polarity."""

    terms: int
    found: int
    filed: int
    polarity_n: int
    polarity_ok: int

    @property
    def recall(self) -> float:
        return self.found / self.terms if self.terms else float("nan")

    @property
    def filing(self) -> float:
        return self.filed / self.found if self.found else float("nan")

    @property
    def polarity_accuracy(self) -> float:
        return self.polarity_ok / self.polarity_n if self.polarity_n else float("nan")

    def summary(self) -> str:
        """One line: ``aspect terms: recall 0.80 (n=100), filing 0.95, polarity 0.90``."""
        return (f"aspect terms: recall {self.recall:.3f} ({self.found} of {self.terms}), "
                f"filing {self.filing:.3f}, polarity {self.polarity_accuracy:.3f} "
                f"(n={self.polarity_n}, neutral counted wrong)")


def match_term(gold: str, terms: Sequence[str]) -> int | None:
    """Index of the term that finds ``gold``: the same word, else one containing it, else the
    longest inside it; None when none does (empty terms never match).

    >>> match_term("待机时间", ["屏幕", "待机"]), match_term("镜头", ["镜头质量"])
    (1, 0)
    """
    best, rank = None, 3
    for i, term in enumerate(terms):
        if not term:
            continue
        r = 0 if term == gold else 1 if gold in term else 2 if term in gold else 3
        if r < rank or (r == rank == 2 and len(term) > len(terms[best])):
            best, rank = i, r
    return best


def score_terms(mentions: pd.DataFrame, gold: pd.DataFrame) -> TermScores:
    """Score a mentions table against gold (comment_id, term, dimension, polarity) rows."""
    by_id = {str(cid): part for cid, part in mentions.groupby(mentions["comment_id"]
                                                               .astype(str))}
    found = filed = pol_n = pol_ok = 0
    for row in gold.itertuples(index=False):
        part = by_id.get(str(row.comment_id))
        if part is None:
            continue
        terms = [t if isinstance(t, str) else "" for t in part["term"]]
        hit = match_term(row.term, terms)
        if hit is None:
            continue
        found += 1
        filed += part["dimension"].iloc[hit] == row.dimension
        if row.polarity in ("positive", "negative"):
            pol_n += 1
            pol_ok += part["polarity"].iloc[hit] == row.polarity
    return TermScores(len(gold), found, filed, pol_n, pol_ok)


@dataclass
class DimensionEvaluation:
    """What :func:`evaluate_dimensions` returns: the scores, both tables and the texts."""

    scores: DimensionScores
    predicted: pd.DataFrame
    gold: pd.DataFrame
    texts: pd.Series
    result: object = field(repr=False, default=None)
    terms: TermScores | None = None  # when the labels name aspect terms: product(镜头)

    def misses(self, examples: int = 5) -> pd.DataFrame:
        """See :func:`dimension_misses`."""
        return dimension_misses(self.predicted, self.gold, self.texts,
                                dimensions=self.scores.dimensions, examples=examples)


def evaluate_dimensions(source, *, labels_col: str, text_col: str | None = None,
                        id_col: str | None = None, encoding: str | None = None,
                        sheet: str | None = None, domain: str = "ecommerce",
                        lexicon: Sequence[str | Path] = (),
                        dimensions: Sequence[str] | None = None,
                        progress: bool | None = False) -> DimensionEvaluation:
    """Run :func:`manyi.analyze` on a labelled dump and score its dimensions against
    ``labels_col`` (format in the module docstring).

    Every row with text is scored, including rows whose label cell is empty (gold: no
    dimension). ``dimensions`` limits the comparison (default: those named in the labels).
    """
    from manyi.io.read import read_comments
    from manyi.pipeline import analyze

    if dimensions is not None:
        unknown = [d for d in dimensions if d not in DIMENSION_KEYS]
        if unknown:
            raise InputError(f"unknown dimension(s) {', '.join(unknown)}; use "
                             + ", ".join(DIMENSION_KEYS))
    # Read and check the labels before the (slow) analysis, so a bad cell fails at once.
    frame, meta = read_comments(source, text_col=text_col, id_col=id_col, encoding=encoding,
                                sheet=sheet)
    column = meta.renamed.get(labels_col, labels_col)
    if column not in frame.columns or column == "comment_id":
        original = {new: old for old, new in meta.renamed.items()}
        shown = [original.get(c, c) for c in frame.columns if c != "comment_id"]
        raise InputError(f"{meta.source}: no labels column {labels_col!r}; columns are: "
                         + ", ".join(map(str, shown)))
    ids = frame["comment_id"].astype(str)
    gold = gold_table(ids, frame[column], where=f"{meta.source}: column {labels_col!r}")
    if gold.empty and dimensions is None:
        raise InputError(f"{meta.source}: column {labels_col!r} has no labels; write cells "
                         "such as price:negative;logistics:positive")
    result = analyze(source, text_col=text_col, id_col=id_col, encoding=encoding, sheet=sheet,
                     domain=domain, lexicon=lexicon, progress=progress)
    comments = result.comments
    predicted = predicted_table(result)
    scores = score_dimensions(predicted, gold, dimensions=dimensions, comment_ids=ids)
    texts = pd.Series(comments["text"].astype(str).to_numpy(), index=ids.to_numpy())
    texts = texts[~texts.index.duplicated()]
    named = [(cid, *item) for cid, cell in zip(ids, frame[column])
             for item in parse_terms(cell)]
    terms = score_terms(result.mentions, pd.DataFrame(
        named, columns=["comment_id", "term", "dimension", "polarity"])) if named else None
    return DimensionEvaluation(scores, predicted, gold, texts, result, terms)


def _restrict(frame: pd.DataFrame, dims: Sequence[str], ids: set[str]) -> pd.DataFrame:
    frame = frame.assign(comment_id=frame["comment_id"].astype(str))
    frame = frame[frame["dimension"].isin(dims) & frame["comment_id"].isin(ids)]
    return frame.drop_duplicates(["comment_id", "dimension"])


def _pairs(frame: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(frame["comment_id"], frame["dimension"]))


def _accuracy(part: pd.DataFrame) -> float:
    if part.empty:
        return math.nan
    return float((part["polarity_pred"] == part["polarity_gold"]).mean())


def _dimension_order(dimension: str) -> tuple[int, str]:
    return (DIMENSION_KEYS.index(dimension) if dimension in DIMENSION_KEYS else 99, dimension)


def _id_order(comment_id: str) -> tuple[int, int | str]:
    return (0, int(comment_id)) if comment_id.isdigit() else (1, comment_id)
