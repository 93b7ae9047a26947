"""The ``cfbu`` command: a workbook to fill in, a document to sign, a report to bring.

Errors are one clear line on stderr (exit status 2 for bad usage or input that cannot be
read; 1 when ``validate`` finds problems), never a traceback.
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import click

from ._version import __version__
from .errors import CfbuError, DocumentError
from .model import Lang
from .privacy import Privacy

LANGS = click.Choice(["da", "en"])
PRIVACY = click.Choice(["keep", "pseudonymise", "omit"])


@contextmanager
def _friendly_errors() -> Iterator[None]:
    """Turn the library's errors into one line each and a non-zero exit."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            yield
    except DocumentError as exc:
        for line in str(exc).splitlines():
            click.echo(f"error: {line.strip()}", err=True)
        sys.exit(2)
    except CfbuError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


def _show_warning(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
    click.echo(f"warning: {message}", err=True)


class _ProgressBar:
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="cfbu")
def main() -> None:
    """CFBU's collaboration tools as data: mapping, dialogue, agreements, value game."""


@main.command()
@click.option(
    "--out",
    "-o",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the demo plan's exports into (made if missing).",
)
@click.option("--lang", type=LANGS, default="da", show_default=True)
def demo(out: Path, lang: str) -> None:
    """Write the bundled demo plan in every installed format."""
    from . import api
    from .examples import demo_plan

    with _friendly_errors():
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
            api.export(plan, target, format=info.name, lang=cast(Lang, lang))
            click.echo(f"wrote {target} ({info.name})")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "format_", help="Format name; by default from the suffix.")
@click.option(
    "--lang", type=LANGS, default="da", show_default=True, help="Language of the problems."
)
def validate(file: Path, format_: str | None, lang: str) -> None:
    """List every problem in FILE; exit status 1 when there are any."""
    from . import api

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            obj = api.load(file, format=format_, lang=lang)
    except DocumentError as exc:
        for problem in exc.problems:
            click.echo(f"{file}: {problem}")
        click.echo(f"{len(exc.problems)} problem(s) found", err=True)
        sys.exit(1)
    except CfbuError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    problems = api.validate(obj)
    for problem in problems:
        click.echo(f"{file}: {problem}")
    if problems:
        sys.exit(1)
    click.echo(f"{file}: no problems")


@main.command(name="export")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--format", "format_", help="Format name; by default from the output's suffix.")
@click.option("--lang", type=LANGS, default="da", show_default=True)
@click.option("--privacy", type=PRIVACY, default="keep", show_default=True)
def export_command(file: Path, out: Path, format_: str | None, lang: str, privacy: str) -> None:
    """Read FILE and write it to OUT in another format."""
    from . import api

    with _friendly_errors():
        obj = api.load(file)
        bar = _ProgressBar(f"Skriver {out.name}" if lang == "da" else f"Writing {out.name}")
        try:
            api.export(
                obj,
                out,
                format=format_,
                lang=cast(Lang, lang),
                privacy=cast(Privacy, privacy),
                progress=bar,
            )
        finally:
            bar.close()
        click.echo(f"wrote {out}")


@main.command()
@click.argument("kind", type=click.Choice(["kortlaegning", "kortlægning", "mapping"]))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--lang", type=LANGS, default="da", show_default=True)
@click.option("--plan-name", default="", help="The plan's name, filled in for the person.")
def template(kind: str, out: Path, lang: str, plan_name: str) -> None:
    """Write a blank workbook to fill in: KIND kortlaegning is the mapping registration."""
    from .excel.template import mapping_template

    with _friendly_errors():
        mapping_template(out, lang=cast(Lang, lang), plan_name=plan_name)
        click.echo(f"wrote {out}")


