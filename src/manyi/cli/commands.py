"""The ``manyi`` command: thin click wrappers over the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pandas as pd

from manyi.cli.lexicon import lexicon
from manyi.cli.options import (
    by_option,
    chart_option,
    check_result,
    complaint_option,
    freq_option,
    groups_option,
    id_column_hint,
    input_options,
    labelled_options,
    no_rating,
    output_folder,
    output_option,
    preflight,
    rating_option,
    run_options,
    time_option,
)
from manyi.cli.run import (
    compact_result,
    complaint_rule,
    exit_if_rejected,
    folder_head,
    reused_folder,
    run_analysis,
)
from manyi.cli.text import (
    format_table,
    headlines_text,
    print_fix_first,
    rating_hint,
    summary_text,
    written_line,
)
from manyi.errors import InputError, ManyiError
from manyi.io.columns import RESERVED
from manyi.io.fixed import fixed_metadata, plt_fixed_ids
from manyi.io.write import COMMAND_FILES, atomic_dir


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


@click.group(cls=ManyiGroup)
@click.version_option(package_name="manyi")
def main() -> None:
    """manyi 满意 — mine Chinese customer feedback: factors, sentiment, dimensions."""


@main.command()
@input_options
@output_option("Folder for comments.csv, mentions.csv, dimensions.csv, drivers.csv and "
               "meta.json (and rejects.csv when input rows are rejected).")
@click.option("--segmenter", type=click.Choice(["jieba", "rjieba"]), default="rjieba",
              show_default=True, help="Word segmenter backend.")
@click.option("--aspect-scorer/--no-aspect-scorer", default=True, show_default=True,
              help="The learned scorer of unlisted aspects; off: the rules alone (faster).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster: its scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--strict", is_flag=True,
              help="Fail (exit 1, nothing written) when any input row is rejected.")
@click.option("--chunk-rows", type=click.IntRange(min=1), default=20_000, show_default=True,
              help="Rows read, analysed and written at a time (memory stays bounded).")
@run_options
def analyze(output, segmenter, aspect_scorer, scheduler, strict, chunk_rows, model, jobs,
            quiet, **reading) -> None:
    """Analyse a comment dump INPUT (CSV, TSV, XLSX, JSONL, Parquet, TXT) into OUTPUT.

    The dump is streamed: read, analysed and written CHUNK_ROWS rows at a time, with the
    tables (dimensions, drivers) computed from counts merged across chunks, so files of
    millions of comments run in bounded memory. Rows that cannot be parsed (bad JSON line,
    broken CSV quoting, too many fields) go to OUTPUT/rejects.csv with their line number and
    reason. OUTPUT is replaced whole, never left half-written. Exit status: 0 done; 1 error,
    nothing written; 3 written, but some input rows were rejected (see rejects.csv).
    """
    from pathlib import Path

    from manyi.io.write import OUTPUT_FILES
    from manyi.stream import analyze_to_dir, check_strict

    columns = preflight(reading, {})
    if scheduler:  # Dask workers analyse; the result comes back whole
        result = run_analysis(reading, jobs=jobs, quiet=quiet, model=model, segmenter=segmenter,
                              scheduler=scheduler, aspect_scorer=aspect_scorer)
        if strict:
            check_strict(result.meta["source"], result.meta["rejects"])
        out = result.to_dir(output)
    else:
        reading = dict(reading)
        result = analyze_to_dir(reading.pop("input_path"), output, jobs=jobs, model=model,
                                segmenter=segmenter, chunk_rows=chunk_rows, strict=strict,
                                aspect_scorer=aspect_scorer,
                                progress=False if quiet else None, **reading)
        out = Path(output)
    if not quiet:
        click.echo(summary_text(result))
        click.echo(headlines_text(result))
        if rating := result.meta.get("rating_col"):  # (a streamed run keeps no comments)
            click.echo(rating_hint(rating, getattr(result, "comments", None)))
        if groups := result.meta.get("group_cols"):  # newcomer: where a category's fixes are
            click.echo(f"groups found: {', '.join(groups)} — `manyi drivers --from {out} -o D` "
                       "ranks fix first and the worst groups within each (segments_*.csv)")
        click.echo(written_line(out, [n for n in OUTPUT_FILES if (Path(out) / n).exists()]))
        if columns is None and (out / "comments.csv").is_file():  # a workbook: its header
            columns = [c for c in pd.read_csv(out / "comments.csv", nrows=0,
                                              encoding="utf-8-sig").columns
                       if c not in RESERVED]
        if hint := id_column_hint(columns, reading.get("id_col"), rows=result.meta["rows"],
                                  repeated=result.meta.get("flags", {}).get("duplicate_id", 0)):
            click.echo(hint)
    exit_if_rejected(result, str(out / "rejects.csv"))


@main.command()
@input_options(reuse=True)
@output_option("Folder for report.html, report.xlsx and summary.json (or one file: "
               "report.html, report.xlsx, summary.json by its suffix).",
               file_suffixes=(".html", ".xlsx", ".json", ".xls"))
@click.option("--format", "formats", default="html,xlsx,json", show_default=True,
              help="Comma-separated report formats: html, xlsx, json.")
@rating_option("Star/score column for key drivers and the IPA (found by name if omitted).")
@time_option("Date column for the trend (found by name if omitted).")
@freq_option()
@groups_option
@complaint_option
@run_options
def report(output, formats, rating_col, time_col, freq, by, complaint_max_rating, model, jobs,
           quiet, **reading) -> None:
    """Analyse INPUT and write a manager's report: HTML (offline), Excel workbook, JSON."""
    from manyi.report.notes import not_computed_lines
    from manyi.report.render import write_report

    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in ("html", "xlsx", "json")]
    if unknown or not wanted:
        raise InputError(f"--format {formats!r}: unknown report format "
                         f"{(unknown or [''])[0]!r}; choose from html, xlsx, json")
    unrated = no_rating(rating_col)
    rating_col = None if unrated else rating_col
    named = {"--rating-col": rating_col, "--time-col": time_col,
             "--by": [b for b in by if b != "period"]}
    preflight(reading, named, rating=rating_col, time=time_col)
    folder = reused_folder(reading, model)
    readers = {}
    if folder is not None:  # comments compactly, no text or mention; long sheets streamed
        from manyi.io.saved import read_meta
        from manyi.report.folder_sheets import sheet_readers

        xlsx = Path(output).suffix.lower() == ".xlsx" or (
            "xlsx" in wanted and Path(output).suffix.lower() not in (".html", ".json"))
        # the passes that read the tables also describe the workbook's long sheets
        readers = sheet_readers(folder, read_meta(Path(folder))) if xlsx else {}
        result = compact_result(folder, [rating_col, time_col], named, mentions=False,
                                observe={n: r.describe for n, r in readers.items()
                                         if n == "comments"})
    else:
        result = run_analysis(reading, jobs=jobs, quiet=quiet, model=model)
    check_result(result, named, rating=rating_col, time=time_col)
    for key, column in (("rating_col", rating_col), ("time_col", time_col)):
        if column:  # named by the user: every table of the report reads it
            result.meta[key] = column
    if unrated:
        result.meta["rating_col"] = None
    if by:  # the groups compared (newcomer9: report had no --by; period kept with a time)
        result.meta["group_cols"] = named["--by"]
    complaint_rule(result, result.meta.get("rating_col"), complaint_max_rating)  # its checks
    result.meta.update(freq=freq, complaint_max_rating=complaint_max_rating)
    if folder is not None:  # the tables from profiles and counts, block by block
        from manyi.report.folder_result import fill_from_profiles
        from manyi.report.folder_sheets import folder_sheets

        fill_from_profiles(result, folder, observe={n: r.describe for n, r in readers.items()
                                                    if n == "mentions"})
        result.sheets = folder_sheets(folder, result.meta, described=readers) if readers \
            else None
    if Path(output).suffix.lower() in (".html", ".xlsx", ".xls", ".json"):
        written = write_report(result, output, wanted, progress=False if quiet else None)
    else:  # the folder is replaced whole, or not at all
        with atomic_dir(output, owned=COMMAND_FILES["report"]) as staging:
            written = write_report(result, staging, wanted, progress=False if quiet else None)
        written = {fmt: Path(output) / p.name for fmt, p in written.items()}
    if not quiet:
        click.echo(summary_text(result))
        click.echo(headlines_text(result))
        files = pd.DataFrame({"file": [str(p) for p in written.values()],
                              "size": [f"{p.stat().st_size / 1024:,.0f} KB"
                                       for p in written.values()]})
        click.echo("\n" + format_table(files))
        for line in not_computed_lines(result):
            click.echo(line)
    exit_if_rejected(result)


