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

from manyi.errors import InputError
from manyi.report.plot import FONT_HINT, ChartUnavailable, find_cjk_font


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


def spread_labels(pos: dict, labels: dict, figsize: tuple[float, float], *,
                  fontsize: float = 10, iterations: int = 400) -> dict:
    """Node positions moved apart until no two centred labels overlap (or ``iterations``).

    Each label's box is measured in inches (a Chinese character is one em, an ASCII one about
    half) and compared in the drawing's data units; overlapping pairs are pushed apart along
    the axis that needs the smaller move. The axes are taken to fill about 72 % × 80 % of the
    figure (a colour bar beside it)."""
    import numpy as np

    nodes = list(pos)
    if len(nodes) < 2:
        return dict(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    em = fontsize / 72
    width = np.array([sum(1.0 if ord(c) > 127 else 0.55 for c in str(labels[n])) + 1.0
                      for n in nodes]) * em
    height = 2.0 * em
    upper = np.triu(np.ones((len(nodes), len(nodes)), dtype=bool), 1)
    for _ in range(iterations):
        span = np.ptp(xy, axis=0)
        span[span == 0] = 1.0
        per_inch = span / (np.array(figsize) * (0.72, 0.8))  # data units per inch
        dx = xy[None, :, 0] - xy[:, None, 0]
        dy = xy[None, :, 1] - xy[:, None, 1]
        over_x = (width[:, None] + width[None, :]) / 2 * per_inch[0] - np.abs(dx)
        over_y = height * per_inch[1] - np.abs(dy)
        clash = upper & (over_x > 0) & (over_y > 0)
        if not clash.any():
            break
        for i, j in zip(*np.nonzero(clash)):
            if over_x[i, j] / per_inch[0] < over_y[i, j] / per_inch[1]:
                step, axis, sign = over_x[i, j] / 2 * 1.05, 0, np.sign(dx[i, j]) or 1.0
            else:
                step, axis, sign = over_y[i, j] / 2 * 1.05, 1, np.sign(dy[i, j]) or 1.0
            xy[i, axis] -= sign * step
            xy[j, axis] += sign * step
    return {n: tuple(p) for n, p in zip(nodes, xy)}
