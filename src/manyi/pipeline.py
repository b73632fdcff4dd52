"""analyze(): reader → normaliser → segmenter → factors → sentiment → dimension tables.

The per-comment work lives in :class:`Annotator`, built once per process and applied to
chunks of rows, so one process, a process pool and Dask partitions all run the same code.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import engine, sentiment
from .factors import FactorExtractor
from .index import satisfaction_score
from .io import InputMeta, atomic_path, read_comments, write_csv
from .lexicon import Lexicon
from .normalize import normalize_text, opinion_core
from .segment import Segmenter

FLAG_REASONS = {
    "empty": "no text in the cell",
    "not_text": "the cell holds a number or other non-text value",
    "undecodable": "bytes that fit no encoding (shown as U+FFFD)",
    "placeholder": "a no-opinion placeholder such as 此用户没有填写评价",
    "duplicate_id": "the id appears on more than one row (the row is still analysed)",
}
MENTION_COLUMNS = ["comment_id", "row", "clause_id", "clause", "dimension", "factor", "term", "opinion",
                   "negated", "degree", "implicit", "polarity", "score", "start", "end"]
ANNOTATION_COLUMNS = ["text", "flag", "sentiment", "sentiment_score", "p_positive", "p_neutral",
                      "p_negative", "dimensions", "n_mentions"]


@dataclass(frozen=True)
class Settings:
    """What decides the per-comment results; equal settings give equal results."""

    domain: str | None = "ecommerce"
    lexicon_paths: tuple[str, ...] = ()
    segmenter: str = "jieba"


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
        texts, flags = [], []
        for value in values:
            text, flag = self.prepare(value)
            texts.append(text)
            flags.append(flag)
        ok = [i for i, flag in enumerate(flags) if not flag]
        tokens = [self.segmenter.cut(texts[i]) for i in ok]
        scores = sentiment.score_frame([texts[i] for i in ok], tokens, model=self.model)

        rows, clause_texts, clause_tokens = [], [], []
        for i, toks in zip(ok, tokens):
            mentions, clauses = self.extractor.analyse(texts[i], toks)
            base = len(clause_texts)
            for c_text, c_tokens in clauses:
                clause_texts.append(c_text)
                clause_tokens.append(c_tokens)
            rows.extend((ids[i], first_row + i, base + m.clause_id, m) for m in mentions)
        mentions = self._score_mentions(rows, clause_texts, clause_tokens)

        out = pd.DataFrame({"text": texts, "flag": flags})
        for column in ("sentiment", "sentiment_score", "p_positive", "p_neutral", "p_negative"):
            filled = pd.Series([None if column == "sentiment" else np.nan] * len(texts),
                               dtype=object if column == "sentiment" else float)
            filled.iloc[ok] = scores[column].to_numpy()
            out[column] = filled.fillna("") if column == "sentiment" else filled
        dims = comment_dimensions(mentions)
        rows_here = range(first_row, first_row + len(ids))
        out["dimensions"] = [dims.get(row, "") for row in rows_here]
        counts = mentions["row"].value_counts() if len(mentions) else pd.Series(dtype=int)
        out["n_mentions"] = [int(counts.get(row, 0)) for row in rows_here]
        return out, mentions

    def prepare(self, value: object) -> tuple[str, str]:
        """Normalised text and a flag ("" when the row can be analysed)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "", "empty"
        if not isinstance(value, str):
            return str(value), "not_text"
        text = normalize_text(value)
        core = opinion_core(text)
        if not text:
            return text, "empty"
        if "\ufffd" in text:
            return text, "undecodable"
        if not core or core.isdigit() or (core.isascii() and not core.isalpha()
                                          and core.replace(".", "").isdigit()):
            return text, "not_text"
        if self.lexicon.is_placeholder(core):
            return text, "placeholder"
        return text, ""

    def _score_mentions(self, rows: list, clause_texts: list[str],
                        clause_tokens: list[list[str]]) -> pd.DataFrame:
        if not rows:
            return pd.DataFrame(columns=MENTION_COLUMNS)
        used = sorted({clause for _, _, clause, _ in rows})
        clause_scores = sentiment.score_frame([clause_texts[c] for c in used],
                                              [clause_tokens[c] for c in used], model=self.model)
        by_clause = dict(zip(used, zip(clause_scores["sentiment_score"],
                                       clause_scores["sentiment"])))
        records = []
        for comment_id, row, clause, m in rows:
            model_score, model_label = by_clause[clause]
            score, polarity = mention_polarity(m.lexicon_score, float(model_score), model_label)
            records.append((comment_id, row, m.clause_id, m.clause, m.dimension, m.factor, m.term,
                            m.opinion, m.negated, round(m.degree, 3), m.implicit, polarity,
                            round(score, 4), m.start, m.end))
        return pd.DataFrame.from_records(records, columns=MENTION_COLUMNS)


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


def comment_dimensions(mentions: pd.DataFrame) -> dict[int, str]:
    """row → ";"-joined dimensions; ``overall`` only when no factor is named."""
    if mentions.empty:
        return {}
    result = {}
    for row, dims in mentions.groupby("row", sort=False)["dimension"]:
        named = sorted(set(dims) - {"overall"})
        result[row] = ";".join(named) if named else "overall"
    return result


