"""Every table "what should we fix first?" needs, computed once, for ``manyi drivers``.

``drivers`` (complaint impact and praise, :mod:`manyi.analysis.impact`), ``driver_themes``
(what each complaint driver's complaints name, :mod:`manyi.analysis.themes`), ``key_drivers``
(with a rating column, :func:`manyi.analysis.keydrivers.rating_drivers`), ``index`` (the
default weighting unless told), ``ipa``, ``segments_index`` / ``segments_differences`` /
``segments_drivers`` (with group columns), ``trends``, ``factor_trends`` and ``alerts``
(with a time column).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from manyi.analysis.drivers import drivers, drivers_from_counts
from manyi.analysis.graph import FactorCounts
from manyi.analysis.index import (
    alerts,
    index_value,
    profile_factor_trends,
    profile_index,
    profile_trends,
)
from manyi.analysis.ipa import ipa_of
from manyi.analysis.keydrivers import profile_rating_drivers
from manyi.analysis.profiles import Profiles
from manyi.analysis.rows import ComplaintSpec
from manyi.analysis.segments import MAX_GROUPS, MIN_GROUP, profile_segments
from manyi.analysis.themes import TermSets, theme_table
from manyi.errors import InputError


def fix_first_tables(comments: pd.DataFrame, mentions: pd.DataFrame, *,
                     rating: str | None = None, time_col: str | None = None, freq: str = "M",
                     by: Sequence[str] | None = None, complaint: ComplaintSpec = None,
                     weights: str | Mapping[str, float] | None = None,
                     level: str | None = None, labels: Mapping[str, str] | None = None,
                     min_group: int = MIN_GROUP, counts: FactorCounts | None = None,
                     profiles: Profiles | None = None) -> dict[str, pd.DataFrame]:
    """The named tables of the module text; ``by``: group columns (``period`` = the ``freq``
    of ``time_col``). ``counts``: the drivers' counts of these comments, merged from
    chunks (:func:`manyi.stream.folder_counts`, with the same complaint rule and rating),
    the drivers table computed from them. ``profiles``: the comments' profiles built with
    :func:`profile_options` (an analysis folder's, block by block); by default built from
    ``comments`` and ``mentions``."""
    if profiles is None:
        profiles = Profiles.of(comments, mentions, **profile_options(
            comments, rating=rating, time_col=time_col, freq=freq, by=by,
            complaint=complaint, weights=weights, min_group=min_group))
    tables = {"drivers": drivers(comments, mentions, complaint=complaint, labels=labels,
                                 rating=rating, level=level) if counts is None else
              drivers_from_counts(counts, labels=labels, level=level,
                                  rating=rating is not None)}
    terms = TermSets.of(comments, mentions, complaint=complaint) if counts is None \
        else counts.terms
    tables["driver_themes"] = theme_table(terms, tables["drivers"])
    key = None
    if rating:
        try:
            key = profile_rating_drivers(profiles, labels=labels)
        except InputError:  # too few rated comments for a regression
            key = None
    if key is not None:
        tables["key_drivers"] = key
    tables["index"] = profile_index(profiles, weights=weights, labels=labels)
    dim_rows = tables["drivers"] if level in (None, "dimension") or key is not None else \
        drivers(comments, mentions, complaint=complaint, labels=labels, level="dimension") \
        if counts is None else drivers_from_counts(counts, labels=labels, level="dimension")
    tables["ipa"] = ipa_of(comments, mentions, key_drivers=key, drivers=dim_rows,
                           labels=labels, profiles=profiles,
                           index=index_value(tables["index"]))
    if by:
        found = profile_segments(profiles, group_cols=list(by), labels=labels,
                                 min_comments=min_group, index=tables["index"])
        for name, table in found.items():
            tables[f"segments_{name}"] = table
    if time_col and "_trend" in profiles.rows:
        tables["trends"] = profile_trends(profiles, labels=labels)
        tables["factor_trends"] = profile_factor_trends(profiles, labels=labels)
        tables["alerts"] = alerts(tables["trends"], tables["factor_trends"])
    elif time_col:
        raise InputError(f"time column {time_col!r} is not in the comments table")
    return tables


def profile_options(comments: pd.DataFrame, *, rating: str | None = None,
                    time_col: str | None = None, freq: str = "M",
                    by: Sequence[str] | None = None, complaint: ComplaintSpec = None,
                    weights: str | Mapping[str, float] | None = None,
                    min_group: int = MIN_GROUP) -> dict:
    """The options of :class:`manyi.analysis.profiles.ProfileBuilder` the tables of
    :func:`fix_first_tables` need."""
    return {"complaint": complaint, "rating": rating, "time_col": time_col, "freq": freq,
            "group_cols": [c for c in by or () if c in comments or c == "period"],
            "score": weights == "key_driver" and not rating,
            "segments": (min_group, MAX_GROUPS) if by else None}
