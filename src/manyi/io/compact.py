"""An analysis folder read back compactly, chunk by chunk, for the tables that need rows.

``manyi drivers --from`` computes the key drivers, index, IPA, segments and trends with the
same functions as :meth:`manyi.Result.from_dir` feeds, on tables that hold no text and no
Python string per cell: the mentions' names (dimension, factor, term, source, polarity) as
categoricals (a small code per row), the comments' flag, sentiment, dimensions and input
columns as arrays of a few shared Python objects (8 bytes a row), only the columns asked for.
Each CSV is parsed ``chunk_rows`` rows at a time, so the text columns are never held whole.

>>> import manyi, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     _ = manyi.analyze(["物流很快", "质量太差", "价格便宜"]).to_dir(folder)
...     comments, mentions = compact_tables(folder, ["comment_id", "flag"], chunk_rows=2)
>>> comments["comment_id"].tolist(), mentions["dimension"].tolist()
(['1', '2', '3'], ['logistics', 'product', 'price'])
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from manyi.annotate.annotator import MENTION_COLUMNS
from manyi.annotate.flags import ANALYSABLE_FLAGS
from manyi.errors import InputError
from manyi.io.saved import (
    ANNOTATION_FLOATS,
    MENTION_TYPES,
    TABLE_MENTION_COLUMNS,
    _annotations,
    _comments,
    _input_column,
    _mentions,
    read_meta,
    typed_chunks,
)

COMPACT_ROWS = 50_000  # rows parsed at a time
MENTION_NAMES = ("dimension", "factor", "term", "opinion", "source", "polarity",
                 "filed_by")  # categoricals
TEXT_COLUMNS = ("comment_id", "text")  # Arrow strings
ANNOTATION_NAMES = ("flag", "sentiment", "dimensions")


def compact_tables(path: str | Path, comment_columns: Collection[str], *,
                   mention_columns: Collection[str] | None = TABLE_MENTION_COLUMNS,
                   chunk_rows: int = COMPACT_ROWS, meta: dict | None = None,
                   observe: Mapping[str, Callable[[pd.DataFrame], None]] | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(comments, mentions) of the folder, only the columns asked for (those it has),
    with the values :func:`manyi.io.saved.read_result` gives, compactly typed;
    ``mention_columns=None``: mentions.csv is not read (an empty table). ``observe``: file
    stem → a function given every typed chunk of that file whole, all its columns (so one
    pass serves another reader, e.g. the workbook's sheets of a CSV dump's folder)."""
    folder = Path(path)
    meta = read_meta(folder) if meta is None else meta
    observe = observe or {}
    wanted = {"comment_id", *comment_columns}
    coders: dict[str, _Coder] = {}
    kept: dict[str, list] = {"comment_id": []}  # text and numbers, as read
    for table in typed_chunks(folder / "comments.csv",
                              None if "comments" in observe else wanted, chunk_rows):
        if "comments" in observe:
            table = _comments(table, meta)
            observe["comments"](table)
            table = table[[c for c in table.columns if c in wanted]]
        else:
            table = _annotations(table)
        for column in table.columns:
            if column in TEXT_COLUMNS or column in ANNOTATION_FLOATS \
                    or column == "n_mentions":
                cells = table[column]
                kept.setdefault(column, []).append(
                    _as_text(cells) if column in TEXT_COLUMNS else cells.to_numpy())
            else:
                coders.setdefault(column, _Coder()).add(table[column])
    comments = pd.DataFrame({column: (
        pd.concat(parts, ignore_index=True) if column in TEXT_COLUMNS else np.concatenate(parts))
        if parts else pd.Series([], dtype="str") for column, parts in kept.items()})
    for column, coder in coders.items():  # the input columns typed each as a whole
        typed = coder.categories if column in ANNOTATION_NAMES or column == "comment_id" \
            else _input_column(pd.Series(coder.categories, dtype=object), meta.get("format"))
        comments[column] = coder.objects(typed)
    if mention_columns is None:
        return comments, _mentions(pd.DataFrame())
    mention_coders = {c: _Coder() for c in MENTION_NAMES if c in mention_columns}
    numbers: dict[str, list[np.ndarray]] = {}
    ids = []
    read = {"row", *mention_columns}
    for table in typed_chunks(folder / "mentions.csv",
                              None if "mentions" in observe else read, chunk_rows):
        table = _mentions(table)
        if "mentions" in observe:
            observe["mentions"](table)
        for column in table.columns:
            if column not in read:
                continue
            if column in mention_coders:
                mention_coders[column].add(table[column])
            elif column == "comment_id":
                ids.append(_as_text(table[column]))
            elif column in MENTION_TYPES:
                numbers.setdefault(column, []).append(table[column].to_numpy())
    mentions = pd.DataFrame({c: np.concatenate(parts) for c, parts in numbers.items()})
    if ids:
        mentions["comment_id"] = pd.concat(ids, ignore_index=True)
    for column, coder in mention_coders.items():
        mentions[column] = coder.categorical()
    if mentions.empty and not len(mentions.columns):
        mentions = _mentions(pd.DataFrame())
    return comments, mentions[_ordered(mentions.columns)]


def _ordered(columns) -> list[str]:
    """Mention columns in the order of the saved table."""
    order = {c: i for i, c in enumerate(MENTION_COLUMNS)}
    return sorted(columns, key=lambda c: order.get(c, len(order)))


def _as_text(cells: pd.Series) -> pd.Series:
    """The cells as Arrow strings (converted once)."""
    if isinstance(cells.dtype, pd.StringDtype):
        return cells.reset_index(drop=True)
    return pd.Series(cells.to_numpy(), dtype="str")


