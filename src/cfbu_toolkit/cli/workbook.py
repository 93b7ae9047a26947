"""``cfbu template`` and ``cfbu import``: the workbook people fill in and hand back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import CfbuError
from ..locale import N_, _, current_lang
from ._common import (
    IN_FILE,
    Command,
    PathType,
    argument,
    friendly_errors,
    lang_option,
    load_or_exit,
    option,
)

__all__ = ["COMMANDS"]


@click.command(
    cls=Command,
    help=N_("Write a blank workbook to fill in: KIND kortlaegning is the mapping registration."),
)
@argument("kind", type=click.Choice(["kortlaegning", "kortlægning", "mapping"]))
@option(
    "-o",
    "--out",
    type=PathType(dir_okay=False, path_type=Path),
    required=True,
    help=N_("The workbook to write."),
)
@option("--plan-name", default="", help=N_("The plan's name, filled in for the person."))
@lang_option
def template(kind: str, out: Path, plan_name: str) -> None:
    from ..formats.xlsx.template import mapping_template

    with friendly_errors():
        mapping_template(out, lang=current_lang(), plan_name=plan_name)
        click.echo(_("wrote {path}", path=out))


@click.command(
    name="import",
    cls=Command,
    help=N_(
        "Read FILE (a filled-in workbook, say) and write it to OUT.\n\n"
        "Every problem is listed with its place (sheet and cell) and the exit status is 1; "
        "nothing is written then."
    ),
)
@click.argument("file", type=IN_FILE)
@option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help=N_("Where to write it; the format follows the suffix (.json, .xlsx, .md, ...)."),
)
@option("--format", "format_", help=N_("Input format name; by default from the suffix."))
@option("--force", is_flag=True, help=N_("Replace the file even when it is read-only."))
@option(
    "--base",
    type=PathType(exists=True, dir_okay=False, path_type=Path),
    help=N_("The plan FILE was exported from: update its rows and add the new ones."),
)
@lang_option
def import_command(
    file: str, out: Path, format_: str | None, force: bool, base: Path | None
) -> None:
    from .. import api
    from ..model import Plan

    options: dict[str, Any] = {}
    with friendly_errors():
        if base is not None:
            plan = api.load(base)
            if not isinstance(plan, Plan):
                raise CfbuError(N_("{path}: --base must hold a whole plan"), path=base)
            options["base"] = plan
    obj = load_or_exit(
        file, what=N_("nothing written"), format=format_, lang=current_lang(), **options
    )
    with friendly_errors():
        api.export(obj, out, lang=current_lang(), force=force)
        click.echo(_("wrote {path}", path=out))


COMMANDS = (template, import_command)
