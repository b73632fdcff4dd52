"""The report's evidence comments: each dimension's strongest complaints and praise, and the
comments of each top fix, ranked and picked by one code for a whole table and for an
analysis folder read block by block (``report --from``), where each block keeps only its
best candidates — enough distinct texts that the picks of the whole are among them — so no
text or mention is held beyond a block.

>>> import pandas as pd
>>> mentions = pd.DataFrame({"comment_id": ["1", "2"], "row": [0, 1], "score": [-0.5, 0.7],
...                          "polarity": ["negative", "positive"]})
>>> texts = pd.Series(["送货太慢了啊", "送货很快很满意"])
>>> evidence_order(mentions, texts)["score"].tolist()
[-0.5, 0.7]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

EVIDENCE_SIDE = 3  # evidence comments a side of a dimension
EVIDENCE_CHARS = 220
FIX_CHARS = 200
SIDES = (("negative", True), ("positive", False))
QUOTE_MENTIONS = ("comment_id", "row", "dimension", "factor", "term", "opinion", "implicit",
                  "polarity", "score", "start", "end", "source")
QUOTE_COMMENTS = ("comment_id", "text", "sentiment", "flag")


def evidence_order(mentions: pd.DataFrame, texts: pd.Series,
                   max_chars: int = EVIDENCE_CHARS) -> pd.DataFrame:
    """Per comment naming the dimension (``mentions``: its mentions, ``row`` the comment's
    position; ``texts`` by position): the summed score of its non-neutral mentions, a
    judgement said again counted once (newcomer: 京东自营,很好,好准时,质量很好, pasted 13
    times, was the top praise of four dimensions), and whether its text is of a readable
    length, indexed (comment_id, row) in that order — a repeated id's comments stay apart."""
    said = [c for c in ("term", "opinion") if c in mentions]
    if said:  # the same words judged alike in the same way: a copy
        again = mentions.duplicated(["row", *said, "polarity", "score"]).to_numpy()
        mentions = mentions.assign(score=mentions["score"].where(~again, np.nan))
    signed = mentions["score"].where(mentions["polarity"] != "neutral", 0.0)
    keys = pd.MultiIndex.from_arrays([mentions["comment_id"].to_numpy(dtype=object),
                                      mentions["row"].to_numpy(dtype=np.int64)],
                                     names=["comment_id", "row"])
    totals = group_sums(signed.to_numpy(dtype=float), keys)
    length = texts.reindex(totals.index.get_level_values("row")).fillna("").str.len(
        ).to_numpy()
    return pd.DataFrame({"score": totals, "fits": (length >= 6) & (length <= max_chars)})


def group_sums(values: np.ndarray, keys: pd.Series | pd.MultiIndex) -> pd.Series:
    """Per key (sorted): the compensated (Kahan) sum of its values in row order — what a
    pandas group sum gives, whatever else the table holds (its own group sum takes another
    path on keys already sorted, which would let a block and the whole differ in the
    last bit and break ties between equal texts' scores differently)."""
    codes, uniques = pd.factorize(keys, sort=True)
    order = np.argsort(codes, kind="stable")
    grouped, ordered = codes[order], values[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]]) if len(grouped) \
        else np.zeros(0, dtype=np.int64)
    sizes = np.diff(np.r_[starts, len(grouped)])
    total, carry = np.zeros(len(starts)), np.zeros(len(starts))
    for j in range(int(sizes.max(initial=0))):
        at = sizes > j
        at[at] = ~np.isnan(ordered[starts[at] + j])  # a missing score is skipped
        y = ordered[starts[at] + j] - carry[at]
        t = total[at] + y
        carry[at] = np.nan_to_num((t - total[at]) - y, nan=0.0, posinf=0.0, neginf=0.0)
        total[at] = t
    index = uniques.set_names(keys.names) if isinstance(uniques, pd.MultiIndex) \
        else pd.Index(uniques, name=keys.name)
    return pd.Series(total, index=index)


def ranked(order: pd.DataFrame, side: str, ascending: bool) -> pd.DataFrame:
    """One side's comments, readable first, then the strongest score (ties in id order)."""
    rows = order[order["score"] < 0] if side == "negative" else order[order["score"] > 0]
    return rows.sort_values(["fits", "score"], ascending=[False, ascending])