@main.command()
@input_options(reuse=True)
@output_option("Folder for drivers, driver_themes, key_drivers, index, ipa, segments_*, trends, "
               "factor_trends, alerts (CSV) "
               "and ipa.png.")
@rating_option("Star/score column for the key drivers (found by name if omitted; without "
               "one, no key_drivers.csv and the IPA's importance is the complaint impact).")
@time_option("Date column for trends and alerts (found by name if omitted).")
@freq_option()
@groups_option
@complaint_option
@click.option("--weights", type=click.Choice(["mentions", "key_driver", "entropy", "equal"]),
              help="Index weights (default: mentions, the weighting of every output).")
@click.option("--level", type=click.Choice(["factor", "dimension"]),
              help="Drivers per sub-factor or per dimension only (default: both).")
@chart_option("png", ("png", "svg"))
@run_options
def drivers(output, rating_col, time_col, freq, by, complaint_max_rating, weights, level, chart,
            model, jobs, quiet, **reading) -> None:
    """What to fix first: complaint impact, praise, key drivers, satisfaction index, IPA,
    segments (which group is worst at what), trends and alerts."""
    from manyi.analysis.drivers import drivers as driver_table
    from manyi.analysis.fixfirst import fix_first_tables, profile_options
    from manyi.analysis.ipa import plot_ipa
    from manyi.analysis.rows import analysable
    from manyi.analysis.segments import group_columns
    from manyi.io.compact import folder_profiles
    from manyi.io.write import write_csv
    from manyi.report.charts import chart_formats, draw, skipped_line

    formats = chart_formats(chart, ("png", "svg"))
    unrated = no_rating(rating_col)
    rating_col = None if unrated else rating_col
    named = {"--rating-col": rating_col, "--time-col": time_col,
             "--by": [b for b in by if b != "period"]}
    preflight(reading, named, rating=rating_col, time=time_col)
    folder = reused_folder(reading, model)
    # --from: the columns the tables read, compactly (no text, a code per name, no mention)
    result = compact_result(folder, [rating_col, time_col], named, mentions=False) \
        if folder is not None else run_analysis(reading, jobs=jobs, quiet=quiet, model=model)
    check_result(result, named, rating=rating_col, time=time_col)
    if unrated:
        result.meta["rating_col"] = None
    rating_col = rating_col or result.meta.get("rating_col")
    time_col = time_col or result.meta.get("time_col")
    rows = len(result.comments)
    hint = None
    if not analysable(result.comments).empty:
        groups = list(by) or group_columns(result.comments, result.meta, time_col)
        options = {"rating": rating_col, "time_col": time_col, "freq": freq, "by": groups,
                   "complaint": complaint_rule(result, rating_col, complaint_max_rating),
                   "weights": weights, "labels": result.labels}
        # --from: each comment's profile and the drivers' counts, the mentions read in
        # blocks, counted as analyze counts them
        profiles = folder_profiles(folder, result.comments, counts=True, **profile_options(
            result.comments, **{k: v for k, v in options.items() if k != "labels"})
        ) if folder is not None else None
        hint = rating_hint(rating_col, result.comments) if rating_col else None
        if profiles is not None:  # the tables read the profiles and counts only: the
            result.comments = pd.DataFrame({  # compact comments are let go (new arrays,
                column: pd.Series([], dtype=values.dtype)  # not a view of them)
                for column, values in result.comments.items()})
        tables = fix_first_tables(result.comments, result.mentions, level=level,
                                  counts=None if profiles is None else profiles.counts,
                                  profiles=profiles, **options)
    else:  # every comment flagged: nothing to weigh, the (empty) drivers table says so
        tables = {"drivers": driver_table(result.comments, result.mentions, level=level,
                                          labels=result.labels)}
        click.echo("note: no comment could be analysed (every row flagged; see "
                   "`manyi analyze`): no index, IPA or trends", err=True)
    wanted = [f"ipa.{f}" for f in formats] if "ipa" in tables else []
    figure = draw(lambda: plot_ipa(tables["ipa"])) if wanted else None
    charts = wanted if figure is not None else []
    with output_folder(output, COMMAND_FILES["drivers"]) as out:
        for name, table in tables.items():
            write_csv(table, out / f"{name}.csv")
        for name in charts:
            with plt_fixed_ids():
                figure.savefig(out / name, dpi=120, metadata=fixed_metadata(name[-3:]))
    if not quiet:
        print_fix_first(tables, rating_col, complaint_max_rating)
        if rating_col and complaint_max_rating is None and "index" in tables:
            click.echo(hint or rating_hint(rating_col))
        click.echo(written_line(output, [f"{n}.csv" for n in tables] + charts))
    if "key_drivers" not in tables and "index" in tables and rating_col and not quiet:
        click.echo(f"note: key_drivers.csv not computed: too few rated comments "
                   f"({rows}) or no variance for the key-driver model", err=True)
    if wanted and not charts:
        click.echo(skipped_line(wanted), err=True)
    exit_if_rejected(result)


