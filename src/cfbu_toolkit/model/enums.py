"""Enumerations of the domain.

Each member's value is a stable English identifier (it goes into JSON). Its label, what a
person reads in a workbook or a document, is written in English beside the members
(``english_labels``) and translated through the catalogue; :meth:`LabelledEnum.label` gives it
in either language and :meth:`LabelledEnum.from_label` reads it back.
"""

from __future__ import annotations

import enum
from typing import TypeVar

from ..errors import ModelError
from ..locale import LANGUAGES, N_, translate
from ._base import Lang

E = TypeVar("E", bound="LabelledEnum")

__all__ = [
    "ActorSector",
    "ActorType",
    "AgendaTool",
    "AgreementStatus",
    "CollaborationDegree",
    "CollaborationStatus",
    "DialogueTheme",
    "DialogueToolKind",
    "FocusArea",
    "FundingPeriod",
    "GroupKind",
    "LabelledEnum",
    "LawfulBasis",
    "Level",
    "MappingMethod",
    "MemberRole",
    "ResourceKind",
    "ValueCategory",
    "WorkshopKind",
]


_LOOKUP: dict[type[enum.Enum], dict[str, enum.Enum]] = {}


class LabelledEnum(enum.StrEnum):
    """An enumeration whose members carry a label a person reads, in Danish or English.

    A subclass lists the English label of every member by value in ``english_labels`` (an
    ``enum.nonmember`` dict), each marked with ``N_`` so the catalogue carries the Danish; a
    test checks that none is missing.
    """

    def label(self, lang: Lang | None = "da") -> str:
        """The member's label in ``lang`` (Danish by default; ``None``: the current one)."""
        labels: dict[str, str] = getattr(type(self), "english_labels")  # noqa: B009
        return translate(labels[str(self)], lang)

    @classmethod
    def from_label(cls: type[E], text: str) -> E:
        """The member whose value or label (either language) is ``text``.

        Case and surrounding spaces are ignored, so what a person types in a workbook
        matches.
        """
        table = _LOOKUP.get(cls)
        if table is None:
            table = {}
            for member in cls:
                keys = (member.value, *(member.label(lang) for lang in LANGUAGES))
                for key in keys:
                    table.setdefault(key.strip().casefold(), member)
            _LOOKUP[cls] = table
        try:
            return table[text.strip().casefold()]  # type: ignore[return-value]
        except KeyError:
            allowed = ", ".join(m.label() for m in cls)
            raise ModelError(
                N_("{text!r} is not one of {allowed}"), text=text, allowed=allowed
            ) from None


class FundingPeriod(LabelledEnum):
    """Landsbyggefonden's funding periods, or none."""

    LBF_2006_10 = "lbf_2006_10"
    LBF_2011_14 = "lbf_2011_14"
    LBF_2015_18 = "lbf_2015_18"
    LBF_2019_26 = "lbf_2019_26"
    NON_LBF = "non_lbf"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "lbf_2006_10": N_("LBF 2006-10 funds"),
            "lbf_2011_14": N_("LBF 2011-14 funds"),
            "lbf_2015_18": N_("LBF 2015-18 funds"),
            "lbf_2019_26": N_("LBF 2019-26 funds"),
            "non_lbf": N_("Without LBF funds"),
        }
    )


class FocusArea(LabelledEnum):
    """Landsbyggefonden's focus areas (indsatsområder) for the 2015-18 and 2019-26 funds.

    Plans from other periods, or without LBF funds, add their own with
    :class:`~cfbu_toolkit.model.plan.CustomFocusArea`.
    """

    # 2019-26
    EDUCATION_LIFE_CHANCES = "education_life_chances"
    EMPLOYMENT = "employment"
    CRIME_PREVENTION = "crime_prevention"
    COHESION_CITIZENSHIP = "cohesion_citizenship"
    # 2015-18
    SAFETY_WELLBEING = "safety_wellbeing"
    CRIME_PREVENTIVE = "crime_preventive"
    EDUCATION_EMPLOYMENT = "education_employment"
    PREVENTION_PARENTAL_RESPONSIBILITY = "prevention_parental_responsibility"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "education_life_chances": N_("Education and life chances"),
            "employment": N_("Employment"),
            "crime_prevention": N_("Crime prevention"),
            "cohesion_citizenship": N_("Cohesion and citizenship"),
            "safety_wellbeing": N_("Safety and well-being"),
            "crime_preventive": N_("Crime-preventive effort"),
            "education_employment": N_("Education and employment"),
            "prevention_parental_responsibility": N_("Prevention and parental responsibility"),
        }
    )

    @property
    def funding_period(self) -> FundingPeriod:
        """The funding period the focus area belongs to."""
        if self in _FOCUS_2019_26:
            return FundingPeriod.LBF_2019_26
        return FundingPeriod.LBF_2015_18

    @classmethod
    def of_period(cls, period: FundingPeriod) -> tuple[FocusArea, ...]:
        """The focus areas Landsbyggefonden set for ``period`` (none for other periods)."""
        return tuple(area for area in cls if area.funding_period is period)