def dimension_polarity(mentions: pd.DataFrame, comments: pd.DataFrame) -> pd.DataFrame:
    """One row per (comment, dimension) it mentions with the comment's polarity on it.

    Polarity = sign of the summed scores of its non-neutral mentions in that dimension.
    Rows are keyed by ``row`` (position in ``comments``) and carry ``comment_id``.
    """
    if mentions.empty:
        return pd.DataFrame(columns=["row", "comment_id", "dimension", "score", "polarity"])
    keep = comments["dimensions"].reset_index(drop=True).str.split(";").explode()
    pairs = set(zip(keep.index, keep))
    frame = mentions[[(r, d) in pairs for r, d in zip(mentions["row"],
                                                        mentions["dimension"])]].copy()
    frame["signed"] = frame["score"].where(frame["polarity"] != "neutral", 0.0)
    grouped = frame.groupby(["row", "comment_id", "dimension"], sort=False)["signed"].sum()
    grouped = grouped.reset_index()
    grouped["polarity"] = np.select([grouped["signed"] > 0, grouped["signed"] < 0],
                                    ["positive", "negative"], "neutral")
    return grouped.rename(columns={"signed": "score"})


def dimension_table(mentions: pd.DataFrame, comments: pd.DataFrame,
                    labels: dict[str, str]) -> pd.DataFrame:
    """Per dimension: comments, share, polarity shares, net sentiment, satisfaction 0–100."""
    analysable = int((comments["flag"].isin(["", "duplicate_id"])).sum())
    polarity = dimension_polarity(mentions, comments)
    rows = []
    for dimension, label in labels.items():
        part = polarity[polarity["dimension"] == dimension]
        n = len(part)
        shares = {p: (part["polarity"] == p).mean() if n else np.nan
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
            segmenter: str = "jieba", jobs: int | None = 1,
            progress: bool | None = None) -> Result:
    """Analyse a comment dump (path, DataFrame or list of strings) into a :class:`Result`.

    >>> r = analyze(["物流很快，但是包装破了", "此用户没有填写评价"])
    >>> r.comments[["comment_id", "flag", "dimensions"]].values.tolist()
    [['1', '', 'logistics;product'], ['2', 'placeholder', '']]
    """
    frame, meta = read_comments(source, text_col=text_col, id_col=id_col, encoding=encoding,
                                sheet=sheet)
    settings = Settings(domain, tuple(str(p) for p in lexicon), segmenter)
    workers = (os.cpu_count() or 1) if jobs in (None, 0) else jobs
    annotations, mentions = engine.annotate_frame(frame, meta.text_col, settings,
                                                  jobs=workers, progress=progress)
    duplicated = frame["comment_id"].duplicated(keep=False).to_numpy() & (
        annotations["flag"] == "").to_numpy()
    annotations.loc[duplicated, "flag"] = "duplicate_id"
    comments = pd.concat([frame, annotations], axis=1)
    labels = Lexicon.load(domain, settings.lexicon_paths).dimension_labels
    labels = {**labels, "overall": "整体"}
    dimensions = dimension_table(mentions, comments, labels)
    info = {**meta.to_dict(), "domain": domain, "lexicon": list(settings.lexicon_paths),
            "segmenter": segmenter, "flags": comments["flag"].value_counts().to_dict(),
            "duplicate_ids": sorted(set(frame["comment_id"][frame["comment_id"].duplicated()]))}
    return Result(comments=comments, mentions=mentions, dimensions=dimensions, meta=info)


@dataclass
class Result:
    """Tables of one analysis, keyed by ``comment_id``; see docs/DESIGN.md for the columns."""

    comments: pd.DataFrame
    mentions: pd.DataFrame
    dimensions: pd.DataFrame
    meta: dict = field(default_factory=dict)

    def to_dir(self, path: str | Path) -> Path:
        """Write comments.csv, mentions.csv, dimensions.csv (UTF-8 with BOM) and meta.json."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        write_csv(self.comments, out / "comments.csv")
        write_csv(self.mentions, out / "mentions.csv")
        write_csv(self.dimensions, out / "dimensions.csv")
        with atomic_path(out / "meta.json") as tmp:
            tmp.write_text(json.dumps(self.meta, ensure_ascii=False, indent=2, default=str),
                           encoding="utf-8")
        return out

    def explain(self, comment_id: str, top: int = 8) -> pd.DataFrame:
        """The features behind one comment's sentiment score, strongest first."""
        row = self.comments.loc[self.comments["comment_id"] == str(comment_id)]
        if row.empty:
            raise KeyError(f"no comment with id {comment_id!r}")
        text = row["text"].iloc[0]
        pairs = sentiment.default_model().explain(text, top=top)
        return pd.DataFrame(pairs, columns=["feature", "contribution"])

    @property
    def input_meta(self) -> InputMeta:
        keys = InputMeta.__dataclass_fields__
        return InputMeta(**{k: v for k, v in self.meta.items() if k in keys})
