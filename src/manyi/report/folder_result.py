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
    from manyi.analysis.index import (
        alerts,
        index_value,
        profile_factor_trends,
        profile_index,
        profile_trends,
    )
    from manyi.analysis.ipa import ipa_of
    from manyi.analysis.keydrivers import profile_rating_drivers
    from manyi.analysis.segments import MAX_GROUPS, MIN_GROUP, group_columns, profile_segments
    from manyi.io.compact import folder_profiles
    from manyi.report.fix import fix_rows
    from manyi.report.notes import SKIPPED
    from manyi.report.quotes import folder_quotes
    from manyi.report.render import _spans

    comments, labels = result.comments, result.labels
    rating = result._rating_col()
    time_col = result.meta.get("time_col")
    groups = group_columns(comments, result.meta, time_col)
    profiles = folder_profiles(folder, comments, counts=True, count_rating=False,
                               rating=rating, time_col=time_col, group_cols=groups,
                               complaint=result.complaint_rule(),
                               freq=result.meta.get("freq", "M"),
                               segments=(MIN_GROUP, MAX_GROUPS), observe=observe)
    tables: dict = {}
    failed: dict[str, Exception] = {}

    def get(name: str):
        if name in failed:
            raise failed[name]
        return tables[name]

    def key_drivers():
        try:
            return profile_rating_drivers(profiles, labels=labels) if rating else None
        except InputError:  # too few rated comments for the model
            return None

    steps = {
        "drivers": lambda: drivers_from_counts(profiles.counts, labels=labels),
        "graphs": lambda: {subset: graph_from_counts(profiles.counts, subset=subset,
                                                     labels=labels)
                           for subset in ("all", "complaints")},
        "index": lambda: profile_index(profiles, labels=labels),
        "key_drivers": key_drivers,
        "ipa": lambda: ipa_of(comments, result.mentions, key_drivers=get("key_drivers"),
                              drivers=get("drivers"), labels=labels, profiles=profiles,
                              index=index_value(get("index"))),
        "trends": lambda: profile_trends(profiles, labels=labels) if time_col else None,
        "segments": lambda: profile_segments(profiles, group_cols=groups, labels=labels),
        "factor_trends": lambda: profile_factor_trends(profiles, labels=labels)
        if time_col else None,
        "alerts": lambda: alerts(get("trends"), get("factor_trends"))
        if get("trends") is not None else None}
    for name, compute in steps.items():
        try:
            tables[name] = compute()
        except SKIPPED as exc:  # as the Result's property would raise it
            failed[name] = exc
    if "drivers" in tables:  # the drivers' themes, from the same merged counts
        from manyi.analysis.themes import theme_table

        tables["driver_themes"] = theme_table(profiles.counts.terms, tables["drivers"])
    result.__dict__.update(tables)  # the Result's cached properties, computed here
    if failed:  # those raise again when read, as they would have on the whole folder
        result.__class__ = type("FolderResult", (type(result),), {
            name: property(lambda self, exc=exc: _raise(exc)) for name, exc in failed.items()})
    fixes = [(r.dimension, r.factor) for r in fix_rows(result).itertuples()] \
        if "drivers" in tables else []
    result.quotes = folder_quotes(folder, len(comments), fixes, _spans, meta=result.meta)


def _raise(exc: Exception):
    raise exc
