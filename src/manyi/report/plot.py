"""Charts of fitted topic models, and the Chinese font every chart of manyi draws with.

matplotlib's default fonts have no Chinese glyphs (labels come out as empty boxes), so each
chart asks :func:`find_cjk_font` for a font file: a system CJK font, else the one shipped by
the ``mplfonts`` package (``pip install 'manyi[plot]'``). matplotlib is imported only when a
chart is drawn.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from manyi.errors import ManyiError

FONT_HINT = ("pip install 'manyi[plot]' (ships Noto Sans CJK via mplfonts) "
             "or a system font: apt-get install fonts-noto-cjk")
CJK_FONT_FILES = ("NotoSansCJK", "NotoSansSC", "SourceHanSans", "wqy-microhei", "wqy-zenhei",
                  "msyh", "simhei", "PingFang", "DroidSansFallback", "NotoSerifCJK")


class ChartUnavailable(ManyiError):
    """No chart can be drawn here (no font with Chinese glyphs, or no matplotlib)."""


TOPIC_COLORS = ("#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3",
                "#8C8C8C", "#CCB974", "#64B5CD")


def plot_topics(model, *, topics: Iterable[int] | None = None, n_terms: int = 8,
                ncols: int = 3):
    """Bar chart of each topic's top terms of a fitted ``TopicModel`` (a matplotlib Figure;
    never shown)."""
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=find_cjk_font())
    chosen = list(range(model.k_)) if topics is None else list(topics)
    nrows = max(1, -(-len(chosen) // ncols))
    fig = Figure(figsize=(4.2 * ncols, 0.32 * n_terms * nrows + 0.9 * nrows),
                 layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    share = model.topic_shares()
    labels = model.labels()
    for ax, t in zip(axes, chosen, strict=False):
        terms = model.lda_.show_topic(t, topn=n_terms)[::-1]
        ax.barh(range(len(terms)), [p for _, p in terms],
                color=TOPIC_COLORS[t % len(TOPIC_COLORS)])
        ax.set_yticks(range(len(terms)), [w for w, _ in terms], fontproperties=font)
        ax.set_title(f"#{t} {labels[t]}  ({share.get(t, 0.0):.0%})",
                     fontproperties=font, fontsize=10, loc="left")
        ax.tick_params(axis="x", labelsize=7)
        ax.spines[["top", "right"]].set_visible(False)
    for ax in axes[len(chosen):]:
        ax.set_visible(False)
    fig.suptitle(f"主题词 (LDA, {model.k_} 个主题)", fontproperties=font)
    return fig


@lru_cache(maxsize=1)
def find_cjk_font() -> str:
    """Path of a font with Chinese glyphs: a system font, else the mplfonts package's."""
    try:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font
    except ImportError as exc:
        raise ChartUnavailable(f"charts need matplotlib: {FONT_HINT}") from exc
    candidates = sorted(font_manager.findSystemFonts(),
                        key=lambda p: (_font_rank(os.path.basename(p)), "Bold" in p, p))
    candidates = [p for p in candidates if _font_rank(os.path.basename(p)) < len(CJK_FONT_FILES)]
    spec = importlib.util.find_spec("mplfonts")
    if spec and spec.submodule_search_locations:
        fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
        candidates += [str(fonts / "NotoSansCJKsc-Regular.otf"), str(fonts / "SimHei.ttf")]
    for path in candidates:
        try:
            if os.path.exists(path) and FT2Font(path).get_char_index(ord("满")):
                return path
        except (OSError, RuntimeError):
            continue
    raise ChartUnavailable(f"no font with Chinese glyphs found for charts: {FONT_HINT}")


def _font_rank(name: str) -> int:
    lowered = name.lower()
    for rank, key in enumerate(CJK_FONT_FILES):
        if key.lower() in lowered:
            return rank
    return len(CJK_FONT_FILES)
