"""``cfbu demo``, ``validate``, ``export``, ``formats`` and ``schema``: files in and out."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from ..locale import N_, _, current_lang
from ..privacy import Privacy
from ._common import (
    EXIT_PROBLEMS,
    PRIVACY,
    Command,
    PathType,
    ProgressBar,
    argument,
    friendly_errors,
    lang_option,
    load_or_exit,
    option,
)

__all__ = ["COMMANDS"]

IN_FILE = PathType(exists=True, dir_okay=False, path_type=Path)
OUT_FILE = PathType(dir_okay=False, path_type=Path)


@click.command(cls=Command, help=N_("Write the bundled demo plan in every installed format."))
@option(
    "--out",
    "-o",
    "out",
    type=PathType(file_okay=False, path_type=Path),
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
@argument("file", type=IN_FILE)
@option("--format", "format_", help=N_("Format name; by default from the suffix."))
@lang_option
def validate(file: Path, format_: str | None) -> None:
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
@argument("file", type=IN_FILE)
@option("-o", "--out", type=OUT_FILE, required=True, help=N_("The file to write."))
@option("--format", "format_", help=N_("Format name; by default from the output's suffix."))
@option(
    "--privacy",
    type=PRIVACY,
    default="keep",
    show_default=True,
    help=N_("Personal data: keep it, pseudonymise it, or omit it."),
)
@lang_option
def export_command(file: Path, out: Path, format_: str | None, privacy: str) -> None:
    from .. import api

    with friendly_errors():
        obj = api.load(file)
        with ProgressBar(_("Writing {name}", name=out.name)) as bar:
            api.export(
                obj,
                out,
                format=format_,
                lang=current_lang(),
                privacy=cast(Privacy, privacy),
                progress=bar,
            )
        click.echo(_("wrote {path}", path=out))


@click.command(
    cls=Command, help=N_("List the installed formats and the plugins that supply them.")
)
@lang_option
def formats() -> None:
    from .. import api

    with friendly_errors():
        for info in api.formats():
            can = "/".join(
                word
                for word, ok in ((_("export"), info.can_export), (_("import"), info.can_import))
                if ok
            )
            click.echo(
                f"{info.name:<12} {' '.join(info.suffixes):<12} {can:<14} "
                f"{info.plugin} ({info.distribution})"
            )
            click.echo(f"{'':<12} {_('kinds')}: {', '.join(sorted(info.kinds))}")


@click.command(
    cls=Command,
    help=N_("Print the JSON Schema of the JSON document (of one KIND, such as plan or mapping)."),
)
@argument("kind", required=False)
def schema(kind: str | None) -> None:
    import json

    from ..io.schema import json_schema

    with friendly_errors():
        click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


COMMANDS = (demo, validate, export_command, formats, schema)
