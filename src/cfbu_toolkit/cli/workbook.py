"""``cfbu template`` and ``cfbu import``: the workbook people fill in and hand back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import CfbuError
from ..locale import N_, _, current_lang, ngettext
from ._common import (
    IN_FILE,
    Command,
    PathType,
    argument,
    fail,
    friendly_errors,
    lang_option,
    load_or_exit,
    option,
    say,
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
@option("--force", is_flag=True, help=N_("Replace OUT if it exists."))
@lang_option
def template(kind: str, out: Path, plan_name: str, force: bool) -> None:
    from ..formats.xlsx.template import mapping_template

    if out.exists() and not force:
        fail(N_("{path} exists; give --force to replace it"), path=out)
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
@option(
    "--base",
    type=PathType(exists=True, dir_okay=False, path_type=Path),
    help=N_("The plan FILE was exported from: update its rows and add the new ones."),
)
@option("--force", is_flag=True, help=N_("Replace OUT if it exists (without --base OUT)."))
@option(
    "--dry-run",
    is_flag=True,
    help=N_("Say what the import would change in the --base plan; write nothing."),
)
@option(
    "--prune",
    is_flag=True,
    help=N_("Delete from the --base plan what the workbook no longer holds (listed)."),
)
@option(
    "--write-ids",
    is_flag=True,
    help=N_(
        "Write the IDs given to rows without one back into FILE (the original is kept "
        "as a backup beside it), so the next import matches every row exactly."
    ),
)
@lang_option
def import_command(
    file: Path,
    out: Path,
    format_: str | None,
    base: Path | None,
    force: bool,
    dry_run: bool,
    prune: bool,
    write_ids: bool,
) -> None:
    from .. import api
    from ..model import Plan

    if prune and base is None:
        fail(N_("--prune needs --base: the plan to delete from"))
    if out.exists() and not dry_run and not force and not _same(out, base):
        fail(
            N_("{path} exists; give --base {path} to update it, or --force to replace it"),
            path=out,
        )
    options: dict[str, Any] = {}
    reports: list[Any] = []
    with friendly_errors():
        if base is not None:
            plan = api.load(base)
            if not isinstance(plan, Plan):
                raise CfbuError(N_("{path}: --base must hold a whole plan"), path=base)
            options["base"] = plan
            options["prune"] = prune
            options["report"] = reports.append
        elif write_ids:
            options["report"] = reports.append
    obj = load_or_exit(
        file, what=N_("nothing written"), format=format_, lang=current_lang(), **options
    )
    report = reports[0] if reports else None
    changes = getattr(report, "changes", None)
    if changes is not None:
        _tell_changes(changes, dry_run=dry_run)
    if dry_run:
        say(N_("dry run: nothing written"))
        return
    with friendly_errors():
        api.export(obj, out, lang=current_lang(), force=force)
        click.echo(_("wrote {path}", path=out))
        if write_ids and report is not None:
            from ..formats.xlsx.writeback import write_ids as write_back

            backup = write_back(Path(file), report.assigned)
            if backup is not None:
                count = len(report.assigned)
                click.echo(
                    ngettext(
                        "wrote {count} ID into {path} (the original is in {backup})",
                        "wrote {count} IDs into {path} (the original is in {backup})",
                        count,
                        count=count,
                        path=file,
                        backup=backup,
                    )
                )


def _same(out: Path, base: Path | None) -> bool:
    return base is not None and out.resolve() == base.resolve()


def _tell_changes(changes: Any, *, dry_run: bool) -> None:
    """What the re-import changes, one count a line, then the rows the workbook lacks."""
    click.echo(_("new: {n}", n=changes.new))
    click.echo(_("updated: {n}", n=changes.updated))
    click.echo(_("unchanged: {n}", n=changes.unchanged))
    click.echo(_("in the plan, not in the workbook: {n}", n=len(changes.missing)))
    if not changes.missing:
        return
    if changes.pruned:
        heading = N_("would be deleted (--prune):") if dry_run else N_("deleted (--prune):")
    else:
        heading = N_("kept (give --prune to delete them):")
    click.echo(_(heading))
    for item in changes.missing:
        click.echo(f"  {_describe(item)}")


def _describe(item: Any) -> str:
    """``Organisationer O3: Jobcenter Egedal``: the sheet, the ID and the name."""
    from ..formats.xlsx.layout import TABLES

    kind = next(
        (t.title(current_lang()) for t in TABLES if t.cls is type(item)), type(item).__name__
    )
    for attr in ("name", "title", "activity"):
        value = getattr(item, attr, None)
        if isinstance(value, str) and value:
            return f"{kind} {item.id}: {value}"
    return f"{kind} {getattr(item, 'id', '')}"


COMMANDS = (template, import_command)
