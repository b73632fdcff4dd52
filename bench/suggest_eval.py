"""`manyi lexicon suggest`, leave terms out: take K listed terms out of a pack, mine the
comments, and count how many come back among the suggestions and where they are filed.

    python bench/suggest_eval.py            # shop reviews (ecommerce) and hotels, 2 draws each
    python bench/suggest_eval.py -k 60 --seeds 0 1 2

A term is drawn from the pack's terms of two or more characters found in at least 8 of the
comments; it is *back* when a suggestion is that word (top 300), filed right when the
suggestion's dimension (factor) is the pack's. Reads ../shared/data/sentiment/
(online_shopping_10_cats.csv without its hotel rows, 6,000 drawn; ChnSentiCorp_htl_all.csv,
4,000 drawn); skips with a message without them. About a minute per draw on 2 cores.
"""

from __future__ import annotations

import argparse
import copy
import random
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"


def corpora() -> dict[str, tuple[list[str], str]]:
    shop = pd.read_csv(DATA / "online_shopping_10_cats.csv").dropna(subset=["review"])
    hotel = pd.read_csv(DATA / "ChnSentiCorp_htl_all.csv").dropna(subset=["review"])
    return {"shop": (shop[shop.cat != "酒店"].sample(n=6000, random_state=1)
                     .review.astype(str).tolist(), "ecommerce"),
            "hotel": (hotel.sample(n=4000, random_state=1).review.astype(str).tolist(),
                      "hotel")}


def leave_out(texts: list[str], domain: str, k: int, seed: int) -> dict[str, float]:
    from manyi.text.lexicon import Lexicon
    from manyi.text.segment import Segmenter
    from manyi.text.suggest import suggest_terms

    lexicon = Lexicon.load(domain)
    pool = sorted(t for t in lexicon.terms
                  if len(t) >= 2 and sum(t in x for x in texts) >= 8)
    random.Random(seed).shuffle(pool)
    gold = {t: (lexicon.terms[t].dimension, lexicon.terms[t].key) for t in pool[:k]}
    without = copy.deepcopy(lexicon)
    for term in gold:
        del without.terms[term]
    found = suggest_terms(texts, lexicon=without, top=300,
                          segmenter=Segmenter(without, backend="rjieba", hmm=True))
    back = found[found["candidate"].isin(gold)]
    keys = [gold[c] for c in back["candidate"]]
    return {"removed": len(gold), "back": len(back),
            "dimension": sum(g[0] == d for g, d in zip(keys, back["dimension"])),
            "factor": sum(g == (d, f) for g, d, f in zip(keys, back["dimension"],
                                                          back["factor"]))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", type=int, default=40, help="terms taken out per draw")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (the shared data sets are not in this checkout)")
        return
    rows = []
    for name, (texts, domain) in corpora().items():
        for seed in args.seeds:
            rows.append({"corpus": name, "seed": seed, **leave_out(texts, domain, args.k, seed)})
            print(rows[-1], flush=True)
    table = pd.DataFrame(rows)
    total = table.groupby("corpus")[["removed", "back", "dimension", "factor"]].sum()
    total["back_share"] = total["back"] / total["removed"]
    total["dimension_right"] = total["dimension"] / total["back"]
    total["factor_right"] = total["factor"] / total["back"]
    print(total.round(2).to_string())


if __name__ == "__main__":
    main()