class _Coder:
    """A column's distinct values and one int32 code per row, chunk by chunk."""

    def __init__(self) -> None:
        self.codes: list[np.ndarray] = []
        self.seen: dict = {}
        self.values: list = []
        self.missing = False

    def add(self, cells: pd.Series) -> None:
        codes, uniques = pd.factorize(cells.to_numpy(dtype=object), use_na_sentinel=True)
        known = np.empty(len(uniques) + 1, dtype=np.int32)
        for i, value in enumerate(uniques):
            known[i] = self.seen.setdefault(value, len(self.seen))
            if known[i] == len(self.values):
                self.values.append(value)
        known[-1] = -1
        self.missing = self.missing or bool((codes == -1).any())
        self.codes.append(known[codes])

    @property
    def categories(self) -> pd.Series:
        return pd.Series(self.values, dtype=object)

    def _codes(self) -> np.ndarray:
        return np.concatenate(self.codes) if self.codes else np.empty(0, dtype=np.int32)

    def objects(self, typed: pd.Series) -> pd.Series:
        """One shared object per distinct value (NaN where the cell was missing)."""
        table = np.empty(len(typed) + 1, dtype=object)
        table[:-1] = typed.to_numpy(dtype=object)
        table[-1] = np.nan
        values = pd.Series(table[self._codes()], dtype=object)
        return values if typed.dtype == object else values.astype(typed.dtype)

    def categorical(self) -> pd.Categorical:
        """A categorical with sorted categories."""
        order = np.argsort(np.asarray(self.values, dtype=object), kind="stable") \
            if self.values else np.empty(0, dtype=np.int64)
        rank = np.empty(len(order) + 1, dtype=np.int32)
        rank[order] = np.arange(len(order), dtype=np.int32)
        rank[-1] = -1
        categories = [self.values[i] for i in order]
        return pd.Categorical.from_codes(rank[self._codes()], categories=categories)


def folder_texts(path: str | Path, *, chunk_rows: int = COMPACT_ROWS) -> Iterator[str]:
    """The texts of the folder's analysable comments, in order, read chunk by chunk (as
    :meth:`manyi.Result.from_dir` gives them)."""
    for texts in _analysable_texts(path, chunk_rows):
        yield from texts.tolist()


def folder_examples(path: str | Path, *, chunk_rows: int = COMPACT_ROWS):
    """A function of positions among the analysable comments (as :func:`folder_texts`
    counts them) giving their texts, in one pass over the folder."""
    def texts(positions: list[int]) -> list[str]:
        wanted = np.unique(np.asarray(positions, dtype=np.int64))
        found: dict[int, str] = {}
        start = 0
        for kept in _analysable_texts(path, chunk_rows):
            if len(found) == len(wanted):
                break
            inside = wanted[(wanted >= start) & (wanted < start + len(kept))]
            found.update(zip(inside.tolist(), kept.iloc[inside - start].tolist()))
            start += len(kept)
        return [found[int(i)] for i in positions]

    return texts


def _analysable_texts(path: str | Path, chunk_rows: int) -> Iterator[pd.Series]:
    """Each chunk's texts of analysable comments."""
    for table in typed_chunks(Path(path) / "comments.csv", {"text", "flag"}, chunk_rows,
                              _annotations):
        yield table.loc[table["flag"].isin(ANALYSABLE_FLAGS), "text"]


PROFILE_MENTIONS = 100_000  # mention rows read at a time for the comments' profiles
PROFILE_COLUMNS = ("row", "clause_id", "dimension", "factor", "term", "opinion", "negated",
                   "polarity", "score", "source", "clause")  # what the profiles and the
# drivers' counts read (the clause and negation: the drivers' themes, manyi.analysis.themes)


def folder_profiles(path: str | Path, comments: pd.DataFrame, *,
                    chunk_rows: int = PROFILE_MENTIONS,
                    observe: Mapping[str, Callable[[pd.DataFrame], None]] | None = None,
                    **options):
    """The :class:`manyi.analysis.profiles.Profiles` of a folder's comments (``comments``:
    all of them, compactly, with the columns the options name), its mentions read
    ``chunk_rows`` at a time, cut between comments: nothing per mention is held.
    ``observe``: as :func:`compact_tables` (its ``"mentions"`` given every chunk whole);
    ``options``: as :class:`manyi.analysis.profiles.ProfileBuilder`."""
    from manyi.analysis.profiles import ProfileBuilder, blocks_of

    builder = ProfileBuilder(comments, **options)
    seen = (observe or {}).get("mentions")
    chunks = typed_chunks(Path(path) / "mentions.csv", None if seen else PROFILE_COLUMNS,
                          chunk_rows, _mentions)
    if seen is not None:
        chunks = (_observed(table, seen) for table in chunks)
    empty = _mentions(pd.DataFrame(columns=MENTION_COLUMNS))
    for start, end, mentions in blocks_of(chunks, len(comments), empty):
        if end > len(comments) or (len(mentions) and int(mentions["row"].min()) < 0):
            raise InputError(f"{Path(path) / 'mentions.csv'}: rows not in comment order or "
                             f"past the last comment ({len(comments)}); write the folder "
                             "again with manyi analyze")
        builder.add(start, end, mentions)
    return builder.profiles()


def _observed(table: pd.DataFrame, observe: Callable[[pd.DataFrame], None]) -> pd.DataFrame:
    observe(table)
    return table
