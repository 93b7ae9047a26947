"""A small hand-built plan for the Markdown tests: every kind, with known names and levels."""

from __future__ import annotations

import datetime as dt

from cfbu_toolkit.model import (
    ActivityAgreement,
    ActorSector,
    ActorType,
    AgreementParty,
    AgreementSection,
    AgreementStatus,
    Assessment,
    CoFinancing,
    CollaborationAgreement,
    CollaborationStatus,
    ContactPerson,
    DialogueAnswer,
    DialogueQuestion,
    DialogueSession,
    DialogueTheme,
    DialogueTool,
    DialogueToolKind,
    FocusArea,
    FundingPeriod,
    Group,
    GroupKind,
    Indsats,
    Level,
    Mapping,
    MappingEntry,
    MemberRole,
    Membership,
    Organisation,
    Period,
    Placement,
    Plan,
    ValueCategory,
    ValueGame,
    ValuePiece,
)

D = dt.date(2025, 3, 1)


def org(
    oid: str, name: str, sector: ActorSector, kind: ActorType = ActorType.OTHER
) -> Organisation:
    return Organisation(id=oid, name=name, sector=sector, actor_type=kind)


def entry(
    eid: str,
    oid: str,
    interest: Level | None,
    influence: Level | None,
    status: CollaborationStatus = CollaborationStatus.POTENTIAL,
    **kwargs: object,
) -> MappingEntry:
    return MappingEntry(
        id=eid,
        organisation_id=oid,
        assessments=(Assessment(date=D, status=status, interest=interest, influence=influence),),
        **kwargs,  # type: ignore[arg-type]
    )


ORGS = (
    org("o-job", "Jobcenter Egedal", ActorSector.MUNICIPALITY, ActorType.JOBCENTER),
    org("o-skole", "Solbakkeskolen", ActorSector.MUNICIPALITY, ActorType.SCHOOL),
    org("o-politi", "Nordsjællands Politi", ActorSector.POLICE, ActorType.POLICE),
    org("o-bolig", "Boligselskabet Ærø & Co", ActorSector.HOUSING_ORG),
    org("o-klub", "Idrætsklubben Øst", ActorSector.CIVIL_SOCIETY, ActorType.SPORTS_CLUB),
    org("o-lektie", "Lektiecafé | Røde Kors", ActorSector.CIVIL_SOCIETY, ActorType.NGO),
)

CONTACTS = (
    ContactPerson(id="c-mette", name="Mette Sørensen", organisation_id="o-job", role="Leder"),
    ContactPerson(id="c-ali", name="Ali Hansen", organisation_id="o-bolig", role="Projektleder"),
    ContactPerson(id="c-bo", name="Bo Ølgaard", organisation_id="o-klub"),
)

MAPPING = Mapping(
    id="m-1",
    title="Partnere til lektiehjælp",
    date=D,
    entries=(
        entry(
            "e1",
            "o-job",
            Level.HIGH,
            Level.HIGH,
            CollaborationStatus.ACTIVE,
            next_step="Møde i april",
            follow_up_on=dt.date(2025, 4, 10),
        ),
        entry("e2", "o-skole", Level.MEDIUM, Level.HIGH, CollaborationStatus.IN_DIALOGUE),
        entry("e3", "o-politi", Level.LOW, Level.HIGH),
        entry("e4", "o-bolig", Level.HIGH, Level.LOW, CollaborationStatus.ACTIVE),
        entry("e5", "o-klub", Level.LOW, Level.LOW, CollaborationStatus.CONTACTED),
        entry("e6", "o-lektie", None, Level.MEDIUM),
    ),
)

TOOL = DialogueTool(
    id="t-bidrag",
    kind=DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION,
    title_da="Det boligsociale bidrag",
    title_en="The housing-social contribution",
    questions=(
        DialogueQuestion(
            id="q1",
            theme=DialogueTheme.IDENTITY,
            text_da="Hvad står vi for?",
            text_en="What do we stand for?",
        ),
        DialogueQuestion(
            id="q2",
            theme=DialogueTheme.CONTRIBUTION,
            text_da="Hvad kan vi bidrage med?",
            text_en="What can we contribute?",
        ),
        DialogueQuestion(
            id="q3",
            theme=DialogueTheme.IDENTITY,
            text_da="Hvem har tillid til os?",
            text_en="Who trusts us?",
        ),
    ),
)

