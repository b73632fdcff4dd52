"""How well manyi's dimensions match labelled aspect categories.

    python bench/dimensions_eval.py            # both sets
    python bench/dimensions_eval.py --misses 8 # and the most frequent misses

Zhijiang 2019 cosmetics reviews (e-commerce pack): 价格→price, 物流→logistics, 服务→service,
包装/功效/使用体验/成分/气味/尺寸/新鲜度→product; 整体→overall when no factor is named
(the same rule manyi uses). 真伪 (authenticity: 正品 假货) and 其他 are left out of the
comparison: manyi files authenticity under brand (口碑 信任 正品 品牌), a dimension the gold
scheme has no counterpart for — the one departure from the suggested mapping.
ASAP restaurant sample (catering pack): price_*, service_*, dish_*→product, environment_*,
location_*→channel.

Rows are split in two by id (even/odd): nothing was tuned on either half, and both are shown
so that a later tuning on one half can be checked on the other.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

import manyi
from manyi.index import comment_dimension_polarity

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "aspects"
ZHIJIANG_MAP = {"价格": "price", "物流": "logistics", "服务": "service", "包装": "product",
 "功效": "product", "使用体验": "product", "成分": "product",
                "气味": "product", "尺寸": "product", "新鲜度": "product", "整体": "overall"}
POLARITY = {"正面": "positive", "负面": "negative", "中性": "neutral"}
ASAP_PREFIX = {"price": "price", "service": "service", "dish": "product",
               "environment": "environment", "location": "channel"}


def zhijiang_gold() -> tuple[pd.DataFrame, pd.DataFrame]:
    reviews = pd.read_csv(DATA / "zhijiang2019_cosmetics" / "reviews.csv")
    labels = pd.read_csv(DATA / "zhijiang2019_cosmetics" / "labels.csv")
    labels["dimension"] = labels["Categories"].map(ZHIJIANG_MAP)
    labels["polarity"] = labels["Polarities"].map(POLARITY)
    labels = labels.dropna(subset=["dimension"])
    rows = []
    for cid, part in labels.groupby("id"):
        named = set(part["dimension"]) - {"overall"}
        for dim in named or {"overall"}:
            votes = Counter(part.loc[part["dimension"] == dim, "polarity"])
            rows.append((str(cid), dim, _majority(votes)))
    gold = pd.DataFrame(rows, columns=["comment_id", "dimension", "polarity"])
    reviews = reviews.rename(columns={"Reviews": "text", "id": "comment_id"})
    reviews["comment_id"] = reviews["comment_id"].astype(str)
    return reviews, gold


def asap_gold() -> tuple[pd.DataFrame, pd.DataFrame]:
    frames = [pd.read_csv(DATA / "asap_sample" / f"{split}_sample.csv")
              for split in ("train", "dev", "test")]
    data = pd.concat(frames, ignore_index=True)
    data["comment_id"] = [str(i) for i in range(1, len(data) + 1)]
    rows = []
    for _, row in data.iterrows():
        for prefix, dim in ASAP_PREFIX.items():
            values = [row[c] for c in data.columns if c.startswith(prefix + "_") and row[c] != -2]
            if values:
                votes = Counter({1: "positive", 0: "neutral", -1: "negative"}[v] for v in values)
                rows.append((row["comment_id"], dim, _majority(votes)))
    gold = pd.DataFrame(rows, columns=["comment_id", "dimension", "polarity"])
    return data.rename(columns={"reviewbody": "text"})[["comment_id", "text", "star"]], gold


def _majority(votes: Counter) -> str:
    if votes["positive"] and votes["negative"]:
        return "positive" if votes["positive"] > votes["negative"] else "negative" \
            if votes["negative"] > votes["positive"] else "neutral"
    return votes.most_common(1)[0][0]


def evaluate(name: str, reviews: pd.DataFrame, gold: pd.DataFrame, domain: str,
             dims: list[str], misses: int) -> None:
    result = manyi.analyze(reviews[["comment_id", "text"]].rename(columns={"text": "review"}),
                           id_col="comment_id", domain=domain, progress=False)
    pred = comment_dimension_polarity(result.comments, result.mentions, include_overall=True)
    pred = pred[pred["dimension"].isin(dims)]
    gold = gold[gold["dimension"].isin(dims)]
    print(f"\n## {name} ({len(reviews)} comments, domain={domain})")
    for half, keep in (("all", None), ("even ids", 0), ("odd ids", 1)):
        ids = set(reviews["comment_id"]) if keep is None else {
            c for c in reviews["comment_id"] if int(c) % 2 == keep}
        _report(half, pred[pred["comment_id"].isin(ids)], gold[gold["comment_id"].isin(ids)],
                dims, detail=keep is None)
    if misses:
        _misses(reviews, pred, gold, misses)


def _report(name: str, pred: pd.DataFrame, gold: pd.DataFrame, dims: list[str],
            detail: bool) -> None:
    p = set(zip(pred["comment_id"], pred["dimension"]))
    g = set(zip(gold["comment_id"], gold["dimension"]))
    tp = len(p & g)
    micro = 2 * tp / (len(p) + len(g)) if p or g else 0.0
    rows, f1s = [], []
    for dim in dims:
        pd_, gd = {x for x in p if x[1] == dim}, {x for x in g if x[1] == dim}
        hit = len(pd_ & gd)
        prec = hit / len(pd_) if pd_ else float("nan")
        rec = hit / len(gd) if gd else float("nan")
        f1 = 2 * hit / (len(pd_) + len(gd)) if pd_ or gd else float("nan")
        f1s.append(f1)
        rows.append((dim, len(gd), len(pd_), prec, rec, f1))
    merged = pred.merge(gold, on=["comment_id", "dimension"], suffixes=("_pred", "_gold"))
    polarity = (merged["polarity_pred"] == merged["polarity_gold"]).mean()
    macro = pd.Series(f1s).mean()
    print(f"{name:>9}: micro-F1 {micro:.3f}  macro-F1 {macro:.3f}  "
          f"polarity accuracy on found {polarity:.3f} (n={len(merged)})")
    if detail:
        table = pd.DataFrame(rows, columns=["dimension", "gold", "found", "precision", "recall",
                                            "f1"])
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))


def _misses(reviews: pd.DataFrame, pred: pd.DataFrame, gold: pd.DataFrame, n: int) -> None:
    text = reviews.set_index("comment_id")["text"]
    p = set(zip(pred["comment_id"], pred["dimension"]))
    g = set(zip(gold["comment_id"], gold["dimension"]))
    for title, pairs in (("missed (gold, not found)", g - p), ("extra (found, not gold)", p - g)):
        print(f"\n{title}: {len(pairs)}")
        counts = Counter(d for _, d in pairs)
        for dim, count in counts.most_common():
            examples = [text[c][:60] for c, d in sorted(pairs) if d == dim][:n]
            print(f"  {dim} ({count}): " + " | ".join(examples))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="examples of misses per dimension")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (the shared data sets are not in this checkout)")
        sys.exit(0)
    evaluate("zhijiang2019 cosmetics", *zhijiang_gold(), "ecommerce",
             ["price", "logistics", "service", "product", "overall"], args.misses)
    evaluate("ASAP restaurant sample", *asap_gold(), "catering",
             ["price", "service", "product", "environment", "channel"], args.misses)


if __name__ == "__main__":
    main()
