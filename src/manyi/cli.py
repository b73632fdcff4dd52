"""The ``manyi`` command: thin click wrappers over the library."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import click
import pandas as pd

from .errors import ManyiError
from .outputs import COMMAND_FILES, atomic_dir, fixed_metadata, plt_fixed_ids


class ManyiGroup(click.Group):
    """Turns every ManyiError (and a system error: disk full, read-only folder) into one line
    on stderr and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ManyiError as exc:
            click.echo(f"manyi: error: {exc}", err=True)
            sys.exit(1)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"manyi: error: {where}{exc.strerror or exc}", err=True)
            sys.exit(1)


def input_options(func):
    """Options shared by every command that reads a comment dump."""
    options = [
        click.option("--text-col",
                     help="Column holding the comment text (found by name if omitted)."),
        click.option("--id-col", help="Column holding comment ids (row numbers if omitted)."),
        click.option("--encoding", help="File encoding (detected if omitted: UTF-8, GBK/GB18030)."),
        click.option("--sheet", help="Excel sheet name (the first sheet if omitted)."),
        click.option("--domain", type=click.Choice(["ecommerce", "catering", "hotel", "hotline"]),
                     default="ecommerce", show_default=True, help="Industry lexicon pack."),
        click.option("--lexicon", "lexicon", multiple=True, type=click.Path(exists=True),
                     help="Your own lexicon pack (folder or file); repeatable, later wins."),
    ]
    for option in reversed(options):
        func = option(func)
    return click.argument("input_path", metavar="INPUT", type=click.Path())(func)


def _analyse(reading: dict, *, jobs: int = 1, quiet: bool = False, **options):
    """Run the pipeline on the dump named by the shared reading options."""
    from .pipeline import analyze as run

    reading = dict(reading)
    return run(reading.pop("input_path"), jobs=jobs, progress=False if quiet else None,
               **reading, **options)


def _exit_if_rejected(result, written_to: str | None = None) -> None:
    """Exit status 3, with a warning on stderr, when input rows could not be parsed."""
    rejects = result.meta.get("rejects") or []
    if rejects:
        where = f"see {written_to}" if written_to else "first: " + "; ".join(
            f"line {r['line']}: {r['reason']}" for r in rejects[:3])
        click.echo(f"manyi: warning: {len(rejects)} input row(s) rejected, not analysed; "
                   f"{where}", err=True)
        sys.exit(3)


@click.group(cls=ManyiGroup)
@click.version_option(package_name="manyi")
def main() -> None:
    """manyi 满意 — mine Chinese customer feedback: factors, sentiment, dimensions."""


@main.command()
@input_options
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for comments.csv, mentions.csv, dimensions.csv and meta.json.")
@click.option("--jobs", type=int, default=1, show_default=True,
              help="Worker processes (0 = all cores).")
@click.option("--segmenter", type=click.Choice(["jieba", "rjieba"]), default="rjieba",
              show_default=True, help="Word segmenter backend.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster: its scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--strict", is_flag=True,
              help="Fail (exit 1, nothing written) when any input row is rejected.")
@click.option("--chunk-rows", type=click.IntRange(min=1), default=20_000, show_default=True,
              help="Rows read, analysed and written at a time (memory stays bounded).")
def analyze(output, jobs, segmenter, scheduler, quiet, strict, chunk_rows, **reading) -> None:
    """Analyse a comment dump INPUT (CSV, TSV, XLSX, JSONL, Parquet, TXT) into OUTPUT.

    The dump is streamed: read, analysed and written CHUNK_ROWS rows at a time, with the
    tables (dimensions, drivers) computed from counts merged across chunks, so files of
    millions of comments run in bounded memory. Rows that cannot be parsed (bad JSON line,
    broken CSV quoting, too many fields) go to OUTPUT/rejects.csv with their line number and
    reason. OUTPUT is replaced whole, never left half-written. Exit status: 0 done; 1 error,
    nothing written; 3 written, but some input rows were rejected (see rejects.csv).
    """
    from pathlib import Path

    from .stream import analyze_to_dir, check_strict

    if scheduler:  # Dask workers analyse; the result comes back whole
        result = _analyse(reading, jobs=jobs, quiet=quiet, segmenter=segmenter,
                          scheduler=scheduler)
        if strict:
            check_strict(result.meta["source"], result.meta["rejects"])
        out = result.to_dir(output)
    else:
        reading = dict(reading)
        result = analyze_to_dir(reading.pop("input_path"), output, jobs=jobs,
                                segmenter=segmenter, chunk_rows=chunk_rows, strict=strict,
                                progress=False if quiet else None, **reading)
        out = Path(output)
    rejects = result.meta.get("rejects") or []
    if not quiet:
        click.echo(summary_text(result))
        click.echo(f"\nwritten to {out}/: comments.csv mentions.csv dimensions.csv drivers.csv "
                   "meta.json" + (" rejects.csv" if rejects else ""))
    _exit_if_rejected(result, str(out / "rejects.csv"))


