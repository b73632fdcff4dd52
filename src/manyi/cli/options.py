"""Options the ``manyi`` commands share, and the checks that turn a user's mistake into one
line naming the option, column or file and the fix (before any long analysis starts).

>>> looks_like_text(pd.Series(["物流很快", "12", None, "3.5"]))
0.3333333333333333
>>> text_column_hint(pd.DataFrame({"label": [1, 0], "review": ["太慢了", "很好吃"]}), "label")
"--text-col 'label': the column holds no text (e.g. 1); 'review' looks like text: --text-col review"
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import click
import pandas as pd

from manyi.errors import InputError
from manyi.text.lexicon import DOMAINS

_WORDS = re.compile(r"[\u3400-\u9fff]|[^\W\d_]{3,}")
TEXT_SHARE = 0.05  # below this share of text-like cells a column "holds no text"
# A column of at least FEW_FROM cells with at most FEW_VALUES distinct values (or 1 %) is a
# category (a shop, a product line), not comments
FEW_FROM, FEW_VALUES = 100, 20
PEEK_ROWS = 500


# -- shared options ------------------------------------------------------------------------
def _stack(func, options):
    for option in reversed(options):
        func = option(func)
    return func


# suffixes of files, not folders: an output folder named so is a mistake (-o report.pdf)
FILE_SUFFIXES = frozenset({".pdf", ".csv", ".tsv", ".txt", ".xlsx", ".xls", ".html", ".htm",
                           ".json", ".png", ".svg", ".docx", ".doc", ".parquet", ".zip"})


def output_option(help: str, *, folder: bool | None = True, default: str | None = None,
                  file_suffixes: tuple[str, ...] = ()):
    """``-o/--output``: checked before the analysis (parent a file, output a file …); a path
    ending in one of ``file_suffixes`` is a file (``report -o report.html``)."""
    def check(ctx, param, value):
        if value is not None:
            suffix = Path(value).suffix.lower()
            is_file = suffix in file_suffixes
            if folder and not is_file and suffix in FILE_SUFFIXES and not Path(value).is_dir():
                files = f" or one file ({', '.join(file_suffixes)})" if file_suffixes else ""
                raise click.BadParameter(  # newcomer8: -o e12.pdf made a folder e12.pdf
                    f"{value}: looks like a file name; this command writes a folder "
                    f"(e.g. {Path(value).with_suffix('')}/){files}", param_hint="-o")
            check_output_path(value, folder=False if is_file else folder)
        return value

    # (no default at all when required: click 8.4 takes an explicit default=None as one and
    # lets a missing -o through)
    given = {"default": default, "show_default": True} if default is not None \
        else {"required": True}
    return click.option("-o", "--output", "output", type=click.Path(), callback=check,
                        help=help, **given)


JOBS_OPTION = click.option("--jobs", type=click.IntRange(min=0), default=None,
                           help="Worker processes (default: all cores; 1: this process only).")


def run_options(func):
    """``--model``, ``--jobs`` and ``--quiet``, shared by every analysing command."""
    return _stack(func, [
        click.option("--model", "model", type=click.Path(dir_okay=False),
                     help="A sentiment model written by `manyi train` (the shipped model if "
                     "omitted)."),
        JOBS_OPTION,
        click.option("--quiet", is_flag=True, help="No progress bar and no summary."),
    ])


def chart_option(default: str, allowed: tuple[str, ...]):
    """``--chart png,svg|none``: the chart files to draw (skipped without a Chinese font)."""
    return click.option("--chart", default=default, show_default=True,
                        help=f"Chart formats, comma-separated ({', '.join(allowed)}); 'none' for "
                        "no chart. Skipped, with a note, where no font with Chinese glyphs is "
                        "found.")


def rating_option(help: str):
    """``--rating-col NAME``, or ``none``: no rating, not even one found by name (newcomer10
    had no way to set aside a column manyi took for a rating)."""
    return click.option("--rating-col", help=help + " 'none': no rating column.")


def no_rating(rating_col: str | None) -> bool:
    """Whether ``--rating-col`` said there is no rating (``none``)."""
    return rating_col is not None and rating_col.strip().lower() == "none"


def time_option(help: str = "Date column for trends (found by name if omitted)."):
    return click.option("--time-col", help=help)


def freq_option(help: str = "Trend period: day, week, month, quarter."):
    return click.option("--freq", type=click.Choice(["D", "W", "M", "Q"]), default="M",
                        show_default=True, help=help)


def complaint_option(func):
    return click.option("--complaint-max-rating", type=float,
                        help="Count the comments rated ≤ this as the complaints (default: "
                        "negative overall, or a factor named negatively).")(func)


def by_option(func):
    return click.option("--by", "by", multiple=True,
                        help="Group column (product, channel…); repeatable.")(func)


def groups_option(func):
    """``--by`` of the commands that compare groups (drivers, report)."""
    return click.option("--by", "by", multiple=True,
                        help="Group column (shop, channel, product…; 'period' = the trend's "
                        "period, --freq); repeatable. Default: the group columns recognised, "
                        "and period with a time column.")(func)


# -- output paths --------------------------------------------------------------------------
def check_output_path(value: str, *, folder: bool | None = True, option: str = "-o") -> Path:
    """Refuse an output path that cannot be used, naming the path and the fix (``folder``:
    True a folder, False a file, None either)."""
    path = Path(value)
    if folder and path.exists() and not path.is_dir():
        raise InputError(f"{option} {value}: {path} is a file, not a folder; give a folder "
                         "(it is created) or remove the file")
    if folder is False and path.is_dir():
        raise InputError(f"{option} {value}: {path} is a folder; give a file name, "
                         f"e.g. {path / 'suggestions.toml'}")
    ancestor = path if folder or path.is_dir() else path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        raise InputError(f"{option} {value}: {ancestor} is a file, so no folder can be made "
                         "under it; choose another output path")
    if ancestor.exists() and not os.access(ancestor, os.W_OK | os.X_OK):
        raise InputError(f"{option} {value}: no permission to write in {ancestor}; choose "
                         "another output path")
    return path


@contextlib.contextmanager
def output_folder(value: str, names: Iterable[str] = ()) -> Iterator[Path]:
    """A staging folder that replaces ``value`` whole when the block succeeds (so the output
    is complete or absent, never empty); files named in ``names`` are never carried over."""
    from manyi.io.write import atomic_dir

    with atomic_dir(Path(value), owned=set(names)) as staging:
        yield staging


# -- columns -------------------------------------------------------------------------------
def looks_like_text(values: pd.Series) -> float:
    """Share of the non-empty cells that hold words (a Chinese character, or 3+ letters)."""
    cells = values.dropna().astype(str).str.strip()
    cells = cells[cells != ""]
    if cells.empty:
        return 0.0
    return float(cells.map(lambda c: bool(_WORDS.search(c))).mean())


def text_column_hint(frame: pd.DataFrame, text_col: str, option: str = "--text-col"
                     ) -> str | None:
    """A one-line complaint when ``text_col`` holds no text, or only a few values repeated
    (a shop or category column: 旗舰店, 专营店A), but another column holds comments."""
    if text_col not in frame:
        return None
    cells = frame[text_col].dropna().astype(str)
    few = len(cells) >= FEW_FROM and cells.nunique() <= max(FEW_VALUES, len(cells) // 100)
    if looks_like_text(frame[text_col]) >= TEXT_SHARE and not few:
        return None
    from manyi.io.read import RESERVED

    texts = [c for c in frame.columns if c != text_col and c not in RESERVED
             and c != "topic" and looks_like_text(frame[c]) >= 0.5
             and (not few or frame[c].dropna().astype(str).nunique() > cells.nunique())]
    if not texts:
        return None  # no column holds text: the rows are flagged, as they are
    best = max(texts, key=lambda c: frame[c].dropna().astype(str).map(
        lambda cell: len(_WORDS.findall(cell))).mean())  # most words per cell
    if few and frame[best].dropna().astype(str).str.len().mean() < 2 * cells.str.len().mean():
        return None  # (满意/一般 answers beside a city column: no longer text elsewhere)
    example = f" (e.g. {cells.iloc[0]})" if len(cells) else ""
    what = (f"the first {len(cells):,} cells hold only {cells.nunique()} distinct values"
            f"{example}, a category, not comments") if few \
        else f"the column holds no text{example}"
    return f"{option} {text_col!r}: {what}; {best!r} looks like text: {option} {best}"


def check_columns(columns: Iterable[str], named: Mapping[str, object], source: str,
                  renamed: Mapping[str, str] | None = None, own: Iterable[str] = ()) -> None:
    """Every column named by an option (``{"--by": ("店铺",), "--time-col": None}``) exists;
    ``own``: columns manyi added (an analysis folder's), not listed as the dump's."""
    present = list(columns)
    renamed = dict(renamed or {})
    for option, value in named.items():
        values = [value] if isinstance(value, str) else list(value or ())
        for column in values:
            if column not in present and renamed.get(column) not in present:
                parts = [p.strip() for p in re.split(r"[,，、;；]", column) if p.strip()]
                if len(parts) > 1 and all(p in present for p in parts):  # --by 店铺,品类
                    raise InputError(f"{option} {column!r}: no such column; for several "
                                     "columns repeat the option: "
                                     + " ".join(f"{option} {p}" for p in parts))
                hidden = set(own)
                shown = [c for c in present if (c != "comment_id" or c in renamed)
                         and c not in hidden]
                raise InputError(f"{option} {column!r}: no such column in {source}; columns "
                                 f"are: {', '.join(shown)}")


def check_numeric(frame: pd.DataFrame, column: str | None, option: str) -> None:
    """A rating column must hold numbers in at least half of its non-empty cells."""
    if not column or column not in frame:
        return
    values = _filled(frame[column])
    if values.empty:
        return
    numeric = pd.to_numeric(values, errors="coerce")
    if numeric.notna().mean() < 0.5:
        candidates = [c for c in frame.columns if c != column and c != "comment_id"
                      and pd.to_numeric(frame[c], errors="coerce").notna().mean() > 0.8]
        hint = (f"; numeric columns: {', '.join(candidates)}" if candidates
                else "; name a column of numbers (stars, 1–10 score)")
        found = int(numeric.notna().sum())
        held = f"only {found} of its {len(values)} filled cells are numbers" if found \
            else "the column holds no numbers"
        raise InputError(f"{option} {column!r}: {held} "
                         f"(e.g. {values[numeric.isna()].iloc[0]!r}){hint}")


def check_dates(frame: pd.DataFrame, column: str | None, option: str) -> None:
    """A time column must hold dates in at least half of its non-empty cells."""
    if not column or column not in frame:
        return
    values = _filled(frame[column])
    if values.empty:
        return
    if pd.api.types.is_numeric_dtype(values):
        stamps = pd.Series(pd.NaT, index=values.index)
    else:
        stamps = pd.to_datetime(values.astype(str), errors="coerce", format="mixed")
    if stamps.notna().mean() < 0.5:
        raise InputError(f"{option} {column!r}: the column holds no dates "
                         f"(e.g. {str(values[stamps.isna()].iloc[0])!r}); name a column like "
                         "2026-01-31 or 2026/1/31 12:00")


def _filled(values: pd.Series) -> pd.Series:
    """The cells of a column that hold something: not missing, not blank."""
    values = values.dropna()
    return values[values.astype(str).str.strip() != ""]


ID_NAMES = ("评论ID", "评论编号", "评价ID", "工单编号", "工单号", "订单编号", "订单号", "问卷编号",
            "编号", "序号", "id", "review_id", "comment_id", "ticket_id", "order_id")


def id_column_hint(columns: Iterable[str] | None, id_col: str | None, *, repeated: int = 0,
                   rows: int = 0) -> str:
    """A note naming a column that looks like ids when ``--id-col`` was not given, or a
    warning when the one given repeats in most rows (``repeated`` of ``rows`` flagged
    duplicate_id: a rating or a shop named by mistake).

    >>> id_column_hint(["工单编号", "反馈内容"], None)
    'note: ids are row numbers (from 1); 工单编号 looks like an id column: --id-col 工单编号'
    >>> print(id_column_hint(["评论ID", "评分", "评论内容"], "评分", repeated=405, rows=420))
    ... # doctest: +NORMALIZE_WHITESPACE
    warning: --id-col 评分: 405 of 420 rows flagged duplicate_id (their id repeats): is it
    the id column? 评论ID looks like one
    """
    from manyi.io.read import find_column

    names = [c for c in columns or () if c not in ("comment_id", id_col)]
    found = find_column(names, ID_NAMES) if names else None
    if id_col:
        if not rows or repeated * 2 < rows:
            return ""
        return (f"warning: --id-col {id_col}: {repeated} of {rows} rows flagged duplicate_id "
                "(their id repeats): is it the id column?"
                + (f" {found} looks like one" if found else ""))
    return (f"note: ids are row numbers (from 1); {found} looks like an id column: "
            f"--id-col {found}") if found else ""


def preflight(reading: Mapping[str, object], named: Mapping[str, object],
              *, rating: str | None = None, time: str | None = None) -> list[str] | None:
    """Check the columns the options name on the dump's first rows, before the analysis.

    Excel workbooks are read whole, so they are checked after the analysis instead
    (:func:`check_result`). Returns the dump's columns (None for a workbook)."""
    from manyi.io.read import iter_comments

    source = str(reading["input_path"])
    if Path(source).suffix.lower() in (".xlsx", ".xlsm", ".xls") or not Path(source).is_file():
        return None  # a missing file is the reader's one-line error
    meta, chunks = iter_comments(source, text_col=reading.get("text_col"),
                                 id_col=reading.get("id_col"), encoding=reading.get("encoding"),
                                 sheet=reading.get("sheet"), chunk_rows=PEEK_ROWS)
    try:
        first = next(chunks)
    finally:
        chunks.close()
    _check_frame(first, meta.text_col, meta.source, named, meta.renamed, rating, time)
    return [str(c) for c in first.columns]


def check_result(result, named: Mapping[str, object], *, rating: str | None = None,
                 time: str | None = None) -> None:
    """The checks of :func:`preflight`, on an analysed Result (Excel input)."""
    meta = result.meta
    _check_frame(result.comments, meta.get("text_col"), str(meta.get("source")), named,
                 meta.get("renamed") or {}, rating, time)


def _check_frame(frame, text_col, source, named, renamed, rating, time) -> None:
    check_columns(frame.columns, named, source, renamed)
    if text_col and (hint := text_column_hint(frame, text_col)):
        raise InputError(hint)
    check_numeric(frame, renamed.get(rating, rating), "--rating-col")
    check_dates(frame, renamed.get(time, time), "--time-col")


def input_options(func=None, *, reuse: bool = False):
    """Options shared by every command that reads a comment dump; ``reuse``: INPUT may be
    left out for ``--from DIR``, the folder ``manyi analyze`` wrote."""
    if func is None:
        return lambda f: input_options(f, reuse=reuse)
    options = [
        click.option("--text-col",
                     help="Column holding the comment text (found by name if omitted)."),
        click.option("--id-col", help="Column holding comment ids (row numbers if omitted)."),
        click.option("--encoding", help="File encoding (detected if omitted: UTF-8, GBK/GB18030)."),
        click.option("--sheet", help="Excel sheet name (the first sheet if omitted)."),
        click.option("--domain", type=click.Choice(["auto", *DOMAINS]),
                     default="auto", show_default=True,
                     help="Industry lexicon pack (auto: chosen from the comments' words)."),
        click.option("--lexicon", "lexicon", multiple=True, type=click.Path(exists=True),
                     help="Your own lexicon pack (folder or file); repeatable, later wins."),
    ]
    if reuse:
        options.append(click.option(
            "--from", "from_dir", type=click.Path(exists=True, file_okay=False),
            help="Use the folder `manyi analyze` wrote instead of analysing INPUT again."))
    for option in reversed(options):
        func = option(func)
    return click.argument("input_path", metavar="INPUT", type=click.Path(),
                          required=not reuse)(func)


def labelled_options(func):
    """Options of the commands that read a labelled sample (evaluate, train)."""
    options = [
        click.option("--text-col",
                     help="Column holding the comment text (found by name if omitted)."),
        click.option("--label-col", required=True,
                     help="Column holding the gold label: 1/0, pos/neg, 正面/负面/中性 …"),
        click.option("--encoding", help="File encoding (detected if omitted)."),
        click.option("--sheet", help="Excel sheet name (the first sheet if omitted)."),
    ]
    for option in reversed(options):
        func = option(func)
    return click.argument("input_path", metavar="FILE", type=click.Path(exists=True))(func)
