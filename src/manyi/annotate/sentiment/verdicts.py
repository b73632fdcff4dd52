"""What a comment's verdict says of the words around it (issue #19, opinions read wrong).

The clause model reads a clause alone. Two kinds of clause carry no verdict of their own, and
alone it reads them wrong:

* **a clause that only narrates** (东西收到了, 用了几天, 到了) before the verdict that
  follows (不太满意): the model reads narration by the n-grams of warm reviews (收到了 leans
  positive), so the narrated thing came out praised. When the comment is that narration and
  one verdict that names nothing else (an ``overall`` one), the thing narrated takes the
  verdict (:func:`follow_verdicts`);
* **a bare taste** (酸酸的, 甜, 不甜: no opinion word of the lexicon) beside a verdict
  (口感很差，酸酸的): the taste is described, the verdict around it says whether that is
  good. It is read with its whole comment, as a mention with no opinion word is
  (:func:`is_bare_taste`; ``annotator.mention_polarity``).

>>> verdict_sign([("很差", -0.8), ("", 0.0)])
-1
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from manyi.annotate.overall_filing import TASTE_CHARS
from manyi.annotate.sentiment.head import CONTRAST_WORDS

REACH = 2  # clauses after a narrating one searched for the verdict that follows
PARTICLES = "的了啊呀哦呢吧啦"
# a taste said with "too much" or "a little" is a complaint of its own (偏咸, 太甜, 有点酸),
# not a description the verdict beside it judges
EXCESS_PREFIXES = ("偏", "太", "过", "有点", "有些", "稍微", "略")


def verdict_sign(opinions: Sequence[tuple[str, float]]) -> int:
    """The sign of the summed scores of the (opinion, score) pairs that hold an opinion word,
    0 when none does or they cancel."""
    total = sum(score for opinion, score in opinions if opinion and score)
    return (total > 0) - (total < 0)


def is_bare_taste(opinion: str, lexicon_score: float) -> bool:
    """Whether ``opinion`` is a taste no lexicon word judges: 酸酸的, 甜甜, 不甜, 很酸 (not
    好吃; not 偏咸 or 有点酸, which complain of their own).

    >>> [is_bare_taste(w, 0.0) for w in ("酸酸的", "不甜", "偏咸", "有点酸", "好吃")]
    [True, True, False, False, False]
    """
    if lexicon_score or not opinion:
        return False
    core = opinion.rstrip(PARTICLES)
    if not core or core.startswith(EXCESS_PREFIXES):
        return False
    taste = len(core)
    while taste and core[taste - 1] in TASTE_CHARS:
        taste -= 1
    return taste < len(core) and taste <= 2  # a taste after at most a degree or 不: 很酸, 不甜


def starts_with_contrast(clause: str) -> bool:
    """Whether ``clause`` opens with a contrast word (但是有点酸)."""
    return any(clause.startswith(w) for w in CONTRAST_WORDS)


def follow_verdicts(rows: list[list], kinds: Sequence[str], lexicon_scores: Sequence[float],
                    *, clause_at: int, opinion_at: int, dimension_at: int, polarity_at: int,
                    score_at: int, thanks: frozenset[str] = frozenset(),
                    narrates: Callable[[int], bool] = lambda clause_id: True) -> None:
    """Polarity and score of a comment's narrating mentions (``kinds``: "narration" or "")
    from the verdict that follows, in place: within REACH clauses, not across a contrast word,
    a clause whose opinions are all ``overall`` (不太满意) and hold every opinion word of the
    comment — the comment is narration and that verdict — and thank no one (谢谢).
    ``narrates(clause id)``: whether the clause only narrates (:func:`narrates`). ``rows``: the
    comment's mention records as lists, in clause order, with their clause id first."""
    judged = {row[0] for row, score in zip(rows, lexicon_scores) if score and row[opinion_at]}
    if len(judged) != 1:
        return
    (verdict_clause,) = judged
    here = [k for k, row in enumerate(rows) if row[0] == verdict_clause and lexicon_scores[k]
            and row[opinion_at]]
    if any(rows[k][dimension_at] != "overall" for k in here) or starts_with_contrast(
            rows[here[0]][clause_at]) or any(
            any(w in rows[k][clause_at] for w in thanks) for k in here):
        return  # (谢谢, 感谢: thanks judge no thing narrated)
    sign = verdict_sign([(rows[k][opinion_at], rows[k][score_at]) for k in here])
    if not sign:
        return
    score = round(sum(rows[k][score_at] for k in here) / len(here), 4)
    told = {row[0] for row, kind in zip(rows, kinds) if kind == "narration"}
    for k, kind in enumerate(kinds):
        # the narration right before the verdict: only narration between them
        if kind == "narration" and 0 < verdict_clause - rows[k][0] <= REACH and all(
                row[0] in told for row in rows if rows[k][0] < row[0] < verdict_clause) \
                and narrates(rows[k][0]):
            rows[k][score_at] = score
            rows[k][polarity_at] = "positive" if sign > 0 else "negative"


ACT_ENDS = frozenset({"", "到", "了", "过", "着", "完", "货", "到了", "完了", "过了", "上"})


def narrates(model: Any, text: str, tokens: list[str], span: Any, acts: frozenset[str]
             ) -> bool:
    """Whether the clause at ``span`` (a ClauseSpan of ``text``) only narrates: it tells of a
    customer's act (rules.toml ``customer_acts``: 收到, 用了, 到货, 拿到) and holds no opinion
    evidence for ``model``'s lexicon column (东西收到了; not 售后服务差得很, which tells of no
    act, nor 收到的太慢了).

    >>> from manyi.annotate.sentiment.model import default_model
    >>> from manyi.annotate.factors import ClauseSpan
    >>> acts = frozenset("收用到")
    >>> told = (("东西收到了", ["东西", "收到", "了"]),
    ...         ("售后服务差得很", ["售后服务", "差得", "很"]))
    >>> [narrates(default_model(), t, w, ClauseSpan(0, len(t), 0, len(w)), acts)
    ...  for t, w in told]
    [True, False]
    """
    import numpy as np

    if not any(t[:1] in acts and t[1:] in ACT_ENDS for t in tokens[span.first:span.last]):
        return False
    clause = np.array([[0, span.start, span.end, span.first, span.last]], dtype=np.int64)
    _, pos, neg = model._batch_logits([text], [tokens], [], [clause])[2]
    return bool(pos[0] + neg[0] == 0)