@main.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write it; the format follows the suffix (.json, .xlsx, .md, ...).",
)
@click.option("--format", "format_", help="Input format name; by default from the suffix.")
@click.option(
    "--base",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The plan FILE was exported from: update its rows and add the new ones.",
)
@click.option("--lang", type=LANGS, default="da", show_default=True)
def import_command(
    file: Path, out: Path, format_: str | None, base: Path | None, lang: str
) -> None:
    """Read FILE (a filled-in workbook, say) and write it to OUT.

    Every problem is listed with its place (sheet and cell) and the exit status is 1;
    nothing is written then.
    """
    from . import api
    from .model import Plan

    options: dict[str, Any] = {}
    with _friendly_errors():
        if base is not None:
            plan = api.load(base)
            if not isinstance(plan, Plan):
                raise CfbuError(f"{base}: --base must hold a whole plan")
            options["base"] = plan
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            obj = api.load(file, format=format_, lang=lang, **options)
    except DocumentError as exc:
        for problem in exc.problems:
            click.echo(f"{file}: {problem}")
        click.echo(f"{len(exc.problems)} problem(s) found; nothing written", err=True)
        sys.exit(1)
    except CfbuError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    with _friendly_errors():
        api.export(obj, out, lang=cast(Lang, lang))
        click.echo(f"wrote {out}")


@main.command()
def formats() -> None:
    """List the installed formats and the plugins that supply them."""
    from . import api

    with _friendly_errors():
        rows = api.formats()
        for info in rows:
            can = "/".join(
                verb
                for verb, ok in (("export", info.can_export), ("import", info.can_import))
                if ok
            )
            click.echo(
                f"{info.name:<12} {' '.join(info.suffixes):<12} {can:<14} "
                f"{info.plugin} ({info.distribution})"
            )
            click.echo(f"{'':<12} kinds: {', '.join(sorted(info.kinds))}")


@main.command()
@click.argument("kind", required=False)
def schema(kind: str | None) -> None:
    """Print the JSON Schema of the JSON document (of one KIND, such as plan or mapping)."""
    import json

    from .io.schema import json_schema

    with _friendly_errors():
        click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The report to write: .xlsx or .md.",
)
@click.option("--lang", type=LANGS, default="da", show_default=True)
@click.option("--privacy", type=PRIVACY, default="keep", show_default=True)
@click.option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Count follow-ups and expiring agreements from this day (YYYY-MM-DD; default today).",
)
@click.option(
    "--within-days",
    type=click.IntRange(min=0),
    default=90,
    show_default=True,
    help="Agreements ending within this many days count as expiring.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at a file that holds no plan, or a second plan with an id already read.",
)
def report(
    sources: tuple[Path, ...],
    out: Path,
    lang: str,
    privacy: str,
    on: Any,
    within_days: int,
    strict: bool,
) -> None:
    """Roll up the plans in SOURCES (files or folders) into one report (.xlsx or .md)."""
    from .analysis.portfolio import Portfolio
    from .report import write_report

    with _friendly_errors():
        reading = _ProgressBar("Læser planer" if lang == "da" else "Reading plans")
        try:
            portfolio = Portfolio.from_paths(
                sources, progress=reading, on_error="raise" if strict else "skip"
            )
        finally:
            reading.close()
        for notice in portfolio.notices:
            click.echo(f"notice: {notice}", err=True)
        writing = _ProgressBar(f"Skriver {out.name}" if lang == "da" else f"Writing {out.name}")
        try:
            write_report(
                portfolio,
                out,
                on=on.date() if on is not None else None,
                within_days=within_days,
                lang=cast(Lang, lang),
                privacy=cast(Privacy, privacy),
                progress=writing,
            )
        finally:
            writing.close()
        click.echo(f"wrote {out} ({len(portfolio)} plan(s))")


# The workflows' subcommands: cfbu dialogue, agreement, valuegame, workshop.
from .workflows._cli import COMMANDS as _WORKFLOW_COMMANDS  # noqa: E402

for _command in _WORKFLOW_COMMANDS:
    main.add_command(_command)

# The editing commands (agreements by name, value-game rounds, groups, meetings, follow-ups).
from .workflows._cli_edit import register as _register_editing  # noqa: E402

_register_editing(main)
