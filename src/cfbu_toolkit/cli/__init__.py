"""The ``cfbu`` command: a workbook to fill in, a document to sign, a report to bring.

One module per area (:mod:`.formats`, :mod:`.workbook`, :mod:`.report`,
:mod:`.workflows`, :mod:`.agreements`, :mod:`.valuegame`, :mod:`.groups`,
:mod:`.plugin`); what they share (the language, options, errors, progress) is in
:mod:`._common`. No click code lives anywhere else in the package.

Exit statuses: 0 done, 1 problems found in the input, 2 the command could not do its work.
Everything is printed in Danish unless ``--lang en`` (or an English ``LANG``) asks for
English; an error is one line, never a traceback.
"""

from __future__ import annotations

import click

from .._version import __version__
from ..locale import N_
from . import agreements, formats, groups, plugin, report, valuegame, workbook, workflows
from ._common import EXIT_STATUSES, Group, Option, lang_option, option

__all__ = ["main"]


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("CFBU's collaboration tools as data: mapping, dialogue, agreements, value game."),
    epilog=EXIT_STATUSES,
)
@click.version_option(
    __version__,
    "--version",
    "-V",
    prog_name="cfbu",
    cls=Option,
    help=N_("Show the version and exit."),
)
@lang_option
@option(
    "--plugins-dir",
    type=click.Path(file_okay=False, exists=True),
    multiple=True,
    help=N_("Also load the one-file plugins (*.py) in this folder (as CFBU_PLUGINS_DIR)."),
)
def main(plugins_dir: tuple[str, ...]) -> None:
    """The ``cfbu`` command: the group every area's commands hang from."""
    if plugins_dir:
        import os

        from ..plugins.manager import PLUGINS_DIR_ENV

        known = [p for p in os.environ.get(PLUGINS_DIR_ENV, "").split(os.pathsep) if p]
        os.environ[PLUGINS_DIR_ENV] = os.pathsep.join([*plugins_dir, *known])


for _module in (formats, workbook, report, workflows, agreements, valuegame, groups, plugin):
    for _command in _module.COMMANDS:
        main.add_command(_command)
