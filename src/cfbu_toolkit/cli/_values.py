"""What the workflow commands share: dates, times and enumerations as people type them,
and the plan read from FILE and written to ``--out``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..locale import N_, _, current_lang, format_date
from ..model import Plan
from ._common import option

__all__ = [
    "DATE",
    "OUT_FILE",
    "PLAN_FILE",
    "TIME",
    "DateType",
    "LabelChoice",
    "TimeType",
    "day_text",
    "load_plan",
    "out_option",
    "save_plan",
]

F = TypeVar("F", bound=Callable[..., Any])

PLAN_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
OUT_FILE = click.Path(dir_okay=False, path_type=Path)


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


def day_text(value: dt.date | None) -> str:
    return format_date(value) if value is not None else ""
