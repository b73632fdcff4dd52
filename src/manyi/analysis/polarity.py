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

from manyi.analysis.rows import analysable_positions, as_str, mention_rows

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
    frame = pd.DataFrame({"row": rows, "dimension": shared_objects(mentions["dimension"]),
                          "signed": np.where(shared_objects(mentions["polarity"]) != "neutral",
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
    table.insert(1, "comment_id", as_str(comments["comment_id"], table["row"].to_numpy()))
    table["polarity"] = np.select([table["signed"] > 0, table["signed"] < 0],
                                  ["positive", "negative"], "neutral")
    return table.rename(columns={"signed": "score"})


def shared_objects(cells: pd.Series) -> np.ndarray:
    """``cells.to_numpy()`` as an object array whose equal strings are one Python object (a
    few names repeated over millions of mentions: 8 bytes a cell, not a string each)."""
    if cells.dtype == object or not len(cells):  # Python objects already
        return cells.to_numpy()
    codes, uniques = pd.factorize(cells)
    table = np.empty(len(uniques) + 1, dtype=object)
    table[:-1] = np.asarray(uniques, dtype=object)
    table[-1] = cells[codes == -1].iloc[0] if (codes == -1).any() else np.nan
    return table[codes]


def _assigned(dimensions: pd.Series, rows: np.ndarray, named: np.ndarray) -> np.ndarray:
    """Whether ``named[i]`` is one of the ;-separated dimensions of comment ``rows[i]``
    (split and matched in Arrow and numpy, not per comment in Python)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        cells = pa.array(dimensions, pa.large_string(), from_pandas=True)
        if isinstance(cells, pa.ChunkedArray):  # an Arrow-backed column
            cells = cells.combine_chunks()
        lists = pc.split_pattern(cells, ";")
    except (pa.ArrowException, TypeError):  # not all text: str() of each cell
        lists = pc.split_pattern(pa.array([str(v) for v in dimensions.to_numpy(dtype=object)],
                                          pa.large_string()), ";")
    lists = pc.fill_null(lists, pa.scalar([""], pa.list_(pa.large_string())))
    parent = pc.list_parent_indices(lists).to_numpy()
    # codes as pd.factorize of the words then the names gives them (first seen first),
    # without a Python string per word or per mention
    encoded = pc.dictionary_encode(pc.list_flatten(lists))
    word_codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    words = pd.Index(encoded.dictionary.to_pylist(), dtype=object)
    named = np.asarray(named, dtype=object)
    named_codes = words.get_indexer(named).astype(np.int64)
    other = named_codes == -1
    extra, extra_names = pd.factorize(named[other])
    named_codes[other] = np.where(extra >= 0, extra + len(words), -1)
    size = max(len(words) + len(extra_names), 1)
    pairs = parent.astype(np.int64) * size + word_codes
    return np.isin(rows.astype(np.int64) * size + named_codes, pairs)


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
