"""What the workflow commands share: dates, times and enumerations as people type them,
and the plan read from FILE and written to ``--out``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from ..locale import N_, _, current_lang, format_date
from ..model import Plan
from ._common import Command, PathType, friendly_errors, lang_option, option

if TYPE_CHECKING:
    from ..workflows import Part

__all__ = [
    "DATE",
    "OUT_FILE",
    "PLAN_FILE",
    "TIME",
    "DateType",
    "LabelChoice",
    "TimeType",
    "change_plan",
    "day_text",
    "load_plan",
    "out_option",
    "plan_command",
    "save_plan",
    "show_text",
]

F = TypeVar("F", bound=Callable[..., Any])
P = TypeVar("P", bound="Part")

PLAN_FILE = PathType(exists=True, dir_okay=False, path_type=Path)
OUT_FILE = PathType(dir_okay=False, path_type=Path)


def out_option(function: F) -> F:
    """``-o/--out``: where the changed plan is written."""
    return option(
        "-o",
        "--out",
        type=OUT_FILE,
        required=True,
        help=N_("Write the changed plan here (the format from the suffix; may be FILE itself)."),
    )(function)


class DateType(click.ParamType):  # type: ignore[type-arg]
    """A date written dd-mm-åååå, d/m-åååå, d.m.åååå or åååå-mm-dd."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        from ..workflows.parsing import ParseError, parse_date

        try:
            return parse_date(str(value))
        except ParseError as exc:
            self.fail(str(exc), param, ctx)


class TimeType(click.ParamType):  # type: ignore[type-arg]
    """A time of day written 9, 9:00, 9.00 or 13:30."""

    name = "time"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.time):
            return value
        from ..workflows.parsing import ParseError, parse_time

        try:
            return parse_time(str(value))
        except ParseError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateType()
TIME = TimeType()


class LabelChoice(click.ParamType):  # type: ignore[type-arg]
    """A member of an enumeration, typed as its value or its Danish or English label."""

    def __init__(self, enum: Any) -> None:
        self.enum = enum
        self.name = enum.__name__

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, self.enum):
            return value
        try:
            return self.enum.from_label(str(value))
        except Exception:
            choices = ", ".join(f"{m.value} ({m.label(current_lang())})" for m in self.enum)
            self.fail(_("{value!r} is not one of: {choices}", value=value, choices=choices))


def load_plan(file: Path) -> Plan:
    """The whole plan in ``file``."""
    from .. import api
    from ..workflows._errors import WorkflowError

    obj = api.load(file)
    if not isinstance(obj, Plan):
        raise WorkflowError(N_("{path} does not hold a whole plan"), path=str(file))
    return obj


def save_plan(plan: Plan, out: Path) -> None:
    """Write ``plan`` to ``out`` and say so."""
    from .. import api

    api.export(plan, out, lang=current_lang())
    click.echo(_("wrote {path}", path=str(out)), err=True)


def show_text(text: str, out: Path | None) -> None:
    """Print ``text``, or write it to ``out`` (whole or not at all) and say so."""
    if out is None:
        click.echo(text, nl=False)
        return
    from ..files import atomic_write

    with atomic_write(out) as stream:
        stream.write(text.encode("utf-8"))
    click.echo(_("wrote {path}", path=str(out)), err=True)


def day_text(value: dt.date | None) -> str:
    return format_date(value) if value is not None else ""


def plan_command(
    group: click.Group, name: str, help: str, *params: Callable[[F], F], changes: bool = True
) -> Callable[[F], F]:
    """A command of ``group`` over the plan in FILE: FILE, then ``params`` in order, then
    ``--lang`` and (when it ``changes`` the plan) ``-o/--out``, so every one reads alike."""

    def decorate(function: F) -> F:
        shared: tuple[Callable[[Any], Any], ...]
        shared = (click.argument("file", type=PLAN_FILE), *params, lang_option)
        for param in reversed((*shared, out_option) if changes else shared):
            function = param(function)
        return cast(F, group.command(name=name, cls=Command, help=help)(function))

    return decorate


def change_plan(file: Path, out: Path, change: Callable[[Plan], P]) -> tuple[Plan, P]:
    """Read the plan in ``file``, make one ``change`` and write the plan holding it to
    ``out``; any error ends in one line. The plan read and the part changed come back."""
    from ..workflows import put

    with friendly_errors():
        plan = load_plan(file)
        changed = change(plan)
        save_plan(put(plan, changed), out)
    return plan, changed
