"""analyze(): reader → normaliser → segmenter → factors → sentiment → dimension tables.

The per-comment work lives in :class:`Annotator`, built once per process and applied to
chunks of rows, so one process, a process pool and Dask partitions all run the same code.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import os
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from . import engine, sentiment
from .errors import InputError
from .factors import FactorExtractor
from .graph import ANALYSABLE_FLAGS
from .index import comment_dimension_polarity, satisfaction_score
from .io import InputMeta, read_comments
from .labels import lexicon_labels
from .lexicon import Lexicon
from .normalize import normalize_text, opinion_core
from .outputs import OUTPUT_FILES, atomic_dir, safe_child, write_csv
from .segment import Segmenter

FLAG_REASONS = {
    "empty": "no text in the cell",
    "not_text": "a number, or punctuation with no words or emoji",
    "undecodable": "bytes that fit no encoding (shown as U+FFFD) in much of the text",
    "partly_undecodable": "a few bytes that fit no encoding (U+FFFD; the rest is analysed)",
    "placeholder": "a no-opinion placeholder such as 此用户没有填写评价",
    "duplicate_id": "the id appears on more than one row (the row is still analysed)",
}
MENTION_COLUMNS = ["comment_id", "row", "clause_id", "clause", "dimension", "factor", "term",
                   "opinion", "negated", "degree", "implicit", "polarity", "score", "start", "end"]

@dataclass(frozen=True)
class Settings:
    """What decides the per-comment results; equal settings give equal results."""

    domain: str | None = "ecommerce"
    lexicon_paths: tuple[str, ...] = ()
    segmenter: str = "rjieba"


class Annotator:
    """Lexicon, segmenter, factor extractor and sentiment model, loaded once per process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lexicon = Lexicon.load(settings.domain, settings.lexicon_paths)
        self.segmenter = Segmenter(self.lexicon, backend=settings.segmenter)
        self.extractor = FactorExtractor(self.lexicon)
        self.model = sentiment.default_model()

    def annotate(self, ids: Sequence[str], values: Sequence[object], first_row: int = 0
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Annotation columns (one row per value, same order) and the mentions of a chunk.

        ``first_row`` is the chunk's position in the whole input: mentions carry ``row``, the
        position of their comment, which stays unique where user ids repeat.
        """
        with _gc_paused():
            return self._annotate(ids, values, first_row)

    def _annotate(self, ids: Sequence[str], values: Sequence[object], first_row: int
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
        texts, flags = [], []
        for value in values:
            text, flag = self.prepare(value)
            texts.append(text)
            flags.append(flag)
        ok = [i for i, flag in enumerate(flags) if flag in ANALYSABLE_FLAGS]
        tokens = [self.segmenter.cut(texts[i]) for i in ok]
        found = [self.extractor.analyse(texts[i], toks) for i, toks in zip(ok, tokens)]
        proba, clause_rows = self._score([texts[i] for i in ok], tokens, found)
        labels = sentiment.proba_labels(proba).tolist()
        scores = (proba[:, 2] - proba[:, 0]).tolist()

        records = []
        for n, (i, (mentions, _)) in enumerate(zip(ok, found)):
            if not mentions:
                if labels[n] != "neutral":  # an opinion with no factor named: 看着还可以
                    records.append((ids[i], first_row + i, 0, texts[i], "overall", "overall",
                                    "", "", False, 1.0, True, labels[n], round(scores[n], 4),
                                    0, len(texts[i])))
                continue
            at = clause_rows[n]
            # in text order within the comment
            for m in sorted(mentions, key=_clause_and_start):
                score, polarity = mention_polarity(m.lexicon_score, scores[at[m.clause_id]],
                                                   labels[at[m.clause_id]])
                records.append((ids[i], first_row + i, m.clause_id, m.clause, m.dimension,
                                m.factor, m.term, m.opinion, m.negated, round(m.degree, 3),
                                m.implicit, polarity, round(score, 4), m.start, m.end))
        mentions = pd.DataFrame.from_records(records, columns=MENTION_COLUMNS) if records \
            else pd.DataFrame(columns=MENTION_COLUMNS)

        out = pd.DataFrame({"text": texts, "flag": flags})
        n_ok, analysed = len(ok), np.asarray(ok, dtype=np.intp)
        for column, values in (("sentiment", labels[:n_ok]), ("sentiment_score", scores[:n_ok]),
                               ("p_positive", proba[:n_ok, 2]), ("p_neutral", proba[:n_ok, 1]),
                               ("p_negative", proba[:n_ok, 0])):
            filled = np.full(len(texts), "", dtype=object) if column == "sentiment" \
                else np.full(len(texts), np.nan)
            filled[analysed] = values
            out[column] = pd.Series(filled, dtype=filled.dtype)  # object stays object
        dims = _dimensions_of((r[1], r[3], r[4], r[7], r[11]) for r in records)
        rows_here = range(first_row, first_row + len(ids))
        out["dimensions"] = [dims.get(row, "") for row in rows_here]
        counts = Counter(record[1] for record in records)
        out["n_mentions"] = [counts.get(row, 0) for row in rows_here]
        return out, mentions

    def _score(self, texts: list[str], tokens: list[list[str]], found: list
               ) -> tuple[np.ndarray, list[dict[int, int]]]:
        """Probabilities of the comments, then of their clauses that hold a mention, in one
        model batch (a clause is scored alone, from the look-ups of its comment), and the
        row of each comment's clauses, by clause id. A clause that is its whole comment
        takes the comment's row."""
        spans: list[tuple[int, int, int, int, int]] = []
        rows = []
        for n, (text, (_, clauses)) in enumerate(zip(texts, found)):
            at = {}
            for clause_id, span in clauses.items():
                if span.end - span.start == len(text):
                    at[clause_id] = n
                else:
                    at[clause_id] = len(texts) + len(spans)
                    spans.append((n, *span))
            rows.append(at)
        return self.model.predict_proba(texts, tokens, spans), rows

    def prepare(self, value: object) -> tuple[str, str]:
        """Normalised text and a flag (the row is analysed when it is "" or
        ``partly_undecodable``)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "", "empty"
        if not isinstance(value, str):
            return str(value), "not_text"
        text = normalize_text(value)
        core = opinion_core(text)
        if not text:
            return text, "empty"
        # One lost character (an emoji a GBK export could not hold) leaves the comment
        # readable; text that is largely U+FFFD is not.
        lost = text.count("\ufffd")
        if lost and 2 * lost >= len(core):
            return text, "undecodable"
        if not core:  # only punctuation and symbols: emoji alone (👍👍👍) still say something
            has_emoji = any(unicodedata.category(ch) == "So" for ch in text)
            return (text, "") if has_emoji else (text, "not_text")
        if core.replace(".", "").isdigit():
            return text, "not_text"
        if self.lexicon.is_placeholder(core):
            return text, "placeholder"
        return text, "partly_undecodable" if lost else ""

@contextlib.contextmanager
def _gc_paused():
    """The cyclic garbage collector off while a chunk is annotated. A chunk makes and drops
    a great many small objects, and every collection also walks the loaded lexicon, model
    and caches (some 10 % of the time); what the chunk leaves is collected afterwards.

    Only in the main thread (this process, a pool worker): the collector's switch is
    process-wide, and threads (Dask's default) would race on it."""
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def mention_polarity(lexicon_score: float, model_score: float, model_label: str
                     ) -> tuple[float, str]:
    """Polarity of a mention: lexicon opinion and clause model together.

    With an opinion word, the score is the lexicon score weighted 2:1 against the clause
    model's and the polarity its sign. Without one, the clause model decides alone,
    neutral included (物流三天到了 → neutral).
    """
    if lexicon_score:
        score = (2 * lexicon_score + model_score) / 3
        return score, "positive" if score > 0 else "negative" if score < 0 else "neutral"
    return model_score, model_label


# Dimensions that do not displace a comment's generic verdict (see comment_dimensions).
BESIDE_OVERALL = frozenset({"brand"})


def comment_dimensions(mentions: pd.DataFrame) -> dict[int, str]:
    """row → ";"-joined dimensions; ``overall`` only when no factor is named.

    A mention counts when it carries an opinion: an opinion word, or a clause the model
    finds positive or negative. A bare narrating mention (上午下单 → channel), or one in a
    clause that only wonders (不知道效果怎么样), stays in the mentions table as evidence but
    does not make the comment one about that dimension.
    Brand statements (正品, 一直用这个牌子, 还会回购) are trust and loyalty, the outcome of a
    purchase rather than a part of it: they sit beside a generic verdict instead of replacing
    it (很好用，还会回购 → ``brand;overall``).
    """
    if mentions.empty:
        return {}
    return _dimensions_of(zip(*(mentions[c].tolist() for c in DIMENSION_EVIDENCE)))


# What decides a comment's dimensions, in the order _dimensions_of takes it.
DIMENSION_EVIDENCE = ("row", "clause", "dimension", "opinion", "polarity")


def _dimensions_of(evidence) -> dict[int, str]:
    """:func:`comment_dimensions` of (row, clause, dimension, opinion, polarity) tuples."""
    from .factors import is_irrealis

    found: dict[int, set[str]] = {}
    for row, clause, dimension, opinion, polarity in evidence:
        if (opinion or polarity != "neutral") and (dimension == "overall"
                                                   or not is_irrealis(clause)):
            found.setdefault(row, set()).add(dimension)
    assigned = {}
    for row, dims in found.items():
        named = dims - {"overall"}
        if "overall" in dims and not named - BESIDE_OVERALL:
            named.add("overall")
        assigned[row] = ";".join(sorted(named)) or "overall"
    return assigned


def _clause_and_start(mention) -> tuple[int, int]:
    return mention.clause_id, mention.start


def dimension_counts(mentions: pd.DataFrame, comments: pd.DataFrame) -> pd.Series:
    """Comments per (dimension, polarity), the counts behind :func:`dimension_table`; the
    counts of separate chunks add up to those of the whole."""
    polarity = comment_dimension_polarity(comments, mentions, include_overall=True)
    return polarity.groupby(["dimension", "polarity"]).size()


def dimension_table(mentions: pd.DataFrame, comments: pd.DataFrame,
                    labels: dict[str, str]) -> pd.DataFrame:
    """Per dimension: comments, share, polarity shares, net sentiment, satisfaction 0–100."""
    analysable = int(comments["flag"].isin(ANALYSABLE_FLAGS).sum())
    return dimension_table_from_counts(dimension_counts(mentions, comments), analysable, labels)


def dimension_table_from_counts(counts: pd.Series, analysable: int, labels: dict[str, str]
                                ) -> pd.DataFrame:
    """The dimension table from (merged) :func:`dimension_counts` and analysable comments."""
    rows = []
    for dimension, label in labels.items():
        known = len(counts) and dimension in counts.index.get_level_values(0)
        part = counts.xs(dimension, level=0) if known else pd.Series(dtype=np.int64)
        n = int(part.sum())
        shares = {p: part.get(p, 0) / n if n else np.nan
                  for p in ("positive", "neutral", "negative")}
        rows.append({"dimension": dimension, "label": label, "comments": n,
                     "share": n / analysable if analysable else np.nan, **shares,
                     "net_sentiment": shares["positive"] - shares["negative"],
                     "satisfaction": satisfaction_score(shares["positive"], shares["neutral"],
                                                        shares["negative"])})
    table = pd.DataFrame(rows)
    return table.sort_values(["comments", "dimension"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


# -- the whole run -------------------------------------------------------------------------
def analyze(source, *, text_col: str | None = None, id_col: str | None = None,
            encoding: str | None = None, sheet: str | int | None = None,
            domain: str | None = "ecommerce", lexicon: Sequence[str | Path] = (),
            segmenter: str = "rjieba", jobs: int | None = 1, scheduler: str | None = None,
            progress: bool | None = None) -> Result:
    """Analyse a comment dump (path, DataFrame or list of strings) into a :class:`Result`.

    ``jobs`` worker processes on this machine (0 or None: all cores), or ``scheduler``, the
    address of a Dask scheduler (``tcp://host:8786``) to run the per-comment work on its
    workers partition by partition; the tables are the same either way.

    >>> r = analyze(["物流很快，但是包装破了", "此用户没有填写评价"])
    >>> r.comments[["comment_id", "flag", "dimensions"]].values.tolist()
    [['1', '', 'logistics;product'], ['2', 'placeholder', '']]
    """
    frame, meta = read_comments(source, text_col=text_col, id_col=id_col, encoding=encoding,
                                sheet=sheet)
    settings = Settings(domain, tuple(str(p) for p in lexicon), segmenter)
    workers = (os.cpu_count() or 1) if jobs in (None, 0) else jobs
    if scheduler:
        annotations, mentions = engine.annotate_on_cluster(frame, meta.text_col, settings,
                                                           scheduler)
    else:
        annotations, mentions = engine.annotate_frame(frame, meta.text_col, settings,
                                                      jobs=workers, progress=progress)
    duplicated = frame["comment_id"].duplicated(keep=False).to_numpy() & (
        annotations["flag"] == "").to_numpy()
    annotations.loc[duplicated, "flag"] = "duplicate_id"
    comments = pd.concat([frame, annotations], axis=1)
    dimensions = dimension_table(mentions, comments, dimension_labels(settings))
    ok = comments["flag"].isin(ANALYSABLE_FLAGS)
    info = run_meta(meta, settings, flags=comments["flag"].value_counts().to_dict(),
                    sentiment=comments.loc[ok, "sentiment"].value_counts().to_dict(),
                    duplicate_ids=set(frame["comment_id"][frame["comment_id"].duplicated()]))
    return Result(comments=comments, mentions=mentions, dimensions=dimensions, meta=info,
                  labels=run_labels(settings))


def run_labels(settings: Settings) -> dict[str, str]:
    """Key → label of every dimension and factor (``logistics/speed`` → 配送速度) from the
    lexicon of the run, user packs included: the labels every table of the run shows."""
    return lexicon_labels(Lexicon.load(settings.domain, settings.lexicon_paths))


def dimension_labels(settings: Settings) -> dict[str, str]:
    """Dimension → Chinese label, ``overall`` (整体) last."""
    labels = Lexicon.load(settings.domain, settings.lexicon_paths).dimension_labels
    return {**labels, "overall": "整体"}


def run_meta(meta: InputMeta, settings: Settings, *, flags: dict, sentiment: dict,
             duplicate_ids: set[str]) -> dict:
    """What meta.json says of a run: the reader's findings, settings, flag and sentiment
    counts (sentiment over analysable comments), repeated ids."""
    return {**meta.to_dict(), "domain": settings.domain, "lexicon": list(settings.lexicon_paths),
            "segmenter": settings.segmenter, "flags": {str(k): int(v) for k, v in flags.items()},
            "flag_reasons": FLAG_REASONS,
            "sentiment": {str(k): int(v) for k, v in sentiment.items()},
            "duplicate_ids": sorted(duplicate_ids)}


def write_tables(folder: Path, dimensions: pd.DataFrame, drivers: pd.DataFrame, meta: dict
                 ) -> None:
    """dimensions.csv, drivers.csv, meta.json and, when input rows were rejected, rejects.csv."""
    rejects = meta.get("rejects") or []
    info = {k: v for k, v in meta.items() if k != "rejects"}
    info["rejected"] = len(rejects)
    write_csv(dimensions, safe_child(folder, "dimensions.csv"))
    write_csv(drivers, safe_child(folder, "drivers.csv"))
    if rejects:
        write_csv(pd.DataFrame(rejects, columns=["line", "reason", "raw"]),
                  safe_child(folder, "rejects.csv"))
    safe_child(folder, "meta.json").write_text(
        json.dumps(info, ensure_ascii=False, indent=2, default=str), encoding="utf-8")


@dataclass
class Result:
    """Tables of one analysis, keyed by ``comment_id``; see docs/DESIGN.md for the columns.

    ``comments``, ``mentions`` and ``dimensions`` are made by :func:`analyze`; ``drivers``,
    ``graphs``/``graph``, ``index``, ``ipa``, ``trends`` and ``alerts`` are computed from them
    on first use; ``topics`` after :meth:`fit_topics`.
    """

    comments: pd.DataFrame
    mentions: pd.DataFrame
    dimensions: pd.DataFrame
    meta: dict = field(default_factory=dict)
    topics: pd.DataFrame | None = None
    topic_model: object | None = field(default=None, repr=False)
    labels: dict = field(default_factory=dict)  # key → label, from the run's lexicon

    # -- drivers, graph, index (drivers.py, graph.py, index.py, ipa.py) -----------------
    @cached_property
    def drivers(self) -> pd.DataFrame:
        """What to fix first: per factor and dimension, the impact of its complaints with
        interval and test, then the praise side (see manyi.impact)."""
        from .drivers import drivers

        return drivers(self.comments, self.mentions, labels=self.labels)

    @cached_property
    def graphs(self) -> dict:
        """Co-occurrence graphs of factors: ``{"all": …, "complaints": …}`` (networkx)."""
        from .graph import complaint_graphs

        return complaint_graphs(self.comments, self.mentions, labels=self.labels)

    @property
    def graph(self):
        """The complaint co-occurrence graph."""
        return self.graphs["complaints"]

    @cached_property
    def index(self) -> pd.DataFrame:
        """Satisfaction per dimension (0–100), the default weights (``weighting`` column),
        and the overall index row."""
        from .index import satisfaction_index

        return satisfaction_index(self.comments, self.mentions, labels=self.labels)

    @cached_property
    def ipa(self) -> pd.DataFrame:
        """Importance–performance table: importance from the rating column when there is
        one (key drivers), else the complaint impact of each dimension (see manyi.ipa)."""
        from .ipa import ipa_of

        return ipa_of(self.comments, self.mentions, key_drivers=self.key_drivers,
                      drivers=self.drivers, labels=self.labels)

    @cached_property
    def trends(self) -> pd.DataFrame | None:
        """Per month: the dimension figures and complaint rates (None without a time column)."""
        from .index import trends

        time_col = self.meta.get("time_col")
        return trends(self.comments, self.mentions, time_col=time_col,
                      labels=self.labels) if time_col else None

    @cached_property
    def key_drivers(self) -> pd.DataFrame | None:
        """With a rating column: each dimension's importance for the rating (negative / not
        mentioned / positive), interval, penalty, reward, R², scale (manyi.keydrivers)."""
        from .keydrivers import rating_drivers

        rating = self._rating_col()
        if rating is None:
            return None
        try:
            return rating_drivers(self.comments, self.mentions, rating=rating,
                                  labels=self.labels)
        except InputError:  # too few rated comments for the model
            return None

    @cached_property
    def segments(self) -> dict:
        """Per group column recognised (and ``period`` with a time column): the index, top
        drivers and which groups differ significantly from the rest on which dimension
        (``{"index", "differences", "drivers"}``, see manyi.segments)."""
        from .segments import group_columns, segments, with_period

        time_col = self.meta.get("time_col")
        columns = group_columns(self.comments, self.meta, time_col)
        return segments(with_period(self.comments, time_col), self.mentions,
                        group_cols=columns, labels=self.labels)

    @cached_property
    def alerts(self) -> pd.DataFrame | None:
        """Dimensions whose complaint rate rose significantly against the month before."""
        from .index import alerts

        return alerts(self.trends) if self.trends is not None else None

    def _rating_col(self) -> str | None:
        column = self.meta.get("rating_col")
        if column is None:
            return None
        numeric = pd.to_numeric(self.comments[column], errors="coerce")
        return column if numeric.notna().mean() > 0.5 else None

    # -- topics (topics.py) --------------------------------------------------------------
    def fit_topics(self, **options) -> pd.DataFrame:
        """Fit a gensim topic model on the analysed comments; sets ``topics``.

        Options go to :class:`manyi.topics.TopicModel` (``k=None`` chooses K by held-out
        likelihood).
        Comments get ``topic`` and ``topic_probability`` columns (-1 / NaN where flagged).
        """
        from .topics import TopicModel

        ok = self.comments["flag"].isin(ANALYSABLE_FLAGS)
        texts = self.comments.loc[ok, "text"].tolist()
        model = TopicModel(lexicon=Lexicon.load(self.meta.get("domain"),
                                                tuple(self.meta.get("lexicon", ()))), **options)
        assigned = model.fit_transform(texts,
                                       sentiment=self.comments.loc[ok, "sentiment"].tolist())
        self.comments["topic"] = -1
        self.comments["topic_probability"] = np.nan
        self.comments.loc[ok, "topic"] = assigned["topic"].to_numpy()
        self.comments.loc[ok, "topic_probability"] = assigned["topic_probability"].to_numpy()
        self.topic_model, self.topics = model, model.topic_info()
        return self.topics

    # -- files -----------------------------------------------------------------------------
    def to_dir(self, path: str | Path) -> Path:
        """Write comments.csv, mentions.csv, dimensions.csv, drivers.csv (UTF-8 with BOM),
        meta.json and, when input rows were rejected, rejects.csv (line, reason, raw).

        All or nothing: the files are written to a hidden sibling folder that then replaces
        ``path`` whole, so an interrupted run leaves the previous output complete.
        """
        out = Path(path)
        with atomic_dir(out, owned=OUTPUT_FILES) as staging:
            write_csv(self.comments, safe_child(staging, "comments.csv"))
            write_csv(self.mentions, safe_child(staging, "mentions.csv"))
            write_tables(staging, self.dimensions, self.drivers, self.meta)
        return out

    def report(self, path: str | Path, formats=("html", "xlsx", "json")) -> dict:
        """A self-contained HTML report, an Excel workbook and a JSON summary (see report.py)."""
        from .report import write_report

        return write_report(self, path, formats=formats)

    def to_excel(self, path: str | Path) -> Path:
        """One sheet per table, frozen header, filters, percentages formatted."""
        from .report import write_excel

        return write_excel(self, path)

    def explain(self, comment_id: str, top: int = 8) -> pd.DataFrame:
        """The features behind one comment's sentiment score, strongest first."""
        row = self.comments.loc[self.comments["comment_id"] == str(comment_id)]
        if row.empty:
            raise KeyError(f"no comment with id {comment_id!r}")
        text = row["text"].iloc[0]
        pairs = sentiment.default_model().explain(text, top=top)
        return pd.DataFrame(pairs, columns=["feature", "contribution"])
