"""Drivers: planted effects, agreement with gold aspect labels, key drivers, speed.

    python bench/drivers_eval.py                      # every part
    python bench/drivers_eval.py --part planted --seeds 20 --comments 2000
    python bench/drivers_eval.py --part gold          # planted | gold | keydrivers | speed

1. planted: synthetic dumps built from real clauses of the zhijiang 2019 cosmetics reviews
   (each clause carries exactly one gold opinion: category and polarity), mixed at known
   rates: a planted complaint P (物流 negative, in 12 % of comments), a second complaint Q
   (包装/使用体验 negative, 5 %), a factor R mentioned in 35 % of comments but mostly praised
   (价格: 92 % positive), praise S (功效 positive, 25 %), and 整体 praise where nothing else
   is said. With a rating column (1–2 when a comment holds a complaint clause, else 4–5;
   complaint = rating ≤ 2) and without one (complaint = manyi's default: negative sentiment
   or a factor named negatively). The
   planted effect is the expectation of ``impact`` under the generator:
   p_P · E[1/k], k = the complaint dimensions of a comment. Checked per seed: P ranks first
   among the complaint dimensions, its 95 % interval covers the planted effect, R is not
   among the top two. A clause joins a pool only when manyi, reading it alone, finds its gold
   dimension with its gold polarity (the bench tests the statistics on mentions manyi reads;
   extraction accuracy is bench/aspects_eval.py's and dimensions_eval.py's business).
2. gold: on asap_sample, restaurant_triplets and zhijiang2019_cosmetics, Spearman's rank
   correlation between dimensions ordered by manyi's complaint impact and by the same impact
   computed from the gold aspect polarities (same complaint rule for both: ASAP stars ≤ 3;
   elsewhere a gold negative opinion), and end to end (manyi's own negative sentiment as the
   complaint rule for manyi). restaurant_triplets has aspect words, not categories: an
   aspect is given the dimension of the catering lexicon term it contains (implicit aspects
   and words the lexicon lacks are left out).
3. keydrivers: ASAP stars on per-dimension polarity (negative / not mentioned / positive),
   importance with intervals and R², manyi's polarities vs the gold ones.
4. speed: drivers table (with bootstrap) and both graphs for 1,000,000 mentions.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dimensions_eval import asap_gold, zhijiang_gold  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ZHIJIANG = DATA / "aspects" / "zhijiang2019_cosmetics"
CLAUSE = re.compile(r"[^，,。！!？?；;~～\s]+")
POOLS = {"P": (("物流",), "negative", "logistics"),
         "Q": (("包装", "使用体验"), "negative", "product"),
         "R+": (("价格",), "positive", "price"), "R-": (("价格",), "negative", "price"),
         "S": (("功效",), "positive", "product"), "O": (("整体",), "positive", "overall")}
RATES = {"P": 0.12, "Q": 0.05, "R": 0.35, "R_negative": 0.08, "S": 0.25}


# -- 1. planted drivers ---------------------------------------------------------------------
def clause_pools() -> dict[str, list[str]]:
    """Real clauses with exactly one gold opinion, by pool, kept when manyi reads them
    alone as the gold dimension and polarity."""
    import manyi

    reviews = pd.read_csv(ZHIJIANG / "reviews.csv").set_index("id")["Reviews"]
    labels = pd.read_csv(ZHIJIANG / "labels.csv")
    found: dict[str, set[str]] = {k: set() for k in POOLS}
    for rid, part in labels.groupby("id"):
        text = str(reviews.get(rid, ""))
        for match in CLAUSE.finditer(text):
            inside = part[[_within(r, match.start(), match.end()) for r in part.itertuples()]]
            if len(inside) != 1 or len(match.group()) < 3:
                continue
            row = inside.iloc[0]
            polarity = {"正面": "positive", "负面": "negative"}.get(row["Polarities"])
            for key, (cats, pol, _) in POOLS.items():
                if row["Categories"] in cats and polarity == pol:
                    found[key].add(match.group())
    texts = sorted({t for pool in found.values() for t in pool})
    result = manyi.analyze(texts, progress=False)
    mentions = result.mentions
    keep: dict[str, list[str]] = {}
    for key, (_, pol, dim) in POOLS.items():
        good = []
        for text in sorted(found[key]):
            row = texts.index(text)
            said = mentions[mentions["row"] == row]
            named = said[said["dimension"] != "overall"]
            sentiment = result.comments["sentiment"].iat[row]
            if dim == "overall":
                ok = named.empty and sentiment == pol
            else:
                ok = (not named.empty and set(named["dimension"]) == {dim}
                      and set(named["polarity"]) == {pol} and sentiment == pol)
            if ok:
                good.append(text)
        keep[key] = good
    return keep


def _within(row, start: int, end: int) -> bool:
    spans = [(row.A_start, row.A_end), (row.O_start, row.O_end)]
    numbers = [(int(a), int(b)) for a, b in spans if str(a).strip() not in ("", "nan")]
    return bool(numbers) and all(start <= a and b <= end for a, b in numbers)


def planted_effect() -> float:
    """E[impact of P] under the generator: p_P · E[1/k], k = 1 + [Q] + [R negative]."""
    q, r = RATES["Q"], RATES["R"] * RATES["R_negative"]
    expected = sum(pq * pr / (1 + a + b) for a, pq in ((0, 1 - q), (1, q))
                   for b, pr in ((0, 1 - r), (1, r)))
    return RATES["P"] * expected


def planted_dump(pools: dict[str, list[str]], n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        parts, complaint = [], False
        if rng.random() < RATES["P"]:
            parts.append(rng.choice(pools["P"]))
            complaint = True
        if rng.random() < RATES["Q"]:
            parts.append(rng.choice(pools["Q"]))
            complaint = True
        if rng.random() < RATES["R"]:
            bad = rng.random() < RATES["R_negative"]
            parts.append(rng.choice(pools["R-" if bad else "R+"]))
            complaint |= bad
        if rng.random() < RATES["S"]:
            parts.append(rng.choice(pools["S"]))
        if not parts:
            parts.append(rng.choice(pools["O"]))
        rng.shuffle(parts)
        stars = rng.choice([1, 2]) if complaint else rng.choice([4, 5])
        rows.append((str(i + 1), "，".join(parts), stars))
    return pd.DataFrame(rows, columns=["id", "评论", "评分"])


def planted(seeds: int, n: int) -> None:
    import manyi
    from manyi.analysis.drivers import drivers

    pools = clause_pools()
    print("## planted drivers\n\nclause pools (kept / manyi agrees with gold on the clause "
          "alone): " + ", ".join(f"{k} {len(v)}" for k, v in pools.items()))
    truth = planted_effect()
    print(f"planted effect of P (物流 complaints): {truth:.4f} of the complaint rate; "
          f"{seeds} seeds × {n} comments per variant\n")
    rows = []
    for variant in ("rating column (complaint = rating ≤ 2)",
                    "no rating (complaint = negative sentiment or a factor named negatively)"):
        for seed in range(seeds):
            dump = planted_dump(pools, n, seed)
            result = manyi.analyze(dump, text_col="评论", id_col="id", progress=False)
            rule = result.comments["评分"] <= 2 if variant.startswith("rating") else None
            table = drivers(result.comments, result.mentions, complaint=rule,
                            labels=result.labels, level="dimension", seed=seed)
            side = table[table["side"] == "complaint"].reset_index(drop=True)
            at = side.index[side["dimension"] == "logistics"]
            row = side.loc[at[0]] if len(at) else None
            price = side.index[side["dimension"] == "price"]
            rows.append({"variant": variant, "seed": seed,
                         "P_rank": int(at[0]) + 1 if len(at) else None,
                         "impact": row["impact"] if row is not None else np.nan,
                         "low": row["impact_low"] if row is not None else np.nan,
                         "high": row["impact_high"] if row is not None else np.nan,
                         "covered": row is not None and row["impact_low"] <= truth
                         <= row["impact_high"],
                         "R_rank": int(price[0]) + 1 if len(price) else None})
    frame = pd.DataFrame(rows)
    summary = frame.groupby("variant", sort=False).agg(
        seeds=("seed", "size"), P_first=("P_rank", lambda r: (r == 1).mean()),
        covered=("covered", "mean"), mean_impact=("impact", "mean"),
        mean_width=("high", "mean"), R_outside_top2=("R_rank", lambda r: (r > 2).mean()))
    summary["mean_width"] = (frame.groupby("variant", sort=False)["high"].mean()
                             - frame.groupby("variant", sort=False)["low"].mean())
    print(summary.to_string(float_format=lambda v: f"{v:.4f}"))
    print(f"\n(planted effect {truth:.4f}; P_first, covered and R_outside_top2 are shares of "
          "seeds)")


# -- 2. against gold labels -------------------------------------------------------------------
def gold_mentions(gold: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """One mention per gold (comment, dimension), factor = dimension, rows by ``ids``."""
    at = {cid: i for i, cid in enumerate(ids)}
    frame = gold[gold["comment_id"].isin(at)].copy()
    frame["row"] = frame["comment_id"].map(at)
    frame["factor"] = frame["dimension"]
    frame["score"] = frame["polarity"].map({"positive": 0.5, "negative": -0.5,
                                            "neutral": 0.0})
    return frame[frame["dimension"] != "overall"]


def impact_by_dimension(comments, mentions, complaint) -> pd.Series:
    from manyi.analysis.drivers import drivers

    table = drivers(comments, mentions, complaint=complaint, level="dimension",
                    min_comments=1, boot=0)
    side = table[table["side"] == "complaint"]
    return side.set_index("dimension")["impact"]


def compare(name: str, reviews: pd.DataFrame, gold: pd.DataFrame, domain: str,
            dims: list[str], complaint: np.ndarray) -> dict:
    from scipy.stats import spearmanr

    import manyi

    result = manyi.analyze(reviews[["comment_id", "text"]], text_col="text",
                           id_col="comment_id", domain=domain, progress=False)
    ids = reviews["comment_id"].tolist()
    comments = result.comments.assign(_complaint=complaint)
    ours = impact_by_dimension(comments, result.mentions, "_complaint").reindex(dims).fillna(0)
    end_to_end = impact_by_dimension(comments, result.mentions, None).reindex(dims).fillna(0)
    gold_comments = pd.DataFrame({"comment_id": ids, "flag": "", "_complaint": complaint})
    theirs = impact_by_dimension(gold_comments, gold_mentions(gold, ids), "_complaint"
                                 ).reindex(dims).fillna(0)
    print(f"\n### {name} ({len(ids)} comments, {int(complaint.sum())} complaints, "
          f"domain {domain})")
    print(pd.DataFrame({"gold impact": theirs, "manyi impact": ours,
                        "manyi end to end": end_to_end}).to_string(
        float_format=lambda v: f"{v:.4f}"))
    return {"data": name, "dimensions": len(dims),
            "spearman": spearmanr(ours, theirs).statistic,
            "spearman end to end": spearmanr(end_to_end, theirs).statistic,
            "top agrees": ours.idxmax() == theirs.idxmax()}


def triplet_gold(limit: int = 3000) -> tuple[pd.DataFrame, pd.DataFrame]:
    from manyi.text.lexicon import Lexicon

    terms = Lexicon.load("catering").terms
    by_length = sorted(terms, key=len, reverse=True)
    rows, texts = [], []
    lines = (DATA / "aspects" / "restaurant_triplets" / "train.txt").read_text(
        encoding="utf-8").splitlines()
    for line in lines[:limit]:
        chars, _, spec = line.partition("####")
        text = chars.replace(" ", "")
        cid = str(len(texts) + 1)
        texts.append((cid, text))
        for (a0, a1), _, pol in eval(spec):  # the file's own Python-literal lists
            if a0 < 0:
                continue
            word = text[a0:a1 + 1]
            term = next((t for t in by_length if t in word), None)
            if term is not None and terms[term].dimension != "overall":
                rows.append((cid, terms[term].dimension,
                             {"POS": "positive", "NEG": "negative"}.get(pol, "neutral")))
    gold = pd.DataFrame(rows, columns=["comment_id", "dimension", "polarity"])
    gold = gold.groupby(["comment_id", "dimension"])["polarity"].agg(_side).reset_index()
    return pd.DataFrame(texts, columns=["comment_id", "text"]), gold


def _side(values: pd.Series) -> str:
    pos, neg = (values == "positive").sum(), (values == "negative").sum()
    return "positive" if pos > neg else "negative" if neg > pos else "neutral"


def gold_part() -> None:
    print("\n## complaint impact per dimension: manyi vs gold aspect polarities")
    rows = []
    reviews, gold = asap_gold()
    rows.append(compare("asap_sample", reviews, gold, "catering",
                        ["price", "service", "product", "environment", "channel"],
                        (reviews["star"] <= 3).to_numpy()))
    reviews, gold = triplet_gold()
    negative = set(gold.loc[gold["polarity"] == "negative", "comment_id"])
    dims = sorted(gold["dimension"].value_counts().loc[lambda s: s >= 20].index)
    rows.append(compare("restaurant_triplets (first 3,000 of train)", reviews, gold,
                        "catering", dims, reviews["comment_id"].isin(negative).to_numpy()))
    reviews, gold = zhijiang_gold()
    negative = set(gold.loc[gold["polarity"] == "negative", "comment_id"])
    rows.append(compare("zhijiang2019_cosmetics", reviews, gold, "ecommerce",
                        ["price", "logistics", "service", "product"],
                        reviews["comment_id"].isin(negative).to_numpy()))
    print("\n" + pd.DataFrame(rows).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    asap_factors()


# ASAP's aspect columns as the catering pack's factors (the location columns are one factor)
ASAP_FACTORS = {"taste": ["dish_taste"], "spec": ["dish_portion"], "appearance": ["dish_look"],
                "attitude": ["service_waiters_attitude"], "queue": ["service_wait_time"],
                "serving": ["service_serving_speed"],
                "parking": ["service_parking_convenience"],
                "value": ["price_level", "price_cost_effective"],
                "promotion": ["price_discount"], "ambience": ["environment_decoration"],
                "noise": ["environment_noise"], "space": ["environment_space"],
                "hygiene": ["environment_cleaness"],
                "location": ["location_traffic", "location_distance_from_business_district",
                             "location_easy_to_find"]}


def asap_factors() -> None:
    """Per factor of ASAP's 300 reviews: the comments manyi's drivers count as naming it
    negatively against the reviews whose gold aspect columns hold a −1, rank-correlated (a
    fresh analyst's check: long reviews that praise the taste and fault one dish)."""
    from scipy.stats import spearmanr

    import manyi
    from manyi.analysis.drivers import drivers

    frames = [pd.read_csv(DATA / "aspects" / "asap_sample" / f"{split}_sample.csv")
              for split in ("train", "dev", "test")]
    data = pd.concat(frames, ignore_index=True)
    result = manyi.analyze(data["reviewbody"].astype(str).tolist(), domain="catering",
                           progress=False)
    table = drivers(result.comments, result.mentions, level="factor", min_comments=1, boot=0)
    named = table[table["side"] == "complaint"].groupby("factor")["comments_naming"].sum()
    frame = pd.DataFrame({"gold negative": {f: int((data[c] == -1).any(axis=1).sum())
                                            for f, c in ASAP_FACTORS.items()}})
    frame["manyi naming negatively"] = named.reindex(frame.index).fillna(0).astype(int)
    print("\n### asap_sample, per factor: reviews naming it negatively\n"
          + frame.sort_values("gold negative", ascending=False).to_string())
    print(f"Spearman {spearmanr(frame.iloc[:, 0], frame.iloc[:, 1]).statistic:.3f}")


# -- 3. key drivers on ASAP -----------------------------------------------------------------
def keydrivers() -> None:
    import manyi
    from manyi.analysis.keydrivers import rating_drivers

    reviews, gold = asap_gold()
    result = manyi.analyze(reviews, text_col="text", id_col="comment_id", domain="catering",
                           progress=False)
    ours = rating_drivers(result.comments, result.mentions, rating="star",
                          labels=result.labels)
    comments = pd.DataFrame({"comment_id": reviews["comment_id"], "flag": "",
                             "star": reviews["star"]})
    theirs = rating_drivers(comments, gold_mentions(gold, reviews["comment_id"].tolist()),
                            rating="star")
    print("\n## key drivers of ASAP stars (negative / not mentioned / positive per dimension)")
    for name, table in (("manyi", ours), ("gold labels", theirs)):
        print(f"\n{name}: R² {table.attrs['r2']:.3f}, n {table.attrs['n']}, scale "
              f"{table.attrs['scale']}")
        print(table[["dimension", "negative_comments", "positive_comments", "penalty", "reward",
                     "importance", "importance_low", "importance_high"]].to_string(
            index=False, float_format=lambda v: f"{v:.3f}"))


# -- 4. speed -------------------------------------------------------------------------------
def speed(n_mentions: int = 1_000_000, n_comments: int = 400_000) -> None:
    from manyi.analysis.drivers import drivers
    from manyi.analysis.graph import complaint_graphs

    rng = np.random.default_rng(0)
    dims = ["product", "service", "price", "logistics", "communication", "brand",
            "environment", "channel"]
    factors = [(d, f"f{i}") for d in dims for i in range(6)]
    which = rng.zipf(1.5, n_mentions) % len(factors)
    comments = pd.DataFrame({"comment_id": np.arange(n_comments).astype(str), "flag": "",
                             "sentiment": rng.choice(["positive", "neutral", "negative"],
                                                     n_comments)})
    polarity = rng.choice(["positive", "neutral", "negative"], n_mentions)
    mentions = pd.DataFrame({
        "row": np.sort(rng.integers(0, n_comments, n_mentions)),
        "dimension": [factors[i][0] for i in which], "factor": [factors[i][1] for i in which],
        "clause_id": rng.integers(0, 3, n_mentions), "polarity": polarity,
        "score": np.select([polarity == "positive", polarity == "negative"], [0.5, -0.5], 0.0),
        "opinion": rng.choice(["好", "差", "慢", "快", ""], n_mentions)})
    mentions["comment_id"] = mentions["row"].astype(str)
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        graphs = complaint_graphs(comments, mentions)
        middle = time.perf_counter()
        table = drivers(comments, mentions)
        timings.append((middle - start, time.perf_counter() - middle))
    graph_s, drivers_s = np.median(timings, axis=0)
    print(f"\n## speed: {n_mentions:,} mentions, {n_comments:,} comments, {len(factors)} "
          f"factors")
    print(f"both graphs ({graphs['all'].number_of_edges()} edges): {graph_s:.2f} s; drivers "
          f"table ({len(table)} rows, 400 bootstrap replicates): {drivers_s:.2f} s "
          "(median of 3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["planted", "gold", "keydrivers", "speed", "all"],
                        default="all")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--comments", type=int, default=2000)
    args = parser.parse_args()
    if args.part != "speed" and not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the shared data sets are not part of a clone)")
        if args.part != "all":
            sys.exit(0)
    if DATA.is_dir():
        if args.part in ("planted", "all"):
            planted(args.seeds, args.comments)
        if args.part in ("gold", "all"):
            gold_part()
        if args.part in ("keydrivers", "all"):
            keydrivers()
    if args.part in ("speed", "all"):
        speed()


if __name__ == "__main__":
    main()
