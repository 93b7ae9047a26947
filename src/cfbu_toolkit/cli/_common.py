"""What every ``cfbu`` command shares: the language, the options, errors, progress, loading.

The language is chosen once per invocation, before click parses anything, from ``--lang``
wherever it stands on the command line, else ``CFBU_LANG``/``LANG``, else Danish; so
``--help`` and click's own messages ("Usage:", "Missing option") come out in it too. Help
texts are written in English, marked with ``N_`` and translated when shown.

Exit statuses: 0 done; 1 problems found in the input (``validate``, ``import``); 2 the
command could not do its work (bad usage, unreadable input, a failed export). Every error
is one line on standard error, never a traceback.
"""

from __future__ import annotations

import re
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, cast

import click

from ..errors import CfbuError, DocumentError
from ..locale import LANGUAGES, N_, Lang, _, ngettext, translate, use_lang

if TYPE_CHECKING:
    from ..io.kinds import Exportable

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_STATUSES",
    "EXIT_USAGE",
    "IN_FILE",
    "LANGS",
    "OUT_FILE",
    "PRIVACY",
    "STDIO",
    "Argument",
    "Command",
    "Group",
    "IntRange",
    "Option",
    "PathType",
    "ProgressBar",
    "argument",
    "fail",
    "friendly_errors",
    "lang_from_args",
    "lang_option",
    "load_or_exit",
    "option",
    "privacy_option",
    "say",
    "translate_metavar",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

EXIT_STATUSES = N_(
    "Exit status: 0 done; 1 problems found in the input; 2 the command could not do its "
    "work (wrong usage, unreadable input, a failed export)."
)
"""The closing paragraph of the top-level help."""

LANGS = click.Choice(list(LANGUAGES))
PRIVACY = click.Choice(["keep", "pseudonymise", "omit"])

STDIO = "-"

F = TypeVar("F", bound=Callable[..., Any])


def lang_from_args(args: Sequence[str]) -> Lang | None:
    """The language a command line asks for with ``--lang X`` or ``--lang=X``, if any."""
    for i, arg in enumerate(args):
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


def lang_option(f: F) -> F:
    """``--lang da|en``: the language of what the command prints and writes.

    The value was already taken when the command line was read (:class:`Group`); a command
    asks :func:`~cfbu_toolkit.locale.current_lang`.
    """
    return option(
        "--lang",
        type=LANGS,
        default=None,
        expose_value=False,
        help=N_("Language of what is printed and written: da (default) or en."),
    )(f)


# -- help texts translated when shown ------------------------------------------------------


class _Translated:
    """Translates ``help``, ``short_help``, ``epilog`` and the usage line when click shows them."""

    _help: str | None = None
    _short_help: str | None = None
    _epilog: str | None = None
    _lang_param: click.Parameter | None = None

    @property
    def help(self) -> str | None:
        return _(self._help) if self._help else self._help

    @help.setter
    def help(self, value: str | None) -> None:
        self._help = value

    @property
    def short_help(self) -> str | None:
        return _(self._short_help) if self._short_help else self._short_help

    @short_help.setter
    def short_help(self, value: str | None) -> None:
        self._short_help = value

    @property
    def epilog(self) -> str | None:
        return _(self._epilog) if self._epilog else self._epilog

    @epilog.setter
    def epilog(self, value: str | None) -> None:
        self._epilog = value

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params: list[click.Parameter] = super().get_params(ctx)  # type: ignore[misc]
        if any("--lang" in param.opts for param in params):
            return params
        # ``--lang`` is taken wherever it stands (:class:`Group`), so every command and group
        # accepts it, listed just before ``--help``.
        if self._lang_param is None:
            self._lang_param = lang_option(click.Command("-")).params[0]
        return [*params[:-1], self._lang_param, *params[-1:]]

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [translate_metavar(piece) for piece in pieces]

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        found = super().get_help_option(ctx)  # type: ignore[misc]
        if found is not None and not isinstance(found, Option):
            # click builds ``--help`` with its text translated once; make it translate when
            # shown, like every other option (a language may change between invocations).
            found.__class__ = Option
            found.help = N_("Show this message and exit.")
        return cast("click.Option | None", found)


_CAPITALS = re.compile(r"[A-Z][A-Z_]*(?: RANGE)?")


def translate_metavar(metavar: str) -> str:
    """A metavar (``FILE``, ``[OPTIONS]``, ``COMMAND [ARGS]...``) in the current language.

    Each word in capitals is looked up in the catalogue (:mod:`._click_words`); choices such
    as ``[da|en]`` are values and stay as they are.
    """
    return _CAPITALS.sub(lambda m: _(m.group()), metavar)


class Option(click.Option):
    """An option whose help text and metavar are translated when shown."""

    _help_id: str | None = None

    @property
    def help(self) -> str | None:
        return _(self._help_id) if self._help_id else self._help_id

    @help.setter
    def help(self, value: str | None) -> None:
        self._help_id = value

    def make_metavar(self, ctx: click.Context) -> str:
        return translate_metavar(super().make_metavar(ctx))


class Argument(click.Argument):
    """An argument whose metavar (``FILE`` → ``FIL``) is translated when shown."""

    def make_metavar(self, ctx: click.Context) -> str:
        return translate_metavar(super().make_metavar(ctx))