_FOCUS_2019_26 = frozenset(
    {
        FocusArea.EDUCATION_LIFE_CHANCES,
        FocusArea.EMPLOYMENT,
        FocusArea.CRIME_PREVENTION,
        FocusArea.COHESION_CITIZENSHIP,
    }
)


class ActorSector(LabelledEnum):
    """Which part of society an organisation belongs to."""

    MUNICIPALITY = "municipality"
    HOUSING_ORG = "housing_org"
    RESIDENT_DEMOCRACY = "resident_democracy"
    POLICE = "police"
    REGION = "region"
    STATE = "state"
    CIVIL_SOCIETY = "civil_society"
    BUSINESS = "business"
    EDUCATION_INST = "education_inst"
    FOUNDATION = "foundation"
    RESIDENT = "resident"
    OTHER = "other"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "municipality": N_("Municipality"),
            "housing_org": N_("Housing organisation"),
            "resident_democracy": N_("Resident democracy"),
            "police": N_("Police"),
            "region": N_("Region"),
            "state": N_("State"),
            "civil_society": N_("Civil society/association"),
            "business": N_("Business"),
            "education_inst": N_("Educational institution"),
            "foundation": N_("Foundation"),
            "resident": N_("Resident/local champion"),
            "other": N_("Other"),
        }
    )


class ActorType(LabelledEnum):
    """The kind of actor, finer than the sector; each has a usual sector."""

    JOBCENTER = "jobcenter"
    SCHOOL = "school"
    SSP = "ssp"
    HEALTH_VISITOR = "health_visitor"
    DAYCARE = "daycare"
    YOUTH_CLUB = "youth_club"
    YOUTH_GUIDANCE = "youth_guidance"
    SOCIAL_SERVICES = "social_services"
    LIBRARY_CULTURE = "library_culture"
    HEALTH_CENTER = "health_center"
    POLICE = "police"
    HOUSING_ADMIN = "housing_admin"
    ESTATE_STAFF = "estate_staff"
    DEPARTMENT_BOARD = "department_board"
    ORGANISATION_BOARD = "organisation_board"
    SPORTS_CLUB = "sports_club"
    VOLUNTARY_ASSOCIATION = "voluntary_association"
    NGO = "ngo"
    FAITH_COMMUNITY = "faith_community"
    RESIDENT_GROUP = "resident_group"
    INDIVIDUAL_VOLUNTEER = "individual_volunteer"
    LOCAL_BUSINESS = "local_business"
    EDUCATION_INSTITUTION = "education_institution"
    FOUNDATION = "foundation"
    KRIMINALFORSORGEN = "kriminalforsorgen"
    OTHER = "other"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "jobcenter": N_("Job centre"),
            "school": N_("School"),
            "ssp": N_("SSP (school, social services, police)"),
            "health_visitor": N_("Health visitors"),
            "daycare": N_("Daycare"),
            "youth_club": N_("Youth club"),
            "youth_guidance": N_("Youth guidance (UU/KUI)"),
            "social_services": N_("Social services"),
            "library_culture": N_("Library/culture house/community centre"),
            "health_center": N_("Health centre"),
            "police": N_("Police"),
            "housing_admin": N_("Housing administration"),
            "estate_staff": N_("Estate staff"),
            "department_board": N_("Estate residents' board"),
            "organisation_board": N_("Housing association board"),
            "sports_club": N_("Sports club"),
            "voluntary_association": N_("Voluntary association"),
            "ngo": N_("NGO"),
            "faith_community": N_("Faith community"),
            "resident_group": N_("Residents' group"),
            "individual_volunteer": N_("Individual volunteer"),
            "local_business": N_("Business/shop"),
            "education_institution": N_("Place of education"),
            "foundation": N_("Foundation"),
            "kriminalforsorgen": N_("Prison and Probation Service"),
            "other": N_("Other"),
        }
    )

    @property
    def default_sector(self) -> ActorSector:
        """The sector an actor of this type usually belongs to."""
        return _DEFAULT_SECTOR.get(self, ActorSector.OTHER)


