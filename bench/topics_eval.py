"""Topic models on real reviews: chosen K, c_v coherence, NMI against the 10 product
categories, speed and peak memory from raw text to fitted model, determinism.

    python bench/topics_eval.py                 # everything (about 2.5 minutes on 2 cores)
    python bench/topics_eval.py --skip-speed    # quality only
    python bench/topics_eval.py --sizes 25000 100000 --reference-k 10

Reads ../shared/data/sentiment/online_shopping_10_cats.csv; skips with a message without it.
The speed runs repeat that file's rows to reach the size asked (it has 62,773 reviews).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "sentiment" / "online_shopping_10_cats.csv"


def load_reviews() -> pd.DataFrame:
    from manyi.text.normalize import normalize_text

    reviews = pd.read_csv(DATA).dropna(subset=["review"]).reset_index(drop=True)
    reviews["text"] = [normalize_text(t) for t in reviews.review]
    reviews["sentiment"] = np.where(reviews.label == 1, "positive", "negative")
    return reviews


def nmi(labels, clusters) -> float:
    """Normalised mutual information (arithmetic mean of entropies, as scikit-learn)."""
    table = pd.crosstab(pd.Series(list(labels)), pd.Series(list(clusters))).to_numpy(float)
    joint = table / table.sum()
    pa, pb = joint.sum(1), joint.sum(0)
    nz = joint > 0
    mutual = (joint[nz] * np.log(joint[nz] / np.outer(pa, pb)[nz])).sum()
    entropy = -(pa[pa > 0] * np.log(pa[pa > 0])).sum() - (pb[pb > 0] * np.log(pb[pb > 0])).sum()
    return float(2 * mutual / entropy) if entropy else 1.0


def coherence_cv(model) -> float:
    """c_v of the final model over every fitted comment's vocabulary words."""
    from manyi.analysis.topics.model import topic_coherence

    texts = [[model.dictionary_[i] for i, _ in bow] for bow in model._corpus]
    return topic_coherence(model.lda_, texts, model.dictionary_)


def quality(reference_k: int | None) -> None:
    from manyi.analysis.topics.model import TopicModel

    reviews = load_reviews()
    start = time.perf_counter()
    model = TopicModel().fit(reviews.text, sentiment=reviews.sentiment)
    seconds = time.perf_counter() - start
    print(f"\n## Quality on online_shopping_10_cats ({len(reviews):,} reviews, 10 categories)")
    print("\nK selection (held-out log-likelihood per word, 2-fold on a 10,000-comment sample; "
          f"the fewest topics within one standard error of the best: K={model.k_}; c_v reported):")
    print(model.k_scores_.to_string(index=False, float_format="%.4f"))
    rows = [("auto", model, seconds)]
    if reference_k:
        start = time.perf_counter()
        fixed = TopicModel(k=reference_k).fit(reviews.text, sentiment=reviews.sentiment)
        rows.append((f"fixed {reference_k}", fixed, time.perf_counter() - start))
    start = time.perf_counter()
    seeded = TopicModel(seed_dimensions=True).fit(reviews.text, sentiment=reviews.sentiment)
    rows.append(("auto, seeded by dimensions", seeded, time.perf_counter() - start))
    print("\n| K | chosen | c_v (final model) | NMI vs category | fit s |")
    print("|---|---|---|---|---|")
    for name, fitted, secs in rows:
        print(f"| {fitted.k_} | {name} | {coherence_cv(fitted):.3f} | "
              f"{nmi(reviews.cat, fitted.document_topics_.topic):.3f} | {secs:.1f} |")
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 60)
    info = model.topic_info()
    print("\nTopics of the chosen model:")
    print(info[["topic", "label", "size", "negative_share", "top_terms"]].to_string(index=False))
    print("\nCategory x dominant topic:")
    print(pd.crosstab(reviews.cat, model.document_topics_.topic).to_string())


def fingerprint() -> tuple[int, str]:
    """K and a digest of the topics and every comment's topic, fitted on 5,000 comments."""
    from manyi.analysis.topics.model import TopicModel

    texts = load_reviews().text.sample(5000, random_state=1).tolist()
    model = TopicModel(k_range=(4, 8)).fit(texts)
    digest = hashlib.sha256((model.k_scores_.to_csv() + model.topic_info().to_csv()
                             + model.document_topics_.to_csv()).encode()).hexdigest()
    return model.k_, digest[:16]


def determinism() -> None:
    """Two fits in this process and one in a fresh process (another hash seed) must agree."""
    runs = [fingerprint(), fingerprint()]
    out = subprocess.run([sys.executable, __file__, "--fingerprint"], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()[-1]
    runs.append(tuple(json.loads(out)))
    same = len(set(runs)) == 1
    print(f"\n## Determinism: three fits on the same 5,000 comments (two in this process, one "
          f"in a fresh one) identical: {same} (K={runs[0][0]}, digest {runs[0][1]})")


def peak_rss_mb() -> float:
    """This process's peak resident memory. ``ru_maxrss`` survives ``exec`` on Linux (a child
    started by a big parent reports the parent's peak), so read VmHWM where there is one."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed_child(n: int) -> None:
    """Run in a fresh process: time raw text -> fitted model, report peak RSS as JSON."""
    from manyi.analysis.topics.model import TopicModel

    texts = pd.read_csv(DATA).dropna(subset=["review"]).review.tolist()
    texts = (texts * (n // len(texts) + 1))[:n]
    base = peak_rss_mb()
    start = time.perf_counter()
    model = TopicModel().fit(texts)
    seconds = time.perf_counter() - start
    peak = peak_rss_mb()
    print(json.dumps({"n": n, "seconds": seconds, "k": model.k_, "vocab": len(model.dictionary_),
                      "nnz": int(model._corpus.ids.size), "rss_before_mb": base,
                      "peak_rss_mb": peak}))


def speed(sizes: list[int]) -> None:
    print("\n## Speed: raw text -> segmentation -> phrases -> K chosen -> fitted model (1 process)")
    print("\n| comments | seconds | comments/s | K | vocabulary | RSS with texts loaded MB "
          "| peak RSS MB | growth MB |")
    print("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True,
                             text=True, check=True).stdout.strip().splitlines()[-1]
        r = json.loads(out)
        print(f"| {n:,} | {r['seconds']:.1f} | {n / r['seconds']:,.0f} | {r['k']} | {r['vocab']:,} "
              f"| {r['rss_before_mb']:.0f} | {r['peak_rss_mb']:.0f} "
              f"| {r['peak_rss_mb'] - r['rss_before_mb']:.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="+", default=[25000, 100000])
    parser.add_argument("--reference-k", type=int, default=10,
                        help="also fit this fixed K for comparison (0: skip)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--fingerprint", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the shared data folder is not present)")
        return
    if args.child:
        speed_child(args.child)
        return
    if args.fingerprint:
        print(json.dumps(fingerprint()))
        return
    if not args.skip_quality:
        quality(args.reference_k or None)
        determinism()
    if not args.skip_speed:
        speed(args.sizes)


if __name__ == "__main__":
    main()