def option(*names: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` whose help text is translated when shown (use it for every option)."""
    return click.option(*names, cls=Option, **attrs)


def argument(*names: str, **attrs: Any) -> Callable[[F], F]:
    """``click.argument`` whose metavar is translated when shown (use it for every argument)."""
    return click.argument(*names, cls=Argument, **attrs)


def privacy_option(function: F) -> F:
    """``--privacy``: what becomes of personal data in what the command writes."""
    return option(
        "--privacy",
        type=PRIVACY,
        default="keep",
        show_default=True,
        help=N_("Personal data: keep it, pseudonymise it, or omit it."),
    )(function)


class PathType(click.Path):
    """``click.Path`` whose name in messages ("file", "directory") is translated when shown."""

    _name_id = "path"

    @property
    def name(self) -> str:
        return _(self._name_id)

    @name.setter
    def name(self, value: str) -> None:
        self._name_id = value


def _file_type(**kw: Any) -> PathType:
    """A :class:`PathType` named "file" in messages, though click lets folders pass."""
    kind = PathType(**kw)
    kind.name = "file"
    return kind


IN_FILE = _file_type(exists=True, allow_dash=True)
"""A file to read; ``-`` is standard input. A folder, a FIFO or a device passes click and
is refused by the library, in one line, before a byte is read."""
OUT_FILE = _file_type(allow_dash=True)
"""A file to write; ``-`` is standard output. Unsuitable targets (a folder, a device, a
read-only file without ``--force``) are refused by the library before a byte is written."""


class IntRange(click.IntRange):
    """``click.IntRange`` named "integer" in the current language (metavar and messages)."""

    @property
    def name(self) -> str:
        return _("integer")

    @name.setter
    def name(self, value: str) -> None:
        pass  # click's own name ("integer range") is not shown


class Command(_Translated, click.Command):
    """A command whose texts are translated when shown."""


class Group(_Translated, click.Group):
    """A group whose texts, commands and subgroups are translated when shown.

    As the top-level group, it chooses the language before click parses the command line.
    """

    command_class = Command

    def main(self, args: Sequence[str] | None = None, *pos: Any, **kwargs: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        install_click_words()
        with use_lang(lang_from_args(argv)):
            return super().main(argv, *pos, **kwargs)


Group.group_class = Group


# -- click's own words, from our catalogue ----------------------------------------------------


def _click_gettext(message: str) -> str:
    return translate(message)


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return ngettext(singular, plural, n)


def install_click_words() -> None:
    """Make click's own messages ("Usage:", "Missing option ...") come from our catalogue.

    click's modules bind ``gettext`` as ``_`` (and ``ngettext``) when they are imported; we
    point those names at our catalogue, which carries click's messages in Danish
    (:mod:`._click_words`).
    """
    import importlib

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


# -- output, errors, progress ------------------------------------------------------------------


def say(message: str, /, **params: Any) -> None:
    """Print a translated line on standard error (what the command did)."""
    click.echo(_(message, **params), err=True)


def fail(message: str, /, status: int = EXIT_USAGE, **params: Any) -> NoReturn:
    """Print a translated error line and exit with ``status``."""
    click.echo(_("error: {message}", message=_(message, **params)), err=True)
    sys.exit(status)


def _show_warning(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
    click.echo(_("warning: {message}", message=message), err=True)


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn the library's errors into one line each and exit status 2; show warnings briefly."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            yield
    except DocumentError as exc:
        for line in str(exc).splitlines():
            click.echo(_("error: {message}", message=line.strip()), err=True)
        sys.exit(EXIT_USAGE)
    except CfbuError as exc:
        click.echo(_("error: {message}", message=exc), err=True)
        sys.exit(EXIT_USAGE)
    except OSError as exc:
        text = f"{exc.filename}: {exc.strerror or exc}" if exc.filename else str(exc)
        click.echo(_("error: {message}", message=text), err=True)
        sys.exit(EXIT_USAGE)


def load_or_exit(file: Path | str, *, what: str = "", **options: Any) -> Exportable:
    """Load ``file``; on problems list each with its place and exit with status 1.

    ``what`` is added to the closing line (for example that nothing was written).
    """
    from .. import api

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            return api.load(file, **options)
    except DocumentError as exc:
        for problem in exc.problems:
            click.echo(f"{file}: {problem}")
        count = len(exc.problems) + exc.more
        line = ngettext("{count} problem found", "{count} problems found", count, count=count)
        if exc.stopped:
            line = _(
                "... reading stopped after {count} problems; there may be more", count=count
            ).removeprefix("... ")
        click.echo(f"{line}{'; ' + _(what) if what else ''}", err=True)
        sys.exit(EXIT_PROBLEMS)
    except CfbuError as exc:
        click.echo(_("error: {message}", message=exc), err=True)
        sys.exit(EXIT_USAGE)


class ProgressBar:
    """A progress bar on stderr that appears only once an export takes more than a moment."""

    def __init__(self, label: str, delay: float = 0.5) -> None:
        self.label = label
        self.delay = delay
        self.started = time.monotonic()
        self.bar: Any = None

    def __call__(self, done: int, total: int | None) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < self.delay or not total:
                return
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
