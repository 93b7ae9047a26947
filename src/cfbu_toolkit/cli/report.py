"""``cfbu report``: many plans rolled up into one report for the steering group."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import click

from ..locale import N_, _, current_lang, ngettext
from ..privacy import Privacy
from ._common import (
    Command,
    IntRange,
    PathType,
    ProgressBar,
    argument,
    fail,
    friendly_errors,
    lang_option,
    option,
    privacy_option,
)

__all__ = ["COMMANDS"]


@click.command(
    cls=Command,
    help=N_(
        "Roll up the plans in SOURCES (files or folders) into one report (.xlsx or .md), "
        "or into the flat tables as Parquet files (--format parquet)."
    ),
)
@argument("sources", nargs=-1, required=True, type=PathType(exists=True, path_type=Path))
@option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help=N_("The report to write: .xlsx or .md; with --format parquet, a folder."),
)
@option(
    "--format",
    "format_",
    type=click.Choice(["report", "parquet"]),
    default="report",
    show_default=True,
    help=N_(
        "report: the roll-ups, as the suffix of --out says; parquet: every flat table as "
        "one Parquet file in the folder --out (needs pyarrow)."
    ),
)
@privacy_option
@option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=N_("Count follow-ups and expiring agreements from this day (YYYY-MM-DD; default today)."),
)
@option(
    "--within-days",
    type=IntRange(min=0),
    default=90,
    show_default=True,
    help=N_("Agreements ending within this many days count as expiring."),
)
@option(
    "--strict",
    is_flag=True,
    help=N_("Stop at a file that holds no plan, or a second plan with an id already read."),
)
@lang_option
def report(
    sources: tuple[Path, ...],
    out: Path,
    format_: str,
    privacy: str,
    on: Any,
    within_days: int,
    strict: bool,
) -> None:
    from ..analysis.portfolio import Portfolio
    from ..report import write_report

    with friendly_errors():
        if format_ == "report" and out.is_dir():
            fail(N_("{path} is a folder; a report is one file"), path=out)
        with ProgressBar(_("Reading plans")) as reading:
            portfolio = Portfolio.from_paths(
                sources, progress=reading, on_error="raise" if strict else "skip"
            )
        for notice in portfolio.notices:
            click.echo(_("notice: {message}", message=notice), err=True)
        if format_ == "parquet":
            written = portfolio.redact(cast(Privacy, privacy), lang=current_lang()).to_parquet(out)
            count = len(portfolio)
            plans = ngettext("{count} plan", "{count} plans", count, count=count)
            click.echo(
                _(
                    "wrote {tables} Parquet files to {path} ({plans})",
                    tables=len(written),
                    path=out,
                    plans=plans,
                )
            )
            return
        with ProgressBar(_("Writing {name}", name=out.name)) as writing:
            write_report(
                portfolio,
                out,
                on=on.date() if on is not None else None,
                within_days=within_days,
                lang=current_lang(),
                privacy=cast(Privacy, privacy),
                progress=writing,
            )
        count = len(portfolio)
        plans = ngettext("{count} plan", "{count} plans", count, count=count)
        click.echo(_("wrote {path} ({plans})", path=out, plans=plans))


COMMANDS = (report,)
