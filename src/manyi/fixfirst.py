"""Every table "what should we fix first?" needs, computed once, for ``manyi drivers``.

``drivers`` (complaint impact and praise, :mod:`manyi.impact`), ``key_drivers`` (with a
rating column, :func:`manyi.keydrivers.rating_drivers`), ``index`` (the default weighting
unless told), ``ipa``, ``segments_index`` / ``segments_differences`` / ``segments_drivers``
(with group columns), ``trends`` and ``alerts`` (with a time column).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .drivers import drivers
from .errors import InputError
from .index import alerts, satisfaction_index, trends
from .ipa import complaint_importance, ipa_from_tables
from .keydrivers import rating_drivers
from .rows import ComplaintSpec
from .segments import segments, with_period


def fix_first_tables(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                     rating: str | None = None, time_col: str | None = None, freq: str = "M",
                     by: Sequence[str] | None = None, complaint: ComplaintSpec = None,
                     weights: str | Mapping[str, float] | None = None,
                     level: str | None = None, labels: Mapping[str, str] | None = None,
                     min_group: int = 20) -> dict[str, pd.DataFrame]:
    """The named tables of the module text; ``by``: group columns (``period`` = the month
    of ``time_col``)."""
    from .index import satisfaction_table

    tables = {"drivers": drivers(comments, mentions, complaint=complaint, labels=labels,
                                 rating=rating, level=level)}
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
    sat = satisfaction_table(comments, mentions, labels=labels)
    sat = sat[sat["comments"] >= 10]
    if key is not None:
        tables["ipa"] = ipa_from_tables(sat, key, "key_driver")
    else:
        dim_rows = tables["drivers"] if level in (None, "dimension") else drivers(
            comments, mentions, complaint=complaint, labels=labels, level="dimension")
        tables["ipa"] = ipa_from_tables(sat, complaint_importance(dim_rows), "complaint_impact")
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
