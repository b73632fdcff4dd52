"""Each comment's polarity on each dimension it names: the input of the index, the key
drivers and the drivers' patterns.

A comment's polarity on a dimension is the sign of the summed scores of its non-neutral
mentions there; it reads only the mentions table's ``polarity`` and ``score`` columns, so any
sentiment model that fills them will do.

>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": ["1", "2"], "flag": ""})
>>> mentions = pd.DataFrame({"row": [0, 0, 1], "dimension": ["price", "price", "service"],
...                          "polarity": ["negative", "positive", "positive"],
...                          "score": [-0.8, 0.3, 0.6]})
>>> comment_dimension_polarity(comments, mentions)["polarity"].tolist()
['negative', 'positive']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from manyi.analysis.rows import analysable_positions, mention_rows

POLARITY_VALUE = {"positive": 1.0, "neutral": 0.0, "negative": -1.0}


def comment_dimension_polarity(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                               include_overall: bool = False) -> pd.DataFrame:
    """One row per analysable (comment, dimension): ``row, comment_id, dimension, score,
    polarity``; ``row`` is the comment's position in ``comments``.

    Polarity = sign of the summed scores of the comment's non-neutral mentions in that
    dimension. The (comment, dimension) pairs are those of ``comments.dimensions`` (the
    pipeline's assignment: mentions with opinion evidence, ``overall`` only when no factor is
    named); frames without that column fall back to every mention.
    """
    positions = analysable_positions(comments)
    ok = np.zeros(len(comments) + 1, dtype=bool)
    ok[positions] = True
    rows = mention_rows(comments, mentions)
    frame = pd.DataFrame({"row": rows, "dimension": mentions["dimension"].to_numpy(),
                          "signed": np.where(mentions["polarity"].to_numpy() != "neutral",
                                             mentions["score"].to_numpy(dtype=float), 0.0)})
    frame = frame[ok[rows]]
    if "dimensions" in comments:
        frame = frame[_assigned(comments["dimensions"], frame["row"].to_numpy(),
                                frame["dimension"].to_numpy())]
    else:
        named = frame["dimension"] != "overall"
        frame = frame[named | ~frame["row"].isin(frame.loc[named, "row"].unique())]
    if not include_overall:
        frame = frame[frame["dimension"] != "overall"]
    table = frame.groupby(["row", "dimension"], sort=True)["signed"].sum().reset_index()
    table.insert(1, "comment_id", comments["comment_id"].astype(str).to_numpy()[table["row"]])
    table["polarity"] = np.select([table["signed"] > 0, table["signed"] < 0],
                                  ["positive", "negative"], "neutral")
    return table.rename(columns={"signed": "score"})


def _assigned(dimensions: pd.Series, rows: np.ndarray, named: np.ndarray) -> np.ndarray:
    """Whether ``named[i]`` is one of the ;-separated dimensions of comment ``rows[i]``
    (split and matched in Arrow and numpy, not per comment in Python)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = dimensions.to_numpy(dtype=object)
    try:
        lists = pc.split_pattern(pa.array(cells, pa.large_string(), from_pandas=True), ";")
    except (pa.ArrowException, TypeError):  # not all text: str() of each cell
        lists = pc.split_pattern(pa.array([str(v) for v in cells], pa.large_string()), ";")
    lists = pc.fill_null(lists, pa.scalar([""], pa.list_(pa.large_string())))
    parent = pc.list_parent_indices(lists).to_numpy()
    words = pc.list_flatten(lists).to_numpy(zero_copy_only=False)
    codes, uniques = pd.factorize(np.concatenate([words, named.astype(object)]))
    size = max(len(uniques), 1)
    pairs = parent.astype(np.int64) * size + codes[:len(words)]
    return np.isin(rows.astype(np.int64) * size + codes[len(words):], pairs)


def dimension_matrix(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                     value: str = "polarity", fill: float = 0.0) -> pd.DataFrame:
    """Comment × dimension matrix of sentiment (+1/0/−1, or the summed ``score`` clipped).

    One row per analysable comment in input order, indexed by comment_id; unmentioned cells
    are ``fill``.
    """
    table = comment_dimension_polarity(comments, mentions)
    table["value"] = table["polarity"].map(POLARITY_VALUE) if value == "polarity" \
        else table["score"].clip(-1, 1)
    wide = table.pivot(index="row", columns="dimension", values="value")
    positions = analysable_positions(comments)
    wide = wide.reindex(positions).fillna(fill)
    wide.index = pd.Index(comments["comment_id"].astype(str).to_numpy()[positions],
                          name="comment_id")
    return wide.rename_axis(columns=None)
