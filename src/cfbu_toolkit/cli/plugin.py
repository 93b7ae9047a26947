"""``cfbu plugin new``: start a plugin package of your own from the bundled template."""

from __future__ import annotations

from pathlib import Path

import click

from ..locale import N_, _
from ._common import Command, Group, PathType, argument, friendly_errors, lang_option, option

__all__ = ["COMMANDS"]


@click.group(cls=Group, help=N_("Plugins of your own: a new exporter or importer package."))
def plugin() -> None:
    pass


@plugin.command(
    name="new",
    cls=Command,
    help=N_(
        "Write a new plugin package, cfbu-toolkit-NAME, to start a format of your own.\n\n"
        "It installs with pip, holds a working exporter or importer (CSV of a plan's "
        "organisations), its tests and a README. NAME is the format's name. An existing "
        "folder is never overwritten."
    ),
)
@argument("name")
@option(
    "--kind",
    type=click.Choice(["exporter", "importer"]),
    default="exporter",
    show_default=True,
    help=N_("What the plugin does: write files (exporter) or read them (importer)."),
)
@option(
    "--dir",
    "folder",
    type=PathType(file_okay=False, path_type=Path),
    default=Path("."),
    help=N_("The folder to write the package into (the current one by default)."),
)
@lang_option
def plugin_new(name: str, kind: str, folder: Path) -> None:
    # The template is read only when a plugin is made, never when cfbu_toolkit is imported.
    from ..plugins.scaffold import new_plugin

    with friendly_errors():
        target = new_plugin(
            name, kind="importer" if kind == "importer" else "exporter", folder=folder
        )
        click.echo(_("wrote {path}", path=target))
        click.echo(_("next: pip install -e '{path}[test]' and run its tests", path=target))


COMMANDS = (plugin,)
