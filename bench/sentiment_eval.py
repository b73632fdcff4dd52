"""Sentiment across industries: leave one industry out, neutral, mention polarity, speed.

    python bench/sentiment_eval.py                 # everything (hours on 2 busy cores: sample)
    python bench/sentiment_eval.py --only hotel    # one held-out industry
    python bench/sentiment_eval.py --no-loio       # shipped model only: chnsenticorp test, speed
    python bench/sentiment_eval.py --only hotel restaurant --no-shipped   # folds in parallel
    python bench/sentiment_eval.py --ceiling 3000  # each industry fitted on its own labels

Reads ``../shared/data`` through ``scripts/sentiment_data.py`` (skips with a message when
absent). Industries: each category of online_shopping_10_cats (its 酒店 joins the hotel
reviews of ChnSentiCorp_htl_all), restaurant_triplets sentences, absa_terms sentences of each
set, zhijiang cosmetics reviews (labels derived from the aspect sets as that script says).

For each held-out industry a model is fitted the way the shipped one is
(``scripts/train_sentiment.py --no-cross``: one n-gram fit, the comment head on the
hash-chosen share of rows the fit left out) on a sample of the other industries
(``--train-rows`` per industry; rows whose text equals a held-out row are removed) — with
``--cross``, its head cross-fitted over folds of those industries instead
(``fit(groups=...)``) — and scored on a random sample of the
held-out one (``--test-rows``):

* ``acc``: the three-way label with neutral counted wrong wherever the gold is not neutral;
* ``sign``: the sign of sentiment_score on the rows whose gold is positive or negative;
* ``neutral``: the share of rows labelled neutral (on two-class sets every one is an error);
* ``tfidf``: a character 1–3-gram TF-IDF + logistic regression fitted on the same rows;
* ``snownlp``: on ``--snownlp-rows`` of the sample (its corpus holds some shopping and hotel
  rows, so its figure there is inflated), with manyi's on the same rows beside it;
* ``adapted``: manyi with ``adapt_to`` the held-out sample's own texts (no labels).

Mention polarity: the aspect terms of absa_terms and restaurant_triplets, neutral counted
wrong, two ways, both with the fold's model (never fitted on the held-out industry):

* ``mention``: each term scored on its own clause by the model alone
  (``manyi.annotate.sentiment.mentions.mention_proba``; with the next clauses when its own has
  no opinion word);
* ``analyst``: what an analyst reads — ``manyi.analyze`` runs on the sentences with the
  fold's model and the industry's pack, and a gold term takes the polarity of the mention
  whose characters overlap it (the lexicon opinion and the clause model together), on the
  terms with a positive or negative gold; ``found``: the share of gold terms a mention
  overlaps.
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
FIT_PARAMS = {"alpha": 0.08, "nb_scale": True, "calibration_share": 0.2, "max_iter": 200}


def table(rows: list[dict]) -> str:
    return pd.DataFrame(rows).to_string(index=False)


def data_ready() -> bool:
    """Put this project's ``src/`` and ``scripts/`` first on the path, or say why not."""
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts")]
    import sentiment_data

    if not sentiment_data.available():
        print(f"skipped: {sentiment_data.DATA} not found (the shared data sets are not in a "
              "user's clone)")
        return False
    return True


def sample(frame: pd.DataFrame, n: int, by: str | None = None, seed: int = 0) -> pd.DataFrame:
    """``n`` random rows (all when fewer), or ``n`` per value of column ``by``."""
    if by is None:
        return frame.sample(min(len(frame), n), random_state=seed)
    return pd.concat([g.sample(min(len(g), n), random_state=seed)
                      for _, g in frame.groupby(by, sort=True)])


