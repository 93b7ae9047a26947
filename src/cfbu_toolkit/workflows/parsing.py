"""Dates and times as people type them.

Dates: ``dd-mm-åååå`` (``04-02-2025``), ``d/m-åååå`` (``4/2-2025``), ``d.m.åååå``
(``4.2.2025``), ``d/m/åååå`` and ISO (``2025-02-04``). Times: ``9``, ``9:00``, ``9.00``,
``09:30``. Anything else raises :class:`ParseError` with a message that shows the forms
that are understood, in Danish by default.
"""

from __future__ import annotations

import datetime as dt
import re

from ..locale import N_
from ._errors import WorkflowError

__all__ = ["ParseError", "parse_date", "parse_optional_date", "parse_time"]

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DANISH = re.compile(r"(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})")
_TIME = re.compile(r"(\d{1,2})(?:\s*[:.]\s*(\d{2}))?")


class ParseError(WorkflowError):
    """A date or a time written in a way the parser does not understand."""

    def __init__(self, message: str, /, *, text: str, **params: object) -> None:
        self.text = text
        super().__init__(message, text=text, **params)


def parse_date(text: str) -> dt.date:
    """The date in ``text``: ``dd-mm-åååå``, ``d/m-åååå``, ``d.m.åååå`` or ISO
    ``åååå-mm-dd``; :class:`ParseError` otherwise (also for a day that does not exist)."""
    cleaned = text.strip()
    match = _ISO.fullmatch(cleaned)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DANISH.fullmatch(cleaned)
        if match is None:
            raise ParseError(
                N_(
                    "{text!r} is not a date; write it as dd-mm-yyyy (04-02-2025), "
                    "d/m-yyyy (4/2-2025), d.m.yyyy (4.2.2025) or yyyy-mm-dd (2025-02-04)"
                ),
                text=text,
            )
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError(
            N_("{text!r} is not a date in the calendar (day {day}, month {month}, year {year})"),
            text=text,
            day=day,
            month=month,
            year=year,
        ) from None


def parse_optional_date(text: str | None) -> dt.date | None:
    """:func:`parse_date`, with ``None`` or blank text giving ``None``."""
    if text is None or not text.strip():
        return None
    return parse_date(text)


def parse_time(text: str) -> dt.time:
    """The time of day in ``text``: ``9``, ``9:00``, ``9.00`` or ``09:30`` (24-hour clock);
    :class:`ParseError` otherwise."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise ParseError(
            N_("{text!r} is not a time of day; write it as 9, 9:00, 9.00 or 13:30"),
            text=text,
        )
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ParseError(
            N_("{text!r} is not a time of day: hours go from 0 to 23, minutes from 0 to 59"),
            text=text,
        )
    return dt.time(hour, minute)
