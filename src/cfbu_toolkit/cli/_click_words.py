"""click's own messages, listed for the catalogue so they can be shown in Danish.

click marks its messages with :func:`gettext.gettext`; :func:`._common.install_click_words`
points click at our catalogue. The list was extracted from the installed click once
(``pybabel extract -k _ -k ngettext:1,2 .../site-packages/click``); the catalogue test keeps
every entry translated. When a new click adds a message, extract again and add it here.

The metavars (``TEXT``, ``FILE``, ``[OPTIONS]``, argument names) are not translated by
click; :mod:`._common` translates them through the entries at the end.
"""

from __future__ import annotations

from ..locale import N_, ngettext

__all__ = ["METAVARS", "WORDS"]

WORDS = (
    N_("d"),
    N_("{editor}: Editing failed"),
    N_("{editor}: Editing failed: {e}"),
    N_("Windows error: {error}"),
    N_("Aborted!"),
    N_("deprecated"),
    N_("Options"),
    N_("Positional arguments"),
    N_("DeprecationWarning: The command {name!r} is deprecated.{extra_message}"),
    N_("Commands"),
    N_("Missing command."),
    N_("Value must be an iterable."),
    N_("DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}"),
    N_("Name '{name}' defined twice"),
    N_("Boolean option {decl!r} cannot use the same flag for true/false."),
    N_("Could not determine name for option with declarations {decls!r}"),
    N_(
        "No options defined but a name was passed ({name}). Did you mean to declare an "
        "argument instead? Did you mean to pass '--{name}'?"
    ),
    N_("env var: {var}"),
    N_("default: {default}"),
    N_("(dynamic)"),
    N_("Arguments take exactly one parameter declaration, got {length}: {decls}."),
    N_("Do you want to continue?"),
    N_("Confirm the action without prompting."),
    N_("%(prog)s, version %(version)s"),
    N_("Show the version and exit."),
    N_("Show this message and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("unknown error"),
    N_("Could not open file {filename!r}: {message}"),
    N_("Usage:"),
    N_("Invalid start character for option ({option})"),
    N_("Argument {name!r} takes {nargs} values."),
    N_("Option {name!r} does not take a value."),
    N_("Shell completion is not supported for Bash versions older than 4.4."),
    N_("Couldn't detect Bash version, shell completion is not supported."),
    N_("Repeat for confirmation"),
    N_("Error: The two entered values do not match."),
    N_("Error: invalid input"),
    N_("Unknown color {colour!r}"),
    N_("Press any key to continue..."),
    N_("Choose from:\n\t{choices}"),
    N_("Choice({choices})"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("{value!r} is not a valid UUID."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("{name} {filename!r} is not executable."),
    N_("Unknown standard stream '{name}'"),
    # Not extracted (click translates a variable), but shown: ``[required]``.
    N_("required"),
    # click's type names, shown as metavars and in "is not a valid ..." messages.
    N_("integer"),
    N_("float"),
    N_("boolean"),
    N_("text"),
)
"""click's singular messages."""

METAVARS = (
    N_("OPTIONS"),
    N_("COMMAND"),
    N_("ARGS"),
    N_("TEXT"),
    N_("INTEGER"),
    N_("INTEGER RANGE"),
    N_("FLOAT"),
    N_("BOOLEAN"),
    N_("FILENAME"),
    N_("FILE"),
    N_("DIRECTORY"),
    N_("PATH"),
    N_("KIND"),
    N_("SOURCES"),
    N_("DAYS"),
    N_("NAME"),
    N_("VALUES"),
    N_("ROUNDS"),
    N_("KEY"),
    N_("VALUE"),
)
"""Metavars: click's type names and our arguments' names, in capitals."""


def _plurals(n: int) -> tuple[str, ...]:
    """The plural messages of click (listed here for the catalogue; click chooses the form)."""
    return (
        ngettext(
            "Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", n
        ),
        ngettext(
            "Takes {nargs} values but 1 was given.",
            "Takes {nargs} values but {len} were given.",
            n,
        ),
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", n),
        ngettext(
            "Option {name!r} requires an argument.",
            "Option {name!r} requires {nargs} arguments.",
            n,
        ),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", n),
        ngettext(
            "{value!r} does not match the format {format}.",
            "{value!r} does not match the formats {formats}.",
            n,
        ),
        ngettext(
            "{len_type} values are required, but {len_value} was given.",
            "{len_type} values are required, but {len_value} were given.",
            n,
        ),
    )