@main.command()
@input_options
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for report.html, report.xlsx and summary.json.")
@click.option("--format", "formats", default="html,xlsx,json", show_default=True,
              help="Comma-separated report formats: html, xlsx, json.")
@click.option("--jobs", type=int, default=1, show_default=True,
              help="Worker processes (0 = all cores).")
@click.option("--quiet", is_flag=True, help="No progress bars and no summary.")
def report(output, formats, jobs, quiet, **reading) -> None:
    """Analyse INPUT and write a manager's report: HTML (offline), Excel workbook, JSON."""
    from .report import write_report

    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    result = _analyse(reading, jobs=jobs, quiet=quiet)
    if Path(output).suffix.lower() in (".html", ".xlsx", ".xls", ".json"):
        written = write_report(result, output, wanted, progress=False if quiet else None)
    else:  # the folder is replaced whole, or not at all
        with atomic_dir(output, owned=COMMAND_FILES["report"]) as staging:
            written = write_report(result, staging, wanted, progress=False if quiet else None)
        written = {fmt: Path(output) / p.name for fmt, p in written.items()}
    if not quiet:
        click.echo(summary_text(result))
        files = pd.DataFrame({"file": [str(p) for p in written.values()],
                              "size": [f"{p.stat().st_size / 1024:,.0f} KB"
                                       for p in written.values()]})
        click.echo("\n" + format_table(files))
    _exit_if_rejected(result)


def _complaint_rule(result, rating_col, complaint_max_rating):
    """None (sentiment negative) or rating ≤ N on the rating column."""
    if complaint_max_rating is None:
        return None
    if not rating_col:
        raise ManyiError("--complaint-max-rating needs a rating column: pass --rating-col")
    return pd.to_numeric(result.comments[rating_col], errors="coerce") <= complaint_max_rating


@main.command()
@input_options
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for drivers, key_drivers, index, ipa, trends, alerts (CSV) and ipa.png.")
@click.option("--rating-col", help="Star/score column for the key-driver model "
              "(found by name if omitted; the sentiment score is used when there is none).")
@click.option("--time-col", help="Date column for trends and alerts (found by name if omitted).")
@click.option("--freq", type=click.Choice(["D", "W", "M", "Q"]), default="M", show_default=True,
              help="Trend period: day, week, month, quarter.")
@click.option("--by", "by", multiple=True, help="Group column (product, channel…); repeatable.")
@click.option("--complaint-max-rating", type=float,
              help="Count ratings ≤ this as complaints (default: negative sentiment).")
@click.option("--weights", type=click.Choice(["key_driver", "entropy", "equal"]),
              help="Index weights (default: key_driver, equal when too few comments).")
@click.option("--level", type=click.Choice(["factor", "dimension"]), default="factor",
              show_default=True, help="Drivers per sub-factor or per dimension.")
@click.option("--jobs", type=int, default=1, show_default=True,
              help="Worker processes (0 = all cores).")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
