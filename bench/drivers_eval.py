"""Key drivers, complaint drivers and graph speed.

    python bench/drivers_eval.py                 # all three parts
    python bench/drivers_eval.py --part asap     # asap | shopping | speed
    python bench/drivers_eval.py --per-cat 1000  # comments per category read for drivers

1. ASAP restaurant sample (300 reviews, 1–5 stars, catering pack): OLS of stars on the
   per-dimension sentiment (+1/0/−1, 0 when not mentioned), once from manyi's own mentions,
   once from the gold aspect labels (price_*, service_*, dish_*→product, environment_*,
   location_*→channel; a dimension's gold polarity = sign of the sum of its aspect labels).
2. online_shopping_10_cats (label 0 = complaint, e-commerce pack): complaint drivers per
   category, with sample complaint comments behind each top driver, to read.
3. Speed: both co-occurrence graphs and the drivers table for 1,000,000 synthetic mentions.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ASAP_PREFIX = {"price": "price", "service": "service", "dish": "product",
               "environment": "environment", "location": "channel"}


def asap() -> None:
    import manyi.pipeline as pipeline
    from manyi.index import dimension_matrix, key_drivers

    frames = [pd.read_csv(DATA / "aspects" / "asap_sample" / f"{split}_sample.csv")
              for split in ("train", "dev", "test")]
    data = pd.concat(frames, ignore_index=True)
    data["comment_id"] = [str(i) for i in range(1, len(data) + 1)]
    gold = pd.DataFrame(index=data["comment_id"])
    for prefix, dim in ASAP_PREFIX.items():
        cols = [c for c in data.columns if c.startswith(prefix + "_")]
        values = data[cols].where(data[cols] != -2, 0).sum(axis=1)
        gold[dim] = np.sign(values).to_numpy()
    stars = data["star"].astype(float).to_numpy()

    result = pipeline.analyze(data[["comment_id", "reviewbody"]], text_col="reviewbody",
                              id_col="comment_id", domain="catering", progress=False)
    ours = dimension_matrix(result.comments, result.mentions).reindex(
        data["comment_id"]).fillna(0.0)
    ours = ours.reindex(columns=list(ASAP_PREFIX.values()), fill_value=0.0)

    rows, tables = [], {}
    for name, features in (("manyi", ours), ("gold labels", gold)):
        table = key_drivers(features, stars)
        tables[name] = table
        rows.append({"features": name, "n": table.attrs["n"], "R2": table.attrs["r2"],
                     "adj_R2": table.attrs["adj_r2"], "cv5_R2": _cv_r2(features, stars)})
    sentiment_only = result.comments.set_index("comment_id").loc[
        data["comment_id"], "sentiment_score"].to_frame()
    rows.append({"features": "manyi comment sentiment_score alone", "n": len(stars),
                 "R2": key_drivers(sentiment_only, stars).attrs["r2"],
                 "adj_R2": np.nan, "cv5_R2": _cv_r2(sentiment_only, stars)})
    print("## ASAP: stars ~ per-dimension sentiment (OLS)\n")
    print(pd.DataFrame(rows).to_string(index=False, float_format="%.3f"))
    for name, table in tables.items():
        print(f"\nimportances ({name}):")
        print(table[["dimension", "polar_comments", "coef", "std_coef", "p_value", "importance"]]
              .to_string(index=False, float_format="%.3f"))
    both = (ours != 0) & (gold != 0)
    agree = ((ours == gold) & both).sum().sum() / max(1, both.sum().sum())
    print(f"\nper-dimension polarity agreement where both name the dimension: {agree:.3f} "
          f"({int(both.sum().sum())} pairs)")


def _cv_r2(features: pd.DataFrame, y: np.ndarray, folds: int = 5) -> float:
    """Out-of-fold R² of the same OLS (fixed fold assignment)."""
    x = np.column_stack([np.ones(len(y)), features.to_numpy(dtype=float)])
    fold = np.arange(len(y)) % folds
    predicted = np.empty(len(y))
    for k in range(folds):
        train = fold != k
        coef, *_ = np.linalg.lstsq(x[train], y[train], rcond=None)
        predicted[~train] = x[~train] @ coef
    return 1 - ((y - predicted) ** 2).sum() / ((y - y.mean()) ** 2).sum()


def shopping(per_cat: int, top: int = 3, examples: int = 3) -> None:
    import manyi.pipeline as pipeline
    from manyi.graph import drivers

    data = pd.read_csv(DATA / "sentiment" / "online_shopping_10_cats.csv")
    data = data.dropna(subset=["review"])
    data = (data.sample(frac=1.0, random_state=0).groupby("cat", sort=True).head(per_cat)
            .sort_values("cat", kind="stable").reset_index(drop=True))
    data["comment_id"] = [str(i) for i in range(len(data))]
    start = time.perf_counter()
    result = pipeline.analyze(data[["comment_id", "cat", "label", "review"]], text_col="review",
                              id_col="comment_id", domain="ecommerce", progress=False)
    print(f"\n## online_shopping_10_cats: {len(data)} comments ({per_cat}/category) analysed "
          f"in {time.perf_counter() - start:.0f} s; complaint = label 0\n")
    comments, mentions = result.comments, result.mentions
    table = drivers(comments, mentions, by="cat", complaint=comments["label"].eq(0),
                    min_comments=20)
    columns = ["label", "comments", "complaint_rate", "base_rate", "lift", "odds_ratio",
               "ci_low", "ci_high", "q_value", "complaint_share"]
    texts = comments.set_index("comment_id")["text"]
    for cat, part in table.groupby("cat", sort=True):
        risky = part[part["significant"] & (part["odds_ratio"] > 1)].head(top)
        print(f"### {cat}")
        print((risky if len(risky) else part.head(1))[columns]
              .to_string(index=False, float_format="%.3f"))
        if len(risky):
            first = risky.iloc[0]
            ids = set(comments.loc[(comments["cat"] == cat) & comments["label"].eq(0),
                                   "comment_id"])
            hits = mentions[(mentions["dimension"] == first["dimension"])
                            & (mentions["factor"] == first["factor"])
                            & mentions["comment_id"].isin(ids)]
            for _, m in hits.drop_duplicates("comment_id").head(examples).iterrows():
                print(f"   [{m['term'] or m['opinion']}] {texts[m['comment_id']][:90]}")
        print()


def speed(n_mentions: int = 1_000_000, n_comments: int = 400_000) -> None:
    from manyi.graph import complaint_graphs, drivers

    rng = np.random.default_rng(0)
    dims = ["product", "service", "price", "logistics", "communication", "brand",
            "environment", "channel"]
    factors = [(d, f"f{i}") for d in dims for i in range(6)]
    which = rng.zipf(1.5, n_mentions) % len(factors)
    comments = pd.DataFrame({"comment_id": np.arange(n_comments).astype(str), "flag": "",
                             "sentiment": rng.choice(["positive", "neutral", "negative"],
                                                     n_comments)})
    mentions = pd.DataFrame({
        "comment_id": rng.integers(0, n_comments, n_mentions).astype(str),
        "dimension": [factors[i][0] for i in which], "factor": [factors[i][1] for i in which],
        "clause_id": rng.integers(0, 3, n_mentions),
        "opinion": rng.choice(["好", "差", "慢", "快", ""], n_mentions)})
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        graphs = complaint_graphs(comments, mentions)
        middle = time.perf_counter()
        drivers(comments, mentions)
        timings.append((middle - start, time.perf_counter() - middle))
    graph_s, drivers_s = np.median(timings, axis=0)
    print(f"\n## speed: {n_mentions:,} mentions, {n_comments:,} comments, {len(factors)} factors")
    print(f"both graphs (all + complaints, {graphs['all'].number_of_edges()} edges): "
          f"{graph_s:.2f} s; drivers: {drivers_s:.2f} s; total {graph_s + drivers_s:.2f} s "
          "(median of 3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["asap", "shopping", "speed", "all"], default="all")
    parser.add_argument("--per-cat", type=int, default=1000)
    args = parser.parse_args()
    needs_data = args.part in ("asap", "shopping", "all")
    if needs_data and not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the shared data sets are not part of a clone)")
        if args.part != "all":
            sys.exit(0)
    if args.part in ("asap", "all") and DATA.is_dir():
        asap()
    if args.part in ("shopping", "all") and DATA.is_dir():
        shopping(args.per_cat)
    if args.part in ("speed", "all"):
        speed()


if __name__ == "__main__":
    main()