@main.command()
@input_options(reuse=True)
@output_option("Folder for graph_all.* and graph_complaints.* (GraphML, GEXF, JSON, PNG).")
@click.option("--level", type=click.Choice(["factor", "dimension"]), default="factor",
              show_default=True, help="Nodes are sub-factors or dimensions.")
@click.option("--unit", type=click.Choice(["comment", "clause"]), default="comment",
              show_default=True, help="Factors co-occur within a comment or a clause.")
@click.option("--opinions", is_flag=True, help="Add opinion words (慢, 破损…) as nodes.")
@click.option("--min-count", type=int, default=2, show_default=True,
              help="Drop nodes and edges seen fewer times.")
@rating_option("Rating column for --complaint-max-rating.")
@complaint_option
@click.option("--top", type=int, default=40, show_default=True, help="Nodes drawn in the PNG.")
@chart_option("png", ("png",))
@run_options
def graph(output, level, unit, opinions, min_count, rating_col, complaint_max_rating, top, chart,
          model, jobs, quiet, **reading) -> None:
    """Factor co-occurrence graphs of all comments and of complaints, exported and drawn."""
    from manyi.analysis.graph import (
        compare_graphs,
        complaint_graphs,
        graph_from_counts,
        write_graph_files,
    )
    from manyi.report.charts import chart_formats, skipped_line
    from manyi.stream import folder_counts

    formats = chart_formats(chart, ("png",))
    named = {"--rating-col": rating_col}
    preflight(reading, named, rating=rating_col)
    folder = reused_folder(reading, model)
    # --from: counted chunk by chunk, the folder never held whole
    result = folder_head(folder) if folder is not None else run_analysis(
        reading, jobs=jobs, quiet=quiet, model=model)
    check_result(result, named, rating=rating_col)
    rating_col = rating_col or result.meta.get("rating_col")
    complaint = complaint_rule(result, rating_col, complaint_max_rating)
    if folder is not None:
        counts = folder_counts(folder, level=level, unit=unit, opinions=opinions,
                               rating_col=rating_col, complaint_max_rating=complaint_max_rating,
                               meta=result.meta)
        graphs = {subset: graph_from_counts(counts, subset=subset, min_count=min_count,
                                            labels=result.labels, level=level, unit=unit)
                  for subset in ("all", "complaints")}
    else:
        graphs = complaint_graphs(result.comments, result.mentions, level=level, unit=unit,
                                  opinions=opinions, min_count=min_count,
                                  labels=result.labels, complaint=complaint)
    with output_folder(output, COMMAND_FILES["graph"]) as out:
        written = [p.name for p in write_graph_files(graphs, out, top=top, chart=bool(formats))]
    wanted = [f"graph_{n}.png" for n in graphs] if formats else []
    skipped = [name for name in wanted if name not in written]
    if not quiet:
        pairs = compare_graphs(graphs["all"], graphs["complaints"]).head(10)
        if len(pairs):
            click.echo("pairs most often together in complaints:\n" + format_table(
                pairs[["label", "weight_all", "weight_complaints", "complaint_share"]]))
        click.echo(written_line(output, written))
    if skipped:
        click.echo(skipped_line(skipped), err=True)
    exit_if_rejected(result)


