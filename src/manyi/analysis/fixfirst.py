"""Every table "what should we fix first?" needs, computed once, for ``manyi drivers``.

``drivers`` (complaint impact and praise, :mod:`manyi.analysis.impact`), ``key_drivers`` (with a
rating column, :func:`manyi.analysis.keydrivers.rating_drivers`), ``index`` (the default weighting
unless told), ``ipa``, ``segments_index`` / ``segments_differences`` / ``segments_drivers``
(with group columns), ``trends`` and ``alerts`` (with a time column).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from manyi.analysis.drivers import drivers, drivers_from_counts
from manyi.analysis.graph import FactorCounts
from manyi.analysis.index import alerts, satisfaction_index, trends
from manyi.analysis.ipa import ipa_of
from manyi.analysis.keydrivers import rating_drivers
from manyi.analysis.rows import ComplaintSpec
from manyi.analysis.segments import segments, with_period
from manyi.errors import InputError


def fix_first_tables(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                     rating: str | None = None, time_col: str | None = None, freq: str = "M",
                     by: Sequence[str] | None = None, complaint: ComplaintSpec = None,
                     weights: str | Mapping[str, float] | None = None,
                     level: str | None = None, labels: Mapping[str, str] | None = None,
                     min_group: int = 20, counts: FactorCounts | None = None
                     ) -> dict[str, pd.DataFrame]:
    """The named tables of the module text; ``by``: group columns (``period`` = the month
    of ``time_col``). ``counts``: the drivers' counts of these comments, merged from
    chunks (:func:`manyi.stream.folder_counts`, with the same complaint rule and rating),
    the drivers table computed from them."""
    tables = {"drivers": drivers(comments, mentions, complaint=complaint, labels=labels,
                                 rating=rating, level=level) if counts is None else
              drivers_from_counts(counts, labels=labels, level=level,
                                  rating=rating is not None)}
    key = None
    if rating:
        try:
            key = rating_drivers(comments, mentions, rating=rating, labels=labels)
        except InputError:  # too few rated comments for a regression
            key = None
    if key is not None:
        tables["key_drivers"] = key
    tables["index"] = satisfaction_index(comments, mentions, weights=weights, rating=rating,
                                         labels=labels)
    dim_rows = tables["drivers"] if level in (None, "dimension") or key is not None else \
        drivers(comments, mentions, complaint=complaint, labels=labels, level="dimension")
    tables["ipa"] = ipa_of(comments, mentions, key_drivers=key, drivers=dim_rows,
                           labels=labels)
    if by:
        frame = with_period(comments, time_col) if "period" in by else comments
        found = segments(frame, mentions, group_cols=list(by), labels=labels,
                         complaint=complaint, min_comments=min_group)
        for name, table in found.items():
            tables[f"segments_{name}"] = table
    if time_col:
        tables["trends"] = trends(comments, mentions, time_col=time_col, freq=freq,
                                  complaint=complaint, labels=labels)
        tables["alerts"] = alerts(tables["trends"])
    return tables