def pick_evidence(order: pd.DataFrame, texts: pd.Series, mentions: pd.DataFrame,
                  spans: Callable, per_side: int = EVIDENCE_SIDE,
                  max_chars: int = EVIDENCE_CHARS) -> list[dict]:
    """The first ``per_side`` comments of distinct text of each side (complaints first)."""
    picked, seen = [], set()
    for side, ascending in SIDES:
        n = 0
        for (cid, at), row in ranked(order, side, ascending).iterrows():
            text = str(texts.get(at, ""))
            if n >= per_side:
                break
            if text in seen:
                continue
            seen.add(text)
            n += 1
            found = spans(text, mentions[mentions["row"].to_numpy() == at])
            if len(text) > max_chars:
                text, found = text[:max_chars] + "…", [s for s in found if s[1] <= max_chars]
            picked.append({"comment_id": str(cid), "text": text, "polarity": side,
                           "score": round(float(row["score"]), 4), "spans": found})
    return picked


def kept_evidence(order: pd.DataFrame, texts: pd.Series,
                  per_side: int = EVIDENCE_SIDE) -> list:
    """The (id, row) keys of a block whose comments can be picked from the whole: on each
    side, the best until ``2 × per_side`` distinct texts (the other side may take
    ``per_side``)."""
    keep = []
    for side, ascending in SIDES:
        distinct: set = set()
        for key in ranked(order, side, ascending).index:
            if len(distinct) >= 2 * per_side:
                break
            keep.append(key)
            distinct.add(str(texts.get(key[1], "")))
    return keep


def kept_rows(order: pd.DataFrame, keep: list) -> pd.DataFrame:
    """The rows ``keep`` of a block's ``order``, holding only their own ids (a selection's
    index keeps the levels of the whole block's, every comment id of it, kept block after
    block: 231,221 ids for 336 rows at 100,000 comments)."""
    kept = order.loc[keep]
    kept.index = kept.index.remove_unused_levels()
    return kept


def fix_candidates(comments: pd.DataFrame, mentions: pd.DataFrame, dimension: str,
                   factor: str, side: str = "complaint", max_chars: int = FIX_CHARS,
                   verdicts: np.ndarray | None = None) -> list[tuple]:
    """The comments naming the factor with ``side``'s polarity, sorted: those whose overall
    sentiment agrees first, then those where it is the only factor so named, readable
    length, strongest, id; each ``(keys…, id, text, mentions of it)``, the mentions a
    function (read only for the picks). ``verdicts``: the mentions' factor_verdicts, when
    the caller has them (one computation for every fix of a block)."""
    from manyi.analysis.rows import SIDE_SIGNS, factor_column, factor_verdicts, mention_rows

    polarity = "negative" if side == "complaint" else "positive"
    rows = mention_rows(comments, mentions)
    if verdicts is None:  # a comment naming the factor as the drivers count it: summed
        verdicts = factor_verdicts(rows, mentions)
    said = (mentions["polarity"] == polarity).to_numpy() & (rows >= 0) \
        & (verdicts == SIDE_SIGNS[polarity])
    mine = said & (mentions["dimension"] == dimension).to_numpy() & (
        factor_column(mentions) == factor).to_numpy()  # (attribute:系统, as drivers count)
    if not mine.any():
        return []
    crowded = set(rows[said & ~mine].tolist())
    texts = comments["text"].astype(str).to_numpy(dtype=object)
    ids = comments["comment_id"].astype(str).to_numpy(dtype=object)
    mood = comments["sentiment"].to_numpy(dtype=object) if "sentiment" in comments \
        else np.full(len(comments), "", dtype=object)
    sign = 1 if side == "complaint" else -1
    where = np.flatnonzero(mine)  # the comments' mentions of the factor, one group a comment
    found, first, group = np.unique(rows[where], return_index=True, return_inverse=True)
    scores = pd.to_numeric(mentions["score"], errors="coerce").to_numpy(dtype=float)[where]
    sums = pd.Series(scores).groupby(group.ravel(), sort=True).sum().to_numpy()
    candidates = []
    for g in np.argsort(first, kind="stable"):  # in order of first mention
        row = int(found[g])
        text = texts[row]
        candidates.append((mood[row] != polarity, row in crowded,
                           not 6 <= len(text) <= max_chars, sign * float(sums[g]),
                           ids[row], text,
                           lambda g=g: mentions.iloc[where[group.ravel() == g]]))
    candidates.sort(key=lambda c: c[:5])
    return candidates


def kept_fix(candidates: Sequence[tuple], n: int) -> list[tuple]:
    """A block's candidates that can be picked from the whole (the best of each text, until
    ``n`` distinct texts), their mentions read: a text's later candidates sort after its
    best in every merge, so :func:`pick_fix` never takes them."""
    keep, distinct = [], set()
    for *keys, text, part in candidates:
        if len(distinct) >= n:
            break
        if text in distinct:
            continue
        distinct.add(text)
        frame = part()
        keep.append((*keys, text, lambda frame=frame: frame))
    return keep