def drivers(output, rating_col, time_col, freq, by, complaint_max_rating, weights, level, jobs,
            quiet, **reading) -> None:
    """What to fix first: complaint drivers, satisfaction index, IPA, trends and alerts."""
    from pathlib import Path

    from .index import fix_first_tables, plot_ipa
    from .outputs import write_csv

    result = _analyse(reading, jobs=jobs, quiet=quiet)
    domain = reading["domain"]
    rating_col = rating_col or result.meta.get("rating_col")
    time_col = time_col or result.meta.get("time_col")
    tables = fix_first_tables(result.comments, result.mentions, rating=rating_col,
                              time_col=time_col, freq=freq, by=list(by) or None,
                              complaint=_complaint_rule(result, rating_col,
                                                        complaint_max_rating),
                              weights=weights, level=level, domain=domain)
    figure = plot_ipa(tables["ipa"]) if "ipa" in tables else None  # before any file is written
    out = Path(output)
    with atomic_dir(out, owned=COMMAND_FILES["drivers"]) as staging:
        for name, table in tables.items():
            write_csv(table, staging / f"{name}.csv")
        if figure is not None:
            figure.savefig(staging / "ipa.png", dpi=120)
    if not quiet:
        top = tables["drivers"].head(10)[["label", "comments", "complaint_rate", "lift",
                                          "odds_ratio", "q_value", "complaint_share"]]
        click.echo("fix first (complaint drivers):\n" + format_table(top))
        index = tables["index"][["label", "comments", "satisfaction", "weight"]]
        click.echo("\nsatisfaction index:\n" + format_table(index))
        if len(tables.get("alerts", [])):
            click.echo("\nalerts:\n" + format_table(tables["alerts"][
                ["label", "previous_period", "period", "previous_rate", "rate", "q_value"]]))
        click.echo(f"\nwritten to {out}/: " + " ".join(f"{n}.csv" for n in tables)
                   + (" ipa.png" if "ipa" in tables else ""))
    _exit_if_rejected(result)


@main.command()
@input_options
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for graph_all.* and graph_complaints.* (GraphML, GEXF, JSON, PNG).")
@click.option("--level", type=click.Choice(["factor", "dimension"]), default="factor",
              show_default=True, help="Nodes are sub-factors or dimensions.")
@click.option("--unit", type=click.Choice(["comment", "clause"]), default="comment",
              show_default=True, help="Factors co-occur within a comment or a clause.")
@click.option("--opinions", is_flag=True, help="Add opinion words (慢, 破损…) as nodes.")
@click.option("--min-count", type=int, default=2, show_default=True,
              help="Drop nodes and edges seen fewer times.")
@click.option("--rating-col", help="Rating column for --complaint-max-rating.")
@click.option("--complaint-max-rating", type=float,
              help="Count ratings ≤ this as complaints (default: negative sentiment).")
@click.option("--top", type=int, default=40, show_default=True, help="Nodes drawn in the PNG.")
@click.option("--jobs", type=int, default=1, show_default=True,
              help="Worker processes (0 = all cores).")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
def graph(output, level, unit, opinions, min_count, rating_col, complaint_max_rating, top, jobs,
          quiet, **reading) -> None:
    """Factor co-occurrence graphs of all comments and of complaints, exported and drawn."""
    from .graph import compare_graphs, complaint_graphs, write_graph_files

    result = _analyse(reading, jobs=jobs, quiet=quiet)
    domain = reading["domain"]
    rating_col = rating_col or result.meta.get("rating_col")
    graphs = complaint_graphs(result.comments, result.mentions, level=level, unit=unit,
                              opinions=opinions, min_count=min_count, domain=domain,
                              complaint=_complaint_rule(result, rating_col,
                                                        complaint_max_rating))
    with atomic_dir(output, owned=COMMAND_FILES["graph"]) as staging:
        written = [Path(output) / p.name for p in write_graph_files(graphs, staging, top=top)]
    if not quiet:
        pairs = compare_graphs(graphs["all"], graphs["complaints"]).head(10)
        if len(pairs):
            click.echo("pairs most often together in complaints:\n" + format_table(
                pairs[["label", "weight_all", "weight_complaints", "complaint_share"]]))
        click.echo(f"\nwritten to {output}/: " + " ".join(p.name for p in written))
    _exit_if_rejected(result)


@main.command()
@input_options
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for topics.csv, topic_terms.csv, comment_topics.csv, topics.png/svg.")
@click.option("--topics", "k", type=click.IntRange(min=1),
              help="Number of topics (chosen by held-out likelihood over --k-range if omitted).")
@click.option("--k-range", nargs=2, type=click.IntRange(min=2), default=(4, 16),
              show_default=True, help="Smallest and largest number of topics to try.")
@click.option("--seed-dimensions", is_flag=True,
              help="Give each lexicon dimension its own seeded topic; the rest stay free.")