_DEFAULT_SECTOR: dict[ActorType, ActorSector] = {
    **dict.fromkeys(
        (
            ActorType.JOBCENTER,
            ActorType.SCHOOL,
            ActorType.SSP,
            ActorType.HEALTH_VISITOR,
            ActorType.DAYCARE,
            ActorType.YOUTH_CLUB,
            ActorType.YOUTH_GUIDANCE,
            ActorType.SOCIAL_SERVICES,
            ActorType.LIBRARY_CULTURE,
            ActorType.HEALTH_CENTER,
        ),
        ActorSector.MUNICIPALITY,
    ),
    ActorType.POLICE: ActorSector.POLICE,
    ActorType.HOUSING_ADMIN: ActorSector.HOUSING_ORG,
    ActorType.ESTATE_STAFF: ActorSector.HOUSING_ORG,
    ActorType.DEPARTMENT_BOARD: ActorSector.RESIDENT_DEMOCRACY,
    ActorType.ORGANISATION_BOARD: ActorSector.RESIDENT_DEMOCRACY,
    **dict.fromkeys(
        (
            ActorType.SPORTS_CLUB,
            ActorType.VOLUNTARY_ASSOCIATION,
            ActorType.NGO,
            ActorType.FAITH_COMMUNITY,
        ),
        ActorSector.CIVIL_SOCIETY,
    ),
    ActorType.RESIDENT_GROUP: ActorSector.RESIDENT,
    ActorType.INDIVIDUAL_VOLUNTEER: ActorSector.RESIDENT,
    ActorType.LOCAL_BUSINESS: ActorSector.BUSINESS,
    ActorType.EDUCATION_INSTITUTION: ActorSector.EDUCATION_INST,
    ActorType.FOUNDATION: ActorSector.FOUNDATION,
    ActorType.KRIMINALFORSORGEN: ActorSector.STATE,
}


class ResourceKind(LabelledEnum):
    """CFBU's split of the resources around an effort."""

    PROFESSIONAL = "professional"
    VOLUNTEER = "volunteer"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "professional": N_("Professional"),
            "volunteer": N_("Volunteer"),
        }
    )


class Level(LabelledEnum):
    """Low, medium or high: relevance, interest, influence."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "low": N_("Low"),
            "medium": N_("Medium"),
            "high": N_("High"),
        }
    )

    @property
    def rank(self) -> int:
        """1, 2 or 3, for sorting and plotting."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}


class CollaborationStatus(LabelledEnum):
    """Where the collaboration with a mapped organisation stands."""

    POTENTIAL = "potential"
    CONTACTED = "contacted"
    IN_DIALOGUE = "in_dialogue"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"
    DESELECTED = "deselected"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "potential": N_("Potential"),
            "contacted": N_("Contacted"),
            "in_dialogue": N_("In dialogue"),
            "active": N_("Active partner"),
            "paused": N_("Paused"),
            "ended": N_("Ended"),
            "deselected": N_("Deselected"),
        }
    )


class MappingMethod(LabelledEnum):
    """How a mapping found its organisations."""

    DESK = "desk"
    WALK = "walk"
    DOOR_KNOCK = "door_knock"
    BRAINSTORM = "brainstorm"
    WORKSHOP = "workshop"
    SURVEY = "survey"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "desk": N_("Desk research"),
            "walk": N_("Walk through the area"),
            "door_knock": N_("Door-knocking"),
            "brainstorm": N_("Brainstorm"),
            "workshop": N_("Workshop"),
            "survey": N_("Survey"),
        }
    )


class LawfulBasis(LabelledEnum):
    """The GDPR basis on which a contact person's data is held."""

    LEGITIMATE_INTEREST = "legitimate_interest"
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "legitimate_interest": N_("Legitimate interest"),
            "consent": N_("Consent"),
            "contract": N_("Contract"),
            "legal_obligation": N_("Legal obligation"),
        }
    )


