"""The kortlægning: a systematic mapping of the organisations around an effort.

Levels and status are *assessed*: each :class:`Assessment` is dated, and a re-assessment is
added to the entry's history instead of overwriting the earlier one.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import attrs

from ..errors import ModelError
from ..locale import N_
from ._base import (
    check_member,
    check_optional_member,
    date_field,
    each,
    enum_field,
    flag,
    ident,
    items,
    opt_ref,
    optional_text,
    ref,
    refs,
    required_date,
    required_text,
)
from .enums import CollaborationStatus, Level, MappingMethod

__all__ = ["Assessment", "Mapping", "MappingEntry"]

_optional_level = check_optional_member(Level)


@attrs.frozen(kw_only=True)
class Assessment:
    """How an organisation was judged on one day: relevance, interest, influence, status."""

    date: dt.date = required_date()
    status: CollaborationStatus = enum_field(
        CollaborationStatus, default=CollaborationStatus.POTENTIAL
    )
    relevance: Level | None = attrs.field(default=None, validator=_optional_level)
    interest: Level | None = attrs.field(default=None, validator=_optional_level)
    influence: Level | None = attrs.field(default=None, validator=_optional_level)
    assessed_by: str | None = opt_ref(to="contact")
    note: str = optional_text(personal=True)


def _check_history(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not value:
        raise ModelError(N_("needs at least one assessment"), field=attribute.name)
    for earlier, later in itertools.pairwise(value):
        if later.date < earlier.date:
            raise ModelError(
                N_("assessments must be in date order ({later} comes after {earlier})"),
                field=attribute.name,
                later=later.date,
                earlier=earlier.date,
            )


@attrs.frozen(kw_only=True)
class MappingEntry:
    """One row of the mapping: an organisation, what it offers, and how it stands."""

    id: str = ident()
    organisation_id: str = ref(to="organisation")
    contact_id: str | None = opt_ref(to="contact")
    services_offered: str = optional_text()
    target_groups: str = optional_text()
    focus_areas: tuple[str, ...] = refs(to="focus_area")
    possible_contribution: str = optional_text()
    possible_barriers: str = optional_text()
    what_matters: str = optional_text()
    existing_relation: bool = flag()
    assessments: tuple[Assessment, ...] = items(_check_history)
    next_step: str = optional_text()
    responsible_id: str | None = opt_ref(to="contact")
    follow_up_on: dt.date | None = date_field()
    notes: str = optional_text(personal=True)

    @property
    def current(self) -> Assessment:
        """The latest assessment."""
        return self.assessments[-1]

    @property
    def status(self) -> CollaborationStatus:
        """The status of the latest assessment."""
        return self.current.status

    @property
    def relevance(self) -> Level | None:
        """The relevance of the latest assessment."""
        return self.current.relevance

    @property
    def interest(self) -> Level | None:
        """The interest of the latest assessment."""
        return self.current.interest

    @property
    def influence(self) -> Level | None:
        """The influence of the latest assessment."""
        return self.current.influence

    def reassess(self, assessment: Assessment) -> MappingEntry:
        """A copy of the entry with ``assessment`` added to its history."""
        return attrs.evolve(self, assessments=(*self.assessments, assessment))


@attrs.frozen(kw_only=True)
class Mapping:
    """A kortlægning of potential partners, for the plan or one of its efforts."""

    id: str = ident()
    title: str = required_text()
    indsats_id: str | None = opt_ref(to="indsats")
    geographic_scope: str = optional_text()
    date: dt.date | None = date_field()
    methods: tuple[MappingMethod, ...] = items(each(check_member(MappingMethod)))
    conducted_by: tuple[str, ...] = refs(to="contact")
    entries: tuple[MappingEntry, ...] = items()