@click.option("--seed", type=int, default=42, show_default=True,
              help="Random seed: the same input and seed give the same topics.")
@click.option("--time-col", help="Date column for topics over time (found by name if omitted).")
@click.option("--freq", type=click.Choice(["D", "W", "M", "Q"]), default="M", show_default=True,
              help="Period of topics over time.")
@click.option("--by", "by", multiple=True, help="Group column (product, channel…); repeatable.")
@click.option("--chart", default="png,svg", show_default=True,
              help="Chart formats, comma-separated (png, svg); 'none' for no chart.")
@click.option("--jobs", type=int, default=1, show_default=True,
              help="Worker processes (0 = all cores).")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
def topics(output, k, k_range, seed_dimensions, seed, time_col, freq, by, chart, jobs, quiet,
           **reading) -> None:
    """Discover themes with LDA topic models: top terms, size, negative share, examples."""
    from pathlib import Path

    from .graph import ANALYSABLE_FLAGS
    from .outputs import write_csv

    result = _analyse(reading, jobs=jobs, quiet=quiet)
    input_path = reading["input_path"]
    result.fit_topics(k=k, k_range=tuple(k_range), seed=seed, seed_dimensions=seed_dimensions)
    model = result.topic_model
    comments = result.comments[result.comments["flag"].isin(ANALYSABLE_FLAGS)]
    out = Path(output)
    labels = model.labels()
    per_comment = model.document_topics_.assign(
        comment_id=comments["comment_id"].to_numpy(),
        label=model.document_topics_["topic"].map(labels))
    tables = {"topics": model.topic_info(), "topic_terms": model.topic_terms(),
              "comment_topics": per_comment[["comment_id", "topic", "label",
                                             "topic_probability"]],
              "topic_k_scores": model.k_scores_}
    time_col = time_col or result.meta.get("time_col")
    if time_col:
        tables["topics_over_time"] = model.topics_over_time(comments[time_col], freq=freq)
    for column in by or result.meta.get("group_cols", []):
        if column not in comments:
            raise ManyiError(f"--by {column!r}: no such column in {input_path}")
        tables[f"topics_by_{column}"] = model.topics_by_group(comments[column])
    formats = [f.strip().lower() for f in chart.split(",") if f.strip().lower() != "none"]
    figure = model.plot_topics() if formats else None  # before any file is written
    written = [f"{n}.csv" for n in tables]
    with atomic_dir(out, owned=COMMAND_FILES["topics"]) as staging:
        for name, table in tables.items():
            write_csv(table, staging / f"{name}.csv")
        if figure is not None:
            for fmt in formats:  # (no date, fixed ids: the same bytes every run)
                with plt_fixed_ids():
                    figure.savefig(staging / f"topics.{fmt}", dpi=120, metadata=fixed_metadata(fmt))
                written.append(f"topics.{fmt}")
    if not quiet:
        info = tables["topics"][["topic", "label", "size", "share", "negative_share"]]
        click.echo(f"{model.k_} topics" + (" (chosen by held-out likelihood)" if k is None else "")
                   + ":\n" + format_table(info))
        click.echo(f"\nwritten to {out}/: " + " ".join(written))
    _exit_if_rejected(result)


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


@main.command()
@labelled_options
@click.option("--model", "model_path", type=click.Path(),
              help="A model written by `manyi train` (the shipped model if omitted).")
@click.option("--no-snownlp", is_flag=True, help="Skip the snownlp comparison (70 comments/s).")
def evaluate(input_path, text_col, label_col, encoding, sheet, model_path, no_snownlp) -> None:
    """Accuracy, macro-F1, per-class precision/recall and confusion of manyi's sentiment on
    labelled FILE, side by side with snownlp on the same rows."""
    from .sentiment import SentimentModel
    from .train import evaluate as run_evaluation
    from .train import format_report, read_labelled

    texts, labels, dropped, _ = read_labelled(input_path, text_col=text_col,
                                              label_col=label_col, encoding=encoding, sheet=sheet)
    model = SentimentModel.load(model_path) if model_path else None
    results = run_evaluation(texts, labels, model=model, compare_snownlp=not no_snownlp)
    click.echo(f"{len(texts)} labelled rows" + (f" ({dropped} without text or label skipped)"
                                                if dropped else ""))
    click.echo(format_report(results))


