"""Charts are optional, tables never are: draw a chart when a Chinese font is there, else
skip it and say so in one line.

Every command that draws (``drivers``, ``graph``, ``topics``) writes its tables first in
importance; a chart needs matplotlib and a font with Chinese glyphs (a system one or
``pip install 'manyi[plot]'``). Without one the chart is skipped, never the command.

>>> chart_formats("png, SVG", ("png", "svg"))
['png', 'svg']
>>> chart_formats("none", ("png",))
[]
>>> skipped_line(["ipa.png"]).split(";")[0]
'charts skipped (no font with Chinese glyphs): ipa.png'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .errors import InputError
from .topics_plot import FONT_HINT, ChartUnavailable, find_cjk_font


def chart_formats(value: str | None, allowed: Sequence[str], option: str = "--chart"
                  ) -> list[str]:
    """The chart formats of a ``--chart`` value (``png,svg``; ``none`` or empty: no chart)."""
    formats = [f.strip().lower() for f in (value or "").split(",") if f.strip()]
    if formats in ([], ["none"]):
        return []
    unknown = [f for f in formats if f not in allowed]
    if unknown:
        raise InputError(f"{option} {value!r}: unknown chart format {unknown[0]!r}; use "
                         f"{', '.join(allowed)} (comma-separated) or none")
    return list(dict.fromkeys(formats))


def can_draw() -> bool:
    """True when a chart can be drawn here (matplotlib and a font with Chinese glyphs)."""
    try:
        find_cjk_font()
    except ChartUnavailable:
        return False
    return True


def draw(make: Callable[[], Any]) -> Any | None:
    """``make()`` (a matplotlib Figure), or None when no chart can be drawn here."""
    try:
        return make()
    except ChartUnavailable:
        return None


def skipped_line(names: Sequence[str]) -> str:
    """The one line that says which charts were skipped and how to get them."""
    return (f"charts skipped (no font with Chinese glyphs): {' '.join(names)}; "
            f"to draw them: {FONT_HINT}")