def tfidf_baseline(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
    """Labels from character 1–3-gram TF-IDF + logistic regression fitted on ``train``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2,
                                 sublinear_tf=True)
    X = vectorizer.fit_transform(train["text"])
    model = LogisticRegression(C=10.0, max_iter=2000).fit(X, train["label"])
    return model.predict(vectorizer.transform(test["text"]))


def scores(gold: np.ndarray, proba: np.ndarray) -> dict:
    from manyi.annotate.sentiment.model import proba_labels

    labels = proba_labels(proba)
    polar = gold != "neutral"
    sign = np.where(proba[:, 2] >= proba[:, 0], "positive", "negative")
    return {"acc": float((labels == gold).mean()),
            "sign": float((sign[polar] == gold[polar]).mean()) if polar.any() else np.nan,
            "neutral": float((labels == "neutral").mean()),
            "neu_prec": float((gold[labels == "neutral"] == "neutral").mean())
            if (labels == "neutral").any() else np.nan,
            "neu_rec": float((labels[gold == "neutral"] == "neutral").mean())
            if (gold == "neutral").any() else np.nan}


def mention_accuracy(model, aspects: pd.DataFrame, tokens_of) -> float:
    from manyi.annotate.sentiment.model import mention_proba, proba_labels

    texts = aspects["text"].tolist()
    proba = mention_proba(model, texts, tokens_of(texts), aspects["start"].to_numpy(),
                          aspects["end"].to_numpy())
    return float((proba_labels(proba) == aspects["label"].to_numpy()).mean())


PACKS = {"restaurant": "catering", "absa_mooc": "education"}  # others: ecommerce


def analyst_mentions(model, aspects: pd.DataFrame, industry: str) -> tuple[float, float]:
    """(polarity accuracy on the polar gold terms a mention overlaps, share of gold terms
    overlapped) with ``manyi.analyze`` and ``model``, as an analyst reads the mentions."""
    import manyi

    texts = list(dict.fromkeys(aspects["text"]))
    frame = pd.DataFrame({"id": [str(i) for i in range(len(texts))], "text": texts})
    mentions = manyi.analyze(frame, id_col="id", text_col="text", model=model, progress=False,
                             domain=PACKS.get(industry, "ecommerce")).mentions
    of = {int(cid): part for cid, part in mentions.groupby("comment_id")}
    number = {text: i for i, text in enumerate(texts)}
    found = right = polar = 0
    for text, start, end, label in aspects[["text", "start", "end", "label"]].itertuples(
            index=False):
        part = of.get(number[text])
        if part is None:
            continue
        hit = part[(part["start"] < end) & (part["end"] > start)]
        if hit.empty:
            continue
        found += 1
        if label != "neutral":
            polar += 1
            right += hit["polarity"].iloc[0] == label
    return right / max(polar, 1), found / max(len(aspects), 1)


def loio(comments: pd.DataFrame, aspects: pd.DataFrame, tokens_of, args) -> list[dict]:
    from manyi.annotate.sentiment.evaluate import snownlp_labels
    from manyi.annotate.sentiment.model import SentimentModel

    rows = []
    industries = sorted(set(comments["industry"]) - {"mixed"})
    for held in industries if not args.only else args.only:
        started = time.perf_counter()
        here = comments[comments["industry"] == held]
        test = sample(here, args.test_rows).reset_index(drop=True)
        others = comments[(comments["industry"] != held) & (comments["industry"] != "mixed")
                          & ~comments["key"].isin(set(here["key"]))]
        train = sample(others, args.train_rows, "industry").reset_index(drop=True)
        model = SentimentModel(**FIT_PARAMS).fit(
            train["text"].tolist(), train["label"].tolist(), tokens_of(train["text"].tolist()),
            groups=train["industry"].tolist() if args.cross else None)
        gold = test["label"].to_numpy()
        test_tokens = tokens_of(test["text"].tolist())
        proba = model.predict_proba(test["text"].tolist(), test_tokens)
        row = {"held out": held, "n": len(test), "gold_neu": float((gold == "neutral").mean())}
        row |= scores(gold, proba)
        row["tfidf"] = float((tfidf_baseline(train, test) == gold).mean())
        row["lead"] = 100 * (row["acc"] - row["tfidf"])
        if args.adapt:
            adapted = model.adapt_to(test["text"].tolist(), test_tokens)
            a = scores(gold, adapted.predict_proba(test["text"].tolist(), test_tokens))
            row["adapted"] = a["acc"]
        if args.snownlp_rows:
            part = np.arange(min(len(test), args.snownlp_rows))
            snow = np.array(snownlp_labels(test["text"].iloc[part].tolist()))
            row["manyi@snow"] = scores(gold[part], proba[part])["acc"]
            row["snownlp"] = float((snow == gold[part]).mean())
        held_aspects = aspects[aspects["industry"] == held]
        if len(held_aspects):
            held_aspects = sample(held_aspects, args.test_rows)
            row["mention"] = mention_accuracy(model, held_aspects, tokens_of)
            row["analyst"], row["found"] = analyst_mentions(model, held_aspects, held)
        row["s"] = time.perf_counter() - started
        rows.append({k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()})
        print(table(rows[-1:]), flush=True)
    return rows


def ceiling(comments: pd.DataFrame, tokens_of, args) -> list[dict]:
    """Each industry scored by models fitted on its OWN labels (5-fold cross-validation over
    ``--ceiling`` rows of it): how far its labels can be learnt at all, the bar a model
    that never saw the industry would have to clear."""
    from manyi.annotate.sentiment.model import SentimentModel

    rows = []
    for name in args.only or sorted(set(comments["industry"]) - {"mixed"}):
        here = sample(comments[comments["industry"] == name], args.ceiling).reset_index(drop=True)
        fold = np.arange(len(here)) % 5
        np.random.default_rng(0).shuffle(fold)
        gold, ours, base = here["label"].to_numpy(), [], []
        for k in range(5):
            train, test = here[fold != k], here[fold == k]
            model = SentimentModel(**FIT_PARAMS).fit(train["text"].tolist(),
                                                     train["label"].tolist(),
                                                     tokens_of(train["text"].tolist()))
            proba = model.predict_proba(test["text"].tolist(), tokens_of(test["text"].tolist()))
            ours.append(scores(gold[fold == k], proba)["acc"] * len(test))
            base.append(float((tfidf_baseline(train, test) == gold[fold == k]).sum()))
        rows.append({"industry": name, "n": len(here),
                     "gold_neu": round(float((gold == "neutral").mean()), 3),
                     "manyi in-industry": round(sum(ours) / len(here), 3),
                     "tfidf in-industry": round(sum(base) / len(here), 3)})
        print(table(rows[-1:]), flush=True)
    return rows


SPEED_CODE = r"""
import json, sys, time
from manyi.annotate.sentiment.model import SentimentModel
t1 = time.perf_counter()
model = SentimentModel.load(sys.argv[1])
t2 = time.perf_counter()
texts, tokens = json.load(sys.stdin)
model.predict_proba(texts[:200], tokens[:200])
best = best_cpu = 0.0
for _ in range(5):
    start, cpu = time.perf_counter(), time.process_time()
    model.predict_proba(texts, tokens)
    best = max(best, len(texts) / (time.perf_counter() - start))
    best_cpu = max(best_cpu, len(texts) / max(time.process_time() - cpu, 1e-9))
print(json.dumps({"load_s": t2 - t1, "comments_per_s": best, "comments_per_cpu_s": best_cpu}))
"""


def speed(texts: list[str], tokens_of, path: Path) -> dict:
    """Scoring speed after segmentation in one process (median-free best of five)."""
    payload = json.dumps([texts, tokens_of(texts)], ensure_ascii=False)
    out = subprocess.run([sys.executable, "-c", SPEED_CODE, str(path)], input=payload,
                         text=True, capture_output=True, check=True,
                         env={**os.environ, "OMP_NUM_THREADS": "1",
                              "PYTHONPATH": str(ROOT / "src")})
    return json.loads(out.stdout)


def shipped(comments: pd.DataFrame, tokens_of, stem: str | None = None) -> None:
    """The shipped model (or the model file ``stem``) on rows it never saw (chnsenticorp
    test) and on the two-class sets (in its training data: neutral share only), against
    snownlp; speed and size."""
    from manyi.annotate.sentiment.evaluate import snownlp_labels
    from manyi.annotate.sentiment.model import DEFAULT_MODEL_PATH, SentimentModel

    path = DEFAULT_MODEL_PATH if stem is None else Path(stem)
    model = SentimentModel.load(path)
    test = comments[comments["source"] == "chnsenticorp_test"]
    gold = test["label"].to_numpy()
    proba = model.predict_proba(test["text"].tolist(), tokens_of(test["text"].tolist()))
    snow = np.array(snownlp_labels(test["text"].tolist()))
    print("== chnsenticorp_12k test (never in the shipped model's training rows) ==")
    print(table([{**{k: round(v, 4) for k, v in scores(gold, proba).items()},
                  "snownlp": round(float((snow == gold).mean()), 4)}]))
    shop = comments[comments["source"] == "shopping"]
    texts = shop["text"][shop["text"].str.len().between(40, 110)].head(20_000).tolist()
    result = speed(texts, tokens_of, path)
    size = sum(path.with_suffix(s).stat().st_size for s in (".npz", ".json"))
    print(f"\n{result['comments_per_s']:,.0f} comments/s wall-clock, "
          f"{result['comments_per_cpu_s']:,.0f} per CPU second, one process, "
          f"{len(texts)} reviews of {np.mean([len(t) for t in texts]):.0f} chars; "
          f"load {result['load_s']:.2f} s; model files {size / 1e6:.2f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="held-out industries (default: all)")
    parser.add_argument("--train-rows", type=int, default=1000,
                        help="training rows sampled per industry (default 1000)")
    parser.add_argument("--test-rows", type=int, default=600,
                        help="held-out rows sampled (default 600)")
    parser.add_argument("--snownlp-rows", type=int, default=150,
                        help="of them scored by snownlp (default 150; 0: none)")
    parser.add_argument("--adapt", action="store_true",
                        help="also score with the model adapted to the held-out texts")
    parser.add_argument("--cross", action="store_true",
                        help="cross-fit the head over folds of the training industries "
                             "(default: as the shipped model, on rows the n-gram fit left out)")
    parser.add_argument("--no-loio", action="store_true", help="shipped model only")
    parser.add_argument("--negation-scope", action="store_true",
                        help="fit the folds' models with the negation scope "
                             "(manyi.annotate.sentiment.negation)")
    parser.add_argument("--term-placeholders", nargs="?", const="direction", default=None,
                        choices=["direction", "factor", "judged"],
                        help="fit the folds' models with the names of things as placeholders "
                             "(judged: only where an opinion word follows them; "
                             "manyi.annotate.sentiment.terms)")
    parser.add_argument("--term-shrink", type=float, default=None, metavar="F",
                        help="fit the folds' models with F × the L2 penalty on the n-grams "
                             "inside the names of things (manyi.annotate.sentiment.fit)")
    parser.add_argument("--model", default=None, metavar="STEM",
                        help="the model file the shipped section scores (default: the "
                             "shipped one), e.g. a refit written by train_sentiment.py --out")
    parser.add_argument("--ceiling", type=int, default=0, metavar="N",
                        help="only fit on each industry's own labels (5-fold, N rows of it): "
                             "the in-industry bar")
    parser.add_argument("--no-shipped", action="store_true",
                        help="skip the shipped model's section (e.g. when folds run in parallel)")
    args = parser.parse_args()
    if args.negation_scope:
        FIT_PARAMS["negation_scope"] = True
    if args.term_placeholders:
        FIT_PARAMS["term_placeholders"] = args.term_placeholders
    if args.term_shrink:
        FIT_PARAMS["term_shrink"] = args.term_shrink
    if not data_ready():
        return 0
    import sentiment_data

    from manyi.annotate.sentiment.evaluate import segment_all

    started = time.perf_counter()
    comments, aspects = sentiment_data.all_comments(), sentiment_data.all_aspects()
    cache: dict[str, list[str]] = {}

    def tokens_of(texts: list[str]) -> list[list[str]]:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        cache.update(zip(missing, segment_all(missing)))
        return [cache[t] for t in texts]

    if args.ceiling:
        print("== in-industry: 5-fold cross-validation on each industry's own labels ==")
        print("\n" + table(ceiling(comments, tokens_of, args)))
        return 0
    if not args.no_loio:
        print(f"== leave one industry out: {args.train_rows} training rows per industry, "
              f"{args.test_rows} held-out rows ==", flush=True)
        rows = loio(comments, aspects, tokens_of, args)
        print("\n" + table(rows))
        two_class = [r for r in rows if r["gold_neu"] == 0] or [{"neutral": float("nan")}]
        print(f"\nmean acc {np.mean([r['acc'] for r in rows]):.3f}, min "
              f"{min(r['acc'] for r in rows):.3f}; mean lead over tfidf "
              f"{np.mean([r['lead'] for r in rows]):+.1f} pts, min "
              f"{min(r['lead'] for r in rows):+.1f}; neutral share on two-class sets "
              f"{np.mean([r['neutral'] for r in two_class]):.3f} (max "
              f"{max(r['neutral'] for r in two_class):.3f})\n", flush=True)
    if not args.no_shipped:
        shipped(comments, tokens_of, args.model)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