class AgreementStatus(LabelledEnum):
    """The life of an agreement, from draft to its end."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    SIGNED = "signed"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "draft": N_("Draft"),
            "in_review": N_("In review"),
            "signed": N_("Signed"),
            "active": N_("Active"),
            "expired": N_("Expired"),
            "terminated": N_("Terminated"),
        }
    )


class CollaborationDegree(LabelledEnum):
    """How closely the parties work together (CFSA's three degrees)."""

    SHARED_TASKS = "shared_tasks"
    DIALOGUE = "dialogue"
    KNOWLEDGE_SHARING = "knowledge_sharing"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "shared_tasks": N_("Shared tasks/operation"),
            "dialogue": N_("Dialogue"),
            "knowledge_sharing": N_("Knowledge sharing"),
        }
    )


class GroupKind(LabelledEnum):
    """The plan's governing and working groups."""

    BOARD = "board"
    STEERING = "steering"
    FOLLOW_UP = "follow_up"
    WORKING_GROUP = "working_group"
    NETWORK = "network"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "board": N_("Board"),
            "steering": N_("Steering group"),
            "follow_up": N_("Follow-up group"),
            "working_group": N_("Working group"),
            "network": N_("Network"),
        }
    )


class MemberRole(LabelledEnum):
    """A member's role in a group."""

    CHAIR = "chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    OBSERVER = "observer"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "chair": N_("Chair"),
            "secretary": N_("Secretary"),
            "member": N_("Member"),
            "observer": N_("Observer"),
        }
    )


class DialogueToolKind(LabelledEnum):
    """CFBU's two dialogue tools, or a question set of the user's own."""

    HOUSING_SOCIAL_CONTRIBUTION = "housing_social_contribution"
    PARTNER_PERSPECTIVE = "partner_perspective"
    CUSTOM = "custom"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "housing_social_contribution": N_("Dialogue tool: The housing-social contribution"),
            "partner_perspective": N_("Dialogue tool: The partner's perspective"),
            "custom": N_("Own question set"),
        }
    )


class DialogueTheme(LabelledEnum):
    """The themes dialogue questions are grouped by."""

    IDENTITY = "identity"
    CONTRIBUTION = "contribution"
    GOALS = "goals"
    TASKS = "tasks"
    FRAMEWORK = "framework"
    VALUES = "values"
    METHODS = "methods"
    EXPECTATIONS = "expectations"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "identity": N_("Who we are and stand for"),
            "contribution": N_("Contribution"),
            "goals": N_("Purpose and goals"),
            "tasks": N_("Tasks"),
            "framework": N_("Framework"),
            "values": N_("Values"),
            "methods": N_("Methods"),
            "expectations": N_("Expectations"),
        }
    )


class ValueCategory(LabelledEnum):
    """Kinds of value a collaboration creates (seeded from KORA 2016)."""

    SOCIAL = "social"
    DEMOCRATIC = "democratic"
    ECONOMIC = "economic"
    INNOVATION = "innovation"
    QUALITY = "quality"
    EFFECT = "effect"
    KNOWLEDGE = "knowledge"
    REPUTATION = "reputation"
    ACCESS = "access"
    WORK_JOY = "work_joy"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "social": N_("Social value"),
            "democratic": N_("Democratic value"),
            "economic": N_("Economic value"),
            "innovation": N_("Innovation"),
            "quality": N_("Quality"),
            "effect": N_("Effect"),
            "knowledge": N_("Knowledge and learning"),
            "reputation": N_("Reputation"),
            "access": N_("Access to the target group"),
            "work_joy": N_("Joy at work"),
        }
    )


class WorkshopKind(LabelledEnum):
    """A workshop for the plan's own staff, or one with invited partners."""

    INTERNAL = "internal"
    WITH_PARTNERS = "with_partners"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "internal": N_("Internal workshop"),
            "with_partners": N_("Workshop with partners"),
        }
    )


class AgendaTool(LabelledEnum):
    """The CFBU tool an agenda block works with."""

    MAPPING = "mapping"
    HOUSING_SOCIAL_CONTRIBUTION = "housing_social_contribution"
    PARTNER_PERSPECTIVE = "partner_perspective"
    COLLABORATION_AGREEMENT = "collaboration_agreement"
    ACTIVITY_AGREEMENT = "activity_agreement"
    VALUE_GAME = "value_game"

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "mapping": N_("Mapping"),
            "housing_social_contribution": N_("Dialogue: The housing-social contribution"),
            "partner_perspective": N_("Dialogue: The partner's perspective"),
            "collaboration_agreement": N_("Collaboration agreement"),
            "activity_agreement": N_("Activity agreement"),
            "value_game": N_("Value game"),
        }
    )
