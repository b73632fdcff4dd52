"""analyze(): reader → normaliser → segmenter → factors → sentiment → dimension tables.

One chain (:mod:`manyi.chain`) with two sinks: :func:`analyze` keeps the tables in memory as
a :class:`Result`; :func:`manyi.stream.analyze_to_dir` (``manyi analyze``) streams them to
files. Both write the same bytes (:meth:`Result.to_dir` and :func:`write_tables`). A folder
either wrote is read back with :meth:`Result.from_dir`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from manyi import chain, engine
from manyi.analysis.labels import lexicon_labels
from manyi.analysis.tables import (  # noqa: F401
    dimension_counts,
    dimension_labels,
    dimension_table,
    dimension_table_from_counts,
    run_meta,
)
from manyi.annotate.annotator import (  # noqa: F401  (re-exported: the pipeline's names of old)
    MENTION_COLUMNS,
    Annotator,
    Settings,
    _gc_paused,
    mention_polarity,
)
from manyi.annotate.flags import ANALYSABLE_FLAGS, FLAG_REASONS, REPEATED  # noqa: F401
from manyi.annotate.prepass import with_learned
from manyi.annotate.sentiment.model import SentimentModel
from manyi.errors import InputError
from manyi.io.saved import read_result
from manyi.io.write import OUTPUT_FILES, atomic_dir, safe_child, write_csv
from manyi.text.lexicon import Lexicon


# -- the whole run -------------------------------------------------------------------------
def analyze(source, *, text_col: str | None = None, id_col: str | None = None,
            encoding: str | None = None, sheet: str | int | None = None,
            domain: str | None = "auto", lexicon: Sequence[str | Path] = (),
            segmenter: str = "rjieba", model: SentimentModel | str | Path | None = None,
            jobs: int | None = None, scheduler: str | None = None,
            progress: bool | None = None, aspect_scorer: bool = True) -> Result:
    """Analyse a comment dump (path, DataFrame or list of strings) into a :class:`Result`.

    ``model``: a :class:`~manyi.annotate.sentiment.model.SentimentModel` or the path of one
    written by
    ``manyi train`` (the shipped model if omitted). ``jobs`` worker processes on this machine
    (None or 0, the default: all cores; inputs of up to
    :data:`~manyi.engine.INLINE_ROWS` rows run in this process), or ``scheduler``, the
    address of a Dask scheduler (``tcp://host:8786``) to run the per-comment work on its
    workers partition by partition; the tables are the same either way. ``aspect_scorer``:
    False leaves out the learned scorer of unlisted aspects (the rules alone, a little faster).

    >>> r = analyze(["物流很快，但是包装破了", "此用户没有填写评价"])
    >>> r.comments[["comment_id", "flag", "dimensions"]].values.tolist()
    [['1', '', 'logistics;product'], ['2', 'placeholder', '']]
    """
    run = chain.start(source, text_col=text_col, id_col=id_col, encoding=encoding,
                      sheet=sheet, domain=domain, lexicon=lexicon, segmenter=segmenter,
                      model=model, jobs=jobs, chunk_rows=None, aspect_scorer=aspect_scorer)
    frame = pd.concat(list(run.frames), ignore_index=True)
    text_col = run.meta.text_col
    work = frame[["comment_id", text_col] + ([REPEATED] if REPEATED in frame else [])]
    if scheduler:
        annotations, mentions = engine.annotate_on_cluster(work, text_col, run.settings,
                                                           scheduler)
    else:
        [(_, parts)] = chain.pieces(run, engine.annotate_piece, iter([work]),
                                    progress=progress, total=len(frame))
        annotations, mentions = engine.concat_parts(parts)
    comments = pd.concat([frame.drop(columns=[REPEATED], errors="ignore"), annotations],
                         axis=1)
    dimensions = dimension_table(mentions, comments, dimension_labels(run.annotator.lexicon))
    ok = comments["flag"].isin(ANALYSABLE_FLAGS)
    # counted in reading order, as the file sink counts them chunk by chunk
    info = run_meta(run.meta, run.settings, flags=Counter(comments["flag"].tolist()),
                    sentiment=Counter(comments.loc[ok, "sentiment"].tolist()),
                    duplicate_ids=run.repeats.ids if run.repeats is not None else set(),
                    domain_guess=run.domain_guess)
    return Result(comments=comments, mentions=mentions, dimensions=dimensions, meta=info,
                  annotator=run.annotator)


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
    annotator: Annotator | None = field(default=None, repr=False, compare=False)
    # the workbook's long sheets read from a folder chunk by chunk (report.folder_sheets)
    sheets: dict | None = field(default=None, repr=False, compare=False)
    # the report's evidence comments picked from a folder block by block (report.quotes)
    quotes: dict | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_dir(cls, path: str | Path, *, text: bool = True,
                 columns: Collection[str] | None = None) -> Result:
        """The Result of a folder ``manyi analyze`` (or :meth:`to_dir`) wrote, read back
        without analysing again: comments.csv, mentions.csv, meta.json (and rejects.csv),
        with the column types of the run, so every figure equals the original's.
        ``text=False``: without the texts (comment, clause), for tables that need none;
        ``columns``: only these comment columns and no mentions (for topics)."""
        comments, mentions, dimensions, meta = read_result(path, text=text, columns=columns)
        return cls(comments=comments, mentions=mentions, dimensions=dimensions, meta=meta)

    @property
    def settings(self) -> Settings:
        """The settings of the run (from meta.json for a Result read back)."""
        if self.annotator is not None:
            return self.annotator.settings
        return Settings(self.meta.get("domain"), tuple(self.meta.get("lexicon", ())),
                        self.meta.get("segmenter", "rjieba"), self.meta.get("model"),
                        tuple(map(tuple, self.meta.get("learned_aspects", ()))),
                        bool(self.meta.get("aspect_scorer", True)))

    def _annotator(self) -> Annotator:
        """The run's annotator (lexicon, segmenter, model), built again for a Result read
        back."""
        if self.annotator is None:
            self.annotator = engine.annotator_for(self.settings)
        return self.annotator

    @cached_property
    def labels(self) -> dict[str, str]:
        """Key → label of every dimension and factor (``logistics/speed`` → 配送速度) from
        the run's lexicon, user packs included: the labels every table of the run shows."""
        return lexicon_labels(self._lexicon())

    def _lexicon(self) -> Lexicon:
        """The run's lexicon: its annotator's, or for a Result read back the lexicon alone
        with its grouped learned words (no segmenter or sentiment model built for it)."""
        if self.annotator is not None:
            return self.annotator.lexicon
        settings = self.settings
        return with_learned(Lexicon.load(settings.domain, settings.lexicon_paths),
                            settings.aspects)

    # -- drivers, graph, index (drivers.py, graph.py, index.py, ipa.py) -----------------
    @cached_property
    def drivers(self) -> pd.DataFrame:
        """What to fix first: per factor and dimension, the impact of its complaints with
        interval and test, then the praise side (see manyi.analysis.impact)."""
        from manyi.analysis.drivers import drivers

        return drivers(self.comments, self.mentions, labels=self.labels,
                       complaint=self.complaint_rule())

    @cached_property
    def graphs(self) -> dict:
        """Co-occurrence graphs of factors: ``{"all": …, "complaints": …}`` (networkx)."""
        from manyi.analysis.graph import complaint_graphs

        return complaint_graphs(self.comments, self.mentions, labels=self.labels,
                                complaint=self.complaint_rule())

    @property
    def graph(self):
        """The complaint co-occurrence graph."""
        return self.graphs["complaints"]

    @cached_property
    def index(self) -> pd.DataFrame:
        """Satisfaction per dimension (0–100), the default weights (``weighting`` column),
        and the overall index row."""
        from manyi.analysis.index import satisfaction_index

        return satisfaction_index(self.comments, self.mentions, labels=self.labels)

    @cached_property
    def ipa(self) -> pd.DataFrame:
        """Importance–performance table: importance from the rating column when there is
        one (key drivers), else the complaint impact of each dimension (see manyi.analysis.ipa)."""
        from manyi.analysis.index import index_value
        from manyi.analysis.ipa import ipa_of

        return ipa_of(self.comments, self.mentions, key_drivers=self.key_drivers,
                      drivers=self.drivers, labels=self.labels, index=index_value(self.index))

    @cached_property
    def trends(self) -> pd.DataFrame | None:
        """Per month: the dimension figures and complaint rates (None without a time column)."""
        from manyi.analysis.index import profile_trends

        found = self._trend_profiles
        return None if found is None else profile_trends(found, labels=self.labels)

    @cached_property
    def factor_trends(self) -> pd.DataFrame | None:
        """Per month and factor: comments naming it, complaints naming it negatively and
        their rates (None without a time column; see manyi.analysis.index)."""
        from manyi.analysis.index import profile_factor_trends

        found = self._trend_profiles
        return None if found is None else profile_factor_trends(found, labels=self.labels)

    @cached_property
    def _trend_profiles(self):
        from manyi.analysis.index import trend_profiles

        time_col = self.meta.get("time_col")
        return trend_profiles(self.comments, self.mentions, time_col=time_col,
                              freq=self.meta.get("freq", "M"),
                              complaint=self.complaint_rule()) if time_col else None

    @cached_property
    def key_drivers(self) -> pd.DataFrame | None:
        """With a rating column: each dimension's importance for the rating (negative / not
        mentioned / positive), interval, penalty, reward, R², scale (manyi.analysis.keydrivers)."""
        from manyi.analysis.keydrivers import rating_drivers

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
        (``{"index", "differences", "drivers"}``, see manyi.analysis.segments)."""
        from manyi.analysis.segments import group_columns, segments, with_period

        time_col = self.meta.get("time_col")
        columns = group_columns(self.comments, self.meta, time_col)
        return segments(with_period(self.comments, time_col, self.meta.get("freq", "M")),
                        self.mentions,
                        group_cols=columns, labels=self.labels,
                        complaint=self.complaint_rule())

    @cached_property
    def alerts(self) -> pd.DataFrame | None:
        """Dimensions and factors whose complaints rose significantly against the month
        before or the earlier months pooled (see manyi.analysis.index.alerts)."""
        from manyi.analysis.index import alerts

        return alerts(self.trends, self.factor_trends) if self.trends is not None else None

    def complaint_rule(self):
        """The complaints every table of the run counts: None (negative overall, or negative
        about a factor) or, with ``meta["complaint_max_rating"]`` (``manyi report
        --complaint-max-rating``), the comments rated so or lower on ``meta["rating_col"]``."""
        from manyi.analysis.rows import rated_complaints

        most = self.meta.get("complaint_max_rating")
        return None if most is None else rated_complaints(self.comments,
                                                          self.meta["rating_col"], most)

    def _rating_col(self) -> str | None:
        column = self.meta.get("rating_col")
        if column is None:
            return None
        numeric = pd.to_numeric(self.comments[column], errors="coerce")
        return column if numeric.notna().mean() > 0.5 else None

    # -- topics (analysis/topics/) ---------------------------------------------------------
    def fit_topics(self, *, texts=None, examples=None, assigned=None,
                   **options) -> pd.DataFrame:
        """Fit a gensim topic model on the analysed comments; sets ``topics``.

        Options go to :class:`manyi.analysis.topics.model.TopicModel` (``k=None`` chooses K by
        held-out
        likelihood).
        Comments get ``topic`` and ``topic_probability`` columns (-1 / NaN where flagged).
        ``texts``: the analysable comments' texts, when the table holds none (an iterator
        read once), with ``examples`` (see :meth:`TopicModel.fit`). ``assigned``: given the
        analysable comments' topics block by block, in order, instead of those columns.
        """
        from manyi.analysis.topics.model import TopicModel

        ok = self.comments["flag"].isin(ANALYSABLE_FLAGS).to_numpy()
        if texts is None:
            texts = self.comments.loc[ok, "text"].tolist()
        model = TopicModel(lexicon=self._lexicon(), **options)
        sentiment = analysable_values(self.comments, ok, "sentiment")
        model.fit(texts, examples=examples, sentiment=sentiment, assigned=assigned)
        if assigned is None:
            assigned_rows = model.document_topics_  # read here, not copied
            self.comments["topic"] = -1
            self.comments["topic_probability"] = np.nan
            self.comments.loc[ok, "topic"] = assigned_rows["topic"].to_numpy()
            self.comments.loc[ok, "topic_probability"] = \
                assigned_rows["topic_probability"].to_numpy()
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
        """A self-contained HTML report, an Excel workbook and a JSON summary (see
        ``manyi.report.render``)."""
        from manyi.report.render import write_report

        return write_report(self, path, formats=formats)

    def to_excel(self, path: str | Path) -> Path:
        """One sheet per table, frozen header, filters, percentages formatted."""
        from manyi.report.render import write_excel

        return write_excel(self, path)

    def explain(self, comment_id: str, top: int = 8) -> pd.DataFrame:
        """The features behind one comment's sentiment score, strongest first."""
        row = self.comments.loc[self.comments["comment_id"] == str(comment_id)]
        if row.empty:
            raise KeyError(f"no comment with id {comment_id!r}")
        text = row["text"].iloc[0]
        pairs = self._annotator().model.explain(text, top=top)
        return pd.DataFrame(pairs, columns=["feature", "contribution"])


def analysable_values(comments: pd.DataFrame, ok: np.ndarray, column: str,
                      rows: int = 100_000):
    """The column's values of the ``ok`` rows, in order, read ``rows`` at a time (no copy of
    the column)."""
    for start in range(0, len(comments), rows):
        part = comments[column].iloc[start:start + rows]
        yield from part[ok[start:start + rows]].tolist()