@main.command()
@input_options(reuse=True)
@output_option("Folder for topics.csv, topic_terms.csv, comment_topics.csv, topics.png/svg.")
@click.option("--topics", "k", type=click.IntRange(min=1),
              help="Number of topics (chosen by held-out likelihood over --k-range if omitted).")
@click.option("--k-range", nargs=2, type=click.IntRange(min=2), default=(4, 16),
              show_default=True, help="Smallest and largest number of topics to try.")
@click.option("--seed-dimensions", is_flag=True,
              help="Give each lexicon dimension its own seeded topic; the rest stay free.")
@click.option("--seed", type=int, default=42, show_default=True,
              help="Random seed: the same input and seed give the same topics.")
@time_option("Date column for topics over time (found by name if omitted).")
@freq_option("Period of topics over time.")
@by_option
@chart_option("png,svg", ("png", "svg"))
@run_options
def topics(output, k, k_range, seed_dimensions, seed, time_col, freq, by, chart, model, jobs,
           quiet, **reading) -> None:
    """Discover themes with LDA topic models: top terms, size, negative share, examples."""
    from manyi.analysis.topics.tables import topic_columns, topic_tables
    from manyi.io.write import write_csv
    from manyi.report.charts import chart_formats, draw, skipped_line

    formats = chart_formats(chart, ("png", "svg"))
    if k_range[0] > k_range[1]:  # newcomer8: 9 3 tried K = 9 alone, silently
        raise click.BadParameter(f"{k_range[0]} {k_range[1]}: give the smaller number first "
                                 f"({k_range[1]} {k_range[0]})", param_hint="--k-range")
    named = {"--time-col": time_col, "--by": by}
    preflight(reading, named, time=time_col)
    folder = reused_folder(reading, model)
    texts = {}
    if folder is not None:  # the texts read chunk by chunk, never held whole
        from manyi.io.compact import folder_examples, folder_texts

        columns = sorted(topic_columns(folder, time_col, by))
        result = compact_result(folder, columns, named, mentions=False)
        texts = {"texts": folder_texts(folder), "examples": folder_examples(folder)}
    else:
        result = run_analysis(reading, jobs=jobs, quiet=quiet, model=model)
    check_result(result, named, time=time_col)
    with output_folder(output, COMMAND_FILES["topics"]) as out:  # comment_topics.csv
        tables, model, note = topic_tables(  # written as the comments are assigned
            result, k=k, k_range=tuple(k_range), seed=seed, seed_dimensions=seed_dimensions,
            time_col=time_col, freq=freq, by=by, progress=False if quiet else None,
            comment_topics=out / "comment_topics.csv", **texts)
        wanted = [f"topics.{f}" for f in formats] if model is not None else []
        figure = draw(model.plot_topics) if wanted else None
        charts = wanted if figure is not None else []
        for name, table in tables.items():
            if table is not None:  # None: written already
                write_csv(table, out / f"{name}.csv")
        for name in charts:  # no date, fixed ids: the same bytes every run
            with plt_fixed_ids():
                figure.savefig(out / name, dpi=120, metadata=fixed_metadata(name[-3:]))
    if not quiet:
        if model is not None:
            info = tables["topics"][["topic", "label", "size", "share", "negative_share"]]
            click.echo(f"{model.k_} topics" + (" (chosen by held-out likelihood)" if k is None
                                               else "") + ":\n" + format_table(info))
        click.echo(written_line(output, [f"{n}.csv" for n in tables] + charts))
    if note:
        click.echo(note, err=True)
    if wanted and not charts:
        click.echo(skipped_line(wanted), err=True)
    exit_if_rejected(result)


