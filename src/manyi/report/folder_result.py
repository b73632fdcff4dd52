"""``manyi report --from``: the Result of an analysis folder for the report without its
mentions or texts held — the comments compactly (no text), every table the report shows
from the comments' profiles and the counts merged block by block
(:mod:`manyi.analysis.profiles`), the evidence comments picked block by block
(:mod:`manyi.report.quotes`). Each table is the one the Result's property computes on
the whole folder (the same functions, on merged counts).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from manyi.errors import InputError


def fill_from_profiles(result, folder: str | Path, *, observe: Mapping | None = None) -> None:
    """Set ``result``'s tables (drivers, graphs, index, key drivers, IPA, trends, segments,
    alerts) from its folder's profiles and its ``quotes`` (evidence comments); the
    mentions are read twice, block by block (``observe``: as
    :func:`manyi.io.compact.compact_tables`, given each mention block whole)."""
    from manyi.analysis.drivers import drivers_from_counts
    from manyi.analysis.graph import graph_from_counts
    from manyi.analysis.index import alerts, profile_index, profile_trends
    from manyi.analysis.ipa import ipa_of
    from manyi.analysis.keydrivers import profile_rating_drivers
    from manyi.analysis.segments import group_columns, profile_segments
    from manyi.io.compact import folder_profiles
    from manyi.report.fix import fix_rows
    from manyi.report.quotes import folder_quotes
    from manyi.report.render import _spans

    comments, labels = result.comments, result.labels
    rating = result._rating_col()
    time_col = result.meta.get("time_col")
    groups = group_columns(comments, result.meta, time_col)
    profiles = folder_profiles(folder, comments, counts=True, count_rating=False,
                               rating=rating, time_col=time_col, group_cols=groups,
                               segments=(20, 30), observe=observe)
    tables = {"drivers": drivers_from_counts(profiles.counts, labels=labels),
              "graphs": {subset: graph_from_counts(profiles.counts, subset=subset,
                                                   labels=labels)
                         for subset in ("all", "complaints")},
              "index": profile_index(profiles, labels=labels)}
    key = None
    if rating is not None:
        try:
            key = profile_rating_drivers(profiles, labels=labels)
        except InputError:  # too few rated comments for the model
            key = None
    tables["key_drivers"] = key
    tables["ipa"] = ipa_of(comments, result.mentions, key_drivers=key,
                           drivers=tables["drivers"], labels=labels, profiles=profiles)
    tables["trends"] = profile_trends(profiles, labels=labels) if time_col else None
    tables["segments"] = profile_segments(profiles, group_cols=groups, labels=labels)
    tables["alerts"] = alerts(tables["trends"]) if tables["trends"] is not None else None
    result.__dict__.update(tables)  # the Result's cached properties, computed here
    fixes = [(r.dimension, r.factor) for r in fix_rows(result).itertuples()]
    result.quotes = folder_quotes(folder, len(comments), fixes, _spans, meta=result.meta)
