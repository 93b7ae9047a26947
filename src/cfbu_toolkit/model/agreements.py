"""Written agreements: the samarbejdsaftale with professional partners and the
aktivitetsaftale with local volunteers.

Neither binds legally; both make expectations explicit. Sections are ordered and keyed, so
a template's guidance can be matched to them and users can add sections of their own.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ..locale import N_
from ._base import (
    Period,
    check_optional_non_negative,
    check_unique,
    date_field,
    enum_field,
    flag,
    ident,
    items,
    opt_ref,
    optional_text,
    ref,
    required_text,
    text_list,
)
from .enums import AgreementStatus, CollaborationDegree

__all__ = [
    "ActivityAgreement",
    "AgreementParty",
    "AgreementSection",
    "CollaborationAgreement",
]


@attrs.frozen(kw_only=True)
class AgreementSection:
    """A numbered section of an agreement; ``key`` ties it to its template."""

    key: str = ident()
    heading: str = required_text()
    text: str = optional_text(personal=True)
    required: bool = flag()


@attrs.frozen(kw_only=True)
class AgreementParty:
    """An organisation that is party to an agreement, who signs for it and who is contact."""

    organisation_id: str = ref(to="organisation")
    signatory_id: str | None = opt_ref(to="contact")
    contact_id: str | None = opt_ref(to="contact")
    signed_on: dt.date | None = date_field()


_unique_sections = check_unique(lambda s: s.key, N_("section"))


@attrs.frozen(kw_only=True)
class CollaborationAgreement:
    """A samarbejdsaftale between the plan and professional partners."""

    id: str = ident()
    title: str = required_text()
    indsats_id: str | None = opt_ref(to="indsats")
    parties: tuple[AgreementParty, ...] = items(
        check_unique(lambda p: p.organisation_id, N_("party"))
    )
    degree: CollaborationDegree = enum_field(
        CollaborationDegree, default=CollaborationDegree.SHARED_TASKS
    )
    sections: tuple[AgreementSection, ...] = items(_unique_sections)
    period: Period = attrs.field(factory=Period)
    notice_days: int | None = attrs.field(default=None, validator=check_optional_non_negative)
    status: AgreementStatus = enum_field(AgreementStatus, default=AgreementStatus.DRAFT)
    template_version: str = optional_text()


@attrs.frozen(kw_only=True)
class ActivityAgreement:
    """An aktivitetsaftale: what the plan and a volunteer (or a group) expect of each other.

    For a børneattest only whether it is required and the day it was obtained are kept,
    never its content (criminal-record data).
    """

    id: str = ident()
    activity: str = required_text()
    indsats_id: str | None = opt_ref(to="indsats")
    place: str = optional_text()
    schedule: str = optional_text()
    period: Period = attrs.field(factory=Period)
    volunteer_organisation_id: str | None = opt_ref(to="organisation")
    volunteer_contact_id: str | None = opt_ref(to="contact")
    housing_contact_id: str | None = opt_ref(to="contact")
    volunteer_commitments: tuple[str, ...] = text_list()
    housing_commitments: tuple[str, ...] = text_list()
    sections: tuple[AgreementSection, ...] = items(_unique_sections)
    confidentiality_agreed: bool = flag()
    child_certificate_required: bool = flag()
    child_certificate_obtained_on: dt.date | None = date_field()
    review_on: dt.date | None = date_field()
    notice_days: int | None = attrs.field(default=None, validator=check_optional_non_negative)
    status: AgreementStatus = enum_field(AgreementStatus, default=AgreementStatus.DRAFT)
    signed_on: dt.date | None = date_field()
    template_version: str = optional_text()