@main.command()
@labelled_options
@click.option("--model", "model_path", type=click.Path(),
              help="A model written by `manyi train` (the shipped model if omitted).")
@click.option("--no-snownlp", is_flag=True, help="Skip the snownlp comparison (70 comments/s).")
def evaluate(input_path, text_col, label_col, encoding, sheet, model_path, no_snownlp) -> None:
    """Accuracy, macro-F1, per-class precision/recall and confusion of manyi's sentiment on
    labelled FILE, side by side with snownlp on the same rows."""
    from manyi.annotate.sentiment.evaluate import evaluate as run_evaluation
    from manyi.annotate.sentiment.evaluate import format_report, read_labelled
    from manyi.annotate.sentiment.model import SentimentModel

    preflight({"input_path": input_path, "text_col": text_col, "encoding": encoding,
               "sheet": sheet}, {})
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
    from manyi.analysis.evaluation import evaluate_dimensions as run_evaluation

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
    if evaluation.terms is not None:
        click.echo(evaluation.terms.summary())
    if misses:
        for row in evaluation.misses(examples=misses).itertuples(index=False):
            click.echo(f"\n{row.kind} {row.dimension} ({row.count}):")
            for text in row.examples:
                click.echo(f"  {text}")


def _score(value: float) -> str:
    return "" if pd.isna(value) else f"{value:.3f}"


