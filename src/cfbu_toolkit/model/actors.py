"""Actors: organisations and the people who are their contacts.

Personal data lives in :class:`ContactPerson` only; an :class:`Organisation` (its name,
address, website) is not personal data, so the two are kept apart.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ._base import (
    check_email,
    check_phone,
    date_field,
    enum_field,
    ident,
    opt_ref,
    optional_text,
    pii,
    required_text,
)
from .enums import ActorSector, ActorType, LawfulBasis, ResourceKind

__all__ = ["ContactPerson", "Organisation"]


@attrs.frozen(kw_only=True)
class Organisation:
    """An actor around the plan: a municipal service, an association, a business, ..."""

    id: str = ident()
    name: str = required_text()
    sector: ActorSector = enum_field(ActorSector)
    actor_type: ActorType = enum_field(ActorType, default=ActorType.OTHER)
    resource_kind: ResourceKind = enum_field(ResourceKind, default=ResourceKind.PROFESSIONAL)
    description: str = optional_text()
    website: str = optional_text()
    address: str = optional_text()
    cvr: str = optional_text()


@attrs.frozen(kw_only=True)
class ContactPerson:
    """A person at an organisation (or a single volunteer). All of it is personal data."""

    id: str = ident()
    name: str = required_text(personal=True)
    organisation_id: str | None = opt_ref(to="organisation")
    role: str = optional_text(personal=True)
    email: str | None = pii(default=None, validator=check_email)
    phone: str | None = pii(default=None, validator=check_phone)
    lawful_basis: LawfulBasis = enum_field(LawfulBasis, default=LawfulBasis.LEGITIMATE_INTEREST)
    consent_on: dt.date | None = date_field()
    retention_until: dt.date | None = date_field()
