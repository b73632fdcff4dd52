"""A learned scorer of unlisted aspects: the nouns a clause judges that the rules miss.

After the rules of :class:`~manyi.annotate.factors.FactorExtractor` ran on a comment, every
run of nouns (a noun compound: 播放器, 鸳鸯 锅) that no mention covers is a candidate. Its
features generalise across industries: its parts of speech and length, the kind of the words
beside it (an opinion word, a degree word, 的, a verb …), how far the nearest opinion word is
before and after it, where it stands in its clause. A logistic regression over them (fitted by
``scripts/train_aspects.py`` on the labelled sets of ``../shared/data/aspects/``; shipped as
plain JSON weights, scored here with no scikit-learn) says whether the candidate is an aspect
the customer judged. Each one scored at or above the model's threshold becomes a
``discovered`` mention, filed as the rules file a discovered word
(:meth:`~manyi.annotate.aspects.AspectFinder.file_term`), judged by the clause's opinion when
the clause has one (else its polarity is the clause model's).

>>> scorer = AspectScorer({"tag=n": 2.0, "next=op": 1.0}, bias=-2.0, threshold=0.5)
>>> round(scorer.probability(["tag=n", "next=op"]), 3)
0.731
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from pathlib import Path
from typing import Any

from manyi.annotate.aspect_tags import MAX_CHARS, MAX_COMPOUND

MODEL_PATH = Path(__file__).parent / "models" / "aspect_scorer.json"
PUNCT = frozenset(",，、。.!！?？;；~～:：")


class AspectScorer:
    """Weights of named binary features, a bias and the threshold a candidate must reach.

    ``collect``: when a list, :func:`add_scored` appends each candidate's (comment text,
    start, end, term, features) to it instead of adding mentions (the training script's
    view of what the rules left)."""

    def __init__(self, weights: dict[str, float] | None = None, bias: float = 0.0,
                 threshold: float = 1.0) -> None:
        self.weights: dict[str, float] = dict(weights or {})
        self.bias = bias
        self.threshold = threshold
        self.collect: list | None = None

    @property
    def active(self) -> bool:
        """Whether it adds (or collects) anything: weights given, or collecting."""
        return bool(self.weights) or self.collect is not None

    def probability(self, features: list[str]) -> float:
        """The candidate's probability of being a judged aspect."""
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def use(self, other: AspectScorer | None) -> None:
        """Take ``other``'s weights in place (None: none, the scorer adds nothing); every
        extractor holding this scorer sees them."""
        self.weights = dict(other.weights) if other is not None else {}
        self.bias = other.bias if other is not None else 0.0
        self.threshold = other.threshold if other is not None else 1.0

    def to_dict(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: dict) -> AspectScorer:
        return cls({str(k): float(v) for k, v in data["weights"].items()},
                   float(data["bias"]), float(data["threshold"]))

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> AspectScorer:
        """The scorer in a JSON file (an empty one when the file is missing)."""
        path = Path(path)
        if not path.is_file():
            return cls()
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


MODEL = AspectScorer.load()  # the shipped weights, shared by every extractor of the process


def _kind_of(extractor: Any, token: str, role: tuple | None) -> str:
    """A coarse class of a neighbouring token: op (an opinion word), bare (a bare adjective),
    deg (a degree or negation word), 的, punct, else its part of speech's first letter."""
    if role is not None:
        if role[0]:
            return "op"
        if role[4]:
            return "deg" if token in extractor.lexicon.degrees else "bare"
        if role[1]:
            return "term"
    if token in extractor._modifiers:
        return "deg"
    if token in ("的", "之"):
        return "的"
    if token in (":", "："):
        return "colon"  # 数量：两瓶, 外观：漂亮 (a form's field)
    if token in PUNCT or not token.strip():
        return "punct"
    if not ("\u4e00" <= token[0] <= "\u9fff"):
        return "latin" if token.isascii() and token.isalpha() else "other"
    tag = extractor.finder.tag(token)
    return tag[:1] if tag else "?"


def _bucket(n: int | None) -> str:
    return "none" if n is None else str(n) if n < 4 else "4+"


