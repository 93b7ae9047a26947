"""A pydantic v2 model equivalent to the part of cfbu_toolkit's model a benchmark plan uses.

Written for the comparison in ``bench_json.py`` and ``alternatives.py`` only (pydantic is a
benchmark dependency, never the library's). It is held to the same rules as
``cfbu_toolkit.load``, so the two do the same work:

* strict types (no ``"7"`` for 7, no ``null`` for text), unknown keys refused, frozen
  objects with tuples for lists, the library's own enumerations;
* the same field checks: identifiers, e-mail and phone patterns, a period that ends after
  it starts, an assessment's date;
* the same whole-plan checks: every identifier unique within its kind, and every
  reference (a contact's organisation, an entry's organisation, contact and responsible,
  an assessor, the mapping's conductors) pointing at something in the plan.

Only the envelope and the plan's parts the benchmark fills are modelled; the others must
be empty lists, as they are in the benchmark's document.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, model_validator

from cfbu_toolkit import (
    ActorSector,
    ActorType,
    CollaborationStatus,
    FocusArea,
    FundingPeriod,
    LawfulBasis,
    Level,
    MappingMethod,
    ResourceKind,
)

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]


def _phone(value: str) -> str:
    digits = sum(c.isdigit() for c in value)
    if not 6 <= digits <= 15:
        raise ValueError("not a phone number")
    return value


Phone = Annotated[
    str, StringConstraints(pattern=r"^\+?[0-9][0-9 ().-]{4,22}[0-9]$"), AfterValidator(_phone)
]
Empty = tuple[()]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Period(_Model):
    start: dt.date
    end: dt.date | None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise ValueError("the period ends before it starts")
        return self


class Organisation(_Model):
    id: Id
    name: Annotated[str, StringConstraints(min_length=1)]
    sector: ActorSector
    actor_type: ActorType
    resource_kind: ResourceKind
    description: str
    website: str
    address: str
    cvr: str


class ContactPerson(_Model):
    id: Id
    name: Annotated[str, StringConstraints(min_length=1)]
    organisation_id: Id | None
    role: str
    email: Email | None
    phone: Phone | None
    lawful_basis: LawfulBasis
    consent_on: dt.date | None
    retention_until: dt.date | None


class Assessment(_Model):
    date: dt.date
    status: CollaborationStatus
    relevance: Level | None
    interest: Level | None
    influence: Level | None
    assessed_by: Id | None
    note: str


class MappingEntry(_Model):
    id: Id
    organisation_id: Id
    contact_id: Id | None
    services_offered: str
    target_groups: str
    focus_areas: tuple[str, ...]
    possible_contribution: str
    possible_barriers: str
    what_matters: str
    existing_relation: bool
    assessments: tuple[Assessment, ...]
    next_step: str
    responsible_id: Id | None
    follow_up_on: dt.date | None
    notes: str


class Mapping(_Model):
    id: Id
    title: str
    indsats_id: Id | None
    geographic_scope: str
    date: dt.date
    methods: tuple[MappingMethod, ...]
    conducted_by: tuple[Id, ...]
    entries: tuple[MappingEntry, ...]


class Plan(_Model):
    id: Id
    name: Annotated[str, StringConstraints(min_length=1)]
    area: str
    municipality: str
    housing_departments: tuple[str, ...]
    funding_period: FundingPeriod
    focus_areas: tuple[FocusArea, ...]
    custom_focus_areas: Empty
    period: Period | None
    budget_dkk: int | None
    cofinancing: Empty
    catalogue_version: str
    organisations: tuple[Organisation, ...]
    contacts: tuple[ContactPerson, ...]
    indsatser: Empty
    groups: Empty
    mappings: tuple[Mapping, ...]
    dialogue_tools: Empty
    dialogue_sessions: Empty
    collaboration_agreements: Empty
    activity_agreements: Empty
    value_games: Empty
    workshops: Empty

    @model_validator(mode="after")
    def _references(self) -> Plan:
        organisations = _unique(o.id for o in self.organisations)
        contacts = _unique(c.id for c in self.contacts)
        _unique(m.id for m in self.mappings)
        for contact in self.contacts:
            _known(contact.organisation_id, organisations)
        areas = {a.value for a in self.focus_areas}
        for mapping in self.mappings:
            _unique(e.id for e in mapping.entries)
            for person in mapping.conducted_by:
                _known(person, contacts)
            for entry in mapping.entries:
                _known(entry.organisation_id, organisations)
                _known(entry.contact_id, contacts)
                _known(entry.responsible_id, contacts)
                for area in entry.focus_areas:
                    _known(area, areas)
                for assessment in entry.assessments:
                    _known(assessment.assessed_by, contacts)
        return self


def _unique(ids: object) -> set[str]:
    seen: set[str] = set()
    for item in ids:  # type: ignore[attr-defined]
        if item in seen:
            raise ValueError(f"duplicate id {item!r}")
        seen.add(item)
    return seen


def _known(ref: str | None, known: set[str]) -> None:
    if ref is not None and ref not in known:
        raise ValueError(f"unknown reference {ref!r}")


class Document(_Model):
    format: Literal["cfbu-toolkit"]
    schema_version: Literal[1]
    kind: Literal["plan"]
    data: Plan
