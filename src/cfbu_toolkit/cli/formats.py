"""``cfbu demo``, ``validate``, ``export``, ``formats`` and ``schema``: files in and out."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import click

from ..errors import CfbuError
from ..locale import N_, _, current_lang
from ..privacy import Privacy
from ._common import (
    EXIT_PROBLEMS,
    IN_FILE,
    OUT_FILE,
    STDIO,
    Command,
    PathType,
    ProgressBar,
    argument,
    fail,
    friendly_errors,
    lang_option,
    load_or_exit,
    option,
    privacy_option,
)

__all__ = ["COMMANDS"]


@click.command(
    cls=Command,
    help=N_(
        "Write the bundled demo plan in every installed format.\n\n"
        "A format that cannot be written here (PDF without LibreOffice, say) is skipped with "
        "a line saying why."
    ),
)
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
            try:
                api.export(plan, target, format=info.name, lang=current_lang())
            except CfbuError as exc:
                # One format that cannot work here (PDF without LibreOffice, say) must not
                # keep the others from being written.
                click.echo(
                    _("skipped {format}: {message}", format=info.name, message=exc), err=True
                )
                continue
            click.echo(_("wrote {path} ({format})", path=target, format=info.name))


@click.command(
    cls=Command, help=N_("List every problem in FILE; exit status 1 when there are any.")
)
@argument("file", type=IN_FILE)
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
    name="export",
    cls=Command,
    help=N_(
        "Read FILE and write it to OUT in another format.\n\n"
        "With --part, only one part of the plan is written (an agreement, a dialogue session, "
        "a value game or a mapping, chosen by its id or its name), with the plan behind it so "
        "names, not ids, are printed."
    ),
)
@click.argument("file", type=IN_FILE)
@option(
    "-o",
    "--out",
    type=OUT_FILE,
    required=True,
    help=N_("The file to write; - is standard output."),
)
@option("--format", "format_", help=N_("Format name; by default from the output's suffix."))
@option("--part", help=N_("Write only this part of the plan: its id or its name."))
@option(
    "--template",
    type=IN_FILE,
    help=N_("Your own Word template (letterhead) for a document (as --option template=FILE)."),
)
@option(
    "--option",
    "options",
    multiple=True,
    metavar="KEY=VALUE",
    help=N_("An option for the format's exporter (repeat for more)."),
)
@privacy_option
@option("--force", is_flag=True, help=N_("Replace OUT even when it is read-only."))
@lang_option
def export_command(
    file: str,
    out: str,
    format_: str | None,
    part: str | None,
    template: str | None,
    options: tuple[str, ...],
    privacy: str,
    force: bool,
) -> None:
    from .. import api
    from ..model import Plan

    if out == STDIO and format_ is None:
        fail(N_("name the format with --format to write to standard output"))
    with friendly_errors():
        extra = _parse_options(options)
        if template is not None:
            extra["template"] = template
        obj = api.load(file)
        if part is not None:
            if not isinstance(obj, Plan):
                raise CfbuError(N_("{path}: --part needs a whole plan"), path=file)
            extra["plan"] = obj
            obj = find_part(obj, part)
        with ProgressBar(_("Writing {name}", name=Path(out).name)) as bar:
            api.export(
                obj,
                out,
                format=format_,
                lang=current_lang(),
                privacy=cast(Privacy, privacy),
                progress=bar,
                force=force,
                **extra,
            )
        if out != STDIO:
            click.echo(_("wrote {path}", path=out))


def _parse_options(pairs: tuple[str, ...]) -> dict[str, Any]:
    """``key=value`` pairs as exporter options (values stay text)."""
    parsed: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip().isidentifier():
            raise CfbuError(N_("--option takes KEY=VALUE, got {pair!r}"), pair=pair)
        parsed[key.strip()] = value
    return parsed


def find_part(plan: Any, wanted: str) -> Any:
    """The part of ``plan`` whose id, or else whose name or title, is ``wanted``."""
    parts = [
        *plan.mappings,
        *plan.collaboration_agreements,
        *plan.activity_agreements,
        *plan.dialogue_sessions,
        *plan.value_games,
    ]
    by_id = [p for p in parts if p.id == wanted]
    if by_id:
        return by_id[0]
    key = " ".join(wanted.split()).casefold()
    named = [p for p in parts if " ".join(_part_name(p).split()).casefold() == key]
    if len(named) == 1:
        return named[0]
    if named:
        raise CfbuError(
            N_("{name!r} names several parts: {ids}; give the id"),
            name=wanted,
            ids=", ".join(p.id for p in named),
        )
    raise CfbuError(
        N_("the plan has no part {name!r}; its parts are: {parts}"),
        name=wanted,
        parts=", ".join(f"{p.id} ({_part_name(p)})" for p in parts) or "-",
    )


def _part_name(part: Any) -> str:
    for field in ("title", "name", "activity"):
        value = getattr(part, field, None)
        if isinstance(value, str) and value:
            return value
    return str(part.id)


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
@argument("kind", required=False)
def schema(kind: str | None) -> None:
    import json

    from ..io.schema import json_schema

    with friendly_errors():
        click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


COMMANDS = (demo, validate, export_command, formats, schema)