@main.command("evaluate-dimensions")
@input_options
@click.option("--labels-col", required=True,
              help="Column of gold dimensions, e.g. 'price:negative;logistics:positive'.")
@click.option("--dimensions", "dimension_list", metavar="KEYS",
              help="Comma-separated dimensions to compare (those in the labels if omitted).")
@click.option("--misses", type=click.IntRange(min=0), default=3, show_default=True,
              help="Example comments per missed/extra dimension (0: none).")
def evaluate_dimensions(input_path, labels_col, dimension_list, misses, **reading) -> None:
    """Precision/recall/F1 of the dimensions manyi finds in labelled INPUT, and its
    polarity accuracy per dimension.

    \b
    The labels column lists each comment's dimensions with an optional polarity:
      price:negative;logistics:positive      价格:负面；物流:正面      overall:+
    Dimensions: product service price logistics communication brand environment channel
    overall (or 产品 服务 价格 物流 沟通 品牌 环境 渠道 整体); polarities positive/negative/
    neutral, pos/neg/neu, 正面/负面/中性 or +/-/0 (optional); separators ; ， , | or space.
    An empty cell means the comment names no dimension. `overall` is what manyi gives a
    comment with an opinion but no named factor.
    """
    from .evaluation import evaluate_dimensions as run_evaluation

    dims = [d.strip() for d in dimension_list.split(",") if d.strip()] if dimension_list \
        else None
    evaluation = run_evaluation(input_path, labels_col=labels_col, dimensions=dims,
                                progress=False, **reading)
    scores = evaluation.scores
    table = scores.table
    click.echo(format_table(pd.DataFrame({
        "维度 dimension": table["dimension"],
        "gold": table["gold"], "found": table["found"], "hits": table["hits"],
        "precision": table["precision"].map(_score), "recall": table["recall"].map(_score),
        "F1": table["f1"].map(_score), "polarity n": table["polarity_n"],
        "polarity acc": table["polarity_accuracy"].map(_score),
    })))
    click.echo(f"\n{scores.comments} comments: micro-F1 {_score(scores.micro_f1)}, macro-F1 "
               f"{_score(scores.macro_f1)}, polarity accuracy {_score(scores.polarity_accuracy)}"
               f" on {scores.polarity_n} pairs found with a gold polarity")
    if misses:
        for row in evaluation.misses(examples=misses).itertuples(index=False):
            click.echo(f"\n{row.kind} {row.dimension} ({row.count}):")
            for text in row.examples:
                click.echo(f"  {text}")


def _score(value: float) -> str:
    return "" if pd.isna(value) else f"{value:.3f}"


@main.command()
@labelled_options
@click.option("-o", "--output", "output", required=True, type=click.Path(),
              help="Model path stem: writes OUTPUT.npz and OUTPUT.json.")
@click.option("--domain", default="ecommerce", show_default=True,
              help="Lexicon pack whose opinion words the model uses.")
@click.option("--weight-col", help="Column of row weights in the fit (non-negative numbers); "
              "all rows weigh the same if omitted.")
def train(input_path, text_col, label_col, encoding, sheet, output, domain, weight_col) -> None:
    """Fit a sentiment model on your own labelled FILE; use it with `evaluate --model`."""
    from .sentiment import SentimentModel
    from .train import read_labelled

    texts, labels, dropped, weights = read_labelled(
        input_path, text_col=text_col, label_col=label_col, encoding=encoding, sheet=sheet,
        weight_col=weight_col)
    model = SentimentModel(lexicon_domain=domain).fit(texts, labels, sample_weight=weights)
    model.save(output)
    click.echo(f"fitted on {len(texts)} rows ({dropped} skipped), classes "
               f"{'/'.join(model.classes_)}, {model.n_features_} features; "
               f"wrote {output}.npz and {output}.json")


@main.group()
def lexicon() -> None:
    """Inspect and validate lexicon packs."""


@lexicon.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def lexicon_check(paths) -> None:
    """Validate lexicon packs PATHS (merged over core); list every problem with file:line."""
    from .lexicon import check_packs

    problems = check_packs(paths)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise ManyiError(f"{len(problems)} problem(s) in {', '.join(paths)}")
    click.echo(f"ok: {', '.join(paths)}")


