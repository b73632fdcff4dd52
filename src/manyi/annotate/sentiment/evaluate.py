"""Evaluate sentiment models on labelled comments and read labelled files (``manyi evaluate``,
``manyi train``). The shipped model is fitted by ``scripts/train_sentiment.py``, outside the
wheel; the fitting itself is :mod:`manyi.annotate.sentiment.fit`.

>>> metrics(["positive", "negative"], ["positive", "neutral"])["accuracy"]
0.5
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from manyi.annotate.sentiment.model import CLASSES, SentimentModel
from manyi.errors import InputError


def segment_all(texts: Sequence[str], backend: str = "rjieba") -> list[list[str]]:
    """Tokens with the project's Segmenter and lexicon, as the pipeline makes them."""
    from manyi.annotate.sentiment.model import _load_lexicon
    from manyi.text.segment import Segmenter

    segmenter = Segmenter(_load_lexicon("ecommerce"), backend=backend)
    return [segmenter.cut(t) for t in texts]


# -- evaluation ----------------------------------------------------------------------
def metrics(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Accuracy, macro-F1 (over the gold classes), per-class precision/recall, confusion."""
    gold, predicted = list(gold), list(predicted)
    if not gold:
        return {"n": 0, "accuracy": float("nan"), "macro_f1": float("nan"), "per_class": {},
                "confusion": pd.DataFrame()}
    classes = [c for c in CLASSES if c in set(gold) | set(predicted)]
    per_class, f1s = {}, []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted))
        n_pred, n_gold = predicted.count(c), gold.count(c)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[c] = {"precision": precision, "recall": recall, "f1": f1, "support": n_gold}
        if n_gold:
            f1s.append(f1)
    confusion = pd.crosstab(pd.Series(gold, name="gold"), pd.Series(predicted, name="predicted"))
    return {"n": len(gold), "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold),
            "macro_f1": sum(f1s) / len(f1s), "per_class": per_class, "confusion": confusion}


def snownlp_labels(texts: Sequence[str]) -> list[str]:
    """snownlp's label (score ≥ 0.5 → positive); empty text → negative (it would crash)."""
    from snownlp import SnowNLP

    return ["positive" if t.strip() and SnowNLP(t).sentiments >= 0.5 else "negative"
            for t in texts]


def sign_accuracy(gold: Sequence[str], score: Sequence[float]) -> float:
    """Share of the rows with positive or negative gold whose score has that sign (a score
    of 0 counts as positive); NaN without such rows."""
    pairs = [(g, s) for g, s in zip(gold, score) if g != "neutral"]
    if not pairs:
        return float("nan")
    return sum((g == "positive") == (s >= 0) for g, s in pairs) / len(pairs)


def evaluate(texts: Sequence[str], labels: Sequence[object], *, model: SentimentModel | None = None,
             tokens=None, compare_snownlp: bool = True) -> dict[str, dict]:
    """Metrics of manyi's label and snownlp's (score ≥ 0.5 → positive) on the same rows, each
    with ``sign_accuracy``: the sign of the score (manyi: p_positive − p_negative; snownlp:
    score − 0.5) on the rows whose gold is positive or negative."""
    from manyi.annotate.sentiment.model import default_model, normalize_labels, proba_labels

    gold = normalize_labels(labels)
    texts = [str(t) for t in texts]
    model = model or default_model()
    proba = model.predict_proba(texts, tokens)
    out = {"manyi": metrics(gold, proba_labels(proba).tolist())}
    out["manyi"]["sign_accuracy"] = sign_accuracy(gold, (proba[:, 2] - proba[:, 0]).tolist())
    if compare_snownlp:
        snow = snownlp_labels(texts)
        out["snownlp"] = metrics(gold, snow)
        out["snownlp"]["sign_accuracy"] = sign_accuracy(
            gold, [1.0 if label == "positive" else -1.0 for label in snow])
    return out


def format_report(results: dict[str, dict]) -> str:
    """Side-by-side summary (label accuracy, with neutral answers counted wrong where the gold
    is not neutral, beside score-sign accuracy), per-class table and confusion tables."""
    lines = []
    summary = pd.DataFrame([{
        "model": name, "rows": r["n"], "label_accuracy": round(r["accuracy"], 4),
        "sign_accuracy": round(r.get("sign_accuracy", float("nan")), 4),
        "macro_f1": round(r["macro_f1"], 4),
        "neutral_share": round(r["confusion"].get("neutral", pd.Series(dtype=float)).sum()
                               / max(r["n"], 1), 4)} for name, r in results.items()])
    lines += [summary.to_string(index=False), ""]
    per = pd.DataFrame([{"model": name, "class": c, "precision": round(v["precision"], 4),
                         "recall": round(v["recall"], 4), "f1": round(v["f1"], 4),
                         "support": v["support"]}
                        for name, r in results.items() for c, v in r["per_class"].items()])
    lines += [per.to_string(index=False), ""]
    for name, r in results.items():
        lines += [f"confusion ({name}): rows gold, columns predicted", r["confusion"].to_string(),
                  ""]
    lines.append("label_accuracy: the label as shown (a neutral answer on positive or negative "
                 "gold is wrong); sign_accuracy: the sign of the score on rows with positive or "
                 "negative gold (snownlp: score − 0.5).")
    return "\n".join(lines)


class Labelled(NamedTuple):
    """A labelled sample as :func:`read_labelled` reads it."""

    texts: list[str]            # normalised
    labels: list[str]           # CLASSES
    dropped: int                # rows without text or label
    weights: list[float] | None  # from the weight column, when one was named


def read_labelled(path, *, text_col: str | None, label_col: str, encoding: str | None = None,
                  sheet: str | None = None, weight_col: str | None = None) -> Labelled:
    """Normalised texts and CLASSES labels of a labelled file, how many rows were dropped
    (empty text or label) and, with ``weight_col``, each kept row's weight (a non-negative
    number). Labels may be 1/0, pos/neg, 正面/负面/中性 …"""
    from manyi.annotate.sentiment.model import normalize_labels
    from manyi.io.read import read_comments
    from manyi.text.normalize import normalize_text

    frame, meta = read_comments(path, text_col=text_col, encoding=encoding, sheet=sheet)
    label_col, weight_col = (meta.renamed.get(c, c) if c is not None else None
                             for c in (label_col, weight_col))
    for role, column in (("label", label_col), ("weight", weight_col)):
        if column is not None and column not in frame.columns:
            original = {new: old for old, new in meta.renamed.items()}  # the file's own names
            names = [original.get(c, c) for c in frame.columns
                     if c != "comment_id" or meta.id_col is not None]
            raise InputError(f"{path}: no {role} column {column!r}; columns are "
                             + ", ".join(map(str, names)))
    text_col = meta.renamed.get(meta.text_col, meta.text_col)
    texts = [normalize_text(t) if isinstance(t, str) else "" for t in frame[text_col]]
    keep = [i for i, (t, v) in enumerate(zip(texts, frame[label_col]))
            if t and not pd.isna(v) and str(v).strip()]
    labels = frame[label_col].iloc[keep].tolist()
    try:
        labels = normalize_labels(labels)
    except InputError as exc:
        raise InputError(f"{path}: column {label_col!r}: {exc}") from exc
    weights = None
    if weight_col is not None:
        raw = frame[weight_col].iloc[keep]
        values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
        bad = np.flatnonzero(~(values >= 0) | ~np.isfinite(values))
        if len(bad):
            raise InputError(f"{path}: column {weight_col!r}, data row {keep[bad[0]] + 1}: "
                             f"weight {raw.iloc[bad[0]]!r} is not a non-negative number")
        weights = values.tolist()
    return Labelled([texts[i] for i in keep], labels, len(frame) - len(keep), weights)
