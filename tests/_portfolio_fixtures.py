"""A small hand-built plan whose coverage, gaps, funnel and dates are counted by hand in
tests/test_coverage.py (the expectations are written out there, next to each test)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cfbu_toolkit import (
    ActivityAgreement,
    ActorSector,
    ActorType,
    AgreementParty,
    AgreementStatus,
    Assessment,
    CollaborationAgreement,
    CollaborationStatus,
    ContactPerson,
    CustomFocusArea,
    Group,
    GroupKind,
    Indsats,
    Mapping,
    MappingEntry,
    Membership,
    Organisation,
    Period,
    Plan,
    ResourceKind,
)

S = CollaborationStatus
D = dt.date


def _history(*steps: tuple[D, CollaborationStatus]) -> tuple[Assessment, ...]:
    return tuple(Assessment(date=day, status=status) for day, status in steps)


def _org(id: str, sector: ActorSector, kind: ActorType, resource: ResourceKind) -> Organisation:
    return Organisation(
        id=id, name=f"Org {id}", sector=sector, actor_type=kind, resource_kind=resource
    )


PERSON_NAME = "Birgitte Nørgaard Holm"
PERSON_EMAIL = "bnh@eksempel.dk"
PERSON_PHONE = "+45 22 33 44 55"


def small_plan(plan_id: str = "plan-small", name: str = "Helhedsplan Lille Vænge") -> Plan:
    """Six organisations, two mappings (seven entries), three efforts, five collaboration
    agreements and two activity agreements."""
    orgs = (
        _org("o1", ActorSector.MUNICIPALITY, ActorType.JOBCENTER, ResourceKind.PROFESSIONAL),
        _org("o2", ActorSector.MUNICIPALITY, ActorType.SCHOOL, ResourceKind.PROFESSIONAL),
        _org("o3", ActorSector.POLICE, ActorType.POLICE, ResourceKind.PROFESSIONAL),
        _org("o4", ActorSector.CIVIL_SOCIETY, ActorType.SPORTS_CLUB, ResourceKind.VOLUNTEER),
        _org("o5", ActorSector.RESIDENT, ActorType.INDIVIDUAL_VOLUNTEER, ResourceKind.VOLUNTEER),
        _org("o6", ActorSector.BUSINESS, ActorType.LOCAL_BUSINESS, ResourceKind.PROFESSIONAL),
    )
    contacts = (
        ContactPerson(
            id="c1",
            name=PERSON_NAME,
            organisation_id="o1",
            email=PERSON_EMAIL,
            phone=PERSON_PHONE,
        ),
    )
    indsatser = (
        Indsats(id="i1", title="Job", focus_area="employment", target_group="Unge ledige"),
        Indsats(
            id="i2",
            title="Lektiecafé",
            focus_area="education_life_chances",
            target_group="Børn 6-12 år",
        ),
        Indsats(id="i3", title="Sundhed", focus_area="sundhed", target_group="Ældre"),
    )
    m1 = Mapping(
        id="m1",
        title="Kortlægning til jobindsatsen",
        indsats_id="i1",
        entries=(
            MappingEntry(
                id="e1",
                organisation_id="o1",
                assessments=_history(
                    (D(2024, 1, 10), S.POTENTIAL),
                    (D(2024, 2, 1), S.CONTACTED),
                    (D(2024, 3, 1), S.ACTIVE),
                ),
                follow_up_on=D(2024, 5, 1),
                next_step="Møde om praktikpladser",
                responsible_id="c1",
                notes=f"Ring til {PERSON_NAME} på {PERSON_PHONE}",
            ),
            MappingEntry(
                id="e2",
                organisation_id="o6",
                assessments=_history(
                    (D(2024, 1, 10), S.POTENTIAL),
                    (D(2024, 2, 1), S.CONTACTED),
                    (D(2024, 3, 1), S.DESELECTED),
                ),
                follow_up_on=D(2024, 4, 1),
            ),
            MappingEntry(
                id="e3",
                organisation_id="o3",
                focus_areas=("crime_prevention",),
                assessments=_history((D(2024, 1, 10), S.POTENTIAL)),
                follow_up_on=D(2024, 6, 15),
            ),
        ),
    )
    m2 = Mapping(
        id="m2",
        title="Kortlægning af foreningslivet",
        entries=(
            MappingEntry(
                id="e4",
                organisation_id="o2",
                focus_areas=("education_life_chances",),
                target_groups="Børn 6-12 år, forældre",
                assessments=_history(
                    (D(2024, 1, 10), S.POTENTIAL), (D(2024, 3, 1), S.IN_DIALOGUE)
                ),
                follow_up_on=D(2024, 5, 20),
            ),
            MappingEntry(
                id="e5",
                organisation_id="o4",
                focus_areas=("education_life_chances", "sundhed"),
                target_groups="ældre; børn",
                assessments=_history(
                    (D(2024, 1, 10), S.CONTACTED),
                    (D(2024, 2, 1), S.ACTIVE),
                    (D(2024, 4, 1), S.PAUSED),
                ),
            ),
            MappingEntry(
                id="e6",
                organisation_id="o5",
                target_groups="Ældre",
                assessments=_history((D(2024, 1, 10), S.POTENTIAL), (D(2024, 2, 1), S.ACTIVE)),
            ),
            MappingEntry(
                id="e7",
                organisation_id="o1",
                assessments=_history((D(2023, 12, 1), S.POTENTIAL)),
            ),
        ),
    )

    def collab(id: str, status: AgreementStatus, end: D, notice: int | None = None) -> Any:
        return CollaborationAgreement(
            id=id,
            title=f"Aftale {id}",
            status=status,
            period=Period(start=D(2023, 1, 1), end=end),
            notice_days=notice,
            parties=(AgreementParty(organisation_id="o1", signatory_id="c1"),),
        )

    return Plan(
        id=plan_id,
        name=name,
        municipality="Eksempel Kommune",
        focus_areas=("employment", "education_life_chances", "crime_prevention", "sundhed"),
        custom_focus_areas=(
            CustomFocusArea(key="sundhed", label_da="Sundhed", label_en="Health"),
        ),
        organisations=orgs,
        contacts=contacts,
        indsatser=indsatser,
        groups=(
            Group(
                id="g1",
                kind=GroupKind.STEERING,
                name="Styregruppen",
                members=(Membership(contact_id="c1", organisation_id="o1"),),
            ),
        ),
        mappings=(m1, m2),
        collaboration_agreements=(
            collab("ca1", AgreementStatus.ACTIVE, D(2024, 6, 30), notice=30),
            collab("ca2", AgreementStatus.SIGNED, D(2024, 7, 19)),
            collab("ca3", AgreementStatus.DRAFT, D(2024, 6, 1)),
            collab("ca4", AgreementStatus.ACTIVE, D(2024, 5, 19)),
            collab("ca5", AgreementStatus.ACTIVE, D(2024, 7, 20)),
        ),
        activity_agreements=(
            ActivityAgreement(
                id="aa1",
                activity="Lektiehjælp",
                status=AgreementStatus.ACTIVE,
                period=Period(start=D(2024, 1, 1), end=D(2024, 5, 20)),
                review_on=D(2024, 5, 10),
                volunteer_organisation_id="o4",
                housing_contact_id="c1",
            ),
            ActivityAgreement(
                id="aa2",
                activity="Fodbold",
                status=AgreementStatus.TERMINATED,
                review_on=D(2024, 1, 1),
            ),
        ),
    )
