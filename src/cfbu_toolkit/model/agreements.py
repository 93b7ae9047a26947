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
    check_days,
    check_unique,
    date_field,
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
    text_list,
)
from .enums import AgreementStatus, CollaborationDegree

__all__ = [
    "ActivityAgreement",
    "AgreementParty",
    "AgreementSection",
    "ChildCertificate",
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
    notice_days: int | None = attrs.field(default=None, validator=check_days)
    status: AgreementStatus = enum_field(AgreementStatus, default=AgreementStatus.DRAFT)
    template_version: str = optional_text()
    ended_on: dt.date | None = date_field()
    end_reason: str = optional_text(personal=True)


@attrs.frozen(kw_only=True)
class ChildCertificate:
    """The day a volunteer's børneattest was obtained (never its content)."""

    contact_id: str = ref(to="contact")
    obtained_on: dt.date = required_date()


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
    notice_days: int | None = attrs.field(default=None, validator=check_days)
    status: AgreementStatus = enum_field(AgreementStatus, default=AgreementStatus.DRAFT)
    signed_on: dt.date | None = date_field()
    template_version: str = optional_text()
    involves_children_under_15: bool = flag()
    """Whether the activity brings volunteers into direct contact with children under 15;
    Danish law then asks for a børneattest for every volunteer named in the agreement."""
    volunteer_ids: tuple[str, ...] = refs(to="contact")
    """Further volunteers named in the agreement, besides ``volunteer_contact_id``."""
    child_certificates: tuple[ChildCertificate, ...] = items(
        check_unique(lambda c: c.contact_id, "child certificate")
    )
    ended_on: dt.date | None = date_field()
    end_reason: str = optional_text(personal=True)

    @property
    def named_volunteers(self) -> tuple[str, ...]:
        """Every volunteer named in the agreement (contact ids, the signing one first)."""
        first = () if self.volunteer_contact_id is None else (self.volunteer_contact_id,)
        return tuple(dict.fromkeys((*first, *self.volunteer_ids)))

    @property
    def needs_child_certificates(self) -> bool:
        """Whether a børneattest is required (asked for, or children under 15 involved)."""
        return self.child_certificate_required or self.involves_children_under_15

    def certificate_on(self, contact_id: str) -> dt.date | None:
        """The day the børneattest of ``contact_id`` was obtained, if recorded."""
        for certificate in self.child_certificates:
            if certificate.contact_id == contact_id:
                return certificate.obtained_on
        if contact_id == self.volunteer_contact_id:
            return self.child_certificate_obtained_on
        return None