SESSION = DialogueSession(
    id="s-1",
    tool_id="t-bidrag",
    organisation_id="o-bolig",
    date=dt.date(2025, 2, 3),
    answers=(
        DialogueAnswer(question_id="q1", text="Tryghed og fællesskab.", agreed=True),
        DialogueAnswer(question_id="q2", text="Lokaler\nog frivillige timer"),
    ),
    follow_ups=("Send referat til styregruppen",),
)

COLLAB = CollaborationAgreement(
    id="a-1",
    title="Samarbejde om lektiehjælp",
    parties=(
        AgreementParty(
            organisation_id="o-bolig",
            signatory_id="c-ali",
            contact_id="c-ali",
            signed_on=dt.date(2025, 7, 1),
        ),
        AgreementParty(organisation_id="o-job", signatory_id="c-mette"),
    ),
    sections=(
        AgreementSection(key="purpose", heading="Formål", text="At flere unge får et job."),
        AgreementSection(key="goals", heading="Mål og succeskriterier", text=""),
    ),
    period=Period(start=dt.date(2025, 7, 1), end=dt.date(2026, 6, 30)),
    notice_days=90,
    status=AgreementStatus.IN_REVIEW,
)

ACTIVITY = ActivityAgreement(
    id="aa-1",
    activity="Fodbold for piger",
    place="Boldbanen ved Solbakken",
    schedule="Tirsdage kl. 16-18",
    volunteer_organisation_id="o-klub",
    volunteer_contact_id="c-bo",
    housing_contact_id="c-ali",
    volunteer_commitments=("Træne holdet hver uge",),
    housing_commitments=("Bolde og vand", "Adgang til omklædning"),
    sections=(
        AgreementSection(
            key="activity", heading="Aktiviteten", text="Fodbold for piger 10-14 år."
        ),
        AgreementSection(key="signatures", heading="Underskrifter"),
    ),
    confidentiality_agreed=True,
    child_certificate_required=True,
    child_certificate_obtained_on=dt.date(2025, 5, 2),
)

GAME = ValueGame(
    id="g-1",
    title="Værdispil på workshoppen",
    date=dt.date(2025, 5, 20),
    pieces=(
        ValuePiece(
            id="p-tryg", label_da="Tryghed", label_en="Safety", category=ValueCategory.SOCIAL
        ),
        ValuePiece(
            id="p-job",
            label_da="Flere i job",
            label_en="More in work",
            category=ValueCategory.EFFECT,
        ),
        ValuePiece(id="p-viden", label_da="Viden om beboerne", category=ValueCategory.KNOWLEDGE),
        ValuePiece(id="p-ingen", label_da="Omdømme", category=ValueCategory.REPUTATION),
    ),
    placements=(
        Placement(piece_id="p-tryg", organisation_id="o-bolig", strength=3),
        Placement(piece_id="p-tryg", organisation_id="o-politi", strength=2),
        Placement(piece_id="p-tryg", organisation_id="o-job", strength=1),
        Placement(piece_id="p-job", organisation_id="o-job", strength=3, comment="Vores kerne"),
        Placement(piece_id="p-job", organisation_id="o-bolig", strength=1),
        Placement(piece_id="p-viden", organisation_id="o-politi", strength=2),
    ),
)

PLAN = Plan(
    id="plan-test",
    name="Helhedsplan Østerbo 2023-2026",
    area="Østerbo",
    municipality="Egedal Kommune",
    funding_period=FundingPeriod.LBF_2019_26,
    focus_areas=(FocusArea.EMPLOYMENT.value,),
    period=Period(start=dt.date(2023, 1, 1), end=dt.date(2026, 12, 31)),
    budget_dkk=10_000_000,
    cofinancing=(CoFinancing(organisation_id="o-job", amount_dkk=2_500_000),),
    organisations=ORGS,
    contacts=CONTACTS,
    indsatser=(Indsats(id="i-1", title="Vejen til job", focus_area="employment"),),
    groups=(
        Group(
            id="gr-1",
            kind=GroupKind.STEERING,
            name="Styregruppen",
            members=(
                Membership(contact_id="c-mette", organisation_id="o-job", role=MemberRole.CHAIR),
            ),
        ),
    ),
    mappings=(MAPPING,),
    dialogue_tools=(TOOL,),
    dialogue_sessions=(SESSION,),
    collaboration_agreements=(COLLAB,),
    activity_agreements=(ACTIVITY,),
    value_games=(GAME,),
)