def features(extractor: Any, tokens: list[str], roles: list, first: int, last: int,
             a: int, b: int, opinions: list[int], mentioned: bool) -> list[str]:
    """The named features of the candidate ``tokens[a:b]`` in the clause ``first:last``
    (``opinions``: the clause's opinion-word indices; ``mentioned``: the clause has a
    mention already)."""
    finder = extractor.finder
    tag = finder.tag(tokens[b - 1]) or "?"
    chars = sum(len(t) for t in tokens[a:b])
    prev = _kind_of(extractor, tokens[a - 1], roles[a - 1]) if a > first else "BOS"
    nxt = _kind_of(extractor, tokens[b], roles[b]) if b < last else "EOS"
    nxt2 = _kind_of(extractor, tokens[b + 1], roles[b + 1]) if b + 1 < last else "EOS"
    after = next((o - b + 1 for o in opinions if o >= b), None)
    before = next((a - o for o in reversed(opinions) if o < a), None)
    out = [f"ntok={b - a}", f"nchr={min(chars, 5)}", f"tag={tag}", f"prev={prev}",
           f"next={nxt}", f"next2={nxt2}", f"opa={_bucket(after)}", f"opb={_bucket(before)}",
           f"tag|next={tag}|{nxt}", f"prev|next={prev}|{nxt}", f"tag|opa={tag}|{_bucket(after)}",
           f"clause={min((last - first) // 4, 5)}"]
    word = tokens[b - 1]
    out.append(f"last={word[-1]}")  # the head's last character: 性 度 感 色 味 name qualities
    out.append(f"first={tokens[a][0]}")
    if b - a > 1:
        out.append(f"tag0={finder.tag(tokens[a]) or '?'}")
    if len(tokens[b - 1]) == 1:
        out.append("head1")
    if mentioned:
        out.append("mentioned")
        out.append(f"mentioned|opa={_bucket(after)}")
    if not opinions:
        out.append("no_opinion")
    if prev in ("BOS", "punct") and nxt in ("EOS", "punct"):
        out.append("alone")  # a clause that only names it (点了烤鱼，大虾，冰淇淋)
    return out


def add_scored(extractor: Any, scorer: AspectScorer, text: str, tokens: list[str],
               starts: list[int], roles: list, spans: list[tuple[int, int]],
               mentions: list) -> list:
    """``mentions`` with a discovered mention for each candidate the scorer accepts (see the
    module docstring), in reading order; the clause's own mentions come first."""
    finder = extractor.finder
    kind, head = finder._kind, finder._head
    covered = [(m.start, m.end) for m in mentions]
    clause_starts = [s for s, _ in spans]
    added = []
    n = len(tokens)
    i = 0
    clause_first, clause_id, clause_last = 0, -1, 0
    while i < n:
        token = tokens[i]
        if not (kind[token] == 2 or head[token]) or (roles[i] is not None and roles[i][1]):
            i += 1
            continue
        j = i + 1
        c = bisect_right(clause_starts, starts[i]) - 1
        c_end = spans[c][1] if c >= 0 else len(text)
        while j < n and starts[j] < c_end and (kind[tokens[j]] == 2 or head[tokens[j]]) \
                and not (roles[j] is not None and roles[j][1]):
            j += 1
        a, b = max(i, j - MAX_COMPOUND), j
        i = j
        start, end = starts[a], starts[b - 1] + len(tokens[b - 1])
        if end - start > MAX_CHARS or (b - a == 1 and len(tokens[a]) == 1) or any(
                s < end and start < e for s, e in covered):
            continue
        if c != clause_id:
            clause_id = c
            c_start = spans[c][0] if c >= 0 else 0
            clause_first = bisect_right(starts, c_start - 1)
            clause_last = bisect_right(starts, c_end - 1)
            opinions = [k for k in range(clause_first, clause_last)
                        if roles[k] is not None and (roles[k][0] or roles[k][4])
                        and tokens[k] not in extractor.lexicon.degrees]
            own = [m for m in mentions if m.clause_id == c]
        feats = features(extractor, tokens, roles, clause_first, clause_last, a, b, opinions,
                         bool(own))
        term = text[start:end]
        if scorer.collect is not None:
            scorer.collect.append((text, start, end, term, feats))
            continue
        if scorer.probability(feats) < scorer.threshold:
            continue
        factor, how = finder.file_term(tokens[a:b])
        judged = min((m for m in own if m.opinion), default=None,
                     key=lambda m: (m.start < start, abs(m.start - start)))
        clause = text[spans[c][0]:c_end] if c >= 0 else text
        if judged is not None:
            added.append(judged._replace(dimension=factor.dimension, factor=factor.key,
                                         term=term, implicit=False, start=start, end=end,
                                         source="discovered", filed_by=how))
        else:
            added.append(extractor._mention(text, c, clause, factor, term, None, False, start,
                                            end, "discovered", how))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.clause_id)
