"""``cfbu demo``, ``validate``, ``export``, ``formats`` and ``schema``: files in and out."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from ..locale import N_, _, current_lang
from ..privacy import Privacy
from ._common import (
    EXIT_PROBLEMS,
    IN_FILE,
    OUT_FILE,
    PRIVACY,
    STDIO,
    Command,
    ProgressBar,
    fail,
    friendly_errors,
    lang_option,
    load_or_exit,
    option,
)

__all__ = ["COMMANDS"]


@click.command(cls=Command, help=N_("Write the bundled demo plan in every installed format."))
@option(
    "--out",
    "-o",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help=N_("Folder to write the demo plan's exports into (made if missing)."),
)
@lang_option
def demo(out: Path) -> None:
    from .. import api
    from ..examples import demo_plan

    with friendly_errors():
        out.mkdir(parents=True, exist_ok=True)
        plan = demo_plan()
        taken: set[str] = set()
        builtin_first = sorted(
            api.formats(), key=lambda i: (i.distribution != "cfbu-toolkit", i.name)
        )
        for info in builtin_first:
            if not info.can_export or "plan" not in info.kinds:
                continue
            # Two formats may share a suffix (Excel and Kumu both write .xlsx).
            name = f"demo-plan{info.suffixes[0]}"
            if name in taken:
                name = f"demo-plan-{info.name}{info.suffixes[0]}"
            taken.add(name)
            target = out / name
            api.export(plan, target, format=info.name, lang=current_lang())
            click.echo(_("wrote {path} ({format})", path=target, format=info.name))


@click.command(
    cls=Command, help=N_("List every problem in FILE; exit status 1 when there are any.")
)
@click.argument("file", type=IN_FILE)
@option("--format", "format_", help=N_("Format name; by default from the suffix."))
@lang_option
def validate(file: str, format_: str | None) -> None:
    from .. import api

    obj = load_or_exit(file, format=format_, lang=current_lang())
    problems = api.validate(obj)
    for problem in problems:
        click.echo(f"{file}: {problem}")
    if problems:
        raise SystemExit(EXIT_PROBLEMS)
    click.echo(_("{file}: no problems", file=file))


@click.command(
    name="export", cls=Command, help=N_("Read FILE and write it to OUT in another format.")
)
@click.argument("file", type=IN_FILE)
@option(
    "-o",
    "--out",
    type=OUT_FILE,
    required=True,
    help=N_("The file to write; - for standard output."),
)
@option("--format", "format_", help=N_("Format name; by default from the output's suffix."))
@option("--force", is_flag=True, help=N_("Replace the file even when it is read-only."))
@option(
    "--privacy",
    type=PRIVACY,
    default="keep",
    show_default=True,
    help=N_("Personal data: keep it, pseudonymise it, or omit it."),
)
@lang_option
def export_command(file: str, out: str, format_: str | None, force: bool, privacy: str) -> None:
    from .. import api

    if out == STDIO and format_ is None:
        fail(N_("name the format with --format to write to standard output"))
    with friendly_errors():
        obj = api.load(file)
        with ProgressBar(_("Writing {name}", name=Path(out).name)) as bar:
            api.export(
                obj,
                out,
                format=format_,
                lang=current_lang(),
                privacy=cast(Privacy, privacy),
                progress=bar,
                force=force,
            )
        if out != STDIO:
            click.echo(_("wrote {path}", path=out))


@click.command(
    cls=Command, help=N_("List the installed formats and the plugins that supply them.")
)
@lang_option
def formats() -> None:
    from .. import api

    with friendly_errors():
        for info in api.formats():
            click.echo(f"{info.name:<12} {' '.join(info.suffixes):<22} {info.description}")
            if info.export_kinds:
                kinds = ", ".join(sorted(info.export_kinds))
                click.echo(f"{'':<12} {_('exports')}: {kinds}")
            if info.import_kinds:
                kinds = ", ".join(sorted(info.import_kinds))
                click.echo(f"{'':<12} {_('imports')}: {kinds}")
            click.echo(f"{'':<12} {_('plugin')}: {info.plugin} ({info.distribution})")


@click.command(
    cls=Command,
    help=N_("Print the JSON Schema of the JSON document (of one KIND, such as plan or mapping)."),
)
@click.argument("kind", required=False)
def schema(kind: str | None) -> None:
    import json

    from ..io.schema import json_schema

    with friendly_errors():
        click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


COMMANDS = (demo, validate, export_command, formats, schema)
