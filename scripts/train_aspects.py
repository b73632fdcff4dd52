"""Fit the learned aspect scorer: ``python scripts/train_aspects.py``.

Writes ``src/manyi/annotate/models/aspect_scorer.json`` (see
:mod:`manyi.annotate.aspect_scorer`) from the labelled sentences of
``../shared/data/aspects/``: absa_terms camera, phone, mooc, shampoo and restaurant_triplets,
read as ``bench/aspects_eval.py`` reads them. Each industry's sentences are one corpus: its
first pass (:mod:`manyi.annotate.prepass`) learns its words, the rules find their mentions,
and every noun run no mention covers is a candidate, labelled 1 when it finds a gold term of
its sentence (the gold term inside it, or it inside the gold term) and 0 otherwise. A logistic
regression (scikit-learn, the ``train`` extra) over the candidates' features, each industry
weighing the same; a candidate is accepted at probability :data:`THRESHOLD` (0.5, the
regression's own boundary: no threshold is tuned). The shipped weights use all five industries;
``bench/aspects_eval.py`` fits on four and scores the fifth.

    python scripts/train_aspects.py                 # every sentence of the five sets
    python scripts/train_aspects.py --out /tmp/a.json --limit 1500 --without restaurant

Deterministic: fixed sentence order, L-BFGS.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from manyi.annotate.aspect_scorer import MODEL_PATH, AspectScorer  # noqa: E402

THRESHOLD = 0.5  # the probability a candidate must reach: the regression's own boundary
C = 0.3          # inverse L2 strength
MIN_COUNT = 3    # a feature seen fewer times is dropped

Example = tuple[list[str], int]


def candidates(name: str, data: Sequence[tuple[str, list[tuple[str, str]]]], domain: str
               ) -> list[Example]:
    """(features, label) of every candidate the rules leave in one industry's sentences."""
    from manyi.annotate.factors import FactorExtractor
    from manyi.annotate.prepass import learn_aspects, with_learned
    from manyi.text.lexicon import Lexicon
    from manyi.text.normalize import normalize_text
    from manyi.text.segment import Segmenter

    texts = [s for s, _ in data]
    lexicon = with_learned(Lexicon.load(domain), learn_aspects(texts, Lexicon.load(domain)))
    segmenter = Segmenter(lexicon)
    extractor = FactorExtractor(lexicon, tagger=segmenter.tag)
    extractor.scorer = AspectScorer()
    extractor.scorer.collect = seen = []
    out: list[Example] = []
    for text, gold in data:
        text = normalize_text(text)
        del seen[:]
        extractor.analyse(text, segmenter.cut(text))
        terms = [t for t, _ in gold]
        for _, _, _, term, feats in seen:
            out.append((feats, int(any(g in term or term in g for g in terms))))
    return out


def _matrix(examples: list[Example], index: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, (feats, _) in enumerate(examples):
        for f in set(feats):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(index)))
    return x, np.array([label for _, label in examples])


def _regression(groups: dict[str, list[Example]]):
    """(feature names, fitted LogisticRegression) over the groups' examples, each group
    (industry) weighing the same in the loss."""
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for examples in groups.values():
        for feats, _ in examples:
            for f in set(feats):
                counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    pooled = [e for examples in groups.values() for e in examples]
    weight = np.concatenate([np.full(len(e), len(pooled) / (len(groups) * len(e)))
                             for e in groups.values() if e])
    x, y = _matrix(pooled, index)
    return names, index, LogisticRegression(C=C, max_iter=2000).fit(x, y, sample_weight=weight)


def fit(groups: dict[str, list[Example]], threshold: float = THRESHOLD) -> AspectScorer:
    """A logistic regression over the groups' (industries') binary features, each group
    weighing the same; a candidate is accepted at ``threshold`` (scikit-learn needed)."""
    names, _, model = _regression({g: list(e) for g, e in groups.items()})
    weights = {f: float(w) for f, w in zip(names, model.coef_[0]) if abs(w) > 1e-6}
    return AspectScorer(weights, float(model.intercept_[0]), threshold)


def main() -> None:
    from aspects_eval import INDUSTRIES, load_sets

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--limit", type=int, default=0, help="sentences per set (0: all)")
    parser.add_argument("--without", nargs="*", default=(), help="industries left out")
    args = parser.parse_args()
    sets = load_sets(args.limit)
    groups: dict[str, list[Example]] = {}
    for name, data in sets.items():
        if name in args.without:
            continue
        groups[name] = found = candidates(name, data, INDUSTRIES[name])
        print(f"{name}: {len(found)} candidates, {sum(y for _, y in found)} gold")
    scorer = fit(groups)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(scorer.to_dict(), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}: {len(scorer.weights)} features, threshold {scorer.threshold}")


if __name__ == "__main__":
    main()
