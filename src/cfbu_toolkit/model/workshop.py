"""Workshops: facilitated sessions that use the tools and produce mappings, answers,
agreement drafts and value games."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..errors import ModelError
from ..locale import N_
from ._base import (
    check_count,
    check_optional_member,
    enum_field,
    ident,
    items,
    optional_text,
    refs,
    required_date,
    required_text,
    text_list,
)
from .enums import AgendaTool, WorkshopKind

__all__ = ["AgendaItem", "Workshop"]


def _check_time(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not dt.time:
        raise ModelError(
            N_("expected a time of day, got {type}"), field="start", type=type(value).__name__
        )
    if value is not None and (value.second or value.microsecond or value.tzinfo is not None):
        # JSON holds HH:MM; seconds or a time zone would be lost silently.
        raise ModelError(
            N_("expected hours and minutes only, got {value}"), field="start", value=value
        )


@attrs.frozen(kw_only=True)
class AgendaItem:
    """A block of the programme: when, how long, what, and which tool it uses."""

    title: str = required_text()
    start: dt.time | None = attrs.field(default=None, validator=_check_time)
    minutes: int | None = attrs.field(default=None, validator=check_count)
    tool: AgendaTool | None = attrs.field(
        default=None, validator=check_optional_member(AgendaTool)
    )
    description: str = optional_text()


@attrs.frozen(kw_only=True)
class Workshop:
    """A workshop, internal or with invited partners, and what it produced."""

    id: str = ident()
    title: str = required_text()
    date: dt.date = required_date()
    kind: WorkshopKind = enum_field(WorkshopKind, default=WorkshopKind.INTERNAL)
    facilitator: str = optional_text(personal=True)
    place: str = optional_text()
    agenda: tuple[AgendaItem, ...] = items()
    participant_ids: tuple[str, ...] = refs(to="contact")
    output_ids: tuple[str, ...] = refs(to="output")
    notes: tuple[str, ...] = text_list(personal=True)