def pick_fix(candidates: Iterable[tuple], n: int, side: str = "complaint",
             max_chars: int = FIX_CHARS) -> list[dict]:
    """The first ``n`` candidates of distinct text, with the spans of their mentions and
    opinion words."""
    polarity = "negative" if side == "complaint" else "positive"
    picked, seen = [], set()
    for *_, cid, text, part in candidates:
        if text in seen:
            continue
        seen.add(text)
        spans = []
        for m in part().itertuples(index=False):
            spans.append((int(m.start), int(m.end), polarity, f"{m.term or ''} {m.opinion or ''}"))
            opinion = str(getattr(m, "opinion", "") or "")
            if opinion and not bool(getattr(m, "implicit", False)):
                at = text.find(opinion, max(0, int(m.start) - 12), int(m.end) + 24)
                if at >= 0:
                    spans.append((at, at + len(opinion), polarity, f"观点词 {opinion}"))
        if len(text) > max_chars:
            text, spans = text[:max_chars] + "…", [s for s in spans if s[1] <= max_chars]
        picked.append({"comment_id": cid, "text": text, "spans": spans,
                       "words": sorted({text[s:t] for s, t, _, _ in spans})})
        if len(picked) >= n:
            break
    return picked


def empty_comments(meta: dict) -> pd.DataFrame:
    """A table of no comments with the columns the quotes read."""
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in QUOTE_COMMENTS})


def folder_quotes(path: str | Path, n_comments: int, fixes: Sequence[tuple[str, str]],
                  spans: Callable, *, meta: dict, per_fix: int = 2,
                  chunk_rows: int = 200_000) -> dict:
    """The evidence of every dimension (``("evidence", dimension)``) and of each fix
    (``("fix", dimension, factor)``) of an analysis folder, its comments and mentions read
    block by block, each block's best candidates kept."""
    from manyi.analysis.profiles import blocks_of
    from manyi.analysis.rows import factor_verdicts, mention_rows
    from manyi.annotate.annotator import MENTION_COLUMNS
    from manyi.io.saved import _comments, _mentions, typed_chunks

    folder = Path(path)
    chunks = typed_chunks(folder / "mentions.csv", QUOTE_MENTIONS, chunk_rows, _mentions)
    empty = _mentions(pd.DataFrame(columns=MENTION_COLUMNS))
    comments = typed_chunks(folder / "comments.csv", QUOTE_COMMENTS, chunk_rows // 4,
                            lambda table: _comments(table, meta))
    waiting, at = [empty_comments(meta)], 0  # comments read, not in a block; the first's position
    orders: dict[str, list] = {}
    fixed: dict[tuple, list] = {fix: [] for fix in fixes}
    for start, end, mentions in blocks_of(chunks, n_comments, empty):
        while at + sum(len(w) for w in waiting) < end:
            table = next(comments, None)
            if table is None:
                break
            waiting.append(table)
        table = pd.concat(waiting, ignore_index=True) if len(waiting) > 1 else waiting[0]
        part = table.iloc[start - at:end - at].reset_index(drop=True)
        waiting, at = [table.iloc[end - at:].reset_index(drop=True)], end
        texts = part["text"].set_axis(pd.RangeIndex(start, start + len(part)))
        placed = mentions.assign(row=mentions["row"].to_numpy(dtype=np.int64) + start)
        for dimension, named in placed.groupby("dimension", sort=False, observed=True):
            order = evidence_order(named, texts)
            keep = kept_evidence(order, texts)
            rows = pd.Index([at for _, at in keep]).unique()
            orders.setdefault(dimension, []).append((
                kept_rows(order, keep), texts.reindex(rows), named[named["row"].isin(rows)]))
        verdicts = factor_verdicts(mention_rows(part, mentions), mentions) if fixes else None
        for dimension, factor in fixes:
            found = fix_candidates(part, mentions, dimension, factor, verdicts=verdicts)
            fixed[(dimension, factor)].extend(kept_fix(found, per_fix))
    quotes: dict = {}
    for dimension, parts in orders.items():
        order = pd.concat([p[0] for p in parts])
        order = order[~order.index.duplicated()].sort_index(kind="stable")
        texts = pd.concat([p[1] for p in parts])
        quotes[("evidence", dimension)] = pick_evidence(
            order, texts[~texts.index.duplicated()], pd.concat([p[2] for p in parts]), spans)
    for fix, found in fixed.items():
        found.sort(key=lambda c: c[:5])
        quotes[("fix", *fix)] = pick_fix(found, per_fix)
    return quotes
