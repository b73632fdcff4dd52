"""``manyi lexicon``: inspect, validate and extend lexicon packs (check, show, suggest)."""

from __future__ import annotations

import click

from manyi.cli.options import JOBS_OPTION, input_options, output_option, preflight
from manyi.cli.text import format_table
from manyi.errors import InputError, ManyiError


@click.group()
def lexicon() -> None:
    """Inspect and validate lexicon packs."""


@lexicon.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def lexicon_check(paths) -> None:
    """Validate lexicon packs PATHS (merged over core); list every problem with file:line."""
    from manyi.text.lexicon import check_packs

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
    from manyi.text.lexicon import Lexicon

    frame = Lexicon.load(domain, extra).to_frame()
    summary = frame.groupby(["dimension_label", "factor_label", "kind"])["word"].agg(
        lambda words: " ".join(sorted(words)[:12]) + (" …" if len(words) > 12 else "")
    ).reset_index()
    shown = summary.copy()  # a label once, at the first of its rows (产品 … then blanks)
    shown.loc[summary.duplicated(["dimension_label"]), "dimension_label"] = ""
    shown.loc[summary.duplicated(["dimension_label", "factor_label"]), "factor_label"] = ""
    click.echo(format_table(shown.rename(columns={
        "dimension_label": "dimension", "factor_label": "factor", "word": "words"})))


@lexicon.command("suggest")
@input_options
@output_option("Suggestions file (taxonomy.toml format) to review.", folder=None,
               default="suggestions.toml")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True,
              help="Number of candidate terms.")
@click.option("--min-count", type=click.IntRange(min=1), default=3, show_default=True,
              help="Comments a word must occur in.")
@click.option("--seed", type=int, default=42, show_default=True,
              help="Random seed of the word2vec model: same input and seed, same suggestions.")
@JOBS_OPTION
@click.option("--quiet", is_flag=True, help="No progress bar and no table.")
def lexicon_suggest(input_path, text_col, id_col, encoding, sheet, domain, lexicon, output,
                    top, min_count, seed, jobs, quiet) -> None:
    """Propose factor terms the lexicon misses, mined from INPUT, as a file to review."""
    from manyi.io.read import read_comments
    from manyi.text.lexicon import Lexicon
    from manyi.text.suggest import suggest_terms
    from manyi.text.suggest_file import (
        suggestions_path,
        unchanged_suggestions,
        write_suggestions,
    )

    target = suggestions_path(output)
    if target.is_file() and not unchanged_suggestions(target):
        raise InputError(f"-o {output}: {target} exists and is not a suggestions file as manyi "
                         "wrote it (edited since, or another file); give another -o or remove it")
    preflight({"input_path": input_path, "text_col": text_col, "id_col": id_col,
               "encoding": encoding, "sheet": sheet}, {})
    frame, meta = read_comments(input_path, text_col=text_col, id_col=id_col,
                                encoding=encoding, sheet=sheet)
    if domain == "auto":
        from manyi.text.domains import guess_domain

        guess = guess_domain(frame[meta.text_col])
        domain = guess.domain
        click.echo(guess.note(), err=True)
    suggestions = suggest_terms(frame[meta.text_col], lexicon=Lexicon.load(domain, lexicon),
                                top=top, min_count=min_count, seed=seed, jobs=jobs,
                                progress=False if quiet else None, total=len(frame))
    if not len(suggestions):  # (an empty file to "review" would say there was something)
        click.echo(f"{input_path}: no candidate terms in {len(frame)} comments (a word must occur "
                   f"in at least --min-count {min_count} of them); nothing written", err=True)
        return
    written = write_suggestions(suggestions, output, source=str(input_path))
    if quiet:
        return
    table = suggestions[["dimension", "factor_label", "candidate", "score", "count",
                         "opinion_clauses"]]
    click.echo(format_table(table))
    click.echo(f"\nwritten to {written}: review it, then use it with --lexicon {written}")