@lexicon.command("show")
@click.option("--domain", default="ecommerce", show_default=True)
@click.option("--lexicon", "extra", multiple=True, type=click.Path(exists=True))
def lexicon_show(domain, extra) -> None:
    """Print the taxonomy (dimension, factor, word) as a table."""
    from .lexicon import Lexicon

    frame = Lexicon.load(domain, extra).to_frame()
    summary = frame.groupby(["dimension_label", "factor_label", "kind"])["word"].agg(
        lambda words: " ".join(sorted(words)[:12]) + (" …" if len(words) > 12 else ""))
    click.echo(summary.to_string())


@lexicon.command("suggest")
@input_options
@click.option("-o", "--output", "output", default="suggestions.toml", show_default=True,
              type=click.Path(), help="Suggestions file (taxonomy.toml format) to review.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True,
              help="Number of candidate terms.")
@click.option("--min-count", type=click.IntRange(min=1), default=3, show_default=True,
              help="Comments a word must occur in.")
@click.option("--seed", type=int, default=42, show_default=True,
              help="Random seed of the word2vec model: same input and seed, same suggestions.")
def lexicon_suggest(input_path, text_col, id_col, encoding, sheet, domain, lexicon, output,
                    top, min_count, seed) -> None:
    """Propose factor terms the lexicon misses, mined from INPUT, as a file to review."""
    from .io import read_comments
    from .lexicon import Lexicon
    from .suggest import suggest_terms, write_suggestions

    frame, meta = read_comments(input_path, text_col=text_col, id_col=id_col,
                                encoding=encoding, sheet=sheet)
    suggestions = suggest_terms(frame[meta.text_col], lexicon=Lexicon.load(domain, lexicon),
                                top=top, min_count=min_count, seed=seed)
    written = write_suggestions(suggestions, output, source=str(input_path))
    table = suggestions[["dimension", "factor_label", "candidate", "score", "count",
                         "opinion_clauses"]]
    click.echo(format_table(table) if len(table) else "no candidates found")
    click.echo(f"\nwritten to {written}: review it, then use it with --lexicon {written}")


# -- terminal output -----------------------------------------------------------------
def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(frame: pd.DataFrame) -> str:
    """A plain table that lines up with Chinese text (wide characters count double)."""
    cells = [[str(c) for c in frame.columns]] + [[_cell(v) for v in row]
                                                  for row in frame.itertuples(index=False)]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(frame.columns))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:.2f}"
    return str(value)


def summary_text(result) -> str:
    """Counts, flags, sentiment shares and the dimension table, for the terminal."""
    from .graph import ANALYSABLE_FLAGS

    meta = result.meta
    flags = meta.get("flags", {})
    analysed = sum(n for flag, n in flags.items() if flag in ANALYSABLE_FLAGS)
    counts = meta.get("sentiment", {})
    lines = [f"{meta.get('rows')} comments read from {meta.get('source')} "
             f"(text column: {meta.get('text_col')}); {analysed} analysed"]
    rejects = meta.get("rejects") or []
    if rejects:
        lines.append(f"rejected (unparseable, not in comments.csv): {len(rejects)} row(s); "
                     + "; ".join(f"line {r['line']}: {r['reason']}" for r in rejects[:3])
                     + (" …" if len(rejects) > 3 else ""))
    flagged = {k: int(v) for k, v in flags.items() if k and v}
    if flagged:
        lines.append("flagged (kept in comments.csv): "
                     + ", ".join(f"{k} {v}" for k, v in flagged.items()))
    lines.append("sentiment: " + ", ".join(
        f"{label} {counts.get(label, 0) / analysed if analysed else 0:.0%}"
        for label in ("positive", "neutral", "negative")))
    dims = result.dimensions[result.dimensions["comments"] > 0]
    table = pd.DataFrame({
        "维度 dimension": dims["label"] + " " + dims["dimension"],
        "评论 comments": dims["comments"],
        "占比 share": dims["share"].map("{:.0%}".format),
        "正面 pos": dims["positive"].map("{:.0%}".format),
        "负面 neg": dims["negative"].map("{:.0%}".format),
        "净情感 net": dims["net_sentiment"].map("{:+.2f}".format),
        "满意度 0-100": dims["satisfaction"].map("{:.1f}".format),
    })
    lines += ["", format_table(table)]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    main()
