"""Which comment rows the statistics use, where a mention's comment is, what a complaint is.

Shared by the counts, drivers, index and report modules (no other manyi import).

>>> import pandas as pd
>>> analysable_positions(pd.DataFrame({"flag": ["", "empty", "duplicate_id"]})).tolist()
[0, 2]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from manyi.annotate.flags import ANALYSABLE_FLAGS
from manyi.errors import InputError
from manyi.text.word_groups import DISCOVERED

ComplaintSpec = str | Sequence[bool] | pd.Series | np.ndarray | Callable | None


def analysable(comments: pd.DataFrame) -> pd.DataFrame:
    """The comments statistics are computed on: flag empty, ``duplicate_id`` or
    ``partly_undecodable``."""
    if "flag" not in comments:
        return comments
    return comments[comments["flag"].fillna("").isin(ANALYSABLE_FLAGS)]


def analysable_positions(comments: pd.DataFrame) -> np.ndarray:
    """Positions in ``comments`` of the analysable rows (see :func:`analysable`)."""
    if "flag" not in comments:
        return np.arange(len(comments))
    return np.flatnonzero(comments["flag"].fillna("").isin(ANALYSABLE_FLAGS).to_numpy())


def mention_rows(comments: pd.DataFrame, mentions: pd.DataFrame) -> np.ndarray:
    """Position in ``comments`` of each mention (−1 when its comment is not there).

    The pipeline's ``row`` column when present (it tells repeated ids apart), else the first
    comment with the mention's ``comment_id``.
    """
    if "row" in mentions:
        rows = mentions["row"].to_numpy(dtype=np.int64)
        return np.where((rows >= 0) & (rows < len(comments)), rows, -1)
    ids = comments["comment_id"].astype(str).to_numpy(dtype=object)
    codes, _ = pd.factorize(np.concatenate(
        [ids, mentions["comment_id"].astype(str).to_numpy(dtype=object)]))
    first = np.full(codes.max(initial=-1) + 1, -1, dtype=np.int64)
    first[codes[:len(ids)][::-1]] = np.arange(len(ids))[::-1]
    return first[codes[len(ids):]]


def rated_complaints(comments: pd.DataFrame, rating_col: str, max_rating: float) -> pd.Series:
    """The comments rated ``max_rating`` or lower (``--complaint-max-rating``): the
    complaints of a rating rule; a cell that is no number is none.

    >>> rated_complaints(pd.DataFrame({"星级": [1, 5, "x"]}), "星级", 2).tolist()
    [True, False, False]
    """
    return pd.to_numeric(comments[rating_col], errors="coerce") <= max_rating


SIDE_SIGNS = {"negative": -1, "positive": 1}  # a polarity's sign (factor_verdicts' values)


def factor_verdicts(rows: np.ndarray, mentions: pd.DataFrame) -> np.ndarray:
    """Per mention, the verdict of its comment on its factor: −1 (negative), +1 (positive)
    or 0, the sign of the comment's mentions of that factor summed (each signed by its
    polarity, weighed by its score) — as a comment's polarity on a dimension is
    (:func:`manyi.analysis.polarity.comment_dimension_polarity`). A comment **names a factor
    negatively** when its verdict there is negative: 菜很好吃…味道很棒…有一道菜偏咸 praises
    the taste, one salty dish among the praise is no taste complaint (newcomer10: long
    restaurant reviews put taste first among 300 diners' complaints, the gold labels 10th).
    ``rows``: each mention's comment (:func:`mention_rows`).

    >>> frame = pd.DataFrame({"dimension": "product", "factor": ["taste", "taste", "price"],
    ...                       "polarity": ["positive", "negative", "negative"],
    ...                       "score": [0.9, -0.4, -0.5]})
    >>> factor_verdicts(np.array([0, 0, 0]), frame).tolist()
    [1, 1, -1]
    """
    if not len(mentions):
        return np.zeros(0, dtype=np.int8)
    codes, sides = pd.factorize(mentions["polarity"])  # (a few distinct cells: compared once)
    by_side = np.array([SIDE_SIGNS.get(v, 0.0) for v in sides] + [0.0])
    weight = np.abs(pd.to_numeric(mentions["score"], errors="coerce").fillna(0.0).to_numpy(
        dtype=float)) if "score" in mentions else np.ones(len(mentions))
    signed = by_side[codes] * np.maximum(weight, 1e-6)  # (a polar mention scored 0 counts)
    key, _ = pd.factorize(mentions["dimension"])
    key = key.astype(np.int64)
    if "factor" in mentions:  # (a table of dimensions only: the dimension is the factor)
        factor, count = factor_codes(mentions)
        key = key * (count + 1) + factor
    at, cells = pd.factorize(np.asarray(rows, dtype=np.int64) * (int(key.max()) + 2) + key)
    return np.sign(np.bincount(at, weights=signed, minlength=len(cells))[at]).astype(np.int8)


def factor_codes(mentions: pd.DataFrame) -> tuple[np.ndarray, int]:
    """:func:`factor_column` as codes (equal factors, equal codes) and how many there are,
    without a string per mention: the rule is run only on the mentions filed ``attribute``."""
    codes, names = pd.factorize(mentions["factor"])
    if DISCOVERED_FACTOR not in names or "source" not in mentions or "term" not in mentions:
        return codes, len(names)
    at = np.flatnonzero(codes == names.get_loc(DISCOVERED_FACTOR))
    own, named = pd.factorize(factor_column(mentions.iloc[at][["factor", "source", "term"]]))
    codes = codes.copy()
    codes[at] = len(names) + own
    return codes, len(names) + len(named)


def complaint_mask(comments: pd.DataFrame, complaint: ComplaintSpec = None,
                   mentions: pd.DataFrame | None = None, side: str = "negative",
                   verdicts: np.ndarray | None = None) -> np.ndarray:
    """Boolean array, one per row of ``comments``: is the comment a complaint?

    ``None`` → ``sentiment == "negative"`` or, given ``mentions``, also any comment that
    names a factor negatively (:func:`factor_verdicts`: 物流太慢了，不过价格实惠 complains,
    whatever its overall sentiment); an ``overall`` mention names no factor
    (这本书必定不会令你失望, 唯一的遗憾: the whole comment's verdict is its sentiment's).
    With ``side="positive"`` the same for praise. A column name → that column as booleans;
    a callable → ``complaint(comments)``; anything else → aligned booleans.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"sentiment": ["negative", "positive"], "star": [1, 2]})
    >>> complaint_mask(frame).tolist(), complaint_mask(frame, lambda c: c["star"] <= 2).tolist()
    ([True, False], [True, True])
    """
    if complaint is None:
        if "sentiment" not in comments and mentions is None:
            raise InputError("comments has no 'sentiment' column: pass complaint= (a column "
                             "name, a boolean Series or a function of the comments table)")
        values = comments["sentiment"].eq(side).to_numpy() if "sentiment" in comments \
            else np.zeros(len(comments), dtype=bool)
        if mentions is not None and len(mentions):
            rows = mention_rows(comments, mentions)
            if verdicts is None:  # (given: the caller's factor_verdicts of these mentions)
                verdicts = factor_verdicts(rows, mentions)
            said = (verdicts == SIDE_SIGNS[side]) & (rows >= 0)
            if "dimension" in mentions:
                said &= mentions["dimension"].to_numpy() != "overall"
            named = rows[said]
            values = values.copy()
            values[named] = True
    elif isinstance(complaint, str):
        if complaint not in comments:
            raise InputError(f"complaint column {complaint!r} is not in the comments table "
                             f"(columns: {', '.join(map(str, comments.columns))})")
        values = comments[complaint]
    elif callable(complaint):
        values = complaint(comments)
    else:
        values = complaint
    if isinstance(values, pd.Series) and not values.index.equals(comments.index):
        values = values.reindex(comments.index) if values.index.isin(comments.index).all() \
            else values.to_numpy()
    array = np.asarray(pd.Series(values).fillna(False), dtype=bool)
    if len(array) != len(comments):
        raise InputError(f"complaint= has {len(array)} values for {len(comments)} comments")
    return array


def objects(values: np.ndarray) -> pd.Series:
    """Python strings as a column of objects, for a count's own frames: not copied into an
    Arrow string array that the count turns back into codes (pandas ≥ 3 infers ``str``).

    >>> objects(np.array(["服务", "价格"], dtype=object)).dtype
    dtype('O')
    """
    return pd.Series(values, dtype=object, copy=False)


def texts(cells: pd.Series) -> np.ndarray:
    """Each cell as text, a missing one ``""``: the values of
    ``pd.Series(cells.to_numpy(dtype=object)).fillna("").astype(str)`` as an object array,
    without copying text columns into an Arrow array and back.

    >>> texts(pd.Series(["好", None, 3], dtype=object)).tolist()
    ['好', '', '3']
    """
    if isinstance(cells.dtype, pd.StringDtype):
        return cells.to_numpy(dtype=object, na_value="")
    values = cells.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values
    return pd.Series(values).fillna("").astype(str).to_numpy(dtype=object)


def as_str(cells: pd.Series, at: np.ndarray) -> np.ndarray:
    """``cells.astype(str).to_numpy(dtype=object)[at]`` (a missing cell stays missing),
    converting only the cells taken, and none when they are text already.

    >>> as_str(pd.Series(["c1", 7], dtype=object), np.array([1, 0])).tolist()
    ['7', 'c1']
    """
    values = cells.to_numpy(dtype=object)[at]
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values
    return pd.Series(values, dtype=object).astype(str).to_numpy(dtype=object)


def sum_counts(series: Sequence[pd.Series]) -> pd.Series:
    """Counts keyed alike (one key or several levels) added up in one pandas sum, sorted by
    key; at least one series, empty ones allowed."""
    filled = [s for s in series if len(s)]
    if len(filled) <= 1:
        return (filled or series)[0].astype(np.int64).sort_index()
    joined = pd.concat(filled)
    levels = list(range(joined.index.nlevels))
    return joined.groupby(level=levels, sort=True).sum().astype(np.int64)


DISCOVERED_FACTOR = DISCOVERED  # where discovered attributes no pack lists are filed


def factor_column(mentions: pd.DataFrame) -> pd.Series:
    """The factor each mention counts under in drivers and graphs: its ``factor``, except a
    discovered attribute no pack lists (信号太差, 拉链很难拉), counted under its thing's word
    (``attribute:信号``): one catch-all "other attributes" factor would mix unrelated
    complaints and could top the fix-first table while naming nothing to fix.

    The annotator writes the thing's word into the mentions' ``factor`` already (the corpus's
    groups of learned words, :class:`manyi.text.word_groups.ThingGroups`: 头屑 →
    ``attribute:头皮屑``), so mentions.csv and drivers.csv name a discovered thing alike; a
    table written before that (``factor`` = ``attribute``) gets its term here.

    >>> frame = pd.DataFrame({"factor": ["attribute", "quality", "attribute:头皮屑"],
    ...                       "term": ["信号", "做工", "头屑"], "source": "discovered"})
    >>> factor_column(frame).tolist()
    ['attribute:信号', 'quality', 'attribute:头皮屑']
    """
    column = mentions["factor"]
    factors = column if column.dtype == object else column.astype(str)
    if "source" not in mentions or "term" not in mentions:
        return factors
    values = factors.to_numpy(dtype=object)
    own = (values == DISCOVERED_FACTOR) \
        & (mentions["source"].to_numpy(dtype=object) == "discovered")
    if not own.any():
        return factors
    at = np.flatnonzero(own)
    seen: dict[object, object] = {}  # term → its factor (None: no term, left as it is)
    for term in set(mentions["term"].to_numpy(dtype=object)[at].tolist()):
        if isinstance(term, str) and term:
            seen[term] = f"{DISCOVERED_FACTOR}:{term}"
    out = values.copy()
    out[at] = [seen.get(t, DISCOVERED_FACTOR) if isinstance(t, str) else DISCOVERED_FACTOR
               for t in mentions["term"].to_numpy(dtype=object)[at].tolist()]
    return pd.Series(out, index=mentions.index, name="factor")
