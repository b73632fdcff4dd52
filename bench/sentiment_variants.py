"""What else was tried for sentiment accuracy: feature variants and neural baselines.

    python bench/sentiment_variants.py                  # both parts (~35 min on 2 cores)
    python bench/sentiment_variants.py --only ngram     # feature variants (~25 min)
    python bench/sentiment_variants.py --only neural    # char-CNN, word BiGRU (~15 min; torch)

The shipped model is a bag of n-grams (NB-SVM); this script keeps the evidence for why. Every
model is fitted on the pool of ``manyi.train.tune`` (the shipped pool without the rows of
chnsenticorp_12k validation and test) and scored on the validation rows: test rows are never
scored here. Accuracy is the sign of the raw logit (no calibration), for every model alike.

- Feature variants add structure to the n-grams: words in a negation's scope, words of the
  last clause, words after a contrast word (但是 …), character 4-grams, and the lexicon's
  opinion hits as features. They also print the two category hold-out folds of
  ``bench/sentiment_eval.py`` (fitted on the other categories, scored on all held-out rows).
- Neural baselines, trained here from scratch (no pretrained Chinese encoder can be installed
  on this machine): a character CNN and a word BiGRU. Their logits are combined with the
  n-gram logits (each standardised) at several weights, to see whether they add anything.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

import numpy as np
import pandas as pd
from sentiment_eval import DATA, FOLDS, data_ready  # bench/ is on the path of a bench script

CLAUSE_END = frozenset("，,。.!！?？;；~～…、:：\n\r\t ")
CONTRAST = frozenset({"但是", "但", "可是", "不过", "然而", "却", "只是", "可惜"})
ENSEMBLE_WEIGHTS = (0.2, 0.3, 0.4, 0.5)


# -- feature variants ------------------------------------------------------------------
def negation_scope(tokens, lexicon) -> list[str]:
    """Up to three words after a negation word, within its clause: 不 太 满意 → n太, n满意."""
    out, left = [], 0
    for word in tokens:
        if word in CLAUSE_END:
            left = 0
        elif word in lexicon.negations:
            left = 3
        elif left:
            out.append("n" + word)
            left -= 1
    return out


def last_clause(tokens) -> list[str]:
    """The words of the last clause of a comment that has more than one."""
    clauses = [[]]
    for word in tokens:
        if word in CLAUSE_END:
            if clauses[-1]:
                clauses.append([])
        else:
            clauses[-1].append(word)
    clauses = [c for c in clauses if c]
    return ["l" + w for w in clauses[-1]] if len(clauses) > 1 else []


def after_contrast(tokens) -> list[str]:
    """The words after the first contrast word: 房间大但是隔音差 → a隔音, a差."""
    out, on = [], False
    for word in tokens:
        if word in CONTRAST:
            on = True
        elif on and word not in CLAUSE_END:
            out.append("a" + word)
    return out


def lexicon_hits(text, tokens, lexicon) -> list[str]:
    """Each opinion hit as a feature: its sign, negated or not, in the last three tokens."""
    out = []
    for first, i, weight in lexicon.hits(text, tokens):
        kind = "LP" if weight > 0 else "LN"
        if first >= 0 and any(tokens[j] in lexicon.negations for j in range(first, i)):
            kind += "n"
        out += [kind, kind + ("e" if i >= len(tokens) - 3 else "")]
    return out


VARIANTS = {
    "shipped features": lambda text, tokens, lexicon: [],
    "+ negation scope": lambda text, tokens, lexicon: negation_scope(tokens, lexicon),
    "+ last clause": lambda text, tokens, lexicon: last_clause(tokens),
    "+ after contrast": lambda text, tokens, lexicon: after_contrast(tokens),
    "+ char 4-grams": lambda text, tokens, lexicon: ["c" + text[i:i + 4]
                                                     for i in range(len(text) - 3)],
    "+ lexicon hits": lexicon_hits,
}


def fit_ngrams(extra, texts, tokens, labels, weights, lexicon, min_df: int = 2,
               alpha: float = 0.08):
    """The shipped fit (NB-scaled n-grams + the lexicon column, L2 logistic regression), with
    the ``extra`` features added; returns a scorer of (texts, tokens) → logits."""
    from scipy import sparse

    from manyi.train import _lbfgs, _matrix, _nb_ratio, _prefixed, vocabulary

    def docs(texts, tokens):
        return [_prefixed(t, k) + extra(t, k, lexicon) for t, k in zip(texts, tokens)]

    train_docs = docs(texts, tokens)
    index = vocabulary(train_docs, range(len(texts)), min_df)
    X = _matrix(train_docs, range(len(texts)), index, texts, tokens, lexicon)
    y = (np.asarray(labels) == "positive").astype(int)
    scale = sparse.diags(np.concatenate([_nb_ratio(X, y, len(index)), np.ones(3)]))
    if weights is not None:
        weights = weights * (len(weights) / weights.sum())
    w = scale @ _lbfgs(X @ scale, y, 1, alpha, 400, weights)[:, 0]

    def score(texts, tokens):
        return _matrix(docs(texts, tokens), range(len(texts)), index, texts, tokens, lexicon) @ w
    return score


def accuracy(logits, labels) -> float:
    return round(float(np.mean((np.asarray(logits) >= 0) == (np.asarray(labels) == "positive"))),
                 4)


# -- neural baselines ------------------------------------------------------------------
def train_neural(kind: str, pool, weights, tokens_of, evaluate, epochs: int, log):
    """A char-CNN (widths 2-4, 128 filters each, max + mean pooling) or a word BiGRU (96 units
    a direction) trained with Adam on the pool; returns its logits on ``evaluate``."""
    import torch
    from torch import nn
    from torch.nn import functional as F

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    units = (lambda t: t) if kind == "char-CNN" else (lambda t: tokens_of[t])
    counts = Counter(u for t in pool["text"] for u in units(t))
    vocab = {u: i + 2 for i, u in enumerate(sorted(u for u, n in counts.items() if n >= 2))}
    most = 400 if kind == "char-CNN" else 200  # a longer text keeps its head and its tail

    def encode(text):
        ids = [vocab.get(u, 1) for u in units(text)] or [1]
        return ids if len(ids) <= most else ids[:most // 2] + ids[-most // 2:]

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            dim = 96 if kind == "char-CNN" else 128
            self.emb = nn.Embedding(len(vocab) + 2, dim, padding_idx=0)
            if kind == "char-CNN":
                self.convs = nn.ModuleList(nn.Conv1d(dim, 128, k, padding=k // 2)
                                           for k in (2, 3, 4))
                width = 2 * 128 * 3
            else:
                self.rnn = nn.GRU(dim, 96, batch_first=True, bidirectional=True)
                width = 4 * 96
            self.drop, self.out = nn.Dropout(0.5), nn.Linear(width, 1)

        def forward(self, ids):
            mask = ids != 0
            if kind == "char-CNN":
                e = self.emb(ids).transpose(1, 2)
                layers = [F.relu(conv(e))[:, :, :ids.shape[1]].transpose(1, 2)
                          for conv in self.convs]
            else:
                packed = nn.utils.rnn.pack_padded_sequence(
                    self.emb(ids), mask.sum(1), batch_first=True, enforce_sorted=False)
                layers = [nn.utils.rnn.pad_packed_sequence(
                    self.rnn(packed)[0], batch_first=True, total_length=ids.shape[1])[0]]
            m = mask[:, :, None]
            pooled = [p for h in layers for p in (h.masked_fill(~m, -1e4).max(1).values,
                                                 (h * m).sum(1) / m.sum(1))]
            return self.out(self.drop(torch.cat(pooled, 1)))[:, 0]

    def batch(seqs):
        ids = torch.zeros(len(seqs), max(map(len, seqs)), dtype=torch.long)
        for r, s in enumerate(seqs):
            ids[r, :len(s)] = torch.tensor(s)
        return ids

    X = [encode(t) for t in pool["text"]]
    y = torch.tensor((pool["label"].to_numpy() == "positive").astype(np.float32))
    w = torch.tensor(weights / weights.mean(), dtype=torch.float32)
    lengths = np.array([len(x) for x in X])
    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1 - e / epochs)
    Xe = [encode(t) for t in evaluate["text"]]
    order_e = np.argsort([len(x) for x in Xe])
    for epoch in range(epochs):
        started = time.perf_counter()
        net.train()
        order = np.argsort(lengths + rng.random(len(X)) * 20)  # batches of similar lengths
        batches = [order[i:i + 64] for i in range(0, len(order), 64)]
        rng.shuffle(batches)
        for b in batches:
            loss = F.binary_cross_entropy_with_logits(net(batch([X[i] for i in b])), y[b],
                                                      reduction="none")
            opt.zero_grad()
            (loss * w[b]).mean().backward()
            opt.step()
        sched.step()
        net.eval()
        logits = np.zeros(len(Xe), dtype=np.float32)
        with torch.no_grad():
            for i in range(0, len(order_e), 256):
                b = order_e[i:i + 256]
                logits[b] = net(batch([Xe[j] for j in b])).numpy()
        log(f"  {kind} epoch {epoch + 1}: validation {accuracy(logits, evaluate['label'])} "
            f"({time.perf_counter() - started:.0f} s)")
    return logits


def neural_ready() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        print("neural baselines skipped: torch is not installed (pip install torch)")
        return False
    return True


# -- main ------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["ngram", "neural"], help="run one part")
    args = parser.parse_args()
    if not data_ready() or (args.only == "neural" and not neural_ready()):
        return 0
    from manyi.sentiment import _Lexicon, _load_lexicon
    from manyi.train import SHIPPED_SOURCE_WEIGHTS as SHIPPED_WEIGHTS
    from manyi.train import _frames, load_sets, segment_all, source_weights, training_pool

    started = time.perf_counter()
    sets = load_sets(DATA)
    test_keys = set(sets["chnsenticorp_test"]["key"])
    val = sets["chnsenticorp_validation"]
    val = val[~val["key"].isin(test_keys)].drop_duplicates("key").reset_index(drop=True)
    pool = training_pool(_frames(sets), test_keys | set(val["key"]))
    weights = source_weights(pool, SHIPPED_WEIGHTS)
    texts = sorted(set(pool["text"]) | set(val["text"]) | set(sets["shopping"]["text"]))
    tokens_of = dict(zip(texts, segment_all(texts)))
    lexicon = _Lexicon.from_lexicon(_load_lexicon("ecommerce"))
    print(f"pool {len(pool)} rows, validation {len(val)} rows; segmented in "
          f"{time.perf_counter() - started:.0f} s\n", flush=True)

    def toks(frame):
        return [tokens_of[t] for t in frame["text"]]

    base_logits = None
    if args.only in (None, "ngram"):
        shop, hotel = sets["shopping"], sets["hotel"]
        rows = []
        for name, extra in VARIANTS.items():
            t0 = time.perf_counter()
            score = fit_ngrams(extra, pool["text"].tolist(), toks(pool), pool["label"], weights,
                               lexicon)
            logits = score(val["text"].tolist(), toks(val))
            base_logits = logits if base_logits is None else base_logits
            row = {"variant": name, "validation": accuracy(logits, val["label"])}
            for fold, held in zip("AB", FOLDS):
                test = shop[shop["cat"].isin(held)].drop_duplicates("key")
                exclude = set(test["key"]) | (set(hotel["key"]) if "酒店" in held else set())
                train = training_pool([shop[~shop["cat"].isin(held)]], exclude)
                fold_score = fit_ngrams(extra, train["text"].tolist(), toks(train),
                                        train["label"], None, lexicon)
                row[f"fold {fold}"] = accuracy(fold_score(test["text"].tolist(), toks(test)),
                                               test["label"])
            row["seconds"] = round(time.perf_counter() - t0)
            rows.append(row)
            print(f"  {row}", flush=True)
        print(pd.DataFrame(rows).to_string(index=False), "\n")
    if args.only in (None, "neural") and neural_ready():
        if base_logits is None:
            base_logits = fit_ngrams(VARIANTS["shipped features"], pool["text"].tolist(),
                                     toks(pool), pool["label"], weights,
                                     lexicon)(val["text"].tolist(), toks(val))
        rows = []
        for kind, epochs in (("char-CNN", 6), ("word BiGRU", 3)):
            logits = train_neural(kind, pool, weights, tokens_of, val, epochs, print)
            row = {"model": kind, "alone": accuracy(logits, val["label"]),
                   "n-grams alone": accuracy(base_logits, val["label"]),
                   "correlation": round(float(np.corrcoef(base_logits, logits)[0, 1]), 3)}
            for share in ENSEMBLE_WEIGHTS:
                mixed = ((1 - share) * base_logits / base_logits.std()
                         + share * logits / logits.std())
                row[f"mix {share}"] = accuracy(mixed, val["label"])
            rows.append(row)
        print(pd.DataFrame(rows).to_string(index=False))
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