@main.command()
@labelled_options
@output_option("Model path stem: writes OUTPUT.npz and OUTPUT.json.", folder=False)
@click.option("--domain", default="ecommerce", show_default=True,
              help="Lexicon pack whose opinion words the model uses.")
@click.option("--weight-col", help="Column of row weights in the fit (non-negative numbers); "
              "all rows weigh the same if omitted.")
def train(input_path, text_col, label_col, encoding, sheet, output, domain, weight_col) -> None:
    """Fit a sentiment model on your own labelled FILE; use it with `evaluate --model`."""
    from manyi.annotate.sentiment.evaluate import read_labelled
    from manyi.annotate.sentiment.model import SentimentModel

    preflight({"input_path": input_path, "text_col": text_col, "encoding": encoding,
               "sheet": sheet}, {})
    texts, labels, dropped, weights = read_labelled(
        input_path, text_col=text_col, label_col=label_col, encoding=encoding, sheet=sheet,
        weight_col=weight_col)
    model = SentimentModel(lexicon_domain=domain).fit(texts, labels, sample_weight=weights)
    model.save(output)
    click.echo(f"fitted on {len(texts)} rows ({dropped} skipped), classes "
               f"{'/'.join(model.classes_)}, {model.n_features_} features; "
               f"wrote {output}.npz and {output}.json")


main.add_command(lexicon)


if __name__ == "__main__":  # pragma: no cover
    main()
